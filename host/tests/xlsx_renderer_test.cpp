// Tests of the xlsx renderer. The workbooks written are read back with an independent
// reader (tests/tools/read_workbook.py, openpyxl) rather than with libxlsxwriter itself.
#include "render/xlsx_renderer.h"

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#ifndef VHH_PYTHON
#define VHH_PYTHON "/usr/bin/python3"
#endif
#ifndef VHH_SOURCE_DIR
#define VHH_SOURCE_DIR "."
#endif

namespace fs = std::filesystem;
using vhh::Cell;
using vhh::Column;
using vhh::Money;
using vhh::Table;
using vhh::Workbook;
using vhh::host::render_workbook;
using vhh::host::RenderError;

namespace {

/// 2013-01-01T00:00:00Z, the Zeeland boekjaar.
constexpr std::time_t kCreated = 1356998400;

/// A fresh temporary directory, removed with its contents at the end of the test.
class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "vhh-xlsx-test-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;
    std::string file(const std::string &name) const { return (path_ / name).string(); }

private:
    fs::path path_;
};

std::string read_bytes(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// Single-quotes a string for /bin/sh.
std::string shell_quote(const std::string &s) {
    std::string out = "'";
    for (char c : s) out += (c == '\'') ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// The reader's output: per sheet, its header line and each cell's line by reference.
struct Dump {
    std::string properties;
    std::vector<std::string> sheet_names;
    std::map<std::string, std::string> sheet_lines;                       // name -> header line
    std::map<std::string, std::map<std::string, std::string>> cells;      // name -> ref -> line
};

/// The raw JSON text of `key`'s value in a one-line JSON object, or "<missing>".
std::string field(const std::string &line, const std::string &key) {
    const std::string needle = "\"" + key + "\": ";
    const auto at = line.find(needle);
    if (at == std::string::npos) return "<missing>";
    std::size_t i = at + needle.size();
    const std::size_t start = i;
    if (i < line.size() && (line[i] == '"')) {
        for (++i; i < line.size() && line[i] != '"'; ++i)
            if (line[i] == '\\') ++i;
        return line.substr(start, i + 1 - start);
    }
    int depth = 0;
    for (; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '{' || c == '[') ++depth;
        if ((c == '}' || c == ']') && depth-- == 0) break;
        if (c == ',' && depth == 0) break;
    }
    return line.substr(start, i - start);
}

/// Runs read_workbook.py on `path`; fails the test when the reader fails.
Dump read_workbook(const std::string &path) {
    const std::string cmd = shell_quote(VHH_PYTHON) + " " +
                            shell_quote(std::string(VHH_SOURCE_DIR) + "/tests/tools/read_workbook.py") + " " +
                            shell_quote(path);
    Dump dump;
    FILE *pipe = popen(cmd.c_str(), "r");
    if (!pipe) {
        ADD_FAILURE() << "popen failed: " << cmd;
        return dump;
    }
    std::string out;
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    const int status = pclose(pipe);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "reader failed: " << cmd << "\n" << out;

    std::string sheet;
    std::size_t pos = 0;
    while (pos < out.size()) {
        std::size_t end = out.find('\n', pos);
        if (end == std::string::npos) end = out.size();
        const std::string line = out.substr(pos, end - pos);
        pos = end + 1;
        if (line.rfind("  \"properties\": ", 0) == 0) {
            dump.properties = line;
        } else if (line.rfind("    {\"name\": ", 0) == 0) {
            sheet = field(line, "name");
            sheet = sheet.substr(1, sheet.size() - 2);
            dump.sheet_names.push_back(sheet);
            dump.sheet_lines[sheet] = line;
        } else if (line.rfind("      {\"ref\": ", 0) == 0) {
            std::string ref = field(line, "ref");
            dump.cells[sheet][ref.substr(1, ref.size() - 2)] = line;
        }
    }
    return dump;
}

Cell bold(Cell c) {
    c.bold = true;
    return c;
}

/// A model with every cell kind, a text that looks like a formula and a short total row.
Workbook sample_workbook() {
    Table t;
    t.name = "Bijdragen";
    t.columns = {{"Gemeente", 22}, {"CBS-code", 10}, {"Inwoners", 12}, {"Tarief", 12}, {"Bijdrage", 16}, {"Aandeel", 10}};
    t.freeze_header = true;
    t.autofilter = true;
    t.rows.push_back({Cell::text("Middelburg"), Cell::text("GM0687"), Cell::integer(48544), Cell::money(Money::cents(40)),
                      Cell::formula(Table::ref(0, 2) + "*" + Table::ref(0, 3), Cell::money(Money::cents(1941760))),
                      Cell::percentage_ppm(250000)});
    t.rows.push_back({Cell::text("=SUM(A1)"), Cell::text("+31"), Cell::integer(-5), Cell::money(Money::cents(-321)),
                      Cell::formula("\"A\"&\"B\"", Cell::text("AB")), Cell::percentage_ppm(25000)});
    t.rows.push_back({bold(Cell::text("Totaal")), Cell(), bold(Cell::formula("SUM(C2:C3)", Cell::integer(48539))), Cell(),
                      bold(Cell::formula("=SUM(E2:E3)", Cell::money(Money::cents(1941439))))});

    Table empty;
    empty.name = "Toelichting";
    empty.columns = {{"Tekst", 60}};
    empty.freeze_header = false;

    Workbook wb;
    wb.file_name = "bijdragen-2013.xlsx";
    wb.title = "Bijdragen 2013";
    wb.sheets = {t, empty};
    return wb;
}

const std::string kMoneyFormat = R"("\"\u20ac \"#,##0.00;-\"\u20ac \"#,##0.00")";

