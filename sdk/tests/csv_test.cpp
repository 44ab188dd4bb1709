// CSV as ledger exports write it: ';', BOM, quotes, Dutch amounts.
#include <gtest/gtest.h>

#include <random>

#include "vhh/csv.h"

using vhh::Money;
using vhh::parse_amount_nl;
using vhh::parse_csv;

TEST(Csv, FieldsLinesAndColumns) {
    auto t = parse_csv("a;bb;c\n\n1;2;3\r\n");
    ASSERT_TRUE(t.errors.empty());
    ASSERT_EQ(t.records.size(), 2u);
    EXPECT_EQ(t.records[0].line, 1);
    EXPECT_EQ(t.records[1].line, 3);
    ASSERT_EQ(t.records[1].fields.size(), 3u);
    EXPECT_EQ(t.records[1].fields[2].text, "3");
    EXPECT_EQ(t.records[0].fields[1].column, 3);
    EXPECT_EQ(t.records[0].fields[2].column, 6);
}

TEST(Csv, BomIsSkippedAndNotCounted) {
    auto t = parse_csv("\xEF\xBB\xBFkp;bedrag\n");
    ASSERT_EQ(t.records.size(), 1u);
    EXPECT_EQ(t.records[0].fields[0].text, "kp");
    EXPECT_EQ(t.records[0].fields[0].column, 1);
}

TEST(Csv, QuotedFields) {
    auto t = parse_csv("\"a;b\";\"say \"\"hi\"\"\";\"two\nlines\"\nnext;x\n");
    ASSERT_TRUE(t.errors.empty());
    ASSERT_EQ(t.records.size(), 2u);
    EXPECT_EQ(t.records[0].fields[0].text, "a;b");
    EXPECT_EQ(t.records[0].fields[1].text, "say \"hi\"");
    EXPECT_EQ(t.records[0].fields[2].text, "two\nlines");
    EXPECT_EQ(t.records[1].line, 3);
}

TEST(Csv, EmptyFieldsAreKept) {
    auto t = parse_csv("a;;c;\n");
    ASSERT_EQ(t.records.size(), 1u);
    ASSERT_EQ(t.records[0].fields.size(), 4u);
    EXPECT_EQ(t.records[0].fields[1].text, "");
    EXPECT_EQ(t.records[0].fields[3].text, "");
}

TEST(Csv, SyntaxErrorsAreLocatedAndParsingGoesOn) {
    auto t = parse_csv("a;\"b\"x;c\nd;e\n\"open;f\n");
    ASSERT_EQ(t.errors.size(), 2u);
    EXPECT_EQ(t.errors[0].line, 1);
    EXPECT_EQ(t.errors[0].column, 6);
    EXPECT_EQ(t.errors[1].line, 3);
    EXPECT_EQ(t.errors[1].column, 1);
    EXPECT_GE(t.records.size(), 2u);
    EXPECT_EQ(t.records[1].fields[0].text, "d");
}

TEST(AmountNl, AcceptsWhatLedgersWrite) {
    EXPECT_EQ(parse_amount_nl("1.234,56"), Money::cents(123456));
    EXPECT_EQ(parse_amount_nl("-1.234,56"), Money::cents(-123456));
    EXPECT_EQ(parse_amount_nl("1234,56"), Money::cents(123456));
    EXPECT_EQ(parse_amount_nl("1234"), Money::cents(123400));
    EXPECT_EQ(parse_amount_nl("0,5"), Money::cents(50));
    EXPECT_EQ(parse_amount_nl("1.234.567,00"), Money::cents(123456700));
    EXPECT_EQ(parse_amount_nl("465.000"), Money::cents(46500000));
}

TEST(AmountNl, RejectsEverythingElse) {
    for (const char *bad : {"", "-", "1,234.56", "1.23,00", "12.3456", "1,", "1,234", "€ 12", "1 234", "abc", "1.234.56",
                            ",5", ".234"})
        EXPECT_FALSE(parse_amount_nl(bad).has_value()) << bad;
}

