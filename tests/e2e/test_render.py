"""PDF and HTML renderers read back with independent tools: poppler's pdftotext, pdffonts and
pdfinfo, qpdf, and lxml. The documents come from the test driver vhh_render_sample (sample
documents of host/tests/render_samples.cpp: Zeeland 2013 bijdragen, a raadsbrief, a 400-row table,
hostile text)."""
import html
import os
import re
import struct
import subprocess
import unittest
import zlib

from lxml import html as lxml_html

from vhhtest import VhhTestCase, read_bytes

BUILD_DIR = os.environ.get("VHH_BUILD_DIR", "build")
DRIVER = os.path.join(BUILD_DIR, "bin", "vhh_render_sample")

ZEELAND = [("Borsele", 22551), ("Goes", 37050), ("Hulst", 27432), ("Kapelle", 12386), ("Middelburg", 48019),
           ("Noord-Beveland", 7339), ("Reimerswaal", 22678), ("Schouwen-Duiveland", 34049), ("Sluis", 23886),
           ("Terneuzen", 54806), ("Tholen", 25527), ("Veere", 21900), ("Vlissingen", 44353)]


def euro(cents):
    """Dutch notation, independently of vhh: 1920760 -> '€ 19.207,60'."""
    whole = f"{cents // 100:,}".replace(",", ".")
    return f"€ {whole},{cents % 100:02d}"


