// Table layout for the PDF: column widths from content, decimal-comma alignment, page breaks
// with repeated header rows, totals set apart.
#include "render/pdf_table.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "render/value_format.h"

namespace vhh::host::pdf {

namespace {

constexpr double kPad = 4;        // left and right inside a cell
constexpr double kVPad = 2.5;     // above and below
constexpr double kMinText = 48;   // narrowest a text column gets
const Font kBody{8.5, false, false};
const Font kBold{8.5, true, false};

struct CellText {
    std::string text;
    std::size_t point = 0;  // alignment point (numeric columns)
};

struct ColumnLayout {
    bool numeric = false;
    double left = 0;   // widest part before the alignment point
    double right = 0;  // widest part from it on
    double width = 0;
};

/// x of byte `index` in an unwrapped layout.
double x_at(PangoLayout *l, std::size_t index) {
    PangoRectangle pos;
    pango_layout_index_to_pos(l, static_cast<int>(index), &pos);
    return static_cast<double>(pos.x) / PANGO_SCALE;
}

double longest_word(const Typesetter &ts, const std::string &text, Font font) {
    double w = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) w = std::max(w, Typesetter::width_of(ts.layout(text.substr(start, end - start), font, -1).get()));
        start = end + 1;
    }
    return w;
}

class TableSetter {
public:
    TableSetter(Typesetter &ts, const doc::Table &table) : ts_(ts), table_(table) {}

    void set() {
        prepare();
        const double caption_h = caption_height();
        // The first rows, or the first lines of a row taller than a page (it continues on the next).
        const double first = std::min(rows_h_.empty() ? 0 : rows_h_[0] + (rows_h_.size() > 1 ? rows_h_[1] : 0),
                                      2 * kVPad + 3 * line_h_);
        ts_.keep(caption_h + header_h_ + first);  // caption and header never stand alone
        ts_.tag_begin("Table");
        if (caption_h > 0) {
            ts_.tag_begin("Caption");
            Layout c = ts_.layout(clean_text(table_.caption), {10, true, false}, kTextWidth);
            ts_.draw(c.get(), kMarginLeft, ts_.y());
            ts_.set_y(ts_.y() + caption_h);
            ts_.tag_end("Caption");
        }
        header();
        for (std::size_t r = 0; r < table_.rows.size(); ++r) {
            // A total keeps the row above it company; otherwise a row only needs itself.
            double need = rows_h_[r];
            if (r + 1 < table_.rows.size() && table_.rows[r + 1].role != doc::RowRole::body && r + 2 == table_.rows.size())
                need += rows_h_[r + 1];
            if (ts_.y() + need > ts_.bottom() && ts_.y() > top_of_body_) {
                ts_.break_page();
                header();
            }
            row(table_.rows[r], rows_h_[r]);
        }
        ts_.tag_end("Table");
        ts_.space(10);
    }

private:
    std::string cell_text(const doc::Row &row, std::size_t c) const {
        if (c >= row.cells.size()) return "";
        return clean_text(format_value_nl(row.cells[c].value));
    }

    double caption_height() const {
        if (table_.caption.empty()) return 0;
        return Typesetter::height_of(ts_.layout(clean_text(table_.caption), {10, true, false}, kTextWidth).get()) + 4;
    }

