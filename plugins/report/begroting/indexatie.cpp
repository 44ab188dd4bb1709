#include "indexatie.h"

#include <string>

namespace vhh::begroting {

Money indexeer(Money bedrag, std::int64_t ppm) {
    constexpr std::int64_t kMillion = 1000000;
    const __int128 num = static_cast<__int128>(bedrag.in_cents()) * (kMillion + ppm);
    const __int128 half = kMillion / 2;
    const __int128 q = num >= 0 ? (num + half) / kMillion : -((-num + half) / kMillion);
    return Money::cents(static_cast<std::int64_t>(q));
}

std::string percentage_nl(std::int64_t ppm) {
    const bool negative = ppm < 0;
    const std::int64_t a = negative ? -ppm : ppm;
    std::string out = std::to_string(a / 10000);
    std::string frac = std::to_string(a % 10000);
    frac = std::string(4 - frac.size(), '0') + frac;
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    if (!frac.empty()) out += "," + frac;
    return (negative ? "-" : "") + out + " %";
}

}  // namespace vhh::begroting
