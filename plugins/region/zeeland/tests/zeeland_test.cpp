// Tests for region.zeeland: the settings checked against the region (every problem a located 78),
// the afwijkingen (Tholen: veiligheidsregio Zeeland, politiedistrict Markiezaten), the statement and
// the described document and its template data, and the report phase through the kit's context.
#include "zeeland.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <tuple>

#include "vhh/testing.h"
#include "vhh/testing_region.h"

namespace {

using namespace vhh;
using namespace vhh::region_zeeland;

const std::string kFile = "/cfg/regio.yaml";

/// One entry of regio.yaml's `gemeenten:` list, written on one line.
struct Entry {
    std::string code;
    std::string district;
    std::string vr = "Zeeland";
    std::string toelichting;
    std::string eenheid = "Zeeland-West-Brabant";

    std::string yaml() const {
        return "  - {gemeente: " + code + ", veiligheidsregio: \"" + vr + "\", politie_eenheid: \"" + eenheid +
               "\", politiedistrict: \"" + district + "\"" +
               (toelichting.empty() ? "" : ", toelichting: \"" + toelichting + "\"") +
               ", bron: " + (code == "GM0716" ? "regeling" : "illustratief") + "}\n";
    }
};

/// regio.yaml with `entries`: `gemeenten:` on line 1, entry i on line 2 + i.
std::string regio_yaml(const std::vector<Entry> &entries) {
    std::string y = "gemeenten:\n";
    for (const auto &e : entries) y += e.yaml();
    return y;
}

/// Four gemeenten of Zeeland in 2013 (inwoners as in config/zeeland/vhh.yaml), GM9001 merged into
/// Borsele on 1 January 2013, as the host reads them.
Region region() {
    vhh::testing::TestRegion t;
    t.id = "zeeland";
    t.naam = "Veiligheidshuis Zeeland";
    t.boekjaar = 2013;
    t.centrumgemeente = "GM0687";
    for (const auto &[code, naam, inwoners] : std::vector<std::tuple<std::string, std::string, std::int64_t>>{
             {"GM0654", "Borsele", 22551}, {"GM0687", "Middelburg", 48019}, {"GM0716", "Tholen", 25527},
             {"GM0718", "Vlissingen", 44353}}) {
        Gemeente g;
        g.code = code;
        g.naam = naam;
        g.inwoners = inwoners;
        t.gemeenten.push_back(g);
    }
    t.more = "herindelingen:\n  - {per: 2013-01-01, naar: GM0654, naam: Borsele, van: [GM9001]}\n";
    return t.region();
}

/// Where the settings come from: the plugin's file regio.yaml of plugins[6].
const vhh::testing::SettingsSource kSource{kFile, "plugins[6]", "region.zeeland"};

/// The plugin's settings from regio.yaml with `entries`, as the host's validator hands them over
/// (its errors, if any, in `diag`).
Settings settings(const std::vector<Entry> &entries, Diagnostics &diag) {
    return vhh::testing::settings_from_yaml(kSettings, regio_yaml(entries), diag, region(), kSource);
}

/// Same, for entries the host's validator accepts.
Settings settings(const std::vector<Entry> &entries) {
    Diagnostics diag;
    Settings s = settings(entries, diag);
    EXPECT_FALSE(diag.has_errors()) << diag.format_all();
    return s;
}

/// Zeeland's entries (lines 2-5): Tholen in district Markiezaten, with a toelichting.
std::vector<Entry> zeeland_entries() {
    return {{"GM0654", "Zeeland"},
            {"GM0687", "Zeeland"},
            {"GM0716", "Markiezaten", "Zeeland", "Dit vergt opvolging."},
            {"GM0718", "Zeeland"}};
}

void expect_error(const Diagnostics &d, int line, const std::string &key_path, const std::string &text,
                  const std::string &hint = "") {
    for (const auto &x : d.all())
        if (x.severity == Severity::error && x.code == ExitCode::config && x.where.file == kFile &&
            x.where.line == line && x.key_path == key_path && x.message.find(text) != std::string::npos &&
            x.hint.find(hint) != std::string::npos)
            return;
    ADD_FAILURE() << "no 78 at line " << line << " " << key_path << " with '" << text << "' / '" << hint << "':\n"
                  << d.format_all();
}

// ---- settings -----------------------------------------------------------------------------------

TEST(ZeelandSettings, ReadsInRegionOrder) {
    auto entries = zeeland_entries();
    std::swap(entries[0], entries[3]);  // the settings' order does not matter
    Diagnostics d;
    auto regio = read_regio(settings(entries), region(), d, "plugins[6]");
    ASSERT_TRUE(regio) << d.format_all();
    ASSERT_EQ(regio->gemeenten.size(), 4u);
    EXPECT_EQ(regio->gemeenten[0].naam, "Borsele");
    EXPECT_EQ(regio->gemeenten[2].naam, "Tholen");
    EXPECT_EQ(regio->gemeenten[2].politiedistrict, "Markiezaten");
    EXPECT_EQ(regio->gemeenten[2].politie_eenheid, "Zeeland-West-Brabant");
    EXPECT_EQ(regio->gemeenten[2].toelichting, "Dit vergt opvolging.");
}

TEST(ZeelandSettings, EveryProblemIsALocated78) {
    auto entries = zeeland_entries();
    // Codes outside the region are refused by the host (type GEMEENTE) and never reach the plugin.
    entries.push_back({"GM0687", "Zeeland"});  // twice (line 6)
    entries.push_back({"GM0718", " ", ""});    // twice, and empty names (line 7)
    Diagnostics d;
    EXPECT_FALSE(read_regio(settings(entries), region(), d, "plugins[6]"));
    expect_error(d, 6, "plugins[6].gemeenten[4].gemeente", "gemeente Middelburg (GM0687) is listed twice",
                 "first listed at line 3");
    expect_error(d, 7, "plugins[6].gemeenten[5].gemeente", "gemeente Vlissingen (GM0718) is listed twice");
    expect_error(d, 7, "plugins[6].gemeenten[5].veiligheidsregio", "expected a name");
    expect_error(d, 7, "plugins[6].gemeenten[5].politiedistrict", "expected a name");
    EXPECT_EQ(d.error_count(), 4u) << d.format_all();
    EXPECT_EQ(d.exit_code(), ExitCode::config);
}

TEST(ZeelandSettings, AMissingGemeenteIsReportedBesideErrorsOfOtherEntries) {
    auto entries = zeeland_entries();
    entries[0] = {"GM0645", "Zeeland"};  // Borsele's code mistyped: unknown, and Borsele has no entry
    // The mistyped code itself is the host's (type GEMEENTE) ...
    Diagnostics host;
    const Settings s = settings(entries, host);
    EXPECT_EQ(host.format_all(),
              "/cfg/regio.yaml:2:16: error: plugins[6].gemeenten[0].gemeente: gemeente GM0645 is not one of the "
              "region's gemeenten\n/cfg/regio.yaml:2:16: note: did you mean GM0654 (Borsele)?\n");
    // ... the plugin still misses Borsele.
    Diagnostics d;
    EXPECT_FALSE(read_regio(s, region(), d, "plugins[6]"));
    expect_error(d, 2, "plugins[6].gemeenten", "gemeente Borsele (GM0654) of the region has no entry");
    EXPECT_EQ(d.error_count(), 1u) << d.format_all();
}

TEST(ZeelandSettings, EveryGemeenteWithoutAnEntryIsReportedAtTheList) {
    auto entries = zeeland_entries();
    entries.erase(entries.begin() + 2);  // Tholen
    entries.erase(entries.begin());      // Borsele
    Diagnostics d;
    EXPECT_FALSE(read_regio(settings(entries), region(), d, "plugins[6]"));
    expect_error(d, 2, "plugins[6].gemeenten", "gemeente Borsele (GM0654) of the region has no entry");
    expect_error(d, 2, "plugins[6].gemeenten", "gemeente Tholen (GM0716) of the region has no entry",
                 "add {gemeente: GM0716");
    EXPECT_EQ(d.error_count(), 2u) << d.format_all();
}

// ---- afwijkingen --------------------------------------------------------------------------------

TEST(ZeelandAfwijkingen, TholenDiffersFromTheOtherGemeentenOfItsVeiligheidsregio) {
    Diagnostics d;
    auto regio = read_regio(settings(zeeland_entries()), region(), d, "plugins[6]");
    ASSERT_TRUE(regio) << d.format_all();
    ASSERT_EQ(regio->afwijkingen.size(), 1u);
    const Afwijking &a = regio->afwijkingen[0];
    EXPECT_EQ(regio->gemeenten[a.index].code, "GM0716");
    EXPECT_EQ(a.gangbaar, "Zeeland");
    EXPECT_EQ(a.andere, 3u);
    EXPECT_EQ(statement(*regio, a),
              "Tholen (GM0716) valt voor de veiligheidsregio onder Zeeland, maar voor de politie onder district "
              "Markiezaten (eenheid Zeeland-West-Brabant). De andere 3 gemeenten van veiligheidsregio Zeeland "
              "vallen onder district Zeeland.");
}

TEST(ZeelandAfwijkingen, PerVeiligheidsregioTheMostCommonDistrictFirstOnATie) {
    auto g = [](const char *code, const char *vr, const char *district) {
        Indeling x;
        x.code = code;
        x.naam = code;
        x.veiligheidsregio = vr;
        x.politiedistrict = district;
        return x;
    };
    // A: districts X, Y, Y -> X differs. B: P, Q (a tie) -> the first (P) is usual, Q differs.
    // C: one gemeente -> nothing differs.
    const auto out = afwijkingen({g("1", "A", "X"), g("2", "B", "P"), g("3", "A", "Y"), g("4", "A", "Y"),
                                  g("5", "B", "Q"), g("6", "C", "Z")});
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].index, 0u);
    EXPECT_EQ(out[0].gangbaar, "Y");
    EXPECT_EQ(out[0].andere, 2u);
    EXPECT_EQ(out[1].index, 4u);
    EXPECT_EQ(out[1].gangbaar, "P");
    EXPECT_EQ(out[1].andere, 1u);
    Regio r;
    r.gemeenten = {g("1", "A", "X"), g("2", "B", "P"), g("3", "A", "Y"), g("4", "A", "Y"), g("5", "B", "Q")};
    EXPECT_EQ(statement(r, out[1]),
              "5 (5) valt voor de veiligheidsregio onder B, maar voor de politie onder district Q. "
              "De andere gemeente van veiligheidsregio B valt onder district P.");
}

