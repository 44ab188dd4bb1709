// CSV as ledger exports write it: ';', BOM, quotes, Dutch amounts.
#include <gtest/gtest.h>

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
