// Vaststellingen: immutable snapshots of an adopted begroting or jaarrekening (every post, every
// bijdrage per payer, the gemeenten and herindelingen it was computed with, the inputs' sha256,
// besluit and date), each sealed by a sha256 over its canonical content.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"
#include "vhh/administration.h"
#include "vhh/contribution.h"
#include "vhh/region.h"

namespace vhh::host::store {

/// What a vaststelling records.
struct VaststellingInput {
    const Region *region = nullptr;
    std::string document;  ///< "begroting" or "jaarrekening"
    int jaar = 0;
    std::string besluit;
    std::string datum;     ///< YYYY-MM-DD
    const std::vector<ContributionLine> *lines = nullptr;
    /// The report plugin's posten (begroting primitief or realisatie, by `document`); nullptr: the
    /// total of every line source is recorded as a post instead.
    const std::vector<PostFigures> *posten = nullptr;
    std::vector<std::pair<std::string, std::string>> inputs;  ///< file label, sha256
};

/// Stores the snapshot inside the open write transaction and returns its hash. A second
/// vaststelling of the same region, document and year is refused (65) naming the first's date
/// and besluit.
std::string store_vaststelling(Store &store, const VaststellingInput &v);

/// The hash the vaststelling with this row of `vaststellingen` must have, from what the store holds.
std::string snapshot_hash(Store &store, const Row &vaststelling);

/// The first vaststelling whose content does not match its hash, as a message; nullopt when all match.
std::optional<std::string> verify_snapshots(Store &store);

/// A vastgestelde document of one region and year as the store holds it.
struct StoredSnapshot {
    std::int64_t id = 0;
    std::string regio, document, besluit, datum, sha256;
    int jaar = 0;
    std::vector<PostAmount> posten;           ///< in recorded order
    std::vector<ContributionLine> bijdragen;  ///< source, payer_id, payer, amount, basis
};

/// The vaststelling of `document` for `regio` and `jaar`, or nullopt.
std::optional<StoredSnapshot> find_vaststelling(Store &store, const std::string &regio, const std::string &document,
                                                int jaar);

}  // namespace vhh::host::store
