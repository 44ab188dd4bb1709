"""financing.rijksbijdrage and financing.werkplekhuur end to end: `vhh bijdragen --format json` and
`vhh run` on configs built from the bundled Zeeland config, the sheets read back by an independent
reader (openpyxl) and compared with the JSON, their formulas recomputed, and every bad input with
its exit code and FILE:LINE:COL location."""
import json
import math
import os
import re
import shutil
from fractions import Fraction

from vhhtest import SOURCE_DIR, TEST_PLUGIN_DIR, VhhTestCase, read_text, read_workbook, run, zeeland_text

# test.partnerregister, a minimal partner registry built beside the loader test plugins
# (plugins/financing/werkplekhuur/tests/stub_registry.cpp), so these tests need no registry.partners.
STUB_DIR = os.path.join(os.path.dirname(TEST_PLUGIN_DIR), "plugins-werkplekhuur")
ZEELAND_PARTNERS = os.path.join(SOURCE_DIR, "config", "zeeland", "partners.yaml")
MAAS_EN_LEIJGRAAF = os.path.join(SOURCE_DIR, "config", "maas-en-leijgraaf", "vhh.yaml")
LOCATED = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<kind>error|warning): (?P<msg>.*)$", re.M)
PAYER = "Rijk (ministerie van Justitie en Veiligheid)"


def zeeland_base():
    """The bundled Zeeland config up to its financing.rijksbijdrage entry: region, gemeenten and
    financing.inwonerbijdrage, so that a test appends exactly the entries it is about."""
    text = zeeland_text()
    marker = "  - name: financing.rijksbijdrage\n"
    assert marker in text, "config/zeeland/vhh.yaml has no financing.rijksbijdrage entry"
    return text[:text.index(marker)]


# The document bijdragen-2013 (per source every line and the totals as formulas).
REPORT = "  - name: report.bijdragen\n"


def lines_of(data, source):
    return [l for l in data["lines"] if l["source"] == source]


def round_half_up(fraction):
    return math.floor(fraction + Fraction(1, 2))


# ------------------------------------------------------------------ an independent formula check

