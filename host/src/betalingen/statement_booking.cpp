#include "betalingen/statement_booking.h"

#include <optional>
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

Payment payment_of(const BankStatement &s, BankTransaction &&tx, const std::string &regio) {
    Payment p;
    p.regio = regio;
    p.afschrift = s.statement_id;
    p.referentie = std::move(tx.entry_ref);
    p.volgnr = tx.tx_index;
    p.bedrag_cents = tx.credit ? tx.amount.in_cents() : -tx.amount.in_cents();
    p.boekdatum = tx.booking_date.iso();
    p.naam = std::move(tx.counterparty_name);
    p.iban = std::move(tx.counterparty_iban);
    p.kenmerk = std::move(tx.structured_reference);
    p.omschrijving = std::move(tx.remittance_text);
    p.storno = tx.reversal;
    p.koppeling = rule_text(MatchRule::none);
    return p;
}

/// Matches and books each transaction as the reader delivers it: nothing of the statement is held
/// but the keys booked (to book nothing twice) and the rows of the batch being written. After an
/// error it only checks on, and writes nothing more (the transaction is rolled back).
class StatementBooker : public Camt053Sink {
public:
    StatementBooker(store::Store &store, const std::string &regio, const std::string &user)
        : regio_(regio), by_key_(booked_keys(store, regio)), booking_(store, user) {
        const std::vector<Invoice> all = invoicing::read_invoices(store, regio);
        const auto paid = paid_per_invoice(store, regio);
        for (const auto &inv : all)
            if (!inv.credit_note())
                items_.push_back({inv.nummer, inv.betalingskenmerk, Money::cents(open_after_payments(inv, all, paid))});
        matcher_.emplace(items_);
    }

    void transaction(const BankStatement &s, BankTransaction &&t) override {
        if (!open_) {
            statements.push_back({s.statement_id, 0, 0, 0});
            open_ = true;
        }
        StatementBooked &b = statements.back();
        const std::int64_t cents = t.credit ? t.amount.in_cents() : -t.amount.in_cents();
        std::string key = t.booking_key(s.statement_id);
        if (auto it = by_key_.find(key); it != by_key_.end()) {
            const BookedKey &e = it->second;
            if (e.id < 0) {  // booked by this file already: two statements with the same Id
                diagnostics.error(vhh::ExitCode::data, t.where, "Ntry", "transaction " + key + " is in this file twice");
                return;
            }
            const std::string date = t.booking_date.iso();
            if (e.bedrag_cents != cents || e.boekdatum != date)
                diagnostics.error(vhh::ExitCode::data, t.where, "Ntry",
                                  "transaction " + key + " is booked already (transactie " + std::to_string(e.id) +
                                      ") with " + euro(e.bedrag_cents) + " on " + e.boekdatum + ", here with " +
                                      euro(cents) + " on " + date,
                                  "a bank does not change a booked entry: is this another account's statement?");
            ++b.already;
            return;
        }
        const MatchResult m = matcher_->match(t);
        const SourceLocation where = std::move(t.where);
        Payment p = payment_of(s, std::move(t), regio_);
        if (m.item && m.already_paid) {
            // Better than refusing the statement: the payment is on the account, so it is booked,
            // unmatched, for the controller to decide (koppelen, or pay it back).
            diagnostics.warning(where, "Ntry",
                                "payment of " + euro(p.bedrag_cents) + " names invoice " + items_[*m.item].number +
                                    ", which is paid already (open " + euro(items_[*m.item].open.in_cents()) +
                                    "): booked as unmatched",
                                "'vhh betalingen koppelen " + key + " NUMMER' ties it to another invoice");
        } else if (m.item) {
            p.factuur = items_[*m.item].number;
            p.koppeling = rule_text(m.rule);
            items_[*m.item].open = Money::cents(items_[*m.item].open.in_cents() - p.bedrag_cents);
            ++b.matched;
        }
        by_key_.emplace(std::move(key), BookedKey{-1, 0, ""});
        ++b.booked;
        if (!diagnostics.has_errors()) booking_.add(std::move(p));
    }

    void statement_end(const BankStatement &s) override {
        if (!open_) statements.push_back({s.statement_id, 0, 0, 0});
        open_ = false;
        const StatementBooked &b = statements.back();
        if (!diagnostics.has_errors()) booking_.end_statement(import_summary(regio_, b.id, b.booked, b.matched));
    }

    std::vector<StatementBooked> statements;
    Diagnostics diagnostics;  ///< of matching against the store (the reader's are its own)

private:
    const std::string &regio_;
    std::unordered_map<std::string, BookedKey> by_key_;
    std::vector<InvoiceItem> items_;
    std::optional<PaymentMatcher> matcher_;  // indexes items_, so built after it
    PaymentBooking booking_;
    bool open_ = false;  ///< a statement has delivered transactions and not ended yet
};

}  // namespace

StatementImport import_statement(store::Store &store, const RunConfig &c, const std::string &name, std::istream &in,
                                 const std::string &user) {
    if (!c.facturatie.configured || c.facturatie.iban.empty())
        throw StoreError(vhh::ExitCode::config, c.path +
                                                    " has no facturatie.leverancier.iban: vhh cannot tell whether a "
                                                    "statement is of the Veiligheidshuis's account");
    // The write transaction is open while the file streams in: each transaction is matched and
    // booked as it is read, and everything is rolled back when the file or the store says no.
    store::Transaction tx(store, true);
    store.require_schema();
    StatementBooker booker(store, c.region.id, user);
    Camt053Reading reading;
    try {
        reading = read_camt053_stream(name, in, c.facturatie.iban, &booker);
    } catch (const std::runtime_error &e) {
        reading.diagnostics.error(vhh::ExitCode::no_input, {name, 0, 0}, "",
                                  std::string("cannot read the bank statement: ") + e.what());
    }
    StatementImport out;
    out.diagnostics = std::move(reading.diagnostics);  // its warnings, if any
    if (out.diagnostics.has_errors()) return out;      // rolled back: nothing was booked
    out.diagnostics.merge(std::move(booker.diagnostics));
    if (out.diagnostics.has_errors()) return out;
    out.statements = std::move(booker.statements);
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
