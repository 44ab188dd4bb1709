// Tests of sleutel vast_plus_inwoner of financing.inwonerbijdrage: a vast deel per gemeente plus a tarief
// per inwoner, or plus a share of what a totaal leaves; seeded property tests, basis, inputs and sheet.
#include <gtest/gtest.h>

#include "keys_fixtures.h"

namespace {

using namespace keys_test;

TEST(InwonerbijdrageProperty, VastPlusInwonerWithTarief) {
    std::mt19937_64 rng(0x7a5f);
    std::uniform_int_distribution<std::int64_t> tarief_dist(0, 100000), vast_dist(0, 10000000);
    for (int c = 0; c < 1500; ++c) {
        Case k = random_case(rng);
        Regeling r;
        r.sleutel = Sleutel::vast_plus_inwoner;
        r.afronding = random_afronding(rng);
        r.tarief = cents(tarief_dist(rng));
        std::int64_t vast = vast_dist(rng);
        if (r.afronding == Afronding::euro) vast -= vast % 100;
        r.vast_per_gemeente = cents(vast);
        SCOPED_TRACE("case " + std::to_string(c));
        const Berekening b = bereken(k.region, r);
        const std::int64_t n = static_cast<std::int64_t>(k.inwoners.size());
        for (const auto &d : b.delen) ASSERT_EQ(d.vast, *r.vast_per_gemeente);
        if (r.afronding == Afronding::cent) {
            for (std::size_t i = 0; i < b.delen.size(); ++i)
                ASSERT_EQ(b.delen[i].bedrag.in_cents(), vast + r.tarief->in_cents() * k.inwoners[i]);
            ASSERT_EQ(b.totaal.in_cents(), vast * n + r.tarief->in_cents() * k.total_inwoners);
        } else {
            check_divided(b, k.inwoners, 100);
            ASSERT_LE(std::llabs(b.te_verdelen.in_cents() - r.tarief->in_cents() * k.total_inwoners), 50);
            ASSERT_EQ(b.totaal, b.te_verdelen + cents(vast * n));
        }
        check_lines_match(k.region, b);
    }
}

TEST(InwonerbijdrageProperty, VastPlusInwonerWithTotaal) {
    std::mt19937_64 rng(0x707a1);
    for (int c = 0; c < 1500; ++c) {
        Case k = random_case(rng);
        Regeling r;
        r.sleutel = Sleutel::vast_plus_inwoner;
        r.afronding = random_afronding(rng);
        r.totaal = random_total(rng, r.afronding);
        const std::int64_t n = static_cast<std::int64_t>(k.inwoners.size());
        std::int64_t vast = std::uniform_int_distribution<std::int64_t>(0, r.totaal->in_cents() / n)(rng);
        if (r.afronding == Afronding::euro) vast -= vast % 100;
        r.vast_per_gemeente = cents(vast);
        SCOPED_TRACE("case " + std::to_string(c));
        const Berekening b = bereken(k.region, r);
        ASSERT_EQ(b.te_verdelen.in_cents(), r.totaal->in_cents() - vast * n);
        check_divided(b, k.inwoners, r.unit_cents());
        for (const auto &d : b.delen) ASSERT_EQ(d.vast.in_cents(), vast);
        ASSERT_EQ(b.totaal, *r.totaal);
        check_lines_match(k.region, b);
    }
}

TEST(InwonerbijdrageLines, VastPlusInwonerBasisAndInputs) {
    const Region r = region_of({{"GM0001", "A", 1000}, {"GM0002", "B", 2000}});
    Regeling tarief;
    tarief.sleutel = Sleutel::vast_plus_inwoner;
    tarief.vast_per_gemeente = euros(500);
    tarief.tarief = cents(25);
    const auto lines = describe_lines(r, bereken(r, tarief));
    EXPECT_EQ(lines[1].amount, euros(500) + cents(2000 * 25));
    EXPECT_EQ(lines[1].basis, "vast € 500,00 + 2.000 inwoners (peildatum 1-1-2015) × € 0,25 = € 500,00");
    EXPECT_EQ(input(lines[1], "vast_cents")->integer, 50000);
    EXPECT_EQ(input(lines[1], "tarief_cents")->integer, 25);
    EXPECT_EQ(input(lines[1], "variabel_cents")->integer, 50000);
    EXPECT_EQ(input(lines[1], "sleutel")->text, "vast_plus_inwoner");
    const Table t = describe_key_sheet(r, bereken(r, tarief));
    EXPECT_EQ(t.columns[3].header, "Vast deel");
    EXPECT_EQ(t.rows[0][3].text_value(), "$C$6");   // the vast deel parameter
    EXPECT_EQ(t.rows[0][4].text_value(), "$C$7");   // the tarief parameter
    EXPECT_EQ(t.rows[0][5].text_value(), "C2*E2");  // variabel deel
    EXPECT_EQ(t.rows[0][6].text_value(), "D2+F2");  // bijdrage

    Regeling totaal;
    totaal.sleutel = Sleutel::vast_plus_inwoner;
    totaal.vast_per_gemeente = euros(500);
    totaal.totaal = euros(1001);
    const auto lt = describe_lines(r, bereken(r, totaal));
    // € 1,00 left after 2 × € 500,00: 1/3 and 2/3 of 100 cents; the remainder cent goes to B (larger remainder).
    EXPECT_EQ(lt[0].amount, euros(500) + cents(33));
    EXPECT_EQ(lt[1].amount, euros(500) + cents(67));
    EXPECT_EQ(lt[1].basis,
              "vast € 500,00 + 2.000 inwoners (peildatum 1-1-2015); aandeel 2.000/3.000 van € 1,00 "
              "(totaal € 1.001,00 - 2 × € 500,00 vast) = € 0,66 + € 0,01 restverdeling");
    EXPECT_EQ(input(lt[1], "te_verdelen_cents")->integer, 100);
    EXPECT_EQ(input(lt[1], "restverdeling_cents")->integer, 1);
}

}  // namespace
