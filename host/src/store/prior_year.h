// The year before in a province run: the store's vastgestelde jaarrekening of the year before
// when there is one, otherwise the region's `vorig_jaar` config; either way restated for
// herindelingen (a merged gemeente's predecessors count as the gemeente).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/store.h"
#include "vhh/contribution.h"
#include "vhh/region.h"

namespace vhh::host::store {

/// A region's year before, if known.
struct PriorYear {
    bool known = false;
    std::vector<ContributionLine> lines;  ///< restated for the region's herindelingen
    std::string snapshot;                 ///< which vaststelling gave them ("" when the config did)
};

/// Opens the store `flag` (--database), else VHH_DATABASE, else the config's `administratie`
/// (`config_url`, a sqlite path relative to `config_path`'s folder) names, in a read transaction,
/// checked to be of this program's schema; nullptr when none is named. Problems are StoreErrors.
std::unique_ptr<Store> open_store_for_run(const std::string &flag, const std::string &config_url,
                                          const std::string &config_path);

/// The year before of `region`: from `store` (may be nullptr) when it holds the vastgestelde
/// jaarrekening of boekjaar - 1, else `config_lines` (may be nullptr: not known).
PriorYear prior_year(Store *store, const Region &region, const std::vector<ContributionLine> *config_lines);

/// `lines` with the payer of every gemeente merged into one of `region`'s gemeenten replaced by it.
std::vector<ContributionLine> restated(std::vector<ContributionLine> lines, const Region &region);

}  // namespace vhh::host::store
