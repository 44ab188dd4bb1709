"""vhh betalingen importeren / koppelen / betalingen and vhh debiteuren: CAMT.053 statements of both
versions (001.02 and 001.08) built here, booked once, matched to the invoices of `vhh factureren`;
partial and overpayments; a payment naming a paid invoice booked unmatched with a warning; the
ouderdomsanalyse at its boundary dates; herinneringen read back with pdftotext; the debiteurenstand
that `vhh run` writes. Runs on SQLite and (e2e.store.postgresql) on PostgreSQL."""
import json
import os
import subprocess
import unittest

import storetest
import vhhtest

IBAN = "NL34BNGH0285000001"  # facturatie.leverancier.iban of the bundled Zeeland config


def cents_text(c):
    return "%s%d.%02d" % ("-" if c < 0 else "", abs(c) // 100, abs(c) % 100)


def camt(version, entries, stmt_id="STMT-2013-03-31", iban=IBAN, currency="EUR", booked="2013-03-31"):
    """A CAMT.053 statement. `entries`: dicts with cents, and optionally ref (NtryRef), kenmerk
    (structured reference), text (Ustrd), debit, name. 001.02 writes the debtor as Dbtr/Nm, the status
    as text and the transaction amount under AmtDtls/TxAmt; 001.08 Dbtr/Pty/Nm, Sts/Cd, TxDtls/Amt."""
    v08 = version == "001.08"
    closing = 100000 + sum(-e["cents"] if e.get("debit") else e["cents"] for e in entries)
    x = ['<?xml version="1.0" encoding="UTF-8"?>',
         '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.%s">' % version,
         "<BkToCstmrStmt><GrpHdr><MsgId>MSG-%s</MsgId><CreDtTm>2013-04-01T06:00:00</CreDtTm></GrpHdr>" % stmt_id,
         "<Stmt><Id>%s</Id>" % stmt_id,
         "<Acct><Id><IBAN>%s</IBAN></Id><Ccy>%s</Ccy></Acct>" % (iban, currency)]
    for code, amount in (("OPBD", 100000), ("CLBD", closing)):
        x.append('<Bal><Tp><CdOrPrtry><Cd>%s</Cd></CdOrPrtry></Tp><Amt Ccy="%s">%s</Amt><CdtDbtInd>%s</CdtDbtInd>'
                 "<Dt><Dt>%s</Dt></Dt></Bal>" % (code, currency, cents_text(abs(amount)),
                                                  "CRDT" if amount >= 0 else "DBIT", booked))
    for n, e in enumerate(entries, 1):
        amount = cents_text(e["cents"])
        name = e.get("name", "Gemeente Borsele")
        x.append("<Ntry><NtryRef>%s</NtryRef>" % e.get("ref", "E%d" % n))
        x.append('<Amt Ccy="%s">%s</Amt><CdtDbtInd>%s</CdtDbtInd>' % (currency, amount, "DBIT" if e.get("debit") else "CRDT"))
        x.append("<Sts><Cd>BOOK</Cd></Sts>" if v08 else "<Sts>BOOK</Sts>")
        x.append("<BookgDt><Dt>%s</Dt></BookgDt><ValDt><Dt>%s</Dt></ValDt>" % (e.get("date", booked), e.get("date", booked)))
        x.append("<NtryDtls><TxDtls><Refs><EndToEndId>E2E-%d</EndToEndId></Refs>" % n)
        x.append('<Amt Ccy="EUR">%s</Amt>' % amount if v08 else '<AmtDtls><TxAmt><Amt Ccy="EUR">%s</Amt></TxAmt></AmtDtls>' % amount)
        x.append("<RltdPties><Dbtr><Pty><Nm>%s</Nm></Pty></Dbtr>" % name if v08 else "<RltdPties><Dbtr><Nm>%s</Nm></Dbtr>" % name)
        x.append("<DbtrAcct><Id><IBAN>NL02BNGH0285012345</IBAN></Id></DbtrAcct></RltdPties><RmtInf>")
        if e.get("text"):
            x.append("<Ustrd>%s</Ustrd>" % e["text"])
        if e.get("kenmerk"):
            x.append("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>CUR</Issr></Tp><Ref>%s</Ref>"
                     "</CdtrRefInf></Strd>" % e["kenmerk"])
        x.append("</RmtInf></TxDtls></NtryDtls></Ntry>")
    x.append("</Stmt></BkToCstmrStmt></Document>")
    return "\n".join(x) + "\n"


def pdftotext(path):
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout


class BetalingenTest(storetest.StoreTestCase):

    def setUp(self):
        super().setUp()
        self.url = self.initialised()
        self.cfg = self.write_config(vhhtest.zeeland_text())
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2012/14", "--datum", "2012-11-20",
                 "--config", self.cfg, "--database", self.url)
        self.vhh("factureren", "--jaar", "2013", "--soort", "voorschot", "--config", self.cfg, "--database", self.url)
        self.inv = {f["nummer"]: f for f in self.facturen()}

    def base(self):
        return ["--config", self.cfg, "--database", self.url]

    def facturen(self):
        return json.loads(self.vhh("facturen", *self.base(), "--format", "json").stdout)["facturen"]

    def betalingen(self):
        return json.loads(self.vhh("betalingen", *self.base(), "--format", "json").stdout)["betalingen"]

    def importeren(self, text, name="afschrift.xml", expect=0):
        path = self.written(name, text)
        return self.vhh("betalingen", "importeren", path, *self.base(), expect=expect)

    def debiteuren(self, per, *extra):
        r = self.vhh("debiteuren", "--per", per, "--format", "json", *self.base(), *extra)
        return json.loads(r.stdout)

    def first_statement(self, version, unknown_cents=4200):
        """Borsele Q1 (2013-00001) in full by its betalingskenmerk; Goes Q1 (2013-00005) half, named by
        number in the text; Hulst Q1 (2013-00009) overpaid by € 1, its kenmerk typed with spaces; one
        payment naming nothing; a debit."""
        k1 = self.inv["2013-00001"]["betalingskenmerk"]
        k9 = self.inv["2013-00009"]["betalingskenmerk"]
        k9_typed = " ".join(k9[i:i + 4] for i in range(0, 16, 4))
        return camt(version, [
            {"cents": self.inv["2013-00001"]["bedrag_cents"], "kenmerk": k1},
            {"cents": self.inv["2013-00005"]["bedrag_cents"] // 2, "text": "deel factuur 2013-00005", "name": "Gemeente Goes"},
            {"cents": self.inv["2013-00009"]["bedrag_cents"] + 100, "text": "betaling " + k9_typed, "name": "Gemeente Hulst"},
            {"cents": unknown_cents, "text": "bijdrage", "name": "Onbekend"},
            {"cents": 1500, "debit": True, "text": "bankkosten", "name": "BNG Bank"},
        ], stmt_id="STMT-%s" % version)

    def test_both_versions_matched_partial_over_and_idempotent(self):
        for version in ("001.02", "001.08"):
            with self.subTest(version=version):
                url = self.url
                self.url = self.initialised()
                self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2012/14", "--datum",
                         "2012-11-20", *self.base())
                self.vhh("factureren", "--jaar", "2013", "--soort", "voorschot", *self.base())
                statement = self.first_statement(version)
                r = self.importeren(statement)
                self.assertIn("statement STMT-%s: 5 booked (3 matched, 2 unmatched), 0 already booked" % version, r.stdout)
                b = self.betalingen()
                self.assertEqual([(x["factuur"], x["koppeling"]) for x in b], [
                    ("2013-00001", "betalingskenmerk"), ("2013-00005", "factuurnummer in omschrijving"),
                    ("2013-00009", "kenmerk in omschrijving"), (None, "niet gekoppeld"), (None, "niet gekoppeld")])
                self.assertEqual(b[4]["bedrag_cents"], -1500)
                self.assertEqual(b[1]["naam"], "Gemeente Goes")
                f = {x["nummer"]: x for x in self.facturen()}
                self.assertEqual((f["2013-00001"]["open_cents"], f["2013-00001"]["status"]), (0, "betaald"))
                half = self.inv["2013-00005"]["bedrag_cents"]
                self.assertEqual((f["2013-00005"]["open_cents"], f["2013-00005"]["status"]), (half - half // 2, "deels betaald"))
                self.assertEqual((f["2013-00009"]["open_cents"], f["2013-00009"]["status"]), (-100, "overbetaald"))
                # The same statement again books nothing twice, and says so.
                r = self.importeren(statement)
                self.assertIn("0 booked (0 matched, 0 unmatched), 5 already booked", r.stdout)
                self.assertEqual(len(self.betalingen()), 5)
                log = self.vhh("log", "--database", self.url, "--format", "json").stdout
                self.assertEqual(log.count("betalingen importeren"), 1)
                self.vhh("db", "verify", "--database", self.url)
                self.url = url

    def test_a_payment_naming_a_paid_invoice_is_booked_unmatched_with_a_warning(self):
        self.importeren(self.first_statement("001.08"))
        k1 = self.inv["2013-00001"]["betalingskenmerk"]
        r = self.importeren(camt("001.02", [{"cents": 1000, "kenmerk": k1}, {"cents": 2000, "text": "2013-00002"}],
                                 stmt_id="STMT-2"), name="tweede.xml")
        self.assertRegex(r.stderr, r"tweede\.xml:\d+:\d+: warning: Ntry: payment of € 10,00 names invoice 2013-00001, "
                                   r"which is paid already \(open € 0,00\): booked as unmatched")
        self.assertIn("2 booked (1 matched, 1 unmatched)", r.stdout)
        b = self.betalingen()[-2:]
        self.assertEqual([(x["factuur"], x["koppeling"]) for x in b],
                         [(None, "niet gekoppeld"), ("2013-00002", "factuurnummer in omschrijving")])

    def test_koppelen_by_hand(self):
        self.importeren(self.first_statement("001.02"))
        unmatched = [x for x in self.betalingen() if x["factuur"] is None and x["bedrag_cents"] > 0][0]
        r = self.vhh("betalingen", "koppelen", str(unmatched["id"]), "2013-00013", *self.base(), "--door", "anna")
        self.assertIn("pays invoice 2013-00013", r.stdout)
        linked = {x["id"]: x for x in self.betalingen()}[unmatched["id"]]
        self.assertEqual((linked["factuur"], linked["koppeling"]), ("2013-00013", "handmatig"))
        f = {x["nummer"]: x for x in self.facturen()}
        self.assertEqual(f["2013-00013"]["open_cents"], self.inv["2013-00013"]["bedrag_cents"] - 4200)
        log = json.loads(self.vhh("log", "--database", self.url, "--format", "json").stdout)
        last = log["entries"][-1] if isinstance(log, dict) else log[-1]
        self.assertIn("betaalt factuur 2013-00013", json.dumps(last))
        self.assertIn("anna", json.dumps(last))
        # Refused, with nothing changed: matched already, an unknown invoice, an unknown transaction.
        key = "%s/%s/%d" % (unmatched["afschrift"], unmatched["referentie"], unmatched["volgnr"])
        r = self.vhh("betalingen", "koppelen", key, "2013-00014", *self.base(), expect=65)
        self.assertIn("pays invoice 2013-00013 already (handmatig)", r.stderr)
        other = [x for x in self.betalingen() if x["factuur"] is None][0]
        r = self.vhh("betalingen", "koppelen", str(other["id"]), "2099-00001", *self.base(), expect=65)
        self.assertIn("the store holds no invoice 2099-00001 of zeeland", r.stderr)
        r = self.vhh("betalingen", "koppelen", "9999", "2013-00014", *self.base(), expect=65)
        self.assertIn("the store holds no transaction 9999", r.stderr)
        self.vhh("betalingen", "koppelen", "1", *self.base(), expect=64)
        self.vhh("db", "verify", "--database", self.url)
        # The booked transactions travel with the administration: export, import, export again, the same.
        exported = self.vhh("db", "export", "--database", self.url).stdout
        self.assertIn('"betalingen"', exported)
        copy = self.initialised()
        self.vhh("db", "import", self.written("export.json", exported), "--database", copy)
        self.assertEqual(self.vhh("db", "export", "--database", copy).stdout, exported)

    def test_db_verify_checks_the_seals_of_imported_statements(self):
        self.importeren(self.first_statement("001.02"))
        self.importeren(self.first_statement("001.08", unknown_cents=100), name="b.xml")
        unmatched = [b for b in self.betalingen() if b["koppeling"] == "niet gekoppeld"][0]
        self.vhh("betalingen", "koppelen", str(unmatched["id"]), "2013-00013", *self.base())  # a logged change
        r = self.vhh("db", "verify", "--database", self.url)
        self.assertIn("10 betalingen", r.stdout)
        # A booked amount changed in the store behind vhh's back: found, located at its statement.
        self.sql(self.url, "UPDATE betalingen SET bedrag_cents = bedrag_cents + 1 WHERE id = 7")
        r = self.vhh("db", "verify", "--database", self.url, expect=65)
        self.assertIn("afschrift STMT-001.08 of zeeland: transactions 6 to 10 do not match the seal of their import",
                      r.stderr)
        self.sql(self.url, "UPDATE betalingen SET bedrag_cents = bedrag_cents - 1 WHERE id = 7")
        self.vhh("db", "verify", "--database", self.url)
        # A transaction removed, or one added without an import: found too.
        self.sql(self.url, "DELETE FROM betalingen WHERE id = 10")
        r = self.vhh("db", "verify", "--database", self.url, expect=65)
        self.assertIn("afschrift STMT-001.08 of zeeland: the store holds 4 of the 5 transactions its import booked",
                      r.stderr)

    def test_refused_statements_book_nothing(self):
        good = self.first_statement("001.08")
        cases = [
            (good.replace(IBAN, "NL91ABNA0417164300"), 65, "not of the Veiligheidshuis's account NL34BNGH0285000001"),
            (good.replace('Ccy="EUR"', 'Ccy="USD"'), 65, "USD"),
            (good.replace("camt.053.001.08", "camt.053.001.04"), 65, "001.04"),
            (good.replace("</Stmt>", ""), 65, "error:"),
        ]
        for n, (text, code, fragment) in enumerate(cases):
            with self.subTest(n=n):
                r = self.importeren(text, name="fout-%d.xml" % n, expect=code)
                self.assertRegex(r.stderr, r"fout-%d\.xml:\d+:\d+: error: " % n)
                self.assertIn(fragment, r.stderr)
                self.assertTrue(r.stderr.endswith("vhh: nothing was booked\n"), r.stderr)
                self.assertEqual(r.stdout, "")
                self.assertEqual(self.betalingen(), [])
        r = self.vhh("betalingen", "importeren", self.path("er-niet.xml"), *self.base(), expect=66)
        # A transaction booked before, now with another amount: refused whole, located at it.
        self.importeren(good)
        changed = self.first_statement("001.08", unknown_cents=4300)
        r = self.importeren(changed, name="gewijzigd.xml", expect=65)
        self.assertRegex(r.stderr, r"gewijzigd\.xml:\d+:\d+: error: Ntry: transaction STMT-001\.08/E4/0 is booked already "
                                   r"\(transactie 4\) with € 42,00 on 2013-03-31, here with € 43,00")
        self.assertIn("nothing was booked", r.stderr)
        self.assertEqual(len(self.betalingen()), 5)

    def test_debiteuren_age_classes_at_their_boundaries(self):
        # Q1 invoices: dated 2013-01-01, due 2013-01-31 (30 days).
        borsele = lambda d: [x for x in d["debiteuren"] if x["debiteur_id"] == "GM0654"][0]
        d = self.debiteuren("2013-01-31")
        self.assertEqual(len(d["debiteuren"]), 13)
        b = borsele(d)
        q1 = self.inv["2013-00001"]["bedrag_cents"]
        self.assertEqual([p["nummer"] for p in b["posten"]], ["2013-00001"])  # Q2 is dated 2013-04-01
        self.assertEqual((b["posten"][0]["dagen_na_vervaldatum"], b["posten"][0]["ouderdom"]), (0, "niet_vervallen"))
        self.assertFalse(b["herinnering"])
        for per, days, klasse in (("2013-02-01", 1, "dagen_0_30"), ("2013-03-02", 30, "dagen_0_30"),
                                  ("2013-03-03", 31, "dagen_31_60"), ("2013-04-01", 60, "dagen_31_60"),
                                  ("2013-04-02", 61, "dagen_61_90"), ("2013-05-01", 90, "dagen_61_90"),
                                  ("2013-05-02", 91, "meer_dan_90")):
            with self.subTest(per=per):
                b = borsele(self.debiteuren(per))
                p = [x for x in b["posten"] if x["nummer"] == "2013-00001"][0]
                self.assertEqual((p["dagen_na_vervaldatum"], p["ouderdom"]), (days, klasse))
                self.assertEqual(b["ouderdom_cents"][klasse], q1)
                self.assertTrue(b["herinnering"])
        # Payments count from their booking date on.
        self.importeren(self.first_statement("001.02"))
        self.assertEqual(borsele(self.debiteuren("2013-03-30"))["open_cents"], q1)
        self.assertNotIn("GM0654", [x["debiteur_id"] for x in self.debiteuren("2013-03-31")["debiteuren"]])
        goes = [x for x in self.debiteuren("2013-03-31")["debiteuren"] if x["debiteur_id"] == "GM0664"][0]
        half = self.inv["2013-00005"]["bedrag_cents"]
        self.assertEqual(goes["open_cents"], half - half // 2)
        hulst = [x for x in self.debiteuren("2013-03-31")["debiteuren"] if x["debiteur_id"] == "GM0677"][0]
        self.assertEqual((hulst["open_cents"], hulst["herinnering"]), (-100, False))
        csv = self.vhh("debiteuren", "--per", "2013-03-31", "--format", "csv", *self.base()).stdout
        self.assertTrue(csv.startswith("\ufeffdebiteur_id;debiteur;factuur;"))
        table = self.vhh("debiteuren", "--per", "2013-03-31", *self.base()).stdout
        self.assertIn("31–60 dagen", table)
        self.vhh("debiteuren", "--per", "31-03-2013", *self.base(), expect=64)

    def test_herinneringen_pdf_and_text_byte_identical(self):
        self.importeren(self.first_statement("001.08"))
        out = self.path("herinneringen")
        r = self.vhh("debiteuren", "--per", "2013-03-31", "--out", out, *self.base())
        self.assertIn("11 herinneringen", r.stderr)  # 13 gemeenten; Borsele paid, Hulst overpaid
        files = sorted(os.listdir(out))
        self.assertIn("herinnering-2013-03-31-GM0664.pdf", files)
        self.assertIn("herinnering-2013-03-31-GM0664.txt", files)
        self.assertNotIn("herinnering-2013-03-31-GM0654.pdf", files)
        self.assertEqual(len(files), 23)  # 11 × (pdf, txt) + manifest.json
        text = pdftotext(os.path.join(out, "herinnering-2013-03-31-GM0664.pdf"))
        half = self.inv["2013-00005"]["bedrag_cents"]
        open_text = "€ " + "{:,}".format((half - half // 2) // 100).replace(",", ".") + ",%02d" % ((half - half // 2) % 100)
        for fragment in ("Herinnering", "2013-00005", self.inv["2013-00005"]["betalingskenmerk"], IBAN, open_text,
                         "Postbus 101", "ILLUSTRATIEF"):
            self.assertIn(fragment, text)
        self.assertIn("2013-00005", vhhtest.read_text(os.path.join(out, "herinnering-2013-03-31-GM0664.txt")))
        before = {f: vhhtest.read_bytes(os.path.join(out, f)) for f in files}
        self.vhh("debiteuren", "--per", "2013-03-31", "--out", out, *self.base())
        self.assertEqual({f: vhhtest.read_bytes(os.path.join(out, f)) for f in os.listdir(out)}, before)

    def test_run_writes_the_debiteurenstand_at_31_december(self):
        self.importeren(self.first_statement("001.02"))
        out = self.path("out")
        self.vhh("run", "--config", self.cfg, "--database", self.url, "--out", out)
        files = os.listdir(out)
        self.assertIn("debiteuren-2013.pdf", files)
        text = pdftotext(os.path.join(out, "debiteuren-2013.pdf"))
        self.assertIn("Debiteurenstand per", text)
        self.assertIn("GM0664 Goes", text)
        self.assertIn("meer dan 90 dagen", text)
        manifest = json.loads(vhhtest.read_text(os.path.join(out, "manifest.json")))
        self.assertIn("debiteuren-2013.pdf", json.dumps(manifest))
        # The jaarverantwoording's own section (SDK ABI 3, issue 15): the same open items and total
        # as `vhh debiteuren --per 2013-12-31`.
        stand = json.loads(self.vhh("debiteuren", "--per", "2013-12-31", "--format", "json", *self.base()).stdout)
        jv = " ".join(vhhtest.read_text(os.path.join(out, "jaarverantwoording-2013.txt")).split())
        section = jv[jv.index("Debiteurenstand per 31 december 2013"):]
        self.assertIn("vhh debiteuren --per 2013-12-31", section)
        self.assertIn("GM0664", section)
        total = stand["open_cents"]
        self.assertGreater(total, 0)
        self.assertIn(f"€ {f'{total // 100:,}'.replace(',', '.')},{total % 100:02d}", section)
        for d in stand["debiteuren"]:
            for item in d["posten"]:
                self.assertIn(item["nummer"], section)
        # Without invoices of the boekjaar (a store without any): no debiteurenstand.
        other = self.initialised()
        out2 = self.path("out2")
        self.vhh("run", "--config", self.cfg, "--database", other, "--out", out2)
        self.assertFalse([f for f in os.listdir(out2) if f.startswith("debiteuren-")])
        jv2 = " ".join(vhhtest.read_text(os.path.join(out2, "jaarverantwoording-2013.txt")).split())
        self.assertIn("De administratie bevat geen facturen van Veiligheidshuis Zeeland met een datum tot en met "
                      "31 december 2013: er is geen debiteurenstand.", jv2)
        # Without a store at all the section says so.
        out3 = self.path("out3")
        self.vhh("run", "--config", self.cfg, "--out", out3)
        jv3 = " ".join(vhhtest.read_text(os.path.join(out3, "jaarverantwoording-2013.txt")).split())
        self.assertIn("Deze run heeft geen administratie (database)", jv3)


if __name__ == "__main__":
    unittest.main()