/// Decodes the zip entries' DOS timestamps (central directory and local headers).
std::vector<std::uint32_t> zip_timestamps(const std::string &zip) {
    auto u16 = [&](std::size_t at) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(zip.at(at)) |
                                          static_cast<unsigned char>(zip.at(at + 1)) << 8);
    };
    auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
    std::vector<std::uint32_t> stamps;
    if (zip.size() < 22) return stamps;
    const std::size_t eocd = zip.size() - 22;  // no archive comment
    if (u32(eocd) != 0x06054b50) return stamps;
    const std::uint32_t entries = u16(eocd + 10);
    std::size_t at = u32(eocd + 16);
    for (std::uint32_t i = 0; i < entries; ++i) {
        if (u32(at) != 0x02014b50) return {};
        stamps.push_back(u16(at + 12) | u16(at + 14) << 16);
        const std::size_t local = u32(at + 42);
        if (u32(local) != 0x04034b50) return {};
        stamps.push_back(u16(local + 10) | u16(local + 12) << 16);
        at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
    }
    return stamps;
}

template <typename F>
std::string render_error_message(F &&f) {
    try {
        f();
    } catch (const RenderError &e) {
        return e.what();
    }
    return "<no RenderError>";
}

}  // namespace

TEST(XlsxRenderer, WritesEveryCellKindReadableByAnIndependentReader) {
    TempDir dir;
    const std::string path = dir.file("bijdragen-2013.xlsx");
    render_workbook(sample_workbook(), path, kCreated);
    const Dump d = read_workbook(path);

    EXPECT_EQ(field(d.properties, "title"), "\"Bijdragen 2013\"");
    EXPECT_EQ(field(d.properties, "created"), "\"2013-01-01T00:00:00\"");
    ASSERT_EQ(d.sheet_names, (std::vector<std::string>{"Bijdragen", "Toelichting"}));

    const std::string &sheet = d.sheet_lines.at("Bijdragen");
    EXPECT_EQ(field(sheet, "freeze_panes"), "\"A2\"");
    EXPECT_EQ(field(sheet, "auto_filter"), "\"A1:F4\"");
    EXPECT_EQ(field(sheet, "charts"), "0");
    const std::string widths = field(sheet, "column_widths");
    for (const char *col : {"\"A\": ", "\"B\": ", "\"C\": ", "\"D\": ", "\"E\": ", "\"F\": "})
        EXPECT_NE(widths.find(col), std::string::npos) << col << " in " << widths;
    // libxlsxwriter stores widths with Excel's padding: 22 characters -> 22.7109375.
    EXPECT_NEAR(std::stod(field(widths, "A")), 22.0, 1.0) << widths;
    EXPECT_NEAR(std::stod(field(widths, "F")), 10.0, 1.0) << widths;

    const auto &c = d.cells.at("Bijdragen");
    auto cell = [&](const std::string &ref) -> std::string {
        auto it = c.find(ref);
        return it == c.end() ? std::string("<no cell " + ref + ">") : it->second;
    };

    // Header: bold text.
    EXPECT_EQ(field(cell("A1"), "value"), "\"Gemeente\"");
    EXPECT_EQ(field(cell("A1"), "bold"), "true");
    EXPECT_EQ(field(cell("F1"), "value"), "\"Aandeel\"");
    EXPECT_EQ(field(cell("F1"), "bold"), "true");

    // Text, integer, money, percentage.
    EXPECT_EQ(field(cell("A2"), "value"), "\"Middelburg\"");
    EXPECT_EQ(field(cell("A2"), "type"), "\"s\"");
    EXPECT_EQ(field(cell("A2"), "bold"), "false");
    EXPECT_EQ(field(cell("B2"), "value"), "\"GM0687\"");
    EXPECT_EQ(field(cell("C2"), "value"), "48544");
    EXPECT_EQ(field(cell("C2"), "number_format"), "\"#,##0\"");
    EXPECT_EQ(field(cell("D2"), "value"), "0.4");
    EXPECT_EQ(field(cell("D2"), "number_format"), kMoneyFormat);
    EXPECT_EQ(field(cell("F2"), "value"), "0.25");
    EXPECT_EQ(field(cell("F2"), "number_format"), "\"0.00%\"");
    EXPECT_EQ(field(cell("C3"), "value"), "-5");
    EXPECT_EQ(field(cell("D3"), "value"), "-3.21");
    EXPECT_EQ(field(cell("F3"), "value"), "0.025");

    // Texts that look like formulas stay texts.
    EXPECT_EQ(field(cell("A3"), "value"), "\"=SUM(A1)\"");
    EXPECT_EQ(field(cell("A3"), "type"), "\"s\"");
    EXPECT_EQ(field(cell("A3"), "formula"), "<missing>");
    EXPECT_EQ(field(cell("B3"), "value"), "\"+31\"");
    EXPECT_EQ(field(cell("B3"), "formula"), "<missing>");

    // Formulas with their cached values and the cached value's format.
    EXPECT_EQ(field(cell("E2"), "formula"), "\"C2*D2\"");
    EXPECT_EQ(field(cell("E2"), "value"), "19417.6");
    EXPECT_EQ(field(cell("E2"), "number_format"), kMoneyFormat);
    EXPECT_EQ(field(cell("E2"), "bold"), "false");
    EXPECT_EQ(field(cell("E3"), "formula"), R"("\"A\"&\"B\"")");
    EXPECT_EQ(field(cell("E3"), "value"), "\"AB\"");

    // Total row: bold, formulas, empty cells skipped, shorter than the header.
    EXPECT_EQ(field(cell("A4"), "value"), "\"Totaal\"");
    EXPECT_EQ(field(cell("A4"), "bold"), "true");
    EXPECT_EQ(c.count("B4"), 0u);
    EXPECT_EQ(c.count("D4"), 0u);
    EXPECT_EQ(c.count("F4"), 0u);
    EXPECT_EQ(field(cell("C4"), "formula"), "\"SUM(C2:C3)\"");
    EXPECT_EQ(field(cell("C4"), "value"), "48539");
    EXPECT_EQ(field(cell("C4"), "number_format"), "\"#,##0\"");
    EXPECT_EQ(field(cell("C4"), "bold"), "true");
    EXPECT_EQ(field(cell("E4"), "formula"), "\"SUM(E2:E3)\"");
    EXPECT_EQ(field(cell("E4"), "value"), "19414.39");
    EXPECT_EQ(field(cell("E4"), "number_format"), kMoneyFormat);
    EXPECT_EQ(field(cell("E4"), "bold"), "true");
    EXPECT_EQ(c.size(), 6u + 6u + 6u + 3u);

    // A sheet without data rows, freeze panes or filter.
    const std::string &second = d.sheet_lines.at("Toelichting");
    EXPECT_EQ(field(second, "freeze_panes"), "null");
    EXPECT_EQ(field(second, "auto_filter"), "null");
    EXPECT_EQ(d.cells.at("Toelichting").size(), 1u);
    EXPECT_EQ(field(d.cells.at("Toelichting").at("A1"), "value"), "\"Tekst\"");
}

