// Settings of the SDK ABI major 2: choices, one-of groups, the gemeente type checked against the
// region, every problem of a settings table at once, reserved keys, absent optional settings, and
// tables that bind to a plugin's struct.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "config/settings_validator.h"
#include "stage_log.h"
#include "vhh/plugin.h"

namespace vhh::host {
namespace {

const char *const kRondingen[] = {"cent", "euro"};

const vhh_setting_spec kLocatie[] = {
    setting("naam", VHH_SETTING_TEXT).required().doc("naam"),
    setting("gewicht", VHH_SETTING_INTEGER).one_of("sleutel").doc("weight"),
    setting("percentage", VHH_SETTING_PERCENTAGE).one_of("sleutel").doc("share"),
};

const vhh_setting_spec kTable[] = {
    setting("afronding", VHH_SETTING_CHOICE).choices(kRondingen).fallback("cent").doc("unit"),
    setting("ontvanger", VHH_SETTING_GEMEENTE).doc("a gemeente"),
    setting("gemeenten", VHH_SETTING_GEMEENTEN).doc("gemeenten"),
    setting("notitie", VHH_SETTING_TEXT).doc("optional, no default"),
    setting("locaties", VHH_SETTING_LIST).fields(kLocatie).doc("locations"),
};

/// Middelburg and Vlissingen in 2017; Meierijstad (GM1948) from 2017 out of GM0846 and GM0860,
/// and a herindeling of 2019 whose new code is not in force yet.
Region region() {
    Region r;
    r.naam = "Test";
    r.boekjaar = 2017;
    r.gemeenten = {{"GM0687", "Middelburg", 1, "", {}, {}}, {"GM0718", "Vlissingen", 1, "", {}, {}},
                   {"GM1948", "Meierijstad", 1, "", {}, {}}};
    Herindeling meierijstad;
    meierijstad.per = Date{2017, 1, 1};
    meierijstad.naar = "GM1948";
    meierijstad.naam = "Meierijstad";
    meierijstad.van = {"GM0846", "GM0860"};
    Herindeling later;
    later.per = Date{2019, 1, 1};
    later.naar = "GM1959";
    later.naam = "Altena";
    later.van = {"GM0687"};
    r.herindelingen = {meierijstad, later};
    return r;
}

Settings validate(const std::string &yaml, Diagnostics &diag, const Region *r) {
    Diagnostics parse;
    YamlNode node = read_yaml_text(yaml, "vhh.yaml", parse);
    EXPECT_FALSE(parse.has_errors()) << parse.format_all();
    return validate_settings(node, kTable, sizeof kTable / sizeof kTable[0], "plugins[0]", {"name"}, diag, r);
}

TEST(SettingsChoice, WrongValueGetsDidYouMeanAndTheAllowedValues) {
    Diagnostics d;
    validate("afronding: euros\n", d, nullptr);
    ASSERT_EQ(d.error_count(), 1u) << d.format_all();
    EXPECT_EQ(d.all()[0].key_path, "plugins[0].afronding");
    EXPECT_EQ(d.all()[0].message, "unknown afronding 'euros'");
    EXPECT_EQ(d.all()[0].hint, "did you mean 'euro'? allowed: cent, euro");
    EXPECT_EQ(d.exit_code(), ExitCode::config);
    Diagnostics ok;
    Settings s = validate("{}\n", ok, nullptr);
    EXPECT_EQ(ok.error_count(), 0u) << ok.format_all();
    EXPECT_EQ(s.text("afronding"), "cent");
}

TEST(SettingsOneOf, ExactlyOneOfTheGroupIsGiven) {
    Diagnostics d;
    validate("locaties:\n  - {naam: A, gewicht: 1, percentage: 50}\n  - {naam: B}\n  - {naam: C, gewicht: 2}\n", d,
             nullptr);
    ASSERT_EQ(d.error_count(), 2u) << d.format_all();
    EXPECT_EQ(d.all()[0].key_path, "plugins[0].locaties[0].percentage");
    EXPECT_EQ(d.all()[0].message, "give only one of 'gewicht' or 'percentage', not both 'gewicht' and 'percentage'");
    EXPECT_EQ(d.all()[1].key_path, "plugins[0].locaties[1]");
    EXPECT_EQ(d.all()[1].message, "give one of 'gewicht' or 'percentage'");
    EXPECT_EQ(d.all()[1].where.line, 3);
}

TEST(SettingsGemeente, CheckedAgainstTheRegionWithTheHerindelingHint) {
    const Region r = region();
    Diagnostics d;
    validate("ontvanger: GM0860\ngemeenten: [GM0687, Vlissingen, GM0688, GM1959, GM9999]\n", d, &r);
    ASSERT_EQ(d.error_count(), 5u) << d.format_all();
    const auto &e = d.all();
    EXPECT_EQ(e[0].key_path, "plugins[0].ontvanger");
    EXPECT_EQ(e[0].message, "gemeente GM0860 does not exist in boekjaar 2017");
    EXPECT_EQ(e[0].hint, "GM0860 is per 1-1-2017 opgegaan in GM1948 (Meierijstad); use GM1948");
    EXPECT_EQ(e[1].key_path, "plugins[0].gemeenten[1]");
    EXPECT_EQ(e[1].message, "gemeente Vlissingen is not one of the region's gemeenten");
    EXPECT_EQ(e[1].hint, "use the CBS code of Vlissingen: GM0718");
    EXPECT_EQ(e[1].where.column, 21);
    EXPECT_EQ(e[2].hint, "did you mean GM0687 (Middelburg)?");  // GM0718 is two slips away
    EXPECT_EQ(e[3].hint, "GM1959 (Altena) exists from 1-1-2019; in boekjaar 2017 use GM0687");
    EXPECT_EQ(e[4].hint, "the region's gemeenten: GM0687 Middelburg, GM0718 Vlissingen, GM1948 Meierijstad");
    // Without a region (its config is broken), a gemeente is only a code: nothing is reported.
    Diagnostics none;
    validate("ontvanger: GM0860\n", none, nullptr);
    EXPECT_EQ(none.error_count(), 0u);
}

TEST(SettingsGemeente, NearMissesAreOneSlipAway) {
    const Region r = region();
    Diagnostics d;
    validate("gemeenten: [GM0678, GM0363, GM1849]\n", d, &r);
    ASSERT_EQ(d.error_count(), 3u) << d.format_all();
    EXPECT_EQ(d.all()[0].hint, "did you mean GM0687 (Middelburg)?");  // two neighbours swapped
    // Sharing "GM0" and one more digit is no near miss: the whole list helps more.
    EXPECT_EQ(d.all()[1].hint, "the region's gemeenten: GM0687 Middelburg, GM0718 Vlissingen, GM1948 Meierijstad");
    EXPECT_EQ(d.all()[2].hint, "the region's gemeenten: GM0687 Middelburg, GM0718 Vlissingen, GM1948 Meierijstad");
}

TEST(SettingsGemeente, AnUnknownGemeenteIsBlockingAndKeepsTheValue) {
    // The plugins' own checks run in the same run: the error cannot mask them, and the plugin
    // sees the code as written (and finds no gemeente for it).
    const Region r = region();
    Diagnostics parse;
    YamlNode node = read_yaml_text("ontvanger: GM9999\ngemeenten: [GM0687, GM0001]\n", "vhh.yaml", parse);
    StageLog log;
    Settings s = validate_settings(node, kTable, sizeof kTable / sizeof kTable[0], "plugins[0]", {"name"}, log, &r);
    EXPECT_EQ(log.errors(), 2u);
    EXPECT_EQ(log.count(Impact::blocking), 2u);
    EXPECT_EQ(log.count(Impact::may_mask), 0u);
    EXPECT_TRUE(plugin_checks_may_run(log));
    EXPECT_EQ(s.text("ontvanger"), "GM9999");
    EXPECT_EQ(s.codes("gemeenten"), (std::vector<std::string>{"GM0687", "GM0001"}));
    // A malformed list still masks: the plugin would not see what the user meant.
    StageLog bad;
    YamlNode broken = read_yaml_text("gemeenten: GM0687\n", "vhh.yaml", parse);
    validate_settings(broken, kTable, sizeof kTable / sizeof kTable[0], "plugins[0]", {"name"}, bad, &r);
    EXPECT_EQ(bad.count(Impact::may_mask), 1u);
}

TEST(SettingsAbsent, OptionalWithoutDefaultIsAnExplicitOptional) {
    Diagnostics d;
    Settings s = validate("ontvanger: GM0687\n", d, nullptr);
    s.set_owner("financing.test");
    EXPECT_FALSE(s.has("notitie"));
    EXPECT_EQ(s.find("notitie"), nullptr);
    EXPECT_EQ(s.optional<std::string>("notitie"), std::nullopt);
    EXPECT_EQ(s.optional<std::string>("ontvanger"), std::string("GM0687"));
    try {
        (void)s.text("notitie");
        FAIL() << "reading an absent optional setting must throw";
    } catch (const std::logic_error &e) {
        EXPECT_NE(std::string(e.what()).find("plugin 'financing.test' reads setting 'notitie', which has no value"),
                  std::string::npos)
            << e.what();
    }
    try {
        (void)s.money("tarief");
        FAIL() << "reading an undeclared setting must throw";
    } catch (const std::logic_error &e) {
        EXPECT_EQ(std::string(e.what()),
                  "plugin 'financing.test' reads setting 'tarief', which its settings table does not declare");
    }
    EXPECT_THROW((void)s.optional<Money>("tarief"), std::logic_error);
}

std::string problems(const vhh_setting_spec *specs, std::uint32_t n) {
    std::string all;
    for (const auto &p : check_settings_table(specs, n)) all += p + "\n";
    return all;
}

TEST(SettingsTableCheck, ReportsEveryProblemAtOnceAndRefusesReservedKeys) {
    const char *const twice[] = {"a", "a"};
    const vhh_setting_spec bad[] = {
        setting("name", VHH_SETTING_TEXT),
        setting("bestand", VHH_SETTING_TEXT),
        setting("keuze", VHH_SETTING_CHOICE).choices(twice).fallback("b"),
        setting("alleen", VHH_SETTING_INTEGER).one_of("g"),
        setting("x", VHH_SETTING_TEXT).range("0", "1"),
    };
    EXPECT_EQ(problems(bad, 5),
              "setting 'name': 'name' is reserved for the host (a plugin entry's name)\n"
              "setting 'bestand': 'bestand' is reserved for the host (a plugin entry's bestand)\n"
              "setting 'keuze' allows 'a' twice\n"
              "setting 'keuze': default 'b' is not one of its allowed values\n"
              "setting 'x' has bounds, but a text has no range\n"
              "one-of group 'g' has a single setting; it needs two or more\n");
    EXPECT_EQ(problems(kTable, sizeof kTable / sizeof kTable[0]), "");
    // A record may have a field called name.
    const vhh_setting_spec named[] = {setting("naam", VHH_SETTING_TEXT), setting("name", VHH_SETTING_TEXT)};
    const vhh_setting_spec list[] = {setting("l", VHH_SETTING_LIST).fields(named)};
    EXPECT_EQ(problems(list, 1), "");
}

// --- a table that binds to a struct ----------------------------------------------------------

enum class Sleutel { per_inwoner, pro_rata };

struct Vast {
    std::string gemeente;
    Money bedrag;
};

struct Config {
    Sleutel sleutel = Sleutel::pro_rata;
    Located<Money> tarief;
    std::optional<std::int64_t> basisjaar;
    std::int64_t index_ppm = 0;
    std::vector<Vast> vast;
    std::string afronding;
};

const SettingsTable<Vast> kVast{
    bind("gemeente", &Vast::gemeente).as(VHH_SETTING_GEMEENTE).required(),
    bind("bedrag", &Vast::bedrag).required().at_least("0"),
};

const SettingsTable<Config> kConfig{
    bind("sleutel", &Config::sleutel, {{"per_inwoner", Sleutel::per_inwoner}, {"pro_rata", Sleutel::pro_rata}})
        .fallback("per_inwoner")
        .doc("the key"),
    bind("tarief", &Config::tarief).fallback("0.40").range("0", "1000"),
    bind("basisjaar", &Config::basisjaar).range("1990", "2200"),
    bind("index", &Config::index_ppm).as(VHH_SETTING_PERCENTAGE).fallback("2.5"),
    bind("vast", &Config::vast, kVast),
    bind("afronding", &Config::afronding).choices({"cent", "euro"}).fallback("cent"),
};

TEST(SettingsTableBinding, ReadsValidatedValuesAndDefaultsIntoTheStruct) {
    ASSERT_EQ(kConfig.size(), 6u);
    EXPECT_EQ(kConfig.data()[0].type, static_cast<std::uint32_t>(VHH_SETTING_CHOICE));
    ASSERT_EQ(kConfig.data()[0].choice_count, 2u);
    EXPECT_STREQ(kConfig.data()[0].choices[1], "pro_rata");
    EXPECT_EQ(kConfig.data()[4].field_count, 2u);
    EXPECT_EQ(problems(kConfig.data(), kConfig.size()), "");

    const Region r = region();
    Diagnostics d, parse;
    YamlNode node = read_yaml_text("tarief: 0.41\nvast: [{gemeente: GM0687, bedrag: 3213.00}]\n", "vhh.yaml", parse);
    Settings s = validate_settings(node, kConfig.data(), kConfig.size(), "plugins[0]", {}, d, &r);
    ASSERT_EQ(d.error_count(), 0u) << d.format_all();
    const Config c = kConfig.read(s);
    EXPECT_EQ(c.sleutel, Sleutel::per_inwoner);  // the default, written once in the table
    EXPECT_EQ(c.tarief.value, *Money::parse("0.41"));
    EXPECT_EQ(c.tarief.where.line, 1);
    EXPECT_FALSE(c.tarief.from_default);
    EXPECT_FALSE(c.basisjaar.has_value());  // optional without a default: absent
    EXPECT_EQ(c.index_ppm, 25000);
    ASSERT_EQ(c.vast.size(), 1u);
    EXPECT_EQ(c.vast[0].gemeente, "GM0687");
    EXPECT_EQ(c.vast[0].bedrag, *Money::parse("3213.00"));
    EXPECT_EQ(c.afronding, "cent");
}

TEST(SettingsTableBinding, NoSettingsDeclaresAnEmptyTable) {
    EXPECT_EQ(detail::spec_data(VHH_NO_SETTINGS), nullptr);
    EXPECT_EQ(detail::spec_count(VHH_NO_SETTINGS), 0u);
    EXPECT_EQ(detail::spec_count(kTable), 5u);
    EXPECT_EQ(detail::spec_count(kConfig), 6u);
}

}  // namespace
}  // namespace vhh::host
