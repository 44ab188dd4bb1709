// Tests for importer.csv-nl: good files (BOM, CRLF, quoting, configured column names), every kind of
// error located at its line and column with exit code 65 (all of a file in one run), the settings
// checks (78), the plugin object, and a property test: random ledgers written in the format and read
// back give the same lines and the same sum to the cent.
#include "csv_nl.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "vhh/ledger_csv.h"
#include "vhh/testing.h"

namespace {

using namespace vhh;
using namespace vhh::importer_csv_nl;

const std::string kPath = "/cfg/grootboek.csv";

/// Reads `csv` whole (as a test's file) and streamed (as the host hands a file over); both must
/// give the same lines and the same diagnostics, which land in `d`.
std::vector<LedgerLine> read(const std::string &csv, Diagnostics &d, const Kolommen &k = {}) {
    LedgerLines whole;
    read_ledger({kPath, csv}, k, "plugins[5]", d, whole);
    StringInputStream stream(csv);
    Diagnostics ds;
    LedgerLines streamed;
    read_ledger({kPath, "", &stream}, k, "plugins[5]", ds, streamed);
    EXPECT_EQ(ds.format_all(), d.format_all());
    EXPECT_EQ(streamed.lines.size(), whole.lines.size());
    for (std::size_t i = 0; i < whole.lines.size() && i < streamed.lines.size(); ++i) {
        EXPECT_EQ(streamed.lines[i].where.line, whole.lines[i].where.line);
        EXPECT_EQ(streamed.lines[i].bedrag, whole.lines[i].bedrag);
        EXPECT_EQ(streamed.lines[i].omschrijving, whole.lines[i].omschrijving);
    }
    return whole.lines;
}

/// The error at line:column whose message (or hint) holds `text`; fails the test when there is none.
const Diagnostic *error_at(const Diagnostics &d, int line, int column, const std::string &text,
                           ExitCode code = ExitCode::data, const std::string &file = kPath) {
    for (const auto &x : d.all())
        if (x.severity == Severity::error && x.code == code && x.where.file == file && x.where.line == line &&
            x.where.column == column && (x.message + " | " + x.hint).find(text) != std::string::npos)
            return &x;
    ADD_FAILURE() << "no error at " << line << ":" << column << " with '" << text << "':\n" << d.format_all();
    return nullptr;
}

/// The importer's settings from `yaml` as the host validates them (its settings file, plugins[5]).
Settings settings(const std::string &yaml, Diagnostics &diag) {
    vhh::testing::SettingsSource source;
    source.key_path = "plugins[5]";
    source.plugin = "importer.csv-nl";
    return vhh::testing::settings_from_yaml(kSettings, yaml, diag, vhh::testing::sample_region(), source);
}

// ---- good files ---------------------------------------------------------------------------------

TEST(CsvNl, ReadsBomCrlfQuotesAndDutchAmounts) {
    const std::string csv =
        "\xEF\xBB\xBF"
        "Boekstuk;Datum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag\r\n"
        "1;02-01-2013;200;4200;\"Huur; 1e kwartaal\";22.500,00\r\n"
        "2;15-01-2013;300;4300;\"Licentie \"\"casus\"\"\nregel twee\";-1.234,56\r\n"
        "\r\n"
        "3;31-12-2013; 110 ;4000;  Salaris  ;1234,5\r\n"
        "4;29-02-2012;110;4000;;0\r\n";
    Diagnostics d;
    const auto lines = read(csv, d);
    ASSERT_FALSE(d.has_errors()) << d.format_all();
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0].datum, (Date{2013, 1, 2}));
    EXPECT_EQ(lines[0].kostenplaats, "200");
    EXPECT_EQ(lines[0].rekening, "4200");
    EXPECT_EQ(lines[0].omschrijving, "Huur; 1e kwartaal");
    EXPECT_EQ(lines[0].bedrag.in_cents(), 2250000);
    EXPECT_EQ(lines[0].where.file, kPath);
    EXPECT_EQ(lines[0].where.line, 2);
    EXPECT_EQ(lines[0].where.column, 3);  // the date, after the BOM (which is no column)
    EXPECT_EQ(lines[1].omschrijving, "Licentie \"casus\"\nregel twee");
    EXPECT_EQ(lines[1].bedrag.in_cents(), -123456);
    EXPECT_EQ(lines[2].where.line, 6);  // the quoted line break counts, the blank line is skipped
    EXPECT_EQ(lines[2].kostenplaats, "110");
    EXPECT_EQ(lines[2].omschrijving, "Salaris");
    EXPECT_EQ(lines[2].bedrag.in_cents(), 123450);
    EXPECT_EQ(lines[3].datum, (Date{2012, 2, 29}));  // the boekjaar is the caller's business
    EXPECT_EQ(lines[3].bedrag.in_cents(), 0);
}

