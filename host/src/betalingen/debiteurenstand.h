// The debiteurenstand on a date: per debiteur the invoices still open (after credit notes and
// payments known on that date), each in its age class (ouderdomsanalyse), with totals per class.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "betalingen/betalingen_store.h"
#include "betalingen/ouderdomsanalyse.h"
#include "invoicing/facturen_store.h"

namespace vhh::host::betalingen {

/// Number of age classes (AgeClass::not_due … AgeClass::over_90).
inline constexpr std::size_t kAgeClasses = 5;

/// One open invoice of a debiteur.
struct OpenItem {
    invoicing::Invoice invoice;
    std::int64_t open_cents = 0;  ///< positive: still to be paid; negative: overpaid or owed to the debiteur
    int days_past_due = 0;        ///< after the vervaldatum (0 or less: not due)
    AgeClass age = AgeClass::not_due;
};

/// A debiteur's open items and their totals.
struct DebtorPosition {
    std::string debiteur_id, debiteur;
    std::vector<OpenItem> items;                    ///< by invoice number
    std::array<std::int64_t, kAgeClasses> per_class{};  ///< open per age class
    std::int64_t open_cents = 0;                    ///< the sum of the items
    /// True when a herinnering is due: an item with something to pay is past its vervaldatum.
    bool reminder_due() const;
};

/// The debiteurenstand of `invoices` (a region's, every year) on `per`: only invoices and credit
/// notes dated on or before `per` and payments booked on or before it count; debiteuren in order
/// of their id, only those with something open (or overpaid).
std::vector<DebtorPosition> debiteurenstand(const std::vector<invoicing::Invoice> &invoices,
                                            const std::vector<Payment> &payments, const Date &per);

}  // namespace vhh::host::betalingen
