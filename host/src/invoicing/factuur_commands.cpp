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
    if (const auto listed = read_own_manifest(dir))
        for (const auto &f : *listed) out[f.name] = {{f.bytes, f.sha256}, f.render_inputs};
    return out;
}

/// The invoices of one region to write, under `prefix` ("" for one region's run, "<region id>/"
/// for a province's).
struct RegionInvoices {
    const RunConfig *config;
    std::vector<Invoice> invoices;
    std::string prefix;
};

/// Writes every invoice of `regions` (as issued: byte-identical each time) into `dir` with a
/// manifest (`info` names the run and its inputs), and returns the output set to commit: per invoice
/// its e-invoice (NUMMER.xml) and its PDF. A document that the output directory already holds,
/// unchanged, made from the same inputs (manifest.json's "render_inputs": this program, its
/// libraries and fonts, and the invoice's content; for the PDF also the house style and the
/// creation time) is carried over instead of made again (a hard link: same bytes, same modification
/// time). The documents of all regions are made on one pool of threads.
std::unique_ptr<OutputSet> stage_invoices(const std::string &dir, const std::vector<RegionInvoices> &regions,
                                          ManifestInfo info, std::time_t created) {
    auto out = std::make_unique<OutputSet>(dir);
    struct Job {
        const RegionInvoices *region;
        const Invoice *invoice;
        bool pdf;                     ///< else the e-invoice
        std::string name;             ///< in the output directory
        const EarlierFile *carry = nullptr;
    };
    std::vector<Job> jobs;
    const std::map<std::string, EarlierFile> earlier = earlier_files(out->out_dir());
    const std::string environment = render_environment_digest() + "\n";
    for (const RegionInvoices &r : regions) {
        const std::string pdf_inputs = environment + house_style_digest(r.config->house) + "\n" +
                                       std::to_string(static_cast<long long>(created)) + "\n" +
                                       r.config->region.naam + "\n";
        for (const Invoice &inv : r.invoices) {
            const std::string seal = content_seal(inv);
            for (const bool pdf : {false, true}) {
                Job job{&r, &inv, pdf, r.prefix + inv.nummer + (pdf ? ".pdf" : ".xml")};
                const std::string inputs = sha256_hex(pdf ? "vhh factuur pdf 1\n" + pdf_inputs + seal
                                                          : "vhh factuur ubl 1\n" + environment + seal);
                info.render_inputs[job.name] = inputs;
                if (auto it = earlier.find(job.name); it != earlier.end() && it->second.render_inputs == inputs)
                    job.carry = &it->second;
                jobs.push_back(std::move(job));
            }
        }
    }
    const DocumentRenderer *pdf = RendererRegistry::builtin().find("pdf");
    auto make = [&](const Job &job) {
        if (!job.pdf) return ubl_xml(*job.invoice);
        RenderOptions options;
        options.created = created;
        options.house = job.region->config->house;
        return pdf->render(factuur_document(*job.invoice, job.region->config->region.naam), options);
    };
    // Made in parallel, staged in order (render_pool.h); a document to carry over is read on the
    // pool too (its digest), and only linked on this thread.
    std::vector<RememberedDigest> seen(jobs.size());
    auto source = [&](const Job &job) { return out->out_dir() + "/" + job.name; };
    render_in_order(
        jobs.size(),
        [&](std::size_t i) {
            if (!jobs[i].carry) return make(jobs[i]);
            try {
                seen[i] = sha256_of_file_remembered(source(jobs[i]));
            } catch (const std::exception &) {  // unreadable: made again
            }
            return std::string();
        },
        [&](std::size_t i, std::string &&bytes) {
            const Job &job = jobs[i];
            if (job.carry && out->carry_over(job.name, source(job), job.carry->digest, seen[i])) return;
            if (job.carry) bytes = make(job);
            out->write_file(job.name, bytes);
        });
    info.created = created;
    out->write_file("manifest.json", manifest_json(info, *out));
    return out;
}

/// The manifest's description of a billing: one region's config, or a province's with its regions
/// and every region config's inputs after the province config.
ManifestInfo billing_manifest(const store::OpenedRegions &r, int jaar) {
    if (r.province_id.empty()) return config_manifest(r.configs.front(), jaar);
    ManifestInfo info;
    info.region = r.province_id;
    info.year = jaar;
    info.inputs.push_back({r.province_path, r.province_sha256});
    for (const RunConfig &c : r.configs) {
        const ManifestInfo one = config_manifest(c, jaar);
        info.regions.push_back(c.region.id);
        info.inputs.insert(info.inputs.end(), one.inputs.begin(), one.inputs.end());
    }
    return info;
}

/// Every invoice of `jaar` of one region, written into `dir` (crediteren, corrigeren).
std::unique_ptr<OutputSet> stage_region_invoices(const std::string &dir, store::Store &store, const RunConfig &config,
                                                 int jaar, std::time_t created) {
    return stage_invoices(dir, {{&config, read_invoices(store, config.region.id, jaar), ""}},
                          config_manifest(config, jaar), created);
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
        // One region's config, or a province's: then every region of it is billed in this one
        // transaction (all of them or none) and its documents go to DIR/<region id>/.
        store::OpenedRegions r = store::open_regions(o, "factureren", jaar);
        const bool province = !r.province_id.empty();
        store::Transaction tx(*r.store, true);
        r.store->require_schema();
        const std::string user = store::acting_user(o.door);
        std::vector<Billing> billings;
        for (const RunConfig &c : r.configs) {
            billings.push_back(bill(*r.store, c, jaar, o.soort, o.termijn, user, o.plugin_dirs));
            std::cerr << billings.back().diagnostics;
        }
        if (out) {
            std::vector<RegionInvoices> regions;
            for (const RunConfig &c : r.configs)
                regions.push_back({&c, read_invoices(*r.store, c.region.id, jaar), province ? c.region.id + "/" : ""});
            out = stage_invoices(o.out, regions, billing_manifest(r, jaar), created);
        }
        tx.commit();
        if (out) out->commit();
        std::size_t issued_total = 0, already_total = 0;
        for (std::size_t k = 0; k < billings.size(); ++k) {
            const std::string region = province ? r.configs[k].region.id + ": " : "";
            for (const auto &a : billings[k].already) std::cout << "vhh: " << region << "already billed: " << a << "\n";
            for (const auto &i : billings[k].issued)
                std::cout << "vhh: " << region << (i.credit_note() ? "creditnota " : "factuur ") << i.nummer << " "
                          << i.soort << " " << i.termijn << " " << i.debiteur_id << " " << i.debiteur << " "
                          << euro(i.bedrag_cents + i.btw_cents())
                          << (i.credit_note() ? "" : " (vervalt " + i.vervaldatum + ")") << "\n";
            issued_total += billings[k].issued.size();
            already_total += billings[k].already.size();
        }
        std::cout << "vhh: " << issued_total << " new, " << already_total << " already billed"
                  << (province ? " in " + std::to_string(r.configs.size()) + " regions" : "")
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
        if (out) out = stage_region_invoices(o.out, *r.store, c, inv->jaar, document_time(inv->jaar));
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
        if (out) out = stage_region_invoices(o.out, *r.store, c, inv.jaar, document_time(inv.jaar));
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
