// How the document model's typed values read as text (Dutch notation), for every renderer that
// shows a value as text: "€ 161.700,00", "47.806", "2,5 %", "1-1-2013", "<5".
#pragma once

#include <string>

#include "render/value_format.h"  // is_numeric
#include "vhh/document.h"

namespace vhh::host {

/// The value as a reader sees it: money as Money::format_nl, integers with '.' between thousands,
/// percentages as format_percentage_nl, fractions as a decimal with at most four decimals
/// (rounded half away from zero, trailing zeros dropped), dates as Date::nl, text and suppressed
/// marks as they are, empty as "".
std::string value_text(const doc::Value &value);

}  // namespace vhh::host
