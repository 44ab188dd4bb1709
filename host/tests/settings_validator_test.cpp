// Tests of settings validation against a plugin's settings table and of the scalar parsers.
#include "config/settings_validator.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vhh::host {
namespace {

const vhh_setting_spec kWerkplekFields[] = {
    {"partner", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "partner code", nullptr, 0},
    {"aantal", VHH_SETTING_INTEGER, 0, "1", "0", "100", "number of werkplekken", nullptr, 0},
    {"van", VHH_SETTING_DATE, 0, nullptr, nullptr, nullptr, "first day", nullptr, 0},
};

const vhh_setting_spec kSpecs[] = {
    {"tarief", VHH_SETTING_MONEY, VHH_SETTING_REQUIRED, nullptr, "0", "100", "euro per inwoner", nullptr, 0},
    {"inwoners", VHH_SETTING_INTEGER, 0, nullptr, "0", nullptr, "population", nullptr, 0},
    {"code", VHH_SETTING_CODE, 0, nullptr, nullptr, nullptr, "CBS code", nullptr, 0},
    {"omschrijving", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "free text", nullptr, 0},
    {"afronden", VHH_SETTING_BOOLEAN, 0, "true", nullptr, nullptr, "round to euros", nullptr, 0},
    {"indexatie", VHH_SETTING_PERCENTAGE, 0, "2.5", "0", "100", "yearly index", nullptr, 0},
    {"peildatum", VHH_SETTING_DATE, 0, "2013-01-01", "2000-01-01", nullptr, "reference date", nullptr, 0},
    {"werkplekken", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr, "werkplekken per partner", kWerkplekFields,
     sizeof kWerkplekFields / sizeof kWerkplekFields[0]},
};
constexpr std::uint32_t kSpecCount = sizeof kSpecs / sizeof kSpecs[0];

/// Parses `yaml` (a plugin entry) and validates it against kSpecs as plugins[0].
Settings validate(const std::string &yaml, Diagnostics &diag) {
    Diagnostics parse_diag;
    YamlNode node = read_yaml_text(yaml, "vhh.yaml", parse_diag);
    EXPECT_FALSE(parse_diag.has_errors()) << parse_diag.format_all();
    return validate_settings(node, kSpecs, kSpecCount, "plugins[0]", {"name"}, diag);
}

std::vector<Diagnostic> errors(const Diagnostics &diag) {
    std::vector<Diagnostic> out;
    for (const auto &d : diag.all())
        if (d.severity == Severity::error) out.push_back(d);
    return out;
}

/// The single error recorded; fails the test when there is not exactly one.
Diagnostic only_error(const Diagnostics &diag) {
    auto errs = errors(diag);
    EXPECT_EQ(errs.size(), 1u) << diag.format_all();
    return errs.empty() ? Diagnostic{} : errs[0];
}

// --- whole sections -----------------------------------------------------------------------

TEST(ValidateSettings, ValidSectionWithAllTypes) {
    Diagnostics diag;
    Settings s = validate(
        "name: financing.inwonerbijdrage\n"
        "tarief: 0.40\n"
        "inwoners: 22551\n"
        "code: GM0687\n"
        "omschrijving: Bijdrage per inwoner\n"
        "afronden: false\n"
        "indexatie: 1.75\n"
        "peildatum: 2013-01-01\n",
        diag);
    ASSERT_FALSE(diag.has_errors()) << diag.format_all();
    EXPECT_EQ(s.money("tarief"), Money::cents(40));
    EXPECT_EQ(s.integer("inwoners"), 22551);
    EXPECT_EQ(s.text("code"), "GM0687");
    EXPECT_EQ(s.text("omschrijving"), "Bijdrage per inwoner");
    EXPECT_FALSE(s.boolean("afronden"));
    EXPECT_EQ(s.percentage_ppm("indexatie"), 17500);
    EXPECT_EQ(s.date("peildatum"), (Date{2013, 1, 1}));
    EXPECT_FALSE(s.at("tarief").from_default);
    EXPECT_EQ(s.text("tarief"), "0.40");  // the original text is kept for every type
    EXPECT_EQ(s.where("tarief").line, 2);
    EXPECT_EQ(s.where("tarief").column, 9);
    EXPECT_EQ(s.at("tarief").type, VHH_SETTING_MONEY);
    EXPECT_FALSE(s.has("name"));  // ignored keys are not settings
}

TEST(ValidateSettings, DefaultsAreFilledInAtTheSection) {
    Diagnostics diag;
    Settings s = validate("name: x\n\ntarief: 1\n", diag);
    ASSERT_FALSE(diag.has_errors()) << diag.format_all();
    EXPECT_TRUE(s.boolean("afronden"));
    EXPECT_TRUE(s.at("afronden").from_default);
    EXPECT_EQ(s.where("afronden").line, 1);  // the section
    EXPECT_EQ(s.where("afronden").column, 1);
    EXPECT_EQ(s.percentage_ppm("indexatie"), 25000);
    EXPECT_EQ(s.date("peildatum"), (Date{2013, 1, 1}));
    EXPECT_EQ(s.text("omschrijving"), "");
    EXPECT_TRUE(s.has("werkplekken"));  // a list without default is an empty list
    EXPECT_TRUE(s.list("werkplekken").empty());
    // No default, not required: absent.
    EXPECT_FALSE(s.has("inwoners"));
    EXPECT_FALSE(s.has("code"));
}

TEST(ValidateSettings, NullValueCountsAsMissing) {
    Diagnostics diag;
    Settings s = validate("tarief: 1\nafronden:\nindexatie: ~\ninwoners:\n", diag);
    ASSERT_FALSE(diag.has_errors()) << diag.format_all();
    EXPECT_TRUE(s.boolean("afronden"));
    EXPECT_TRUE(s.at("afronden").from_default);
    EXPECT_EQ(s.percentage_ppm("indexatie"), 25000);
    EXPECT_FALSE(s.has("inwoners"));
}

TEST(ValidateSettings, ClassifiesAsBlockingOnlyUnknownKeysThatCannotBeATypoOfAnAbsentKey) {
    // 'notitie' is nothing declared: harmless. 'indexaties' may be 'indexatie', which is absent
    // (so its default would be used): not harmless. 'tarif' is close to 'tarief', but that one is
    // given: harmless. In a list record the same rule holds ('partnr' may be the absent 'partner').
    const std::string yaml =
        "name: x\ntarief: 1\ntarif: 2\nnotitie: a\nindexaties: 3\n"
        "werkplekken:\n  - {partner: P1, aantl: 2}\n  - {partnr: P2}\n";
    Diagnostics parse_diag;
    YamlNode node = read_yaml_text(yaml, "vhh.yaml", parse_diag);
    ASSERT_FALSE(parse_diag.has_errors()) << parse_diag.format_all();
    vhh::host::StageLog log;
    validate_settings(node, kSpecs, kSpecCount, "plugins[0]", {"name"}, log);
    const Diagnostics &diag = log.sdk();
    std::vector<std::string> unknown;
    for (const auto &e : errors(diag))
        if (e.message.rfind("unknown key", 0) == 0) unknown.push_back(e.key_path);
    EXPECT_EQ(unknown.size(), 5u) << diag.format_all();
    // Blocking: tarif, notitie. May mask others: indexaties, werkplekken[0].aantl ('aantal' is
    // absent from that record), werkplekken[1].partnr (and its missing partner).
    EXPECT_EQ(log.count(vhh::host::Impact::blocking), 2u) << diag.format_all();
    EXPECT_EQ(log.count(vhh::host::Impact::may_mask), log.errors() - 2) << diag.format_all();
    EXPECT_FALSE(vhh::host::plugin_checks_may_run(log));
    EXPECT_TRUE(may_misspell("indexaties", {"indexatie"}));
    EXPECT_FALSE(may_misspell("notitie", {"indexatie", "omschrijving"}));
    EXPECT_FALSE(may_misspell("ab", {"a"}));  // a one-letter key is no typo target
}

TEST(ValidateSettings, MissingRequiredKeyAtSectionLocation) {
    Diagnostics diag;
    Settings s = validate("name: x\ninwoners: 5\n", diag);
    Diagnostic e = only_error(diag);
    EXPECT_EQ(e.code, ExitCode::config);
    EXPECT_EQ(e.message, "missing required key 'tarief'");
    EXPECT_EQ(e.key_path, "plugins[0]");
    EXPECT_EQ(e.where.line, 1);
    EXPECT_EQ(e.where.column, 1);
    EXPECT_NE(e.hint.find("amount in euros"), std::string::npos);
    EXPECT_FALSE(s.has("tarief"));
    EXPECT_EQ(s.integer("inwoners"), 5);  // the rest is still validated
}

TEST(ValidateSettings, RequiredKeyWithNullValueIsMissingAtTheKey) {
    Diagnostics diag;
    validate("name: x\ntarief:\n", diag);
    Diagnostic e = only_error(diag);
    EXPECT_EQ(e.code, ExitCode::config);
    EXPECT_EQ(e.key_path, "plugins[0].tarief");
    EXPECT_NE(e.message.find("required key 'tarief'"), std::string::npos);
    EXPECT_EQ(e.where.line, 2);
}

TEST(ValidateSettings, NullSectionIsAnEmptySection) {
    Diagnostics parse_diag;
    YamlNode none = read_yaml_text("", "vhh.yaml", parse_diag);
    Diagnostics diag;
    Settings s = validate_settings(none, kSpecs, kSpecCount, "plugins[0]", {}, diag);
    Diagnostic e = only_error(diag);
    EXPECT_EQ(e.message, "missing required key 'tarief'");
    EXPECT_TRUE(s.boolean("afronden"));
}

TEST(ValidateSettings, SectionThatIsNotAMap) {
    Diagnostics diag;
    validate("- a\n- b\n", diag);
    Diagnostic e = only_error(diag);
    EXPECT_EQ(e.code, ExitCode::config);
    EXPECT_EQ(e.key_path, "plugins[0]");
    EXPECT_NE(e.message.find("expected a map of settings, found a list"), std::string::npos) << e.message;
}

TEST(ValidateSettings, UnknownKeyWithSuggestion) {
    Diagnostics diag;
    validate("name: x\ntarif: 0.40\n", diag);
    auto errs = errors(diag);
    ASSERT_EQ(errs.size(), 2u) << diag.format_all();  // the unknown key, and tarief is missing
    EXPECT_EQ(errs[0].code, ExitCode::config);
    EXPECT_EQ(errs[0].message, "unknown key 'tarif'");
    EXPECT_EQ(errs[0].hint, "did you mean 'tarief'?");
    EXPECT_EQ(errs[0].key_path, "plugins[0].tarif");
    EXPECT_EQ(errs[0].where.line, 2);
    EXPECT_EQ(errs[0].where.column, 1);
    EXPECT_EQ(errs[1].message, "missing required key 'tarief'");
}

TEST(ValidateSettings, UnknownKeySuggestionsTranspositionAndCase) {
    Diagnostics diag;
    validate("tarief: 1\ninwonres: 3\nAfronden: true\nnmae: x\n", diag);
    auto errs = errors(diag);
    ASSERT_EQ(errs.size(), 3u) << diag.format_all();
    EXPECT_EQ(errs[0].hint, "did you mean 'inwoners'?");
    EXPECT_EQ(errs[1].hint, "did you mean 'afronden'?");
    EXPECT_EQ(errs[2].hint, "did you mean 'name'?");  // ignored keys are allowed keys too
}

TEST(ValidateSettings, UnknownKeyFarFromAllListsAllowedKeys) {
    Diagnostics diag;
    validate("tarief: 1\nvolkomen_anders: 3\n", diag);
    Diagnostic e = only_error(diag);
    EXPECT_EQ(e.message, "unknown key 'volkomen_anders'");
    EXPECT_EQ(e.hint.rfind("allowed keys: tarief, inwoners, code", 0), 0u) << e.hint;
    EXPECT_NE(e.hint.find("name"), std::string::npos);
}

TEST(ValidateSettings, CollectsAllErrorsNotOnlyTheFirst) {
    Diagnostics diag;
    validate("tarief: abc\ninwoners: veel\nafronden: ja\nindexatie: 2,5\npeildatum: 01-01-2013\nfoo: 1\n", diag);
    EXPECT_EQ(diag.error_count(), 6u) << diag.format_all();
    EXPECT_EQ(diag.exit_code(), ExitCode::config);
}

// --- types ---------------------------------------------------------------------------------

TEST(ValidateSettings, MoneyTypeErrorNamesExpectedAndFound) {
    Diagnostics diag;
    validate("tarief: abc\n", diag);
    Diagnostic e = only_error(diag);
    EXPECT_EQ(e.code, ExitCode::config);
    EXPECT_EQ(e.key_path, "plugins[0].tarief");
    EXPECT_EQ(e.message, "expected an amount in euros (e.g. 0.40), got 'abc'");
    EXPECT_EQ(e.where.line, 1);
    EXPECT_EQ(e.where.column, 9);
    EXPECT_EQ(e.format().substr(0, e.format().find('\n')),
              "vhh.yaml:1:9: error: plugins[0].tarief: expected an amount in euros (e.g. 0.40), got 'abc'");
}

TEST(ValidateSettings, DutchDecimalCommaGetsAHint) {
    Diagnostics diag;
    validate("tarief: 0,40\n", diag);
    Diagnostic e = only_error(diag);
    EXPECT_EQ(e.code, ExitCode::config);
    EXPECT_EQ(e.message, "expected an amount in euros (e.g. 0.40), got '0,40'");
    EXPECT_EQ(e.hint, "use a decimal point: 0.40 (a Dutch decimal comma is not a YAML number)");
}

TEST(ValidateSettings, DutchThousandsAndCommaGetsAHint) {
    Diagnostics diag;
    validate("tarief: 1.234,56\n", diag);
    Diagnostic e = only_error(diag);
    EXPECT_NE(e.hint.find("1234.56"), std::string::npos) << e.hint;
    EXPECT_NE(e.hint.find("decimal point"), std::string::npos);
}

TEST(ValidateSettings, MapOrListWhereAScalarIsExpected) {
    Diagnostics diag;
    validate("tarief:\n  a: 1\nomschrijving: [a, b]\n", diag);
    auto errs = errors(diag);
    ASSERT_EQ(errs.size(), 2u) << diag.format_all();
    EXPECT_EQ(errs[0].message, "expected an amount in euros (e.g. 0.40), found a map");
    EXPECT_EQ(errs[0].where.line, 2);
    EXPECT_EQ(errs[1].message, "expected a text value, found a list");
    EXPECT_EQ(errs[1].key_path, "plugins[0].omschrijving");
}

TEST(ValidateSettings, CodeKeepsLeadingZerosAndText) {
    Diagnostics diag;
    Settings s = validate("tarief: 1\ncode: 0123\nomschrijving: 0123\n", diag);
    ASSERT_FALSE(diag.has_errors()) << diag.format_all();
    EXPECT_EQ(s.text("code"), "0123");
    EXPECT_EQ(s.text("omschrijving"), "0123");
}

TEST(ValidateSettings, EmptyCodeIsAnError) {
    Diagnostics diag;
    validate("tarief: 1\ncode: ''\n", diag);
    EXPECT_EQ(only_error(diag).code, ExitCode::config);
}

TEST(ValidateSettings, IntegerWithLeadingZeroIsDecimalNotOctal) {
    Diagnostics diag;
    Settings s = validate("tarief: 1\ninwoners: 0123\n", diag);
    ASSERT_FALSE(diag.has_errors()) << diag.format_all();
    EXPECT_EQ(s.integer("inwoners"), 123);  // yaml-cpp's node API would give 83
    EXPECT_EQ(s.text("inwoners"), "0123");
}

TEST(ValidateSettings, IntegerRejectsHexAndDecimals) {
    Diagnostics diag;
    validate("tarief: 1\ninwoners: 0x1F\n", diag);
    Diagnostic e = only_error(diag);
    EXPECT_EQ(e.code, ExitCode::config);
    EXPECT_EQ(e.message, "expected a whole number (e.g. 22551), got '0x1F'");
    EXPECT_NE(e.hint.find("decimal"), std::string::npos);

    Diagnostics diag2;
    validate("tarief: 1\ninwoners: 22.551\n", diag2);
    EXPECT_EQ(only_error(diag2).hint, "write whole numbers without a thousands separator: 22551");
}

TEST(ValidateSettings, TooLargeIntegerIsADataError) {
    Diagnostics diag;
    validate("tarief: 1\ninwoners: 99999999999999999999999\n", diag);
    EXPECT_EQ(only_error(diag).code, ExitCode::data);
}

TEST(ValidateSettings, BooleanIsStrictWithHints) {
    for (const std::string word : {"yes", "ja", "True", "on"}) {
        Diagnostics diag;
        validate("tarief: 1\nafronden: " + word + "\n", diag);
        Diagnostic e = only_error(diag);
        EXPECT_EQ(e.code, ExitCode::config);
        EXPECT_EQ(e.message, "expected true or false, got '" + word + "'");
        EXPECT_EQ(e.hint.rfind("write true instead of '" + word + "'", 0), 0u) << e.hint;
    }
    Diagnostics diag;
    validate("tarief: 1\nafronden: nee\n", diag);
    EXPECT_EQ(only_error(diag).hint.rfind("write false", 0), 0u);
}

TEST(ValidateSettings, PercentageInMillionths) {
    Diagnostics diag;
    Settings s = validate("tarief: 1\nindexatie: 2.5\n", diag);
    ASSERT_FALSE(diag.has_errors());
    EXPECT_EQ(s.percentage_ppm("indexatie"), 25000);

    Diagnostics diag2;
    validate("tarief: 1\nindexatie: 2,5\n", diag2);
    EXPECT_EQ(only_error(diag2).hint, "use a decimal point: 2.5 (a Dutch decimal comma is not a YAML number)");

    Diagnostics diag3;
    validate("tarief: 1\nindexatie: 2.5%\n", diag3);
    EXPECT_EQ(only_error(diag3).hint, "write the number without the % sign: 2.5");
}

TEST(ValidateSettings, DateMustBeIso) {
    Diagnostics diag;
    validate("tarief: 1\npeildatum: 01-01-2013\n", diag);
    Diagnostic e = only_error(diag);
    EXPECT_EQ(e.code, ExitCode::config);
    EXPECT_EQ(e.message, "expected a date yyyy-mm-dd (e.g. 2013-01-01), got '01-01-2013'");
    EXPECT_EQ(e.hint, "write dates as yyyy-mm-dd: 2013-01-01");

    Diagnostics diag2;
    validate("tarief: 1\npeildatum: 2013-02-30\n", diag2);
    EXPECT_NE(only_error(diag2).hint.find("not a day of the calendar"), std::string::npos);
}

// --- ranges ----------------------------------------------------------------------------------

TEST(ValidateSettings, OutOfRangeIsADataErrorNamingTheRange) {
    Diagnostics diag;
    Settings s = validate("tarief: -0.40\ninwoners: -5\nindexatie: 101\npeildatum: 1999-12-31\n", diag);
    auto errs = errors(diag);
    ASSERT_EQ(errs.size(), 4u) << diag.format_all();
    for (const auto &e : errs) EXPECT_EQ(e.code, ExitCode::data);
    EXPECT_EQ(errs[0].key_path, "plugins[0].tarief");
    EXPECT_EQ(errs[0].message, "expected an amount in euros from 0 to 100, got '-0.40'");
    EXPECT_EQ(errs[1].message, "expected a whole number of at least 0, got '-5'");
    EXPECT_EQ(errs[2].message, "expected a percentage from 0 to 100, got '101'");
    EXPECT_EQ(errs[3].message, "expected a date of at least 2000-01-01, got '1999-12-31'");
    EXPECT_EQ(diag.exit_code(), ExitCode::data);
    EXPECT_FALSE(s.has("tarief"));
}

TEST(ValidateSettings, BoundsAreInclusive) {
    Diagnostics diag;
    Settings s = validate("tarief: 100.00\ninwoners: 0\nindexatie: 0\npeildatum: 2000-01-01\n", diag);
    EXPECT_FALSE(diag.has_errors()) << diag.format_all();
    EXPECT_EQ(s.money("tarief"), Money::euros(100));
}

TEST(ValidateSettings, ConfigErrorOutranksDataError) {
    Diagnostics diag;
    validate("tarief: -1\nfoo: 2\n", diag);
    EXPECT_EQ(diag.error_count(), 2u);
    EXPECT_EQ(diag.exit_code(), ExitCode::config);
}

// --- list records ----------------------------------------------------------------------------

TEST(ValidateSettings, ListRecordsAreValidatedRecursively) {
    Diagnostics diag;
    Settings s = validate(
        "tarief: 1\n"
        "werkplekken:\n"
        "  - partner: OM\n"
        "    aantal: 2\n"
        "    van: 2013-01-01\n"
        "  - partner: 0123\n",
        diag);
    ASSERT_FALSE(diag.has_errors()) << diag.format_all();
    const auto &list = s.list("werkplekken");
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].text("partner"), "OM");
    EXPECT_EQ(list[0].integer("aantal"), 2);
    EXPECT_EQ(list[0].date("van"), (Date{2013, 1, 1}));
    EXPECT_EQ(list[1].text("partner"), "0123");
    EXPECT_EQ(list[1].integer("aantal"), 1);  // default
    EXPECT_TRUE(list[1].at("aantal").from_default);
    EXPECT_EQ(list[1].where("aantal").line, 6);  // the record
    EXPECT_FALSE(list[1].has("van"));
    EXPECT_EQ(s.where("werkplekken").line, 3);
}

