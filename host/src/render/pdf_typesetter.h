// The PDF renderer's typesetter: A4 pages with margins, Pango text set line by line with page
// breaks, tagged structure, page footers "pagina X van N", and the font found through fontconfig.
// A measuring pass runs the same code without a surface (nothing drawn), so the drawing pass
// knows the page count and where each section starts.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <vector>

namespace vhh::host::pdf {

/// A4 in points and the margins of the text area.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.89;
constexpr double kMarginLeft = 70.87;   // 2,5 cm
constexpr double kMarginRight = 62.36;  // 2,2 cm
constexpr double kMarginTop = 62.36;
constexpr double kMarginBottom = 70.87; // the footer sits in this margin
constexpr double kTextWidth = kPageWidth - kMarginLeft - kMarginRight;

/// A Pango layout owned by its handle.
using Layout = std::unique_ptr<PangoLayout, void (*)(void *)>;

/// A font of the house style.
struct Font {
    double size = 10;
    bool bold = false;
    bool italic = false;
};

/// The family the PDF is set in, found through fontconfig ("Liberation Sans", else
/// "DejaVu Sans"); throws RenderError when neither is installed.
const std::string &font_family();

/// Sets text on pages. With a null surface it only measures.
class Typesetter {
public:
    /// `surface` is the PDF surface or null (measuring); `total_pages` is shown in footers;
    /// `footer_title` at the left of each footer.
    Typesetter(cairo_surface_t *surface, int total_pages, std::string footer_title);
    ~Typesetter();
    Typesetter(const Typesetter &) = delete;
    Typesetter &operator=(const Typesetter &) = delete;

    bool drawing() const { return cr_ != nullptr; }
    cairo_t *cr() const { return cr_; }
    cairo_surface_t *surface() const { return surface_; }
    int page() const { return page_; }
    double y() const { return y_; }
    void set_y(double y) { y_ = y; }
    double bottom() const { return kPageHeight - kMarginBottom; }
    /// Room left on this page below y.
    double room() const { return bottom() - y_; }
    bool at_page_top() const { return y_ <= kMarginTop + 0.01; }

    /// A layout of `text` (plain text, never markup) in `font`, wrapped at `width` (< 0: no wrap).
    Layout layout(const std::string &text, Font font, double width, PangoAlignment align = PANGO_ALIGN_LEFT) const;
    static double width_of(PangoLayout *l);
    static double height_of(PangoLayout *l);
    /// Draws `l` with its top-left at (x, y) in `grey` (0 black).
    void draw(PangoLayout *l, double x, double y, double grey = 0) const;
    /// Sets `l` at x from the current y, line by line, breaking pages between lines.
    void flow(PangoLayout *l, double x, double grey = 0);
    /// Vertical space, dropped at the top of a page.
    void space(double h);
    /// Breaks the page when less than `h` is left (and the page is not empty).
    void keep(double h);
    /// Ends this page (footer) and starts the next.
    void break_page();
    /// Ends the last page.
    void finish();

    /// Opens/closes a structure element or link (no-op while measuring).
    void tag_begin(const char *name, const std::string &attributes = "") const;
    void tag_end(const char *name) const;

private:
    void footer();

    cairo_surface_t *surface_;
    cairo_t *cr_ = nullptr;
    PangoContext *context_ = nullptr;
    int total_pages_;
    std::string footer_title_;
    int page_ = 1;
    double y_ = kMarginTop;
};

/// Replaces everything from the first character past `max_chars` by "…" (for table cells,
/// whose rows must fit on a page).
std::string cap_text(const std::string &text, std::size_t max_chars);

}  // namespace vhh::host::pdf