TEST(Csv, NotUtf8IsOneLocatedError) {
    auto t = parse_csv("kp;bedrag\nK1;M\xFCnchen\n");
    ASSERT_EQ(t.errors.size(), 1u);
    EXPECT_EQ(t.errors[0].line, 2);
    EXPECT_EQ(t.errors[0].column, 5);
    EXPECT_TRUE(t.records.empty());
    auto u = parse_csv(std::string("\xFF\xFEk\0p\0", 6));
    ASSERT_EQ(u.errors.size(), 1u);
    EXPECT_NE(u.errors[0].message.find("UTF-16"), std::string::npos);
}

TEST(AmountNl, BoundIsMoneyParsesBound) {
    // The whole part has the bound Money::parse has, so that the cents always fit.
    for (const char *text : {"92233720368547", "922337203685477", "9223372036854775", "92233720368547758",
                             "922337203685477580", "99999999999999999999"}) {
        const auto nl = parse_amount_nl(text);
        const auto plain = Money::parse(text);
        EXPECT_EQ(nl.has_value(), plain.has_value()) << text;
        if (nl && plain) {
            EXPECT_EQ(nl->in_cents(), plain->in_cents()) << text;
        }
    }
    EXPECT_FALSE(parse_amount_nl("99.999.999.999.999.999.999,99").has_value());
    EXPECT_EQ(parse_amount_nl("+5"), Money::cents(500));
}

TEST(AmountNl, EveryFormattedAmountParsesBack) {
    // Property: format_nl_plain writes what parse_amount_nl reads, for amounts of every size.
    std::mt19937_64 rng(20261123);
    for (int n = 0; n < 20000; ++n) {
        const int digits = static_cast<int>(rng() % 16) + 1;
        std::int64_t cents = static_cast<std::int64_t>(rng() % 1'000'000'000'000'000'000ULL);
        for (int d = digits; d < 18; ++d) cents /= 10;
        if (rng() % 2) cents = -cents;
        const Money m = Money::cents(cents);
        const auto back = parse_amount_nl(m.format_nl_plain());
        ASSERT_TRUE(back.has_value()) << m.format_nl_plain();
        EXPECT_EQ(back->in_cents(), cents) << m.format_nl_plain();
    }
}

TEST(CsvReader, ReadsTheRecordsParseCsvReads) {
    const std::string text = "\xEF\xBB\xBFh1;h2\n\na;\"b \"\"x\"\"\"\n\"two\nlines\";\"c\"\"\"\r\n;\n\"open;z\n";
    const auto table = parse_csv(text);
    vhh::CsvReader reader(text);
    vhh::CsvRecordView view;
    std::size_t k = 0;
    while (reader.next(view)) {
        ASSERT_LT(k, table.records.size());
        const auto &r = table.records[k++];
        EXPECT_EQ(view.line, r.line);
        ASSERT_EQ(view.fields.size(), r.fields.size());
        for (std::size_t f = 0; f < r.fields.size(); ++f) {
            EXPECT_EQ(view.fields[f].text, r.fields[f].text) << "record " << k << " field " << f;
            EXPECT_EQ(view.fields[f].column, r.fields[f].column);
        }
    }
    EXPECT_EQ(k, table.records.size());
    ASSERT_EQ(reader.errors().size(), 1u);
    EXPECT_EQ(reader.errors()[0].line, 7);
    EXPECT_EQ(table.errors.size(), 1u);
    EXPECT_EQ(reader.line_ends(), 7u);
    // The unescaped fields are what they say.
    ASSERT_GE(table.records.size(), 3u);
    EXPECT_EQ(table.records[1].fields[1].text, "b \"x\"");
    EXPECT_EQ(table.records[2].fields[0].text, "two\nlines");
    EXPECT_EQ(table.records[2].fields[1].text, "c\"");
    EXPECT_EQ(table.records[3].line, 6);
}

