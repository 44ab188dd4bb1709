// report.begroting — a herindeling in the raming period: the bijdrage per gemeente of a year follows
// the gemeenten as they exist in that year. The key divides each year's amount over the boekjaar's
// gemeenten (ReportContext::divide_bijdrage has no year: SDK ABI major 2); the parts of gemeenten
// that a herindeling in force in that year (and not yet in the boekjaar) merged are then added up
// into the new gemeente, so the parts still add up to the post exactly.
#pragma once

#include <vector>

#include "vhh/contribution.h"
#include "vhh/region.h"

namespace vhh::begroting {

/// True when herindeling `h` changes the gemeenten between `basisjaar` and `jaar`: in force on
/// 1 January of `jaar`, not yet of `basisjaar` (the region of the boekjaar has applied those).
bool herindeling_in_raming(const Herindeling &h, int basisjaar, int jaar);

/// `lines` (one per gemeente of the basisjaar) as the gemeenten of `jaar` pay: the lines of every
/// herindeling_in_raming's `van` replaced by one line of `naar` (at the place of the first of them)
/// with their amounts added and its basis naming them (`naar` itself among them when it already was a
/// gemeente of the region, as when a gemeente is added to an existing one). Lines of other payers are
/// kept as they are.
std::vector<ContributionLine> na_herindelingen(std::vector<ContributionLine> lines,
                                               const std::vector<Herindeling> &herindelingen, int basisjaar, int jaar);

}  // namespace vhh::begroting
