// Tests for financing.inwonerbijdrage: the lines (inwoners × tarief) and the sheet that explains them.
#include "inwonerbijdrage.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "vhh/testing_region.h"

namespace {

using vhh::Cell;
using vhh::ContributionLine;
using vhh::Money;
using vhh::Region;
using vhh::Table;
using vhh::inwonerbijdrage::compute_lines;
using vhh::inwonerbijdrage::describe_sheet;

vhh::Gemeente gemeente(const char *code, const char *naam, std::int64_t inwoners) {
    vhh::Gemeente g;
    g.code = code;
    g.naam = naam;
    g.inwoners = inwoners;
    g.inwoners_bron = "CBS, 1 januari 2013";
    return g;
}

/// Zeeland 2013 with `gemeenten` (the first the centrumgemeente), as the host reads it from YAML.
vhh::testing::TestRegion zeeland_yaml(std::vector<vhh::Gemeente> gemeenten) {
    vhh::testing::TestRegion t;
    t.id = "zeeland";
    t.naam = "Veiligheidshuis Zeeland";
    t.boekjaar = 2013;
    t.gemeenten = std::move(gemeenten);
    return t;
}

Region zeeland(std::vector<vhh::Gemeente> gemeenten) { return zeeland_yaml(std::move(gemeenten)).region(); }

Region two_gemeenten() {
    return zeeland({gemeente("GM0687", "Middelburg", 48019), gemeente("GM0654", "Borsele", 22551)});
}

const vhh::LineInput *find_input(const ContributionLine &line, const std::string &key) {
    for (const auto &in : line.inputs)
        if (in.key == key) return &in;
    return nullptr;
}

const Money kTarief = Money::cents(40);

TEST(InwonerbijdrageLines, AmountsAreExact) {
    const Region r = two_gemeenten();
    const auto lines = compute_lines(r, kTarief);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].amount.in_cents(), 1920760);  // 48019 × 40
    EXPECT_EQ(lines[0].amount.format_nl(), "€ 19.207,60");
    EXPECT_EQ(lines[1].amount.in_cents(), 902040);  // 22551 × 40
    EXPECT_EQ(lines[1].amount.format_nl(), "€ 9.020,40");
}

TEST(InwonerbijdrageLines, IdentifyPayerAndSource) {
    const auto lines = compute_lines(two_gemeenten(), kTarief);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].source, "inwonerbijdrage");
    EXPECT_EQ(lines[0].source, vhh::inwonerbijdrage::kSource);
    EXPECT_EQ(lines[0].payer_id, "GM0687");
    EXPECT_EQ(lines[0].payer, "Middelburg");
    EXPECT_EQ(lines[1].payer_id, "GM0654");
    EXPECT_EQ(lines[1].payer, "Borsele");
}

TEST(InwonerbijdrageLines, BasisExplainsTheAmount) {
    const auto lines = compute_lines(two_gemeenten(), kTarief);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_NE(lines[0].basis.find("48.019 inwoners"), std::string::npos) << lines[0].basis;
    EXPECT_NE(lines[0].basis.find("€ 0,40"), std::string::npos) << lines[0].basis;
    EXPECT_NE(lines[0].basis.find("1-1-2013"), std::string::npos) << lines[0].basis;
    EXPECT_NE(lines[1].basis.find("22.551 inwoners"), std::string::npos) << lines[1].basis;
    EXPECT_NE(lines[1].basis.find("€ 0,40"), std::string::npos) << lines[1].basis;
}

TEST(InwonerbijdrageLines, InputsCarryTheFigures) {
    const auto lines = compute_lines(two_gemeenten(), kTarief);
    ASSERT_EQ(lines.size(), 2u);
    const vhh::LineInput *inwoners = find_input(lines[0], "inwoners");
    ASSERT_NE(inwoners, nullptr);
    EXPECT_FALSE(inwoners->is_text);
    EXPECT_EQ(inwoners->integer, 48019);
    const vhh::LineInput *tarief = find_input(lines[0], "tarief_cents");
    ASSERT_NE(tarief, nullptr);
    EXPECT_FALSE(tarief->is_text);
    EXPECT_EQ(tarief->integer, 40);
    const vhh::LineInput *peildatum = find_input(lines[0], "peildatum");
    ASSERT_NE(peildatum, nullptr);
    EXPECT_TRUE(peildatum->is_text);
    EXPECT_EQ(peildatum->text, "2013-01-01");
    ASSERT_NE(find_input(lines[1], "inwoners"), nullptr);
    EXPECT_EQ(find_input(lines[1], "inwoners")->integer, 22551);
}

