#include "invoicing/factuur_commands.h"

#include <ctime>
#include <iostream>
#include <map>

#include "config/settings_validator.h"
#include "app.h"
#include "diagnostic_output.h"
#include "formats.h"
#include "betalingen/betalingen_store.h"
#include "invoicing/factuur_document.h"
#include "invoicing/facturen_store.h"
#include "invoicing/termijnen.h"
#include "invoicing/ubl_invoice.h"
#include "invoicing/werkplekhuur_termijnen.h"
#include "pipeline.h"
#include "output/output_set.h"
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

const char *const kNoFacturatie =
    " has no facturatie: section (leverancier, debiteuren, termijnen): vhh cannot address invoices";

Parties parties_for(const Facturatie &f, const InvoiceParty &deb, const std::string &naam) {
    Parties p;
    p.lev_naam = f.leverancier.naam;
    p.lev_oin = f.leverancier.oin;
    p.lev_kvk = f.leverancier.kvk;
    p.lev_btw = f.leverancier.btw;
    p.lev_straat = f.leverancier.straat;
    p.lev_postcode = f.leverancier.postcode;
    p.lev_plaats = f.leverancier.plaats;
    p.lev_contact = f.leverancier.contact;
    p.lev_email = f.leverancier.email;
    p.iban = f.iban;
    p.bic = f.bic;
    p.illustratief = f.illustratief ? "ja" : "";
    p.deb_naam = deb.naam.empty() ? naam : deb.naam;
    p.deb_oin = deb.oin;
    p.deb_kvk = deb.kvk;
    p.deb_straat = deb.straat;
    p.deb_postcode = deb.postcode;
    p.deb_plaats = deb.plaats;
    p.deb_email = deb.email;
    p.deb_referentie = deb.referentie;
    return p;
}

/// Writes every invoice of `jaar` of the region (as issued: byte-identical each time) into `out`
/// with a manifest, and returns the output set to commit.
std::unique_ptr<OutputSet> stage_invoices(const std::string &dir, const std::vector<Invoice> &invoices,
                                          const RunConfig &config, int jaar, std::time_t created) {
    auto out = std::make_unique<OutputSet>(dir);
    std::vector<doc::Document> documents;
    for (const Invoice &inv : invoices) {
        out->write_file(inv.nummer + ".xml", ubl_xml(inv));
        documents.push_back(factuur_document(inv, config.region.naam));
    }
    const DocumentRenderer *pdf = RendererRegistry::builtin().find("pdf");
    stage_described_documents(*out, "", documents, {pdf}, created, config.house);
    ManifestInfo info;
    info.region = config.region.id;
    info.year = jaar;
    info.created = created;
    info.inputs.push_back({config.path, config.sha256});
    for (const auto &f : config.included_files) info.inputs.push_back({f.path, f.sha256});
    out->write_file("manifest.json", manifest_json(info, *out));
    return out;
}

std::string euro(std::int64_t cents) { return Money::cents(cents).format_nl(); }

/// An invoice to issue (its number still unknown).
Invoice draft(const RunConfig &c, const std::string &soort, const std::string &termijn, const Date &van,
              const Date &tot, const Date &datum, const std::string &debiteur_id, const std::string &debiteur) {
    Invoice inv;
    inv.regio = c.region.id;
    inv.jaar = c.region.boekjaar;
    inv.soort = soort;
    inv.termijn = termijn;
    inv.periode_van = van.iso();
    inv.periode_tot = tot.iso();
    inv.datum = datum.iso();
    inv.vervaldatum = add_days(datum, c.facturatie.betaaltermijn_dagen).iso();
    inv.debiteur_id = debiteur_id;
    inv.debiteur = debiteur;
    inv.btw = soort == "werkplekhuur" ? (c.facturatie.werkplekhuur_btw == "belast" ? "S" : "E") : "O";
    return inv;
}

bool billed(const std::vector<Invoice> &existing, const std::string &soort, const std::string &termijn,
            const std::string &debiteur_id, const Invoice **which) {
    for (const auto &e : existing)
        if (e.soort == soort && e.termijn == termijn && e.debiteur_id == debiteur_id) {
            *which = &e;
            return true;
        }
    return false;
}

