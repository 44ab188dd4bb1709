// The PDF renderer: walks the document model and sets it with the typesetter in two passes (the
// first measures: page count and where sections start, for "pagina X van N" and the contents).
#include "render/pdf_renderer.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <fstream>
#include <iterator>
#include <memory>

#include "render/pdf_table.h"
#include "render/png_image.h"
#include "render/pdf_typesetter.h"
#include "render/value_format.h"
#include "render/xlsx_renderer.h"

namespace vhh::host {

namespace {

using pdf::Font;
using pdf::kMarginLeft;
using pdf::kMarginTop;
using pdf::kTextWidth;
using pdf::Layout;
using pdf::Typesetter;

const Font kText{10, false, false};
const Font kSmall{8, false, false};

/// What the measuring pass learns.
struct Plan {
    int pages = 0;
    std::vector<int> section_pages;  // page of each section, in reading order
};

/// Sections in reading order with their nesting level (1 = top).
void flatten(const std::vector<doc::Section> &sections, int level,
             std::vector<std::pair<const doc::Section *, int>> &out) {
    for (const auto &s : sections) {
        out.emplace_back(&s, level);
        flatten(s.sections, level + 1, out);
    }
}

/// A PNG file's bytes as a cairo surface the caller destroys (read from memory, so any path works).
/// The file is read each time; its image is decoded once per thread while its bytes stay the same
/// (a run of invoices paints one logo in two passes of every letter). Each thread keeps its own
/// surface: cairo may attach snapshots to a source surface while a PDF paints it.
cairo_surface_t *read_png(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RenderError("logo " + path + ": cannot be read");
    std::string bytes(std::istreambuf_iterator<char>(in), {});
    struct Decoded {
        std::string bytes;
        cairo_surface_t *png = nullptr;
        ~Decoded() {
            if (png) cairo_surface_destroy(png);
        }
    };
    thread_local Decoded last;
    if (last.png == nullptr || last.bytes != bytes) {
        cairo_surface_t *png = decode_png(bytes);
        if (png == nullptr) throw RenderError("logo " + path + ": not a PNG image");
        if (last.png) cairo_surface_destroy(last.png);
        last.png = png;
        last.bytes = std::move(bytes);
    }
    return cairo_surface_reference(last.png);
}

class DocumentSetter {
public:
    DocumentSetter(const doc::Document &d, const RenderOptions &o, cairo_surface_t *surface, const Plan &known)
        : doc_(d), opt_(o), known_(known), ts_(surface, known.pages, clean_text(d.meta.title)) {}

    Plan set() {
        // cairo 1.16 fails an assertion at the end when an image is painted inside a structure
        // element: the logo is painted first, outside the structure (as an artifact would be).
        if (doc_.kind == doc::Document::Kind::letter && doc_.letter) logo();
        ts_.tag_begin("Document");
        if (doc_.kind == doc::Document::Kind::letter && doc_.letter) {
            letter(*doc_.letter);
            if (!doc_.sections.empty()) ts_.break_page();
        } else {
            title_block();
            contents();
        }
        std::vector<std::pair<const doc::Section *, int>> flat;
        flatten(doc_.sections, 1, flat);
        outline_ids_.assign(8, CAIRO_PDF_OUTLINE_ROOT);
        for (std::size_t i = 0; i < flat.size(); ++i) section(*flat[i].first, flat[i].second, i);
        ts_.tag_end("Document");
        ts_.finish();
        plan_.pages = ts_.page();
        return plan_;
    }

private:
    void paragraph(const std::string &text, Font font = kText, double indent = 0, double grey = 0) {
        Layout l = ts_.layout(clean_text(text, true), font, kTextWidth - indent);
        ts_.tag_begin("P");
        ts_.flow(l.get(), kMarginLeft + indent, grey);
        ts_.tag_end("P");
    }

