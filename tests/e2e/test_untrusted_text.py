"""Untrusted text from the config (gemeente and partner names) and from templates, end to end.

- Names that a spreadsheet would take for a formula (=, +, -, @) are text cells in every workbook
  vhh writes: the exact string, never a formula, and no formula picks up their content.
- Names with '/', '..', control characters (YAML escapes "\\a", "\\u0007", "\\r\\n"), long names
  and names that collide after slugging never lead to a path outside --out or to a file name the
  host rejects: the raadsbrief file names (derived from gemeente names by report.jaarverantwoording)
  are plain, distinct and safe.
- `vhh bijdragen --format csv` (and `vhh partners`) quotes such names so that a CSV reader gets
  them back exactly, except that a name starting with =, +, -, @, tab or CR gets a leading single
  quote (OWASP's CSV-injection guidance), so that Excel shows it as text instead of running it;
  amounts stay plain numbers, also negative ones; the file starts with a UTF-8 BOM.
  `--format json` escapes them so that python's json module does.
- Templates cannot read files or run anything: a partial ({{>/etc/passwd}}, also after a
  delimiter change or inside a section) is refused with a located error and exit 78; template
  syntax inside a name is printed as text, never rendered (there are no lambdas).
"""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from vhhtest import VHH, ZEELAND_DIR, VhhTestCase, read_text, read_workbook, run

# Gemeente names by CBS code (the bundled Zeeland config's gemeenten), written as YAML scalars.
TAG_NAME = "{{regio}} {{>/etc/passwd}} " + "Sluis" * 20
GEMEENTEN = {
    "GM0654": ('"=HYPERLINK(\\"http://x\\",\\"y\\")"', '=HYPERLINK("http://x","y")'),
    "GM0664": ('"+31 6"', "+31 6"),
    "GM0677": ('"-1"', "-1"),
    "GM0678": ('"@SUM(A1)"', "@SUM(A1)"),
    "GM0687": ('"../../etc/passwd"', "../../etc/passwd"),
    "GM1695": ('"Noord/Beveland"', "Noord/Beveland"),
    "GM0703": ('"\\a"', "\a"),
    "GM1676": ('"Schouwen\\u0007Duiveland\\ttab\\r\\nnieuwe regel"', "Schouwen\u0007Duiveland\ttab\r\nnieuwe regel"),
    "GM1714": ('"' + TAG_NAME + '"', TAG_NAME),
    "GM0715": ('"Noord Beveland"', "Noord Beveland"),
    "GM0716": ('"noord-beveland"', "noord-beveland"),
    "GM0717": ('"Veere; \\"quoted\\", comma"', 'Veere; "quoted", comma'),
    "GM0718": ('".."', ".."),
}
# Partner names (registry.partners, billed by werkplekhuur) by partner id.
PARTNERS = {
    "om": ("Openbaar Ministerie", '"=1+2"', "=1+2"),
    "politie": ("Politie Zeeland", '"@politie"', "@politie"),
    "halt": ("Halt zuid-west Nederland", '"-Halt"', "-Halt"),
    "rvdk": ("Raad voor de Kinderbescherming", '"+Raad"', "+Raad"),
}
FORMULA_LIKE = [n for _, n in GEMEENTEN.values() if n[:1] in "=+-@"] + [p[2] for p in PARTNERS.values()]
SAFE_LETTER = re.compile(r"^raadsbrief-2013-[a-z0-9]+(-[a-z0-9]+)*\.(txt|pdf|html|xlsx)$")
# Text from the names that must never end up inside a formula.
INJECTED = ["HYPERLINK", "http://x", "SUM(A1)", "1+2", "politie", "Halt", "Raad", "passwd"]


