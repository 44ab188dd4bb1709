// report.begroting — the resultaat vóór and na bestemming: the saldo van baten en lasten and the
// budgeted mutations of the reserves (toevoegingen lower the resultaat, onttrekkingen raise it, as in
// report.jaarverantwoording), per year of the meerjarenraming, every amount a formula over named cells.
#pragma once

#include <map>
#include <vector>

#include "config.h"
#include "vhh/document.h"

namespace vhh::begroting {

/// True when some reserve has a budgeted mutation.
bool heeft_mutaties(const Config &c);

/// The budgeted toevoegingen (`toevoegingen` true) or onttrekkingen per reserve per year of the
/// meerjarenraming; the total of year Y is the cell res_toevoegingen_Y / res_onttrekkingen_Y.
doc::Table mutaties_tabel(const Config &c, bool toevoegingen);

/// Per year: saldo van baten en lasten (resultaat vóór bestemming, over the cells rm_baten_Y and
/// rm_lasten_Y), toevoegingen, onttrekkingen and the resultaat na bestemming (cell resultaat_Y).
doc::Table resultaat_tabel(const Config &c, const std::map<int, Money> &baten, const std::map<int, Money> &lasten);

/// The resultaat of the begrotingsjaar for the overzicht van baten en lasten, over its totals
/// ov_baten_begroting and ov_lasten_begroting.
doc::Table resultaat_overzicht(const Config &c, Money baten, Money lasten);

/// The sum of the budgeted toevoegingen (or onttrekkingen) of `jaar`.
Money mutaties_in(const Config &c, int jaar, bool toevoegingen);

}  // namespace vhh::begroting
