// Tests for the PDF renderer as a pure function: byte-identical output, metadata, /Lang by
// incremental update, hostile text, missing chart data. Reading with independent tools
// (pdftotext, pdffonts, pdfinfo, qpdf) is in tests/e2e/test_render.py.
#include "render/pdf_renderer.h"

#include <gtest/gtest.h>

#include "render/xlsx_renderer.h"
#include "render_samples.h"

namespace vhh::host {
namespace {

TEST(PdfRenderer, SameDocumentSameBytes) {
    const PdfRenderer r;
    const std::string a = r.render(samples::bijdragen(), samples::options());
    const std::string b = r.render(samples::bijdragen(), samples::options());
    EXPECT_EQ(a, b);
    EXPECT_EQ(a.compare(0, 5, "%PDF-"), 0);
}

TEST(PdfRenderer, CreationDateFromOptionsNotTheClock) {
    const PdfRenderer r;
    const std::string pdf = r.render(samples::bijdragen(), samples::options());
    EXPECT_NE(pdf.find("/CreationDate (20140101000000Z)"), std::string::npos);
    RenderOptions later = samples::options();
    later.created += 86400;
    EXPECT_NE(r.render(samples::bijdragen(), later).find("/CreationDate (20140102000000Z)"), std::string::npos);
}

TEST(PdfRenderer, LanguageInTheCatalogByIncrementalUpdate) {
    const std::string pdf = PdfRenderer().render(samples::bijdragen(), samples::options());
    EXPECT_NE(pdf.find("/Lang (nl-NL)"), std::string::npos);
    EXPECT_NE(pdf.find("/Prev "), std::string::npos);
    EXPECT_EQ(pdf.substr(pdf.size() - 6), "%%EOF\n");
}

TEST(PdfRenderer, HostileLanguageTagCannotInjectIntoTheCatalog) {
    const std::string pdf = PdfRenderer().render(samples::hostile(), samples::options());
    EXPECT_EQ(pdf.find("/Evil"), std::string::npos);
    EXPECT_NE(pdf.find("/Lang (nl-NLEvilx)"), std::string::npos);
}

TEST(PdfRenderer, CatalogUpdateRefusesWhatIsNotCairosPdf) {
    EXPECT_THROW(add_catalog_entries("not a pdf", "/Lang (nl-NL)"), RenderError);
}

TEST(PdfRenderer, ChartOfAMissingTableNamesTheDocument) {
    doc::Document d = samples::bijdragen();
    d.sections[0].blocks.push_back(doc::Chart{doc::Chart::Type::pie, "Taart", "bestaat-niet", "a", {"b"}, ""});
    try {
        PdfRenderer().render(d, samples::options());
        FAIL() << "expected a RenderError";
    } catch (const RenderError &e) {
        EXPECT_NE(std::string(e.what()).find("bijdragen-2013"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("bestaat-niet"), std::string::npos) << e.what();
    }
}

TEST(PdfRenderer, MissingLogoIsARenderError) {
    EXPECT_THROW(PdfRenderer().render(samples::raadsbrief(), samples::options("/nonexistent/logo.png")), RenderError);
}

TEST(PdfRenderer, EveryChartTypeRenders) {
    for (auto type : {doc::Chart::Type::column, doc::Chart::Type::bar, doc::Chart::Type::line, doc::Chart::Type::pie}) {
        doc::Document d = samples::bijdragen();
        std::get<doc::Chart>(d.sections[1].sections[0].blocks[0]).type = type;
        EXPECT_GT(PdfRenderer().render(d, samples::options()).size(), 1000u);
    }
}

}  // namespace
}  // namespace vhh::host
