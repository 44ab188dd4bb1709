// The journal of `vhh journaal`: every booked document of a year — invoice, credit note, corrected
// invoice, payment (matched or not) — as journal lines for the centrumgemeente's financial system,
// debet and credit balanced per document (boekstuk), on the accounts of `facturatie.journaal:`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "betalingen/betalingen_store.h"
#include "config/facturatie_config.h"
#include "invoicing/facturen_store.h"

namespace vhh::host::invoicing {

/// One line of the journal: exactly one of debet_cents and credit_cents is above 0.
struct JournaalRegel {
    std::string datum;         ///< YYYY-MM-DD: the invoice date, the payment's booking date
    std::string boekstuk;      ///< the invoice number, or the payment's key (afschrift/referentie/volgnr)
    int regel = 1;             ///< 1-based line number within the boekstuk
    std::string rekening;      ///< ledger account
    std::string kostenplaats;  ///< cost centre (revenue lines only; "" on balance accounts)
    std::int64_t debet_cents = 0, credit_cents = 0;
    std::string relatie;       ///< debiteur id (CBS code or partner id); a payment: its invoice's debiteur, else ""
    std::string referentie;    ///< an invoice: its betalingskenmerk; a payment: the invoice it pays ("" unmatched)
    std::string omschrijving;  ///< what the line books, in words
};

/// The journal lines of the documents dated in `jaar` (invoices by datum, payments by boekdatum), in
/// a fixed order: by date, invoices before payments, then by number and store id. `all` holds every
/// invoice of the region (a credit note takes the revenue account of the invoice it credits).
std::vector<JournaalRegel> journaal(const std::vector<Invoice> &all, const std::vector<betalingen::Payment> &payments,
                                    const JournaalRekeningen &rek, int jaar);

/// An amount in cents as "1234.56" (decimal point, no thousands separator); "" for 0.
std::string journaal_decimal(std::int64_t cents);

/// The journal as CSV (RFC 4180 with ';' as separator, CRLF line ends, UTF-8 with BOM): header
/// `datum;boekstuk;regel;rekening;kostenplaats;debet;credit;relatie;referentie;omschrijving`; text
/// fields quoted when needed and guarded against formula injection (csv_field).
std::string journaal_csv(const std::vector<JournaalRegel> &regels);

/// The journal as JSON: {"regio", "jaar", "regels": [{…, "debet_cents", "credit_cents", …}],
/// "totalen": {"debet_cents", "credit_cents"}}.
std::string journaal_json(const std::string &regio, int jaar, const std::vector<JournaalRegel> &regels);

}  // namespace vhh::host::invoicing