TEST(CsvNl, ConfiguredColumnsInAnyOrderAndWithoutOmschrijving) {
    Kolommen k;
    k.datum = "Boekdatum";
    k.kostenplaats = "Kpl";
    k.rekening = "Rekening";
    k.bedrag = "Bedrag EUR";
    Diagnostics d;
    const auto lines = read(" bedrag eur ;REKENING;kpl;Boekdatum;Extra\n-5,00;8100;HVH;15-01-2023;x\n", d, k);
    ASSERT_FALSE(d.has_errors()) << d.format_all();
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].bedrag.in_cents(), -500);
    EXPECT_EQ(lines[0].kostenplaats, "HVH");
    EXPECT_EQ(lines[0].omschrijving, "");
    EXPECT_EQ(lines[0].where.column, 16);
}

TEST(CsvNl, HeaderOnlyIsAnEmptyLedger) {
    Diagnostics d;
    EXPECT_TRUE(read("Datum;Kostenplaats;Grootboekrekening;Bedrag\r\n\r\n", d).empty());
    EXPECT_FALSE(d.has_errors()) << d.format_all();
}

// ---- every error located ------------------------------------------------------------------------

TEST(CsvNl, EveryBadLineOfTheFileInOneRun) {
    const std::string csv =
        "Datum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag\n"
        "25-01-2013;100;4000;ok;1.000,00\n"                        // 2: good
        "25-01-2013;100;4000;te weinig\n"                          // 3: 4 fields, at the last one
        "25-01-2013;100;4000;te veel;1,00;x\n"                     // 4: 6 fields, at the extra one
        "25-01-2013;100;4000;engels;1,234.56\n"                    // 5: amount
        "2013-01-25;100;4000;iso;10,00\n"                          // 6: date format
        "31-02-2013;100;4000;geen dag;10,00\n"                     // 7: not a day
        "25-01-2013;100;4000;drie decimalen;1.644,245\n"           // 8: amount
        "25-01-2013;100;4000;leeg;\n"                              // 9: empty amount
        "25-01-2013;100;4000;te groot;1.000.000.000,01\n"          // 10: out of range
        "25-01-2013;100;4000;\"Energie\" 01;10,00\n"               // 11: text after a closing quote
        "xx;100;4000;beide;yy\n"                                   // 12: date and amount
        "-1.000.000.000,00 mag;100;4000;grens;-1.000.000.000,00\n" // 13: date only (the amount is the limit)
        "26-01-2013;100;4000;ook goed;-0,01\n";                    // 14: good
    Diagnostics d;
    const auto lines = read(csv, d);
    error_at(d, 3, 21, "line has 4 fields, the header has 5");
    error_at(d, 4, 34, "line has 6 fields, the header has 5");
    error_at(d, 5, 28, "expected an amount like 1.234,56 or -1.234,56 in column 'Bedrag', got '1,234.56'");
    error_at(d, 6, 1, "expected a date dd-mm-jjjj in column 'Datum', got '2013-01-25'");
    error_at(d, 7, 1, "got '31-02-2013'");
    error_at(d, 8, 36, "got '1.644,245'");
    error_at(d, 9, 26, "got ''");
    error_at(d, 10, 30, "amount '1.000.000.000,01' in column 'Bedrag' is out of range");
    error_at(d, 11, 30, "unexpected text after a closing quote");
    error_at(d, 12, 1, "got 'xx'");
    error_at(d, 12, 19, "got 'yy'");
    error_at(d, 13, 1, "got '-1.000.000.000,00 mag'");
    EXPECT_EQ(d.error_count(), 12u) << d.format_all();
    EXPECT_EQ(d.exit_code(), ExitCode::data);
    ASSERT_EQ(lines.size(), 3u);  // lines 2, 11 (its fields are still read) and 14
    EXPECT_EQ(lines[0].where.line, 2);
    EXPECT_EQ(lines[1].where.line, 11);
    EXPECT_EQ(lines[2].bedrag.in_cents(), -1);
}

