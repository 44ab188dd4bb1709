// The run configuration: a good config loads; every bad one is located, all errors at once.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "config/region_config.h"
#include "cycle/gemeenten_van_jaar.h"
#include "output/sha256.h"

namespace fs = std::filesystem;
using vhh::Diagnostics;
using vhh::ExitCode;
using vhh::host::load_run_config;

namespace {

const char *kGood = R"(regio:
  id: test
  naam: Veiligheidshuis Test
  boekjaar: 2013
  centrumgemeente: GM0687
bevolking:
  peildatum: 2013-01-01
  bron: test
gemeenten:
  - {code: GM0687, naam: Middelburg, inwoners: 48019}
  - {code: GM0654, naam: Borsele, inwoners: 22551, bron: nov 2013}
plugins:
  - name: financing.inwonerbijdrage
    tarief: 0.40
)";

std::string write_temp(const std::string &name, const std::string &text) {
    fs::path p = fs::temp_directory_path() / ("vhh-region-test-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
}

std::string replace(std::string s, const std::string &from, const std::string &to) {
    auto pos = s.find(from);
    EXPECT_NE(pos, std::string::npos) << from;
    if (pos != std::string::npos) s.replace(pos, from.size(), to);
    return s;
}

}  // namespace

TEST(RegionConfig, GoodConfigLoads) {
    Diagnostics diag;
    auto cfg = load_run_config(write_temp("good.yaml", kGood), diag);
    ASSERT_FALSE(diag.has_errors()) << diag.format_all();
    EXPECT_EQ(cfg.region.id, "test");
    EXPECT_EQ(cfg.region.boekjaar, 2013);
    EXPECT_EQ(cfg.region.peildatum.iso(), "2013-01-01");
    ASSERT_EQ(cfg.region.gemeenten.size(), 2u);
    EXPECT_EQ(cfg.region.gemeenten[1].code, "GM0654");
    EXPECT_EQ(cfg.region.gemeenten[1].inwoners, 22551);
    EXPECT_EQ(cfg.region.gemeenten[1].inwoners_bron, "nov 2013");
    EXPECT_EQ(cfg.region.gemeenten[1].where.line, 11);
    ASSERT_EQ(cfg.plugins.size(), 1u);
    EXPECT_EQ(cfg.plugins[0].name, "financing.inwonerbijdrage");
    EXPECT_EQ(cfg.plugins[0].key_path, "plugins[0]");
}

TEST(RegionConfig, MissingFileIsNoInput) {
    Diagnostics diag;
    load_run_config("/nonexistent/vhh.yaml", diag);
    EXPECT_EQ(diag.exit_code(), ExitCode::no_input);
}

TEST(RegionConfig, UnknownTopLevelKeyIsLocated) {
    Diagnostics diag;
    std::string path = write_temp("unknown.yaml", std::string(kGood) + "extra: 1\n");
    load_run_config(path, diag);
    ASSERT_EQ(diag.error_count(), 1u) << diag.format_all();
    EXPECT_EQ(diag.all()[0].where.line, 15);
    EXPECT_EQ(diag.exit_code(), ExitCode::config);
}

TEST(RegionConfig, EveryGemeenteProblemReportedInOneRun) {
    std::string text = replace(kGood, "{code: GM0687, naam: Middelburg, inwoners: 48019}",
                               "{code: GM0687, naam: Middelburg}");
    text = replace(text, "inwoners: 22551", "inwoners: -5");
    Diagnostics diag;
    load_run_config(write_temp("gemeenten.yaml", text), diag);
    EXPECT_EQ(diag.error_count(), 2u) << diag.format_all();
    std::string all = diag.format_all();
    EXPECT_NE(all.find("gemeenten[0]"), std::string::npos) << all;
    EXPECT_NE(all.find("gemeenten[1].inwoners"), std::string::npos) << all;
    EXPECT_EQ(diag.exit_code(), ExitCode::config) << "missing key outranks the bad value";
}

TEST(RegionConfig, NegativePopulationAloneIsBadData) {
    Diagnostics diag;
    load_run_config(write_temp("negative.yaml", replace(kGood, "inwoners: 22551", "inwoners: -5")), diag);
    ASSERT_EQ(diag.error_count(), 1u) << diag.format_all();
    EXPECT_EQ(diag.exit_code(), ExitCode::data);
    EXPECT_EQ(diag.all()[0].where.line, 11);
}

