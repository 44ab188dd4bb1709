"""Workbooks print as a controller expects (issue 16): LibreOffice's own PDF export
(`soffice --headless --convert-to pdf`) of the described documents' workbooks of the bundled
Zeeland run keeps each
table one page wide and shows every column header whole — checked by reading the exported PDF with
pdftotext: all header texts of a sheet are found, in full, on one page (a table cut in two across
pages, or a header cut off by a narrow column, fails). The Zeeland jaarverantwoording PDF of vhh's
own renderer has no table whose header row stands alone at the bottom of a page."""
import os
import re
import shutil
import subprocess
import tempfile

from vhhtest import VhhTestCase, read_workbook, run

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"


def tool(*args, timeout=300):
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=timeout).stdout


def pages(pdf):
    """The text of every page of `pdf`, whitespace collapsed."""
    n = int(re.search(r"Pages:\s+(\d+)", tool("pdfinfo", pdf)).group(1))
    return [" ".join(tool("pdftotext", "-layout", "-f", str(p), "-l", str(p), pdf, "-").split())
            for p in range(1, n + 1)]


class WorkbookPrintTest(VhhTestCase):
    @classmethod
    def setUpClass(cls):
        cls.shared = tempfile.mkdtemp(prefix="vhh-e2e-print-")
        cls.out = os.path.join(cls.shared, "out")
        cls.result = run("run", "--out", cls.out)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.shared, ignore_errors=True)

    def test_libreoffice_prints_every_table_one_page_wide_with_whole_headers(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        # The workbooks of described documents (print setup by the xlsx renderer), partners-2013 and
        # regio-2013 among them since they are described, and bijdragen-berekening-2013.xlsx (the
        # compute plugins' sheets, written from the host's own workbook model with the same layout).
        # One workbook of every kind the bundled Zeeland run writes (a letter of one gemeente stands
        # for its kind).
        books = ["jaarverantwoording-2013.xlsx", "raadsbrief-2013-middelburg.xlsx", "partners-2013.xlsx",
                 "regio-2013.xlsx", "bijdragen-berekening-2013.xlsx", "bijdragen-2013.xlsx", "begroting-2014.xlsx",
                 "kaderbrief-2014.xlsx", "zienswijzebrief-2014-middelburg.xlsx", "begrotingswijziging-2013-1.xlsx"]
        per_kind = {re.sub(r"-(20\d\d)-[a-z-]+\.xlsx$", r"-\1.xlsx", n) for n in os.listdir(self.out) if n.endswith(".xlsx")}
        self.assertEqual(per_kind, {re.sub(r"-(20\d\d)-[a-z-]+\.xlsx$", r"-\1.xlsx", b) for b in books})
        pdf_dir = self.path("pdf")
        os.mkdir(pdf_dir)
        profile = "file://" + self.path("lo-profile")  # a private profile: no shared state between runs
        subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", pdf_dir] + [os.path.join(self.out, b) for b in books],
                       capture_output=True, text=True, check=True, timeout=600)
        for book_name in books:
            book = read_workbook(os.path.join(self.out, book_name))
            text = pages(os.path.join(pdf_dir, book_name.replace(".xlsx", ".pdf")))
            for sheet in book["sheets"]:
                headers = [c["value"] for c in sheet["cells"]
                           if re.fullmatch(r"[A-Z]+1", c["ref"]) and isinstance(c["value"], str) and c["value"]]
                if not headers:
                    continue
                wanted = [" ".join(h.split()) for h in headers]
                on_one_page = [p for p in text if all(h in p for h in wanted)]
                self.assertTrue(on_one_page, f"{book_name} / {sheet['name']}: the headers {wanted} are not all "
                                             "whole on one page")

    def test_calculation_workbook_has_the_print_setup_of_the_documents(self):
        """bijdragen-berekening-2013.xlsx (the host's own workbook of the compute plugins' sheets):
        A4, orientation by width, one page wide, header row repeated, title and "pagina X van Y" in
        header and footer, every column at least as wide as its header, "<5"-style text in a
        column of numbers right-aligned — read with openpyxl."""
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        import openpyxl  # /usr/bin/python3's (python3-openpyxl)
        book = openpyxl.load_workbook(os.path.join(self.out, "bijdragen-berekening-2013.xlsx"))
        self.assertEqual(book.sheetnames, ["Inwonerbijdrage", "Rijksbijdrage", "Werkplekhuur"])
        for ws in book:
            headers = [ws.cell(1, c).value or "" for c in range(1, ws.max_column + 1)]
            widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width
                      for c in range(1, ws.max_column + 1)]
            for header, width in zip(headers, widths):
                self.assertGreaterEqual(width, len(header), f"{ws.title}: column '{header}' is cut off")
            self.assertEqual(ws.page_setup.paperSize, 9, ws.title)
            self.assertEqual(ws.page_setup.orientation, "landscape" if sum(widths) > 95 else "portrait", ws.title)
            self.assertTrue(ws.sheet_properties.pageSetUpPr.fitToPage, ws.title)
            # fitToWidth 1 is the default, which the file leaves out (openpyxl then reads None)
            self.assertEqual((ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight), (1, 0), ws.title)
            self.assertEqual(ws.print_title_rows, "$1:$1", ws.title)
            self.assertIn("Berekening bijdragen", ws.oddHeader.center.text)
            self.assertIn(ws.title, ws.oddHeader.center.text)
            self.assertEqual(ws.oddFooter.center.text, "pagina &P van &N")
        self.assertEqual(book["Werkplekhuur"].page_setup.orientation, "landscape")

    def test_no_table_header_row_stands_apart_from_its_body(self):
        """In vhh's own PDF of the Zeeland jaarverantwoording, wherever a table's header row is on a
        page, a body row of that table follows it on the same page (a header is never left alone
        at the foot of a page)."""
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        book = read_workbook(os.path.join(self.out, "jaarverantwoording-2013.xlsx"))
        text = pages(os.path.join(self.out, "jaarverantwoording-2013.pdf"))
        self.assertGreater(len(text), 1)
        # Tables with the same first headers (Baten and Lasten: "Code Post") share one pattern: a
        # header row of either must be followed by a body row of one of them.
        bodies = {}
        for sheet in book["sheets"]:
            cells = {c["ref"]: c["value"] for c in sheet["cells"]}
            first, second = cells.get("A1"), cells.get("B1")
            if not (isinstance(first, str) and isinstance(second, str)):
                continue
            key = (first, second.split()[0])
            bodies.setdefault(key, []).extend(
                " ".join(str(v).split())[:12] for ref, v in cells.items()
                if re.fullmatch(r"[AB]([2-9]|\d\d+)", ref) and isinstance(v, str) and v.strip())
        seen = 0
        for (first, second), body in bodies.items():
            header = re.compile(re.escape(first) + r" " + re.escape(second))
            for n, page in enumerate(text):
                for m in header.finditer(page):
                    rest = page[m.end():page.rfind("pagina ")]
                    self.assertTrue(any(b in rest for b in body),
                                    f"the header row {first} {second}… stands alone on page {n + 1}")
                    seen += 1
        self.assertGreaterEqual(seen, 5)
