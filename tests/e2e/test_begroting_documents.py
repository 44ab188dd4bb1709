"""The ontwerpbegroting of report.begroting: `vhh begroting --format json` (DESIGN.md's contract),
every year's bijdragen adding up exactly to the gemeentelijke-bijdrage post, the indexation
reproducing a hand calculation, the documents `vhh run` writes read back with independent tools
(openpyxl recomputes every formula exactly, pdftotext finds the amounts, lxml parses the HTML), the
zienswijzebrief against its golden text, and bad inputs refused by `check` first with located
errors."""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from fractions import Fraction

from lxml import html as lxml_html

from test_begroting_wijziging import pdf_text, recompute_every_formula
from vhhtest import SOURCE_DIR, VhhTestCase, read_bytes, read_text, run

FORMATS = ("pdf", "xlsx", "html", "txt")
GOLDEN = os.path.join(SOURCE_DIR, "tests", "e2e", "golden")


def config_of(region):
    return os.path.join(SOURCE_DIR, "config", region, "vhh.yaml")


def euro(cents):
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}€ {f'{cents // 100:,}'.replace(',', '.')},{cents % 100:02d}"


def indexed(cents, percent):
    """cents × (1 + percent/100), rounded to the cent, halves away from zero (exact)."""
    x = Fraction(cents) * (1 + Fraction(percent) / 100)
    whole = abs(x.numerator) // x.denominator
    if abs(x) - whole >= Fraction(1, 2):
        whole += 1
    return whole if x >= 0 else -whole