TEST(CsvNl, UnterminatedQuoteIsReportedWhereItOpens) {
    Diagnostics d;
    read("Datum;Kostenplaats;Grootboekrekening;Bedrag\n01-01-2013;\"100;4000;1,00\n", d);
    error_at(d, 2, 12, "unterminated quoted field");
    error_at(d, 2, 12, "line has 2 fields, the header has 4");
}

TEST(CsvNl, EmptyFile) {
    for (const std::string csv : {"", "\xEF\xBB\xBF", "\n\r\n"}) {
        Diagnostics d;
        EXPECT_TRUE(read(csv, d).empty());
        error_at(d, 1, 1, "the ledger export is empty; expected a header row");
        EXPECT_EQ(d.error_count(), 1u);
    }
}

TEST(CsvNl, AFileThatIsNotUtf8IsOneErrorNotAlsoAnEmptyLedger) {
    Diagnostics d;
    EXPECT_TRUE(read("Datum;Kostenplaats;Grootboekrekening;Bedrag\n01-01-2013;Caf\xE9;1;5,00\n", d).empty());
    EXPECT_EQ(d.error_count(), 1u) << d.format_all();
    EXPECT_NE(d.all()[0].message.find("UTF-8"), std::string::npos) << d.format_all();
}

TEST(CsvNl, MissingColumnsAtTheHeaderWithTheSettingToChange) {
    Diagnostics d;
    EXPECT_TRUE(read("Boekdatum;Kpl;Grootboekrekening;Bedrag\n01-01-2013;100;1;5,00\n", d).empty());
    const Diagnostic *x = error_at(d, 1, 1, "the header has no column 'Datum'");
    ASSERT_NE(x, nullptr);
    EXPECT_EQ(x->hint, "columns found: Boekdatum; Kpl; Grootboekrekening; Bedrag; set 'plugins[5].kolom_datum' to the "
                       "name this file uses");
    error_at(d, 1, 1, "the header has no column 'Kostenplaats'");
    EXPECT_EQ(d.error_count(), 2u) << d.format_all();
}

TEST(CsvNl, AColumnReadTwiceInTheHeaderIsOneError) {
    Diagnostics d;
    EXPECT_TRUE(read("Boekstuk;Datum;Kostenplaats;Grootboekrekening;Bedrag;Bedrag\n1;01-01-2013;1;2;x;5,00\n"
                     "2;01-01-2013;1;2;y;6,00\n",
                     d)
                    .empty());
    error_at(d, 1, 54, "the header has column 'Bedrag' twice (fields 5 and 6)");
    EXPECT_EQ(d.error_count(), 1u) << d.format_all();
    // A column the importer does not read may be there twice.
    Diagnostics d2;
    EXPECT_EQ(read("Notitie;Datum;Kostenplaats;Grootboekrekening;Bedrag;notitie\na;01-01-2013;1;2;5,00;b\n", d2).size(),
              1u);
    EXPECT_FALSE(d2.has_errors()) << d2.format_all();
}

