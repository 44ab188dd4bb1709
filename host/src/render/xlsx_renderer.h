// Renders a report-model Workbook to an .xlsx file with libxlsxwriter.
// The one place that knows Excel conventions (formats, formulas, freeze panes).
#pragma once

#include <ctime>
#include <stdexcept>
#include <string>

#include "vhh/report.h"

namespace vhh::host {

/// Rendering or writing a workbook failed; the message names the file and the libxlsxwriter error.
class RenderError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Writes `workbook` to `path`. `created` is stored as the document's creation time, so
/// the same model and time give a byte-identical file. Checks every libxlsxwriter return
/// code, including workbook_close (where unwritable paths show up); throws RenderError.
void render_workbook(const Workbook &workbook, const std::string &path, std::time_t created);

}  // namespace vhh::host
