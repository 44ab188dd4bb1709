// Tests for the pro-rata rules of financing.werkplekhuur (pro_rata.h): each rule at the month's
// boundaries, the controller's case (a change of werkplekken on 15 March), and the property that a
// partner whose periods follow each other without a gap over the whole year is billed every month
// (every day) exactly once, whatever the dates.
#include "pro_rata.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "werkplekhuur.h"

namespace {

using vhh::Date;
using vhh::Money;
using vhh::Partner;
using vhh::WerkplekPeriode;
using namespace vhh::werkplekhuur;

WerkplekPeriode periode(std::int64_t aantal, Date van, Date tot = {}) {
    WerkplekPeriode p;
    p.aantal = aantal;
    p.van = van;
    p.tot = tot;
    return p;
}

Partner partner(std::vector<WerkplekPeriode> werkplekken) {
    Partner p;
    p.id = "bjz";
    p.naam = "Bureau Jeugdzorg";
    p.gehuisvest = true;
    p.werkplekken = std::move(werkplekken);
    return p;
}

std::int64_t units(const WerkplekPeriode &p, ProRata rule, int year = 2013) { return period_units(p, year, rule); }

TEST(ProRata, NamesRoundTrip) {
    for (const char *name : kProRataNames) EXPECT_EQ(kProRataNames[static_cast<int>(pro_rata_from_name(name))], std::string(name));
    EXPECT_THROW(pro_rata_from_name("maanden"), std::invalid_argument);
}

TEST(ProRata, EersteVanDeMaandCountsTheMonthsInForceOnTheFirst) {
    const auto rule = ProRata::eerste_van_de_maand;
    EXPECT_EQ(units(periode(1, {2013, 1, 1}, {2013, 12, 31}), rule), 12);
    EXPECT_EQ(units(periode(1, {2013, 3, 15}), rule), 9);                    // April-December
    EXPECT_EQ(units(periode(1, {2013, 3, 1}), rule), 10);                    // March-December
    EXPECT_EQ(units(periode(1, {2013, 1, 1}, {2013, 3, 14}), rule), 3);     // January-March
    EXPECT_EQ(units(periode(1, {2013, 1, 1}, {2013, 3, 1}), rule), 3);      // in force on 1 March
    EXPECT_EQ(units(periode(1, {2013, 1, 1}, {2013, 2, 28}), rule), 2);
    EXPECT_EQ(units(periode(1, {2013, 3, 2}, {2013, 3, 31}), rule), 0);     // never on a 1st
    EXPECT_EQ(units(periode(1, {2012, 6, 1}), rule), 12);                   // from an earlier year
    EXPECT_EQ(units(periode(1, {2014, 1, 1}), rule), 0);
    // The SDK's werkplek_maanden is this rule.
    const Partner p = partner({periode(4, {2013, 1, 1}, {2013, 3, 14}), periode(5, {2013, 3, 15})});
    EXPECT_EQ(vhh::werkplek_maanden(p, 2013), werkplek_units(p, 2013, rule));
}

TEST(ProRata, GrootsteDeelCountsTheLargerPartAndATieForTheFirst) {
    const auto rule = ProRata::grootste_deel;
    EXPECT_EQ(units(periode(1, {2013, 3, 15}), rule), 10);                  // 17 of March's 31 days
    EXPECT_EQ(units(periode(1, {2013, 3, 16}), rule), 10);                  // 16 of 31: more than half
    EXPECT_EQ(units(periode(1, {2013, 3, 17}), rule), 9);                   // 15 of 31: less
    EXPECT_EQ(units(periode(1, {2013, 3, 17}), rule) + units(periode(1, {2013, 1, 1}, {2013, 3, 16}), rule), 12);
    EXPECT_EQ(units(periode(1, {2013, 3, 31}), rule), 9);                   // one day of March
    EXPECT_EQ(units(periode(1, {2013, 1, 1}, {2013, 4, 15}), rule), 4);     // April 15 of 30, holds the 1st
    EXPECT_EQ(units(periode(1, {2013, 4, 16}), rule), 8);                   // April 15 of 30: the tie went to the 1st
    EXPECT_EQ(units(periode(1, {2013, 1, 1}, {2013, 2, 14}), rule), 2);     // 14 of 28: a tie, holds the 1st
    EXPECT_EQ(units(periode(1, {2012, 1, 1}, {2012, 2, 14}), rule, 2012), 1);  // 14 of 29 in a leap year
}

// Three periods in one month: none covers half of it, the largest still takes it.
TEST(ProRata, GrootsteDeelGivesAMonthOfThreePeriodsToTheLargest) {
    const std::vector<WerkplekPeriode> ps = {periode(1, {2013, 1, 1}, {2013, 3, 10}),
                                             periode(2, {2013, 3, 11}, {2013, 3, 20}),
                                             periode(3, {2013, 3, 21}, {2013, 12, 31})};
    EXPECT_EQ(units_per_period(ps, 2013, ProRata::grootste_deel), (std::vector<std::int64_t>{2, 0, 10}));
    // 10, 10, 10 days of June: a tie, to the one holding the 1st.
    const std::vector<WerkplekPeriode> june = {periode(1, {2013, 1, 1}, {2013, 6, 10}),
                                               periode(2, {2013, 6, 11}, {2013, 6, 20}),
                                               periode(3, {2013, 6, 21}, {2013, 12, 31})};
    EXPECT_EQ(units_per_period(june, 2013, ProRata::grootste_deel), (std::vector<std::int64_t>{6, 0, 6}));
    // Without the first: 10 days without werkplek (holding the 1st), then 10 and 10: no werkplek
    // held June; two periods tied after the 1st: the earlier.
    const std::vector<WerkplekPeriode> gap = {june[1], june[2]};
    EXPECT_EQ(units_per_period(gap, 2013, ProRata::grootste_deel), (std::vector<std::int64_t>{0, 6}));
    const std::vector<WerkplekPeriode> late = {periode(1, {2013, 6, 5}, {2013, 6, 17}), periode(1, {2013, 6, 18})};
    EXPECT_EQ(units_per_period(late, 2013, ProRata::grootste_deel), (std::vector<std::int64_t>{1, 6}));
}

TEST(ProRata, DagenCountsDaysOverTheDaysOfTheYear) {
    const auto rule = ProRata::dagen;
    EXPECT_EQ(units_per_year(rule, 2013), 365);
    EXPECT_EQ(units_per_year(rule, 2012), 366);
    EXPECT_EQ(units_per_year(rule, 2000), 366);
    EXPECT_EQ(units_per_year(rule, 2100), 365);
    EXPECT_EQ(units_per_year(ProRata::grootste_deel, 2012), 12);
    EXPECT_EQ(units(periode(1, {2013, 1, 1}, {2013, 3, 14}), rule), 31 + 28 + 14);
    EXPECT_EQ(units(periode(1, {2013, 3, 15}), rule), 365 - 73);
    EXPECT_EQ(units(periode(1, {2012, 3, 15}), rule, 2012), 366 - 74);
    EXPECT_EQ(units(periode(1, {2013, 12, 31}, {2014, 1, 5}), rule), 1);
}

// The controller's trial: 4 werkplekken until 14 March, 5 from 15 March, € 4.800 per werkplek per
// year. Billing whole months covered entirely gave 4 × 2 + 5 × 9 = 53 werkplek-maanden (€ 21.200):
// March was billed to nobody (€ 1.600 short).
TEST(ProRata, AChangeOnTheFifteenthOfMarchBillsMarchOnce) {
    const std::vector<Partner> ps = {partner({periode(4, {2013, 1, 1}, {2013, 3, 14}), periode(5, {2013, 3, 15})})};
    const Money tarief = Money::euros(4800);
    EXPECT_EQ(werkplek_units(ps[0], 2013, ProRata::eerste_van_de_maand), 4 * 3 + 5 * 9);  // 57
    EXPECT_EQ(compute_lines(ps, tarief, 2013, ProRata::eerste_van_de_maand).at(0).amount, Money::euros(22800));
    EXPECT_EQ(werkplek_units(ps[0], 2013, ProRata::grootste_deel), 4 * 2 + 5 * 10);  // 58
    EXPECT_EQ(compute_lines(ps, tarief, 2013, ProRata::grootste_deel).at(0).amount, Money::euros(23200));
    EXPECT_EQ(werkplek_units(ps[0], 2013, ProRata::dagen), 4 * 73 + 5 * 292);  // 1.752 werkplek-dagen
    const auto by_days = compute_lines(ps, tarief, 2013, ProRata::dagen).at(0);
    EXPECT_EQ(by_days.amount, Money::euros(23040));  // 4.800 × 1.752 / 365
    EXPECT_NE(by_days.basis.find("1.752 werkplek-dagen in 2013 (4 × 73 dagen + 5 × 292 dagen) × € 4.800,00 per "
                                 "werkplek per jaar / 365 = € 23.040,00; pro rata naar dagen"),
              std::string::npos)
        << by_days.basis;
    const auto line = compute_lines(ps, tarief, 2013).at(0);
    EXPECT_NE(line.basis.find("57 werkplek-maanden in 2013 (4 × 3 mnd + 5 × 9 mnd)"), std::string::npos) << line.basis;
    EXPECT_NE(line.basis.find("pro rata naar de bezetting op de 1e van de maand"), std::string::npos) << line.basis;
}

TEST(ProRata, TheSheetDividesByTheRulesUnitsPerYear) {
    const std::vector<Partner> ps = {partner({periode(1, {2012, 3, 15})})};
    const auto lines = compute_lines(ps, Money::euros(5000), 2012, ProRata::dagen);
    const auto t = describe_sheet(ps, Money::euros(5000), 2012, lines, ProRata::dagen);
    EXPECT_EQ(t.columns[2].header, "Werkplek-dagen 2012");
    EXPECT_EQ(t.rows[0][2].integer_value(), 292);
    EXPECT_EQ(t.rows[0][5].text_value(), "(INT(C2*ROUND(D2*100,0)/366)+E2)/100");
    // 5.000 × 292 / 366 = 3.989,0710…: € 3.989,07 (one partner: the total rounds half up to the same)
    EXPECT_EQ(lines[0].amount.in_cents(), 398907);
    EXPECT_NE(t.rows.back()[0].text_value().find("/ 366"), std::string::npos);
}

// Property: periods that follow each other without a gap from 1 January to 31 December count each
// month once (the months rules) and each day once (dagen), with one werkplek each.
TEST(ProRata, ContiguousPeriodsCountEveryMonthAndDayOnce) {
    std::mt19937 rng(20261206);
    for (int round = 0; round < 2000; ++round) {
        const int year = 2010 + static_cast<int>(rng() % 8);
        const int days = static_cast<int>(units_per_year(ProRata::dagen, year));
        // Cut the year at up to 6 random day numbers; each piece is a period of one werkplek.
        std::vector<int> cuts = {0, days};
        const int n = static_cast<int>(rng() % 7);
        for (int i = 0; i < n; ++i) cuts.push_back(1 + static_cast<int>(rng() % (days - 1)));
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        auto date_of = [&](int day_index) {  // 0-based day of the year
            static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            int m = 0;
            for (;; ++m) {
                const int l = len[m] + (m == 1 && days == 366 ? 1 : 0);
                if (day_index < l) break;
                day_index -= l;
            }
            return Date{year, m + 1, day_index + 1};
        };
        Partner p = partner({});
        for (std::size_t i = 0; i + 1 < cuts.size(); ++i)
            p.werkplekken.push_back(periode(1, date_of(cuts[i]), date_of(cuts[i + 1] - 1)));
        EXPECT_EQ(werkplek_units(p, year, ProRata::eerste_van_de_maand), 12) << round;
        EXPECT_EQ(werkplek_units(p, year, ProRata::grootste_deel), 12) << round;
        EXPECT_EQ(werkplek_units(p, year, ProRata::dagen), days) << round;
        // And the huur of one werkplek for the year is the tarief, by every rule.
        for (const char *name : kProRataNames) {
            const auto lines = compute_lines({p}, Money::cents(500'001), year, pro_rata_from_name(name));
            ASSERT_EQ(lines.size(), 1u);
            EXPECT_EQ(lines[0].amount.in_cents(), 500'001) << name << " " << round;
        }
    }
}

}  // namespace
