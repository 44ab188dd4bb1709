// Werkplekhuur per termijn: a partner's werkplek-units per termijn add up to its units of the year by
// every pro-rata rule, and the year's amount split by them adds up to the year exactly (property tests
// over random partners and amounts).
#include <gtest/gtest.h>

#include <numeric>
#include <random>

#include "invoicing/werkplekhuur_termijnen.h"

using namespace vhh;
using namespace vhh::host::invoicing;
using vhh::werkplekhuur::ProRata;

namespace {

WerkplekPeriode periode(std::int64_t aantal, Date van, Date tot) {
    WerkplekPeriode p;
    p.aantal = aantal;
    p.van = van;
    p.tot = tot;
    return p;
}

}  // namespace

TEST(WerkplekhuurTermijnen, AChangeOnTheFifteenthOfMarchByEachRule) {
    Partner p;
    p.werkplekken = {periode(4, {2013, 1, 1}, {2013, 3, 14}), periode(5, {2013, 3, 15}, Date{})};
    const auto q = termijnen_of("kwartaal", 2013);
    // By the 1st: March has 4; by the larger part: March has 5; by days.
    EXPECT_EQ(werkplek_units_per_termijn(p, q, 2013, ProRata::eerste_van_de_maand),
              (std::vector<std::int64_t>{12, 15, 15, 15}));
    EXPECT_EQ(werkplek_units_per_termijn(p, q, 2013, ProRata::grootste_deel),
              (std::vector<std::int64_t>{13, 15, 15, 15}));
    EXPECT_EQ(werkplek_units_per_termijn(p, q, 2013, ProRata::dagen),
              (std::vector<std::int64_t>{4 * 73 + 5 * 17, 5 * 91, 5 * 92, 5 * 92}));
}

TEST(WerkplekhuurTermijnen, SplitByWeightsIsExactAndByLargestRemainder) {
    EXPECT_EQ(split_by_weights(1000, {1, 1, 1}), (std::vector<std::int64_t>{334, 333, 333}));
    EXPECT_EQ(split_by_weights(1000, {0, 1, 3}), (std::vector<std::int64_t>{0, 250, 750}));
    EXPECT_EQ(split_by_weights(-1000, {1, 1, 1}), (std::vector<std::int64_t>{-334, -333, -333}));
    EXPECT_EQ(split_by_weights(7, {0, 0}), (std::vector<std::int64_t>{4, 3}));  // no units: evenly
    EXPECT_EQ(split_by_weights(100, {2, 1}), (std::vector<std::int64_t>{67, 33}));  // 66.67, 33.33
}

TEST(WerkplekhuurTermijnen, PropertyTermijnenSumToTheYear) {
    std::mt19937 rng(15);
    const ProRata rules[] = {ProRata::eerste_van_de_maand, ProRata::grootste_deel, ProRata::dagen};
    for (int round = 0; round < 400; ++round) {
        const int jaar = 2012 + static_cast<int>(rng() % 3);  // a leap year among them
        Partner p;
        // Up to three periods in order, not overlapping, starting and ending on any day.
        int day = static_cast<int>(rng() % 200);
        for (int k = 0, n = 1 + static_cast<int>(rng() % 3); k < n && day < 365; ++k) {
            const Date van = add_days({jaar, 1, 1}, day);
            const int length = static_cast<int>(rng() % 200);
            const bool open = k + 1 == n && rng() % 2;
            p.werkplekken.push_back(periode(1 + rng() % 9, van, open ? Date{} : add_days(van, length)));
            day += length + 1 + static_cast<int>(rng() % 30);
        }
        const std::int64_t total = static_cast<std::int64_t>(rng() % 5000000);
        for (const char *kind : {"halfjaar", "kwartaal", "maand"})
            for (ProRata rule : rules) {
                const auto t = termijnen_of(kind, jaar);
                const auto units = werkplek_units_per_termijn(p, t, jaar, rule);
                // The termijnen's units add up to the partner's units of the year (one termijn: the year).
                EXPECT_EQ(std::accumulate(units.begin(), units.end(), std::int64_t{0}),
                          werkplek_units_per_termijn(p, termijnen_of("jaar", jaar), jaar, rule)[0])
                    << kind << " round " << round;
                const auto parts = split_by_weights(total, units);
                ASSERT_EQ(parts.size(), t.size());
                EXPECT_EQ(std::accumulate(parts.begin(), parts.end(), std::int64_t{0}), total) << kind;
                const std::int64_t all = std::accumulate(units.begin(), units.end(), std::int64_t{0});
                for (std::size_t i = 0; i < parts.size() && all > 0; ++i) {
                    // Each part within one cent of its exact share total × units / all.
                    const std::int64_t exact_floor = total * units[i] / all;
                    EXPECT_TRUE(parts[i] == exact_floor || parts[i] == exact_floor + 1) << kind << i;
                }
            }
    }
}
