// Tests for vhh/ledger_csv.h, the SDK's helper for CSV ledger importers: the header resolved against
// the columns read (case and spaces ignored, an optional column, another separator named), column
// names from settings (empty, twice), the field count, fields and their locations, the amount
// bound, and a file read in pieces giving what the whole text gives.
#include "vhh/ledger_csv.h"

#include <gtest/gtest.h>

namespace {

using namespace vhh;

const std::string kPath = "/cfg/export.csv";

std::vector<ledger_csv::Column> columns() {
    return {{"Datum", "kolom_datum"}, {"Bedrag", "kolom_bedrag"}, {"Omschrijving", "kolom_omschrijving", false}};
}

/// Every record of `text` as "line:datum|bedrag|omschrijving@column-of-bedrag", or the errors.
std::string read_all(const InputFile &file, Diagnostics &d, char separator = ';') {
    auto t = ledger_csv::open(file, separator, columns(), "plugins[2]", "a format hint", d);
    if (!t) return "no table";
    std::string out;
    CsvRecordView r;
    while (t->next(r, d)) {
        if (!ledger_csv::width_ok(*t, r, d)) continue;
        out += std::to_string(r.line) + ":" + std::string(ledger_csv::field(*t, r, 0)) + "|" +
               std::string(ledger_csv::field(*t, r, 1)) + "|" + std::string(ledger_csv::field(*t, r, 2)) + "@" +
               std::to_string(ledger_csv::at(*t, r, 1).column) + "\n";
    }
    return out;
}

SettingValue text(const std::string &t, int line) {
    SettingValue v;
    v.text = t;
    v.where = {"/cfg/vhh.yaml", line, 20};
    return v;
}

TEST(LedgerCsv, ResolvesTheHeaderWithoutRegardToCaseAndSpaces) {
    Diagnostics d;
    const std::string text = "\n;;\n extra ; BEDRAG ;datum\n1;2,50;01-01-2024\n\n;\n2; 3 ;02-01-2024\n";
    EXPECT_EQ(read_all({kPath, text}, d), "4:01-01-2024|2,50|@3\n7:02-01-2024|3|@3\n");
    EXPECT_FALSE(d.has_errors()) << d.format_all();
}

TEST(LedgerCsv, AMissingRequiredColumnIsLocatedWithTheColumnsFoundAndTheSetting) {
    Diagnostics d;
    EXPECT_EQ(read_all({kPath, "Datum;Amount\n01-01-2024;1\n"}, d), "no table");
    ASSERT_EQ(d.error_count(), 1u) << d.format_all();
    const Diagnostic &x = d.all()[0];
    EXPECT_EQ(x.code, ExitCode::data);
    EXPECT_EQ(x.where.file, kPath);
    EXPECT_EQ(x.where.line, 1);
    EXPECT_EQ(x.message, "the header has no column 'Bedrag'");
    EXPECT_EQ(x.hint, "columns found: Datum; Amount; set 'plugins[2].kolom_bedrag' to the name this file uses");
}

TEST(LedgerCsv, AColumnTwiceAndAnotherSeparatorAreSaidOnce) {
    Diagnostics d;
    read_all({kPath, "Datum;Bedrag;bedrag\n"}, d);
    ASSERT_EQ(d.error_count(), 1u) << d.format_all();
    EXPECT_EQ(d.all()[0].where.column, 14);
    EXPECT_NE(d.all()[0].message.find("column 'Bedrag' twice (fields 2 and 3)"), std::string::npos);

    Diagnostics c;
    read_all({kPath, "Datum,Bedrag\n2024-01-01,1.00\n"}, c);
    ASSERT_EQ(c.error_count(), 1u) << c.format_all();
    EXPECT_NE(c.all()[0].message.find("separated by ','"), std::string::npos);
    EXPECT_EQ(c.all()[0].hint, "a format hint");

    Diagnostics e;
    read_all({kPath, ""}, e);
    ASSERT_EQ(e.error_count(), 1u);
    EXPECT_EQ(e.all()[0].message, "the ledger export is empty; expected a header row");
}

TEST(LedgerCsv, EveryLineWithAnotherFieldCountIsLocated) {
    Diagnostics d;
    EXPECT_EQ(read_all({kPath, "Datum;Bedrag\n1;2;3\n4\n5;6\n"}, d), "4:5|6|@3\n");
    ASSERT_EQ(d.error_count(), 2u) << d.format_all();
    EXPECT_EQ(d.all()[0].where.line, 2);
    EXPECT_EQ(d.all()[0].where.column, 5);  // the first field too many
    EXPECT_EQ(d.all()[1].where.line, 3);
    EXPECT_EQ(d.all()[1].message, "line has 1 fields, the header has 2");
}

TEST(LedgerCsv, ColumnNamesComeFromSettings) {
    Settings s;
    s.set("kolom_bedrag", text(" Bedrag EUR ", 7));
    Diagnostics d;
    auto cols = ledger_csv::columns_from_settings(columns(), s, "plugins[2]", d);
    ASSERT_TRUE(cols);
    EXPECT_EQ((*cols)[1].name, "Bedrag EUR");
    EXPECT_EQ((*cols)[0].name, "Datum");  // no setting: the name given

    Settings bad;
    bad.set("kolom_datum", text("", 6));
    bad.set("kolom_omschrijving", text("bedrag", 8));
    Diagnostics e;
    EXPECT_FALSE(ledger_csv::columns_from_settings(columns(), bad, "plugins[2]", e));
    ASSERT_EQ(e.error_count(), 2u) << e.format_all();  // every problem, not only the first
    EXPECT_EQ(e.all()[0].key_path, "plugins[2].kolom_datum");
    EXPECT_EQ(e.all()[0].code, ExitCode::config);
    EXPECT_EQ(e.all()[1].key_path, "plugins[2].kolom_omschrijving");
    EXPECT_EQ(e.all()[1].where.line, 8);
}

TEST(LedgerCsv, AmountsBeyondTheBoundAreRefused) {
    Diagnostics d;
    EXPECT_TRUE(ledger_csv::amount_in_range(Money::cents(ledger_csv::kMaxAmountCents), "x", "Bedrag", {kPath, 2, 3}, d));
    EXPECT_TRUE(ledger_csv::amount_in_range(Money::cents(-ledger_csv::kMaxAmountCents), "x", "Bedrag", {kPath, 2, 3}, d));
    EXPECT_FALSE(d.has_errors());
    EXPECT_FALSE(
        ledger_csv::amount_in_range(Money::cents(ledger_csv::kMaxAmountCents + 1), "1e12", "Bedrag", {kPath, 2, 3}, d));
    ASSERT_EQ(d.error_count(), 1u);
    EXPECT_EQ(d.all()[0].where.column, 3);
    EXPECT_NE(d.all()[0].message.find("amount '1e12' in column 'Bedrag' is out of range"), std::string::npos);
}

TEST(LedgerCsv, AStreamReadsAsTheWholeText) {
    std::string text = "\xEF\xBB\xBF" "Datum;Bedrag;Omschrijving\r\n";
    for (int i = 0; i < 3000; ++i)
        text += "0" + std::to_string(1 + i % 9) + "-01-2024;" + std::to_string(i) + ",5;\"regel " + std::to_string(i) +
                (i % 7 == 0 ? "\nvervolg" : "") + "\"\r\n";
    text += "bad;line;with;fields\n";
    Diagnostics whole_diag, stream_diag;
    const std::string whole = read_all({kPath, text}, whole_diag);
    StringInputStream stream(text);
    const std::string streamed = read_all({kPath, "", &stream}, stream_diag);
    EXPECT_EQ(streamed, whole);
    EXPECT_EQ(stream_diag.format_all(), whole_diag.format_all());
    EXPECT_EQ(whole_diag.error_count(), 1u);
    EXPECT_NE(whole.find("\n3430:03-01-2024|2999,5|regel 2999@12\n"), std::string::npos) << whole.substr(whole.size() - 200);
}

}  // namespace
