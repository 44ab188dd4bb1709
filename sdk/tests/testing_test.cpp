// Tests for the plugin test kit (vhh/testing.h): the sample region, the fake contexts recording what
// a plugin adds, input files and importers in memory, and importing text as a stream.
#include "vhh/testing.h"

#include <gtest/gtest.h>

#include "vhh/csv.h"

namespace {

using namespace vhh;
using vhh::testing::FakeComputeContext;
using vhh::testing::FakeImportContext;
using vhh::testing::FakeLoadContext;
using vhh::testing::FakeReportContext;
using vhh::testing::import_text;
using vhh::testing::sample_region;

/// A plugin of every kind, small enough to see what the fakes record.
class Everything : public Plugin {
public:
    void load(LoadContext &ctx) override {
        ctx.declare_partner_registry();
        Partner p;
        p.id = "om";
        ctx.add_partner(p);
        if (auto f = ctx.read_input("partners.csv", {"/cfg/vhh.yaml", 3, 1}, "plugins[0].bestand")) text = f->contents;
    }
    void compute(ComputeContext &ctx) override {
        ContributionLine l;
        l.payer_id = ctx.region().centrumgemeente;
        l.amount = Money::cents(16170000);
        ctx.add_line(l);
        ctx.add_sheet(Table{});
        seen = ctx.lines().size();
    }
    void report(ReportContext &ctx) override {
        LedgerLines sink;
        ok = ctx.import_ledger("importer.x", "grootboek.csv", {"/cfg/vhh.yaml", 4, 1}, "plugins[0].grootboek", sink);
        imported = sink.lines.size();
        doc::Document d;
        d.name = "x-2017";
        ctx.add_document(d);
    }
    void import_ledger(ImportContext &, const InputFile &file, LedgerSink &sink) override {
        streamed = file.stream != nullptr;
        CsvReader reader(*file.stream);
        CsvRecordView r;
        while (reader.next(r)) {
            LedgerLine l;
            l.where = SourceLocation{file.path, r.line, 1};
            sink.add(l);
        }
    }
    std::string text;
    std::size_t seen = 0, imported = 0;
    bool ok = false, streamed = false;
};

TEST(TestKit, TheSampleRegionHasAHerindeling) {
    const Region r = sample_region();
    EXPECT_EQ(r.gemeenten.size(), 3u);
    ASSERT_NE(r.find(r.centrumgemeente), nullptr);
    ASSERT_NE(r.merged_away("GM0860"), nullptr);
    EXPECT_EQ(r.merged_away("GM0860")->naar, "GM1948");
}

TEST(TestKit, FakeContextsRecordWhatAPluginAdds) {
    Everything p;
    FakeLoadContext load;
    load.files.add("/cfg/partners.csv", "id\nom\n");
    p.load(load);
    EXPECT_TRUE(load.declared_registry);
    ASSERT_EQ(load.added_partners.size(), 1u);
    EXPECT_EQ(p.text, "id\nom\n");
    EXPECT_EQ(load.files.reads, std::vector<std::string>{"/cfg/partners.csv"});

    FakeComputeContext compute;
    compute.set_earlier({ContributionLine{}});
    p.compute(compute);
    EXPECT_EQ(p.seen, 2u);
    ASSERT_EQ(compute.lines().size(), 2u);
    EXPECT_EQ(compute.lines()[1].payer_id, "GM0002");
    EXPECT_EQ(compute.sheets.size(), 1u);
    EXPECT_FALSE(compute.diag().has_errors());
}

TEST(TestKit, ImportsGoThroughTheConfiguredImporterAsAStream) {
    Everything p, importer;
    FakeReportContext report;
    report.files.add("/cfg/grootboek.csv", "a;b\n1;2\n3;4\n");
    report.importers.add("importer.x", importer);
    p.report(report);
    EXPECT_TRUE(p.ok);
    EXPECT_TRUE(importer.streamed);
    EXPECT_EQ(p.imported, 3u);
    EXPECT_EQ(report.importers.calls, std::vector<std::string>{"importer.x grootboek.csv"});
    EXPECT_EQ(report.documents.size(), 1u);

    FakeReportContext missing;  // no importer, then no file: located errors, false
    p.report(missing);
    EXPECT_FALSE(p.ok);
    ASSERT_EQ(missing.diag().error_count(), 1u);
    EXPECT_EQ(missing.diag().exit_code(), ExitCode::config);
    missing.importers.add("importer.x", importer);
    p.report(missing);
    EXPECT_EQ(missing.diag().error_count(), 2u);
    EXPECT_EQ(missing.diag().all()[1].code, ExitCode::no_input);
    EXPECT_EQ(missing.diag().all()[1].key_path, "plugins[0].grootboek");
}

TEST(TestKit, ImportTextHandsTheFileOverInPieces) {
    Everything importer;
    FakeImportContext ctx;
    const auto lines = import_text(importer, ctx, "h\nx\n\ny\n");
    EXPECT_TRUE(importer.streamed);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[2].where.line, 4);
    EXPECT_EQ(lines[2].where.file, "/cfg/grootboek.csv");
}

}  // namespace

