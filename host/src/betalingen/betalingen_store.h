// Booked bank transactions in the store (migration 6): every transaction of an imported CAMT.053
// statement once (statement Id + entry reference + transaction index), with the invoice it pays.
// Every change is an audit log entry: one per import (naming the statement, the counts and a sha256
// over the rows it booked) and one per hand match.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "invoicing/facturen_store.h"
#include "output/sha256.h"
#include "store/store.h"

namespace vhh::host::betalingen {

/// A booked transaction as the store holds it.
struct Payment {
    std::int64_t id = 0;            ///< the store's number of the transaction (`vhh betalingen koppelen ID`)
    std::string regio;
    std::string afschrift;          ///< Stmt/Id
    std::string referentie;         ///< NtryRef, else AcctSvcrRef, else "ntry-<n>"
    int volgnr = 0;                 ///< 0-based index of the transaction within its entry
    std::int64_t bedrag_cents = 0;  ///< signed: a credit (money received) positive, a debit negative
    std::string boekdatum;          ///< YYYY-MM-DD
    std::string naam, iban;         ///< the counterparty
    std::string kenmerk;            ///< structured reference
    std::string omschrijving;       ///< remittance text
    bool storno = false;            ///< a reversal by the bank
    std::string factuur;            ///< the invoice number it pays; "" when unmatched
    std::string koppeling;          ///< how it was matched (payment_matching's rule_text, or "handmatig")

    /// "<afschrift>/<referentie>/<volgnr>": the key that books a transaction once.
    std::string key() const { return afschrift + "/" + referentie + "/" + std::to_string(volgnr); }
};

/// The booked transactions of `regio`, by id.
std::vector<Payment> read_payments(store::Store &store, const std::string &regio);

/// What an import needs to know of a transaction booked before.
struct BookedKey {
    std::int64_t id = 0;
    std::int64_t bedrag_cents = 0;
    std::string boekdatum;
};

/// The transactions of `regio` booked before, by key (Payment::key): only what importing again
/// compares, read without the rest of the rows.
std::unordered_map<std::string, BookedKey> booked_keys(store::Store &store, const std::string &regio);

/// What each invoice of `regio` has received (the sum of its matched transactions), by number.
std::map<std::string, std::int64_t> paid_per_invoice(store::Store &store, const std::string &regio);

/// Books an import's transactions as they are read, statement by statement, in the open write
/// transaction: rows written 2 000 at a time through the store's bulk path (memory stays flat for a
/// large statement), each statement closed by its audit log entry (`summary`, from import_summary,
/// + a sha256 over the rows it booked, as verify_payments checks it).
class PaymentBooking {
public:
    /// Books into `store` with `user` in the audit log; ids follow the store's highest.
    PaymentBooking(store::Store &store, std::string user);
    /// Books `p` (its id assigned here) in the current statement.
    void add(Payment &&p);
    /// Ends the current statement: writes the rows held and, when it booked any, its audit log entry.
    void end_statement(const std::string &summary);

private:
    void write();

    store::Store &store_;
    std::string user_;
    std::int64_t next_;
    std::size_t booked_ = 0;          ///< rows of the current statement
    std::vector<store::Row> rows_;    ///< not written yet
    std::unique_ptr<Sha256> seal_;    ///< of the current statement's rows
};

/// The audit log text of an import of statement `afschrift` (before its seal), as book_payments'
/// `summary`: verify_payments reads the count of transactions booked from it.
std::string import_summary(const std::string &regio, const std::string &afschrift, std::size_t count,
                           std::size_t matched);

/// The first imported statement whose booked transactions do not match the seal of their import's
/// audit log entry (an amount, date, name, reference or text changed behind vhh's back), or a
/// transaction no import records, as a message naming the statement and the transactions; nullopt
/// when all hold. The match (factuur, koppeling) is not sealed: `koppelen` changes it, logged.
std::optional<std::string> verify_payments(store::Store &store);

/// Ties the booked transaction `id` to invoice `factuur` by hand (koppeling "handmatig"), with its
/// audit log entry, in the open write transaction.
void link_payment(store::Store &store, std::int64_t id, const std::string &factuur, const std::string &user);

/// What each invoice has received: the matched amounts per invoice number (booked on or before
/// `per` when given, YYYY-MM-DD).
std::map<std::string, std::int64_t> paid_per_invoice(const std::vector<Payment> &payments,
                                                     const std::optional<std::string> &per = {});

/// What is open of `inv`: open_cents (credit notes) less what its payments paid (negative: overpaid).
std::int64_t open_after_payments(const invoicing::Invoice &inv, const std::vector<invoicing::Invoice> &all,
                                 const std::map<std::string, std::int64_t> &paid);

}  // namespace vhh::host::betalingen