TEST(ValidateSettings, ListRecordErrorsHaveIndexedKeyPaths) {
    Diagnostics diag;
    Settings s = validate(
        "tarief: 1\n"                 // 1
        "werkplekken:\n"              // 2
        "  - partner: OM\n"           // 3
        "  - partner: Politie\n"      // 4
        "    aantal: 101\n"           // 5
        "  - partner: Halt\n"         // 6
        "    van: 31-12-2013\n"       // 7
        "    tot: 2014-01-01\n"       // 8
        "  - aantal: 1\n"             // 9
        "  - gewoon tekst\n",         // 10
        diag);
    auto errs = errors(diag);
    ASSERT_EQ(errs.size(), 5u) << diag.format_all();
    EXPECT_EQ(errs[0].key_path, "plugins[0].werkplekken[1].aantal");
    EXPECT_EQ(errs[0].code, ExitCode::data);
    EXPECT_EQ(errs[0].message, "expected a whole number from 0 to 100, got '101'");
    EXPECT_EQ(errs[1].key_path, "plugins[0].werkplekken[2].van");
    EXPECT_EQ(errs[1].code, ExitCode::config);
    EXPECT_EQ(errs[1].hint, "write dates as yyyy-mm-dd: 2013-12-31");
    EXPECT_EQ(errs[2].key_path, "plugins[0].werkplekken[2].tot");
    EXPECT_EQ(errs[2].message, "unknown key 'tot'");
    EXPECT_EQ(errs[2].where.line, 8);
    EXPECT_EQ(errs[3].key_path, "plugins[0].werkplekken[3]");
    EXPECT_EQ(errs[3].message, "missing required key 'partner'");
    EXPECT_EQ(errs[3].where.line, 9);
    EXPECT_EQ(errs[3].where.column, 5);
    EXPECT_EQ(errs[4].key_path, "plugins[0].werkplekken[4]");
    EXPECT_NE(errs[4].message.find("expected a record"), std::string::npos);
    EXPECT_EQ(errs[4].where.line, 10);
    // The records that could be read are kept.
    ASSERT_TRUE(s.has("werkplekken"));
    EXPECT_EQ(s.list("werkplekken").size(), 4u);
}

