// importer.csv-nl: ledger exports as Dutch financial systems write them — fields separated by ';',
// an optional UTF-8 BOM, quoted fields (which may hold ';' and line breaks), lines ending in \n or
// \r\n, a header row, amounts in Dutch notation (1.234,56 / -1.234,56 / 1234,56) and dates dd-mm-jjjj.
// Column names are the importer's settings (defaults: Datum, Kostenplaats, Grootboekrekening, Bedrag
// and the optional Omschrijving). Every problem is a located error FILE:LINE:COL with exit code 65,
// every one of the file in one run; lines with a problem are left out of the result.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vhh/plugin.h"

namespace vhh::importer_csv_nl {

/// The plugin's settings table (declared once: validates and documents).
extern const vhh_setting_spec kSettings[5];

/// Column names of the export.
struct Kolommen {
    std::string datum = "Datum";
    std::string kostenplaats = "Kostenplaats";
    std::string rekening = "Grootboekrekening";
    std::string bedrag = "Bedrag";
    std::string omschrijving = "Omschrijving";  ///< optional in the file
};

/// Reads the column names from the settings. Errors (78, at the setting, key path prefixed with
/// `key_prefix`): an empty name, two settings naming the same column. Nothing when there was one.
std::optional<Kolommen> read_kolommen(const Settings &settings, const std::string &key_prefix, Diagnostics &diag);

/// Reads a ledger export (in pieces when `file` is a stream), handing each good line to `sink` as
/// it is read; lines with a problem are left out. Errors (65, located in `file.path`): CSV syntax; an empty file; a header that is
/// one field with ',' or tabs in it (another format); a required column missing from the header or a
/// column read named twice in it; a line with another number of fields than the header; a date that
/// is not dd-mm-jjjj or not a real day; an amount that is not Dutch notation with at most two
/// decimals, or beyond € 1.000.000.000,00 either way. Each LedgerLine's `where` is its line and the
/// column of its date (so a caller's check of the date points at it). `key_prefix` prefixes the
/// settings named in hints ("plugins[5]").
void read_ledger(const InputFile &file, const Kolommen &kolommen, const std::string &key_prefix, Diagnostics &diag,
                 LedgerSink &sink);

/// The plugin object (kind IMPORT). Its settings are checked at the first import; a settings error
/// is reported once however many files are imported.
class CsvNlImporter : public Plugin {
public:
    void import_ledger(ImportContext &ctx, const InputFile &file, LedgerSink &sink) override;

private:
    bool checked_ = false;
    std::optional<Kolommen> kolommen_;
};

}  // namespace vhh::importer_csv_nl
