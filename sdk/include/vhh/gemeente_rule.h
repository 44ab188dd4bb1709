// The rule for a gemeente named by CBS code: the host applies it to settings of type
// VHH_SETTING_GEMEENTE(N); plugins apply it to codes in their input files.
#pragma once

#include <optional>
#include <string>

#include "vhh/region.h"

namespace vhh {

/// Why a gemeente code cannot be used in the region's boekjaar, with a hint.
struct GemeenteProblem {
    std::string message;  ///< e.g. "gemeente GM0828 is not one of the region's gemeenten"
    std::string hint;     ///< the herindeling that explains it, the closest codes, or the region's codes
};

/// Nothing when `code` is a gemeente of the region in its boekjaar. Otherwise the problem: a code
/// merged away by a herindeling in force ("… is per 1-1-2017 opgegaan in GM1948 (Meierijstad)"),
/// the new code of a herindeling not yet in force (use its voorgangers), a name instead of a code,
/// a near miss ("did you mean"), or else the list of the region's gemeenten.
std::optional<GemeenteProblem> gemeente_problem(const std::string &code, const Region &region);

}  // namespace vhh