TEST(CsvNl, AFileOfAnotherFormatIsOneErrorAtTheHeader) {
    Diagnostics d;
    EXPECT_TRUE(read("Datum,Kostenplaats,Grootboekrekening,Omschrijving,Debet,Credit\n2013-01-25,100,4000,x,1.00,\n",
                     d)
                    .empty());
    const Diagnostic *x = error_at(d, 1, 1, "this file is separated by ',', not by ';'");
    ASSERT_NE(x, nullptr);
    EXPECT_NE(x->hint.find("importer.debet-credit"), std::string::npos);
    EXPECT_EQ(d.error_count(), 1u) << d.format_all();
}

TEST(CsvNl, EmptySpreadsheetRowsBeforeTheHeaderAreSkipped) {
    // Spreadsheets write an empty row as separators only: it is no header, and no data line.
    Diagnostics d;
    const auto lines = read(";;;;\r\n ; ;\r\nDatum;Kostenplaats;Grootboekrekening;Bedrag\r\n;;;\r\n"
                            "01-01-2013;100;4000;5,00\r\n",
                            d);
    EXPECT_FALSE(d.has_errors()) << d.format_all();
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].where.line, 5);
    // Only blank rows: an empty export, said once.
    Diagnostics e;
    EXPECT_TRUE(read(";;;;\n;;;;\n", e).empty());
    error_at(e, 1, 1, "the ledger export is empty; expected a header row");
    EXPECT_EQ(e.error_count(), 1u) << e.format_all();
}

TEST(CsvNl, ErrorsComeInTheOrderOfTheFile) {
    // CSV syntax errors are reported as the lines are read, among the errors of the other lines.
    Diagnostics d;
    read("Datum;Kostenplaats;Grootboekrekening;Bedrag\n01-01-2013;100;4000;5,00\n32-01-2013;100;4000;5,00\n"
         "01-02-2013;100;4000;5,00\n01-03-2013;\"1\"x;4000;5,00\n01-04-2013;100;4000;abc\n",
         d);
    std::vector<int> lines;
    for (const auto &x : d.all()) lines.push_back(x.where.line);
    EXPECT_EQ(lines, (std::vector<int>{3, 5, 6})) << d.format_all();
}

TEST(CsvNl, AnUnusableHeaderStillReportsTheSyntaxErrorsOfTheFile) {
    Diagnostics d;
    EXPECT_TRUE(read("Boekdatum;Kostenplaats;Grootboekrekening;Bedrag\n01-01-2013;\"100\"x;4000;5,00\n"
                     "01-01-2013;\"open;4000;5,00\n",
                     d)
                    .empty());
    error_at(d, 1, 1, "the header has no column 'Datum'");
    error_at(d, 2, 17, "unexpected text after a closing quote");
    error_at(d, 3, 12, "unterminated quoted field");
    EXPECT_EQ(d.error_count(), 3u) << d.format_all();
}

// ---- settings -----------------------------------------------------------------------------------

TEST(CsvNlSettings, DefaultsAndConfiguredNames) {
    Diagnostics d;
    auto k = read_kolommen(settings("", d), "plugins[5]", d);
    ASSERT_TRUE(k);
    EXPECT_EQ(k->datum, "Datum");
    EXPECT_EQ(k->kostenplaats, "Kostenplaats");
    EXPECT_EQ(k->rekening, "Grootboekrekening");
    EXPECT_EQ(k->bedrag, "Bedrag");
    EXPECT_EQ(k->omschrijving, "Omschrijving");
    k = read_kolommen(settings("kolom_bedrag: ' Bedrag EUR '\n", d), "plugins[5]", d);
    ASSERT_TRUE(k);
    EXPECT_EQ(k->bedrag, "Bedrag EUR");
    EXPECT_FALSE(d.has_errors());
}