TEST(CsvReader, ErrorsComeWithTheirRecord) {
    vhh::CsvReader reader("a;\"b\"x\nc;d\n");
    vhh::CsvRecordView view;
    ASSERT_TRUE(reader.next(view));
    EXPECT_EQ(reader.errors().size(), 1u);  // the error of line 1 is known once line 1 is read
    ASSERT_TRUE(reader.next(view));
    EXPECT_EQ(view.fields[1].text, "d");
    EXPECT_FALSE(reader.next(view));
    EXPECT_FALSE(reader.next(view));  // and stays at the end
}

TEST(Csv, ANulByteIsOneErrorAndNoRecords) {
    const std::string text = std::string("a;b\n1;2\n3;\0", 11) + std::string(1000, '\0');
    vhh::CsvTable t = parse_csv(text);
    EXPECT_TRUE(t.records.empty());
    ASSERT_EQ(t.errors.size(), 1u);
    EXPECT_EQ(t.errors[0].line, 3);
    EXPECT_EQ(t.errors[0].column, 3);
    EXPECT_EQ(t.errors[0].message, "the file holds a NUL byte: it is not a text export; save it as CSV UTF-8");
}

namespace {

/// Everything a reader says about `reader`'s text, as one comparable string.
std::string everything(vhh::CsvReader &reader) {
    std::string out;
    vhh::CsvRecordView view;
    while (reader.next(view)) {
        out += "R" + std::to_string(view.line) + ":";
        for (const auto &f : view.fields) out += std::to_string(f.column) + "=" + std::string(f.text) + "|";
        out += "\n";
    }
    for (const auto &e : reader.errors())
        out += "E" + std::to_string(e.line) + ":" + std::to_string(e.column) + " " + e.message + "\n";
    out += "L" + std::to_string(reader.line_ends());
    return out;
}

}  // namespace

TEST(CsvReader, AStreamReadInPiecesReadsWhatTheWholeTextReads) {
    // Property: for any text (quotes spanning lines, "" escapes, \r\n, a BOM, bytes that are not
    // UTF-8 or split UTF-8 sequences, NULs) and any piece size, reading it from a stream a piece at
    // a time gives the same records, fields, columns, errors and line count as reading it whole.
    std::mt19937 rng(18);
    const std::string alphabet[] = {"a", "b", ";", "\"", "\"\"", "\n", "\r\n", "\r", " ", "é", "\xE2\x82\xAC",
                                    "\xF0\x9F\x98\x80", "x"};
    for (int round = 0; round < 3000; ++round) {
        std::string text = rng() % 4 == 0 ? "\xEF\xBB\xBF" : "";
        const int n = static_cast<int>(rng() % 60);
        for (int i = 0; i < n; ++i) text += alphabet[rng() % (sizeof alphabet / sizeof alphabet[0])];
        if (rng() % 10 == 0) text.insert(rng() % (text.size() + 1), 1, '\xFC');  // not UTF-8
        if (rng() % 10 == 0) text.insert(rng() % (text.size() + 1), 1, '\0');
        if (rng() % 20 == 0) text = "\xFF\xFE" + text;                            // UTF-16
        vhh::CsvReader whole(text);
        const std::string want = everything(whole);
        for (std::size_t piece : {std::size_t{4}, std::size_t{5}, std::size_t{7}, std::size_t{16}, vhh::CsvReader::kPiece}) {
            vhh::StringInputStream stream(text);
            vhh::CsvReader streamed(stream, ';', piece);
            ASSERT_EQ(everything(streamed), want) << "piece " << piece << " text '" << text << "'";
        }
    }
}

TEST(CsvReader, AStreamOfManyPiecesKeepsItsLinesAndColumns) {
    // A record longer than a piece (the buffer grows) and line numbers counted across pieces.
    std::string text = "h1;h2\n";
    for (int i = 0; i < 200; ++i) text += "k" + std::to_string(i) + ";\"" + std::string(i % 37, 'v') + "\n\"\n";
    text += "last;\"" + std::string(500, 'w') + "\"\n";
    vhh::CsvReader whole(text);
    const std::string want = everything(whole);
    vhh::StringInputStream stream(text);
    vhh::CsvReader streamed(stream, ';', 8);
    EXPECT_EQ(everything(streamed), want);
    EXPECT_NE(want.find("R402:"), std::string::npos);  // the last record is on line 402
}
