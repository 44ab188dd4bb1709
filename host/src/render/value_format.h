// Dutch presentation of the document model's typed values, shared by the PDF and HTML renderers:
// the text of a value, where a number aligns (its decimal comma), and text made safe to set.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "vhh/document.h"

namespace vhh::host {

/// The Dutch text of `value`: "€ 19.207,60", "2,5 %", "37.050", "2,5" (a fraction, at most four
/// decimals), "1-1-2013", the suppressed mark as given ("<5"), text unchanged; "" for empty.
std::string format_value_nl(const doc::Value &value);

/// True for values set as numbers: right-aligned on the decimal comma (integer, money,
/// percentage, fraction, and suppressed counts, which stand in for a number).
bool is_numeric(const doc::Value &value);

/// Byte offset in `text` (a formatted number) of the point that lines up in a column: its
/// decimal comma, else just after its last digit, else its end ("<5" lines up with "37.050").
std::size_t alignment_point(std::string_view text);

/// `text` safe to set in a document: bytes that are not UTF-8 and control characters (C0 except
/// newline and tab, DEL, C1, bidirectional overrides and isolates) become U+FFFD; with
/// `keep_newlines` false a newline or tab becomes a space.
std::string clean_text(std::string_view text, bool keep_newlines = false);

/// A numeric value as a double, for the geometry of charts only (never for amounts): money in
/// euros, a percentage in percent; nothing for values that are not numbers.
std::optional<double> chart_number(const doc::Value &value);

}  // namespace vhh::host
