// Tests for financing.rijksbijdrage: the line(s), the split over locations (largest remainder),
// the located errors, and the sheet that explains the figures.
#include "rijksbijdrage.h"

#include <gtest/gtest.h>

#include "vhh/testing.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace {

using vhh::Cell;
using vhh::ContributionLine;
using vhh::Diagnostics;
using vhh::ExitCode;
using vhh::Money;
using vhh::Region;
using vhh::Settings;
using vhh::Table;
using namespace vhh::rijksbijdrage;

/// One location record: naam plus gewicht or percentage (ppm).
struct Loc {
    std::string naam;
    std::int64_t gewicht = -1;     ///< -1: not given
    std::int64_t percentage = -1;  ///< ppm; -1: not given
};

/// A ppm value as the YAML percentage that means it ("31.25" for 312500).
std::string percent_text(std::int64_t ppm) {
    std::string frac = std::to_string(ppm % 10000);
    return std::to_string(ppm / 10000) + "." + std::string(4 - frac.size(), '0') + frac;
}

/// The plugin's settings from the YAML a config would hold (line 1 bedrag, line 2 ontvanger or a
/// comment, line 3 `locaties:`, line 4 on one location each), validated by the host's own settings
/// validator through the SDK's test kit against `region`.
Settings settings(Money bedrag, const std::string &ontvanger = "", const std::vector<Loc> &locaties = {},
                  const Region &region = vhh::testing::sample_region()) {
    std::string yaml = "bedrag: " + bedrag.format_plain() + "\n";
    yaml += ontvanger.empty() ? "# ontvanger: de centrumgemeente\n" : "ontvanger: " + ontvanger + "\n";
    if (!locaties.empty()) yaml += "locaties:\n";
    for (const auto &l : locaties) {
        yaml += "  - {naam: \"" + l.naam + "\"";
        if (l.gewicht >= 0) yaml += ", gewicht: " + std::to_string(l.gewicht);
        if (l.percentage >= 0) yaml += ", percentage: " + percent_text(l.percentage);
        yaml += "}\n";
    }
    return vhh::testing::settings_from_yaml(kSettings, yaml, region);
}

vhh::Gemeente gemeente(const char *c, const char *naam) {
    vhh::Gemeente g;
    g.code = c;
    g.naam = naam;
    g.inwoners = 1000;
    return g;
}

Region zeeland() {
    Region r;
    r.id = "zeeland";
    r.naam = "Veiligheidshuis Zeeland";
    r.boekjaar = 2013;
    r.centrumgemeente = "GM0687";
    r.peildatum = vhh::Date{2013, 1, 1};
    r.gemeenten = {gemeente("GM0654", "Borsele"), gemeente("GM0687", "Middelburg"), gemeente("GM0718", "Vlissingen")};
    return r;
}

Region maas_en_leijgraaf() {
    Region r;
    r.id = "maas-en-leijgraaf";
    r.naam = "Veiligheidshuis Maas en Leijgraaf";
    r.boekjaar = 2015;
    r.centrumgemeente = "GM0828";
    r.peildatum = vhh::Date{2015, 1, 1};
    r.gemeenten = {gemeente("GM0828", "Oss"), gemeente("GM0755", "Boekel")};
    vhh::Herindeling h;
    h.per = vhh::Date{2011, 1, 1};
    h.naar = "GM1721";
    h.naam = "Bernheze";
    h.van = {"GM0000"};
    r.herindelingen.push_back(h);
    return r;
}

const vhh::LineInput *find_input(const ContributionLine &line, const std::string &key) {
    for (const auto &in : line.inputs)
        if (in.key == key) return &in;
    return nullptr;
}

bool has_error(const Diagnostics &d, ExitCode code, int line, const std::string &key_path, const std::string &text) {
    for (const auto &x : d.all())
        if (x.severity == vhh::Severity::error && x.code == code && x.where.line == line && x.key_path == key_path &&
            x.message.find(text) != std::string::npos)
            return true;
    return false;
}

const Money kZeeland = Money::euros(161700);

