// Tests for financing.werkplekhuur: pro rata by whole months, the exact remainder rule, the tarief
// per boekjaar, the partner sources (registry or own list), located errors, and the sheet.
#include "werkplekhuur.h"

#include <gtest/gtest.h>

#include "vhh/testing.h"

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace {

using vhh::Cell;
using vhh::ContributionLine;
using vhh::Date;
using vhh::Diagnostics;
using vhh::ExitCode;
using vhh::Money;
using vhh::Partner;
using vhh::Settings;
using vhh::SourceLocation;
using vhh::Table;
using vhh::WerkplekPeriode;
using namespace vhh::werkplekhuur;

SourceLocation at(int line, int column = 5) { return {"vhh.yaml", line, column}; }

Date d(int y, int m, int day) { return Date{y, m, day}; }

WerkplekPeriode periode(std::int64_t aantal, Date van, Date tot = {}, int line = 0) {
    WerkplekPeriode p;
    p.aantal = aantal;
    p.van = van;
    p.tot = tot;
    p.where = at(line, 9);
    return p;
}

Partner partner(const std::string &id, const std::string &naam, std::vector<WerkplekPeriode> werkplekken) {
    Partner p;
    p.id = id;
    p.naam = naam;
    p.gehuisvest = true;
    p.werkplekken = std::move(werkplekken);
    return p;
}

/// Settings as YAML text (the plugin's entry, as a `bestand:` file would hold it); converted, they are
/// validated by the host's own settings validator through the SDK's test kit (defaults filled in,
/// every value located in "instellingen.yaml").
struct Yaml {
    std::string text;
    operator Settings() const { return vhh::testing::settings_from_yaml(kSettings, text); }  // NOLINT: implicit on purpose
    Yaml operator+(const Yaml &more) const { return {text + more.text}; }
};

/// No settings: both lists default to empty.
Yaml base() { return {""}; }

/// `tarief: …` on line 1.
Yaml with_tarief(Money m) { return {"tarief: " + m.format_plain() + "\n"}; }

/// `tarieven:` on line 1, then a record {jaar, tarief} per line from line 2.
Yaml with_tarieven(const std::vector<std::pair<int, Money>> &tarieven) {
    std::string y = "tarieven:\n";
    for (const auto &[jaar, tarief] : tarieven)
        y += "  - {jaar: " + std::to_string(jaar) + ", tarief: " + tarief.format_plain() + "}\n";
    return {y};
}

/// A `partners` record: id, naam and periods {aantal, van, tot?}.
struct OwnPeriod {
    std::int64_t aantal;
    Date van;
    Date tot;  // invalid: not given
};
struct OwnPartner {
    std::string id, naam;
    std::vector<OwnPeriod> werkplekken;
};

std::string iso(Date date) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buf;
}

/// `before` followed by `partners:` and a line per partner ({id, naam, werkplekken: [...]}) and per
/// period ("      - {aantal: …, van: …, tot: …}").
Yaml with_partners(const Yaml &before, const std::vector<OwnPartner> &partners) {
    std::string y = before.text + "partners:\n";
    for (const auto &p : partners) {
        y += "  - {id: " + p.id + ", naam: \"" + p.naam + "\"" + (p.werkplekken.empty() ? "}\n" : ", werkplekken: [\n");
        for (std::size_t i = 0; i < p.werkplekken.size(); ++i) {
            const auto &w = p.werkplekken[i];
            y += "      {aantal: " + std::to_string(w.aantal) + ", van: " + iso(w.van) +
                 (w.tot.valid() ? ", tot: " + iso(w.tot) : std::string()) + "}" +
                 (i + 1 < p.werkplekken.size() ? ",\n" : "]}\n");
        }
    }
    return {y};
}

const vhh::LineInput *find_input(const ContributionLine &line, const std::string &key) {
    for (const auto &in : line.inputs)
        if (in.key == key) return &in;
    return nullptr;
}

bool has_error(const Diagnostics &diag, ExitCode code, int line, int column, const std::string &key_path,
               const std::string &text) {
    for (const auto &x : diag.all())
        if (x.severity == vhh::Severity::error && x.code == code && x.where.line == line &&
            (column == 0 || x.where.column == column) && x.key_path == key_path &&
            x.message.find(text) != std::string::npos)
            return true;
    return false;
}

