// Unit tests of {{plugin}} with the SDK's test kit: settings from YAML through the host's own
// validator, a fake compute context that records the lines and sheets the plugin adds.
#include "{{ident}}.h"

#include <gtest/gtest.h>

#include <vhh/testing.h>

namespace {

using namespace {{ident}}_plugin;

TEST({{klasse}}Test, EveryGemeentePaysTariefPerInwoner) {
    vhh::testing::FakeComputeContext ctx(vhh::testing::settings_from_yaml(kSettings, "tarief: 0.40\n"));
    {{klasse}} plugin;
    plugin.compute(ctx);
    ASSERT_FALSE(ctx.diag().has_errors()) << ctx.diag().format_all();
    ASSERT_EQ(ctx.lines().size(), 3u);  // the sample region's three gemeenten
    EXPECT_EQ(ctx.lines()[0].payer_id, "GM0001");
    EXPECT_EQ(ctx.lines()[0].amount.in_cents(), 10000 * 40);
    ASSERT_EQ(ctx.sheets.size(), 1u);
    EXPECT_EQ(ctx.sheets[0].rows.size(), 3u);
}

TEST({{klasse}}Test, ANegativeTariefIsRefusedWhereItIsWritten) {
    vhh::Diagnostics diag;
    vhh::testing::settings_from_yaml(kSettings, "tarief: -1\n", diag);
    ASSERT_EQ(diag.error_count(), 1u) << diag.format_all();
    EXPECT_EQ(diag.all()[0].key_path, "plugins[0].tarief");
    EXPECT_EQ(diag.all()[0].where.line, 1);
}

}  // namespace
