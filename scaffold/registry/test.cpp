// Unit tests of {{plugin}} with the SDK's test kit: settings from YAML through the host's own
// validator, a fake load context that records the partners the plugin adds.
#include "{{ident}}.h"

#include <gtest/gtest.h>

#include <vhh/testing.h>

namespace {

using namespace {{ident}}_plugin;

TEST({{klasse}}Test, AddsEveryPartnerWhereItIsWritten) {
    vhh::testing::FakeLoadContext ctx(vhh::testing::settings_from_yaml(
        kSettings, "partners:\n  - {id: om, naam: Openbaar Ministerie, gehuisvest: true}\n  - {id: rn, naam: Reclassering}\n"));
    {{klasse}} plugin;
    plugin.load(ctx);
    ASSERT_FALSE(ctx.diag().has_errors()) << ctx.diag().format_all();
    EXPECT_TRUE(ctx.declared_registry);
    ASSERT_EQ(ctx.added_partners.size(), 2u);
    EXPECT_EQ(ctx.added_partners[0].id, "om");
    EXPECT_TRUE(ctx.added_partners[0].gehuisvest);
    EXPECT_EQ(ctx.added_partners[1].where.line, 3);
    EXPECT_EQ(ctx.added_partners[1].key_path, "plugins[0].partners[1]");
}

TEST({{klasse}}Test, APartnerWithoutANameIsRefused) {
    vhh::Diagnostics diag;
    vhh::testing::settings_from_yaml(kSettings, "partners:\n  - {id: om}\n", diag);
    ASSERT_EQ(diag.error_count(), 1u) << diag.format_all();
    EXPECT_EQ(diag.all()[0].key_path, "plugins[0].partners[0]");  // at the record that lacks it
    EXPECT_NE(diag.all()[0].message.find("naam"), std::string::npos) << diag.format_all();
}

}  // namespace
