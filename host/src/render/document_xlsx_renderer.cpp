// Excel rendering of the document model; see document_xlsx_renderer.h. The document is turned
// into the workbook model of vhh/report.h plus a print setup per sheet, which render_workbook
// writes.
#include "render/document_xlsx_renderer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include <unistd.h>

#include "render/document_check.h"
#include "render/formula_expression.h"
#include "render/sheet_layout.h"
#include "render/xlsx_renderer.h"
#include "vhh/text.h"

namespace vhh::host {

namespace {

/// Where a table went: its sheet, and the sheet row of each table row (the header is row 0).
struct Placed {
    const doc::Table *table = nullptr;
    std::string sheet;
};

/// A sheet name Excel accepts, unique in `taken` (folded to lower case): the caption when it
/// fits, else the table id; forbidden characters become '-', and a number is added to repeats.
std::string sheet_name(const doc::Table &t, std::set<std::string> &taken) {
    auto fits = [](const std::string &s) {
        return !s.empty() && display_width(s) <= 31 && s.find_first_of("[]:*?/\\") == std::string::npos &&
               s.front() != '\'' && s.back() != '\'';
    };
    std::string base = fits(t.caption) ? t.caption : t.id;
    for (char &c : base)
        if (std::string("[]:*?/\\'").find(c) != std::string::npos || static_cast<unsigned char>(c) < 0x20) c = '-';
    if (base.size() > 28) base = base.substr(0, 28);
    while (!base.empty() && (static_cast<unsigned char>(base.back()) & 0xC0) == 0x80) base.pop_back();
    if (!base.empty() && (static_cast<unsigned char>(base.back()) & 0xC0) == 0xC0) base.pop_back();
    if (base.empty()) base = "Tabel";
    auto folded = [](std::string s) {
        for (char &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    std::string name = base;
    for (int n = 2; !taken.insert(folded(name)).second || folded(name) == "history"; ++n)
        name = base + " " + std::to_string(n);
    return name;
}

/// The report model's cell of a value (without a formula).
Cell plain_cell(const doc::Value &v) {
    using Kind = doc::Value::Kind;
    switch (v.kind()) {
        case Kind::empty: return Cell();
        case Kind::text:
        case Kind::suppressed: return Cell::text(v.text_value());
        case Kind::integer: return Cell::integer(v.integer_value());
        case Kind::money: return Cell::money(v.money_value());
        case Kind::percentage: return Cell::percentage_ppm(v.integer_value());
        case Kind::fraction: return Cell::fraction(v.integer_value(), v.denominator());
        case Kind::date: return Cell::text(v.date_value().nl());
    }
    return Cell();
}

/// The ranges of body rows of column `column` of `t` on its sheet, comma-separated (one range per
/// run of consecutive body rows), as SUM, MIN and MAX take them.
std::string body_ranges(const Placed &p, std::size_t column, const std::string &current) {
    std::string out;
    const auto &rows = p.table->rows;
    for (std::size_t r = 0; r < rows.size();) {
        if (rows[r].role != doc::RowRole::body) {
            ++r;
            continue;
        }
        std::size_t end = r;
        while (end + 1 < rows.size() && rows[end + 1].role == doc::RowRole::body) ++end;
        out += (out.empty() ? "" : ",") + excel_range_reference(p.sheet, r + 1, end + 1, column, current);
        r = end + 1;
    }
    // No body rows: the header cell, which SUM, MIN and MAX count as nothing.
    return out.empty() ? excel_cell_reference(p.sheet, 0, column, current) : out;
}

std::size_t column_index(const doc::Table &t, const std::string &key) {
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c].key == key) return c;
    return t.columns.size();
}

/// The first run of body rows of a column, for a chart's series.
std::string chart_range(const Placed &p, std::size_t column) {
    const std::string ranges = body_ranges(p, column, "");
    return ranges.substr(0, ranges.find(','));
}

struct Built {
    Workbook workbook;
    std::vector<SheetPrint> print;
};

Built build(const doc::Document &d) {
    Built out;
    out.workbook.title = d.meta.title.empty() ? d.name : d.meta.title;
    std::vector<Placed> placed;
    std::set<std::string> taken;
    for_each_table(d, [&](const doc::Table &t) { placed.push_back({&t, sheet_name(t, taken)}); });
    // Where every named cell is: sheet, sheet row, column.
    struct Where {
        const Placed *placed;
        std::size_t row, column;
    };
    std::map<std::string, Where> named;
    for (const auto &p : placed)
        for (std::size_t r = 0; r < p.table->rows.size(); ++r)
            for (std::size_t c = 0; c < p.table->rows[r].cells.size(); ++c)
                if (!p.table->rows[r].cells[c].name.empty())
                    named.emplace(p.table->rows[r].cells[c].name, Where{&p, r + 1, c});
    for (const auto &p : placed) {
        const doc::Table &t = *p.table;
        Table sheet;
        sheet.name = p.sheet;
        SheetLayout layout(t.columns.size(), out.workbook.title + (t.caption.empty() ? "" : " — " + t.caption));
        for (std::size_t c = 0; c < t.columns.size(); ++c) layout.header(c, t.columns[c].header);
        for (const auto &row : t.rows)
            for (std::size_t c = 0; c < row.cells.size(); ++c) layout.value(c, row.cells[c].value);
        const std::vector<double> widths = layout.widths();
        for (std::size_t c = 0; c < t.columns.size(); ++c) sheet.columns.push_back({t.columns[c].header, widths[c]});
        SheetPrint print = layout.print();
        for (const auto &row : t.rows) {
            std::vector<Cell> cells;
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                const doc::Cell &dc = row.cells[c];
                Cell cell = plain_cell(dc.value);
                if (!dc.formula.empty()) {
                    FormulaExpression::Error error;
                    const auto e = FormulaExpression::parse(dc.formula, error);
                    if (!e) throw RenderError(d.name + ": table '" + t.id + "': formula " + error.located());
                    const std::string excel = e->to_excel(
                        [&](const std::string &name) {
                            const auto it = named.find(name);
                            if (it == named.end()) throw RenderError(d.name + ": no cell named '" + name + "'");
                            return excel_cell_reference(it->second.placed->sheet, it->second.row, it->second.column,
                                                        p.sheet);
                        },
                        [&](const std::string &key) {
                            const std::size_t column = column_index(t, key);
                            if (column == t.columns.size())
                                throw RenderError(d.name + ": table '" + t.id + "' has no column '" + key + "'");
                            return body_ranges(p, column, p.sheet);
                        });
                    cell = Cell::formula(excel, cell);
                }
                cell.bold = row.role != doc::RowRole::body;
                cells.push_back(std::move(cell));
            }
            sheet.rows.push_back(std::move(cells));
        }
        out.workbook.sheets.push_back(std::move(sheet));
        out.print.push_back(std::move(print));
    }
    // Charts go on the sheet of their table, beside it.
    std::vector<const doc::Chart *> charts;
    std::function<void(const std::vector<doc::Section> &)> collect = [&](const std::vector<doc::Section> &sections) {
        for (const auto &s : sections) {
            for (const auto &b : s.blocks)
                if (const auto *c = std::get_if<doc::Chart>(&b)) charts.push_back(c);
            collect(s.sections);
        }
    };
    collect(d.sections);
    if (d.letter)
        for (const auto &b : d.letter->body)
            if (const auto *c = std::get_if<doc::Chart>(&b)) charts.push_back(c);
    std::map<std::size_t, std::size_t> charts_on_sheet;
    for (const doc::Chart *c : charts) {
        std::size_t i = 0;
        while (i < placed.size() && placed[i].table->id != c->table_id) ++i;
        if (i == placed.size()) throw RenderError(d.name + ": chart '" + c->title + "' shows no table of the document");
        const doc::Table &t = *placed[i].table;
        Chart chart;
        chart.type = static_cast<Chart::Type>(static_cast<int>(c->type));
        chart.title = c->title;
        chart.column = t.columns.size() + 1;
        chart.row = 1 + 16 * charts_on_sheet[i]++;
        const std::size_t category = column_index(t, c->category_column);
        for (const auto &key : c->value_columns) {
            const std::size_t column = column_index(t, key);
            if (column == t.columns.size() || category == t.columns.size())
                throw RenderError(d.name + ": chart '" + c->title + "' names a column table '" + t.id + "' lacks");
            chart.series.push_back({t.columns[column].header, chart_range(placed[i], category),
                                    chart_range(placed[i], column)});
        }
        out.workbook.sheets[i].charts.push_back(std::move(chart));
    }
    if (out.workbook.sheets.empty()) {  // a document without tables: its text on one sheet
        Table sheet;
        sheet.name = "Document";
        sheet.columns = {{out.workbook.title, 100}};
        out.workbook.sheets.push_back(std::move(sheet));
        out.print.push_back({false, out.workbook.title, {}});
    }
    return out;
}

/// A temporary file removed when this goes.
class TemporaryFile {
public:
    explicit TemporaryFile(const std::string &scratch_dir) {
        const char *dir = std::getenv("TMPDIR");
        path_ = (!scratch_dir.empty() ? scratch_dir : std::string(dir && *dir ? dir : "/tmp")) + "/vhh-xlsx-XXXXXX";
        const int fd = ::mkstemp(path_.data());
        if (fd < 0) throw RenderError("cannot create a temporary file for a workbook in " + path_);
        ::close(fd);
    }
    ~TemporaryFile() { std::remove(path_.c_str()); }
    TemporaryFile(const TemporaryFile &) = delete;
    TemporaryFile &operator=(const TemporaryFile &) = delete;
    const std::string &path() const { return path_; }

private:
    std::string path_;
};

}  // namespace

std::string DocumentXlsxRenderer::render(const doc::Document &document, const RenderOptions &options) const {
    const Built built = build(document);
    TemporaryFile file(options.scratch_dir);
    render_workbook(built.workbook, file.path(), options.created, &built.print);
    std::ifstream in(file.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in.good() && !in.eof()) throw RenderError(document.name + ".xlsx: cannot read the rendered workbook back");
    return bytes.str();
}

}  // namespace vhh::host
