// Tests for importer.debet-credit: good files (BOM, CRLF, quoted descriptions with commas, configured
// column names, bedrag = debet − credit), every kind of error located at its line and column with exit
// code 65 (all of a file in one run), the settings checks (78), the plugin object, and a property
// test: random ledgers written in the format and read back give the same lines and sum to the cent.
#include "debet_credit.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "vhh/ledger_csv.h"
#include "vhh/testing.h"

namespace {

using namespace vhh;
using namespace vhh::importer_debet_credit;

const std::string kPath = "/cfg/grootboek-2023.csv";

/// Reads `csv` whole (as a test's file) and streamed (as the host hands a file over); both must
/// give the same lines and the same diagnostics, which land in `d`.
std::vector<LedgerLine> read(const std::string &csv, Diagnostics &d, const Kolommen &k = {}) {
    LedgerLines whole;
    read_ledger({kPath, csv}, k, "plugins[3]", d, whole);
    StringInputStream stream(csv);
    Diagnostics ds;
    LedgerLines streamed;
    read_ledger({kPath, "", &stream}, k, "plugins[3]", ds, streamed);
    EXPECT_EQ(ds.format_all(), d.format_all());
    EXPECT_EQ(streamed.lines.size(), whole.lines.size());
    for (std::size_t i = 0; i < whole.lines.size() && i < streamed.lines.size(); ++i) {
        EXPECT_EQ(streamed.lines[i].where.line, whole.lines[i].where.line);
        EXPECT_EQ(streamed.lines[i].bedrag, whole.lines[i].bedrag);
        EXPECT_EQ(streamed.lines[i].omschrijving, whole.lines[i].omschrijving);
    }
    return whole.lines;
}

const Diagnostic *error_at(const Diagnostics &d, int line, int column, const std::string &text,
                           ExitCode code = ExitCode::data, const std::string &file = kPath) {
    for (const auto &x : d.all())
        if (x.severity == Severity::error && x.code == code && x.where.file == file && x.where.line == line &&
            x.where.column == column && (x.message + " | " + x.hint).find(text) != std::string::npos)
            return &x;
    ADD_FAILURE() << "no error at " << line << ":" << column << " with '" << text << "':\n" << d.format_all();
    return nullptr;
}

/// The importer's settings from `yaml` as the host validates them (its settings file, plugins[3]).
Settings settings(const std::string &yaml, Diagnostics &diag) {
    vhh::testing::SettingsSource source;
    source.key_path = "plugins[3]";
    source.plugin = "importer.debet-credit";
    return vhh::testing::settings_from_yaml(kSettings, yaml, diag, vhh::testing::sample_region(), source);
}

// ---- amounts ------------------------------------------------------------------------------------

TEST(DebetCreditAmount, DecimalPointAtMostTwoDecimals) {
    EXPECT_EQ(parse_amount("")->in_cents(), 0);
    EXPECT_EQ(parse_amount("1234.56")->in_cents(), 123456);
    EXPECT_EQ(parse_amount("0.5")->in_cents(), 50);
    EXPECT_EQ(parse_amount("12")->in_cents(), 1200);
    EXPECT_EQ(parse_amount("-12.30")->in_cents(), -1230);
    for (const char *bad : {"1.234,56", "1,234.56", "1234,56", "12.345", "€ 12", "+12", "12.", ".5", "1e3", "12 ",
                            "--1", "-", "abc"})
        EXPECT_FALSE(parse_amount(bad)) << bad;
}

// ---- good files ---------------------------------------------------------------------------------

TEST(DebetCredit, ReadsBomCrlfQuotedCommasAndDebetMinusCredit) {
    const std::string csv =
        "\xEF\xBB\xBF"
        "Datum,Kostenplaats,Grootboekrekening,Omschrijving,Debet,Credit\r\n"
        "2023-01-15,HVH,4400,\"Pilot Huis van Herstel, begeleiding 1/4\",42826.06,\r\n"
        "2023-01-15,HVH,8100,\"Bijdrage DJI, \"\"pilot\"\"\",,42763.78\r\n"
        "\r\n"
        "2023-12-31, ZVH90 ,4900,Correctie,100.00,25.5\r\n"
        "2024-02-29,ZVH90,4900,,0.00,0\r\n";
    Diagnostics d;
    const auto lines = read(csv, d);
    ASSERT_FALSE(d.has_errors()) << d.format_all();
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0].datum, (Date{2023, 1, 15}));
    EXPECT_EQ(lines[0].kostenplaats, "HVH");
    EXPECT_EQ(lines[0].rekening, "4400");
    EXPECT_EQ(lines[0].omschrijving, "Pilot Huis van Herstel, begeleiding 1/4");
    EXPECT_EQ(lines[0].bedrag.in_cents(), 4282606);
    EXPECT_EQ(lines[0].where.line, 2);
    EXPECT_EQ(lines[0].where.column, 1);
    EXPECT_EQ(lines[1].omschrijving, "Bijdrage DJI, \"pilot\"");
    EXPECT_EQ(lines[1].bedrag.in_cents(), -4276378);  // credit: negative
    EXPECT_EQ(lines[2].where.line, 5);
    EXPECT_EQ(lines[2].kostenplaats, "ZVH90");
    EXPECT_EQ(lines[2].bedrag.in_cents(), 7450);  // 100.00 − 25.50
    EXPECT_EQ(lines[3].datum, (Date{2024, 2, 29}));
    EXPECT_EQ(lines[3].bedrag.in_cents(), 0);
}

