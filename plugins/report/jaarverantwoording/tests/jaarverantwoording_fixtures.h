// The fixtures of report.jaarverantwoording's tests: its settings and region as a user writes them,
// read by the host's own validator and config reader through the SDK's test kit; contribution lines
// and a ledger export; the report phase on the kit's fake context (ledgers read by importer.csv-nl,
// routed by the kit); a located-error check; the ledger mapped to posten; tables and cells of a document.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "csv_nl.h"
#include "debiteurenstand.h"
#include "jaarverantwoording.h"
#include "resultaatbestemming.h"
#include "vergadering_rule.h"
#include "vhh/testing.h"
#include "vhh/testing_region.h"

namespace jv_test {

using namespace vhh;
using namespace vhh::jaarverantwoording;

inline const std::string kFile = "/cfg/jaarverantwoording.yaml";

// ---- settings and region as a user writes them, read by the host's own readers (the test kit) -----

/// Where the settings come from: the plugin's `bestand:` at plugins[3] of the config.
inline const vhh::testing::SettingsSource kSource{kFile, "plugins[3]", "report.jaarverantwoording"};

/// A small but complete configuration: one programma, baten from lines, lasten from the ledger
/// (the line numbers are those of the file; tests add settings from line 19).
inline const std::string kBase = R"(# report.jaarverantwoording, settings of the tests
vergadering_algemeen_bestuur: 2014-06-26
programmas:
  - {code: P1, naam: Veiligheidshuis,
     bereiken: "Minder overlast.\n",
     gedaan: "Procesregie.\n"}
posten:
  - {code: GEM, naam: Post GEM, soort: baten, categorie: gemeentelijke_bijdragen, begroting_primitief: 100000.00, lijnen: [inwonerbijdrage]}
  - {code: RIJK, naam: Post RIJK, soort: baten, categorie: rijksbijdrage, begroting_primitief: 50000.00, lijnen: [rijksbijdrage]}
  - {code: PERS, naam: Post PERS, soort: lasten, categorie: personeel, programma: P1, begroting_primitief: 90000.00}
  - {code: HUIS, naam: Post HUIS, soort: lasten, categorie: huisvesting, programma: P1, begroting_primitief: 60000.00}
grootboek: grootboek.csv
toewijzing:
  - {kostenplaats: "100", post: PERS}
  - {kostenplaats: "200", post: HUIS}
drempel_percentage: 5
drempel_bedrag: 15000.00
minimum_celwaarde: 5
)";

/// `yaml` with its lines `first` … `last` (from 1) replaced by `text` (whole lines); with last =
/// first - 1, `text` is inserted before line `first`.
inline std::string lines_replaced(const std::string &yaml, int first, int last, const std::string &text) {
    std::size_t from = 0;
    for (int n = 1; n < first; ++n) from = yaml.find('\n', from) + 1;
    std::size_t to = from;
    for (int n = first; n <= last; ++n) to = yaml.find('\n', to) + 1;
    return yaml.substr(0, from) + text + yaml.substr(to);
}

/// The region of the tests: three Zeeland gemeenten in boekjaar 2013, read by the host's config reader.
inline const Region &region() {
    static const Region r = [] {
        vhh::testing::TestRegion t;
        t.boekjaar = 2013;
        t.centrumgemeente = "GM0687";
        auto g = [](const char *c, const char *n, std::int64_t inw) {
            Gemeente x;
            x.code = c;
            x.naam = n;
            x.inwoners = inw;
            return x;
        };
        t.gemeenten = {g("GM0687", "Middelburg", 48019), g("GM0654", "Borsele", 22551),
                       g("GM1695", "Noord-Beveland", 7339)};
        return t.region();
    }();
    return r;
}

/// The settings `yaml` as the host's validator reads the plugin's bestand (defaults filled in); its
/// errors go to `diag`.
inline Settings settings(const std::string &yaml, Diagnostics &diag) {
    return vhh::testing::settings_from_yaml(kSettings, yaml, diag, region(), kSource);
}

/// Same, for settings the validator must accept.
inline Settings settings(const std::string &yaml) {
    Diagnostics diag;
    Settings s = settings(yaml, diag);
    if (diag.has_errors()) throw std::invalid_argument(diag.format_all());
    return s;
}

inline Settings base_settings() { return settings(kBase); }

inline ContributionLine line(const std::string &source, const std::string &payer, std::int64_t cents) {
    ContributionLine l;
    l.source = source;
    l.payer_id = payer;
    l.payer = payer;
    l.amount = Money::cents(cents);
    l.basis = "test";
    return l;
}

inline std::vector<ContributionLine> lines() {
    return {line("inwonerbijdrage", "GM0687", 6000000), line("inwonerbijdrage", "GM0654", 3000000),
            line("inwonerbijdrage", "GM1695", 1000000), line("rijksbijdrage", "GM0687", 5000000)};
}

