"""Workbooks print as a controller expects (issue 16): LibreOffice's own PDF export
(`soffice --headless --convert-to pdf`) of every workbook of the bundled Zeeland run keeps each
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
        books = ["bijdragen-2013.xlsx", "partners-2013.xlsx", "jaarverantwoording-2013.xlsx",
                 "raadsbrief-2013-middelburg.xlsx"]
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

    def test_no_table_header_row_stands_apart_from_its_body(self):
        """In vhh's own PDF of the Zeeland jaarverantwoording, the page that shows a table's first
        body row also shows that table's header above it."""
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        book = read_workbook(os.path.join(self.out, "jaarverantwoording-2013.xlsx"))
        text = pages(os.path.join(self.out, "jaarverantwoording-2013.pdf"))
        self.assertGreater(len(text), 1)
        checked = 0
        for sheet in book["sheets"]:
            cells = {c["ref"]: c["value"] for c in sheet["cells"]}
            headers = [cells.get("A1"), cells.get("B1")]
            body = next((cells.get(ref) for ref in ("B2", "A2") if isinstance(cells.get(ref), str) and cells.get(ref)),
                        None)
            if body is None or not all(isinstance(h, str) and h for h in headers):
                continue
            body = " ".join(body.split())[:25]
            found = [(n, page) for n, page in enumerate(text) if body in page]
            self.assertTrue(found, f"{sheet['name']}: {body!r} is not in the PDF")
            n, page = found[0]
            at = page.index(body)
            for h in headers:
                self.assertIn(" ".join(h.split()).split(" ")[0], page[:at],
                              f"{sheet['name']}: its first row is on page {n + 1} without the header {h!r} above it")
            checked += 1
        self.assertGreaterEqual(checked, 5)
