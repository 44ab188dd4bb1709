// Tests of the Wgr's rule for the AB meeting that adopts the jaarrekening (vergadering_rule.h).
#include "jaarverantwoording_fixtures.h"

namespace {

using namespace jv_test;

// The Wgr's rule for the AB meeting that adopts the jaarrekening, at its boundary dates.
TEST(VergaderingRule, InTheYearAfterTheBoekjaarAndOn14JulyAtTheLatest) {
    EXPECT_EQ(vergadering_problem({2014, 1, 1}, 2013), "");
    EXPECT_EQ(vergadering_problem({2014, 7, 14}, 2013), "");
    EXPECT_NE(vergadering_problem({2014, 7, 15}, 2013).find("cannot reach gedeputeerde staten before 15 July 2014"),
              std::string::npos);
    EXPECT_NE(vergadering_problem({2013, 12, 31}, 2013).find("adopts the jaarrekening 2013 in 2014"), std::string::npos);
    EXPECT_NE(vergadering_problem({2015, 3, 1}, 2013).find("2015-03-01 is not in 2014"), std::string::npos);
}

TEST(VergaderingRule, AMeetingTheLawDoesNotAllowIsALocatedError) {
    const Settings s = settings(lines_replaced(kBase, 2, 2, "vergadering_algemeen_bestuur: 2014-09-04\n"));
    Diagnostics d;
    EXPECT_FALSE(read_config(s, region(), d, "plugins[3]"));
    expect_error(d, ExitCode::data, kFile, 2, "adopted on 2014-09-04, the jaarrekening 2013 cannot reach");
    EXPECT_EQ(d.all().at(0).key_path, "plugins[3].vergadering_algemeen_bestuur");
}

}  // namespace