// ---------------------------------------------------------------- the exact rule

TEST(WerkplekhuurAllocation, RemainderCentGoesToTheLargestRemainder) {
    // € 5.150 × 7 / 12 = € 3.004,1666…; € 5.150 × 5 / 12 = € 2.145,8333…; total € 5.150,00.
    const auto parts = allocate_exact_shares({515000 * 7, 515000 * 5}, 12);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0].amount.in_cents(), 300417);
    EXPECT_TRUE(parts[0].received_remainder);
    EXPECT_EQ(parts[0].remainder, 8);
    EXPECT_EQ(parts[1].amount.in_cents(), 214583);
    EXPECT_FALSE(parts[1].received_remainder);
    EXPECT_EQ(parts[1].remainder, 4);
}

TEST(WerkplekhuurAllocation, TotalIsRoundedHalfUpAndTiesGoToTheFirst) {
    // Three shares of 1/2 cent: total 1,5 cent rounds to 2; ties: the first two get a cent.
    auto parts = allocate_exact_shares({6, 6, 6}, 12);
    EXPECT_EQ(parts[0].amount.in_cents(), 1);
    EXPECT_EQ(parts[1].amount.in_cents(), 1);
    EXPECT_EQ(parts[2].amount.in_cents(), 0);
    // Two shares of 1/4 cent: total 0,5 cent rounds half up to 1.
    parts = allocate_exact_shares({3, 3}, 12);
    EXPECT_EQ(parts[0].amount.in_cents() + parts[1].amount.in_cents(), 1);
    // Shares of 1/12 cent: total 2/12 rounds to 0; nobody pays a cent.
    parts = allocate_exact_shares({1, 1}, 12);
    EXPECT_EQ(parts[0].amount.in_cents() + parts[1].amount.in_cents(), 0);
    EXPECT_TRUE(allocate_exact_shares({}, 12).empty());
    EXPECT_THROW(allocate_exact_shares({1}, 0), std::invalid_argument);
    EXPECT_THROW(allocate_exact_shares({-1}, 12), std::invalid_argument);
}

// ---------------------------------------------------------------- lines

TEST(WerkplekhuurLines, OneWerkplekMaandIsSingular) {
    // "1 werkplek-maand", never "1 werkplek-maanden" (issue 19).
    const std::vector<Partner> ps = {partner("om", "Openbaar Ministerie", {periode(1, d(2013, 12, 1))})};
    const auto lines = compute_lines(ps, Money::euros(6000), 2013);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].basis.rfind("1 werkplek-maand in 2013 (1 × 1 mnd) × € 6.000,00", 0), 0u) << lines[0].basis;
}

TEST(WerkplekhuurLines, ZeelandFullYear) {
    const std::vector<Partner> ps = {partner("om", "Openbaar Ministerie", {periode(2, d(2013, 1, 1))}),
                                     partner("halt", "Bureau Halt", {periode(1, d(2012, 6, 1), d(2014, 5, 31))})};
    const auto lines = compute_lines(ps, Money::euros(5000), 2013);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].source, "werkplekhuur");
    EXPECT_EQ(lines[0].payer_id, "om");
    EXPECT_EQ(lines[0].payer, "Openbaar Ministerie");
    EXPECT_EQ(lines[0].amount, Money::euros(10000));
    EXPECT_EQ(lines[1].amount, Money::euros(5000));
    EXPECT_EQ(find_input(lines[0], "werkplek_maanden")->integer, 24);
    EXPECT_EQ(find_input(lines[0], "tarief_cents")->integer, 500000);
    EXPECT_EQ(find_input(lines[0], "restcent")->integer, 0);
    EXPECT_NE(lines[0].basis.find("24 werkplek-maanden in 2013 (2 × 12 mnd) × € 5.000,00 per werkplek per jaar / 12 = "
                                  "€ 10.000,00"),
              std::string::npos)
        << lines[0].basis;
}

