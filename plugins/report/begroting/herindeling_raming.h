// report.begroting — a herindeling in the raming period: the bijdrage per gemeente of a year follows
// the gemeenten as they exist in that year. Since SDK ABI major 3 the host's key divides each year's
// amount over that year's gemeenten (ReportContext::divide_bijdrage takes the year); this rule says
// which herindelingen fall in the raming period, so the documents can say why a gemeente has no part.
#pragma once

#include <string>
#include <vector>

#include "vhh/region.h"

namespace vhh::begroting {

/// True when herindeling `h` changes the gemeenten between `basisjaar` and `jaar`: in force on
/// 1 January of `jaar`, not yet of `basisjaar` (the region of the boekjaar has applied those).
bool herindeling_in_raming(const Herindeling &h, int basisjaar, int jaar);

/// Why gemeente `code` has no part in `jaar` of a raming from `basisjaar`: "opgegaan in GM1948
/// Meierijstad per 2017-01-01", "bestaat pas per 2017-01-01", or "geen deel in 2017".
std::string herindeling_reden(const std::string &code, const std::vector<Herindeling> &herindelingen, int basisjaar,
                              int jaar);

}  // namespace vhh::begroting
