// Tests for the small rules of report.jaarverantwoording: Wgr term, slugs, V/N, threshold, weerstand.
#include "util.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

namespace {

using vhh::Date;
using vhh::Money;
using namespace vhh::jaarverantwoording;

TEST(Dates, RoundTripAndArithmetic) {
    EXPECT_EQ(days_from_civil(Date{1970, 1, 1}), 0);
    EXPECT_EQ(days_from_civil(Date{2000, 3, 1}), 11017);
    EXPECT_EQ(add_days(Date{2014, 3, 1}, -1), (Date{2014, 2, 28}));
    EXPECT_EQ(add_days(Date{2016, 3, 1}, -1), (Date{2016, 2, 29}));
    EXPECT_EQ(add_days(Date{2013, 12, 31}, 1), (Date{2014, 1, 1}));
    std::mt19937 rng(42);
    for (int i = 0; i < 2000; ++i) {
        std::int64_t d = std::uniform_int_distribution<std::int64_t>(-200000, 200000)(rng);
        Date c = civil_from_days(d);
        ASSERT_TRUE(c.valid());
        ASSERT_EQ(days_from_civil(c), d);
        ASSERT_EQ(add_days(c, 1), civil_from_days(d + 1));
    }
    EXPECT_EQ(date_long_nl(Date{2014, 6, 26}), "26 juni 2014");
}

TEST(Slug, SafeLowerCaseAscii) {
    EXPECT_EQ(slug("Middelburg"), "middelburg");
    EXPECT_EQ(slug("Schouwen-Duiveland"), "schouwen-duiveland");
    EXPECT_EQ(slug("Noord-Beveland"), "noord-beveland");
    EXPECT_EQ(slug("'s-Hertogenbosch"), "s-hertogenbosch");
    EXPECT_EQ(slug("\xE2\x80\x99s-Gravenhage"), "s-gravenhage");
    EXPECT_EQ(slug("S\xC3\xBA" "dwest-Frysl\xC3\xA2n"), "sudwest-fryslan");
    EXPECT_EQ(slug("Bergen (NH.)"), "bergen-nh");
    EXPECT_EQ(slug("Hof van Twente"), "hof-van-twente");
    EXPECT_EQ(slug("../../etc/passwd"), "etc-passwd");
    EXPECT_EQ(slug("a/b\\c\nd\te"), "a-b-c-d-e");
    EXPECT_EQ(slug("  --  "), "");
    EXPECT_EQ(slug("\xE4\xB8\xAD\xE6\x96\x87"), "");  // CJK: nothing usable
    EXPECT_EQ(slug("Rijssen-Holten"), "rijssen-holten");
}

TEST(Slug, PropertyOnlySafeCharacters) {
    std::mt19937 rng(7);
    for (int i = 0; i < 3000; ++i) {
        std::string s;
        int n = std::uniform_int_distribution<int>(0, 20)(rng);
        for (int k = 0; k < n; ++k) s += static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
        std::string out = slug(s);
        for (char c : out) ASSERT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') << out;
        ASSERT_EQ(out.find("--"), std::string::npos);
        ASSERT_EQ(out.find(".."), std::string::npos);
        if (!out.empty()) {
            ASSERT_NE(out.front(), '-');
            ASSERT_NE(out.back(), '-');
        }
    }
}

TEST(Slug, UniqueAcrossGemeenten) {
    auto s = unique_slugs({{"Bergen", "GM0373"}, {"Bergen", "GM0893"}, {"Goes", "GM0664"}, {"\xE4\xB8\xAD", "GM9999"}});
    ASSERT_EQ(s.size(), 4u);
    EXPECT_EQ(s[0], "bergen-gm0373");
    EXPECT_EQ(s[1], "bergen-gm0893");
    EXPECT_EQ(s[2], "goes");
    EXPECT_EQ(s[3], "gm9999");
    std::set<std::string> unique(s.begin(), s.end());
    EXPECT_EQ(unique.size(), s.size());
}

TEST(VoordeligNadelig, SignConvention) {
    // verschil = realisatie − begroting na wijziging
    EXPECT_EQ(voordelig_nadelig(Soort::lasten, Money::euros(100)), "N");  // more spent
    EXPECT_EQ(voordelig_nadelig(Soort::lasten, Money::euros(-100)), "V");
    EXPECT_EQ(voordelig_nadelig(Soort::baten, Money::euros(100)), "V");  // more received
    EXPECT_EQ(voordelig_nadelig(Soort::baten, Money::euros(-100)), "N");
    EXPECT_EQ(voordelig_nadelig(Soort::baten, Money()), "");
}

TEST(Drempel, PercentageAndAmount) {
    Drempel d;  // 5 % and € 15.000, both
    const Money begroting = Money::euros(400000);  // 5 % = 20.000
    EXPECT_FALSE(boven_drempel(Money::euros(20000), begroting, d));           // exactly 5 %: not more
    EXPECT_TRUE(boven_drempel(Money::cents(2000001), begroting, d));          // just over both
    EXPECT_TRUE(boven_drempel(-Money::cents(2000001), begroting, d));         // sign does not matter
    EXPECT_FALSE(boven_drempel(Money::euros(16000), Money::euros(100000000), d));  // amount, not percentage
    EXPECT_FALSE(boven_drempel(Money::euros(15000), Money::euros(1000), d));   // percentage, amount not more
    EXPECT_TRUE(boven_drempel(Money::cents(1500001), Money::euros(1000), d));
    d.beide = false;
    EXPECT_TRUE(boven_drempel(Money::euros(16000), Money::euros(100000000), d));
    EXPECT_TRUE(boven_drempel(Money::euros(100), Money::euros(1000), d));
    EXPECT_FALSE(boven_drempel(Money::euros(50), Money::euros(1000), d));  // exactly 5 %, under amount
    EXPECT_TRUE(boven_drempel(Money::cents(1), Money(), d));              // nothing budgeted
    EXPECT_FALSE(boven_drempel(Money(), Money(), d));
}

TEST(Weerstand, GradesAndBoundaries) {
    auto klasse = [](std::int64_t a, std::int64_t b) {
        return weerstandsvermogen(Money::cents(a), Money::cents(b)).klasse;
    };
    EXPECT_EQ(klasse(2000001, 1000000), 'A');
    EXPECT_EQ(klasse(2000000, 1000000), 'B');  // exactly 2,0: lower grade
    EXPECT_EQ(klasse(1400001, 1000000), 'B');
    EXPECT_EQ(klasse(1400000, 1000000), 'C');  // exactly 1,4
    EXPECT_EQ(klasse(1000001, 1000000), 'C');
    EXPECT_EQ(klasse(1000000, 1000000), 'D');  // exactly 1,0
    EXPECT_EQ(klasse(800001, 1000000), 'D');
    EXPECT_EQ(klasse(800000, 1000000), 'E');  // exactly 0,8
    EXPECT_EQ(klasse(600001, 1000000), 'E');
    EXPECT_EQ(klasse(600000, 1000000), 'F');  // exactly 0,6
    EXPECT_EQ(klasse(0, 1000000), 'F');
    EXPECT_EQ(klasse(-5, 1000000), 'F');
    // Exact even where floating point would not be: 7/5 = 1,4 exactly.
    EXPECT_EQ(klasse(700, 500), 'C');
    EXPECT_EQ(klasse(701, 500), 'B');
    Weerstand w = weerstandsvermogen(Money::euros(185), Money::euros(100));
    EXPECT_EQ(w.ratio, "1,85");
    EXPECT_EQ(w.oordeel, "ruim voldoende");
    EXPECT_EQ(weerstandsvermogen(Money::cents(2), Money::cents(3)).ratio, "0,67");  // half up
    EXPECT_EQ(weerstandsvermogen(Money::cents(1), Money::cents(8)).ratio, "0,13");  // 0,125 → 0,13
    Weerstand none = weerstandsvermogen(Money::euros(5), Money());
    EXPECT_FALSE(none.bepaald);
    EXPECT_EQ(none.ratio, "n.v.t.");
    EXPECT_EQ(none.klasse, '-');
}

TEST(Weerstand, RisicoBedragRoundsHalfUp) {
    EXPECT_EQ(risico_bedrag(Money::euros(10000), 250000).in_cents(), 250000);  // 25 %
    EXPECT_EQ(risico_bedrag(Money::cents(1), 500000).in_cents(), 1);            // 0,005 → 0,01
    EXPECT_EQ(risico_bedrag(Money::cents(1), 499999).in_cents(), 0);
    EXPECT_EQ(risico_bedrag(Money::cents(1234567), 333000).in_cents(), 411111);  // 4111,10811 → 4111,11
}

TEST(Text, Formats) {
    EXPECT_EQ(percentage_nl_2(571412), "57,14 %");
    EXPECT_EQ(percentage_nl_2(49050), "4,91 %");   // 4,905 % → 4,91 (half up)
    EXPECT_EQ(percentage_nl_2(1000000), "100,00 %");
    EXPECT_EQ(percentage_nl_2(0), "0,00 %");
    EXPECT_EQ(fte_nl(66), "0,66");
    EXPECT_EQ(fte_nl(150), "1,5");
    EXPECT_EQ(fte_nl(100), "1");
    std::int64_t h = 0;
    EXPECT_TRUE(parse_fte("0.66", h));
    EXPECT_EQ(h, 66);
    EXPECT_TRUE(parse_fte("1,5", h));
    EXPECT_EQ(h, 150);
    EXPECT_TRUE(parse_fte("2", h));
    EXPECT_EQ(h, 200);
    EXPECT_FALSE(parse_fte("-1", h));
    EXPECT_FALSE(parse_fte("0.666", h));
    EXPECT_FALSE(parse_fte("veel", h));
    EXPECT_FALSE(parse_fte("1.", h));
}

}  // namespace
