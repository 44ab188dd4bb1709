// Plain-text rendering of the document model; see document_text_renderer.h.
#include "render/document_text_renderer.h"

#include <algorithm>
#include <numeric>

#include "render/value_format.h"
#include "vhh/text.h"

namespace vhh::host {

namespace {

/// Byte offset of the `chars`-th character of `s` (UTF-8), or s.size().
std::size_t offset_of_char(const std::string &s, std::size_t chars) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (seen++ == chars) return i;
    }
    return s.size();
}

/// Control characters (tabs, carriage returns, other C0) become spaces: the layout is the renderer's.
std::string flattened(const std::string &text, bool keep_newlines) {
    std::string out = text;
    for (char &c : out)
        if (static_cast<unsigned char>(c) < 0x20 && !(keep_newlines && c == '\n')) c = ' ';
    return out;
}

class TextWriter {
public:
    explicit TextWriter(const RenderOptions &options) : options_(options) {}

    std::string finish() {
        while (!out_.empty() && out_.back() == '\n') out_.pop_back();
        return out_ + "\n";
    }

    void line(const std::string &text = "") {
        std::string l = text;
        while (!l.empty() && l.back() == ' ') l.pop_back();
        out_ += l + "\n";
    }
    void blank() {
        if (!out_.empty() && out_.compare(out_.size() - std::min<std::size_t>(2, out_.size()), 2, "\n\n") != 0) out_ += "\n";
    }
    void wrapped(const std::string &text, const std::string &first = "", std::size_t indent = 0) {
        const std::size_t lead = std::max(display_width(first), indent);
        const auto lines = wrap_text(flattened(text, true), kTextWidth - std::min(lead, kTextWidth / 2));
        for (std::size_t i = 0; i < lines.size(); ++i)
            line((i == 0 ? pad(first, lead) : std::string(lead, ' ')) + lines[i]);
    }

    void heading(const std::string &title, std::size_t level) {
        blank();
        const std::string t = flattened(title, false);
        for (const auto &l : wrap_text(t, kTextWidth)) line(l);
        if (level <= 2) line(std::string(std::min(display_width(t), kTextWidth), level == 1 ? '=' : '-'));
        blank();
    }

    void blocks(const std::vector<doc::Block> &blocks) {
        for (const auto &b : blocks) {
            std::visit([&](const auto &block) { this->block(block); }, b);
            blank();
        }
    }
    void sections(const std::vector<doc::Section> &sections, std::size_t level) {
        for (const auto &s : sections) {
            heading(s.title, level);
            blocks(s.blocks);
            this->sections(s.sections, level + 1);
        }
    }

    void block(const doc::Paragraph &p) { wrapped(p.text); }
    void block(const doc::Note &n) { wrapped(n.text, "Noot: "); }
    void block(const doc::List &l) {
        for (std::size_t i = 0; i < l.items.size(); ++i)
            wrapped(l.items[i], l.ordered ? std::to_string(i + 1) + ". " : "- ");
    }
    void block(const doc::Chart &c) {
        wrapped(c.description.empty() ? c.title : c.title + ". " + c.description, "Grafiek: ");
    }
    void block(const doc::Table &t);

    void letter(const doc::Letter &l, const doc::Meta &meta) {
        const HouseStyle &house = options_.house;
        if (!house.organisation.empty()) line(flattened(house.organisation, false));
        for (const auto &a : house.address_lines) line(flattened(a, false));
        blank();
        for (const auto &a : l.addressee) line(flattened(a, false));
        blank();
        const std::string kenmerk = l.kenmerk.empty() ? meta.kenmerk : l.kenmerk;
        wrapped(l.date.valid() ? l.date.nl() : meta.date.nl(), "Datum: ", 12);
        if (!kenmerk.empty()) wrapped(kenmerk, "Kenmerk: ", 12);
        if (!l.onderwerp.empty()) wrapped(l.onderwerp, "Onderwerp: ", 12);
        blank();
        if (!l.aanhef.empty()) wrapped(l.aanhef);
        blank();
        blocks(l.body);
        if (!l.slot.empty()) wrapped(l.slot);
        const doc::Person &signer = l.signatory.name.empty() ? house.signatory : l.signatory;
        blank();
        if (!signer.name.empty()) wrapped(signer.name);
        if (!signer.function.empty()) wrapped(signer.function);
        const doc::Person &contact = l.contact.name.empty() ? house.contact : l.contact;
        if (!contact.name.empty()) {
            blank();
            std::string who = contact.name;
            for (const auto *part : {&contact.function, &contact.phone, &contact.email})
                if (!part->empty()) who += ", " + *part;
            wrapped(who, "Contactpersoon: ");
        }
        if (!l.bijlagen.empty()) {
            blank();
            line("Bijlagen:");
            for (const auto &b : l.bijlagen) wrapped(b, "- ");
        }
    }

private:
    const RenderOptions &options_;
    std::string out_;
};

/// Column widths for a table of natural widths `natural` within `room` characters (gaps
/// included): columns that fit keep their width; otherwise the widest wrappable columns give up
/// room, never below `minimum` characters.
std::vector<std::size_t> fit_widths(std::vector<std::size_t> natural, const std::vector<bool> &wrappable,
                                    std::size_t room, std::size_t gap, std::size_t minimum) {
    auto total = [&] { return std::accumulate(natural.begin(), natural.end(), std::size_t{0}) + gap * (natural.size() - 1); };
    while (total() > room) {
        std::size_t widest = natural.size();
        for (std::size_t c = 0; c < natural.size(); ++c)
            if (wrappable[c] && natural[c] > minimum && (widest == natural.size() || natural[c] > natural[widest]))
                widest = c;
        if (widest == natural.size()) break;  // numbers are never wrapped: the table stays wider
        natural[widest] -= std::min(natural[widest] - minimum, total() - room);
    }
    return natural;
}

