// Tests for vhh::Money: parsing, Dutch formatting, exact multiplication.
#include "vhh/money.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using vhh::Money;

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

std::int64_t parsed_cents(const char *text) {
    auto m = Money::parse(text);
    EXPECT_TRUE(m.has_value()) << "expected \"" << text << "\" to parse";
    return m ? m->in_cents() : -999999;
}

TEST(MoneyParse, AcceptsPlainDecimals) {
    EXPECT_EQ(parsed_cents("0.40"), 40);
    EXPECT_EQ(parsed_cents("0.4"), 40);
    EXPECT_EQ(parsed_cents("161700"), 16170000);
    EXPECT_EQ(parsed_cents("161700.00"), 16170000);
    EXPECT_EQ(parsed_cents("-3.21"), -321);
    EXPECT_EQ(parsed_cents("+1.5"), 150);
    EXPECT_EQ(parsed_cents("0"), 0);
    EXPECT_EQ(parsed_cents("-0"), 0);
    EXPECT_EQ(parsed_cents("12.05"), 1205);
    EXPECT_EQ(parsed_cents("5000"), 500000);
    EXPECT_EQ(parsed_cents("007.01"), 701);
    EXPECT_EQ(Money::parse("161700"), Money::euros(161700));
}

TEST(MoneyParse, RejectsEverythingElse) {
    for (const char *bad : {"0,40", "1.234,56", "1e3", "", ".5", "1.", "1.234", " 1", "1 ", "+", "-", "--1", "+-1",
                            "1..0", "1.2.3", "\xe2\x82\xac 1", "\xe2\x82\xac" "1", "0x10", "1_000", "1,5", "abc",
                            "1.0a", "12-", "1.-5", "nan", "inf"}) {
        EXPECT_FALSE(Money::parse(bad).has_value()) << "\"" << bad << "\" should not parse";
    }
}

TEST(MoneyParse, RejectsOverflowInsteadOfWrapping) {
    EXPECT_FALSE(Money::parse("92233720368547758.08").has_value());  // INT64_MAX cents + 1
    EXPECT_FALSE(Money::parse("92233720368547759").has_value());
    EXPECT_FALSE(Money::parse("99999999999999999999").has_value());
    EXPECT_FALSE(Money::parse("-99999999999999999999").has_value());
    EXPECT_FALSE(Money::parse("100000000000000000000000000000.00").has_value());
    // Large but representable amounts still parse exactly.
    EXPECT_EQ(parsed_cents("92233720368547749.99"), 9223372036854774999LL);
    EXPECT_EQ(parsed_cents("-92233720368547749.99"), -9223372036854774999LL);
    EXPECT_EQ(parsed_cents("1000000000000"), 100000000000000LL);
}

TEST(MoneyFormat, DutchWithEuroSign) {
    EXPECT_EQ(Money::euros(161700).format_nl(), "€ 161.700,00");
    EXPECT_EQ(Money::cents(40).format_nl(), "€ 0,40");
    EXPECT_EQ(Money::cents(-321).format_nl(), "-€ 3,21");
    EXPECT_EQ(Money::euros(1000000).format_nl(), "€ 1.000.000,00");
    EXPECT_EQ(Money::cents(0).format_nl(), "€ 0,00");
    EXPECT_EQ(Money::cents(5).format_nl(), "€ 0,05");
    EXPECT_EQ(Money::cents(-5).format_nl(), "-€ 0,05");
    EXPECT_EQ(Money::euros(999).format_nl(), "€ 999,00");
    EXPECT_EQ(Money::euros(1000).format_nl(), "€ 1.000,00");
    EXPECT_EQ(Money::euros(3213).format_nl(), "€ 3.213,00");
    EXPECT_EQ(Money().format_nl(), "€ 0,00");
}

TEST(MoneyFormat, ExtremesDoNotCrash) {
    EXPECT_EQ(Money::cents(kMin).format_nl(), "-€ 92.233.720.368.547.758,08");
    EXPECT_EQ(Money::cents(kMax).format_nl(), "€ 92.233.720.368.547.758,07");
    EXPECT_EQ(Money::cents(kMin).format_nl_plain(), "-92.233.720.368.547.758,08");
    EXPECT_EQ(Money::cents(kMin).format_plain(), "-92233720368547758.08");
    EXPECT_EQ(Money::cents(kMax).format_plain(), "92233720368547758.07");
}

