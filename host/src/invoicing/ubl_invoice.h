// The e-invoice of an issued invoice or credit note: UBL 2.1 following SI-UBL 2.0 (NLCIUS, the Dutch
// CIUS of EN 16931), written with Poco::XML's XMLWriter. The VAT treatment per soort and the NLCIUS
// rules followed are in README.md beside this file.
#pragma once

#include <string>

#include "invoicing/facturen_store.h"

namespace vhh::host::invoicing {

/// The parties of an invoice as issued (what Invoice::partijen holds).
struct Parties {
    std::string lev_naam, lev_oin, lev_kvk, lev_btw, lev_straat, lev_postcode, lev_plaats, lev_contact, lev_email;
    std::string iban, bic;
    std::string illustratief;  ///< "ja" when the config's data are examples
    std::string deb_naam, deb_oin, deb_kvk, deb_straat, deb_postcode, deb_plaats, deb_email, deb_referentie;
};

/// The warning an invoice of a config with `illustratief: true` carries.
extern const char *const kIllustratief;

/// Parties as canonical JSON (stored with the invoice) and back.
std::string parties_json(const Parties &p);
Parties parties_from_json(const std::string &json);

/// The UBL 2.1 document (Invoice for type 380, CreditNote for 381) of `inv`, UTF-8, byte-identical
/// for the same invoice.
std::string ubl_xml(const Invoice &inv);

/// "1234.56": cents as a UBL amount.
std::string ubl_amount(std::int64_t cents);

/// Text of the VAT category of `btw` (O, E, S) for the invoice: EN 16931's exemption reason.
std::string btw_reden(const std::string &btw);

}  // namespace vhh::host::invoicing
