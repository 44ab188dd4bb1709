// Renders a report-model Workbook to .xlsx with libxlsxwriter (constant-memory mode).
#include "render/xlsx_renderer.h"
#include "render/report_model_check.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>

namespace vhh::host {
namespace {

/// Largest integer a double (and so an Excel number) holds exactly.
constexpr std::int64_t max_exact = std::int64_t{1} << 53;

// Number formats. Excel shows them with the reader's own separators (a Dutch Excel
// shows "€ 161.700,00"); the codes themselves always use ',' and '.'.
constexpr const char *integer_format = "#,##0";
constexpr const char *money_format = "\"€ \"#,##0.00;-\"€ \"#,##0.00";
constexpr const char *percentage_format = "0.00%";
constexpr const char *decimal_format = "#,##0.00";

/// Owns an lxw_workbook until it is closed; frees it without writing on error.
class WorkbookHandle {
public:
    explicit WorkbookHandle(lxw_workbook *wb) : wb_(wb) {}
    ~WorkbookHandle() {
        if (wb_) lxw_workbook_free(wb_);
    }
    WorkbookHandle(const WorkbookHandle &) = delete;
    WorkbookHandle &operator=(const WorkbookHandle &) = delete;
    lxw_workbook *get() const { return wb_; }
    /// Writes the file and frees the workbook; returns libxlsxwriter's result.
    lxw_error close() {
        lxw_workbook *wb = wb_;
        wb_ = nullptr;
        return workbook_close(wb);
    }

private:
    lxw_workbook *wb_;
};

/// Sends stderr to /dev/null while alive: libxlsxwriter prints raw "[ERROR][file.c:line]" lines
/// there itself, and vhh reports every failure in its own words.
class QuietStderr {
public:
    QuietStderr() {
        std::fflush(stderr);
        saved_ = ::dup(STDERR_FILENO);
        int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (saved_ >= 0 && null >= 0) ::dup2(null, STDERR_FILENO);
        if (null >= 0) ::close(null);
    }
    ~QuietStderr() {
        std::fflush(stderr);
        if (saved_ >= 0) {
            ::dup2(saved_, STDERR_FILENO);
            ::close(saved_);
        }
    }
    QuietStderr(const QuietStderr &) = delete;
    QuietStderr &operator=(const QuietStderr &) = delete;

private:
    int saved_ = -1;
};

/// True for libxlsxwriter errors that mean the file system refused the file or its temporary files.
bool is_file_system_error(lxw_error err) {
    switch (err) {
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
        return true;
    default:
        return false;
    }
}

/// Why writing into `path`'s folder failed, as far as the file system tells: the system error
/// when there is one, "no space left on device" when the folder's file system is (nearly) full.
std::string file_system_reason(const std::string &path, int system_error) {
    const std::string dir = path.substr(0, path.find_last_of('/') + 1);
    struct statvfs fs{};
    if (system_error == ENOSPC || system_error == EDQUOT ||
        (::statvfs(dir.empty() ? "." : dir.c_str(), &fs) == 0 && fs.f_bavail * fs.f_frsize < 64 * 1024))
        return "no space left on device";
    return system_error != 0 ? std::strerror(system_error) : "";
}

/// One plain and one bold variant of each cell format.
struct Formats {
    lxw_format *header = nullptr;
    lxw_format *header_wrapped = nullptr;  ///< bold, wrapping, bottom-aligned (print setup)
    lxw_format *text_bold = nullptr;
    lxw_format *text_right[2] = {nullptr, nullptr};
    lxw_format *integer[2] = {nullptr, nullptr};
    lxw_format *money[2] = {nullptr, nullptr};
    lxw_format *percentage[2] = {nullptr, nullptr};
    lxw_format *decimal[2] = {nullptr, nullptr};
};

/// Builds error messages that name the file and, where known, the sheet and cell.
class Reporter {
public:
    explicit Reporter(const std::string &path) : path_(path) {}
    [[noreturn]] void fail(const std::string &what) const { throw RenderError(path_ + ": " + what); }
    [[noreturn]] void fail(const std::string &sheet, const std::string &what) const {
        fail("sheet \"" + sheet + "\": " + what);
    }
    /// Throws when a libxlsxwriter call did not succeed.
    void check(lxw_error err, const std::string &sheet, const std::string &where) const {
        if (err != LXW_NO_ERROR) fail(sheet, where + ": " + lxw_strerror(err));
    }

private:
    const std::string &path_;
};

/// Sheet-style reference of a 0-based sheet row and column, e.g. (1, 0) -> "A2".
std::string sheet_ref(std::size_t row, std::size_t column) {
    return Table::column_letters(column) + std::to_string(row + 1);
}

lxw_format *new_format(lxw_workbook *wb, const Reporter &r, const char *num_format, bool bold) {
    lxw_format *f = workbook_add_format(wb);
    if (!f) r.fail("cannot create a cell format (out of memory)");
    if (num_format) format_set_num_format(f, num_format);
    if (bold) format_set_bold(f);
    return f;
}

Formats make_formats(lxw_workbook *wb, const Reporter &r) {
    Formats f;
    f.header = new_format(wb, r, nullptr, true);
    f.text_bold = new_format(wb, r, nullptr, true);
    f.header_wrapped = new_format(wb, r, nullptr, true);
    format_set_text_wrap(f.header_wrapped);
    format_set_align(f.header_wrapped, LXW_ALIGN_VERTICAL_BOTTOM);
    for (int b = 0; b < 2; ++b) {
        f.text_right[b] = new_format(wb, r, nullptr, b == 1);
        format_set_align(f.text_right[b], LXW_ALIGN_RIGHT);
        f.integer[b] = new_format(wb, r, integer_format, b == 1);
        f.money[b] = new_format(wb, r, money_format, b == 1);
        f.percentage[b] = new_format(wb, r, percentage_format, b == 1);
        f.decimal[b] = new_format(wb, r, decimal_format, b == 1);
    }
    return f;
}

/// A cell's value as an Excel number with its format; fails for values a double cannot hold exactly.
struct Number {
    double value;
    lxw_format *format;
};

Number to_number(const Cell &cell, bool bold, const Formats &formats, const Reporter &r, const std::string &sheet,
                 const std::string &ref) {
    const int b = bold ? 1 : 0;
    std::int64_t raw = 0;
    Number n{0.0, nullptr};
    switch (cell.kind()) {
    case Cell::Kind::integer:
        raw = cell.integer_value();
        n = {static_cast<double>(raw), formats.integer[b]};
        break;
    case Cell::Kind::money:
        raw = cell.money_value().in_cents();
        n = {static_cast<double>(raw) / 100.0, formats.money[b]};
        break;
    case Cell::Kind::percentage:
        raw = cell.integer_value();
        n = {static_cast<double>(raw) / 1e6, formats.percentage[b]};
        break;
    case Cell::Kind::fraction:
        raw = cell.integer_value();
        n = {static_cast<double>(raw) / static_cast<double>(cell.denominator()), formats.decimal[b]};
        break;
    default:
        r.fail(sheet, ref + ": not a number cell");
    }
    if (raw > max_exact || raw < -max_exact) r.fail(sheet, ref + ": value too large for an Excel number");
    return n;
}

/// Writes one cell; empty cells are skipped.
void write_cell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const Cell &cell, const Formats &formats,
                const Reporter &r, const std::string &sheet, bool right_text) {
    const std::string ref = sheet_ref(row, col);
    switch (cell.kind()) {
    case Cell::Kind::empty:
        return;
    case Cell::Kind::text:
        // Always a string: a text starting with '=' stays text.
        if (cell.text_value().empty() && !cell.bold) return;
        r.check(worksheet_write_string(ws, row, col, cell.text_value().c_str(),
                                       right_text ? formats.text_right[cell.bold ? 1 : 0]
                                                  : (cell.bold ? formats.text_bold : nullptr)),
                sheet, ref);
        return;
    case Cell::Kind::integer:
    case Cell::Kind::money:
    case Cell::Kind::percentage:
    case Cell::Kind::fraction: {
        const Number n = to_number(cell, cell.bold, formats, r, sheet, ref);
        r.check(worksheet_write_number(ws, row, col, n.value, n.format), sheet, ref);
        return;
    }
    case Cell::Kind::formula: {
        if (cell.text_value().empty()) r.fail(sheet, ref + ": empty formula");
        const std::string formula = "=" + cell.text_value();
        const Cell *cached = cell.cached();
        const bool bold = cell.bold || (cached && cached->bold);
        if (!cached || cached->kind() == Cell::Kind::empty) {
            r.check(worksheet_write_formula_num(ws, row, col, formula.c_str(), bold ? formats.text_bold : nullptr, 0.0),
                    sheet, ref);
        } else if (cached->kind() == Cell::Kind::text) {
            r.check(worksheet_write_formula_str(ws, row, col, formula.c_str(), bold ? formats.text_bold : nullptr,
                                                cached->text_value().c_str()),
                    sheet, ref);
        } else {
            const Number n = to_number(*cached, bold, formats, r, sheet, ref);
            r.check(worksheet_write_formula_num(ws, row, col, formula.c_str(), n.format, n.value), sheet, ref);
        }
        return;
    }
    }
    r.fail(sheet, ref + ": unknown cell kind");
}

/// Checks a table before anything is written, with the checks `vhh check` runs on the model.
void validate_table(const Table &t, const Reporter &r) {
    const std::vector<std::string> problems = sheet_problems(t);
    if (!problems.empty()) r.fail(t.name, problems.front());
}

uint8_t chart_type(Chart::Type t) {
    switch (t) {
    case Chart::Type::column: return LXW_CHART_COLUMN;
    case Chart::Type::bar: return LXW_CHART_BAR;
    case Chart::Type::line: return LXW_CHART_LINE;
    case Chart::Type::pie: return LXW_CHART_PIE;
    }
    return LXW_CHART_COLUMN;
}

/// Adds the table's charts to its worksheet; every libxlsxwriter result is checked.
void add_charts(lxw_workbook *wb, lxw_worksheet *ws, const Table &t, const Reporter &r) {
    for (std::size_t i = 0; i < t.charts.size(); ++i) {
        const Chart &c = t.charts[i];
        const std::string what = "chart " + std::to_string(i + 1) + (c.title.empty() ? "" : " \"" + c.title + "\"");
        if (c.series.empty()) r.fail(t.name, what + " has no data series");
        lxw_chart *chart = workbook_add_chart(wb, chart_type(c.type));
        if (!chart) r.fail(t.name, what + ": cannot create the chart (out of memory)");
        if (!c.title.empty()) chart_title_set_name(chart, c.title.c_str());
        for (const ChartSeries &s : c.series) {
            if (s.values.empty()) r.fail(t.name, what + ": a series has no values range");
            const std::string categories = s.categories.empty() ? "" : "=" + s.categories;
            const std::string values = "=" + s.values;
            lxw_chart_series *series =
                chart_add_series(chart, categories.empty() ? nullptr : categories.c_str(), values.c_str());
            if (!series) r.fail(t.name, what + ": cannot add series \"" + s.name + "\"");
            if (!s.name.empty()) chart_series_set_name(series, s.name.c_str());
        }
        r.check(worksheet_insert_chart(ws, static_cast<lxw_row_t>(c.row), static_cast<lxw_col_t>(c.column), chart),
                t.name, what);
    }
}

/// `text` with '&' doubled, as Excel's page header codes want, cut to fit the 255 characters.
std::string header_text(const std::string &text) {
    std::string out;
    for (char c : text) {
        if (out.size() > 200 && (static_cast<unsigned char>(c) & 0xC0) != 0x80) break;
        out += c == '&' ? std::string("&&") : std::string(1, c);
    }
    return out;
}

void set_up_printing(lxw_worksheet *ws, const SheetPrint &print, const Reporter &r, const std::string &sheet) {
    worksheet_set_paper(ws, 9);  // A4
    if (print.landscape) worksheet_set_landscape(ws);
    else worksheet_set_portrait(ws);
    worksheet_fit_to_pages(ws, 1, 0);  // one page wide, as many pages tall as it takes
    r.check(worksheet_repeat_rows(ws, 0, 0), sheet, "repeated header row");
    const std::string header = "&C" + header_text(print.title);
    r.check(worksheet_set_header(ws, header.c_str()), sheet, "page header");
    r.check(worksheet_set_footer(ws, "&Cpagina &P van &N"), sheet, "page footer");
}

void write_table(lxw_worksheet *ws, const Table &t, const Formats &formats, const Reporter &r,
                 const SheetPrint *print) {
    const std::string &sheet = t.name;
    if (print) set_up_printing(ws, *print, r, sheet);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        r.check(worksheet_set_column(ws, col, col, t.columns[c].width, nullptr), sheet,
                "width of column " + Table::column_letters(c));
    }
    if (t.freeze_header) worksheet_freeze_panes(ws, 1, 0);
    if (t.autofilter && !t.columns.empty()) {
        r.check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rows.size()),
                                     static_cast<lxw_col_t>(t.columns.size() - 1)),
                sheet, "autofilter");
    }
    // Constant-memory mode: rows strictly in order, left to right.
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const std::string &h = t.columns[c].header;
        r.check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), h.c_str(),
                                       print ? formats.header_wrapped : formats.header),
                sheet, sheet_ref(0, c) + " (header)");
    }
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const auto &row = t.rows[i];
        for (std::size_t c = 0; c < row.size(); ++c)
            write_cell(ws, static_cast<lxw_row_t>(i + 1), static_cast<lxw_col_t>(c), row[c], formats, r, sheet,
                       print && c < print->right_aligned_text.size() && print->right_aligned_text[c]);
    }
}

}  // namespace

