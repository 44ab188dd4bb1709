"""report.jaarverantwoording end to end: golden text renderings (the jaarverantwoording and a
raadsbrief), the workbook read back by an independent reader (formulas with cached values, charts),
reconciliation with `vhh bijdragen --format json` and with the ledger CSV (computed here from the CSV,
to the cent), the settlement per gemeente, suppressed case counts in the public outputs, the
Twente/Almelo region, and bad input (located errors, contract exit codes, nothing written). The
PDF and HTML renderings and the letterhead are tested in test_jaarverantwoording_formats.py."""
import csv
import json
import os
import re
import shutil
from decimal import Decimal

from vhhtest import SOURCE_DIR, ZEELAND, VhhTestCase, read_text, read_workbook, run

GOLDEN = os.path.join(SOURCE_DIR, "plugins", "report", "jaarverantwoording", "tests", "golden")
ZEELAND_DIR = os.path.join(SOURCE_DIR, "config", "zeeland")
TWENTE = os.path.join(SOURCE_DIR, "config", "twente-almelo", "vhh.yaml")
LOCATED = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+)(?::(?P<col>\d+))?: (?P<sev>error|warning): (?P<msg>.*)$", re.M)
SAFE_LETTER = re.compile(r"^raadsbrief-(\d{4})-[a-z0-9]+(-[a-z0-9]+)*\.(txt|pdf|html|xlsx)$")


def cents(value):
    """A workbook number (euros) as integer cents."""
    return int((Decimal(str(value)) * 100).to_integral_value())


def amount_nl(text):
    """'1.234,56' / '-1.234,56' as integer cents."""
    return int(text.replace(".", "").replace(",", ""))


def amount_point(text):
    """'1234.56' (or '' for nothing) as integer cents."""
    return int((Decimal(text or "0") * 100).to_integral_value())


def sheets(book):
    return {s["name"]: s for s in book["sheets"]}


def grid(sheet):
    """{(row, column letters): cell} for a sheet of read_workbook output."""
    out = {}
    for c in sheet["cells"]:
        m = re.match(r"([A-Z]+)(\d+)$", c["ref"])
        out[(int(m.group(2)), m.group(1))] = c
    return out


def column_of(sheet, header):
    for c in sheet["cells"]:
        if c["ref"].endswith("1") and re.match(r"[A-Z]+1$", c["ref"]) and c["value"] == header:
            return c["ref"][:-1]
    raise AssertionError(f"no column {header!r} in {sheet['name']}")


def body_rows(sheet, label_col="B"):
    """The body rows of a table's sheet (from row 2, under the header) and its total row: the first
    row whose label_col starts with "Totaal"."""
    g = grid(sheet)
    rows = sorted({r for (r, _) in g if r > 1})
    end = next(r for r in rows if str(g.get((r, label_col), {}).get("value") or "").startswith("Totaal"))
    return list(range(2, end)), end


def plain(formula):
    """A formula without the $ of absolute references."""
    return formula.replace("$", "")


def row_labelled(sheet, label, label_col="A"):
    g = grid(sheet)
    return next(r for (r, c), cell in g.items() if c == label_col and cell["value"] == label)


class JaarverantwoordingCase(VhhTestCase):
    def golden_copy(self):
        """The golden test inputs copied into the private temp dir; returns the config path there."""
        for name in os.listdir(GOLDEN):
            src = os.path.join(GOLDEN, name)
            if os.path.isfile(src):
                shutil.copy(src, self.path(name))
        return self.path("vhh.yaml")

    def edit(self, name, old, new):
        p = self.path(name)
        with open(p, encoding="utf-8", newline="") as f:
            text = f.read()
        self.assertIn(old, text)
        with open(p, "w", encoding="utf-8", newline="") as f:
            f.write(text.replace(old, new, 1))

    def errors(self, result):
        return [(m["file"], int(m["line"]), int(m["col"]) if m["col"] else None, m["sev"], m["msg"])
                for m in LOCATED.finditer(result.stderr)]

    def line_of(self, name, needle):
        text = read_text(self.path(name))
        return text[:text.index(needle)].count("\n") + 1


