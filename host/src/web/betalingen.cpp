// The payments in the controller's workspace: a CAMT.053 statement uploaded and booked by the code
// of `vhh betalingen importeren` (its messages shown at the field, nothing booked on an error), and
// the unmatched payments, each with a form that ties it to an open invoice as `vhh betalingen
// koppelen` does. Every change is in the audit log with the logged-in user.
#include <sstream>

#include "betalingen/betalingen_store.h"
#include "betalingen/statement_booking.h"
#include "diagnostic_output.h"
#include "vhh/money.h"
#include "vhh/text.h"
#include "web/dutch_time.h"
#include "web/pages.h"
#include "web/security.h"

namespace vhh::host::web {

using Poco::Net::HTTPResponse;
namespace mu = kainjow::mustache;

namespace {

std::string euro(std::int64_t cents) { return Money::cents(cents).format_nl(); }

/// What the page shows besides the store: an import's outcome, a koppeling's problem.
struct BetalingenState {
    std::string import_fout;      ///< the import's diagnostics (nothing was booked)
    std::string import_gedaan;    ///< what an import booked
    std::string import_meldingen; ///< its warnings
    std::string transactie;       ///< the payment whose koppeling failed
    std::string factuur;          ///< the invoice chosen for it
    std::string koppel_fout;      ///< why
};

void show(Exchange &x, HTTPResponse::HTTPStatus status, const BetalingenState &st) {
    const std::string &regio = x.ctx.config.region.id;
    const bool schrijven = x.sessie->gebruiker.rol == accounts::Rol::controller;
    std::vector<betalingen::Payment> payments;
    std::vector<invoicing::Invoice> invoices;
    {
        store::Store &s = x.db();
        store::Transaction tx(s, false);
        s.require_schema();
        payments = betalingen::read_payments(s, regio);
        invoices = invoicing::read_invoices(s, regio);
    }
    const auto paid = betalingen::paid_per_invoice(payments);
    std::vector<std::pair<std::string, std::string>> open_invoices;  // number, text
    for (const auto &inv : invoices) {
        if (inv.credit_note()) continue;
        const std::int64_t open = betalingen::open_after_payments(inv, invoices, paid);
        if (open <= 0) continue;
        open_invoices.push_back(
            {inv.nummer, inv.nummer + " · " + inv.debiteur + " · " + inv.soort + " " + inv.termijn + " · open " + euro(open)});
    }
    Data rows{mu::data::type::list};
    std::size_t gekoppeld = 0;
    for (const auto &p : payments) {
        if (!p.factuur.empty()) {
            ++gekoppeld;
            continue;
        }
        Data row;
        const std::string id = std::to_string(p.id);
        row.set("id", id);
        row.set("boekdatum", dutch_date_of(p.boekdatum));
        row.set("bedrag", euro(p.bedrag_cents));
        row.set("naam", p.naam);
        row.set("iban", p.iban);
        row.set("kenmerk", p.kenmerk);
        row.set("omschrijving", p.omschrijving);
        row.set("sleutel", p.key());
        if (p.storno) row.set("storno", true);
        if (schrijven && p.bedrag_cents > 0) {
            Data form;
            form.set("id", id);
            Data choices{mu::data::type::list};
            for (const auto &[nummer, tekst] : open_invoices) {
                Data c;
                c.set("nummer", nummer);
                c.set("tekst", tekst);
                if (st.transactie == id && st.factuur == nummer) c.set("gekozen", true);
                choices.push_back(c);
            }
            form.set("facturen", choices);
            if (st.transactie == id && !st.koppel_fout.empty()) form.set("fout", st.koppel_fout);
            row.set("koppel_formulier", form);
        }
        rows.push_back(row);
    }
    Data d;
    d.set("ongekoppeld", rows);
    d.set("aantal_ongekoppeld", std::to_string(rows.list_value().size()));
    d.set("aantal_gekoppeld", std::to_string(gekoppeld));
    d.set("heeft_ongekoppeld", !rows.list_value().empty());
    d.set("geen_open_facturen", open_invoices.empty());
    if (schrijven) {
        Data upload;
        upload.set("max_mib", std::to_string(kMaxUpload / (1024 * 1024)));
        if (!st.import_fout.empty()) upload.set("fout", st.import_fout);
        d.set("upload_formulier", upload);
    }
    if (!st.import_gedaan.empty()) d.set("vastgelegd", st.import_gedaan);
    if (!st.import_meldingen.empty()) d.set("meldingen", st.import_meldingen);
    if (!st.transactie.empty() && !st.koppel_fout.empty()) d.set("koppel_fout", st.koppel_fout);
    if (x.query("vastgelegd") == "koppeling") d.set("vastgelegd", std::string("De betaling is aan de factuur gekoppeld."));
    x.page(status, "betalingen", d, "Betalingen");
}

/// The uploaded file's name as the messages show it: its last path component (some browsers send
/// the whole path), as printable text; "afschrift.xml" when it has none.
std::string upload_label(const std::string &sent) {
    std::string name = sent.substr(sent.find_last_of("/\\") == std::string::npos ? 0 : sent.find_last_of("/\\") + 1);
    name = printable_text(name);
    if (name.size() > 120) name = name.substr(0, 120);
    return name.empty() ? "afschrift.xml" : name;
}

}  // namespace

void betalingen(Exchange &x) { show(x, HTTPResponse::HTTP_OK, {}); }

void post_importeren(Exchange &x) {
    BetalingenState st;
    if (!x.has_upload || x.upload.empty()) {
        st.import_fout = "Kies het bankafschrift (CAMT.053, XML) om te uploaden.";
        return show(x, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, st);
    }
    const std::string name = upload_label(x.upload_name);
    std::istringstream in(x.upload);
    try {
        const betalingen::StatementImport done =
            betalingen::import_statement(x.db(), x.ctx.config, name, in, x.sessie->gebruiker.naam);
        if (!done.booked()) {
            st.import_fout = format_capped(done.diagnostics) + "Er is niets geboekt.";
            return show(x, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, st);
        }
        for (const auto &b : done.statements)
            st.import_gedaan += (st.import_gedaan.empty() ? "" : " ") + std::string("Afschrift ") + b.id + ": " +
                                std::to_string(b.booked) + " geboekt (" + std::to_string(b.matched) + " gekoppeld, " +
                                std::to_string(b.booked - b.matched) + " niet gekoppeld), " + std::to_string(b.already) +
                                " al eerder geboekt.";
        st.import_meldingen = format_capped(done.diagnostics);
    } catch (const store::StoreError &e) {
        if (e.code != vhh::ExitCode::config && e.code != vhh::ExitCode::data) throw;
        st.import_fout = std::string(e.what()) + "\nEr is niets geboekt.";
        return show(x, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, st);
    }
    show(x, HTTPResponse::HTTP_OK, st);
}

void post_koppelen(Exchange &x) {
    BetalingenState st;
    st.transactie = x.form["transactie"];
    st.factuur = x.form["factuur"];
    if (st.transactie.empty() || st.transactie.size() > 18 ||
        st.transactie.find_first_not_of("0123456789") != std::string::npos)
        return x.error(HTTPResponse::HTTP_BAD_REQUEST);
    if (st.factuur.empty()) {
        st.koppel_fout = "Kies de factuur die deze betaling betaalt.";
        return show(x, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, st);
    }
    try {
        betalingen::link_transaction(x.db(), x.ctx.config.region.id, st.transactie, st.factuur, x.sessie->gebruiker.naam);
        return x.redirect("/betalingen?vastgelegd=koppeling");
    } catch (const store::StoreError &e) {
        if (e.code != vhh::ExitCode::data) throw;
        st.koppel_fout = e.what();  // matched meanwhile, no such invoice, a credit note
    }
    show(x, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, st);
}

}  // namespace vhh::host::web
