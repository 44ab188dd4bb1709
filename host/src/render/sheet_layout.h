// Column widths and print setup of a sheet from its content: the one rule both kinds of workbook
// follow (the described documents' workbooks and the host's bijdragen-berekening-Y.xlsx).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "render/xlsx_renderer.h"
#include "vhh/document.h"

namespace vhh::host {

/// Measures a sheet's columns as their header and values are shown (Dutch text of each value, see
/// value_format.h) and gives the widths and print setup: a column as wide as its widest text plus 2
/// (at most 60; a header is never narrower than its text, so none is cut off when printed), landscape
/// when the columns together are wider than a portrait A4 page takes, and text right-aligned in a
/// column of numbers (a suppressed "<5" lines up with the counts beside it).
class SheetLayout {
public:
    /// A sheet of `columns` columns printed under the page header `title`.
    SheetLayout(std::size_t columns, std::string title);
    /// Counts the header text of column `column`.
    void header(std::size_t column, const std::string &text);
    /// Counts a value shown in column `column` (columns beyond the sheet's are ignored).
    void value(std::size_t column, const doc::Value &value);
    /// The width of every column, in characters.
    std::vector<double> widths() const;
    /// The print setup (orientation from the widths).
    SheetPrint print() const;

private:
    std::vector<double> width_;
    std::vector<bool> numeric_;
    std::string title_;
};

/// The value a calculation sheet's cell shows (a formula: the value it computes; empty when none).
doc::Value shown_value(const Cell &cell);

/// Sets the column widths of every sheet of `workbook` from its content, as SheetLayout does, and
/// returns the print setup of each sheet (title: the workbook's title and the sheet's name).
std::vector<SheetPrint> lay_out_for_print(Workbook &workbook);

}  // namespace vhh::host
