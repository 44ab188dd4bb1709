#include "app.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>

#include "config/province_config.h"
#include "config/region_config.h"
#include "consolidation.h"
#include "cycle/kalender.h"
#include "cycle/zienswijzen_document.h"
#include "diagnostic_output.h"
#include "run.h"
#include "formats.h"
#include "store/administration.h"
#include "store/prior_year.h"
#include "accounts/gebruiker_command.h"
#include "betalingen/betalingen_commands.h"
#include "invoicing/factuur_commands.h"
#include "web/server.h"
#include "store/store_commands.h"
#include "store/zienswijze.h"
#include "output/output_set.h"
#include "output/sha256.h"
#include "pipeline.h"
#include "plugins/plugin_loader.h"
#include "render/document_check.h"
#include "render/renderer_registry.h"
#include "render/text_renderer.h"
#include "render/xlsx_renderer.h"
#include "scaffold/new_plugin.h"
#include "vhh/count_nl.h"

#ifndef VHH_VERSION
#define VHH_VERSION "0.0.0"
#endif

namespace vhh::host {

namespace fs = std::filesystem;
using Poco::Util::Option;

namespace {

const char *kUsage =
    "usage: vhh COMMAND [OPTIONS]\n"
    "\n"
    "Budget administration and reporting for Veiligheidshuizen.\n"
    "\n"
    "commands:\n"
    "  run        compute and write every document     [--config FILE] [--out DIR] [--plugin-dir DIR]\n"
    "  check      validate all inputs; write nothing   [--config FILE] [--plugin-dir DIR]\n"
    "  bijdragen  contributions per payer, to stdout   [--config FILE] [--plugin-dir DIR] [--format table|csv|json]\n"
    "  begroting  ontwerpbegroting + meerjarenraming, to stdout  [--config FILE] [--database URL] [--format table|csv|json]\n"
    "  partners   the partner registry, to stdout      [--config FILE] [--plugin-dir DIR] [--format table|csv|json]\n"
    "  plugins    discovered plugins and their status  [--plugin-dir DIR] [--format table|json]\n"
    "  db init|migrate|status|verify        create, upgrade, describe, verify the store  [--database URL]\n"
    "  db export [--format json] > FILE     the whole administration, deterministic      [--database URL]\n"
    "  db import FILE                       into a new or empty store; nothing on error  [--database URL]\n"
    "  vaststellen begroting|jaarrekening   record what the algemeen bestuur adopted\n"
    "             --jaar Y --besluit TEXT --datum YYYY-MM-DD [--config FILE] [--door NAAM] [--database URL]\n"
    "  historie   bijdragen per gemeente, and begroting vs realisatie per post, over the years\n"
    "             [--gemeente CODE | --posten] [--format table|csv|json] [--database URL]\n"
    "  log        the store's audit trail                [--format table|json] [--database URL]\n"
    "  nieuwe-plugin financing|importer|region|registry|report NAAM [--map DIR]   (or --soort KIND NAAM)\n"
    "             write a plugin project (CMake, settings table, test with the SDK's test kit, README)\n"
    "             into DIR (default: ./SOORT.NAAM), to build against the installed SDK\n"
    "  wijziging  record a begrotingswijziging (posten and bijdragen from a YAML file)\n"
    "             --jaar Y --bestand FILE --besluit TEXT --datum YYYY-MM-DD [--config FILE] [--door NAAM] [--database URL]\n"
    "  zienswijze record a raad's zienswijze on the ontwerpbegroting Y (or on --wijziging N)\n"
    "             --jaar Y --gemeente CODE --ontvangen YYYY-MM-DD --samenvatting TEXT [--bijlage FILE]\n"
    "  zienswijze reactie   the dagelijks bestuur's reaction  --jaar Y --gemeente CODE --datum D --reactie TEXT\n"
    "  zienswijze lijst     the zienswijzen of a year         --jaar Y [--format table|json]\n"
    "  kalender   the Wgr steps of calendar year Y, their deadlines and the planned dates\n"
    "             --jaar Y [--config FILE] [--format table|json]\n"
    "  factureren invoices of year Y in the store, and as e-invoice (SI-UBL 2.0) and PDF into --out DIR\n"
    "             --jaar Y --soort voorschot|werkplekhuur|afrekening [--termijn T] [--out DIR] [--config FILE]\n"
    "             (a province config: every region of it, in one transaction, into DIR/<region>/)\n"
    "  crediteren NUMMER --reden TEXT [--bedrag EUR] [--datum D] [--out DIR]   a credit note (whole or partial)\n"
    "  corrigeren NUMMER --bedrag EUR --reden TEXT [--datum D] [--out DIR]   credit note + corrected invoice (384)\n"
    "  facturen   the invoices and credit notes, with what is open   [--jaar Y] [--format table|csv|json]\n"
    "  journaal   the booked invoices and payments of year Y as journal lines for the financial system\n"
    "             --jaar Y [--format csv|json] [--out FILE]\n"
    "  betalingen importeren FILE   book a CAMT.053 bank statement (001.02, 001.08), payments matched to invoices\n"
    "  betalingen koppelen TRANSACTIE FACTUURNUMMER   match a booked transaction to an invoice by hand\n"
    "  betalingen the booked transactions, matched or not   [--format table|csv|json]\n"
    "  debiteuren open items per debiteur by age   [--per YYYY-MM-DD] [--format table|csv|json] [--out DIR: herinneringen]\n"
    "  gebruiker toevoegen NAAM --rol beheerder|controller|bestuur|raad [--gemeente CODE]\n"
    "  gebruiker wachtwoord NAAM | rol NAAM --rol R [--gemeente CODE] | lijst [--format table|json]\n"
    "             accounts of vhh serve; the password is read from stdin   [--database URL]\n"
    "  serve      the controller's dashboard and the raad portal in the browser (HTTP, or HTTPS)\n"
    "             [--config FILE] [--database URL] [--listen ADDR:PORT] [--allow-remote]\n"
    "             [--tls-cert FILE --tls-key FILE]\n"
    "\n"
    "options:\n"
    "  --config FILE      region configuration (default: the bundled config/zeeland/vhh.yaml)\n"
    "  --out DIR          output directory for `run` (default: ./out); replaced as a whole\n"
    "  --plugin-dir DIR   also load plugins from DIR, searched before the installed ones (repeatable)\n"
    "  --format FORMAT    output format of bijdragen / plugins\n"
    "  --allow-outside-inputs\n"
    "                     read files a config names outside its own folder (default: refused)\n"
    "  --database URL     the store: sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DB\n"
    "                     (default: VHH_DATABASE, else the config's administratie: key)\n"
    "  --door NAAM        who makes a change to the store (default: the OS user)\n"
    "  --listen ADDR:PORT where vhh serve listens (default 127.0.0.1:8080; port 0: any free port)\n"
    "  --allow-remote     let vhh serve listen on an address other than loopback (behind a TLS proxy)\n"
    "  --tls-cert FILE    vhh serve speaks HTTPS with this PEM certificate (chain) and --tls-key FILE,\n"
    "  --tls-key FILE     its private key; then it may listen beyond loopback, sends HSTS and Secure cookies\n"
    "  --help             show this help\n"
    "  --version          show the version\n"
    "\n"
    "exit codes: 0 ok, 64 usage, 65 bad data, 66 input missing, 70 internal or plugin failure,\n"
    "            73 output cannot be written, 78 bad configuration\n";

const std::map<std::string, std::set<std::string>> kAllowedOptions = {
    {"run", {"config", "out", "plugin-dir", "database", "allow-outside-inputs"}},
    {"check", {"config", "plugin-dir", "database", "allow-outside-inputs"}},
    {"bijdragen", {"config", "plugin-dir", "format", "allow-outside-inputs"}},
    {"plugins", {"plugin-dir", "format"}},
    {"begroting", {"config", "plugin-dir", "database", "format", "allow-outside-inputs"}},
    {"partners", {"config", "plugin-dir", "format", "allow-outside-inputs"}},
    {"db", {"config", "database", "door", "format"}},
    {"log", {"config", "database", "format"}},
    {"vaststellen", {"config", "plugin-dir", "database", "door", "jaar", "besluit", "datum", "allow-outside-inputs"}},
    {"historie", {"config", "database", "gemeente", "posten", "format"}},
    {"nieuwe-plugin", {"soort", "map"}},
    {"kalender", {"config", "format", "jaar", "allow-outside-inputs"}},
    {"wijziging", {"config", "database", "door", "jaar", "bestand", "besluit", "datum", "allow-outside-inputs"}},
    {"zienswijze", {"config", "database", "door", "jaar", "gemeente", "ontvangen", "samenvatting", "bijlage",
                    "wijziging", "datum", "reactie", "format", "allow-outside-inputs"}},
    {"gebruiker", {"config", "database", "door", "rol", "gemeente", "format", "allow-outside-inputs"}},
    {"factureren", {"config", "database", "door", "jaar", "soort", "termijn", "out", "allow-outside-inputs"}},
    {"crediteren", {"config", "database", "door", "reden", "bedrag", "datum", "out", "allow-outside-inputs"}},
    {"corrigeren", {"config", "database", "door", "reden", "bedrag", "datum", "out", "allow-outside-inputs"}},
    {"facturen", {"config", "database", "jaar", "format", "allow-outside-inputs"}},
    {"journaal", {"config", "database", "jaar", "format", "out", "allow-outside-inputs"}},
    {"betalingen", {"config", "database", "door", "format", "allow-outside-inputs"}},
    {"debiteuren", {"config", "database", "per", "format", "out", "allow-outside-inputs"}},
    {"serve", {"config", "database", "listen", "allow-remote", "allow-outside-inputs", "tls-cert", "tls-key"}},
};

/// Commands that take arguments after their name (`db init`, `vaststellen begroting`, …).
const std::set<std::string> kStoreCommands = {"db", "log", "vaststellen", "historie", "wijziging", "zienswijze", "gebruiker",
                                           "factureren", "crediteren", "corrigeren", "facturen", "betalingen",
                                           "debiteuren", "journaal"};

void print_diagnostics(const Diagnostics &diag) { std::cerr << format_capped(diag); }


std::string executable_directory() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return ".";
    return exe.parent_path().string();
}

}  // namespace