TEST(WerkplekhuurLines, MaasEnLeijgraafTwentyWerkplekken) {
    // 20 werkplekken for the whole of 2015 at € 5.150: verhuur werkplekken € 103.000 (seed).
    const std::vector<Partner> ps = {
        partner("politie", "Politie", {periode(6, d(2015, 1, 1), d(2015, 12, 31))}),
        partner("rn", "Reclassering Nederland", {periode(4, d(2014, 1, 1))}),
        partner("rvdk", "Raad voor de Kinderbescherming", {periode(4, d(2015, 1, 1))}),
        partner("shn", "Slachtofferhulp Nederland", {periode(2, d(2015, 1, 1))}),
        partner("halt", "Bureau Halt", {periode(2, d(2015, 1, 1))}),
        partner("rva", "Reinier van Arkel", {periode(2, d(2015, 1, 1))}),
    };
    const auto lines = compute_lines(ps, Money::euros(5150), 2015);
    Money total;
    for (const auto &l : lines) total += l.amount;
    EXPECT_EQ(total, Money::euros(103000));
    EXPECT_EQ(lines[0].amount, Money::euros(30900));
}

TEST(WerkplekhuurLines, ProRataByWholeMonthsWithRemainderCent) {
    // From 15 March: April–December count (9 months); until 31 July: January–July (7 months).
    const std::vector<Partner> ps = {partner("a", "A", {periode(1, d(2015, 3, 15))}),
                                     partner("b", "B", {periode(1, d(2015, 1, 1), d(2015, 7, 31))}),
                                     partner("c", "C", {periode(1, d(2015, 8, 1), d(2015, 12, 31))}),
                                     partner("leeg", "Niet in 2015", {periode(3, d(2016, 1, 1))}),
                                     partner("geen", "Zonder werkplek", {})};
    const auto lines = compute_lines(ps, Money::euros(5150), 2015);
    ASSERT_EQ(lines.size(), 3u);  // partners without werkplek-maanden in the boekjaar get no line
    EXPECT_EQ(find_input(lines[0], "werkplek_maanden")->integer, 9);
    EXPECT_EQ(find_input(lines[1], "werkplek_maanden")->integer, 7);
    EXPECT_EQ(find_input(lines[2], "werkplek_maanden")->integer, 5);
    // 9: € 3.862,50 exact; 7: € 3.004,16 + 8/12; 5: € 2.145,83 + 4/12; total 21 × 5.150 / 12 = € 9.012,50.
    EXPECT_EQ(lines[0].amount.in_cents(), 386250);
    EXPECT_EQ(lines[1].amount.in_cents(), 300417);
    EXPECT_EQ(lines[2].amount.in_cents(), 214583);
    EXPECT_EQ(lines[0].amount.in_cents() + lines[1].amount.in_cents() + lines[2].amount.in_cents(), 901250);
    EXPECT_NE(lines[1].basis.find("€ 3.004,16 + 8/12 cent, afgerond met 1 restcent (grootste rest) tot € 3.004,17"),
              std::string::npos)
        << lines[1].basis;
    EXPECT_NE(lines[2].basis.find("€ 2.145,83 + 4/12 cent, afgerond omlaag tot € 2.145,83"), std::string::npos)
        << lines[2].basis;
    EXPECT_EQ(find_input(lines[1], "restcent")->integer, 1);
    EXPECT_EQ(find_input(lines[2], "restcent")->integer, 0);
}

// ---------------------------------------------------------------- tarief

TEST(WerkplekhuurTarief, SingleAndPerYear) {
    Diagnostics diag;
    EXPECT_EQ(read_tarief(with_tarief(Money::euros(5000)), 2013, diag), Money::euros(5000));
    EXPECT_EQ(read_tarief(with_tarieven({{2014, Money::euros(5100)}, {2015, Money::euros(5150)}}), 2015, diag),
              Money::euros(5150));
    EXPECT_FALSE(diag.has_errors()) << diag.format_all();
}

TEST(WerkplekhuurTarief, MissingForTheBoekjaar) {
    Diagnostics diag;
    EXPECT_FALSE(read_tarief(with_tarieven({{2014, Money::euros(5100)}, {2016, Money::euros(5200)}}), 2015, diag));
    ASSERT_EQ(diag.error_count(), 1u);
    EXPECT_TRUE(has_error(diag, ExitCode::config, 2, 3, "tarieven", "no tarief for boekjaar 2015")) << diag.format_all();
    EXPECT_NE(diag.all()[0].hint.find("2014, 2016"), std::string::npos);

    Diagnostics none;
    EXPECT_FALSE(read_tarief(base(), 2013, none));
    EXPECT_EQ(none.error_count(), 1u);
    EXPECT_EQ(none.exit_code(), ExitCode::config);
    EXPECT_EQ(none.all()[0].where.line, 1);  // the plugin entry (its first line)
    EXPECT_NE(none.all()[0].message.find("no tarief"), std::string::npos);
}

