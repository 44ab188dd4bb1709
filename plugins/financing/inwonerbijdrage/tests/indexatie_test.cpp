// Tests of the indexatie of financing.inwonerbijdrage's tarief: compounded year by year from the
// basisjaar, rounded to the cent (halves away from zero); basis, sheet, warnings and bad years.
#include <gtest/gtest.h>

#include "keys_fixtures.h"

namespace {

using namespace keys_test;

TEST(InwonerbijdrageIndexatie, RoundHalfAwayFromZero) {
    EXPECT_EQ(round_half_away(15, 10), 2);
    EXPECT_EQ(round_half_away(14, 10), 1);
    EXPECT_EQ(round_half_away(-15, 10), -2);
    EXPECT_EQ(round_half_away(-14, 10), -1);
    EXPECT_EQ(round_half_away(0, 10), 0);
    EXPECT_EQ(round_half_away(25, 10), 3);
}

TEST(InwonerbijdrageIndexatie, CompoundsYearByYearRoundedToTheCent) {
    std::vector<IndexStap> steps;
    // € 0,40 (2013) + 2,5 % (2014) = 0,41; + 1,8 % (2015) = 0,41738 -> 0,42; 2016 is after the boekjaar.
    Money t = index_tarief(cents(40), 2013, 2015, {{2015, 18000}, {2014, 25000}, {2016, 500000}}, &steps);
    EXPECT_EQ(t, cents(42));
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_EQ(steps[0].jaar, 2014);
    EXPECT_EQ(steps[0].tarief, cents(41));
    EXPECT_EQ(steps[1].jaar, 2015);
    EXPECT_EQ(steps[1].tarief, cents(42));
    // Halves away from zero: 0,30 × 1,05 = 0,315 -> 0,32; 0,30 × 0,95 = 0,285 -> 0,29.
    EXPECT_EQ(index_tarief(cents(30), 2020, 2021, {{2021, 50000}}), cents(32));
    EXPECT_EQ(index_tarief(cents(30), 2020, 2021, {{2021, -50000}}), cents(29));
    // Rounding each year differs from rounding once: 0,01 × 1,4 × 1,4 -> 0,01 -> 0,01 (once: 0,0196 -> 0,02).
    EXPECT_EQ(index_tarief(cents(1), 2020, 2022, {{2021, 400000}, {2022, 400000}}), cents(1));
    // Entries up to the basisjaar are not applied.
    EXPECT_EQ(index_tarief(cents(40), 2013, 2013, {{2013, 25000}}), cents(40));
}

TEST(InwonerbijdrageIndexatie, BasisAndSheetShowTheIndexedTarief) {
    const Region r = zeeland(2015);
    auto rr = read("tarief: 0.40\nbasisjaar: 2013\nindexatie:\n  - {jaar: 2014, percentage: 2.5}\n"
                   "  - {jaar: 2015, percentage: 1.8}\n",
                   r);
    ASSERT_TRUE(rr.regeling) << rr.diag.format_all();
    const Berekening b = bereken(r, *rr.regeling);
    EXPECT_EQ(b.tarief, cents(42));
    const auto lines = describe_lines(r, b);
    EXPECT_EQ(lines[0].amount, cents(22551 * 42));
    EXPECT_EQ(lines[0].basis,
              "22.551 inwoners (peildatum 1-1-2015) × € 0,42 (tarief 2013 € 0,40, geïndexeerd: "
              "2014 +2,5 %, 2015 +1,8 %)");
    EXPECT_EQ(input(lines[0], "tarief_cents")->integer, 42);
    EXPECT_EQ(input(lines[0], "tarief_basis_cents")->integer, 40);
    EXPECT_EQ(input(lines[0], "basisjaar")->integer, 2013);
    const Table t = describe_key_sheet(r, b);
    // 13 gemeenten, total row, blank row, then basisjaar 2013 and the two indexation rows.
    ASSERT_EQ(t.rows.size(), 13u + 1 + 1 + 3);
    EXPECT_EQ(t.rows[15][1].text_value(), "Tarief 2013 (basisjaar)");
    EXPECT_EQ(t.rows[15][2].money_value(), cents(40));
    EXPECT_EQ(t.rows[16][2].text_value(), "ROUND($C$17*(1+$D$18),2)");
    EXPECT_EQ(t.rows[16][2].cached()->money_value(), cents(41));
    EXPECT_EQ(t.rows[16][3].integer_value(), 25000);
    EXPECT_EQ(t.rows[17][2].text_value(), "ROUND($C$18*(1+$D$19),2)");
    EXPECT_EQ(t.rows[17][2].cached()->money_value(), cents(42));
    EXPECT_EQ(t.rows[0][3].text_value(), "$C$19");
    EXPECT_EQ(t.rows[0][3].cached()->money_value(), cents(42));
    EXPECT_EQ(t.rows[0][4].text_value(), "C2*D2");
}

TEST(InwonerbijdrageIndexatie, AMissingYearIsAWarning) {
    const Region r = zeeland(2016);
    auto rr = read("tarief: 0.40\nbasisjaar: 2013\nindexatie:\n  - {jaar: 2014, percentage: 2.5}\n"
                   "  - {jaar: 2016, percentage: 1.8}\n",
                   r);
    ASSERT_TRUE(rr.regeling) << rr.diag.format_all();
    EXPECT_FALSE(rr.diag.has_errors());
    ASSERT_EQ(rr.diag.all().size(), 1u);
    EXPECT_EQ(rr.diag.all()[0].severity, Severity::warning);
    EXPECT_NE(rr.diag.all()[0].message.find("2015"), std::string::npos);
}

TEST(InwonerbijdrageBadInput, IndexatieYears) {
    const Region r = zeeland(2015);
    auto rr = read("tarief: 0.40\nbasisjaar: 2013\nindexatie:\n  - {jaar: 2013, percentage: 2.5}\n"
                   "  - {jaar: 2014, percentage: 0.0001}\n  - {jaar: 2014, percentage: 0.0002}\n"
                   "  - {jaar: 2015, percentage: 0.0003}\n",
                   r);
    EXPECT_FALSE(rr.regeling);
    EXPECT_TRUE(has_error(rr.diag, ExitCode::data, 4, "indexatie[0].jaar", "not after basisjaar"));
    EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 6, "indexatie[2].jaar", "indexed twice"));

    auto late = read("tarief: 0.40\nbasisjaar: 2016\nindexatie: []\n", r);
    EXPECT_TRUE(has_error(late.diag, ExitCode::data, 2, "basisjaar", "after the boekjaar"));
}

}  // namespace
