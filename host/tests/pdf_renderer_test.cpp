// Tests for the PDF renderer as a pure function: byte-identical output, metadata, /Lang by
// incremental update, hostile text, missing chart data. Reading with independent tools
// (pdftotext, pdffonts, pdfinfo, qpdf) is in tests/e2e/test_render.py.
#include "render/pdf_renderer.h"

#include <cairo.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

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

/// Writes a `w`×`h` PNG filled with `r,g,b` to `path`.
void write_png(const std::string &path, int w, int h, double r, double g, double b) {
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, r, g, b);
    cairo_paint(cr);
    cairo_destroy(cr);
    ASSERT_EQ(cairo_surface_write_to_png(s, path.c_str()), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
}

TEST(PdfRenderer, LogoDecodedOnceStillFollowsTheFile) {
    // The logo's image is kept per thread while the file's bytes stay the same: the letters of one
    // run come out as they did when every pass decoded it, and a logo replaced on disk (vhh serve
    // renders for hours) is drawn as it is now; one that became unreadable is still an error.
    const std::string path =
        (std::filesystem::temp_directory_path() / ("vhh-logo-" + std::to_string(::getpid()) + ".png")).string();
    write_png(path, 40, 16, 0.1, 0.3, 0.8);
    const PdfRenderer r;
    const std::string first = r.render(samples::raadsbrief(), samples::options(path));
    EXPECT_EQ(r.render(samples::raadsbrief(), samples::options(path)), first);
    std::string other_thread;
    std::thread([&] { other_thread = r.render(samples::raadsbrief(), samples::options(path)); }).join();
    EXPECT_EQ(other_thread, first);
    write_png(path, 40, 16, 0.9, 0.2, 0.1);
    const std::string replaced = r.render(samples::raadsbrief(), samples::options(path));
    EXPECT_NE(replaced, first);
    std::thread([&] { other_thread = r.render(samples::raadsbrief(), samples::options(path)); }).join();
    EXPECT_EQ(other_thread, replaced);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << "\x89PNG\r\n\x1a\n damaged";
    EXPECT_THROW(r.render(samples::raadsbrief(), samples::options(path)), RenderError);
    std::filesystem::remove(path);
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
