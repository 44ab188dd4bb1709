// `vhh historie`: every gemeente's voorlopige (vastgestelde begroting) and definitieve
// (vastgestelde jaarrekening) bijdrage per year, restated for herindelingen: a merged gemeente
// shows its predecessors' history summed, with the predecessors named.
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

/// The history of every gemeente, sorted by code.
struct Historie {
    std::vector<HistorieGemeente> gemeenten;
};

/// Reads the history from the vaststellingen in the store; only `gemeente` (its current code or
/// one of its predecessors') when not empty.
Historie read_historie(Store &store, const std::string &gemeente);

std::string historie_json(const Historie &h);
std::string historie_csv(const Historie &h);
std::string historie_table(const Historie &h);

}  // namespace vhh::host::store
