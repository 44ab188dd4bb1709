// The termijnen of voorschotnota's: periods, the split of a year's amount (largest remainder), due
// dates, the betalingskenmerk's check digit and the IBAN check of the facturatie config.
#include <gtest/gtest.h>

#include <numeric>
#include <random>

#include "config/facturatie_config.h"
#include "invoicing/termijnen.h"

using namespace vhh::host;
using namespace vhh::host::invoicing;

TEST(Termijnen, PeriodsCoverTheYear) {
    for (const char *kind : {"jaar", "halfjaar", "kwartaal", "maand"}) {
        const auto t = termijnen_of(kind, 2024);
        ASSERT_FALSE(t.empty()) << kind;
        EXPECT_EQ(t.front().van.iso(), "2024-01-01");
        EXPECT_EQ(t.back().tot.iso(), "2024-12-31");
        for (std::size_t i = 1; i < t.size(); ++i) EXPECT_EQ(add_days(t[i - 1].tot, 1), t[i].van) << kind << i;
    }
    EXPECT_EQ(termijnen_of("kwartaal", 2013).size(), 4u);
    EXPECT_EQ(termijnen_of("maand", 2013)[1].tot.iso(), "2013-02-28");
    EXPECT_EQ(termijnen_of("maand", 2024)[1].tot.iso(), "2024-02-29");
    EXPECT_EQ(termijnen_of("halfjaar", 2013)[1].id, "H2");
    EXPECT_TRUE(termijnen_of("week", 2013).empty());
}

TEST(Termijnen, SplitAddsUpAndDiffersByAtMostACent) {
    std::mt19937_64 rng(20131);
    std::uniform_int_distribution<std::int64_t> amount(-1'000'000'000'000LL, 1'000'000'000'000LL);
    for (int run = 0; run < 5000; ++run) {
        const std::int64_t total = run < 50 ? run - 25 : amount(rng);
        for (std::size_t n : {1u, 2u, 4u, 12u}) {
            const auto parts = split_evenly(total, n);
            ASSERT_EQ(parts.size(), n);
            EXPECT_EQ(std::accumulate(parts.begin(), parts.end(), std::int64_t{0}), total) << total << "/" << n;
            // Largest remainder with equal shares: the first termijnen carry the left-over cents.
            for (std::size_t i = 1; i < n; ++i) {
                EXPECT_LE(std::llabs(parts[i - 1]) - std::llabs(parts[i]), 1);
                EXPECT_GE(std::llabs(parts[i - 1]), std::llabs(parts[i]));
            }
        }
    }
    EXPECT_EQ(split_evenly(902040, 4), (std::vector<std::int64_t>{225510, 225510, 225510, 225510}));
    EXPECT_EQ(split_evenly(10, 4), (std::vector<std::int64_t>{3, 3, 2, 2}));
    EXPECT_EQ(split_evenly(-10, 4), (std::vector<std::int64_t>{-3, -3, -2, -2}));
}

TEST(Termijnen, FindByIdOrNumber) {
    const auto t = termijnen_of("kwartaal", 2013);
    EXPECT_EQ(find_termijn("Q2", t), 1u);
    EXPECT_EQ(find_termijn("q4", t), 3u);
    EXPECT_EQ(find_termijn("1", t), 0u);
    EXPECT_FALSE(find_termijn("Q5", t));
    EXPECT_FALSE(find_termijn("5", t));
    EXPECT_FALSE(find_termijn("", t));
    EXPECT_FALSE(find_termijn("M01", t));
}

TEST(Termijnen, DueDates) {
    EXPECT_EQ(add_days({2013, 1, 1}, 30).iso(), "2013-01-31");
    EXPECT_EQ(add_days({2013, 12, 15}, 30).iso(), "2014-01-14");
    EXPECT_EQ(add_days({2024, 2, 1}, 29).iso(), "2024-03-01");
    EXPECT_EQ(add_days({2013, 2, 1}, 0).iso(), "2013-02-01");
}

TEST(Betalingskenmerk, TheBetaalverenigingsWorkedExample) {
    // The Betaalvereniging's specification of the NL-betalingskenmerk works (5)000 0567 8901 2345:
    // weighted sum 215, 215 mod 11 = 6, check digit 11 - 6 = 5.
    EXPECT_EQ(betalingskenmerk(0, 56789012345LL), "5000056789012345");
}

TEST(Betalingskenmerk, SixteenDigitsWithAModulus11CheckDigit) {
    static const int kWeights[] = {2, 4, 8, 5, 10, 9, 7, 3, 6, 1, 2, 4, 8, 5, 10};
    for (std::int64_t volgnr : {1LL, 2LL, 52LL, 99999LL, 12345678LL}) {
        const std::string k = betalingskenmerk(2013, volgnr);
        ASSERT_EQ(k.size(), 16u);
        int sum = 0;
        for (int i = 0; i < 15; ++i) sum += (k[15 - i] - '0') * kWeights[i];
        // With the check digit, weight 1 for the check: sum + check ≡ 0 (mod 11) unless the check was 10 → 1.
        const int check = k[0] - '0';
        const int raw = 11 - sum % 11;
        EXPECT_EQ(check, raw == 10 ? 1 : raw == 11 ? 0 : raw) << k;
        EXPECT_EQ(k.substr(1, 4), "2013");
    }
    EXPECT_NE(betalingskenmerk(2013, 1), betalingskenmerk(2013, 2));
    EXPECT_NE(betalingskenmerk(2013, 1), betalingskenmerk(2014, 1));
}

TEST(FacturatieConfig, IbanCheckDigits) {
    EXPECT_TRUE(iban_valid("NL91ABNA0417164300"));
    EXPECT_TRUE(iban_valid("NL34 BNGH 0285 0000 01"));
    EXPECT_FALSE(iban_valid("NL35BNGH0285000001"));
    EXPECT_FALSE(iban_valid("NL34BNGH028500000"));
    EXPECT_FALSE(iban_valid("1234BNGH0285000001"));
    EXPECT_FALSE(iban_valid(""));
}
