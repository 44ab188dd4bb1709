// `vhh wijziging` and `vhh zienswijze`: the begroting cycle's records in the store. Each is one write
// transaction with its audit log entry; inputs are checked before anything is written.
#include <cstdint>
#include <filesystem>
#include <iostream>

#include "config/province_config.h"
#include "config/region_config.h"
#include "diagnostic_output.h"
#include "output/sha256.h"
#include "store/administration.h"
#include "store/audit_log.h"
#include "store/snapshot.h"
#include "store/store_commands.h"
#include "store/wijziging.h"
#include "store/zienswijze.h"
#include "store/zienswijze_rules.h"

namespace vhh::host::store {

namespace {

constexpr std::uintmax_t kMaxBijlage = 20u * 1024 * 1024;

/// --wijziging N as a number (0 when not given); -1 when it is not a number.
int wijziging_nummer(const std::string &text) {
    if (text.empty()) return 0;
    if (text.size() > 4 || text.find_first_not_of("0123456789") != std::string::npos || text[0] == '0') return -1;
    return std::stoi(text);
}

int zienswijze_record(const CommandOptions &o, int jaar, int nummer) {
    if (o.gemeente.empty() || o.ontvangen.empty() || o.samenvatting.empty())
        return usage("'vhh zienswijze' needs --gemeente CODE, --jaar Y, --ontvangen YYYY-MM-DD and --samenvatting TEXT");
    if (auto p = zienswijze_field_problems(o.jaar, o.gemeente, o.ontvangen, o.samenvatting); !p.empty())
        return usage(p.front().melding);
    std::string bijlage;
    if (!o.bijlage.empty()) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(o.bijlage, ec))
            throw StoreError(vhh::ExitCode::no_input, "--bijlage " + o.bijlage + " is not a file that can be read");
        if (std::filesystem::file_size(o.bijlage, ec) > kMaxBijlage)
            throw StoreError(vhh::ExitCode::data, "--bijlage " + o.bijlage + " is larger than 20 MB");
        bijlage = read_file_bytes(o.bijlage);
    }
    Opened r = open_region(o, "zienswijze", jaar);
    const Region &region = r.config.region;
    std::string problem;
    const Gemeente *g = zienswijze_gemeente(region, o.gemeente, o.jaar, problem);
    if (!g) throw StoreError(vhh::ExitCode::data, problem);
    Transaction tx(*r.store, true);
    r.store->require_schema();
    if (auto p = zienswijze_store_problem(*r.store, region.id, jaar, nummer)) throw StoreError(vhh::ExitCode::data, *p);
    ZienswijzeInput z{region.id, jaar, zienswijze_onderwerp(nummer), g->code, g->naam, o.ontvangen, o.samenvatting,
                      o.bijlage.empty() ? "" : std::filesystem::path(o.bijlage).filename().string(), bijlage};
    record_zienswijze_logged(*r.store, z, acting_user(o.door));
    tx.commit();
    std::cout << "vhh: zienswijze of " << g->code << " " << g->naam << " on the " << z.onderwerp << " " << o.jaar
              << " recorded (ontvangen " << o.ontvangen << ")\n";
    return 0;
}

int zienswijze_reactie(const CommandOptions &o, int jaar, int nummer) {
    if (o.gemeente.empty() || o.datum.empty() || o.reactie.empty())
        return usage("'vhh zienswijze reactie' needs --gemeente CODE, --jaar Y, --datum YYYY-MM-DD and --reactie TEXT");
    if (auto p = reactie_field_problems(o.jaar, o.datum, o.reactie); !p.empty()) return usage(p.front().melding);
    Opened r = open_region(o, "zienswijze reactie", jaar);
    Transaction tx(*r.store, true);
    r.store->require_schema();
    const StoredZienswijze z =
        zienswijze_to_answer(*r.store, r.config.region.id, jaar, zienswijze_onderwerp(nummer), o.gemeente, o.datum);
    record_reactie_logged(*r.store, r.config.region.id, jaar, z, o.datum, o.reactie, acting_user(o.door));
    tx.commit();
    std::cout << "vhh: reactie to the zienswijze of " << z.gemeente << " " << z.gemeente_naam << " recorded (" << o.datum
              << ")\n";
    return 0;
}

}  // namespace

Opened open_region(const CommandOptions &o, const std::string &command, int jaar) {
    if (is_province_config(o.config_path))
        throw StoreError(vhh::ExitCode::config, o.config_path + " is a province config; 'vhh " + command +
                                                    "' works on one region's config");
    Diagnostics diag;
    Opened out{load_run_config(o.config_path, diag, {o.allow_outside_inputs, {}}), nullptr};
    std::cerr << format_capped(diag);
    if (diag.has_errors()) throw StoreError(diag.exit_code(), "nothing was recorded: the config has errors");
    if (jaar && out.config.region.boekjaar != jaar)
        throw StoreError(vhh::ExitCode::data, other_boekjaar_message(out.config, o.jaar));
    const auto url = resolve_database_url(o.database, out.config.administratie, o.config_path);
    if (!url)
        throw StoreError(vhh::ExitCode::usage, kNoStore);
    out.store = std::make_unique<Store>(*url, true);
    return out;
}

