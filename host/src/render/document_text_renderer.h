// The text renderer of the document model: plain UTF-8 text for people who want it. Tables are
// aligned here (numbers right, text left; text columns wrapped at spaces, never narrower than their
// longest word; amounts never wrapped; a table wider than kTableWidth moves its widest text columns
// onto lines of their own under each row), running text is wrapped at kTextWidth characters;
// plugins never pad.
#pragma once

#include <cstddef>

#include "render/document_renderer.h"

namespace vhh::host {

/// The width text documents are wrapped at, in characters; a table is at most this wide when its
/// columns fit at their longest word.
inline constexpr std::size_t kTextWidth = 80;
/// The width budget of a table whose columns do not fit in kTextWidth at their longest word: it may
/// grow to this many characters; text columns that still do not fit leave the grid and are printed
/// on lines of their own under each row ("Grondslag: …"). 100 keeps a jaarverantwoording's row of
/// five amounts with its code and name on one line, still fits a terminal and an A4 page in landscape
/// (or portrait at 9 pt), and leaves long explanations (basis texts) readable as running text
/// instead of a narrow column broken every few words.
inline constexpr std::size_t kTableWidth = 100;
/// A text column is never narrower than its longest word up to this width; only a longer word
/// (a URL, a file path) is broken inside a table.
inline constexpr std::size_t kLongestWord = 30;
/// A column of numbers is this wide at least when its header is wider than its numbers (the header
/// then wraps at spaces rather than widen the column much).
inline constexpr std::size_t kNumberColumn = 12;

/// Renders a document as plain text ("txt", extension .txt).
class DocumentTextRenderer : public DocumentRenderer {
public:
    std::string format() const override { return "txt"; }
    std::string extension() const override { return "txt"; }
    std::string render(const doc::Document &document, const RenderOptions &options) const override;
};

/// `text` wrapped at `width` characters on spaces (a word longer than the width is cut; a euro sign
/// stays with the amount after it), each line after the first prefixed with `indent` spaces; line
/// breaks in `text` are kept.
std::vector<std::string> wrap_text(const std::string &text, std::size_t width, std::size_t indent = 0);

}  // namespace vhh::host
