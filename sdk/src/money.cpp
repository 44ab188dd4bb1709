#include "vhh/money.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace vhh {

std::optional<Money> Money::parse(std::string_view text) {
    if (text.empty()) return std::nullopt;
    bool negative = false;
    std::size_t i = 0;
    if (text[0] == '-' || text[0] == '+') {
        negative = text[0] == '-';
        i = 1;
    }
    std::int64_t whole = 0;
    std::size_t digits = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits) {
        if (whole > (std::numeric_limits<std::int64_t>::max() / 100 - 9) / 10) return std::nullopt;
        whole = whole * 10 + (text[i] - '0');
    }
    if (digits == 0) return std::nullopt;
    std::int64_t fraction = 0;
    if (i < text.size()) {
        if (text[i] != '.') return std::nullopt;
        ++i;
        std::size_t decimals = 0;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++decimals) {
            if (decimals >= 2) return std::nullopt;
            fraction = fraction * 10 + (text[i] - '0');
        }
        if (decimals == 0 || i != text.size()) return std::nullopt;
        if (decimals == 1) fraction *= 10;
    }
    std::int64_t cents = whole * 100 + fraction;
    return Money::cents(negative ? -cents : cents);
}

std::string format_integer_nl(std::int64_t value) {
    // Use unsigned arithmetic so INT64_MIN is formatted correctly.
    std::uint64_t magnitude = value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    std::string digits = std::to_string(magnitude);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}

namespace {
std::string two_digits(std::uint64_t v) {
    std::string s = std::to_string(v);
    return s.size() == 1 ? "0" + s : s;
}
std::uint64_t magnitude(std::int64_t c) {
    return c < 0 ? 0 - static_cast<std::uint64_t>(c) : static_cast<std::uint64_t>(c);
}
}  // namespace

std::string Money::format_nl_plain() const {
    std::uint64_t m = magnitude(cents_);
    std::string whole = format_integer_nl(static_cast<std::int64_t>(m / 100));
    return (cents_ < 0 ? "-" : "") + whole + "," + two_digits(m % 100);
}

std::string Money::format_nl() const {
    std::uint64_t m = magnitude(cents_);
    std::string whole = format_integer_nl(static_cast<std::int64_t>(m / 100));
    return std::string(cents_ < 0 ? "-" : "") + "\u20ac " + whole + "," + two_digits(m % 100);
}

std::string Money::format_plain() const {
    std::uint64_t m = magnitude(cents_);
    return (cents_ < 0 ? "-" : "") + std::to_string(m / 100) + "." + two_digits(m % 100);
}

Money multiply(Money amount, std::int64_t quantity) {
    std::int64_t result = 0;
    if (__builtin_mul_overflow(amount.in_cents(), quantity, &result))
        throw std::overflow_error("amount too large: " + amount.format_plain() + " x " + std::to_string(quantity));
    return Money::cents(result);
}

std::vector<AllocatedPart> allocate_largest_remainder(Money total, const std::vector<std::int64_t> &weights,
                                                      std::int64_t unit_cents) {
    if (weights.empty()) throw std::invalid_argument("allocation needs at least one part");
    if (unit_cents <= 0) throw std::invalid_argument("allocation unit must be positive");
    if (total.in_cents() < 0) throw std::invalid_argument("allocation total must not be negative");
    if (total.in_cents() % unit_cents != 0)
        throw std::invalid_argument("allocation total " + total.format_plain() + " is not a multiple of the unit");
    __int128 weight_sum = 0;
    for (std::int64_t w : weights) {
        if (w < 0) throw std::invalid_argument("allocation weights must not be negative");
        weight_sum += w;
    }
    if (weight_sum == 0) throw std::invalid_argument("allocation weights are all zero");

    const __int128 units = total.in_cents() / unit_cents;
    std::vector<AllocatedPart> parts(weights.size());
    std::vector<__int128> remainders(weights.size());
    __int128 given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        __int128 scaled = units * weights[i];
        __int128 floor_units = scaled / weight_sum;
        remainders[i] = scaled % weight_sum;
        parts[i] = {Money::cents(static_cast<std::int64_t>(floor_units * unit_cents)), false};
        given += floor_units;
    }
    __int128 left = units - given;  // always < number of parts
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    for (std::size_t k = 0; k < order.size() && left > 0; ++k, --left) {
        parts[order[k]].amount += Money::cents(unit_cents);
        parts[order[k]].received_remainder = true;
    }
    return parts;
}

}  // namespace vhh
