// The correction of an invoice in the controller's workspace, as `vhh corrigeren` does it (the same
// code, rules and messages, invoicing/invoice_correction.h): from an invoice on /facturen, a page
// with the invoice and the form (the corrected amount, the reason, the date), the CLI's messages at
// the field. The form carries the invoice's version (how many credit notes and corrections name it):
// an invoice credited or corrected since the form was shown — by another controller, or by this
// form submitted twice — is a conflict (409), never a second correction.
#include "invoicing/invoice_correction.h"
#include "invoicing/invoice_issuing.h"
#include "store/store_commands.h"
#include "web/dutch_time.h"
#include "web/pages.h"

namespace vhh::host::web {

using Poco::Net::HTTPResponse;
using invoicing::Invoice;

namespace {

std::string euro(std::int64_t cents) { return Money::cents(cents).format_nl(); }

/// The form's values as given and their problems (field → message; "algemeen": the whole form).
struct CorrectieForm {
    std::map<std::string, std::string> waarden, fouten;
};

/// The invoice `nummer` of the region among `all` when it can be corrected (the CLI's rule,
/// invoicing::invoice_to_change), else nullptr and `why` (when given) says why not.
const Invoice *correctable(const std::vector<Invoice> &all, const std::string &nummer, const std::string &regio,
                           std::string *why = nullptr) {
    try {
        return &invoicing::invoice_to_change(all, nummer, regio, "corrected");
    } catch (const store::StoreError &e) {
        if (why) *why = e.what();
        return nullptr;
    }
}

void show(Exchange &x, HTTPResponse::HTTPStatus status, const Invoice &inv, const std::vector<Invoice> &all,
          const CorrectieForm &f) {
    const std::int64_t open = invoicing::open_cents(inv, all);
    Data d;
    d.set("nummer", inv.nummer);
    d.set("jaar", std::to_string(inv.jaar));
    d.set("soort", inv.corrected() ? inv.soort + " (gecorrigeerd)" : inv.soort);
    d.set("termijn", inv.termijn);
    d.set("debiteur", inv.debiteur_id + " " + inv.debiteur);
    d.set("datum", dutch_date_of(inv.datum));
    d.set("bedrag", euro(inv.bedrag_cents + inv.btw_cents()));
    d.set("open", euro(open));
    Data gekoppeld{kainjow::mustache::data::type::list};
    for (const auto &i : all)
        if (i.crediteert == inv.nummer) {
            Data o;
            o.set("tekst", (i.corrected() ? "gecorrigeerd door " : "gecrediteerd met ") + i.nummer + " (" +
                               euro(i.bedrag_cents + i.btw_cents()) + ")");
            gekoppeld.push_back(o);
        }
    d.set("gekoppeld", gekoppeld);
    if (auto it = f.fouten.find("algemeen"); it != f.fouten.end()) d.set("fout_algemeen", it->second);
    if (open <= 0) {
        d.set("niet_open", "Factuur " + inv.nummer + " is al helemaal gecrediteerd: er valt niets te corrigeren.");
    } else {
        Data form;
        form.set("versie", std::to_string(invoicing::invoice_version(all, inv.nummer)));
        for (const char *k : {"bedrag", "reden", "datum"}) {
            auto it = f.waarden.find(k);
            form.set(k, it == f.waarden.end() ? std::string() : it->second);
        }
        for (const auto &[veld, melding] : f.fouten)
            if (veld != "algemeen") form.set("fout_" + veld, melding);
        if (!f.fouten.empty()) form.set("fouten", true);
        d.set("formulier", form);
    }
    x.page(status, "corrigeren", d, "Factuur " + inv.nummer + " corrigeren");
}

}  // namespace

void corrigeren(Exchange &x) {
    const std::string nummer = x.query("nummer");
    if (!invoice_number(nummer))
        return x.error(HTTPResponse::HTTP_BAD_REQUEST, "Kies een factuur op de pagina Facturen.");
    std::vector<Invoice> all;
    {
        store::Store &s = x.db();
        store::Transaction tx(s, false);
        s.require_schema();
        all = invoicing::read_invoices(s, x.ctx.config.region.id);
    }
    const Invoice *inv = correctable(all, nummer, x.ctx.config.region.id);
    if (!inv) return x.error(HTTPResponse::HTTP_NOT_FOUND, "Er is geen factuur " + nummer + " om te corrigeren.");
    show(x, HTTPResponse::HTTP_OK, *inv, all, {});
}

bool refused_as_stale(Exchange &x, const std::vector<Invoice> &all, const std::string &nummer,
                      const std::string &versie, const std::string &niet_gedaan) {
    // A version the invoice never had, or none, is no form of this server.
    if (!form_version(versie) || invoicing::invoice_version(all, nummer) < std::stoi(versie)) {
        x.error(HTTPResponse::HTTP_BAD_REQUEST);
        return true;
    }
    if (invoicing::invoice_version(all, nummer) == std::stoi(versie)) return false;
    // Credited or corrected since the form was shown: by someone else, or this form sent twice.
    std::string door;
    for (const auto &i : all)
        if (i.crediteert == nummer)
            door = (i.corrected() ? "gecorrigeerd door factuur " : "gecrediteerd met creditnota ") + i.nummer;
    x.error(HTTPResponse::HTTP_CONFLICT, "Factuur " + nummer + " is intussen " + door + ". " + niet_gedaan);
    return true;
}

void post_corrigeren(Exchange &x) {
    CorrectieForm f;
    for (const char *k : {"nummer", "versie", "bedrag", "reden", "datum"}) f.waarden[k] = x.form[k];
    const std::string &nummer = f.waarden["nummer"], &versie = f.waarden["versie"];
    // Only a form of this server sends these: anything else is no correction to show at a field.
    if (!invoice_number(nummer) || !form_version(versie))
        return x.error(HTTPResponse::HTTP_BAD_REQUEST);
    std::optional<Money> bedrag;
    for (const auto &p : invoicing::correction_problems(f.waarden["reden"], form_amount(f.waarden["bedrag"]),
                                                        f.waarden["datum"], bedrag))
        f.fouten.emplace(p.veld, p.melding);
    const RunConfig &c = x.ctx.config;
    store::Store &s = x.db();
    std::vector<Invoice> all;
    const Invoice *inv = nullptr;
    {
        store::Transaction tx(s, true);
        s.require_schema();
        all = invoicing::read_invoices(s, c.region.id);
        std::string why;  // the CLI's refusal of this number (no such invoice of the region, a credit note)
        inv = correctable(all, nummer, c.region.id, &why);
        if (!inv) return x.error(HTTPResponse::HTTP_NOT_FOUND, why);
        if (refused_as_stale(x, all, nummer, versie,
                             "Uw correctie is niet opgeslagen: open de factuur opnieuw en kijk of zij nog nodig is."))
            return;
        if (f.fouten.empty()) {
            try {
                const invoicing::Corrected done = invoicing::correct(s, c, nummer, *bedrag, f.waarden["datum"],
                                                                     f.waarden["reden"], x.sessie->gebruiker.naam);
                tx.commit();
                return x.redirect("/facturen?jaar=" + std::to_string(done.invoice.jaar) +
                                  "&vastgelegd=corrigeren&nummer=" + done.credit_note.nummer +
                                  "&nieuw=" + done.corrected.nummer);
            } catch (const store::StoreError &e) {
                if (e.code != vhh::ExitCode::data && e.code != vhh::ExitCode::config) throw;
                const std::string m = e.what();
                f.fouten[m.find("would change nothing") != std::string::npos ? "bedrag" : "algemeen"] = m;
            }
        }
    }
    show(x, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, *inv, all, f);
}

}  // namespace vhh::host::web
