// Small text helpers shared by the host and the plugins: column alignment of UTF-8 text, the
// edit distance behind "did you mean" hints, and percentages in Dutch notation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vhh {

/// Number of characters (UTF-8 code points) in `s`, for aligning text columns: "Súdwest" -> 7.
std::size_t display_width(const std::string &s);

/// `s` padded with spaces to `width` characters (display_width), left-aligned or, with `right`,
/// right-aligned; `s` itself when it is already that wide or wider.
std::string pad(const std::string &s, std::size_t width, bool right = false);

/// Optimal string alignment distance between `a` and `b` (bytes): insertions, deletions,
/// substitutions and transpositions of adjacent characters each count as one edit.
std::size_t edit_distance(const std::string &a, const std::string &b);

/// For a "did you mean" hint: the first of `candidates` with the smallest edit_distance to
/// `value`, when that distance is at most `max_distance`; empty otherwise.
std::string closest(const std::string &value, const std::vector<std::string> &candidates, std::size_t max_distance);

/// Offset of the first byte of `text` that is not valid UTF-8 (overlong forms, surrogates and
/// code points above U+10FFFF count as invalid), or text.size() when all of it is valid.
std::size_t first_invalid_utf8(std::string_view text);

/// 1-based line and byte column of `offset` in `text` (for locating a byte in an input file).
std::pair<int, int> line_and_column(std::string_view text, std::size_t offset);

/// `text` safe to print on a terminal: control characters (C0, DEL, C1, and the bidirectional
/// overrides U+202A-U+202E and U+2066-U+2069) and bytes that are not UTF-8 are written as escapes
/// ("\\n", "\\t", "\\r", "\\x1b", "\\u009b"); everything else is unchanged.
std::string escape_controls(std::string_view text);

/// At most about `max_bytes` bytes of `text` for quoting input in a message: cut at a UTF-8
/// character boundary with "…" appended when longer. Never a whole foreign file.
std::string excerpt(std::string_view text, std::size_t max_bytes = 60);

/// A percentage in millionths (ppm) in Dutch notation, with thousands separators and without
/// trailing zeros: 25000 -> "2,5 %", 333333 -> "33,3333 %", 1000000 -> "100 %", -12500 -> "-1,25 %".
std::string format_percentage_nl(std::int64_t ppm);

}  // namespace vhh
