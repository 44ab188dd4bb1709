#include "invoicing/invoice_issuing.h"

#include <map>

#include "config/settings_validator.h"
#include "diagnostic_output.h"
#include "invoicing/termijnen.h"
#include "invoicing/ubl_invoice.h"
#include "invoicing/werkplekhuur_termijnen.h"
#include "pipeline.h"
#include "run.h"
#include "store/snapshot.h"
#include "store/store_commands.h"
#include "vhh/text.h"

namespace vhh::host::invoicing {

using store::StoreError;

namespace {

std::string euro(std::int64_t cents) { return Money::cents(cents).format_nl(); }

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

/// What werkplekhuur per termijn needs: the partners of the registry and the pro-rata rule.
struct WerkplekSpreiding {
    std::vector<Partner> partners;
    werkplekhuur::ProRata rule = werkplekhuur::ProRata::eerste_van_de_maand;
    std::string diagnostics;  ///< warnings and notes of reading the registry, formatted

    const Partner *partner(const std::string &id) const {
        for (const auto &p : partners)
            if (p.id == id) return &p;
        return nullptr;
    }
};

/// The partner registry of `c` (its plugins loaded as `vhh partners` does, from `plugin_dirs`) and
/// the `pro_rata` of the financing.werkplekhuur entry. Errors are thrown as a BillingRefused with
/// their exit code and every diagnostic; warnings come back with the result. Nothing is printed:
/// `vhh serve` calls this too.
WerkplekSpreiding werkplek_spreiding(const std::vector<std::string> &plugin_dirs, const RunConfig &c) {
    WerkplekSpreiding out;
    Diagnostics diag;
    PluginRegistry registry;
    Pipeline pipeline(c, registry, diag);
    registry.discover(plugin_dirs);
    if (prepare_plugins(c, pipeline, diag)) pipeline.load(diag);
    if (!diag.has_errors()) check_werkplekhuur_termijnen(c.facturatie, pipeline.has_partner_registry(), diag);
    if (diag.has_errors())
        throw BillingRefused(diag.exit_code(), "nothing was billed: " + diag.all().front().message, format_capped(diag));
    out.diagnostics = format_capped(diag);
    out.partners = pipeline.partners();
    for (const auto &entry : c.plugins)
        if (entry.name == "financing.werkplekhuur")
            if (const YamlNode *rule = entry.section.find("pro_rata"))
                out.rule = werkplekhuur::pro_rata_from_name(rule->text);  // checked with the plugin's settings
    return out;
}

}  // namespace

void require_facturatie(const RunConfig &c) {
    if (!c.facturatie.configured)
        throw StoreError(vhh::ExitCode::config,
                         c.path + " has no facturatie: section (leverancier, debiteuren, termijnen): vhh cannot "
                                  "address invoices");
}

std::string billing_problem(const std::string &jaar, const std::string &soort, const std::string &termijn) {
    if (jaar.empty() || soort.empty()) return "'vhh factureren' needs --jaar Y and --soort voorschot|werkplekhuur|afrekening";
    if (auto p = store::year_and_date_problem(jaar, "", ""); !p.empty()) return p;
    if (soort != "voorschot" && soort != "werkplekhuur" && soort != "afrekening")
        return "--soort '" + printable_text(soort) + "' is not voorschot, werkplekhuur or afrekening";
    if (!termijn.empty() && soort == "afrekening")
        return "--termijn applies to --soort voorschot and werkplekhuur (the afrekening is billed per year)";
    return "";
}

Billing bill(store::Store &store, const RunConfig &c, int jaar, const std::string &soort, const std::string &termijn,
             const std::string &user, const std::vector<std::string> &plugin_dirs) {
    const std::string j = std::to_string(jaar);
    const Facturatie &f = c.facturatie;
    require_facturatie(c);
    // Voorschotnota's per `termijnen:`, werkplekhuur per `werkplekhuur_termijnen:` (default: the year).
    const std::string &kind = soort == "werkplekhuur" ? f.werkplekhuur_termijnen : f.termijnen;
    if (!termijn.empty() && soort == "werkplekhuur" && kind == "jaar")
        throw StoreError(vhh::ExitCode::usage, "--termijn: werkplekhuur is billed per year "
                                               "(facturatie.werkplekhuur_termijnen: jaar in " + c.path + ")");
    const std::vector<Termijn> termijnen = termijnen_of(soort == "afrekening" ? "jaar" : kind, jaar);
    std::vector<std::size_t> chosen;
    if (termijn.empty()) {
        for (std::size_t i = 0; i < termijnen.size(); ++i) chosen.push_back(i);
    } else if (auto t = find_termijn(termijn, termijnen)) {
        chosen.push_back(*t);
    } else {
        std::string ids;
        for (const auto &t : termijnen) ids += (ids.empty() ? "" : ", ") + t.id;
        throw StoreError(vhh::ExitCode::usage, "--termijn '" + printable_text(termijn) + "' is not a termijn of " + j + " (termijnen: " +
                     kind + ": " + ids + ", or their number 1 to " + std::to_string(termijnen.size()) + ")");
    }
    const auto begroting = store::find_vaststelling(store, c.region.id, "begroting", jaar);
    if (!begroting)
        throw StoreError(vhh::ExitCode::data, "the store holds no vastgestelde begroting " + j + " of " +
                                                  c.region.id + ": nothing to bill ('vhh vaststellen begroting' first)");
    const std::vector<Invoice> existing = read_invoices(store, c.region.id, jaar);
    std::vector<Invoice> drafts;
    std::vector<std::string> already, problems;
    std::string diagnostics;  // of reading the partner registry
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
    if (soort == "voorschot") {
        for (const auto &[g, total] : per_gemeente(*begroting, c.region)) {
            const std::vector<std::int64_t> parts = split_evenly(total, termijnen.size());
            for (std::size_t i : chosen) {
                const Termijn &t = termijnen[i];
                add(draft(c, "voorschot", t.id, t.van, t.tot, t.van, g->code, g->naam), parts[i],
                    "Voorschot bijdrage " + j + " termijn " + t.id + " (" + std::to_string(i + 1) + " van " +
                        std::to_string(termijnen.size()) + "; begroting vastgesteld " + begroting->datum + ", " +
                        begroting->besluit + ")");
            }
        }
    } else if (soort == "werkplekhuur") {
        std::vector<std::pair<std::string, std::string>> order;
        std::map<std::string, std::int64_t> totals;
        for (const auto &l : begroting->bijdragen) {
            if (l.source != "werkplekhuur" || c.region.find(l.payer_id)) continue;
            if (!totals.count(l.payer_id)) order.push_back({l.payer_id, l.payer});
            totals[l.payer_id] += l.amount.in_cents();
        }
        // Per termijn: the year's amount pro rata the partner's werkplek-units in each termijn.
        std::optional<WerkplekSpreiding> spreiding;
        if (termijnen.size() > 1) {
            spreiding = werkplek_spreiding(plugin_dirs, c);
            diagnostics = spreiding->diagnostics;
        }
        for (const auto &[id, naam] : order) {
            if (termijnen.size() == 1) {
                add(draft(c, "werkplekhuur", "jaar", Date{jaar, 1, 1}, Date{jaar, 12, 31}, Date{jaar, 1, 1}, id, naam),
                    totals[id], "Werkplekhuur " + j + " (begroting vastgesteld " + begroting->datum + ")");
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
                    "Werkplekhuur " + j + " termijn " + t.id + " (" + std::to_string(i + 1) + " van " +
                        std::to_string(termijnen.size()) + "): " + werkplekhuur::units_text(units[i], spreiding->rule) +
                        " " + werkplekhuur::pro_rata_text(spreiding->rule) + " van het jaarbedrag " +
                        euro(totals[id]) + " (begroting vastgesteld " + begroting->datum + ")");
            }
        }
    } else {
        const auto rekening = store::find_vaststelling(store, c.region.id, "jaarrekening", jaar);
        if (!rekening)
            throw StoreError(vhh::ExitCode::data, "the store holds no vastgestelde jaarrekening " + j + " of " +
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
                inv.reden = "Afrekening " + j + ": overschot terug";
            }
            add(inv, diff,
                "Afrekening bijdrage " + j + ": definitief " + euro(definitief) + " − voorlopig " +
                    euro(voorlopig[g->code]) + " (jaarrekening vastgesteld " + rekening->datum + ")");
        }
    }
    if (!problems.empty()) {
        std::string list;
        for (const auto &p : problems) list += (list.empty() ? "" : ", ") + p;
        throw StoreError(vhh::ExitCode::data, "nothing was billed: no debiteur in facturatie.debiteuren of " +
                                                  c.path + " for " + list);
    }
    Billing out;
    out.already = std::move(already);
    out.diagnostics = std::move(diagnostics);
    for (auto &d : drafts) out.issued.push_back(issue_invoice(store, std::move(d), user, "factureren"));
    return out;
}

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

