// Tests for report.jaarverantwoording: configuration checks, the ledger lines mapped to posten (boekjaar,
// toewijzing, sums) and the indicator import (every bad input a located error with its exit code), the
// figures (baten from lines, V/N, drempel, resultaat, afrekening by largest remainder), the documents
// and the whole report phase. Ledger files are read by importer.csv-nl's reader, as in a real run.
#include "debiteurenstand.h"
#include "jaarverantwoording.h"
#include "resultaatbestemming.h"
#include "vergadering_rule.h"

#include "csv_nl.h"

#include <gtest/gtest.h>

#include "vhh/testing.h"
#include "vhh/testing_region.h"

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <stdexcept>

namespace {

using namespace vhh;
using namespace vhh::jaarverantwoording;

const std::string kFile = "/cfg/jaarverantwoording.yaml";

// ---- settings and region as a user writes them, read by the host's own readers (the test kit) -----

/// Where the settings come from: the plugin's `bestand:` at plugins[3] of the config.
const vhh::testing::SettingsSource kSource{kFile, "plugins[3]", "report.jaarverantwoording"};

/// A small but complete configuration: one programma, baten from lines, lasten from the ledger
/// (the line numbers are those of the file; tests add settings from line 19).
const std::string kBase = R"(# report.jaarverantwoording, settings of the tests
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
std::string lines_replaced(const std::string &yaml, int first, int last, const std::string &text) {
    std::size_t from = 0;
    for (int n = 1; n < first; ++n) from = yaml.find('\n', from) + 1;
    std::size_t to = from;
    for (int n = first; n <= last; ++n) to = yaml.find('\n', to) + 1;
    return yaml.substr(0, from) + text + yaml.substr(to);
}

/// The region of the tests: three Zeeland gemeenten in boekjaar 2013, read by the host's config reader.
const Region &region() {
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
Settings settings(const std::string &yaml, Diagnostics &diag) {
    return vhh::testing::settings_from_yaml(kSettings, yaml, diag, region(), kSource);
}

/// Same, for settings the validator must accept.
Settings settings(const std::string &yaml) {
    Diagnostics diag;
    Settings s = settings(yaml, diag);
    if (diag.has_errors()) throw std::invalid_argument(diag.format_all());
    return s;
}

Settings base_settings() { return settings(kBase); }

ContributionLine line(const std::string &source, const std::string &payer, std::int64_t cents) {
    ContributionLine l;
    l.source = source;
    l.payer_id = payer;
    l.payer = payer;
    l.amount = Money::cents(cents);
    l.basis = "test";
    return l;
}

std::vector<ContributionLine> lines() {
    return {line("inwonerbijdrage", "GM0687", 6000000), line("inwonerbijdrage", "GM0654", 3000000),
            line("inwonerbijdrage", "GM1695", 1000000), line("rijksbijdrage", "GM0687", 5000000)};
}

const char *kLedger =
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
ReportRun run(const Settings &s, std::map<std::string, std::string> files, std::vector<ContributionLine> l = lines()) {
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
void expect_error(const Diagnostics &d, ExitCode code, const std::string &file, int line, const std::string &text,
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

// ---- configuration ------------------------------------------------------------------------------

TEST(Config, ReadsPostsAndDefaults) {
    Diagnostics d;
    auto c = read_config(base_settings(), region(), d, "plugins[3]");
    ASSERT_TRUE(c) << d.format_all();
    EXPECT_EQ(c->posten.size(), 4u);
    EXPECT_EQ(c->posten[2].na_wijziging, Money::euros(90000));  // defaults to primitief
    EXPECT_EQ(c->grootboek_importer, "importer.csv-nl");
    EXPECT_EQ(c->key("posten[1].code"), "plugins[3].posten[1].code");
    EXPECT_EQ(c->posten[0].key_path, "plugins[3].posten[0]");
}

TEST(Config, StructuralErrorsAre78AndLocated) {
    // Six more posten (lines 12-17), other toewijzing rules (20-21), a restpost and a combinatie (25-26).
    std::string yaml = lines_replaced(
        kBase, 12, 11,
        "  - {code: X, naam: Post X, soort: uitgaven, categorie: personeel, programma: P1, begroting_primitief: 1.00}\n"
        "  - {code: Y, naam: Post Y, soort: lasten, categorie: rijksbijdrage, programma: P1, begroting_primitief: 1.00}\n"
        "  - {code: Z, naam: Post Z, soort: lasten, categorie: ict, programma: P9, begroting_primitief: 1.00}\n"
        "  - {code: PERS, naam: Post PERS, soort: lasten, categorie: ict, programma: P1, begroting_primitief: 1.00}\n"
        "  - {code: L, naam: Post L, soort: lasten, categorie: ict, programma: P1, begroting_primitief: 1.00, "
        "lijnen: [inwonerbijdrage]}\n"
        "  - {code: F, naam: Post F, soort: lasten, categorie: personeel, programma: P1, begroting_primitief: 1.00, "
        "fte: \"0,666\"}\n");
    yaml = lines_replaced(yaml, 20, 21, "  - {kostenplaats: \"100\", post: NOPE}\n  - {post: PERS}\n");
    yaml += "restpost: NIKS\ndrempel_combinatie: beide\n";
    Diagnostics d;
    const Settings s = settings(yaml, d);
    ASSERT_FALSE(d.has_errors()) << d.format_all();  // all of them the plugin's to find
    EXPECT_FALSE(read_config(s, region(), d, "plugins[3]"));
    expect_error(d, ExitCode::config, kFile, 12, "unknown soort 'uitgaven'");
    expect_error(d, ExitCode::config, kFile, 13, "not allowed for lasten");
    expect_error(d, ExitCode::config, kFile, 14, "unknown programma 'P9'");
    expect_error(d, ExitCode::config, kFile, 15, "declared twice");
    expect_error(d, ExitCode::config, kFile, 16, "only baten posten");
    expect_error(d, ExitCode::config, kFile, 17, "fte");
    expect_error(d, ExitCode::config, kFile, 20, "unknown post 'NOPE'");
    expect_error(d, ExitCode::config, kFile, 21, "needs a kostenplaats, a rekening or both");
    expect_error(d, ExitCode::config, kFile, 25, "restpost");
    expect_error(d, ExitCode::config, kFile, 26, "drempel_combinatie");
    for (const auto &x : d.all()) EXPECT_NE(x.key_path.find("plugins[3]"), std::string::npos) << x.format();
}

TEST(Config, ToewijzingMatching) {
    Toewijzing r;
    r.rekening = "41*";
    EXPECT_TRUE(r.matches("any", "4100"));
    EXPECT_TRUE(r.matches("any", "41"));
    EXPECT_FALSE(r.matches("any", "4"));
    EXPECT_FALSE(r.matches("any", "4200"));
    r.kostenplaats = "100";
    EXPECT_FALSE(r.matches("200", "4100"));
    r.rekening = "4000";
    EXPECT_TRUE(r.matches("100", "4000"));
    EXPECT_FALSE(r.matches("100", "40000"));
}

// ---- ledger -------------------------------------------------------------------------------------

Config config() {
    Diagnostics d;
    auto c = read_config(base_settings(), region(), d, "plugins[3]");
    if (!c) throw std::runtime_error(d.format_all());
    return *c;
}

/// The ledger `csv` read by importer.csv-nl (default columns) and mapped to posten for `boekjaar`.
Grootboek read(const std::string &path, const std::string &csv, const Config &c, int boekjaar, Diagnostics &d) {
    GrootboekBoeking boeking(c, boekjaar, d);
    importer_csv_nl::read_ledger({path, csv}, {}, "plugins[4]", d, boeking);
    return boeking.result();
}

LedgerLine ledger_line(const char *kp, const char *rek, std::int64_t cents, int line, Date datum = {2013, 1, 25}) {
    LedgerLine l;
    l.datum = datum;
    l.kostenplaats = kp;
    l.rekening = rek;
    l.bedrag = Money::cents(cents);
    l.where = {"/cfg/g.csv", line, 7};
    return l;
}

TEST(Grootboek, SumsPerPostToTheCent) {
    Diagnostics d;
    Grootboek g = read("/cfg/grootboek.csv", kLedger, config(), 2013, d);
    EXPECT_FALSE(d.has_errors()) << d.format_all();
    EXPECT_EQ(g.per_post["PERS"].in_cents(), 850050);
    EXPECT_EQ(g.per_post["HUIS"].in_cents(), 599975);
    EXPECT_EQ(g.aantal["PERS"], 2);
    EXPECT_EQ(g.aantal["HUIS"], 2);
    EXPECT_EQ(g.per_post.size(), 2u);  // only posts with lines
    EXPECT_EQ(g.aantal.size(), 2u);
}

TEST(Grootboek, BoekjaarAndMappingErrorsAreLocated65) {
    Diagnostics d;
    read("/cfg/grootboek.csv",
         "Kenmerk;Datum;Kostenplaats;Grootboekrekening;Bedrag\n"
         "a;25-01-2013;100;4000;1.000,00\n"
         "b;25-01-2012;100;4000;10,00\n"   // line 3: outside boekjaar, at the date
         "c;25-01-2013;999;4000;10,00\n"   // line 4: unknown kostenplaats, at the line
         "d;31-12-2014;999;4000;10,00\n",  // line 5: both
         config(), 2013, d);
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 3, "date 25-01-2012 is outside boekjaar 2013", 3);
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 4,
                 "kostenplaats '999' with grootboekrekening '4000' maps to no post", 0);
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 5, "date 31-12-2014 is outside boekjaar 2013", 3);
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 5, "maps to no post", 0);
    EXPECT_EQ(d.error_count(), 4u) << d.format_all();
    for (const auto &x : d.all()) EXPECT_NE(x.hint, "");
}