class BegrotingCommand(VhhTestCase):
    def begroting(self, region, fmt="json"):
        r = run("begroting", "--config", config_of(region), "--format", fmt)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("error:", r.stderr)
        return r.stdout

    def test_json_contract_zeeland(self):
        got = json.loads(self.begroting("zeeland"))
        self.assertEqual(got["region"], "zeeland")
        self.assertEqual(got["begrotingsjaar"], 2014)
        self.assertEqual(got["jaren"], [2014, 2015, 2016, 2017])
        for p in got["posten"]:
            self.assertLessEqual({"code", "naam", "soort", "bedragen_cents"}, set(p))
            self.assertIn(p["soort"], ("baten", "lasten"))
            self.assertEqual(sorted(p["bedragen_cents"]), ["2014", "2015", "2016", "2017"])
            self.assertTrue(all(isinstance(v, int) for v in p["bedragen_cents"].values()))
            self.assertRegex(p["taakveld"], r"^\d+\.\d+ \S")
        self.assertEqual(len(got["bijdragen"]), 13)
        for b in got["bijdragen"]:
            self.assertEqual(set(b), {"payer_id", "payer", "bedragen_cents"})
            self.assertRegex(b["payer_id"], r"^GM\d{4}$")

    def test_json_has_the_budgeted_reserve_mutations(self):
        # SDK ABI 3: the Meerjarenraming carries the reserves; Zeeland budgets an onttrekking of
        # € 15.000 from the bestemmingsreserve in 2014 for the incidentele PROJ.
        got = json.loads(self.begroting("zeeland"))
        self.assertTrue(got["reserves"])
        for r in got["reserves"]:
            self.assertEqual(set(r), {"naam", "toevoegingen_cents", "onttrekkingen_cents"})
            self.assertEqual(sorted(r["toevoegingen_cents"]), ["2014", "2015", "2016", "2017"])
            self.assertEqual(sorted(r["onttrekkingen_cents"]), ["2014", "2015", "2016", "2017"])
        self.assertEqual(got["totalen_cents"]["onttrekkingen"]["2014"], 1500000)
        for soort in ("toevoegingen", "onttrekkingen"):
            for jaar in got["jaren"]:
                self.assertEqual(sum(r[soort + "_cents"][str(jaar)] for r in got["reserves"]),
                                 got["totalen_cents"][soort][str(jaar)])

    def test_every_years_bijdragen_add_up_to_the_post(self):
        for region in ("zeeland", "maas-en-leijgraaf"):
            got = json.loads(self.begroting(region))
            [post] = [p for p in got["posten"] if p["code"] == "GEM"]
            for jaar in map(str, got["jaren"]):
                self.assertEqual(sum(b["bedragen_cents"][jaar] for b in got["bijdragen"]), post["bedragen_cents"][jaar],
                                 (region, jaar))
                self.assertEqual(got["totalen_cents"]["bijdragen"][jaar], post["bedragen_cents"][jaar])

    def test_indexation_reproduces_a_hand_calculation(self):
        got = json.loads(self.begroting("zeeland"))
        posten = {p["code"]: p["bedragen_cents"] for p in got["posten"]}
        # By hand: directeur € 98.000 (2013) × 1,0235 = € 100.303,00 (2014); × 1,018 = € 102.108,454 → € 102.108,45
        # (2015); × 1,02 = € 104.150,619 → € 104.150,62 (2016); × 1,021 = € 106.337,783 → € 106.337,78 (2017).
        self.assertEqual(list(posten["PERS-DIR"].values()), [10030300, 10210845, 10415062, 10633778])
        # Gemeentelijke bijdragen € 152.790,40 × 1,015 = € 155.082,256 → € 155.082,26 (prijs 2014).
        self.assertEqual(posten["GEM"]["2014"], 15508226)
        # Categorie geen: the rijksbijdrage stays € 161.700.
        self.assertEqual(set(posten["RIJK"].values()), {16170000})
        # Independently, every year from the config's percentages.
        loon = {2014: "2.35", 2015: "1.8", 2016: "2.0", 2017: "2.1"}
        prev = 9800000
        for jaar in range(2014, 2018):
            prev = indexed(prev, loon[jaar])
            self.assertEqual(posten["PERS-DIR"][str(jaar)], prev)

    def test_maas_en_leijgraaf_first_year_is_the_seed_begroting(self):
        got = json.loads(self.begroting("maas-en-leijgraaf"))
        self.assertEqual(got["jaren"], [2015, 2016, 2017, 2018])
        posten = {p["code"]: p["bedragen_cents"]["2015"] for p in got["posten"]}
        self.assertEqual((posten["RIJK"], posten["GEM"], posten["WERKPLEK"]), (12500000, 23700000, 10300000))
        self.assertEqual(got["totalen_cents"]["baten"]["2015"], 46500000)
        self.assertEqual(got["totalen_cents"]["lasten"]["2015"], 46500000)
        boekel = [b for b in got["bijdragen"] if b["payer_id"] == "GM0755"][0]
        self.assertEqual(boekel["bedragen_cents"]["2015"], 321300)

    def test_table_and_csv(self):
        table = self.begroting("zeeland", "table")
        self.assertIn("ontwerpbegroting 2014 met meerjarenraming", table)
        self.assertIn("€ 100.303,00", table)
        raw = self.begroting("zeeland", "csv")
        self.assertTrue(raw.startswith("\ufeff"))
        rows = list(csv.reader(io.StringIO(raw[1:]), delimiter=";"))
        self.assertEqual(rows[0], ["regel", "code", "naam", "soort", "jaar", "bedrag_cents", "bedrag"])
        self.assertIn(["post", "PERS-DIR", "Personeel: directeur", "lasten", "2014", "10030300", "100303,00"], rows)

    def test_without_a_begroting_plugin_it_is_a_config_error(self):
        r = run("begroting", "--config", config_of("twente-almelo"))
        self.assertEqual(r.returncode, 78, r.stderr)
        self.assertIn("error: plugins: no begroting is configured", r.stderr)
        self.assertEqual(r.stdout, "")


