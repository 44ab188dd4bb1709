// Tests for registry.partners: reading and checking partners (one test per rule, each a located
// error with its exit code and key path), the warnings, and the documents that describe them.
#include "partners.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "vhh/testing.h"
#include "vhh/testing_region.h"

namespace {

using vhh::Cell;
using vhh::Date;
using vhh::Diagnostic;
using vhh::Diagnostics;
using vhh::ExitCode;
using vhh::Partner;
using vhh::Region;
using vhh::Settings;
using vhh::Table;
namespace vp = vhh::partners;

const std::string kFile = "partners.yaml";

struct Periode {
    std::int64_t aantal;
    Date van;
    std::optional<Date> tot;
};

/// A partner record as a user writes it in partners.yaml (a block map from line `line`): id,
/// naam, domein, ring, gehuisvest (lines line … line + 4), then werkplekken (one period a line),
/// convenant (the first, then the later ones, one a line), gemeenten, actief_van, actief_tot and rol;
/// keys without a value are left out.
struct Record {
    std::string id = "om";
    std::string naam = "Openbaar Ministerie";
    std::string domein = "justitie";
    std::string ring = "sleutelpartner";
    bool gehuisvest = true;
    std::vector<Periode> werkplekken = {{3, {2013, 1, 1}, Date{2013, 12, 31}}};
    std::optional<std::pair<Date, std::string>> convenant = std::make_pair(Date{2009, 1, 1}, "2009");
    std::vector<std::pair<Date, std::string>> later_convenanten;  ///< further entries after the first
    std::vector<std::string> gemeenten;
    std::optional<Date> actief_van, actief_tot;
    std::string rol;
    int line = 10;