std::time_t document_time(int boekjaar) {
    if (const char *sde = std::getenv("SOURCE_DATE_EPOCH")) {
        char *end = nullptr;
        long long v = std::strtoll(sde, &end, 10);
        if (end != sde && *end == '\0' && v >= 0) return static_cast<std::time_t>(v);
    }
    std::tm tm{};
    tm.tm_year = boekjaar + 1 - 1900;
    tm.tm_mon = 0;
    tm.tm_mday = 1;
    return timegm(&tm);
}

VhhApp::VhhApp() {
    setUnixOptions(true);
    executable_dir_ = executable_directory();
    share_dir_ = (fs::path(executable_dir_) / ".." / "share" / "vhh").lexically_normal().string();
}

void VhhApp::defineOptions(Poco::Util::OptionSet &options) {
    options.addOption(Option("help", "h", "show this help").required(false).repeatable(false));
    options.addOption(Option("version", "", "show the version").required(false).repeatable(false));
    options.addOption(Option("config", "", "region configuration").required(false).repeatable(false).argument("FILE"));
    options.addOption(Option("out", "", "output directory").required(false).repeatable(false).argument("DIR"));
    options.addOption(Option("plugin-dir", "", "plugin directory").required(false).repeatable(true).argument("DIR"));
    options.addOption(Option("format", "", "output format").required(false).repeatable(false).argument("FORMAT"));
    options.addOption(Option("allow-outside-inputs", "", "read files outside the config's folder")
                          .required(false)
                          .repeatable(false));
    options.addOption(Option("posten", "", "historie per post").required(false).repeatable(false));
    options.addOption(Option("allow-remote", "", "listen beyond loopback").required(false).repeatable(false));
    for (const char *name : {"database", "door", "jaar", "besluit", "datum", "gemeente", "bestand", "ontvangen",
                             "samenvatting", "bijlage", "wijziging", "reactie", "soort", "map", "rol", "termijn", "reden",
                             "bedrag", "listen", "per", "tls-cert", "tls-key"})
        options.addOption(Option(name, "", "store option").required(false).repeatable(false).argument("VALUE"));
}

