// Tests for report.bijdragen with the SDK's test kit: the document it describes (sections per bron,
// named money cells, totals as formulas whose values are the sums of the cells they name, the
// grondslag per line, the note on indicatieve inwonertallen), and that it never pads or names Excel.
#include "bijdragen.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "vhh/testing.h"
#include "vhh/testing_render.h"

namespace {

using vhh::ContributionLine;
using vhh::Money;
namespace doc = vhh::doc;
namespace rb = vhh::report_bijdragen;

ContributionLine line(std::string source, std::string id, std::string payer, std::int64_t cents,
                      std::string basis) {
    ContributionLine l;
    l.source = std::move(source);
    l.payer_id = std::move(id);
    l.payer = std::move(payer);
    l.amount = Money::cents(cents);
    l.basis = std::move(basis);
    return l;
}

std::vector<ContributionLine> sample_lines() {
    return {line("inwonerbijdrage", "GM0001", "Aardam", 400000, "10.000 inwoners × € 0,40"),
            line("inwonerbijdrage", "GM0002", "Beekstad", 1000000, "25.000 inwoners × € 0,40"),
            line("rijksbijdrage", "RIJK", "Rijk (via Beekstad)", 16170000, "rijksbijdrage 2017"),
            line("inwonerbijdrage", "GM1948", "Meierijstad", 3200001, "80.000 inwoners × € 0,40 + € 0,01 restverdeling")};
}

doc::Document described(const std::vector<ContributionLine> &lines, vhh::Region region = vhh::testing::sample_region()) {
    vhh::testing::FakeReportContext ctx({}, region);
    ctx.set_lines(lines);
    rb::BijdragenPlugin plugin;
    plugin.report(ctx);
    EXPECT_FALSE(ctx.diag().has_errors());
    EXPECT_EQ(ctx.documents.size(), 1u);
    return ctx.documents.empty() ? doc::Document() : ctx.documents.front();
}

const doc::Table &table_of(const doc::Section &s) {
    for (const auto &b : s.blocks)
        if (const auto *t = std::get_if<doc::Table>(&b)) return *t;
    throw std::runtime_error("section '" + s.title + "' has no table");
}

/// Every named cell's value, over all tables.
std::map<std::string, doc::Value> named_cells(const doc::Document &d) {
    std::map<std::string, doc::Value> out;
    for (const auto &s : d.sections)
        for (const auto &b : s.blocks)
            if (const auto *t = std::get_if<doc::Table>(&b))
                for (const auto &r : t->rows)
                    for (const auto &c : r.cells)
                        if (!c.name.empty()) EXPECT_TRUE(out.emplace(c.name, c.value).second) << "twice: " << c.name;
    return out;
}

/// The value of a formula of the two shapes the plugin writes ("SUM(kolom(bedrag))" over the body
/// rows of `table`, or "a + b + …" over named cells), computed independently of the plugin.
std::int64_t evaluate(const std::string &formula, const doc::Table &table, const std::map<std::string, doc::Value> &named) {
    if (formula == "SUM(kolom(bedrag))") {
        std::size_t col = 0;
        while (table.columns.at(col).key != "bedrag") ++col;
        std::int64_t sum = 0;
        for (const auto &r : table.rows)
            if (r.role == doc::RowRole::body) sum += r.cells.at(col).value.money_value().in_cents();
        return sum;
    }
    std::istringstream in(formula);
    std::string name, plus;
    std::int64_t sum = 0;
    while (in >> name) {
        sum += named.at(name).money_value().in_cents();
        if (!(in >> plus)) break;
        EXPECT_EQ(plus, "+") << formula;
    }
    return sum;
}

TEST(ReportBijdragen, DescribesASectionPerBronWithNamedAmountsAndTheGrondslag) {
    const doc::Document d = described(sample_lines());
    EXPECT_EQ(d.kind, doc::Document::Kind::report);
    EXPECT_EQ(d.name, "bijdragen-2017");
    EXPECT_EQ(d.meta.title, "Bijdragen 2017");
    EXPECT_EQ(d.meta.year, 2017);
    EXPECT_EQ(d.meta.language, "nl-NL");
    ASSERT_EQ(d.sections.size(), 4u);  // inleiding, two bronnen in first-seen order, totaal
    EXPECT_EQ(d.sections[1].title, "Inwonerbijdrage");
    EXPECT_EQ(table_of(d.sections[1]).caption, "Inwonerbijdrage per betaler");
    EXPECT_EQ(d.sections[2].title, "Rijksbijdrage");
    EXPECT_EQ(d.sections[3].title, "Totaal");

    const doc::Table &t = table_of(d.sections[1]);
    ASSERT_EQ(t.columns.size(), 4u);
    EXPECT_EQ(t.columns[0].header, "Code");
    EXPECT_EQ(t.columns[1].header, "Betaler");
    EXPECT_EQ(t.columns[2].header, "Bedrag");
    EXPECT_EQ(t.columns[3].header, "Grondslag");
    ASSERT_EQ(t.rows.size(), 4u);  // three gemeenten (the rijksbijdrage between them is another bron) and the total
    const std::vector<std::string> codes = {"GM0001", "GM0002", "GM1948"};
    for (std::size_t i = 0; i < 3; ++i) {
        const doc::Row &r = t.rows[i];
        EXPECT_EQ(r.role, doc::RowRole::body);
        EXPECT_EQ(r.cells[0].value.text_value(), codes[i]);
        EXPECT_EQ(r.cells[2].value.kind(), doc::Value::Kind::money);
        EXPECT_EQ(r.cells[2].name, rb::amount_name(0, i));
        EXPECT_TRUE(r.cells[2].formula.empty());
    }
    EXPECT_EQ(t.rows[2].cells[2].value.money_value(), Money::cents(3200001));
    // The basis texts are the grondslag column of this, the controller's, document, unshortened.
    EXPECT_EQ(t.rows[2].cells[3].value.text_value(), "80.000 inwoners × € 0,40 + € 0,01 restverdeling");
    for (const auto &c : t.rows[0].cells)
        if (c.value.kind() == doc::Value::Kind::text) EXPECT_EQ(c.value.text_value().find("  "), std::string::npos);
}

TEST(ReportBijdragen, TotalsAreFormulasOverNamedCellsWithTheirValues) {
    const doc::Document d = described(sample_lines());
    const auto named = named_cells(d);
    std::size_t formulas = 0;
    for (const auto &s : d.sections)
        for (const auto &b : s.blocks)
            if (const auto *t = std::get_if<doc::Table>(&b))
                for (const auto &r : t->rows)
                    for (const auto &c : r.cells) {
                        if (c.formula.empty()) continue;
                        ++formulas;
                        EXPECT_EQ(c.formula.find('$'), std::string::npos) << "Excel syntax: " << c.formula;
                        EXPECT_EQ(evaluate(c.formula, *t, named), c.value.money_value().in_cents()) << c.formula;
                    }
    EXPECT_EQ(formulas, 2u + 2u + 1u);  // a total per bron, a row per bron in Totaal, the overall total
    EXPECT_EQ(named.at(rb::total_name(0)).money_value(), Money::cents(400000 + 1000000 + 3200001));
    EXPECT_EQ(named.at(rb::total_name(1)).money_value(), Money::cents(16170000));
    EXPECT_EQ(named.at("totaal").money_value(), Money::cents(400000 + 1000000 + 3200001 + 16170000));
    const doc::Table &summary = table_of(d.sections[3]);
    EXPECT_EQ(summary.rows.back().role, doc::RowRole::total);
    EXPECT_EQ(summary.rows.back().cells[1].formula, "totaal_1 + totaal_2");
}

TEST(ReportBijdragen, IndicatieveInwonertallenGetANote) {
    vhh::Region region = vhh::testing::sample_region();
    region.bevolking_indicatief = true;
    region.bevolking_bron = "schatting";
    auto notes = [](const doc::Document &d) {
        std::vector<std::string> out;
        for (const auto &b : d.sections[0].blocks)
            if (const auto *n = std::get_if<doc::Note>(&b)) out.push_back(n->text);
        return out;
    };
    const auto with = notes(described(sample_lines(), region));
    ASSERT_EQ(with.size(), 1u);
    EXPECT_NE(with[0].find("indicatief (schatting)"), std::string::npos);
    region.bevolking_indicatief = false;
    EXPECT_TRUE(notes(described(sample_lines(), region)).empty());
}

TEST(ReportBijdragen, NoLinesIsADocumentWithATotalOfNothing) {
    const doc::Document d = described({});
    ASSERT_EQ(d.sections.size(), 2u);
    const doc::Table &summary = table_of(d.sections[1]);
    ASSERT_EQ(summary.rows.size(), 1u);
    EXPECT_EQ(summary.rows[0].cells[1].value.money_value(), Money());
    EXPECT_TRUE(summary.rows[0].cells[1].formula.empty());
    EXPECT_TRUE(std::holds_alternative<doc::Paragraph>(d.sections[1].blocks.front()));
}

TEST(ReportBijdragen, BronnenInFirstSeenOrder) {
    EXPECT_EQ(rb::bronnen(sample_lines()), (std::vector<std::string>{"inwonerbijdrage", "rijksbijdrage"}));
    EXPECT_EQ(rb::amount_name(0, 0), "bedrag_1_1");
    EXPECT_EQ(rb::total_name(2), "totaal_3");
}

// The described document rendered in process by the host's renderers (the test kit's
// render_document) and read back by independent tools: openpyxl sees the totals as formulas with
// their values, pdftotext finds every amount in the PDF, the text has every payer.
TEST(ReportBijdragenRendered, WorkbookPdfAndTextShowEveryAmount) {
    const doc::Document d = described(sample_lines());
    const std::string xlsx = vhh::testing::read_independently(vhh::testing::render_document(d, "xlsx"), "xlsx");
    EXPECT_NE(xlsx.find("\"formula\": \"SUM("), std::string::npos) << xlsx;
    EXPECT_NE(xlsx.find("\"value\": 32000.01"), std::string::npos) << xlsx;  // Meierijstad, a number cell
    EXPECT_NE(xlsx.find("\"value\": 46000.01"), std::string::npos) << xlsx;  // the inwonerbijdrage total
    const std::string pdf = vhh::testing::read_independently(vhh::testing::render_document(d, "pdf"), "pdf");
    for (const char *amount : {"€ 4.000,00", "€ 10.000,00", "€ 32.000,01", "€ 161.700,00", "€ 46.000,01"})
        EXPECT_NE(pdf.find(amount), std::string::npos) << amount << "\n" << pdf;
    const std::string text = vhh::testing::render_document(d, "txt");
    for (const char *payer : {"Aardam", "Beekstad", "Meierijstad", "Rijk (via Beekstad)"})
        EXPECT_NE(text.find(payer), std::string::npos) << payer << "\n" << text;
    EXPECT_THROW(vhh::testing::render_document(d, "docx"), std::invalid_argument);
}

}  // namespace
