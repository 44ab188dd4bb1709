// The HTML renderer: one self-contained, semantic and accessible file (inline CSS, no scripts, no
// external resources) with lang, heading order following the sections, tables with caption and
// scoped header cells, charts as inline SVG with text alternatives, and a print stylesheet.
// It is what the web portal serves.
#pragma once

#include <string>

#include "render/document_renderer.h"

namespace vhh::host {

/// Renders documents as HTML; a pure function of document and options.
class HtmlRenderer : public DocumentRenderer {
public:
    std::string format() const override { return "html"; }
    std::string extension() const override { return "html"; }
    /// The page's bytes (UTF-8); throws RenderError naming the document when a chart names a
    /// missing table or column or the logo cannot be read.
    std::string render(const doc::Document &document, const RenderOptions &options) const override;
};

/// `text` cleaned (render/value_format.h clean_text) and escaped for HTML text and attribute
/// values: & < > " ' become character references.
std::string html_escape(const std::string &text);

/// An inline SVG drawing of `chart` (data from `document`), role="img" with the chart's title and
/// description as its accessible name and description; `id` makes its element ids unique.
std::string svg_chart(const doc::Document &document, const doc::Chart &chart, const std::string &id);

}  // namespace vhh::host