void VhhApp::handleOption(const std::string &name, const std::string &value) {
    Poco::Util::Application::handleOption(name, value);
    given_.insert(name);
    if (name == "help") {
        help_ = true;
        stopOptionsProcessing();
    } else if (name == "version") {
        version_ = true;
    } else if (name == "config") {
        config_ = value;
    } else if (name == "out") {
        out_ = value;
    } else if (name == "plugin-dir") {
        extra_plugin_dirs_.push_back(value);
    } else if (name == "format") {
        format_ = value;
    } else if (name == "allow-outside-inputs") {
        allow_outside_inputs_ = true;
    } else {
        store_values_[name] = value;
    }
}

void VhhApp::print_help() const { std::cout << kUsage; }

int VhhApp::usage_error(const std::string &message) {
    std::cerr << "vhh: error: " << printable_text(message) << "\nTry 'vhh --help'.\n";
    return static_cast<int>(vhh::ExitCode::usage);
}

std::vector<std::string> VhhApp::plugin_dirs() const {
    // Precedence (docs/plugins.md, "Loading rules"): --plugin-dir directories in the order given,
    // then the installed plugin directory; the first directory that provides a name wins.
    std::vector<std::string> dirs = extra_plugin_dirs_;
    dirs.push_back((fs::path(executable_dir_) / ".." / "lib" / "vhh" / "plugins").lexically_normal().string());
    return dirs;
}