TEST(DebetCredit, ConfiguredColumnsInAnyOrder) {
    Kolommen k;
    k.datum = "Boekdatum";
    k.kostenplaats = "Kpl";
    k.rekening = "Rekening";
    k.debet = "Debet EUR";
    k.credit = "Credit EUR";
    Diagnostics d;
    const auto lines = read("credit eur,Debet EUR,kpl,Rekening,Boekdatum\n1.50,,ZVH01,4000,2023-03-01\n", d, k);
    ASSERT_FALSE(d.has_errors()) << d.format_all();
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].bedrag.in_cents(), -150);
    EXPECT_EQ(lines[0].omschrijving, "");
    EXPECT_EQ(lines[0].where.column, 18);
}

// ---- every error located ------------------------------------------------------------------------

TEST(DebetCredit, EveryBadLineOfTheFileInOneRun) {
    const std::string csv =
        "Datum,Kostenplaats,Grootboekrekening,Omschrijving,Debet,Credit\n"
        "2023-01-25,100,4000,ok,1000.00,\n"                   // 2: good
        "2023-01-25,100,4000,Huur, 1e kwartaal,10.00,\n"      // 3: unquoted comma: 7 fields, at the 7th
        "2023-01-25,100,4000,te weinig,10.00\n"               // 4: 5 fields, at the last one
        "25-01-2023,100,4000,nl datum,10.00,\n"               // 5: date format
        "2023-02-30,100,4000,geen dag,10.00,\n"               // 6: not a day
        "2023-01-25,100,4000,nl bedrag,\"1.234,56\",\n"       // 7: debet
        "2023-01-25,100,4000,drie decimalen,,1.005\n"         // 8: credit
        "2023-01-25,100,4000,leeg,,\n"                        // 9: no amount
        "2023-01-25,100,4000,te groot,1000000000.01,\n"       // 10: out of range
        "2023-01-25,100,4000,\"Energie\" 01,10.00,\n"         // 11: text after a closing quote
        "x,100,4000,alles,y,z\n"                              // 12: date, debet and credit
        "2023-01-26,100,4000,ook goed,,0.01\n";               // 13: good
    Diagnostics d;
    const auto lines = read(csv, d);
    error_at(d, 3, 45, "line has 7 fields, the header has 6");
    error_at(d, 4, 31, "line has 5 fields, the header has 6");
    error_at(d, 5, 1, "expected a date yyyy-mm-dd in column 'Datum', got '25-01-2023'");
    error_at(d, 6, 1, "got '2023-02-30'");
    error_at(d, 7, 31, "expected an amount like 1234.56 in column 'Debet', got '1.234,56'");
    error_at(d, 8, 37, "expected an amount like 1234.56 in column 'Credit', got '1.005'");
    error_at(d, 9, 26, "no amount: columns 'Debet' and 'Credit' are both empty");
    error_at(d, 10, 30, "amount '1000000000.01' in column 'Debet' is out of range");
    error_at(d, 11, 30, "unexpected text after a closing quote");
    error_at(d, 12, 1, "got 'x'");
    error_at(d, 12, 18, "column 'Debet', got 'y'");
    error_at(d, 12, 20, "column 'Credit', got 'z'");
    EXPECT_EQ(d.error_count(), 12u) << d.format_all();
    EXPECT_EQ(d.exit_code(), ExitCode::data);
    ASSERT_EQ(lines.size(), 3u);  // lines 2, 11 and 13
    EXPECT_EQ(lines[1].where.line, 11);
    EXPECT_EQ(lines[2].bedrag.in_cents(), -1);
}