TEST(Grootboek, FormatErrorsOfTheImporterAndMappingErrorsInOneRun) {
    const std::string csv =
        "Datum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag\n"
        "25-01-2013;100;4000;ok;1.000,00\n"
        "25-01-2013;100;4000;te weinig velden\n"          // line 3: field count (importer)
        "25-01-2013;100;4000;bedrag;1,234.56\n"           // line 4: amount (importer)
        "2013-01-25;100;4000;datum;10,00\n"               // line 5: date format (importer)
        "25-01-2012;100;4000;vorig jaar;10,00\n"          // line 6: outside boekjaar
        "31-02-2013;100;4000;geen dag;10,00\n"            // line 7: not a date (importer)
        "25-01-2013;999;4000;onbekend;10,00\n";           // line 8: unknown kostenplaats
    Diagnostics d;
    Grootboek g = read("/cfg/grootboek.csv", csv, config(), 2013, d);
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 3, "fields");
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 4, "1,234.56", 28);
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 5, "dd-mm-jjjj", 1);
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 6, "outside boekjaar 2013", 1);
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 7, "31-02-2013", 1);
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 8, "maps to no post", 0);
    EXPECT_EQ(d.error_count(), 6u) << d.format_all();
    EXPECT_EQ(d.exit_code(), ExitCode::data);
    for (const auto &x : d.all()) EXPECT_EQ(x.severity, Severity::error);
    EXPECT_EQ(g.per_post["PERS"].in_cents(), 100000);  // the good line is still counted
}

TEST(Grootboek, RestpostTakesUnmappedLines) {
    Config c = config();
    c.restpost = "HUIS";
    Diagnostics d;
    Grootboek g = boek_grootboek({ledger_line("999", "1", 500, 2)}, c, 2013, d);
    EXPECT_FALSE(d.has_errors()) << d.format_all();
    EXPECT_EQ(g.per_post["HUIS"].in_cents(), 500);
}

TEST(Grootboek, FirstMatchingRuleWins) {
    Config c = config();
    c.toewijzing.insert(c.toewijzing.begin(), {"100", "41*", "HUIS", {}, ""});
    Diagnostics d;
    Grootboek g = boek_grootboek({ledger_line("100", "4100", 100, 2), ledger_line("100", "4000", 200, 3),
                                  ledger_line("100", "41", 400, 4)},
                                 c, 2013, d);
    EXPECT_FALSE(d.has_errors()) << d.format_all();
    EXPECT_EQ(g.per_post["HUIS"].in_cents(), 500);
    EXPECT_EQ(g.per_post["PERS"].in_cents(), 200);
    EXPECT_EQ(g.aantal["HUIS"], 2);
}

TEST(Grootboek, BatenNegatiefNegatesBaten) {
    Config c = config();
    c.toewijzing.push_back({"800", "", "RIJK", {}, ""});
    c.baten_negatief = true;
    Diagnostics d;
    Grootboek g = boek_grootboek({ledger_line("800", "8000", -100000, 2), ledger_line("100", "4000", 25000, 3)}, c,
                                 2013, d);
    EXPECT_EQ(g.per_post["RIJK"].in_cents(), 100000);
    EXPECT_EQ(g.per_post["PERS"].in_cents(), 25000);  // lasten keep their sign
}

