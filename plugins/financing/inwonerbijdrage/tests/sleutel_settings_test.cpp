// Tests of what each sleutel of financing.inwonerbijdrage needs of its settings (read_regeling): settings
// missing or unused for the sleutel, totals without inwoners, whole euros with afronding euro, and every
// error of the section in one run, each a located error with the contract's exit code.
#include <gtest/gtest.h>

#include "keys_fixtures.h"

namespace {

using namespace keys_test;

// ------------------------------------------------------------------------------------------------
// Bad input: located errors with the contract's exit codes

// An unknown sleutel or afronding is refused by the host: both are choices of kSettings
// (host/tests/settings_binding_test.cpp, corpus 123).

TEST(InwonerbijdrageBadInput, SettingsMissingForTheSleutel) {
    {
        auto rr = read("", zeeland());  // per_inwoner (the default, at the section: line 1) without tarief
        EXPECT_FALSE(rr.regeling);
        EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 1, "tarief", "needs 'tarief'"));
    }
    {
        auto rr = read("sleutel: pro_rata\n", zeeland());
        EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 1, "totaal", "needs 'totaal'"));
    }
    {
        auto rr = read("sleutel: vast_plus_inwoner\n", zeeland());
        EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 1, "vast_per_gemeente", "needs 'vast_per_gemeente'"));
        EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 1, "tarief", "'tarief' or 'totaal'"));
    }
    {
        auto rr = read("sleutel: vaste_bedragen\ntotaal: 10.00\n", zeeland());
        EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 1, "vaste_bedragen", "needs 'vaste_bedragen'"));
    }
    {
        auto rr = read("tarief: 0.40\nindexatie:\n  - {jaar: 2014, percentage: 2.5}\n", zeeland());
        EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 3, "basisjaar", "needs 'basisjaar'"));
    }
}

TEST(InwonerbijdrageBadInput, SettingsTheSleutelDoesNotUse) {
    auto rr = read("tarief: 0.40\ntotaal: 10.00\nvast_per_gemeente: 10.00\n", zeeland());
    EXPECT_FALSE(rr.regeling);
    EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 2, "totaal", "not used by sleutel per_inwoner"));
    EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 3, "vast_per_gemeente", "not used"));

    auto rb = read("sleutel: vast_plus_inwoner\nvast_per_gemeente: 10.00\ntarief: 0.40\ntotaal: 1000.00\n", zeeland());
    EXPECT_TRUE(has_error(rb.diag, ExitCode::config, 4, "totaal", "not both"));

    auto ri = read("sleutel: pro_rata\ntotaal: 1000.00\nbasisjaar: 2012\n", zeeland());
    EXPECT_TRUE(has_error(ri.diag, ExitCode::config, 3, "basisjaar", "not used by sleutel pro_rata"));
}

TEST(InwonerbijdrageBadInput, ATotalButNoPopulation) {
    const Region empty = region_of({{"GM0001", "A", 0}, {"GM0002", "B", 0}});
    auto rr = read("sleutel: pro_rata\ntotaal: 100.00\n", empty);
    EXPECT_FALSE(rr.regeling);
    EXPECT_TRUE(has_error(rr.diag, ExitCode::data, 2, "totaal", "no inwoners"));
    // A zero total over nobody is fine: everyone pays nothing.
    auto zero = read("sleutel: pro_rata\ntotaal: 0\n", empty);
    ASSERT_TRUE(zero.regeling) << zero.diag.format_all();
    EXPECT_EQ(bereken(empty, *zero.regeling).totaal, cents(0));

    // vaste_bedragen: the others have no inwoners, or there are no others.
    const Region one = region_of({{"GM0001", "A", 100}, {"GM0002", "B", 0}});
    auto rv = read(vaste_bedragen_yaml("  - {gemeente: GM0001, bedrag: 10.00}\n", "100.00"), one);
    EXPECT_TRUE(has_error(rv.diag, ExitCode::data, 2, "totaal", "no inwoners"));
    auto all = read(vaste_bedragen_yaml("  - {gemeente: GM0001, bedrag: 10.00}\n  - {gemeente: GM0002, bedrag: 10.00}\n",
                                        "100.00"),
                    one);
    EXPECT_TRUE(has_error(all.diag, ExitCode::data, 4, "vaste_bedragen", "every gemeente has a vast bedrag"));
    // The afrekening needs weights too.
    auto ra = read("sleutel: pro_rata\ntotaal: 0\nafrekening_resultaat: 5.00\nafrekening_bron: jaarrekening\n", empty);
    EXPECT_TRUE(has_error(ra.diag, ExitCode::data, 3, "afrekening_resultaat", "no inwoners"));
    // And bereken itself refuses rather than crashes.
    Regeling reg;
    reg.sleutel = Sleutel::pro_rata;
    reg.totaal = euros(100);
    EXPECT_THROW(bereken(empty, reg), std::invalid_argument);
}

TEST(InwonerbijdrageBadInput, WholeEurosWithAfrondingEuro) {
    auto rr = read(vaste_bedragen_yaml("  - {gemeente: GM0755, bedrag: 3213.50}\n", "237000.50") + "afronding: euro\n",
                   maas_en_leijgraaf());
    EXPECT_FALSE(rr.regeling);
    EXPECT_TRUE(has_error(rr.diag, ExitCode::data, 2, "totaal", "not a whole number of euros"));
    EXPECT_TRUE(has_error(rr.diag, ExitCode::data, 4, "vaste_bedragen[0].bedrag", "not a whole number of euros"));
}

TEST(InwonerbijdrageBadInput, EveryErrorOfTheSectionInOneRun) {
    auto rr = read(vaste_bedragen_yaml("  - {gemeente: GM0755, bedrag: 1.00}\n  - {gemeente: GM0755, bedrag: 1.00}\n") +
                       "tarief: 0.40\n",
                   maas_en_leijgraaf(2017));
    EXPECT_FALSE(rr.regeling);
    EXPECT_EQ(rr.diag.error_count(), 2u) << rr.diag.format_all();
    EXPECT_EQ(rr.diag.exit_code(), ExitCode::config);
}

}  // namespace
