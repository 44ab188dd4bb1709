// Checks of the report model against the limits of Excel (and libxlsxwriter, which enforces them
// when writing) and of the output folder; see report_model_check.h.
#include "render/report_model_check.h"

#include <cctype>
#include <cstring>

#include "output/output_set.h"

namespace vhh::host {

namespace {

/// Excel's limits on the size of a sheet.
constexpr std::size_t kMaxColumns = 16384;
constexpr std::size_t kMaxRows = 1048576;
/// The largest magnitude a double (Excel's number) holds exactly, in the cell's raw unit.
constexpr std::int64_t kMaxExact = std::int64_t{1} << 53;
/// Excel's limit on a column's width, in characters.
constexpr double kMaxColumnWidth = 255;

/// Characters (UTF-8 code points) of `s`, as Excel and libxlsxwriter count them.
std::size_t chars(const std::string &s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

/// Empty when `formula` is balanced: string literals in double quotes ("" inside), sheet names in
/// single quotes, parentheses outside them. The check catches what makes Excel refuse the file,
/// not every formula Excel would reject.
std::string formula_problem(const std::string &formula) {
    if (formula.empty()) return "an empty formula";
    if (chars(formula) > kMaxFormulaChars)
        return "a formula of " + std::to_string(chars(formula)) + " characters (Excel holds at most " +
               std::to_string(kMaxFormulaChars) + ")";
    long depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < formula.size(); ++i) {
        const char c = formula[i];
        if (quote) {
            if (c == quote) {
                if (i + 1 < formula.size() && formula[i + 1] == quote) ++i;  // "" or '' inside
                else quote = 0;
            }
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')' && --depth < 0) {
            return "a formula with a ')' that closes nothing: " + formula.substr(0, 80);
        }
    }
    if (quote) return std::string("a formula with an unclosed ") + (quote == '"' ? "text" : "sheet name") +
                      " quote: " + formula.substr(0, 80);
    if (depth != 0) return "a formula with an unclosed '(': " + formula.substr(0, 80);
    return "";
}

/// A sheet name as Excel compares them: ASCII letters in lower case.
std::string folded(const std::string &name) {
    std::string out;
    for (unsigned char c : name) out += static_cast<char>(std::tolower(c));
    return out;
}

std::string too_long(const std::string &text) {
    return "text of " + std::to_string(chars(text)) + " characters (an Excel cell holds at most " +
           std::to_string(kMaxCellChars) + ")";
}

/// Problems of one cell at `ref`.
void cell_problems(const Cell &cell, const std::string &ref, std::vector<std::string> &out) {
    switch (cell.kind()) {
        case Cell::Kind::text:
            if (chars(cell.text_value()) > kMaxCellChars) out.push_back(ref + ": " + too_long(cell.text_value()));
            break;
        case Cell::Kind::formula: {
            if (std::string p = formula_problem(cell.text_value()); !p.empty()) out.push_back(ref + ": " + p);
            break;
        }
        case Cell::Kind::integer:
        case Cell::Kind::money:
        case Cell::Kind::percentage:
        case Cell::Kind::fraction: {
            // Exact in the model; the workbook holds a double, exact only up to 2^53 units.
            const std::int64_t raw =
                cell.kind() == Cell::Kind::money ? cell.money_value().in_cents() : cell.integer_value();
            if (raw > kMaxExact || raw < -kMaxExact) out.push_back(ref + ": a number too large for Excel to hold exactly");
            break;
        }
        default: break;
    }
}

}  // namespace

std::vector<std::string> sheet_problems(const Table &sheet) {
    std::vector<std::string> out;
    const std::string &name = sheet.name;
    if (name.empty()) out.push_back("a sheet without a name");
    if (chars(name) > kMaxSheetNameChars)
        out.push_back("sheet name of " + std::to_string(chars(name)) + " characters (Excel allows at most " +
                      std::to_string(kMaxSheetNameChars) + ")");
    if (name.find_first_of("[]:*?/\\") != std::string::npos)
        out.push_back("sheet name with one of the characters []:*?/\\ that Excel does not allow");
    if (!name.empty() && (name.front() == '\'' || name.back() == '\''))
        out.push_back("sheet name starting or ending with an apostrophe");
    if (folded(name) == "history") out.push_back("the sheet name History is reserved by Excel");
    if (sheet.columns.size() > kMaxColumns)
        out.push_back(std::to_string(sheet.columns.size()) + " columns (a sheet holds at most " +
                      std::to_string(kMaxColumns) + ")");
    if (sheet.rows.size() + 1 > kMaxRows)
        out.push_back(std::to_string(sheet.rows.size()) + " rows (a sheet holds at most " +
                      std::to_string(kMaxRows - 1) + " below its header)");
    for (std::size_t c = 0; c < sheet.columns.size() && c < kMaxColumns; ++c) {
        const std::string &header = sheet.columns[c].header;
        if (chars(header) > kMaxCellChars) out.push_back(Table::column_letters(c) + "1: " + too_long(header));
        const double width = sheet.columns[c].width;
        if (!(width >= 0 && width <= kMaxColumnWidth))
            out.push_back("column " + Table::column_letters(c) + " has width " + std::to_string(width) +
                          " (allowed is 0 to 255)");
    }
    for (std::size_t i = 0; i < sheet.charts.size(); ++i) {
        const Chart &chart = sheet.charts[i];
        const std::string what = "chart " + std::to_string(i + 1);
        if (chart.series.empty()) out.push_back(what + " has no data series");
        for (const auto &series : chart.series)
            if (series.values.empty()) out.push_back(what + ": series '" + series.name.substr(0, 80) + "' has no values");
        if (chart.row >= kMaxRows || chart.column >= kMaxColumns) out.push_back(what + " is placed outside the sheet");
    }
    for (std::size_t r = 0; r < sheet.rows.size() && r + 1 < kMaxRows; ++r) {
        const auto &row = sheet.rows[r];
        if (row.size() > sheet.columns.size()) {
            out.push_back("row " + std::to_string(r + 2) + " has " + std::to_string(row.size()) +
                          " cells, the sheet " + std::to_string(sheet.columns.size()) + " columns");
        }
        for (std::size_t c = 0; c < row.size() && c < kMaxColumns; ++c) {
            const std::string ref = Table::ref(r, c);
            cell_problems(row[c], ref, out);
            if (row[c].kind() == Cell::Kind::formula && row[c].cached()) cell_problems(*row[c].cached(), ref, out);
        }
    }
    return out;
}

std::vector<std::string> sheet_in_workbook_problems(const Table &sheet, std::set<std::string> &taken) {
    std::vector<std::string> out;
    for (const auto &p : sheet_problems(sheet)) out.push_back("sheet '" + sheet.name.substr(0, 80) + "': " + p);
    if (!taken.insert(folded(sheet.name)).second)
        out.push_back("sheet '" + sheet.name.substr(0, 80) + "': the workbook has a sheet of that name already");
    return out;
}

std::string document_name_problem(const std::string &file_name, std::set<std::string> &taken) {
    if (!OutputSet::is_plain_file_name(file_name))
        return "document name '" + file_name.substr(0, 80) + "' is not a plain file name";
    if (file_name == "manifest.json") return "document name 'manifest.json' is vhh's own";
    if (!taken.insert(file_name).second) return "document '" + file_name + "' is produced twice";
    return "";
}

std::string cell_text_problem(const std::string &what, const std::string &text) {
    if (chars(text) <= kMaxCellChars) return "";
    return what + " '" + text.substr(0, 40) + "…' is " + too_long(text);
}

}  // namespace vhh::host