TEST(ValidateSettings, ListThatIsNotAList) {
    Diagnostics diag;
    validate("tarief: 1\nwerkplekken:\n  partner: OM\n", diag);
    Diagnostic e = only_error(diag);
    EXPECT_EQ(e.code, ExitCode::config);
    EXPECT_EQ(e.key_path, "plugins[0].werkplekken");
    EXPECT_EQ(e.message, "expected a list of records, found a map");
}

TEST(ValidateSettings, ListCountBoundsAndDefaults) {
    const vhh_setting_spec fields[] = {
        {"x", VHH_SETTING_INTEGER, 0, "7", nullptr, nullptr, "x", nullptr, 0},
    };
    const vhh_setting_spec specs[] = {
        {"records", VHH_SETTING_LIST, 0, nullptr, "1", "2", "between one and two", fields, 1},
        {"standaard", VHH_SETTING_LIST, 0, "[{x: 3}, {}]", nullptr, nullptr, "with a default", fields, 1},
    };
    Diagnostics parse_diag;
    YamlNode node = read_yaml_text("records: [{x: 1}, {x: 2}, {x: 3}]\n", "vhh.yaml", parse_diag);
    Diagnostics diag;
    Settings s = validate_settings(node, specs, 2, "", {}, diag);
    Diagnostic e = only_error(diag);
    EXPECT_EQ(e.code, ExitCode::data);
    EXPECT_EQ(e.key_path, "records");
    EXPECT_EQ(e.message, "expected a number of records from 1 to 2, got 3");
    ASSERT_TRUE(s.has("standaard"));
    ASSERT_EQ(s.list("standaard").size(), 2u);
    EXPECT_EQ(s.list("standaard")[0].integer("x"), 3);
    EXPECT_EQ(s.list("standaard")[1].integer("x"), 7);
    EXPECT_TRUE(s.at("standaard").from_default);
    EXPECT_EQ(s.where("standaard").line, 1);
}

