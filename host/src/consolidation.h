// The consolidated documents of a province run: one workbook and one text report with the
// contributions per region and per gemeente, and the year before where it is known.
#pragma once

#include <string>
#include <vector>

#include "config/province_config.h"
#include "vhh/contribution.h"
#include "vhh/region.h"
#include "vhh/report.h"

namespace vhh::host {

/// One region's figures for the consolidation.
struct ConsolidationInput {
    const Region *region = nullptr;                             ///< the region (boekjaar of the province)
    const std::vector<ContributionLine> *lines = nullptr;       ///< its contribution lines
    const std::vector<ContributionLine> *prior_lines = nullptr; ///< the year before, or nullptr
    std::string prior_snapshot;  ///< when the year before comes from the store: which vaststelling ("" otherwise)
};

/// consolidatie-Y.xlsx: sheets "Per regio" (a column per source, totals as formulas, the year
/// before and the difference) and "Per gemeente" (every gemeente of every region: what it pays
/// per source, its total, the year before and the difference).
Workbook consolidation_workbook(const ProvinceConfig &province, const std::vector<ConsolidationInput> &regions);

/// consolidatie-Y.txt, rendered from templates/consolidatie.txt.mustache.
TextDocument consolidation_text(const ProvinceConfig &province, const std::vector<ConsolidationInput> &regions);

}  // namespace vhh::host
