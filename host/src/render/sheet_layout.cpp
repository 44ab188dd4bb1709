// Column widths and print setup of a sheet from its content; see sheet_layout.h.
#include "render/sheet_layout.h"

#include <algorithm>

#include "render/value_format.h"
#include "vhh/text.h"

namespace vhh::host {

namespace {
/// Widest a column gets from its content, in characters (longer text overflows or wraps).
constexpr double kMaxWidth = 60;
/// Sheets wider than this many characters print in landscape.
constexpr double kPortraitWidth = 95;
/// Narrowest column, in characters (before the margin of 2).
constexpr double kMinWidth = 4;
}  // namespace

SheetLayout::SheetLayout(std::size_t columns, std::string title)
    : width_(columns, kMinWidth), numeric_(columns, false), title_(std::move(title)) {}

void SheetLayout::header(std::size_t column, const std::string &text) {
    if (column < width_.size()) width_[column] = std::max(width_[column], static_cast<double>(display_width(text)));
}

void SheetLayout::value(std::size_t column, const doc::Value &value) {
    if (column >= width_.size()) return;
    width_[column] = std::max(width_[column], static_cast<double>(display_width(format_value_nl(value))));
    if (is_numeric(value)) numeric_[column] = true;
}

std::vector<double> SheetLayout::widths() const {
    std::vector<double> out;
    for (double w : width_) out.push_back(std::min(w + 2, kMaxWidth));
    return out;
}

SheetPrint SheetLayout::print() const {
    SheetPrint p;
    p.title = title_;
    double total = 0;
    for (double w : widths()) total += w;
    p.landscape = total > kPortraitWidth;
    p.right_aligned_text = numeric_;
    return p;
}

doc::Value shown_value(const Cell &cell) {
    switch (cell.kind()) {
    case Cell::Kind::empty: return doc::Value();
    case Cell::Kind::text: return doc::Value::text(cell.text_value());
    case Cell::Kind::integer: return doc::Value::integer(cell.integer_value());
    case Cell::Kind::money: return doc::Value::money(cell.money_value());
    case Cell::Kind::percentage: return doc::Value::percentage_ppm(cell.integer_value());
    case Cell::Kind::fraction: return doc::Value::fraction(cell.integer_value(), cell.denominator());
    case Cell::Kind::formula: return cell.cached() ? shown_value(*cell.cached()) : doc::Value();
    }
    return doc::Value();
}

std::vector<SheetPrint> lay_out_for_print(Workbook &workbook) {
    std::vector<SheetPrint> out;
    for (Table &t : workbook.sheets) {
        SheetLayout layout(t.columns.size(), workbook.title + (t.name.empty() ? "" : " — " + t.name));
        for (std::size_t c = 0; c < t.columns.size(); ++c) layout.header(c, t.columns[c].header);
        for (const auto &row : t.rows)
            for (std::size_t c = 0; c < row.size(); ++c) layout.value(c, shown_value(row[c]));
        const std::vector<double> widths = layout.widths();
        for (std::size_t c = 0; c < t.columns.size(); ++c) t.columns[c].width = widths[c];
        out.push_back(layout.print());
    }
    return out;
}

}  // namespace vhh::host
