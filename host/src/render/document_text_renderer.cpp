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

/// The words of `text` (one line) as wrapping keeps them: runs of characters between spaces, a
/// euro sign joined to the amount after it ("€ 5.383,34", "-€ 317,82" stay whole).
std::vector<std::string> words_of(const std::string &text) {
    std::vector<std::string> words;
    bool glue = false;
    std::size_t p = 0;
    while (p < text.size()) {
        const std::size_t space = text.find(' ', p);
        std::string word = text.substr(p, space == std::string::npos ? std::string::npos : space - p);
        p = space == std::string::npos ? text.size() : space + 1;
        if (word.empty()) continue;
        if (glue && !words.empty()) words.back() += " " + word;
        else words.push_back(word);
        static const std::string euro = "\u20ac";
        glue = words.back().size() >= euro.size() &&
               words.back().compare(words.back().size() - euro.size(), euro.size(), euro) == 0;
    }
    return words;
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

/// The display width of the longest word of `text`, as wrap_text keeps words together (an amount
/// "€ 5.383,34" is one word).
std::size_t longest_word(const std::string &text) {
    std::size_t longest = 0;
    for (const auto &word : words_of(text)) longest = std::max(longest, display_width(word));
    return longest;
}

/// Column widths for a table of natural widths `natural` within `room` characters (gaps
/// included): columns that fit keep their width; otherwise the widest wrappable columns give up
/// room, down to the next widest at most, never below their `minimum`.
std::vector<std::size_t> fit_widths(std::vector<std::size_t> natural, const std::vector<bool> &wrappable,
                                    std::size_t room, std::size_t gap, const std::vector<std::size_t> &minimum) {
    auto total = [&] { return std::accumulate(natural.begin(), natural.end(), std::size_t{0}) + gap * (natural.size() - 1); };
    while (total() > room) {
        std::size_t widest = natural.size();
        for (std::size_t c = 0; c < natural.size(); ++c)
            if (wrappable[c] && natural[c] > minimum[c] && (widest == natural.size() || natural[c] > natural[widest]))
                widest = c;
        if (widest == natural.size()) break;  // every column at its minimum: the table stays wider
        std::size_t next = minimum[widest];
        for (std::size_t c = 0; c < natural.size(); ++c)
            if (c != widest && wrappable[c] && natural[c] < natural[widest]) next = std::max(next, natural[c]);
        if (next == natural[widest]) next = natural[widest] - 1;  // a tie: one character at a time
        natural[widest] -= std::min(natural[widest] - next, total() - room);
    }
    return natural;
}

void TextWriter::block(const doc::Table &t) {
    std::size_t gap = 2;  // between columns; 1 when that keeps a table of numbers within kTableWidth
    const std::size_t n = t.columns.size();
    if (!t.caption.empty()) {
        wrapped(t.caption);
        blank();
    }
    if (n == 0) return;
    std::vector<std::size_t> natural(n, 0), minimum(n, 0);
    std::vector<std::size_t> number_width(n, 0);  // the widest number of a column of numbers
    std::vector<bool> numeric(n, false);
    for (const auto &row : t.rows)
        for (std::size_t c = 0; c < row.cells.size() && c < n; ++c) {
            if (row.cells[c].value.kind() == doc::Value::Kind::empty) continue;
            const std::string shown = flattened(format_value_nl(row.cells[c].value), false);
            natural[c] = std::max(natural[c], display_width(shown));
            minimum[c] = std::max(minimum[c], longest_word(shown));
            if (is_numeric(row.cells[c].value)) numeric[c] = true;
        }
    std::vector<std::string> headers;
    for (std::size_t c = 0; c < n; ++c) {
        headers.push_back(flattened(t.columns[c].header, false));
        const std::size_t header = display_width(headers[c]);
        if (numeric[c]) {
            // Amounts are never wrapped; the header wraps at spaces rather than widen the column much.
            number_width[c] = natural[c];
            minimum[c] = std::max(natural[c], longest_word(headers[c]));
            natural[c] = std::max(minimum[c], std::min(header, std::max(natural[c], kNumberColumn)));
        } else {
            minimum[c] = std::min(std::max(minimum[c], longest_word(headers[c])), kLongestWord);
            natural[c] = std::max(natural[c], header);
        }
        natural[c] = std::max<std::size_t>(natural[c], 1);
        minimum[c] = std::max<std::size_t>(std::min(minimum[c], natural[c]), 1);
    }
    // Text columns that do not fit beside the others at their longest word leave the grid: their
    // text goes on lines of its own under each row ("Grondslag: …"), the widest first.
    std::vector<bool> in_grid(n, true);
    auto grid_minimum = [&] {
        std::size_t sum = 0, columns = 0;
        for (std::size_t c = 0; c < n; ++c)
            if (in_grid[c]) sum += minimum[c], ++columns;
        return sum + gap * (columns - 1);
    };
    while (grid_minimum() > kTableWidth) {
        std::size_t widest = n;
        for (std::size_t c = 1; c < n; ++c)  // the first column names the row: it stays
            if (in_grid[c] && !numeric[c] && (widest == n || natural[c] > natural[widest])) widest = c;
        if (widest == n) break;
        in_grid[widest] = false;
    }
    if (grid_minimum() > kTableWidth) gap = 1;
    if (grid_minimum() > kTableWidth)  // last resort: a header word longer than its numbers may break
        for (std::size_t c = 0; c < n; ++c)
            if (numeric[c]) minimum[c] = std::max<std::size_t>(number_width[c], 1);
    // Beyond that the table stays wider: amounts are never wrapped.
    std::vector<std::size_t> grid;  // the columns in the grid, in order
    for (std::size_t c = 0; c < n; ++c)
        if (in_grid[c]) grid.push_back(c);
    std::vector<std::size_t> g_natural, g_minimum;
    std::vector<bool> g_wrappable;
    for (std::size_t c : grid) {
        g_natural.push_back(natural[c]);
        g_minimum.push_back(minimum[c]);
        g_wrappable.push_back(true);  // down to its minimum: a number is never cut
    }
    std::vector<std::size_t> g_width = fit_widths(g_natural, g_wrappable, kTextWidth, gap, g_minimum);
    const std::size_t at_80 = std::accumulate(g_width.begin(), g_width.end(), std::size_t{0}) + gap * (grid.size() - 1);
    if (at_80 > kTextWidth) g_width = fit_widths(g_natural, g_wrappable, kTableWidth, gap, g_minimum);
    std::vector<std::size_t> width(n, 0);
    for (std::size_t i = 0; i < grid.size(); ++i) width[grid[i]] = g_width[i];
    const std::size_t rule = std::accumulate(width.begin(), width.end(), std::size_t{0}) + gap * (grid.size() - 1);
    const std::size_t spill_width = std::max(rule, kTextWidth);
    const std::size_t indent = std::min<std::size_t>(width[grid.front()] + gap, spill_width / 2);
    auto emit = [&](const std::vector<std::string> &texts, const std::vector<bool> &right, bool header_row) {
        std::vector<std::vector<std::string>> cells(n);
        std::size_t height = 1;
        for (std::size_t c : grid) {
            cells[c] = texts[c].empty() ? std::vector<std::string>{""} : wrap_text(texts[c], width[c]);
            height = std::max(height, cells[c].size());
        }
        for (std::size_t l = 0; l < height; ++l) {
            std::string s;
            for (std::size_t c : grid) {
                const std::string &part = l < cells[c].size() ? cells[c][l] : std::string();
                s += (c != grid.front() ? std::string(gap, ' ') : "") + pad(part, width[c], right[c]);
            }
            line(s);
        }
        if (header_row) return;  // the spilled columns' headers label their lines
        for (std::size_t c = 0; c < n; ++c)
            if (!in_grid[c] && !texts[c].empty())
                for (const auto &l : wrap_text(headers[c] + ": " + texts[c], spill_width - indent, 2))
                    line(std::string(indent, ' ') + l);
    };
    emit(headers, numeric, true);
    line(std::string(rule, '-'));
    for (const auto &row : t.rows) {
        if (row.role != doc::RowRole::body) line(std::string(rule, '-'));
        std::vector<std::string> texts(n);
        std::vector<bool> right(n, false);
        for (std::size_t c = 0; c < row.cells.size() && c < n; ++c) {
            texts[c] = flattened(format_value_nl(row.cells[c].value), false);
            right[c] = is_numeric(row.cells[c].value);
        }
        emit(texts, right, false);
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
        const std::vector<std::string> words = words_of(paragraph);
        const bool any = !words.empty();
        for (std::string word : words) {
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
