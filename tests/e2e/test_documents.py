"""End-to-end tests of documents plugins describe with the SDK's document model: the host checks
them, renders them in every format `formaten:` chooses and writes them through the output set."""
import hashlib
import json
import os
import unittest

import subprocess

from vhhtest import PYTHON, TEST_PLUGIN_DIR, VhhTestCase, read_bytes, read_text, run, zeeland_text

# Read with openpyxl (an independent reader): formulas, cached values, print setup, alignment.
READ_PRINT_SETUP = r"""
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
cached = openpyxl.load_workbook(sys.argv[1], data_only=True)
out = []
for ws in wb.worksheets:
    out.append({
        "name": ws.title,
        "orientation": ws.page_setup.orientation,
        "fit_to_page": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        "fit_width": ws.page_setup.fitToWidth, "fit_height": ws.page_setup.fitToHeight,
        "print_title_rows": ws.print_title_rows,
        "header": ws.oddHeader.center.text, "footer": ws.oddFooter.center.text,
        "widths": {k: d.width for k, d in ws.column_dimensions.items()},
        "cells": {c.coordinate: [c.value, cached[ws.title][c.coordinate].value, c.alignment.horizontal]
                  for row in ws.iter_rows() for c in row if c.value is not None},
        "charts": len(ws._charts)})
print(json.dumps(out))
"""


class DescribedDocuments(VhhTestCase):
    def config(self, extra=""):
        return self.write_config(extra + zeeland_text() + "  - name: test.badmodel\n    probleem: geen\n")

    def test_run_renders_a_described_document_lists_it_and_the_manifest_covers_it(self):
        cfg = self.config()
        out = self.path("out")
        r = run("run", "--config", cfg, "--out", out, "--plugin-dir", TEST_PLUGIN_DIR)
        self.assertExit(r, 0)
        txt = os.path.join(out, "beschreven-2013.txt")
        self.assertIn("  " + txt + "\n", r.stdout)
        text = read_text(txt)
        self.assertIn("Beschreven document 2013\n========================", text)
        lines = text.splitlines()
        totaal = next(l for l in lines if l.startswith("Totaal"))
        een = next(l for l in lines if l.startswith("een"))
        self.assertTrue(totaal.endswith("€ 4,00"), totaal)
        self.assertEqual(len(een), len(totaal), "amounts end in one column")
        self.assertIn("Grafiek: Bedragen", text)
        manifest = json.loads(read_text(os.path.join(out, "manifest.json")))
        files = {f["name"]: f["sha256"] for f in manifest["files"]}
        self.assertEqual(files["beschreven-2013.txt"], hashlib.sha256(read_bytes(txt)).hexdigest())

    def test_two_runs_are_byte_identical(self):
        cfg = self.config()
        outs = [self.path("a"), self.path("b")]
        for o in outs:
            self.assertExit(run("run", "--config", cfg, "--out", o, "--plugin-dir", TEST_PLUGIN_DIR), 0)
        for name in ("beschreven-2013.txt", "beschreven-2013.xlsx"):
            self.assertEqual(read_bytes(os.path.join(outs[0], name)), read_bytes(os.path.join(outs[1], name)), name)

    def test_workbook_has_formulas_with_values_charts_and_print_setup(self):
        cfg = self.config()
        out = self.path("out")
        r = run("run", "--config", cfg, "--out", out, "--plugin-dir", TEST_PLUGIN_DIR)
        self.assertExit(r, 0)
        xlsx = os.path.join(out, "beschreven-2013.xlsx")
        self.assertIn("  " + xlsx + "\n", r.stdout)
        sheets = json.loads(subprocess.run([PYTHON, "-c", READ_PRINT_SETUP, xlsx], capture_output=True, text=True,
                                           check=True, timeout=120).stdout)
        self.assertEqual(len(sheets), 1)
        s = sheets[0]
        self.assertEqual(s["name"], "Twee bedragen")
        self.assertEqual(s["cells"]["A1"][0], "Naam")
        self.assertEqual(s["cells"]["B1"][0], "Bedrag")
        self.assertEqual(s["cells"]["B2"][0], 1.5)
        self.assertEqual(s["cells"]["B4"][:2], ["=SUM($B$2:$B$3)", 4])
        self.assertEqual(s["cells"]["B5"][:2], ["=ROUND($B$4,0)", 4])
        self.assertEqual(s["charts"], 1)
        self.assertEqual(s["orientation"], "portrait")
        self.assertTrue(s["fit_to_page"])
        self.assertIn(s["fit_width"], (None, 1), "one page wide (OOXML's default of fitToWidth is 1)")
        self.assertEqual(s["fit_height"], 0)
        self.assertEqual(s["print_title_rows"], "$1:$1")
        self.assertEqual(s["header"], "Beschreven document 2013 — Twee bedragen")
        self.assertEqual(s["footer"], "pagina &P van &N")
        for column, header in (("A", "Naam"), ("B", "Bedrag")):
            self.assertGreaterEqual(s["widths"][column], len(header), "no header is cut off")

    def test_formaten_chooses_the_formats(self):
        cfg = self.config("formaten: [txt]\n")
        out = self.path("out")
        self.assertExit(run("run", "--config", cfg, "--out", out, "--plugin-dir", TEST_PLUGIN_DIR), 0)
        self.assertEqual(sorted(f for f in os.listdir(out) if f.startswith("beschreven")), ["beschreven-2013.txt"])

    def test_check_counts_described_documents_and_writes_nothing(self):
        cfg = self.config()
        r = run("check", "--config", cfg, "--plugin-dir", TEST_PLUGIN_DIR)
        self.assertExit(r, 0)
        self.assertFalse(os.path.exists(self.path("out")))

    def test_unknown_format_has_a_did_you_mean(self):
        cfg = self.config("formaten: [xslx]\n")
        r = run("check", "--config", cfg, "--plugin-dir", TEST_PLUGIN_DIR)
        self.assertExit(r, 78)
        self.assertIn("formaten[0]: unknown format 'xslx'", r.stderr)
        self.assertIn("did you mean 'xlsx'?", r.stderr)


if __name__ == "__main__":
    unittest.main()