TEST(RegionConfig, DuplicateGemeenteAndUnknownCentrum) {
    std::string text = replace(kGood, "code: GM0654", "code: GM0687");
    text = replace(text, "centrumgemeente: GM0687", "centrumgemeente: GM0999");
    Diagnostics diag;
    load_run_config(write_temp("dup.yaml", text), diag);
    std::string all = diag.format_all();
    EXPECT_NE(all.find("gemeente GM0687 is listed twice"), std::string::npos) << all;
    EXPECT_NE(all.find("centrumgemeente GM0999 is not one of the region's gemeenten"), std::string::npos) << all;
}

TEST(RegionConfig, CbsCodeKeptAsTextAndChecked) {
    Diagnostics diag;
    load_run_config(write_temp("code.yaml", replace(kGood, "code: GM0654", "code: 0654")), diag);
    std::string all = diag.format_all();
    EXPECT_NE(all.find("expected a CBS gemeentecode like GM0687, got '0654'"), std::string::npos) << all;
    EXPECT_EQ(diag.exit_code(), ExitCode::data);
}

TEST(RegionConfig, PluginEntriesChecked) {
    std::string text = std::string(kGood) + "  - tarief: 1\n  - name: financing.inwonerbijdrage\n";
    Diagnostics diag;
    load_run_config(write_temp("plugins.yaml", text), diag);
    std::string all = diag.format_all();
    EXPECT_NE(all.find("plugins[1].name: missing plugin name"), std::string::npos) << all;
    EXPECT_NE(all.find("plugin 'financing.inwonerbijdrage' is configured twice"), std::string::npos) << all;
}

TEST(RegionConfig, HerindelingMergesGemeentenInForce) {
    std::string text = replace(kGood, "plugins:", R"(herindelingen:
  - {per: 2013-01-01, naar: GM1948, naam: Samengevoegd, van: [GM0687, GM0654]}
plugins:)");
    text = replace(text, "centrumgemeente: GM0687", "centrumgemeente: GM1948");
    Diagnostics diag;
    auto cfg = load_run_config(write_temp("merge.yaml", text), diag);
    ASSERT_FALSE(diag.has_errors()) << diag.format_all();
    ASSERT_EQ(cfg.region.gemeenten.size(), 1u);
    const auto &g = cfg.region.gemeenten[0];
    EXPECT_EQ(g.code, "GM1948");
    EXPECT_EQ(g.inwoners, 48019 + 22551);
    EXPECT_EQ(g.voorgangers, (std::vector<std::string>{"GM0687", "GM0654"}));
    ASSERT_NE(cfg.region.merged_away("GM0654"), nullptr);
    EXPECT_EQ(cfg.region.merged_away("GM0654")->naar, "GM1948");
}

TEST(RegionConfig, HerindelingNotYetInForceChangesNothing) {
    std::string text = replace(kGood, "plugins:", R"(herindelingen:
  - {per: 2014-01-01, naar: GM1948, naam: Later, van: [GM0687, GM0654]}
plugins:)");
    Diagnostics diag;
    auto cfg = load_run_config(write_temp("later.yaml", text), diag);
    ASSERT_FALSE(diag.has_errors()) << diag.format_all();
    EXPECT_EQ(cfg.region.gemeenten.size(), 2u);
    EXPECT_EQ(cfg.region.merged_away("GM0654"), nullptr);
}

TEST(RegionConfig, HerindelingWithUnknownPredecessorIsLocated) {
    std::string text = replace(kGood, "plugins:", R"(herindelingen:
  - {per: 2013-01-01, naar: GM1948, naam: X, van: [GM0687, GM0001]}
plugins:)");
    Diagnostics diag;
    load_run_config(write_temp("unknownpred.yaml", text), diag);
    std::string all = diag.format_all();
    EXPECT_NE(all.find(":13:51: error: herindelingen[0].van"), std::string::npos) << all;
    EXPECT_NE(all.find("herindelingen[0].van: gemeente GM0001 is not listed in gemeenten"), std::string::npos) << all;
}

TEST(RegionConfig, PluginSettingsFromOwnFile) {
    std::string extra = write_temp("extra.yaml", "tarief: 0.50\nkleur: rood\n");
    std::string text = replace(kGood, "    tarief: 0.40\n", "    bestand: " + extra + "\n");
    Diagnostics diag;
    auto cfg = load_run_config(write_temp("withfile.yaml", text), diag);
    ASSERT_FALSE(diag.has_errors()) << diag.format_all();
    ASSERT_EQ(cfg.plugins.size(), 1u);
    const auto *tarief = cfg.plugins[0].section.find("tarief");
    ASSERT_NE(tarief, nullptr);
    EXPECT_EQ(tarief->text, "0.50");
    EXPECT_EQ(tarief->where.file, extra);
    EXPECT_EQ(tarief->where.line, 1);
    ASSERT_EQ(cfg.included_files.size(), 1u);
    EXPECT_EQ(cfg.included_files[0].path, extra);
    EXPECT_EQ(cfg.included_files[0].sha256, vhh::host::sha256_hex("tarief: 0.50\nkleur: rood\n"));
}

