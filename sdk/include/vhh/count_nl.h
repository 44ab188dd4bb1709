// Counts with their noun in Dutch: "1 regel", "2 regels" (never "1 regels").
#pragma once

#include <cstdint>
#include <string>

#include "vhh/money.h"

namespace vhh {

/// `n` with `singular` when it is exactly 1 (or -1), else with `plural`; the number in Dutch
/// notation: (1, "regel", "regels") -> "1 regel", (0, …) -> "0 regels", (1234, …) -> "1.234 regels".
inline std::string count_nl(std::int64_t n, const std::string &singular, const std::string &plural) {
    return format_integer_nl(n) + " " + (n == 1 || n == -1 ? singular : plural);
}

}  // namespace vhh
