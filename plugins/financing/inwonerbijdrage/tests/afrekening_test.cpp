// Tests of the afrekening of financing.inwonerbijdrage: a year's resultaat divided with the same key
// (overschot back, tekort paid), seeded property tests over every key, the sheet, its bad input.
#include <gtest/gtest.h>

#include "keys_fixtures.h"

namespace {

using namespace keys_test;

TEST(InwonerbijdrageProperty, AfrekeningWithTheSameKey) {
    std::mt19937_64 rng(0xaf7e);
    std::uniform_int_distribution<int> key_dist(0, 3);
    std::uniform_int_distribution<std::int64_t> res_dist(-5000000000LL, 5000000000LL), tarief_dist(1, 100000);
    int cases = 0;
    for (int c = 0; c < 1500; ++c) {
        Case k = random_case(rng, 2);
        Regeling r;
        r.afronding = random_afronding(rng);
        switch (key_dist(rng)) {
            case 0: r.tarief = cents(tarief_dist(rng)); break;
            case 1:
                r.sleutel = Sleutel::pro_rata;
                r.totaal = random_total(rng, r.afronding);
                break;
            case 2:
                r.sleutel = Sleutel::vast_plus_inwoner;
                r.tarief = cents(tarief_dist(rng));
                r.vast_per_gemeente = euros(std::uniform_int_distribution<std::int64_t>(0, 50000)(rng));
                break;
            case 3:
                r.sleutel = Sleutel::vaste_bedragen;
                r.totaal = random_total(rng, r.afronding);
                r.vaste_bedragen.push_back({k.region.gemeenten[0].code, cents(r.totaal->in_cents() / 200 * 100)});
                if (k.total_inwoners == k.inwoners[0]) k.region.gemeenten[1].inwoners = 3;
                break;
        }
        std::int64_t res = res_dist(rng);
        if (r.afronding == Afronding::euro) res -= res % 100;
        r.afrekening_resultaat = cents(res);
        SCOPED_TRACE("case " + std::to_string(c));
        const Berekening b = bereken(k.region, r);
        const auto weights = afrekening_weights(k.region, b);
        std::int64_t W = 0;
        for (auto w : weights) W += w;
        if (W == 0) continue;  // read_regeling refuses this (sleutel_settings_test.cpp)
        ++cases;
        const auto delen = bereken_afrekening(k.region, b);
        ASSERT_EQ(delen.size(), weights.size());
        const Money magnitude = cents(res < 0 ? -res : res);
        Money total;
        for (std::size_t i = 0; i < delen.size(); ++i) {
            const AfrekeningDeel &d = delen[i];
            ASSERT_EQ(d.weging, weights[i]);
            if (r.sleutel == Sleutel::per_inwoner || r.sleutel == Sleutel::pro_rata)
                ASSERT_EQ(d.weging, k.region.gemeenten[i].inwoners);
            else
                ASSERT_EQ(d.weging, b.delen[i].bedrag.in_cents());
            const Money share = d.aandeel + d.rest;
            ASSERT_GE(d.aandeel.in_cents(), 0);
            ASSERT_TRUE(within_one_unit(share, magnitude, weights[i], W, r.unit_cents()));
            // What the gemeente pays: an overschot comes back (≤ 0), a tekort is paid (≥ 0).
            ASSERT_EQ(d.bedrag, res > 0 ? -share : share);
            total += d.bedrag;
        }
        ASSERT_EQ(total.in_cents(), -res);
        const auto lines = describe_afrekening_lines(k.region, b, delen);
        ASSERT_EQ(lines.size(), delen.size());
        for (std::size_t i = 0; i < lines.size(); ++i) {
            ASSERT_EQ(lines[i].source, "afrekening");
            ASSERT_EQ(lines[i].amount, delen[i].bedrag);
            ASSERT_EQ(input(lines[i], "definitieve_bijdrage_cents")->integer,
                      (b.delen[i].bedrag + delen[i].bedrag).in_cents());
        }
        ASSERT_EQ(sum(lines).in_cents(), -res);
    }
    EXPECT_GE(cases, 1000);
}

TEST(InwonerbijdrageSheet, AfrekeningSheet) {
    const Region r = region_of({{"GM0001", "A", 1}, {"GM0002", "B", 2}});
    Regeling reg;
    reg.sleutel = Sleutel::pro_rata;
    reg.totaal = cents(300);
    reg.afrekening_resultaat = cents(100);  // overschot € 1,00
    reg.afrekening_bron = "jaarrekening";
    const Berekening b = bereken(r, reg);
    const auto delen = bereken_afrekening(r, b);
    EXPECT_EQ(delen[0].bedrag, cents(-33));
    EXPECT_EQ(delen[1].bedrag, cents(-67));
    const Table t = describe_afrekening_sheet(r, b, delen);
    EXPECT_EQ(t.name, "Afrekening");
    ASSERT_EQ(t.rows.size(), 2u + 1 + 1 + 2);
    EXPECT_EQ(t.rows[4][2].money_value(), cents(100));
    EXPECT_EQ(t.rows[4][3].text_value(), "jaarrekening");
    EXPECT_EQ(t.rows[5][2].text_value(), "ABS($C$6)");
    EXPECT_EQ(t.rows[0][3].text_value(), "ROUNDDOWN($C$7*C2/$C$4,2)");
    EXPECT_EQ(t.rows[0][6].text_value(), "'Inwonerbijdrage'!F2");
    EXPECT_EQ(t.rows[0][6].cached()->money_value(), cents(100));
    EXPECT_EQ(t.rows[0][7].text_value(), "-SIGN($C$6)*F2");
    EXPECT_EQ(t.rows[0][7].cached()->money_value(), cents(-33));
    EXPECT_EQ(t.rows[1][8].cached()->money_value(), cents(200 - 67));
    EXPECT_EQ(t.rows[2][7].cached()->money_value(), cents(-100));
    const auto lines = describe_afrekening_lines(r, b, delen);
    EXPECT_NE(lines[1].basis.find("overschot € 1,00"), std::string::npos) << lines[1].basis;
    EXPECT_NE(lines[1].basis.find("terug"), std::string::npos) << lines[1].basis;
    EXPECT_NE(lines[1].basis.find("+ € 0,01 restverdeling"), std::string::npos) << lines[1].basis;
}

TEST(InwonerbijdrageBadInput, AfrekeningBronWithoutResultaat) {
    auto rr = read("tarief: 0.40\nafrekening_bron: jaarrekening 2013\n", zeeland());
    EXPECT_FALSE(rr.regeling);
    EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 2, "afrekening_bron", "without 'afrekening_resultaat'"));
}

}  // namespace
