// Exact money: integer euro cents, Dutch formatting, allocation by largest remainder.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
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
    /// The amount of `euros` whole euros; throws std::overflow_error when it does not fit.
    static constexpr Money euros(std::int64_t euros) {
        std::int64_t c = 0;
        if (__builtin_mul_overflow(euros, std::int64_t{100}, &c)) overflow("whole euros");
        return Money(c);
    }

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

    // Arithmetic is checked: a result beyond the 64-bit range of cents throws std::overflow_error
    // (see checked_add for a variant that returns nothing instead); it never wraps around.
    /// The sum; throws std::overflow_error when it does not fit.
    constexpr Money operator+(Money o) const {
        std::int64_t c = 0;
        if (__builtin_add_overflow(cents_, o.cents_, &c)) overflow("sum");
        return Money(c);
    }
    /// The difference; throws std::overflow_error when it does not fit.
    constexpr Money operator-(Money o) const {
        std::int64_t c = 0;
        if (__builtin_sub_overflow(cents_, o.cents_, &c)) overflow("difference");
        return Money(c);
    }
    /// The negated amount; throws std::overflow_error for the most negative amount.
    constexpr Money operator-() const { return Money() - *this; }
    /// Adds `o`; throws std::overflow_error (leaving this unchanged) when the sum does not fit.
    Money &operator+=(Money o) { return *this = *this + o; }
    /// Subtracts `o`; throws std::overflow_error (leaving this unchanged) when it does not fit.
    Money &operator-=(Money o) { return *this = *this - o; }
    constexpr bool operator==(const Money &o) const { return cents_ == o.cents_; }
    constexpr bool operator!=(const Money &o) const { return cents_ != o.cents_; }
    constexpr bool operator<(const Money &o) const { return cents_ < o.cents_; }
    constexpr bool operator<=(const Money &o) const { return cents_ <= o.cents_; }
    constexpr bool operator>(const Money &o) const { return cents_ > o.cents_; }
    constexpr bool operator>=(const Money &o) const { return cents_ >= o.cents_; }

private:
    constexpr explicit Money(std::int64_t c) : cents_(c) {}
    [[noreturn]] static void overflow(const char *what) {
        throw std::overflow_error(std::string("amount out of range: the ") + what +
                                  " is beyond € 92.233.720.368.547.758,07, the most 64-bit cents hold");
    }
    std::int64_t cents_ = 0;
};

/// The sum `a + b`, or nothing when it does not fit in 64-bit cents.
inline std::optional<Money> checked_add(Money a, Money b) {
    std::int64_t c = 0;
    if (__builtin_add_overflow(a.in_cents(), b.in_cents(), &c)) return std::nullopt;
    return Money::cents(c);
}

/// The sum of `amount(item)` over `items` (any range), or nothing when a partial sum does not fit:
/// the helper for totals of lines whose amounts come from plugins or input files.
template <typename Range, typename Amount>
std::optional<Money> checked_sum(const Range &items, Amount amount) {
    Money total;
    for (const auto &item : items) {
        const std::optional<Money> next = checked_add(total, amount(item));
        if (!next) return std::nullopt;
        total = *next;
    }
    return total;
}

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