def hostile_config(directory, gemeenten=GEMEENTEN):
    """The bundled Zeeland config with every gemeente and four partners renamed; returns its path."""
    for f in os.listdir(ZEELAND_DIR):
        shutil.copyfile(os.path.join(ZEELAND_DIR, f), os.path.join(directory, f))
    path = os.path.join(directory, "vhh.yaml")
    text = read_text(path)
    for code, (yaml_name, _) in gemeenten.items():
        text, n = re.subn(r"(\{code: %s, naam: )[^,]+," % code, lambda m: m.group(1) + yaml_name + ",", text)
        assert n == 1, code
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    partners = os.path.join(directory, "partners.yaml")
    text = read_text(partners)
    for old, yaml_name, _ in PARTNERS.values():
        assert f"naam: {old}\n" in text, old
        text = text.replace(f"naam: {old}\n", f"naam: {yaml_name}\n", 1)
    with open(partners, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def csv_text(name):
    """A name as `--format csv` writes it: formula-leading names get a single quote in front."""
    return "'" + name if name[:1] in ("=", "+", "-", "@", "\t", "\r") else name


def read_csv(out):
    """The rows of vhh's CSV output (bytes): it must start with a UTF-8 BOM."""
    assert out.startswith(b"\xef\xbb\xbf"), out[:20]
    return list(csv.reader(io.StringIO(out[3:].decode("utf-8"), newline=""), delimiter=";"))


def run_bytes(*args):
    """Runs vhh and returns (exit code, stdout bytes, stderr text): stdout untouched by newline translation."""
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    r = subprocess.run([VHH, *args], capture_output=True, env=env, timeout=120)
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "backslashreplace")


def tree(root):
    """Every path under root (folders end in '/')."""
    out = set()
    for dirpath, dirnames, filenames in os.walk(root):
        out.update(os.path.relpath(os.path.join(dirpath, d), root) + "/" for d in dirnames)
        out.update(os.path.relpath(os.path.join(dirpath, f), root) for f in filenames)
    return out