    void title_block() {
        ts_.tag_begin("H1");  // the title; sections are H2 and deeper, as in the HTML
        Layout t = ts_.layout(clean_text(doc_.meta.title), {20, true, false}, kTextWidth);
        ts_.flow(t.get(), kMarginLeft);
        ts_.tag_end("H1");
        if (!doc_.meta.subtitle.empty()) paragraph(doc_.meta.subtitle, {13, false, false});
        std::string line = doc_.meta.region.empty() ? opt_.house.organisation : doc_.meta.region;
        if (doc_.meta.year) line += (line.empty() ? "" : " \u00b7 ") + std::to_string(doc_.meta.year);
        if (doc_.meta.date.valid()) line += (line.empty() ? "" : " \u00b7 ") + doc_.meta.date.nl();
        if (!doc_.meta.kenmerk.empty()) line += (line.empty() ? "kenmerk " : " \u00b7 kenmerk ") + doc_.meta.kenmerk;
        ts_.space(4);
        if (!line.empty()) paragraph(line, {9, false, false}, 0, 0.3);
        ts_.space(18);
    }

    /// The table of contents: each section with its page (from the measuring pass), as links.
    void contents() {
        std::vector<std::pair<const doc::Section *, int>> flat;
        flatten(doc_.sections, 1, flat);
        if (flat.size() < 2) return;
        ts_.tag_begin("H2");
        Layout h = ts_.layout("Inhoud", {13, true, false}, kTextWidth);
        ts_.flow(h.get(), kMarginLeft);
        ts_.tag_end("H2");
        ts_.space(4);
        ts_.tag_begin("TOC");
        for (std::size_t i = 0; i < flat.size(); ++i) {
            const double indent = 14.0 * (flat[i].second - 1);
            const Font f{10, flat[i].second == 1, false};
            Layout title = ts_.layout(clean_text(flat[i].first->title), f, kTextWidth - indent - 40);
            const double h = Typesetter::height_of(title.get());
            ts_.keep(h);
            const int page = i < known_.section_pages.size() ? known_.section_pages[i] : 0;
            Layout number = ts_.layout(std::to_string(page), f, 40, PANGO_ALIGN_RIGHT);
            ts_.tag_begin("TOCI");
            ts_.tag_begin(CAIRO_TAG_LINK, "dest='" + dest(i) + "'");
            ts_.draw(title.get(), kMarginLeft + indent, ts_.y());
            ts_.draw(number.get(), kMarginLeft + kTextWidth - 40, ts_.y());
            ts_.tag_end(CAIRO_TAG_LINK);
            ts_.tag_end("TOCI");
            ts_.set_y(ts_.y() + h + 2);
        }
        ts_.tag_end("TOC");
        ts_.space(18);
    }

    static std::string dest(std::size_t i) { return "sectie-" + std::to_string(i + 1); }

