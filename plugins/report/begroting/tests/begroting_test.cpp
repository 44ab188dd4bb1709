// Tests for report.begroting with the SDK's test kit: the indexation rule (a hand calculation,
// rounding halves away from zero, and properties against exact rationals), the config's checks
// (each bad input a located error), the meerjarenraming (the bijdragen of every year add up to the
// post) and the documents it describes (named cells, formulas over them, the zienswijzebrief's data).
#include "begroting.h"
#include "config.h"
#include "documents.h"
#include "indexatie.h"
#include "meerjarenraming.h"

#include <gtest/gtest.h>

#include <random>

#include "vhh/testing.h"

namespace {

using vhh::Money;
namespace b = vhh::begroting;

TEST(Indexatie, ReproducesAHandCalculation) {
    // € 98.000,00 × 1,0235 = € 100.303,00; × 1,0180 = € 102.108,454 → € 102.108,45;
    // € 12.990,40 × 1,0150 = € 13.185,256 → € 13.185,26.
    Money y = b::indexeer(Money::cents(9800000), 23500);
    EXPECT_EQ(y.in_cents(), 10030300);
    EXPECT_EQ(b::indexeer(y, 18000).in_cents(), 10210845);
    EXPECT_EQ(b::indexeer(Money::cents(1299040), 15000).in_cents(), 1318526);
}

TEST(Indexatie, RoundsHalvesAwayFromZero) {
    // 1 cent × 1,5 = 1,5 cent → 2; −1 cent × 1,5 → −2; 3 cents × 1,5 = 4,5 → 5; 1 cent × 1,25 = 1,25 → 1.
    EXPECT_EQ(b::indexeer(Money::cents(1), 500000).in_cents(), 2);
    EXPECT_EQ(b::indexeer(Money::cents(-1), 500000).in_cents(), -2);
    EXPECT_EQ(b::indexeer(Money::cents(3), 500000).in_cents(), 5);
    EXPECT_EQ(b::indexeer(Money::cents(1), 250000).in_cents(), 1);
    EXPECT_EQ(b::indexeer(Money::cents(12345), 0).in_cents(), 12345);
    EXPECT_EQ(b::indexeer(Money::cents(100), -500000).in_cents(), 50);
}

TEST(Indexatie, IsWithinHalfACentOfTheExactProduct) {
    std::mt19937_64 rng(14);
    std::uniform_int_distribution<std::int64_t> amount(-100000000000, 100000000000), ppm(-500000, 1000000);
    for (int i = 0; i < 20000; ++i) {
        const std::int64_t a = amount(rng), p = ppm(rng);
        const std::int64_t got = b::indexeer(Money::cents(a), p).in_cents();
        // |got × 10^6 − a × (10^6 + p)| ≤ 10^6 / 2, and exactly half only when rounded away from zero.
        const __int128 exact = static_cast<__int128>(a) * (1000000 + p);
        const __int128 diff = static_cast<__int128>(got) * 1000000 - exact;
        ASSERT_LE(diff < 0 ? -diff : diff, 500000) << a << " " << p;
        if (diff == 500000) ASSERT_GT(exact, 0);
        if (diff == -500000) ASSERT_LT(exact, 0);
    }
}

TEST(Indexatie, PercentageText) {
    EXPECT_EQ(b::percentage_nl(23500), "2,35 %");
    EXPECT_EQ(b::percentage_nl(20000), "2 %");
    EXPECT_EQ(b::percentage_nl(-5000), "-0,5 %");
    EXPECT_EQ(b::percentage_nl(12345), "1,2345 %");
}

const char *kYaml = R"(begrotingsjaar: volgend_jaar
illustratief: true
indexatie:
  - {jaar: 2018, categorie: loon, percentage: 2.35}
  - {jaar: 2019, categorie: loon, percentage: 1.8}
  - {jaar: 2020, categorie: loon, percentage: 2}
  - {jaar: 2021, categorie: loon, percentage: 2}
  - {jaar: 2018, categorie: prijs, percentage: 1.5}
  - {jaar: 2019, categorie: prijs, percentage: 1.5}
  - {jaar: 2020, categorie: prijs, percentage: 1.5}
  - {jaar: 2021, categorie: prijs, percentage: 1.5}
programmas:
  - {code: P1, naam: Veiligheidshuis, bereiken: "Minder overlast.", doen: "Procesregie."}
posten:
  - {code: GEM, naam: Gemeentelijke bijdragen, soort: baten, categorie: prijs, taakveld: "0.7 Algemene uitkering", bedrag: 1000.01, gemeentelijke_bijdrage: true}
  - {code: PERS, naam: Personeel, soort: lasten, programma: P1, categorie: loon, taakveld: "1.2 Openbare orde en veiligheid", bedrag: 98000}
  - {code: EEN, naam: Eenmalig, soort: lasten, programma: P1, categorie: geen, taakveld: "1.2 Openbare orde en veiligheid", bedrag: 500, incidenteel: true}
bedrijfsvoering: "Klein."
reserves: [{naam: Algemene reserve, stand: 1000}]
risicos: [{naam: Iets, bedrag: 1000, kans: 50}]
)";

