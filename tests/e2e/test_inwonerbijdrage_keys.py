"""financing.inwonerbijdrage through the real binary: every key (per_inwoner, pro_rata,
vast_plus_inwoner, vaste_bedragen), afronding, indexatie, herindelingen and the afrekening.
The bundled Maas & Leijgraaf config gives € 237.000 with Boekel € 3.213; its boekjaar-2017
variant has Meierijstad. Every workbook formula of the plugin's sheets is recomputed here with
exact fractions from the cells' inputs and must give the cached value, which must match the JSON.
Bad input: located errors with the contract's exit codes, nothing written."""
import json
import os
import random
import re
from fractions import Fraction

from vhhtest import SOURCE_DIR, VhhTestCase, read_text, read_workbook, run, zeeland_text

MAAS = os.path.join(SOURCE_DIR, "config", "maas-en-leijgraaf", "vhh.yaml")
LOCATED = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|note): (?P<msg>.*)$", re.M)
PLUGIN = "financing.inwonerbijdrage"
# Indicative populations of the bundled Maas & Leijgraaf config (2015).
MAAS_INWONERS = {"GM1721": 29700, "GM0755": 10100, "GM0756": 28800, "GM1684": 24700, "GM0786": 12500,
                 "GM1685": 14900, "GM0815": 12500, "GM0828": 90800, "GM1702": 11500, "GM0846": 17700,
                 "GM0856": 40500, "GM0860": 37300}


# --------------------------------------------------------------------------------------------
# A small exact evaluator for the formulas the plugin writes (independent of vhh's own arithmetic).

TOKEN = re.compile(r"\s*(?:(?P<func>[A-Z]+)(?=\()|(?P<ref>(?:'(?:[^']|'')*'!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)"
                   r"|(?P<num>\d+(?:\.\d+)?)|(?P<op>[-+*/(),]))")


def exact(value):
    """A cell value as an exact fraction (money and percentages are stored as decimal doubles)."""
    if value is None or isinstance(value, str):
        return Fraction(0)
    if isinstance(value, bool):
        return Fraction(int(value))
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


def round_half_away(x, digits):
    scale = Fraction(10) ** digits
    y = abs(x) * scale
    whole = y.numerator // y.denominator
    if y - whole >= Fraction(1, 2):
        whole += 1
    return (whole if x >= 0 else -whole) / scale


def round_down(x, digits):
    scale = Fraction(10) ** digits
    y = abs(x) * scale
    whole = y.numerator // y.denominator
    return (whole if x >= 0 else -whole) / scale