TEST(ValidateSettings, EmptyKeyPathGivesBareKeys) {
    const vhh_setting_spec specs[] = {
        {"boekjaar", VHH_SETTING_INTEGER, VHH_SETTING_REQUIRED, nullptr, "1990", "2200", "year", nullptr, 0},
    };
    Diagnostics parse_diag;
    YamlNode node = read_yaml_text("boekjaar: 1890\n", "vhh.yaml", parse_diag);
    Diagnostics diag;
    validate_settings(node, specs, 1, "", {}, diag);
    Diagnostic e = only_error(diag);
    EXPECT_EQ(e.key_path, "boekjaar");
    EXPECT_EQ(e.message, "expected a whole number from 1990 to 2200, got '1890'");
}

TEST(ValidateSettings, DuplicateKeysAreNotReportedTwice) {
    Diagnostics parse_diag;
    YamlNode node = read_yaml_text("tarief: 1\ntarief: abc\n", "vhh.yaml", parse_diag);
    EXPECT_EQ(parse_diag.error_count(), 1u);  // the reader reports the duplicate
    Diagnostics diag;
    Settings s = validate_settings(node, kSpecs, kSpecCount, "plugins[0]", {}, diag);
    EXPECT_FALSE(diag.has_errors()) << diag.format_all();
    EXPECT_EQ(s.money("tarief"), Money::euros(1));  // the first one counts
}

