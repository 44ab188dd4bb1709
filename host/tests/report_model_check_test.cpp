// Tests for the report-model checks that let `vhh check` refuse what rendering a workbook would.
#include "render/report_model_check.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace vhh::host {
namespace {

Table sheet(const std::string &name) {
    Table t;
    t.name = name;
    t.columns = {{"A", 10}, {"B", 10}};
    t.rows.push_back({Cell::text("x"), Cell::money(Money::cents(100))});
    return t;
}

bool mentions(const std::vector<std::string> &problems, const std::string &text) {
    for (const auto &p : problems)
        if (p.find(text) != std::string::npos) return true;
    return false;
}

TEST(ReportModelCheck, AGoodSheetHasNoProblems) {
    Table t = sheet("Inwonerbijdrage");
    t.rows.push_back({Cell::text("Totaal"), Cell::formula("SUM(B2:B2)", Cell::money(Money::cents(100)))});
    t.rows.push_back({Cell::text(std::string(kMaxCellChars, 'x')),
                      Cell::formula("SUMIF(A2:A3,\"a (b\",B2:B3)+'Blad ''1'''!B2", Cell::integer(1))});
    EXPECT_TRUE(sheet_problems(t).empty());
    EXPECT_TRUE(sheet_problems(sheet("€ 31 tekens ÿ 1234567890123456")).empty());  // 31 characters, more bytes
}

TEST(ReportModelCheck, SheetNames) {
    EXPECT_TRUE(mentions(sheet_problems(sheet("")), "without a name"));
    EXPECT_TRUE(mentions(sheet_problems(sheet(std::string(32, 'a'))), "32 characters"));
    for (const char *bad : {"a/b", "a[1]", "a:b", "a*", "a?", "a\\b"})
        EXPECT_TRUE(mentions(sheet_problems(sheet(bad)), "[]:*?/\\")) << bad;
    EXPECT_TRUE(mentions(sheet_problems(sheet("'quoted")), "apostrophe"));
}

TEST(ReportModelCheck, SheetNamesInAWorkbookAreUniqueIgnoringCase) {
    std::set<std::string> taken;
    EXPECT_TRUE(sheet_in_workbook_problems(sheet("Inwonerbijdrage"), taken).empty());
    EXPECT_TRUE(mentions(sheet_in_workbook_problems(sheet("inwonerBIJDRAGE"), taken),
                         "inwonerBIJDRAGE': the workbook has a sheet of that name already"));
    EXPECT_TRUE(sheet_in_workbook_problems(sheet("Totaal"), taken).empty());  // no sheet of the host's any more
}

TEST(ReportModelCheck, CellsRowsAndFormulas) {
    Table t = sheet("Blad");
    t.columns[0].header = std::string(kMaxCellChars + 1, 'h');
    t.rows.push_back({Cell::text(std::string(kMaxCellChars + 1, 'x'))});
    t.rows.push_back({Cell(), Cell(), Cell()});
    t.rows.push_back({Cell::formula("", Cell::integer(1))});
    t.rows.push_back({Cell::formula("SUM(A1", Cell::integer(1)), Cell::formula("SUM(A1))", Cell::integer(1))});
    t.rows.push_back({Cell::formula("\"open", Cell::integer(1)),
                      Cell::formula("1", Cell::text(std::string(kMaxCellChars + 1, 'v')))});
    t.rows.push_back({Cell::formula(std::string(kMaxFormulaChars, '1') + "+1", Cell::integer(1))});
    const auto p = sheet_problems(t);
    EXPECT_TRUE(mentions(p, "A1: text of 32768 characters"));
    EXPECT_TRUE(mentions(p, "A3: text of 32768 characters"));
    EXPECT_TRUE(mentions(p, "row 4 has 3 cells, the sheet 2 columns"));
    EXPECT_TRUE(mentions(p, "A5: an empty formula"));
    EXPECT_TRUE(mentions(p, "A6: a formula with an unclosed '('"));
    EXPECT_TRUE(mentions(p, "B6: a formula with a ')' that closes nothing"));
    EXPECT_TRUE(mentions(p, "A7: a formula with an unclosed text quote"));
    EXPECT_TRUE(mentions(p, "B7: text of 32768 characters"));  // the formula's value
    EXPECT_TRUE(mentions(p, "A8: a formula of 8194 characters"));
    EXPECT_EQ(p.size(), 9u);
}

TEST(ReportModelCheck, WhatTheRendererRefusesToo) {
    EXPECT_TRUE(mentions(sheet_problems(sheet("history")), "History is reserved"));
    Table t = sheet("Blad");
    t.columns[1].width = 300;
    t.rows.push_back({Cell::integer((std::int64_t{1} << 53) + 1), Cell::money(Money::cents(-(std::int64_t{1} << 53)))});
    Chart empty;
    t.charts.push_back(empty);
    Chart far;
    far.series.push_back({"reeks", "", ""});
    far.row = 2000000;
    t.charts.push_back(far);
    const auto p = sheet_problems(t);
    EXPECT_TRUE(mentions(p, "column B has width 300"));
    EXPECT_TRUE(mentions(p, "A3: a number too large"));
    EXPECT_FALSE(mentions(p, "B3:"));  // exactly 2^53 fits
    EXPECT_TRUE(mentions(p, "chart 1 has no data series"));
    EXPECT_TRUE(mentions(p, "chart 2: series 'reeks' has no values"));
    EXPECT_TRUE(mentions(p, "chart 2 is placed outside the sheet"));
    EXPECT_EQ(p.size(), 5u);
}

TEST(ReportModelCheck, DocumentNames) {
    std::set<std::string> taken;
    EXPECT_EQ(document_name_problem("bijdragen-2013.xlsx", taken), "");
    EXPECT_NE(document_name_problem("bijdragen-2013.xlsx", taken), "");
    EXPECT_NE(document_name_problem("manifest.json", taken), "");
    EXPECT_NE(document_name_problem("../x.txt", taken), "");
    EXPECT_NE(document_name_problem("..", taken), "");
    EXPECT_NE(document_name_problem(std::string(300, 'a'), taken), "");
}

TEST(ReportModelCheck, CellText) {
    EXPECT_EQ(cell_text_problem("payer", std::string(kMaxCellChars, 'x')), "");
    EXPECT_NE(cell_text_problem("payer", std::string(kMaxCellChars + 1, 'x')).find("payer 'xxx"), std::string::npos);
    // Characters, not bytes: 32 767 euro signs (3 bytes each) fit.
    std::string euros;
    for (std::size_t i = 0; i < kMaxCellChars; ++i) euros += "€";
    EXPECT_EQ(cell_text_problem("payer", euros), "");
}

}  // namespace
}  // namespace vhh::host
