// Unit tests of {{plugin}} with the SDK's test kit: settings from YAML through the host's own
// validator (GEMEENTE codes checked against the sample region), a fake report context.
#include "{{ident}}.h"

#include <gtest/gtest.h>

#include <variant>

#include <vhh/testing.h>

namespace {

using namespace {{ident}}_plugin;

TEST({{klasse}}Test, EveryGemeenteWithItsVeiligheidsregio) {
    vhh::testing::FakeReportContext ctx(vhh::testing::settings_from_yaml(
        kSettings, "veiligheidsregio:\n  - {gemeente: GM0001, naam: Noord}\n  - {gemeente: GM1948, naam: Zuid}\n"));
    {{klasse}} plugin;
    plugin.report(ctx);
    ASSERT_FALSE(ctx.diag().has_errors()) << ctx.diag().format_all();
    ASSERT_EQ(ctx.documents.size(), 1u);
    const auto &table = std::get<vhh::doc::Table>(ctx.documents[0].sections[0].blocks[0]);
    ASSERT_EQ(table.rows.size(), 3u);  // the sample region's three gemeenten
    EXPECT_EQ(table.rows[0].cells[2].value.text_value(), "Noord");
    EXPECT_EQ(table.rows[1].cells[2].value.text_value(), "onbekend");
    EXPECT_EQ(table.rows[2].cells[2].value.text_value(), "Zuid");
}

TEST({{klasse}}Test, AGemeenteOutsideTheRegionIsRefusedWhereItIsWritten) {
    vhh::Diagnostics diag;
    vhh::testing::settings_from_yaml(kSettings, "veiligheidsregio:\n  - {gemeente: GM9999, naam: Noord}\n", diag);
    ASSERT_EQ(diag.error_count(), 1u) << diag.format_all();
    EXPECT_EQ(diag.all()[0].key_path, "plugins[0].veiligheidsregio[0].gemeente");
    EXPECT_EQ(diag.all()[0].where.line, 2);
}

}  // namespace
