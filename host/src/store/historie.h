// `vhh historie`: every gemeente's voorlopige (vastgestelde begroting) and definitieve
// (vastgestelde jaarrekening) bijdrage per year, restated for herindelingen: a merged gemeente
// shows its predecessors' history summed, with the predecessors named; and per region and post
// the begroting (primitief, and na wijziging with the recorded begrotingswijzigingen) beside the
// realisatie of the vastgestelde jaarrekening, per year.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace vhh::host::store {

/// One year of a gemeente's history.
struct HistorieJaar {
    int jaar = 0;
    std::optional<std::int64_t> voorlopig_cents;   ///< from the vastgestelde begroting
    std::optional<std::int64_t> definitief_cents;  ///< from the vastgestelde jaarrekening
};

/// A gemeente as it exists now, with the gemeenten merged into it.
struct HistorieGemeente {
    std::string code, naam;
    std::vector<std::string> voorgangers;  ///< CBS codes, sorted
    std::vector<HistorieJaar> jaren;       ///< by year
};

/// One year of a post: what is known of it (nullopt: not vastgesteld).
struct HistoriePostJaar {
    int jaar = 0;
    std::optional<std::int64_t> primitief_cents;     ///< the vastgestelde begroting (€ 0: not in it)
    std::optional<std::int64_t> na_wijziging_cents;  ///< primitief + the begrotingswijzigingen' changes
    std::optional<std::int64_t> realisatie_cents;    ///< the vastgestelde jaarrekening (€ 0: not in it)
};

/// A post of a region over the years.
struct HistoriePost {
    std::string regio, code, naam;      ///< naam: as last recorded
    std::vector<HistoriePostJaar> jaren;  ///< by year
};

/// The history of every gemeente, sorted by code, and of every post, sorted by region and code.
struct Historie {
    std::vector<HistorieGemeente> gemeenten;
    std::vector<HistoriePost> posten;
};

/// Reads the history from the vaststellingen in the store; only `gemeente` (its current code or
/// one of its predecessors') and no posten when not empty.
Historie read_historie(Store &store, const std::string &gemeente);
/// Reads the history of the posten (vaststellingen and begrotingswijzigingen) into `h.posten`.
void read_posten_historie(Store &store, Historie &h);

/// The cents as JSON, or null.
std::string cents_or_null(const std::optional<std::int64_t> &c);
/// "€ 1.234,56", or "-" when not known.
std::string euro(const std::optional<std::int64_t> &c);

/// {"gemeenten": [...], "posten": [...]}: either list left out when `gemeenten`/`posten` is false.
std::string historie_json(const Historie &h, bool gemeenten = true, bool posten = true);
/// The gemeenten as CSV (BOM, ';', header row).
std::string historie_csv(const Historie &h);
/// The "posten" member of historie_json.
std::string historie_posten_json(const Historie &h);
/// The posten as text tables.
std::string historie_posten_table(const Historie &h);
/// The posten as CSV (BOM, ';', header row).
std::string historie_posten_csv(const Historie &h);
/// The gemeenten, then (when `posten`) the posten, as text tables.
std::string historie_table(const Historie &h, bool gemeenten = true, bool posten = true);

}  // namespace vhh::host::store
