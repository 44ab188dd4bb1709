"""vhh journaal: the booked invoices, credit notes, corrected invoices and payments of a year as a
journal for the financial system. Checked with an independent reader (python's csv module): every
boekstuk balances to the cent, the totals equal the store's invoices (vhh facturen) and payments
(vhh betalingen), the configured accounts are used, formula-like text is guarded, the export is
idempotent, an empty year is a header only, and --out is written whole."""
import csv
import io
import json
import os
import unittest
from collections import defaultdict

import storetest
import vhhtest
from test_betalingen import camt

CSV_COLUMNS = ["datum", "boekstuk", "regel", "rekening", "kostenplaats", "debet", "credit", "relatie", "referentie",
               "omschrijving"]


def cents(decimal_text):
    """'1234.56' → 123456 without floating point; '' → 0."""
    if decimal_text == "":
        return 0
    whole, frac = decimal_text.split(".")
    assert len(frac) == 2, decimal_text
    return int(whole) * 100 + int(frac)


class JournaalTest(storetest.StoreTestCase):

    def setUp(self):
        super().setUp()
        self.url = self.initialised()
        with open(os.path.join(vhhtest.SOURCE_DIR, "config", "zeeland", "facturatie.yaml"), encoding="utf-8") as f:
            facturatie = f.read().replace("werkplekhuur_btw: vrijgesteld", "werkplekhuur_btw: belast")
        facturatie += ("journaal:\n  rekening_debiteuren: \"13000\"\n  rekening_bank: \"11000\"\n"
                       "  rekening_werkplekhuur: \"8100.10\"\n  kostenplaats: VHH-ZLD\n")
        self.cfg = self.write_config(vhhtest.zeeland_text())
        with open(self.path("facturatie.yaml"), "w", encoding="utf-8") as f:
            f.write(facturatie)
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2012/14", "--datum", "2012-11-20",
                 *self.base())

    def base(self):
        return ["--config", self.cfg, "--database", self.url]

    def facturen(self):
        return json.loads(self.vhh("facturen", *self.base(), "--format", "json").stdout)["facturen"]

    def journaal_csv(self, jaar="2013"):
        raw = self.vhh("journaal", "--jaar", jaar, *self.base()).stdout
        return raw, list(csv.DictReader(io.StringIO(raw.encode("utf-8").decode("utf-8-sig"), newline=""), delimiter=";"))

    def book_everything(self):
        """Voorschot and werkplekhuur (taxed: VAT lines), a partial credit, a correction (381 + 384), a
        statement with a matched, an unmatched (formula-like name) and a debit transaction."""
        self.vhh("factureren", "--jaar", "2013", "--soort", "voorschot", *self.base())
        self.vhh("factureren", "--jaar", "2013", "--soort", "werkplekhuur", *self.base())
        self.vhh("crediteren", "2013-00002", "--reden", "te veel", "--bedrag", "100.01", "--datum", "2013-02-01",
                 *self.base())
        self.vhh("corrigeren", "2013-00003", "--bedrag", "1234.56", "--reden", "fout", "--datum", "2013-02-02",
                 *self.base())
        inv = {f["nummer"]: f for f in self.facturen()}
        statement = camt("001.08", [
            {"cents": inv["2013-00001"]["bedrag_cents"], "kenmerk": inv["2013-00001"]["betalingskenmerk"]},
            {"cents": 4200, "text": "bijdrage", "name": "=HYPERLINK(1)"},
            {"cents": 1500, "debit": True, "text": "bankkosten", "name": "BNG Bank"},
        ], stmt_id="+STMT-J")
        self.vhh("betalingen", "importeren", self.written("a.xml", statement), *self.base())

    def test_balances_and_reconciles_with_the_store(self):
        self.book_everything()
        raw, rows = self.journaal_csv()
        self.assertTrue(raw.startswith("\ufeffdatum;boekstuk;"))
        self.assertEqual(list(rows[0].keys()), CSV_COLUMNS)
        per_doc = defaultdict(int)
        for r in rows:
            self.assertTrue((r["debet"] == "") != (r["credit"] == ""), r)
            per_doc[r["boekstuk"]] += cents(r["debet"]) - cents(r["credit"])
        self.assertEqual({k: v for k, v in per_doc.items() if v != 0}, {})
        # Receivables: invoices minus credit notes (as vhh facturen signs them) minus matched payments.
        facturen = self.facturen()
        betalingen = json.loads(self.vhh("betalingen", *self.base(), "--format", "json").stdout)["betalingen"]
        deb = sum(cents(r["debet"]) - cents(r["credit"]) for r in rows if r["rekening"] == "13000")
        self.assertEqual(deb, sum(f["bedrag_cents"] for f in facturen) -
                         sum(b["bedrag_cents"] for b in betalingen if b["factuur"]))
        bank = sum(cents(r["debet"]) - cents(r["credit"]) for r in rows if r["rekening"] == "11000")
        self.assertEqual(bank, sum(b["bedrag_cents"] for b in betalingen))
        onverdeeld = sum(cents(r["credit"]) - cents(r["debet"]) for r in rows if r["rekening"] == "1190")
        self.assertEqual(onverdeeld, sum(b["bedrag_cents"] for b in betalingen if not b["factuur"]))
        btw = sum(cents(r["credit"]) - cents(r["debet"]) for r in rows if r["rekening"] == "1520")
        self.assertEqual(btw, sum(f["btw_cents"] for f in facturen))
        self.assertGreater(btw, 0)
        # Every invoice is a boekstuk; revenue lines carry the cost centre, balance lines none.
        self.assertEqual({f["nummer"] for f in facturen} - set(per_doc), set())
        for r in rows:
            self.assertEqual(r["kostenplaats"], "VHH-ZLD" if r["rekening"] in ("8000", "8100.10", "8010") else "", r)
        wph = {f["nummer"] for f in facturen if f["soort"] == "werkplekhuur"}
        self.assertEqual({r["rekening"] for r in rows if r["boekstuk"] in wph and r["kostenplaats"]}, {"8100.10"})
        # The credit note of a voorschotnota books on the voorschot revenue account, debet side.
        credit = [r for r in rows if r["omschrijving"].startswith("Creditnota") and r["kostenplaats"]]
        self.assertTrue(credit and all(r["rekening"] == "8000" and r["debet"] for r in credit))
        # The 384 bills 1234.56.
        corr = [r for r in rows if r["omschrijving"].startswith("Gecorrigeerde factuur") and r["rekening"] == "13000"]
        self.assertEqual([r["debet"] for r in corr], ["1234.56"])
        # Formula-like text is guarded: a cell starting with + = - @ gets a leading quote (the statement's
        # Id "+STMT-J" begins the payments' boekstuk); inside a cell it stays as it is.
        payments = [r for r in rows if "STMT-J" in r["boekstuk"]]
        self.assertEqual(len(payments), 6)
        self.assertTrue(all(r["boekstuk"].startswith("'+STMT-J/") for r in payments))
        self.assertTrue(any("=HYPERLINK(1) (niet gekoppeld)" in r["omschrijving"] for r in payments))
        # Deterministic order: by date; JSON tells the same in cents.
        self.assertEqual([r["datum"] for r in rows], sorted(r["datum"] for r in rows))
        j = json.loads(self.vhh("journaal", "--jaar", "2013", "--format", "json", *self.base()).stdout)
        self.assertEqual(len(j["regels"]), len(rows))
        self.assertEqual(j["totalen"]["debet_cents"], j["totalen"]["credit_cents"])
        self.assertEqual(sum(r["debet_cents"] for r in j["regels"]), sum(cents(r["debet"]) for r in rows))
        for a, b in zip(j["regels"], rows):
            self.assertEqual((a["boekstuk"], a["rekening"], a["debet_cents"], a["credit_cents"]),
                             (b["boekstuk"].lstrip("'"), b["rekening"], cents(b["debet"]), cents(b["credit"])))

    def test_idempotent_out_file_and_empty_year(self):
        self.book_everything()
        first = self.vhh("journaal", "--jaar", "2013", *self.base()).stdout
        self.assertEqual(self.vhh("journaal", "--jaar", "2013", *self.base()).stdout, first)
        out = self.path("journaal-2013.csv")
        self.vhh("journaal", "--jaar", "2013", "--out", out, *self.base())
        with open(out, encoding="utf-8", newline="") as f:
            written = f.read()
        self.assertEqual(written.replace("\r\n", "\n"), first)
        self.assertEqual(written.count("\r\n"), written.count("\n"))  # RFC 4180: every line ends in CRLF
        self.assertEqual([n for n in os.listdir(self.path("")) if ".vhh-" in n], [])
        # Reading changed nothing in the store.
        before = self.vhh("db", "export", "--database", self.url).stdout
        self.vhh("journaal", "--jaar", "2013", "--format", "json", *self.base())
        self.assertEqual(self.vhh("db", "export", "--database", self.url).stdout, before)
        # An empty year: the header only, and totals of 0.
        raw, rows = self.journaal_csv("2030")
        self.assertEqual((raw, rows), ("\ufeff" + ";".join(CSV_COLUMNS) + "\n", []))
        j = json.loads(self.vhh("journaal", "--jaar", "2030", "--format", "json", *self.base()).stdout)
        self.assertEqual((j["regels"], j["totalen"]), ([], {"debet_cents": 0, "credit_cents": 0}))

    def test_refusals(self):
        r = self.vhh("journaal", *self.base(), expect=64)
        self.assertIn("needs --jaar", r.stderr)
        r = self.vhh("journaal", "--jaar", "2013", "--format", "table", *self.base(), expect=64)
        self.assertIn("expected csv or json", r.stderr)
        r = self.vhh("journaal", "--jaar", "2013", "--out", self.path("nope/j.csv"), *self.base(), expect=73)
        self.assertFalse(os.path.exists(self.path("nope")))


if __name__ == "__main__":
    unittest.main()