TEST(InwonerbijdrageLines, ZeroTariefAndZeroInwoners) {
    const Region r = zeeland({gemeente("GM0687", "Middelburg", 48019), gemeente("GM9999", "Leeg", 0)});
    const auto free = compute_lines(r, Money::cents(0));
    ASSERT_EQ(free.size(), 2u);
    EXPECT_EQ(free[0].amount.in_cents(), 0);
    const auto lines = compute_lines(r, kTarief);
    EXPECT_EQ(lines[1].amount.in_cents(), 0);
}

TEST(InwonerbijdrageLines, OverflowIsReportedNotWrapped) {
    // The most inwoners the host accepts for a gemeente (100.000.000) × € 1.000.000.000 per inwoner
    // is beyond int64 cents.
    const Region r = zeeland({gemeente("GM0001", "Te groot", 100000000)});
    EXPECT_THROW(compute_lines(r, Money::euros(1000000000)), std::overflow_error);
    // (More inwoners, as this test once built by hand, never reach a plugin: the host refuses them.)
    try {
        zeeland({gemeente("GM0001", "Te groot", INT64_MAX / 10)});
        FAIL() << "the host accepted " << INT64_MAX / 10 << " inwoners";
    } catch (const std::invalid_argument &e) {
        EXPECT_EQ(std::string(e.what()), "/cfg/vhh.yaml:4:48: error: gemeenten[0].inwoners: expected a whole number from 0 "
                                         "to 100000000, got '922337203685477580'\n");
    }
}

TEST(InwonerbijdrageSheet, OneRowPerGemeentePlusTotal) {
    const Region r = two_gemeenten();
    const auto lines = compute_lines(r, kTarief);
    const Table t = describe_sheet(r, kTarief, lines);
    EXPECT_FALSE(t.name.empty());
    EXPECT_LE(t.name.size(), 31u);
    ASSERT_GE(t.columns.size(), 5u);
    EXPECT_EQ(t.columns[2].header, "Inwoners");
    EXPECT_EQ(t.columns[4].header, "Bijdrage");
    ASSERT_EQ(t.rows.size(), 3u);
    for (const auto &row : t.rows) EXPECT_LE(row.size(), t.columns.size());

    const auto &first = t.rows[0];
    ASSERT_GE(first.size(), 5u);
    EXPECT_EQ(first[0].kind(), Cell::Kind::text);
    EXPECT_EQ(first[0].text_value(), "GM0687");
    EXPECT_EQ(first[1].text_value(), "Middelburg");
    EXPECT_EQ(first[2].kind(), Cell::Kind::integer);
    EXPECT_EQ(first[2].integer_value(), 48019);
    EXPECT_EQ(first[3].kind(), Cell::Kind::money);
    EXPECT_EQ(first[3].money_value(), kTarief);
    EXPECT_EQ(first[4].kind(), Cell::Kind::formula);
    EXPECT_EQ(first[4].text_value(), "C2*D2");
    ASSERT_NE(first[4].cached(), nullptr);
    EXPECT_EQ(first[4].cached()->kind(), Cell::Kind::money);
    EXPECT_EQ(first[4].cached()->money_value().in_cents(), 1920760);

    const auto &second = t.rows[1];
    ASSERT_GE(second.size(), 5u);
    EXPECT_EQ(second[0].text_value(), "GM0654");
    EXPECT_EQ(second[4].text_value(), "C3*D3");
    ASSERT_NE(second[4].cached(), nullptr);
    EXPECT_EQ(second[4].cached()->money_value().in_cents(), 902040);
}

TEST(InwonerbijdrageSheet, TotalRowSumsWithCachedTotals) {
    const Region r = two_gemeenten();
    const auto lines = compute_lines(r, kTarief);
    const Table t = describe_sheet(r, kTarief, lines);
    ASSERT_EQ(t.rows.size(), 3u);
    const auto &total = t.rows.back();
    ASSERT_GE(total.size(), 5u);
    EXPECT_EQ(total[0].kind(), Cell::Kind::text);
    EXPECT_EQ(total[0].text_value(), "Totaal");
    EXPECT_TRUE(total[0].bold);

    EXPECT_EQ(total[2].kind(), Cell::Kind::formula);
    EXPECT_EQ(total[2].text_value(), "SUM(C2:C3)");
    ASSERT_NE(total[2].cached(), nullptr);
    EXPECT_EQ(total[2].cached()->kind(), Cell::Kind::integer);
    EXPECT_EQ(total[2].cached()->integer_value(), 48019 + 22551);
    EXPECT_TRUE(total[2].bold);

    EXPECT_EQ(total[4].kind(), Cell::Kind::formula);
    EXPECT_EQ(total[4].text_value(), "SUM(E2:E3)");
    ASSERT_NE(total[4].cached(), nullptr);
    EXPECT_EQ(total[4].cached()->kind(), Cell::Kind::money);
    Money sum;
    for (const auto &l : lines) sum += l.amount;
    EXPECT_EQ(total[4].cached()->money_value(), sum);
    EXPECT_EQ(total[4].cached()->money_value().in_cents(), 1920760 + 902040);
    EXPECT_TRUE(total[4].bold);
}