TEST(WerkplekhuurTarief, BothOrTwice) {
    Diagnostics diag;
    const Settings both = with_tarieven({{2013, Money::euros(5000)}}) + with_tarief(Money::euros(5000));
    EXPECT_FALSE(read_tarief(both, 2013, diag));
    EXPECT_TRUE(has_error(diag, ExitCode::config, 2, 3, "tarieven", "both 'tarief' and 'tarieven'"))
        << diag.format_all();

    Diagnostics twice;
    EXPECT_FALSE(read_tarief(with_tarieven({{2013, Money::euros(5000)}, {2013, Money::euros(5100)}}), 2013, twice));
    EXPECT_TRUE(has_error(twice, ExitCode::config, 3, 12, "tarieven[1].jaar", "listed twice")) << twice.format_all();
}

TEST(WerkplekhuurTarief, KeyPathsStartWithThePluginEntry) {
    Diagnostics diag;
    EXPECT_FALSE(read_tarief(with_tarieven({{2014, Money::euros(5100)}}), 2013, diag, "plugins[2]"));
    EXPECT_TRUE(has_error(diag, ExitCode::config, 2, 3, "plugins[2].tarieven", "no tarief for boekjaar 2013"))
        << diag.format_all();
    Diagnostics dup;
    const Settings s = with_partners(base(), {{"om", "OM", {}}, {"om", "OM", {}}});
    partners_from_settings(s, dup, "plugins[2]");
    EXPECT_TRUE(has_error(dup, ExitCode::config, 3, 10, "plugins[2].partners[1].id", "used twice")) << dup.format_all();
}

// ---------------------------------------------------------------- partners and periods

TEST(WerkplekhuurPartners, FromOwnSettings) {
    Diagnostics diag;
    const Settings s = with_partners(base(), {{"om", "OM", {{2, d(2013, 1, 1), {}}}},
                                              {"rvdk", "Raad", {{1, d(2013, 1, 1), d(2013, 6, 30)}, {3, d(2013, 7, 1), {}}}}});
    const PartnerSet set = partners_from_settings(s, diag);
    EXPECT_FALSE(diag.has_errors());
    ASSERT_EQ(set.partners.size(), 2u);
    EXPECT_EQ(set.partners[1].id, "rvdk");
    EXPECT_EQ(set.partners[1].key_path, "partners[1]");
    ASSERT_EQ(set.partners[1].werkplekken.size(), 2u);
    EXPECT_FALSE(set.partners[1].werkplekken[1].tot.valid());
    EXPECT_EQ(vhh::werkplek_maanden(set.partners[1], 2013), 6 + 18);
    EXPECT_EQ(set.periods[1][1].key_path, "partners[1].werkplekken[1]");
    EXPECT_TRUE(check_periods(set, diag)) << diag.format_all();  // adjacent periods do not overlap
}

TEST(WerkplekhuurPartners, DuplicateId) {
    Diagnostics diag;
    const Settings s = with_partners(base(), {{"om", "OM", {}}, {"om", "OM again", {}}});
    const PartnerSet set = partners_from_settings(s, diag);
    EXPECT_EQ(set.partners.size(), 1u);
    EXPECT_TRUE(has_error(diag, ExitCode::config, 3, 10, "partners[1].id", "used twice")) << diag.format_all();
}

TEST(WerkplekhuurPeriods, EndBeforeStart) {
    Diagnostics diag;
    const Settings s = with_partners(base(), {{"om", "OM", {{1, d(2013, 6, 1), d(2013, 5, 31)}}}});
    EXPECT_FALSE(check_periods(partners_from_settings(s, diag), diag));
    ASSERT_EQ(diag.error_count(), 1u);
    // Located at the `tot` of the period.
    EXPECT_TRUE(has_error(diag, ExitCode::data, 3, 41, "partners[0].werkplekken[0].tot", "ends on 2013-05-31, before"))
        << diag.format_all();
}

