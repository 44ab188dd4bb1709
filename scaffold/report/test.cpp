// Unit tests of {{plugin}} with the SDK's test kit: settings from YAML through the host's own
// validator, a fake report context that records the documents the plugin describes.
#include "{{ident}}.h"

#include <gtest/gtest.h>

#include <variant>

#include <vhh/testing.h>

namespace {

using namespace {{ident}}_plugin;

vhh::ContributionLine line(const char *payer_id, const char *payer, std::int64_t cents) {
    vhh::ContributionLine l;
    l.source = "test";
    l.payer_id = payer_id;
    l.payer = payer;
    l.amount = vhh::Money::cents(cents);
    return l;
}

TEST({{klasse}}Test, OneRowPerPayerAndATotal) {
    vhh::testing::FakeReportContext ctx(vhh::testing::settings_from_yaml(kSettings, "titel: Bijdragen\n"));
    ctx.set_lines({line("GM0001", "Aardam", 400000), line("GM0002", "Beekstad", 1000000), line("GM0001", "Aardam", 50)});
    {{klasse}} plugin;
    plugin.report(ctx);
    ASSERT_FALSE(ctx.diag().has_errors()) << ctx.diag().format_all();
    ASSERT_EQ(ctx.documents.size(), 1u);
    const vhh::doc::Document &d = ctx.documents[0];
    EXPECT_EQ(d.name, "{{naam}}-2017");
    ASSERT_EQ(d.sections.size(), 1u);
    const auto &table = std::get<vhh::doc::Table>(d.sections[0].blocks[1]);
    ASSERT_EQ(table.rows.size(), 3u);  // Aardam, Beekstad, Totaal
    EXPECT_EQ(table.rows[0].cells[2].value.money_value().in_cents(), 400050);
    EXPECT_EQ(table.rows[2].cells[2].value.money_value().in_cents(), 1400050);
}

}  // namespace
