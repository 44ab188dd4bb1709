// Tests for the document model's formula expressions: parsing, located errors on hostile input,
// and the translation to Excel syntax.
#include "render/formula_expression.h"

#include <gtest/gtest.h>

#include <string>

namespace vhh::host {
namespace {

std::string excel(const std::string &text) {
    FormulaExpression::Error error;
    auto e = FormulaExpression::parse(text, error);
    EXPECT_TRUE(e) << text << ": " << error.located();
    if (!e) return "";
    return e->to_excel([](const std::string &name) { return "<" + name + ">"; },
                       [](const std::string &key) { return "[" + key + "]"; });
}

FormulaExpression::Error refused(const std::string &text) {
    FormulaExpression::Error error;
    EXPECT_FALSE(FormulaExpression::parse(text, error)) << text;
    return error;
}

TEST(FormulaExpression, TranslatesOperatorsFunctionsNamesAndColumns) {
    EXPECT_EQ(excel("a + b*2 - (c / 4)"), "<a>+<b>*2-(<c>/4)");
    EXPECT_EQ(excel("-x.inwoners * 0.40"), "-<x.inwoners>*0.40");
    EXPECT_EQ(excel("SUM(kolom(bijdrage))"), "SUM([bijdrage])");
    EXPECT_EQ(excel("ROUND(totaal * GM0687.aandeel; 2)"), "ROUND(<totaal>*<GM0687.aandeel>,2)");
    EXPECT_EQ(excel("MAX(a; kolom(k); -(b))"), "MAX(<a>,[k],-(<b>))");
    EXPECT_EQ(excel("--a"), "--<a>");
    EXPECT_EQ(excel("SUM"), "<SUM>");  // a name, not a call
    EXPECT_EQ(excel("SUM ( kolom ( k ) )"), "SUM([k])");
    EXPECT_EQ(excel("kolommen + 1"), "<kolommen>+1");
}

TEST(FormulaExpression, ListsNamesAndColumnsOnce) {
    FormulaExpression::Error error;
    auto e = FormulaExpression::parse("a + b + a + SUM(kolom(k); kolom(k))", error);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->names(), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(e->columns(), (std::vector<std::string>{"k"}));
}

TEST(FormulaExpression, RefusesMalformedInputAtTheCharacter) {
    EXPECT_EQ(refused("").message, "an empty expression");
    auto e = refused("a + ");
    EXPECT_EQ(e.column, 5u);
    e = refused("(a + b");
    EXPECT_EQ(e.column, 7u);
    EXPECT_NE(e.message.find("expected ')'"), std::string::npos);
    e = refused("a b");
    EXPECT_EQ(e.column, 3u);
    EXPECT_NE(e.located().find("at character 3: unexpected 'b'"), std::string::npos);
    e = refused("ROUND(a, 2)");
    EXPECT_EQ(e.column, 8u);
    EXPECT_NE(e.message.find("';'"), std::string::npos);
    e = refused("ROUND(a)");
    EXPECT_NE(e.message.find("two arguments"), std::string::npos);
    e = refused("AVERAGE(a)");
    EXPECT_EQ(e.column, 1u);
    EXPECT_NE(e.message.find("unknown function 'AVERAGE'"), std::string::npos);
    e = refused("a + kolom(k)");
    EXPECT_EQ(e.column, 5u);
    EXPECT_NE(e.message.find("only as an argument"), std::string::npos);
    EXPECT_NE(refused("ROUND(kolom(k); 2)").message.find("only as an argument"), std::string::npos);
    EXPECT_EQ(refused("1.").column, 3u);
    EXPECT_EQ(refused("2x").column, 2u);
    EXPECT_EQ(refused("a.").column, 2u);
    EXPECT_NE(refused("A1:B2").message.find("':'"), std::string::npos);  // no spreadsheet syntax
    EXPECT_NE(refused("=a").message.find("'='"), std::string::npos);
    EXPECT_NE(refused("a\x01").message.find("character 1"), std::string::npos);
    EXPECT_EQ(refused("\xc3\xa9").column, 1u);
}

TEST(FormulaExpression, BoundsNestingWithoutExhaustingTheStack) {
    const std::string deep(100000, '(');
    auto e = refused(deep.substr(0, 4000) + "a");
    EXPECT_NE(e.message.find("nested more than 64 levels"), std::string::npos);
    EXPECT_EQ(e.column, 65u);
    e = refused(std::string(4000, '-') + "a");
    EXPECT_NE(e.message.find("nested more than"), std::string::npos);
    std::string calls;
    for (int i = 0; i < 1000; ++i) calls += "SUM(";
    EXPECT_NE(refused(calls).message.find("nested more than"), std::string::npos);
    // 64 levels are fine.
    EXPECT_EQ(excel(std::string(63, '(') + "a" + std::string(63, ')')),
              std::string(63, '(') + "<a>" + std::string(63, ')'));
}

TEST(FormulaExpression, BoundsLength) {
    std::string longest = "a";
    while (longest.size() + 2 <= kMaxExpressionChars) longest += "+a";
    EXPECT_EQ(excel(longest).size(), longest.size() / 2 * 4 + 3);
    auto e = refused(std::string(kMaxExpressionChars + 1, 'a'));
    EXPECT_EQ(e.column, 1u);
    EXPECT_NE(e.message.find("4097 characters"), std::string::npos);
    e = refused(std::string(10'000'000, '('));
    EXPECT_NE(e.message.find("characters (at most 4096)"), std::string::npos);
}

TEST(FormulaExpression, ExcelReferencesAreAbsoluteAndQualifiedAcrossSheets) {
    EXPECT_EQ(excel_cell_reference("Totaal", 4, 1, "Totaal"), "$B$5");
    EXPECT_EQ(excel_cell_reference("Inwonerbijdrage", 0, 27, "Totaal"), "'Inwonerbijdrage'!$AB$1");
    EXPECT_EQ(excel_cell_reference("Rijk's deel", 1, 0, "Totaal"), "'Rijk''s deel'!$A$2");
    EXPECT_EQ(excel_range_reference("Totaal", 1, 13, 3, "Totaal"), "$D$2:$D$14");
    EXPECT_EQ(excel_range_reference("Blad 1", 1, 13, 3, "Totaal"), "'Blad 1'!$D$2:$D$14");
}

}  // namespace
}  // namespace vhh::host
