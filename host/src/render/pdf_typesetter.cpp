// Typesetting for the PDF renderer: pages, Pango text, footers, structure tags.
#include "render/pdf_typesetter.h"

#include <fontconfig/fontconfig.h>

#include "render/xlsx_renderer.h"
#include "vhh/text.h"

namespace vhh::host::pdf {

namespace {

/// The family fontconfig gives for `family`, so a missing font is noticed instead of replaced.
std::string matched_family(const char *family) {
    FcPattern *pattern = FcNameParse(reinterpret_cast<const FcChar8 *>(family));
    if (!pattern) return "";
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern *match = FcFontMatch(nullptr, pattern, &result);
    std::string found;
    FcChar8 *name = nullptr;
    if (match && FcPatternGetString(match, FC_FAMILY, 0, &name) == FcResultMatch)
        found = reinterpret_cast<const char *>(name);
    if (match) FcPatternDestroy(match);
    FcPatternDestroy(pattern);
    return found;
}

std::string find_family() {
    for (const char *family : {"Liberation Sans", "DejaVu Sans"})
        if (matched_family(family) == family) return family;
    throw RenderError("no font for PDF: install fonts-liberation2 or fonts-dejavu-core");
}

}  // namespace

const std::string &font_family() {
    static const std::string family = find_family();
    return family;
}

std::string cap_text(const std::string &text, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (chars++ == max_chars) return text.substr(0, i) + "\u2026";
    }
    return text;
}

Typesetter::Typesetter(cairo_surface_t *surface, int total_pages, std::string footer_title)
    : surface_(surface), total_pages_(total_pages), footer_title_(std::move(footer_title)) {
    // Layouts come from one context with fixed font options, so measuring and drawing agree.
    context_ = pango_font_map_create_context(pango_cairo_font_map_get_default());
    pango_cairo_context_set_resolution(context_, 72);
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
    pango_context_set_language(context_, pango_language_from_string("nl-nl"));
    if (surface_) cr_ = cairo_create(surface_);
}

Typesetter::~Typesetter() {
    if (cr_) cairo_destroy(cr_);
    g_object_unref(context_);
}

Layout Typesetter::layout(const std::string &text, Font font, double width, PangoAlignment align) const {
    Layout l(pango_layout_new(context_), g_object_unref);
    PangoFontDescription *d = pango_font_description_new();
    pango_font_description_set_family(d, font_family().c_str());
    pango_font_description_set_size(d, static_cast<gint>(font.size * PANGO_SCALE));
    pango_font_description_set_weight(d, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(d, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(l.get(), d);
    pango_font_description_free(d);
    if (width > 0) {
        pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);  // very long words break too
    }
    pango_layout_set_alignment(l.get(), align);
    pango_layout_set_text(l.get(), text.c_str(), static_cast<int>(text.size()));
    return l;
}

double Typesetter::width_of(PangoLayout *l) {
    PangoRectangle logical;
    pango_layout_get_extents(l, nullptr, &logical);
    return static_cast<double>(logical.width) / PANGO_SCALE;
}

double Typesetter::height_of(PangoLayout *l) {
    PangoRectangle logical;
    pango_layout_get_extents(l, nullptr, &logical);
    return static_cast<double>(logical.height) / PANGO_SCALE;
}

void Typesetter::draw(PangoLayout *l, double x, double y, double grey) const {
    if (!cr_) return;
    cairo_set_source_rgb(cr_, grey, grey, grey);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l);
}

void Typesetter::flow(PangoLayout *l, double x, double grey) {
    PangoLayoutIter *it = pango_layout_get_iter(l);
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        const double top = static_cast<double>(logical.y) / PANGO_SCALE;
        const double h = static_cast<double>(logical.height) / PANGO_SCALE;
        const double baseline = static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
        if (y_ + h > bottom() && !at_page_top()) break_page();
        if (cr_) {
            cairo_set_source_rgb(cr_, grey, grey, grey);
            cairo_move_to(cr_, x + static_cast<double>(logical.x) / PANGO_SCALE, y_ + baseline - top);
            pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
        }
        y_ += h;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

void Typesetter::space(double h) {
    if (!at_page_top()) y_ = std::min(y_ + h, bottom());
}

void Typesetter::keep(double h) {
    if (y_ + h > bottom() && !at_page_top()) break_page();
}

void Typesetter::footer() {
    if (!cr_) return;
    const Font small{8, false, false};
    const double y = kPageHeight - kMarginBottom + 24;
    Layout number = layout("pagina " + std::to_string(page_) + " van " + std::to_string(total_pages_), small,
                           kTextWidth, PANGO_ALIGN_RIGHT);
    draw(number.get(), kMarginLeft, y, 0.3);
    Layout title = layout(cap_text(footer_title_, 90), small, kTextWidth * 0.7);
    pango_layout_set_ellipsize(title.get(), PANGO_ELLIPSIZE_END);
    draw(title.get(), kMarginLeft, y, 0.3);
}

void Typesetter::break_page() {
    footer();
    if (cr_) cairo_show_page(cr_);
    ++page_;
    y_ = kMarginTop;
}

void Typesetter::finish() {
    footer();
    if (cr_) cairo_show_page(cr_);
}

void Typesetter::tag_begin(const char *name, const std::string &attributes) const {
    if (cr_) cairo_tag_begin(cr_, name, attributes.c_str());
}

void Typesetter::tag_end(const char *name) const {
    if (cr_) cairo_tag_end(cr_, name);
}

}  // namespace vhh::host::pdf
