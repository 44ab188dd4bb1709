// Unit tests of {{plugin}} with the SDK's test kit: settings from YAML through the host's own
// validator, a ledger export handed over as a stream in pieces, as the host does.
#include "{{ident}}.h"

#include <gtest/gtest.h>

#include <vhh/testing.h>

namespace {

using namespace {{ident}}_plugin;

TEST({{klasse}}Test, ReadsEveryLine) {
    vhh::testing::FakeImportContext ctx(vhh::testing::settings_from_yaml(kSettings, ""));
    {{klasse}} plugin;
    const auto lines = vhh::testing::import_text(
        plugin, ctx, "Datum;Kostenplaats;Rekening;Bedrag\n2017-03-01;VHH;4300;1250.00\n2017-04-01;VHH;8100;-300\n");
    ASSERT_FALSE(ctx.diag().has_errors()) << ctx.diag().format_all();
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].rekening, "4300");
    EXPECT_EQ(lines[0].bedrag.in_cents(), 125000);
    EXPECT_EQ(lines[1].bedrag.in_cents(), -30000);
    EXPECT_EQ(lines[1].where.line, 3);
}

TEST({{klasse}}Test, ABadAmountIsALocatedError) {
    vhh::testing::FakeImportContext ctx(vhh::testing::settings_from_yaml(kSettings, "scheidingsteken: ';'\n"));
    {{klasse}} plugin;
    const auto lines =
        vhh::testing::import_text(plugin, ctx, "Datum;Kostenplaats;Rekening;Bedrag\n2017-03-01;VHH;4300;1.250,00\n");
    EXPECT_TRUE(lines.empty());
    ASSERT_EQ(ctx.diag().error_count(), 1u) << ctx.diag().format_all();
    EXPECT_EQ(ctx.diag().all()[0].where.line, 2);
    EXPECT_EQ(ctx.diag().all()[0].where.column, 21);
}

}  // namespace