TEST(RijksbijdrageLines, ZeelandIsPaidToMiddelburg) {
    const Region r = zeeland();
    Diagnostics d;
    const auto in = read_input(settings(kZeeland), r, d);
    ASSERT_TRUE(in.has_value()) << d.format_all();
    EXPECT_EQ(in->ontvanger, "GM0687");  // default: the centrumgemeente
    const auto lines = compute_lines(r, *in);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].source, "rijksbijdrage");
    EXPECT_EQ(lines[0].payer_id, "RIJK");
    EXPECT_EQ(lines[0].payer, "Rijk (ministerie van Justitie en Veiligheid)");
    EXPECT_EQ(lines[0].amount.in_cents(), 16170000);
    EXPECT_NE(lines[0].basis.find("centrumgemeente Middelburg (GM0687)"), std::string::npos) << lines[0].basis;
    EXPECT_NE(lines[0].basis.find("2013"), std::string::npos) << lines[0].basis;
    const auto *ontvanger = find_input(lines[0], "ontvanger");
    ASSERT_NE(ontvanger, nullptr);
    EXPECT_TRUE(ontvanger->is_text);
    EXPECT_EQ(ontvanger->text, "GM0687");
    ASSERT_NE(find_input(lines[0], "bedrag_cents"), nullptr);
    EXPECT_EQ(find_input(lines[0], "bedrag_cents")->integer, 16170000);
}

TEST(RijksbijdrageLines, ExplicitOntvangerOfTheRegion) {
    const Region r = maas_en_leijgraaf();
    Diagnostics d;
    const auto in = read_input(settings(Money::euros(125000), "GM0828", {}, r), r, d);
    ASSERT_TRUE(in.has_value()) << d.format_all();
    const auto lines = compute_lines(r, *in);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].amount.in_cents(), 12500000);
    EXPECT_NE(lines[0].basis.find("Oss (GM0828)"), std::string::npos) << lines[0].basis;

    // Another gemeente of the region may receive it: the basis says so.
    const auto other = read_input(settings(Money::euros(125000), "GM0755", {}, r), r, d);
    ASSERT_TRUE(other.has_value());
    EXPECT_NE(compute_lines(r, *other)[0].basis.find("via gemeente Boekel (GM0755)"), std::string::npos);
}

// An ontvanger outside the region, or a location with both or neither of gewicht and percentage,
// is refused by the host (types GEMEENTE and one-of group "sleutel" of kSettings; see the host's
// settings_validator_test and the corpus), so the plugin never sees one.

TEST(RijksbijdrageErrors, KeyPathsStartWithThePluginEntry) {
    Diagnostics zero;
    EXPECT_FALSE(read_input(settings(kZeeland, "", {{"A", 0}}), zeeland(), zero, "plugins[1]").has_value());
    EXPECT_TRUE(has_error(zero, ExitCode::data, 4, "plugins[1].locaties", "all zero")) << zero.format_all();
}

TEST(RijksbijdrageSettingsTable, BindsEveryRow) {
    ASSERT_EQ(kSettings.size(), 3u);
    EXPECT_EQ(kSettings.data()[1].type, static_cast<std::uint32_t>(VHH_SETTING_GEMEENTE));
    const vhh_setting_spec &locaties = kSettings.data()[2];
    ASSERT_EQ(locaties.field_count, 3u);
    EXPECT_STREQ(locaties.fields[1].one_of, "sleutel");
    EXPECT_STREQ(locaties.fields[2].one_of, "sleutel");
    EXPECT_EQ(locaties.fields[2].type, static_cast<std::uint32_t>(VHH_SETTING_PERCENTAGE));
}

TEST(RijksbijdrageLocaties, WeightsSplitByLargestRemainder) {
    const Region r = maas_en_leijgraaf();
    Diagnostics d;
    const auto in = read_input(
        settings(Money::euros(100), "", {{"Den Bosch e.o.", 1}, {"Maas en Leijgraaf", 1}, {"Brabant Zuid-Oost", 1}}), r, d);
    ASSERT_TRUE(in.has_value()) << d.format_all();
    EXPECT_FALSE(in->percentages);
    const auto lines = compute_lines(r, *in);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].amount.in_cents(), 3334);  // the remainder cent: ties go to the first location
    EXPECT_EQ(lines[1].amount.in_cents(), 3333);
    EXPECT_EQ(lines[2].amount.in_cents(), 3333);
    for (const auto &l : lines) {
        EXPECT_EQ(l.payer_id, "RIJK");
        EXPECT_EQ(l.source, "rijksbijdrage");
        ASSERT_NE(find_input(l, "gewicht"), nullptr);
        EXPECT_EQ(find_input(l, "gewicht")->integer, 1);
        EXPECT_EQ(find_input(l, "gewicht_totaal")->integer, 3);
        EXPECT_EQ(find_input(l, "ontvanger")->text, "GM0828");
        EXPECT_EQ(find_input(l, "totaal_cents")->integer, 10000);
    }
    EXPECT_EQ(find_input(lines[0], "locatie")->text, "Den Bosch e.o.");
    EXPECT_EQ(find_input(lines[0], "restcent")->integer, 1);
    EXPECT_EQ(find_input(lines[1], "restcent")->integer, 0);
    EXPECT_NE(lines[0].basis.find("restcent"), std::string::npos) << lines[0].basis;
    EXPECT_EQ(lines[1].basis.find("restcent"), std::string::npos) << lines[1].basis;
    EXPECT_NE(lines[1].basis.find("locatie Maas en Leijgraaf: gewicht 1 van 3"), std::string::npos) << lines[1].basis;
}