/// The gemeentelijke bijdragen per gemeente of a vastgestelde document (gemeenten in region order).
std::vector<std::pair<const Gemeente *, std::int64_t>> per_gemeente(const store::StoredSnapshot &s, const Region &region) {
    std::vector<std::pair<const Gemeente *, std::int64_t>> out;
    for (const auto &g : region.gemeenten) {
        std::int64_t total = 0;
        bool any = false;
        for (const auto &l : s.bijdragen)
            if (l.payer_id == g.code) {
                total += l.amount.in_cents();
                any = true;
            }
        if (any) out.push_back({&g, total});
    }
    return out;
}

int usage(const std::string &m) { return store::usage(m); }

/// What werkplekhuur per termijn needs: the partners of the registry and the pro-rata rule.
struct WerkplekSpreiding {
    std::vector<Partner> partners;
    werkplekhuur::ProRata rule = werkplekhuur::ProRata::eerste_van_de_maand;

    const Partner *partner(const std::string &id) const {
        for (const auto &p : partners)
            if (p.id == id) return &p;
        return nullptr;
    }
};

/// The partner registry of `c` (its plugins loaded as `vhh partners` does) and the `pro_rata` of the
/// financing.werkplekhuur entry. Problems are printed and thrown as a StoreError with their exit code.
WerkplekSpreiding werkplek_spreiding(const CommandOptions &o, const RunConfig &c) {
    WerkplekSpreiding out;
    Diagnostics diag;
    PluginRegistry registry;
    Pipeline pipeline(c, registry, diag);
    registry.discover(o.plugin_dirs);
    if (prepare_plugins(c, pipeline, diag)) pipeline.load(diag);
    if (!diag.has_errors() && !pipeline.has_partner_registry())
        diag.error(vhh::ExitCode::config, {c.path, 0, 0}, "facturatie.werkplekhuur_termijnen",
                   "werkplekhuur per termijn is pro rata the werkplekken of the partner registry, and none is configured",
                   "add '- name: registry.partners' to plugins, or bill werkplekhuur per jaar");
    if (diag.has_errors()) {
        std::cerr << format_capped(diag);
        throw StoreError(diag.exit_code(), "nothing was billed");
    }
    out.partners = pipeline.partners();
    for (const auto &entry : c.plugins)
        if (entry.name == "financing.werkplekhuur")
            if (const YamlNode *rule = entry.section.find("pro_rata"))
                out.rule = werkplekhuur::pro_rata_from_name(rule->text);  // checked with the plugin's settings
    return out;
}

}  // namespace