void render_workbook(const Workbook &workbook, const std::string &path, std::time_t created,
                     const std::vector<SheetPrint> *print) {
    const Reporter r(path);
    if (workbook.sheets.empty()) r.fail("the workbook has no sheets");
    if (print && print->size() != workbook.sheets.size()) r.fail("print setup for another number of sheets");
    for (const Table &t : workbook.sheets) validate_table(t, r);

    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    // libxlsxwriter's temporary files (the rows of constant-memory mode, the zip's parts) go beside
    // the workbook, i.e. into --out's staging folder, not /tmp: only --out's file system matters,
    // and a full /tmp cannot fail a run (issue 19). They are unlinked as soon as they are created.
    std::string tmpdir = std::filesystem::path(path).parent_path().string();
    if (tmpdir.empty()) tmpdir = ".";
    options.tmpdir = tmpdir.data();
    options.use_zip64 = LXW_FALSE;
    WorkbookHandle wb(workbook_new_opt(path.c_str(), &options));
    if (!wb.get()) r.fail("cannot create workbook (out of memory)");

    // Fixed properties: the same model and `created` give the same bytes.
    std::string title = workbook.title;
    lxw_doc_properties props{};
    props.title = title.empty() ? nullptr : title.data();
    props.created = created;
    if (lxw_error err = workbook_set_properties(wb.get(), &props); err != LXW_NO_ERROR)
        r.fail(std::string("document properties: ") + lxw_strerror(err));

    const Formats formats = make_formats(wb.get(), r);

    // Add all sheets first so that every name is checked before any data is written.
    std::vector<lxw_worksheet *> sheets;
    for (const Table &t : workbook.sheets) {
        if (lxw_error err = workbook_validate_sheet_name(wb.get(), t.name.c_str()); err != LXW_NO_ERROR)
            r.fail(t.name, std::string("invalid sheet name: ") + lxw_strerror(err));
        lxw_worksheet *ws = workbook_add_worksheet(wb.get(), t.name.c_str());
        if (!ws) r.fail(t.name, "cannot add worksheet (out of memory, or no temporary file for constant-memory mode)");
        sheets.push_back(ws);
    }
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        write_table(sheets[i], workbook.sheets[i], formats, r, print ? &(*print)[i] : nullptr);
        add_charts(wb.get(), sheets[i], workbook.sheets[i], r);
    }

    // Unwritable paths and full disks only show up here; libxlsxwriter leaves the system error in errno.
    errno = 0;
    lxw_error err;
    int system_error;
    {
        // One workbook closes at a time: libxlsxwriter writes docProps/core.xml with gmtime() (one
        // static buffer) and QuietStderr redirects the process's stderr (render_pool.h).
        static std::mutex closing;
        std::lock_guard<std::mutex> one_at_a_time(closing);
        QuietStderr quiet;
        err = wb.close();
        system_error = errno;
    }
    if (err != LXW_NO_ERROR) {
        std::string msg = std::string("cannot write the workbook: ") + lxw_strerror(err);
        if (!is_file_system_error(err)) r.fail(msg);
        const std::string why = file_system_reason(path, system_error);
        throw WorkbookWriteError(path, why.empty() ? msg : why + " (libxlsxwriter: " + lxw_strerror(err) + ")");
    }
}

}  // namespace vhh::host
