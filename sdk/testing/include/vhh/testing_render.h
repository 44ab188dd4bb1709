// The test kit's in-process rendering: a plugin's unit test renders the document it described with
// the host's own renderers (the ones `vhh run` uses) and reads the result back with an independent
// tool, without running vhh. Link `vhh::testing_render` (in the vhh tree and from the installed
// `vhh-sdk` package, where it brings the host's renderers, vhh::render, with it; `vhh_add_plugin_test`
// links it). See docs/plugins.md, "Testing a plugin".
#pragma once

#include <string>

#include "vhh/document.h"

namespace vhh::testing {

/// The bytes of the file `vhh run` would write for `document` in `format` ("pdf", "xlsx", "html",
/// "txt"), rendered in process by the host's renderer of that format, with a fixed creation time
/// (1 January 2000) and no house style. Text is rendered from the model as it is (a document or
/// letter worded by a Mustache template is rendered without that wording). Throws
/// std::invalid_argument for a format vhh does not render, std::runtime_error naming the document
/// when the renderer refuses it.
std::string render_document(const doc::Document &document, const std::string &format);

/// `bytes` (a file of `format`) as an independent tool reads it: for "xlsx" the JSON of vhh's
/// tests/tools/read_workbook.py, compiled into the kit (openpyxl under /usr/bin/python3: every cell's value, formula,
/// number format, the sheets' names); for "pdf" the text of `pdftotext -layout` (poppler-utils);
/// for "html" and "txt" the bytes themselves. The file is written to a temporary folder that is
/// removed again. Throws std::runtime_error when the tool fails (its stderr in the message).
std::string read_independently(const std::string &bytes, const std::string &format);

}  // namespace vhh::testing