inline const char *const kLedger =
    "\xEF\xBB\xBF"
    "Datum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag\r\n"
    "25-01-2013;100;4000;Salaris januari;4.500,00\r\n"
    "25-02-2013;100;4000;\"Salaris; februari\";4.000,50\r\n"
    "31-03-2013;200;4200;Huur;6.100,00\r\n"
    "15-04-2013;200;4210;Creditnota;-100,25\r\n";

struct ReportRun {
    Diagnostics diag;
    std::vector<doc::Document> documents;
    std::vector<std::string> importer_calls;  ///< "importer path" per import_ledger call
};

/// The report phase on a fake context: `files` (names relative to the settings file) in memory, and
/// ledgers read by importer.csv-nl with its default columns, as the host routes them; any other
/// importer is a missing one (78 at the setting).
inline ReportRun run(const Settings &s, std::map<std::string, std::string> files, std::vector<ContributionLine> l = lines()) {
    vhh::testing::FakeReportContext ctx(s, region());
    for (auto &[name, bytes] : files) ctx.files.add("/cfg/" + name, std::move(bytes));
    importer_csv_nl::CsvNlImporter csv_nl;
    ctx.importers.add("importer.csv-nl", csv_nl, vhh::testing::settings_from_yaml(importer_csv_nl::kSettings, ""));
    ctx.set_lines(std::move(l));
    run_report(ctx, "plugins[3]");
    ReportRun out;
    out.diag = ctx.diag();
    out.documents = std::move(ctx.documents);
    out.importer_calls = ctx.importers.calls;
    return out;
}

/// The one error recorded, checked for exit code, file, line and a piece of the message.
inline void expect_error(const Diagnostics &d, ExitCode code, const std::string &file, int line, const std::string &text,
                         int column = -1) {
    bool found = false;
    for (const auto &x : d.all())
        if (x.severity == Severity::error && x.code == code && x.where.file == file && x.where.line == line &&
            (x.message + x.key_path).find(text) != std::string::npos && (column < 0 || x.where.column == column))
            found = true;
    EXPECT_TRUE(found) << "no error " << static_cast<int>(code) << " at " << file << ":" << line << " with '" << text
                       << "':\n"
                       << d.format_all();
}

inline Config config() {
    Diagnostics d;
    auto c = read_config(base_settings(), region(), d, "plugins[3]");
    if (!c) throw std::runtime_error(d.format_all());
    return *c;
}

/// The ledger `csv` read by importer.csv-nl (default columns) and mapped to posten for `boekjaar`.
inline Grootboek read(const std::string &path, const std::string &csv, const Config &c, int boekjaar, Diagnostics &d) {
    GrootboekBoeking boeking(c, boekjaar, d);
    importer_csv_nl::read_ledger({path, csv}, {}, "plugins[4]", d, boeking);
    return boeking.result();
}

inline LedgerLine ledger_line(const char *kp, const char *rek, std::int64_t cents, int line, Date datum = {2013, 1, 25}) {
    LedgerLine l;
    l.datum = datum;
    l.kostenplaats = kp;
    l.rekening = rek;
    l.bedrag = Money::cents(cents);
    l.where = {"/cfg/g.csv", line, 7};
    return l;
}

inline Grootboek ledger() {
    Diagnostics d;
    return read("/cfg/grootboek.csv", kLedger, config(), 2013, d);
}

/// Every table of a document (sections, subsections, a letter's body), in order.
inline std::vector<const doc::Table *> tables(const doc::Document &d) {
    std::vector<const doc::Table *> out;
    std::function<void(const std::vector<doc::Block> &)> blocks = [&](const std::vector<doc::Block> &bs) {
        for (const auto &b : bs)
            if (const auto *t = std::get_if<doc::Table>(&b)) out.push_back(t);
    };
    std::function<void(const std::vector<doc::Section> &)> sections = [&](const std::vector<doc::Section> &ss) {
        for (const auto &s : ss) {
            blocks(s.blocks);
            sections(s.sections);
        }
    };
    sections(d.sections);
    if (d.letter) blocks(d.letter->body);
    return out;
}

inline const doc::Table &table(const doc::Document &d, const std::string &id) {
    for (const doc::Table *t : tables(d))
        if (t->id == id) return *t;
    throw std::runtime_error("no table " + id);
}

/// The cell named `name` anywhere in the document.
inline const doc::Cell &named(const doc::Document &d, const std::string &name) {
    for (const doc::Table *t : tables(d))
        for (const auto &r : t->rows)
            for (const auto &c : r.cells)
                if (c.name == name) return c;
    throw std::runtime_error("no cell " + name);
}

inline std::size_t charts(const doc::Document &d) {
    std::size_t n = 0;
    std::function<void(const std::vector<doc::Section> &)> sections = [&](const std::vector<doc::Section> &ss) {
        for (const auto &s : ss) {
            for (const auto &b : s.blocks) n += std::holds_alternative<doc::Chart>(b) ? 1 : 0;
            sections(s.sections);
        }
    };
    sections(d.sections);
    return n;
}

}  // namespace jv_test
