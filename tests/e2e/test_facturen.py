"""vhh factureren / crediteren / facturen: invoices in the store, gapless numbers, SI-UBL 2.0
e-invoices checked by an independent reader (tests/tools/check_ubl.py: /usr/bin/python3 + lxml),
amounts reconciled with the store and the vastgestelde begroting, PDFs read with pdftotext."""
import json
import os
import shutil
import subprocess
import unittest

import storetest
import vhhtest

CHECK_UBL = os.path.join(vhhtest.SOURCE_DIR, "tests", "tools", "check_ubl.py")


def read_ubl(paths):
    out = subprocess.run([vhhtest.PYTHON, CHECK_UBL, *paths], capture_output=True, text=True, check=True, timeout=300)
    return json.loads(out.stdout)


class FacturenTest(storetest.StoreTestCase):

    def setUp(self):
        super().setUp()
        self.url = self.initialised()
        self.cfg = self.write_config(vhhtest.zeeland_text())

    def adopt(self, cfg=None, document="begroting"):
        self.vhh("vaststellen", document, "--jaar", "2013", "--besluit", "AB 2012/14", "--datum", "2012-11-20",
                 "--config", cfg or self.cfg, "--database", self.url)

    def bill(self, *args, expect=0, cfg=None):
        return self.vhh("factureren", "--jaar", "2013", "--config", cfg or self.cfg, "--database", self.url, *args,
                        expect=expect)

    def facturen(self):
        r = self.vhh("facturen", "--config", self.cfg, "--database", self.url, "--format", "json")
        return json.loads(r.stdout)["facturen"]

    def inwonerbijdragen(self):
        r = self.vhh("bijdragen", "--config", self.cfg, "--format", "json")
        return {l["payer_id"]: l["amount_cents"] for l in json.loads(r.stdout)["lines"] if l["source"] == "inwonerbijdrage"}

    def check_all(self, out):
        files = sorted(os.path.join(out, f) for f in os.listdir(out) if f.endswith(".xml"))
        result = read_ubl(files)
        for f, r in result.items():
            self.assertEqual(r["errors"], [], f)
        return {r["nummer"]: r for r in result.values()}

    def test_voorschot_every_termijn_adds_up_and_reconciles(self):
        self.adopt()
        out = self.path("out")
        r = self.bill("--soort", "voorschot", "--out", out)
        self.assertIn("52 new, 0 already billed", r.stdout)
        facturen = self.facturen()
        self.assertEqual([f["nummer"] for f in facturen], ["2013-%05d" % n for n in range(1, 53)])
        # The four termijnen of every gemeente add up to its vastgestelde bijdrage, to the cent.
        per = {}
        for f in facturen:
            self.assertEqual((f["soort"], f["status"], f["open_cents"]), ("voorschot", "open", f["bedrag_cents"]))
            per.setdefault(f["debiteur_id"], []).append(f["bedrag_cents"])
        expected = self.inwonerbijdragen()
        self.assertEqual({k: sum(v) for k, v in per.items()}, expected)
        for parts in per.values():
            self.assertEqual(len(parts), 4)
            self.assertLessEqual(max(parts) - min(parts), 1)  # largest remainder: at most a cent apart
        # Every e-invoice passes the independent checks and says what the store says.
        ubl = self.check_all(out)
        self.assertEqual(sorted(ubl), [f["nummer"] for f in facturen])
        for f in facturen:
            u = ubl[f["nummer"]]
            self.assertEqual((u["payable_cents"], u["payment_id"], u["category"], u["typecode"]),
                             (f["bedrag_cents"], f["betalingskenmerk"], "O", "380"))
        manifest = json.loads(vhhtest.read_text(os.path.join(out, "manifest.json")))
        self.assertEqual(len(manifest["files"]), 104)
        # The PDF, read by pdftotext.
        first = facturen[0]
        text = subprocess.run(["pdftotext", os.path.join(out, first["nummer"] + ".pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
        for fragment in (first["nummer"], first["betalingskenmerk"], "Gemeente Borsele", "€ 2.255,10",
                         "Niet onderworpen aan btw", "ILLUSTRATIEF"):
            self.assertIn(fragment, text)
        # Idempotent: nothing is billed twice; the documents are rewritten byte for byte.
        before = {f: vhhtest.read_bytes(os.path.join(out, f)) for f in os.listdir(out)}
        r = self.bill("--soort", "voorschot", "--out", out)
        self.assertIn("0 new, 52 already billed", r.stdout)
        self.assertIn("already billed: voorschot Q1 GM0654 Borsele: factuur 2013-00001", r.stdout)
        self.assertEqual(len(self.facturen()), 52)
        self.assertEqual({f: vhhtest.read_bytes(os.path.join(out, f)) for f in os.listdir(out)}, before)
        self.vhh("db", "verify", "--database", self.url)

    def test_one_termijn_then_the_rest(self):
        self.adopt()
        self.bill("--soort", "voorschot", "--termijn", "2")
        self.assertEqual({f["termijn"] for f in self.facturen()}, {"Q2"})
        r = self.bill("--soort", "voorschot")
        self.assertIn("39 new, 13 already billed", r.stdout)
        self.assertEqual([f["nummer"] for f in self.facturen()], ["2013-%05d" % n for n in range(1, 53)])

    def test_werkplekhuur_exempt_and_taxed(self):
        self.adopt()
        out = self.path("out")
        self.bill("--soort", "werkplekhuur", "--out", out)
        facturen = self.facturen()
        self.assertEqual(len(facturen), 13)
        self.assertEqual(sum(f["bedrag_cents"] for f in facturen), 11000000)  # € 110.000 werkplekhuur
        ubl = self.check_all(out)
        self.assertEqual({u["category"] for u in ubl.values()}, {"E"})
        # Opted for taxed rent: category S, 21 %.
        url = self.new_store()
        self.vhh("db", "init", "--database", url)
        with open(self.path("facturatie.yaml"), encoding="utf-8") as f:
            text = f.read()
        with open(self.path("facturatie.yaml"), "w", encoding="utf-8") as f:
            f.write(text.replace("werkplekhuur_btw: vrijgesteld", "werkplekhuur_btw: belast"))
        self.url = url
        self.adopt()
        out2 = self.path("out2")
        self.bill("--soort", "werkplekhuur", "--out", out2)
        ubl = self.check_all(out2)
        for f in self.facturen():
            u = ubl[f["nummer"]]
            self.assertEqual(u["category"], "S")
            self.assertEqual(u["tax_cents"], f["btw_cents"])
            self.assertEqual(u["payable_cents"], f["bedrag_cents"])
            self.assertEqual(u["tax_cents"] * 100, 21 * (u["payable_cents"] - u["tax_cents"]))
        # A correction to the amount the taxed invoice already bills (VAT included) changes nothing.
        gross = {x["nummer"]: x for x in self.facturen()}["2013-00001"]["bedrag_cents"]
        r = self.vhh("corrigeren", "2013-00001", "--bedrag", "%d.%02d" % divmod(gross, 100), "--reden", "x",
                     "--config", self.cfg, "--database", self.url, expect=65)
        self.assertIn("would change nothing", r.stderr)
        # Credit notes of a taxed invoice carry VAT too; a partial credit, then the rest: nothing open.
        base = ["--config", self.cfg, "--database", self.url, "--out", out2]
        self.vhh("crediteren", "2013-00001", "--reden", "een werkplek minder", "--bedrag", "1000", *base)
        self.vhh("crediteren", "2013-00001", "--reden", "vertrokken", *base)
        f = {x["nummer"]: x for x in self.facturen()}
        self.assertEqual(f["2013-00001"]["open_cents"], 0)
        self.assertEqual(f["2013-00014"]["bedrag_cents"] + f["2013-00015"]["bedrag_cents"], -f["2013-00001"]["bedrag_cents"])
        ubl = self.check_all(out2)
        self.assertEqual((ubl["2013-00014"]["category"], ubl["2013-00014"]["payable_cents"]), ("S", 100000))

    def test_werkplekhuur_per_kwartaal_adds_up_to_the_year(self):
        with open(self.path("facturatie.yaml"), encoding="utf-8") as f:
            text = f.read()
        with open(self.path("facturatie.yaml"), "w", encoding="utf-8") as f:
            f.write(text.replace("werkplekhuur_btw:", "werkplekhuur_termijnen: kwartaal\nwerkplekhuur_btw:"))
        self.adopt()
        out = self.path("out")
        r = self.bill("--soort", "werkplekhuur", "--termijn", "Q2", "--out", out)
        self.assertIn("13 new, 0 already billed", r.stdout)
        r = self.bill("--soort", "werkplekhuur", "--out", out)
        self.assertIn("39 new, 13 already billed", r.stdout)
        self.assertIn("0 new, 52 already billed", self.bill("--soort", "werkplekhuur").stdout)
        facturen = self.facturen()
        self.assertEqual(sorted({f["termijn"] for f in facturen}), ["Q1", "Q2", "Q3", "Q4"])
        per_partner = {}
        for f in facturen:
            per_partner[f["debiteur_id"]] = per_partner.get(f["debiteur_id"], 0) + f["bedrag_cents"]
        r = self.vhh("bijdragen", "--config", self.cfg, "--format", "json")
        year = {l["payer_id"]: l["amount_cents"] for l in json.loads(r.stdout)["lines"] if l["source"] == "werkplekhuur"}
        self.assertEqual(per_partner, year)  # the termijnen add up to the year, per partner, to the cent
        ubl = self.check_all(out)
        self.assertEqual({(u["category"]) for u in ubl.values()}, {"E"})
        # The line names the werkplek-maanden of the termijn and the rule.
        with open(os.path.join(out, facturen[0]["nummer"] + ".xml"), encoding="utf-8") as f:
            self.assertRegex(f.read(), r"termijn Q\d \(\d van 4\): \d+ werkplek-maanden? naar de bezetting op de 1e")
        # The afrekening has no termijnen.
        self.vhh("factureren", "--jaar", "2013", "--soort", "afrekening", "--termijn", "Q1", "--config", self.cfg,
                     "--database", self.url, expect=64)

    def test_afrekening_invoices_a_deficit_and_credits_a_surplus(self):
        self.adopt()
        self.bill("--soort", "voorschot")
        # The realisatie: Borsele 1.000 inwoners more (deficit € 400), Goes 1.000 fewer (surplus € 400).
        text = vhhtest.zeeland_text().replace("inwoners: 22551", "inwoners: 23551").replace("inwoners: 37050",
                                                                                             "inwoners: 36050")
        rekening = self.write_config(text, "jaarrekening.yaml")
        self.adopt(rekening, "jaarrekening")
        out = self.path("out")
        self.bill("--soort", "afrekening", "--out", out)
        afrekening = [f for f in self.facturen() if f["soort"] == "afrekening"]
        self.assertEqual([(f["debiteur_id"], f["typecode"], f["bedrag_cents"], f["open_cents"]) for f in afrekening],
                         [("GM0654", "380", 40000, 40000), ("GM0664", "381", -40000, -40000)])
        ubl = self.check_all(out)
        credit = ubl[afrekening[1]["nummer"]]
        self.assertEqual(credit["root"], "CreditNote")
        goes_voorschot = [f["nummer"] for f in self.facturen() if f["debiteur_id"] == "GM0664" and f["soort"] == "voorschot"]
        self.assertEqual(credit["billing_references"], goes_voorschot)
        r = self.bill("--soort", "afrekening")
        self.assertIn("0 new, 2 already billed", r.stdout)

    def test_crediteren_whole_partial_and_too_much(self):
        self.adopt()
        self.bill("--soort", "voorschot", "--termijn", "Q1")
        out = self.path("out")
        base = ["--config", self.cfg, "--database", self.url]
        self.vhh("crediteren", "2013-00001", "--reden", "bedrag te hoog", "--bedrag", "255.10", "--datum", "2013-02-01",
                 "--out", out, *base)
        f = {x["nummer"]: x for x in self.facturen()}
        self.assertEqual((f["2013-00001"]["open_cents"], f["2013-00001"]["status"]), (200000, "deels gecrediteerd"))
        self.assertEqual((f["2013-00014"]["bedrag_cents"], f["2013-00014"]["crediteert"]), (-25510, "2013-00001"))
        before = self.facturen()
        r = self.vhh("crediteren", "2013-00001", "--reden", "x", "--bedrag", "2000.01", *base, expect=65)
        self.assertIn("more than what is open of invoice 2013-00001 (€ 2.000,00", r.stderr)
        self.vhh("crediteren", "2013-09999", "--reden", "x", *base, expect=65)
        self.vhh("crediteren", "2013-00014", "--reden", "x", *base, expect=65)  # a credit note
        self.assertEqual(self.facturen(), before)
        self.vhh("crediteren", "2013-00001", "--reden", "vervalt", "--datum", "2013-02-02", "--out", out, *base)
        f = {x["nummer"]: x for x in self.facturen()}
        self.assertEqual((f["2013-00001"]["open_cents"], f["2013-00001"]["status"]), (0, "gecrediteerd"))
        self.assertEqual(f["2013-00015"]["bedrag_cents"], -200000)
        self.vhh("crediteren", "2013-00001", "--reden", "nog eens", *base, expect=65)
        ubl = self.check_all(out)
        self.assertEqual((ubl["2013-00015"]["root"], ubl["2013-00015"]["billing_references"]), ("CreditNote", ["2013-00001"]))
        self.vhh("db", "verify", "--database", self.url)

    def test_corrigeren_credits_and_bills_the_right_amount_as_384(self):
        self.adopt()
        self.bill("--soort", "voorschot", "--termijn", "Q1")
        out = self.path("out")
        base = ["--config", self.cfg, "--database", self.url]
        # A partial credit first: the correction takes back what is still open, then bills the new amount.
        self.vhh("crediteren", "2013-00001", "--reden", "te hoog", "--bedrag", "100.00", "--datum", "2013-02-01", *base)
        r = self.vhh("corrigeren", "2013-00001", "--bedrag", "2345.67", "--reden", "inwonertal herzien",
                     "--datum", "2013-03-01", "--out", out, *base)
        self.assertIn("creditnota 2013-00015 credits € 2.155,10 of invoice 2013-00001; gecorrigeerde factuur "
                      "2013-00016 bills € 2.345,67", r.stdout)
        f = {x["nummer"]: x for x in self.facturen()}
        self.assertEqual((f["2013-00001"]["open_cents"], f["2013-00001"]["status"]), (0, "gecrediteerd"))
        self.assertEqual((f["2013-00015"]["bedrag_cents"], f["2013-00015"]["crediteert"]), (-215510, "2013-00001"))
        fixed = f["2013-00016"]
        self.assertEqual((fixed["typecode"], fixed["bedrag_cents"], fixed["open_cents"], fixed["corrigeert"],
                          fixed["crediteert"], fixed["soort"], fixed["termijn"], fixed["debiteur_id"]),
                         ("384", 234567, 234567, "2013-00001", "", "voorschot", "Q1", f["2013-00001"]["debiteur_id"]))
        self.assertEqual((fixed["datum"], fixed["vervaldatum"]), ("2013-03-01", "2013-03-31"))
        ubl = self.check_all(out)
        self.assertEqual((ubl["2013-00016"]["typecode"], ubl["2013-00016"]["billing_references"],
                          ubl["2013-00016"]["payable_cents"]), ("384", ["2013-00001"], 234567))
        self.assertEqual((ubl["2013-00015"]["typecode"], ubl["2013-00015"]["billing_references"]), ("381", ["2013-00001"]))
        text = subprocess.run(["pdftotext", "-layout", os.path.join(out, "2013-00016.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
        self.assertIn("Gecorrigeerde factuur 2013-00016", text)
        self.assertIn("vervangt factuur 2013-00001", text)
        self.assertIn("2.345,67", text)
        # Refused, nothing booked: fully credited, the same amount again, a credit note, no --bedrag.
        before = self.facturen()
        r = self.vhh("corrigeren", "2013-00001", "--bedrag", "1", "--reden", "x", *base, expect=65)
        self.assertIn("credited in full already", r.stderr)
        r = self.vhh("corrigeren", "2013-00016", "--bedrag", "2345.67", "--reden", "x", *base, expect=65)
        self.assertIn("would change nothing", r.stderr)
        self.vhh("corrigeren", "2013-00015", "--bedrag", "1", "--reden", "x", *base, expect=65)
        self.vhh("corrigeren", "2013-00016", "--reden", "x", *base, expect=64)
        self.vhh("corrigeren", "2013-00016", "--bedrag", "5", *base, expect=64)
        self.assertEqual(self.facturen(), before)
        # A corrected invoice can itself be corrected, and billing Q1 again bills nothing twice.
        self.vhh("corrigeren", "2013-00016", "--bedrag", "2300", "--reden", "nogmaals herzien", *base)
        self.assertIn("0 new, 13 already billed", self.bill("--soort", "voorschot", "--termijn", "Q1").stdout)
        self.vhh("db", "verify", "--database", self.url)

    def test_refusals_change_nothing(self):
        out = self.path("out")
        r = self.bill("--soort", "voorschot", "--out", out, expect=65)
        self.assertIn("no vastgestelde begroting 2013 of zeeland", r.stderr)
        self.assertFalse(os.path.exists(out))
        self.adopt()
        r = self.bill("--soort", "voorschot", "--termijn", "Q5", expect=64)
        self.assertIn("--termijn 'Q5' is not a termijn of 2013", r.stderr)
        self.bill("--soort", "voorschot", "--termijn", "13", expect=64)
        self.bill("--soort", "huur", expect=64)
        self.bill("--soort", "werkplekhuur", "--termijn", "Q1", expect=64)
        r = self.bill("--soort", "afrekening", expect=65)
        self.assertIn("no vastgestelde jaarrekening 2013", r.stderr)
        self.assertEqual(self.facturen(), [])

    def test_export_and_import_keep_the_invoices(self):
        self.adopt()
        self.bill("--soort", "voorschot", "--termijn", "Q1")
        self.vhh("crediteren", "2013-00002", "--reden", "x", "--bedrag", "10", "--datum", "2013-02-01",
                 "--config", self.cfg, "--database", self.url)
        exported = self.vhh("db", "export", "--database", self.url).stdout
        dump = self.written("export.json", exported)
        other = self.new_store()
        self.vhh("db", "import", dump, "--database", other)
        self.vhh("db", "verify", "--database", other)
        self.assertEqual(self.vhh("db", "export", "--database", other).stdout, exported)
        self.assertEqual(len(json.loads(exported)["tabellen"]["facturen"]), 14)

    def test_store_tampering_is_found(self):
        self.adopt()
        self.bill("--soort", "voorschot", "--termijn", "Q1")
        self.sql(self.url, "UPDATE facturen SET bedrag_cents = 1 WHERE nummer = '2013-00003'")
        r = self.vhh("db", "verify", "--database", self.url, expect=65)
        self.assertIn("factuur 2013-00003 of zeeland: its content does not match its seal", r.stderr)

    def test_concurrent_runs_number_without_gaps(self):
        self.adopt()
        args = ["factureren", "--jaar", "2013", "--config", self.cfg, "--database", self.url, "--soort", "voorschot"]
        procs = [subprocess.Popen([vhhtest.VHH, *args, "--termijn", t], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for t in ("Q1", "Q2", "Q1")]
        results = [p.communicate(timeout=300) + (p.returncode,) for p in procs]
        for out, err, code in results:
            self.assertEqual(code, 0, out + err)
        facturen = self.facturen()
        self.assertEqual([f["nummer"] for f in facturen], ["2013-%05d" % n for n in range(1, 27)])
        self.assertEqual(len({(f["termijn"], f["debiteur_id"]) for f in facturen}), 26)  # Q1 billed once
        self.assertEqual(sum("13 already billed" in out for out, _, _ in results), 1)


    def test_maas_en_leijgraaf_per_halfjaar(self):
        ml = self.path("ml")
        shutil.copytree(os.path.join(vhhtest.SOURCE_DIR, "config", "maas-en-leijgraaf"), ml)
        cfg = os.path.join(ml, "vhh.yaml")
        self.vhh("vaststellen", "begroting", "--jaar", "2015", "--besluit", "AB 2014/3", "--datum", "2014-07-01",
                 "--config", cfg, "--database", self.url)
        out = self.path("out")
        self.vhh("factureren", "--jaar", "2015", "--soort", "voorschot", "--config", cfg, "--database", self.url,
                 "--out", out)
        facturen = json.loads(self.vhh("facturen", "--config", cfg, "--database", self.url, "--format",
                                       "json").stdout)["facturen"]
        self.assertEqual(len(facturen), 24)  # 12 gemeenten x H1, H2
        boekel = [(f["termijn"], f["bedrag_cents"], f["vervaldatum"]) for f in facturen if f["debiteur_id"] == "GM0755"]
        self.assertEqual(boekel, [("H1", 160650, "2015-01-31"), ("H2", 160650, "2015-07-31")])  # € 3.213 (seed)
        self.assertEqual(sum(f["bedrag_cents"] for f in facturen), 23700000)  # gemeentelijke bijdrage € 237.000
        self.check_all(out)


class FacturatieConfigTest(vhhtest.VhhTestCase):

    def test_check_refuses_what_factureren_would(self):
        cfg = self.write_config(vhhtest.zeeland_text())
        with open(self.path("facturatie.yaml"), encoding="utf-8") as f:
            text = f.read()
        text = text.replace('{id: GM0664, oin: "00000001000000664000", straat: Postbus 101, ', "{id: GM0664, ")
        text = text.replace("  iban: NL34BNGH0285000001", "  iban: NL35BNGH0285000001")
        with open(self.path("facturatie.yaml"), "w", encoding="utf-8") as f:
            f.write(text)
        r = vhhtest.run("check", "--config", cfg)
        self.assertExit(r, 78)
        self.assertIn("facturatie.yaml:18:9: error: facturatie.leverancier.iban: expected an IBAN with valid check digits",
                      r.stderr)
        self.assertIn("facturatie.debiteuren[1]: gemeente GM0664 is billed by e-invoice (SI-UBL 2.0), which needs its "
                      "oin, straat", r.stderr)

    def test_a_debiteur_that_is_never_billed_is_a_warning_at_its_id(self):
        cfg = self.write_config(vhhtest.zeeland_text())
        with open(self.path("facturatie.yaml"), encoding="utf-8") as f:
            lines = f.read().splitlines(keepends=True)
        at = next(i for i, l in enumerate(lines) if "{id: GM0654," in l)
        lines.insert(at + 1, '  - {id: GM0645, oin: "00000001000000645000", straat: Postbus 9, postcode: 4310 AA, '
                             'plaats: Heinkenszand}\n')  # GM0654 mistyped
        with open(self.path("facturatie.yaml"), "w", encoding="utf-8") as f:
            f.write("".join(lines))
        r = vhhtest.run("check", "--config", cfg)
        self.assertExit(r, 0)
        self.assertIn("facturatie.yaml:%d:10: warning: facturatie.debiteuren: debiteur GM0645 is neither a gemeente of "
                      "the region nor a partner in the partner registry: nothing is ever billed to it" % (at + 2),
                      r.stderr)
        self.assertEqual(r.stderr.count("nothing is ever billed"), 1)  # the partners' entries are in the registry
        # A gemeente of a herindeling (Meierijstad, from 2017) is billed in another boekjaar: no warning.
        ml = os.path.join(vhhtest.SOURCE_DIR, "config", "maas-en-leijgraaf")
        self.assertIn("{id: GM1948,", vhhtest.read_text(os.path.join(ml, "facturatie.yaml")))
        r = vhhtest.run("check", "--config", os.path.join(ml, "vhh.yaml"))
        self.assertExit(r, 0)
        self.assertNotIn("nothing is ever billed", r.stderr)


if __name__ == "__main__":
    unittest.main()
