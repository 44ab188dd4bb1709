// Tests of the figures (bereken): baten from lines and lasten from the ledger, V/N and the drempel, the
// afrekening by largest remainder, reserves, resultaat and weerstand, the prior year, and budgeted
// reserve mutations with their V/N.
#include "jaarverantwoording_fixtures.h"

namespace {

using namespace jv_test;

TEST(Bereken, BatenFromLinesLastenFromLedger) {
    Diagnostics d;
    Jaarrekening j = bereken(config(), region(), lines(), ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    EXPECT_EQ(j.baten_totaal.realisatie.in_cents(), 15000000);
    EXPECT_EQ(j.lasten_totaal.realisatie.in_cents(), 850050 + 599975);
    EXPECT_EQ(j.saldo.realisatie, j.baten_totaal.realisatie - j.lasten_totaal.realisatie);
    EXPECT_EQ(j.resultaat.realisatie, j.saldo.realisatie);
    const Post &pers = j.config.posten[j.config.find_post("PERS")];
    EXPECT_EQ(pers.verschil().in_cents(), 850050 - 9000000);  // realisatie − begroting na wijziging
    EXPECT_EQ(voordelig_nadelig(pers.soort, pers.verschil()), "V");
}

TEST(Bereken, UnbudgetedSourceBecomesAPostAndAfrekeningIsNotBaten) {
    auto l = lines();
    l.push_back(line("werkplekhuur", "om", 1000000));
    l.push_back(line("afrekening", "GM0687", -100));
    Diagnostics d;
    Jaarrekening j = bereken(config(), region(), l, ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    const int p = j.config.find_post("niet-begroot-werkplekhuur");
    ASSERT_GE(p, 0);
    EXPECT_TRUE(j.config.posten[p].niet_begroot);
    EXPECT_EQ(j.config.posten[p].soort, Soort::baten);
    EXPECT_EQ(j.baten_totaal.realisatie.in_cents(), 16000000);  // afrekening left out
    // The new post sits with the baten, before the lasten.
    EXPECT_LT(static_cast<std::size_t>(p), static_cast<std::size_t>(j.config.find_post("PERS")));
    EXPECT_TRUE(j.afrekening_uit_lijnen);
}

TEST(Bereken, MissingToelichtingIsAWarningNotAnError) {
    Diagnostics d;
    Jaarrekening j = bereken(config(), region(), lines(), ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    EXPECT_FALSE(d.has_errors());
    int warnings = 0;
    for (const auto &x : d.all())
        if (x.severity == Severity::warning && x.message.find("no toelichting") != std::string::npos) {
            ++warnings;
            EXPECT_EQ(x.where.file, kFile);
            EXPECT_NE(x.key_path.find(".toelichting"), std::string::npos);
        }
    EXPECT_EQ(warnings, 2);  // PERS and HUIS are far under their begroting
    Config c = config();
    c.posten[c.find_post("PERS")].toelichting = "Vacature niet vervuld.";
    Diagnostics d2;
    bereken(c, region(), lines(), ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d2);
    EXPECT_EQ(d2.all().size(), 1u);
}

TEST(Bereken, AfrekeningByLargestRemainderSumsExactly) {
    std::mt19937 rng(2013);
    for (int round = 0; round < 500; ++round) {
        std::vector<ContributionLine> l;
        std::vector<std::int64_t> weights;
        for (const char *g : {"GM0687", "GM0654", "GM1695"}) {
            const std::int64_t w = std::uniform_int_distribution<std::int64_t>(0, 5000000)(rng);
            weights.push_back(w);
            l.push_back(line("inwonerbijdrage", g, w));
        }
        if (weights[0] + weights[1] + weights[2] == 0) continue;
        l.push_back(line("rijksbijdrage", "GM0687", std::uniform_int_distribution<std::int64_t>(0, 9000000)(rng)));
        Diagnostics d;
        Jaarrekening j = bereken(config(), region(), l, ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
        const Money res = j.resultaat.realisatie;
        Money sum;
        const std::int64_t total_w = weights[0] + weights[1] + weights[2];
        for (std::size_t i = 0; i < 3; ++i) {
            const Afrekening &a = j.afrekening[i];
            sum += a.aandeel;
            EXPECT_EQ(a.afrekening, -a.aandeel);
            EXPECT_EQ(a.definitief(), a.voorlopig + a.afrekening);
            // Within one cent of the exact share, and never of the other sign.
            const __int128 exact_num = static_cast<__int128>(res.in_cents()) * weights[i];
            const __int128 diff = static_cast<__int128>(a.aandeel.in_cents()) * total_w - exact_num;
            EXPECT_LT(diff < 0 ? -diff : diff, static_cast<__int128>(total_w)) << round;
            EXPECT_TRUE(res.in_cents() >= 0 ? a.aandeel.in_cents() >= 0 : a.aandeel.in_cents() <= 0);
        }
        ASSERT_EQ(sum, res) << "round " << round;
    }
}

TEST(Bereken, AfrekeningFromLinesWhenPresentAndCheckedAgainstResultaat) {
    auto l = lines();
    l.push_back(line("afrekening", "GM0687", -300));
    l.push_back(line("afrekening", "GM0654", -200));
    Diagnostics d;
    Jaarrekening j = bereken(config(), region(), l, ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    EXPECT_TRUE(j.afrekening_uit_lijnen);
    EXPECT_EQ(j.afrekening[0].afrekening.in_cents(), -300);
    EXPECT_EQ(j.afrekening[0].aandeel.in_cents(), 300);
    EXPECT_EQ(j.afrekening[2].afrekening.in_cents(), 0);
    bool warned = false;
    for (const auto &x : d.all()) warned = warned || x.message.find("afrekening lines") != std::string::npos;
    EXPECT_TRUE(warned) << "the lines divide € 5,00, not the resultaat";
}

TEST(Bereken, NoKeyNoDivision) {
    std::vector<ContributionLine> l = {line("rijksbijdrage", "GM0687", 20000000)};
    Diagnostics d;
    Jaarrekening j = bereken(config(), region(), l, ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    EXPECT_FALSE(j.afrekening_verdeeld);
    EXPECT_FALSE(d.has_errors());
    for (const auto &a : j.afrekening) EXPECT_EQ(a.aandeel, Money());
}

TEST(Bereken, ReservesResultaatAndWeerstand) {
    Config c = config();
    c.reserves = {{"AR", "Algemene reserve", Money::euros(40000), Money::euros(1000), Money::euros(500), true},
                  {"BR", "Bestemmingsreserve", Money::euros(9000), Money(), Money::euros(2000), false}};
    c.risicos = {{"Risico", Money::euros(100000), 250000}};
    Diagnostics d;
    Jaarrekening j = bereken(c, region(), lines(), ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    EXPECT_EQ(j.toevoegingen, Money::euros(1000));
    EXPECT_EQ(j.onttrekkingen, Money::euros(2500));
    EXPECT_EQ(j.resultaat.realisatie, j.saldo.realisatie - Money::euros(1000) + Money::euros(2500));
    EXPECT_EQ(j.beschikbaar, Money::euros(40500));  // only reserves with weerstand
    EXPECT_EQ(j.benodigd, Money::euros(25000));
    EXPECT_EQ(j.weerstand.klasse, 'B');  // 1,62
    EXPECT_EQ(j.weerstand.ratio, "1,62");
}

TEST(Bereken, PriorYearFromConfigOrLedger) {
    Config c = config();
    c.posten[c.find_post("GEM")].vorig_jaar = Money::euros(99000);
    Diagnostics d;
    Grootboek vorig;
    vorig.per_post["PERS"] = Money::euros(80000);
    Jaarrekening j = bereken(c, region(), lines(), ledger(), vorig, std::nullopt, {kFile, 7, 1}, d);
    EXPECT_TRUE(j.met_vorig_jaar);
    EXPECT_EQ(*j.config.posten[j.config.find_post("PERS")].vorig_jaar, Money::euros(80000));
    EXPECT_EQ(*j.config.posten[j.config.find_post("HUIS")].vorig_jaar, Money());  // in the ledger: nothing
    EXPECT_FALSE(j.config.posten[j.config.find_post("RIJK")].vorig_jaar.has_value());  // line-fed, not given
    Jaarrekening k = bereken(config(), region(), lines(), ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    EXPECT_FALSE(k.met_vorig_jaar);
}

/// The cells of the row labelled `label` in table `id` of `d` (empty when there is none).
std::vector<doc::Cell> row_of(const doc::Document &d, const std::string &id, const std::string &label) {
    std::function<std::vector<doc::Cell>(const doc::Section &)> walk = [&](const doc::Section &s) {
        for (const auto &b : s.blocks)
            if (const auto *t = std::get_if<doc::Table>(&b); t && t->id == id)
                for (const auto &r : t->rows)
                    if (!r.cells.empty() && r.cells[0].value.text_value() == label) return r.cells;
        for (const auto &sub : s.sections)
            if (auto found = walk(sub); !found.empty()) return found;
        return std::vector<doc::Cell>{};
    };
    for (const auto &s : d.sections)
        if (auto found = walk(s); !found.empty()) return found;
    return {};
}

TEST(Reservemutaties, ABudgetedOnttrekkingGetsItsVNLikeAnyPost) {
    // Budgeted: € 3.000 onttrekking and € 1.000 toevoeging; realised € 2.000 and € 1.500.
    Config c = config();
    c.reserves = {{"AR", "Algemene reserve", Money::euros(40000), Money::euros(1500), Money::euros(2000), true,
                   Money::euros(1000), Money::euros(3000)}};
    Diagnostics d;
    const Jaarrekening j = bereken(c, region(), lines(), ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    EXPECT_EQ(j.resultaat.na_wijziging, j.saldo.na_wijziging - Money::euros(1000) + Money::euros(3000));
    EXPECT_EQ(j.resultaat.primitief, j.saldo.primitief - Money::euros(1000) + Money::euros(3000));
    EXPECT_EQ(j.resultaat.realisatie, j.saldo.realisatie - Money::euros(1500) + Money::euros(2000));
    const doc::Document doc = build_jaarverantwoording(j, region());
    const auto ontt = row_of(doc, "resultaat", "Onttrekkingen aan reserves");
    ASSERT_FALSE(ontt.empty());
    EXPECT_EQ(ontt[ontt.size() - 4].value.money_value(), Money::euros(3000));  // begroting na wijziging
    EXPECT_EQ(ontt[ontt.size() - 2].value.money_value(), Money::euros(-1000));  // verschil
    EXPECT_EQ(ontt.back().value.text_value(), "N");  // less withdrawn than budgeted: nadelig
    const auto toev = row_of(doc, "resultaat", "Toevoegingen aan reserves");
    ASSERT_FALSE(toev.empty());
    EXPECT_EQ(toev.back().value.text_value(), "N");  // more added than budgeted: nadelig
    const auto res = row_of(doc, "resultaat", "Resultaat");
    ASSERT_FALSE(res.empty());
    EXPECT_EQ(res[res.size() - 4].formula, "saldo.wijz - toev.wijz + ontt.wijz");
}

}  // namespace