TEST(InwonerbijdrageSheet, NoGemeentenDoesNotCrash) {
    // The host refuses a region without gemeenten, so none reaches a plugin ...
    try {
        vhh::testing::TestRegion t = zeeland_yaml({});
        t.centrumgemeente = "GM0687";
        t.region();
        FAIL() << "the host accepted a region without gemeenten";
    } catch (const std::invalid_argument &e) {
        EXPECT_EQ(std::string(e.what()), "/cfg/vhh.yaml:3:12: error: gemeenten: the region has no gemeenten\n");
    }
    // ... and the plugin copes with one all the same.
    Region r = two_gemeenten();
    r.gemeenten.clear();
    const auto lines = compute_lines(r, kTarief);
    EXPECT_TRUE(lines.empty());
    const Table t = describe_sheet(r, kTarief, lines);
    ASSERT_EQ(t.rows.size(), 1u);  // only the total row
    const auto &total = t.rows[0];
    ASSERT_GE(total.size(), 5u);
    EXPECT_EQ(total[0].text_value(), "Totaal");
    // No SUM over an empty (reversed) range; the totals are zero.
    const Cell &bijdrage = total[4].kind() == Cell::Kind::formula ? *total[4].cached() : total[4];
    EXPECT_EQ(bijdrage.kind(), Cell::Kind::money);
    EXPECT_EQ(bijdrage.money_value().in_cents(), 0);
    const Cell &inwoners = total[2].kind() == Cell::Kind::formula ? *total[2].cached() : total[2];
    EXPECT_EQ(inwoners.kind(), Cell::Kind::integer);
    EXPECT_EQ(inwoners.integer_value(), 0);
    EXPECT_NE(total[4].text_value(), "SUM(E2:E1)");
}

TEST(InwonerbijdrageProperty, SumOfLinesIsTariefTimesTotalInwoners) {
    std::mt19937_64 rng(0x2e31a4d);
    std::uniform_int_distribution<int> n_dist(1, 60);  // a region has gemeenten (NoGemeentenDoesNotCrash)
    std::uniform_int_distribution<std::int64_t> inwoners_dist(0, 2000000);
    std::uniform_int_distribution<std::int64_t> tarief_dist(0, 100000);  // up to € 1.000 per inwoner
    std::vector<vhh::Gemeente> gs;  // GM1000 … GM1059, read once by the host
    for (int i = 0; i < 60; ++i)
        gs.push_back(gemeente(("GM" + std::to_string(1000 + i)).c_str(), ("Gemeente " + std::to_string(i)).c_str(), 0));
    const Region sixty = zeeland(std::move(gs));
    for (int c = 0; c < 300; ++c) {
        const int n = n_dist(rng);
        Region r = sixty;  // its first n gemeenten, with random inwoners
        r.gemeenten.resize(static_cast<std::size_t>(n));
        std::int64_t total_inwoners = 0;
        for (auto &g : r.gemeenten) {
            g.inwoners = inwoners_dist(rng);
            total_inwoners += g.inwoners;
        }
        const Money tarief = Money::cents(tarief_dist(rng));
        SCOPED_TRACE("case " + std::to_string(c) + ", " + std::to_string(n) + " gemeenten, tarief " +
                     tarief.format_plain());

        const auto lines = compute_lines(r, tarief);
        ASSERT_EQ(lines.size(), r.gemeenten.size());
        Money sum;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            ASSERT_EQ(lines[i].amount.in_cents(), tarief.in_cents() * r.gemeenten[i].inwoners);
            ASSERT_EQ(lines[i].payer_id, r.gemeenten[i].code);
            sum += lines[i].amount;
        }
        ASSERT_EQ(sum.in_cents(), tarief.in_cents() * total_inwoners);

        const Table t = describe_sheet(r, tarief, lines);
        ASSERT_EQ(t.rows.size(), lines.size() + 1);
        const Cell &total = t.rows.back()[4];
        const Cell &value = total.kind() == Cell::Kind::formula ? *total.cached() : total;
        ASSERT_EQ(value.money_value(), sum);
        if (n > 0) {
            const std::string last = std::to_string(n + 1);
            ASSERT_EQ(total.text_value(), "SUM(E2:E" + last + ")");
            ASSERT_EQ(t.rows.back()[2].text_value(), "SUM(C2:C" + last + ")");
            ASSERT_EQ(t.rows.back()[2].cached()->integer_value(), total_inwoners);
        }
    }
}

}  // namespace