TEST(RegionConfig, HashesTheBytesItParsed) {
    // The manifest's hashes come from the bytes read and parsed: a file replaced afterwards does
    // not change them (no second read of the path).
    std::string extra = write_temp("hashed-extra.yaml", "tarief: 0.50\n");
    std::string text = replace(kGood, "    tarief: 0.40\n", "    bestand: " + extra + "\n");
    const std::string path = write_temp("hashed.yaml", text);
    Diagnostics diag;
    auto cfg = load_run_config(path, diag);
    ASSERT_FALSE(diag.has_errors()) << diag.format_all();
    write_temp("hashed.yaml", "swapped: true\n");
    write_temp("hashed-extra.yaml", "tarief: 9.99\n");
    EXPECT_EQ(cfg.sha256, vhh::host::sha256_hex(text));
    ASSERT_EQ(cfg.included_files.size(), 1u);
    EXPECT_EQ(cfg.included_files[0].sha256, vhh::host::sha256_hex("tarief: 0.50\n"));
}

TEST(RegionConfig, PluginSettingsFileProblems) {
    std::string extra = write_temp("extra2.yaml", "tarief: 0.50\n");
    Diagnostics diag;
    load_run_config(write_temp("both.yaml", replace(kGood, "    tarief: 0.40\n", "    tarief: 0.40\n    bestand: " + extra + "\n")), diag);
    EXPECT_NE(diag.format_all().find("key 'tarief' is also given in the config"), std::string::npos) << diag.format_all();
    Diagnostics missing;
    load_run_config(write_temp("missing.yaml", replace(kGood, "    tarief: 0.40\n", "    bestand: /nonexistent.yaml\n")), missing);
    EXPECT_EQ(missing.exit_code(), ExitCode::no_input) << missing.format_all();
}

// --- peildatum_rule and centrumgemeente_rule (issue 19) ------------------------------------------

namespace {

/// The diagnostics of loading `text` whose key path is `key`.
std::vector<vhh::Diagnostic> about(const std::string &name, const std::string &text, const std::string &key,
                                   Diagnostics &diag) {
    load_run_config(write_temp(name, text), diag);
    std::vector<vhh::Diagnostic> out;
    for (const auto &d : diag.all())
        if (d.key_path == key) out.push_back(d);
    return out;
}

}  // namespace

TEST(RegionConfig, PeildatumOnOrBeforeTheBoekjaarsStartIsFine) {
    for (const char *datum : {"2013-01-01", "2011-01-01", "2012-12-31"}) {
        Diagnostics diag;
        load_run_config(write_temp("peil-ok.yaml", replace(kGood, "peildatum: 2013-01-01", std::string("peildatum: ") + datum)),
                        diag);
        EXPECT_TRUE(diag.all().empty()) << datum << ": " << diag.format_all();
    }
}

TEST(RegionConfig, PeildatumAfterTheBoekjaarsStartIsAWarningAtItsLine) {
    for (const char *datum : {"2013-01-02", "2013-12-31", "2014-12-31"}) {
        Diagnostics diag;
        const auto ds = about("peil-warn.yaml", replace(kGood, "peildatum: 2013-01-01", std::string("peildatum: ") + datum),
                              "bevolking.peildatum", diag);
        ASSERT_EQ(ds.size(), 1u) << datum << ": " << diag.format_all();
        EXPECT_EQ(ds[0].severity, vhh::Severity::warning) << datum;
        EXPECT_FALSE(diag.has_errors()) << diag.format_all();
        EXPECT_EQ(ds[0].where.line, 7);
        EXPECT_EQ(ds[0].message, std::string("peildatum ") + datum + " is after the start of boekjaar 2013");
        EXPECT_NE(ds[0].hint.find("1 januari of the boekjaar or of an earlier year"), std::string::npos);
    }
}

