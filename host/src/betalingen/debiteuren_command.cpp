// `vhh debiteuren`: the debiteurenstand on a date (ouderdomsanalyse) and the herinneringen.
#include <ctime>
#include <iostream>

#include "app.h"
#include "betalingen/betalingen_commands.h"
#include "betalingen/debiteurenstand.h"
#include "betalingen/herinnering_document.h"
#include "diagnostic_output.h"
#include "formats.h"
#include "invoicing/termijnen.h"
#include "output/output_set.h"
#include "render/renderer_registry.h"
#include "run.h"
#include "vhh/text.h"

namespace vhh::host::betalingen {

using store::CommandOptions;
using store::StoreError;

namespace {

/// The JSON keys of the age classes.
const char *const kClassKeys[kAgeClasses] = {"niet_vervallen", "dagen_0_30", "dagen_31_60", "dagen_61_90",
                                             "meer_dan_90"};

std::string euro(std::int64_t cents) { return Money::cents(cents).format_nl(); }

std::string classes_json(const std::array<std::int64_t, kAgeClasses> &c) {
    std::string s = "{";
    for (std::size_t k = 0; k < kAgeClasses; ++k)
        s += std::string(k ? ", " : "") + "\"" + kClassKeys[k] + "\": " + std::to_string(c[k]);
    return s + "}";
}

std::string json_text(const std::vector<DebtorPosition> &positions, const Date &per) {
    std::array<std::int64_t, kAgeClasses> totals{};
    std::int64_t total = 0;
    std::string s = "{\"per\": \"" + per.iso() + "\", \"debiteuren\": [";
    for (std::size_t k = 0; k < positions.size(); ++k) {
        const DebtorPosition &d = positions[k];
        s += std::string(k ? "," : "") + "\n  {\"debiteur_id\": " + store::json_quote(d.debiteur_id) +
             ", \"debiteur\": " + store::json_quote(d.debiteur) + ", \"open_cents\": " + std::to_string(d.open_cents) +
             ", \"ouderdom_cents\": " + classes_json(d.per_class) +
             ", \"herinnering\": " + (d.reminder_due() ? "true" : "false") + ", \"posten\": [";
        for (std::size_t i = 0; i < d.items.size(); ++i) {
            const OpenItem &it = d.items[i];
            s += std::string(i ? ", " : "") + "{\"nummer\": " + store::json_quote(it.invoice.nummer) +
                 ", \"datum\": " + store::json_quote(it.invoice.datum) +
                 ", \"vervaldatum\": " + store::json_quote(it.invoice.vervaldatum) +
                 ", \"dagen_na_vervaldatum\": " + std::to_string(it.days_past_due) + ", \"ouderdom\": \"" +
                 kClassKeys[static_cast<std::size_t>(it.age)] + "\", \"open_cents\": " + std::to_string(it.open_cents) + "}";
        }
        s += "]}";
        for (std::size_t c = 0; c < kAgeClasses; ++c) totals[c] += d.per_class[c];
        total += d.open_cents;
    }
    s += positions.empty() ? "]" : "\n]";
    return s + ", \"totaal_cents\": " + classes_json(totals) + ", \"open_cents\": " + std::to_string(total) + "}\n";
}

std::string csv_text(const std::vector<DebtorPosition> &positions) {
    std::string s = std::string(kCsvBom) + "debiteur_id;debiteur;factuur;datum;vervaldatum;dagen_na_vervaldatum;ouderdom;open_cents\n";
    for (const auto &d : positions)
        for (const auto &i : d.items)
            s += csv_field(d.debiteur_id) + ";" + csv_field(d.debiteur) + ";" + i.invoice.nummer + ";" + i.invoice.datum +
                 ";" + i.invoice.vervaldatum + ";" + std::to_string(i.days_past_due) + ";" +
                 kClassKeys[static_cast<std::size_t>(i.age)] + ";" + std::to_string(i.open_cents) + "\n";
    return s;
}

std::string table_text(const std::vector<DebtorPosition> &positions, const Date &per) {
    if (positions.empty()) return "(nothing open on " + per.iso() + ")\n";
    std::string s = pad("debiteur", 34, false);
    for (std::size_t c = 0; c < kAgeClasses; ++c) s += "  " + pad(age_class_text(static_cast<AgeClass>(c)), 17, true);
    s += "  " + pad("totaal open", 17, true) + "\n";
    for (const auto &d : positions) {
        s += pad(printable_text(d.debiteur_id + " " + d.debiteur), 34, false);
        for (std::size_t c = 0; c < kAgeClasses; ++c) s += "  " + pad(euro(d.per_class[c]), 17, true);
        s += "  " + pad(euro(d.open_cents), 17, true) + (d.reminder_due() ? "  herinnering" : "") + "\n";
    }
    return s;
}

/// The fixed creation time of the herinneringen: SOURCE_DATE_EPOCH, else the --per date (so a
/// rerun gives the same bytes).
std::time_t created_at(const Date &per) {
    if (std::getenv("SOURCE_DATE_EPOCH")) return document_time(per.year);
    std::tm tm{};
    tm.tm_year = per.year - 1900;
    tm.tm_mon = per.month - 1;
    tm.tm_mday = per.day;
    return timegm(&tm);
}

}  // namespace

std::vector<doc::Document> run_documents(store::Store &store, const RunConfig &config) {
    const int jaar = config.region.boekjaar;
    const std::vector<invoicing::Invoice> invoices = invoicing::read_invoices(store, config.region.id);
    bool any = false;
    for (const auto &i : invoices) any = any || i.jaar == jaar;
    if (!any) return {};
    const Date per{jaar, 12, 31};
    return {debiteurenstand_document(debiteurenstand(invoices, read_payments(store, config.region.id), per), per, jaar,
                                     config.region.naam)};
}

int cmd_debiteuren(const CommandOptions &o) {
    if (!o.args.empty()) return store::usage("unexpected argument '" + printable_text(o.args[0]) + "' after 'debiteuren'");
    if (o.format != "table" && o.format != "csv" && o.format != "json")
        return store::usage("unknown format '" + o.format + "' for debiteuren (expected table, csv or json)");
    Date per;
    if (o.per.empty()) {
        per = invoicing::today_utc();
    } else if (auto d = Date::parse_iso(o.per)) {
        per = *d;
    } else {
        return store::usage("--per '" + printable_text(o.per) + "' is not a date YYYY-MM-DD");
    }
    try {
        std::unique_ptr<OutputSet> out;
        if (!o.out.empty()) out = std::make_unique<OutputSet>(o.out);
        store::Opened r = store::open_region(o, "debiteuren", 0);
        const RunConfig &c = r.config;
        store::Transaction tx(*r.store, false);
        r.store->require_schema();
        const std::vector<DebtorPosition> positions =
            debiteurenstand(invoicing::read_invoices(*r.store, c.region.id), read_payments(*r.store, c.region.id), per);
        std::size_t letters = 0;
        if (out) {
            std::vector<doc::Document> documents;
            for (const auto &d : positions)
                if (d.reminder_due()) documents.push_back(herinnering_document(d, per, c.region.naam));
            letters = documents.size();
            const std::time_t created = created_at(per);
            const RendererRegistry &reg = RendererRegistry::builtin();
            stage_described_documents(*out, "", documents, {reg.find("pdf"), reg.find("txt")}, created, c.house);
            ManifestInfo info = config_manifest(c, per.year);
            info.created = created;
            out->write_file("manifest.json", manifest_json(info, *out));
            out->commit();
        }
        std::cout << (o.format == "json" ? json_text(positions, per)
                      : o.format == "csv" ? csv_text(positions)
                                          : table_text(positions, per));
        if (out) std::cerr << "vhh: " << letters << (letters == 1 ? " herinnering" : " herinneringen") << " in " << out->out_dir() << "\n";
        return 0;
    } catch (const StoreError &e) {
        return store::refused(e);
    } catch (const OutputError &e) {
        std::cerr << "vhh: error: " << e.what() << "\n";
        return static_cast<int>(vhh::ExitCode::cant_create);
    }
}

}  // namespace vhh::host::betalingen
