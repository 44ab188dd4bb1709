"""The jaarverantwoording and its raadsbrieven in every format, read back with independent tools
(issue 16): pdftotext finds the amounts of the workbook (read by openpyxl) in the PDF, pdffonts shows
every font embedded, pdfinfo the title and page count, qpdf the language; the raadsbrief PDF carries
the letterhead of the config's `huisstijl:` (logo, organisation, address), date, kenmerk,
addressee, contact person and signatory; the HTML parses with lxml and every data table has header
cells with scope; two runs are byte-identical in every format. Also the config key `huisstijl:`
refused with located errors."""
import os
import re
import shutil
import subprocess

from lxml import html as lxml_html

from test_render import png
from vhhtest import SOURCE_DIR, VhhTestCase, read_bytes, read_text, read_workbook, run

GOLDEN = os.path.join(SOURCE_DIR, "plugins", "report", "jaarverantwoording", "tests", "golden")
LOCATED = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): error: (?P<msg>.*)$", re.M)

HUISSTIJL = """huisstijl:
  organisatie: Veiligheidshuis Noord
  adres: |
    Postbus 42
    1234 AB Ergens
  logo: beeldmerk.png
  contactpersoon: {naam: P. Pieters, functie: controller, telefoon: "012 345 67 89", email: p.pieters@example.nl}
  ondertekenaar: {naam: J. Jansen, functie: secretaris van het dagelijks bestuur}
"""


def tool(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=120).stdout