class GoldenTest(JaarverantwoordingCase):
    def test_text_outputs_match_golden_files(self):
        cfg = self.golden_copy()
        out = self.path("out")
        r = run("run", "--config", cfg, "--out", out)
        self.assertExit(r, 0)
        expected_dir = os.path.join(GOLDEN, "expected")
        expected = sorted(os.listdir(expected_dir))
        self.assertEqual(expected, ["jaarverantwoording-2015.txt", "raadsbrief-2015-bergen-nh.txt",
                                    "raadsbrief-2015-s-hertogenbosch.txt", "raadsbrief-2015-sudwest-fryslan.txt"])
        for name in expected:
            with open(os.path.join(expected_dir, name), "rb") as f:
                want = f.read()
            with open(os.path.join(out, name), "rb") as f:
                got = f.read()
            self.assertEqual(got.decode("utf-8"), want.decode("utf-8"), name)
        written = sorted(os.listdir(out))
        self.assertEqual([n for n in written if n.startswith("raadsbrief-") and n.endswith(".txt")],
                         ["raadsbrief-2015-bergen-nh.txt", "raadsbrief-2015-s-hertogenbosch.txt",
                          "raadsbrief-2015-sudwest-fryslan.txt"])
        for n in written:
            if n.startswith("raadsbrief-"):
                self.assertRegex(n, SAFE_LETTER)

    def test_letters_say_what_the_wgr_says_of_the_jaarstukken(self):
        """Issue 14: no zienswijze procedure on the jaarstukken; issue 16: no jargon in a letter."""
        cfg = self.golden_copy()
        out = self.path("out")
        self.assertExit(run("run", "--config", cfg, "--out", out), 0)
        letter = read_text(os.path.join(out, "raadsbrief-2015-s-hertogenbosch.txt"))
        self.assertRegex(letter, r"Onderwerp: +Jaarverantwoording 2015")
        self.assertNotIn("en zienswijze", letter)
        self.assertNotIn("zienswijze naar voren", letter)
        self.assertIn("artikel 34, derde lid, van de Wet", letter)
        self.assertIn("vóór 15 juli 2016", letter)
        self.assertIn("Uw zienswijze wordt gevraagd over de ontwerpbegroting", letter)
        for jargon in ("restverdeling", "grootste overschotten", "verdeelsleutel", "%"):
            self.assertNotIn(jargon, letter)
        # The basis stays in the jaarverantwoording.
        text = read_text(os.path.join(out, "jaarverantwoording-2015.txt"))
        self.assertIn("grootste", text)

    def test_check_warns_for_missing_toelichting(self):
        cfg = self.golden_copy()
        r = run("check", "--config", cfg)
        self.assertExit(r, 0)
        warnings = [e for e in self.errors(r) if e[3] == "warning"]
        line = self.line_of("jaarverantwoording.yaml", "{code: PROJ")
        self.assertTrue(any(e[0] == self.path("jaarverantwoording.yaml") and e[1] == line and "PROJ" in e[4]
                            and "toelichting" in e[4] for e in warnings), r.stderr)
        self.assertEqual(len(warnings), 1, r.stderr)  # HUIS has its toelichting, PERS is under the drempel

    def test_workbook_read_back(self):
        cfg = self.golden_copy()
        out = self.path("out")
        self.assertExit(run("run", "--config", cfg, "--out", out), 0)
        book = read_workbook(os.path.join(out, "jaarverantwoording-2015.xlsx"))
        names = [s["name"] for s in book["sheets"]]
        for name in ("Saldo en resultaat", "Baten", "Lasten", "Reserves", "Risico’s", "Weerstandsvermogen",
                     "Afrekening per gemeente", "Casussen per thema"):
            self.assertIn(name, names)
        charts = {s["name"]: s["charts"] for s in book["sheets"]}
        self.assertEqual(charts["Baten"], 2)  # the pie of the baten and their columns
        self.assertEqual(charts["Lasten"], 1)
        self.assertTrue(book["properties"]["title"].startswith("Jaarverantwoording"))

        bl = sheets(book)["Lasten"]
        g = grid(bl)
        col = {h: column_of(bl, h) for h in ("Realisatie 2014", "Begroting primitief", "Begroting na wijziging",
                                             "Realisatie", "Verschil", "V/N")}
        lasten, total_row = body_rows(bl)
        self.assertEqual(len(lasten), 3)
        for r in lasten:
            real, wijz, versch = (g[(r, col[k])] for k in ("Realisatie", "Begroting na wijziging", "Verschil"))
            # verschil = realisatie - begroting na wijziging, as a formula with its value
            self.assertEqual(plain(versch["formula"]), f"{col['Realisatie']}{r}-{col['Begroting na wijziging']}{r}")
            self.assertEqual(cents(versch["value"]), cents(real["value"]) - cents(wijz["value"]))
            vn = g.get((r, col["V/N"]), {}).get("value")
            self.assertEqual(vn or "", "N" if versch["value"] > 0 else "V" if versch["value"] < 0 else "")
            self.assertIn("€", real["number_format"])
        total = g[(total_row, col["Realisatie"])]
        self.assertEqual(plain(total["formula"]), f"SUM({col['Realisatie']}{lasten[0]}:{col['Realisatie']}{lasten[-1]})")
        self.assertEqual(cents(total["value"]), sum(cents(g[(r, col["Realisatie"])]["value"]) for r in lasten))
        self.assertTrue(total["bold"])
        self.assertEqual(cents(total["value"]), 3459975)
        self.assertEqual(cents(g[(lasten[0], col["Realisatie 2014"])]["value"]), 1975000)

        res = sheets(book)["Saldo en resultaat"]
        gr = grid(res)
        real = column_of(res, "Realisatie")
        resultaat = gr[(row_labelled(res, "Resultaat"), real)]
        self.assertEqual(cents(resultaat["value"]), 240125)
        saldo, toev, ontt = (row_labelled(res, label) for label in (
            "Saldo van baten en lasten", "Toevoegingen aan reserves", "Onttrekkingen aan reserves"))
        self.assertEqual(plain(resultaat["formula"]), f"{real}{saldo}-{real}{toev}+{real}{ontt}")
        # Totaal lasten on the summary refers to the Lasten sheet.
        self.assertIn("'Lasten'!", gr[(row_labelled(res, "Totaal lasten"), real)]["formula"])

        bij = sheets(book)["Afrekening per gemeente"]
        gb = grid(bij)
        parts = [cents(gb[(r, "E")]["value"]) for r in (2, 3, 4)]
        self.assertEqual(parts, [137210, 68605, 34310])
        self.assertEqual(sum(parts), 240125)
        for r in (2, 3, 4):
            self.assertEqual(plain(gb[(r, "G")]["formula"]), f"C{r}+F{r}")
            self.assertEqual(cents(gb[(r, "G")]["value"]), cents(gb[(r, "C")]["value"]) + cents(gb[(r, "F")]["value"]))
        self.assertIn("restverdeling", gb[(2, "H")]["value"] + gb[(3, "H")]["value"] + gb[(4, "H")]["value"])

        rs = grid(sheets(book)["Reserves"])
        self.assertEqual(plain(rs[(2, "F")]["formula"]), "C2+D2-E2")
        self.assertEqual(cents(rs[(2, "F")]["value"]), 1050000)