TEST(XlsxRenderer, SameModelAndTimeGiveIdenticalBytes) {
    TempDir dir;
    const std::string a = dir.file("a.xlsx"), b = dir.file("b.xlsx"), c = dir.file("c.xlsx");
    render_workbook(sample_workbook(), a, kCreated);
    render_workbook(sample_workbook(), b, kCreated);
    render_workbook(sample_workbook(), c, kCreated + 86400);
    const std::string bytes_a = read_bytes(a);
    ASSERT_FALSE(bytes_a.empty());
    EXPECT_TRUE(bytes_a == read_bytes(b)) << "two renders of the same model differ";
    EXPECT_FALSE(bytes_a == read_bytes(c)) << "the creation time is not stored";
    EXPECT_EQ(field(read_workbook(c).properties, "created"), "\"2013-01-02T00:00:00\"");
}

TEST(XlsxRenderer, ZipEntryTimestampsDoNotDependOnTheClock) {
    TempDir dir;
    const std::string path = dir.file("a.xlsx");
    render_workbook(sample_workbook(), path, kCreated);
    const std::vector<std::uint32_t> stamps = zip_timestamps(read_bytes(path));
    ASSERT_GE(stamps.size(), 2u) << "cannot parse the zip directory";
    // DOS date in the high 16 bits: year since 1980 in bits 9..15.
    for (std::uint32_t s : stamps) {
        EXPECT_EQ(s, stamps.front());
        const unsigned year = 1980 + ((s >> 16) >> 9);
        EXPECT_LT(year, 2000u) << "zip entry time looks like the current clock: " << std::hex << s;
    }
}

