// The documents of the debiteurenstand, described in the document model and rendered by the host's
// renderers like every other document: a herinnering letter per debiteur with open items past due,
// and the debiteurenstand at 31 December that `vhh run` writes beside the jaarverantwoording.
#pragma once

#include <vector>

#include "betalingen/debiteurenstand.h"
#include "vhh/document.h"

namespace vhh::host::betalingen {

/// The herinnering `herinnering-<per>-<debiteur_id>` to `d`: the invoices past due with what is
/// open of them, how many days past the vervaldatum, and how to pay (the IBAN and each invoice's
/// betalingskenmerk). The leverancier and the address are those of the invoices as issued.
doc::Document herinnering_document(const DebtorPosition &d, const Date &per, const std::string &regio_naam);

/// The debiteurenstand at `per` of the whole region, `debiteuren-<jaar>`: a table per age class
/// and debiteur (totals), and the open items per debiteur.
doc::Document debiteurenstand_document(const std::vector<DebtorPosition> &positions, const Date &per, int jaar,
                                       const std::string &regio_naam);

}  // namespace vhh::host::betalingen