class AfrekeningLinesTest(JaarverantwoordingCase):
    """When the run has lines of source "afrekening" (financing.inwonerbijdrage with
    afrekening_resultaat), the jaarverantwoording shows them instead of dividing the resultaat itself,
    and says so when they do not divide the resultaat it computed."""

    def setUp(self):
        super().setUp()
        r = run("plugins", "--format", "json")
        self.assertExit(r, 0)
        data = json.loads(r.stdout)
        plugins = data["plugins"] if isinstance(data, dict) else data
        keys = [s["key"] for p in plugins if p["name"] == "financing.inwonerbijdrage" for s in p["settings"]]
        if "afrekening_resultaat" not in keys:
            self.skipTest("financing.inwonerbijdrage has no afrekening_resultaat")

    def run_with(self, resultaat):
        self.golden_copy()
        self.edit("vhh.yaml", "    tarief: 1.00\n", f"    tarief: 1.00\n    afrekening_resultaat: {resultaat}\n")
        out = self.path("out")
        r = run("run", "--config", self.path("vhh.yaml"), "--out", out)
        self.assertExit(r, 0)
        return r, out

    def test_lines_shown_instead(self):
        r, out = self.run_with("2401.25")  # the resultaat of the golden inputs: an overschot
        self.assertNotIn("warning: plugins[0]", r.stderr)
        self.assertFalse([e for e in self.errors(r) if "afrekening lines" in e[4]], r.stderr)
        text = read_text(os.path.join(out, "jaarverantwoording-2015.txt"))
        self.assertIn("Afrekening uit de bijdragen (bron afrekening)", text)
        book = read_workbook(os.path.join(out, "jaarverantwoording-2015.xlsx"))
        bij = grid(sheets(book)["Afrekening per gemeente"])
        totals = json.loads(run("bijdragen", "--config", self.path("vhh.yaml"), "--format", "json").stdout)
        afrekening = {l["payer_id"]: l["amount_cents"] for l in totals["lines"] if l["source"] == "afrekening"}
        for r_ in (2, 3, 4):
            code = bij[(r_, "A")]["value"]
            self.assertEqual(cents(bij[(r_, "F")]["value"]), afrekening[code])  # shown as given
            self.assertEqual(plain(bij[(r_, "E")]["formula"]), f"-F{r_}")
        self.assertEqual(sum(afrekening.values()), -240125)
        # Baten still reconcile: afrekening is a settlement, not baten.
        bl = sheets(book)["Baten"]
        g = grid(bl)
        _, total_row = body_rows(bl)
        self.assertEqual(cents(g[(total_row, column_of(bl, "Realisatie"))]["value"]),
                         totals["totals"]["total"] - totals["totals"]["afrekening"])

    def test_mismatch_is_a_warning_and_both_figures_are_shown(self):
        r, out = self.run_with("1000.00")
        self.assertTrue([e for e in self.errors(r) if e[3] == "warning" and "afrekening lines" in e[4]], r.stderr)
        # The lines settle € 1.000,00 (an overschot back to the gemeenten), the resultaat is € 2.401,25:
        # the document and every letter say both and the difference.
        text = " ".join(read_text(os.path.join(out, "jaarverantwoording-2015.txt")).split())
        self.assertIn("met de gemeenten wordt samen € 1.000,00 verrekend, het resultaat is € 2.401,25. "
                      "Het verschil van € 1.401,25 wordt niet met de gemeenten verrekend", text)
        letters = [f for f in os.listdir(out) if f.startswith("raadsbrief-") and f.endswith(".txt")]
        self.assertTrue(letters)
        for name in letters:
            letter = " ".join(read_text(os.path.join(out, name)).split())
            self.assertIn("Met de gemeenten samen wordt € 1.000,00 verrekend. Dat wijkt € 1.401,25 af van het "
                          "resultaat", letter, name)

    def test_no_difference_no_such_paragraph(self):
        _, out = self.run_with("2401.25")
        for name in os.listdir(out):
            if name.endswith(".txt"):
                self.assertNotIn("verrekend. Dat wijkt", read_text(os.path.join(out, name)), name)


