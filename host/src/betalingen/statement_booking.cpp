#include "betalingen/statement_booking.h"

#include <unordered_map>

#include "betalingen/camt053.h"
#include "betalingen/payment_matching.h"
#include "diagnostic_output.h"
#include "store/store_commands.h"
#include "vhh/text.h"

namespace vhh::host::betalingen {

using invoicing::Invoice;
using store::StoreError;

namespace {

std::string euro(std::int64_t cents) { return Money::cents(cents).format_nl(); }

Payment payment_of(const BankStatement &s, const BankTransaction &tx, const std::string &regio) {
    Payment p;
    p.regio = regio;
    p.afschrift = s.statement_id;
    p.referentie = tx.entry_ref;
    p.volgnr = tx.tx_index;
    p.bedrag_cents = tx.credit ? tx.amount.in_cents() : -tx.amount.in_cents();
    p.boekdatum = tx.booking_date.iso();
    p.naam = tx.counterparty_name;
    p.iban = tx.counterparty_iban;
    p.kenmerk = tx.structured_reference;
    p.omschrijving = tx.remittance_text;
    p.storno = tx.reversal;
    p.koppeling = rule_text(MatchRule::none);
    return p;
}

}  // namespace

StatementImport import_statement(store::Store &store, const RunConfig &c, const std::string &name, std::istream &in,
                                 const std::string &user) {
    if (!c.facturatie.configured || c.facturatie.iban.empty())
        throw StoreError(vhh::ExitCode::config, c.path +
                                                    " has no facturatie.leverancier.iban: vhh cannot tell whether a "
                                                    "statement is of the Veiligheidshuis's account");
    Camt053Reading reading;
    try {
        reading = read_camt053_stream(name, in, c.facturatie.iban);
    } catch (const std::runtime_error &e) {
        reading.diagnostics.error(vhh::ExitCode::no_input, {name, 0, 0}, "",
                                  std::string("cannot read the bank statement: ") + e.what());
    }
    StatementImport out;
    if (!reading.ok()) {
        out.diagnostics = std::move(reading.diagnostics);
        return out;
    }
    store::Transaction tx(store, true);
    store.require_schema();
    const std::vector<Invoice> all = invoicing::read_invoices(store, c.region.id);
    std::unordered_map<std::string, BookedKey> by_key = booked_keys(store, c.region.id);
    const auto paid = paid_per_invoice(store, c.region.id);
    std::vector<InvoiceItem> items;
    for (const auto &inv : all)
        if (!inv.credit_note())
            items.push_back({inv.nummer, inv.betalingskenmerk, Money::cents(open_after_payments(inv, all, paid))});
    const PaymentMatcher matcher(items);
    Diagnostics &diag = out.diagnostics;
    diag = reading.diagnostics;  // its warnings, if any
    std::vector<std::vector<Payment>> payments;
    for (const BankStatement &s : reading.statements) {
        StatementBooked b{s.statement_id, 0, 0, 0};
        std::vector<Payment> booked;
        for (const BankTransaction &t : s.transactions) {
            Payment p = payment_of(s, t, c.region.id);
            if (auto it = by_key.find(p.key()); it != by_key.end()) {
                const BookedKey &e = it->second;
                if (e.id < 0) {  // booked by this file already: two statements with the same Id
                    diag.error(vhh::ExitCode::data, t.where, "Ntry", "transaction " + p.key() + " is in this file twice");
                    continue;
                }
                if (e.bedrag_cents != p.bedrag_cents || e.boekdatum != p.boekdatum)
                    diag.error(vhh::ExitCode::data, t.where, "Ntry",
                               "transaction " + p.key() + " is booked already (transactie " + std::to_string(e.id) +
                                   ") with " + euro(e.bedrag_cents) + " on " + e.boekdatum + ", here with " +
                                   euro(p.bedrag_cents) + " on " + p.boekdatum,
                               "a bank does not change a booked entry: is this another account's statement?");
                ++b.already;
                continue;
            }
            const MatchResult m = matcher.match(t);
            if (m.item && m.already_paid) {
                // Better than refusing the statement: the payment is on the account, so it is booked,
                // unmatched, for the controller to decide (koppelen, or pay it back).
                diag.warning(t.where, "Ntry",
                             "payment of " + euro(p.bedrag_cents) + " names invoice " + items[*m.item].number +
                                 ", which is paid already (open " + euro(items[*m.item].open.in_cents()) +
                                 "): booked as unmatched",
                             "'vhh betalingen koppelen " + p.key() + " NUMMER' ties it to another invoice");
            } else if (m.item) {
                p.factuur = items[*m.item].number;
                p.koppeling = rule_text(m.rule);
                items[*m.item].open = Money::cents(items[*m.item].open.in_cents() - p.bedrag_cents);
                ++b.matched;
            }
            by_key.emplace(p.key(), BookedKey{-1, 0, ""});
            booked.push_back(std::move(p));
        }
        b.booked = booked.size();
        out.statements.push_back(b);
        payments.push_back(std::move(booked));
    }
    reading.statements.clear();  // booked as Payments now: do not hold a statement twice
    reading.statements.shrink_to_fit();
    if (diag.has_errors()) return out;  // rolled back: nothing was booked
    for (std::size_t k = 0; k < payments.size(); ++k)
        if (!payments[k].empty())
            book_payments(store, payments[k], user,
                          import_summary(c.region.id, out.statements[k].id, payments[k].size(), out.statements[k].matched));
    tx.commit();
    return out;
}

LinkedPayment link_transaction(store::Store &store, const std::string &regio, const std::string &which,
                               const std::string &nummer, const std::string &user) {
    store::Transaction tx(store, true);
    store.require_schema();
    const std::vector<Payment> booked = read_payments(store, regio);
    const Payment *p = nullptr;
    for (const auto &b : booked)
        if (std::to_string(b.id) == which || b.key() == which) p = &b;
    if (!p)
        throw StoreError(vhh::ExitCode::data, "the store holds no transaction " + printable_text(which) + " of " + regio +
                                                  " ('vhh betalingen' lists them)");
    if (!p->factuur.empty())
        throw StoreError(vhh::ExitCode::data, "transaction " + std::to_string(p->id) + " (" + p->key() +
                                                  ") pays invoice " + p->factuur + " already (" + p->koppeling + ")");
    const std::vector<Invoice> all = invoicing::read_invoices(store, regio);
    const Invoice &inv = invoicing::require_invoice(all, nummer, regio);
    if (inv.credit_note()) throw StoreError(vhh::ExitCode::data, nummer + " is a credit note; a payment pays an invoice");
    LinkedPayment out{*p, inv, open_after_payments(inv, all, paid_per_invoice(booked)) - p->bedrag_cents};
    link_payment(store, p->id, nummer, user);
    tx.commit();
    return out;
}

}  // namespace vhh::host::betalingen
