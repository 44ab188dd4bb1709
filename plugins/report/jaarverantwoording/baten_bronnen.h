// Where the realisatie of each baten post comes from, for the reader of the jaarverantwoording:
// the contribution lines of this run (vhh bijdragen) or the ledger export (grootboek).
#pragma once

#include <string>
#include <vector>

#include "config.h"

namespace vhh::jaarverantwoording {

/// The baten posten by source, as list items wrapped at `width` characters ("- " first, "  "
/// after): one item for the posten with contribution lines ("uit de bijdragen van dit boekjaar
/// (vhh bijdragen): Rijksbijdrage, …") and one for the posten fed by the ledger ("uit het grootboek
/// (grootboekexport 2023): …"): those without `lijnen`, and those with lines that also have ledger
/// bookings (a post in both lists). An item is left out when it has no posten.
std::vector<std::string> baten_bronnen(const Config &config, std::size_t width = 78);

/// `text` as one list item wrapped at `width` display characters: the first line starts with
/// "- ", the others with "  "; words are never split.
std::string list_item(const std::string &text, std::size_t width);

}  // namespace vhh::jaarverantwoording