class ZeelandTest(JaarverantwoordingCase):
    @classmethod
    def setUpClass(cls):
        import tempfile
        cls.shared = tempfile.mkdtemp(prefix="vhh-e2e-jv-")
        cls.out = os.path.join(cls.shared, "out")
        cls.result = run("run", "--out", cls.out)
        cls.book = read_workbook(os.path.join(cls.out, "jaarverantwoording-2013.xlsx")) \
            if cls.result.returncode == 0 else None
        cls.bijdragen = run("bijdragen", "--format", "json")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.shared, ignore_errors=True)

    def setUp(self):
        super().setUp()
        self.assertExit(self.result, 0)

    def test_documents_and_safe_unique_letter_names(self):
        files = os.listdir(self.out)
        for ext in ("pdf", "xlsx", "html", "txt"):
            self.assertIn("jaarverantwoording-2013." + ext, files)
        letters = sorted(f for f in files if f.startswith("raadsbrief-") and f.endswith(".pdf"))
        self.assertEqual(len(letters), 13)
        self.assertEqual(len(set(letters)), 13)
        for name in letters:
            self.assertRegex(name, SAFE_LETTER)
        self.assertIn("raadsbrief-2013-schouwen-duiveland.pdf", letters)

    def test_manifest_records_inputs(self):
        with open(os.path.join(self.out, "manifest.json"), encoding="utf-8") as f:
            m = json.load(f)
        inputs = {os.path.basename(i["path"]): i["sha256"] for i in m["inputs"]}
        import hashlib
        for name in ("grootboek-2013.csv", "indicatoren-2013.csv", "jaarverantwoording.yaml"):
            with open(os.path.join(ZEELAND_DIR, name), "rb") as f:
                self.assertEqual(inputs[name], hashlib.sha256(f.read()).hexdigest(), name)
        self.assertIn("raadsbrief.txt.mustache", inputs)  # the wording of the letters
        self.assertIn("report.jaarverantwoording", [p["name"] for p in m["plugins"]])

    def baten(self):
        bl = sheets(self.book)["Baten"]
        g = grid(bl)
        rows, total_row = body_rows(bl)
        real, bron = column_of(bl, "Realisatie"), column_of(bl, "Bron realisatie")
        by_source = {}
        for r in rows:
            m = re.search(r"bijdragen: ([a-z, ]+) \(", g[(r, bron)]["value"])
            self.assertIsNotNone(m, g[(r, bron)]["value"])
            by_source[m.group(1)] = cents(g[(r, real)]["value"])
        return by_source, cents(g[(total_row, real)]["value"])

    def test_baten_equal_the_financing_totals(self):
        self.assertExit(self.bijdragen, 0)
        totals = json.loads(self.bijdragen.stdout)["totals"]
        by_source, total = self.baten()
        expected = {k: v for k, v in totals.items() if k not in ("total", "afrekening")}
        self.assertEqual(by_source, expected)
        self.assertEqual(total, totals["total"] - totals.get("afrekening", 0))

    def test_realisatie_per_post_equals_the_ledger_csv(self):
        # The toewijzing of config/zeeland/jaarverantwoording.yaml, first matching rule wins.
        def post(kp, rek):
            if rek.startswith("409"):
                return "PERS-OV"
            return {"110": "PERS-DIR", "120": "PERS-COORD", "130": "PERS-ADM", "200": "HUIS", "300": "ICT",
                    "400": "PROJ", "900": "OV"}[kp]
        sums = {}
        with open(os.path.join(ZEELAND_DIR, "grootboek-2013.csv"), encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f, delimiter=";"):
                p = post(row["Kostenplaats"], row["Grootboekrekening"])
                sums[p] = sums.get(p, 0) + amount_nl(row["Bedrag"])
        bl = sheets(self.book)["Lasten"]
        g = grid(bl)
        rows, _ = body_rows(bl)
        real = column_of(bl, "Realisatie")
        got = {g[(r, "A")]["value"]: cents(g[(r, real)]["value"]) for r in rows}
        self.assertEqual(got, sums)

    def test_settlement_and_letters(self):
        res = sheets(self.book)["Saldo en resultaat"]
        resultaat = cents(grid(res)[(row_labelled(res, "Resultaat"), column_of(res, "Realisatie"))]["value"])
        bij = grid(sheets(self.book)["Afrekening per gemeente"])
        rows = [r for r in range(2, 15)]
        aandeel = [cents(bij[(r, "E")]["value"]) for r in rows]
        self.assertEqual(sum(aandeel), resultaat)
        totals = json.loads(self.bijdragen.stdout)
        voorlopig = {l["payer_id"]: l["amount_cents"] for l in totals["lines"] if l["source"] == "inwonerbijdrage"}
        for r in rows:
            code = bij[(r, "A")]["value"]
            self.assertEqual(cents(bij[(r, "C")]["value"]), voorlopig[code])
            # each share within one cent of its exact share of the resultaat
            exact = Decimal(resultaat) * voorlopig[code] / sum(voorlopig.values())
            self.assertLess(abs(Decimal(cents(bij[(r, "E")]["value"])) - exact), 1)
        letter = read_text(os.path.join(self.out, "raadsbrief-2013-middelburg.txt"))
        self.assertIn("De gemeenteraad van Middelburg", letter)
        self.assertRegex(letter, r"Kenmerk: +JV2013/GM0687")
        self.assertIn("Veiligheidshuis Zeeland", letter.splitlines()[0])  # the letterhead from huisstijl:
        self.assertRegex(letter, r"Voorlopige bijdrage +€ 19\.207,60")
        self.assertIn("26 juni 2014", " ".join(letter.split()))  # the AB's meeting
        self.assertNotIn("uiterlijk 15 mei 2014", letter)  # no zienswijze term on the jaarstukken
        self.assertIn("Contactpersoon: A. de Vries (illustratief)", letter)

    def test_public_counts_are_suppressed(self):
        ind = sheets(self.book)["Casussen per thema"]
        g = grid(ind)
        cols = sorted({c for (r, c) in g if r == 1}, key=lambda c: (len(c), c))
        header = [g[(1, c)]["value"] for c in cols]
        self.assertEqual(header[0], "Gemeente")
        self.assertEqual(header[-1], "Totaal")
        total_row = next(r for r in sorted({r for (r, _) in g}) if g.get((r, "A"), {}).get("value") == "Totaal")
        table = [[g.get((r, c), {}).get("value") for c in cols[1:]] for r in range(2, total_row + 1)]
        hidden = [[v in ("<5", "x") for v in row] for row in table]
        for row in table:
            for v in row:
                self.assertTrue(v in ("<5", "x") or (isinstance(v, (int, float)) and (v == 0 or v >= 5)), v)
        # Every row and column (each with its total) has no hidden cell or at least two.
        for row in hidden:
            self.assertNotEqual(sum(row), 1)
        for j in range(len(cols) - 1):
            self.assertNotEqual(sum(row[j] for row in hidden), 1)
        self.assertTrue(any(any(row) for row in hidden), "the bundled counts have small cells")
        # Published counts are the CSV's.
        counts = {}
        with open(os.path.join(ZEELAND_DIR, "indicatoren-2013.csv"), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter=";"):
                counts[(row["Thema"], row["Gemeente"])] = int(row["Aantal"])
        self.assertEqual(sum(counts.values()), table[-1][-1])
        # The letters show the same cells as the workbook.
        letter = read_text(os.path.join(self.out, "raadsbrief-2013-noord-beveland.txt"))
        self.assertIn("Casussen in uw gemeente per thema", letter)
        self.assertIn("<5", letter)

    def test_text_report_sections(self):
        text = read_text(os.path.join(self.out, "jaarverantwoording-2013.txt"))
        for heading in ("Wat wilden we bereiken?", "Wat hebben we daarvoor gedaan?", "Wat heeft het gekost?",
                        "Overzicht van baten en lasten", "Toelichting op de verschillen",
                        "Reserves en weerstandsvermogen", "Bijdragen per gemeente", "Casussen"):
            self.assertIn(heading, text)
        self.assertNotIn("Zienswijze", text)
        self.assertIn("Verminderen van overlast in de maatschappij.", text)  # doelstelling from the regeling
        self.assertIn("onafhankelijke procesregie voor complexe casussen", text)
        self.assertIn("illustratief", text)
        self.assertIn("(1 fte)", text)
        self.assertIn("B (ruim voldoende)", text)
        self.assertNotIn("Toelichting ontbreekt", text)


