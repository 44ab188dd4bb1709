// Exact money: integer euro cents, Dutch formatting, allocation by largest remainder.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vhh {

/// An amount of euros held as a whole number of cents; never floating point.
class Money {
public:
    constexpr Money() = default;
    /// The amount of `cents` euro cents.
    static constexpr Money cents(std::int64_t cents) { return Money(cents); }
    /// The amount of `euros` whole euros.
    static constexpr Money euros(std::int64_t euros) { return Money(euros * 100); }

    /// Parses a plain decimal amount with at most two decimals ("0.40", "-12", "161700.00").
    /// Returns nothing for anything else (no thousands separators, no comma, no exponent).
    static std::optional<Money> parse(std::string_view text);

    /// The amount in cents.
    constexpr std::int64_t in_cents() const { return cents_; }

    /// Dutch notation with euro sign: "€ 161.700,00", "-€ 3,21".
    std::string format_nl() const;
    /// Dutch notation without euro sign: "161.700,00".
    std::string format_nl_plain() const;
    /// Plain decimal with a point, as used in CSV/JSON-adjacent text: "161700.00".
    std::string format_plain() const;

    constexpr Money operator+(Money o) const { return Money(cents_ + o.cents_); }
    constexpr Money operator-(Money o) const { return Money(cents_ - o.cents_); }
    constexpr Money operator-() const { return Money(-cents_); }
    Money &operator+=(Money o) { cents_ += o.cents_; return *this; }
    Money &operator-=(Money o) { cents_ -= o.cents_; return *this; }
    constexpr bool operator==(const Money &o) const { return cents_ == o.cents_; }
    constexpr bool operator!=(const Money &o) const { return cents_ != o.cents_; }
    constexpr bool operator<(const Money &o) const { return cents_ < o.cents_; }
    constexpr bool operator<=(const Money &o) const { return cents_ <= o.cents_; }
    constexpr bool operator>(const Money &o) const { return cents_ > o.cents_; }
    constexpr bool operator>=(const Money &o) const { return cents_ >= o.cents_; }

private:
    constexpr explicit Money(std::int64_t c) : cents_(c) {}
    std::int64_t cents_ = 0;
};

/// Multiplies an amount by a whole quantity exactly (e.g. tarief × inwoners).
/// Throws std::overflow_error when the result does not fit.
Money multiply(Money amount, std::int64_t quantity);

/// One part of a largest-remainder allocation, with how it came about.
struct AllocatedPart {
    Money amount;             ///< the part, in cents (or whole euros when unit is 100)
    bool received_remainder;  ///< true when this part got one extra unit from the remainder
};

/// Divides `total` over parts in proportion to non-negative `weights`, in units of
/// `unit_cents` (1 = to the cent, 100 = to whole euros), by the largest-remainder
/// (Hamilton) method: each part first gets its share rounded down, then the units
/// left over go one each to the parts with the largest remainders; ties go to the
/// lower index. The parts always add up to `total` exactly.
/// Throws std::invalid_argument when weights are empty, negative, all zero, when
/// total is negative, or when total is not a multiple of unit_cents.
std::vector<AllocatedPart> allocate_largest_remainder(Money total, const std::vector<std::int64_t> &weights,
                                                      std::int64_t unit_cents = 1);

/// Formats a whole number with Dutch thousands separators: 381568 -> "381.568".
std::string format_integer_nl(std::int64_t value);

}  // namespace vhh