TEST(Grootboek, APostBeyondTheLimitIsOneLocatedError) {
    // An importer that lets anything through: the sums still cannot overflow or pass a cell.
    Config c = config();
    c.toewijzing.push_back({"800", "", "RIJK", {}, ""});
    c.baten_negatief = true;
    Diagnostics d;
    const std::int64_t max = kMaxPostCents;
    Grootboek g = boek_grootboek({ledger_line("100", "4000", max, 2), ledger_line("100", "4000", 1, 3),
                                  ledger_line("100", "4000", 1, 4), ledger_line("200", "4200", INT64_MIN, 5),
                                  ledger_line("800", "8000", INT64_MIN, 6), ledger_line("800", "8000", -max, 7)},
                                 c, 2013, d);
    expect_error(d, ExitCode::data, "/cfg/g.csv", 3, "post 'PERS' add up to more than");
    expect_error(d, ExitCode::data, "/cfg/g.csv", 5, "post 'HUIS'");
    expect_error(d, ExitCode::data, "/cfg/g.csv", 6, "post 'RIJK'");
    EXPECT_EQ(d.error_count(), 3u) << d.format_all();  // once per post
    EXPECT_EQ(g.per_post["PERS"].in_cents(), max);
}

// ---- indicators ---------------------------------------------------------------------------------

TEST(Indicatoren, ReadsCountsPerThemaGemeenteAndNiveau) {
    Config c = config();
    Region r = region();
    r.herindelingen.push_back({{2013, 1, 1}, "GM1695", "Noord-Beveland", {"GM9998"}, {}});
    Diagnostics d;
    Indicatoren ind = read_indicatoren("/cfg/i.csv",
                                       "Thema;Gemeente;AVE-niveau;Aantal\nCOM;GM0687;1;3\nCOM;GM0687;2;4\n"
                                       "advies;GM0654;4;7\nCOM;GM9998;1;2\nCOM;GM1695;1;1\n",
                                       c, r, d);
    EXPECT_FALSE(d.has_errors()) << d.format_all();
    ASSERT_EQ(ind.themas, (std::vector<std::string>{"COM", "advies"}));
    EXPECT_EQ(ind.per_thema[0], (std::vector<std::int64_t>{7, 0, 3}));  // merged GM9998 counts for GM1695
    EXPECT_EQ(ind.per_thema[1], (std::vector<std::int64_t>{0, 7, 0}));
    EXPECT_TRUE(ind.met_niveau);
    EXPECT_EQ(ind.per_niveau[0], (std::vector<std::int64_t>{3, 0, 3}));
    EXPECT_EQ(ind.per_niveau[3], (std::vector<std::int64_t>{0, 7, 0}));
}

TEST(Indicatoren, BadValuesAreLocated65) {
    Config c = config();
    c.themas = {"COM", "advies"};
    Diagnostics d;
    read_indicatoren("/cfg/i.csv",
                     "Thema;Gemeente;AVE-niveau;Aantal\n"
                     "COM;GM0687;1;-3\n"      // 2: negative count
                     "COM;GM0687;1;drie\n"    // 3: not a number
                     "COM;GM0000;1;3\n"       // 4: unknown gemeente
                     "COM;GM0687;5;3\n"       // 5: niveau
                     "reclame;GM0687;1;3\n"   // 6: unknown thema
                     "COM;GM0687;1\n"         // 7: field count
                     "COM;GM0687;1;2,5\n",    // 8: not whole
                     c, region(), d);
    expect_error(d, ExitCode::data, "/cfg/i.csv", 2, "negative count", 14);
    expect_error(d, ExitCode::data, "/cfg/i.csv", 3, "whole number");
    expect_error(d, ExitCode::data, "/cfg/i.csv", 4, "GM0000", 5);
    expect_error(d, ExitCode::data, "/cfg/i.csv", 5, "AVE-niveau");
    expect_error(d, ExitCode::data, "/cfg/i.csv", 6, "unknown thema 'reclame'");
    expect_error(d, ExitCode::data, "/cfg/i.csv", 7, "fields");
    expect_error(d, ExitCode::data, "/cfg/i.csv", 8, "whole number");
}

TEST(Indicatoren, ALineRepeatingThemaGemeenteAndNiveauIsLocated65) {
    Diagnostics d;
    Indicatoren ind = read_indicatoren("/cfg/i.csv",
                                       "Thema;Gemeente;AVE-niveau;Aantal\n"
                                       "COM;GM0687;1;3\n"    // 2
                                       "COM;GM0687;2;4\n"    // 3: other niveau: fine
                                       "COM;GM0654;1;5\n"    // 4: other gemeente: fine
                                       "COM; GM0687;1;1\n",  // 5: line 2 again
                                       config(), region(), d);
    EXPECT_EQ(d.error_count(), 1u) << d.format_all();
    expect_error(d, ExitCode::data, "/cfg/i.csv", 5, "thema 'COM', gemeente GM0687, AVE-niveau 1 is already on line 2",
                 1);
    EXPECT_EQ(ind.per_thema[0][0], 7);  // 3 + 4: the double line is not added
    EXPECT_EQ(ind.regels, 3);

    Diagnostics d2;
    read_indicatoren("/cfg/i.csv", "Thema;Gemeente;Aantal\nCOM;GM0687;3\nadvies;GM0687;3\nCOM;GM0687;3\n", config(),
                     region(), d2);
    EXPECT_EQ(d2.error_count(), 1u) << d2.format_all();
    expect_error(d2, ExitCode::data, "/cfg/i.csv", 4, "thema 'COM', gemeente GM0687 is already on line 2");
}

TEST(Indicatoren, ALineOfOneFieldSaysField) {
    Diagnostics d;
    read_indicatoren("/cfg/i.csv", "Thema;Gemeente;Aantal\nCOM\n", config(), region(), d);
    expect_error(d, ExitCode::data, "/cfg/i.csv", 2, "line has 1 field, the header has 3");
}

TEST(Indicatoren, AnExportWithALinePerCasusAddsRepeatsUp) {
    Config c = config();
    c.indicatoren_per_casus = true;
    Diagnostics d;
    Indicatoren ind = read_indicatoren("/cfg/i.csv", "Thema;Gemeente;Aantal\nCOM;GM0687;1\nCOM;GM0687;1\nCOM;GM0687;1\n",
                                       c, region(), d);
    EXPECT_TRUE(d.all().empty()) << d.format_all();
    EXPECT_EQ(ind.per_thema[0][0], 3);
    EXPECT_EQ(ind.regels, 3);
}

TEST(Indicatoren, WithoutNiveauColumn) {
    Diagnostics d;
    Indicatoren ind = read_indicatoren("/cfg/i.csv", "Thema;Gemeente;Aantal\nCOM;GM0687;3\n", config(), region(), d);
    EXPECT_FALSE(d.has_errors());
    EXPECT_FALSE(ind.met_niveau);
}

// ---- figures ------------------------------------------------------------------------------------

