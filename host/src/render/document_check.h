// What the renderers of the document model need of a described document (vhh/document.h),
// checked before anything is rendered so that `vhh check` refuses what `vhh run` would fail on.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "vhh/document.h"

namespace vhh::host {

/// The longest file stem of a document, in characters.
inline constexpr std::size_t kMaxDocumentStemChars = 100;
/// The deepest nesting of sections (the document title is a level above them; HTML has six).
inline constexpr std::size_t kMaxSectionDepth = 5;

/// Empty when `stem` is a plain, safe file stem: 1 to kMaxDocumentStemChars characters of
/// A-Z a-z 0-9 . _ -, starting and ending with a letter or digit, without "..". Otherwise what is wrong.
std::string document_stem_problem(const std::string &stem);

/// Problems of one document, each naming where it is (table, row, column, chart): the file stem
/// (document_stem_problem); tables without an id or with one used twice; columns without a key or
/// with one used twice in a table; rows with more cells than the table has columns; cell names
/// that are not names of the formula grammar or are used twice; formulas that do not parse, name
/// a cell that does not exist, use kolom(KEY) of a column the table does not have, or refer to
/// themselves (directly or through other formulas); charts naming a table or columns that do not
/// exist or without value columns; sections nested deeper than kMaxSectionDepth; a letter
/// document without its letter. Empty when the renderers can render it.
std::vector<std::string> document_problems(const doc::Document &document);

/// Calls `visit` for every table of `document` (sections depth first, then the letter's body).
void for_each_table(const doc::Document &document, const std::function<void(const doc::Table &)> &visit);

}  // namespace vhh::host