def _column_number(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n


def _column_letters(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(ord("A") + r) + s
    return s


def evaluate(formula, values):
    """Evaluates the formulas these sheets use (+ - * /, SUM, INT, ROUND over cells and ranges)
    with IEEE doubles, as a spreadsheet does; `values` maps a cell ref to its number."""
    ref = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?")

    def cell(r):
        v = values.get(r)
        return 0.0 if v is None or isinstance(v, str) else float(v)

    def substitute(m):
        if m.group(3) is None:
            return f"V('{m.group(1)}{m.group(2)}')"
        c1, r1, c2, r2 = _column_number(m.group(1)), int(m.group(2)), _column_number(m.group(3)), int(m.group(4))
        refs = [f"V('{_column_letters(c)}{r}')" for c in range(c1, c2 + 1) for r in range(r1, r2 + 1)]
        return "[" + ",".join(refs) + "]"

    def total(*args):
        s = 0.0
        for a in args:
            s += sum(a) if isinstance(a, list) else a
        return s

    def round_away(x, digits):
        m = 10 ** digits
        return math.copysign(math.floor(abs(x) * m + 0.5) / m, x)

    expr = ref.sub(substitute, formula.replace("ROUND(", "ROUND_(").replace("INT(", "INT_(").replace("SUM(", "SUM_("))
    return eval(expr, {"__builtins__": {}}, {"V": cell, "SUM_": total, "INT_": math.floor, "ROUND_": round_away})


def cells_of(sheet):
    return {c["ref"]: c for c in sheet["cells"]}


def values_of(cells):
    return {r: c["value"] for r, c in cells.items()}


class Base(VhhTestCase):
    def json_of(self, config, *extra):
        r = run("bijdragen", "--config", config, "--format", "json", *extra)
        self.assertExit(r, 0)
        return json.loads(r.stdout), r

    def run_book(self, config, *extra):
        """Runs; returns the calculation sheets (bijdragen-berekening-2013.xlsx) by name and their
        names, and keeps the document bijdragen-2013.xlsx (report.bijdragen) for assertTotaalSheet."""
        out = self.path("out")
        r = run("run", "--config", config, "--out", out, *extra)
        self.assertExit(r, 0)
        book = read_workbook(os.path.join(out, "bijdragen-berekening-2013.xlsx"))
        self.document = read_workbook(os.path.join(out, "bijdragen-2013.xlsx"))
        return {s["name"]: s for s in book["sheets"]}, [s["name"] for s in book["sheets"]]

    def assertMoneyCell(self, cell, cents, what=""):
        self.assertIsInstance(cell["value"], (int, float), what)
        self.assertAlmostEqual(cell["value"], cents / 100, places=9, msg=what)
        self.assertEqual(round(cell["value"] * 100), cents, what)

    def assertFormulaComputes(self, cells, ref):
        """The cell is a formula and recomputing it from the other cells gives its cached value."""
        c = cells[ref]
        self.assertIn("formula", c, f"{ref} is not a formula: {c}")
        got = evaluate(c["formula"], values_of(cells))
        self.assertAlmostEqual(got, c["value"], places=6, msg=f"{ref}: {c['formula']} = {got}, cached {c['value']}")

    def assertTotaalSheet(self, sheets, data):
        """The document bijdragen-2013.xlsx: a sheet per source with every line once and its total as
        a formula with the JSON total cached; the overall total likewise."""
        del sheets  # the calculation sheets; the totals are in the document
        book = {s["name"]: cells_of(s) for s in self.document["sheets"]}
        for source, cents in data["totals"].items():
            if source == "total":
                continue
            cells = book[source[0].upper() + source[1:] + " per betaler"]
            lines = [l for l in data["lines"] if l["source"] == source]
            for i, line in enumerate(lines):
                self.assertEqual(cells[f"A{i + 2}"]["value"], line["payer_id"])
                self.assertMoneyCell(cells[f"C{i + 2}"], line["amount_cents"], f"{source} C{i + 2}")
            total = cells[f"C{len(lines) + 2}"]
            self.assertTrue(total.get("formula", "").startswith("SUM("), f"{source}: {total}")
            self.assertMoneyCell(total, cents, f"total of {source}")
        summary = book["Totaal per bron"]
        grand = [c for c in summary.values() if "formula" in c and c["ref"][0] == "B"][-1]
        self.assertMoneyCell(grand, data["totals"]["total"], "total of all sources")


class BundledZeelandTest(Base):
    def test_rijksbijdrage_is_paid_to_middelburg(self):
        r = run("bijdragen", "--format", "json")
        self.assertExit(r, 0)
        data = json.loads(r.stdout)
        lines = lines_of(data, "rijksbijdrage")
        self.assertEqual(len(lines), 1)
        line = lines[0]
        self.assertEqual(line["payer_id"], "RIJK")
        self.assertEqual(line["payer"], PAYER)
        self.assertEqual(line["amount_cents"], 16170000)  # € 161.700 (regeling 2013)
        self.assertEqual(line["inputs"], {"ontvanger": "GM0687", "bedrag_cents": 16170000})
        self.assertIn("centrumgemeente Middelburg (GM0687)", line["basis"])
        self.assertEqual(data["totals"]["rijksbijdrage"], 16170000)

    def test_werkplekhuur_bills_what_the_configured_registry_holds(self):
        # The bundled config takes its werkplekken from the partner registry when one is configured
        # (registry.partners, config/zeeland/partners.yaml); the expected figures come from
        # `vhh partners`, independently of werkplekhuur. Without a registry there is nothing to bill.
        r = run("bijdragen", "--format", "json")
        self.assertExit(r, 0)
        data = json.loads(r.stdout)
        lines = lines_of(data, "werkplekhuur")
        if "registry.partners" in zeeland_text():
            p = run("partners", "--format", "json")
            self.assertExit(p, 0)
            partners = [x for x in json.loads(p.stdout)["partners"] if x["werkplek_maanden"] > 0]
            self.assertEqual([l["payer_id"] for l in lines], [x["id"] for x in partners])
            maanden = sum(x["werkplek_maanden"] for x in partners)
            self.assertEqual(data["totals"]["werkplekhuur"], round_half_up(Fraction(500000 * maanden, 12)))
            for line, partner in zip(lines, partners):
                self.assertEqual(line["inputs"]["werkplek_maanden"], partner["werkplek_maanden"])
                self.assertEqual(line["inputs"]["tarief_cents"], 500000)  # € 5.000 per werkplek per jaar
        else:
            self.assertEqual(lines, [])
            self.assertNotIn("werkplekhuur", data["totals"])
            self.assertIn("warning: geen partners met werkplekken in 2013", r.stderr)


class ZeelandWithPartnerRegistryTest(Base):
    """The bundled Zeeland config with the partner registry of config/zeeland/partners.yaml."""

    def setUp(self):
        super().setUp()
        if not os.path.exists(ZEELAND_PARTNERS):
            self.skipTest("config/zeeland/partners.yaml is not there")
        plugins = json.loads(run("plugins", "--format", "json").stdout)["plugins"]
        if not any(p["name"] == "registry.partners" and p["status"] == "ok" for p in plugins):
            self.skipTest("plugin registry.partners is not built")
        shutil.copy(ZEELAND_PARTNERS, self.path("partners.yaml"))
        text = zeeland_text()
        if "registry.partners" not in text:
            text += "  - name: registry.partners\n    bestand: partners.yaml\n"
        self.config = self.write_config(text)

    def test_werkplekhuur_comes_from_the_registry(self):
        data, _ = self.json_of(self.config)
        p = run("partners", "--config", self.config, "--format", "json")
        self.assertExit(p, 0)
        housed = [x for x in json.loads(p.stdout)["partners"] if x["werkplek_maanden"] > 0]
        self.assertGreater(len(housed), 0)
        lines = lines_of(data, "werkplekhuur")
        self.assertEqual([(l["payer_id"], l["payer"]) for l in lines], [(x["id"], x["naam"]) for x in housed])
        for line, partner in zip(lines, housed):
            self.assertEqual(line["amount_cents"], 500000 * partner["werkplek_maanden"] // 12 +
                             line["inputs"]["restcent"])
        maanden = sum(x["werkplek_maanden"] for x in housed)
        self.assertEqual(data["totals"]["werkplekhuur"], round_half_up(Fraction(500000 * maanden, 12)))
        self.assertEqual(data["totals"]["total"], sum(v for k, v in data["totals"].items() if k != "total"))

    def test_own_partners_beside_the_registry_are_an_error(self):
        text = read_text(self.config).replace(
            "    tarief: 5000.00", "    tarief: 5000.00\n    partners:\n      - {id: om, naam: OM}", 1)
        cfg = self.write_config(text)
        line = text[:text.index("      - {id: om")].count("\n") + 1
        r = run("check", "--config", cfg)
        self.assertExit(r, 78)
        errs = [e for e in LOCATED.finditer(r.stderr) if e["kind"] == "error"]
        self.assertTrue(any(e["file"] == cfg and int(e["line"]) == line and int(e["col"]) == 7 and
                            "plugins[2].partners: partners are given here and also by the partner registry" in e["msg"]
                            for e in errs), r.stderr)
        self.assertIn("remove this 'partners' list", r.stderr)


class WerkplekhuurTest(Base):
    # Partial years (pro rata by whole months) so that shares are not whole cents:
    #   bjz  1 werkplek from 15 March: April-December, 9 months: € 3.750,00
    #   rn   1 werkplek until 31 July: 7 months: € 2.916,66 + 8/12 cent -> gets the remainder cent
    #   halt 1 werkplek from 1 August: 5 months: € 2.083,33 + 4/12 cent
    #   om   2 werkplekken all year, then 3 from 2014: 24 months: € 10.000,00
    # total 45 werkplek-maanden × € 5.000 / 12 = € 18.750,00 exactly.
    PARTNERS = """    partners:
      - id: bjz
        naam: Bureau Jeugdzorg
        werkplekken: [{aantal: 1, van: 2013-03-15}]
      - id: rn
        naam: Reclassering Nederland
        werkplekken: [{aantal: 1, van: 2012-01-01, tot: 2013-07-31}]
      - id: halt
        naam: Halt
        werkplekken: [{aantal: 1, van: 2013-08-01, tot: 2013-12-31}]
      - id: om
        naam: Openbaar Ministerie
        werkplekken:
          - {aantal: 2, van: 2012-01-01, tot: 2013-12-31}
          - {aantal: 3, van: 2014-01-01}
      - id: later
        naam: Pas in 2014
        werkplekken: [{aantal: 4, van: 2014-01-01}]
"""
    EXPECTED = [("bjz", 9, 375000, 0), ("rn", 7, 291667, 1), ("halt", 5, 208333, 0), ("om", 24, 1000000, 0)]

    def config(self, tarief="    tarief: 5000.00\n", partners=PARTNERS):
        return self.write_config(zeeland_base() + "  - name: financing.werkplekhuur\n" + tarief + partners + REPORT)

    def test_pro_rata_by_whole_months_exact_to_the_cent(self):
        data, _ = self.json_of(self.config())
        lines = lines_of(data, "werkplekhuur")
        self.assertEqual([(l["payer_id"], l["inputs"]["werkplek_maanden"], l["amount_cents"], l["inputs"]["restcent"])
                          for l in lines], self.EXPECTED)
        self.assertEqual(data["totals"]["werkplekhuur"], 1875000)
        for line in lines:
            self.assertEqual(line["inputs"]["tarief_cents"], 500000)
            exact = Fraction(500000 * line["inputs"]["werkplek_maanden"], 12)
            self.assertLess(abs(line["amount_cents"] - exact), 1)
        self.assertIn("restcent (grootste rest)", lines[1]["basis"])
        self.assertIn("7 werkplek-maanden in 2013 (1 × 7 mnd) × € 5.000,00", lines[1]["basis"])
        self.assertIn("afgerond omlaag", lines[2]["basis"])
        self.assertEqual(lines[3]["payer"], "Openbaar Ministerie")

    def test_tarief_of_the_boekjaar_from_tarieven(self):
        tarieven = "    tarieven:\n      - {jaar: 2012, tarief: 4900.00}\n      - {jaar: 2013, tarief: 5150.00}\n"
        data, _ = self.json_of(self.config(tarief=tarieven))
        lines = lines_of(data, "werkplekhuur")
        self.assertEqual({l["inputs"]["tarief_cents"] for l in lines}, {515000})
        self.assertEqual(data["totals"]["werkplekhuur"], round_half_up(Fraction(515000 * 45, 12)))  # € 19.312,50
        self.assertEqual(data["totals"]["werkplekhuur"], 1931250)

    def test_workbook_sheet_matches_json(self):
        cfg = self.config()
        data, _ = self.json_of(cfg)
        sheets, names = self.run_book(cfg)
        self.assertEqual(names, ["Inwonerbijdrage", "Werkplekhuur"])
        cells = cells_of(sheets["Werkplekhuur"])
        self.assertEqual([cells[f"{c}1"]["value"] for c in "ABCDEF"],
                         ["Id", "Partner", "Werkplek-maanden 2013", "Tarief per werkplek per jaar", "Restcent",
                          "Bedrag"])
        lines = lines_of(data, "werkplekhuur")
        for i, line in enumerate(lines):
            row = i + 2
            self.assertEqual(cells[f"A{row}"]["value"], line["payer_id"])
            self.assertEqual(cells[f"B{row}"]["value"], line["payer"])
            self.assertEqual(cells[f"C{row}"]["value"], line["inputs"]["werkplek_maanden"])
            self.assertMoneyCell(cells[f"D{row}"], line["inputs"]["tarief_cents"])
            self.assertEqual(cells[f"E{row}"]["value"], line["inputs"]["restcent"])
            self.assertEqual(cells[f"F{row}"]["formula"], f"(INT(C{row}*ROUND(D{row}*100,0)/12)+E{row})/100")
            self.assertMoneyCell(cells[f"F{row}"], line["amount_cents"], f"F{row}")
            self.assertFormulaComputes(cells, f"F{row}")
        total = len(lines) + 2
        self.assertEqual(cells[f"A{total}"]["value"], "Totaal")
        self.assertEqual(cells[f"C{total}"]["formula"], f"SUM(C2:C{total - 1})")
        self.assertEqual(cells[f"C{total}"]["value"], 45)
        self.assertEqual(cells[f"F{total}"]["formula"], f"SUM(F2:F{total - 1})")
        self.assertMoneyCell(cells[f"F{total}"], data["totals"]["werkplekhuur"])
        self.assertTrue(cells[f"F{total}"]["bold"])
        check = total + 1
        self.assertTrue(cells[f"A{check}"]["value"].startswith("Controle"))
        self.assertMoneyCell(cells[f"F{check}"], data["totals"]["werkplekhuur"])
        for ref in (f"C{total}", f"E{total}", f"F{total}", f"F{check}"):
            self.assertFormulaComputes(cells, ref)
        self.assertEqual(sheets["Werkplekhuur"]["freeze_panes"], "A2")
        self.assertTotaalSheet(sheets, data)

    # The controller's trial: 4 werkplekken until 14 March, 5 from 15 March, € 4.800 per werkplek per
    # year. Billing only the months a period covers entirely gave 53 werkplek-maanden (March billed to
    # nobody, € 1.600 short); every pro_rata rule bills March once.
    CHANGE_IN_MARCH = """    partners:
      - id: bjz
        naam: Bureau Jeugdzorg
        werkplekken:
          - {aantal: 4, van: 2013-01-01, tot: 2013-03-14}
          - {aantal: 5, van: 2013-03-15}
"""

    def test_pro_rata_rules_bill_a_change_in_march_once(self):
        for rule, setting, unit, units, per_year, cents in (
                ("eerste_van_de_maand", "", "werkplek_maanden", 57, 12, 2280000),
                ("grootste_deel", "    pro_rata: grootste_deel\n", "werkplek_maanden", 58, 12, 2320000),
                ("dagen", "    pro_rata: dagen\n", "werkplek_dagen", 4 * 73 + 5 * 292, 365, 2304000)):
            with self.subTest(rule=rule):
                cfg = self.config(tarief="    tarief: 4800.00\n" + setting, partners=self.CHANGE_IN_MARCH)
                data, _ = self.json_of(cfg)
                [line] = lines_of(data, "werkplekhuur")
                self.assertEqual(line["inputs"][unit], units)
                self.assertEqual(line["amount_cents"], cents)
                self.assertEqual(line["amount_cents"], round_half_up(Fraction(480000 * units, per_year)))
                self.assertIn("pro rata naar ", line["basis"])
                sheets, _ = self.run_book(cfg)
                cells = cells_of(sheets["Werkplekhuur"])
                self.assertEqual(cells["C2"]["value"], units)
                self.assertEqual(cells["F2"]["formula"], f"(INT(C2*ROUND(D2*100,0)/{per_year})+E2)/100")
                self.assertMoneyCell(cells["F2"], cents, "F2")
                self.assertFormulaComputes(cells, "F2")

    def test_an_unknown_pro_rata_rule_is_refused_with_a_suggestion(self):
        cfg = self.config(tarief="    tarief: 4800.00\n    pro_rata: dag\n", partners=self.CHANGE_IN_MARCH)
        for command in ("check", "bijdragen"):
            r = run(command, "--config", cfg)
            self.assertEqual(r.returncode, 78, r.stderr)
            self.assertRegex(r.stderr, r"plugins\[\d\]\.pro_rata: .*'dag'")
            self.assertIn("dagen", r.stderr)

    def test_partners_from_a_partner_registry(self):
        text = zeeland_base() + "  - name: test.partnerregister\n" + self.PARTNERS + \
            "  - name: financing.werkplekhuur\n    tarief: 5000.00\n"
        cfg = self.write_config(text)
        data, _ = self.json_of(cfg, "--plugin-dir", STUB_DIR)
        lines = lines_of(data, "werkplekhuur")
        self.assertEqual([(l["payer_id"], l["inputs"]["werkplek_maanden"], l["amount_cents"], l["inputs"]["restcent"])
                          for l in lines], self.EXPECTED)

    def test_own_partners_beside_a_registry_are_an_error(self):
        text = zeeland_base() + "  - name: test.partnerregister\n" + self.PARTNERS + \
            "  - name: financing.werkplekhuur\n    tarief: 5000.00\n    partners: []\n"
        cfg = self.write_config(text)
        line = text.count("\n")  # the last line: partners: []
        for args in (("check",), ("bijdragen", "--format", "json")):
            r = run(*args, "--config", cfg, "--plugin-dir", STUB_DIR)
            self.assertExit(r, 78)
            self.assertEqual(r.stdout, "")
            self.assertRegex(r.stderr, rf"(?m)^{re.escape(cfg)}:{line}:15: error: plugins\[2\]\.partners: partners "
                                       r"are given here and also by the partner registry$")
            self.assertIn("remove this 'partners' list", r.stderr)

    def test_no_partners_is_a_warning_and_no_bill(self):
        cfg = self.config(partners="")
        entry = zeeland_base().count("\n") + 1
        data, r = self.json_of(cfg)
        self.assertEqual(lines_of(data, "werkplekhuur"), [])
        self.assertNotIn("werkplekhuur", data["totals"])
        warnings = [m for m in LOCATED.finditer(r.stderr) if m["kind"] == "warning"]
        self.assertTrue(any(int(m["line"]) == entry and "geen partners met werkplekken in 2013" in m["msg"]
                            for m in warnings), r.stderr)
        sheets, names = self.run_book(cfg)
        self.assertEqual(names, ["Inwonerbijdrage", "Werkplekhuur"])
        cells = cells_of(sheets["Werkplekhuur"])
        self.assertEqual(cells["A2"]["value"], "Totaal")
        self.assertEqual(cells["F2"]["value"], 0)


class RijksbijdrageTest(Base):
    def config(self, settings):
        return self.write_config(zeeland_base() + "  - name: financing.rijksbijdrage\n" + settings + REPORT)

    def test_explicit_ontvanger(self):
        data, _ = self.json_of(self.config("    bedrag: 161700.00\n    ontvanger: GM0718\n"))
        line = lines_of(data, "rijksbijdrage")[0]
        self.assertEqual(line["inputs"]["ontvanger"], "GM0718")
        self.assertIn("via gemeente Vlissingen (GM0718)", line["basis"])

    def test_locations_by_weight_largest_remainder(self):
        cfg = self.config("    bedrag: 161700.01\n    locaties:\n      - {naam: Noord, gewicht: 1}\n"
                          "      - {naam: Midden, gewicht: 1}\n      - {naam: Zuid, gewicht: 1}\n")
        data, _ = self.json_of(cfg)
        lines = lines_of(data, "rijksbijdrage")
        self.assertEqual([l["amount_cents"] for l in lines], [5390001, 5390000, 5390000])
        self.assertEqual(sum(l["amount_cents"] for l in lines), 16170001)
        self.assertEqual([l["inputs"]["locatie"] for l in lines], ["Noord", "Midden", "Zuid"])
        self.assertEqual([l["inputs"]["restcent"] for l in lines], [1, 0, 0])
        for l in lines:
            self.assertEqual(l["payer_id"], "RIJK")
            self.assertEqual(l["inputs"]["gewicht"], 1)
            self.assertEqual(l["inputs"]["gewicht_totaal"], 3)
            self.assertEqual(l["inputs"]["ontvanger"], "GM0687")
            self.assertEqual(l["inputs"]["totaal_cents"], 16170001)
        self.assertIn("restcent", lines[0]["basis"])

        sheets, names = self.run_book(cfg)
        self.assertEqual(names, ["Inwonerbijdrage", "Rijksbijdrage"])
        cells = cells_of(sheets["Rijksbijdrage"])
        self.assertEqual([cells[f"{c}1"]["value"] for c in "ABCDEFG"],
                         ["Omschrijving", "CBS-code ontvanger", "Ontvanger", "Gewicht", "Aandeel", "Restcent", "Bedrag"])
        self.assertMoneyCell(cells["G2"], 16170001)
        self.assertNotIn("formula", cells["G2"])  # the bedrag is an input
        self.assertEqual(cells["B2"]["value"], "GM0687")
        for i, line in enumerate(lines):
            row = i + 3
            self.assertEqual(cells[f"A{row}"]["value"], "Locatie " + line["inputs"]["locatie"])
            self.assertEqual(cells[f"D{row}"]["value"], line["inputs"]["gewicht"])
            self.assertEqual(cells[f"F{row}"]["value"], line["inputs"]["restcent"])
            self.assertEqual(cells[f"G{row}"]["formula"], f"(INT(ROUND($G$2*100,0)*D{row}/SUM($D$3:$D$5))+F{row})/100")
            self.assertMoneyCell(cells[f"G{row}"], line["amount_cents"], f"G{row}")
            self.assertFormulaComputes(cells, f"G{row}")
            self.assertFormulaComputes(cells, f"E{row}")
        self.assertEqual(cells["A6"]["value"], "Totaal locaties")
        self.assertEqual(cells["G6"]["formula"], "SUM(G3:G5)")
        self.assertMoneyCell(cells["G6"], 16170001)
        self.assertFormulaComputes(cells, "G6")
        self.assertTotaalSheet(sheets, data)

    def test_locations_by_percentage(self):
        cfg = self.config("    bedrag: 161700.00\n    locaties:\n      - {naam: A, percentage: 45}\n"
                          "      - {naam: B, percentage: 31.25}\n      - {naam: C, percentage: 23.75}\n")
        data, _ = self.json_of(cfg)
        lines = lines_of(data, "rijksbijdrage")
        self.assertEqual([l["amount_cents"] for l in lines], [7276500, 5053125, 3840375])
        self.assertEqual([l["inputs"]["percentage_ppm"] for l in lines], [450000, 312500, 237500])
        sheets, _ = self.run_book(cfg)
        cells = cells_of(sheets["Rijksbijdrage"])
        self.assertEqual(cells["D1"]["value"], "Percentage")
        for i, line in enumerate(lines):
            self.assertMoneyCell(cells[f"G{i + 3}"], line["amount_cents"])
            self.assertFormulaComputes(cells, f"G{i + 3}")

    def test_whole_bedrag_sheet(self):
        cfg = self.config("    bedrag: 161700.00\n")
        sheets, _ = self.run_book(cfg)
        cells = cells_of(sheets["Rijksbijdrage"])
        self.assertEqual([cells[f"{c}2"]["value"] for c in "ABC"], [PAYER, "GM0687", "Middelburg"])
        self.assertMoneyCell(cells["D2"], 16170000)
        self.assertEqual(cells["D3"]["formula"], "SUM(D2:D2)")
        self.assertMoneyCell(cells["D3"], 16170000)


class MaasEnLeijgraafTest(Base):
    """Begroting € 465.000 = rijksbijdrage € 125.000 + gemeentelijke bijdrage € 237.000 + verhuur
    werkplekken € 103.000 (seed): 20 werkplekken for the whole of 2015 at € 5.150."""

    def test_the_begroting_adds_up(self):
        if not os.path.exists(MAAS_EN_LEIJGRAAF):
            self.skipTest("config/maas-en-leijgraaf/vhh.yaml is not there")
        folder = os.path.dirname(MAAS_EN_LEIJGRAAF)
        for name in os.listdir(folder):
            if name.endswith(".yaml") and name != "vhh.yaml":
                shutil.copy(os.path.join(folder, name), self.path(name))
        text = read_text(MAAS_EN_LEIJGRAAF)
        extra = ()
        if "registry.partners" not in text:
            # No registry configured there (yet): the 20 werkplekken through the test registry.
            text += ("  - name: test.partnerregister\n    partners:\n"
                     "      - {id: politie, naam: Politie, werkplekken: [{aantal: 6, van: 2015-01-01, tot: 2015-12-31}]}\n"
                     "      - {id: rn, naam: Reclassering Nederland, werkplekken: [{aantal: 14, van: 2015-01-01}]}\n")
            extra = ("--plugin-dir", STUB_DIR)
        data, _ = self.json_of(self.write_config(text), *extra)
        self.assertEqual(data["year"], 2015)
        rijk = lines_of(data, "rijksbijdrage")
        self.assertEqual(len(rijk), 1)
        self.assertEqual(rijk[0]["inputs"], {"ontvanger": "GM0828", "bedrag_cents": 12500000})
        self.assertIn("Oss (GM0828)", rijk[0]["basis"])
        werkplekken = lines_of(data, "werkplekhuur")
        self.assertEqual(sum(l["inputs"]["werkplek_maanden"] for l in werkplekken), 20 * 12)
        self.assertEqual(data["totals"]["rijksbijdrage"], 12500000)
        self.assertEqual(data["totals"]["werkplekhuur"], 10300000)
        self.assertEqual(data["totals"]["inwonerbijdrage"], 23700000)
        self.assertEqual(data["totals"]["total"], 46500000)


class BadInputTest(Base):
    def errors(self, result):
        return [(m["file"], int(m["line"]), int(m["col"]), m["msg"]) for m in LOCATED.finditer(result.stderr)
                if m["kind"] == "error"]

    def position(self, text, needle, offset=0):
        """1-based line and column of the first `needle` in `text`, plus `offset` columns."""
        i = text.index(needle) + offset
        return text[:i].count("\n") + 1, i - text.rfind("\n", 0, i)

    def check_fails(self, text, code, expected, *extra):
        """check, run and bijdragen all fail with `code`, report every (line, col, text) of
        `expected` at that location, and write nothing."""
        cfg = self.write_config(text)
        out = self.path("out")
        for args in (("check", "--config", cfg), ("run", "--config", cfg, "--out", out),
                     ("bijdragen", "--config", cfg, "--format", "json")):
            r = run(*args, *extra)
            self.assertExit(r, code)
            errs = self.errors(r)
            for line, col, msg in expected:
                self.assertTrue(any(e[0] == cfg and e[1] == line and e[2] == col and msg in e[3] for e in errs),
                                f"{args[0]}: no error at {line}:{col} containing {msg!r}:\n{r.stderr}")
            self.assertEqual(r.stdout, "")
        self.assertFalse(os.path.exists(out), "a failed run wrote output")
        self.assertEqual(sorted(os.listdir(self.tmp)), sorted(self.bundled_companions() + ["vhh.yaml"]), "stray files")
        return cfg

    def rijks(self, settings):
        return zeeland_base() + "  - name: financing.rijksbijdrage\n" + settings

    def werkplek(self, settings):
        return zeeland_base() + "  - name: financing.werkplekhuur\n" + settings

    def test_ontvanger_not_a_gemeente_of_the_region(self):
        text = self.rijks("    bedrag: 161700.00\n    ontvanger: GM0828\n")
        line, col = self.position(text, "GM0828")
        self.check_fails(text, 78, [(line, col, "plugins[1].ontvanger: gemeente GM0828 is not one of the region's gemeenten")])

    def test_location_weights_all_zero(self):
        text = self.rijks("    bedrag: 161700.00\n    locaties:\n      - {naam: A, gewicht: 0}\n"
                          "      - {naam: B, gewicht: 0}\n")
        line, col = self.position(text, "- {naam: A")
        self.check_fails(text, 65, [(line, col, "plugins[1].locaties: the locations' weights are all zero")])

    def test_negative_bedrag(self):
        text = self.rijks("    bedrag: -161700.00\n")
        line, col = self.position(text, "-161700.00")
        self.check_fails(text, 65, [(line, col, "plugins[1].bedrag: expected an amount in euros from 0")])

    def test_werkplek_ending_before_it_starts(self):
        text = self.werkplek("    tarief: 5000.00\n    partners:\n      - id: om\n        naam: OM\n"
                             "        werkplekken: [{aantal: 1, van: 2013-06-01, tot: 2013-05-31}]\n")
        line, col = self.position(text, "2013-05-31")
        self.check_fails(text, 65, [(line, col, "plugins[1].partners[0].werkplekken[0].tot: werkplek period of 'OM' ends on "
                                                "2013-05-31, before it starts on 2013-06-01")])

    def test_overlapping_periods_name_both_locations(self):
        text = self.werkplek("    tarief: 5000.00\n    partners:\n      - id: rn\n        naam: RN\n"
                             "        werkplekken:\n          - {aantal: 1, van: 2013-01-01, tot: 2013-12-31}\n"
                             "          - {aantal: 2, van: 2013-07-01}\n")
        first = self.position(text, "1, van: 2013-01-01")
        line, col = self.position(text, "2, van: 2013-07-01")
        cfg = self.check_fails(text, 65, [(line, col, "plugins[1].partners[0].werkplekken[1]: werkplek period "
                                                      "2013-07-01 t/m open of 'RN' overlaps "
                                                      "plugins[1].partners[0].werkplekken[0] (2013-01-01 t/m 2013-12-31) "
                                                      f"at {self.path('vhh.yaml')}:{first[0]}:{first[1]}")])
        self.assertEqual(len(self.errors(run("check", "--config", cfg))), 1)

    def test_negative_aantal(self):
        text = self.werkplek("    tarief: 5000.00\n    partners:\n      - id: om\n        naam: OM\n"
                             "        werkplekken: [{aantal: -1, van: 2013-01-01}]\n")
        line, col = self.position(text, "-1, van")
        self.check_fails(text, 65, [(line, col, "plugins[1].partners[0].werkplekken[0].aantal: expected a whole number from 0")])

    def test_tarief_missing_for_the_boekjaar(self):
        text = self.werkplek("    tarieven:\n      - {jaar: 2012, tarief: 4900.00}\n      - {jaar: 2014, tarief: 5100.00}\n")
        line, col = self.position(text, "- {jaar: 2012")
        cfg = self.check_fails(text, 78, [(line, col, "plugins[1].tarieven: no tarief for boekjaar 2013")])
        self.assertIn("tarieven gives 2012, 2014", run("check", "--config", cfg).stderr)

    def test_no_tarief_at_all(self):
        text = self.werkplek("    partners: []\n")
        line, col = self.position(text, "name: financing.werkplekhuur")  # the plugin entry
        self.check_fails(text, 78, [(line, col, "plugins[1]: no tarief for werkplekhuur in boekjaar 2013")])

    def test_tarief_and_tarieven(self):
        text = self.werkplek("    tarief: 5000.00\n    tarieven: [{jaar: 2013, tarief: 5000.00}]\n")
        line, col = self.position(text, "[{jaar")
        self.check_fails(text, 78, [(line, col, "plugins[1].tarieven: both 'tarief' and 'tarieven' are given")])

    def test_every_error_of_the_file_in_one_run(self):
        text = (zeeland_base() +
                "  - name: financing.rijksbijdrage\n    bedrag: 161700.00\n    ontvanger: GM0999\n"
                "    locaties: [{naam: A, gewicht: 0}]\n"
                "  - name: financing.werkplekhuur\n    tarieven: [{jaar: 2014, tarief: 5100.00}]\n    partners:\n"
                "      - id: om\n        naam: OM\n        werkplekken:\n"
                "          - {aantal: 1, van: 2013-06-01, tot: 2013-05-31}\n"
                "          - {aantal: 1, van: 2013-01-01}\n          - {aantal: 1, van: 2014-01-01}\n")
        expected = [(*self.position(text, "GM0999"), "plugins[1].ontvanger: gemeente GM0999 is not one of the region"),
                    (*self.position(text, "[{naam: A"), "plugins[1].locaties: the locations' weights are all zero"),
                    (*self.position(text, "[{jaar: 2014"), "plugins[2].tarieven: no tarief for boekjaar 2013"),
                    (*self.position(text, "2013-05-31"), "plugins[2].partners[0].werkplekken[0].tot: werkplek period"),
                    (*self.position(text, "1, van: 2014-01-01"),
                     "plugins[2].partners[0].werkplekken[2]: werkplek period 2014-01-01 t/m open of 'OM' overlaps "
                     "plugins[2].partners[0].werkplekken[1]")]
        self.check_fails(text, 78, expected)
        r = run("check", "--config", self.path("vhh.yaml"))
        self.assertEqual(len(self.errors(r)), 5, r.stderr)
