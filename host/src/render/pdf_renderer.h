// The PDF renderer (cairo + pango): A4 documents with headings, paragraphs, lists, notes, tables
// that break across pages with repeated header rows, numbers on the decimal comma, vector charts,
// a table of contents and outline, "pagina X van N", metadata, language nl-NL, tagged structure
// as far as cairo 1.16 goes, and letters on a letterhead.
#pragma once

#include <string>

#include "render/document_renderer.h"

namespace vhh::host {

/// Renders documents as PDF; a pure function of document and options (same input, same bytes).
class PdfRenderer : public DocumentRenderer {
public:
    std::string format() const override { return "pdf"; }
    std::string extension() const override { return "pdf"; }
    /// The PDF's bytes; throws RenderError naming the document when cairo fails or the logo
    /// cannot be read.
    std::string render(const doc::Document &document, const RenderOptions &options) const override;
};

/// Adds entries to the catalog of the PDF `pdf` (as cairo 1.16 writes it) by an incremental
/// update (ISO 32000-1 §7.5.6): a new version of the catalog object, an xref section for it and
/// a trailer pointing back. `entries` is PDF dictionary text, e.g. "/Lang (nl-NL)". Throws
/// RenderError when the file does not have the expected trailer.
std::string add_catalog_entries(const std::string &pdf, const std::string &entries);

}  // namespace vhh::host
