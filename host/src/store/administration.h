// What the store holds for a region's boekjaar, as report plugins see it (vhh/administration.h):
// the vastgestelde jaarrekening of the year before, the vastgestelde begroting and its
// begrotingswijzigingen; and how a begrotingswijziging is recorded.
#pragma once

#include <string>
#include <vector>

#include "store/snapshot.h"
#include "store/store.h"
#include "store/wijziging.h"
#include "vhh/administration.h"
#include "vhh/region.h"

namespace vhh::host::store {

/// A vaststelling as plugins see it: its bijdragen restated for `region`'s herindelingen.
AdoptedDocument adopted_document(StoredSnapshot snapshot, const Region &region);

/// The administration's figures for `region` and its boekjaar, read in the store's open transaction.
Administration read_administration(Store &store, const Region &region);

/// The debiteurenstand of `regio` on `per` as a report plugin sees it (vhh/debiteuren.h): the
/// same open items as `vhh debiteuren --per` (betalingen/debiteurenstand.h).
Debiteurenstand debiteurenstand_per(Store &store, const std::string &regio, const Date &per);

/// The begrotingswijzigingen of `regio` and `jaar`, by nummer.
std::vector<BudgetAmendment> find_wijzigingen(Store &store, const std::string &regio, int jaar);

}  // namespace vhh::host::store