std::optional<b::Config> config_of(const std::string &yaml, vhh::Diagnostics &diag) {
    const vhh::Region region = vhh::testing::sample_region();
    vhh::Settings s = vhh::testing::settings_from_yaml(b::kSettings, yaml, diag, region);
    if (diag.has_errors()) return std::nullopt;
    return b::read_config(s, region, diag, "plugins[0]");
}

TEST(Config, ReadsTheBegroting) {
    vhh::Diagnostics diag;
    const auto c = config_of(kYaml, diag);
    ASSERT_TRUE(c) << diag.format_all();
    EXPECT_EQ(c->basisjaar, 2017);
    EXPECT_EQ(c->begrotingsjaar, 2018);
    EXPECT_EQ(c->ppm("loon", 2018), 23500);
    EXPECT_EQ(c->ppm("geen", 2019), 0);
    EXPECT_EQ(c->bijdrage_post().code, "GEM");
    EXPECT_EQ(c->jaren(), (std::vector<int>{2018, 2019, 2020, 2021}));
}

std::string errors_of(const std::string &yaml) {
    vhh::Diagnostics diag;
    EXPECT_FALSE(config_of(yaml, diag));
    return diag.format_all();
}

std::string replaced(std::string s, const std::string &from, const std::string &to) {
    const auto at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return s.replace(at, from.size(), to);
}

TEST(Config, UnknownCategorieIsLocated) {
    const std::string e = errors_of(replaced(kYaml, "categorie: loon, taakveld", "categorie: lonen, taakveld"));
    EXPECT_NE(e.find("instellingen.yaml:16:"), std::string::npos) << e;
    EXPECT_NE(e.find("error: plugins[0].posten[1].categorie: unknown categorie 'lonen'"), std::string::npos) << e;
    EXPECT_NE(e.find("allowed: geen, loon, prijs"), std::string::npos) << e;
}

TEST(Config, MissingPercentageIsAWarningAndZero) {
    vhh::Diagnostics diag;
    const auto c = config_of(replaced(kYaml, "  - {jaar: 2020, categorie: loon, percentage: 2}\n", ""), diag);
    ASSERT_TRUE(c) << diag.format_all();
    EXPECT_NE(diag.format_all().find("warning: plugins[0].posten[1].categorie: categorie 'loon' has no percentage for "
                                     "2020: its posts are not indexed that year (0 %)"),
              std::string::npos)
        << diag.format_all();
    EXPECT_EQ(c->ppm("loon", 2020), 0);
}

TEST(Config, BadPercentageAndTaakveld) {
    std::string e = errors_of(replaced(kYaml, "percentage: 2.35", "percentage: \"2,35\""));
    EXPECT_NE(e.find("plugins[0].indexatie[0].percentage"), std::string::npos) << e;
    e = errors_of(replaced(kYaml, "taakveld: \"0.7 Algemene uitkering\", ", ""));
    EXPECT_NE(e.find("plugins[0].posten[0]: missing required key 'taakveld'"), std::string::npos) << e;
    e = errors_of(replaced(kYaml, "\"0.7 Algemene uitkering\"", "Algemene uitkering"));
    EXPECT_NE(e.find("taakveld 'Algemene uitkering' is not an Iv3 taakveld"), std::string::npos) << e;
    e = errors_of(replaced(kYaml, ", gemeentelijke_bijdrage: true", ""));
    EXPECT_NE(e.find("no post is the gemeentelijke bijdrage"), std::string::npos) << e;
    e = errors_of(replaced(kYaml, "begrotingsjaar: volgend_jaar", "begrotingsjaar: 2020"));
    EXPECT_NE(e.find("plugins[0].begrotingsjaar: unknown begrotingsjaar '2020'"), std::string::npos) << e;
}

