"""Whatever `vhh run` refuses, `vhh check` refuses first (issue 19, item 12): a region id that is
not a safe slug (`..`, `a/b`, `manifest.json`, 300 characters) and a name too long for an Excel
cell used to pass `check` and fail `run` with "internal error" naming a staging path. Now both
refuse with a located error at the config line (the region id) or at the plugin whose documents
hold the text, and nothing is written. The report-model checks themselves (sheet names, cells,
row widths, formulas) have unit tests in host/tests/report_model_check_test.cpp."""
import os
import re

from vhhtest import VhhTestCase, read_text, run

LOCATED = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): error: (?P<msg>.*)$", re.M)


class CheckRefusesFirstTest(VhhTestCase):
    def assert_refused(self, cfg, code, line, text):
        out = self.path("out")
        for args in (("check", "--config", cfg), ("run", "--config", cfg, "--out", out)):
            r = run(*args)
            self.assertExit(r, code)
            self.assertNotIn("internal error", r.stderr)
            self.assertNotIn("staging", r.stderr)
            errors = [(m["file"], int(m["line"]), m["msg"]) for m in LOCATED.finditer(r.stderr)]
            self.assertTrue(any(f == cfg and l == line and text in msg for f, l, msg in errors),
                            f"no error at {cfg}:{line} with {text!r}:\n{r.stderr}")
            self.assertEqual(r.stdout, "")
        self.assertFalse(os.path.exists(out), "a refused run wrote output")

    def test_region_id_must_be_a_safe_slug(self):
        for bad in ('".."', '"a/b"', "manifest.json", "z" * 300, "Zeeland", '"-x"', '""'):
            with self.subTest(id=bad[:20]):
                cfg = self.zeeland_with("  id: zeeland", "  id: " + bad)
                self.assert_refused(cfg, 78, 10, "regio.id:")

    def test_safe_region_ids_pass(self):
        for good in ("zeeland-2", "a", "maas_en_leijgraaf", "x" * 64):
            with self.subTest(id=good[:20]):
                cfg = self.zeeland_with("  id: zeeland", "  id: " + good)
                self.assertExit(run("check", "--config", cfg), 0)

    def test_name_longer_than_an_excel_cell(self):
        name = "Sluis" * 7000  # 35 000 characters: more than the 32 767 of an Excel cell
        cfg = self.zeeland_with("naam: Sluis,", f"naam: {name},")
        text = read_text(cfg)
        plugin_line = text[:text.index("- name: financing.inwonerbijdrage")].count("\n") + 1
        self.assert_refused(cfg, 65, plugin_line, "plugin 'financing.inwonerbijdrage': a line's payer 'SluisSluis")
