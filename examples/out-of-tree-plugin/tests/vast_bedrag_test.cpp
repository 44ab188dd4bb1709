// Unit tests of the example plugins with the SDK's test kit, as an out-of-tree project runs them:
// the region and the settings from YAML (read by the host's own config reader and settings
// validator), fake contexts recording what the plugins add, and the document rendered in process by
// the host's renderers and read back by independent tools (pdftotext, openpyxl).
#include "vast_bedrag.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include <vhh/testing.h>
#include <vhh/testing_region.h>
#include <vhh/testing_render.h>

namespace {

// Three gemeenten on 1 January 2017, two of which merged into Meierijstad that day: the host's
// config reader hands the plugin the merged region, as `vhh run` does.
const char *const kRegion = R"(regio: {id: voorbeeld, naam: Veiligheidshuis Voorbeeld, boekjaar: 2017, centrumgemeente: GM0828}
bevolking: {peildatum: 2017-01-01, bron: voorbeeld}
gemeenten:
  - {code: GM0828, naam: Oss, inwoners: 90800}
  - {code: GM0846, naam: Sint-Oedenrode, inwoners: 17700}
  - {code: GM0860, naam: Veghel, inwoners: 37300}
herindelingen:
  - {per: 2017-01-01, naar: GM1948, naam: Meierijstad, van: [GM0860, GM0846]}
)";

/// The lines example.vast-bedrag computes for kRegion with `settings_yaml`.
std::vector<vhh::ContributionLine> computed(const std::string &settings_yaml) {
    const vhh::Region region = vhh::testing::region_from_yaml(kRegion);
    vhh::testing::FakeComputeContext ctx(
        vhh::testing::settings_from_yaml(example::kVastBedragSettings, settings_yaml, region), region);
    example::VastBedrag plugin;
    plugin.compute(ctx);
    EXPECT_FALSE(ctx.diag().has_errors()) << ctx.diag().format_all();
    return ctx.lines();
}

TEST(ExampleVastBedrag, EveryGemeenteOfTheMergedRegionPaysTheBedrag) {
    const auto lines = computed("bedrag: 1000.00\n");
    ASSERT_EQ(lines.size(), 2u);  // Oss and Meierijstad: the herindeling is in force in 2017
    EXPECT_EQ(lines[0].payer, "Oss");
    EXPECT_EQ(lines[1].payer_id, "GM1948");
    EXPECT_EQ(lines[1].payer, "Meierijstad");
    for (const auto &line : lines) EXPECT_EQ(line.amount.in_cents(), 100000);
}

TEST(ExampleVastBedrag, AMissingBedragIsTheValidatorsLocatedError) {
    vhh::Diagnostics diag;
    vhh::testing::settings_from_yaml(example::kVastBedragSettings, "bedraag: 1000.00\n", diag);
    ASSERT_TRUE(diag.has_errors());
    EXPECT_NE(diag.format_all().find("instellingen.yaml:1:1: error: plugins[0].bedraag: unknown"), std::string::npos)
        << diag.format_all();
}

TEST(ExampleVastBedrag, ARegionTheHostRefusesIsRefusedHereToo) {
    std::string bad = kRegion;
    bad.replace(bad.find("inwoners: 90800"), 15, "inwoners: -1");
    EXPECT_THROW(vhh::testing::region_from_yaml(bad), std::invalid_argument);
}

// The document as `vhh run` would write it, rendered in process by the host's renderers: pdftotext
// finds every gemeente and amount in the PDF, openpyxl sees the total as a formula with its value.
TEST(ExampleVastBedragOverzicht, RendersToPdfAndXlsxWithEveryAmount) {
    const vhh::Region region = vhh::testing::region_from_yaml(kRegion);
    vhh::testing::FakeReportContext ctx({}, region);
    ctx.set_lines(computed("bedrag: 1234.56\n"));
    example::VastBedragOverzicht plugin;
    plugin.report(ctx);
    ASSERT_FALSE(ctx.diag().has_errors()) << ctx.diag().format_all();
    ASSERT_EQ(ctx.documents.size(), 1u);
    const vhh::doc::Document &d = ctx.documents[0];
    EXPECT_EQ(d.name, "vast-bedrag-2017");

    const std::string pdf = vhh::testing::read_independently(vhh::testing::render_document(d, "pdf"), "pdf");
    for (const char *text : {"Vast bedrag per gemeente", "Oss", "Meierijstad", "€ 1.234,56", "€ 2.469,12"})
        EXPECT_NE(pdf.find(text), std::string::npos) << text << "\n" << pdf;
    const std::string xlsx = vhh::testing::read_independently(vhh::testing::render_document(d, "xlsx"), "xlsx");
    EXPECT_NE(xlsx.find("\"formula\": \"SUM("), std::string::npos) << xlsx;
    EXPECT_NE(xlsx.find("\"value\": 2469.12"), std::string::npos) << xlsx;
    EXPECT_NE(xlsx.find("\"value\": \"Meierijstad\""), std::string::npos) << xlsx;
}

}  // namespace
