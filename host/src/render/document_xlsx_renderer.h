// The xlsx renderer of the document model: one sheet per table, formulas translated from the
// model's expressions with their computed values cached, charts from the table's columns, and
// print setup (orientation by width, one page wide, repeated header row, title and page numbers,
// column widths from the content).
#pragma once

#include "render/document_renderer.h"
#include "vhh/report.h"

namespace vhh::host {

/// Renders a document as an Excel workbook ("xlsx").
class DocumentXlsxRenderer : public DocumentRenderer {
public:
    std::string format() const override { return "xlsx"; }
    std::string extension() const override { return "xlsx"; }
    /// Throws RenderError naming the document when it cannot be rendered.
    std::string render(const doc::Document &document, const RenderOptions &options) const override;
};

}  // namespace vhh::host
