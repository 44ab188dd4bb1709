// report.begroting — the indexation rule: an amount of year j is the amount of year j − 1 times
// (1 + the percentage of its categorie for year j), rounded to the cent, halves away from zero, per
// post per year, in exact integer arithmetic (percentages in millionths: 2,35 % = 23500).
#pragma once

#include <cstdint>

#include "vhh/money.h"

namespace vhh::begroting {

/// `bedrag` × (1 + ppm / 1 000 000), rounded to the cent, halves away from zero (exact: 128-bit).
Money indexeer(Money bedrag, std::int64_t ppm);

/// A percentage in millionths as Dutch text with as many decimals as it has: 23500 → "2,35 %",
/// 20000 → "2 %", -5000 → "-0,5 %".
std::string percentage_nl(std::int64_t ppm);

}  // namespace vhh::begroting