TEST(XlsxRenderer, UnwritablePathThrowsNamingTheFile) {
    TempDir dir;
    const std::string plain_file = dir.file("not-a-directory");
    { std::ofstream(plain_file) << "x"; }
    const std::string path = plain_file + "/bijdragen-2013.xlsx";
    const std::string msg = render_error_message([&] { render_workbook(sample_workbook(), path, kCreated); });
    EXPECT_NE(msg.find(path), std::string::npos) << msg;
    EXPECT_NE(msg.find("Not a directory"), std::string::npos) << msg;

    const std::string missing = dir.file("no-such-dir/x.xlsx");
    const std::string msg2 = render_error_message([&] { render_workbook(sample_workbook(), missing, kCreated); });
    EXPECT_NE(msg2.find(missing), std::string::npos) << msg2;
    EXPECT_NE(msg2.find("No such file or directory"), std::string::npos) << msg2;
}

TEST(XlsxRenderer, InvalidSheetNamesThrow) {
    TempDir dir;
    const std::string path = dir.file("x.xlsx");
    const std::vector<std::string> names = {"Bad/Name", "Bad[1]", "'quoted'", std::string(32, 'a'), "", "History"};
    for (const std::string &name : names) {
        Workbook wb = sample_workbook();
        wb.sheets[1].name = name;
        const std::string msg = render_error_message([&] { render_workbook(wb, path, kCreated); });
        EXPECT_NE(msg.find(path), std::string::npos) << name << ": " << msg;
        if (!name.empty()) {
            EXPECT_NE(msg.find("\"" + name + "\""), std::string::npos) << msg;
        }
        EXPECT_FALSE(fs::exists(path)) << name;
    }
    // 31 characters is allowed.
    Workbook ok = sample_workbook();
    ok.sheets[1].name = std::string(31, 'a');
    EXPECT_NO_THROW(render_workbook(ok, path, kCreated));
}

TEST(XlsxRenderer, DuplicateSheetNamesThrow) {
    TempDir dir;
    const std::string path = dir.file("x.xlsx");
    for (const char *name : {"Bijdragen", "BIJDRAGEN"}) {
        Workbook wb = sample_workbook();
        wb.sheets[1].name = name;
        const std::string msg = render_error_message([&] { render_workbook(wb, path, kCreated); });
        EXPECT_NE(msg.find(path), std::string::npos) << msg;
        EXPECT_NE(msg.find(name), std::string::npos) << msg;
        EXPECT_FALSE(fs::exists(path));
    }
}

