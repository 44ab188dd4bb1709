#include "invoicing/journaal.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "formats.h"
#include "store/store.h"

namespace vhh::host::invoicing {

namespace {

/// The revenue account of an invoice's soort (a credit note of `vhh crediteren`: of the invoice it credits).
const std::string &revenue_account(const Invoice &inv, const std::map<std::string, const Invoice *> &by_nummer,
                                   const JournaalRekeningen &rek) {
    std::string soort = inv.soort;
    if (soort == "credit") {
        const std::string first = inv.crediteert.substr(0, inv.crediteert.find(','));
        auto it = by_nummer.find(first);
        soort = it == by_nummer.end() ? "voorschot" : it->second->soort;
    }
    if (soort == "werkplekhuur") return rek.werkplekhuur;
    if (soort == "afrekening") return rek.afrekening;
    return rek.voorschot;
}

/// Adds a line to `out`: `cents` on the debet side when `debet`, else the credit side (nothing for 0).
void line(std::vector<JournaalRegel> &out, const JournaalRegel &head, const std::string &rekening,
          const std::string &kostenplaats, bool debet, std::int64_t cents, const std::string &omschrijving) {
    if (cents == 0) return;
    JournaalRegel r = head;
    r.regel = !out.empty() && out.back().boekstuk == head.boekstuk ? out.back().regel + 1 : 1;  // a boekstuk's lines are adjacent
    r.rekening = rekening;
    r.kostenplaats = kostenplaats;
    if (cents < 0) {
        debet = !debet;
        cents = -cents;
    }
    (debet ? r.debet_cents : r.credit_cents) = cents;
    r.omschrijving = omschrijving;
    out.push_back(std::move(r));
}

}  // namespace

std::vector<JournaalRegel> journaal(const std::vector<Invoice> &all, const std::vector<betalingen::Payment> &payments,
                                    const JournaalRekeningen &rek, int jaar) {
    const std::string prefix = std::to_string(jaar) + "-";
    std::map<std::string, const Invoice *> by_nummer;
    for (const auto &i : all) by_nummer[i.nummer] = &i;
    // (datum, 0 invoice | 1 payment, nummer, id, index)
    std::vector<std::tuple<std::string, int, std::string, std::int64_t, std::size_t>> order;
    for (std::size_t k = 0; k < all.size(); ++k)
        if (all[k].datum.rfind(prefix, 0) == 0) order.emplace_back(all[k].datum, 0, all[k].nummer, 0, k);
    for (std::size_t k = 0; k < payments.size(); ++k)
        if (payments[k].boekdatum.rfind(prefix, 0) == 0) order.emplace_back(payments[k].boekdatum, 1, "", payments[k].id, k);
    std::sort(order.begin(), order.end());

    std::vector<JournaalRegel> out;
    for (const auto &[datum, kind, nummer, id, k] : order) {
        JournaalRegel head;
        head.datum = datum;
        if (kind == 0) {
            const Invoice &inv = all[k];
            head.boekstuk = inv.nummer;
            head.relatie = inv.debiteur_id;
            head.referentie = inv.betalingskenmerk;
            // An invoice: receivable on the debet side, revenue and VAT on the credit side; a credit
            // note the other way round.
            const bool invoice = !inv.credit_note();
            const std::string what = std::string(inv.credit_note() ? "Creditnota " : inv.corrected() ? "Gecorrigeerde factuur " : "Factuur ") +
                                     inv.nummer + " " + inv.soort + (inv.termijn.empty() ? "" : " " + inv.termijn) + " " +
                                     inv.debiteur_id + " " + inv.debiteur;
            line(out, head, rek.debiteuren, "", invoice, inv.bedrag_cents + inv.btw_cents(), what);
            line(out, head, revenue_account(inv, by_nummer, rek), rek.kostenplaats, !invoice, inv.bedrag_cents, what);
            line(out, head, rek.btw, "", !invoice, inv.btw_cents(), what + " (btw)");
        } else {
            const betalingen::Payment &p = payments[k];
            head.boekstuk = p.key();
            head.referentie = p.factuur;
            auto it = by_nummer.find(p.factuur);
            if (it != by_nummer.end()) head.relatie = it->second->debiteur_id;
            const std::string what = (p.bedrag_cents < 0 ? "Afschrijving " : "Ontvangst ") + p.afschrift + (p.naam.empty() ? "" : " " + p.naam) +
                                     (p.factuur.empty() ? " (niet gekoppeld)" : " op factuur " + p.factuur);
            // Money received: bank on the debet side, the receivable (or the tussenrekening) credited;
            // a debit the other way round (line() turns a negative amount).
            line(out, head, rek.bank, "", true, p.bedrag_cents, what);
            line(out, head, p.factuur.empty() ? rek.onverdeeld : rek.debiteuren, "", false, p.bedrag_cents, what);
        }
    }
    return out;
}

std::string journaal_decimal(std::int64_t cents) {
    if (cents == 0) return "";
    const std::int64_t a = cents < 0 ? -cents : cents;
    std::string frac = std::to_string(a % 100);
    return std::string(cents < 0 ? "-" : "") + std::to_string(a / 100) + "." + (frac.size() < 2 ? "0" : "") + frac;
}

std::string journaal_csv(const std::vector<JournaalRegel> &regels) {
    std::string text = std::string(kCsvBom) + "datum;boekstuk;regel;rekening;kostenplaats;debet;credit;relatie;referentie;"
                                              "omschrijving\r\n";
    for (const auto &r : regels)
        text += r.datum + ";" + csv_field(r.boekstuk) + ";" + std::to_string(r.regel) + ";" + csv_field(r.rekening) + ";" +
                csv_field(r.kostenplaats) + ";" + journaal_decimal(r.debet_cents) + ";" + journaal_decimal(r.credit_cents) +
                ";" + csv_field(r.relatie) + ";" + csv_field(r.referentie) + ";" + csv_field(r.omschrijving) + "\r\n";
    return text;
}

std::string journaal_json(const std::string &regio, int jaar, const std::vector<JournaalRegel> &regels) {
    using store::json_quote;
    std::int64_t debet = 0, credit = 0;
    std::string text = "{\"regio\": " + json_quote(regio) + ", \"jaar\": " + std::to_string(jaar) + ", \"regels\": [";
    for (std::size_t k = 0; k < regels.size(); ++k) {
        const JournaalRegel &r = regels[k];
        debet += r.debet_cents;
        credit += r.credit_cents;
        text += std::string(k ? "," : "") + "\n  {\"datum\": " + json_quote(r.datum) + ", \"boekstuk\": " +
                json_quote(r.boekstuk) + ", \"regel\": " + std::to_string(r.regel) + ", \"rekening\": " +
                json_quote(r.rekening) + ", \"kostenplaats\": " + json_quote(r.kostenplaats) +
                ", \"debet_cents\": " + std::to_string(r.debet_cents) + ", \"credit_cents\": " +
                std::to_string(r.credit_cents) + ", \"relatie\": " + json_quote(r.relatie) + ", \"referentie\": " +
                json_quote(r.referentie) + ", \"omschrijving\": " + json_quote(r.omschrijving) + "}";
    }
    text += std::string(regels.empty() ? "" : "\n") + "], \"totalen\": {\"debet_cents\": " + std::to_string(debet) +
            ", \"credit_cents\": " + std::to_string(credit) + "}}\n";
    return text;
}

}  // namespace vhh::host::invoicing
