#!/usr/bin/python3
"""Independent reader of vhh's e-invoices: reads UBL 2.1 files with lxml (not vhh's code) and checks
the SI-UBL 2.0 (NLCIUS) rules that apply to them and EN 16931's sums, recomputed from the XML alone.

Usage: check_ubl.py FILE...  ->  JSON {file: {"errors": [...], "nummer", "root", "typecode",
"payable_cents", "tax_cents", "line_cents": [...], "category", "payment_id", "iban", "buyer_id",
"billing_references": [...]}} on stdout.
"""
import json
import re
import sys
from decimal import Decimal

from lxml import etree

NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "inv": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "cn": "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
}
NLCIUS = "urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0"
AMOUNT = re.compile(r"^-?\d+(\.\d{1,2})?$")


def text(node, path):
    found = node.xpath(path, namespaces=NS)
    return found[0].text.strip() if found and found[0].text is not None else ""


def cents(value):
    return int((Decimal(value) * 100).to_integral_value())


def iban_ok(iban):
    moved = iban[4:] + iban[:4]
    return len(iban) >= 15 and int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def kenmerk_ok(k):
    """The Dutch structured payment reference: 16 digits, the first a modulus-11 check digit."""
    if not re.fullmatch(r"\d{16}", k):
        return False
    weights = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1, 2, 4, 8, 5, 10]
    body = k[1:]
    s = sum(int(d) * w for d, w in zip(reversed(body), weights))
    check = 11 - s % 11
    check = {10: 1, 11: 0}.get(check, check)
    return int(k[0]) == check


