// Tables and charts in the PDF: tables break across pages with their header row repeated and
// never left without body rows; numbers line up on the decimal comma; charts are vectors.
#pragma once

#include "render/pdf_typesetter.h"
#include "vhh/document.h"

namespace vhh::host::pdf {

/// Sets `table` (caption, header, rows) from the typesetter's current position.
void set_table(Typesetter &ts, const doc::Table &table);

/// Draws `chart` (its data from `document`) with its title and description, kept on one page.
void set_chart(Typesetter &ts, const doc::Document &document, const doc::Chart &chart);

}  // namespace vhh::host::pdf