class HostileNamesRunTest(unittest.TestCase):
    """One `vhh run` on the hostile config, shared by the tests that read its outputs."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="vhh-untrusted-")
        cls.cfg_dir = os.path.join(cls.tmp, "cfg")
        os.makedirs(cls.cfg_dir)
        cls.cfg = hostile_config(cls.cfg_dir)
        cls.before = tree(cls.tmp)
        cls.out = os.path.join(cls.tmp, "out")
        cls.result = run("run", "--config", cls.cfg, "--out", cls.out)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)

    def workbook(self, name):
        return read_workbook(os.path.join(self.out, name))

    def test_formula_like_names_are_text_in_every_workbook(self):
        gemeente_names = [n for _, n in GEMEENTEN.values() if n[:1] in "=+-@"]
        partner_names = [p[2] for p in PARTNERS.values()]
        expected = {
            "bijdragen-2013.xlsx": gemeente_names + partner_names,
            "bijdragen-berekening-2013.xlsx": gemeente_names + partner_names,
            "jaarverantwoording-2013.xlsx": gemeente_names,
            "partners-2013.xlsx": partner_names,
            "regio-2013.xlsx": gemeente_names,
            "begroting-2014.xlsx": gemeente_names,
            "kaderbrief-2014.xlsx": gemeente_names,
            "begrotingswijziging-2013-1.xlsx": [],  # bundled, it does not change the bijdragen
        }
        self.assertEqual(sorted(f for f in os.listdir(self.out) if f.endswith(".xlsx") and
                                not f.startswith(("raadsbrief-", "zienswijzebrief-"))),
                         sorted(expected))
        for name, names in expected.items():
            book = self.workbook(name)
            cells = [(s["name"], c) for s in book["sheets"] for c in s["cells"]]
            for n in names:
                found = [(sheet, c) for sheet, c in cells if c["value"] == n]
                self.assertTrue(found, f"{name}: {n!r} not found as a cell value")
                for sheet, c in found:
                    self.assertEqual(c["type"], "s", f"{name} {sheet}!{c['ref']}: {n!r} is not a text cell")
                    self.assertNotIn("formula", c, f"{name} {sheet}!{c['ref']}: {n!r} became a formula")
            # Nothing a name says ends up in a formula (the workbooks' own formulas stay SUM/ref formulas).
            for sheet, c in cells:
                if "formula" in c:
                    for bad in INJECTED:
                        self.assertNotIn(bad, c["formula"], f"{name} {sheet}!{c['ref']}: {c['formula']}")
            # A value that starts like a formula is one of ours, and text.
            for sheet, c in cells:
                v = c["value"]
                if isinstance(v, str) and v[:1] in "=+@" and v in FORMULA_LIKE:
                    self.assertEqual(c["type"], "s", f"{name} {sheet}!{c['ref']}")

    def test_control_characters_keep_workbooks_readable(self):
        # The workbooks were read above; here the name with BEL, TAB and CR LF must be in them, as
        # text (openpyxl shows BEL and CR in Excel's _xHHHH_ escape, which Excel shows as the character).
        book = self.workbook("bijdragen-2013.xlsx")
        values = [c["value"] for s in book["sheets"] for c in s["cells"] if isinstance(c["value"], str)]
        self.assertIn("Schouwen_x0007_Duiveland\ttab_x000D_\nnieuwe regel", values)

    def test_every_file_is_a_plain_name_inside_out(self):
        self.assertEqual(tree(self.tmp) - self.before, {"out/"} | {"out/" + f for f in os.listdir(self.out)})
        names = os.listdir(self.out)
        for f in names:
            self.assertTrue(os.path.isfile(os.path.join(self.out, f)), f)
            self.assertLessEqual(len(f.encode("utf-8")), 255, f)
            self.assertRegex(f, r"^[a-z0-9][a-z0-9.-]*$", "file names are plain ASCII")
        manifest = json.loads(read_text(os.path.join(self.out, "manifest.json")))
        self.assertEqual(sorted(x["name"] for x in manifest["files"]), sorted(n for n in names if n != "manifest.json"))

    def test_one_safe_distinct_letter_per_gemeente(self):
        letters = sorted(f for f in os.listdir(self.out) if f.startswith("raadsbrief-") and f.endswith(".txt"))
        self.assertEqual(len(letters), len(GEMEENTEN), letters)
        for f in letters:
            self.assertRegex(f, SAFE_LETTER)
        # Names that slug to nothing ('\a', '..') use the CBS code; colliding slugs get it too.
        for expected in ("raadsbrief-2013-gm0703.txt", "raadsbrief-2013-gm0718.txt",
                         "raadsbrief-2013-noord-beveland-gm1695.txt", "raadsbrief-2013-noord-beveland-gm0715.txt",
                         "raadsbrief-2013-noord-beveland-gm0716.txt", "raadsbrief-2013-etc-passwd.txt"):
            self.assertIn(expected, letters)
        # Each letter is addressed to its own gemeente ("De gemeenteraad van <naam>", kenmerk JV2013/<code>);
        # the text rendering keeps a name on one line, without its control characters.
        addressed = {}
        for f in letters:
            with open(os.path.join(self.out, f), encoding="utf-8", newline="") as fh:
                text = fh.read()
            m = re.search(r"\nDe gemeenteraad van ?([^\n]*)\n(?:.*\n)*?Kenmerk: +JV2013/(GM\d{4})\n", text)
            self.assertIsNotNone(m, f)
            for word in re.findall(r"[A-Za-z0-9]+", GEMEENTEN[m.group(2)][1]):
                self.assertIn(word, m.group(1), f)
            addressed[m.group(2)] = f
        self.assertEqual(sorted(addressed), sorted(GEMEENTEN))

    def test_template_syntax_in_a_name_is_text(self):
        letters = [f for f in os.listdir(self.out) if f.startswith("raadsbrief-2013-regio-etc-passwd-sluis")
                   and f.endswith(".txt")]
        self.assertEqual(len(letters), 1, os.listdir(self.out))
        text = read_text(os.path.join(self.out, letters[0]))
        self.assertIn(TAG_NAME, text)
        self.assertNotIn("root:", text)
        for f in os.listdir(self.out):
            if f.endswith(".txt"):
                self.assertNotIn("root:x:0:0", read_text(os.path.join(self.out, f)), f)


class HostileNamesOutputFormatsTest(VhhTestCase):
    def setUp(self):
        super().setUp()
        self.cfg = hostile_config(self.tmp)

    def test_bijdragen_csv_quotes_names(self):
        code, out, err = run_bytes("bijdragen", "--config", self.cfg, "--format", "csv")
        self.assertEqual(code, 0, err)
        rows = read_csv(out)
        header, body = rows[0], rows[1:]
        self.assertEqual(header[:3], ["source", "payer_id", "payer"])
        self.assertTrue(all(len(r) == len(header) for r in body), "a name broke a row")
        payers = {(r[0], r[1]): r[2] for r in body}
        for code_, (_, name) in GEMEENTEN.items():
            self.assertEqual(payers[("inwonerbijdrage", code_)], csv_text(name))
        for pid, (_, _, name) in PARTNERS.items():
            self.assertEqual(payers[("werkplekhuur", pid)], csv_text(name))

    def test_csv_neutralises_formulas(self):
        """No cell of the CSV output starts with a formula character, except amounts, which stay
        numbers Excel reads (also negative ones); every neutralised field is quoted."""
        for command in ("bijdragen", "partners"):
            code, out, err = run_bytes(command, "--config", self.cfg, "--format", "csv")
            self.assertEqual(code, 0, err)
            text = out[3:].decode("utf-8")
            for name in FORMULA_LIKE:
                if command == "partners" and name not in [p[2] for p in PARTNERS.values()]:
                    continue
                self.assertIn('"\'' + name.replace('"', '""') + '"', text, name)
            for row in read_csv(out)[1:]:
                for i, cell in enumerate(row):
                    if command == "bijdragen" and i in (3, 4):
                        self.assertRegex(cell, r"^-?[0-9]+(,[0-9]{2})?$")
                        continue
                    self.assertNotIn(cell[:1], ("=", "+", "-", "@", "\t", "\r"), (command, row))

    def test_csv_negative_amounts_stay_numbers(self):
        """Amounts are numbers, not user text: an afrekening's negative amounts are written as they
        are (no quote, no apostrophe), so that Excel reads -1234,56 as a number."""
        text = read_text(self.cfg).replace("    tarief: 0.40", "    tarief: 0.40\n    afrekening_resultaat: 10000.00", 1)
        with open(self.cfg, "w", encoding="utf-8") as f:
            f.write(text)
        code, out, err = run_bytes("bijdragen", "--config", self.cfg, "--format", "csv")
        self.assertEqual(code, 0, err)
        rows = read_csv(out)
        negative = [r for r in rows[1:] if r[0] == "afrekening"]
        self.assertEqual(len(negative), len(GEMEENTEN))
        lines = out[3:].decode("utf-8").split("\r\n" if b"\r\n" in out else "\n")
        for r in negative:
            self.assertRegex(r[3], r"^-[0-9]+$")
            self.assertRegex(r[4], r"^-[0-9]+,[0-9]{2}$")
            self.assertTrue(any((";" + r[3] + ";" + r[4] + ";") in line for line in lines), r)

    def test_bijdragen_json_escapes_names(self):
        code, out, err = run_bytes("bijdragen", "--config", self.cfg, "--format", "json")
        self.assertEqual(code, 0, err)
        data = json.loads(out.decode("utf-8"))  # strict: raw control characters would be refused
        payers = {(l["source"], l["payer_id"]): l["payer"] for l in data["lines"]}
        for code_, (_, name) in GEMEENTEN.items():
            self.assertEqual(payers[("inwonerbijdrage", code_)], name)
        for pid, (_, _, name) in PARTNERS.items():
            self.assertEqual(payers[("werkplekhuur", pid)], name)

    def test_partners_json_and_csv_keep_names(self):
        code, out, err = run_bytes("partners", "--config", self.cfg, "--format", "json")
        self.assertEqual(code, 0, err)
        text = out.decode("utf-8")
        data = json.loads(text)
        for _, _, name in PARTNERS.values():
            self.assertIn(json.dumps(name), text)
        self.assertTrue(data)
        code, out, err = run_bytes("partners", "--config", self.cfg, "--format", "csv")
        self.assertEqual(code, 0, err)
        cells = [c for row in read_csv(out) for c in row]
        for _, _, name in PARTNERS.values():
            self.assertIn(csv_text(name), cells)

    def test_very_long_name(self):
        """A 300-character gemeente name: the raadsbrief file name is shortened and the workbook column
        width capped, so the run succeeds."""
        cfg = hostile_config(self.tmp, {"GM1714": ('"' + "Sluis" * 60 + '"', "Sluis" * 60)})
        out = self.path("out")
        r = run("run", "--config", cfg, "--out", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        letters = [f for f in os.listdir(out) if f.startswith("raadsbrief-2013-sluis") and f.endswith(".txt")]
        self.assertEqual(len(letters), 1)
        self.assertLessEqual(len(letters[0]), 255)
        self.assertRegex(letters[0], SAFE_LETTER)
        read_workbook(os.path.join(out, "jaarverantwoording-2013.xlsx"))


class TemplateSandboxTest(VhhTestCase):
    """Own templates (config `templates:`) cannot include files; located errors, exit 78, nothing written."""

    ERROR = re.compile(r"^(?P<file>[^\n]+?):(?P<line>\d+):(?P<col>\d+): error: (?P<msg>.*)$", re.M)

    def template_config(self, name, content):
        for f in os.listdir(ZEELAND_DIR):
            shutil.copyfile(os.path.join(ZEELAND_DIR, f), self.path(f))
        os.makedirs(self.path("sjablonen"), exist_ok=True)
        with open(self.path("sjablonen", name), "w", encoding="utf-8") as f:
            f.write(content)
        with open(self.path("vhh.yaml"), "a", encoding="utf-8") as f:
            f.write("templates: sjablonen\n")
        return self.path("vhh.yaml")

    def refused(self, name, content, line, col, spelled):
        cfg = self.template_config(name, content)
        out = self.path("out")
        for args in (("check", "--config", cfg), ("run", "--config", cfg, "--out", out)):
            r = run(*args)
            self.assertExit(r, 78)
            errors = [(m["file"], int(m["line"]), int(m["col"]), m["msg"]) for m in self.ERROR.finditer(r.stderr)]
            self.assertEqual(errors, [(self.path("sjablonen", name), line, col,
                                       f"partials are not supported: {spelled} (templates cannot include other files)")],
                             r.stderr)
            self.assertNotIn("root:", r.stderr + r.stdout)
            self.assertEqual(r.stdout, "")
        self.assertFalse(os.path.exists(out), "a refused template wrote output")

    def test_partial_of_an_absolute_path(self):
        self.refused("raadsbrief.txt.mustache", "Aan de raad van {{gemeente}}\n{{>/etc/passwd}}\n", 2, 1,
                     "{{>/etc/passwd}}")

    def test_partial_after_a_delimiter_change(self):
        self.refused("regio-zeeland.txt.mustache", "{{regio}}\n{{=<% %>=}}\n<%> /etc/passwd %>\n", 3, 1, "{{>/etc/passwd}}")

    def test_partial_in_a_section_the_data_skips(self):
        self.refused("partners.txt.mustache", "{{regio}}\n{{^regio}}  {{> ../vhh.yaml}}{{/regio}}\n", 2, 13,
                     "{{>../vhh.yaml}}")

    def test_no_lambdas_a_section_over_text_renders_its_body_as_it_is(self):
        # With lambdas, a section over a value hands its raw body to code; vhh's data is only text,
        # booleans, lists and maps, so the body is rendered once, as a template, with the name as text.
        cfg = self.template_config("raadsbrief.txt.mustache", "Onderwerp: {{#gemeente}}[{{gemeente}}]{{/gemeente}}\n")
        text = read_text(cfg).replace("naam: Sluis,", 'naam: "{{regio}} {{#x}}",', 1)
        with open(cfg, "w", encoding="utf-8") as f:
            f.write(text)
        out = self.path("out")
        r = run("run", "--config", cfg, "--out", out)
        self.assertExit(r, 0)
        letter = [f for f in os.listdir(out) if f.startswith("raadsbrief-2013-regio-x") and f.endswith(".txt")]
        self.assertEqual(len(letter), 1, os.listdir(out))
        self.assertRegex(read_text(os.path.join(out, letter[0])), r"Onderwerp: +\[\{\{regio\}\} \{\{#x\}\}\]\n")


if __name__ == "__main__":
    unittest.main()
