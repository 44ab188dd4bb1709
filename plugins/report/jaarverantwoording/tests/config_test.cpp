// Tests of report.jaarverantwoording's configuration (read_config): posten and defaults, every
// structural error a located 78 (settings from YAML through the host's validator), toewijzing matching.
#include "jaarverantwoording_fixtures.h"

namespace {

using namespace jv_test;

TEST(Config, ReadsPostsAndDefaults) {
    Diagnostics d;
    auto c = read_config(base_settings(), region(), d, "plugins[3]");
    ASSERT_TRUE(c) << d.format_all();
    EXPECT_EQ(c->posten.size(), 4u);
    EXPECT_EQ(c->posten[2].na_wijziging, Money::euros(90000));  // defaults to primitief
    EXPECT_EQ(c->grootboek_importer, "importer.csv-nl");
    EXPECT_EQ(c->key("posten[1].code"), "plugins[3].posten[1].code");
    EXPECT_EQ(c->posten[0].key_path, "plugins[3].posten[0]");
}

TEST(Config, StructuralErrorsAre78AndLocated) {
    // Six more posten (lines 12-17), other toewijzing rules (20-21), a restpost and a combinatie (25-26).
    std::string yaml = lines_replaced(
        kBase, 12, 11,
        "  - {code: X, naam: Post X, soort: uitgaven, categorie: personeel, programma: P1, begroting_primitief: 1.00}\n"
        "  - {code: Y, naam: Post Y, soort: lasten, categorie: rijksbijdrage, programma: P1, begroting_primitief: 1.00}\n"
        "  - {code: Z, naam: Post Z, soort: lasten, categorie: ict, programma: P9, begroting_primitief: 1.00}\n"
        "  - {code: PERS, naam: Post PERS, soort: lasten, categorie: ict, programma: P1, begroting_primitief: 1.00}\n"
        "  - {code: L, naam: Post L, soort: lasten, categorie: ict, programma: P1, begroting_primitief: 1.00, "
        "lijnen: [inwonerbijdrage]}\n"
        "  - {code: F, naam: Post F, soort: lasten, categorie: personeel, programma: P1, begroting_primitief: 1.00, "
        "fte: \"0,666\"}\n");
    yaml = lines_replaced(yaml, 20, 21, "  - {kostenplaats: \"100\", post: NOPE}\n  - {post: PERS}\n");
    yaml += "restpost: NIKS\ndrempel_combinatie: beide\n";
    Diagnostics d;
    const Settings s = settings(yaml, d);
    ASSERT_FALSE(d.has_errors()) << d.format_all();  // all of them the plugin's to find
    EXPECT_FALSE(read_config(s, region(), d, "plugins[3]"));
    expect_error(d, ExitCode::config, kFile, 12, "unknown soort 'uitgaven'");
    expect_error(d, ExitCode::config, kFile, 13, "not allowed for lasten");
    expect_error(d, ExitCode::config, kFile, 14, "unknown programma 'P9'");
    expect_error(d, ExitCode::config, kFile, 15, "declared twice");
    expect_error(d, ExitCode::config, kFile, 16, "only baten posten");
    expect_error(d, ExitCode::config, kFile, 17, "fte");
    expect_error(d, ExitCode::config, kFile, 20, "unknown post 'NOPE'");
    expect_error(d, ExitCode::config, kFile, 21, "needs a kostenplaats, a rekening or both");
    expect_error(d, ExitCode::config, kFile, 25, "restpost");
    expect_error(d, ExitCode::config, kFile, 26, "drempel_combinatie");
    for (const auto &x : d.all()) EXPECT_NE(x.key_path.find("plugins[3]"), std::string::npos) << x.format();
}

TEST(Config, ToewijzingMatching) {
    Toewijzing r;
    r.rekening = "41*";
    EXPECT_TRUE(r.matches("any", "4100"));
    EXPECT_TRUE(r.matches("any", "41"));
    EXPECT_FALSE(r.matches("any", "4"));
    EXPECT_FALSE(r.matches("any", "4200"));
    r.kostenplaats = "100";
    EXPECT_FALSE(r.matches("200", "4100"));
    r.rekening = "4000";
    EXPECT_TRUE(r.matches("100", "4000"));
    EXPECT_FALSE(r.matches("100", "40000"));
}

}  // namespace