int cmd_factureren(const CommandOptions &o, std::time_t created) {
    if (!o.args.empty()) return usage("unexpected argument '" + o.args[0] + "' after 'factureren'");
    if (o.jaar.empty() || o.soort.empty())
        return usage("'vhh factureren' needs --jaar Y and --soort voorschot|werkplekhuur|afrekening");
    if (auto p = store::year_and_date_problem(o.jaar, "", ""); !p.empty()) return usage(p);
    if (o.soort != "voorschot" && o.soort != "werkplekhuur" && o.soort != "afrekening")
        return usage("--soort '" + printable_text(o.soort) + "' is not voorschot, werkplekhuur or afrekening");
    if (!o.termijn.empty() && o.soort == "afrekening")
        return usage("--termijn applies to --soort voorschot and werkplekhuur (the afrekening is billed per year)");
    const int jaar = std::stoi(o.jaar);
    try {
        std::unique_ptr<OutputSet> out;
        if (!o.out.empty()) out = std::make_unique<OutputSet>(o.out);  // checked before anything is done
        store::Opened r = store::open_region(o, "factureren", jaar);
        const RunConfig &c = r.config;
        const Facturatie &f = c.facturatie;
        if (!f.configured) throw StoreError(vhh::ExitCode::config, o.config_path + kNoFacturatie);
        // Voorschotnota's per `termijnen:`, werkplekhuur per `werkplekhuur_termijnen:` (default: the year).
        const std::string &kind = o.soort == "werkplekhuur" ? f.werkplekhuur_termijnen : f.termijnen;
        if (!o.termijn.empty() && o.soort == "werkplekhuur" && kind == "jaar")
            return usage("--termijn: werkplekhuur is billed per year (facturatie.werkplekhuur_termijnen: jaar in " +
                         o.config_path + ")");
        const std::vector<Termijn> termijnen = termijnen_of(o.soort == "afrekening" ? "jaar" : kind, jaar);
        std::vector<std::size_t> chosen;
        if (o.termijn.empty()) {
            for (std::size_t i = 0; i < termijnen.size(); ++i) chosen.push_back(i);
        } else if (auto t = find_termijn(o.termijn, termijnen)) {
            chosen.push_back(*t);
        } else {
            std::string ids;
            for (const auto &t : termijnen) ids += (ids.empty() ? "" : ", ") + t.id;
            return usage("--termijn '" + printable_text(o.termijn) + "' is not a termijn of " + o.jaar + " (termijnen: " +
                         kind + ": " + ids + ", or their number 1 to " + std::to_string(termijnen.size()) + ")");
        }
        store::Transaction tx(*r.store, true);
        r.store->require_schema();
        const auto begroting = store::find_vaststelling(*r.store, c.region.id, "begroting", jaar);
        if (!begroting)
            throw StoreError(vhh::ExitCode::data, "the store holds no vastgestelde begroting " + o.jaar + " of " +
                                                      c.region.id + ": nothing to bill ('vhh vaststellen begroting' first)");
        const std::vector<Invoice> existing = read_invoices(*r.store, c.region.id, jaar);
        std::vector<Invoice> drafts;
        std::vector<std::string> already, problems;
        auto add = [&](Invoice inv, std::int64_t cents, const std::string &regel) {
            const Invoice *which = nullptr;
            if (billed(existing, inv.soort, inv.termijn, inv.debiteur_id, &which)) {
                already.push_back(inv.soort + " " + inv.termijn + " " + inv.debiteur_id + " " + inv.debiteur + ": " +
                                  (which->credit_note() ? "creditnota " : "factuur ") + which->nummer);
                return;
            }
            if (cents == 0) return;
            const InvoiceParty *deb = f.debiteur(inv.debiteur_id);
            if (!deb) {
                problems.push_back(inv.debiteur_id + " " + inv.debiteur);
                return;
            }
            if (cents < 0) inv.typecode = "381";
            inv.regels.push_back({regel, cents < 0 ? -cents : cents});
            inv.partijen = parties_json(
                parties_for(f, *deb, c.region.find(inv.debiteur_id) ? "Gemeente " + inv.debiteur : inv.debiteur));
            drafts.push_back(std::move(inv));
        };
        if (o.soort == "voorschot") {
            for (const auto &[g, total] : per_gemeente(*begroting, c.region)) {
                const std::vector<std::int64_t> parts = split_evenly(total, termijnen.size());
                for (std::size_t i : chosen) {
                    const Termijn &t = termijnen[i];
                    add(draft(c, "voorschot", t.id, t.van, t.tot, t.van, g->code, g->naam), parts[i],
                        "Voorschot bijdrage " + o.jaar + " termijn " + t.id + " (" + std::to_string(i + 1) + " van " +
                            std::to_string(termijnen.size()) + "; begroting vastgesteld " + begroting->datum + ", " +
                            begroting->besluit + ")");
                }
            }
        } else if (o.soort == "werkplekhuur") {
            std::vector<std::pair<std::string, std::string>> order;
            std::map<std::string, std::int64_t> totals;
            for (const auto &l : begroting->bijdragen) {
                if (l.source != "werkplekhuur" || c.region.find(l.payer_id)) continue;
                if (!totals.count(l.payer_id)) order.push_back({l.payer_id, l.payer});
                totals[l.payer_id] += l.amount.in_cents();
            }
            // Per termijn: the year's amount pro rata the partner's werkplek-units in each termijn.
            std::optional<WerkplekSpreiding> spreiding;
            if (termijnen.size() > 1) spreiding = werkplek_spreiding(o, c);
            for (const auto &[id, naam] : order) {
                if (termijnen.size() == 1) {
                    add(draft(c, "werkplekhuur", "jaar", Date{jaar, 1, 1}, Date{jaar, 12, 31}, Date{jaar, 1, 1}, id, naam),
                        totals[id], "Werkplekhuur " + o.jaar + " (begroting vastgesteld " + begroting->datum + ")");
                    continue;
                }
                const Invoice *year = nullptr;
                if (billed(existing, "werkplekhuur", "jaar", id, &year)) {  // billed for the whole year before
                    already.push_back("werkplekhuur jaar " + id + " " + naam + ": factuur " + year->nummer);
                    continue;
                }
                const Partner *partner = spreiding->partner(id);
                const std::vector<std::int64_t> units =
                    partner ? werkplek_units_per_termijn(*partner, termijnen, jaar, spreiding->rule)
                            : std::vector<std::int64_t>(termijnen.size(), 0);
                const std::vector<std::int64_t> parts = split_by_weights(totals[id], units);
                for (std::size_t i : chosen) {
                    const Termijn &t = termijnen[i];
                    add(draft(c, "werkplekhuur", t.id, t.van, t.tot, t.van, id, naam), parts[i],
                        "Werkplekhuur " + o.jaar + " termijn " + t.id + " (" + std::to_string(i + 1) + " van " +
                            std::to_string(termijnen.size()) + "): " + werkplekhuur::units_text(units[i], spreiding->rule) +
                            " " + werkplekhuur::pro_rata_text(spreiding->rule) + " van het jaarbedrag " +
                            euro(totals[id]) + " (begroting vastgesteld " + begroting->datum + ")");
                }
            }
        } else {
            const auto rekening = store::find_vaststelling(*r.store, c.region.id, "jaarrekening", jaar);
            if (!rekening)
                throw StoreError(vhh::ExitCode::data, "the store holds no vastgestelde jaarrekening " + o.jaar + " of " +
                                                          c.region.id + " to settle ('vhh vaststellen jaarrekening' first)");
            std::map<std::string, std::int64_t> voorlopig;
            for (const auto &[g, total] : per_gemeente(*begroting, c.region)) voorlopig[g->code] = total;
            const Date datum = Date::parse_iso(rekening->datum).value_or(Date{jaar + 1, 7, 1});
            for (const auto &[g, definitief] : per_gemeente(*rekening, c.region)) {
                const std::int64_t diff = definitief - voorlopig[g->code];
                Invoice inv = draft(c, "afrekening", "jaar", Date{jaar, 1, 1}, Date{jaar, 12, 31}, datum, g->code, g->naam);
                if (diff < 0) {  // a surplus returned: a credit note on the year's voorschotnota's
                    for (const auto &e : existing)
                        if (e.soort == "voorschot" && e.debiteur_id == g->code && !e.credit_note())
                            inv.crediteert += (inv.crediteert.empty() ? "" : ",") + e.nummer;
                    if (inv.crediteert.empty()) {
                        problems.push_back(g->code + " " + g->naam + " (a surplus is credited on the voorschotnota's "
                                                                      "of the year, and none is billed)");
                        continue;
                    }
                    inv.reden = "Afrekening " + o.jaar + ": overschot terug";
                }
                add(inv, diff,
                    "Afrekening bijdrage " + o.jaar + ": definitief " + euro(definitief) + " − voorlopig " +
                        euro(voorlopig[g->code]) + " (jaarrekening vastgesteld " + rekening->datum + ")");
            }
        }
        if (!problems.empty()) {
            std::string list;
            for (const auto &p : problems) list += (list.empty() ? "" : ", ") + p;
            throw StoreError(vhh::ExitCode::data, "nothing was billed: no debiteur in facturatie.debiteuren of " +
                                                      o.config_path + " for " + list);
        }
        std::vector<Invoice> issued;
        const std::string user = store::acting_user(o.door);
        for (auto &d : drafts) issued.push_back(issue_invoice(*r.store, std::move(d), user, "factureren"));
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
    } catch (const StoreError &e) {
        return store::refused(e);
    } catch (const OutputError &e) {
        return output_refused(e);
    }
}