std::string credit_problem(const std::string &reden, const std::string &bedrag_text, const std::string &datum,
                           std::optional<Money> &bedrag) {
    if (reden.find_first_not_of(" \t\r\n") == std::string::npos)
        return "'vhh crediteren' needs --reden TEXT: why the invoice is credited";
    if (!datum.empty())
        if (auto p = store::year_and_date_problem("2000", "datum", datum); !p.empty()) return p;
    bedrag.reset();
    if (!bedrag_text.empty()) {
        bedrag = parse_money(bedrag_text);
        if (!bedrag || bedrag->in_cents() <= 0)
            return "--bedrag '" + printable_text(bedrag_text) + "' is not an amount in euros above 0, like 125.50";
    }
    return "";
}

Credited credit(store::Store &store, const RunConfig &c, const std::string &nummer, const std::optional<Money> &bedrag,
                const std::string &datum, const std::string &reden, const std::string &user, const std::string &command) {
    const std::vector<Invoice> all = read_invoices(store, c.region.id);
    const Invoice &inv = invoice_to_change(all, nummer, c.region.id, "credited");
    const std::int64_t open = open_cents(inv, all);
    const std::int64_t gross = bedrag ? bedrag->in_cents() : open;
    if (open <= 0) throw StoreError(vhh::ExitCode::data, "invoice " + nummer + " is credited in full already; nothing is open");
    if (gross > open)
        throw StoreError(vhh::ExitCode::data, "--bedrag " + euro(gross) + " is more than what is open of invoice " + nummer +
                                                  " (" + euro(open) + " of " + euro(inv.bedrag_cents + inv.btw_cents()) +
                                                  ")");
    const Invoice cn = credit_note_for(inv, all, gross, !bedrag, datum.empty() ? today_utc().iso() : datum, reden,
                                       "Creditering van factuur " + inv.nummer + ": " + reden);
    return {inv, issue_invoice(store, cn, user, command)};
}

std::string invoice_status(const Invoice &i, std::int64_t open, bool received) {
    if (i.credit_note()) return i.soort == "credit" ? "verrekend" : "terug te betalen";
    if (open < 0) return "overbetaald";
    if (open == 0) return received ? "betaald" : "gecrediteerd";
    if (received) return "deels betaald";
    return open < i.bedrag_cents + i.btw_cents() ? "deels gecrediteerd" : "open";
}

}  // namespace vhh::host::invoicing