std::string VhhApp::config_path() const {
    if (!config_.empty()) return config_;
    return (fs::path(share_dir_) / "config" / "zeeland" / "vhh.yaml").string();
}

int VhhApp::main(const std::vector<std::string> &args) {
    if (help_) {
        print_help();
        return 0;
    }
    if (version_) {
        std::cout << "vhh " << VHH_VERSION << " (SDK ABI " << VHH_SDK_ABI_MAJOR << "." << VHH_SDK_ABI_MINOR << ")\n";
        return 0;
    }
    if (args.empty()) {
        std::cerr << kUsage;
        return static_cast<int>(vhh::ExitCode::usage);
    }
    const std::string &command = args[0];
    auto allowed = kAllowedOptions.find(command);
    if (allowed == kAllowedOptions.end()) return usage_error("unknown command '" + command + "'");
    if (args.size() > 1 && command != "nieuwe-plugin" && !kStoreCommands.count(command))  // it checks its own
        return usage_error("unexpected argument '" + args[1] + "' after '" + command + "'");
    for (const auto &opt : given_)
        if (!allowed->second.count(opt)) return usage_error("option --" + opt + " does not apply to '" + command + "'");
    try {
        if (command == "nieuwe-plugin") return cmd_new_plugin(args);
        if (command == "run") return cmd_run(true);
        if (command == "check") return cmd_run(false);
        if (command == "bijdragen") return cmd_bijdragen();
        if (command == "begroting") return cmd_begroting();
        if (command == "partners") return cmd_partners();
        if (command == "kalender") return cmd_kalender();
        if (command == "serve") return cmd_serve();
        if (kStoreCommands.count(command)) return cmd_store(command, {args.begin() + 1, args.end()});
        return cmd_plugins();
    } catch (const std::exception &e) {
        std::cerr << "vhh: internal error: " << printable_text(e.what()) << "\n";
        return static_cast<int>(vhh::ExitCode::internal);
    }
}

int VhhApp::cmd_new_plugin(const std::vector<std::string> &args) {
    // DESIGN.md's form `vhh nieuwe-plugin KIND NAAM`, or the kind named with --soort.
    const bool soort_given = store_values_.count("soort") != 0;
    const std::size_t expected = soort_given ? 2 : 3;
    if (args.size() < expected)
        return usage_error(soort_given
                               ? "nieuwe-plugin needs the plugin's NAAM"
                               : "nieuwe-plugin needs the kind (financing|importer|region|registry|report) and NAAM");
    if (args.size() > expected) return usage_error("unexpected argument '" + args[expected] + "' after nieuwe-plugin");
    const std::string soort = soort_given ? store_values_.at("soort") : args[1];
    const std::string map = store_values_.count("map") ? store_values_.at("map") : std::string();
    return new_plugin((fs::path(share_dir_) / "nieuwe-plugin").string(),
                      fs::path(executable_dir_).parent_path().string(), soort, args[expected - 1], map, std::cout,
                      std::cerr);
}

int VhhApp::cmd_plugins() {
    if (format_ != "table" && format_ != "json")
        return usage_error("unknown format '" + format_ + "' for plugins (expected table or json)");
    PluginRegistry registry;
    registry.discover(plugin_dirs());
    std::cout << (format_ == "json" ? plugins_json(registry) : plugins_table(registry));
    // A plugin that cannot be used is a plugin failure (70); a shadowed one is not.
    return registry.has_broken() ? static_cast<int>(vhh::ExitCode::internal) : 0;
}