namespace {

/// The net amount of a gross amount with 21 % VAT (category S), rounded half up to the cent.
std::int64_t net_of_gross(std::int64_t gross) { return (gross * 100 + 60) / 121; }

/// The invoice `nummer` of the region among `all`, to be credited or corrected (not a credit note);
/// throws StoreError (65) otherwise.
const Invoice &invoice_to_change(const std::vector<Invoice> &all, const std::string &nummer, const std::string &regio,
                                 const char *what) {
    const Invoice &inv = require_invoice(all, nummer, regio);
    if (inv.credit_note())
        throw StoreError(vhh::ExitCode::data, nummer + " is a credit note; only an invoice can be " + what);
    return inv;
}

/// A credit note (381) for `gross` of `inv` (`whole`: everything still open), dated `datum`.
Invoice credit_note_for(const Invoice &inv, const std::vector<Invoice> &all, std::int64_t gross, bool whole,
                        const std::string &datum, const std::string &reden, const std::string &regel) {
    Invoice cn;
    cn.regio = inv.regio;
    cn.jaar = inv.jaar;
    cn.soort = "credit";
    cn.typecode = "381";
    cn.termijn = inv.termijn;
    cn.debiteur_id = inv.debiteur_id;
    cn.debiteur = inv.debiteur;
    cn.datum = datum;
    cn.vervaldatum = cn.datum;
    cn.periode_van = inv.periode_van;
    cn.periode_tot = inv.periode_tot;
    cn.crediteert = inv.nummer;
    cn.reden = reden;
    cn.btw = inv.btw;
    cn.partijen = inv.partijen;
    // The amount credited includes VAT as the invoice did (21 % of the net line, category S): a
    // whole credit takes the net amount still open, a partial one the net that gives `gross`.
    std::int64_t net = gross;
    if (inv.btw == "S" && whole) {
        net = inv.bedrag_cents;
        for (const auto &earlier : all)
            if (earlier.credit_note() && earlier.crediteert == inv.nummer) net -= earlier.bedrag_cents;
    } else if (inv.btw == "S") {
        net = net_of_gross(gross);
    }
    cn.regels.push_back({regel, net});
    return cn;
}

/// The optional --datum, checked; "" when absent.
std::string datum_problem(const CommandOptions &o) {
    return o.datum.empty() ? "" : store::year_and_date_problem("2000", "datum", o.datum);
}

}  // namespace