def nl(cents):
    """Dutch notation, independently of vhh: -240125 -> '-€ 2.401,25'."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}€ " + f"{cents // 100:,}".replace(",", ".") + f",{cents % 100:02d}"


class Golden(VhhTestCase):
    def config(self, huisstijl=HUISSTIJL):
        for name in os.listdir(GOLDEN):
            src = os.path.join(GOLDEN, name)
            if os.path.isfile(src):
                shutil.copy(src, self.path(name))
        with open(self.path("beeldmerk.png"), "wb") as f:
            f.write(png())
        with open(self.path("vhh.yaml"), encoding="utf-8") as f:
            text = re.sub(r"\nhuisstijl:\n(  .*\n)+", "\n", f.read())  # the golden config's own
        self.assertIn("\nplugins:", text)
        self.assertNotIn("huisstijl", text)
        with open(self.path("vhh.yaml"), "w", encoding="utf-8") as f:
            f.write(text.replace("\nplugins:", "\n" + huisstijl + "plugins:", 1))
        return self.path("vhh.yaml")


class FormatsTest(Golden):
    def setUp(self):
        super().setUp()
        self.cfg = self.config()
        self.out = self.path("out")
        r = run("run", "--config", self.cfg, "--out", self.out)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_every_amount_of_the_workbook_is_in_the_pdf(self):
        book = read_workbook(os.path.join(self.out, "jaarverantwoording-2015.xlsx"))
        text = tool("pdftotext", "-layout", os.path.join(self.out, "jaarverantwoording-2015.pdf"), "-")
        amounts = set()
        for sheet in book["sheets"]:
            for cell in sheet["cells"]:
                if "€" in (cell.get("number_format") or "") and isinstance(cell["value"], (int, float)):
                    amounts.add(round(cell["value"] * 100))
        self.assertGreater(len(amounts), 20)
        for cents in sorted(amounts):
            self.assertIn(nl(cents), text, f"{nl(cents)} not in the PDF")

    def test_pdf_fonts_title_pages_and_language(self):
        for name in ("jaarverantwoording-2015", "raadsbrief-2015-bergen-nh"):
            pdf = os.path.join(self.out, name + ".pdf")
            rows = tool("pdffonts", pdf).splitlines()[2:]
            self.assertTrue(rows, name)
            for row in rows:
                self.assertRegex(row, r"\s(yes)\s+(yes)\s+(yes|no)\s+\d+\s+\d+$", f"{name}: {row}")
            catalog = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, "-"],
                                     capture_output=True, check=True, timeout=120).stdout.decode("latin-1")
            self.assertRegex(catalog, r"/Lang \(nl-NL\)")
        info = tool("pdfinfo", os.path.join(self.out, "jaarverantwoording-2015.pdf"))
        self.assertRegex(info, r"Title:\s+Jaarverantwoording .* 2015\n")
        self.assertRegex(info, r"Author:\s+Veiligheidshuis Noord\n")  # the organisation of huisstijl:
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        self.assertGreater(pages, 2)

    def test_raadsbrief_pdf_has_letterhead_references_and_signatory(self):
        pdf = os.path.join(self.out, "raadsbrief-2015-s-hertogenbosch.pdf")
        text = tool("pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-")
        for s in ("Veiligheidshuis Noord", "Postbus 42", "1234 AB Ergens", "De gemeenteraad van 's-Hertogenbosch",
                  "t.a.v. de griffie", "Datum", "1-1-2016", "Kenmerk", "JV2015/GM0796", "Onderwerp",
                  "Jaarverantwoording 2015", "Contactpersoon", "P. Pieters", "012 345 67 89",
                  "Geachte leden van de raad,"):
            self.assertIn(s, text)
        whole = tool("pdftotext", "-layout", pdf, "-")
        for s in ("Met vriendelijke groet,", "J. Jansen", "secretaris van het dagelijks bestuur",
                  "Voorlopige bijdrage", "Definitieve bijdrage", "artikel 34"):
            self.assertIn(s, whole)
        self.assertNotIn("restverdeling", whole)
        self.assertNotIn("zienswijze naar voren", whole)
        images = tool("pdfimages", "-list", pdf)
        self.assertRegex(images, r"\n\s+1\s+\d+\s+image\s+40\s+20\s", "the logo on page 1")

    def test_html_tables_have_scoped_headers(self):
        for name in ("jaarverantwoording-2015", "raadsbrief-2015-bergen-nh"):
            doc = lxml_html.fromstring(read_bytes(os.path.join(self.out, name + ".html")))
            self.assertEqual(doc.get("lang"), "nl-NL")
            tables = doc.findall(".//table")
            self.assertTrue(tables, name)
            for table in tables:
                heads = table.findall("./thead/tr/th")
                self.assertTrue(heads, name)
                self.assertTrue(all(h.get("scope") == "col" for h in heads), name)
                self.assertIsNotNone(table.find("./caption"), name)
        # A chart of two series has a legend naming both (issue 16's notes).
        report = lxml_html.fromstring(read_bytes(os.path.join(self.out, "jaarverantwoording-2015.html")))
        charts = [svg for svg in report.iter("svg")
                  if svg.findtext("title") == "Lasten: begroting en realisatie per post"]
        self.assertEqual(len(charts), 1)
        texts = [t.text for t in charts[0].iter("text")]
        self.assertIn("Begroting na wijziging", texts)
        self.assertIn("Realisatie", texts)
        letter = lxml_html.fromstring(read_bytes(os.path.join(self.out, "raadsbrief-2015-bergen-nh.html")))
        self.assertIn("Veiligheidshuis Noord", letter.text_content())
        self.assertTrue(letter.findall(".//address"))

    def test_two_runs_are_byte_identical_in_every_format(self):
        other = self.path("other")
        r = run("run", "--config", self.cfg, "--out", other)
        self.assertEqual(r.returncode, 0, r.stderr)
        names = sorted(os.listdir(self.out))
        self.assertEqual(names, sorted(os.listdir(other)))
        for ext in ("pdf", "xlsx", "html", "txt"):
            self.assertIn("raadsbrief-2015-bergen-nh." + ext, names)
        for name in names:
            self.assertEqual(read_bytes(os.path.join(self.out, name)), read_bytes(os.path.join(other, name)), name)

    def test_manifest_records_the_logo(self):
        manifest = read_text(os.path.join(self.out, "manifest.json"))
        self.assertIn("beeldmerk.png", manifest)


class LongCellTest(Golden):
    def test_a_table_cell_of_over_400_characters_is_not_cut_in_the_pdf(self):
        """Issue 16's notes: a long cell continues (on the next page if need be), never cut off."""
        cfg = self.config()
        words = " ".join(f"woord{i}" for i in range(150)) + " SLOTWOORD"
        self.assertGreater(len(words), 1000)
        with open(self.path("jaarverantwoording.yaml"), encoding="utf-8") as f:
            text = f.read()
        with open(self.path("jaarverantwoording.yaml"), "w", encoding="utf-8") as f:
            f.write(text.replace("naam: Project nazorg,", f"naam: \"Project nazorg {words}\",", 1))
        out = self.path("out")
        r = run("run", "--config", cfg, "--out", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        pdf = " ".join(tool("pdftotext", os.path.join(out, "jaarverantwoording-2015.pdf"), "-").split())
        self.assertIn("woord149 SLOTWOORD", pdf)
        self.assertGreaterEqual(pdf.count("SLOTWOORD"), 2)  # the Lasten table and the programma's costs


class HuisstijlRefusedTest(Golden):
    def errors(self, r):
        return [(os.path.basename(m["file"]), int(m["line"]), m["msg"]) for m in LOCATED.finditer(r.stderr)]

    def refused(self, huisstijl, code, *expected):
        cfg = self.config(huisstijl)
        for args in (("check", "--config", cfg), ("run", "--config", cfg, "--out", self.path("out"))):
            r = run(*args)
            self.assertEqual(r.returncode, code, r.stderr)
            errors = self.errors(r)
            for line, text in expected:
                self.assertTrue(any(e[0] == "vhh.yaml" and e[1] == self.base + line and text in e[2] for e in errors),
                                f"no error at line {self.base + line} with {text!r}:\n{r.stderr}")
        self.assertFalse(os.path.exists(self.path("out")))

    def setUp(self):
        super().setUp()
        self.config("")
        with open(self.path("vhh.yaml"), encoding="utf-8") as f:
            self.base = f.read().split("\nplugins:")[0].count("\n") + 1  # huisstijl: is on line base + 1

    def test_logo_not_a_png(self):
        self.config()
        with open(self.path("beeldmerk.png"), "w", encoding="utf-8") as f:
            f.write("GIF89a")
        for args in (("check", "--config", self.path("vhh.yaml")),):
            r = run(*args)
            self.assertEqual(r.returncode, 65, r.stderr)
            self.assertIn("huisstijl.logo: expected a PNG image", r.stderr)

    def test_damaged_png_refused_by_check_before_run(self):
        # A logo that is PNG in its signature only: check decodes it whole, so run never fails on it.
        self.config()
        with open(self.path("beeldmerk.png"), "rb") as f:
            good = f.read()
        with open(self.path("beeldmerk.png"), "wb") as f:
            f.write(good[:8] + b"\x00" * 40)
        for args in (("check", "--config", self.path("vhh.yaml")),
                     ("run", "--config", self.path("vhh.yaml"), "--out", self.path("out"))):
            r = run(*args)
            self.assertEqual(r.returncode, 65, r.stderr)
            self.assertIn("huisstijl.logo: expected a PNG image, but beeldmerk.png is a damaged PNG image", r.stderr)
        self.assertFalse(os.path.exists(self.path("out")))

    def test_missing_logo_and_bad_person_in_one_run(self):
        self.refused(HUISSTIJL.replace("beeldmerk.png", "ontbreekt.png")
                     .replace("email: p.pieters@example.nl", "email: geen-adres")
                     .replace("{naam: J. Jansen, ", "{"), 66,
                     (6, "huisstijl.logo: cannot read image"), (7, "huisstijl.contactpersoon.email"),
                     (8, "naam"))

    def test_organisatie_required_and_one_line(self):
        self.refused("huisstijl:\n  adres: \"Postbus 1\\n2\\n3\\n4\\n5\\n6\\n7\"\n", 78, (2, "organisatie"),
                     (2, "at most 6 lines"))
        self.refused("huisstijl: {organisatie: \"Veiligheidshuis\\tNoord\"}\n", 78, (1, "control character"))

    def test_not_a_map(self):
        self.refused("huisstijl: Veiligheidshuis Noord\n", 78, (1, "huisstijl: expected a map"))