OpenedRegions open_regions(const CommandOptions &o, const std::string &command, int jaar) {
    OpenedRegions out;
    if (!is_province_config(o.config_path)) {
        Opened one = open_region(o, command, jaar);
        out.configs.push_back(std::move(one.config));
        out.store = std::move(one.store);
        return out;
    }
    Diagnostics diag;
    const ProvinceConfig province = load_province_config(o.config_path, diag, o.allow_outside_inputs);
    const InputPolicy inputs{o.allow_outside_inputs, scope_of_config(o.config_path, false).root};
    for (const auto &r : province.regios) out.configs.push_back(load_run_config(r.config, diag, inputs));
    std::cerr << format_capped(diag);
    if (diag.has_errors()) throw StoreError(diag.exit_code(), "nothing was recorded: the config has errors");
    for (const auto &c : out.configs)
        if (jaar && c.region.boekjaar != jaar)
            throw StoreError(vhh::ExitCode::data, other_boekjaar_message(c, std::to_string(jaar)));
    out.province_id = province.id;
    out.province_path = province.path;
    out.province_sha256 = province.sha256;
    const auto url = resolve_database_url(o.database, province.administratie, o.config_path);
    if (!url) throw StoreError(vhh::ExitCode::usage, kNoStore);
    out.store = std::make_unique<Store>(*url, true);
    return out;
}

std::optional<RecordedWijziging> record_wijziging_file(Store &store, const Region &region, int jaar,
                                                      const std::string &bestand, const std::string &besluit,
                                                      const std::string &datum, const std::string &user,
                                                      Diagnostics &diag) {
    const std::string j = std::to_string(jaar);
    const auto begroting = find_vaststelling(store, region.id, "begroting", jaar);
    if (!begroting)
        throw StoreError(vhh::ExitCode::data, "the store holds no vastgestelde begroting " + j + " of " + region.id +
                                                  " to change ('vhh vaststellen begroting' first)");
    if (datum < begroting->datum)
        throw StoreError(vhh::ExitCode::data,
                         "--datum " + datum + " is before the begroting " + j + " was vastgesteld (" + begroting->datum + ")");
    WijzigingInput w = read_wijziging_file(bestand, region, begroting->posten, diag);
    if (diag.has_errors()) return std::nullopt;
    w.regio = region.id;
    w.jaar = jaar;
    w.besluit = besluit;
    w.datum = datum;
    const RecordedWijziging rec = record_wijziging(store, w);
    append_log(store, user, "wijziging", wijziging_log_text(w, rec));
    return rec;
}

int cmd_wijziging(const CommandOptions &o) {
    if (!o.args.empty()) return usage("unexpected argument '" + o.args[0] + "' after 'wijziging'");
    if (o.jaar.empty() || o.bestand.empty() || o.besluit.empty() || o.datum.empty())
        return usage("'vhh wijziging' needs --jaar Y, --bestand FILE, --besluit TEXT and --datum YYYY-MM-DD");
    if (auto p = year_and_date_problem(o.jaar, "datum", o.datum); !p.empty()) return usage(p);
    const int jaar = std::stoi(o.jaar);
    try {
        Opened r = open_region(o, "wijziging", jaar);
        const Region &region = r.config.region;
        Transaction tx(*r.store, true);
        r.store->require_schema();
        Diagnostics diag;
        const auto rec = record_wijziging_file(*r.store, region, jaar, o.bestand, o.besluit, o.datum,
                                               acting_user(o.door), diag);
        std::cerr << format_capped(diag);
        if (!rec) return static_cast<int>(diag.exit_code());  // nothing recorded
        tx.commit();
        std::cout << "vhh: begrotingswijziging " << rec->nummer << " of " << o.jaar << " recorded (" << o.datum << ", "
                  << o.besluit << "): " << region.id << "; sha256 " << rec->sha256 << "\n";
        return 0;
    } catch (const StoreError &e) {
        return refused(e);
    }
}

int cmd_zienswijze(const CommandOptions &o) {
    const std::string sub = o.args.empty() ? "" : o.args[0];
    if (o.args.size() > 1 || (!sub.empty() && sub != "reactie" && sub != "lijst"))
        return usage("'vhh zienswijze' takes no argument, or 'reactie' or 'lijst'");
    if (o.jaar.empty()) return usage("'vhh zienswijze' needs --jaar Y (the begrotingsjaar)");
    if (auto p = year_and_date_problem(o.jaar, "", ""); !p.empty()) return usage(p);
    const int nummer = wijziging_nummer(o.wijziging);
    if (nummer < 0) return usage("--wijziging '" + o.wijziging + "' is not the number of a begrotingswijziging");
    if (sub == "lijst" && o.format != "table" && o.format != "json")
        return usage("unknown format '" + o.format + "' for zienswijze lijst (expected table or json)");
    const int jaar = std::stoi(o.jaar);
    try {
        if (sub == "reactie") return zienswijze_reactie(o, jaar, nummer);
        if (sub.empty()) return zienswijze_record(o, jaar, nummer);
        Opened r = open_region(o, "zienswijze lijst", jaar);
        Transaction tx(*r.store, false);
        r.store->require_schema();
        std::cout << zienswijzen_text(find_zienswijzen(*r.store, r.config.region.id, jaar), jaar, o.format);
        return 0;
    } catch (const StoreError &e) {
        return refused(e);
    }
}

}  // namespace vhh::host::store