TEST(DebetCredit, EmptyFileMissingAndDoubleColumns) {
    Diagnostics d;
    read("", d);
    error_at(d, 1, 1, "the ledger export is empty");
    Diagnostics d2;
    read("Datum,Kostenplaats,Grootboekrekening,Bedrag\n2023-01-01,1,2,3.00\n", d2);
    error_at(d2, 1, 1, "the header has no column 'Debet'");
    const Diagnostic *x = error_at(d2, 1, 1, "the header has no column 'Credit'");
    ASSERT_NE(x, nullptr);
    EXPECT_NE(x->hint.find("set 'plugins[3].kolom_credit'"), std::string::npos);
    EXPECT_EQ(d2.error_count(), 2u);
    Diagnostics d3;
    read("Datum,Kostenplaats,Grootboekrekening,Debet,Debet,Credit\n2023-01-01,1,2,3.00,,\n", d3);
    error_at(d3, 1, 44, "the header has column 'Debet' twice (fields 4 and 5)");
    EXPECT_EQ(d3.error_count(), 1u);
}

TEST(DebetCredit, AFileOfAnotherFormatIsOneErrorAtTheHeader) {
    Diagnostics d;
    const auto lines = read("\xEF\xBB\xBF"
                            "Boekstuk;Datum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag\r\n"
                            "2013-0001;02-01-2013;200;4200;\"Huur 1e kwartaal; bedrijfsverzamelgebouw\";22.500,00\r\n",
                            d);
    EXPECT_TRUE(lines.empty());
    const Diagnostic *x = error_at(d, 1, 1, "this file is separated by ';', not by ','");
    ASSERT_NE(x, nullptr);
    EXPECT_NE(x->message.find("'Boekstuk;Datum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag'"),
              std::string::npos);
    EXPECT_NE(x->hint.find("importer.csv-nl"), std::string::npos);
    EXPECT_EQ(d.error_count(), 1u) << d.format_all();
}

// ---- settings and the plugin --------------------------------------------------------------------

TEST(DebetCreditSettings, DefaultsAndErrors) {
    Diagnostics d;
    auto k = read_kolommen(settings("", d), "plugins[3]", d);
    ASSERT_TRUE(k);
    EXPECT_EQ(k->debet, "Debet");
    EXPECT_EQ(k->credit, "Credit");
    const Settings s = settings("kolom_credit: DEBET\nkolom_omschrijving: ''\n", d);
    ASSERT_FALSE(d.has_errors()) << d.format_all();  // the host takes both; the importer refuses them
    EXPECT_FALSE(read_kolommen(s, "plugins[3]", d));
    error_at(d, 1, 15, "column 'DEBET' is already the column of 'kolom_debet'", ExitCode::config, "instellingen.yaml");
    error_at(d, 2, 21, "a column name cannot be empty", ExitCode::config, "instellingen.yaml");
}