TEST(CsvNlSettings, EmptyOrSharedColumnNamesAre78AtTheSetting) {
    Diagnostics d;
    const Settings s = settings("kolom_datum: '  '\nkolom_bedrag: kostenplaats\n", d);
    ASSERT_FALSE(d.has_errors()) << d.format_all();  // the host takes both; the importer refuses them
    EXPECT_FALSE(read_kolommen(s, "plugins[5]", d));
    error_at(d, 1, 14, "a column name cannot be empty", ExitCode::config, "instellingen.yaml");
    error_at(d, 2, 15, "column 'kostenplaats' is already the column of 'kolom_kostenplaats'", ExitCode::config,
             "instellingen.yaml");
    for (const auto &x : d.all()) EXPECT_EQ(x.key_path.rfind("plugins[5].kolom_", 0), 0u) << x.key_path;
}

TEST(CsvNlPlugin, ImportsWithItsSettingsAndReportsASettingsErrorOnce) {
    Diagnostics sd;
    vhh::testing::FakeImportContext ctx(settings("kolom_bedrag: Bedrag EUR\n", sd));
    ctx.set_key_path("plugins[5]");
    CsvNlImporter importer;
    auto lines = vhh::testing::import_text(importer, ctx,
                                      "Datum;Kostenplaats;Grootboekrekening;Bedrag EUR\n01-01-2013;1;2;3,00\n", kPath);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].bedrag.in_cents(), 300);
    vhh::testing::import_text(importer, ctx, "Datum;Kostenplaats;Grootboekrekening;Bedrag\n01-01-2013;1;2;3,00\n", kPath);
    const Diagnostic *x = error_at(ctx.diag(), 1, 1, "no column 'Bedrag EUR'");
    ASSERT_NE(x, nullptr);
    EXPECT_NE(x->hint.find("'plugins[5].kolom_bedrag'"), std::string::npos);

    vhh::testing::FakeImportContext ctx2(settings("kolom_datum: ''\n", sd));
    ASSERT_FALSE(sd.has_errors()) << sd.format_all();
    CsvNlImporter importer2;
    EXPECT_TRUE(vhh::testing::import_text(importer2, ctx2, "Datum;Kostenplaats;Grootboekrekening;Bedrag\n", kPath).empty());
    EXPECT_TRUE(vhh::testing::import_text(importer2, ctx2, "Datum;Kostenplaats;Grootboekrekening;Bedrag\n", kPath).empty());
    EXPECT_EQ(ctx2.diag().error_count(), 1u) << ctx2.diag().format_all();
    EXPECT_EQ(ctx2.diag().exit_code(), ExitCode::config);
}

// ---- property: write, read back ----------------------------------------------------------------