def check(path):
    errors = []
    doc = etree.parse(path).getroot()
    root = etree.QName(doc).localname
    credit = root == "CreditNote"
    if root not in ("Invoice", "CreditNote"):
        return {"errors": ["root is " + root]}
    out = {"root": root}
    if text(doc, "cbc:CustomizationID") != NLCIUS:
        errors.append("CustomizationID is not SI-UBL 2.0 (NLCIUS)")
    if not text(doc, "cbc:ProfileID"):
        errors.append("no ProfileID")
    out["nummer"] = text(doc, "cbc:ID")
    for d in ("cbc:IssueDate", "cbc:DueDate", "cac:InvoicePeriod/cbc:StartDate", "cac:InvoicePeriod/cbc:EndDate"):
        v = text(doc, d)
        if v and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            errors.append(d + " is not a date: " + v)
    typecode = text(doc, "cbc:CreditNoteTypeCode" if credit else "cbc:InvoiceTypeCode")
    out["typecode"] = typecode
    # BR-NL-7 (type codes); BR-NL-8: 381 is a CreditNote document, 380/384/389 an Invoice document.
    if typecode not in ("380", "381", "384", "389"):
        errors.append("BR-NL-7: type code " + typecode)
    if credit != (typecode == "381"):
        errors.append("BR-NL-8: type code %s in a %s" % (typecode, root))
    refs = [r.text for r in doc.xpath("cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID", namespaces=NS)]
    out["billing_references"] = refs
    if credit and not refs:  # vhh's own rule (no BR-NL rule asks it): a credit note names what it credits
        errors.append("vhh: a credit note without a reference to the invoice it credits")
    if typecode == "384" and not refs:
        errors.append("BR-NL-9: a corrective invoice without a preceding invoice reference")
    # BR-NL-2
    if not text(doc, "cbc:BuyerReference") and not text(doc, "cac:OrderReference/cbc:ID"):
        errors.append("BR-NL-2: no BuyerReference or OrderReference")
    sup = "cac:AccountingSupplierParty/cac:Party/"
    cus = "cac:AccountingCustomerParty/cac:Party/"
    for party, rule_id, rule_addr in ((sup, "BR-NL-1", "BR-NL-3"), (cus, "BR-NL-10", "BR-NL-4")):
        scheme = doc.xpath(party + "cac:PartyLegalEntity/cbc:CompanyID/@schemeID", namespaces=NS)
        company = text(doc, party + "cac:PartyLegalEntity/cbc:CompanyID")
        country = text(doc, party + "cac:PostalAddress/cac:Country/cbc:IdentificationCode")
        if country != "NL":
            errors.append(party + ": country " + country)
        if not scheme or scheme[0] not in ("0106", "0190") or not company:
            errors.append(rule_id + ": legal entity not identified by KvK (0106) or OIN (0190)")
        elif (scheme[0] == "0190" and not re.fullmatch(r"\d{20}", company)) or (
                scheme[0] == "0106" and not re.fullmatch(r"\d{8}", company)):
            errors.append(rule_id + ": " + company + " is not an OIN/KvK number")
        for field in ("StreetName", "CityName", "PostalZone"):
            if not text(doc, party + "cac:PostalAddress/cbc:" + field):
                errors.append(rule_addr + ": address without " + field)
        if not text(doc, party + "cac:PartyName/cbc:Name") and not text(doc, party + "cac:PartyLegalEntity/cbc:RegistrationName"):
            errors.append(party + ": no name")
    out["buyer_id"] = text(doc, cus + "cac:PartyLegalEntity/cbc:CompanyID")
    seller_vat = text(doc, sup + "cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID")
    # Every amount in EUR with at most two decimals.
    for a in doc.xpath("//*[@currencyID]"):
        if a.get("currencyID") != "EUR" or not AMOUNT.match(a.text or ""):
            errors.append("amount %s %s %s" % (etree.QName(a).localname, a.get("currencyID"), a.text))
    # Lines: quantity x price = line amount; their category.
    line_tag = "cac:CreditNoteLine" if credit else "cac:InvoiceLine"
    qty_tag = "cbc:CreditedQuantity" if credit else "cbc:InvoicedQuantity"
    lines, categories = [], {}
    for line in doc.xpath(line_tag, namespaces=NS):
        amount = Decimal(text(line, "cbc:LineExtensionAmount"))
        price = Decimal(text(line, "cac:Price/cbc:PriceAmount"))
        qty = Decimal(text(line, qty_tag))
        if price * qty != amount:
            errors.append("line %s: %s x %s != %s" % (text(line, "cbc:ID"), qty, price, amount))
        cat = text(line, "cac:Item/cac:ClassifiedTaxCategory/cbc:ID")
        rate = text(line, "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent")
        if cat == "O" and rate:
            errors.append("BR-O-05: a line of category O with a rate")
        categories[cat] = categories.get(cat, Decimal(0)) + amount
        lines.append(cents(amount))
    out["line_cents"] = lines
    if not lines:
        errors.append("no lines")
    # EN 16931 sums.
    lmt = "cac:LegalMonetaryTotal/"
    line_total = Decimal(text(doc, lmt + "cbc:LineExtensionAmount"))
    tax_exclusive = Decimal(text(doc, lmt + "cbc:TaxExclusiveAmount"))
    tax_inclusive = Decimal(text(doc, lmt + "cbc:TaxInclusiveAmount"))
    payable = Decimal(text(doc, lmt + "cbc:PayableAmount"))
    tax_total = Decimal(text(doc, "cac:TaxTotal/cbc:TaxAmount"))
    if sum(categories.values(), Decimal(0)) != line_total:
        errors.append("BR-CO-10: sum of lines %s != LineExtensionAmount %s" % (sum(categories.values()), line_total))
    if tax_exclusive != line_total:
        errors.append("BR-CO-13: TaxExclusiveAmount != LineExtensionAmount (no allowances or charges)")
    if tax_inclusive != tax_exclusive + tax_total:
        errors.append("BR-CO-15: TaxInclusiveAmount != TaxExclusiveAmount + TaxAmount")
    if payable != tax_inclusive:
        errors.append("BR-CO-16: PayableAmount != TaxInclusiveAmount (nothing prepaid)")
    subtotal_tax = Decimal(0)
    out["category"] = None
    for sub in doc.xpath("cac:TaxTotal/cac:TaxSubtotal", namespaces=NS):
        cat = text(sub, "cac:TaxCategory/cbc:ID")
        out["category"] = cat
        taxable = Decimal(text(sub, "cbc:TaxableAmount"))
        tax = Decimal(text(sub, "cbc:TaxAmount"))
        subtotal_tax += tax
        rate = text(sub, "cac:TaxCategory/cbc:Percent")
        reason = text(sub, "cac:TaxCategory/cbc:TaxExemptionReason") or text(sub, "cac:TaxCategory/cbc:TaxExemptionReasonCode")
        if text(sub, "cac:TaxCategory/cbc:TaxExemptionReasonCode"):  # a warning of the NLCIUS validator
            errors.append("BR-NL-35: a tax exemption reason code is not recommended (the text is enough)")
        if taxable != categories.get(cat, Decimal(0)):
            errors.append("BR-%s-08: taxable amount %s != lines of category %s" % (cat, taxable, cat))
        if cat == "O":
            if rate or tax != 0 or not reason:
                errors.append("BR-O-09/10: category O with a rate, tax or without an exemption reason")
            if seller_vat:
                errors.append("BR-O-02: category O with a seller VAT identifier")
        elif cat == "E":
            if rate not in ("0", "0.00") or tax != 0 or not reason:
                errors.append("BR-E-09/10: category E needs rate 0, tax 0 and an exemption reason")
            if not seller_vat:
                errors.append("BR-E-02: category E without the seller VAT identifier")
        elif cat == "S":
            expected = (taxable * Decimal(rate) / 100).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
            if tax != expected or Decimal(rate) <= 0:
                errors.append("BR-S-09: tax %s != %s %% of %s" % (tax, rate, taxable))
            if reason:
                errors.append("BR-S-10: category S with an exemption reason")
            if not seller_vat:
                errors.append("BR-S-02: category S without the seller VAT identifier")
        else:
            errors.append("unexpected VAT category " + cat)
    if subtotal_tax != tax_total:
        errors.append("BR-CO-14: TaxAmount != sum of the subtotals")
    if len(set(categories)) != 1 and "O" in categories:
        errors.append("BR-O-11: category O beside other categories")
    # Payment: BR-NL-11 (payment means when something is to be paid), BR-NL-12 (the code).
    means = doc.xpath("cac:PaymentMeans", namespaces=NS)
    if payable > 0 and not means:
        errors.append("BR-NL-11: no PaymentMeans")
    for m in means:
        code = text(m, "cbc:PaymentMeansCode")
        if code not in ("30", "48", "49", "57", "58", "59"):
            errors.append("BR-NL-12: payment means code " + code)
        if code in ("30", "58") and not text(m, "cac:PayeeFinancialAccount/cbc:ID"):
            errors.append("BR-61: credit transfer without the payee's account")
    out["payment_id"] = text(doc, "cac:PaymentMeans/cbc:PaymentID")
    out["iban"] = text(doc, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID")
    if not kenmerk_ok(out["payment_id"]):
        errors.append("PaymentID %s is not a valid betalingskenmerk" % out["payment_id"])
    if not iban_ok(out["iban"]):
        errors.append("IBAN %s has wrong check digits" % out["iban"])
    out["payable_cents"] = cents(payable)
    out["tax_cents"] = cents(tax_total)
    out["errors"] = errors
    return out


if __name__ == "__main__":
    print(json.dumps({p: check(p) for p in sys.argv[1:]}, indent=1))