def split_ref(ref):
    m = re.fullmatch(r"\$?([A-Z]+)\$?(\d+)", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return col, int(m.group(2))


def letters(col):
    s = ""
    while col:
        col, r = divmod(col - 1, 26)
        s = chr(65 + r) + s
    return s


class Book:
    """Recomputes formula cells of a workbook read by tools/read_workbook.py."""

    def __init__(self, book):
        self.sheets = {s["name"]: {c["ref"]: c for c in s["cells"]} for s in book["sheets"]}
        self.memo = {}

    def cell(self, sheet, ref):
        key = (sheet, ref)
        if key not in self.memo:
            c = self.sheets[sheet].get(ref)
            if c is None:
                self.memo[key] = Fraction(0)
            elif "formula" in c:
                self.memo[key] = self.evaluate(sheet, c["formula"])
            else:
                self.memo[key] = exact(c["value"])
        return self.memo[key]

    def values(self, sheet, ref):
        if "!" in ref:
            name, ref = ref.rsplit("!", 1)
            sheet = name[1:-1].replace("''", "'")
        if ":" in ref:
            (c1, r1), (c2, r2) = (split_ref(p) for p in ref.split(":"))
            return [self.cell(sheet, f"{letters(c)}{r}") for c in range(c1, c2 + 1) for r in range(r1, r2 + 1)]
        col, row = split_ref(ref)
        return [self.cell(sheet, f"{letters(col)}{row}")]

    def evaluate(self, sheet, formula):
        return Parser(self, sheet, formula).parse()


class Parser:
    """Recursive descent over one formula; cell references are evaluated through the Book."""

    def __init__(self, book, sheet, formula):
        self.book, self.sheet, self.formula = book, sheet, formula
        self.tokens = []
        pos = 0
        while pos < len(formula):
            m = TOKEN.match(formula, pos)
            if not m or m.end() == pos:
                raise ValueError(f"cannot read formula {formula!r} at {pos}")
            self.tokens.append((m.lastgroup, m.group(m.lastgroup)))
            pos = m.end()
        self.i = 0

    def parse(self):
        value = self.expr()
        if self.i != len(self.tokens):
            raise ValueError(f"trailing tokens in {self.formula!r}")
        return value

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else (None, None)

    def take(self, text=None):
        tok = self.tokens[self.i]
        if text is not None and tok[1] != text:
            raise ValueError(f"expected {text!r}, got {tok[1]!r} in {self.formula!r}")
        self.i += 1
        return tok

    def expr(self):
        v = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            w = self.term()
            v = v + w if op == "+" else v - w
        return v

    def term(self):
        v = self.unary()
        while self.peek()[1] in ("*", "/"):
            op = self.take()[1]
            w = self.unary()
            v = v * w if op == "*" else v / w
        return v

    def unary(self):
        if self.peek()[1] == "-":
            self.take()
            return -self.unary()
        return self.primary()

    def primary(self):
        kind, text = self.take()
        if kind == "num":
            return Fraction(text)
        if kind == "ref":
            vals = self.book.values(self.sheet, text)
            if len(vals) != 1:
                raise ValueError(f"range {text} outside a function")
            return vals[0]
        if kind == "op" and text == "(":
            v = self.expr()
            self.take(")")
            return v
        if kind == "func":
            self.take("(")
            args = []
            while self.peek()[1] != ")":
                if self.peek()[0] == "ref" and ":" in self.peek()[1]:
                    args.append(self.book.values(self.sheet, self.take()[1]))
                else:
                    args.append(self.expr())
                if self.peek()[1] == ",":
                    self.take()
            self.take(")")
            return self.call(text, args)
        raise ValueError(f"unexpected {text!r} in {self.formula!r}")

    def call(self, name, args):
        if name == "SUM":
            total = Fraction(0)
            for a in args:
                total += sum(a) if isinstance(a, list) else a
            return total
        if name == "ROUND":
            return round_half_away(args[0], int(args[1]))
        if name == "ROUNDDOWN":
            return round_down(args[0], int(args[1]))
        if name == "ABS":
            return abs(args[0])
        if name == "SIGN":
            return Fraction((args[0] > 0) - (args[0] < 0))
        raise ValueError(f"function {name} not supported")


# --------------------------------------------------------------------------------------------


def maas_text():
    return read_text(MAAS)


def own_entry(text):
    """The header of a config (everything before `plugins:`) plus only this plugin's entry, so a
    variant does not depend on other plugins' files."""
    head, _, plugins = text.partition("\nplugins:\n")
    head = re.sub(r"(?m)^facturatie:.*\n?", "", head)  # invoicing data in a file of its own
    entries = re.split(r"(?m)^(?=  - name: )", plugins)
    mine = [e for e in entries if e.startswith(f"  - name: {PLUGIN}\n")]
    assert len(mine) == 1, plugins
    return head + "\nplugins:\n" + mine[0].rstrip("\n") + "\n"


def indexed_zeeland(tarief, percentage_2014, percentage_2015):
    """Zeeland with only this plugin, boekjaar 2015 and `tarief` of basisjaar 2013 indexed in 2014 and 2015."""
    text = own_entry(zeeland_text()).replace("boekjaar: 2013", "boekjaar: 2015")
    return text.replace("    tarief: 0.40", f"    tarief: {tarief}\n    basisjaar: 2013\n    indexatie:\n"
                                           f"      - {{jaar: 2014, percentage: {percentage_2014}}}\n"
                                           f"      - {{jaar: 2015, percentage: {percentage_2015}}}")


def region_text(gemeenten, boekjaar=2015, extra=""):
    """A config with the given (code, naam, inwoners) gemeenten and only this plugin, whose settings
    are `extra` (lines of YAML indented by four spaces)."""
    lines = ["regio: {id: test, naam: Veiligheidshuis Test, boekjaar: %d, centrumgemeente: %s}" % (boekjaar, gemeenten[0][0]),
             "bevolking: {peildatum: %d-01-01, bron: test, indicatief: true}" % boekjaar,
             "gemeenten:"]
    for code, naam, inwoners in gemeenten:
        lines.append("  - {code: %s, naam: %s, inwoners: %d, bron: test}" % (code, naam, inwoners))
    lines += ["plugins:", f"  - name: {PLUGIN}"]
    return "\n".join(lines) + "\n" + extra


class KeysTestCase(VhhTestCase):
    def errors(self, result):
        return [(m["file"], int(m["line"]), m["sev"], m["msg"]) for m in LOCATED.finditer(result.stderr)]

    def check_fails(self, cfg, code, line, key, text):
        """check, bijdragen and run: exit code, an error at `line` naming `key`, `text` in the error or its
        note; nothing on stdout, nothing written."""
        out = self.path("out")
        for args in (("check", "--config", cfg), ("bijdragen", "--config", cfg), ("run", "--config", cfg, "--out", out)):
            r = run(*args)
            self.assertNoCrash(r)
            self.assertExit(r, code)
            self.assertEqual(r.stdout, "")
            errs = self.errors(r)
            hits = [e for e in errs if e[0] == cfg and e[1] == line and e[2] == "error" and key in e[3]]
            self.assertTrue(hits, f"no error at {cfg}:{line} naming {key!r}:\n{r.stderr}")
            at_line = " ".join(e[3] for e in errs if e[0] == cfg and e[1] == line)
            self.assertIn(text, at_line, r.stderr)
        self.assertFalse(os.path.exists(out), "a failed run wrote output")

    def line_of(self, text, needle):
        return text[:text.index(needle)].count("\n") + 1

    def zeeland_own_with(self, old, new, name="vhh.yaml"):
        """The bundled Zeeland config with only this plugin's entry, `old` replaced by `new`."""
        text = own_entry(zeeland_text())
        self.assertIn(old, text)
        return self.write_config(text.replace(old, new, 1), name)

    def maas_with(self, old, new, boekjaar=2015):
        text = own_entry(maas_text()).replace("boekjaar: 2015", f"boekjaar: {boekjaar}")
        self.assertIn(old, text)
        text = text.replace(old, new, 1)
        return self.write_config(text), text

    def bijdragen(self, cfg):
        r = run("bijdragen", "--config", cfg, "--format", "json")
        self.assertExit(r, 0)
        return json.loads(r.stdout)

    def lines(self, data, source="inwonerbijdrage"):
        return [l for l in data["lines"] if l["source"] == source]

    def run_and_check_workbook(self, cfg, year):
        """vhh run; every formula of the plugin's sheets recomputes to its cached value; the
        cached amounts are the JSON amounts. Returns (json, workbook)."""
        out = self.path("out")
        r = run("run", "--config", cfg, "--out", out)
        self.assertExit(r, 0)
        data = self.bijdragen(cfg)
        raw = read_workbook(os.path.join(out, f"bijdragen-berekening-{year}.xlsx"))
        book = Book(raw)
        names = [s["name"] for s in raw["sheets"]]
        self.assertIn("Inwonerbijdrage", names)
        for name in ("Inwonerbijdrage", "Afrekening"):
            if name not in book.sheets:
                continue
            for ref, c in book.sheets[name].items():
                if "formula" not in c:
                    continue
                self.assertIsNotNone(c["value"], f"{name}!{ref} has no cached value")
                self.assertEqual(book.cell(name, ref), exact(c["value"]),
                                 f"{name}!{ref} ={c['formula']} recomputes to another value than its cached "
                                 f"{c['value']}")
        self.check_sheet_matches_json(book, "Inwonerbijdrage", self.lines(data, "inwonerbijdrage"),
                                      data["totals"].get("inwonerbijdrage"))
        if "Afrekening" in book.sheets:
            self.check_sheet_matches_json(book, "Afrekening", self.lines(data, "afrekening"),
                                          data["totals"].get("afrekening"), column_header="Afrekening (- = terug)")
        shutil_rmtree(out)
        return data, book

    def check_sheet_matches_json(self, book, name, lines, total, column_header="Bijdrage"):
        cells = book.sheets[name]
        col = [ref[:-1] for ref, c in cells.items() if ref.endswith("1") and not ref[:-1][-1].isdigit()
               and c["value"] == column_header]
        self.assertEqual(len(col), 1, f"no column {column_header!r} in {name}")
        col = col[0]
        for i, line in enumerate(lines):
            row = i + 2
            self.assertEqual(cells[f"A{row}"]["value"], line["payer_id"])
            self.assertEqual(round(cells[f"{col}{row}"]["value"] * 100), line["amount_cents"], f"{name}!{col}{row}")
            self.assertEqual(exact(cells[f"{col}{row}"]["value"]) * 100, line["amount_cents"])
        total_row = len(lines) + 2
        self.assertEqual(cells[f"A{total_row}"]["value"], "Totaal")
        self.assertEqual(cells[f"{col}{total_row}"]["formula"], f"SUM({col}2:{col}{total_row - 1})")
        self.assertEqual(exact(cells[f"{col}{total_row}"]["value"]) * 100, total)


def shutil_rmtree(path):
    import shutil
    shutil.rmtree(path, ignore_errors=True)


class MaasEnLeijgraafTest(KeysTestCase):
    def test_bundled_config_237000_with_boekel_3213(self):
        r = run("bijdragen", "--config", MAAS, "--format", "json")
        self.assertExit(r, 0)
        data = json.loads(r.stdout)
        self.assertEqual(data["region"], "maas-en-leijgraaf")
        self.assertEqual(data["year"], 2015)
        self.assertEqual(data["totals"]["inwonerbijdrage"], 23700000)  # € 237.000,00
        lines = {l["payer_id"]: l for l in self.lines(data)}
        self.assertEqual(set(lines), set(MAAS_INWONERS))
        self.assertEqual(lines["GM0755"]["payer"], "Boekel")
        self.assertEqual(lines["GM0755"]["amount_cents"], 321300)  # € 3.213,00
        self.assertIn("vast bedrag € 3.213,00", lines["GM0755"]["basis"])
        self.assertEqual(lines["GM0755"]["inputs"]["vast_cents"], 321300)
        for code, inwoners in MAAS_INWONERS.items():
            self.assertEqual(lines[code]["inputs"]["inwoners"], inwoners)
            self.assertEqual(lines[code]["inputs"]["totaal_cents"], 23700000)
            self.assertEqual(lines[code]["inputs"]["sleutel"], "vaste_bedragen")
        # The rest, € 233.787, goes to the other 11 by inwoners: each within a cent of its share.
        others = sum(v for c, v in MAAS_INWONERS.items() if c != "GM0755")
        for code, inwoners in MAAS_INWONERS.items():
            if code == "GM0755":
                continue
            self.assertLess(abs(Fraction(lines[code]["amount_cents"]) - Fraction(23378700 * inwoners, others)), 1)
            self.assertEqual(lines[code]["inputs"]["te_verdelen_cents"], 23378700)
            self.assertEqual(lines[code]["inputs"]["inwoners_verdeling"], others)
        self.assertEqual(lines["GM0828"]["amount_cents"], 6615101)  # Oss

        table = run("bijdragen", "--config", MAAS)
        self.assertExit(table, 0)
        self.assertIn("€ 237.000,00", table.stdout)
        self.assertIn("€ 3.213,00", table.stdout)

    def test_bundled_config_workbook_formulas(self):
        data, book = self.run_and_check_workbook(MAAS, 2015)
        sheet = book.sheets["Inwonerbijdrage"]
        labels = {c["value"]: ref for ref, c in sheet.items() if isinstance(c["value"], str)}
        self.assertIn("Totaal bijdrage", labels)
        value_ref = "C" + labels["Totaal bijdrage"][1:]
        self.assertEqual(sheet[value_ref]["value"], 237000)

    def test_boekjaar_2017_has_meierijstad(self):
        text = own_entry(maas_text())
        self.assertIn("boekjaar: 2015", text)
        text = text.replace("boekjaar: 2015", "boekjaar: 2017").replace("peildatum: 2015-01-01", "peildatum: 2017-01-01")
        cfg = self.write_config(text)
        data = self.bijdragen(cfg)
        self.assertEqual(data["year"], 2017)
        lines = {l["payer_id"]: l for l in self.lines(data)}
        self.assertNotIn("GM0860", lines)
        self.assertNotIn("GM0846", lines)
        self.assertEqual(len(lines), 11)
        meierijstad = lines["GM1948"]
        self.assertEqual(meierijstad["payer"], "Meierijstad")
        self.assertEqual(meierijstad["inputs"]["inwoners"], MAAS_INWONERS["GM0860"] + MAAS_INWONERS["GM0846"])
        self.assertEqual(meierijstad["inputs"]["voorgangers"], "GM0860,GM0846")
        self.assertIn("samengevoegd uit GM0860 + GM0846", meierijstad["basis"])
        self.assertEqual(data["totals"]["inwonerbijdrage"], 23700000)
        self.assertEqual(lines["GM0755"]["amount_cents"], 321300)
        self.run_and_check_workbook(cfg, 2017)

    def test_merged_away_code_in_the_key_names_the_new_gemeente(self):
        text = own_entry(maas_text()).replace("boekjaar: 2015", "boekjaar: 2017")
        text = text.replace("{gemeente: GM0755, bedrag: 3213.00}", "{gemeente: GM0860, bedrag: 3213.00}")
        cfg = self.write_config(text)
        line = text[:text.index("gemeente: GM0860, bedrag")].count("\n") + 1
        self.check_fails(cfg, 78, line, "vaste_bedragen[0].gemeente", "GM0860 is per 1-1-2017 opgegaan in GM1948")


class KeysTest(KeysTestCase):
    GEMEENTEN = [("GM0001", "Aa", 12000), ("GM0002", "Bee", 7), ("GM0003", "Cee", 33333), ("GM0004", "Dee", 1)]

    def test_every_key_and_afronding_recomputes_exactly(self):
        variants = {
            "per_inwoner_cent": "    tarief: 0.37\n",
            "per_inwoner_euro": "    tarief: 0.37\n    afronding: euro\n",
            "pro_rata_cent": "    sleutel: pro_rata\n    totaal: 100000.01\n",
            "pro_rata_euro": "    sleutel: pro_rata\n    totaal: 100001\n    afronding: euro\n",
            "vast_tarief_cent": "    sleutel: vast_plus_inwoner\n    vast_per_gemeente: 1000.00\n    tarief: 0.13\n",
            "vast_tarief_euro": "    sleutel: vast_plus_inwoner\n    vast_per_gemeente: 1000\n    tarief: 0.13\n    afronding: euro\n",
            "vast_totaal_cent": "    sleutel: vast_plus_inwoner\n    vast_per_gemeente: 1000.00\n    totaal: 50000.05\n",
            "vast_totaal_euro": "    sleutel: vast_plus_inwoner\n    vast_per_gemeente: 1000\n    totaal: 50003\n    afronding: euro\n",
            "vaste_cent": "    sleutel: vaste_bedragen\n    totaal: 237000.00\n    vaste_bedragen:\n"
                          "      - {gemeente: GM0002, bedrag: 3213.00}\n",
            "vaste_euro": "    sleutel: vaste_bedragen\n    totaal: 237001\n    afronding: euro\n    vaste_bedragen:\n"
                          "      - {gemeente: GM0002, bedrag: 3213}\n      - {gemeente: GM0004, bedrag: 10}\n",
        }
        for name, extra in variants.items():
            with self.subTest(name):
                for afrekening in ("", "    afrekening_resultaat: -1234.00\n    afrekening_bron: jaarrekening\n"):
                    cfg = self.write_config(region_text(self.GEMEENTEN, extra=extra + afrekening), name=f"{name}.yaml")
                    data, book = self.run_and_check_workbook(cfg, 2015)
                    lines = self.lines(data)
                    self.assertEqual(len(lines), 4)
                    self.assertTrue(all(l["amount_cents"] >= 0 for l in lines))
                    if "euro" in name:
                        self.assertTrue(all(l["amount_cents"] % 100 == 0 for l in lines), lines)
                    if "totaal: " in extra:
                        total = int(round(float(re.search(r"totaal: ([\d.]+)", extra).group(1)) * 100))
                        self.assertEqual(data["totals"]["inwonerbijdrage"], total)
                    if afrekening:
                        self.assertEqual(data["totals"]["afrekening"], 123400)  # a tekort: paid extra
                        self.assertIn("Afrekening", book.sheets)
                    else:
                        self.assertNotIn("afrekening", data["totals"])

    def test_random_populations_through_the_binary(self):
        rng = random.Random(20150101)
        keys = ["pro_rata", "vast_plus_inwoner", "vaste_bedragen", "per_inwoner"]
        for case in range(16):
            n = rng.randint(2, 9)
            gemeenten = [("GM%04d" % (100 + i), "G%d" % i, rng.choice([0, rng.randint(1, 40), rng.randint(1, 200000)]))
                         for i in range(n)]
            if sum(g[2] for g in gemeenten) == 0:
                gemeenten[1] = (gemeenten[1][0], gemeenten[1][1], 5)
            sleutel = keys[case % 4]
            euro = case % 8 >= 4
            totaal = rng.randint(0, 10 ** 9)
            if euro:
                totaal -= totaal % 100
            extra = f"    sleutel: {sleutel}\n" + ("    afronding: euro\n" if euro else "")
            if sleutel == "per_inwoner":
                extra += "    tarief: %d.%02d\n" % divmod(rng.randint(0, 500), 100)
            elif sleutel == "pro_rata":
                extra += "    totaal: %d.%02d\n" % divmod(totaal, 100)
            elif sleutel == "vast_plus_inwoner":
                vast = rng.randint(0, totaal // n)
                if euro:
                    vast -= vast % 100
                extra += "    totaal: %d.%02d\n    vast_per_gemeente: %d.%02d\n" % (*divmod(totaal, 100), *divmod(vast, 100))
            else:
                fixed = rng.randint(0, totaal // 2)
                if euro:
                    fixed -= fixed % 100
                extra += "    totaal: %d.%02d\n    vaste_bedragen:\n      - {gemeente: %s, bedrag: %d.%02d}\n" % (
                    *divmod(totaal, 100), gemeenten[0][0], *divmod(fixed, 100))
                if sum(g[2] for g in gemeenten[1:]) == 0:
                    gemeenten[1] = (gemeenten[1][0], gemeenten[1][1], 5)
            resultaat = rng.randint(-10 ** 7, 10 ** 7)
            if euro:
                resultaat -= resultaat % 100
            extra += "    afrekening_resultaat: %s%d.%02d\n" % ("-" if resultaat < 0 else "", *divmod(abs(resultaat), 100))
            with self.subTest(case=case, sleutel=sleutel, euro=euro):
                cfg = self.write_config(region_text(gemeenten, extra=extra), name=f"case{case}.yaml")
                data, _ = self.run_and_check_workbook(cfg, 2015)
                self.assertEqual(data["totals"]["afrekening"], -resultaat)
                if sleutel != "per_inwoner":
                    self.assertEqual(data["totals"]["inwonerbijdrage"], totaal)
                afrekening = self.lines(data, "afrekening")
                bijdrage = {l["payer_id"]: l["amount_cents"] for l in self.lines(data)}
                for line in afrekening:
                    self.assertEqual(line["inputs"]["definitieve_bijdrage_cents"],
                                     bijdrage[line["payer_id"]] + line["amount_cents"])
                    self.assertTrue(line["amount_cents"] <= 0 if resultaat > 0 else line["amount_cents"] >= 0)

    def test_zeeland_afrekening_overschot_comes_back(self):
        cfg = self.zeeland_own_with("    tarief: 0.40", "    tarief: 0.40\n    afrekening_resultaat: 10000.00\n"
                                                   "    afrekening_bron: \"jaarrekening 2013\"")
        data, book = self.run_and_check_workbook(cfg, 2013)
        self.assertEqual(data["totals"]["inwonerbijdrage"], 381976 * 40)
        self.assertEqual(data["totals"]["afrekening"], -1000000)
        self.assertEqual(data["totals"]["total"], 381976 * 40 - 1000000)  # the definitieve bijdragen
        afrekening = {l["payer_id"]: l for l in self.lines(data, "afrekening")}
        middelburg = afrekening["GM0687"]
        self.assertLess(middelburg["amount_cents"], 0)
        self.assertLess(abs(Fraction(-middelburg["amount_cents"]) - Fraction(1000000 * 48019, 381976)), 1)
        self.assertEqual(middelburg["inputs"]["weging"], 48019)
        self.assertEqual(middelburg["inputs"]["resultaat_cents"], 1000000)
        self.assertIn("overschot € 10.000,00", middelburg["basis"])
        self.assertIn("jaarrekening 2013", middelburg["basis"])
        # The bijdrage lines are unchanged.
        self.assertEqual({l["payer_id"]: l["amount_cents"] for l in self.lines(data)}["GM0687"], 1920760)

    def test_indexatie_of_the_tarief(self):
        text = indexed_zeeland("0.40", 2.5, 1.8)
        cfg = self.write_config(text)
        r = run("check", "--config", cfg)
        self.assertExit(r, 0)
        self.assertNotIn("warning", r.stderr)
        data, book = self.run_and_check_workbook(cfg, 2015)
        lines = {l["payer_id"]: l for l in self.lines(data)}
        # 0,40 × 1,025 = 0,41; 0,41 × 1,018 = 0,41738 -> 0,42 (to the cent, halves away from zero).
        self.assertEqual(lines["GM0687"]["inputs"]["tarief_cents"], 42)
        self.assertEqual(lines["GM0687"]["inputs"]["tarief_basis_cents"], 40)
        self.assertEqual(lines["GM0687"]["amount_cents"], 48019 * 42)
        self.assertIn("€ 0,42 (tarief 2013 € 0,40, geïndexeerd: 2014 +2,5 %, 2015 +1,8 %)", lines["GM0687"]["basis"])
        # A missing year is a warning, not an error.
        cfg2 = self.write_config(text.replace("      - {jaar: 2014, percentage: 2.5}\n", ""), name="gap.yaml")
        r = run("check", "--config", cfg2)
        self.assertExit(r, 0)
        self.assertRegex(r.stderr, r"gap\.yaml:\d+:\d+: warning: .*no indexatie for 2014")

    def test_overschot_larger_than_the_bijdragen_warns(self):
        """Issue 19 item 11: an overschot larger than all bijdragen made every definitieve bijdrage
        negative without a word. Now a warning at afrekening_resultaat says so (the run proceeds:
        other baten can make such a resultaat)."""
        cfg = self.zeeland_own_with("    tarief: 0.40", "    tarief: 0.40\n    afrekening_resultaat: 200000.00")
        line = self.line_of(read_text(cfg), "afrekening_resultaat:")
        for command in ("check", "bijdragen"):
            r = run(command, "--config", cfg)
            self.assertExit(r, 0)
            self.assertRegex(r.stderr, r"vhh\.yaml:%d:\d+: warning: plugins\[0\]\.afrekening_resultaat: the overschot "
                                       r"of € 200\.000,00 is more than 13 gemeenten paid: their definitieve bijdrage "
                                       r"is negative \(GM0654 Borsele: -€ [\d.,]+, …\)" % line)
            self.assertIn("the voorlopige bijdragen total € 152.790,40", r.stderr)
        # An overschot within the bijdragen: no warning.
        cfg = self.zeeland_own_with("    tarief: 0.40", "    tarief: 0.40\n    afrekening_resultaat: 100000.00",
                                    name="binnen.yaml")
        r = run("check", "--config", cfg)
        self.assertExit(r, 0)
        self.assertNotIn("warning", r.stderr)

    def test_indexatie_beyond_the_tarief_range_is_refused(self):
        """Issue 19 item 11: +100 % a year took a tarief beyond its own declared range (at most € 1.000)."""
        text = indexed_zeeland("600.00", 100, 0)
        cfg = self.write_config(text)
        self.check_fails(cfg, 78, self.line_of(text, "      - {jaar: 2014"), "plugins[0].indexatie",
                         "the indexed tarief of 2015, € 1.200,00, is beyond the tarief's range (€ 0,00 to € 1.000,00)")
        # At the top of the range exactly: fine.
        cfg = self.write_config(text.replace("tarief: 600.00", "tarief: 500.00"), name="rand.yaml")
        self.assertExit(run("check", "--config", cfg), 0)

    def test_zeeland_lines_keep_their_form(self):
        data = self.bijdragen(os.path.join(SOURCE_DIR, "config", "zeeland", "vhh.yaml"))
        for line in self.lines(data):
            self.assertEqual(list(line["inputs"]), ["inwoners", "tarief_cents", "peildatum"])
            self.assertRegex(line["basis"], r"^[\d.]+ inwoners \(peildatum 1-1-2013\) × € 0,40$")

    def test_settings_table_documents_every_key(self):
        r = run("plugins", "--format", "json")
        self.assertExit(r, 0)
        plugin = [p for p in json.loads(r.stdout)["plugins"] if p["name"] == PLUGIN][0]
        settings = {s["key"]: s for s in plugin["settings"]}
        for key in ("tarief", "sleutel", "totaal", "vast_per_gemeente", "vaste_bedragen", "afronding", "basisjaar",
                    "indexatie", "afrekening_resultaat", "afrekening_bron"):
            self.assertIn(key, settings)
            self.assertTrue(settings[key]["description"], key)
        self.assertEqual(settings["sleutel"]["default"], "per_inwoner")
        self.assertEqual(settings["afronding"]["default"], "cent")
        for key in ("per_inwoner", "pro_rata", "vast_plus_inwoner", "vaste_bedragen"):
            self.assertIn(key, settings["sleutel"]["description"])
        self.assertEqual([f["key"] for f in settings["vaste_bedragen"]["fields"]], ["gemeente", "bedrag"])
        self.assertEqual([f["key"] for f in settings["indexatie"]["fields"]], ["jaar", "percentage"])
        self.assertEqual(settings["tarief"]["type"], "amount")
        # The same rows that validate document the allowed values and the gemeente type.
        self.assertEqual(settings["sleutel"]["type"], "choice")
        self.assertEqual(settings["sleutel"]["allowed"], ["per_inwoner", "pro_rata", "vast_plus_inwoner", "vaste_bedragen"])
        self.assertEqual(settings["afronding"]["allowed"], ["cent", "euro"])
        self.assertEqual(settings["vaste_bedragen"]["fields"][0]["type"], "gemeente")


class BadKeyInputTest(KeysTestCase):
    def test_negative_tarief(self):
        text = region_text([("GM0001", "Aa", 10), ("GM0002", "Bee", 20)],
                           extra="    sleutel: vast_plus_inwoner\n    vast_per_gemeente: 100.00\n    tarief: -0.10\n")
        cfg = self.write_config(text)
        self.check_fails(cfg, 65, self.line_of(text, "tarief: -0.10"), "tarief", "expected an amount in euros from 0")

    def test_tarief_not_a_number(self):
        cfg = self.zeeland_own_with("tarief: 0.40", "tarief: veertig cent")
        self.check_fails(cfg, 78, self.line_of(read_text(cfg), "tarief: veertig"), "tarief", "expected an amount")

    def test_dutch_decimal_comma_in_totaal_has_hint(self):
        cfg, text = self.maas_with("totaal: 237000.00", 'totaal: "237.000,00"')
        self.check_fails(cfg, 78, self.line_of(text, 'totaal: "237.000,00"'), "totaal", "237000.00")

    def test_dutch_decimal_comma_in_vast_bedrag_and_percentage(self):
        cfg, text = self.maas_with("bedrag: 3213.00", 'bedrag: "3213,00"')
        self.check_fails(cfg, 78, self.line_of(text, 'bedrag: "3213,00"'), "bedrag", "3213.00")
        cfg = self.zeeland_own_with("    tarief: 0.40", "    tarief: 0.40\n    basisjaar: 2012\n    indexatie:\n"
                                                   '      - {jaar: 2013, percentage: "2,5"}')
        self.check_fails(cfg, 78, self.line_of(read_text(cfg), 'percentage: "2,5"'), "percentage", "2.5")

    def test_a_total_but_no_population(self):
        text = region_text([("GM0001", "Aa", 0), ("GM0002", "Bee", 0)], extra="    sleutel: pro_rata\n    totaal: 1000.00\n")
        cfg = self.write_config(text)
        self.check_fails(cfg, 65, self.line_of(text, "totaal: 1000.00"), "totaal", "no inwoners")

    def test_gemeente_not_in_the_region_has_close_codes(self):
        cfg, text = self.maas_with("{gemeente: GM0755,", "{gemeente: GM0757,")
        self.check_fails(cfg, 78, self.line_of(text, "gemeente: GM0757"), "vaste_bedragen[0].gemeente",
                         "did you mean GM0755 (Boekel)")

    def test_fixed_amounts_exceeding_the_total(self):
        cfg, text = self.maas_with("      - {gemeente: GM0755, bedrag: 3213.00}",
                                   "      - {gemeente: GM0755, bedrag: 3213.00}\n      - {gemeente: GM0828, bedrag: 234000.00}")
        self.check_fails(cfg, 65, self.line_of(text, "    vaste_bedragen:") + 1, "vaste_bedragen",
                         "more than totaal € 237.000,00")

    def test_settings_missing_for_the_sleutel(self):
        cfg, text = self.maas_with("    sleutel: vaste_bedragen\n", "    sleutel: vast_plus_inwoner\n")
        # vast_plus_inwoner uses totaal but needs vast_per_gemeente, and has no use for vaste_bedragen.
        self.check_fails(cfg, 78, self.line_of(text, "sleutel: vast_plus_inwoner"), "vast_per_gemeente",
                         "needs 'vast_per_gemeente'")
        r = run("check", "--config", cfg)
        self.assertIn("'vaste_bedragen' is not used by sleutel vast_plus_inwoner", r.stderr)
        cfg = self.write_config(region_text([("GM0001", "Aa", 10)], extra="    sleutel: pro_rata\n"), name="pr.yaml")
        self.check_fails(cfg, 78, self.line_of(read_text(cfg), "sleutel: pro_rata"), "totaal", "needs 'totaal'")
        # With the default sleutel (per_inwoner) the error is at the plugin's entry.
        cfg = self.write_config(region_text([("GM0001", "Aa", 10)]), name="pi.yaml")
        r = run("check", "--config", cfg)
        self.assertExit(r, 78)
        self.assertRegex(r.stderr, r"pi\.yaml:%d:\d+: error: plugins\[0\]\.tarief: sleutel per_inwoner "
                                   r"needs 'tarief'" % self.line_of(read_text(cfg), f"  - name: {PLUGIN}"))

    def test_unknown_sleutel(self):
        cfg, text = self.maas_with("sleutel: vaste_bedragen", "sleutel: vaste_bedrage")
        self.check_fails(cfg, 78, self.line_of(text, "sleutel: vaste_bedrage"), "sleutel", "did you mean 'vaste_bedragen'")

    def test_every_error_of_the_section_in_one_run(self):
        cfg, text = self.maas_with("      - {gemeente: GM0755, bedrag: 3213.00}",
                                   "      - {gemeente: GM0755, bedrag: 3213.00}\n      - {gemeente: GM0860, bedrag: 1.00}\n"
                                   "      - {gemeente: GM9999, bedrag: 1.00}\n    tarief: 0.40", boekjaar=2017)
        r = run("check", "--config", cfg)
        self.assertExit(r, 78)
        errs = [e for e in self.errors(r) if e[2] == "error"]
        self.assertEqual(len(errs), 3, r.stderr)
        self.assertEqual(sorted(e[1] for e in errs),
                         sorted([self.line_of(text, "GM0860, bedrag"), self.line_of(text, "GM9999"),
                                 self.line_of(text, "tarief: 0.40")]))
