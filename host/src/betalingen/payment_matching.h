// The rule that ties a received payment to an invoice: first by the structured payment reference
// (the betalingskenmerk the invoice asked for), then by that reference or the invoice number typed
// in the remittance text, else the payment stays unmatched for the controller (`vhh betalingen
// koppelen`). A payment is never split over invoices by guessing.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "betalingen/camt053.h"
#include "vhh/money.h"

namespace vhh::host::betalingen {

/// An issued invoice as the matcher sees it.
struct InvoiceItem {
    std::string number;             ///< the invoice number, e.g. "2014-0007"
    std::string payment_reference;  ///< the betalingskenmerk printed on it (may be empty)
    Money open;                     ///< what is still to be paid (0 when paid; negative when overpaid)
};

/// How a payment was matched.
enum class MatchRule {
    payment_reference,        ///< the structured reference is the invoice's betalingskenmerk
    reference_in_text,        ///< the betalingskenmerk was typed in the remittance text
    invoice_number_in_text,   ///< the invoice number is in the remittance text
    none                      ///< not matched: the controller decides
};

/// The outcome for one transaction.
struct MatchResult {
    MatchRule rule = MatchRule::none;
    std::optional<std::size_t> item;  ///< index into the items the matcher was built on
    bool already_paid = false;        ///< the invoice it names has nothing open
    std::string reason;               ///< why it is unmatched, in Dutch for the controller ("" when matched)
};

/// Matches transactions against a fixed list of invoices in O(length of the remittance text) each.
class PaymentMatcher {
public:
    /// Indexes `items` (kept by reference: they must outlive the matcher).
    explicit PaymentMatcher(const std::vector<InvoiceItem> &items);
    /// The invoice `tx` pays, by the rules above. Debits and reversals are never matched.
    MatchResult match(const BankTransaction &tx) const;

private:
    MatchResult found(MatchRule rule, std::size_t index) const;

    const std::vector<InvoiceItem> &items_;
    std::unordered_map<std::string, std::size_t> by_reference_;
    std::unordered_map<std::string, std::size_t> by_number_;
};

/// A reference as compared: spaces and dots removed, letters in upper case
/// ("1234 5678 9012 3456" → "1234567890123456", "rf18 5390" → "RF185390").
std::string normalised_reference(const std::string &text);

/// Short Dutch name of a rule for reports ("betalingskenmerk", "kenmerk in omschrijving",
/// "factuurnummer in omschrijving", "niet gekoppeld").
std::string rule_text(MatchRule rule);

}  // namespace vhh::host::betalingen