// ---- the report ----------------------------------------------------------------------------------

using TestReport = vhh::testing::FakeReportContext;  // the kit's report context

/// The cells of row `row` of `table` as text.
std::vector<std::string> row_texts(const doc::Table &table, std::size_t row) {
    std::vector<std::string> out;
    for (const auto &c : table.rows.at(row).cells) out.push_back(c.value.text_value());
    return out;
}

TEST(ZeelandReport, DescribesRegioYWithTheTholenStatement) {
    const Region r = region();
    const Settings s = settings(zeeland_entries());
    TestReport ctx(s, r);
    Diagnostics &d = ctx.diag();
    ctx.set_key_path("plugins[6]");
    ZeelandPlugin plugin;
    plugin.report(ctx);
    ASSERT_FALSE(d.has_errors()) << d.format_all();
    ASSERT_EQ(ctx.documents.size(), 1u);
    const doc::Document &doc = ctx.documents[0];
    EXPECT_EQ(doc.name, "regio-2013");
    EXPECT_EQ(doc.kind, doc::Document::Kind::report);
    EXPECT_EQ(doc.meta.title, "Regionale indeling 2013: veiligheidsregio en politie");
    EXPECT_EQ(doc.body_template, "regio-zeeland.txt.mustache");
    // The table the template places: one politie-eenheid for all is a sentence, not a column.
    ASSERT_EQ(doc.sections.size(), 1u);
    const auto &table = std::get<doc::Table>(doc.sections[0].blocks.at(0));
    EXPECT_EQ(table.id, "gemeenten");
    std::vector<std::string> headers;
    for (const auto &c : table.columns) headers.push_back(c.header);
    EXPECT_EQ(headers, (std::vector<std::string>{"Gemeente", "CBS-code", "Veiligheidsregio", "Politiedistrict"}));
    ASSERT_EQ(table.rows.size(), 4u);
    EXPECT_EQ(row_texts(table, 2), (std::vector<std::string>{"Tholen", "GM0716", "Zeeland", "Markiezaten"}));
    const auto &f = doc.template_data.fields();
    EXPECT_EQ(f.at("regio").text(), "Veiligheidshuis Zeeland");
    EXPECT_TRUE(f.at("heeft_eenheid_zin").boolean_value());
    EXPECT_EQ(f.at("eenheid_zin").text(), "Alle gemeenten vallen onder politie-eenheid Zeeland-West-Brabant.");
    ASSERT_EQ(f.at("gemeenten").items().size(), 4u);
    EXPECT_EQ(f.at("gemeenten").items()[2].fields().at("politiedistrict").text(), "Markiezaten");
    ASSERT_EQ(f.at("afwijkingen").items().size(), 1u);
    const auto &a = f.at("afwijkingen").items()[0].fields();
    EXPECT_EQ(a.at("tekst").text(),
              "Tholen (GM0716) valt voor de veiligheidsregio onder Zeeland, maar voor de "
              "politie onder district Markiezaten (eenheid Zeeland-West-Brabant). De andere 3 "
              "gemeenten van veiligheidsregio Zeeland vallen onder district Zeeland.");
    EXPECT_TRUE(a.at("heeft_toelichting").boolean_value());
    EXPECT_EQ(a.at("toelichting").text(), "Dit vergt opvolging.");
    EXPECT_TRUE(f.at("heeft_afwijkingen").boolean_value());
    EXPECT_FALSE(f.at("heeft_toelichtingen").boolean_value());
    ASSERT_EQ(f.at("bronnen").items().size(), 2u);
    EXPECT_EQ(f.at("bronnen").items()[0].fields().at("tekst").text(), "Borsele, Middelburg en Vlissingen: illustratief");
    EXPECT_EQ(f.at("bronnen").items()[1].fields().at("tekst").text(), "Tholen: regeling");
}