    void prepare() {
        const std::size_t n = table_.columns.size();
        cols_.assign(n, {});
        std::vector<bool> has_number(n, false), has_text(n, false);
        for (const auto &row : table_.rows)
            for (std::size_t c = 0; c < n && c < row.cells.size(); ++c) {
                const auto &v = row.cells[c].value;
                if (is_numeric(v)) has_number[c] = true;
                else if (v.kind() != doc::Value::Kind::empty && row.role == doc::RowRole::body) has_text[c] = true;
            }
        std::vector<double> natural(n, 0), header_word(n, 0), header_full(n, 0);
        for (std::size_t c = 0; c < n; ++c) {
            ColumnLayout &col = cols_[c];
            col.numeric = has_number[c] && !has_text[c];
            const std::string header = clean_text(table_.columns[c].header);
            header_word[c] = longest_word(ts_, header, kBold);
            header_full[c] = Typesetter::width_of(ts_.layout(header, kBold, -1).get());
            for (const auto &row : table_.rows) {
                const std::string text = cell_text(row, c);
                if (text.empty()) continue;
                const Font f = row.role == doc::RowRole::body ? kBody : kBold;
                Layout l = ts_.layout(text, f, -1);
                const double w = Typesetter::width_of(l.get());
                if (col.numeric) {
                    const double left = x_at(l.get(), alignment_point(text));
                    col.left = std::max(col.left, left);
                    col.right = std::max(col.right, w - left);
                } else {
                    natural[c] = std::max(natural[c], w);
                }
            }
            if (col.numeric) natural[c] = col.left + col.right;
            col.width = std::max(natural[c], header_word[c]) + 2 * kPad;
        }
        fit(header_full);
        double x = kMarginLeft;
        for (auto &col : cols_) {
            x_.push_back(x);
            x += col.width;
        }
        x_.push_back(x);
        line_h_ = Typesetter::height_of(ts_.layout(" ", kBold, -1).get());
        // A header taller than a third of the page (a pathological header text) is clipped, so that
        // every page keeps room for the body.
        header_h_ = std::min(row_height(nullptr), (ts_.bottom() - kMarginTop) / 3);
        for (const auto &row : table_.rows) rows_h_.push_back(row_height(&row));
    }

    /// Fits the columns into the text width: text columns give way first, then all.
    void fit(const std::vector<double> &header_full) {
        auto total = [&] { return std::accumulate(cols_.begin(), cols_.end(), 0.0, [](double s, const ColumnLayout &c) { return s + c.width; }); };
        double excess = total() - kTextWidth;
        if (excess > 0) {
            double shrinkable = 0;
            for (const auto &c : cols_)
                if (!c.numeric) shrinkable += std::max(0.0, c.width - kMinText);
            if (shrinkable > 0) {
                const double f = std::min(1.0, excess / shrinkable);
                for (auto &c : cols_)
                    if (!c.numeric) c.width -= std::max(0.0, c.width - kMinText) * f;
            }
            excess = total() - kTextWidth;
            if (excess > 0) {
                const double f = kTextWidth / total();
                for (auto &c : cols_) c.width *= f;
            }
            return;
        }
        // Room to spare: headers on one line where it fits.
        double spare = -excess;
        for (std::size_t c = 0; c < cols_.size() && spare > 0; ++c) {
            const double want = header_full[c] + 2 * kPad - cols_[c].width;
            if (want > 0 && want <= spare) {
                cols_[c].width += want;
                spare -= want;
            }
        }
    }

    /// Height of a row (the header row for null).
    double row_height(const doc::Row *row) const {
        double h = 0;
        for (std::size_t c = 0; c < cols_.size(); ++c) {
            const std::string text = row ? cell_text(*row, c) : clean_text(table_.columns[c].header);
            if (text.empty()) continue;
            const Font f = !row || row->role != doc::RowRole::body ? kBold : kBody;
            h = std::max(h, Typesetter::height_of(ts_.layout(text, f, cols_[c].width - 2 * kPad).get()));
        }
        if (h == 0) h = Typesetter::height_of(ts_.layout(" ", kBody, -1).get());
        return h + 2 * kVPad;  // a row taller than a page continues on the next (row())
    }

