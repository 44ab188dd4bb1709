// importer.debet-credit: ledger exports with separate Debet and Credit columns, as many financial
// systems (and spreadsheets saved as CSV with English settings) write them — fields separated by ',',
// an optional UTF-8 BOM, quoted fields (a description may hold ',' and line breaks), lines ending in
// \n or \r\n, a header row, ISO dates (yyyy-mm-dd) and amounts with a decimal point and no thousands
// separators (1234.56). The amount of a line is debet − credit: costs positive, income (credit)
// negative. Column names are the importer's settings (defaults: Datum, Kostenplaats,
// Grootboekrekening, Debet, Credit and the optional Omschrijving). Every problem is a located error
// FILE:LINE:COL with exit code 65, every one of the file in one run; lines with a problem are left out.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vhh/plugin.h"

namespace vhh::importer_debet_credit {

/// The plugin's settings table (declared once: validates and documents).
extern const vhh_setting_spec kSettings[6];

/// Column names of the export.
struct Kolommen {
    std::string datum = "Datum";
    std::string kostenplaats = "Kostenplaats";
    std::string rekening = "Grootboekrekening";
    std::string debet = "Debet";
    std::string credit = "Credit";
    std::string omschrijving = "Omschrijving";  ///< optional in the file
};

/// Reads the column names from the settings. Errors (78, at the setting, key path prefixed with
/// `key_prefix`): an empty name, two settings naming the same column. Nothing when there was one.
std::optional<Kolommen> read_kolommen(const Settings &settings, const std::string &key_prefix, Diagnostics &diag);

/// Parses one Debet or Credit field: empty (nothing booked on that side, 0) or a decimal amount with a
/// point and at most two decimals, optionally negative (a correction): "1234.56", "0.5", "-12".
/// Nothing for anything else ("1.234,56", "1,234.56", "€ 12", "12.345").
std::optional<Money> parse_amount(std::string_view text);

/// Reads a ledger export (in pieces when `file` is a stream), handing each good line to `sink` as
/// it is read; lines with a problem are left out. Errors (65, located in `file.path`): CSV syntax; an empty file; a header that
/// is one field with ';' or tabs in it (another format); a required column missing from the header
/// or a column read named twice in it; a line with another number of fields than the header; a date
/// that is not yyyy-mm-dd or not a real day; a Debet or Credit that is not an amount (see
/// parse_amount) or beyond € 1.000.000.000,00 either way; a line with both Debet and Credit empty.
/// Each LedgerLine's `where` is its line and the column of its date. `key_prefix` prefixes the
/// settings named in hints ("plugins[5]").
void read_ledger(const InputFile &file, const Kolommen &kolommen, const std::string &key_prefix, Diagnostics &diag,
                 LedgerSink &sink);

/// The plugin object (kind IMPORT). Its settings are checked at the first import; a settings error
/// is reported once however many files are imported.
class DebetCreditImporter : public Plugin {
public:
    void import_ledger(ImportContext &ctx, const InputFile &file, LedgerSink &sink) override;

private:
    bool checked_ = false;
    std::optional<Kolommen> kolommen_;
};

}  // namespace vhh::importer_debet_credit
