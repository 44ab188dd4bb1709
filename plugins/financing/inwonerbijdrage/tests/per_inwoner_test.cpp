// Tests of sleutel per_inwoner (the default) of financing.inwonerbijdrage: Zeeland's golden figures
// (€ 0,40 per inwoner) and seeded property tests to the cent and to whole euros.
#include <gtest/gtest.h>

#include "keys_fixtures.h"

namespace {

using namespace keys_test;

TEST(InwonerbijdrageGolden, ZeelandFortyCentsPerInwoner) {
    const Region r = zeeland();
    auto rr = read("tarief: 0.40\n", r);
    ASSERT_TRUE(rr.regeling) << rr.diag.format_all();
    const Berekening b = bereken(r, *rr.regeling);
    const auto lines = describe_lines(r, b);
    ASSERT_EQ(lines.size(), 13u);
    std::int64_t inwoners = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(lines[i].amount.in_cents(), r.gemeenten[i].inwoners * 40) << lines[i].payer;
        inwoners += r.gemeenten[i].inwoners;
    }
    EXPECT_EQ(inwoners, 381976);
    EXPECT_EQ(sum(lines), cents(381976 * 40));
    EXPECT_EQ(sum(lines).format_nl(), "€ 152.790,40");
    EXPECT_EQ(lines[4].payer, "Middelburg");
    EXPECT_EQ(lines[4].amount.format_nl(), "€ 19.207,60");
    EXPECT_EQ(lines[4].basis, "48.019 inwoners (peildatum 1-1-2013) × € 0,40");
    // The plain per_inwoner line keeps exactly its original inputs.
    ASSERT_EQ(lines[4].inputs.size(), 3u);
    EXPECT_EQ(lines[4].inputs[0].key, "inwoners");
    EXPECT_EQ(lines[4].inputs[1].key, "tarief_cents");
    EXPECT_EQ(lines[4].inputs[2].key, "peildatum");
    // Same as the original entry points.
    const auto legacy = compute_lines(r, cents(40));
    ASSERT_EQ(legacy.size(), lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(legacy[i].amount, lines[i].amount);
        EXPECT_EQ(legacy[i].basis, lines[i].basis);
    }
}

TEST(InwonerbijdrageProperty, PerInwonerToTheCentAndToWholeEuros) {
    std::mt19937_64 rng(0x1e7a01);
    std::uniform_int_distribution<std::int64_t> tarief_dist(0, 100000);
    for (int c = 0; c < 1500; ++c) {
        Case k = random_case(rng);
        Regeling r;
        r.tarief = cents(tarief_dist(rng));
        r.afronding = random_afronding(rng);
        SCOPED_TRACE("case " + std::to_string(c));
        const Berekening b = bereken(k.region, r);
        const Money exact = cents(r.tarief->in_cents() * k.total_inwoners);
        if (r.afronding == Afronding::cent) {
            ASSERT_FALSE(b.verdeeld);
            for (std::size_t i = 0; i < b.delen.size(); ++i)
                ASSERT_EQ(b.delen[i].bedrag.in_cents(), r.tarief->in_cents() * k.inwoners[i]);
            ASSERT_EQ(b.totaal, exact);
        } else {
            // The total rounded to whole euros (halves up), divided by inwoners.
            ASSERT_EQ(b.variabel_exact_totaal, exact);
            ASSERT_EQ(b.te_verdelen.in_cents() % 100, 0);
            ASSERT_LE(std::llabs(b.te_verdelen.in_cents() - exact.in_cents()), 50);
            check_divided(b, k.inwoners, 100);
            ASSERT_EQ(b.totaal, b.te_verdelen);
        }
        check_lines_match(k.region, b);
    }
}

}  // namespace