TEST(RijksbijdrageLocaties, PercentagesSplitTheBedrag) {
    const Region r = maas_en_leijgraaf();
    Diagnostics d;
    const auto in = read_input(settings(Money::euros(400000), "", {{"A", -1, 450000}, {"B", -1, 312500}, {"C", -1, 237500}}),
                               r, d);
    ASSERT_TRUE(in.has_value()) << d.format_all();
    EXPECT_TRUE(in->percentages);
    const auto lines = compute_lines(r, *in);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].amount, Money::euros(180000));
    EXPECT_EQ(lines[1].amount, Money::euros(125000));
    EXPECT_EQ(lines[2].amount, Money::euros(95000));
    EXPECT_EQ(find_input(lines[1], "percentage_ppm")->integer, 312500);
    EXPECT_NE(lines[1].basis.find("31,25 % van € 400.000,00"), std::string::npos) << lines[1].basis;
}

TEST(RijksbijdrageLocaties, ZeroWeightGetsNothingAndZeroBedragWorks) {
    const Region r = maas_en_leijgraaf();
    Diagnostics d;
    auto in = read_input(settings(Money::cents(1), "", {{"A", 0}, {"B", 5}}), r, d);
    ASSERT_TRUE(in.has_value());
    auto lines = compute_lines(r, *in);
    EXPECT_EQ(lines[0].amount.in_cents(), 0);
    EXPECT_EQ(lines[1].amount.in_cents(), 1);
    in = read_input(settings(Money::cents(0), "", {{"A", 1}, {"B", 5}}), r, d);
    ASSERT_TRUE(in.has_value());
    lines = compute_lines(r, *in);
    EXPECT_EQ(lines[0].amount.in_cents() + lines[1].amount.in_cents(), 0);
    EXPECT_FALSE(d.has_errors());
}

TEST(RijksbijdrageErrors, WeightsAllZero) {
    Diagnostics d;
    EXPECT_FALSE(read_input(settings(kZeeland, "", {{"A", 0}, {"B", 0}}), zeeland(), d).has_value());
    ASSERT_EQ(d.error_count(), 1u);
    EXPECT_TRUE(has_error(d, ExitCode::data, 4, "locaties", "all zero")) << d.format_all();
    EXPECT_EQ(d.exit_code(), ExitCode::data);
}

TEST(RijksbijdrageErrors, PercentagesMustAddUpTo100) {
    Diagnostics d;
    EXPECT_FALSE(read_input(settings(kZeeland, "", {{"A", -1, 500000}, {"B", -1, 495000}}), zeeland(), d).has_value());
    EXPECT_TRUE(has_error(d, ExitCode::data, 4, "locaties", "add up to 99,5 %, expected 100 %")) << d.format_all();
}

TEST(RijksbijdrageErrors, LocationKeysAreConsistent) {
    Diagnostics d;
    // Mixed kinds and a duplicate name: all reported in one pass. Records with both or neither key
    // are the host's to refuse (one-of group "sleutel"): its validator reports them and leaves them out.
    Diagnostics host;
    const Settings s = vhh::testing::settings_from_yaml(
        kSettings,
        "bedrag: 161700.00\n# ontvanger: de centrumgemeente\nlocaties:\n  - {naam: A, gewicht: 1, percentage: 50}\n"
        "  - {naam: B}\n  - {naam: C, gewicht: 2}\n  - {naam: D, percentage: 50}\n  - {naam: C, gewicht: 3}\n",
        host, zeeland());
    EXPECT_EQ(host.error_count(), 2u) << host.format_all();
    EXPECT_FALSE(read_input(s, zeeland(), d).has_value());
    EXPECT_TRUE(has_error(d, ExitCode::config, 7, "locaties[3].percentage", "but locaties[2] gives a gewicht"))
        << d.format_all();
    EXPECT_TRUE(has_error(d, ExitCode::config, 8, "locaties[4].naam", "listed twice")) << d.format_all();
    EXPECT_EQ(d.error_count(), 2u) << d.format_all();
    for (const auto &x : d.all()) EXPECT_EQ(x.where.file, "instellingen.yaml");
}

