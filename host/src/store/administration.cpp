#include "store/administration.h"

#include <Poco/Data/Statement.h>

#include "betalingen/debiteurenstand.h"
#include "invoicing/facturen_store.h"
#include "store/prior_year.h"

namespace vhh::host::store {

using namespace Poco::Data::Keywords;

AdoptedDocument adopted_document(StoredSnapshot snapshot, const Region &region) {
    AdoptedDocument d;
    d.document = snapshot.document;
    d.jaar = snapshot.jaar;
    d.besluit = snapshot.besluit;
    d.datum = snapshot.datum;
    d.snapshot = snapshot.sha256;
    d.posten = std::move(snapshot.posten);
    d.bijdragen = restated(std::move(snapshot.bijdragen), region);
    return d;
}

Administration read_administration(Store &store, const Region &region) {
    Administration a;
    if (auto s = find_vaststelling(store, region.id, "jaarrekening", region.boekjaar - 1))
        a.jaarrekening_vorig_jaar = adopted_document(std::move(*s), region);
    if (auto s = find_vaststelling(store, region.id, "begroting", region.boekjaar))
        a.begroting = adopted_document(std::move(*s), region);
    a.wijzigingen = find_wijzigingen(store, region.id, region.boekjaar);
    a.debiteurenstand = debiteurenstand_per(store, region.id, Date{region.boekjaar, 12, 31});
    return a;
}

Debiteurenstand debiteurenstand_per(Store &store, const std::string &regio, const Date &per) {
    Debiteurenstand d;
    d.per = per;
    const std::vector<invoicing::Invoice> invoices = invoicing::read_invoices(store, regio);
    for (const auto &i : invoices)
        if (i.datum <= per.iso()) ++d.facturen;
    for (const auto &p : betalingen::debiteurenstand(invoices, betalingen::read_payments(store, regio), per)) {
        DebiteurStand s;
        s.debiteur_id = p.debiteur_id;
        s.debiteur = p.debiteur;
        s.open = Money::cents(p.open_cents);
        for (const auto &item : p.items) {
            const std::int64_t bedrag = item.invoice.credit_note() ? -item.invoice.bedrag_cents : item.invoice.bedrag_cents;
            s.facturen.push_back({item.invoice.nummer, item.invoice.datum, item.invoice.vervaldatum, Money::cents(bedrag),
                                  Money::cents(item.open_cents), item.days_past_due});
        }
        d.totaal += s.open;
        d.debiteuren.push_back(std::move(s));
    }
    return d;
}

std::vector<BudgetAmendment> find_wijzigingen(Store &store, const std::string &regio, int jaar) {
    std::vector<BudgetAmendment> out;
    store.guarded([&] {
        Poco::Data::Statement st(store.session());
        std::vector<Poco::Int64> ids, nummers;
        std::vector<std::string> besluiten, data, omschrijvingen;
        Poco::Int64 y = jaar;
        std::string r = regio;
        st << store.sql("SELECT id, nummer, besluit, datum, omschrijving FROM wijzigingen WHERE regio = ? AND jaar = ?"
                        " ORDER BY nummer"),
            bind(r), bind(y), into(ids), into(nummers), into(besluiten), into(data), into(omschrijvingen);
        st.execute();
        for (std::size_t i = 0; i < ids.size(); ++i) {
            BudgetAmendment w;
            w.nummer = static_cast<int>(nummers[i]);
            w.besluit = besluiten[i];
            w.datum = data[i];
            w.omschrijving = omschrijvingen[i];
            const std::int64_t id = ids[i];
            for (const Row &row : store.rows(*find_table("wijziging_posten"), &id))
                w.posten.push_back({row[2].text, row[3].text, Money::cents(row[4].number), row[5].text});
            for (const Row &row : store.rows(*find_table("wijziging_bijdragen"), &id)) {
                ContributionLine l;
                l.source = "begrotingswijziging";
                l.payer_id = row[2].text;
                l.payer = row[3].text;
                l.amount = Money::cents(row[4].number);
                l.basis = "begrotingswijziging " + std::to_string(w.nummer) + " " + std::to_string(jaar) +
                          " (besluit " + w.besluit + ", " + w.datum + ")";
                w.bijdragen.push_back(std::move(l));
            }
            out.push_back(std::move(w));
        }
    });
    return out;
}

}  // namespace vhh::host::store