// --- scalar parsers ----------------------------------------------------------------------------

TEST(ScalarParsers, Integer) {
    EXPECT_EQ(parse_integer("22551"), 22551);
    EXPECT_EQ(parse_integer("-12"), -12);
    EXPECT_EQ(parse_integer("+7"), 7);
    EXPECT_EQ(parse_integer("0123"), 123);
    EXPECT_EQ(parse_integer("0"), 0);
    EXPECT_EQ(parse_integer("9223372036854775807"), INT64_MAX);
    EXPECT_EQ(parse_integer("-9223372036854775808"), INT64_MIN);
    EXPECT_FALSE(parse_integer("9223372036854775808"));
    EXPECT_FALSE(parse_integer(""));
    EXPECT_FALSE(parse_integer("-"));
    EXPECT_FALSE(parse_integer("1.0"));
    EXPECT_FALSE(parse_integer("0o17"));
    EXPECT_FALSE(parse_integer("1e3"));
    EXPECT_FALSE(parse_integer(" 1"));
    std::string hint;
    EXPECT_FALSE(parse_integer("1_000", &hint));
    EXPECT_EQ(hint, "write the digits without separators: 1000");
}

TEST(ScalarParsers, Money) {
    EXPECT_EQ(parse_money("0.40"), Money::cents(40));
    EXPECT_EQ(parse_money("161700"), Money::euros(161700));
    EXPECT_EQ(parse_money("5000.5"), Money::cents(500050));
    EXPECT_EQ(parse_money("-3.21"), Money::cents(-321));
    EXPECT_FALSE(parse_money("0.405"));
    EXPECT_FALSE(parse_money("1e3"));
    std::string hint;
    EXPECT_FALSE(parse_money("161.700", &hint));
    EXPECT_NE(hint.find("161700"), std::string::npos) << hint;
    hint.clear();
    EXPECT_FALSE(parse_money("\u20ac 5000", &hint));
    EXPECT_EQ(hint, "write the amount without the euro sign: 5000");
    hint.clear();
    EXPECT_FALSE(parse_money("0.405", &hint));
    EXPECT_NE(hint.find("two decimals"), std::string::npos) << hint;
    hint.clear();
    EXPECT_FALSE(parse_money("1,234.56", &hint));
    EXPECT_EQ(hint, "write the amount without a thousands separator: 1234.56");
}