class TwenteTest(JaarverantwoordingCase):
    def test_runs_end_to_end(self):
        out = self.path("out")
        r = run("run", "--config", TWENTE, "--out", out)
        self.assertExit(r, 0)
        self.assertNotIn("warning", r.stderr)
        files = os.listdir(out)
        letters = sorted(f for f in files if f.startswith("raadsbrief-2023-") and f.endswith(".txt"))
        self.assertEqual(len(letters), 9)
        self.assertIn("raadsbrief-2023-almelo.txt", letters)
        text = read_text(os.path.join(out, "jaarverantwoording-2023.txt"))
        self.assertIn("Huis van Herstel", text)
        self.assertIn("(0,66 fte)", text)
        self.assertIn("(1,5 fte)", text)
        self.assertIn("(1,3 fte)", text)
        self.assertIn("AVE 4", text)
        self.assertNotIn("12 weken", text)  # no zienswijze term on the jaarstukken (issue 14)
        almelo = read_text(os.path.join(out, "raadsbrief-2023-almelo.txt"))
        self.assertIn("AVE 1 signalering", almelo)
        self.assertIn("Extra bijdrage voor het resultaat", almelo)
        self.assertIn("een tekort van", almelo)

        book = read_workbook(os.path.join(out, "jaarverantwoording-2023.xlsx"))
        charts = {s["name"]: s["charts"] for s in book["sheets"]}
        self.assertEqual((charts["Baten"], charts["Lasten"]), (2, 1))
        got = {}
        for name in ("Lasten", "Baten"):
            bl = sheets(book)[name]
            column_of(bl, "Realisatie 2022")
            g = grid(bl)
            real = column_of(bl, "Realisatie")
            rows, _ = body_rows(bl)
            got.update({g[(r, "A")]["value"]: cents(g[(r, real)]["value"]) for r in rows})
        # The ledger in the debet/credit format (importer.debet-credit) with its own column names;
        # bedrag = debet − credit, so baten (rekening 8xxx, credit) come out negative and are negated.
        rules = {"ZVH01": "PERS-DIR", "ZVH02": "PERS-PR", "ZVH03": "PERS-ADM", "ZVH10": "HUIS", "ZVH20": "ICT",
                 "ZVH30": "PLATFORM", "ZVH90": "OV"}
        sums = {}
        with open(os.path.join(os.path.dirname(TWENTE), "grootboek-2023.csv"), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter=","):
                kp, rek = row["Kpl"], row["Rekening"]
                c = amount_point(row["Debet"]) - amount_point(row["Credit"])
                p = ("DJI" if rek.startswith("8") else "HVH") if kp == "HVH" else rules[kp]
                sums[p] = sums.get(p, 0) + (-c if p == "DJI" else c)
        for code, value in sums.items():
            self.assertEqual(got[code], value, code)
        totals = json.loads(run("bijdragen", "--config", TWENTE, "--format", "json").stdout)["totals"]
        self.assertEqual(got["GEM"], totals["inwonerbijdrage"])
        self.assertEqual(got["RIJK"], totals["rijksbijdrage"])

    def test_check_is_clean(self):
        r = run("check", "--config", TWENTE)
        self.assertExit(r, 0)
        self.assertEqual(r.stderr, "")