namespace settings_yaml {

/// A plugin's settings struct and table, as a plugin declares them.
struct Tarieven {
    Money tarief;
    std::int64_t werkplekken = 0;
    std::string ontvanger;
};
const SettingsTable<Tarieven> kTable{
    bind("tarief", &Tarieven::tarief).required().range("0", "1000").doc("per inwoner"),
    bind("werkplekken", &Tarieven::werkplekken).fallback("4").doc("aantal"),
    bind("ontvanger", &Tarieven::ontvanger).as(VHH_SETTING_GEMEENTE).fallback("GM0002").doc("gemeente"),
};

}  // namespace settings_yaml

TEST(TestKitSettings, DefaultsAreFilledInAndBind) {
    using namespace settings_yaml;
    const Settings s = vhh::testing::settings_from_yaml(kTable, "tarief: 0.40\n");
    const Tarieven t = kTable.read(s);
    EXPECT_EQ(t.tarief.in_cents(), 40);
    EXPECT_EQ(t.werkplekken, 4);          // the default, written once in the table
    EXPECT_EQ(t.ontvanger, "GM0002");
    EXPECT_TRUE(s.at("werkplekken").from_default);
}

TEST(TestKitSettings, ErrorsAreLocatedInTheSettingsFileWithTheHostsWording) {
    using namespace settings_yaml;
    Diagnostics diag;
    vhh::testing::settings_from_yaml(kTable, "tarief: 0,40\nwerkplekken: 3\ntarif: 1\n", diag);
    ASSERT_EQ(diag.error_count(), 2u) << diag.format_all();
    const std::string all = diag.format_all();
    // The host's own messages: the Dutch decimal comma hint and the did-you-mean of an unknown key.
    EXPECT_NE(all.find("instellingen.yaml:1:9: error: plugins[0].tarief: "), std::string::npos) << all;
    EXPECT_NE(all.find("0,40"), std::string::npos) << all;
    EXPECT_NE(all.find("instellingen.yaml:3:1: error: plugins[0].tarif: "), std::string::npos) << all;
    EXPECT_NE(all.find("did you mean 'tarief'"), std::string::npos) << all;
}

TEST(TestKitSettings, AMissingRequiredKeyAndAnEmptyFile) {
    using namespace settings_yaml;
    Diagnostics diag;
    vhh::testing::settings_from_yaml(kTable, "", diag);
    ASSERT_EQ(diag.error_count(), 1u) << diag.format_all();
    EXPECT_EQ(diag.all()[0].key_path, "plugins[0]");  // at the section, as for a plugin entry in a config
    EXPECT_NE(diag.all()[0].message.find("tarief"), std::string::npos) << diag.format_all();
    EXPECT_EQ(diag.all()[0].where.file, "instellingen.yaml");
}

TEST(TestKitSettings, GemeenteCodesAreCheckedAgainstTheRegionWithTheHerindelingHint) {
    using namespace settings_yaml;
    Diagnostics diag;
    vhh::testing::settings_from_yaml(kTable, "tarief: 1\nontvanger: GM0846\n", diag);
    ASSERT_EQ(diag.error_count(), 1u) << diag.format_all();
    const Diagnostic &d = diag.all()[0];
    EXPECT_EQ(d.key_path, "plugins[0].ontvanger");
    EXPECT_EQ(d.where.line, 2);
    // Sint-Oedenrode went into Meierijstad (GM1948) in the sample region's herindeling.
    EXPECT_NE((d.message + d.hint).find("GM1948"), std::string::npos) << d.format();
}

TEST(TestKitSettings, TheThrowingFormNamesEveryError) {
    using namespace settings_yaml;
    try {
        vhh::testing::settings_from_yaml(kTable, "tarief: -1\nwerkplekken: veel\n");
        FAIL() << "no exception";
    } catch (const std::invalid_argument &e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("instellingen.yaml:1:9: error: plugins[0].tarief:"), std::string::npos) << what;
        EXPECT_NE(what.find("instellingen.yaml:2:14: error: plugins[0].werkplekken:"), std::string::npos) << what;
    }
}

TEST(TestKitSettings, ABrokenTableIsRefusedAsTheHostWouldRefuseThePlugin) {
    const vhh_setting_spec broken[] = {
        setting("bestand", VHH_SETTING_TEXT).doc("reserved"),
        setting("n", VHH_SETTING_INTEGER).fallback("veel").doc("default not a number"),
    };
    try {
        Diagnostics diag;
        vhh::testing::settings_from_yaml(broken, "n: 1\n", diag);
        FAIL() << "no exception";
    } catch (const std::logic_error &e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("bestand"), std::string::npos) << what;
        EXPECT_NE(what.find("veel"), std::string::npos) << what;
    }
}