TEST(WerkplekhuurPeriods, OverlapNamesBothPeriods) {
    Diagnostics diag;
    const Settings s = with_partners(
        base(), {{"om", "OM", {{1, d(2013, 1, 1), d(2013, 12, 31)}, {2, d(2014, 1, 1), {}}}},
                 {"rvdk", "Raad", {{1, d(2013, 1, 1), d(2013, 6, 30)}, {1, d(2013, 6, 30), {}}}}});
    EXPECT_FALSE(check_periods(partners_from_settings(s, diag), diag));
    ASSERT_EQ(diag.error_count(), 1u) << diag.format_all();
    const auto &e = diag.all()[0];
    EXPECT_EQ(e.code, ExitCode::data);
    EXPECT_EQ(e.where.line, 7);  // the later period
    EXPECT_EQ(e.key_path, "partners[1].werkplekken[1]");
    EXPECT_NE(e.message.find("overlaps partners[1].werkplekken[0] (2013-01-01 t/m 2013-06-30) at instellingen.yaml:6:16"),
              std::string::npos)
        << e.message;
}

TEST(WerkplekhuurPeriods, OpenEndedPeriodsOverlapEverythingLater) {
    Diagnostics diag;
    PartnerSet set = partners_from_registry(
        {partner("om", "OM", {periode(1, d(2012, 1, 1), {}, 7), periode(1, d(2020, 1, 1), d(2020, 1, 31), 8)})});
    set.partners[0].key_path = "plugins[0].partners[0]";
    set = partners_from_registry(set.partners);
    EXPECT_FALSE(check_periods(set, diag));
    EXPECT_TRUE(has_error(diag, ExitCode::data, 8, 9, "plugins[0].partners[0].werkplekken[1]", "at vhh.yaml:7:9"))
        << diag.format_all();
}

// ---------------------------------------------------------------- sheet

TEST(WerkplekhuurSheet, FormulasWithCachedValuesTotalAndCheck) {
    const std::vector<Partner> ps = {partner("a", "A", {periode(1, d(2015, 3, 15))}),
                                     partner("b", "B", {periode(1, d(2015, 1, 1), d(2015, 7, 31))}),
                                     partner("c", "C", {periode(1, d(2015, 8, 1), d(2015, 12, 31))})};
    const Money tarief = Money::euros(5150);
    const auto lines = compute_lines(ps, tarief, 2015);
    const Table t = describe_sheet(ps, tarief, 2015, lines);
    EXPECT_EQ(t.name, "Werkplekhuur");
    ASSERT_EQ(t.columns.size(), 7u);
    EXPECT_EQ(t.columns[1].header, "Partner");
    EXPECT_EQ(t.columns[2].header, "Werkplek-maanden 2015");
    EXPECT_EQ(t.columns[5].header, "Bedrag");
    ASSERT_EQ(t.rows.size(), 5u);  // 3 partners, total, check
    const auto &b = t.rows[1];
    EXPECT_EQ(b[0].text_value(), "b");
    EXPECT_EQ(b[1].text_value(), "B");
    EXPECT_EQ(b[2].kind(), Cell::Kind::integer);
    EXPECT_EQ(b[2].integer_value(), 7);
    EXPECT_EQ(b[3].kind(), Cell::Kind::money);
    EXPECT_EQ(b[3].money_value(), tarief);
    EXPECT_EQ(b[4].integer_value(), 1);
    EXPECT_EQ(b[5].text_value(), "(INT(C3*ROUND(D3*100,0)/12)+E3)/100");
    EXPECT_EQ(b[5].cached()->money_value().in_cents(), 300417);
    EXPECT_EQ(b[6].text_value(), "1 × 2015-01-01 t/m 2015-07-31");
    EXPECT_EQ(t.rows[0][6].text_value(), "1 × 2015-03-15 t/m open");
    const auto &total = t.rows[3];
    EXPECT_EQ(total[0].text_value(), "Totaal");
    EXPECT_EQ(total[2].text_value(), "SUM(C2:C4)");
    EXPECT_EQ(total[2].cached()->integer_value(), 21);
    EXPECT_EQ(total[4].cached()->integer_value(), 1);
    EXPECT_EQ(total[5].text_value(), "SUM(F2:F4)");
    EXPECT_EQ(total[5].cached()->money_value().in_cents(), 901250);
    const auto &check = t.rows[4];
    EXPECT_EQ(check[5].text_value(), "ROUND(C5*ROUND(D2*100,0)/12,0)/100");
    EXPECT_EQ(check[5].cached()->money_value().in_cents(), 901250);
    for (const auto &row : t.rows) EXPECT_LE(row.size(), t.columns.size());
}

