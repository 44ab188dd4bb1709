#include "store/store_commands.h"

#include <iostream>

#include "config/province_config.h"
#include "config/region_config.h"
#include "diagnostic_output.h"
#include "run.h"
#include "store/audit_log.h"
#include "store/exchange.h"
#include "store/historie.h"
#include "store/snapshot.h"
#include "store/wijziging.h"
#include "betalingen/betalingen_store.h"
#include "invoicing/facturen_store.h"
#include "store/zienswijze.h"
#include "vhh/date.h"

namespace vhh::host::store {

namespace {

int db_init(const CommandOptions &o) {
    auto store = open_store(o, false);
    Transaction tx(*store, true);
    if (const int v = store->schema_version(); v != 0)
        throw StoreError(vhh::ExitCode::data, "store " + store->url().display() + " is already initialised (schema " +
                                                  std::to_string(v) + "); 'vhh db migrate' upgrades it");
    const auto applied = store->migrate();
    append_log(*store, acting_user(o.door), "db init", "schema " + std::to_string(applied.back()));
    tx.commit();
    std::cout << "vhh: initialised store " << store->url().display() << " (schema " << applied.back() << ")\n";
    return 0;
}

int db_migrate(const CommandOptions &o) {
    auto store = open_store(o, true);
    Transaction tx(*store, true);
    const int from = store->schema_version();
    if (from == 0) store->require_schema();  // 66: not initialised
    const auto applied = store->migrate();
    if (applied.empty()) {
        std::cout << "vhh: store " << store->url().display() << " is up to date (schema " << from << ")\n";
        return 0;
    }
    append_log(*store, acting_user(o.door), "db migrate",
               "schema " + std::to_string(from) + " -> " + std::to_string(applied.back()));
    tx.commit();
    std::cout << "vhh: migrated store " << store->url().display() << " from schema " << from << " to "
              << applied.back() << "\n";
    return 0;
}

int db_status(const CommandOptions &o) {
    auto store = open_store(o, true);
    Transaction tx(*store, false);
    const int v = store->schema_version();
    store->require_schema(false);
    std::cout << "store:          " << store->url().display() << " (" << store->url().connector() << ")\n";
    std::cout << "schema version: " << v << " (this vhh: " << program_schema_version() << ")\n";
    std::string pending;
    for (const auto &m : migrations())
        if (m.version > v) pending += "\n  " + std::to_string(m.version) + "  " + m.naam;
    std::cout << "pending:        " << (pending.empty() ? "none" : "") << pending << "\n";
    if (v != 0) {
        std::cout << "vaststellingen: " << store->count("vaststellingen") << "\n";
        std::cout << "wijzigingen:    " << store->count("wijzigingen") << "\n";
        if (v >= 2) std::cout << "zienswijzen:    " << store->count("zienswijzen") << "\n";
        if (v >= 3) std::cout << "gebruikers:     " << store->count("gebruikers") << "\n";
        std::cout << "audit log:      " << store->count("audit_log") << " entries\n";
    }
    return 0;
}

int db_verify(const CommandOptions &o) {
    auto store = open_store(o, true);
    Transaction tx(*store, false);
    store->require_schema();
    std::optional<std::string> bad = verify_chain(*store);
    if (!bad) bad = verify_snapshots(*store);
    if (!bad) bad = verify_wijzigingen(*store);
    if (!bad) bad = verify_zienswijzen(*store);
    if (!bad) bad = invoicing::verify_invoices(*store);
    if (!bad) bad = betalingen::verify_payments(*store);
    if (bad) {
        std::cerr << "vhh: error: " << store->url().display() << ": " << *bad << "\n";
        return static_cast<int>(vhh::ExitCode::data);
    }
    std::cout << "vhh: store " << store->url().display() << " verified: " << store->count("audit_log")
              << " audit log entries, " << store->count("vaststellingen") << " vaststellingen, "
              << store->count("wijzigingen") << " wijzigingen, " << store->count("zienswijzen") << " zienswijzen, " << store->count("facturen") << " facturen, "
              << store->count("betalingen") << " betalingen\n";
    return 0;
}

int db_export(const CommandOptions &o) {
    if (o.format != "json") return usage("unknown format '" + o.format + "' for db export (expected json)");
    auto store = open_store(o, true);
    Transaction tx(*store, false);
    store->require_schema();
    std::cout << export_json(*store);
    return 0;
}

int db_import(const CommandOptions &o) {
    if (o.args.size() != 2) return usage("'vhh db import' needs one FILE (an export of 'vhh db export')");
    auto store = open_store(o, false);
    import_json(*store, o.args[1]);
    std::cout << "vhh: imported " << o.args[1] << " into store " << store->url().display() << "\n";
    return 0;
}

}  // namespace

const char *const kNoStore =
    "no store named: give --database URL, set VHH_DATABASE, or add 'administratie:' to the config";

std::unique_ptr<Store> open_store(const CommandOptions &o, bool must_exist) {
    auto url = named_store(o);
    if (!url) throw StoreError(vhh::ExitCode::usage, kNoStore);
    return std::make_unique<Store>(*url, must_exist);
}

int usage(const std::string &message) {
    std::cerr << "vhh: error: " << message << "\nTry 'vhh --help'.\n";
    return static_cast<int>(vhh::ExitCode::usage);
}

int refused(const StoreError &e) {
    std::cerr << "vhh: error: " << e.what() << "\n";
    return static_cast<int>(e.code);
}

std::string year_and_date_problem(const std::string &jaar, const std::string &date_option, const std::string &date) {
    if (jaar.size() != 4 || jaar.find_first_not_of("0123456789") != std::string::npos || jaar[0] == '0')
        return "--jaar '" + jaar + "' is not a year";
    if (date_option.empty()) return "";
    const auto d = vhh::Date::parse_iso(date);
    if (!d || d->iso() != date) return "--" + date_option + " '" + date + "' is not a date YYYY-MM-DD";
    return "";
}

std::optional<DatabaseUrl> named_store(const CommandOptions &o) {
    // The config is read only when neither the flag nor the variable names the store.
    if (auto url = resolve_database_url(o.database, "", o.config_path)) return url;
    Diagnostics diag;
    const std::string administratie = is_province_config(o.config_path)
                                           ? load_province_config(o.config_path, diag, o.allow_outside_inputs).administratie
                                           : load_run_config(o.config_path, diag, {o.allow_outside_inputs, {}}).administratie;
    if (diag.has_errors()) {
        std::cerr << format_capped(diag);
        throw StoreError(diag.exit_code(), "cannot read the store's name from " + o.config_path);
    }
    return resolve_database_url("", administratie, o.config_path);
}

int cmd_db(const CommandOptions &o) {
    if (o.args.empty()) return usage("'vhh db' needs a subcommand: init, migrate, status, verify, export or import");
    const std::string &sub = o.args[0];
    if (sub != "import" && o.args.size() > 1) return usage("unexpected argument '" + o.args[1] + "' after 'db " + sub + "'");
    try {
        if (sub == "init") return db_init(o);
        if (sub == "migrate") return db_migrate(o);
        if (sub == "status") return db_status(o);
        if (sub == "verify") return db_verify(o);
        if (sub == "export") return db_export(o);
        if (sub == "import") return db_import(o);
        return usage("unknown subcommand 'db " + sub + "' (expected init, migrate, status, verify, export or import)");
    } catch (const StoreError &e) {
        return refused(e);
    }
}

int cmd_log(const CommandOptions &o) {
    if (!o.args.empty()) return usage("unexpected argument '" + o.args[0] + "' after 'log'");
    if (o.format != "table" && o.format != "json") return usage("unknown format '" + o.format + "' for log (expected table or json)");
    try {
        auto store = open_store(o, true);
        Transaction tx(*store, false);
        store->require_schema();
        std::cout << log_text(*store, o.format);
        return 0;
    } catch (const StoreError &e) {
        return refused(e);
    }
}

std::string vaststellen_region(Store &store, const RegionRun &run, const std::string &document, int jaar,
                               const std::string &besluit, const std::string &datum, const std::string &user) {
    const std::string j = std::to_string(jaar);
    if (document == "begroting")
        if (const auto open = unanswered_zienswijzen(store, run.config.region.id, jaar); !open.empty())
            throw StoreError(vhh::ExitCode::data,
                             "the begroting " + j + " of " + run.config.region.id +
                                 " cannot be vastgesteld: the dagelijks bestuur has not reacted to the "
                                 "zienswijze of " + gemeenten_text(open) +
                                 "; record each reaction with 'vhh zienswijze reactie' first");
    const auto &posten = run.pipeline->posten();
    VaststellingInput v{&run.config.region, document, jaar, besluit, datum, &run.pipeline->lines(),
                        posten ? &*posten : nullptr, run.inputs};
    const std::string hash = store_vaststelling(store, v);
    append_log(store, user, "vaststellen " + document,
               run.config.region.id + " " + j + " besluit " + besluit + " datum " + datum + " snapshot " + hash);
    return hash;
}

int cmd_vaststellen(const CommandOptions &o) {
    if (o.args.size() != 1 || (o.args[0] != "begroting" && o.args[0] != "jaarrekening"))
        return usage("'vhh vaststellen' needs the document: begroting or jaarrekening");
    if (o.jaar.empty() || o.besluit.empty() || o.datum.empty())
        return usage("'vhh vaststellen' needs --jaar Y, --besluit TEXT and --datum YYYY-MM-DD");
    if (const std::string problem = year_and_date_problem(o.jaar, "datum", o.datum); !problem.empty())
        return usage(problem);
    const int jaar = std::stoi(o.jaar);
    try {
        Diagnostics diag;
        PluginRegistry registry;
        registry.discover(o.plugin_dirs);
        // A province config vaststelt every region of it at once: all of them or none. Each config
        // is read once: the store is the one it names (after --database and VHH_DATABASE). The report
        // phase runs (its plugins say what the posten amount to), its texts are not rendered.
        std::vector<std::unique_ptr<RegionRun>> runs;
        std::string administratie;
        if (is_province_config(o.config_path)) {
            const ProvinceConfig province = load_province_config(o.config_path, diag, o.allow_outside_inputs);
            administratie = province.administratie;
            const InputPolicy inputs{o.allow_outside_inputs, scope_of_config(o.config_path, false).root};
            for (const auto &r : province.regios)
                runs.push_back(run_region(r.config, r.config, registry, o.templates_dir, true, diag, nullptr, inputs, {},
                                          false));
        } else {
            const std::string label = o.config_given ? o.config_path : "bundled:config/zeeland/vhh.yaml";
            runs.push_back(run_region(o.config_path, label, registry, o.templates_dir, true, diag, nullptr,
                                      {o.allow_outside_inputs, {}}, {}, false));
            if (runs.back()) administratie = runs.back()->config.administratie;
        }
        std::cerr << format_capped(diag);
        if (diag.has_errors()) return static_cast<int>(diag.exit_code());  // errors in the inputs: nothing stored
        const std::optional<DatabaseUrl> url = resolve_database_url(o.database, administratie, o.config_path);
        if (!url) throw StoreError(vhh::ExitCode::usage, kNoStore);
        auto store = std::make_unique<Store>(*url, true);
        for (const auto &run : runs)
            if (run->config.region.boekjaar != jaar)
                throw StoreError(vhh::ExitCode::data, other_boekjaar_message(run->config, o.jaar));
        Transaction tx(*store, true);
        store->require_schema();
        const std::string user = acting_user(o.door);
        std::vector<std::string> done;
        for (const auto &run : runs) {
            const std::string hash = vaststellen_region(*store, *run, o.args[0], jaar, o.besluit, o.datum, user);
            done.push_back(run->config.region.id + "; snapshot " + hash);
        }
        tx.commit();
        for (const auto &d : done)
            std::cout << "vhh: " << o.args[0] << " " << o.jaar << " vastgesteld (" << o.datum << ", " << o.besluit
                      << "): " << d << "\n";
        return 0;
    } catch (const StoreError &e) {
        return refused(e);
    }
}

int cmd_historie(const CommandOptions &o) {
    if (!o.args.empty()) return usage("unexpected argument '" + o.args[0] + "' after 'historie'");
    if (o.posten && !o.gemeente.empty()) return usage("give --gemeente CODE or --posten, not both");
    if (o.format != "table" && o.format != "csv" && o.format != "json")
        return usage("unknown format '" + o.format + "' for historie (expected table, csv or json)");
    try {
        auto store = open_store(o, true);
        Transaction tx(*store, false);
        store->require_schema();
        // The posten beside the gemeenten (table, json); csv is one table: the gemeenten, or with
        // --posten the posten. --gemeente asks about one gemeente: no posten.
        Historie h = read_historie(*store, o.gemeente);
        if (!o.gemeente.empty() && h.gemeenten.empty())
            throw StoreError(vhh::ExitCode::data, "the store has no bijdragen of gemeente " + o.gemeente);
        const bool posten = o.gemeente.empty() && (o.posten || o.format != "csv");
        if (posten) read_posten_historie(*store, h);
        std::cout << (o.format == "json"  ? historie_json(h, !o.posten, posten)
                      : o.format == "csv" ? (o.posten ? historie_posten_csv(h) : historie_csv(h))
                                          : historie_table(h, !o.posten, posten));
        return 0;
    } catch (const StoreError &e) {
        return refused(e);
    }
}

}  // namespace vhh::host::store
