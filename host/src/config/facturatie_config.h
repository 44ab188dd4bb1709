// The config's `facturatie:` section: who bills (the leverancier: the Veiligheidshuis or its
// centrumgemeente), who is billed (a debiteur per gemeente and per partner), the termijnen of the
// voorschotnota's and the VAT treatment of werkplekhuur. Read with the region; `vhh check` refuses
// what `vhh factureren` would.
#pragma once

#include <string>
#include <vector>

#include "config/yaml_document.h"
#include "stage_log.h"
#include "vhh/contribution.h"
#include "vhh/partner.h"
#include "vhh/region.h"

namespace vhh::host {

/// A party of an invoice: the leverancier or a debiteur.
struct InvoiceParty {
    std::string id;          ///< debiteur: CBS code of the gemeente or partner id ("" for the leverancier)
    std::string naam;        ///< legal name ("" for a debiteur: the gemeente's or partner's name is used)
    std::string oin;         ///< Organisatie-identificatienummer (20 digits; Peppol scheme 0190)
    std::string kvk;         ///< KvK number (8 digits; scheme 0106)
    std::string btw;         ///< leverancier: VAT identifier (werkplekhuur invoices)
    std::string straat, postcode, plaats;  ///< postal address (country NL)
    std::string email;
    std::string contact;     ///< leverancier: contact person
    std::string referentie;  ///< debiteur: BuyerReference (their order or budget reference), optional
    SourceLocation where;    ///< where it is configured
};

/// The accounts and cost centre of `vhh journaal` (the config's `facturatie.journaal:`), each a code
/// of the centrumgemeente's ledger (grootboekrekening).
struct JournaalRekeningen {
    std::string debiteuren = "1300";    ///< receivables: every invoice and credit note, matched payments
    std::string bank = "1100";          ///< the bank account the statements are of
    std::string onverdeeld = "1190";    ///< received, not yet matched to an invoice (tussenrekening)
    std::string voorschot = "8000";     ///< revenue: voorschotnota's (deelnemersbijdragen)
    std::string werkplekhuur = "8100";  ///< revenue: werkplekhuur
    std::string afrekening = "8010";    ///< revenue: afrekening of the jaarrekening (deficit charged, surplus returned)
    std::string btw = "1520";           ///< VAT payable (werkplekhuur billed with VAT, category S)
    std::string kostenplaats = "VHH";   ///< cost centre of the revenue lines
};

/// The config's `facturatie:` section.
struct Facturatie {
    bool configured = false;    ///< the section is present
    InvoiceParty leverancier;
    std::string iban, bic;      ///< the account the debiteuren pay to
    std::string termijnen = "kwartaal";  ///< jaar | halfjaar | kwartaal | maand
    int betaaltermijn_dagen = 30;        ///< vervaldatum = factuurdatum + this
    std::string werkplekhuur_termijnen = "jaar";   ///< jaar | halfjaar | kwartaal | maand: werkplekhuur invoices per
    std::string werkplekhuur_btw = "vrijgesteld";  ///< vrijgesteld (E, art. 11 lid 1 onder b Wet OB) | belast (S, 21 %)
    bool illustratief = false;  ///< the data are examples: every invoice says so
    std::vector<InvoiceParty> debiteuren;
    JournaalRekeningen journaal;  ///< `vhh journaal`: accounts and cost centre (defaults when not configured)
    SourceLocation where;       ///< the section
    SourceLocation debiteuren_where;
    SourceLocation werkplekhuur_termijnen_where;  ///< where werkplekhuur_termijnen is given (line 0: not given)

    /// The debiteur with `id`, or nullptr.
    const InvoiceParty *debiteur(const std::string &id) const;
};

/// Reads `facturatie:` (its keys may come from a `bestand:` file, merged into `node` by the caller):
/// every gemeente of `region` needs a debiteur with an OIN and a full address (an e-invoice is asked
/// for each); IBAN, OIN and KvK are checked for their form. Every problem is recorded in `log`.
Facturatie read_facturatie(const YamlNode &node, const Region &region, StageLog &log);

/// What `vhh factureren --soort werkplekhuur` needs of the computed lines: every payer of the
/// werkplekhuur source that is not a gemeente has a debiteur entry. A partner without one is a
/// warning at facturatie.debiteuren (`vhh run`'s documents do not need it; `factureren` refuses, 65).
/// Nothing is checked when the section is absent.
void check_werkplekhuur_debiteuren(const Facturatie &f, const Region &region, const std::vector<ContributionLine> &lines,
                                   Diagnostics &diag);

/// A debiteur that is neither a gemeente of the region (nor of one of its herindelingen) nor a
/// partner of the partner registry (`partners`) is never billed — a mistyped id, or a partner no
/// longer in the registry: a warning at its id. Nothing is checked when the section is absent.
void check_unknown_debiteuren(const Facturatie &f, const Region &region, const std::vector<Partner> &partners,
                              Diagnostics &diag);

/// What facturatie needs of the plugins: werkplekhuur per termijn (werkplekhuur_termijnen other than
/// jaar) is pro rata the werkplekken of the partner registry, so without a registry it is refused
/// (78) at the key, by `check` and `run` as by `factureren --soort werkplekhuur`. Nothing is checked
/// when the section is absent.
void check_werkplekhuur_termijnen(const Facturatie &f, bool has_partner_registry, Diagnostics &diag);

/// True when `iban` is a well-formed IBAN (ISO 13616 check digits, mod 97).
bool iban_valid(const std::string &iban);

}  // namespace vhh::host
