// Invoices and credit notes in the store: issued once, numbered without gaps per region and year in
// the issuing command's one write transaction, sealed (sha256 over the invoice and its lines, named
// in its audit log entry), never changed. What is still open of an invoice is its amount less the
// credit notes that credit it (payments will subtract too).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace vhh::host::invoicing {

/// A line of an invoice.
struct InvoiceLine {
    std::string omschrijving;
    std::int64_t bedrag_cents = 0;  ///< positive: what the line bills (or credits, on a credit note)
};

/// An invoice or credit note as issued.
struct Invoice {
    std::string regio, nummer;          ///< nummer: "2013-00001", assigned by issue_invoice
    int jaar = 0;
    std::int64_t volgnr = 0;
    std::string soort;                  ///< voorschot | werkplekhuur | afrekening | credit
    std::string typecode = "380";       ///< 380 invoice, 381 credit note, 384 corrected invoice
    std::string termijn;                ///< "Q2", "jaar", … ("" for a credit note of `vhh crediteren`)
    std::string debiteur_id, debiteur;  ///< CBS code or partner id, and name
    std::string datum, vervaldatum, periode_van, periode_tot;  ///< YYYY-MM-DD
    std::int64_t bedrag_cents = 0;      ///< the document's amount, positive (sum of the lines)
    std::string betalingskenmerk;       ///< 16-digit structured payment reference
    std::string crediteert;             ///< the invoices it refers to, comma-separated: what a credit note
                                        ///< credits, what a corrected invoice (384) corrects
    std::string reden;                  ///< credit notes and corrected invoices: why
    std::string btw;                    ///< VAT category: O (outside scope), E (exempt) or S (21 %)
    std::string partijen;               ///< leverancier and debiteur as issued (JSON)
    std::string sha256;                 ///< the seal
    std::vector<InvoiceLine> regels;

    bool credit_note() const { return typecode == "381"; }
    /// True for a corrected invoice (384): it bills, and names the invoice it corrects.
    bool corrected() const { return typecode == "384"; }
    /// The VAT amount (category S: 21 % of the amount, rounded half up to the cent; else 0).
    std::int64_t btw_cents() const;
};

/// Issues `inv` inside the open write transaction: the next number of its region and year, its
/// betalingskenmerk, its seal; writes the invoice, its lines and its audit log entry (`user`,
/// `command`). Returns it as issued.
Invoice issue_invoice(store::Store &store, Invoice inv, const std::string &user, const std::string &command);

/// The seal of `inv`'s content (every stored field and line), computed now (not its stored sha256).
std::string content_seal(const Invoice &inv);

/// The invoices of `regio` (every year when `jaar` is 0), by number.
std::vector<Invoice> read_invoices(store::Store &store, const std::string &regio, int jaar = 0);

/// The invoice `nummer` of `regio`, or nullopt.
std::optional<Invoice> find_invoice(store::Store &store, const std::string &regio, const std::string &nummer);

/// The invoice (or credit note) `nummer` among `all`; a StoreError (65) naming `regio` when there
/// is none.
const Invoice &require_invoice(const std::vector<Invoice> &all, const std::string &nummer, const std::string &regio);

/// What is still open of `inv` among `all` (the region's invoices): an invoice's amount less the
/// credit notes of `vhh crediteren` crediting it (settled there: 0 open themselves); an afrekening's
/// credit note (a surplus returned) is owed to the debiteur (negative).
std::int64_t open_cents(const Invoice &inv, const std::vector<Invoice> &all);

/// The version of invoice `nummer` among `all` that a workspace form is shown with: the number of
/// invoices that credit or correct it (every credit note or correction adds one; nothing takes one
/// away). A form sent with an older version is a conflict, never a second credit or correction.
int invoice_version(const std::vector<Invoice> &all, const std::string &nummer);

/// The first invoice whose content does not match its seal, or whose seal no audit log entry names,
/// as a message; nullopt when all hold.
std::optional<std::string> verify_invoices(store::Store &store);

}  // namespace vhh::host::invoicing
