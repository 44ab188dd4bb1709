#include "betalingen/debiteurenstand.h"

#include <map>

namespace vhh::host::betalingen {

bool DebtorPosition::reminder_due() const {
    for (const auto &i : items)
        if (i.open_cents > 0 && i.age != AgeClass::not_due) return true;
    return false;
}

std::vector<DebtorPosition> debiteurenstand(const std::vector<invoicing::Invoice> &invoices,
                                            const std::vector<Payment> &payments, const Date &per) {
    const std::string day = per.iso();
    std::vector<invoicing::Invoice> known;
    for (const auto &i : invoices)
        if (i.datum <= day) known.push_back(i);
    const auto paid = paid_per_invoice(payments, day);
    std::map<std::string, DebtorPosition> by_id;
    for (const auto &inv : known) {
        const std::int64_t open = open_after_payments(inv, known, paid);
        if (open == 0) continue;
        const Date due = Date::parse_iso(inv.vervaldatum).value_or(per);
        OpenItem item{inv, open, days_past_due(due, per), age_class(due, per)};
        DebtorPosition &d = by_id[inv.debiteur_id];
        d.debiteur_id = inv.debiteur_id;
        d.debiteur = inv.debiteur;
        d.per_class[static_cast<std::size_t>(item.age)] += open;
        d.open_cents += open;
        d.items.push_back(std::move(item));
    }
    std::vector<DebtorPosition> out;
    for (auto &[id, d] : by_id) out.push_back(std::move(d));
    return out;
}

}  // namespace vhh::host::betalingen