class BatenBronTest(JaarverantwoordingCase):
    """The text says where each baten figure comes from (issue 19): the posten whose Bron realisatie
    in the workbook names bijdragen under "uit de bijdragen", those naming the grootboek (or
    nothing: ledger-fed without bookings) under "uit het grootboek"; counts in Dutch singular/plural."""

    def items(self, config, year):
        out = self.path("out")
        r = run("run", "--config", config, "--out", out)
        self.assertExit(r, 0)
        text = read_text(os.path.join(out, "jaarverantwoording-%d.txt" % year))
        self.assertNotIn("Realisatie van de baten: de bijdragen van dit boekjaar", text)
        block = text.split("Realisatie van de baten:\n", 1)[1].lstrip("\n").split("\n\n", 1)[0]
        items = [re.sub(r"\n +", " ", i) for i in block.split("\n- ")]
        items[0] = items[0][2:]  # the first "- "
        book = read_workbook(os.path.join(out, "jaarverantwoording-%d.xlsx" % year))
        bl = sheets(book)["Baten"]
        g = grid(bl)
        rows, _ = body_rows(bl)
        naam, bron = column_of(bl, "Post"), column_of(bl, "Bron realisatie")
        posten = {g[(r, naam)]["value"]: g[(r, bron)]["value"] for r in rows}
        for value in list(posten.values()) + [text]:
            for n, noun in re.findall(r"\b(\d+) (regels?|boekingen|boeking)\b", value):
                self.assertEqual(noun in ("regel", "boeking"), n == "1", value)
        return items, posten

    def expected(self, posten, grootboek_bron):
        lijnen = [n for n, b in posten.items() if "bijdragen:" in b]
        ledger = [n for n, b in posten.items() if "grootboek:" in b or "bijdragen:" not in b]
        want = []
        if lijnen:
            want.append("uit de bijdragen van dit boekjaar (vhh bijdragen): " + ", ".join(lijnen) + ".")
        if ledger:
            want.append("uit het grootboek (" + grootboek_bron + "): " + ", ".join(ledger) + ".")
        return want

    def test_zeeland_baten_all_from_the_bijdragen(self):
        items, posten = self.items(ZEELAND, 2013)
        self.assertIn("bijdragen: rijksbijdrage (1 regel)", posten.values())
        self.assertEqual(items, self.expected(posten, "grootboekexport 2013 (illustratief)"))
        self.assertEqual(len(items), 1)

    def test_twente_names_the_baten_from_the_ledger(self):
        items, posten = self.items(TWENTE, 2023)
        self.assertEqual(items, self.expected(posten, "grootboekexport 2023 (illustratief)"))
        self.assertEqual(len(items), 2)
        self.assertTrue(items[1].endswith(": Bijdrage DJI pilot Huis van Herstel."), items)
        self.assertNotIn("DJI", items[0])