TEST(WerkplekhuurSheet, NoPartners) {
    const Table t = describe_sheet({}, Money::euros(5000), 2013, {});
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0][0].text_value(), "Totaal");
    EXPECT_EQ(t.rows[0][5].kind(), Cell::Kind::money);
    EXPECT_EQ(t.rows[0][5].money_value().in_cents(), 0);
}

// ---------------------------------------------------------------- the plugin in a context

vhh::Region region(int year) {
    vhh::Region r;
    r.id = "zeeland";
    r.naam = "Veiligheidshuis Zeeland";
    r.boekjaar = year;
    r.centrumgemeente = "GM0687";
    return r;
}

TEST(WerkplekhuurPlugin, RegistryAndOwnPartnersConflict) {
    const vhh::Region r = region(2013);
    const std::vector<Partner> registry = {partner("om", "OM", {periode(1, d(2013, 1, 1))})};
    const Settings s = with_partners(with_tarief(Money::euros(5000)), {{"om", "OM", {{1, d(2013, 1, 1), {}}}}});
    vhh::testing::FakeComputeContext ctx(s, r, registry);
    Diagnostics &diag = ctx.diag();
    ctx.set_partner_registry(true);
    WerkplekhuurPlugin().compute(ctx);
    EXPECT_TRUE(has_error(diag, ExitCode::config, 3, 3, "plugins[0].partners", "also by the partner registry")) << diag.format_all();
    EXPECT_NE(diag.all()[0].hint.find("remove this 'partners' list"), std::string::npos);
    EXPECT_TRUE(ctx.lines().empty());
    EXPECT_TRUE(ctx.sheets.empty());
}

TEST(WerkplekhuurPlugin, TakesPartnersFromTheRegistry) {
    const vhh::Region r = region(2013);
    const std::vector<Partner> registry = {partner("om", "OM", {periode(2, d(2013, 1, 1))}),
                                           partner("gemeente", "Gemeente", {})};
    const Settings s = with_tarief(Money::euros(5000));
    vhh::testing::FakeComputeContext ctx(s, r, registry);
    Diagnostics &diag = ctx.diag();
    ctx.set_partner_registry(true);
    WerkplekhuurPlugin().compute(ctx);
    EXPECT_FALSE(diag.has_errors()) << diag.format_all();
    ASSERT_EQ(ctx.lines().size(), 1u);
    EXPECT_EQ(ctx.lines()[0].amount, Money::euros(10000));
    ASSERT_EQ(ctx.sheets.size(), 1u);
}

TEST(WerkplekhuurPlugin, NoPartnersIsAWarningNotAnError) {
    const vhh::Region r = region(2013);
    const std::vector<Partner> none;
    const Settings s = with_tarief(Money::euros(5000));
    vhh::testing::FakeComputeContext ctx(s, r, none);
    Diagnostics &diag = ctx.diag();
    WerkplekhuurPlugin().compute(ctx);
    EXPECT_FALSE(diag.has_errors());
    ASSERT_EQ(diag.all().size(), 1u);
    EXPECT_EQ(diag.all()[0].severity, vhh::Severity::warning);
    EXPECT_NE(diag.all()[0].message.find("geen partners met werkplekken in 2013"), std::string::npos);
    EXPECT_TRUE(ctx.lines().empty());
    ASSERT_EQ(ctx.sheets.size(), 1u);
}