    std::string yaml() const {
        std::string y = "  - id: " + id + "\n    naam: \"" + naam + "\"\n    domein: " + domein + "\n    ring: \"" + ring +
                        "\"\n    gehuisvest: " + (gehuisvest ? "true" : "false") + "\n";
        if (!werkplekken.empty()) y += "    werkplekken:\n";
        for (const auto &w : werkplekken)
            y += "      - {aantal: " + std::to_string(w.aantal) + ", van: " + w.van.iso() +
                 (w.tot ? ", tot: " + w.tot->iso() : "") + "}\n";
        std::vector<std::pair<Date, std::string>> convenanten = later_convenanten;
        if (convenant) convenanten.insert(convenanten.begin(), *convenant);
        if (!convenanten.empty()) y += "    convenant:\n";
        for (const auto &[datum, versie] : convenanten)
            y += "      - {datum: " + datum.iso() + ", versie: \"" + versie + "\"}\n";
        if (!gemeenten.empty()) {
            y += "    gemeenten: [";
            for (std::size_t k = 0; k < gemeenten.size(); ++k) y += (k ? ", " : "") + gemeenten[k];
            y += "]\n";
        }
        if (actief_van) y += "    actief_van: " + actief_van->iso() + "\n";
        if (actief_tot) y += "    actief_tot: " + actief_tot->iso() + "\n";
        if (!rol.empty()) y += "    rol: \"" + rol + "\"\n";
        return y;
    }
};

/// partners.yaml with `records` (bron and illustratief on lines 1-2, the list from line 3), each
/// record from its `line` (blank lines before it).
std::string registry_yaml(const std::vector<Record> &records) {
    std::string y = std::string("bron: test\nillustratief: false\npartners:") + (records.empty() ? " []\n" : "\n");
    int at = 4;
    for (const auto &r : records) {
        EXPECT_GE(r.line, at) << "record " << r.id << " overlaps the one before";
        for (; at < r.line; ++at) y += "\n";
        const std::string text = r.yaml();
        y += text;
        at += static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    }
    return y;
}

/// The registry's settings from `records`, validated for `region` by the host's validator as
/// plugins[1]'s file partners.yaml (which must accept them).
Settings registry(const std::vector<Record> &records, const Region &region) {
    Diagnostics diag;
    Settings s = vhh::testing::settings_from_yaml(vp::kSettings, registry_yaml(records), diag, region,
                                                  {kFile, "plugins[1]", "registry.partners"});
    EXPECT_FALSE(diag.has_errors()) << diag.format_all();
    return s;
}

Record partner(const std::string &id, int line) {
    Record r;
    r.id = id;
    r.naam = "Partner " + id;
    r.line = line;
    return r;
}

/// Three gemeenten of Zeeland in `boekjaar`, GM9001 merged into Middelburg on 1 January 2013.
Region zeeland(int boekjaar = 2013) {
    vhh::testing::TestRegion t;
    t.id = "zeeland";
    t.naam = "Veiligheidshuis Zeeland";
    t.boekjaar = boekjaar;
    t.centrumgemeente = "GM0687";
    for (const auto &[code, naam] : std::vector<std::pair<std::string, std::string>>{
             {"GM0654", "Borsele"}, {"GM0687", "Middelburg"}, {"GM0718", "Vlissingen"}}) {
        vhh::Gemeente g;
        g.code = code;
        g.naam = naam;
        g.inwoners = 10000;
        t.gemeenten.push_back(g);
    }
    t.more = "herindelingen:\n  - {per: 2013-01-01, naar: GM0687, naam: Middelburg, van: [GM9001]}\n";
    return t.region();
}

std::vector<Partner> read(const std::vector<Record> &records, Diagnostics &diag, const std::string &prefix = "plugins[1]") {
    const Region region = zeeland();
    return vp::read_partners(registry(records, region), region, prefix, diag);
}

/// The only diagnostic recorded; fails when there is not exactly one.
Diagnostic only(const Diagnostics &diag) {
    EXPECT_EQ(diag.all().size(), 1u) << diag.format_all();
    return diag.all().empty() ? Diagnostic{} : diag.all().front();
}

// --- reading -------------------------------------------------------------------------------

TEST(PartnersRead, ReadsEveryField) {
    Record r;
    r.gemeenten = {"GM0687", "GM0718"};
    r.actief_van = Date{2009, 1, 1};
    r.werkplekken = {{3, {2013, 1, 1}, Date{2013, 6, 30}}, {4, {2013, 7, 1}, std::nullopt}};
    Diagnostics diag;
    std::map<std::string, std::string> rollen;
    r.rol = "vervolging";
    const Region region = zeeland();
    const auto ps = vp::read_partners(registry({r}, region), region, "plugins[1]", diag, &rollen);
    EXPECT_FALSE(diag.has_errors()) << diag.format_all();
    ASSERT_EQ(ps.size(), 1u);
    const Partner &p = ps[0];
    EXPECT_EQ(p.id, "om");
    EXPECT_EQ(p.naam, "Openbaar Ministerie");
    EXPECT_EQ(p.domein, "justitie");
    EXPECT_EQ(p.ring, "sleutelpartner");
    EXPECT_TRUE(p.gehuisvest);
    ASSERT_EQ(p.werkplekken.size(), 2u);
    EXPECT_EQ(p.werkplekken[1].aantal, 4);
    EXPECT_FALSE(p.werkplekken[1].tot.valid());
    EXPECT_EQ(vhh::werkplek_maanden(p, 2013), 3 * 6 + 4 * 6);
    EXPECT_EQ(p.convenant_datum, (Date{2009, 1, 1}));
    EXPECT_EQ(p.convenant_versie, "2009");
    EXPECT_EQ(p.gemeenten, (std::vector<std::string>{"GM0687", "GM0718"}));
    EXPECT_EQ(p.actief_van, (Date{2009, 1, 1}));
    EXPECT_FALSE(p.actief_tot.valid());
    EXPECT_EQ(p.key_path, "plugins[1].partners[0]");
    EXPECT_EQ(p.where.file, kFile);
    EXPECT_EQ(p.where.line, 10);
    EXPECT_EQ(rollen.at("om"), "vervolging");
}

TEST(PartnersRead, KeyPathWithoutPrefix) {
    Diagnostics diag;
    const auto ps = read({partner("om", 10), partner("politie", 30)}, diag, "");
    ASSERT_EQ(ps.size(), 2u);
    EXPECT_EQ(ps[1].key_path, "partners[1]");
}

TEST(PartnersRead, EmptyRegistryIsFine) {
    Diagnostics diag;
    EXPECT_TRUE(read({}, diag).empty());
    EXPECT_TRUE(diag.all().empty());
}

// --- one test per rule -----------------------------------------------------------------------

TEST(PartnersRules, DuplicateIdIsAConfigErrorAtTheSecondId) {
    Diagnostics diag;
    Record a = partner("om", 10), b = partner("om", 30);
    b.naam = "Openbaar Ministerie (dubbel)";
    const auto ps = read({a, b}, diag);
    const Diagnostic d = only(diag);
    EXPECT_EQ(d.code, ExitCode::config);
    EXPECT_EQ(d.where.file, kFile);
    EXPECT_EQ(d.where.line, 30);
    EXPECT_EQ(d.key_path, "plugins[1].partners[1].id");
    EXPECT_EQ(d.message, "duplicate partner id 'om'");
    EXPECT_NE(d.hint.find("first declared as plugins[1].partners[0]"), std::string::npos) << d.hint;
    EXPECT_NE(d.hint.find("partners.yaml:10"), std::string::npos) << d.hint;
    ASSERT_EQ(ps.size(), 1u);  // the first one stays
    EXPECT_EQ(ps[0].naam, "Partner om");
}

TEST(PartnersRules, UnknownRingListsTheAllowedRings) {
    Record r;
    r.ring = "buitenring";
    Diagnostics diag;
    read({r}, diag);
    const Diagnostic d = only(diag);
    EXPECT_EQ(d.code, ExitCode::config);
    EXPECT_EQ(d.where.line, 13);
    EXPECT_EQ(d.key_path, "plugins[1].partners[0].ring");
    EXPECT_EQ(d.message, "unknown ring 'buitenring'");
    EXPECT_EQ(d.hint, "allowed rings: kern, sleutelpartner, flexibele schil");
}

TEST(PartnersRules, UnknownRingSuggestsTheClosestOne) {
    Record r;
    r.ring = "flexibele_schil";
    Diagnostics diag;
    read({r}, diag);
    EXPECT_EQ(only(diag).hint, "did you mean 'flexibele schil'? allowed rings: kern, sleutelpartner, flexibele schil");
    Record s;
    s.ring = "Sleutelpartners";
    Diagnostics diag2;
    read({s}, diag2);
    EXPECT_EQ(only(diag2).hint.rfind("did you mean 'sleutelpartner'?", 0), 0u) << only(diag2).hint;
}

TEST(PartnersRules, UnknownDomeinListsTheAllowedDomeinen) {
    Record r;
    r.domein = "veiligheid";
    Diagnostics diag;
    read({r}, diag);
    const Diagnostic d = only(diag);
    EXPECT_EQ(d.code, ExitCode::config);
    EXPECT_EQ(d.where.line, 12);
    EXPECT_EQ(d.key_path, "plugins[1].partners[0].domein");
    EXPECT_EQ(d.message, "unknown domein 'veiligheid'");
    EXPECT_EQ(d.hint, "allowed domeinen: justitie, politie, zorg, gemeente, onderwijs, wonen, overig");
}

TEST(PartnersRules, WerkplekkenOfAPartnerNotHousedAreADataError) {
    Record r;
    r.gehuisvest = false;
    Diagnostics diag;
    read({r}, diag);
    const Diagnostic d = only(diag);
    EXPECT_EQ(d.code, ExitCode::data);
    EXPECT_EQ(d.where.line, 16);  // the list starts with its first period
    EXPECT_EQ(d.key_path, "plugins[1].partners[0].werkplekken");
    EXPECT_EQ(d.message, "partner 'om' is not housed (gehuisvest: false) but rents werkplekken");
    EXPECT_FALSE(d.hint.empty());
}

TEST(PartnersRules, NotHousedWithoutWerkplekkenIsFine) {
    Record r;
    r.gehuisvest = false;
    r.werkplekken.clear();
    r.convenant.reset();
    Diagnostics diag;
    read({r}, diag);
    EXPECT_TRUE(diag.all().empty()) << diag.format_all();
}

TEST(PartnersRules, ConvenantDatedAfterTheBoekjaarIsNotYetInForce) {
    // Next year's registry used for this year: the convenant signed later is simply not in force.
    Record r;
    r.convenant = std::make_pair(Date{2014, 3, 1}, "2014");
    Diagnostics diag;
    const auto ps = read({r}, diag);
    EXPECT_TRUE(diag.all().empty()) << diag.format_all();
    ASSERT_EQ(ps.size(), 1u);
    EXPECT_FALSE(ps[0].convenant_datum.valid());
    EXPECT_EQ(ps[0].convenant_versie, "");
    ASSERT_EQ(vp::warnings(ps).size(), 1u);  // housed in 2013 without a convenant in force
}

TEST(PartnersRules, ConvenantHistoryUsesTheLatestInForceInTheBoekjaar) {
    Record r;
    r.convenant = std::make_pair(Date{2009, 1, 1}, "2009");
    r.later_convenanten = {{Date{2015, 6, 1}, "2015"}, {Date{2012, 9, 1}, "2012"}, {Date{2013, 12, 31}, "2013"}};
    for (const auto &[year, datum, versie] : std::vector<std::tuple<int, Date, std::string>>{
             {2010, {2009, 1, 1}, "2009"},
             {2012, {2012, 9, 1}, "2012"},
             {2013, {2013, 12, 31}, "2013"},
             {2014, {2013, 12, 31}, "2013"},
             {2016, {2015, 6, 1}, "2015"}}) {
        const Region region = zeeland(year);
        r.werkplekken = {{3, {2009, 1, 1}, std::nullopt}};
        Diagnostics diag;
        const auto ps = vp::read_partners(registry({r}, region), region, "plugins[1]", diag);
        EXPECT_TRUE(diag.all().empty()) << year << ": " << diag.format_all();
        ASSERT_EQ(ps.size(), 1u);
        EXPECT_EQ(ps[0].convenant_datum, datum) << year;
        EXPECT_EQ(ps[0].convenant_versie, versie) << year;
    }
}

TEST(PartnersRules, TwoConvenantenWithOneDatumAreADataError) {
    Record r;
    r.later_convenanten = {{Date{2011, 1, 1}, "2011"}, {Date{2009, 1, 1}, "2009b"}};
    Diagnostics diag;
    const auto ps = read({r}, diag);
    const Diagnostic d = only(diag);
    EXPECT_EQ(d.code, ExitCode::data);
    EXPECT_EQ(d.where.line, 20);  // the third convenant
    EXPECT_EQ(d.key_path, "plugins[1].partners[0].convenant[2].datum");
    EXPECT_EQ(d.message, "two convenanten of partner 'om' are dated 2009-01-01 (also convenant[0] at partners.yaml:18)");
    ASSERT_EQ(ps.size(), 1u);
    EXPECT_EQ(ps[0].convenant_versie, "2011");
}

TEST(PartnersRules, HousedOnlyInYearsWithAWerkplekPeriod) {
    // A registry spanning 2012-2015: housed from 2014; in 2013 it is not (yet) in the building.
    Record r;
    r.werkplekken = {{2, {2014, 1, 1}, Date{2015, 12, 31}}};
    r.convenant.reset();
    r.later_convenanten = {{Date{2014, 2, 1}, "2014"}};
    for (const auto &[year, housed, maanden] :
         std::vector<std::tuple<int, bool, std::int64_t>>{{2013, false, 0}, {2014, true, 24}, {2016, false, 0}}) {
        const Region region = zeeland(year);
        Diagnostics diag;
        const auto ps = vp::read_partners(registry({r}, region), region, "plugins[1]", diag);
        EXPECT_TRUE(diag.all().empty()) << year << ": " << diag.format_all();
        ASSERT_EQ(ps.size(), 1u);
        EXPECT_EQ(ps[0].gehuisvest, housed) << year;
        EXPECT_EQ(vhh::werkplek_maanden(ps[0], year), maanden) << year;
        EXPECT_TRUE(vp::warnings(ps).empty()) << year;  // not housed without convenant in 2013
    }
}

TEST(PartnersRules, HousedWithoutWerkplekPeriodsStaysHoused) {
    Record r;
    r.werkplekken.clear();
    Diagnostics diag;
    const auto ps = read({r}, diag);
    ASSERT_EQ(ps.size(), 1u);
    EXPECT_TRUE(ps[0].gehuisvest);
}

TEST(PartnersRules, ConvenantOnTheLastDayOfTheBoekjaarIsFine) {
    Record r;
    r.convenant = std::make_pair(Date{2013, 12, 31}, "2013");
    Diagnostics diag;
    read({r}, diag);
    EXPECT_TRUE(diag.all().empty()) << diag.format_all();
}

TEST(PartnersRules, InactivePartnerRentingWerkplekkenInTheYearIsADataError) {
    Record r;
    r.actief_tot = Date{2012, 12, 31};
    r.werkplekken = {{2, {2012, 1, 1}, Date{2012, 6, 30}}, {2, {2012, 7, 1}, std::nullopt}};
    Diagnostics diag;
    read({r}, diag);
    const Diagnostic d = only(diag);
    EXPECT_EQ(d.code, ExitCode::data);
    EXPECT_EQ(d.where.line, 17);  // the second period: the first ends before 2013
    EXPECT_EQ(d.key_path, "plugins[1].partners[0].werkplekken[1]");
    EXPECT_EQ(d.message,
              "partner 'om' is not active in 2013 (actief_tot 2012-12-31) but rents 24 werkplek-maanden in 2013");
}

TEST(PartnersRules, PartnerStartingAfterTheYearMayNotRentInIt) {
    Record r;
    r.actief_van = Date{2014, 1, 1};
    Diagnostics diag;
    read({r}, diag);
    const Diagnostic d = only(diag);
    EXPECT_EQ(d.code, ExitCode::data);
    EXPECT_NE(d.message.find("(actief_van 2014-01-01)"), std::string::npos) << d.message;
}

TEST(PartnersRules, InactivePartnerWithWerkplekkenOutsideTheYearIsFine) {
    Record r;
    r.actief_tot = Date{2012, 12, 31};
    r.werkplekken = {{2, {2011, 1, 1}, Date{2012, 12, 31}}};
    Diagnostics diag;
    read({r}, diag);
    EXPECT_TRUE(diag.all().empty()) << diag.format_all();
}

TEST(PartnersRules, PartnerActivePartOfTheYearIsActive) {
    Record r;
    r.actief_tot = Date{2013, 6, 30};
    r.werkplekken = {{2, {2013, 1, 1}, Date{2013, 6, 30}}};
    Diagnostics diag;
    read({r}, diag);
    EXPECT_TRUE(diag.all().empty()) << diag.format_all();
}

// A gemeente outside the region (or merged away) in `gemeenten` is refused by the host: the field
// has type GEMEENTEN (host/tests/settings_binding_test.cpp, tests/e2e/test_partners.py).

TEST(PartnersRules, PeriodEndingBeforeItStartsIsADataError) {
    Record r;
    r.werkplekken = {{2, {2013, 7, 1}, Date{2013, 6, 30}}};
    Diagnostics diag;
    const auto ps = read({r}, diag);
    const Diagnostic d = only(diag);
    EXPECT_EQ(d.code, ExitCode::data);
    EXPECT_EQ(d.key_path, "plugins[1].partners[0].werkplekken[0].tot");
    ASSERT_EQ(ps.size(), 1u);
    EXPECT_TRUE(ps[0].werkplekken.empty());
}

TEST(PartnersRules, OverlappingPeriodsAreADataError) {
    Record r;
    r.werkplekken = {{2, {2013, 1, 1}, Date{2013, 6, 30}}, {3, {2013, 6, 1}, std::nullopt}};
    Diagnostics diag;
    read({r}, diag);
    const Diagnostic d = only(diag);
    EXPECT_EQ(d.code, ExitCode::data);
    EXPECT_EQ(d.where.line, 17);
    EXPECT_EQ(d.key_path, "plugins[1].partners[0].werkplekken[1]");
    EXPECT_EQ(d.message, "werkplek period 2013-06-01 t/m open of partner 'om' overlaps the period 2013-01-01 t/m "
                         "2013-06-30 at partners.yaml:16");
}

TEST(PartnersRules, ConsecutivePeriodsAreFine) {
    Record r;
    r.werkplekken = {{2, {2013, 1, 1}, Date{2013, 6, 30}}, {3, {2013, 7, 1}, std::nullopt}};
    Diagnostics diag;
    const auto ps = read({r}, diag);
    EXPECT_TRUE(diag.all().empty()) << diag.format_all();
    EXPECT_EQ(vhh::werkplek_maanden(ps.at(0), 2013), 2 * 6 + 3 * 6);
}

TEST(PartnersRules, ActiveUntilBeforeActiveFromIsADataError) {
    Record r;
    r.actief_van = Date{2013, 1, 1};
    r.actief_tot = Date{2012, 1, 1};
    r.werkplekken.clear();
    Diagnostics diag;
    read({r}, diag);
    const Diagnostic d = only(diag);
    EXPECT_EQ(d.code, ExitCode::data);
    EXPECT_EQ(d.key_path, "plugins[1].partners[0].actief_tot");
}

TEST(PartnersRules, EveryProblemIsReportedInOneRun) {
    Record a = partner("om", 10);
    a.ring = "binnen";
    Record b = partner("politie", 30);
    b.domein = "veiligheid";
    b.gehuisvest = false;
    Record c = partner("om", 50);
    c.later_convenanten = {{Date{2009, 1, 1}, "2009"}};
    Diagnostics diag;
    read({a, b, c}, diag);
    // (A gemeente outside the region would be the host's: type GEMEENTEN.)
    EXPECT_EQ(diag.error_count(), 5u) << diag.format_all();
    EXPECT_EQ(diag.exit_code(), ExitCode::config);
}

// --- warnings --------------------------------------------------------------------------------

TEST(PartnersWarnings, HousedPartnerWithoutConvenant) {
    Record housed = partner("om", 10);
    housed.convenant.reset();
    Record visiting = partner("uwv", 30);
    visiting.gehuisvest = false;
    visiting.werkplekken.clear();
    visiting.convenant.reset();
    Record with_convenant = partner("politie", 50);
    Diagnostics diag;
    const auto ps = read({housed, visiting, with_convenant}, diag);
    EXPECT_FALSE(diag.has_errors());
    const auto ws = vp::warnings(ps);
    ASSERT_EQ(ws.size(), 1u);
    EXPECT_EQ(ws[0].where.line, 10);
    EXPECT_EQ(ws[0].key_path, "plugins[1].partners[0]");
    EXPECT_EQ(ws[0].message, "partner 'om' (Partner om) is housed but has no convenant gegevensdeling");
    EXPECT_NE(ws[0].text.find("Partner om is gehuisvest"), std::string::npos);
}

// --- figures -------------------------------------------------------------------------------

TEST(PartnersFigures, WerkplekkenText) {
    EXPECT_EQ(vp::werkplekken_text(0), "0");
    EXPECT_EQ(vp::werkplekken_text(12), "1");
    EXPECT_EQ(vp::werkplekken_text(30), "2,5");
    EXPECT_EQ(vp::werkplekken_text(1), "0,08");
    EXPECT_EQ(vp::werkplekken_text(11), "0,92");
    EXPECT_EQ(vp::werkplekken_text(12 * 1000 + 6), "1.000,5");
    EXPECT_EQ(vp::werkplekken_text(240), "20");
}

// --- documents ------------------------------------------------------------------------------

std::vector<Partner> sample() {
    Record om = partner("om", 10);
    Record politie = partner("politie", 30);
    politie.domein = "politie";
    politie.werkplekken = {{4, {2013, 1, 1}, std::nullopt}};
    Record uwv = partner("uwv", 50);
    uwv.domein = "overig";
    uwv.ring = "flexibele schil";
    uwv.gehuisvest = false;
    uwv.werkplekken.clear();
    uwv.convenant.reset();
    uwv.gemeenten = {"GM0687"};
    Record halt = partner("halt", 70);
    halt.werkplekken = {{1, {2013, 7, 1}, std::nullopt}};  // half a year: 6 werkplek-maanden
    halt.convenant.reset();
    Diagnostics diag;
    auto ps = read({om, politie, uwv, halt}, diag);
    EXPECT_FALSE(diag.has_errors()) << diag.format_all();
    return ps;
}

/// The value of a cell as text (text cells) or its number (integer, fraction numerator).
const vhh::doc::Cell &at(const vhh::doc::Table &t, std::size_t row, std::size_t column) {
    return t.rows.at(row).cells.at(column);
}

TEST(PartnersTables, ARingTableRowPerPartnerWithFormulasAndTotals) {
    const auto ps = sample();
    const vhh::doc::Table t = vp::ring_table(ps, "sleutelpartner", 2013);
    EXPECT_EQ(t.id, "ring_sleutelpartner");
    EXPECT_EQ(t.caption, "Sleutelpartners 2013");
    ASSERT_EQ(t.columns.size(), 6u);
    EXPECT_EQ(t.columns[3].header, "Werkplek-maanden");
    ASSERT_EQ(t.rows.size(), 4u);  // om, politie, halt, total
    EXPECT_EQ(at(t, 0, 0).value.text_value(), ps[0].naam);
    EXPECT_EQ(at(t, 0, 2).value.text_value(), "ja");
    EXPECT_EQ(at(t, 0, 3).value.integer_value(), 36);
    EXPECT_EQ(at(t, 0, 3).name, "maanden_1");
    EXPECT_EQ(at(t, 0, 4).name, "werkplekken_1");
    EXPECT_EQ(at(t, 0, 4).formula, "maanden_1 / 12");
    EXPECT_EQ(at(t, 0, 4).value.kind(), vhh::doc::Value::Kind::fraction);
    EXPECT_EQ(at(t, 0, 4).value.integer_value(), 36);
    EXPECT_EQ(at(t, 0, 4).value.denominator(), 12);
    EXPECT_EQ(at(t, 0, 5).value.text_value(), "1-1-2009 (2009)");
    // halt is the fourth partner of the registry (uwv, third, is in the flexibele schil).
    EXPECT_EQ(at(t, 2, 3).name, "maanden_4");
    EXPECT_EQ(at(t, 2, 3).value.integer_value(), 6);
    EXPECT_EQ(at(t, 2, 5).value.text_value(), "geen (let op)");
    const auto &total = t.rows.back();
    EXPECT_EQ(total.role, vhh::doc::RowRole::total);
    EXPECT_EQ(total.cells[0].value.text_value(), "Totaal (3)");
    EXPECT_EQ(total.cells[2].value.integer_value(), 3);
    EXPECT_EQ(total.cells[3].formula, "SUM(kolom(maanden))");
    EXPECT_EQ(total.cells[3].value.integer_value(), 36 + 48 + 6);
    EXPECT_EQ(total.cells[4].formula, "SUM(kolom(werkplekken))");
}

TEST(PartnersTables, SummarySumsThePartnersCells) {
    const vhh::doc::Table t = vp::summary_table(sample(), 2013);
    EXPECT_EQ(t.id, "samenvatting");
    ASSERT_EQ(t.columns.size(), 5u);
    ASSERT_EQ(t.rows.size(), 3u + 7 + 1);  // 3 rings, 7 domeinen, total
    EXPECT_EQ(at(t, 0, 1).value.text_value(), "kern");
    EXPECT_EQ(at(t, 0, 2).value.integer_value(), 0);
    EXPECT_EQ(at(t, 0, 4).formula, "");  // no partners: no sum
    EXPECT_EQ(at(t, 1, 2).name, "partners_sleutelpartner");
    EXPECT_EQ(at(t, 1, 2).value.integer_value(), 3);
    EXPECT_EQ(at(t, 1, 3).value.integer_value(), 3);
    EXPECT_EQ(at(t, 1, 4).formula, "SUM(werkplekken_1; werkplekken_2; werkplekken_4)");
    EXPECT_EQ(at(t, 1, 4).value.integer_value(), 90);  // 90 werkplek-maanden = 7,5 werkplekken
    EXPECT_EQ(at(t, 2, 4).name, "werkplekken_flexibele_schil");
    EXPECT_EQ(at(t, 3, 0).value.text_value(), "Domein");
    EXPECT_EQ(at(t, 3, 1).value.text_value(), "justitie");
    EXPECT_EQ(at(t, 3, 2).value.integer_value(), 2);
    const auto &total = t.rows.back();
    EXPECT_EQ(total.cells[0].value.text_value(), "Totaal");
    EXPECT_EQ(total.cells[2].formula, "partners_kern + partners_sleutelpartner + partners_flexibele_schil");
    EXPECT_EQ(total.cells[2].value.integer_value(), 4);
    EXPECT_EQ(total.cells[3].value.integer_value(), 3);
}

/// Property: for random registries the summary's counts per ring and per domein add up to the
/// number of partners (and housed ones), and its werkplekken to the total werkplek-maanden / 12.
TEST(PartnersTables, SummaryCountsAddUpForRandomRegistries) {
    std::mt19937 rng(20130606);
    for (int round = 0; round < 200; ++round) {
        std::vector<Partner> ps;
        const int n = std::uniform_int_distribution<int>(0, 25)(rng);
        std::int64_t maanden = 0, housed = 0;
        for (int i = 0; i < n; ++i) {
            Partner p;
            p.id = "p" + std::to_string(i);
            p.naam = p.id;
            p.ring = vp::kRingen[std::uniform_int_distribution<std::size_t>(0, vp::kRingen.size() - 1)(rng)];
            p.domein = vp::kDomeinen[std::uniform_int_distribution<std::size_t>(0, vp::kDomeinen.size() - 1)(rng)];
            p.gehuisvest = std::uniform_int_distribution<int>(0, 1)(rng) == 1;
            if (p.gehuisvest) {
                const int month = std::uniform_int_distribution<int>(1, 12)(rng);
                p.werkplekken.push_back({std::uniform_int_distribution<std::int64_t>(1, 9)(rng), Date{2013, month, 1}, Date{}, {}});
            }
            maanden += vhh::werkplek_maanden(p, 2013);
            housed += p.gehuisvest ? 1 : 0;
            ps.push_back(p);
        }
        const vhh::doc::Table t = vp::summary_table(ps, 2013);
        std::int64_t ring_count = 0, ring_housed = 0, ring_maanden = 0, domein_count = 0, domein_housed = 0;
        for (std::size_t r = 0; r < 3; ++r) {
            ring_count += at(t, r, 2).value.integer_value();
            ring_housed += at(t, r, 3).value.integer_value();
            ring_maanden += at(t, r, 4).value.integer_value();
        }
        for (std::size_t r = 3; r < 10; ++r) {
            domein_count += at(t, r, 2).value.integer_value();
            domein_housed += at(t, r, 3).value.integer_value();
        }
        EXPECT_EQ(ring_count, n);
        EXPECT_EQ(domein_count, n);
        EXPECT_EQ(ring_housed, housed);
        EXPECT_EQ(domein_housed, housed);
        EXPECT_EQ(ring_maanden, maanden);
        EXPECT_EQ(t.rows.back().cells[2].value.integer_value(), n);
        EXPECT_EQ(t.rows.back().cells[4].value.integer_value(), maanden);
    }
}

const vhh::DataNode &field(const vhh::DataNode &node, const std::string &key) {
    static const vhh::DataNode missing("<missing>");
    const auto it = node.fields().find(key);
    EXPECT_NE(it, node.fields().end()) << key;
    return it == node.fields().end() ? missing : it->second;
}

TEST(PartnersDocument, CountsOfOneAreSingular) {
    // "1 partner", "1 werkplek-maand" (issue 19: never "1 regels"-style plurals).
    Record r;
    r.werkplekken = {{1, {2013, 12, 1}, std::nullopt}};
    Diagnostics diag;
    const auto doc = vp::build_document(zeeland(), read({r}, diag), {"", false});
    EXPECT_EQ(field(doc.template_data, "partners_zin").text(), "1 partner");
    EXPECT_EQ(field(doc.template_data, "werkplek_maanden_zin").text(), "1 werkplek-maand");
}

TEST(PartnersDocument, TablesOfTheRingsWithPartnersAndTemplateDataPerRing) {
    const auto doc = vp::build_document(zeeland(), sample(), {"illustratief", true}, {{"om", "vervolging"}});
    EXPECT_EQ(doc.name, "partners-2013");
    EXPECT_EQ(doc.meta.title, "Partners boekjaar 2013");
    EXPECT_EQ(doc.meta.region, "Veiligheidshuis Zeeland");
    EXPECT_EQ(doc.body_template, "partners.txt.mustache");
    // The kern has no partners: no table of it.
    ASSERT_EQ(doc.sections.size(), 1u);
    std::vector<std::string> ids;
    for (const auto &b : doc.sections[0].blocks) ids.push_back(std::get<vhh::doc::Table>(b).id);
    EXPECT_EQ(ids, (std::vector<std::string>{"ring_sleutelpartner", "ring_flexibele_schil", "samenvatting"}));
    const auto &d = doc.template_data;
    EXPECT_EQ(field(d, "regio").text(), "Veiligheidshuis Zeeland");
    EXPECT_EQ(field(d, "partners_zin").text(), "4 partners");
    EXPECT_EQ(field(d, "gehuisvest").text(), "3");
    EXPECT_EQ(field(d, "werkplekken").text(), "7,5");
    EXPECT_EQ(field(d, "werkplekken_zin").text(), "7,5 werkplekken");
    EXPECT_EQ(field(d, "werkplek_maanden").text(), "90");
    EXPECT_EQ(field(d, "werkplek_maanden_zin").text(), "90 werkplek-maanden");
    EXPECT_TRUE(field(d, "illustratief").boolean_value());
    EXPECT_EQ(field(d, "bron_tekst").text(), " (illustratief)");
    const auto &ringen = field(d, "ringen").items();
    ASSERT_EQ(ringen.size(), 3u);
    EXPECT_EQ(field(ringen[0], "kop").text(), "Kern");
    EXPECT_FALSE(field(ringen[0], "heeft_partners").boolean_value());
    EXPECT_EQ(field(ringen[1], "kop").text(), "Sleutelpartners");
    EXPECT_EQ(field(ringen[1], "tabel").text(), "ring_sleutelpartner");
    EXPECT_EQ(field(ringen[1], "aantal").text(), "3");
    EXPECT_EQ(field(ringen[1], "werkplekken").text(), "7,5");
    const auto &sleutel = field(ringen[1], "partners").items();
    ASSERT_EQ(sleutel.size(), 3u);
    EXPECT_EQ(field(sleutel[0], "rol").text(), "vervolging");
    EXPECT_TRUE(field(sleutel[0], "heeft_rol").boolean_value());
    EXPECT_FALSE(field(sleutel[1], "heeft_rol").boolean_value());
    EXPECT_EQ(field(sleutel[0], "convenant").text(), "1-1-2009 (2009)");
    EXPECT_EQ(field(sleutel[2], "werkplekken").text(), "0,5");
    EXPECT_EQ(field(sleutel[2], "convenant").text(), "geen (let op)");
    const auto &schil = field(ringen[2], "partners").items();
    ASSERT_EQ(schil.size(), 1u);
    EXPECT_EQ(field(schil[0], "gemeenten").text(), "Middelburg");
    EXPECT_EQ(field(schil[0], "gemeenten_zin").text(), "werkt voor de gemeente Middelburg");
    EXPECT_FALSE(field(schil[0], "alle_gemeenten").boolean_value());
    const auto &ws = field(d, "waarschuwingen").items();
    ASSERT_EQ(ws.size(), 1u);
    EXPECT_NE(field(ws[0], "tekst").text().find("Partner halt is gehuisvest"), std::string::npos);
}

TEST(PartnersSettings, TableDeclaresTheRegistry) {
    EXPECT_STREQ(vp::kSettings[0].key, "partners");
    EXPECT_EQ(vp::kSettings[0].type, static_cast<std::uint32_t>(VHH_SETTING_LIST));
    EXPECT_EQ(vp::kSettings[0].flags, static_cast<std::uint32_t>(VHH_SETTING_REQUIRED));
    std::vector<std::string> keys;
    for (std::uint32_t i = 0; i < vp::kSettings[0].field_count; ++i) keys.push_back(vp::kSettings[0].fields[i].key);
    EXPECT_EQ(keys, (std::vector<std::string>{"id", "naam", "domein", "ring", "rol", "gehuisvest", "werkplekken",
                                              "convenant", "gemeenten", "actief_van", "actief_tot", "bron"}));
}

}  // namespace