def png(width=40, height=20):
    """A small valid PNG (solid blue), written without any imaging library."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\x00\x40\xa0" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def tool(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=120).stdout


class RenderTest(VhhTestCase):
    def setUp(self):
        super().setUp()
        self.logo = self.path("logo.png")
        with open(self.logo, "wb") as f:
            f.write(png())
        self.out = self.render_into("a")

    def render_into(self, name):
        out = self.path(name)
        os.mkdir(out)
        r = subprocess.run([DRIVER, out, self.logo], capture_output=True, text=True, timeout=300)
        self.assertEqual(r.returncode, 0, r.stderr)
        return out

    def pdf(self, name):
        return os.path.join(self.out, name + ".pdf")

    def test_every_amount_of_the_bijdragen_is_in_the_pdf_text(self):
        text = tool("pdftotext", "-layout", self.pdf("bijdragen-2013"), "-")
        for naam, inwoners in ZEELAND:
            line = next((l for l in text.splitlines() if l.strip().startswith(naam)), None)
            self.assertIsNotNone(line, naam)
            self.assertIn(f"{inwoners:,}".replace(",", "."), line)
            self.assertIn(euro(40 * inwoners), line)  # on the gemeente's own line
        total = sum(i for _, i in ZEELAND)
        totaal = next(l for l in text.splitlines() if l.strip().startswith("Totaal"))
        self.assertIn(euro(40 * total), totaal)
        self.assertIn("€ 0,40", text)
        self.assertIn("pagina 1 van ", text)

    def words(self, name, page=1):
        """(xMax, yMin, text) of every word on a page, from pdftotext -bbox."""
        bbox = tool("pdftotext", "-bbox", "-f", str(page), "-l", str(page), self.pdf(name), "-")
        found = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', bbox)
        return [(float(x), float(y), html.unescape(t)) for y, x, t in found]

    def test_amounts_line_up_on_the_decimal_comma(self):
        # Every amount has two decimals and the digits are tabular: aligned commas mean equal right
        # edges, one per column (tarief and bijdrage).
        words = self.words("bijdragen-2013")
        rows = {round(y) for _, y, t in words if t in {n for n, _ in ZEELAND} | {"Totaal"}}
        self.assertEqual(len(rows), 14)
        ends = {round(x) for x, y, t in words if round(y) in rows and re.fullmatch(r"\d{1,3}(\.\d{3})*,\d\d", t)}
        self.assertEqual(len(ends), 2, ends)
        # "<5" ends where the whole numbers of its column end.
        words = self.words("lange-tabel")
        suppressed = [(x, y) for x, y, t in words if t == "<5"]
        self.assertTrue(suppressed)
        for x, y in suppressed:
            below = [wx for wx, wy, t in words if re.fullmatch(r"\d+", t) and 5 < wy - y < 15]
            self.assertTrue(any(abs(wx - x) < 0.3 for wx in below), (x, below))

    def test_every_font_is_embedded(self):
        for name in ("bijdragen-2013", "raadsbrief-2013-goes", "lange-tabel", "vijandig"):
            rows = tool("pdffonts", self.pdf(name)).splitlines()[2:]
            self.assertTrue(rows, name)
            for row in rows:
                # columns: name type encoding emb sub uni object ID
                self.assertRegex(row, r"\s(yes)\s+(yes)\s+(yes|no)\s+\d+\s+\d+$", f"{name}: {row}")

    def test_pdfinfo_title_pages_tagged_and_language(self):
        info = tool("pdfinfo", self.pdf("bijdragen-2013"))
        self.assertRegex(info, r"Title:\s+Bijdragen 2013\n")
        self.assertRegex(info, r"Author:\s+Veiligheidshuis Zeeland\n")
        self.assertRegex(info, r"Tagged:\s+yes\n")
        self.assertRegex(info, r"CreationDate:\s+Wed Jan  1 00:00:00 2014 UTC\n")
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        self.assertIn(f"pagina {pages} van {pages}", tool("pdftotext", "-f", str(pages), "-l", str(pages),
                                                          self.pdf("bijdragen-2013"), "-"))
        # pdfinfo does not print /Lang; qpdf checks the incremental update and shows the catalog.
        self.assertIn("No syntax or stream encoding errors", tool("qpdf", "--check", self.pdf("bijdragen-2013")))
        catalog = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", self.pdf("bijdragen-2013"), "-"],
                                 capture_output=True, check=True, timeout=120).stdout.decode("latin-1")
        self.assertRegex(catalog, r"/Lang \(nl-NL\)")
        self.assertRegex(catalog, r"/Outlines \d+ 0 R")

    def test_structure_tree_has_headings_tables_and_lists(self):
        tree = tool("pdfinfo", "-struct-text", self.pdf("bijdragen-2013"))
        for element in ("Document", "H1", "H2", "H3", "P", "L", "LI", "Table", "TR", "TH", "TD", "Figure", "TOC"):
            self.assertRegex(tree, rf"(?m)^\s*{element}\b", element)
        self.assertIn('"Bijdrage 2013"', tree)

    def test_long_table_repeats_its_header_on_every_page(self):
        pdf = self.pdf("lange-tabel")
        pages = int(re.search(r"Pages:\s+(\d+)", tool("pdfinfo", pdf)).group(1))
        self.assertGreater(pages, 5)
        seen_rows = set()
        for page in range(1, pages + 1):
            text = tool("pdftotext", "-layout", "-f", str(page), "-l", str(page), pdf, "-")
            rows = [int(m) for m in re.findall(r"(?m)^\s*(\d+)\s+Omschrijving van regel", text)]
            self.assertTrue(rows, f"page {page} has no body rows")
            header = text.index("Aantal casussen")
            self.assertLess(header, text.index("Omschrijving van regel"), f"header above the rows on page {page}")
            self.assertIn(f"pagina {page} van {pages}", text)
            seen_rows.update(rows)
        self.assertEqual(seen_rows, set(range(1, 401)))
        last = tool("pdftotext", "-layout", "-f", str(pages), "-l", str(pages), pdf, "-")
        self.assertRegex(last, r"Totaal\s+€ [\d.]+,\d\d")

    def test_two_renders_are_byte_identical(self):
        other = self.render_into("b")
        for name in sorted(os.listdir(self.out)):
            self.assertEqual(read_bytes(os.path.join(self.out, name)), read_bytes(os.path.join(other, name)), name)

    def test_raadsbrief_has_letterhead_references_and_signatory(self):
        pdf = self.pdf("raadsbrief-2013-goes")
        text = tool("pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-")
        for s in ("Veiligheidshuis Zeeland", "Postbus 123", "De gemeenteraad van Goes", "Datum", "15-1-2013",
                  "Kenmerk", "VHZ-2013-017", "Onderwerp", "Contactpersoon", "J. de Vries", "0118 123 456",
                  "Geachte leden van de raad,", "Met vriendelijke groet,", "M. Jansen", "Bijlagen"):
            self.assertIn(s, text)
        self.assertNotIn("restverdeling", text)
        images = tool("pdfimages", "-list", pdf)
        self.assertRegex(images, r"\n\s+1\s+\d+\s+image\s+40\s+20\s", "the logo on page 1")

    def test_html_parses_and_every_table_has_caption_and_scoped_headers(self):
        for name in ("bijdragen-2013", "raadsbrief-2013-goes", "lange-tabel", "vijandig"):
            doc = lxml_html.fromstring(read_bytes(os.path.join(self.out, name + ".html")))
            self.assertTrue(doc.get("lang").startswith("nl"), name)
            self.assertFalse(doc.xpath("//script"), name)
            self.assertFalse(doc.xpath("//*[@src and not(starts-with(@src, 'data:'))]"), name)
            self.assertFalse(doc.xpath("//link"), name)
            tables = doc.xpath("//table")
            self.assertTrue(tables or name == "raadsbrief-2013-goes", name)
            for t in tables:
                self.assertTrue(t.xpath("caption"), name)
                heads = t.xpath("thead/tr/th")
                self.assertTrue(heads, name)
                self.assertTrue(all(h.get("scope") == "col" for h in heads), name)
                for th in t.xpath("tbody//th"):
                    self.assertEqual(th.get("scope"), "row", name)
            levels = [int(h.tag[1]) for h in doc.xpath("//h1|//h2|//h3|//h4|//h5|//h6")]
            for a, b in zip(levels, levels[1:]):
                self.assertLessEqual(b, a + 1, f"{name}: heading order {levels}")
            for svg in doc.xpath("//svg"):
                self.assertEqual(svg.get("role"), "img")
                self.assertTrue(svg.get("aria-labelledby"))

    def test_html_bijdragen_amounts_and_total(self):
        doc = lxml_html.fromstring(read_bytes(os.path.join(self.out, "bijdragen-2013.html")))
        rows = {r.xpath("string(th)"): r for r in doc.xpath("//table[@id='tabel-bijdragen']/tbody/tr")}
        for naam, inwoners in ZEELAND:
            self.assertIn(euro(40 * inwoners), rows[naam].text_content())
        self.assertEqual(rows["Totaal"].get("class"), "totaal")
        self.assertIn(euro(40 * sum(i for _, i in ZEELAND)), rows["Totaal"].text_content())

    def test_hostile_text_is_escaped_and_wrapped(self):
        raw = read_bytes(os.path.join(self.out, "vijandig.html"))
        self.assertFalse(re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", raw))
        raw.decode("utf-8")  # valid UTF-8 throughout
        doc = lxml_html.fromstring(raw)
        self.assertFalse(doc.xpath("//script|//b"))
        self.assertIn("<script>alert('x')</script>", doc.xpath("string(//h1)"))
        pdf = self.pdf("vijandig")
        self.assertIn("No syntax or stream encoding errors", tool("qpdf", "--check", pdf))
        text = tool("pdftotext", pdf, "-")
        self.assertIn("<script>alert('x')</script>", text)
        self.assertNotIn("\x1b", text)
        # The 3000-character word is wrapped inside the page: no line of the text is wider than it.
        bbox = tool("pdftotext", "-bbox", pdf, "-")
        for x_max in re.findall(r'xMax="([\d.]+)"', bbox):
            self.assertLessEqual(float(x_max), 595.3)


if __name__ == "__main__":
    unittest.main()
