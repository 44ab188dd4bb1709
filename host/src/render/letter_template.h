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

}  // namespace vhh::host
