// Tests of sleutel pro_rata of financing.inwonerbijdrage: a totaal divided by inwoners (largest
// remainder), seeded property tests and the sheet's share and remainder columns.
#include <gtest/gtest.h>

#include "keys_fixtures.h"

namespace {

using namespace keys_test;

TEST(InwonerbijdrageProperty, ProRata) {
    std::mt19937_64 rng(0x9a07a);
    for (int c = 0; c < 1500; ++c) {
        Case k = random_case(rng);
        Regeling r;
        r.sleutel = Sleutel::pro_rata;
        r.afronding = random_afronding(rng);
        r.totaal = random_total(rng, r.afronding);
        SCOPED_TRACE("case " + std::to_string(c));
        const Berekening b = bereken(k.region, r);
        ASSERT_EQ(b.te_verdelen, *r.totaal);
        check_divided(b, k.inwoners, r.unit_cents());
        ASSERT_EQ(b.totaal, *r.totaal);
        check_lines_match(k.region, b);
    }
}

TEST(InwonerbijdrageSheet, ProRataSharePlusRemainderColumn) {
    const Region r = region_of({{"GM0001", "A", 1}, {"GM0002", "B", 1}, {"GM0003", "C", 1}});
    Regeling reg;
    reg.sleutel = Sleutel::pro_rata;
    reg.totaal = cents(100);
    const Berekening b = bereken(r, reg);
    EXPECT_EQ(b.delen[0].bedrag, cents(34));  // ties go to the gemeente listed first
    EXPECT_EQ(b.delen[1].bedrag, cents(33));
    const Table t = describe_key_sheet(r, b);
    ASSERT_EQ(t.columns.size(), 7u);
    EXPECT_EQ(t.columns[3].header, "Aandeel afgerond omlaag");
    EXPECT_EQ(t.columns[4].header, "Restverdeling");
    EXPECT_EQ(t.columns[5].header, "Bijdrage");
    // rows: 3 gemeenten, total (row 5), blank, "Te verdelen totaal" (row 7)
    ASSERT_EQ(t.rows.size(), 6u);
    EXPECT_EQ(t.rows[5][1].text_value(), "Te verdelen totaal");
    EXPECT_EQ(t.rows[5][2].money_value(), cents(100));
    EXPECT_EQ(t.rows[0][3].text_value(), "ROUNDDOWN($C$7*C2/$C$5,2)");
    EXPECT_EQ(t.rows[0][3].cached()->money_value(), cents(33));
    EXPECT_EQ(t.rows[0][4].money_value(), cents(1));
    EXPECT_EQ(t.rows[1][4].money_value(), cents(0));
    EXPECT_EQ(t.rows[0][5].text_value(), "D2+E2");
    EXPECT_EQ(t.rows[0][5].cached()->money_value(), cents(34));
    EXPECT_EQ(t.rows[3][0].text_value(), "Totaal");
    EXPECT_EQ(t.rows[3][5].text_value(), "SUM(F2:F4)");
    EXPECT_EQ(t.rows[3][5].cached()->money_value(), cents(100));
    EXPECT_EQ(t.rows[3][4].cached()->money_value(), cents(1));
}

}  // namespace
