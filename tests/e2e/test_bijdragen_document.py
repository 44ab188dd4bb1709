"""The document bijdragen-Y of report.bijdragen, as `vhh run` writes it for the bundled regions, read
back with independent tools and compared with `vhh bijdragen --format json`: pdftotext finds every
amount in the PDF and pdffonts sees every font embedded; openpyxl sees the totals as formulas whose
cached values are the JSON totals; lxml parses the HTML and every data table has header cells with
scope; two runs are byte-identical in every format."""
import json
import os
import re
import subprocess
import tempfile
import shutil
import unittest
from collections import Counter

from lxml import html as lxml_html

from vhhtest import SOURCE_DIR, VhhTestCase, read_bytes, read_text, read_workbook, run

FORMATS = ("pdf", "xlsx", "html", "txt")
REGIONS = {"zeeland": 2013, "maas-en-leijgraaf": 2015, "twente-almelo": 2023}


def config_of(region):
    return os.path.join(SOURCE_DIR, "config", region, "vhh.yaml")


def euro(cents):
    """Dutch notation, independently of vhh: 1920760 -> '€ 19.207,60', -5 -> '-€ 0,05'."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    whole = f"{cents // 100:,}".replace(",", ".")
    return f"{sign}€ {whole},{cents % 100:02d}"


def tool(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=120).stdout


class BijdragenDocumentTest(VhhTestCase):
    outs = {}

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="vhh-e2e-bijdragen-")
        cls.data = {}
        for region in REGIONS:
            out = os.path.join(cls.dir, region)
            r = run("run", "--config", config_of(region), "--out", out)
            assert r.returncode == 0, r.stderr
            cls.outs[region] = out
            r = run("bijdragen", "--config", config_of(region), "--format", "json")
            assert r.returncode == 0, r.stderr
            cls.data[region] = json.loads(r.stdout)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def file(self, region, ext):
        return os.path.join(self.outs[region], f"bijdragen-{REGIONS[region]}.{ext}")

    def test_every_region_has_the_document_in_every_format_and_in_the_manifest(self):
        for region, year in REGIONS.items():
            with open(os.path.join(self.outs[region], "manifest.json"), encoding="utf-8") as f:
                listed = {f["name"] for f in json.load(f)["files"]}
            for ext in FORMATS:
                self.assertTrue(os.path.isfile(self.file(region, ext)), (region, ext))
                self.assertIn(f"bijdragen-{year}.{ext}", listed)
            # The financing plugins' calculation sheets are a workbook of their own.
            self.assertIn(f"bijdragen-berekening-{year}.xlsx", listed)

    def pdf_text(self, region):
        text = tool("pdftotext", "-layout", self.file(region, "pdf"), "-")
        return re.sub(r"€\s+", "€ ", text.replace("\u00a0", " "))

    def test_pdf_shows_every_amount_of_the_json(self):
        for region in REGIONS:
            data, text = self.data[region], self.pdf_text(region)
            wanted = Counter(euro(l["amount_cents"]) for l in data["lines"])
            for source, cents in data["totals"].items():
                wanted[euro(cents)] += 2 if source != "total" else 1  # the bron's total row and its Totaal row
            found = Counter(re.findall(r"-?€ [0-9.]+,[0-9]{2}", text))
            for amount, n in wanted.items():
                self.assertGreaterEqual(found[amount], n, f"{region}: {amount} in the PDF {found[amount]}×, expected {n}×")


    def test_pdf_fonts_are_embedded_and_metadata_is_set(self):
        for region in REGIONS:
            rows = tool("pdffonts", self.file(region, "pdf")).splitlines()[2:]
            self.assertTrue(rows, region)
            for row in rows:
                self.assertRegex(row, r"\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$", f"{region}: not embedded: {row}")
            info = tool("pdfinfo", self.file(region, "pdf"))
            self.assertRegex(info, rf"Title:\s+Bijdragen {REGIONS[region]}\n")

    def test_workbook_totals_are_formulas_with_the_json_totals_cached(self):
        for region in REGIONS:
            data = self.data[region]
            book = read_workbook(self.file(region, "xlsx"))
            sheets = {s["name"]: {c["ref"]: c for c in s["cells"]} for s in book["sheets"]}
            sources = list(dict.fromkeys(l["source"] for l in data["lines"]))
            self.assertEqual(list(sheets), [s[0].upper() + s[1:] + " per betaler" for s in sources] + ["Totaal per bron"],
                             region)
            for source in sources:
                cells = sheets[source[0].upper() + source[1:] + " per betaler"]
                self.assertEqual([cells[f"{c}1"]["value"] for c in "ABCD"], ["Code", "Betaler", "Bedrag", "Grondslag"])
                lines = [l for l in data["lines"] if l["source"] == source]
                for i, line in enumerate(lines):
                    row = i + 2
                    self.assertEqual(cells[f"A{row}"]["value"], line["payer_id"])
                    self.assertNotIn("formula", cells[f"C{row}"])
                    self.assertEqual(round(cells[f"C{row}"]["value"] * 100), line["amount_cents"], f"{source} C{row}")
                    self.assertEqual(cells[f"D{row}"]["value"], line["basis"])
                total = cells[f"C{len(lines) + 2}"]
                self.assertEqual(total.get("formula"), f"SUM($C$2:$C${len(lines) + 1})", f"{region} {source}")
                self.assertEqual(round(total["value"] * 100), data["totals"][source], f"{region} {source}")
                self.assertEqual(round(sum(cells[f"C{r}"]["value"] for r in range(2, len(lines) + 2)) * 100),
                                 data["totals"][source])
            summary = sheets["Totaal per bron"]
            for i, source in enumerate(sources):
                c = summary[f"B{i + 2}"]
                self.assertIn("!", c.get("formula", ""), f"{region}: the bron's total refers to its sheet")
                self.assertEqual(round(c["value"] * 100), data["totals"][source])
            grand = summary[f"B{len(sources) + 2}"]
            self.assertEqual(summary[f"A{len(sources) + 2}"]["value"], "Totaal alle bronnen")
            # totaal_1 + totaal_2 + …: the bronnen's total cells on their own sheets.
            totals = []
            for source in sources:
                n = len([l for l in data["lines"] if l["source"] == source])
                totals.append(f"'{source[0].upper() + source[1:]} per betaler'!$C${n + 2}")
            self.assertEqual(grand.get("formula"), "+".join(totals), region)
            self.assertEqual(round(grand["value"] * 100), data["totals"]["total"], region)

    def test_html_parses_and_every_table_has_header_cells_with_scope(self):
        for region in REGIONS:
            page = lxml_html.fromstring(read_bytes(self.file(region, "html")))
            self.assertEqual(page.get("lang"), "nl-NL")
            tables = page.findall(".//table")
            self.assertEqual(len(tables), len({l["source"] for l in self.data[region]["lines"]}) + 1, region)
            for t in tables:
                self.assertIsNotNone(t.find("caption"), region)
                heads = t.findall("./thead/tr/th")
                self.assertEqual([h.text_content().strip() for h in heads][:2],
                                 ["Code", "Betaler"] if len(heads) == 4 else ["Bron", "Bedrag"])
                for th in t.iter("th"):
                    self.assertIn(th.get("scope"), ("col", "row"), f"{region}: {lxml_html.tostring(th)[:80]}")
            text = re.sub(r"\s+", " ", page.text_content().replace("\u00a0", " "))
            for line in self.data[region]["lines"]:
                self.assertIn(euro(line["amount_cents"]), text)
                self.assertIn(line["payer_id"], text)

    def test_text_has_the_grondslag_and_no_padding_fields(self):
        text = read_text(self.file("zeeland", "txt"))
        self.assertIn("Bijdragen 2013", text)
        self.assertIn("48.019 inwoners", text)
        self.assertIn("€ 19.207,60", text)
        self.assertIn("indicatief", text)
        self.assertNotIn("_kol", text)

    def test_two_runs_are_byte_identical_in_every_format(self):
        again = os.path.join(self.dir, "again")
        r = run("run", "--config", config_of("zeeland"), "--out", again)
        self.assertExit(r, 0)
        names = sorted(os.listdir(again))
        self.assertEqual(names, sorted(os.listdir(self.outs["zeeland"])))
        for name in names:
            self.assertEqual(read_bytes(os.path.join(again, name)), read_bytes(os.path.join(self.outs["zeeland"], name)),
                             name)
        for ext in FORMATS:
            self.assertIn(f"bijdragen-2013.{ext}", names)


if __name__ == "__main__":
    unittest.main()