void TextWriter::block(const doc::Table &t) {
    constexpr std::size_t kGap = 2, kMinimum = 12;
    const std::size_t n = t.columns.size();
    if (!t.caption.empty()) {
        wrapped(t.caption);
        blank();
    }
    if (n == 0) return;
    std::vector<std::size_t> natural(n, 0);
    std::vector<bool> numeric(n, false), wrappable(n, true);
    for (const auto &row : t.rows)
        for (std::size_t c = 0; c < row.cells.size() && c < n; ++c) {
            if (row.cells[c].value.kind() == doc::Value::Kind::empty) continue;
            natural[c] = std::max(natural[c], display_width(flattened(format_value_nl(row.cells[c].value), false)));
            if (is_numeric(row.cells[c].value)) numeric[c] = true;
        }
    for (std::size_t c = 0; c < n; ++c) {
        wrappable[c] = !numeric[c];
        // A header wraps onto two or more lines rather than widening a column of numbers much.
        std::size_t header = display_width(flattened(t.columns[c].header, false));
        natural[c] = std::max(natural[c], numeric[c] ? std::min(header, std::max<std::size_t>(natural[c], kMinimum)) : header);
        natural[c] = std::max<std::size_t>(natural[c], 1);
    }
    const std::vector<std::size_t> width = fit_widths(natural, wrappable, kTextWidth, kGap, kMinimum);
    auto emit = [&](const std::vector<std::string> &texts, const std::vector<bool> &right) {
        std::vector<std::vector<std::string>> cells(n);
        std::size_t height = 1;
        for (std::size_t c = 0; c < n; ++c) {
            cells[c] = texts[c].empty() ? std::vector<std::string>{""} : wrap_text(texts[c], width[c]);
            height = std::max(height, cells[c].size());
        }
        for (std::size_t l = 0; l < height; ++l) {
            std::string s;
            for (std::size_t c = 0; c < n; ++c) {
                const std::string &part = l < cells[c].size() ? cells[c][l] : std::string();
                s += (c ? std::string(kGap, ' ') : "") + pad(part, width[c], right[c]);
            }
            line(s);
        }
    };
    std::vector<std::string> headers;
    for (const auto &col : t.columns) headers.push_back(flattened(col.header, false));
    emit(headers, numeric);
    const std::size_t rule = std::accumulate(width.begin(), width.end(), std::size_t{0}) + kGap * (n - 1);
    line(std::string(rule, '-'));
    for (const auto &row : t.rows) {
        if (row.role != doc::RowRole::body) line(std::string(rule, '-'));
        std::vector<std::string> texts(n);
        std::vector<bool> right(n, false);
        for (std::size_t c = 0; c < row.cells.size() && c < n; ++c) {
            texts[c] = flattened(format_value_nl(row.cells[c].value), false);
            right[c] = is_numeric(row.cells[c].value);
        }
        emit(texts, right);
    }
}

}  // namespace

std::vector<std::string> wrap_text(const std::string &text, std::size_t width, std::size_t indent) {
    width = std::max<std::size_t>(width, indent + 1);
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string paragraph = text.substr(start, end - start);
        std::string current;
        auto flush = [&] {
            lines.push_back((lines.empty() ? "" : std::string(indent, ' ')) + current);
            current.clear();
        };
        std::size_t p = 0;
        bool any = false;
        while (p < paragraph.size()) {
            const std::size_t space = paragraph.find(' ', p);
            std::string word = paragraph.substr(p, space == std::string::npos ? std::string::npos : space - p);
            p = space == std::string::npos ? paragraph.size() : space + 1;
            if (word.empty()) continue;
            any = true;
            const std::size_t limit = width - (lines.empty() ? 0 : indent);
            while (display_width(word) > limit) {  // longer than a line: cut
                if (!current.empty()) flush();
                const std::size_t cut = offset_of_char(word, limit);
                current = word.substr(0, cut);
                flush();
                word = word.substr(cut);
            }
            if (word.empty()) continue;
            if (!current.empty() && display_width(current) + 1 + display_width(word) > limit) flush();
            current += (current.empty() ? "" : " ") + word;
        }
        if (!current.empty() || !any) flush();
        if (end >= text.size()) break;
        start = end + 1;
    }
    return lines;
}

std::string DocumentTextRenderer::render(const doc::Document &document, const RenderOptions &options) const {
    TextWriter w(options);
    const doc::Meta &m = document.meta;
    if (document.kind == doc::Document::Kind::letter && document.letter) {
        w.letter(*document.letter, m);
        if (!document.sections.empty()) w.sections(document.sections, 1);
        return w.finish();
    }
    w.heading(m.title.empty() ? document.name : m.title, 1);
    if (!m.subtitle.empty()) w.wrapped(m.subtitle);
    std::string about = m.region;
    if (m.year != 0) about += (about.empty() ? "" : ", ") + std::to_string(m.year);
    if (m.date.valid()) about += (about.empty() ? "" : ", ") + m.date.nl();
    if (!m.kenmerk.empty()) about += (about.empty() ? "kenmerk " : ", kenmerk ") + m.kenmerk;
    if (!about.empty()) w.wrapped(about);
    w.blank();
    w.sections(document.sections, 2);
    return w.finish();
}

}  // namespace vhh::host