class BadInputTest(JaarverantwoordingCase):
    def fails(self, code, file_name, line, text, column=None):
        """check and run: the located error, the exit code, nothing written."""
        cfg = self.path("vhh.yaml")
        out = self.path("out")
        for args in (("check", "--config", cfg), ("run", "--config", cfg, "--out", out)):
            r = run(*args)
            self.assertExit(r, code)
            errs = [e for e in self.errors(r) if e[3] == "error"]
            self.assertTrue(any(e[0].endswith(file_name) and e[1] == line and text in e[4]
                                and (column is None or e[2] == column) for e in errs),
                            f"no error at {file_name}:{line} with {text!r}:\n{r.stderr}")
            self.assertEqual(r.stdout, "")
        self.assertFalse(os.path.exists(out), "a failed run wrote output")
        return r

    def test_wrong_number_of_fields(self):
        self.golden_copy()
        self.edit("grootboek.csv", "Huur;12.000,00", "Huur;12.000,00;extra")
        self.fails(65, "grootboek.csv", 4, "fields")

    def test_unparseable_amount(self):
        self.golden_copy()
        self.edit("grootboek.csv", "Huur;12.000,00", "Huur;12,000.00")
        self.fails(65, "grootboek.csv", 4, "expected an amount", column=25)

    def test_unparseable_date(self):
        self.golden_copy()
        self.edit("grootboek.csv", "01-02-2015;20", "2015-02-01;20")
        self.fails(65, "grootboek.csv", 4, "dd-mm-jjjj", column=1)

    def test_date_outside_boekjaar(self):
        self.golden_copy()
        self.edit("grootboek.csv", "01-02-2015;20", "01-02-2016;20")
        self.fails(65, "grootboek.csv", 4, "outside boekjaar 2015")

    def test_unknown_cost_centre(self):
        self.golden_copy()
        self.edit("grootboek.csv", "01-02-2015;20;", "01-02-2015;99;")
        r = self.fails(65, "grootboek.csv", 4, "kostenplaats '99'")
        self.assertIn("restpost", r.stderr)
        # The importer locates a ledger line by its date, not its kostenplaats: the error names the line.
        self.assertEqual([e[2] for e in self.errors(r) if "kostenplaats '99'" in e[4]], [None])

    def test_negative_count(self):
        self.golden_copy()
        self.edit("indicatoren.csv", "nazorg;GM1900;2;8", "nazorg;GM1900;2;-8")
        self.fails(65, "indicatoren.csv", 9, "negative count")

    def test_every_bad_line_in_one_run(self):
        self.golden_copy()
        self.edit("grootboek.csv", "Huur;12.000,00", "Huur;twaalf")
        self.edit("grootboek.csv", "Nazorgtraject;2.500,00", "Nazorgtraject;2,500")
        self.edit("indicatoren.csv", "COM-casus;GM0373;2;3", "COM-casus;GM9999;2;3")
        r = run("check", "--config", self.path("vhh.yaml"))
        self.assertExit(r, 65)
        errs = [(os.path.basename(e[0]), e[1]) for e in self.errors(r) if e[3] == "error"]
        self.assertEqual(sorted(errs), [("grootboek.csv", 4), ("grootboek.csv", 6), ("indicatoren.csv", 6)])

    def test_missing_input_file(self):
        self.golden_copy()
        os.remove(self.path("indicatoren.csv"))
        self.fails(66, "jaarverantwoording.yaml", self.line_of("jaarverantwoording.yaml", "indicatoren: "),
                   "indicatoren")

    def test_bad_configuration(self):
        self.golden_copy()
        self.edit("jaarverantwoording.yaml", "categorie: huisvesting", "categorie: rijksbijdrage")
        self.edit("jaarverantwoording.yaml", "{kostenplaats: \"30\", post: PROJ}", "{kostenplaats: \"30\", post: NOPE}")
        r = self.fails(78, "jaarverantwoording.yaml", self.line_of("jaarverantwoording.yaml", "categorie: rijksbijdrage"),
                       "not allowed for lasten")
        self.assertIn("unknown post 'NOPE'", r.stderr)

    def broken_template(self, name, content):
        self.golden_copy()
        os.mkdir(self.path("tpl"))
        with open(self.path("tpl", name), "w", encoding="utf-8") as f:
            f.write(content)
        with open(self.path("vhh.yaml"), "a", encoding="utf-8") as f:
            f.write("templates: tpl\n")

    def test_template_syntax_error(self):
        self.broken_template("raadsbrief.txt.mustache", "Aan {{gemeente}}\n{{#casussen}}\nopen section\n")
        out = self.path("out")
        for args in (("check", "--config", self.path("vhh.yaml")),
                     ("run", "--config", self.path("vhh.yaml"), "--out", out)):
            r = run(*args)
            self.assertExit(r, 78)
            errs = [e for e in self.errors(r) if e[3] == "error"]
            self.assertTrue(errs and all(e[0] == self.path("tpl", "raadsbrief.txt.mustache") for e in errs), r.stderr)
            self.assertTrue(any("casussen" in e[4] and e[1] == 2 for e in errs), r.stderr)
        self.assertFalse(os.path.exists(out))

    def test_template_unknown_tag(self):
        self.broken_template("raadsbrief.txt.mustache", "Aan {{gemeente}}\nBijdrage: {{bijdrage_totaal}}\n")
        r = run("run", "--config", self.path("vhh.yaml"), "--out", self.path("out"))
        self.assertExit(r, 78)
        errs = [e for e in self.errors(r) if e[3] == "error"]
        self.assertTrue(any(e[0] == self.path("tpl", "raadsbrief.txt.mustache") and e[1] == 2 and e[2] == 11
                            and "bijdrage_totaal" in e[4] for e in errs), r.stderr)
        self.assertFalse(os.path.exists(self.path("out")))
