// Tests for vhh::allocate_largest_remainder: golden cases, errors and randomized properties.
#include "vhh/money.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

namespace {

using vhh::AllocatedPart;
using vhh::allocate_largest_remainder;
using vhh::Money;

std::vector<std::int64_t> cents_of(const std::vector<AllocatedPart> &parts) {
    std::vector<std::int64_t> out;
    for (const auto &p : parts) out.push_back(p.amount.in_cents());
    return out;
}

TEST(Allocation, HundredCentsOverThreeEqualWeights) {
    auto parts = allocate_largest_remainder(Money::cents(100), {1, 1, 1});
    EXPECT_EQ(cents_of(parts), (std::vector<std::int64_t>{34, 33, 33}));
    EXPECT_TRUE(parts[0].received_remainder);
    EXPECT_FALSE(parts[1].received_remainder);
    EXPECT_FALSE(parts[2].received_remainder);
}

TEST(Allocation, TiesGoToTheLowerIndex) {
    // 2 cents over 4 equal weights: the first two parts get the leftover cents.
    EXPECT_EQ(cents_of(allocate_largest_remainder(Money::cents(2), {5, 5, 5, 5})),
              (std::vector<std::int64_t>{1, 1, 0, 0}));
    // A larger remainder beats a lower index.
    EXPECT_EQ(cents_of(allocate_largest_remainder(Money::cents(1), {1, 2})), (std::vector<std::int64_t>{0, 1}));
    // Equal remainders among unequal weights: lower index wins.
    EXPECT_EQ(cents_of(allocate_largest_remainder(Money::cents(1), {1, 0, 1})), (std::vector<std::int64_t>{1, 0, 0}));
}

TEST(Allocation, GemeentelijkeBijdrage237000InWholeEuros) {
    // € 237.000 over weights 3:3:1, to whole euros: 101571.43, 101571.43, 33857.14 -> one euro left,
    // tie between parts 0 and 1 goes to part 0.
    auto parts = allocate_largest_remainder(Money::euros(237000), {3, 3, 1}, 100);
    EXPECT_EQ(cents_of(parts), (std::vector<std::int64_t>{10157200, 10157100, 3385700}));
    EXPECT_TRUE(parts[0].received_remainder);
    EXPECT_FALSE(parts[1].received_remainder);
    EXPECT_FALSE(parts[2].received_remainder);
    EXPECT_EQ(parts[0].amount.format_nl(), "€ 101.572,00");
}

TEST(Allocation, GemeentelijkeBijdrage237000ToTheCent) {
    // € 237.000 over weights 3:3:1 to the cent: 23700000*3/7 = 10157142 rem 6/7, 23700000/7 = 3385714 rem 2/7.
    // Floors add up to 23699998: the two leftover cents go to the two parts with remainder 6/7.
    auto parts = allocate_largest_remainder(Money::euros(237000), {3, 3, 1});
    EXPECT_EQ(cents_of(parts), (std::vector<std::int64_t>{10157143, 10157143, 3385714}));
    EXPECT_TRUE(parts[0].received_remainder);
    EXPECT_TRUE(parts[1].received_remainder);
    EXPECT_FALSE(parts[2].received_remainder);
    std::int64_t sum = 0;
    for (const auto &p : parts) sum += p.amount.in_cents();
    EXPECT_EQ(sum, 23700000);
}

TEST(Allocation, ExactSharesNeedNoRemainder) {
    auto parts = allocate_largest_remainder(Money::euros(237000), {1, 2, 3, 4}, 100);
    EXPECT_EQ(cents_of(parts), (std::vector<std::int64_t>{2370000, 4740000, 7110000, 9480000}));
    for (const auto &p : parts) EXPECT_FALSE(p.received_remainder);
}

TEST(Allocation, SinglePartAndZeroTotal) {
    EXPECT_EQ(cents_of(allocate_largest_remainder(Money::cents(12345), {7})), (std::vector<std::int64_t>{12345}));
    EXPECT_EQ(cents_of(allocate_largest_remainder(Money::cents(0), {1, 2, 0})), (std::vector<std::int64_t>{0, 0, 0}));
}

TEST(Allocation, Errors) {
    EXPECT_THROW(allocate_largest_remainder(Money::cents(100), {}), std::invalid_argument);
    EXPECT_THROW(allocate_largest_remainder(Money::cents(100), {1, -1, 3}), std::invalid_argument);
    EXPECT_THROW(allocate_largest_remainder(Money::cents(100), {0, 0, 0}), std::invalid_argument);
    EXPECT_THROW(allocate_largest_remainder(Money::cents(-100), {1, 1}), std::invalid_argument);
    EXPECT_THROW(allocate_largest_remainder(Money::cents(150), {1, 1}, 100), std::invalid_argument);
    EXPECT_THROW(allocate_largest_remainder(Money::cents(100), {1, 1}, 0), std::invalid_argument);
    EXPECT_THROW(allocate_largest_remainder(Money::cents(100), {1, 1}, -1), std::invalid_argument);
}

TEST(Allocation, LargeWeightsAndTotalsDoNotOverflow) {
    const std::int64_t big = std::int64_t{1} << 62;
    auto parts = allocate_largest_remainder(Money::cents(big), {big, big, 1});
    __int128 sum = 0;
    for (const auto &p : parts) {
        EXPECT_GE(p.amount.in_cents(), 0);
        sum += p.amount.in_cents();
    }
    EXPECT_TRUE(sum == big);
}

// Draws a weight vector in one of several shapes (plain random, many zeros, all equal, tiny weights).
std::vector<std::int64_t> random_weights(std::mt19937_64 &rng) {
    std::uniform_int_distribution<int> n_dist(1, 400);
    std::uniform_int_distribution<int> shape_dist(0, 4);
    std::uniform_int_distribution<std::int64_t> w_dist(0, 1000000);
    std::uniform_int_distribution<std::int64_t> small_dist(0, 3);
    std::bernoulli_distribution zero(0.6);
    const int n = n_dist(rng);
    const int shape = shape_dist(rng);
    std::vector<std::int64_t> w(static_cast<std::size_t>(n));
    const std::int64_t equal = std::uniform_int_distribution<std::int64_t>(1, 1000000)(rng);
    for (auto &x : w) {
        switch (shape) {
            case 0: x = w_dist(rng); break;                          // anything in 0..1e6
            case 1: x = zero(rng) ? 0 : w_dist(rng); break;          // many zeros
            case 2: x = equal; break;                                // all equal: pure tie-breaking
            case 3: x = small_dist(rng); break;                      // tiny weights: many ties and zeros
            default: x = zero(rng) ? 0 : equal; break;               // equal weights among zeros
        }
    }
    bool positive = false;
    for (auto x : w) positive = positive || x > 0;
    if (!positive) w[std::uniform_int_distribution<std::size_t>(0, w.size() - 1)(rng)] = 1 + w_dist(rng);
    return w;
}

TEST(AllocationProperty, RandomCases) {
    std::mt19937_64 rng(0x5eed2013u);
    const int cases = 2400;
    int with_zero_weight = 0, with_equal_weights = 0, with_leftover = 0, unit100 = 0;
    for (int c = 0; c < cases; ++c) {
        const std::vector<std::int64_t> w = random_weights(rng);
        const std::int64_t unit = std::bernoulli_distribution(0.5)(rng) ? 100 : 1;
        // Totals up to 1e10 cents; sometimes small so that most parts get 0 or 1 unit.
        const std::int64_t max_units = std::bernoulli_distribution(0.2)(rng) ? 1000 : 10000000000LL / unit;
        const std::int64_t units = std::uniform_int_distribution<std::int64_t>(0, max_units)(rng);
        const Money total = Money::cents(units * unit);

        __int128 W = 0;
        for (auto x : w) W += x;

        SCOPED_TRACE("case " + std::to_string(c) + ", parts " + std::to_string(w.size()) + ", total " +
                     total.format_plain() + ", unit " + std::to_string(unit));
        const std::vector<AllocatedPart> parts = allocate_largest_remainder(total, w, unit);
        ASSERT_EQ(parts.size(), w.size());

        // Independent reference: floors and remainders.
        __int128 floor_sum = 0;
        std::vector<__int128> floor_units(w.size()), rem(w.size());
        for (std::size_t i = 0; i < w.size(); ++i) {
            floor_units[i] = static_cast<__int128>(units) * w[i] / W;
            rem[i] = static_cast<__int128>(units) * w[i] % W;
            floor_sum += floor_units[i];
        }
        const __int128 leftover = units - floor_sum;
        ASSERT_TRUE(leftover >= 0 && leftover < static_cast<__int128>(w.size()));

        __int128 sum = 0;
        __int128 receivers = 0;
        for (std::size_t i = 0; i < w.size(); ++i) {
            const std::int64_t part = parts[i].amount.in_cents();
            sum += part;
            ASSERT_GE(part, 0) << "part " << i;
            ASSERT_EQ(part % unit, 0) << "part " << i << " not in whole units";
            // Within one unit of the exact share: |part*W - total*w| < unit*W.
            __int128 diff = static_cast<__int128>(part) * W - static_cast<__int128>(total.in_cents()) * w[i];
            if (diff < 0) diff = -diff;
            ASSERT_TRUE(diff < static_cast<__int128>(unit) * W) << "part " << i << " too far from its share";
            if (w[i] == 0) {
                ASSERT_EQ(part, 0) << "zero-weight part " << i;
                ASSERT_FALSE(parts[i].received_remainder) << "zero-weight part " << i;
            }
            // A part is its floor, plus one unit exactly when it is flagged.
            const __int128 expected = (floor_units[i] + (parts[i].received_remainder ? 1 : 0)) * unit;
            ASSERT_TRUE(static_cast<__int128>(part) == expected) << "part " << i;
            if (parts[i].received_remainder) ++receivers;
        }
        ASSERT_TRUE(sum == total.in_cents()) << "parts do not add up to the total";
        ASSERT_TRUE(receivers == leftover) << "receivers do not match the leftover units";

        // Largest remainder with ties to the lower index: every receiver ranks before every non-receiver,
        // i.e. the lowest-ranked receiver still ranks before the highest-ranked non-receiver.
        // Rank order: larger remainder first, then lower index.
        const std::size_t none = w.size();
        std::size_t worst_receiver = none, best_other = none;
        for (std::size_t i = 0; i < w.size(); ++i) {
            if (parts[i].received_remainder) {
                if (worst_receiver == none || rem[i] <= rem[worst_receiver]) worst_receiver = i;
            } else if (best_other == none || rem[i] > rem[best_other]) {
                best_other = i;
            }
        }
        if (worst_receiver != none && best_other != none) {
            ASSERT_TRUE(rem[worst_receiver] > rem[best_other] ||
                        (rem[worst_receiver] == rem[best_other] && worst_receiver < best_other))
                << "part " << best_other << " should have had a remainder unit before part " << worst_receiver;
        }

        // Determinism: the same input gives the same output.
        const std::vector<AllocatedPart> again = allocate_largest_remainder(total, w, unit);
        ASSERT_EQ(again.size(), parts.size());
        for (std::size_t i = 0; i < parts.size(); ++i) {
            ASSERT_EQ(again[i].amount, parts[i].amount);
            ASSERT_EQ(again[i].received_remainder, parts[i].received_remainder);
        }

        bool zero = false, equal = false;
        for (std::size_t i = 0; i < w.size(); ++i) {
            zero = zero || w[i] == 0;
            if (i > 0 && w[i] > 0 && w[i] == w[i - 1]) equal = true;
        }
        with_zero_weight += zero;
        with_equal_weights += equal;
        with_leftover += leftover > 0;
        unit100 += unit == 100;
    }
    // The generator really covers the interesting shapes.
    EXPECT_GT(with_zero_weight, cases / 10);
    EXPECT_GT(with_equal_weights, cases / 10);
    EXPECT_GT(with_leftover, cases / 2);
    EXPECT_GT(unit100, cases / 4);
}

}  // namespace
