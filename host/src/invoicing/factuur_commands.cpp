#include "invoicing/factuur_commands.h"

#include <ctime>
#include <fstream>
#include <iostream>
#include <map>

#include <Poco/JSON/Parser.h>

#include "config/settings_validator.h"
#include "app.h"
#include "diagnostic_output.h"
#include "formats.h"
#include "betalingen/betalingen_store.h"
#include "invoicing/factuur_document.h"
#include "invoicing/facturen_store.h"
#include "invoicing/invoice_correction.h"
#include "invoicing/invoice_issuing.h"
#include "invoicing/termijnen.h"
#include "invoicing/ubl_invoice.h"
#include "output/output_set.h"
#include "output/ownership.h"
#include "output/sha256.h"
#include "render/render_identity.h"
#include "render/render_pool.h"
#include "render/renderer_registry.h"
#include "run.h"
#include "store/audit_log.h"
#include "store/snapshot.h"
#include "vhh/money.h"
#include "vhh/text.h"

namespace vhh::host::invoicing {

using store::CommandOptions;
using store::StoreError;

namespace {

/// A file of an earlier run in the output directory, as its (vhh-sealed) manifest.json lists it.
struct EarlierFile {
    OutputSet::FileDigest digest;
    std::string render_inputs;  ///< "" when the manifest records none
};

/// The files DIR/manifest.json lists when vhh wrote it (read_own_manifest), else none.
std::map<std::string, EarlierFile> earlier_files(const std::string &dir) {
    std::map<std::string, EarlierFile> out;
    const auto listed = read_own_manifest(dir);
    if (!listed) return out;
    for (const auto &f : *listed) out[f.name].digest = {f.bytes, f.sha256};
    try {
        std::ifstream in(dir + "/manifest.json", std::ios::binary);
        Poco::JSON::Parser parser;
        const auto files = parser.parse(in).extract<Poco::JSON::Object::Ptr>()->getArray("files");
        for (std::size_t i = 0; files && i < files->size(); ++i) {
            const auto f = files->getObject(static_cast<unsigned>(i));
            if (f && f->has("render_inputs") && out.count(f->getValue<std::string>("name")))
                out[f->getValue<std::string>("name")].render_inputs = f->getValue<std::string>("render_inputs");
        }
    } catch (const std::exception &) {  // sealed, so ours: then unreadable now means nothing to carry over
        return {};
    }
    return out;
}

/// Writes every invoice of `jaar` of the region (as issued: byte-identical each time) into `out`
/// with a manifest, and returns the output set to commit. An invoice PDF that the output directory
/// already holds, unchanged, rendered from the same inputs (manifest.json's "render_inputs": this
/// program, its libraries and fonts, the house style, the creation time and the invoice's content)
/// is carried over instead of rendered again (a hard link: same bytes, same modification time).
std::unique_ptr<OutputSet> stage_invoices(const std::string &dir, const std::vector<Invoice> &invoices,
                                          const RunConfig &config, int jaar, std::time_t created) {
    auto out = std::make_unique<OutputSet>(dir);
    for (const Invoice &inv : invoices) out->write_file(inv.nummer + ".xml", ubl_xml(inv));
    const std::map<std::string, EarlierFile> earlier = earlier_files(out->out_dir());
    const std::string same_for_all = render_environment_digest() + "\n" + house_style_digest(config.house) + "\n" +
                                     std::to_string(static_cast<long long>(created)) + "\n" + config.region.naam + "\n";
    ManifestInfo info;
    std::vector<const EarlierFile *> carry(invoices.size(), nullptr);
    for (std::size_t i = 0; i < invoices.size(); ++i) {
        const std::string name = invoices[i].nummer + ".pdf";
        const std::string inputs = sha256_hex("vhh factuur pdf 1\n" + same_for_all + content_seal(invoices[i]));
        info.render_inputs[name] = inputs;
        if (auto it = earlier.find(name); it != earlier.end() && it->second.render_inputs == inputs)
            carry[i] = &it->second;
    }
    const DocumentRenderer *pdf = RendererRegistry::builtin().find("pdf");
    RenderOptions options;
    options.created = created;
    options.house = config.house;
    // Rendered in parallel, staged in invoice order (render_pool.h).
    render_in_order(
        invoices.size(),
        [&](std::size_t i) {
            return carry[i] ? std::string() : pdf->render(factuur_document(invoices[i], config.region.naam), options);
        },
        [&](std::size_t i, std::string &&bytes) {
            const std::string name = invoices[i].nummer + ".pdf";
            if (carry[i] && out->carry_over(name, out->out_dir() + "/" + name, carry[i]->digest)) return;
            if (carry[i]) bytes = pdf->render(factuur_document(invoices[i], config.region.naam), options);
            out->write_file(name, bytes);
        });
    info.region = config.region.id;
    info.year = jaar;
    info.created = created;
    info.inputs.push_back({config.path, config.sha256});
    for (const auto &f : config.included_files) info.inputs.push_back({f.path, f.sha256});
    out->write_file("manifest.json", manifest_json(info, *out));
    return out;
}

std::string euro(std::int64_t cents) { return Money::cents(cents).format_nl(); }

int usage(const std::string &m) { return store::usage(m); }

}  // namespace

int cmd_factureren(const CommandOptions &o, std::time_t created) {
    if (!o.args.empty()) return usage("unexpected argument '" + o.args[0] + "' after 'factureren'");
    if (auto p = billing_problem(o.jaar, o.soort, o.termijn); !p.empty()) return usage(p);
    const int jaar = std::stoi(o.jaar);
    try {
        std::unique_ptr<OutputSet> out;
        if (!o.out.empty()) out = std::make_unique<OutputSet>(o.out);  // checked before anything is done
        store::Opened r = store::open_region(o, "factureren", jaar);
        const RunConfig &c = r.config;
        store::Transaction tx(*r.store, true);
        r.store->require_schema();
        const Billing b = bill(*r.store, c, jaar, o.soort, o.termijn, store::acting_user(o.door), o.plugin_dirs);
        std::cerr << b.diagnostics;
        const std::vector<Invoice> &issued = b.issued;
        const std::vector<std::string> &already = b.already;
        if (out) out = stage_invoices(o.out, read_invoices(*r.store, c.region.id, jaar), c, jaar, created);
        tx.commit();
        if (out) out->commit();
        for (const auto &a : already) std::cout << "vhh: already billed: " << a << "\n";
        for (const auto &i : issued)
            std::cout << "vhh: " << (i.credit_note() ? "creditnota " : "factuur ") << i.nummer << " " << i.soort << " "
                      << i.termijn << " " << i.debiteur_id << " " << i.debiteur << " " << euro(i.bedrag_cents + i.btw_cents())
                      << (i.credit_note() ? "" : " (vervalt " + i.vervaldatum + ")") << "\n";
        std::cout << "vhh: " << issued.size() << " new, " << already.size() << " already billed"
                  << (out ? "; documents in " + out->out_dir() : "") << "\n";
        return 0;
    } catch (const BillingRefused &e) {
        std::cerr << e.diagnostics;  // every problem found in the config and its plugins, then the refusal
        return store::refused(e);
    } catch (const StoreError &e) {
        if (e.code == vhh::ExitCode::usage) return usage(e.what());  // an unknown --termijn
        return store::refused(e);
    } catch (const OutputError &e) {
        return output_refused(e);
    }
}

int cmd_crediteren(const CommandOptions &o) {
    if (o.args.size() != 1) return usage("'vhh crediteren' needs the invoice's NUMMER and --reden TEXT");
    std::optional<Money> bedrag;
    if (auto p = credit_problem(o.reden, o.bedrag, o.datum, bedrag); !p.empty()) return usage(p);
    try {
        std::unique_ptr<OutputSet> out;
        if (!o.out.empty()) out = std::make_unique<OutputSet>(o.out);
        store::Opened r = store::open_region(o, "crediteren", 0);
        const RunConfig &c = r.config;
        store::Transaction tx(*r.store, true);
        r.store->require_schema();
        const Credited done = credit(*r.store, c, o.args[0], bedrag, o.datum, o.reden, store::acting_user(o.door));
        const Invoice *inv = &done.invoice;
        const Invoice &issued = done.credit_note;
        if (out) out = stage_invoices(o.out, read_invoices(*r.store, c.region.id, inv->jaar), c, inv->jaar,
                                      document_time(inv->jaar));
        tx.commit();
        if (out) out->commit();
        std::cout << "vhh: creditnota " << issued.nummer << " credits " << euro(issued.bedrag_cents + issued.btw_cents())
                  << " of invoice " << inv->nummer << " (" << inv->debiteur_id << " " << inv->debiteur << ")\n";
        return 0;
    } catch (const StoreError &e) {
        return store::refused(e);
    } catch (const OutputError &e) {
        return output_refused(e);
    }
}

int cmd_corrigeren(const CommandOptions &o) {
    if (o.args.size() != 1) return usage(correction_usage());
    std::optional<Money> bedrag;
    if (const auto problems = correction_problems(o.reden, o.bedrag, o.datum, bedrag); !problems.empty())
        return usage(problems.front().melding);
    try {
        std::unique_ptr<OutputSet> out;
        if (!o.out.empty()) out = std::make_unique<OutputSet>(o.out);
        store::Opened r = store::open_region(o, "corrigeren", 0);
        const RunConfig &c = r.config;
        require_facturatie(c);
        store::Transaction tx(*r.store, true);
        r.store->require_schema();
        const Corrected done = correct(*r.store, c, o.args[0], *bedrag, o.datum, o.reden, store::acting_user(o.door));
        const Invoice &inv = done.invoice, &credited = done.credit_note, &issued = done.corrected;
        if (out) out = stage_invoices(o.out, read_invoices(*r.store, c.region.id, inv.jaar), c, inv.jaar,
                                      document_time(inv.jaar));
        tx.commit();
        if (out) out->commit();
        std::cout << "vhh: creditnota " << credited.nummer << " credits " << euro(credited.bedrag_cents + credited.btw_cents())
                  << " of invoice " << inv.nummer << "; gecorrigeerde factuur " << issued.nummer << " bills "
                  << euro(issued.bedrag_cents + issued.btw_cents()) << " (" << inv.debiteur_id << " " << inv.debiteur
                  << ", vervalt " << issued.vervaldatum << ")\n";
        return 0;
    } catch (const StoreError &e) {
        return store::refused(e);
    } catch (const OutputError &e) {
        return output_refused(e);
    }
}

int cmd_facturen(const CommandOptions &o) {
    if (!o.args.empty()) return usage("unexpected argument '" + o.args[0] + "' after 'facturen'");
    if (!o.jaar.empty())
        if (auto p = store::year_and_date_problem(o.jaar, "", ""); !p.empty()) return usage(p);
    if (o.format != "table" && o.format != "csv" && o.format != "json")
        return usage("unknown format '" + o.format + "' for facturen (expected table, csv or json)");
    try {
        store::Opened r = store::open_region(o, "facturen", 0);
        store::Transaction tx(*r.store, false);
        r.store->require_schema();
        const std::vector<Invoice> all = read_invoices(*r.store, r.config.region.id);
        const auto paid = betalingen::paid_per_invoice(betalingen::read_payments(*r.store, r.config.region.id));
        auto open_cents = [&](const Invoice &i, const std::vector<Invoice> &a) {
            return betalingen::open_after_payments(i, a, paid);
        };
        std::vector<const Invoice *> shown;
        for (const auto &i : all)
            if (o.jaar.empty() || i.jaar == std::stoi(o.jaar)) shown.push_back(&i);
        auto status = [&](const Invoice &i, std::int64_t open) {
            return invoice_status(i, open, paid.count(i.nummer) && paid.at(i.nummer) != 0);
        };
        std::string text;
        if (o.format == "json") {
            text = "{\"facturen\": [";
            for (std::size_t k = 0; k < shown.size(); ++k) {
                const Invoice &i = *shown[k];
                const std::int64_t amount = (i.bedrag_cents + i.btw_cents()) * (i.credit_note() ? -1 : 1);
                const std::int64_t open = open_cents(i, all);
                text += std::string(k ? "," : "") + "\n  {\"nummer\": " + store::json_quote(i.nummer) +
                        ", \"soort\": " + store::json_quote(i.soort) + ", \"jaar\": " + std::to_string(i.jaar) +
                        ", \"typecode\": " + store::json_quote(i.typecode) + ", \"termijn\": " + store::json_quote(i.termijn) +
                        ", \"debiteur_id\": " + store::json_quote(i.debiteur_id) +
                        ", \"debiteur\": " + store::json_quote(i.debiteur) + ", \"datum\": " + store::json_quote(i.datum) +
                        ", \"vervaldatum\": " + store::json_quote(i.vervaldatum) +
                        ", \"bedrag_cents\": " + std::to_string(amount) + ", \"btw_cents\": " +
                        std::to_string(i.btw_cents() * (i.credit_note() ? -1 : 1)) +
                        ", \"open_cents\": " + std::to_string(open) +
                        ", \"betalingskenmerk\": " + store::json_quote(i.betalingskenmerk) +
                        ", \"crediteert\": " + store::json_quote(i.corrected() ? "" : i.crediteert) +
                        ", \"corrigeert\": " + store::json_quote(i.corrected() ? i.crediteert : "") +
                        ", \"status\": " + store::json_quote(status(i, open)) + "}";
            }
            text += shown.empty() ? "]}\n" : "\n]}\n";
        } else if (o.format == "csv") {
            text = std::string(kCsvBom) +
                   "nummer;soort;jaar;termijn;debiteur_id;debiteur;datum;vervaldatum;bedrag_cents;open_cents;"
                   "betalingskenmerk;status\n";
            for (const Invoice *i : shown) {
                const std::int64_t open = open_cents(*i, all);
                text += i->nummer + ";" + i->soort + ";" + std::to_string(i->jaar) + ";" + i->termijn + ";" +
                        csv_field(i->debiteur_id) + ";" + csv_field(i->debiteur) + ";" + i->datum + ";" + i->vervaldatum +
                        ";" + std::to_string((i->bedrag_cents + i->btw_cents()) * (i->credit_note() ? -1 : 1)) + ";" +
                        std::to_string(open) + ";" + i->betalingskenmerk + ";" + status(*i, open) + "\n";
            }
        } else {
            for (const Invoice *i : shown) {
                const std::int64_t open = open_cents(*i, all);
                text += pad(i->nummer, 11, false) + "  " + pad(i->soort, 12, false) + "  " + pad(i->termijn, 4, false) +
                        "  " + pad(i->debiteur_id + " " + i->debiteur, 34, false) + "  " + i->datum + "  " +
                        pad(euro((i->bedrag_cents + i->btw_cents()) * (i->credit_note() ? -1 : 1)), 14, true) +
                        "  open " + pad(euro(open), 14, true) + "  " + status(*i, open) + "\n";
            }
            if (shown.empty()) text = "(the store holds no invoices" + (o.jaar.empty() ? "" : " of " + o.jaar) + ")\n";
        }
        std::cout << text;
        return 0;
    } catch (const StoreError &e) {
        return store::refused(e);
    }
}

}  // namespace vhh::host::invoicing
