// Renders a report-model Workbook to an .xlsx file with libxlsxwriter.
// The one place that knows Excel conventions (formats, formulas, freeze panes).
#pragma once

#include <ctime>
#include <stdexcept>
#include <string>
#include <vector>

#include "vhh/report.h"

namespace vhh {

/// A workbook: one xlsx file (the host's: bijdragen-berekening-Y.xlsx and the described documents' sheets).
struct Workbook {
    std::string file_name;       ///< e.g. "bijdragen-2013.xlsx"; a plain file name, no directories
    std::string title;           ///< document title property
    std::vector<Table> sheets;   ///< sheets in order
};

}  // namespace vhh

namespace vhh::host {

/// Rendering or writing a workbook failed; the message names the file and the libxlsxwriter error.
class RenderError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The workbook could not be written to its file (disk full, no permission, no such folder):
/// the output cannot be created (exit code 73), not an internal error.
class WorkbookWriteError : public RenderError {
public:
    /// `reason` says why, without the path; what() is "<path>: <reason>".
    WorkbookWriteError(const std::string &path, const std::string &reason)
        : RenderError(path + ": " + reason), reason_(reason) {}
    /// Why the file could not be written, without its path.
    const std::string &reason() const { return reason_; }

private:
    std::string reason_;
};

/// Print setup of one sheet, as the document renderer (document_xlsx_renderer.h) asks for it: A4,
/// one page wide, the header row repeated on every page, the title in the page header and
/// "pagina &P van &N" in the footer.
struct SheetPrint {
    bool landscape = false;                ///< landscape rather than portrait
    std::string title;                     ///< page header text
    std::vector<bool> right_aligned_text;  ///< per column: text right-aligned (a "<5" among numbers)
};

/// Writes `workbook` to `path`. `created` is stored as the document's creation time, so
/// the same model and time give a byte-identical file. Checks every libxlsxwriter return
/// code, including workbook_close (where unwritable paths show up); throws RenderError, or
/// WorkbookWriteError when the file system refused the file. libxlsxwriter's own messages on
/// stderr are held back: the exception says what failed. libxlsxwriter's temporary files are
/// created in `path`'s folder (unlinked at once), never in /tmp.
/// With `print` (one per sheet), the sheets get that print setup and wrapping headers.
void render_workbook(const Workbook &workbook, const std::string &path, std::time_t created,
                     const std::vector<SheetPrint> *print = nullptr);

}  // namespace vhh::host
