// The text renderer of the document model: plain UTF-8 text for people who want it. Tables are
// aligned here (numbers right, text left; wide text columns wrapped), running text is wrapped at
// kTextWidth characters; plugins never pad.
#pragma once

#include <cstddef>

#include "render/document_renderer.h"

namespace vhh::host {

/// The width text documents are wrapped at, in characters.
inline constexpr std::size_t kTextWidth = 80;

/// Renders a document as plain text ("txt", extension .txt).
class DocumentTextRenderer : public DocumentRenderer {
public:
    std::string format() const override { return "txt"; }
    std::string extension() const override { return "txt"; }
    std::string render(const doc::Document &document, const RenderOptions &options) const override;
};

/// `text` wrapped at `width` characters on spaces (a word longer than the width is cut), each line
/// after the first prefixed with `indent` spaces; line breaks in `text` are kept.
std::vector<std::string> wrap_text(const std::string &text, std::size_t width, std::size_t indent = 0);

}  // namespace vhh::host