/// A key as the host gives one: divides the total 1 : 2 : 3 by largest remainder (first gemeente first).
std::optional<std::vector<vhh::ContributionLine>> een_twee_drie(Money totaal, std::string &) {
    const std::int64_t t = totaal.in_cents();
    std::vector<std::int64_t> delen = {t / 6, t * 2 / 6, t * 3 / 6};
    std::int64_t rest = t - delen[0] - delen[1] - delen[2];
    for (std::size_t i = 0; rest > 0; ++i, --rest) delen[i % 3] += 1;
    std::vector<vhh::ContributionLine> out;
    const char *codes[] = {"GM0001", "GM0002", "GM1948"};
    for (int i = 0; i < 3; ++i) {
        vhh::ContributionLine l;
        l.source = "inwonerbijdrage";
        l.payer_id = codes[i];
        l.payer = codes[i];
        l.amount = Money::cents(delen[i]);
        out.push_back(l);
    }
    return out;
}

TEST(Raming, IndexesPerCategoriePerYearAndDividesEveryYear) {
    vhh::Diagnostics diag;
    const auto c = config_of(kYaml, diag);
    ASSERT_TRUE(c);
    const auto r = b::bereken_raming(*c, nullptr, een_twee_drie, diag);
    ASSERT_TRUE(r) << diag.format_all();
    const auto &pers = r->regels[1].bedragen;
    EXPECT_EQ(pers.at(2017).in_cents(), 9800000);
    EXPECT_EQ(pers.at(2018).in_cents(), 10030300);
    EXPECT_EQ(pers.at(2019).in_cents(), 10210845);
    EXPECT_EQ(r->regels[2].bedragen.at(2021).in_cents(), 50000);  // categorie geen
    for (int j : c->jaren()) {
        Money som;
        for (const auto &bij : r->bijdragen) som += bij.bedragen.at(j);
        EXPECT_EQ(som, r->regels[0].bedragen.at(j)) << j;
    }
    const vhh::Meerjarenraming m = b::beschrijf_raming(*c, *r);
    EXPECT_EQ(m.jaren, c->jaren());
    EXPECT_EQ(m.posten[1].bedragen.at(2018).in_cents(), 10030300);
    EXPECT_NE(m.posten[1].basis.find("2018: × (1 + 2,35 % loon) = € 100.303,00"), std::string::npos) << m.posten[1].basis;
}

TEST(Raming, AKeyThatCannotDivideIsLocatedAtThePost) {
    vhh::Diagnostics diag;
    const auto c = config_of(kYaml, diag);
    ASSERT_TRUE(c);
    const auto r = b::bereken_raming(
        *c, nullptr,
        [](Money, std::string &why) -> std::optional<std::vector<vhh::ContributionLine>> {
            why = "no key";
            return std::nullopt;
        },
        diag);
    EXPECT_FALSE(r);
    EXPECT_NE(diag.format_all().find("plugins[0].posten[0].gemeentelijke_bijdrage: the gemeentelijke bijdrage 2018"),
              std::string::npos)
        << diag.format_all();
}

TEST(Documents, BegrotingNamesItsCellsAndFormulasReferToThem) {
    vhh::Diagnostics diag;
    const auto c = config_of(kYaml, diag);
    ASSERT_TRUE(c);
    const auto r = b::bereken_raming(*c, nullptr, een_twee_drie, diag);
    ASSERT_TRUE(r);
    const vhh::Region region = vhh::testing::sample_region();
    const b::Invoer in{*c, region, *r, {}, {}};
    const vhh::doc::Document d = b::build_begroting(in);
    EXPECT_EQ(d.name, "begroting-2018");
    std::map<std::string, const vhh::doc::Cell *> named;
    std::function<void(const vhh::doc::Section &)> walk = [&](const vhh::doc::Section &s) {
        for (const auto &blk : s.blocks)
            if (const auto *t = std::get_if<vhh::doc::Table>(&blk))
                for (const auto &row : t->rows)
                    for (const auto &cell : row.cells)
                        if (!cell.name.empty()) EXPECT_TRUE(named.emplace(cell.name, &cell).second) << cell.name;
        for (const auto &sub : s.sections) walk(sub);
    };
    for (const auto &s : d.sections) walk(s);
    ASSERT_TRUE(named.count(b::raming_naam(1, 2018)));
    EXPECT_EQ(named.at(b::raming_naam(1, 2018))->formula, "ROUND(p1_basis * (1 + idx_c1_2018); 2)");
    EXPECT_EQ(named.at(b::raming_naam(2, 2019))->formula, "p2_j2018");  // geen: carried forward
    EXPECT_EQ(named.at("idx_c1_2018")->value.integer_value(), 23500);

    const vhh::doc::Document z = b::build_zienswijzebrief(in, 0, "aardam");
    EXPECT_EQ(z.name, "zienswijzebrief-2018-aardam");
    ASSERT_TRUE(z.letter);
    EXPECT_EQ(z.letter->body_template, "zienswijzebrief.txt.mustache");
    EXPECT_EQ(z.letter->kenmerk, "OB2018/GM0001");
}

}  // namespace
