// Tests of the indicator import (read_indicatoren): counts per thema, gemeente and AVE-niveau, merged
// gemeenten, every bad value a located 65, repeated lines, a line per casus.
#include "jaarverantwoording_fixtures.h"

namespace {

using namespace jv_test;

TEST(Indicatoren, ReadsCountsPerThemaGemeenteAndNiveau) {
    Config c = config();
    Region r = region();
    r.herindelingen.push_back({{2013, 1, 1}, "GM1695", "Noord-Beveland", {"GM9998"}, {}});
    Diagnostics d;
    Indicatoren ind = read_indicatoren("/cfg/i.csv",
                                       "Thema;Gemeente;AVE-niveau;Aantal\nCOM;GM0687;1;3\nCOM;GM0687;2;4\n"
                                       "advies;GM0654;4;7\nCOM;GM9998;1;2\nCOM;GM1695;1;1\n",
                                       c, r, d);
    EXPECT_FALSE(d.has_errors()) << d.format_all();
    ASSERT_EQ(ind.themas, (std::vector<std::string>{"COM", "advies"}));
    EXPECT_EQ(ind.per_thema[0], (std::vector<std::int64_t>{7, 0, 3}));  // merged GM9998 counts for GM1695
    EXPECT_EQ(ind.per_thema[1], (std::vector<std::int64_t>{0, 7, 0}));
    EXPECT_TRUE(ind.met_niveau);
    EXPECT_EQ(ind.per_niveau[0], (std::vector<std::int64_t>{3, 0, 3}));
    EXPECT_EQ(ind.per_niveau[3], (std::vector<std::int64_t>{0, 7, 0}));
}

TEST(Indicatoren, BadValuesAreLocated65) {
    Config c = config();
    c.themas = {"COM", "advies"};
    Diagnostics d;
    read_indicatoren("/cfg/i.csv",
                     "Thema;Gemeente;AVE-niveau;Aantal\n"
                     "COM;GM0687;1;-3\n"      // 2: negative count
                     "COM;GM0687;1;drie\n"    // 3: not a number
                     "COM;GM0000;1;3\n"       // 4: unknown gemeente
                     "COM;GM0687;5;3\n"       // 5: niveau
                     "reclame;GM0687;1;3\n"   // 6: unknown thema
                     "COM;GM0687;1\n"         // 7: field count
                     "COM;GM0687;1;2,5\n",    // 8: not whole
                     c, region(), d);
    expect_error(d, ExitCode::data, "/cfg/i.csv", 2, "negative count", 14);
    expect_error(d, ExitCode::data, "/cfg/i.csv", 3, "whole number");
    expect_error(d, ExitCode::data, "/cfg/i.csv", 4, "GM0000", 5);
    expect_error(d, ExitCode::data, "/cfg/i.csv", 5, "AVE-niveau");
    expect_error(d, ExitCode::data, "/cfg/i.csv", 6, "unknown thema 'reclame'");
    expect_error(d, ExitCode::data, "/cfg/i.csv", 7, "fields");
    expect_error(d, ExitCode::data, "/cfg/i.csv", 8, "whole number");
}

TEST(Indicatoren, ALineRepeatingThemaGemeenteAndNiveauIsLocated65) {
    Diagnostics d;
    Indicatoren ind = read_indicatoren("/cfg/i.csv",
                                       "Thema;Gemeente;AVE-niveau;Aantal\n"
                                       "COM;GM0687;1;3\n"    // 2
                                       "COM;GM0687;2;4\n"    // 3: other niveau: fine
                                       "COM;GM0654;1;5\n"    // 4: other gemeente: fine
                                       "COM; GM0687;1;1\n",  // 5: line 2 again
                                       config(), region(), d);
    EXPECT_EQ(d.error_count(), 1u) << d.format_all();
    expect_error(d, ExitCode::data, "/cfg/i.csv", 5, "thema 'COM', gemeente GM0687, AVE-niveau 1 is already on line 2",
                 1);
    EXPECT_EQ(ind.per_thema[0][0], 7);  // 3 + 4: the double line is not added
    EXPECT_EQ(ind.regels, 3);

    Diagnostics d2;
    read_indicatoren("/cfg/i.csv", "Thema;Gemeente;Aantal\nCOM;GM0687;3\nadvies;GM0687;3\nCOM;GM0687;3\n", config(),
                     region(), d2);
    EXPECT_EQ(d2.error_count(), 1u) << d2.format_all();
    expect_error(d2, ExitCode::data, "/cfg/i.csv", 4, "thema 'COM', gemeente GM0687 is already on line 2");
}

TEST(Indicatoren, ALineOfOneFieldSaysField) {
    Diagnostics d;
    read_indicatoren("/cfg/i.csv", "Thema;Gemeente;Aantal\nCOM\n", config(), region(), d);
    expect_error(d, ExitCode::data, "/cfg/i.csv", 2, "line has 1 field, the header has 3");
}

TEST(Indicatoren, AnExportWithALinePerCasusAddsRepeatsUp) {
    Config c = config();
    c.indicatoren_per_casus = true;
    Diagnostics d;
    Indicatoren ind = read_indicatoren("/cfg/i.csv", "Thema;Gemeente;Aantal\nCOM;GM0687;1\nCOM;GM0687;1\nCOM;GM0687;1\n",
                                       c, region(), d);
    EXPECT_TRUE(d.all().empty()) << d.format_all();
    EXPECT_EQ(ind.per_thema[0][0], 3);
    EXPECT_EQ(ind.regels, 3);
}

TEST(Indicatoren, WithoutNiveauColumn) {
    Diagnostics d;
    Indicatoren ind = read_indicatoren("/cfg/i.csv", "Thema;Gemeente;Aantal\nCOM;GM0687;3\n", config(), region(), d);
    EXPECT_FALSE(d.has_errors());
    EXPECT_FALSE(ind.met_niveau);
}

}  // namespace