    void section(const doc::Section &s, int level, std::size_t index) {
        const int hl = std::min(level, 6);
        const Font f{hl == 1 ? 15.0 : hl == 2 ? 12.5 : 11.0, true, false};
        Layout h = ts_.layout(clean_text(s.title), f, kTextWidth);
        ts_.space(hl == 1 ? 14 : 8);
        ts_.keep(pdf::Typesetter::height_of(h.get()) + 60);  // a heading keeps some text below it
        plan_.section_pages.push_back(ts_.page());
        if (ts_.drawing()) {
            const std::string name = dest(index);
            ts_.tag_begin(CAIRO_TAG_DEST, "name='" + name + "'");
            ts_.tag_end(CAIRO_TAG_DEST);
            const int parent = outline_ids_[static_cast<std::size_t>(hl - 1)];
            const int id = cairo_pdf_surface_add_outline(ts_.surface(), parent, clean_text(s.title).c_str(),
                                                         ("dest='" + name + "'").c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
            if (static_cast<std::size_t>(hl) < outline_ids_.size()) outline_ids_[static_cast<std::size_t>(hl)] = id;
        }
        const std::string tag = "H" + std::to_string(std::min(hl + 1, 6));
        ts_.tag_begin(tag.c_str());
        ts_.flow(h.get(), kMarginLeft);
        ts_.tag_end(tag.c_str());
        ts_.space(6);
        blocks(s.blocks);
    }

    void blocks(const std::vector<doc::Block> &blocks) {
        for (const auto &b : blocks) {
            if (const auto *p = std::get_if<doc::Paragraph>(&b)) {
                paragraph(p->text);
                ts_.space(6);
            } else if (const auto *l = std::get_if<doc::List>(&b)) {
                list(*l);
            } else if (const auto *n = std::get_if<doc::Note>(&b)) {
                note(*n);
            } else if (const auto *t = std::get_if<doc::Table>(&b)) {
                pdf::set_table(ts_, *t);
            } else if (const auto *c = std::get_if<doc::Chart>(&b)) {
                pdf::set_chart(ts_, doc_, *c);
            }
        }
    }

    void list(const doc::List &l) {
        ts_.tag_begin("L");
        for (std::size_t i = 0; i < l.items.size(); ++i) {
            Layout body = ts_.layout(clean_text(l.items[i], true), kText, kTextWidth - 18);
            Layout label = ts_.layout(l.ordered ? std::to_string(i + 1) + "." : "\u2022", kText, 14, PANGO_ALIGN_RIGHT);
            ts_.keep(Typesetter::height_of(label.get()));
            ts_.tag_begin("LI");
            ts_.tag_begin("Lbl");
            ts_.draw(label.get(), kMarginLeft, ts_.y());
            ts_.tag_end("Lbl");
            ts_.tag_begin("LBody");
            ts_.flow(body.get(), kMarginLeft + 18);
            ts_.tag_end("LBody");
            ts_.tag_end("LI");
            ts_.space(2);
        }
        ts_.tag_end("L");
        ts_.space(6);
    }

    void note(const doc::Note &n) {
        Layout l = ts_.layout(clean_text(n.text, true), {8.5, false, true}, kTextWidth - 12);
        const double top = ts_.y();
        const int page = ts_.page();
        ts_.tag_begin("P");
        ts_.flow(l.get(), kMarginLeft + 12, 0.25);
        ts_.tag_end("P");
        if (cairo_t *cr = ts_.cr(); cr && page == ts_.page()) {
            cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
            cairo_set_line_width(cr, 1.5);
            cairo_move_to(cr, kMarginLeft + 4, top);
            cairo_line_to(cr, kMarginLeft + 4, ts_.y());
            cairo_stroke(cr);
        }
        ts_.space(8);
    }

    /// Label and value lines of the letter's reference block ("Datum", "Kenmerk", ...).
    void reference(const std::string &label, const std::string &value) {
        if (value.empty()) return;
        Layout l = ts_.layout(label, {8, false, false}, 95);
        Layout v = ts_.layout(clean_text(value), {9.5, false, false}, kTextWidth - 100);
        ts_.tag_begin("P");
        ts_.draw(l.get(), kMarginLeft, ts_.y() + 1.5, 0.35);
        ts_.draw(v.get(), kMarginLeft + 100, ts_.y());
        ts_.tag_end("P");
        ts_.set_y(ts_.y() + std::max(Typesetter::height_of(v.get()), 12.0) + 1);
    }

    void logo() {
        const auto &house = opt_.house;
        if (!house.logo_path.empty()) {
            cairo_surface_t *logo = read_png(house.logo_path);  // read in both passes: errors show early
            if (cairo_t *cr = ts_.cr()) {
                const double w = cairo_image_surface_get_width(logo), h = cairo_image_surface_get_height(logo);
                const double scale = std::min(140.0 / w, 56.0 / h);
                cairo_save(cr);
                cairo_translate(cr, kMarginLeft, kMarginTop - 20);
                cairo_scale(cr, scale, scale);
                cairo_set_source_surface(cr, logo, 0, 0);
                cairo_paint(cr);
                cairo_restore(cr);
            }
            cairo_surface_destroy(logo);
        }
    }

    void letterhead() {
        const auto &house = opt_.house;
        double y = kMarginTop - 20;
        const double x = kMarginLeft + kTextWidth - 200;
        std::vector<std::string> lines{house.organisation};
        lines.insert(lines.end(), house.address_lines.begin(), house.address_lines.end());
        ts_.tag_begin("P");
        for (std::size_t i = 0; i < lines.size(); ++i) {
            Layout l = ts_.layout(clean_text(lines[i]), {i == 0 ? 10.0 : 8.5, i == 0, false}, 200, PANGO_ALIGN_RIGHT);
            ts_.draw(l.get(), x, y, i == 0 ? 0 : 0.3);
            y += Typesetter::height_of(l.get());
        }
        ts_.tag_end("P");
    }

    void letter(const doc::Letter &letter) {
        letterhead();
        // The address block where a window envelope shows it.
        ts_.set_y(150);
        ts_.tag_begin("P");
        for (const auto &line : letter.addressee) {
            Layout l = ts_.layout(clean_text(line), kText, 250);
            ts_.flow(l.get(), kMarginLeft);
        }
        ts_.tag_end("P");
        ts_.set_y(std::max(ts_.y() + 24, 250.0));
        const doc::Person &contact = letter.contact.name.empty() ? opt_.house.contact : letter.contact;
        const doc::Person &signatory = letter.signatory.name.empty() ? opt_.house.signatory : letter.signatory;
        reference("Datum", letter.date.valid() ? letter.date.nl() : "");
        reference("Kenmerk", letter.kenmerk);
        reference("Onderwerp", letter.onderwerp);
        reference("Contactpersoon", contact.name + (contact.function.empty() ? "" : ", " + contact.function));
        reference("Telefoon", contact.phone);
        reference("E-mail", contact.email);
        reference("Bijlagen", letter.bijlagen.empty() ? "" : std::to_string(letter.bijlagen.size()));
        ts_.space(22);
        if (!letter.aanhef.empty()) {
            paragraph(letter.aanhef);
            ts_.space(8);
        }
        blocks(letter.body);
        ts_.space(6);
        ts_.keep(80);
        if (!letter.slot.empty()) paragraph(letter.slot);
        ts_.space(36);
        if (!signatory.name.empty()) paragraph(signatory.name, {10, true, false});
        if (!signatory.function.empty()) paragraph(signatory.function);
        if (!letter.bijlagen.empty()) {
            ts_.space(18);
            paragraph("Bijlagen", {9, true, false});
            doc::List l;
            l.items = letter.bijlagen;
            list(l);
        }
    }

    const doc::Document &doc_;
    const RenderOptions &opt_;
    const Plan &known_;
    Typesetter ts_;
    Plan plan_;
    std::vector<int> outline_ids_;
};

std::string iso_time(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

/// A BCP 47 tag kept to letters, digits and hyphens (it goes into a PDF string).
std::string language_tag(const std::string &language) {
    std::string out;
    for (char c : language)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') out += c;
    return out.empty() || out.size() > 35 ? "nl-NL" : out;
}

cairo_status_t append(void *closure, const unsigned char *data, unsigned int length) {
    static_cast<std::string *>(closure)->append(reinterpret_cast<const char *>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string PdfRenderer::render(const doc::Document &document, const RenderOptions &options) const {
    const std::string where = "document '" + document.name + "' (pdf)";
    try {
        const Plan plan = DocumentSetter(document, options, nullptr, Plan{}).set();
        std::string bytes;
        cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(append, &bytes, pdf::kPageWidth, pdf::kPageHeight);
        std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t *)> owner(surface, cairo_surface_destroy);
        const std::string created = iso_time(options.created);
        const std::string author = options.house.organisation.empty() ? document.meta.region : options.house.organisation;
        std::string subject = document.letter ? document.letter->onderwerp : document.meta.subtitle;
        if (subject.empty()) subject = document.meta.title;
        std::string keywords = document.meta.region;
        if (document.meta.year) keywords += (keywords.empty() ? "" : ", ") + std::to_string(document.meta.year);
        if (!document.meta.kenmerk.empty()) keywords += (keywords.empty() ? "" : ", ") + document.meta.kenmerk;
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, clean_text(document.meta.title).c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, clean_text(author).c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, clean_text(subject).c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, clean_text(keywords).c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "vhh");
        // cairo 1.16 takes the clock (not SOURCE_DATE_EPOCH) unless told: always tell it.
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, created.c_str());
        const Plan drawn = DocumentSetter(document, options, surface, plan).set();
        cairo_surface_finish(surface);
        if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
            throw RenderError(std::string("cairo: ") + cairo_status_to_string(cairo_surface_status(surface)));
        if (drawn.pages != plan.pages) throw RenderError("the drawing pass set a different number of pages");
        return add_catalog_entries(bytes, "/Lang (" + language_tag(document.meta.language) +
                                              ")\n   /ViewerPreferences << /DisplayDocTitle true >>");
    } catch (const RenderError &e) {
        throw RenderError(where + ": " + e.what());
    }
}

}  // namespace vhh::host
