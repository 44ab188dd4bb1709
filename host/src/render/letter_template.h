// A letter's wording from a Mustache template (doc::Letter::body_template): the rendered text
// becomes the letter's subject, salutation, closing, enclosures and body blocks, so users reword
// letters by editing a template while the letter stays a described document (tables typed, the
// letterhead from the config). The rules are in docs/rendering.md, "Letters from templates".
#pragma once

#include <string>
#include <vector>

#include "vhh/document.h"

namespace vhh::host {

/// Fills `letter` from the rendered template text `text`:
///   - leading lines `Onderwerp: …`, `Aanhef: …`, `Slot: …` and `Bijlage: …` (repeatable) set
///     those fields (empty lines before them are skipped);
///   - the rest is split into paragraphs at blank lines; the lines of a paragraph are joined with
///     one space (a template may wrap its lines anywhere);
///   - a paragraph whose lines all start with "- " is a list (one item per line);
///   - a paragraph of the single line `[tabel ID]` is the table of `letter.body` whose id is ID.
/// The letter's body becomes exactly these blocks (tables the text does not name are dropped).
/// Returns the problems (a `[tabel ID]` naming no table of the letter); empty on success, and
/// then `letter.body_template` is cleared.
std::vector<std::string> apply_letter_template(doc::Letter &letter, const std::string &text);

/// Fills a report's sections from the rendered template text `text` (doc::Document::body_template):
/// a line underlined by a line of three or more '-' or '=' (with a blank line or the start above
/// it) starts a section with that heading; text before the first heading is a section
/// "Inleiding"; within a section paragraphs, lists and `[tabel ID]` as in letters, where ID is a
/// table of the document's sections as described (the sections become exactly what the text
/// says). Returns the problems (a `[tabel ID]` naming no table; the worded document failing
/// document_problems, e.g. a formula over a cell of a table the text leaves out); empty on
/// success, and then `document.body_template` is cleared.
std::vector<std::string> apply_report_template(doc::Document &document, const std::string &text);

}  // namespace vhh::host