int VhhApp::cmd_bijdragen() {
    if (format_ != "table" && format_ != "csv" && format_ != "json")
        return usage_error("unknown format '" + format_ + "' for bijdragen (expected table, csv or json)");
    if (is_province_config(config_path())) return province_not_supported("bijdragen");
    Diagnostics diag;
    RunConfig config = load_run_config(config_path(), diag, {allow_outside_inputs_, {}});
    PluginRegistry registry;
    Pipeline pipeline(config, registry, diag);
    registry.discover(plugin_dirs());
    if (prepare_plugins(config, pipeline, diag)) pipeline.compute(diag);
    print_diagnostics(diag);
    if (diag.has_errors()) return static_cast<int>(diag.exit_code());
    if (format_ == "json") std::cout << bijdragen_json(config.region, pipeline.lines());
    else if (format_ == "csv") std::cout << bijdragen_csv(pipeline.lines());
    else std::cout << bijdragen_table(config.region, pipeline.lines());
    return 0;
}

int VhhApp::cmd_begroting() {
    if (format_ != "table" && format_ != "csv" && format_ != "json")
        return usage_error("unknown format '" + format_ + "' for begroting (expected table, csv or json)");
    const std::string cfg_path = config_path();
    if (is_province_config(cfg_path)) return province_not_supported("begroting");
    Diagnostics diag;
    PluginRegistry registry;
    registry.discover(plugin_dirs());
    const std::string label = config_.empty() ? std::string("bundled:config/zeeland/vhh.yaml") : cfg_path;
    std::unique_ptr<RegionRun> run = run_region(cfg_path, label, registry, templates_dir(), true, diag, nullptr,
                                                {allow_outside_inputs_, {}}, administration_lookup(cfg_path), false);
    if (run && !run->pipeline->meerjarenraming())
        diag.error(vhh::ExitCode::config, {run->config.path, 0, 0}, "plugins", "no begroting is configured",
                   "add '- name: report.begroting' with its posten (bestand: begroting.yaml) to plugins");
    print_diagnostics(diag);
    if (diag.has_errors()) return static_cast<int>(diag.exit_code());
    const Meerjarenraming &raming = *run->pipeline->meerjarenraming();
    if (format_ == "json") std::cout << begroting_json(run->config.region, raming);
    else if (format_ == "csv") std::cout << begroting_csv(raming);
    else std::cout << begroting_table(run->config.region, raming);
    return 0;
}

int VhhApp::cmd_partners() {
    if (format_ != "table" && format_ != "csv" && format_ != "json")
        return usage_error("unknown format '" + format_ + "' for partners (expected table, csv or json)");
    if (is_province_config(config_path())) return province_not_supported("partners");
    Diagnostics diag;
    RunConfig config = load_run_config(config_path(), diag, {allow_outside_inputs_, {}});
    PluginRegistry registry;
    Pipeline pipeline(config, registry, diag);
    registry.discover(plugin_dirs());
    if (prepare_plugins(config, pipeline, diag)) pipeline.load(diag);
    if (!diag.has_errors() && !pipeline.has_partner_registry())
        diag.error(vhh::ExitCode::config, {config.path, 0, 0}, "plugins",
                   "no partner registry is configured", "add '- name: registry.partners' with its partners to plugins");
    print_diagnostics(diag);
    if (diag.has_errors()) return static_cast<int>(diag.exit_code());
    if (format_ == "json") std::cout << partners_json(config.region, pipeline.partners());
    else if (format_ == "csv") std::cout << partners_csv(config.region, pipeline.partners());
    else std::cout << partners_table(config.region, pipeline.partners());
    return 0;
}

