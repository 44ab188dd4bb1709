// The consolidated document of a province run, consolidatie-Y: the contributions per region and
// per gemeente, and the year before where it is known. Described in the document model
// (vhh/document.h) and rendered like the plugins' documents, in every format.
#pragma once

#include <string>
#include <vector>

#include "config/province_config.h"
#include "vhh/contribution.h"
#include "vhh/document.h"
#include "vhh/region.h"

namespace vhh::host {

/// One region's figures for the consolidation.
struct ConsolidationInput {
    const Region *region = nullptr;                             ///< the region (boekjaar of the province)
    const std::vector<ContributionLine> *lines = nullptr;       ///< its contribution lines
    const std::vector<ContributionLine> *prior_lines = nullptr; ///< the year before, or nullptr
    std::string prior_snapshot;  ///< when the year before comes from the store: which vaststelling ("" otherwise)
};

/// consolidatie-Y: sections "Per regio" (a column per source, the total of the boekjaar as a formula
/// over the region's named amounts, and when any region knows it the year before and the
/// difference as a formula; a total row of SUM(kolom(…)) formulas), "Per gemeente" (every gemeente
/// of every region likewise) and, when the store gave a year before, "Vorig jaar" (which
/// vaststelling). Cells are named r<N>_b<M> / g<N>_b<M> (region or gemeente N, source M),
/// r<N>_totaal, r<N>_vorig and so on.
doc::Document consolidation_document(const ProvinceConfig &province, const std::vector<ConsolidationInput> &regions);

}  // namespace vhh::host
