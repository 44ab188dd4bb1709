// {{plugin}}: {{beschrijving}}
// Reads a ledger export separated by `scheidingsteken` with the columns Datum (yyyy-mm-dd),
// Kostenplaats, Rekening and Bedrag (1234.56), their names in the header row, and hands every line
// to the sink as it reads it. The SDK's ledger_csv helper does the header, the number of fields and
// the located errors (FILE:LINE:COL, exit 65); replace the parsing of the fields with your format's.
#pragma once

#include <string>

#include <vhh/ledger_csv.h>
#include <vhh/plugin.h>

namespace {{ident}}_plugin {

/// The plugin's settings, as the host hands them over after validating them.
struct Instellingen {
    std::string scheidingsteken;  ///< one character
};

/// The settings table: every row bound to a member of Instellingen (validated and documented by the host).
extern const vhh::SettingsTable<Instellingen> kSettings;

/// The plugin object (kind IMPORT).
class {{klasse}} : public vhh::Plugin {
public:
    void import_ledger(vhh::ImportContext &ctx, const vhh::InputFile &file, vhh::LedgerSink &sink) override;
};

}  // namespace {{ident}}_plugin