int VhhApp::cmd_kalender() {
    if (format_ != "table" && format_ != "json")
        return usage_error("unknown format '" + format_ + "' for kalender (expected table or json)");
    const std::string jaar = store_values_["jaar"];
    if (jaar.empty()) return usage_error("'vhh kalender' needs --jaar Y");
    if (jaar.size() != 4 || jaar.find_first_not_of("0123456789") != std::string::npos || jaar[0] == '0')
        return usage_error("--jaar '" + jaar + "' is not a year");
    if (is_province_config(config_path())) return province_not_supported("kalender");
    Diagnostics diag;
    RunConfig config = load_run_config(config_path(), diag, {allow_outside_inputs_, {}});
    print_diagnostics(diag);
    // A plan that cannot be met is an error of the config (located at the planned date), as in
    // `vhh check`: like every failing command, nothing on stdout.
    if (diag.has_errors()) return static_cast<int>(diag.exit_code());
    const auto steps = cycle::wgr_kalender(cycle::plan_for(config.kalender, std::stoi(jaar)));
    std::cout << (format_ == "json" ? cycle::kalender_json(std::stoi(jaar), steps)
                                    : cycle::kalender_table(std::stoi(jaar), steps));
    return 0;
}

int VhhApp::cmd_store(const std::string &command, const std::vector<std::string> &args) {
    store::CommandOptions o;
    o.args = args;
    o.database = store_values_["database"];
    o.config_path = config_path();
    o.config_given = !config_.empty();
    o.door = store_values_["door"];
    o.format = given_.count("format") ? format_ : (command == "db" ? "json" : command == "journaal" ? "csv" : "table");
    o.jaar = store_values_["jaar"];
    o.besluit = store_values_["besluit"];
    o.datum = store_values_["datum"];
    o.gemeente = store_values_["gemeente"];
    o.bestand = store_values_["bestand"];
    o.ontvangen = store_values_["ontvangen"];
    o.samenvatting = store_values_["samenvatting"];
    o.bijlage = store_values_["bijlage"];
    o.wijziging = store_values_["wijziging"];
    o.reactie = store_values_["reactie"];
    o.rol = store_values_["rol"];
    o.posten = given_.count("posten") != 0;
    o.soort = store_values_["soort"];
    o.termijn = store_values_["termijn"];
    o.reden = store_values_["reden"];
    o.bedrag = store_values_["bedrag"];
    o.per = store_values_["per"];
    o.out = given_.count("out") ? out_ : "";
    o.plugin_dirs = plugin_dirs();
    o.templates_dir = templates_dir();
    o.allow_outside_inputs = allow_outside_inputs_;
    if (command == "db") return store::cmd_db(o);
    if (command == "log") return store::cmd_log(o);
    if (command == "vaststellen") return store::cmd_vaststellen(o);
    if (command == "wijziging") return store::cmd_wijziging(o);
    if (command == "zienswijze") return store::cmd_zienswijze(o);
    if (command == "gebruiker") return accounts::cmd_gebruiker(o);
    if (command == "factureren") return invoicing::cmd_factureren(o, document_time(o.jaar.empty() ? 0 : std::atoi(o.jaar.c_str())));
    if (command == "crediteren") return invoicing::cmd_crediteren(o);
    if (command == "corrigeren") return invoicing::cmd_corrigeren(o);
    if (command == "facturen") return invoicing::cmd_facturen(o);
    if (command == "journaal") return invoicing::cmd_journaal(o);
    if (command == "betalingen") return betalingen::cmd_betalingen(o);
    if (command == "debiteuren") return betalingen::cmd_debiteuren(o);
    return store::cmd_historie(o);
}

int VhhApp::province_not_supported(const std::string &command) {
    Diagnostic d{vhh::Severity::error, vhh::ExitCode::config, {config_path(), 0, 0}, "provincie",
                 "this is a province config; 'vhh " + command + "' works on one region's config",
                 "give a region's vhh.yaml, or use 'vhh run' / 'vhh check' for the whole province"};
    std::cerr << d.format() << "\n";
    return static_cast<int>(vhh::ExitCode::config);
}

int VhhApp::cmd_serve() {
    web::ServeOptions o;
    o.config_path = config_path();
    o.database = store_values_["database"];
    if (given_.count("listen")) o.listen = store_values_["listen"];
    o.allow_remote = given_.count("allow-remote") != 0;
    o.tls_cert = store_values_["tls-cert"];
    o.tls_key = store_values_["tls-key"];
    o.web_dir = (fs::path(share_dir_) / "web").string();
    o.allow_outside_inputs = allow_outside_inputs_;
    o.plugin_dirs = plugin_dirs();
    o.templates_dir = templates_dir();
    return web::cmd_serve(o);
}

std::string VhhApp::templates_dir() const { return (fs::path(share_dir_) / "templates").string(); }

}  // namespace vhh::host
