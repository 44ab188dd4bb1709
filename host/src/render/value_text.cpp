// Text of the document model's values; see value_text.h.
#include "render/value_text.h"

#include <cstdlib>

#include "vhh/text.h"

namespace vhh::host {

namespace {

/// `digits` (only digits) with '.' between groups of three.
std::string grouped(const std::string &digits) {
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return out;
}

/// |v| as digits, also for INT64_MIN.
std::string magnitude(std::int64_t v) {
    const unsigned long long m = v < 0 ? 0ULL - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
    return std::to_string(m);
}

std::string fraction_text(std::int64_t numerator, std::int64_t denominator) {
    // Four decimals, rounded half away from zero, in 128-bit arithmetic (no overflow, no double).
    const bool negative = numerator < 0;
    const unsigned __int128 n = negative ? 0 - static_cast<unsigned __int128>(static_cast<__int128>(numerator))
                                         : static_cast<unsigned __int128>(numerator);
    const unsigned __int128 d = static_cast<unsigned __int128>(denominator);
    const unsigned __int128 scaled = (n * 10000 * 2 + d) / (2 * d);
    const unsigned __int128 whole = scaled / 10000;
    unsigned long long frac = static_cast<unsigned long long>(scaled % 10000);
    std::string whole_digits;
    unsigned __int128 w = whole;
    do {
        whole_digits.insert(whole_digits.begin(), static_cast<char>('0' + static_cast<int>(w % 10)));
        w /= 10;
    } while (w > 0);
    std::string out = (negative && scaled != 0 ? "-" : "") + grouped(whole_digits);
    if (frac != 0) {
        std::string decimals = std::to_string(frac);
        decimals.insert(0, 4 - decimals.size(), '0');
        while (decimals.back() == '0') decimals.pop_back();
        out += "," + decimals;
    }
    return out;
}

}  // namespace

std::string value_text(const doc::Value &value) {
    using Kind = doc::Value::Kind;
    switch (value.kind()) {
        case Kind::empty: return "";
        case Kind::text:
        case Kind::suppressed: return value.text_value();
        case Kind::integer: return (value.integer_value() < 0 ? "-" : "") + grouped(magnitude(value.integer_value()));
        case Kind::money: return value.money_value().format_nl();
        case Kind::percentage: return format_percentage_nl(value.integer_value());
        case Kind::fraction: return fraction_text(value.integer_value(), value.denominator());
        case Kind::date: return value.date_value().nl();
    }
    return "";
}

}  // namespace vhh::host
