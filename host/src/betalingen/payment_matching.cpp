#include "betalingen/payment_matching.h"

#include <cctype>

namespace vhh::host::betalingen {

namespace {

bool token_char(unsigned char c) { return std::isalnum(c) || c == '-' || c == '/'; }

/// The words of a remittance text, in upper case, split at anything but letters, digits, '-' and
/// '/' (a trailing '-' or '/' is dropped: "factuur 2014-0007/" names 2014-0007).
std::vector<std::string> tokens(const std::string &text) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        while (!cur.empty() && (cur.back() == '-' || cur.back() == '/')) cur.pop_back();
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
    };
    for (unsigned char c : text) {
        if (token_char(c)) cur += static_cast<char>(std::toupper(c));
        else flush();
    }
    flush();
    return out;
}

}  // namespace

std::string normalised_reference(const std::string &text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isspace(c) || c == '.') continue;
        out += static_cast<char>(std::toupper(c));
    }
    return out;
}

std::string rule_text(MatchRule rule) {
    switch (rule) {
    case MatchRule::payment_reference: return "betalingskenmerk";
    case MatchRule::reference_in_text: return "kenmerk in omschrijving";
    case MatchRule::invoice_number_in_text: return "factuurnummer in omschrijving";
    case MatchRule::none: break;
    }
    return "niet gekoppeld";
}

PaymentMatcher::PaymentMatcher(const std::vector<InvoiceItem> &items) : items_(items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!items[i].payment_reference.empty())
            by_reference_.emplace(normalised_reference(items[i].payment_reference), i);
        by_number_.emplace(normalised_reference(items[i].number), i);
    }
}

MatchResult PaymentMatcher::found(MatchRule rule, std::size_t index) const {
    MatchResult r;
    r.rule = rule;
    r.item = index;
    if (items_[index].open.in_cents() <= 0) {
        r.already_paid = true;
        r.reason = "factuur " + items_[index].number + " is al betaald";
    }
    return r;
}

MatchResult PaymentMatcher::match(const BankTransaction &tx) const {
    MatchResult none;
    if (!tx.credit) {
        none.reason = "een afschrijving, geen ontvangst";
        return none;
    }
    if (tx.reversal) {
        none.reason = "een storno van de bank";
        return none;
    }
    if (!tx.structured_reference.empty()) {
        auto it = by_reference_.find(normalised_reference(tx.structured_reference));
        if (it != by_reference_.end()) return found(MatchRule::payment_reference, it->second);
    }
    // A betalingskenmerk may be typed in the text, with spaces or dots ("1234 5678 9012 3456"):
    // every run of digits of the text without them, and every word (an RF reference), is looked up.
    const std::string squeezed = normalised_reference(tx.remittance_text);
    for (std::size_t i = 0; i < squeezed.size();) {
        if (!std::isdigit(static_cast<unsigned char>(squeezed[i]))) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < squeezed.size() && std::isdigit(static_cast<unsigned char>(squeezed[j]))) ++j;
        auto it = by_reference_.find(squeezed.substr(i, j - i));
        if (it != by_reference_.end()) return found(MatchRule::reference_in_text, it->second);
        i = j;
    }
    const std::vector<std::string> words = tokens(tx.remittance_text);
    for (const auto &t : words) {
        auto it = by_reference_.find(t);
        if (it != by_reference_.end()) return found(MatchRule::reference_in_text, it->second);
    }
    for (const auto &t : words) {
        auto it = by_number_.find(t);
        if (it != by_number_.end()) return found(MatchRule::invoice_number_in_text, it->second);
    }
    none.reason = tx.structured_reference.empty() && tx.remittance_text.empty()
                      ? "geen kenmerk en geen omschrijving"
                      : "kenmerk en omschrijving noemen geen openstaande factuur";
    return none;
}

}  // namespace vhh::host::betalingen
