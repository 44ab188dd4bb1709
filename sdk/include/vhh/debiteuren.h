// The debiteurenstand as report plugins see it (Administration::debiteurenstand, SDK ABI 3): per
// debiteur the invoices still open on a date, from the store's invoices, credit notes and payments,
// as `vhh debiteuren --per` computes it. Plugins never touch the store; the host reads it for them.
#pragma once

#include <string>
#include <vector>

#include "vhh/date.h"
#include "vhh/money.h"

namespace vhh {

/// One invoice (or credit note) of a debiteur that is still open on the date.
struct OpenInvoice {
    std::string nummer;        ///< invoice number, e.g. "2015-0003"
    std::string datum;         ///< invoice date, YYYY-MM-DD
    std::string vervaldatum;   ///< due date, YYYY-MM-DD
    Money bedrag;              ///< the invoice's amount (a credit note's negative)
    Money open;                ///< still to be paid on the date (negative: overpaid)
    int dagen_vervallen = 0;   ///< days past the vervaldatum on the date (0 or less: not due)
};

/// One debiteur with something open (or overpaid) on the date.
struct DebiteurStand {
    std::string debiteur_id;           ///< the debiteur's id (a CBS code or a partner id)
    std::string debiteur;              ///< its name
    std::vector<OpenInvoice> facturen; ///< by invoice number
    Money open;                        ///< the sum of the open amounts
};

/// The debiteurenstand on `per` (Administration::debiteurenstand).
struct Debiteurenstand {
    Date per;                             ///< the date it is about
    std::size_t facturen = 0;             ///< invoices and credit notes of the region dated on or before `per`
    std::vector<DebiteurStand> debiteuren;  ///< in order of their id, only those with something open
    Money totaal;                         ///< the sum over the debiteuren
};

}  // namespace vhh
