// Tests for the checks of a described document (names, formulas, charts, rows, file stem).
#include "render/document_check.h"

#include <gtest/gtest.h>

#include <string>

namespace vhh::host {
namespace {

using namespace vhh::doc;

Cell named(const std::string &name, std::int64_t cents, const std::string &formula = "") {
    return Cell{Value::money(Money::cents(cents)), name, formula};
}

/// A small good document: a table of two payers with a total by formula, a second table whose
/// formula names a cell of the first, and a chart of the first.
Document good() {
    Document d;
    d.name = "bijdragen-2013";
    d.meta.title = "Bijdragen 2013";
    Table t;
    t.id = "inwonerbijdrage";
    t.columns = {{"gemeente", "Gemeente"}, {"bijdrage", "Bijdrage"}};
    t.rows.push_back({{Cell{Value::text("Goes"), "", ""}, named("goes", 1500)}});
    t.rows.push_back({{Cell{Value::text("Tholen"), "", ""}, named("tholen", 1000)}});
    Row total{{Cell{Value::text("Totaal"), "", ""}, named("totaal", 2500, "SUM(kolom(bijdrage))")}, RowRole::total};
    t.rows.push_back(total);
    Table u;
    u.id = "samenvatting";
    u.columns = {{"wat", "Wat"}, {"bedrag", "Bedrag"}};
    u.rows.push_back({{Cell{Value::text("Dubbel"), "", ""}, named("", 5000, "ROUND(totaal * 2; 2)")}});
    Chart chart;
    chart.title = "Bijdragen";
    chart.table_id = "inwonerbijdrage";
    chart.category_column = "gemeente";
    chart.value_columns = {"bijdrage"};
    Section s;
    s.title = "Bijdragen";
    s.blocks = {Paragraph{"Tekst"}, t, chart};
    Section sub;
    sub.title = "Samenvatting";
    sub.blocks = {u};
    s.sections = {sub};
    d.sections = {s};
    return d;
}

Table &table(Document &d, std::size_t i) {
    return std::get<Table>(i == 0 ? d.sections[0].blocks[1] : d.sections[0].sections[0].blocks[0]);
}

std::string joined(const std::vector<std::string> &problems) {
    std::string out;
    for (const auto &p : problems) out += p + "\n";
    return out;
}

TEST(DocumentCheck, AGoodDocumentHasNoProblems) { EXPECT_EQ(joined(document_problems(good())), ""); }

TEST(DocumentCheck, FileStemIsAPlainSafeName) {
    EXPECT_EQ(document_stem_problem("raadsbrief-2013-Noord-Beveland"), "");
    EXPECT_EQ(document_stem_problem("a"), "");
    for (const char *bad : {"", "../x", "a/b", "a b", ".hidden", "x.", "a..b", "-x", "brief\n", "é"})
        EXPECT_NE(document_stem_problem(bad), "") << bad;
    EXPECT_NE(document_stem_problem(std::string(101, 'a')), "");
    Document d = good();
    d.name = "../bijdragen";
    EXPECT_NE(joined(document_problems(d)).find("document name '../bijdragen'"), std::string::npos);
}

TEST(DocumentCheck, NamesAreUniqueAndWellFormed) {
    Document d = good();
    table(d, 1).rows[0].cells[0].name = "goes";
    table(d, 0).rows[0].cells[0].name = "1x";
    const std::string p = joined(document_problems(d));
    EXPECT_NE(p.find("table 'samenvatting', row 1, column 'wat': the name 'goes' is used twice in the document "
                     "(first at table 'inwonerbijdrage', row 1, column 'bijdrage')"),
              std::string::npos)
        << p;
    EXPECT_NE(p.find("row 1, column 'gemeente': '1x' is not a cell name"), std::string::npos) << p;
}

TEST(DocumentCheck, FormulasParseAndNameExistingCellsAndColumns) {
    Document d = good();
    table(d, 1).rows[0].cells[1].formula = "ROUND(totaal * 2, 2)";
    table(d, 0).rows[2].cells[1].formula = "SUM(kolom(bedrag)) + onbekend";
    const std::string p = joined(document_problems(d));
    EXPECT_NE(p.find("table 'samenvatting', row 1, column 'bedrag': formula 'ROUND(totaal * 2, 2)' at character 17: "
                     "arguments are separated by ';'"),
              std::string::npos)
        << p;
    EXPECT_NE(p.find("row 3, column 'bijdrage': the formula names 'onbekend', which no cell of the document has"),
              std::string::npos)
        << p;
    EXPECT_NE(p.find("kolom(bedrag) names a column table 'inwonerbijdrage' does not have"), std::string::npos) << p;
}

TEST(DocumentCheck, FormulasDoNotReferToThemselves) {
    Document d = good();
    table(d, 0).rows[0].cells[1].formula = "tholen";
    table(d, 0).rows[1].cells[1].formula = "goes + 1";
    std::string p = joined(document_problems(d));
    EXPECT_NE(p.find("refers to itself through table 'inwonerbijdrage', row"), std::string::npos) << p;
    d = good();
    table(d, 0).rows[0].cells[1].formula = "SUM(kolom(bijdrage))";  // a body cell summing its own column
    p = joined(document_problems(d));
    EXPECT_NE(p.find("table 'inwonerbijdrage', row 1, column 'bijdrage': the formula refers to its own column"),
              std::string::npos)
        << p;
}

TEST(DocumentCheck, LongReferenceChainsAreCheckedWithoutRecursion) {
    Document d = good();
    table(d, 1).rows.clear();  // its formula names a cell of the rows replaced here
    Table &t = table(d, 0);
    t.rows.clear();
    for (int i = 0; i < 200000; ++i)
        t.rows.push_back({{Cell{Value::text("x"), "", ""},
                           named("c" + std::to_string(i), 1, i ? "c" + std::to_string(i - 1) : "")}});
    EXPECT_EQ(joined(document_problems(d)), "");
    t.rows[0].cells[1].formula = "c199999";
    EXPECT_NE(joined(document_problems(d)).find("refers to itself"), std::string::npos);
}

TEST(DocumentCheck, TablesColumnsRowsAndCharts) {
    Document d = good();
    table(d, 1).id = "inwonerbijdrage";
    table(d, 0).columns[1].key = "gemeente";
    table(d, 0).rows[0].cells.push_back(Cell{Value::text("te veel"), "", ""});
    auto &chart = std::get<Chart>(d.sections[0].blocks[2]);
    chart.value_columns = {"bijdrage", "inwoners"};
    chart.category_column = "naam";
    std::string p = joined(document_problems(d));
    EXPECT_NE(p.find("table 'inwonerbijdrage': the id is used by another table"), std::string::npos) << p;
    EXPECT_NE(p.find("column key 'gemeente' is used twice"), std::string::npos) << p;
    EXPECT_NE(p.find("table 'inwonerbijdrage', row 1 has 3 cells, the table 2 columns"), std::string::npos) << p;
    EXPECT_NE(p.find("chart 'Bijdragen': table 'inwonerbijdrage' has no column 'naam' (category_column)"),
              std::string::npos)
        << p;
    EXPECT_NE(p.find("has no column 'inwoners' (value_columns)"), std::string::npos) << p;
    chart.table_id = "elders";
    chart.value_columns.clear();
    p = joined(document_problems(d));
    EXPECT_NE(p.find("chart 'Bijdragen' shows table 'elders', which the document does not have"), std::string::npos)
        << p;
}

TEST(DocumentCheck, SectionDepthAndLetters) {
    Document d = good();
    Section *s = &d.sections[0];
    for (int i = 0; i < 10; ++i) {
        s->sections.push_back(Section{"niveau " + std::to_string(i + 2), {}, {}});
        s = &s->sections.back();
    }
    std::string p = joined(document_problems(d));
    EXPECT_NE(p.find("section 'niveau 6' is nested 6 levels deep (at most 5)"), std::string::npos) << p;
    d = good();
    d.kind = Document::Kind::letter;
    EXPECT_NE(joined(document_problems(d)).find("a letter document without its letter"), std::string::npos);
    Letter letter;
    Table t;
    t.id = "bijlage";
    t.columns = {{"a", "A"}};
    t.rows.push_back({{Cell{Value::text("x"), "", "onbekend"}}});
    letter.body = {t};
    d.letter = letter;
    EXPECT_NE(joined(document_problems(d)).find("table 'bijlage', row 1, column 'a': the formula names 'onbekend'"),
              std::string::npos);
}

}  // namespace
}  // namespace vhh::host
