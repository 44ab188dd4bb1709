// What Excel and the output folder refuse, checked on a plugin's report model before anything is
// rendered, so that `vhh check` refuses what `vhh run` would fail on (issue 19, item 12).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "vhh/report.h"

namespace vhh::host {

/// Excel's limit on the characters of one cell.
inline constexpr std::size_t kMaxCellChars = 32767;
/// Excel's limit on the characters of a formula.
inline constexpr std::size_t kMaxFormulaChars = 8192;
/// Excel's limit on the characters of a sheet name.
inline constexpr std::size_t kMaxSheetNameChars = 31;

/// Problems of one sheet that the workbook renderer or Excel would refuse: its name (1–31
/// characters, none of []:*?/\, no apostrophe at either end, not History), text of more than
/// kMaxCellChars characters (headers, cells, formula values), numbers beyond 2^53 units (a double
/// would not hold them exactly), formulas that are empty, longer than kMaxFormulaChars or have
/// unbalanced quotes or parentheses, rows wider than the columns, more columns or rows than a
/// sheet holds, column widths outside 0–255, and charts without series or values or placed
/// outside the sheet. Each problem names the cell (e.g. "C5") where there is one. The workbook
/// renderer refuses a sheet with any of them, so `check` and `run` agree.
std::vector<std::string> sheet_problems(const Table &sheet);

/// Problems of `sheet` among the sheets of one workbook: its own (sheet_problems, each prefixed
/// with "sheet 'NAME': ") and a name that `taken` already holds (compared as Excel does, ignoring
/// case). Adds the name to `taken`.
std::vector<std::string> sheet_in_workbook_problems(const Table &sheet, std::set<std::string> &taken);

/// Problems of a document's file name in --out: not a plain file name, "manifest.json" (vhh's
/// own), or a name `taken` already holds. Adds the name to `taken`. Empty when fine.
std::string document_name_problem(const std::string &file_name, std::set<std::string> &taken);

/// Problems of a text that ends up in one cell (a payer's name in bijdragen-Y.xlsx): longer than
/// kMaxCellChars characters. Empty when fine.
std::string cell_text_problem(const std::string &what, const std::string &text);

}  // namespace vhh::host
