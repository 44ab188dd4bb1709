// The HTML renderer: semantic, accessible, self-contained pages of the document model.
#include "render/html_renderer.h"

#include <Poco/Base64Encoder.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <sstream>

#include "render/value_format.h"
#include "render/xlsx_renderer.h"

namespace vhh::host {

namespace {

const char kStyle[] = R"css(
:root { color: #1a1a1a; background: #fff; font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; line-height: 1.45; }
body { max-width: 52rem; margin: 2rem auto; padding: 0 1rem; overflow-wrap: anywhere; }
h1 { font-size: 1.8rem; margin-bottom: .2rem; } h2 { font-size: 1.35rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
.ondertitel { font-size: 1.15rem; margin-top: 0; } .kenmerken { color: #4d4d4d; font-size: .9rem; }
nav ol { list-style: none; padding-left: 1.2rem; } nav > ol { padding-left: 0; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .92rem; }
caption { text-align: left; font-weight: bold; padding-bottom: .3rem; }
th, td { padding: .25rem .5rem; border-bottom: 1px solid #d9d9d9; vertical-align: top; text-align: left; }
thead th { background: #e6ebf2; border-bottom: 2px solid #1a1a1a; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.num .f { display: inline-block; text-align: left; }
tr.subtotaal th, tr.subtotaal td { font-weight: bold; border-top: 1px solid #1a1a1a; }
tr.totaal th, tr.totaal td { font-weight: bold; background: #f2f2f2; border-top: 2px solid #1a1a1a; border-bottom: 2px solid #1a1a1a; }
.noot { border-left: 3px solid #999; padding-left: .8rem; font-style: italic; color: #404040; font-size: .9rem; }
figure { margin: 1.5rem 0; } figure svg { width: 100%; height: auto; font-size: 11px; fill: #333; }
figcaption { font-size: .9rem; } figcaption strong { display: block; }
.briefhoofd { display: flex; justify-content: space-between; align-items: flex-start; }
.briefhoofd img { max-width: 10rem; max-height: 4rem; } .briefhoofd address { text-align: right; font-style: normal; }
.geadresseerde { font-style: normal; margin: 2rem 0; }
dl.referentie { display: grid; grid-template-columns: 9rem 1fr; gap: .1rem 1rem; font-size: .95rem; }
dl.referentie dt { color: #4d4d4d; } dl.referentie dd { margin: 0; }
.ondertekening { margin-top: 3rem; }
.visueel-verborgen { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@page { size: A4; margin: 2cm 2cm 2.2cm 2.5cm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  nav a, a { color: inherit; text-decoration: none; }
  thead { display: table-header-group; }
  tr, figure, .noot, dl.referentie { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3, h4, h5, h6, caption { break-after: avoid; page-break-after: avoid; }
  table { break-before: auto; }
}
)css";

std::string language_attribute(const std::string &language) {
    std::string out;
    for (char c : language)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') out += c;
    return out.empty() || out.size() > 35 ? "nl-NL" : out;
}

/// `cleaned` (no control characters) with & < > " ' as character references.
std::string escape_cleaned(const std::string &cleaned) {
    std::string out;
    out.reserve(cleaned.size());
    for (char c : cleaned) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string base64(const std::string &bytes) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << bytes;
    encoder.close();
    return out.str();
}

class HtmlWriter {
public:
    HtmlWriter(const doc::Document &d, const RenderOptions &o) : doc_(d), opt_(o) {}

    std::string write() {
        std::string author = opt_.house.organisation.empty() ? doc_.meta.region : opt_.house.organisation;
        o_ << "<!DOCTYPE html>\n<html lang=\"" << language_attribute(doc_.meta.language) << "\">\n<head>\n"
           << "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           << "<title>" << html_escape(doc_.meta.title) << "</title>\n"
           << "<meta name=\"author\" content=\"" << html_escape(author) << "\">\n"
           << "<meta name=\"generator\" content=\"vhh\">\n";
        if (!doc_.meta.subtitle.empty())
            o_ << "<meta name=\"description\" content=\"" << html_escape(doc_.meta.subtitle) << "\">\n";
        o_ << "<style>" << kStyle << "</style>\n</head>\n<body>\n<main>\n";
        if (doc_.kind == doc::Document::Kind::letter && doc_.letter) {
            letter(*doc_.letter);
        } else {
            title_block();
            contents();
        }
        for (const auto &s : doc_.sections) section(s, 2);
        o_ << "</main>\n</body>\n</html>\n";
        return o_.str();
    }

private:
    void title_block() {
        o_ << "<header>\n<h1>" << html_escape(doc_.meta.title) << "</h1>\n";
        if (!doc_.meta.subtitle.empty()) o_ << "<p class=\"ondertitel\">" << html_escape(doc_.meta.subtitle) << "</p>\n";
        std::string line = html_escape(doc_.meta.region.empty() ? opt_.house.organisation : doc_.meta.region);
        if (doc_.meta.year) line += (line.empty() ? "" : " · ") + std::to_string(doc_.meta.year);
        if (doc_.meta.date.valid())
            line += (line.empty() ? "" : " · ") + std::string("<time datetime=\"") + doc_.meta.date.iso() + "\">" +
                    doc_.meta.date.nl() + "</time>";
        if (!doc_.meta.kenmerk.empty()) line += (line.empty() ? "kenmerk " : " · kenmerk ") + html_escape(doc_.meta.kenmerk);
        if (!line.empty()) o_ << "<p class=\"kenmerken\">" << line << "</p>\n";
        o_ << "</header>\n";
    }

    void contents() {
        std::size_t count = 0;
        count_sections(doc_.sections, count);
        if (count < 2) return;
        o_ << "<nav aria-labelledby=\"inhoud\">\n<h2 id=\"inhoud\">Inhoud</h2>\n";
        std::size_t next = 0;
        contents_list(doc_.sections, next);
        o_ << "</nav>\n";
    }

    static void count_sections(const std::vector<doc::Section> &sections, std::size_t &count) {
        for (const auto &s : sections) {
            ++count;
            count_sections(s.sections, count);
        }
    }

    void contents_list(const std::vector<doc::Section> &sections, std::size_t &next) {
        o_ << "<ol>\n";
        for (const auto &s : sections) {
            o_ << "<li><a href=\"#sectie-" << ++next << "\">" << html_escape(s.title) << "</a>";
            if (!s.sections.empty()) contents_list(s.sections, next);
            o_ << "</li>\n";
        }
        o_ << "</ol>\n";
    }

    void section(const doc::Section &s, int level) {
        const std::string id = "sectie-" + std::to_string(++section_count_);
        const std::string h = "h" + std::to_string(std::min(level, 6));
        o_ << "<section aria-labelledby=\"" << id << "\">\n<" << h << " id=\"" << id << "\">" << html_escape(s.title)
           << "</" << h << ">\n";
        blocks(s.blocks);
        for (const auto &sub : s.sections) section(sub, level + 1);
        o_ << "</section>\n";
    }

    void paragraphs(const std::string &text, const char *cls = nullptr) {
        // A newline in the model's text starts a new line, as it does in the PDF.
        std::string out;
        std::size_t at = 0;
        const std::string cleaned = clean_text(text, true);
        for (std::size_t i = 0; i <= cleaned.size(); ++i)
            if (i == cleaned.size() || cleaned[i] == '\n') {
                if (!out.empty()) out += "<br>\n";
                out += escape_cleaned(cleaned.substr(at, i - at));
                at = i + 1;
            }
        o_ << "<p" << (cls ? std::string(" class=\"") + cls + "\"" : "") << ">" << out << "</p>\n";
    }

    void blocks(const std::vector<doc::Block> &blocks) {
        for (const auto &b : blocks) {
            if (const auto *p = std::get_if<doc::Paragraph>(&b)) {
                paragraphs(p->text);
            } else if (const auto *l = std::get_if<doc::List>(&b)) {
                o_ << (l->ordered ? "<ol>\n" : "<ul>\n");
                for (const auto &item : l->items) o_ << "<li>" << html_escape(item) << "</li>\n";
                o_ << (l->ordered ? "</ol>\n" : "</ul>\n");
            } else if (const auto *n = std::get_if<doc::Note>(&b)) {
                paragraphs(n->text, "noot");
            } else if (const auto *t = std::get_if<doc::Table>(&b)) {
                table(*t);
            } else if (const auto *c = std::get_if<doc::Chart>(&b)) {
                chart(*c);
            }
        }
    }

    void table(const doc::Table &t) {
        const std::size_t n = t.columns.size();
        if (n == 0) return;
        std::vector<bool> numeric(n, false), text(n, false);
        std::vector<std::size_t> frac(n, 0);
        for (const auto &row : t.rows)
            for (std::size_t c = 0; c < n && c < row.cells.size(); ++c) {
                const auto &v = row.cells[c].value;
                if (is_numeric(v)) {
                    numeric[c] = true;
                    const std::string s = format_value_nl(v);
                    frac[c] = std::max(frac[c], s.size() - alignment_point(s));
                } else if (v.kind() != doc::Value::Kind::empty && row.role == doc::RowRole::body) {
                    text[c] = true;
                }
            }
        for (std::size_t c = 0; c < n; ++c) numeric[c] = numeric[c] && !text[c];
        const bool row_headers = !numeric[0];
        o_ << "<table id=\"tabel-" << html_escape(t.id) << "\">\n<caption>" << html_escape(t.caption) << "</caption>\n"
           << "<thead>\n<tr>";
        for (std::size_t c = 0; c < n; ++c)
            o_ << "<th scope=\"col\"" << (numeric[c] ? " class=\"num\"" : "") << ">" << html_escape(t.columns[c].header)
               << "</th>";
        o_ << "</tr>\n</thead>\n<tbody>\n";
        for (const auto &row : t.rows) {
            o_ << "<tr" << (row.role == doc::RowRole::total ? " class=\"totaal\""
                            : row.role == doc::RowRole::subtotal ? " class=\"subtotaal\"" : "")
               << ">";
            for (std::size_t c = 0; c < n; ++c) {
                const doc::Value empty;
                const doc::Value &v = c < row.cells.size() ? row.cells[c].value : empty;
                const std::string s = format_value_nl(v);
                const char *tag = c == 0 && row_headers ? "th" : "td";
                o_ << "<" << tag << (c == 0 && row_headers ? " scope=\"row\"" : "") << (numeric[c] ? " class=\"num\"" : "");
                if (v.kind() == doc::Value::Kind::date) o_ << "><time datetime=\"" << v.date_value().iso() << "\">" << s << "</time>";
                else if (numeric[c] && !s.empty()) {
                    const std::size_t point = alignment_point(s);
                    o_ << "><span class=\"i\">" << html_escape(s.substr(0, point)) << "</span><span class=\"f\" style=\"min-width:"
                       << frac[c] << "ch\">" << html_escape(s.substr(point)) << "</span>";
                } else {
                    o_ << ">" << html_escape(s);
                }
                o_ << "</" << tag << ">";
            }
            o_ << "</tr>\n";
        }
        o_ << "</tbody>\n</table>\n";
    }

    void chart(const doc::Chart &c) {
        const std::string id = "grafiek-" + std::to_string(++chart_count_);
        o_ << "<figure aria-labelledby=\"" << id << "-onderschrift\">\n" << svg_chart(doc_, c, id) << "\n<figcaption id=\""
           << id << "-onderschrift\"><strong>" << html_escape(c.title) << "</strong> " << html_escape(c.description)
           << " <a href=\"#tabel-" << html_escape(c.table_id) << "\">De gegevens staan in de tabel.</a></figcaption>\n</figure>\n";
    }

    void letter(const doc::Letter &l) {
        const auto &house = opt_.house;
        o_ << "<header class=\"briefhoofd\">\n";
        if (!house.logo_path.empty()) {
            std::ifstream in(house.logo_path, std::ios::binary);
            const std::string png(std::istreambuf_iterator<char>(in), {});
            if (!in.good() && !in.eof()) throw RenderError("logo " + house.logo_path + ": cannot be read");
            if (png.size() < 8 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0)
                throw RenderError("logo " + house.logo_path + ": not a PNG image");
            o_ << "<img src=\"data:image/png;base64," << base64(png) << "\" alt=\"" << html_escape(house.organisation)
               << "\">\n";
        }
        o_ << "<address><strong>" << html_escape(house.organisation) << "</strong>";
        for (const auto &line : house.address_lines) o_ << "<br>" << html_escape(line);
        o_ << "</address>\n</header>\n<h1 class=\"visueel-verborgen\">" << html_escape(doc_.meta.title) << "</h1>\n";
        o_ << "<address class=\"geadresseerde\">";
        for (std::size_t i = 0; i < l.addressee.size(); ++i) o_ << (i ? "<br>" : "") << html_escape(l.addressee[i]);
        o_ << "</address>\n<dl class=\"referentie\">\n";
        const doc::Person &contact = l.contact.name.empty() ? house.contact : l.contact;
        const doc::Person &signatory = l.signatory.name.empty() ? house.signatory : l.signatory;
        if (l.date.valid()) o_ << "<dt>Datum</dt><dd><time datetime=\"" << l.date.iso() << "\">" << l.date.nl() << "</time></dd>\n";
        auto item = [&](const char *label, const std::string &value) {
            if (!value.empty()) o_ << "<dt>" << label << "</dt><dd>" << html_escape(value) << "</dd>\n";
        };
        item("Kenmerk", l.kenmerk);
        item("Onderwerp", l.onderwerp);
        item("Contactpersoon", contact.name + (contact.function.empty() ? "" : ", " + contact.function));
        item("Telefoon", contact.phone);
        item("E-mail", contact.email);
        o_ << "</dl>\n";
        if (!l.aanhef.empty()) paragraphs(l.aanhef);
        blocks(l.body);
        if (!l.slot.empty()) paragraphs(l.slot);
        o_ << "<p class=\"ondertekening\"><strong>" << html_escape(signatory.name) << "</strong>";
        if (!signatory.function.empty()) o_ << "<br>" << html_escape(signatory.function);
        o_ << "</p>\n";
        if (!l.bijlagen.empty()) {
            o_ << "<h2>Bijlagen</h2>\n<ul>\n";
            for (const auto &b : l.bijlagen) o_ << "<li>" << html_escape(b) << "</li>\n";
            o_ << "</ul>\n";
        }
    }

    const doc::Document &doc_;
    const RenderOptions &opt_;
    std::ostringstream o_;
    std::size_t section_count_ = 0;
    std::size_t chart_count_ = 0;
};

}  // namespace

std::string html_escape(const std::string &text) { return escape_cleaned(clean_text(text)); }

std::string HtmlRenderer::render(const doc::Document &document, const RenderOptions &options) const {
    try {
        return HtmlWriter(document, options).write();
    } catch (const RenderError &e) {
        throw RenderError("document '" + document.name + "' (html): " + e.what());
    }
}

}  // namespace vhh::host