TEST(WerkplekhuurPlugin, AllErrorsInOneRun) {
    const vhh::Region r = region(2013);
    const std::vector<Partner> none;
    const Settings s = with_partners(with_tarieven({{2014, Money::euros(5000)}}),
                                     {{"om", "OM", {{1, d(2013, 6, 1), d(2013, 5, 1)}}},
                                      {"rn", "RN", {{1, d(2013, 1, 1), {}}, {1, d(2013, 3, 1), {}}}}});
    vhh::testing::FakeComputeContext ctx(s, r, none);
    Diagnostics &diag = ctx.diag();
    WerkplekhuurPlugin().compute(ctx);
    EXPECT_EQ(diag.error_count(), 3u) << diag.format_all();
    EXPECT_EQ(diag.exit_code(), ExitCode::config);  // the missing tarief outranks the bad periods
    EXPECT_TRUE(ctx.lines().empty());
}

// ---------------------------------------------------------------- properties

// Property: for any tarief and werkplekken, the parts add up to round(tarief × maanden / 12)
// exactly, each lies within one cent of its exact share tarief × maanden_i / 12, none is
// negative, and the sheet's cells reproduce every amount (floor + restcent).
TEST(WerkplekhuurProperty, RemainderRuleIsExact) {
    std::mt19937_64 rng(0x3e4c1a);
    std::uniform_int_distribution<int> n_dist(0, 25);
    std::uniform_int_distribution<std::int64_t> tarief_dist(0, 100000000);  // up to € 1 mln
    std::uniform_int_distribution<int> aantal_dist(0, 40);
    std::uniform_int_distribution<int> month_dist(1, 12);
    std::uniform_int_distribution<int> day_dist(1, 28);
    const int year = 2015;
    for (int c = 0; c < 3000; ++c) {
        const int n = n_dist(rng);
        const Money tarief = Money::cents(c % 5 == 0 ? tarief_dist(rng) % 1000 : tarief_dist(rng));
        std::vector<Partner> ps;
        for (int i = 0; i < n; ++i) {
            const int m1 = month_dist(rng), m2 = month_dist(rng);
            Date van{year + (c % 7 == 0 ? -1 : 0), std::min(m1, m2), day_dist(rng) % 3 == 0 ? 1 : day_dist(rng)};
            Date tot = rng() % 4 == 0 ? Date{} : Date{year, std::max(m1, m2), 28};
            ps.push_back(partner("p" + std::to_string(i), "Partner " + std::to_string(i),
                                 {periode(aantal_dist(rng), van, tot)}));
        }
        SCOPED_TRACE("case " + std::to_string(c) + ", tarief " + tarief.format_plain());
        const auto lines = compute_lines(ps, tarief, year);
        std::int64_t total_maanden = 0;
        for (const auto &p : ps) total_maanden += vhh::werkplek_maanden(p, year);
        std::int64_t sum = 0;
        std::size_t k = 0;
        for (const auto &p : ps) {
            const std::int64_t m = vhh::werkplek_maanden(p, year);
            if (m == 0) continue;
            ASSERT_LT(k, lines.size());
            const auto &l = lines[k++];
            ASSERT_EQ(l.payer_id, p.id);
            ASSERT_EQ(find_input(l, "werkplek_maanden")->integer, m);
            const std::int64_t exact12 = tarief.in_cents() * m;  // 12 × the exact share in cents
            ASSERT_GE(l.amount.in_cents(), 0);
            ASSERT_LT(l.amount.in_cents() * 12 - exact12, 12);   // less than a cent above
            ASSERT_GT(l.amount.in_cents() * 12 - exact12, -12);  // less than a cent below
            ASSERT_EQ(l.amount.in_cents(), exact12 / 12 + find_input(l, "restcent")->integer);
            sum += l.amount.in_cents();
        }
        ASSERT_EQ(k, lines.size());
        const std::int64_t expected = (tarief.in_cents() * total_maanden * 2 + 12) / 24;  // half up
        ASSERT_EQ(sum, expected);

        const Table t = describe_sheet(ps, tarief, year, lines);
        ASSERT_EQ(t.rows.size(), lines.size() + (lines.empty() ? 1 : 2));
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const auto &row = t.rows[i];
            ASSERT_EQ(row[5].cached()->money_value(), lines[i].amount);
            ASSERT_EQ(row[2].integer_value() * row[3].money_value().in_cents() / 12 + row[4].integer_value(),
                      lines[i].amount.in_cents());
        }
        const Cell &total = t.rows[lines.size()][5];
        ASSERT_EQ((total.kind() == Cell::Kind::formula ? *total.cached() : total).money_value().in_cents(), expected);
    }
}

}  // namespace
