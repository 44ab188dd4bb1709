// What the store holds for a region's boekjaar, as report plugins see it (vhh/administration.h):
// the vastgestelde jaarrekening of the year before, the vastgestelde begroting and its
// begrotingswijzigingen; and how a begrotingswijziging is recorded.
#pragma once

#include <string>
#include <vector>

#include "store/snapshot.h"
#include "store/store.h"
#include "vhh/administration.h"
#include "vhh/region.h"

namespace vhh::host::store {

/// A vaststelling as plugins see it: its bijdragen restated for `region`'s herindelingen.
AdoptedDocument adopted_document(StoredSnapshot snapshot, const Region &region);

/// The administration's figures for `region` and its boekjaar, read in the store's open transaction.
Administration read_administration(Store &store, const Region &region);

/// The begrotingswijzigingen of `regio` and `jaar`, by nummer.
std::vector<BudgetAmendment> find_wijzigingen(Store &store, const std::string &regio, int jaar);

/// A begrotingswijziging to record: the change per post and per payer.
struct WijzigingInput {
    std::string regio;
    int jaar = 0;
    std::string besluit;
    std::string datum;  ///< YYYY-MM-DD
    std::vector<PostAmount> posten;             ///< the change per post
    std::vector<ContributionLine> bijdragen;    ///< the change per payer (payer_id, payer, amount)
};

/// Records `w` inside the open write transaction as the next wijziging of its regio and jaar and
/// returns its nummer (1, 2, …). The audit log entry is the caller's.
int store_wijziging(Store &store, const WijzigingInput &w);

}  // namespace vhh::host::store