    void header() {
        const double y = ts_.y();
        if (cairo_t *cr = ts_.cr()) {
            cairo_set_source_rgb(cr, 0.90, 0.92, 0.95);
            cairo_rectangle(cr, x_.front(), y, x_.back() - x_.front(), header_h_);
            cairo_fill(cr);
        }
        if (cairo_t *cr = ts_.cr()) {
            cairo_save(cr);
            cairo_rectangle(cr, x_.front(), y, x_.back() - x_.front(), header_h_);
            cairo_clip(cr);
        }
        ts_.tag_begin("TR");
        for (std::size_t c = 0; c < cols_.size(); ++c) {
            ts_.tag_begin("TH");
            Layout l = ts_.layout(clean_text(table_.columns[c].header), kBold, cols_[c].width - 2 * kPad,
                                  cols_[c].numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
            ts_.draw(l.get(), x_[c] + kPad, y + kVPad);
            ts_.tag_end("TH");
        }
        ts_.tag_end("TR");
        if (cairo_t *cr = ts_.cr()) cairo_restore(cr);
        rule(y + header_h_, 0.8, 0.0);
        ts_.set_y(y + header_h_);
        top_of_body_ = ts_.y();
    }

    /// Draws a row. A row taller than the room left is split between whole lines: its first lines
    /// here, the rest on the next page(s) under the repeated header, so no text is cut off.
    void row(const doc::Row &row, double h) {
        double offset = 0;  // how much of the row the pages before showed
        for (;;) {
            const double y = ts_.y();
            double part = h - offset;
            if (part > ts_.room() + 0.01) {
                const double lines = std::floor((ts_.room() - kVPad - (offset == 0 ? kVPad : 0)) / line_h_);
                part = std::max(1.0, lines) * line_h_ + (offset == 0 ? kVPad : 0);
            }
            const bool last = offset + part >= h - 0.01;
            row_part(row, y, offset, last ? h - offset : part, offset == 0, last);
            ts_.set_y(y + (last ? h - offset : part));
            if (last) return;
            offset += part;
            ts_.break_page();
            header();
        }
    }

    /// The part of a row from `offset` (its first `height` points from there) at `y`.
    void row_part(const doc::Row &row, double y, double offset, double height, bool first, bool last) {
        const bool total = row.role != doc::RowRole::body;
        if (cairo_t *cr = ts_.cr(); cr && row.role == doc::RowRole::total) {
            cairo_set_source_rgb(cr, 0.95, 0.95, 0.95);
            cairo_rectangle(cr, x_.front(), y, x_.back() - x_.front(), height);
            cairo_fill(cr);
        }
        if (total && first) rule(y, row.role == doc::RowRole::total ? 1.2 : 0.6, 0.0);
        if (cairo_t *cr = ts_.cr()) {
            cairo_save(cr);
            cairo_rectangle(cr, x_.front(), y, x_.back() - x_.front(), height);
            cairo_clip(cr);
        }
        ts_.tag_begin("TR");
        for (std::size_t c = 0; c < cols_.size(); ++c) {
            ts_.tag_begin("TD");
            const std::string text = cell_text(row, c);
            if (!text.empty()) cell(text, c, y - offset, total ? kBold : kBody);
            ts_.tag_end("TD");
        }
        ts_.tag_end("TR");
        if (cairo_t *cr = ts_.cr()) cairo_restore(cr);
        if (last)
            rule(y + height, row.role == doc::RowRole::total ? 1.2 : 0.3, row.role == doc::RowRole::total ? 0.0 : 0.75);
    }

    void cell(const std::string &text, std::size_t c, double y, Font font) {
        const ColumnLayout &col = cols_[c];
        const double inner = col.width - 2 * kPad;
        if (col.numeric) {
            Layout l = ts_.layout(text, font, -1);
            const double w = Typesetter::width_of(l.get());
            if (w <= inner + 0.01) {
                // The alignment point of every cell at the same x: decimal commas line up, and
                // "<5" or a whole number ends where the others' commas are.
                const double point_x = x_[c] + col.width - kPad - col.right;
                const double left = x_at(l.get(), alignment_point(text));
                ts_.draw(l.get(), std::min(point_x - left, x_[c] + col.width - kPad - w), y + kVPad);
                return;
            }
            Layout wrapped = ts_.layout(text, font, inner, PANGO_ALIGN_RIGHT);
            ts_.draw(wrapped.get(), x_[c] + kPad, y + kVPad);
            return;
        }
        Layout l = ts_.layout(text, font, inner);
        ts_.draw(l.get(), x_[c] + kPad, y + kVPad);
    }

    void rule(double y, double width, double grey) const {
        cairo_t *cr = ts_.cr();
        if (!cr) return;
        cairo_set_source_rgb(cr, grey, grey, grey);
        cairo_set_line_width(cr, width);
        cairo_move_to(cr, x_.front(), y);
        cairo_line_to(cr, x_.back(), y);
        cairo_stroke(cr);
    }

    Typesetter &ts_;
    const doc::Table &table_;
    std::vector<ColumnLayout> cols_;
    std::vector<double> x_;
    std::vector<double> rows_h_;
    double header_h_ = 0;
    double top_of_body_ = 0;
    double line_h_ = 0;  // one line of body text
};

}  // namespace

void set_table(Typesetter &ts, const doc::Table &table) {
    if (table.columns.empty()) return;
    TableSetter(ts, table).set();
}

}  // namespace vhh::host::pdf
