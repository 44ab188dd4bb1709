// The invoices in the controller's workspace: the invoices of a year with their status (payments
// counted, as `vhh facturen` shows them), and the forms that bill a soort and termijn (`vhh
// factureren`) and credit an invoice (`vhh crediteren`) with their code, rules and messages, shown
// at the field. Every invoice is in the audit log with the logged-in user.
#include <algorithm>
#include <map>

#include "betalingen/betalingen_store.h"
#include "invoicing/invoice_issuing.h"
#include "invoicing/termijnen.h"
#include "store/store_commands.h"
#include "vhh/money.h"
#include "web/dutch_time.h"
#include "web/pages.h"

namespace vhh::host::web {

using Poco::Net::HTTPResponse;
namespace mu = kainjow::mustache;

namespace {

std::string euro(std::int64_t cents) { return Money::cents(cents).format_nl(); }

/// The forms' values as given and their problems (field → message; "algemeen": the whole form).
struct FacturenState {
    std::string formulier;  ///< "factureren" or "crediteren": the form these belong to
    std::map<std::string, std::string> waarden, fouten;
    std::string value(const std::string &k) const {
        auto it = waarden.find(k);
        return it == waarden.end() ? std::string() : it->second;
    }
    void set_errors(Data &form) const {
        for (const auto &[veld, melding] : fouten) form.set("fout_" + veld, melding);
        if (!fouten.empty()) form.set("fouten", true);
    }
};

void show(Exchange &x, HTTPResponse::HTTPStatus status, int jaar, const FacturenState &st) {
    const RunConfig &c = x.ctx.config;
    const bool schrijven = x.sessie->gebruiker.rol == accounts::Rol::controller;
    std::vector<invoicing::Invoice> all;
    std::map<std::string, std::int64_t> paid;
    {
        store::Store &s = x.db();
        store::Transaction tx(s, false);
        s.require_schema();
        all = invoicing::read_invoices(s, c.region.id);
        paid = betalingen::paid_per_invoice(betalingen::read_payments(s, c.region.id));
    }
    Data rows{mu::data::type::list}, creditable{mu::data::type::list};
    std::int64_t totaal_open = 0;
    std::size_t aantal_open = 0;
    for (const auto &i : all) {
        const std::int64_t open = betalingen::open_after_payments(i, all, paid);
        if (!i.credit_note() && open > 0 && invoicing::open_cents(i, all) > 0) {
            Data o;
            o.set("nummer", i.nummer);
            o.set("versie", std::to_string(invoicing::invoice_version(all, i.nummer)));
            o.set("tekst", i.nummer + " · " + i.debiteur + " · " + i.soort + " " + i.termijn + " · open " +
                               euro(invoicing::open_cents(i, all)));
            if (st.value("nummer") == i.nummer) o.set("gekozen", true);
            if (i.jaar == jaar) creditable.push_back(o);
        }
        if (i.jaar != jaar) continue;
        const std::string s = invoicing::invoice_status(i, open, paid.count(i.nummer) && paid.at(i.nummer) != 0);
        if (!i.credit_note() && open > 0) totaal_open += open, ++aantal_open;
        Data row;
        row.set("nummer", i.nummer);
        row.set("soort", i.credit_note() ? "creditnota" : i.corrected() ? "gecorrigeerd" : i.soort);
        row.set("termijn", i.termijn);
        row.set("debiteur", i.debiteur_id + " " + i.debiteur);
        row.set("datum", dutch_date_of(i.datum));
        row.set("vervaldatum", i.credit_note() ? "" : dutch_date_of(i.vervaldatum));
        row.set("bedrag", euro((i.bedrag_cents + i.btw_cents()) * (i.credit_note() ? -1 : 1)));
        row.set("open", euro(open));
        row.set("status", s);
        row.set("status_klasse", s == "betaald" || s == "verrekend" || s == "gecrediteerd" ? "goed"
                                 : s == "overbetaald"                                        ? "fout"
                                                                                             : "open");
        if (schrijven && !i.credit_note() && invoicing::open_cents(i, all) > 0) row.set("corrigeren", true);
        if (!i.crediteert.empty()) row.set("verwijst", (i.corrected() ? "corrigeert " : "crediteert ") + i.crediteert);
        rows.push_back(row);
    }
    Data d;
    d.set("jaar", std::to_string(jaar));
    d.set("vorig_jaar", std::to_string(jaar - 1));
    d.set("volgend_jaar", std::to_string(jaar + 1));
    d.set("facturen", rows);
    d.set("heeft_facturen", !rows.list_value().empty());
    d.set("aantal_open", std::to_string(aantal_open));
    d.set("totaal_open", euro(totaal_open));
    if (schrijven && jaar == c.region.boekjaar && c.facturatie.configured) {
        const FacturenState none;
        const FacturenState &f = st.formulier == "factureren" ? st : none;
        Data form;
        form.set("jaar", std::to_string(jaar));
        Data soorten{mu::data::type::list};
        for (const char *soort : {"voorschot", "werkplekhuur", "afrekening"}) {
            Data o;
            o.set("soort", std::string(soort));
            if (f.value("soort") == soort) o.set("gekozen", true);
            soorten.push_back(o);
        }
        form.set("soorten", soorten);
        Data termijnen{mu::data::type::list};
        for (const auto &t : invoicing::termijnen_of(c.facturatie.termijnen, jaar)) {
            Data o;
            o.set("id", t.id);
            o.set("periode", dutch_date(t.van) + " – " + dutch_date(t.tot));
            if (f.value("termijn") == t.id) o.set("gekozen", true);
            termijnen.push_back(o);
        }
        form.set("termijnen", termijnen);
        f.set_errors(form);
        d.set("factureer_formulier", form);
    }
    if (schrijven) {
        const FacturenState none;
        const FacturenState &f = st.formulier == "crediteren" ? st : none;
        Data form;
        form.set("jaar", std::to_string(jaar));
        form.set("facturen", creditable);
        form.set("geen_facturen", creditable.list_value().empty());
        form.set("reden", f.value("reden"));
        form.set("bedrag", f.value("bedrag"));
        form.set("datum", f.value("datum"));
        f.set_errors(form);
        d.set("crediteer_formulier", form);
    }
    const std::string vastgelegd = x.query("vastgelegd");
    if (vastgelegd == "factureren") {
        const std::string nieuw = x.query("nieuw"), al = x.query("al");
        if (nieuw.find_first_not_of("0123456789") == std::string::npos && al.find_first_not_of("0123456789") == std::string::npos)
            d.set("vastgelegd", nieuw + " facturen uitgereikt; " + al + " waren al gefactureerd.");
    } else if (vastgelegd == "crediteren" && invoice_number(x.query("nummer"))) {
        d.set("vastgelegd", "Creditnota " + x.query("nummer") + " is uitgereikt.");
    } else if (vastgelegd == "corrigeren" && invoice_number(x.query("nummer")) && invoice_number(x.query("nieuw"))) {
        d.set("vastgelegd", "Creditnota " + x.query("nummer") + " en gecorrigeerde factuur " + x.query("nieuw") +
                                " zijn uitgereikt.");
    }
    x.page(status, "facturen", d, "Facturen " + std::to_string(jaar));
}

/// The field a message of `vhh factureren`/`vhh crediteren` is about (by the option it names).
std::string field_of(const std::string &message, const std::string &fallback) {
    for (const char *f : {"jaar", "soort", "termijn", "reden", "bedrag", "datum"})
        if (message.rfind(std::string("--") + f, 0) == 0) return f;
    for (const char *f : {"--reden", "--soort"})
        if (message.find(f) != std::string::npos) return std::string(f).substr(2);
    return fallback;
}

}  // namespace

bool invoice_number(const std::string &text) {
    return !text.empty() && text.size() <= 16 && text.find_first_not_of("0123456789-") == std::string::npos;
}

bool form_version(const std::string &text) {
    return !text.empty() && text.size() <= 6 && text.find_first_not_of("0123456789") == std::string::npos;
}

std::string form_amount(const std::string &text) {
    std::string out = text;
    if (out.find('.') == std::string::npos)
        for (char &ch : out)
            if (ch == ',') ch = '.';
    return out;
}

void facturen(Exchange &x) {
    const int jaar = asked_year(x);
    if (jaar == 0) return x.error(HTTPResponse::HTTP_BAD_REQUEST, "Het jaar in de adresregel is geen jaartal.");
    show(x, HTTPResponse::HTTP_OK, jaar, {});
}

void post_factureren(Exchange &x) {
    FacturenState st;
    st.formulier = "factureren";
    for (const char *k : {"jaar", "soort", "termijn"}) st.waarden[k] = x.form[k];
    const RunConfig &c = x.ctx.config;
    const int boekjaar = c.region.boekjaar;
    if (auto p = invoicing::billing_problem(st.waarden["jaar"], st.waarden["soort"], st.waarden["termijn"]); !p.empty())
        st.fouten[field_of(p, "soort")] = p;
    else if (std::stoi(st.waarden["jaar"]) != boekjaar)
        st.fouten["algemeen"] = other_boekjaar_message(c, st.waarden["jaar"]);
    if (st.fouten.empty()) {
        store::Store &s = x.db();
        try {
            store::Transaction tx(s, true);
            s.require_schema();
            const invoicing::Billing b =
                invoicing::bill(s, c, boekjaar, st.waarden["soort"], st.waarden["termijn"], x.sessie->gebruiker.naam,
                                x.ctx.plugin_dirs);
            tx.commit();
            return x.redirect("/facturen?jaar=" + std::to_string(boekjaar) + "&vastgelegd=factureren&nieuw=" +
                              std::to_string(b.issued.size()) + "&al=" + std::to_string(b.already.size()));
        } catch (const invoicing::BillingRefused &e) {
            st.fouten["algemeen"] = std::string(e.what()) + "\n" + e.diagnostics;  // all of them, as the CLI prints
        } catch (const store::StoreError &e) {
            if (e.code == vhh::ExitCode::usage) st.fouten["termijn"] = e.what();
            else if (e.code == vhh::ExitCode::data || e.code == vhh::ExitCode::config) st.fouten["algemeen"] = e.what();
            else throw;
        }
    }
    show(x, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, boekjaar, st);
}

void post_crediteren(Exchange &x) {
    FacturenState st;
    st.formulier = "crediteren";
    for (const char *k : {"jaar", "nummer", "reden", "bedrag", "datum"}) st.waarden[k] = x.form[k];
    // The form carries each listed invoice's version (versie-NUMMER): credited or corrected since it
    // was shown — by another controller, or by this form sent twice — is a conflict, never a second
    // credit note.
    const std::string versie = x.form["versie-" + st.waarden["nummer"]];
    int jaar = x.ctx.config.region.boekjaar;
    if (store::year_and_date_problem(st.waarden["jaar"], "", "").empty()) jaar = std::stoi(st.waarden["jaar"]);
    const std::string bedrag = form_amount(st.waarden["bedrag"]);
    std::optional<Money> amount;
    if (st.waarden["nummer"].empty()) st.fouten["nummer"] = "'vhh crediteren' needs the invoice's NUMMER and --reden TEXT";
    if (auto p = invoicing::credit_problem(st.waarden["reden"], bedrag, st.waarden["datum"], amount); !p.empty())
        st.fouten[field_of(p, "reden")] = p;
    if (st.fouten.empty()) {
        store::Store &s = x.db();
        try {
            store::Transaction tx(s, true);
            s.require_schema();
            const std::vector<invoicing::Invoice> all = invoicing::read_invoices(s, x.ctx.config.region.id);
            const auto listed = [&](const invoicing::Invoice &i) { return i.nummer == st.waarden["nummer"]; };
            if (std::any_of(all.begin(), all.end(), listed) &&
                refused_as_stale(x, all, st.waarden["nummer"], versie,
                                 "Er is geen creditnota uitgereikt: open de facturen opnieuw en kijk of er nog een "
                                 "nodig is."))
                return;
            const invoicing::Credited done = invoicing::credit(s, x.ctx.config, st.waarden["nummer"], amount,
                                                               st.waarden["datum"], st.waarden["reden"],
                                                               x.sessie->gebruiker.naam);
            tx.commit();
            return x.redirect("/facturen?jaar=" + std::to_string(done.invoice.jaar) +
                              "&vastgelegd=crediteren&nummer=" + done.credit_note.nummer);
        } catch (const store::StoreError &e) {
            if (e.code != vhh::ExitCode::data) throw;
            const std::string m = e.what();
            st.fouten[m.rfind("--bedrag", 0) == 0 ? "bedrag" : "nummer"] = m;
        }
    }
    show(x, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, jaar, st);
}

}  // namespace vhh::host::web
