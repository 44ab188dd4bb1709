// Begrotingswijzigingen: a change of a vastgestelde begroting per post and per payer, numbered per
// region and year, sealed by a sha256 over its content that its audit log entry names (so that
// `vhh db verify` finds a wijziging changed behind vhh's back); and the file `vhh wijziging` reads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"
#include "vhh/administration.h"
#include "vhh/contribution.h"
#include "vhh/diagnostics.h"
#include "vhh/region.h"

namespace vhh::host::store {

/// A begrotingswijziging to record: the change per post and per payer.
struct WijzigingInput {
    std::string regio;
    int jaar = 0;
    std::string besluit;
    std::string datum;  ///< YYYY-MM-DD
    std::vector<PostAmount> posten;             ///< the change per post
    std::vector<ContributionLine> bijdragen;    ///< the change per payer (payer_id, payer, amount)
    std::string omschrijving;                   ///< what changes and why
};

/// A recorded wijziging: its number and seal.
struct RecordedWijziging {
    int nummer = 0;
    std::string sha256;
};

/// Records `w` inside the open write transaction as the next wijziging of its regio and jaar (1, 2,
/// …) and seals it. The audit log entry (naming the seal) is the caller's: wijziging_log_text.
RecordedWijziging record_wijziging(Store &store, const WijzigingInput &w);

/// Records `w` as record_wijziging does and returns its nummer.
int store_wijziging(Store &store, const WijzigingInput &w);

/// The audit log text of a recorded wijziging; it names the seal.
std::string wijziging_log_text(const WijzigingInput &w, const RecordedWijziging &r);

/// The first wijziging whose content does not match its seal, or whose seal no audit log entry of
/// `wijziging` names, as a message; nullopt when all hold.
std::optional<std::string> verify_wijzigingen(Store &store);

/// Reads a wijziging file (`omschrijving`, `posten: [{code, naam, bedrag}]`, `bijdragen: [{gemeente,
/// bedrag}]`, amounts in euros, a change may be negative) for `region`. Every problem is recorded,
/// located, in `diag`; `begroting_posten` (the vastgestelde begroting's posten) are the codes a
/// post may have.
WijzigingInput read_wijziging_file(const std::string &path, const Region &region,
                                   const std::vector<PostAmount> &begroting_posten, Diagnostics &diag);

}  // namespace vhh::host::store
