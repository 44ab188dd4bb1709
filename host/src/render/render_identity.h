// What, besides a document, decides the bytes a renderer writes: this vhh program and the
// libraries and fonts it sets text with, and the house style. A document rendered before with the
// same identity and the same content has the same bytes, so it need not be rendered again
// (`vhh factureren --out` carries such invoices over, issue 15).
#pragma once

#include <string>

#include "render/document_renderer.h"

namespace vhh::host {

/// A SHA-256 (hex) of the running program's GNU build id (a hash the linker computes over the
/// program's code; else the SHA-256 of the program file), the cairo, pango and HarfBuzz versions,
/// and the font files of the PDF's family (path, size, modification time). Computed once.
const std::string &render_environment_digest();

/// A SHA-256 (hex) of everything in `house` a document shows: organisation, address, the logo's
/// bytes (an unreadable logo gives a digest no earlier run has), contact and signatory.
std::string house_style_digest(const HouseStyle &house);

}  // namespace vhh::host
