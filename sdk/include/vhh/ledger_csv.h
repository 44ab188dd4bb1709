// What every CSV ledger importer needs, whatever the format of its fields: the header row resolved
// against the columns the format reads (names from the importer's settings, matched without regard
// to case and surrounding spaces), every record checked for its number of fields, and every problem
// a located error FILE:LINE:COL with exit code 65. The file is read in pieces when the host hands
// it over as a stream (CsvReader). importer.csv-nl and importer.debet-credit are built on it; a new
// CSV importer writes only the parsing of its own fields (docs/plugins.md, "Importer plugins").
//
//     auto t = vhh::ledger_csv::open(file, ';', columns, ctx.key_path(), hint, ctx.diagnostics());
//     if (!t) return;                                   // the header's errors are reported
//     vhh::CsvRecordView r;
//     while (t->next(r, diag)) {
//         if (!vhh::ledger_csv::width_ok(*t, r, diag)) continue;
//         std::string_view bedrag = vhh::ledger_csv::field(*t, r, kBedrag);   // kBedrag: its index in columns
//         ...                                           // errors at vhh::ledger_csv::at(*t, r, kBedrag)
//     }
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vhh/csv.h"
#include "vhh/plugin.h"
#include "vhh/diagnostics.h"
#include "vhh/money.h"
#include "vhh/settings.h"

namespace vhh::ledger_csv {

/// A column a ledger format reads.
struct Column {
    std::string name;      ///< its name in the file's header, e.g. "Bedrag" (from the importer's settings)
    std::string setting;   ///< the setting that names it, e.g. "kolom_bedrag"
    bool required = true;  ///< false: the file may lack it (then its fields read as "")
};

/// A ledger export with a usable header, read one data record at a time (the fields are views into
/// the file's text: nothing of the file is copied but what the importer keeps).
class Table {
public:
    std::string path;              ///< the file, as errors name it
    char separator = ';';          ///< the field separator
    int header_line = 1;           ///< line of the header row
    std::size_t width = 0;         ///< number of fields of the header
    std::vector<int> index;        ///< per requested column: its field index, or -1 when absent

    /// A table of `file` (which must outlive it) with `separator`: its stream read in pieces when
    /// it has one, else its contents.
    Table(const InputFile &file, char separator);

    /// Reads the next record that is not blank into `r`, reporting the CSV syntax errors met on
    /// the way (65, located); false at the end of the file. The first one is the header.
    bool next(CsvRecordView &r, Diagnostics &diag);

    /// Reads to the end of the file only to report its syntax errors.
    void finish(Diagnostics &diag);

    /// The number of line ends in the file (see CsvReader::line_ends), to reserve for.
    std::size_t line_ends() const { return reader_.line_ends(); }

private:
    void report_errors(Diagnostics &diag);

    CsvReader reader_;
    std::size_t errors_reported_ = 0;
};

/// The largest amount of one ledger line either way, in cents: € 1.000.000.000,00. Larger amounts
/// are refused (65): no Veiligheidshuis books them, and sums of them would not fit a workbook cell.
inline constexpr std::int64_t kMaxAmountCents = 100'000'000'000;

/// Reads the column names from an importer's settings (`columns[i].setting` → `columns[i].name`;
/// keys the settings do not have keep the name given). Errors (78, at the setting, key path
/// prefixed with `key_prefix`): an empty name, two settings naming the same column.
/// Returns nothing when there was one.
std::optional<std::vector<Column>> columns_from_settings(std::vector<Column> columns, const Settings &settings,
                                                         const std::string &key_prefix, Diagnostics &diag);

/// Starts reading `file` (optional UTF-8 BOM, quoted fields, \n or \r\n) with `separator`, in
/// pieces when it is a stream, and resolves the header: the first record that is not blank (lines
/// of only separators and spaces, as spreadsheets write empty rows, are skipped before it as after
/// it). `file` must outlive the table. Errors (65, located in the file, all reported): CSV
/// syntax; an empty file; a header that is one field holding another separator (a file of another
/// format: `format_hint` says which this importer reads); a required column missing (at the header,
/// with the columns found and the setting to change, prefixed with `key_prefix`); a column read
/// named twice in the header (at the second). Nothing when the header cannot be used (the syntax
/// errors of the whole file are reported then too); syntax errors after the header are reported
/// as Table::next reaches them.
std::optional<Table> open(const InputFile &file, char separator,
                          const std::vector<Column> &columns, const std::string &key_prefix,
                          const std::string &format_hint, Diagnostics &diag);

/// True when `r` has as many fields as the header; otherwise reports a located error (65) at the
/// first field too many, or at the last field of a line that has too few, and returns false.
bool width_ok(const Table &t, const CsvRecordView &r, Diagnostics &diag);

/// The text of requested column `c` of `r`, without surrounding spaces ("" for an absent column);
/// a view valid as long as `r`'s.
std::string_view field(const Table &t, const CsvRecordView &r, std::size_t c);

/// Where requested column `c` of `r` starts (column 1 of the line for an absent column).
SourceLocation at(const Table &t, const CsvRecordView &r, std::size_t c);

/// Sets `where` to where requested column `c` of `r` starts (as at()), reusing its storage: for a
/// LedgerLine kept across records.
void locate(const Table &t, const CsvRecordView &r, std::size_t c, SourceLocation &where);

/// `text` without surrounding spaces, tabs and carriage returns.
std::string_view trim(std::string_view text);

/// True when |amount| is at most kMaxAmountCents; otherwise reports a located error (65) saying
/// what `text` (in column `column`) was and returns false.
bool amount_in_range(Money amount, std::string_view text, const std::string &column, const SourceLocation &where,
                     Diagnostics &diag);

}  // namespace vhh::ledger_csv