TEST(ScalarParsers, Percentage) {
    EXPECT_EQ(parse_percentage_ppm("2.5"), 25000);
    EXPECT_EQ(parse_percentage_ppm("100"), 1000000);
    EXPECT_EQ(parse_percentage_ppm("0.0001"), 1);
    EXPECT_EQ(parse_percentage_ppm("-1.25"), -12500);
    EXPECT_FALSE(parse_percentage_ppm("0.00001"));
    EXPECT_FALSE(parse_percentage_ppm("abc"));
    EXPECT_FALSE(parse_percentage_ppm("1."));
    EXPECT_FALSE(parse_percentage_ppm("99999999999999999999999999999999999999999999"));
}

TEST(ScalarParsers, Boolean) {
    EXPECT_EQ(parse_boolean("true"), true);
    EXPECT_EQ(parse_boolean("false"), false);
    EXPECT_FALSE(parse_boolean("TRUE"));
    EXPECT_FALSE(parse_boolean("yes"));
    EXPECT_FALSE(parse_boolean(""));
}

// --- settings tables -----------------------------------------------------------------------------

/// Every problem of a table, joined with "; ".
std::string table_problems(const vhh_setting_spec *specs, std::uint32_t count) {
    std::string all;
    for (const auto &p : check_settings_table(specs, count)) all += (all.empty() ? "" : "; ") + p;
    return all;
}

