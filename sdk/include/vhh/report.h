// Calculation sheets: what financing plugins add (ComputeContext::add_sheet) and the host writes to
// bijdragen-berekening-Y.xlsx. Documents are described in vhh/document.h. Plugins never write files.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "vhh/data_node.h"
#include "vhh/money.h"

namespace vhh {

/// A typed spreadsheet cell. Formulas carry the value they compute so that
/// readers that do not recalculate still see the right figure.
class Cell {
public:
    /// What the cell holds.
    enum class Kind { empty, text, integer, money, percentage, formula, fraction };

    Cell() = default;
    /// A text cell; text is always stored as text, never interpreted as a formula.
    static Cell text(std::string value);
    /// A whole number (inwoners, werkplekken, counts).
    static Cell integer(std::int64_t value);
    /// An amount in euros (shown with the euro format, stored exactly to the cent).
    static Cell money(Money value);
    /// A percentage given in millionths (25000 = 2,5 %).
    static Cell percentage_ppm(std::int64_t ppm);
    /// The number numerator / denominator (denominator > 0), e.g. 30 werkplek-maanden / 12 = 2,5;
    /// shown with two decimals. Exact in the model; the workbook holds the nearest double.
    static Cell fraction(std::int64_t numerator, std::int64_t denominator);
    /// A formula (without leading '=') with the value it computes; `value` must not be a formula.
    static Cell formula(std::string formula, Cell value);

    Kind kind() const { return kind_; }
    const std::string &text_value() const { return text_; }       ///< text, or the formula
    std::int64_t integer_value() const { return integer_; }        ///< integer, ppm for percentage, numerator
    std::int64_t denominator() const { return denominator_; }      ///< fraction's denominator (1 otherwise)
    Money money_value() const { return money_; }                  ///< money
    /// For formulas: the computed value; nullptr otherwise.
    const Cell *cached() const { return cached_.get(); }
    /// Bold (used for total rows).
    bool bold = false;

    Cell(const Cell &o);
    Cell &operator=(const Cell &o);
    Cell(Cell &&) noexcept = default;
    Cell &operator=(Cell &&) noexcept = default;

private:
    Kind kind_ = Kind::empty;
    std::string text_;
    std::int64_t integer_ = 0;
    std::int64_t denominator_ = 1;
    Money money_;
    std::unique_ptr<Cell> cached_;
};

/// A column of a table.
struct Column {
    std::string header;  ///< header text in the first row
    double width = 14;   ///< column width in characters
};

/// A data series of a chart: cell ranges in the workbook (see Table::range).
struct ChartSeries {
    std::string name;        ///< legend text
    std::string categories;  ///< range of the category labels, e.g. "'Baten'!$A$2:$A$5"
    std::string values;      ///< range of the values, e.g. "'Baten'!$C$2:$C$5"
};

/// A chart placed on a sheet; its data comes from cell ranges, so it follows the figures.
struct Chart {
    enum class Type { column, bar, line, pie };
    Type type = Type::column;
    std::string title;                ///< chart title
    std::vector<ChartSeries> series;  ///< at least one
    std::size_t row = 1;              ///< top-left anchor: 0-based sheet row (0 = header row)
    std::size_t column = 0;           ///< top-left anchor: 0-based column
};

/// A sheet: a header row followed by data rows. The header is sheet row 1,
/// the first data row is sheet row 2; use Table::ref to build formula references.
struct Table {
    std::string name;                      ///< sheet name (max 31 characters, no []:*?/\)
    std::vector<Column> columns;           ///< columns, left to right
    std::vector<std::vector<Cell>> rows;   ///< data rows, each at most columns.size() cells
    bool freeze_header = true;             ///< keep the header visible when scrolling
    bool autofilter = false;               ///< filter buttons on the header
    std::vector<Chart> charts;             ///< charts placed on this sheet

    /// A1 reference of data row `row` (0-based) and column `column` (0-based), e.g. ref(0, 4) == "E2".
    static std::string ref(std::size_t row, std::size_t column);
    /// Absolute range of data rows `first_row`..`last_row` (0-based, inclusive) in `column` of
    /// sheet `sheet`, for charts and cross-sheet formulas: range("Baten", 0, 3, 2) == "'Baten'!$C$2:$C$5".
    static std::string range(const std::string &sheet, std::size_t first_row, std::size_t last_row,
                             std::size_t column);
    /// Column letters of a 0-based column index: 0 -> "A", 26 -> "AA".
    static std::string column_letters(std::size_t column);
};

}  // namespace vhh