class BegrotingFromTheStore(VhhTestCase):
    def test_the_vastgestelde_begroting_is_where_the_raming_starts(self):
        for f in os.listdir(os.path.join(SOURCE_DIR, "config", "zeeland")):
            shutil.copyfile(os.path.join(SOURCE_DIR, "config", "zeeland", f), self.path(f))
        cfg, db = self.path("vhh.yaml"), "sqlite:" + self.path("a.db")
        self.assertEqual(run("db", "init", "--database", db).returncode, 0)
        r = run("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2012/14", "--datum", "2012-11-20",
                "--config", cfg, "--database", db)
        self.assertEqual(r.returncode, 0, r.stderr)
        # The config's figure changes after the vaststelling: the store's € 98.000 still counts.
        path = self.path("begroting.yaml")
        text = read_text(path)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace("bedrag: 98000.00", "bedrag: 1.00", 1))
        got = json.loads(run("begroting", "--config", cfg, "--database", db, "--format", "json").stdout)
        [pers] = [p for p in got["posten"] if p["code"] == "PERS-DIR"]
        self.assertEqual(pers["bedragen_cents"]["2014"], 10030300)
        self.assertIn("vastgestelde begroting 2013 (besluit AB 2012/14", pers["basis"])
        without = json.loads(run("begroting", "--config", cfg, "--format", "json").stdout)
        [pers] = [p for p in without["posten"] if p["code"] == "PERS-DIR"]
        self.assertEqual(pers["bedragen_cents"]["2014"], indexed(100, "2.35"))
        self.assertIn("in de configuratie", pers["basis"])


