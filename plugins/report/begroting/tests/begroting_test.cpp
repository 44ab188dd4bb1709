// Tests for report.begroting with the SDK's test kit: the indexation rule (a hand calculation,
// rounding halves away from zero, and properties against exact rationals), the config's checks
// (each bad input a located error), the meerjarenraming (the bijdragen of every year add up to the
// post) and the documents it describes (named cells, formulas over them, the zienswijzebrief's data).
#include "begroting.h"
#include "begrotingswijziging.h"
#include "config.h"
#include "documents.h"
#include "herindeling_raming.h"
#include "indexatie.h"
#include "meerjarenraming.h"
#include "resultaat.h"
#include "wijziging_documents.h"

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
std::optional<std::vector<vhh::ContributionLine>> een_twee_drie(int, Money totaal, std::string &) {
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

/// The config of `yaml` and its raming with the 1 : 2 : 3 key; fails the test when either is refused.
std::pair<b::Config, b::Raming> geraamd(const std::string &yaml = kYaml) {
    vhh::Diagnostics diag;
    auto c = config_of(yaml, diag);
    auto r = c ? b::bereken_raming(*c, nullptr, een_twee_drie, diag) : std::nullopt;
    if (!r) {
        ADD_FAILURE() << diag.format_all();
        return {};
    }
    return {std::move(*c), std::move(*r)};  // (a vector's move keeps its elements: the raming's post pointers hold)
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
    EXPECT_EQ(r->regels[2].bedragen.at(2018).in_cents(), 50000);  // categorie geen, incidenteel
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

TEST(Raming, IncidentelePostsAreNotCarriedIntoLaterYears) {
    const auto [c, r] = geraamd();
    ASSERT_EQ(r.regels.size(), 3u);
    const auto &een = r.regels[2];  // EEN: incidenteel, € 500 in the begrotingsjaar 2018
    ASSERT_TRUE(een.post->incidenteel);
    EXPECT_EQ(een.bedragen.at(2017).in_cents(), 50000);
    EXPECT_EQ(een.bedragen.at(2018).in_cents(), 50000);
    for (int y : {2019, 2020, 2021}) EXPECT_EQ(een.bedragen.at(y).in_cents(), 0) << y;
    EXPECT_NE(een.basis_tekst.find("2019: incidenteel, niet doorgetrokken = € 0,00"), std::string::npos)
        << een.basis_tekst;
    // A structural post is carried forward (and indexed) every year.
    EXPECT_GT(r.regels[1].bedragen.at(2021), r.regels[1].bedragen.at(2020));
    // With begrotingsjaar = boekjaar an incidentele post of the boekjaar ends after it.
    const auto [d, s] = geraamd(replaced(kYaml, "begrotingsjaar: volgend_jaar", "begrotingsjaar: boekjaar"));
    ASSERT_EQ(s.regels.size(), 3u);
    EXPECT_EQ(s.regels[2].bedragen.at(2017).in_cents(), 50000);
    EXPECT_EQ(s.regels[2].bedragen.at(2018).in_cents(), 0);
}

TEST(Herindeling, EachYearIsDividedOverTheGemeentenOfThatYear) {
    // Aardam GM0001 and Beekstad GM0002 form GM1999 Samendorp on 2020-01-01, within the raming 2018-2021.
    const std::vector<vhh::Herindeling> h = {{{2020, 1, 1}, "GM1999", "Samendorp", {"GM0001", "GM0002"}, {}}};
    EXPECT_FALSE(b::herindeling_in_raming(h[0], 2017, 2019));
    EXPECT_TRUE(b::herindeling_in_raming(h[0], 2017, 2020));
    EXPECT_FALSE(b::herindeling_in_raming(h[0], 2020, 2021));  // in force in the boekjaar: the region has it
    vhh::Diagnostics diag;
    const auto c = config_of(kYaml, diag);
    ASSERT_TRUE(c);
    // The host's key divides each year over that year's gemeenten (ReportContext::divide_bijdrage
    // takes the year, SDK ABI 3): from 2020 Samendorp holds the inwoners of Aardam and Beekstad.
    std::vector<int> gevraagd;
    const b::Verdeler per_jaar = [&](int jaar, Money totaal, std::string &why) {
        gevraagd.push_back(jaar);
        auto lines = een_twee_drie(jaar, totaal, why);
        if (jaar < 2020) return lines;
        vhh::ContributionLine samen = (*lines)[0];
        samen.payer_id = "GM1999";
        samen.payer = "Samendorp";
        samen.amount += (*lines)[1].amount;
        return std::optional<std::vector<vhh::ContributionLine>>({samen, (*lines)[2]});
    };
    const auto r = b::bereken_raming(*c, nullptr, per_jaar, diag, h);
    ASSERT_TRUE(r) << diag.format_all();
    ASSERT_EQ(r->bijdragen.size(), 4u);
    const b::Bijdrage &aardam = r->bijdragen[0], &samendorp = r->bijdragen[3];
    EXPECT_EQ(samendorp.code, "GM1999");
    for (int y : c->jaren()) {
        Money som;
        for (const auto &bij : r->bijdragen) som += bij.bedragen.at(y);
        EXPECT_EQ(som, r->regels[0].bedragen.at(y)) << y;  // still exactly the post, every year
    }
    EXPECT_GT(aardam.bedragen.at(2019).in_cents(), 0);
    EXPECT_EQ(aardam.bedragen.at(2020).in_cents(), 0);
    EXPECT_EQ(aardam.niet_in.at(2020), "opgegaan in GM1999 Samendorp per 2020-01-01");
    EXPECT_EQ(samendorp.bedragen.at(2019).in_cents(), 0);
    EXPECT_EQ(samendorp.niet_in.at(2019), "bestaat pas per 2020-01-01");
    EXPECT_EQ(gevraagd, c->jaren());  // every year divided with its own year
    std::string w;
    const auto l2020 = een_twee_drie(2020, r->regels[0].bedragen.at(2020), w);
    EXPECT_EQ(samendorp.bedragen.at(2020), (*l2020)[0].amount + (*l2020)[1].amount);
    EXPECT_FALSE(r->bijdragen[2].niet_in.count(2021));  // GM1948 pays every year
}

TEST(Raming, AKeyThatCannotDivideIsLocatedAtThePost) {
    vhh::Diagnostics diag;
    const auto c = config_of(kYaml, diag);
    ASSERT_TRUE(c);
    const auto r = b::bereken_raming(
        *c, nullptr,
        [](int, Money, std::string &why) -> std::optional<std::vector<vhh::ContributionLine>> {
            why = "no key";
            return std::nullopt;
        },
        diag);
    EXPECT_FALSE(r);
    EXPECT_NE(diag.format_all().find("plugins[0].posten[0].gemeentelijke_bijdrage: the gemeentelijke bijdrage 2018"),
              std::string::npos)
        << diag.format_all();
}

/// Every named cell of `d` by name; a name used twice fails the test.
std::map<std::string, const vhh::doc::Cell *> named_cells(const vhh::doc::Document &d) {
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
    return named;
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
    const auto named = named_cells(d);
    ASSERT_TRUE(named.count(b::raming_naam(1, 2018)));
    EXPECT_EQ(named.at(b::raming_naam(1, 2018))->formula, "ROUND(p1_basis * (1 + idx_c1_2018); 2)");
    EXPECT_EQ(named.at(b::raming_naam(2, 2019))->formula, "0");  // incidenteel: not carried forward
    EXPECT_EQ(named.at("idx_c1_2018")->value.integer_value(), 23500);

    const vhh::doc::Document z = b::build_zienswijzebrief(in, 0, "aardam");
    EXPECT_EQ(z.name, "zienswijzebrief-2018-aardam");
    ASSERT_TRUE(z.letter);
    EXPECT_EQ(z.letter->body_template, "zienswijzebrief.txt.mustache");
    EXPECT_EQ(z.letter->kenmerk, "OB2018/GM0001");
}

/// A store's view: the vastgestelde begroting 2017 and two wijzigingen, the second raising the bijdrage.
vhh::Administration administratie() {
    vhh::Administration a;
    vhh::AdoptedDocument d;
    d.document = "begroting";
    d.jaar = 2017;
    d.besluit = "AB 2016/9";
    d.datum = "2016-11-10";
    d.snapshot = std::string(64, 'a');
    d.posten = {{"GEM", "Gemeentelijke bijdragen", Money::cents(100001)},
                {"PERS", "Personeel", Money::cents(9800000)},
                {"EEN", "Eenmalig", Money::cents(50000)}};
    a.begroting = d;
    a.wijzigingen.push_back({1, "AB 2017/3", "2017-03-01", {{"PERS", "Personeel", Money::cents(100000)}}});
    a.wijzigingen.push_back({2, "AB 2017/8", "2017-09-14",
                             {{"GEM", "Gemeentelijke bijdragen", Money::cents(60000)},
                              {"PERS", "Personeel (procesregie)", Money::cents(60000), "procesregisseur voor 0,2 fte"}}});
    a.wijzigingen.back().omschrijving = "Procesregie, betaald door de gemeenten";
    // The change per gemeente as the besluit recorded it (SDK ABI 3): Aardam one cent off the key.
    for (const auto &[code, cents] : std::vector<std::pair<std::string, std::int64_t>>{{"GM0001", 10001}, {"GM0002", 20000}}) {
        vhh::ContributionLine l;
        l.payer_id = code;
        l.payer = code;
        l.amount = Money::cents(cents);
        a.wijzigingen.back().bijdragen.push_back(l);
    }
    return a;
}

TEST(Begrotingswijziging, ChangesPerPostAgainstPrimitiefAndEarlierWijzigingen) {
    vhh::Diagnostics diag;
    const auto c = config_of(kYaml, diag);
    ASSERT_TRUE(c);
    const vhh::Administration a = administratie();
    const auto eerste = b::bereken_wijziging(*c, a, 0, een_twee_drie, diag);
    ASSERT_TRUE(eerste) << diag.format_all();
    EXPECT_FALSE(eerste->wijzigt_bijdragen);
    EXPECT_TRUE(eerste->bijdragen.empty());
    const auto w = b::bereken_wijziging(*c, a, 1, een_twee_drie, diag);
    ASSERT_TRUE(w) << diag.format_all();
    ASSERT_EQ(w->posten.size(), 2u);
    const b::WijzigingPost &pers = w->posten[1];
    EXPECT_EQ(pers.naam, "Personeel (procesregie)");
    EXPECT_EQ(pers.soort, "lasten");
    EXPECT_EQ(pers.primitief.in_cents(), 9800000);
    EXPECT_EQ(pers.eerder.in_cents(), 100000);  // wijziging 1
    EXPECT_EQ(pers.na().in_cents(), 9800000 + 100000 + 60000);
    // The bijdrage: € 1.000,01 → € 1.600,01, both divided by the key (1 : 2 : 3), each adding up exactly.
    ASSERT_TRUE(w->wijzigt_bijdragen);
    EXPECT_EQ(w->bijdrage_voor.in_cents(), 100001);
    EXPECT_EQ(w->bijdrage_na.in_cents(), 160001);
    ASSERT_EQ(w->bijdragen.size(), 3u);
    Money voor, na;
    for (const auto &g : w->bijdragen) {
        voor += g.voor;
        na += g.na;
    }
    EXPECT_EQ(voor, w->bijdrage_voor);
    EXPECT_EQ(na, w->bijdrage_na);
    EXPECT_EQ(w->bijdragen[0].voor.in_cents(), 16667);  // 100001 / 6 = 16666 + the remainder's first cent
    EXPECT_EQ(w->bijdragen[0].na.in_cents(), 26667);
}

TEST(Begrotingswijziging, DocumentAndLettersAreTraceable) {
    const auto [c, r] = geraamd();
    const vhh::Administration a = administratie();
    vhh::Diagnostics diag;
    const auto w = b::bereken_wijziging(c, a, 1, een_twee_drie, diag);
    ASSERT_TRUE(w);
    const vhh::Region region = vhh::testing::sample_region();
    const b::Invoer in{c, region, r, {}, {}};
    const vhh::doc::Document d = b::build_begrotingswijziging(in, *w);
    EXPECT_EQ(d.name, "begrotingswijziging-2017-2");
    EXPECT_EQ(d.meta.title, "Begrotingswijziging 2 2017");
    const auto named = named_cells(d);
    ASSERT_TRUE(named.count("w1_na"));
    EXPECT_EQ(named.at("w1_na")->formula, "w1_primitief + w1_eerder + w1_wijziging");
    EXPECT_EQ(named.at("ws_baten")->formula, "w0_wijziging");
    EXPECT_EQ(named.at("ws_lasten")->formula, "w1_wijziging");
    EXPECT_EQ(named.at("wb_na")->formula, "SUM(kolom(na))");
    EXPECT_EQ(named.at("wb_na")->value.money_value().in_cents(), 160001);
    // What changes per post and why (SDK ABI 3): the post's own omschrijving, else the wijziging's.
    std::string text;
    std::function<void(const vhh::doc::Section &)> walk = [&](const vhh::doc::Section &s) {
        for (const auto &blk : s.blocks) {
            if (const auto *p = std::get_if<vhh::doc::Paragraph>(&blk)) text += p->text + "\n";
            if (const auto *t = std::get_if<vhh::doc::Table>(&blk))
                for (const auto &row : t->rows)
                    for (const auto &cell : row.cells) text += cell.value.text_value() + "|";
        }
        for (const auto &sub : s.sections) walk(sub);
    };
    for (const auto &s : d.sections) walk(s);
    EXPECT_NE(text.find("Waarom: Procesregie, betaald door de gemeenten"), std::string::npos) << text;
    EXPECT_NE(text.find("Personeel (procesregie)|lasten|||||procesregisseur voor 0,2 fte|"), std::string::npos) << text;
    EXPECT_NE(text.find("Gemeentelijke bijdragen|baten|||||Procesregie, betaald door de gemeenten|"), std::string::npos)
        << text;
    // The recorded change per gemeente beside the key's: Aardam 100,01 recorded, 100,00 by the key.
    ASSERT_TRUE(named.count("wv0_besluit"));
    EXPECT_EQ(named.at("wv0_besluit")->value.money_value().in_cents(), 10001);
    EXPECT_EQ(named.at("wv0_sleutel")->value.money_value().in_cents(), 26667 - 16667);
    EXPECT_NE(text.find("Besluit AB 2017/8 legt ook de verandering van de bijdrage per gemeente vast"),
              std::string::npos);

    vhh::Zienswijzetermijn termijn;
    termijn.weken = 8;
    termijn.grondslag = "art. 35 lid 1 Wgr";
    const vhh::doc::Document z = b::build_wijziging_zienswijzebrief(in, *w, 0, "aardam", termijn);
    EXPECT_EQ(z.name, "zienswijzebrief-2017-wijziging-2-aardam");
    ASSERT_TRUE(z.letter);
    EXPECT_EQ(z.letter->body_template, "zienswijzebrief-wijziging.txt.mustache");
    EXPECT_EQ(z.letter->kenmerk, "BW2017-2/GM0001");
    EXPECT_EQ(z.letter->date.iso(), "2017-07-20");  // 8 weeks before the besluit of 2017-09-14
    EXPECT_EQ(z.letter->template_data.fields().at("uiterlijk").text(), "13 september 2017");
    EXPECT_EQ(z.letter->template_data.fields().at("verschil").text(), "€ 100,00");
}

TEST(Reserves, MutatiesAreReadAndCheckedPerYear) {
    const std::string yaml = replaced(kYaml, "reserves: [{naam: Algemene reserve, stand: 1000}]",
                                      "reserves:\n"
                                      "  - {naam: Algemene reserve, stand: 1000, mutaties: [{jaar: 2018, toevoeging: 200}]}\n"
                                      "  - naam: Bestemmingsreserve project\n"
                                      "    stand: 500\n"
                                      "    weerstand: false\n"
                                      "    mutaties:\n"
                                      "      - {jaar: 2018, onttrekking: 500, toelichting: dekking EEN}\n"
                                      "      - {jaar: 2019, onttrekking: 0.01}");
    vhh::Diagnostics diag;
    const auto c = config_of(yaml, diag);
    ASSERT_TRUE(c) << diag.format_all();
    ASSERT_EQ(c->reserves.size(), 2u);
    EXPECT_EQ(c->reserves[1].mutatie(2018)->onttrekking.in_cents(), 50000);
    EXPECT_EQ(c->reserves[1].mutatie(2018)->toelichting, "dekking EEN");
    EXPECT_EQ(b::mutaties_in(*c, 2018, true).in_cents(), 20000);
    EXPECT_EQ(b::mutaties_in(*c, 2018, false).in_cents(), 50000);
    EXPECT_EQ(b::mutaties_in(*c, 2019, false).in_cents(), 1);

    // A year outside the raming, the same year twice, a negative amount: each located.
    std::string e = errors_of(replaced(yaml, "{jaar: 2019, onttrekking: 0.01}", "{jaar: 2022, onttrekking: 0.01}"));
    EXPECT_NE(e.find("instellingen.yaml:26:16: error: plugins[0].reserves[1].mutaties[1].jaar: 2022 is not a year of "
                     "the meerjarenraming 2018–2021"),
              std::string::npos)
        << e;
    e = errors_of(replaced(yaml, "{jaar: 2019, onttrekking: 0.01}", "{jaar: 2018, onttrekking: 0.01}"));
    EXPECT_NE(e.find("plugins[0].reserves[1].mutaties[1].jaar: reserve 'Bestemmingsreserve project' has two mutaties "
                     "for 2018"),
              std::string::npos)
        << e;
    e = errors_of(replaced(yaml, "toevoeging: 200", "toevoeging: -200"));
    EXPECT_NE(e.find("plugins[0].reserves[0].mutaties[0].toevoeging"), std::string::npos) << e;
}

TEST(Reserves, ResultaatVoorEnNaBestemming) {
    const std::string yaml = replaced(kYaml, "reserves: [{naam: Algemene reserve, stand: 1000}]",
                                      "reserves: [{naam: Algemene reserve, stand: 1000, mutaties: [{jaar: 2018, "
                                      "toevoeging: 200, onttrekking: 50}, {jaar: 2020, onttrekking: 500}]}]");
    const auto [c, r] = geraamd(yaml);
    const vhh::Region region = vhh::testing::sample_region();
    const b::Invoer in{c, region, r, {}, {}};
    const vhh::doc::Document d = b::build_begroting(in);
    const auto named = named_cells(d);
    // 2018: baten 1015,01 (GEM indexed 1,5 %: 1000,01 → 1015,01), lasten 100.303 + 500.
    const std::int64_t saldo = named.at("saldo_2018")->value.money_value().in_cents();
    EXPECT_EQ(named.at("toe_2018")->formula, "res_toevoegingen_2018");
    EXPECT_EQ(named.at("res_toevoegingen_2018")->value.money_value().in_cents(), 20000);
    EXPECT_EQ(named.at("res_onttrekkingen_2020")->value.money_value().in_cents(), 50000);
    EXPECT_EQ(named.at("resultaat_2018")->formula, "saldo_2018 - toe_2018 + ont_2018");
    EXPECT_EQ(named.at("resultaat_2018")->value.money_value().in_cents(), saldo - 20000 + 5000);
    EXPECT_EQ(named.at("resultaat_2019")->value.money_value().in_cents(), named.at("saldo_2019")->value.money_value().in_cents());
    EXPECT_EQ(named.at("ovr_saldo")->value.money_value().in_cents(), saldo);
    EXPECT_EQ(named.at("ovr_toe")->value.money_value().in_cents(), 20000);

    // Without mutaties: no mutation tables, the resultaat rows say 0.
    vhh::Diagnostics d2;
    const auto plain = config_of(kYaml, d2);
    ASSERT_TRUE(plain);
    EXPECT_FALSE(b::heeft_mutaties(*plain));
    const auto t = b::resultaat_tabel(*plain, {{2018, Money::cents(5)}, {2019, Money()}, {2020, Money()}, {2021, Money()}},
                                      {{2018, Money::cents(2)}, {2019, Money()}, {2020, Money()}, {2021, Money()}});
    EXPECT_EQ(t.rows[1].cells[1].formula, "0");
    EXPECT_EQ(t.rows[3].cells[1].value.money_value().in_cents(), 3);
}

}  // namespace