TEST(RegionConfig, PeildatumYearsAfterTheBoekjaarIsBadData) {
    Diagnostics diag;
    const auto ds = about("peil-years.yaml", replace(kGood, "peildatum: 2013-01-01", "peildatum: 2016-01-01"),
                          "bevolking.peildatum", diag);
    ASSERT_EQ(ds.size(), 1u) << diag.format_all();
    EXPECT_EQ(ds[0].severity, vhh::Severity::error);
    EXPECT_EQ(diag.exit_code(), ExitCode::data);
    EXPECT_EQ(ds[0].where.line, 7);
    EXPECT_EQ(ds[0].where.column, 14);
    EXPECT_EQ(ds[0].message, "peildatum 2016-01-01 is years after boekjaar 2013: these population figures cannot be "
                             "the boekjaar's");
}

TEST(RegionConfig, MergedCentrumgemeenteNamesItsSuccessor) {
    // Veghel (GM0860) merged into Meierijstad (GM1948) in 2017; the region lists Meierijstad.
    std::string text = replace(kGood, "boekjaar: 2013", "boekjaar: 2017");
    text = replace(text, "peildatum: 2013-01-01", "peildatum: 2017-01-01");
    text = replace(text, "centrumgemeente: GM0687", "centrumgemeente: GM0860");
    text = replace(text, "plugins:", "herindelingen:\n  - {per: 2017-01-01, naar: GM1948, naam: Meierijstad, van: "
                                     "[GM0844, GM0846, GM0860]}\nplugins:");
    text = replace(text, "{code: GM0687, naam: Middelburg, inwoners: 48019}", "{code: GM1948, naam: Meierijstad, inwoners: 80000}");
    Diagnostics diag;
    const auto ds = about("centrum-merged.yaml", text, "regio.centrumgemeente", diag);
    ASSERT_EQ(ds.size(), 1u) << diag.format_all();
    EXPECT_EQ(ds[0].code, ExitCode::config);
    EXPECT_EQ(ds[0].where.line, 5);
    EXPECT_EQ(ds[0].message, "centrumgemeente GM0860 is not one of the region's gemeenten");
    EXPECT_EQ(ds[0].hint, "GM0860 merged into GM1948 (Meierijstad) on 1-1-2017; use GM1948");
}

TEST(RegionConfig, UnknownCentrumgemeenteListsTheRegionsGemeenten) {
    Diagnostics diag;
    const auto ds = about("centrum-unknown.yaml", replace(kGood, "centrumgemeente: GM0687", "centrumgemeente: GM0999"),
                          "regio.centrumgemeente", diag);
    ASSERT_EQ(ds.size(), 1u) << diag.format_all();
    EXPECT_EQ(ds[0].hint, "the region's gemeenten: GM0687, GM0654");
}

// The region of a later year of the meerjarenraming (ReportContext::divide_bijdrage, SDK ABI 3).
TEST(RegionInJaar, AHerindelingInForceThatYearMergesItsGemeenten) {
    vhh::Region r;
    r.boekjaar = 2015;
    r.gemeenten = {{"GM0755", "Boekel", 10000, "", {}, {}},
                   {"GM0846", "Sint-Oedenrode", 17700, "", {}, {}},
                   {"GM0860", "Veghel", 37300, "", {}, {}}};
    r.herindelingen = {{{2017, 1, 1}, "GM1948", "Meierijstad", {"GM0860", "GM0846"}, {}}};
    const vhh::Region same = vhh::host::cycle::region_in_jaar(r, 2016);
    ASSERT_EQ(same.gemeenten.size(), 3u);
    EXPECT_EQ(same.boekjaar, 2016);
    const vhh::Region later = vhh::host::cycle::region_in_jaar(r, 2017);
    EXPECT_EQ(later.boekjaar, 2017);
    ASSERT_EQ(later.gemeenten.size(), 2u);
    EXPECT_EQ(later.gemeenten[0].code, "GM0755");
    EXPECT_EQ(later.gemeenten[1].code, "GM1948");  // at the place of the first of its gemeenten
    EXPECT_EQ(later.gemeenten[1].naam, "Meierijstad");
    EXPECT_EQ(later.gemeenten[1].inwoners, 55000);
    EXPECT_EQ(later.gemeenten[1].voorgangers, (std::vector<std::string>{"GM0846", "GM0860"}));
    EXPECT_EQ(later.gemeenten[1].inwoners_bron, "herindeling per 1-1-2017: Sint-Oedenrode 17.700 + Veghel 37.300");
    // In force in the boekjaar already: the region has applied it, nothing changes.
    r.boekjaar = 2017;
    r.gemeenten = later.gemeenten;
    EXPECT_EQ(vhh::host::cycle::region_in_jaar(r, 2018).gemeenten.size(), 2u);
}