TEST(MoneyFormat, DutchPlain) {
    EXPECT_EQ(Money::euros(161700).format_nl_plain(), "161.700,00");
    EXPECT_EQ(Money::cents(40).format_nl_plain(), "0,40");
    EXPECT_EQ(Money::cents(-321).format_nl_plain(), "-3,21");
    EXPECT_EQ(Money::cents(-5).format_nl_plain(), "-0,05");
    EXPECT_EQ(Money::cents(123456789).format_nl_plain(), "1.234.567,89");
}

TEST(MoneyFormat, Plain) {
    EXPECT_EQ(Money::euros(161700).format_plain(), "161700.00");
    EXPECT_EQ(Money::cents(40).format_plain(), "0.40");
    EXPECT_EQ(Money::cents(-321).format_plain(), "-3.21");
    EXPECT_EQ(Money::cents(-5).format_plain(), "-0.05");
    EXPECT_EQ(Money::cents(0).format_plain(), "0.00");
    EXPECT_EQ(Money::cents(123456789).format_plain(), "1234567.89");
}

TEST(MoneyFormat, PlainRoundTripsThroughParse) {
    std::mt19937_64 rng(20130101);
    std::uniform_int_distribution<std::int64_t> dist(-1000000000000LL, 1000000000000LL);
    for (int i = 0; i < 2000; ++i) {
        Money m = Money::cents(dist(rng));
        auto back = Money::parse(m.format_plain());
        ASSERT_TRUE(back.has_value()) << m.format_plain();
        EXPECT_EQ(*back, m);
    }
}

TEST(MoneyArithmetic, Operators) {
    Money a = Money::cents(150), b = Money::cents(40);
    EXPECT_EQ((a + b).in_cents(), 190);
    EXPECT_EQ((a - b).in_cents(), 110);
    EXPECT_EQ((-a).in_cents(), -150);
    a += b;
    EXPECT_EQ(a.in_cents(), 190);
    a -= b;
    EXPECT_EQ(a.in_cents(), 150);
    EXPECT_TRUE(b < a);
    EXPECT_TRUE(b <= a);
    EXPECT_TRUE(a > b);
    EXPECT_TRUE(a >= b);
    EXPECT_TRUE(a != b);
    EXPECT_TRUE(a == Money::cents(150));
    EXPECT_EQ(Money::euros(5000).in_cents(), 500000);
}

TEST(MoneyMultiply, TariefTimesInwoners) {
    Money r = vhh::multiply(Money::cents(40), 22551);
    EXPECT_EQ(r.in_cents(), 902040);
    EXPECT_EQ(r.format_nl(), "€ 9.020,40");
    EXPECT_EQ(vhh::multiply(Money::cents(40), 48019).in_cents(), 1920760);
    EXPECT_EQ(vhh::multiply(Money::euros(5000), 13).format_nl(), "€ 65.000,00");
    EXPECT_EQ(vhh::multiply(Money::cents(40), 0).in_cents(), 0);
    EXPECT_EQ(vhh::multiply(Money::cents(40), -2).in_cents(), -80);
    EXPECT_EQ(vhh::multiply(Money::cents(1), kMin).in_cents(), kMin);
    EXPECT_EQ(vhh::multiply(Money::cents(kMax), 1).in_cents(), kMax);
}

TEST(MoneyMultiply, OverflowThrows) {
    EXPECT_THROW(vhh::multiply(Money::cents(kMax), 2), std::overflow_error);
    EXPECT_THROW(vhh::multiply(Money::cents(kMin), -1), std::overflow_error);
    EXPECT_THROW(vhh::multiply(Money::cents(-2), kMax), std::overflow_error);
    EXPECT_THROW(vhh::multiply(Money::euros(1000), 1000000000000000LL), std::overflow_error);
}

// Issue 19 item 10: two plugin lines of INT64_MAX cents printed "Totaal -€ 0,02". Every sum,
// difference and negation is checked: an error, never a wrapped-around amount.
TEST(MoneyArithmetic, OverflowThrowsInsteadOfWrapping) {
    const Money max = Money::cents(kMax), min = Money::cents(kMin), one = Money::cents(1);
    EXPECT_THROW(max + max, std::overflow_error);
    EXPECT_THROW(max + one, std::overflow_error);
    EXPECT_THROW(min - one, std::overflow_error);
    EXPECT_THROW(min + min, std::overflow_error);
    EXPECT_THROW(max - min, std::overflow_error);
    EXPECT_THROW(-min, std::overflow_error);
    EXPECT_THROW(Money::euros(kMax / 10), std::overflow_error);
    Money total = max;
    EXPECT_THROW(total += one, std::overflow_error);
    EXPECT_EQ(total, max);  // unchanged after the failed addition
    total = min;
    EXPECT_THROW(total -= one, std::overflow_error);
    EXPECT_EQ(total, min);
    EXPECT_EQ((max + min).in_cents(), -1);
    EXPECT_EQ((-max).in_cents(), -kMax);
    EXPECT_EQ((min + max - max).in_cents(), kMin);
}

