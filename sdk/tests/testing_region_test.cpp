// Tests for the test kit's regions from YAML (vhh/testing_region.h): read by the host's config
// reader, herindelingen merged as `vhh run` merges them, errors as `vhh check` prints them.
#include "vhh/testing_region.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace {

const char *const kMeierijstad = R"(regio: {id: test, naam: Veiligheidshuis Test, boekjaar: 2017, centrumgemeente: GM0828}
bevolking: {peildatum: 2017-01-01, bron: test}
gemeenten:
  - {code: GM0828, naam: Oss, inwoners: 90800}
  - {code: GM0846, naam: Sint-Oedenrode, inwoners: 17700}
  - {code: GM0860, naam: Veghel, inwoners: 37300}
herindelingen:
  - {per: 2017-01-01, naar: GM1948, naam: Meierijstad, van: [GM0860, GM0846]}
)";

TEST(TestingRegion, ReadsTheRegionAsTheConfigDeclaresIt) {
    const vhh::Region r = vhh::testing::region_from_yaml(kMeierijstad);
    EXPECT_EQ(r.id, "test");
    EXPECT_EQ(r.naam, "Veiligheidshuis Test");
    EXPECT_EQ(r.boekjaar, 2017);
    EXPECT_EQ(r.centrumgemeente, "GM0828");
    EXPECT_EQ(r.peildatum, (vhh::Date{2017, 1, 1}));
    EXPECT_EQ(r.bevolking_bron, "test");
    ASSERT_EQ(r.gemeenten.size(), 2u);
    EXPECT_EQ(r.gemeenten[0].code, "GM0828");
    EXPECT_EQ(r.gemeenten[0].inwoners, 90800);
    EXPECT_EQ(r.gemeenten[0].where.file, "/cfg/vhh.yaml");
    EXPECT_EQ(r.gemeenten[0].where.line, 4);
    // The herindeling in force is merged as vhh run merges it: summed, voorgangers recorded.
    EXPECT_EQ(r.gemeenten[1].code, "GM1948");
    EXPECT_EQ(r.gemeenten[1].naam, "Meierijstad");
    EXPECT_EQ(r.gemeenten[1].inwoners, 17700 + 37300);
    EXPECT_EQ(r.gemeenten[1].voorgangers, (std::vector<std::string>{"GM0860", "GM0846"}));
    ASSERT_EQ(r.herindelingen.size(), 1u);
    EXPECT_EQ(r.herindelingen[0].where.line, 8);
}

TEST(TestingRegion, AHerindelingNotYetInForceLeavesTheGemeenten) {
    std::string yaml = kMeierijstad;
    yaml.replace(yaml.find("boekjaar: 2017"), 14, "boekjaar: 2016");
    yaml.replace(yaml.find("peildatum: 2017-01-01"), 21, "peildatum: 2016-01-01");
    const vhh::Region r = vhh::testing::region_from_yaml(yaml);
    ASSERT_EQ(r.gemeenten.size(), 3u);
    EXPECT_EQ(r.gemeenten[2].code, "GM0860");
    EXPECT_EQ(r.herindelingen.size(), 1u);
}

TEST(TestingRegion, WhatTheHostRefusesThrowsItsErrors) {
    std::string yaml = kMeierijstad;
    yaml.replace(yaml.find("inwoners: 90800"), 15, "inwoners: -1");
    try {
        vhh::testing::region_from_yaml(yaml);
        FAIL() << "a negative inwoners was accepted";
    } catch (const std::invalid_argument &e) {
        EXPECT_EQ(std::string(e.what()),
                  "/cfg/vhh.yaml:4:41: error: gemeenten[0].inwoners: expected a whole number from 0 to 100000000, "
                  "got '-1'\n");
    }
}

TEST(TestingRegion, ATestRegionIsWrittenAsAConfigWritesIt) {
    vhh::testing::TestRegion t;
    t.boekjaar = 2013;
    t.gemeenten = {{"GM0687", "Middelburg", 48019, "CBS", {}, {}}, {"GM0654", "Borsele", 22551, "", {}, {}}};
    EXPECT_EQ(t.yaml(),
              "regio: {id: test, naam: \"Veiligheidshuis Test\", boekjaar: 2013, centrumgemeente: GM0687}\n"
              "bevolking: {peildatum: 2013-01-01, bron: \"test\"}\n"
              "gemeenten:\n"
              "  - {code: GM0687, naam: \"Middelburg\", inwoners: 48019, bron: \"CBS\"}\n"
              "  - {code: GM0654, naam: \"Borsele\", inwoners: 22551}\n");
    const vhh::Region r = t.region();
    EXPECT_EQ(r.centrumgemeente, "GM0687");
    EXPECT_EQ(r.peildatum, (vhh::Date{2013, 1, 1}));
    ASSERT_EQ(r.gemeenten.size(), 2u);
    EXPECT_EQ(r.gemeenten[0].inwoners_bron, "CBS");
    EXPECT_EQ(r.gemeenten[1].where.line, 5);
}

TEST(TestingRegion, ARegionWithoutGemeentenIsRefused) {
    vhh::testing::TestRegion t;
    t.centrumgemeente = "GM0001";
    try {
        t.region();
        FAIL() << "a region without gemeenten was accepted";
    } catch (const std::invalid_argument &e) {
        EXPECT_EQ(std::string(e.what()), "/cfg/vhh.yaml:3:12: error: gemeenten: the region has no gemeenten\n");
    }
}

}  // namespace
