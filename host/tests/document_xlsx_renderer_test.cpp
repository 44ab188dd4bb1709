// Tests of the xlsx renderer of the document model that need no independent reader (the e2e
// test test_documents.py reads the workbooks with openpyxl).
#include "render/document_xlsx_renderer.h"

#include <gtest/gtest.h>

#include "render/renderer_registry.h"
#include "render/xlsx_renderer.h"

namespace vhh::host {
namespace {

using doc::Cell;
using doc::Document;
using doc::Row;
using doc::RowRole;
using doc::Section;
using doc::Table;
using doc::Value;

Document document() {
    Document d;
    d.name = "bijdragen-2013";
    d.meta.title = "Bijdragen 2013";
    Table t;
    t.id = "inwonerbijdrage";
    t.caption = "Inwonerbijdrage";
    t.columns = {{"gemeente", "Gemeente"}, {"bijdrage", "Bijdrage"}};
    t.rows.push_back({{Cell{Value::text("Goes"), "", ""}, Cell{Value::money(Money::cents(150)), "goes", ""}}});
    t.rows.push_back({{Cell{Value::text("Totaal"), "", ""},
                       Cell{Value::money(Money::cents(150)), "", "SUM(kolom(bijdrage))"}},
                      RowRole::total});
    d.sections.push_back(Section{"Bijdragen", {t}, {}});
    return d;
}

TEST(DocumentXlsxRenderer, WritesAZipAndTheSameBytesTwice) {
    RenderOptions o;
    o.created = 1356998400;
    const std::string a = DocumentXlsxRenderer().render(document(), o);
    ASSERT_GT(a.size(), 1000u);
    EXPECT_EQ(a.substr(0, 2), "PK");
    EXPECT_EQ(DocumentXlsxRenderer().render(document(), o), a);
}

TEST(DocumentXlsxRenderer, IsRegisteredForXlsx) {
    ASSERT_NE(RendererRegistry::builtin().find("xlsx"), nullptr);
    EXPECT_EQ(RendererRegistry::builtin().formats(), (std::vector<std::string>{"pdf", "xlsx", "html", "txt"}));
}

TEST(DocumentXlsxRenderer, RefusesAFormulaItCannotTranslateNamingTheDocument) {
    Document d = document();
    std::get<Table>(d.sections[0].blocks[0]).rows[1].cells[1].formula = "onbekend + 1";
    try {
        DocumentXlsxRenderer().render(d, {});
        FAIL() << "no RenderError";
    } catch (const RenderError &e) {
        EXPECT_NE(std::string(e.what()).find("bijdragen-2013: no cell named 'onbekend'"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace vhh::host