TEST(DebetCreditPlugin, ImportsWithItsSettings) {
    Diagnostics sd;
    vhh::testing::FakeImportContext ctx(settings("kolom_datum: Boekdatum\n", sd));
    ctx.set_key_path("plugins[3]");
    DebetCreditImporter importer;
    const auto lines = vhh::testing::import_text(
        importer, ctx, "Boekdatum,Kostenplaats,Grootboekrekening,Debet,Credit\n2023-05-01,A,1,,2.50\n", kPath);
    ASSERT_FALSE(ctx.diag().has_errors()) << ctx.diag().format_all();
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].bedrag.in_cents(), -250);
}

// ---- property: write, read back ----------------------------------------------------------------

std::string csv_field(const std::string &text, std::mt19937_64 &rng) {
    const bool must = text.find_first_of(",\"\n\r") != std::string::npos;
    if (!must && rng() % 4 != 0) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
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
    return std::string(ledger_csv::trim(s));
}

/// 12.3 / 12.30 / 12 / "" for zero on the side that is not used.
std::string amount_text(std::int64_t cents, std::mt19937_64 &rng) {
    std::string s = Money::cents(cents).format_plain();
    if (cents % 100 == 0 && rng() % 2) s = s.substr(0, s.size() - 3);
    else if (cents % 10 == 0 && rng() % 2) s.pop_back();
    return s;
}

TEST(DebetCreditProperty, RandomLedgersReadBackToTheSameLinesAndSum) {
    std::mt19937_64 rng(20230101);
    for (int round = 0; round < 300; ++round) {
        Kolommen k;
        if (rng() % 2) k = {"Boekdatum", "Kpl", "Rekening", "Debet EUR", "Credit EUR", "Tekst"};
        const bool bom = rng() % 2, crlf = rng() % 2;
        const std::string eol = crlf ? "\r\n" : "\n";
        std::vector<int> order = {0, 1, 2, 3, 4, 5};
        std::shuffle(order.begin(), order.end(), rng);
        const std::string names[] = {k.datum, k.kostenplaats, k.rekening, k.debet, k.credit, k.omschrijving};
        std::string csv = bom ? "\xEF\xBB\xBF" : "";
        for (std::size_t i = 0; i < order.size(); ++i) csv += (i ? "," : "") + csv_field(names[order[i]], rng);
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
            l.kostenplaats = random_text(rng, "0123456789HVZ", 6);
            l.rekening = random_text(rng, "0123456789", 5);
            l.omschrijving = random_text(rng, "abc xyzéë,;\"\n'-", 30);
            const std::int64_t magnitude = rng() % 4 == 0 ? ledger_csv::kMaxAmountCents / 2 : 100000000;
            std::int64_t debet = static_cast<std::int64_t>(rng() % (magnitude + 1));
            std::int64_t credit = static_cast<std::int64_t>(rng() % (magnitude + 1));
            std::string debet_text, credit_text;
            switch (rng() % 4) {
                case 0:  // debet only
                    credit = 0;
                    debet_text = amount_text(debet, rng);
                    break;
                case 1:  // credit only
                    debet = 0;
                    credit_text = amount_text(credit, rng);
                    break;
                case 2:  // both
                    debet_text = amount_text(debet, rng);
                    credit_text = amount_text(credit, rng);
                    break;
                default:  // a correction: a negative debet
                    debet = -debet;
                    credit = 0;
                    debet_text = amount_text(debet, rng);
                    credit_text = "0.00";
            }
            if (debet_text.empty() && credit_text.empty()) debet_text = "0";
            l.bedrag = Money::cents(debet - credit);
            const std::string values[] = {l.datum.iso(), l.kostenplaats, l.rekening, debet_text, credit_text,
                                          l.omschrijving};
            for (std::size_t j = 0; j < order.size(); ++j) csv += (j ? "," : "") + csv_field(values[order[j]], rng);
            csv += eol;
            l.where.line = line;
            line += 1 + static_cast<int>(std::count(l.omschrijving.begin(), l.omschrijving.end(), '\n'));
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