TEST(CheckSettingsTable, AcceptsAGoodTable) {
    EXPECT_EQ(table_problems(kSpecs, kSpecCount), "");
    EXPECT_EQ(table_problems(nullptr, 0), "");
}

TEST(CheckSettingsTable, FindsProblems) {
    auto check = [](std::vector<vhh_setting_spec> specs) {
        return table_problems(specs.data(), static_cast<std::uint32_t>(specs.size()));
    };
    vhh_setting_spec good{"a", VHH_SETTING_INTEGER, 0, "1", "0", "10", "a", nullptr, 0};

    auto dup = good;
    EXPECT_NE(check({good, dup}).find("declared twice"), std::string::npos);
    auto nokey = good;
    nokey.key = "";
    EXPECT_NE(check({nokey}).find("no key"), std::string::npos);
    nokey.key = nullptr;
    EXPECT_NE(check({nokey}).find("no key"), std::string::npos);
    auto type = good;
    type.type = 99;
    EXPECT_NE(check({type}).find("unknown type"), std::string::npos);
    auto bad_default = good;
    bad_default.default_value = "0,5";
    EXPECT_NE(check({bad_default}).find("default '0,5'"), std::string::npos);
    auto outside = good;
    outside.default_value = "11";
    EXPECT_NE(check({outside}).find("range"), std::string::npos);
    auto bad_min = good;
    bad_min.min_value = "x";
    EXPECT_NE(check({bad_min}).find("minimum 'x'"), std::string::npos);
    auto swapped = good;
    swapped.min_value = "10";
    swapped.max_value = "0";
    swapped.default_value = nullptr;
    EXPECT_NE(check({swapped}).find("greater than maximum"), std::string::npos);
    auto required_default = good;
    required_default.flags = VHH_SETTING_REQUIRED;
    EXPECT_NE(check({required_default}).find("required"), std::string::npos);
    vhh_setting_spec list{"l", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr, "l", nullptr, 0};
    EXPECT_NE(check({list}).find("without record fields"), std::string::npos);
    vhh_setting_spec bad_field{"f", VHH_SETTING_BOOLEAN, 0, "maybe", nullptr, nullptr, "f", nullptr, 0};
    list.fields = &bad_field;
    list.field_count = 1;
    std::string problem = check({list});
    EXPECT_NE(problem.find("'l.f'"), std::string::npos) << problem;
    EXPECT_EQ(table_problems(nullptr, 2), "table is missing");
    vhh_setting_spec text_bound{"t", VHH_SETTING_TEXT, 0, nullptr, "a", nullptr, "t", nullptr, 0};
    EXPECT_NE(check({text_bound}).find("no range"), std::string::npos);
}

}  // namespace
}  // namespace vhh::host
