// Booking a CAMT.053 statement and tying a booked transaction to an invoice by hand: the rules of
// `vhh betalingen importeren|koppelen`, shared by the CLI and the workspace of `vhh serve`.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "betalingen/betalingen_store.h"
#include "config/region_config.h"
#include "invoicing/facturen_store.h"
#include "store/store.h"
#include "vhh/diagnostics.h"

namespace vhh::host::betalingen {

/// What an import booked of one statement.
struct StatementBooked {
    std::string id;              ///< Stmt/Id
    std::size_t booked = 0;      ///< transactions booked now
    std::size_t matched = 0;     ///< of those, matched to an invoice
    std::size_t already = 0;     ///< transactions booked by an earlier import
};

/// The outcome of an import: its diagnostics (errors: nothing was booked) and what it booked.
struct StatementImport {
    Diagnostics diagnostics;
    std::vector<StatementBooked> statements;
    bool booked() const { return !diagnostics.has_errors(); }
};

/// Reads the CAMT.053 statement `in` (named `name` in its diagnostics) and books its transactions
/// of the region once, each credit matched to an open invoice, with `user` in the audit log, in a
/// write transaction of its own: committed only when there is no error (then nothing is booked).
/// A config without facturatie.leverancier.iban is a StoreError (78).
StatementImport import_statement(store::Store &store, const RunConfig &config, const std::string &name,
                                 std::istream &in, const std::string &user);

/// What a hand match did.
struct LinkedPayment {
    Payment payment;          ///< the transaction as it was before
    invoicing::Invoice invoice;  ///< the invoice it pays now
    std::int64_t open_cents = 0;  ///< what is open of the invoice now (negative: overpaid)
};

/// Ties the booked transaction `which` (its id or key) to invoice `nummer` of the region with
/// `user` in the audit log, in a write transaction of its own. An unknown transaction or invoice, a
/// transaction matched already or a credit note is a StoreError (65) and changes nothing.
LinkedPayment link_transaction(store::Store &store, const std::string &regio, const std::string &which,
                               const std::string &nummer, const std::string &user);

}  // namespace vhh::host::betalingen