TEST(MoneyArithmetic, CheckedAddAndSum) {
    const Money max = Money::cents(kMax);
    EXPECT_FALSE(vhh::checked_add(max, Money::cents(1)).has_value());
    EXPECT_EQ(vhh::checked_add(max, Money::cents(-1)), Money::cents(kMax - 1));
    const auto cents = [](std::int64_t c) { return Money::cents(c); };
    EXPECT_FALSE(vhh::checked_sum(std::vector<std::int64_t>{kMax, kMax}, cents).has_value());
    EXPECT_EQ(vhh::checked_sum(std::vector<std::int64_t>{}, cents), Money());
    EXPECT_EQ(vhh::checked_sum(std::vector<std::int64_t>{kMax, -kMax, kMax}, cents), max);
    // Partial sums count: kMax + 1 overflows even though -1 follows.
    EXPECT_FALSE(vhh::checked_sum(std::vector<std::int64_t>{kMax, 1, -1}, cents).has_value());
}

// Property: for random amounts, checked arithmetic equals exact (128-bit) arithmetic whenever the
// exact result fits, and throws / returns nothing exactly when it does not.
TEST(MoneyArithmetic, PropertyCheckedEqualsExact) {
    std::mt19937_64 rng(19);
    const std::int64_t edges[] = {0, 1, -1, kMax, kMin, kMax - 1, kMin + 1, kMax / 2, kMin / 2, 100, -100};
    auto pick = [&]() -> std::int64_t {
        switch (rng() % 4) {
            case 0: return edges[rng() % (sizeof edges / sizeof edges[0])];
            case 1: return static_cast<std::int64_t>(rng());
            case 2: return static_cast<std::int64_t>(rng() % 2000000) - 1000000;
            default: return static_cast<std::int64_t>(rng()) >> (rng() % 63);
        }
    };
    for (int i = 0; i < 200000; ++i) {
        const std::int64_t a = pick(), b = pick();
        const __int128 sum = static_cast<__int128>(a) + b, diff = static_cast<__int128>(a) - b;
        const bool sum_fits = sum >= kMin && sum <= kMax, diff_fits = diff >= kMin && diff <= kMax;
        const Money ma = Money::cents(a), mb = Money::cents(b);
        if (sum_fits) {
            ASSERT_EQ((ma + mb).in_cents(), static_cast<std::int64_t>(sum)) << a << " + " << b;
            ASSERT_EQ(vhh::checked_add(ma, mb), Money::cents(static_cast<std::int64_t>(sum)));
        } else {
            ASSERT_THROW(ma + mb, std::overflow_error) << a << " + " << b;
            ASSERT_FALSE(vhh::checked_add(ma, mb).has_value());
        }
        if (diff_fits) ASSERT_EQ((ma - mb).in_cents(), static_cast<std::int64_t>(diff)) << a << " - " << b;
        else ASSERT_THROW(ma - mb, std::overflow_error) << a << " - " << b;
    }
}

TEST(FormatIntegerNl, ThousandsSeparators) {
    EXPECT_EQ(vhh::format_integer_nl(0), "0");
    EXPECT_EQ(vhh::format_integer_nl(7), "7");
    EXPECT_EQ(vhh::format_integer_nl(999), "999");
    EXPECT_EQ(vhh::format_integer_nl(1000), "1.000");
    EXPECT_EQ(vhh::format_integer_nl(22551), "22.551");
    EXPECT_EQ(vhh::format_integer_nl(381568), "381.568");
    EXPECT_EQ(vhh::format_integer_nl(1000000), "1.000.000");
    EXPECT_EQ(vhh::format_integer_nl(-1234567), "-1.234.567");
    EXPECT_EQ(vhh::format_integer_nl(-999), "-999");
    EXPECT_EQ(vhh::format_integer_nl(kMax), "9.223.372.036.854.775.807");
    EXPECT_EQ(vhh::format_integer_nl(kMin), "-9.223.372.036.854.775.808");
}

}  // namespace
