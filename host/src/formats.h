// Text output of the query commands: `vhh bijdragen` and `vhh plugins` as table, csv or json.
#pragma once

#include <string>
#include <vector>

#include "plugins/plugin_loader.h"
#include "vhh/begroting.h"
#include "vhh/contribution.h"
#include "vhh/partner.h"
#include "vhh/region.h"
#include "vhh/text.h"  // display_width and pad, for the text tables here and in pipeline.cpp

namespace vhh::host {

/// The start of every CSV document vhh writes: a UTF-8 byte order mark, so that Excel reads the
/// text as UTF-8 ("Súdwest-Fryslân", "€") instead of the Windows code page.
inline constexpr const char *kCsvBom = "\xEF\xBB\xBF";

/// A text field of user data (a name, an id) in a CSV line: quoted when it holds ';', '"' or a line
/// break, and, when it starts with a character a spreadsheet takes for a formula (=, +, -, @, tab,
/// CR), prefixed with a single quote and quoted, as OWASP's CSV-injection guidance asks. Numbers
/// (amounts, counts) are not user text and are written as they are, so "-3,21" stays a number.
std::string csv_field(const std::string &s);

/// Contributions as an aligned text table with totals per source and overall.
std::string bijdragen_table(const Region &region, const std::vector<ContributionLine> &lines);
/// Contributions as CSV for Dutch Excel: UTF-8 BOM, ';' separated, header row, amounts in cents and in
/// Dutch notation (numbers as they are), names that look like formulas neutralised with a quote.
std::string bijdragen_csv(const std::vector<ContributionLine> &lines);
/// Contributions as JSON: {"region","year","lines":[...],"totals":{...,"total"}} with amount_cents.
std::string bijdragen_json(const Region &region, const std::vector<ContributionLine> &lines);

/// The partner registry as an aligned table, with werkplek-maanden in the boekjaar and totals.
std::string partners_table(const Region &region, const std::vector<Partner> &partners);
/// `vhh begroting` as a table: posten × jaren, then the bijdrage per gemeente × jaren.
std::string begroting_table(const Region &region, const Meerjarenraming &raming);
/// `vhh begroting --format csv`: BOM, ';', a header row; one row per post and per bijdrage and year.
std::string begroting_csv(const Meerjarenraming &raming);
/// `vhh begroting --format json` (DESIGN.md): {"region", "begrotingsjaar", "jaren", "posten": [{"code",
/// "naam", "soort", "categorie", "taakveld", "incidenteel", "bedragen_cents", "basis"}], "bijdragen":
/// [{"payer_id", "payer", "bedragen_cents"}], "totalen_cents": {"baten", "lasten", "bijdragen"} per jaar}.
std::string begroting_json(const Region &region, const Meerjarenraming &raming);

/// The partner registry as CSV, like bijdragen_csv: BOM, ';', header row, formulas neutralised.
std::string partners_csv(const Region &region, const std::vector<Partner> &partners);
/// The partner registry as JSON: {"region","year","partners":[...],"totals":{...}}.
std::string partners_json(const Region &region, const std::vector<Partner> &partners);

/// Discovered plugins as an aligned table (name, version, ABI, kinds, status, path).
std::string plugins_table(const PluginRegistry &registry);
/// Discovered plugins as JSON, with each plugin's settings table.
std::string plugins_json(const PluginRegistry &registry);

}  // namespace vhh::host
