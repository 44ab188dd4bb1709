// Partners of a Veiligheidshuis: the registry a load plugin (registry.partners) fills and
// other plugins read, e.g. financing.werkplekhuur bills exactly the werkplekken held here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vhh/date.h"
#include "vhh/diagnostics.h"

namespace vhh {

/// A number of werkplekken a partner rents over a period. `tot` is inclusive; an
/// invalid (default) `tot` means open-ended.
struct WerkplekPeriode {
    std::int64_t aantal = 0;   ///< number of werkplekken
    Date van;                  ///< first day
    Date tot;                  ///< last day, or !tot.valid() when open-ended
    SourceLocation where;      ///< where the period is written
};

/// A partner: an organisation (a role, never a person).
struct Partner {
    std::string id;                          ///< stable id, e.g. "om"
    std::string naam;                        ///< display name
    std::string domein;                      ///< justitie, politie, zorg, gemeente, onderwijs, wonen, overig
    std::string ring;                        ///< kern, sleutelpartner, flexibele schil
    bool gehuisvest = false;                 ///< housed in the building
    std::vector<WerkplekPeriode> werkplekken;///< rented werkplekken over time
    Date convenant_datum;                    ///< convenant gegevensdeling signed on (invalid: none)
    std::string convenant_versie;            ///< convenant version, empty when none
    std::vector<std::string> gemeenten;      ///< CBS codes of the gemeenten it serves (empty: all)
    Date actief_van;                         ///< active from (invalid: always)
    Date actief_tot;                         ///< active until, inclusive (invalid: open-ended)
    SourceLocation where;                    ///< where the partner is declared
    std::string key_path;                    ///< its key path in the config, e.g. "plugins[1].partners[3]"

    /// True when the partner is active on some day of `year`.
    bool active_in(int year) const;
};

/// Werkplek-maanden a partner rents in `year`: for every month of the year, the werkplekken of
/// the period in force on its 1st (pro rata by the bezetting on the 1st of the month, so a change
/// of werkplekken within a month bills that month once, by the old number). Twelve werkplek-maanden
/// are one werkplek for a year. (financing.werkplekhuur offers other pro-rata rules.)
std::int64_t werkplek_maanden(const Partner &partner, int year);

/// Months of `year` on whose 1st the inclusive period [van, tot] is in force (0-12); an invalid
/// `tot` means open-ended.
int months_in_force_on_the_first(const Date &van, const Date &tot, int year);

/// Months of `year` that the inclusive period [van, tot] covers entirely (0-12);
/// an invalid `tot` means open-ended. (Not a billing rule: a period ending within a month and the
/// next starting the day after would leave that month out.)
int whole_months_in_year(const Date &van, const Date &tot, int year);

}  // namespace vhh