Grootboek ledger() {
    Diagnostics d;
    return read("/cfg/grootboek.csv", kLedger, config(), 2013, d);
}

TEST(Bereken, BatenFromLinesLastenFromLedger) {
    Diagnostics d;
    Jaarrekening j = bereken(config(), region(), lines(), ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    EXPECT_EQ(j.baten_totaal.realisatie.in_cents(), 15000000);
    EXPECT_EQ(j.lasten_totaal.realisatie.in_cents(), 850050 + 599975);
    EXPECT_EQ(j.saldo.realisatie, j.baten_totaal.realisatie - j.lasten_totaal.realisatie);
    EXPECT_EQ(j.resultaat.realisatie, j.saldo.realisatie);
    const Post &pers = j.config.posten[j.config.find_post("PERS")];
    EXPECT_EQ(pers.verschil().in_cents(), 850050 - 9000000);  // realisatie − begroting na wijziging
    EXPECT_EQ(voordelig_nadelig(pers.soort, pers.verschil()), "V");
}

TEST(Bereken, UnbudgetedSourceBecomesAPostAndAfrekeningIsNotBaten) {
    auto l = lines();
    l.push_back(line("werkplekhuur", "om", 1000000));
    l.push_back(line("afrekening", "GM0687", -100));
    Diagnostics d;
    Jaarrekening j = bereken(config(), region(), l, ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    const int p = j.config.find_post("niet-begroot-werkplekhuur");
    ASSERT_GE(p, 0);
    EXPECT_TRUE(j.config.posten[p].niet_begroot);
    EXPECT_EQ(j.config.posten[p].soort, Soort::baten);
    EXPECT_EQ(j.baten_totaal.realisatie.in_cents(), 16000000);  // afrekening left out
    // The new post sits with the baten, before the lasten.
    EXPECT_LT(static_cast<std::size_t>(p), static_cast<std::size_t>(j.config.find_post("PERS")));
    EXPECT_TRUE(j.afrekening_uit_lijnen);
}

TEST(Bereken, MissingToelichtingIsAWarningNotAnError) {
    Diagnostics d;
    Jaarrekening j = bereken(config(), region(), lines(), ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    EXPECT_FALSE(d.has_errors());
    int warnings = 0;
    for (const auto &x : d.all())
        if (x.severity == Severity::warning && x.message.find("no toelichting") != std::string::npos) {
            ++warnings;
            EXPECT_EQ(x.where.file, kFile);
            EXPECT_NE(x.key_path.find(".toelichting"), std::string::npos);
        }
    EXPECT_EQ(warnings, 2);  // PERS and HUIS are far under their begroting
    Config c = config();
    c.posten[c.find_post("PERS")].toelichting = "Vacature niet vervuld.";
    Diagnostics d2;
    bereken(c, region(), lines(), ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d2);
    EXPECT_EQ(d2.all().size(), 1u);
}

TEST(Bereken, AfrekeningByLargestRemainderSumsExactly) {
    std::mt19937 rng(2013);
    for (int round = 0; round < 500; ++round) {
        std::vector<ContributionLine> l;
        std::vector<std::int64_t> weights;
        for (const char *g : {"GM0687", "GM0654", "GM1695"}) {
            const std::int64_t w = std::uniform_int_distribution<std::int64_t>(0, 5000000)(rng);
            weights.push_back(w);
            l.push_back(line("inwonerbijdrage", g, w));
        }
        if (weights[0] + weights[1] + weights[2] == 0) continue;
        l.push_back(line("rijksbijdrage", "GM0687", std::uniform_int_distribution<std::int64_t>(0, 9000000)(rng)));
        Diagnostics d;
        Jaarrekening j = bereken(config(), region(), l, ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
        const Money res = j.resultaat.realisatie;
        Money sum;
        const std::int64_t total_w = weights[0] + weights[1] + weights[2];
        for (std::size_t i = 0; i < 3; ++i) {
            const Afrekening &a = j.afrekening[i];
            sum += a.aandeel;
            EXPECT_EQ(a.afrekening, -a.aandeel);
            EXPECT_EQ(a.definitief(), a.voorlopig + a.afrekening);
            // Within one cent of the exact share, and never of the other sign.
            const __int128 exact_num = static_cast<__int128>(res.in_cents()) * weights[i];
            const __int128 diff = static_cast<__int128>(a.aandeel.in_cents()) * total_w - exact_num;
            EXPECT_LT(diff < 0 ? -diff : diff, static_cast<__int128>(total_w)) << round;
            EXPECT_TRUE(res.in_cents() >= 0 ? a.aandeel.in_cents() >= 0 : a.aandeel.in_cents() <= 0);
        }
        ASSERT_EQ(sum, res) << "round " << round;
    }
}

TEST(Bereken, AfrekeningFromLinesWhenPresentAndCheckedAgainstResultaat) {
    auto l = lines();
    l.push_back(line("afrekening", "GM0687", -300));
    l.push_back(line("afrekening", "GM0654", -200));
    Diagnostics d;
    Jaarrekening j = bereken(config(), region(), l, ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    EXPECT_TRUE(j.afrekening_uit_lijnen);
    EXPECT_EQ(j.afrekening[0].afrekening.in_cents(), -300);
    EXPECT_EQ(j.afrekening[0].aandeel.in_cents(), 300);
    EXPECT_EQ(j.afrekening[2].afrekening.in_cents(), 0);
    bool warned = false;
    for (const auto &x : d.all()) warned = warned || x.message.find("afrekening lines") != std::string::npos;
    EXPECT_TRUE(warned) << "the lines divide € 5,00, not the resultaat";
}

TEST(Bereken, NoKeyNoDivision) {
    std::vector<ContributionLine> l = {line("rijksbijdrage", "GM0687", 20000000)};
    Diagnostics d;
    Jaarrekening j = bereken(config(), region(), l, ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    EXPECT_FALSE(j.afrekening_verdeeld);
    EXPECT_FALSE(d.has_errors());
    for (const auto &a : j.afrekening) EXPECT_EQ(a.aandeel, Money());
}

TEST(Bereken, ReservesResultaatAndWeerstand) {
    Config c = config();
    c.reserves = {{"AR", "Algemene reserve", Money::euros(40000), Money::euros(1000), Money::euros(500), true},
                  {"BR", "Bestemmingsreserve", Money::euros(9000), Money(), Money::euros(2000), false}};
    c.risicos = {{"Risico", Money::euros(100000), 250000}};
    Diagnostics d;
    Jaarrekening j = bereken(c, region(), lines(), ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    EXPECT_EQ(j.toevoegingen, Money::euros(1000));
    EXPECT_EQ(j.onttrekkingen, Money::euros(2500));
    EXPECT_EQ(j.resultaat.realisatie, j.saldo.realisatie - Money::euros(1000) + Money::euros(2500));
    EXPECT_EQ(j.beschikbaar, Money::euros(40500));  // only reserves with weerstand
    EXPECT_EQ(j.benodigd, Money::euros(25000));
    EXPECT_EQ(j.weerstand.klasse, 'B');  // 1,62
    EXPECT_EQ(j.weerstand.ratio, "1,62");
}

TEST(Bereken, PriorYearFromConfigOrLedger) {
    Config c = config();
    c.posten[c.find_post("GEM")].vorig_jaar = Money::euros(99000);
    Diagnostics d;
    Grootboek vorig;
    vorig.per_post["PERS"] = Money::euros(80000);
    Jaarrekening j = bereken(c, region(), lines(), ledger(), vorig, std::nullopt, {kFile, 7, 1}, d);
    EXPECT_TRUE(j.met_vorig_jaar);
    EXPECT_EQ(*j.config.posten[j.config.find_post("PERS")].vorig_jaar, Money::euros(80000));
    EXPECT_EQ(*j.config.posten[j.config.find_post("HUIS")].vorig_jaar, Money());  // in the ledger: nothing
    EXPECT_FALSE(j.config.posten[j.config.find_post("RIJK")].vorig_jaar.has_value());  // line-fed, not given
    Jaarrekening k = bereken(config(), region(), lines(), ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    EXPECT_FALSE(k.met_vorig_jaar);
}

TEST(Administratie, PriorYearAndBegrotingFromTheStore) {
    Config c = config();
    c.posten[c.find_post("GEM")].vorig_jaar = Money::euros(99000);  // the store wins over the config
    Administration a;
    a.jaarrekening_vorig_jaar = AdoptedDocument{"jaarrekening", 2012, "AB 2013/7", "2013-06-27", std::string(64, 'a'),
                                                {{"PERS", "Personeel", Money::euros(81000)},
                                                 {"GEM", "Gemeenten", Money::euros(98000)}},
                                                {}};
    a.begroting = AdoptedDocument{"begroting", 2013, "AB 2012/14", "2012-11-20", std::string(64, 'b'),
                                  {{"PERS", "Personeel", Money::euros(85000)}}, {}};
    a.wijzigingen = {{1, "AB 2013/3", "2013-04-11", {{"PERS", "Personeel", Money::euros(2000)}, {"HUIS", "Huis", Money::euros(-500)}}},
                     {2, "AB 2013/9", "2013-10-03", {{"PERS", "Personeel", Money::euros(-300)}}}};
    Diagnostics d;
    apply_administration(c, a, {kFile, 7, 1}, d);
    const Post &pers = c.posten[c.find_post("PERS")], &huis = c.posten[c.find_post("HUIS")],
               &gem = c.posten[c.find_post("GEM")];
    EXPECT_EQ(*pers.vorig_jaar, Money::euros(81000));
    EXPECT_EQ(*gem.vorig_jaar, Money::euros(98000));
    EXPECT_EQ(*huis.vorig_jaar, Money());  // not in last year's jaarrekening: nothing realised
    EXPECT_EQ(pers.primitief, Money::euros(85000));
    EXPECT_EQ(pers.na_wijziging, Money::euros(86700));
    EXPECT_EQ(huis.primitief, Money());          // not in the vastgestelde begroting
    EXPECT_EQ(huis.na_wijziging, Money::euros(-500));
    ASSERT_EQ(c.administratie_bronnen.size(), 2u);
    EXPECT_EQ(c.administratie_bronnen[0],
              "Realisatie vorig jaar: vastgestelde jaarrekening 2012 (besluit AB 2013/7, 2013-06-27, snapshot "
              "aaaaaaaaaaaaaaaa).");
    EXPECT_EQ(c.administratie_bronnen[1],
              "Begroting: vastgestelde begroting 2013 (besluit AB 2012/14, 2012-11-20, snapshot bbbbbbbbbbbbbbbb); "
              "begrotingswijziging 1 (besluit AB 2013/3, 2013-04-11); begrotingswijziging 2 (besluit AB 2013/9, "
              "2013-10-03).");
    EXPECT_FALSE(d.has_errors());
    // Every post whose configured primitief differs from the vastgestelde is a warning.
    std::size_t primitief_warnings = 0;
    for (const auto &w : d.all()) primitief_warnings += w.key_path.find("begroting_primitief") != std::string::npos;
    EXPECT_GT(primitief_warnings, 0u) << d.format_all();
    Jaarrekening j = bereken(c, region(), lines(), ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    EXPECT_TRUE(j.met_vorig_jaar);
    EXPECT_EQ(j.config.administratie_bronnen.size(), 2u);
    const auto figures = post_figures(j.config);
    const auto f = std::find_if(figures.begin(), figures.end(), [](const PostFigures &p) { return p.code == "PERS"; });
    ASSERT_NE(f, figures.end());
    EXPECT_EQ(f->begroting, Money::euros(85000));
    EXPECT_EQ(f->realisatie, j.config.posten[j.config.find_post("PERS")].realisatie());
}

TEST(Administratie, SnapshotWithoutThesePostenIgnoredWithAWarning) {
    Config c = config();
    const Money primitief = c.posten[c.find_post("PERS")].primitief;
    Administration a;
    a.begroting = AdoptedDocument{"begroting", 2013, "b", "2012-11-20", std::string(64, 'c'),
                                  {{"inwonerbijdrage", "inwonerbijdrage", Money::euros(5)}}, {}};
    a.jaarrekening_vorig_jaar = a.begroting;
    a.jaarrekening_vorig_jaar->document = "jaarrekening";
    Diagnostics d;
    apply_administration(c, a, {kFile, 7, 1}, d);
    EXPECT_EQ(c.posten[c.find_post("PERS")].primitief, primitief);
    EXPECT_FALSE(c.posten[c.find_post("PERS")].vorig_jaar.has_value());
    EXPECT_TRUE(c.administratie_bronnen.empty());
    ASSERT_EQ(d.all().size(), 2u) << d.format_all();
    EXPECT_NE(d.all()[0].message.find("has none of the configured posten"), std::string::npos);
}

// ---- documents and the report phase --------------------------------------------------------------

/// Every table of a document (sections, subsections, a letter's body), in order.
std::vector<const doc::Table *> tables(const doc::Document &d) {
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

const doc::Table &table(const doc::Document &d, const std::string &id) {
    for (const doc::Table *t : tables(d))
        if (t->id == id) return *t;
    throw std::runtime_error("no table " + id);
}

/// The cell named `name` anywhere in the document.
const doc::Cell &named(const doc::Document &d, const std::string &name) {
    for (const doc::Table *t : tables(d))
        for (const auto &r : t->rows)
            for (const auto &c : r.cells)
                if (c.name == name) return c;
    throw std::runtime_error("no cell " + name);
}

std::size_t charts(const doc::Document &d) {
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

TEST(Report, DescribesTheJaarverantwoordingAndOneLetterPerGemeente) {
    const Settings s = settings(kBase + "indicatoren: ind.csv\n");
    ReportRun r = run(s, {{"grootboek.csv", kLedger}, {"ind.csv", "Thema;Gemeente;Aantal\nCOM;GM0687;30\nCOM;GM0654;3\n"
                                                             "advies;GM0687;12\nadvies;GM0654;9\n"}});
    ASSERT_FALSE(r.diag.has_errors()) << r.diag.format_all();
    // No workbook or text built by the plugin: the host renders the documents.
    ASSERT_EQ(r.documents.size(), 4u);
    const doc::Document &d = r.documents[0];
    EXPECT_EQ(d.name, "jaarverantwoording-2013");
    EXPECT_EQ(d.kind, doc::Document::Kind::report);
    std::vector<std::string> ids;
    for (const doc::Table *t : tables(d)) ids.push_back(t->id);
    // No reserves and no risks in these settings: no tables for them, the weerstandsvermogen says n.v.t.
    EXPECT_EQ(ids, (std::vector<std::string>{"resultaat", "kosten0", "baten", "lasten", "weerstandsvermogen",
                                             "afrekening", "casussen_thema"}));
    EXPECT_EQ(charts(d), 3u);  // baten pie, baten and lasten columns
    std::set<std::string> letters;
    for (std::size_t i = 1; i < r.documents.size(); ++i) {
        ASSERT_EQ(r.documents[i].kind, doc::Document::Kind::letter);
        ASSERT_TRUE(r.documents[i].letter);
        EXPECT_EQ(r.documents[i].letter->body_template, "raadsbrief.txt.mustache");
        letters.insert(r.documents[i].name);
    }
    EXPECT_EQ(letters, (std::set<std::string>{"raadsbrief-2013-middelburg", "raadsbrief-2013-borsele",
                                              "raadsbrief-2013-noord-beveland"}));
    // Suppressed counts: Borsele's 3 is "<5", Middelburg's 30 a partner "x".
    const doc::Table &ind = table(d, "casussen_thema");
    EXPECT_EQ(ind.rows[0].cells[1].value.kind(), doc::Value::Kind::suppressed);  // Middelburg COM
    EXPECT_EQ(ind.rows[1].cells[1].value.text_value(), "<5");                    // Borsele COM
}

TEST(Report, FormulasAreExpressionsOverNamedCellsWithTheirValues) {
    ReportRun r = run(base_settings(), {{"grootboek.csv", kLedger}});
    ASSERT_FALSE(r.diag.has_errors()) << r.diag.format_all();
    const doc::Document &d = r.documents[0];
    const doc::Cell &baten = named(d, "baten.real");
    EXPECT_EQ(baten.formula, "SUM(kolom(realisatie))");
    EXPECT_EQ(baten.value.money_value().in_cents(), 15000000);
    EXPECT_EQ(named(d, "baten.verschil").formula, "baten.real - baten.wijz");
    EXPECT_EQ(named(d, "saldo.real").formula, "res.baten.real - res.lasten.real");
    EXPECT_EQ(named(d, "resultaat.real").formula, "saldo.real - toev.real + ontt.real");
    // The resultaat cell holds the computed resultaat; every gemeente's definitieve bijdrage is a
    // formula over its voorlopige bijdrage and afrekening.
    const doc::Table &afr = table(d, "afrekening");
    for (std::size_t i = 0; i + 1 < afr.rows.size(); ++i)
        EXPECT_EQ(afr.rows[i].cells[6].formula,
                  "gemeente" + std::to_string(i) + ".voorlopig + gemeente" + std::to_string(i) + ".afrekening");
    EXPECT_EQ(afr.rows.back().role, doc::RowRole::total);
}

TEST(Report, TheLetterHasItsBijdrageAndNoJargon) {
    ReportRun r = run(base_settings(), {{"grootboek.csv", kLedger}});
    ASSERT_FALSE(r.diag.has_errors()) << r.diag.format_all();
    const doc::Document &brief = r.documents[1];
    const doc::Letter &l = *brief.letter;
    EXPECT_EQ(l.addressee.at(0), "De gemeenteraad van Middelburg");
    EXPECT_EQ(l.kenmerk, "JV2013/GM0687");
    EXPECT_EQ(l.date, (Date{2014, 1, 1}));  // no datum_brieven: 1 January after the boekjaar
    const doc::Table &b = table(brief, "bijdrage");
    EXPECT_EQ(b.rows.at(0).cells.at(1).value.money_value(), Money::euros(60000));
    EXPECT_EQ(b.rows.back().cells.at(1).formula, "voorlopig + afrekening");
    // The basis of the settlement (key, remainder cents) is not in the letter.
    for (const doc::Table *t : tables(brief))
        for (const auto &row : t->rows)
            for (const auto &c : row.cells) EXPECT_EQ(c.value.text_value().find("rest"), std::string::npos);
    const DataNode &data = l.template_data;
    EXPECT_EQ(data.fields().at("gemeente").text(), "Middelburg");
    EXPECT_EQ(data.fields().at("vergadering").text(), "26 juni 2014");
    EXPECT_EQ(data.fields().count("uiterlijk"), 0u);  // no zienswijze term on the jaarstukken

    const Settings s = settings(kBase + "kenmerk: VHZ/2014/17\ndatum_brieven: 2014-04-10\n");
    ReportRun own = run(s, {{"grootboek.csv", kLedger}});
    ASSERT_FALSE(own.diag.has_errors()) << own.diag.format_all();
    EXPECT_EQ(own.documents[1].letter->kenmerk, "VHZ/2014/17/GM0687");
    EXPECT_EQ(own.documents[1].letter->date, (Date{2014, 4, 10}));
}

TEST(Report, MissingInputFileIs66AndNothingIsAdded) {
    const Settings s = settings(kBase + "indicatoren: nope.csv\n");
    ReportRun r = run(s, {{"grootboek.csv", kLedger}});
    expect_error(r.diag, ExitCode::no_input, kFile, 19, "nope.csv");
    EXPECT_TRUE(r.documents.empty());
}

TEST(Report, LedgersGoThroughTheConfiguredImporter) {
    const std::string yaml = kBase + "grootboek_vorig_jaar: vorig.csv\n";
    ReportRun r = run(settings(yaml), {{"grootboek.csv", kLedger},
                          {"vorig.csv", "Datum;Kostenplaats;Grootboekrekening;Bedrag\n31-12-2012;100;4000;1,00\n"}});
    ASSERT_FALSE(r.diag.has_errors()) << r.diag.format_all();
    EXPECT_EQ(r.importer_calls,
              (std::vector<std::string>{"importer.csv-nl grootboek.csv", "importer.csv-nl vorig.csv"}));

    ReportRun other = run(settings(yaml + "grootboek_importer: importer.debet-credit\n"), {{"grootboek.csv", kLedger}});
    EXPECT_EQ(other.importer_calls, (std::vector<std::string>{"importer.debet-credit grootboek.csv",
                                                              "importer.debet-credit vorig.csv"}));
    // A missing importer is the host's 78, at each ledger setting; nothing is added.
    expect_error(other.diag, ExitCode::config, kFile, 12, "importer.debet-credit");
    expect_error(other.diag, ExitCode::config, kFile, 19, "importer.debet-credit");
    EXPECT_TRUE(other.documents.empty());
}

TEST(Report, PriorYearLedgerIsCheckedAgainstItsOwnYear) {
    const Settings s = settings(kBase + "grootboek_vorig_jaar: vorig.csv\n");
    ReportRun r = run(s, {{"grootboek.csv", kLedger},
                          {"vorig.csv", "Datum;Kostenplaats;Grootboekrekening;Bedrag\n01-01-2013;100;4000;1,00\n"}});
    expect_error(r.diag, ExitCode::data, "/cfg/vorig.csv", 2, "outside boekjaar 2012", 1);
    EXPECT_EQ(r.diag.error_count(), 1u) << r.diag.format_all();
}

TEST(Report, AllErrorsOfBothFilesInOneRun) {
    const Settings s = settings(kBase + "indicatoren: ind.csv\n");
    ReportRun r = run(s, {{"grootboek.csv", "Datum;Kostenplaats;Grootboekrekening;Bedrag\n01-01-2013;100;1;x\n"
                                      "01-01-2013;100;1;y\n"},
                    {"ind.csv", "Thema;Gemeente;Aantal\nCOM;GM0687;-1\n"}});
    EXPECT_EQ(r.diag.error_count(), 3u) << r.diag.format_all();
    EXPECT_EQ(r.diag.exit_code(), ExitCode::data);
    expect_error(r.diag, ExitCode::data, "/cfg/grootboek.csv", 2, "amount");
    expect_error(r.diag, ExitCode::data, "/cfg/grootboek.csv", 3, "amount");
    expect_error(r.diag, ExitCode::data, "/cfg/ind.csv", 2, "negative count");
}

TEST(Report, WarnsWhenStrictProtectionIsNotReached) {
    const Settings s = settings(lines_replaced(kBase, 18, 18, "minimum_celwaarde: 2\nindicatoren: ind.csv\n"));
    ReportRun r = run(s, {{"grootboek.csv", kLedger}, {"ind.csv", "Thema;Gemeente;Aantal\nCOM;GM0687;1\nCOM;GM0654;9\n"
                                                                   "advies;GM0687;7\nadvies;GM0654;9\n"}});
    ASSERT_FALSE(r.diag.has_errors()) << r.diag.format_all();
    bool warned = false;
    for (const auto &x : r.diag.all())
        if (x.severity == Severity::warning && x.message.find("narrowed down") != std::string::npos) {
            warned = true;
            EXPECT_EQ(x.where.line, 19);
        }
    EXPECT_TRUE(warned) << r.diag.format_all();
}

TEST(Documents, CountText) {
    EXPECT_EQ(count_text(1234, CellStatus::published, 5), "1.234");
    EXPECT_EQ(count_text(3, CellStatus::primary, 5), "<5");
    EXPECT_EQ(count_text(30, CellStatus::secondary, 5), "x");
    EXPECT_EQ(count_text(0, CellStatus::published, 10), "0");
}

}  // namespace

// The Wgr's rule for the AB meeting that adopts the jaarrekening, at its boundary dates.
TEST(VergaderingRule, InTheYearAfterTheBoekjaarAndOn14JulyAtTheLatest) {
    EXPECT_EQ(vergadering_problem({2014, 1, 1}, 2013), "");
    EXPECT_EQ(vergadering_problem({2014, 7, 14}, 2013), "");
    EXPECT_NE(vergadering_problem({2014, 7, 15}, 2013).find("cannot reach gedeputeerde staten before 15 July 2014"),
              std::string::npos);
    EXPECT_NE(vergadering_problem({2013, 12, 31}, 2013).find("adopts the jaarrekening 2013 in 2014"), std::string::npos);
    EXPECT_NE(vergadering_problem({2015, 3, 1}, 2013).find("2015-03-01 is not in 2014"), std::string::npos);
}

TEST(VergaderingRule, AMeetingTheLawDoesNotAllowIsALocatedError) {
    const Settings s = settings(lines_replaced(kBase, 2, 2, "vergadering_algemeen_bestuur: 2014-09-04\n"));
    Diagnostics d;
    EXPECT_FALSE(read_config(s, region(), d, "plugins[3]"));
    expect_error(d, ExitCode::data, kFile, 2, "adopted on 2014-09-04, the jaarrekening 2013 cannot reach");
    EXPECT_EQ(d.all().at(0).key_path, "plugins[3].vergadering_algemeen_bestuur");
}

/// The text of every paragraph and table cell of `s`, one per line.
std::string section_text(const doc::Section &s) {
    std::string out;
    for (const auto &b : s.blocks) {
        if (const auto *p = std::get_if<doc::Paragraph>(&b)) out += p->text + "\n";
        if (const auto *t = std::get_if<doc::Table>(&b))
            for (const auto &r : t->rows)
                for (const auto &c : r.cells)
                    out += (c.value.kind() == doc::Value::Kind::money ? c.value.money_value().format_nl()
                                                                      : c.value.text_value()) + "\n";
    }
    return out;
}

TEST(Debiteurenstand, WithoutAStoreOrInvoicesItSaysSo) {
    const doc::Section none = debiteurenstand_section(nullptr, region());
    EXPECT_EQ(none.title, "Debiteurenstand per 31 december 2013");
    EXPECT_NE(section_text(none).find("geen administratie (database)"), std::string::npos) << section_text(none);
    Administration a;
    const std::string leeg = section_text(debiteurenstand_section(&a, region()));
    EXPECT_NE(leeg.find("bevat geen facturen"), std::string::npos) << leeg;
    a.debiteurenstand.facturen = 3;
    const std::string betaald = section_text(debiteurenstand_section(&a, region()));
    EXPECT_NE(betaald.find("alle 3 facturen tot en met die datum zijn betaald of gecrediteerd"), std::string::npos)
        << betaald;
}

TEST(Debiteurenstand, OpenItemsPerDebiteurWithTheirTotal) {
    Administration a;
    Debiteurenstand &d = a.debiteurenstand;
    d.per = {2015, 12, 31};
    d.facturen = 4;
    d.debiteuren = {{"GM0373", "Bergen (NH)", {{"2015-00002", "2015-10-01", "2015-10-31", Money::euros(1000), Money::euros(400), 61}}, Money::euros(400)},
                    {"politie", "Politie", {{"2015-00004", "2015-12-20", "2016-01-19", Money::euros(250), Money::euros(250), -19}}, Money::euros(250)}};
    d.totaal = Money::euros(650);
    const doc::Section s = debiteurenstand_section(&a, region());
    const std::string text = section_text(s);
    for (const char *want : {"GM0373", "Bergen (NH)", "2015-00002", "€ 400,00", "61", "politie", "€ 650,00",
                             "vhh debiteuren --per 2015-12-31"})
        EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
    const auto *t = std::get_if<doc::Table>(&s.blocks.back());
    ASSERT_NE(t, nullptr);
    ASSERT_EQ(t->rows.size(), 3u);
    EXPECT_EQ(t->rows[1].cells[7].value.text_value(), "-");  // not yet due
    EXPECT_EQ(t->rows[2].cells[6].formula, "SUM(kolom(open))");
}

/// The cells of the row labelled `label` in table `id` of `d` (empty when there is none).
std::vector<doc::Cell> row_of(const doc::Document &d, const std::string &id, const std::string &label) {
    std::function<std::vector<doc::Cell>(const doc::Section &)> walk = [&](const doc::Section &s) {
        for (const auto &b : s.blocks)
            if (const auto *t = std::get_if<doc::Table>(&b); t && t->id == id)
                for (const auto &r : t->rows)
                    if (!r.cells.empty() && r.cells[0].value.text_value() == label) return r.cells;
        for (const auto &sub : s.sections)
            if (auto found = walk(sub); !found.empty()) return found;
        return std::vector<doc::Cell>{};
    };
    for (const auto &s : d.sections)
        if (auto found = walk(s); !found.empty()) return found;
    return {};
}

TEST(Reservemutaties, ABudgetedOnttrekkingGetsItsVNLikeAnyPost) {
    // Budgeted: € 3.000 onttrekking and € 1.000 toevoeging; realised € 2.000 and € 1.500.
    Config c = config();
    c.reserves = {{"AR", "Algemene reserve", Money::euros(40000), Money::euros(1500), Money::euros(2000), true,
                   Money::euros(1000), Money::euros(3000)}};
    Diagnostics d;
    const Jaarrekening j = bereken(c, region(), lines(), ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    EXPECT_EQ(j.resultaat.na_wijziging, j.saldo.na_wijziging - Money::euros(1000) + Money::euros(3000));
    EXPECT_EQ(j.resultaat.primitief, j.saldo.primitief - Money::euros(1000) + Money::euros(3000));
    EXPECT_EQ(j.resultaat.realisatie, j.saldo.realisatie - Money::euros(1500) + Money::euros(2000));
    const doc::Document doc = build_jaarverantwoording(j, region());
    const auto ontt = row_of(doc, "resultaat", "Onttrekkingen aan reserves");
    ASSERT_FALSE(ontt.empty());
    EXPECT_EQ(ontt[ontt.size() - 4].value.money_value(), Money::euros(3000));  // begroting na wijziging
    EXPECT_EQ(ontt[ontt.size() - 2].value.money_value(), Money::euros(-1000));  // verschil
    EXPECT_EQ(ontt.back().value.text_value(), "N");  // less withdrawn than budgeted: nadelig
    const auto toev = row_of(doc, "resultaat", "Toevoegingen aan reserves");
    ASSERT_FALSE(toev.empty());
    EXPECT_EQ(toev.back().value.text_value(), "N");  // more added than budgeted: nadelig
    const auto res = row_of(doc, "resultaat", "Resultaat");
    ASSERT_FALSE(res.empty());
    EXPECT_EQ(res[res.size() - 4].formula, "saldo.wijz - toev.wijz + ontt.wijz");
}

TEST(Resultaatbestemming, TheProposalFollowsTheResultaat) {
    Config c = config();
    c.reserves = {{"AR", "Algemene reserve", Money::euros(400), Money(), Money(), true}};
    Diagnostics d;
    // With the afrekening over the gemeenten (the key divides the resultaat).
    Jaarrekening j = bereken(c, region(), lines(), ledger(), std::nullopt, std::nullopt, {kFile, 7, 1}, d);
    ASSERT_TRUE(j.afrekening_verdeeld);
    const std::string met = resultaatbestemming_voorstel(j, 2015);
    const bool voordelig = j.resultaat.realisatie.in_cents() > 0;
    EXPECT_NE(met.find(voordelig ? "voordelige resultaat 2015 van " : "nadelige resultaat 2015 van "), std::string::npos)
        << met;
    EXPECT_NE(met.find(voordelig ? "terug te betalen aan de gemeenten" : "door de gemeenten te laten bijbetalen"),
              std::string::npos)
        << met;
    // Without an afrekening: to or from the first reserve with weerstand.
    j.afrekening_verdeeld = false;
    j.resultaat.realisatie = Money::euros(250);
    EXPECT_EQ(resultaatbestemming_voorstel(j, 2015),
              "Het dagelijks bestuur stelt het algemeen bestuur voor het voordelige resultaat 2015 van € 250,00 toe te "
              "voegen aan de Algemene reserve (AR), die daarna € 650,00 bedraagt.");
    j.resultaat.realisatie = Money::euros(-500);
    EXPECT_EQ(resultaatbestemming_voorstel(j, 2015),
              "Het dagelijks bestuur stelt het algemeen bestuur voor het nadelige resultaat 2015 van € 500,00 te "
              "onttrekken aan de Algemene reserve (AR), die daarna -€ 100,00 bedraagt. De Algemene reserve (€ 400,00 per "
              "31 december) is daarvoor niet toereikend: het tekort moet op een andere manier worden gedekt.");
    j.resultaat.realisatie = Money();
    EXPECT_EQ(resultaatbestemming_voorstel(j, 2015), "Het resultaat 2015 is nihil: er is niets te bestemmen.");
    j.resultaat.realisatie = Money::euros(1);
    j.config.reserves.clear();
    EXPECT_NE(resultaatbestemming_voorstel(j, 2015).find("geen reserve die het kan opvangen"), std::string::npos);
}