int cmd_crediteren(const CommandOptions &o) {
    if (o.args.size() != 1) return usage("'vhh crediteren' needs the invoice's NUMMER and --reden TEXT");
    if (o.reden.find_first_not_of(" \t\r\n") == std::string::npos)
        return usage("'vhh crediteren' needs --reden TEXT: why the invoice is credited");
    if (auto p = datum_problem(o); !p.empty()) return usage(p);
    std::optional<Money> bedrag;
    if (!o.bedrag.empty()) {
        bedrag = parse_money(o.bedrag);
        if (!bedrag || bedrag->in_cents() <= 0)
            return usage("--bedrag '" + printable_text(o.bedrag) + "' is not an amount in euros above 0, like 125.50");
    }
    const std::string &nummer = o.args[0];
    try {
        std::unique_ptr<OutputSet> out;
        if (!o.out.empty()) out = std::make_unique<OutputSet>(o.out);
        store::Opened r = store::open_region(o, "crediteren", 0);
        const RunConfig &c = r.config;
        store::Transaction tx(*r.store, true);
        r.store->require_schema();
        const std::vector<Invoice> all = read_invoices(*r.store, c.region.id);
        const Invoice *inv = &invoice_to_change(all, nummer, c.region.id, "credited");
        const std::int64_t open = open_cents(*inv, all);
        const std::int64_t gross = bedrag ? bedrag->in_cents() : open;
        if (open <= 0)
            throw StoreError(vhh::ExitCode::data, "invoice " + nummer + " is credited in full already; nothing is open");
        if (gross > open)
            throw StoreError(vhh::ExitCode::data, "--bedrag " + euro(gross) + " is more than what is open of invoice " +
                                                      nummer + " (" + euro(open) + " of " +
                                                      euro(inv->bedrag_cents + inv->btw_cents()) + ")");
        const Invoice cn = credit_note_for(*inv, all, gross, !bedrag, o.datum.empty() ? today_utc().iso() : o.datum, o.reden,
                                           "Creditering van factuur " + inv->nummer + ": " + o.reden);
        const Invoice issued = issue_invoice(*r.store, cn, store::acting_user(o.door), "crediteren");
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
    if (o.args.size() != 1) return usage("'vhh corrigeren' needs the invoice's NUMMER, --bedrag EUR and --reden TEXT");
    if (o.reden.find_first_not_of(" \t\r\n") == std::string::npos)
        return usage("'vhh corrigeren' needs --reden TEXT: why the invoice is corrected");
    if (auto p = datum_problem(o); !p.empty()) return usage(p);
    const std::optional<Money> bedrag = parse_money(o.bedrag);
    if (o.bedrag.empty() || !bedrag || bedrag->in_cents() <= 0)
        return usage("'vhh corrigeren' needs --bedrag EUR: the corrected amount to pay in euros above 0, like 9155.71 "
                     "(to bill nothing, credit the invoice with 'vhh crediteren')");
    const std::string &nummer = o.args[0];
    try {
        std::unique_ptr<OutputSet> out;
        if (!o.out.empty()) out = std::make_unique<OutputSet>(o.out);
        store::Opened r = store::open_region(o, "corrigeren", 0);
        const RunConfig &c = r.config;
        if (!c.facturatie.configured) throw StoreError(vhh::ExitCode::config, o.config_path + kNoFacturatie);
        store::Transaction tx(*r.store, true);
        r.store->require_schema();
        const std::vector<Invoice> all = read_invoices(*r.store, c.region.id);
        const Invoice &inv = invoice_to_change(all, nummer, c.region.id, "corrected");
        const std::int64_t open = open_cents(inv, all);
        if (open <= 0)
            throw StoreError(vhh::ExitCode::data, "invoice " + nummer +
                                                      " is credited in full already: nothing to correct (bill anew "
                                                      "with 'vhh factureren')");
        // The corrected invoice (384): the original's soort, termijn, debiteur and VAT category, the
        // right amount (category S: the net that gives the gross --bedrag, and its VAT).
        const std::string datum = o.datum.empty() ? today_utc().iso() : o.datum;
        Invoice fixed = inv;
        fixed.nummer.clear();
        fixed.typecode = "384";
        fixed.datum = datum;
        fixed.vervaldatum = add_days(*Date::parse_iso(datum), c.facturatie.betaaltermijn_dagen).iso();
        fixed.crediteert = inv.nummer;
        fixed.reden = o.reden;
        fixed.bedrag_cents = inv.btw == "S" ? net_of_gross(bedrag->in_cents()) : bedrag->in_cents();
        if (fixed.bedrag_cents + fixed.btw_cents() == open)
            throw StoreError(vhh::ExitCode::data, "invoice " + nummer + " bills " + euro(open) +
                                                      " already: the correction would change nothing");
        // One transaction: the credit note takes back what is open of the invoice, the corrected
        // invoice bills the right amount and names the invoice it corrects.
        const Invoice cn = credit_note_for(inv, all, open, true, datum, o.reden,
                                           "Creditering van factuur " + inv.nummer + " wegens correctie: " + o.reden);
        const Invoice credited = issue_invoice(*r.store, cn, store::acting_user(o.door), "corrigeren");
        fixed.regels = {{"Gecorrigeerde factuur voor " + inv.nummer + " (gecrediteerd met creditnota " + credited.nummer +
                             "): " + o.reden,
                         fixed.bedrag_cents}};
        const Invoice issued = issue_invoice(*r.store, fixed, store::acting_user(o.door), "corrigeren");
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
        auto status = [&](const Invoice &i, std::int64_t open) -> std::string {
            if (i.credit_note()) return i.soort == "credit" ? "verrekend" : "terug te betalen";
            const bool betaald = paid.count(i.nummer) && paid.at(i.nummer) != 0;
            if (open < 0) return "overbetaald";
            if (open == 0) return betaald ? "betaald" : "gecrediteerd";
            if (betaald) return "deels betaald";
            return open < i.bedrag_cents + i.btw_cents() ? "deels gecrediteerd" : "open";
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
