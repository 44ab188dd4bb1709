// Dutch presentation of the document model's typed values, the one place every renderer (PDF,
// HTML, text, and the xlsx renderer's column widths) takes a value's text from: the text of a
// value, where a number aligns (its decimal comma), and text made safe to set.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "vhh/document.h"

namespace vhh::host {

/// The Dutch text of `value` as a reader sees it: money as Money::format_nl ("€ 19.207,60"),
/// percentages as format_percentage_nl ("2,5 %"), integers with '.' between thousands ("37.050",
/// also INT64_MIN), fractions as a decimal with at most four decimals (rounded half away from zero,
/// exact for any int64 numerator, trailing zeros dropped: "2,5"), dates as Date::nl ("1-1-2013"),
/// the suppressed mark as given ("<5"), text unchanged; "" for empty.
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