class BegrotingDocuments(VhhTestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="vhh-e2e-begroting-")
        cls.out = os.path.join(cls.dir, "out")
        r = run("run", "--config", config_of("zeeland"), "--out", cls.out)
        assert r.returncode == 0, r.stderr
        r = run("begroting", "--config", config_of("zeeland"), "--format", "json")
        cls.data = json.loads(r.stdout)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def file(self, name):
        return os.path.join(self.out, name)

    def test_every_document_in_every_format_and_in_the_manifest(self):
        with open(self.file("manifest.json"), encoding="utf-8") as f:
            listed = {f["name"] for f in json.load(f)["files"]}
        names = ["begroting-2014", "kaderbrief-2014"] + [f"zienswijzebrief-2014-{g}" for g in
                                                          ("borsele", "middelburg", "noord-beveland", "vlissingen")]
        for name in names:
            for ext in FORMATS:
                self.assertIn(f"{name}.{ext}", listed)
                self.assertTrue(os.path.isfile(self.file(f"{name}.{ext}")))
        self.assertEqual(len([n for n in listed if n.startswith("zienswijzebrief-2014-")]), 13 * len(FORMATS))

    def test_workbook_formulas_recompute_exactly_to_the_json(self):
        book = recompute_every_formula(self, self.file("begroting-2014.xlsx"))
        self.assertGreater(sum("formula" in c for s in book["sheets"] for c in s["cells"]), 100)
        # The meerjarenraming's amounts: each one a ROUND over the year before and an index cell.
        cells = {(s["name"], c["ref"]): c for s in book["sheets"] for c in s["cells"]}
        rounds = [c for c in cells.values() if c.get("formula", "").startswith("ROUND(") and "*(1+" in
                  c["formula"].replace(" ", "")]
        self.assertGreaterEqual(len(rounds), 9 * 4 - 2)
        # Every amount of the JSON is a cell value of the workbook.
        values = {round(c["value"] * 100) for c in cells.values() if isinstance(c.get("value"), (int, float))}
        for p in self.data["posten"]:
            for v in p["bedragen_cents"].values():
                self.assertIn(v, values, p["code"])
        for b in self.data["bijdragen"]:
            for v in b["bedragen_cents"].values():
                self.assertIn(v, values, b["payer_id"])

    def test_pdf_shows_the_amounts_and_what_is_missing(self):
        text = subprocess.run(["pdftotext", "-layout", self.file("begroting-2014.pdf"), "-"], capture_output=True,
                              text=True, check=True, timeout=120).stdout
        text = re.sub(r"€\s+", "€ ", text.replace("\u00a0", " "))
        for p in self.data["posten"]:
            self.assertIn(euro(p["bedragen_cents"]["2017"]), text, p["code"])
        for heading in ("Wat willen we bereiken?", "Wat gaan we daarvoor doen?", "Wat mag het kosten?",
                        "Overzicht incidentele baten en lasten", "Paragraaf weerstandsvermogen en risicobeheersing",
                        "Paragraaf bedrijfsvoering", "Taakvelden", "Geprognosticeerde balans en EMU-saldo"):
            self.assertIn(heading, text)
        flat = re.sub(r"\s+", " ", text)
        self.assertIn("geen vastgestelde jaarrekening 2012", flat)
        self.assertIn("illustratief", flat)
        self.assertIn("1.2 Openbare orde en veiligheid", flat)

    def test_html_parses_with_captions_and_scoped_headers(self):
        page = lxml_html.fromstring(read_bytes(self.file("begroting-2014.html")))
        self.assertEqual(page.get("lang"), "nl-NL")
        tables = page.findall(".//table")
        self.assertGreaterEqual(len(tables), 10)
        for t in tables:
            self.assertIsNotNone(t.find("caption"))
            for th in t.iter("th"):
                self.assertIn(th.get("scope"), ("col", "row"))
        text = re.sub(r"\s+", " ", page.text_content().replace("\u00a0", " "))
        for b in self.data["bijdragen"]:
            self.assertIn(euro(b["bedragen_cents"]["2016"]), text)

    def test_zienswijzebrief_golden_text(self):
        got = read_text(self.file("zienswijzebrief-2014-borsele.txt"))
        golden = os.path.join(GOLDEN, "zienswijzebrief-2014-borsele.txt")
        if os.environ.get("VHH_UPDATE_GOLDEN"):
            with open(golden, "w", encoding="utf-8") as f:
                f.write(got)
        self.assertEqual(got, read_text(golden))

    def test_zienswijzebrief_pdf_and_kaderbrief(self):
        text = subprocess.run(["pdftotext", "-layout", self.file("zienswijzebrief-2014-middelburg.pdf"), "-"],
                              capture_output=True, text=True, check=True, timeout=120).stdout
        flat = re.sub(r"\s+", " ", text.replace("\u00a0", " "))
        [mb] = [b for b in self.data["bijdragen"] if b["payer_id"] == "GM0687"]
        for v in mb["bedragen_cents"].values():
            self.assertIn(euro(v), re.sub(r"€ ", "€ ", flat))
        self.assertIn("3 juli 2013", flat)
        kader = read_text(self.file("kaderbrief-2014.txt"))
        self.assertIn("Indexatie per categorie", kader)
        self.assertIn("Gevolgen voor de bijdrage per gemeente", kader)
        self.assertIn("2,35 %", kader)

    def test_resultaat_voor_en_na_bestemming_in_the_workbook(self):
        # The onttrekking of € 15.000 from the bestemmingsreserve informatieplein for the incidentele PROJ.
        book = recompute_every_formula(self, self.file("begroting-2014.xlsx"))
        rows = {}
        for s in book["sheets"]:
            by_row = {}
            for c in s["cells"]:
                by_row.setdefault(re.sub(r"[A-Z]+", "", c["ref"]), []).append(c)
            for cells in by_row.values():
                label = cells[0].get("value")
                if isinstance(label, str):
                    rows.setdefault((s["name"], label), [round(c["value"] * 100) for c in cells[1:]
                                                         if isinstance(c.get("value"), (int, float))])
        resultaat = {k: v for k, v in rows.items() if k[1] == "Resultaat na bestemming"}
        saldo = {k[0]: v for k, v in rows.items() if k[1] == "Saldo van baten en lasten (resultaat vóór bestemming)"}
        ont = {k[0]: v for k, v in rows.items() if k[1] == "Onttrekkingen aan reserves"}
        self.assertEqual(len(resultaat), 2, sorted(rows))  # the overzicht (2014) and the meerjarenraming (2014-2017)
        for (sheet, _), values in resultaat.items():
            for i, v in enumerate(values):
                self.assertEqual(v, saldo[sheet][i] + ont[sheet][i], sheet)
        self.assertIn(1500000, ont[[k for k in ont if len(ont[k]) == 4][0]][:1])
        toelichting = [c["value"] for s in book["sheets"] for c in s["cells"]
                       if isinstance(c.get("value"), str) and "dekking van het project PROJ" in c["value"]]
        self.assertEqual(toelichting, ["2014: dekking van het project PROJ (incidenteel)"])

    def test_reserve_mutaties_in_the_pdf(self):
        text = pdf_text(self.file("begroting-2014.pdf"))
        for label in ("Geraamde onttrekkingen aan reserves", "Resultaat na bestemming",
                      "Saldo van baten en lasten (resultaat vóór bestemming)"):
            self.assertIn(label, text)
        self.assertIn("€ 15.000,00", text)