TEST(XlsxRenderer, RowWiderThanColumnsThrows) {
    TempDir dir;
    const std::string path = dir.file("x.xlsx");
    Workbook wb = sample_workbook();
    wb.sheets[0].rows[1].push_back(Cell::text("extra"));
    const std::string msg = render_error_message([&] { render_workbook(wb, path, kCreated); });
    EXPECT_NE(msg.find(path), std::string::npos) << msg;
    EXPECT_NE(msg.find("\"Bijdragen\""), std::string::npos) << msg;
    EXPECT_NE(msg.find("row 3"), std::string::npos) << msg;
    EXPECT_FALSE(fs::exists(path));
}

TEST(XlsxRenderer, OtherModelErrorsThrow) {
    TempDir dir;
    const std::string path = dir.file("x.xlsx");
    Workbook none;
    EXPECT_THROW(render_workbook(none, path, kCreated), RenderError);

    Workbook huge = sample_workbook();
    huge.sheets[0].rows[0][2] = Cell::integer(std::int64_t{1} << 60);
    const std::string msg = render_error_message([&] { render_workbook(huge, path, kCreated); });
    EXPECT_NE(msg.find("C2"), std::string::npos) << msg;

    Workbook wide = sample_workbook();
    wide.sheets[0].columns[0].width = -1;
    EXPECT_THROW(render_workbook(wide, path, kCreated), RenderError);
    EXPECT_FALSE(fs::exists(path));
}

TEST(XlsxRenderer, ManyRowsAreAllWritten) {
    TempDir dir;
    const std::string path = dir.file("many.xlsx");
    Table t;
    t.name = "Dossiers";
    t.columns = {{"Nummer", 10}, {"Bedrag", 12}};
    t.autofilter = true;
    const std::size_t n = 3000;
    for (std::size_t i = 0; i < n; ++i)
        t.rows.push_back({Cell::integer(static_cast<std::int64_t>(i)), Cell::money(Money::cents(static_cast<std::int64_t>(i)))});
    Workbook wb;
    wb.title = "many";
    wb.sheets = {t};
    render_workbook(wb, path, kCreated);
    const Dump d = read_workbook(path);
    EXPECT_EQ(field(d.sheet_lines.at("Dossiers"), "auto_filter"), "\"A1:B3001\"");
    EXPECT_EQ(d.cells.at("Dossiers").size(), 2 + 2 * n);
    EXPECT_EQ(field(d.cells.at("Dossiers").at("B3001"), "value"), "29.99");
}

TEST(XlsxRenderer, ChartsAreWrittenAndReadBack) {
    TempDir dir;
    const std::string path = dir.file("chart.xlsx");
    Table t;
    t.name = "Baten en lasten";
    t.columns = {{"Post", 20}, {"Begroting", 14}, {"Realisatie", 14}};
    t.rows = {{Cell::text("Rijksbijdrage"), Cell::money(Money::euros(125000)), Cell::money(Money::euros(125000))},
              {Cell::text("Gemeenten"), Cell::money(Money::euros(237000)), Cell::money(Money::euros(236000))}};
    vhh::Chart chart;
    chart.title = "Begroting en realisatie";
    chart.series = {{"Begroting", Table::range(t.name, 0, 1, 0), Table::range(t.name, 0, 1, 1)},
                    {"Realisatie", Table::range(t.name, 0, 1, 0), Table::range(t.name, 0, 1, 2)}};
    chart.row = 4;
    t.charts.push_back(chart);
    vhh::Chart pie;
    pie.type = vhh::Chart::Type::pie;
    pie.series = {{"Baten", Table::range(t.name, 0, 1, 0), Table::range(t.name, 0, 1, 2)}};
    pie.row = 20;
    t.charts.push_back(pie);
    Workbook wb;
    wb.title = "charts";
    wb.sheets = {t};
    render_workbook(wb, path, kCreated);
    const Dump d = read_workbook(path);
    EXPECT_EQ(field(d.sheet_lines.at("Baten en lasten"), "charts"), "2");
    EXPECT_EQ(Table::range("Baten en lasten", 0, 1, 2), "'Baten en lasten'!$C$2:$C$3");

    Workbook bad = wb;
    bad.sheets[0].charts[0].series.clear();
    EXPECT_THROW(render_workbook(bad, dir.file("bad.xlsx"), kCreated), RenderError);
}