TEST(RijksbijdrageSheet, WholeBedragWithTotal) {
    const Region r = zeeland();
    Diagnostics d;
    const auto in = read_input(settings(kZeeland), r, d);
    const auto lines = compute_lines(r, *in);
    const Table t = describe_sheet(r, *in, lines);
    EXPECT_EQ(t.name, "Rijksbijdrage");
    ASSERT_EQ(t.columns.size(), 4u);
    EXPECT_EQ(t.columns[3].header, "Bedrag");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0][1].text_value(), "GM0687");
    EXPECT_EQ(t.rows[0][2].text_value(), "Middelburg");
    EXPECT_EQ(t.rows[0][3].kind(), Cell::Kind::money);
    EXPECT_EQ(t.rows[0][3].money_value(), kZeeland);
    const Cell &total = t.rows[1][3];
    EXPECT_EQ(t.rows[1][0].text_value(), "Totaal");
    ASSERT_EQ(total.kind(), Cell::Kind::formula);
    EXPECT_EQ(total.text_value(), "SUM(D2:D2)");
    EXPECT_EQ(total.cached()->money_value(), kZeeland);
    for (const auto &row : t.rows) EXPECT_LE(row.size(), t.columns.size());
}

TEST(RijksbijdrageSheet, LocationsAsFormulasWithCachedValues) {
    const Region r = maas_en_leijgraaf();
    Diagnostics d;
    const auto in = read_input(settings(Money::euros(100), "", {{"A", 1}, {"B", 1}, {"C", 1}}), r, d);
    const auto lines = compute_lines(r, *in);
    const Table t = describe_sheet(r, *in, lines);
    ASSERT_EQ(t.columns.size(), 7u);
    EXPECT_EQ(t.columns[3].header, "Gewicht");
    EXPECT_EQ(t.columns[5].header, "Restcent");
    EXPECT_EQ(t.columns[6].header, "Bedrag");
    ASSERT_EQ(t.rows.size(), 5u);  // bedrag, 3 locations, total
    EXPECT_EQ(t.rows[0][6].money_value(), Money::euros(100));
    EXPECT_EQ(t.rows[0][1].text_value(), "GM0828");
    const auto &a = t.rows[1];
    EXPECT_EQ(a[0].text_value(), "Locatie A");
    EXPECT_EQ(a[3].integer_value(), 1);
    EXPECT_EQ(a[4].text_value(), "D3/SUM($D$3:$D$5)");
    EXPECT_EQ(a[4].cached()->kind(), Cell::Kind::percentage);
    EXPECT_EQ(a[4].cached()->integer_value(), 333333);
    EXPECT_EQ(a[5].integer_value(), 1);
    EXPECT_EQ(a[6].text_value(), "(INT(ROUND($G$2*100,0)*D3/SUM($D$3:$D$5))+F3)/100");
    EXPECT_EQ(a[6].cached()->money_value().in_cents(), 3334);
    EXPECT_EQ(t.rows[2][5].integer_value(), 0);
    EXPECT_EQ(t.rows[3][6].cached()->money_value().in_cents(), 3333);
    const auto &total = t.rows[4];
    EXPECT_EQ(total[0].text_value(), "Totaal locaties");
    EXPECT_EQ(total[3].text_value(), "SUM(D3:D5)");
    EXPECT_EQ(total[3].cached()->integer_value(), 3);
    EXPECT_EQ(total[4].cached()->integer_value(), 1000000);
    EXPECT_EQ(total[5].cached()->integer_value(), 1);
    EXPECT_EQ(total[6].text_value(), "SUM(G3:G5)");
    EXPECT_EQ(total[6].cached()->money_value(), Money::euros(100));
    EXPECT_TRUE(total[6].bold);
}