/// A field as the format writes it: quoted when it must be (or at random), quotes doubled.
std::string csv_field(const std::string &text, std::mt19937_64 &rng) {
    const bool must = text.find_first_of(";\"\n\r") != std::string::npos;
    if (!must && rng() % 4 != 0) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

/// An amount in one of the Dutch ways to write it: 1.234,56 or 1234,56, whole euros without decimals.
std::string amount_text(Money m, std::mt19937_64 &rng) {
    std::string s = m.format_nl_plain();
    if (rng() % 2) s.erase(std::remove(s.begin(), s.end(), '.'), s.end());
    if (m.in_cents() % 100 == 0 && rng() % 2) s = s.substr(0, s.size() - 3);
    return s;
}

/// Up to `max` characters drawn from `alphabet` (whole UTF-8 characters: "é" is one).
std::string random_text(std::mt19937_64 &rng, const std::string &alphabet, std::size_t max) {
    std::vector<std::string> chars;
    for (std::size_t i = 0; i < alphabet.size(); ++i) {
        if ((static_cast<unsigned char>(alphabet[i]) & 0xC0) == 0x80) chars.back() += alphabet[i];
        else chars.emplace_back(1, alphabet[i]);
    }
    std::string s;
    const std::size_t n = rng() % (max + 1);
    for (std::size_t i = 0; i < n; ++i) s += chars[rng() % chars.size()];
    return std::string(ledger_csv::trim(s));  // fields are read without surrounding spaces
}

TEST(CsvNlProperty, RandomLedgersReadBackToTheSameLinesAndSum) {
    std::mt19937_64 rng(20130606);
    for (int round = 0; round < 300; ++round) {
        Kolommen k;
        if (rng() % 2) k = {"Boekdatum", "Kpl", "Rekening", "Bedrag EUR", "Tekst"};
        const bool bom = rng() % 2, crlf = rng() % 2, with_text = rng() % 3 != 0, extra = rng() % 2;
        const std::string eol = crlf ? "\r\n" : "\n";
        // Columns in a random order, perhaps with a column the importer does not read.
        std::vector<int> order = {0, 1, 2, 3};
        if (with_text) order.push_back(4);
        if (extra) order.push_back(5);
        std::shuffle(order.begin(), order.end(), rng);
        const std::string names[] = {k.datum, k.kostenplaats, k.rekening, k.bedrag, k.omschrijving, "Boekstuk"};

        std::string csv = bom ? "\xEF\xBB\xBF" : "";
        for (std::size_t i = 0; i < order.size(); ++i) csv += (i ? ";" : "") + csv_field(names[order[i]], rng);
        csv += eol;
        int line = 2;
        std::vector<LedgerLine> want;
        std::int64_t sum = 0;
        const int n = static_cast<int>(rng() % 40);
        for (int i = 0; i < n; ++i) {
            LedgerLine l;
            l.datum = {static_cast<int>(2000 + rng() % 30), static_cast<int>(1 + rng() % 12), 1};
            l.datum.day = static_cast<int>(1 + rng() % 31);
            while (!l.datum.valid()) --l.datum.day;
            l.kostenplaats = random_text(rng, "0123456789ABCZ", 6);
            l.rekening = random_text(rng, "0123456789", 5);
            if (with_text) l.omschrijving = random_text(rng, "abc xyzéë;\"\n,'-", 30);
            const std::int64_t magnitude = rng() % 4 == 0 ? ledger_csv::kMaxAmountCents : 100000000;
            l.bedrag = Money::cents(static_cast<std::int64_t>(rng() % (2 * magnitude + 1)) - magnitude);
            char date[16];
            std::snprintf(date, sizeof date, "%02d-%02d-%04d", l.datum.day, l.datum.month, l.datum.year);
            const std::string values[] = {date, l.kostenplaats, l.rekening, amount_text(l.bedrag, rng), l.omschrijving,
                                          std::to_string(i)};
            for (std::size_t j = 0; j < order.size(); ++j) csv += (j ? ";" : "") + csv_field(values[order[j]], rng);
            csv += eol;
            l.where.line = line;
            line += 1 + static_cast<int>(std::count(l.omschrijving.begin(), l.omschrijving.end(), '\n'));
            if (rng() % 8 == 0) {  // a blank line now and then
                csv += eol;
                ++line;
            }
            sum += l.bedrag.in_cents();
            want.push_back(l);
        }
        Diagnostics d;
        const auto got = read(csv, d, k);
        ASSERT_FALSE(d.has_errors()) << d.format_all() << "\n" << csv;
        ASSERT_EQ(got.size(), want.size()) << csv;
        std::int64_t got_sum = 0;
        for (std::size_t i = 0; i < got.size(); ++i) {
            EXPECT_EQ(got[i].datum, want[i].datum);
            EXPECT_EQ(got[i].kostenplaats, want[i].kostenplaats);
            EXPECT_EQ(got[i].rekening, want[i].rekening);
            EXPECT_EQ(got[i].omschrijving, want[i].omschrijving);
            EXPECT_EQ(got[i].bedrag, want[i].bedrag);
            EXPECT_EQ(got[i].where.line, want[i].where.line);
            got_sum += got[i].bedrag.in_cents();
        }
        EXPECT_EQ(got_sum, sum);
    }
}

}  // namespace
