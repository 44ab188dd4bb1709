// Tests of the "Voorstel resultaatbestemming" (resultaatbestemming_voorstel): it follows the resultaat's
// sign, to the gemeenten by the afrekening or to or from the first reserve with weerstand.
#include "jaarverantwoording_fixtures.h"

namespace {

using namespace jv_test;

TEST(Resultaatbestemming, TheProposalFollowsTheResultaat) {
    Config c = config();
    c.reserves = {{"AR", "Algemene reserve", Money::euros(400), Money(), Money(), true}};
    Diagnostics d;
    // With the afrekening over the gemeenten (the key divides the resultaat).
    Jaarrekening j = bereken(c, region(), lines(), ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    ASSERT_TRUE(j.afrekening_verdeeld);
    const std::string met = resultaatbestemming_voorstel(j, 2015);
    const bool voordelig = j.resultaat.realisatie.in_cents() > 0;
    EXPECT_NE(met.find(voordelig ? "voordelige resultaat 2015 van " : "nadelige resultaat 2015 van "), std::string::npos)
        << met;
    EXPECT_NE(met.find(voordelig ? "terug te betalen aan de gemeenten" : "door de gemeenten te laten bijbetalen"),
              std::string::npos)
        << met;
    // Without an afrekening: to or from the first reserve with weerstand.
    j.afrekening_verdeeld = false;
    j.resultaat.realisatie = Money::euros(250);
    EXPECT_EQ(resultaatbestemming_voorstel(j, 2015),
              "Het dagelijks bestuur stelt het algemeen bestuur voor het voordelige resultaat 2015 van € 250,00 toe te "
              "voegen aan de Algemene reserve (AR), die daarna € 650,00 bedraagt.");
    j.resultaat.realisatie = Money::euros(-500);
    EXPECT_EQ(resultaatbestemming_voorstel(j, 2015),
              "Het dagelijks bestuur stelt het algemeen bestuur voor het nadelige resultaat 2015 van € 500,00 te "
              "onttrekken aan de Algemene reserve (AR), die daarna -€ 100,00 bedraagt. De Algemene reserve (€ 400,00 per "
              "31 december) is daarvoor niet toereikend: het tekort moet op een andere manier worden gedekt.");
    j.resultaat.realisatie = Money();
    EXPECT_EQ(resultaatbestemming_voorstel(j, 2015), "Het resultaat 2015 is nihil: er is niets te bestemmen.");
    j.resultaat.realisatie = Money::euros(1);
    j.config.reserves.clear();
    EXPECT_NE(resultaatbestemming_voorstel(j, 2015).find("geen reserve die het kan opvangen"), std::string::npos);
}

}  // namespace