TEST(RijksbijdrageSheet, PercentageFormula) {
    const Region r = maas_en_leijgraaf();
    Diagnostics d;
    const auto in = read_input(settings(Money::euros(100), "", {{"A", -1, 333334}, {"B", -1, 666666}}), r, d);
    ASSERT_TRUE(in.has_value()) << d.format_all();
    const Table t = describe_sheet(r, *in, compute_lines(r, *in));
    EXPECT_EQ(t.columns[3].header, "Percentage");
    EXPECT_EQ(t.rows[1][3].kind(), Cell::Kind::percentage);
    EXPECT_EQ(t.rows[1][6].text_value(), "(INT(ROUND($G$2*100,0)*ROUND(D3*1000000,0)/1000000)+F3)/100");
    EXPECT_EQ(t.rows[1][6].cached()->money_value().in_cents(), 3333);  // 3333,34 cents, rounded down
    EXPECT_EQ(t.rows[2][6].cached()->money_value().in_cents(), 6667);  // 6666,66 cents + restcent
    EXPECT_EQ(t.rows[2][5].integer_value(), 1);
}

// Property: whatever the bedrag and the key, the shares add up to the bedrag exactly, each is
// within one cent of its exact share, none is negative, and the sheet's cells agree with the lines.
TEST(RijksbijdrageProperty, LocationSplitIsExact) {
    std::mt19937_64 rng(0x71175b);
    std::uniform_int_distribution<int> n_dist(1, 8);
    std::uniform_int_distribution<std::int64_t> bedrag_dist(0, 1000000000);  // up to € 10 mln
    std::uniform_int_distribution<std::int64_t> weight_dist(0, 1000);
    const Region r = maas_en_leijgraaf();
    for (int c = 0; c < 2000; ++c) {
        const int n = n_dist(rng);
        const bool percentages = c % 3 == 0;
        std::vector<Loc> locs;
        std::int64_t sum = 0;
        for (int i = 0; i < n; ++i) {
            Loc l;
            l.naam = "Locatie " + std::to_string(i);
            if (percentages) {
                // Random percentages (in ppm) that add up to 100 %.
                const std::int64_t left = 1000000 - sum;
                l.percentage = i == n - 1 ? left : std::uniform_int_distribution<std::int64_t>(0, left)(rng);
                sum += l.percentage;
            } else {
                l.gewicht = weight_dist(rng);
                sum += l.gewicht;
            }
            locs.push_back(l);
        }
        if (!percentages && sum == 0) {
            locs[0].gewicht = 1;
            sum = 1;
        }
        const Money bedrag = Money::cents(bedrag_dist(rng));
        SCOPED_TRACE("case " + std::to_string(c) + ": " + std::to_string(n) + " locations, bedrag " +
                     bedrag.format_plain());
        Diagnostics d;
        const auto in = read_input(settings(bedrag, "", locs), r, d);
        ASSERT_TRUE(in.has_value()) << d.format_all();
        const auto lines = compute_lines(r, *in);
        ASSERT_EQ(lines.size(), locs.size());
        Money total;
        int remainder_cents = 0;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::int64_t w = percentages ? locs[i].percentage : locs[i].gewicht;
            const __int128 exact_times_sum = static_cast<__int128>(bedrag.in_cents()) * w;  // share × sum
            const __int128 part_times_sum = static_cast<__int128>(lines[i].amount.in_cents()) * sum;
            ASSERT_GE(lines[i].amount.in_cents(), 0);
            ASSERT_LT(part_times_sum - exact_times_sum, sum);   // less than one cent above the exact share
            ASSERT_GT(part_times_sum - exact_times_sum, -sum);  // less than one cent below it
            total += lines[i].amount;
            remainder_cents += static_cast<int>(find_input(lines[i], "restcent")->integer);
        }
        ASSERT_EQ(total, bedrag);
        ASSERT_LT(remainder_cents, n);
        const Table t = describe_sheet(r, *in, lines);
        ASSERT_EQ(t.rows.size(), lines.size() + 2);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const auto &row = t.rows[i + 1];
            ASSERT_EQ(row[6].cached()->money_value(), lines[i].amount);
            // Bedrag = exact share rounded down + restcent, as the formula computes it.
            const std::int64_t floor_cents = static_cast<std::int64_t>(
                static_cast<__int128>(bedrag.in_cents()) * (percentages ? locs[i].percentage : locs[i].gewicht) / sum);
            ASSERT_EQ(floor_cents + row[5].integer_value(), lines[i].amount.in_cents());
        }
        ASSERT_EQ(t.rows.back()[6].cached()->money_value(), bedrag);
        ASSERT_EQ(t.rows.back()[5].cached()->integer_value(), remainder_cents);
    }
}

}  // namespace
