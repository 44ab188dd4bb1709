// Tests of the figures taken from the store (apply_administration): the vastgestelde jaarrekening of
// the year before and the begroting with its wijzigingen; a snapshot without these posten is ignored.
#include "jaarverantwoording_fixtures.h"

namespace {

using namespace jv_test;

TEST(Administratie, PriorYearAndBegrotingFromTheStore) {
    Config c = config();
    c.posten[c.find_post("GEM")].vorig_jaar = Money::euros(99000);  // the store wins over the config
    Administration a;
    a.jaarrekening_vorig_jaar = AdoptedDocument{"jaarrekening", 2012, "AB 2013/7", "2013-06-27", std::string(64, 'a'),
                                                {{"PERS", "Personeel", Money::euros(81000)},
                                                 {"GEM", "Gemeenten", Money::euros(98000)}},
                                                {}};
    a.begroting = AdoptedDocument{"begroting", 2013, "AB 2012/14", "2012-11-20", std::string(64, 'b'),
                                  {{"PERS", "Personeel", Money::euros(85000)}}, {}};
    a.wijzigingen = {{1, "AB 2013/3", "2013-04-11", {{"PERS", "Personeel", Money::euros(2000)}, {"HUIS", "Huis", Money::euros(-500)}}},
                     {2, "AB 2013/9", "2013-10-03", {{"PERS", "Personeel", Money::euros(-300)}}}};
    Diagnostics d;
    apply_administration(c, a, {kFile, 7, 1}, d);
    const Post &pers = c.posten[c.find_post("PERS")], &huis = c.posten[c.find_post("HUIS")],
               &gem = c.posten[c.find_post("GEM")];
    EXPECT_EQ(*pers.vorig_jaar, Money::euros(81000));
    EXPECT_EQ(*gem.vorig_jaar, Money::euros(98000));
    EXPECT_EQ(*huis.vorig_jaar, Money());  // not in last year's jaarrekening: nothing realised
    EXPECT_EQ(pers.primitief, Money::euros(85000));
    EXPECT_EQ(pers.na_wijziging, Money::euros(86700));
    EXPECT_EQ(huis.primitief, Money());          // not in the vastgestelde begroting
    EXPECT_EQ(huis.na_wijziging, Money::euros(-500));
    ASSERT_EQ(c.administratie_bronnen.size(), 2u);
    EXPECT_EQ(c.administratie_bronnen[0],
              "Realisatie vorig jaar: vastgestelde jaarrekening 2012 (besluit AB 2013/7, 2013-06-27, snapshot "
              "aaaaaaaaaaaaaaaa).");
    EXPECT_EQ(c.administratie_bronnen[1],
              "Begroting: vastgestelde begroting 2013 (besluit AB 2012/14, 2012-11-20, snapshot bbbbbbbbbbbbbbbb); "
              "begrotingswijziging 1 (besluit AB 2013/3, 2013-04-11); begrotingswijziging 2 (besluit AB 2013/9, "
              "2013-10-03).");
    EXPECT_FALSE(d.has_errors());
    // Every post whose configured primitief differs from the vastgestelde is a warning.
    std::size_t primitief_warnings = 0;
    for (const auto &w : d.all()) primitief_warnings += w.key_path.find("begroting_primitief") != std::string::npos;
    EXPECT_GT(primitief_warnings, 0u) << d.format_all();
    Jaarrekening j = bereken(c, region(), lines(), ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    EXPECT_TRUE(j.met_vorig_jaar);
    EXPECT_EQ(j.config.administratie_bronnen.size(), 2u);
    const auto figures = post_figures(j.config);
    const auto f = std::find_if(figures.begin(), figures.end(), [](const PostFigures &p) { return p.code == "PERS"; });
    ASSERT_NE(f, figures.end());
    EXPECT_EQ(f->begroting, Money::euros(85000));
    EXPECT_EQ(f->realisatie, j.config.posten[j.config.find_post("PERS")].realisatie());
}

TEST(Administratie, SnapshotWithoutThesePostenIgnoredWithAWarning) {
    Config c = config();
    const Money primitief = c.posten[c.find_post("PERS")].primitief;
    Administration a;
    a.begroting = AdoptedDocument{"begroting", 2013, "b", "2012-11-20", std::string(64, 'c'),
                                  {{"inwonerbijdrage", "inwonerbijdrage", Money::euros(5)}}, {}};
    a.jaarrekening_vorig_jaar = a.begroting;
    a.jaarrekening_vorig_jaar->document = "jaarrekening";
    Diagnostics d;
    apply_administration(c, a, {kFile, 7, 1}, d);
    EXPECT_EQ(c.posten[c.find_post("PERS")].primitief, primitief);
    EXPECT_FALSE(c.posten[c.find_post("PERS")].vorig_jaar.has_value());
    EXPECT_TRUE(c.administratie_bronnen.empty());
    ASSERT_EQ(d.all().size(), 2u) << d.format_all();
    EXPECT_NE(d.all()[0].message.find("has none of the configured posten"), std::string::npos);
}

}  // namespace