class BegrotingBadInputs(VhhTestCase):
    """Each bad input is a located error, refused by `check` as by `run` and `begroting`."""

    def config_with(self, old, new):
        for f in os.listdir(os.path.join(SOURCE_DIR, "config", "zeeland")):
            shutil.copyfile(os.path.join(SOURCE_DIR, "config", "zeeland", f), self.path(f))
        path = self.path("begroting.yaml")
        text = read_text(path)
        self.assertIn(old, text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new, 1))
        return self.path("vhh.yaml")

    def refused(self, cfg, code, pattern):
        for command in (["check"], ["begroting"], ["run", "--out", self.path("out")]):
            r = run(*command, "--config", cfg)
            self.assertEqual(r.returncode, code, (command, r.stderr))
            self.assertRegex(r.stderr, pattern, command)
            self.assertEqual(r.stdout, "")
            self.assertFalse(os.path.exists(self.path("out")))

    def test_unknown_categorie(self):
        cfg = self.config_with("categorie: loon,\n     taakveld: \"1.2", "categorie: lonen,\n     taakveld: \"1.2")
        self.refused(cfg, 78, r"begroting\.yaml:\d+:\d+: error: plugins\[8\]\.posten\[\d\]\.categorie: unknown "
                              r"categorie 'lonen'")

    def test_bad_percentage(self):
        cfg = self.config_with("percentage: 2.35,", "percentage: twee,")
        self.refused(cfg, 78, r"begroting\.yaml:17:\d+: error: plugins\[8\]\.indexatie\[0\]\.percentage: ")

    def test_missing_taakveld(self):
        cfg = self.config_with("taakveld: \"0.4 Overhead\", bedrag: 9500.00", "bedrag: 9500.00")
        self.refused(cfg, 78, r"begroting\.yaml:\d+:\d+: error: plugins\[8\]\.posten\[6\]: missing required key "
                              r"'taakveld'")

    def test_missing_percentage_for_a_year_is_a_warning_and_not_indexed(self):
        cfg = self.config_with("  - {jaar: 2016, categorie: loon,  percentage: 2.0,  bron: illustratief}\n", "")
        r = run("begroting", "--config", cfg, "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stderr, r"begroting\.yaml:\d+:\d+: warning: plugins\[8\]\.posten\[3\]\.categorie: categorie "
                                   r"'loon' has no percentage for 2016")
        [pers] = [p for p in json.loads(r.stdout)["posten"] if p["code"] == "PERS-DIR"]
        self.assertEqual(pers["bedragen_cents"]["2016"], pers["bedragen_cents"]["2015"])

    def test_ab_meeting_in_the_wrong_year(self):
        cfg = self.config_with("vergadering_algemeen_bestuur: 2013-07-04", "vergadering_algemeen_bestuur: 2014-07-04")
        self.refused(cfg, 65, r"error: plugins\[8\]\.vergadering_algemeen_bestuur: the algemeen bestuur adopts the "
                              r"begroting 2014 in 2013")


if __name__ == "__main__":
    unittest.main()