TEST(ZeelandReport, DifferentEenhedenGetAColumn) {
    auto entries = zeeland_entries();
    entries[2].eenheid = "Oost-Brabant";
    Diagnostics d;
    auto regio = read_regio(settings(entries), region(), d, "plugins[6]");
    ASSERT_TRUE(regio) << d.format_all();
    const doc::Document doc = build_document(*regio, region());
    EXPECT_FALSE(doc.template_data.fields().at("heeft_eenheid_zin").boolean_value());
    const auto &table = std::get<doc::Table>(doc.sections[0].blocks.at(0));
    ASSERT_EQ(table.columns.size(), 5u);
    EXPECT_EQ(table.columns[3].header, "Politie-eenheid");
    EXPECT_EQ(row_texts(table, 2),
              (std::vector<std::string>{"Tholen", "GM0716", "Zeeland", "Oost-Brabant", "Markiezaten"}));
}

TEST(ZeelandReport, NothingIsAddedWhenTheSettingsAreWrong) {
    const Region r = region();
    auto entries = zeeland_entries();
    entries.erase(entries.begin());  // Borsele has no entry
    const Settings s = settings(entries);
    TestReport ctx(s, r);
    Diagnostics &d = ctx.diag();
    ZeelandPlugin plugin;
    plugin.report(ctx);
    EXPECT_EQ(d.exit_code(), ExitCode::config);
    EXPECT_TRUE(ctx.documents.empty());
    // A code that is no gemeente at all (GM0000, which this test once handed the plugin by hand) never
    // reaches it: the host's validator refuses it first.
    entries.insert(entries.begin(), {"GM0000", "Zeeland"});
    Diagnostics host;
    settings(entries, host);
    EXPECT_EQ(host.format_all(),
              "/cfg/regio.yaml:2:16: error: plugins[6].gemeenten[0].gemeente: gemeente GM0000 is not one of the "
              "region's gemeenten\n/cfg/regio.yaml:2:16: note: the region's gemeenten: GM0654 Borsele, GM0687 "
              "Middelburg, GM0716 Tholen, GM0718 Vlissingen\n");
}

}  // namespace
