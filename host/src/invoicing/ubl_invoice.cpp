#include "invoicing/ubl_invoice.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/SAX/AttributesImpl.h>
#include <Poco/XML/XMLWriter.h>

#include <cstdio>
#include <sstream>

namespace vhh::host::invoicing {

namespace {

const std::string kCbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
const std::string kCac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
const std::string kInvoiceNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
const std::string kCreditNoteNs = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
// SI-UBL 2.0: EN 16931 with the Dutch CIUS (NLCIUS v1.0), sent in the Peppol billing process.
const std::string kCustomizationId = "urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0";
const std::string kProfileId = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

/// Writes UBL elements: cac:/cbc: children, text escaped by the writer.
class Ubl {
public:
    explicit Ubl(std::ostream &out)
        : w_(out, Poco::XML::XMLWriter::WRITE_XML_DECLARATION | Poco::XML::XMLWriter::PRETTY_PRINT) {
        w_.setNewLine("\n");
        w_.setIndent("  ");
    }
    Poco::XML::XMLWriter &writer() { return w_; }
    void open(const std::string &name) { w_.startElement(kCac, name, "cac:" + name); }
    void close(const std::string &name) { w_.endElement(kCac, name, "cac:" + name); }
    void value(const std::string &name, const std::string &text, const std::string &attr = "",
               const std::string &attr_value = "") {
        Poco::XML::AttributesImpl attrs;
        if (!attr.empty()) attrs.addAttribute("", attr, attr, "CDATA", attr_value);
        w_.startElement(kCbc, name, "cbc:" + name, attrs);
        w_.characters(text);
        w_.endElement(kCbc, name, "cbc:" + name);
    }
    void amount(const std::string &name, std::int64_t cents) { value(name, ubl_amount(cents), "currencyID", "EUR"); }

private:
    Poco::XML::XMLWriter w_;
};

/// The legal-entity scheme of an identifier: OIN 0190, KvK 0106 (ISO 6523 ICD, as NLCIUS asks).
void party(Ubl &u, const std::string &naam, const std::string &oin, const std::string &kvk, const std::string &btw,
           const std::string &straat, const std::string &postcode, const std::string &plaats, const std::string &contact,
           const std::string &email) {
    const std::string scheme = oin.empty() ? "0106" : "0190";
    const std::string id = oin.empty() ? kvk : oin;
    u.open("Party");
    u.value("EndpointID", id, "schemeID", scheme);
    u.open("PartyName");
    u.value("Name", naam);
    u.close("PartyName");
    u.open("PostalAddress");
    u.value("StreetName", straat);
    u.value("CityName", plaats);
    u.value("PostalZone", postcode);
    u.open("Country");
    u.value("IdentificationCode", "NL");
    u.close("Country");
    u.close("PostalAddress");
    if (!btw.empty()) {
        u.open("PartyTaxScheme");
        u.value("CompanyID", btw);
        u.open("TaxScheme");
        u.value("ID", "VAT");
        u.close("TaxScheme");
        u.close("PartyTaxScheme");
    }
    u.open("PartyLegalEntity");
    u.value("RegistrationName", naam);
    u.value("CompanyID", id, "schemeID", scheme);
    u.close("PartyLegalEntity");
    if (!contact.empty() || !email.empty()) {
        u.open("Contact");
        if (!contact.empty()) u.value("Name", contact);
        if (!email.empty()) u.value("ElectronicMail", email);
        u.close("Contact");
    }
    u.close("Party");
}

void tax_category(Ubl &u, const std::string &element, const std::string &btw, bool with_reason) {
    u.open(element);
    u.value("ID", btw);
    if (btw == "S") u.value("Percent", "21");
    if (btw == "E") u.value("Percent", "0");  // category O carries no rate (BR-O-05, BR-O-14)
    if (with_reason && btw != "S") {
        // The reason as text only: NLCIUS advises against TaxExemptionReasonCode (BR-NL-35, a warning).
        u.value("TaxExemptionReason", btw_reden(btw));
    }
    u.open("TaxScheme");
    u.value("ID", "VAT");
    u.close("TaxScheme");
    u.close(element);
}

std::string get(const Poco::JSON::Object::Ptr &o, const std::string &key) {
    return o->has(key) ? o->getValue<std::string>(key) : std::string();
}

}  // namespace

const char *const kIllustratief =
    "ILLUSTRATIEF: leverancier- en debiteurgegevens (OIN, KvK, btw-nummer, IBAN, adres) zijn voorbeelden";

std::string ubl_amount(std::int64_t cents) {
    const bool negative = cents < 0;
    const unsigned long long abs = negative ? 0ULL - static_cast<unsigned long long>(cents) : static_cast<unsigned long long>(cents);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s%llu.%02llu", negative ? "-" : "", abs / 100, abs % 100);
    return buf;
}

std::string btw_reden(const std::string &btw) {
    if (btw == "O")
        return "Niet onderworpen aan btw: deelnemersbijdrage in een gemeenschappelijke regeling (geen vergoeding "
               "voor een levering of dienst, art. 1 Wet OB)";
    if (btw == "E") return "Vrijgesteld van btw: verhuur van onroerende zaak (art. 11 lid 1 onder b Wet OB)";
    return "";
}

std::string parties_json(const Parties &p) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    const std::pair<const char *, const std::string *> fields[] = {
        {"bic", &p.bic}, {"deb_email", &p.deb_email}, {"deb_kvk", &p.deb_kvk}, {"deb_naam", &p.deb_naam},
        {"deb_oin", &p.deb_oin}, {"illustratief", &p.illustratief}, {"deb_plaats", &p.deb_plaats}, {"deb_postcode", &p.deb_postcode},
        {"deb_referentie", &p.deb_referentie}, {"deb_straat", &p.deb_straat}, {"iban", &p.iban},
        {"lev_btw", &p.lev_btw}, {"lev_contact", &p.lev_contact}, {"lev_email", &p.lev_email},
        {"lev_kvk", &p.lev_kvk}, {"lev_naam", &p.lev_naam}, {"lev_oin", &p.lev_oin}, {"lev_plaats", &p.lev_plaats},
        {"lev_postcode", &p.lev_postcode}, {"lev_straat", &p.lev_straat}};
    for (const auto &[k, v] : fields) o.set(k, *v);
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

Parties parties_from_json(const std::string &json) {
    Poco::JSON::Parser parser;
    const auto o = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
    Parties p;
    p.bic = get(o, "bic");
    p.iban = get(o, "iban");
    p.illustratief = get(o, "illustratief");
    p.deb_email = get(o, "deb_email");
    p.deb_kvk = get(o, "deb_kvk");
    p.deb_naam = get(o, "deb_naam");
    p.deb_oin = get(o, "deb_oin");
    p.deb_plaats = get(o, "deb_plaats");
    p.deb_postcode = get(o, "deb_postcode");
    p.deb_referentie = get(o, "deb_referentie");
    p.deb_straat = get(o, "deb_straat");
    p.lev_btw = get(o, "lev_btw");
    p.lev_contact = get(o, "lev_contact");
    p.lev_email = get(o, "lev_email");
    p.lev_kvk = get(o, "lev_kvk");
    p.lev_naam = get(o, "lev_naam");
    p.lev_oin = get(o, "lev_oin");
    p.lev_plaats = get(o, "lev_plaats");
    p.lev_postcode = get(o, "lev_postcode");
    p.lev_straat = get(o, "lev_straat");
    return p;
}

std::string ubl_xml(const Invoice &inv) {
    const Parties p = parties_from_json(inv.partijen);
    const bool credit = inv.credit_note();
    const std::string root = credit ? "CreditNote" : "Invoice";
    std::ostringstream out;
    Ubl u(out);
    auto &w = u.writer();
    w.startDocument();
    w.startPrefixMapping("", credit ? kCreditNoteNs : kInvoiceNs);
    w.startPrefixMapping("cac", kCac);
    w.startPrefixMapping("cbc", kCbc);
    w.startElement(credit ? kCreditNoteNs : kInvoiceNs, root, root);
    u.value("CustomizationID", kCustomizationId);
    u.value("ProfileID", kProfileId);
    u.value("ID", inv.nummer);
    u.value("IssueDate", inv.datum);
    if (!credit) u.value("DueDate", inv.vervaldatum);  // UBL 2.1's CreditNote has no DueDate
    u.value(credit ? "CreditNoteTypeCode" : "InvoiceTypeCode", inv.typecode);
    if (!inv.reden.empty()) u.value("Note", inv.reden);
    if (!p.illustratief.empty()) u.value("Note", kIllustratief);
    u.value("DocumentCurrencyCode", "EUR");
    // BR-NL-2: a BuyerReference (or an order reference); the debiteur's own when configured.
    u.value("BuyerReference", p.deb_referentie.empty() ? inv.debiteur_id + " " + inv.soort + " " + std::to_string(inv.jaar)
                                                        : p.deb_referentie);
    if (!inv.periode_van.empty()) {
        u.open("InvoicePeriod");
        u.value("StartDate", inv.periode_van);
        u.value("EndDate", inv.periode_tot);
        u.close("InvoicePeriod");
    }
    // A credit note names the invoices it credits (BR-NL-8 as this vhh reads it; BR-55 in EN 16931).
    std::size_t start = 0;
    while (start < inv.crediteert.size()) {
        std::size_t comma = inv.crediteert.find(',', start);
        if (comma == std::string::npos) comma = inv.crediteert.size();
        u.open("BillingReference");
        u.open("InvoiceDocumentReference");
        u.value("ID", inv.crediteert.substr(start, comma - start));
        u.close("InvoiceDocumentReference");
        u.close("BillingReference");
        start = comma + 1;
    }
    // BR-O-02: an invoice outside the scope of VAT carries no seller VAT identifier; E and S need it.
    const std::string lev_btw = inv.btw == "O" ? "" : p.lev_btw;
    u.open("AccountingSupplierParty");
    party(u, p.lev_naam, p.lev_oin, p.lev_kvk, lev_btw, p.lev_straat, p.lev_postcode, p.lev_plaats, p.lev_contact,
          p.lev_email);
    u.close("AccountingSupplierParty");
    u.open("AccountingCustomerParty");
    party(u, p.deb_naam, p.deb_oin, p.deb_kvk, "", p.deb_straat, p.deb_postcode, p.deb_plaats, "", p.deb_email);
    u.close("AccountingCustomerParty");
    // BR-NL-11/12: payment means 58 (SEPA credit transfer) to the leverancier's IBAN, with the
    // structured payment reference.
    u.open("PaymentMeans");
    u.value("PaymentMeansCode", "58");
    u.value("PaymentID", inv.betalingskenmerk);
    u.open("PayeeFinancialAccount");
    u.value("ID", p.iban);
    if (!p.bic.empty()) {
        u.open("FinancialInstitutionBranch");
        u.value("ID", p.bic);
        u.close("FinancialInstitutionBranch");
    }
    u.close("PayeeFinancialAccount");
    u.close("PaymentMeans");
    if (!credit) {
        u.open("PaymentTerms");
        u.value("Note", "Betalen vóór " + inv.vervaldatum + " onder vermelding van betalingskenmerk " +
                            inv.betalingskenmerk);
        u.close("PaymentTerms");
    }
    const std::int64_t tax = inv.btw_cents();
    u.open("TaxTotal");
    u.amount("TaxAmount", tax);
    u.open("TaxSubtotal");
    u.amount("TaxableAmount", inv.bedrag_cents);
    u.amount("TaxAmount", tax);
    tax_category(u, "TaxCategory", inv.btw, true);
    u.close("TaxSubtotal");
    u.close("TaxTotal");
    u.open("LegalMonetaryTotal");
    u.amount("LineExtensionAmount", inv.bedrag_cents);
    u.amount("TaxExclusiveAmount", inv.bedrag_cents);
    u.amount("TaxInclusiveAmount", inv.bedrag_cents + tax);
    u.amount("PayableAmount", inv.bedrag_cents + tax);
    u.close("LegalMonetaryTotal");
    const std::string line = credit ? "CreditNoteLine" : "InvoiceLine";
    for (std::size_t i = 0; i < inv.regels.size(); ++i) {
        u.open(line);
        u.value("ID", std::to_string(i + 1));
        u.value(credit ? "CreditedQuantity" : "InvoicedQuantity", "1", "unitCode", "C62");
        u.amount("LineExtensionAmount", inv.regels[i].bedrag_cents);
        u.open("Item");
        u.value("Name", inv.regels[i].omschrijving.substr(0, 200));
        tax_category(u, "ClassifiedTaxCategory", inv.btw, false);
        u.close("Item");
        u.open("Price");
        u.amount("PriceAmount", inv.regels[i].bedrag_cents);
        u.close("Price");
        u.close(line);
    }
    w.endElement(credit ? kCreditNoteNs : kInvoiceNs, root, root);
    w.endDocument();
    return out.str();
}

}  // namespace vhh::host::invoicing
