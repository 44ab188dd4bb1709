"""registry.partners end to end: `vhh partners` (table, csv, json) on the bundled regions, the
documents partners-Y.xlsx (read back by the independent reader and compared with `vhh partners
--format json`) and partners-Y.txt, every check as a located error with its exit code, the warning
for housed partners without a convenant, and the agreement with financing.werkplekhuur: it bills
exactly the werkplek-maanden the registry holds."""
import json
import os
import re
import unittest

from vhhtest import VhhTestCase, read_text, read_workbook, run, SOURCE_DIR, ZEELAND, zeeland_text

MAAS_EN_LEIJGRAAF = os.path.join(SOURCE_DIR, "config", "maas-en-leijgraaf", "vhh.yaml")

# "Sleutelpartners met huisvesting in het Veiligheidshuis Zeeland" (seed 000), by id.
ZEELAND_SLEUTELPARTNERS = {
    "om": "Openbaar Ministerie", "politie": "Politie Zeeland", "halt": "Halt zuid-west Nederland",
    "rvdk": "Raad voor de Kinderbescherming", "bjz-amk": "Bureau Jeugdzorg/AMK",
    "reclassering": "Reclassering Nederland", "emergis": "Emergis", "meldpunt-bemoeizorg": "Meldpunt Bemoeizorg",
    "door": "St. Door", "leger-des-heils": "Leger des Heils", "mozaik": "St. Mozaik",
    "ashg": "Advies en Steunpunt Huiselijk Geweld", "novadic-kentron": "Novadic-Kentron"}
# Its flexibele schil (seed 000): not housed.
ZEELAND_SCHIL = {
    "woningcorporaties": "Woningcorporaties", "uwv": "UWV", "leerplicht": "Leerplicht",
    "maatschappelijk-werk": "Maatschappelijk werk", "juvent": "Juvent", "slachtofferhulp": "Slachtofferhulp",
    "mee": "St. MEE", "torentijd": "Torentijd"}
# Maas & Leijgraaf 2015 (seed 002): the partners renting werkplekken, 20 in all (€ 103.000 at € 5.150).
ML_WERKPLEKKEN = {"politie": 6, "reclassering": 4, "rvdk": 3, "slachtofferhulp": 2, "halt": 2,
                  "reinier-van-arkel": 3}

# FILE:LINE:COL: error|warning: KEY.PATH: MESSAGE
LOCATED = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): "
                     r"(?P<key>[^\s:]+): (?P<msg>.*)$", re.M)
NOTE = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): note: (?P<msg>.*)$", re.M)

# A small registry for the error tests (registry.partners is plugins[1] in the test config).
PARTNERS = """\
bron: e2e
partners:
  - id: om
    naam: Openbaar Ministerie
    domein: justitie
    ring: sleutelpartner
    gehuisvest: true
    werkplekken: [{aantal: 3, van: 2013-01-01}]
    convenant: [{datum: 2009-01-01, versie: "2009"}]
  - id: politie
    naam: Politie Zeeland
    domein: politie
    ring: sleutelpartner
    gehuisvest: true
    werkplekken: [{aantal: 4, van: 2013-01-01, tot: 2013-12-31}]
    convenant: [{datum: 2009-01-01, versie: "2009"}]
    gemeenten: [GM0687, GM0718]
  - id: uwv
    naam: UWV
    domein: overig
    ring: flexibele schil
"""


def key_path(index, rest):
    """Key path of partner `index` as the plugin reports it: with the plugin entry's own path
    (plugins[1]) when the SDK tells plugins where their entry is, else from `partners`."""
    return re.compile(r"^(plugins\[1\]\.)?partners\[%d\]%s$" % (index, re.escape(rest)))


def plugin_names():
    r = run("plugins", "--format", "json")
    if r.returncode != 0:
        return set()
    return {p["name"] for p in json.loads(r.stdout)["plugins"] if p["status"] == "ok"}


HAS_WERKPLEKHUUR = "financing.werkplekhuur" in plugin_names()


def partners_json(*args):
    r = run("partners", "--format", "json", *args)
    if r.returncode != 0:
        raise AssertionError(f"vhh partners failed ({r.returncode}):\n{r.stderr}")
    return json.loads(r.stdout)


class RegistryTestCase(VhhTestCase):
    def config(self, partners_text=PARTNERS):
        """The Zeeland region with inwonerbijdrage and the partner registry reading `partners_text`."""
        head = zeeland_text().split("\nplugins:")[0]
        cfg = self.write_config(head + "\nplugins:\n  - name: financing.inwonerbijdrage\n    tarief: 0.40\n"
                                       "  - name: registry.partners\n    bestand: partners.yaml\n")
        self.write_config(partners_text, "partners.yaml")
        return cfg

    def diagnostics(self, result, severity="error"):
        return [m.groupdict() for m in LOCATED.finditer(result.stderr) if m["severity"] == severity]

    def registry_warnings(self, result):
        """The warnings but those of facturatie: (these tests' small registries leave most of the copied
        facturatie.yaml's partner debiteuren unknown, which is warned of)."""
        return [w for w in self.diagnostics(result, "warning") if not w["key"].startswith("facturatie.")]


class BundledZeelandTest(RegistryTestCase):
    def test_json_lists_sleutelpartners_and_flexibele_schil(self):
        data = partners_json()
        self.assertEqual(data["region"], "zeeland")
        self.assertEqual(data["year"], 2013)
        partners = {p["id"]: p for p in data["partners"]}
        self.assertEqual(len(data["partners"]), len(partners), "ids are unique")
        self.assertEqual(set(partners), set(ZEELAND_SLEUTELPARTNERS) | set(ZEELAND_SCHIL))
        for pid, naam in ZEELAND_SLEUTELPARTNERS.items():
            p = partners[pid]
            self.assertEqual(p["naam"], naam)
            self.assertEqual(p["ring"], "sleutelpartner", pid)
            self.assertTrue(p["gehuisvest"], pid)
            self.assertGreater(p["werkplek_maanden"], 0, pid)
            self.assertIsNotNone(p["convenant"], pid)
            self.assertIn(p["domein"], {"justitie", "politie", "zorg"})
        for pid, naam in ZEELAND_SCHIL.items():
            p = partners[pid]
            self.assertEqual(p["naam"], naam)
            self.assertEqual(p["ring"], "flexibele schil", pid)
            self.assertFalse(p["gehuisvest"], pid)
            self.assertEqual(p["werkplekken"], [], pid)
            self.assertEqual(p["werkplek_maanden"], 0, pid)
        # Tholen belongs to police district Markiezaten (seed): Politie Zeeland serves the other 12.
        self.assertEqual(len(partners["politie"]["gemeenten"]), 12)
        self.assertNotIn("GM0716", partners["politie"]["gemeenten"])
        # Werkplek-maanden are aantal × 12 for the whole-year periods of 2013.
        for p in data["partners"]:
            expected = sum(w["aantal"] * 12 for w in p["werkplekken"]
                           if w["van"] <= "2013-01-01" and (w["tot"] is None or w["tot"] >= "2013-12-31"))
            self.assertEqual(p["werkplek_maanden"], expected, p["id"])
        self.assertEqual(data["totals"], {"partners": 21, "gehuisvest": 13,
                                          "werkplek_maanden": sum(p["werkplek_maanden"] for p in data["partners"])})

    def test_table(self):
        r = run("partners")
        self.assertExit(r, 0)
        self.assertIn("Veiligheidshuis Zeeland - partners 2013", r.stdout)
        self.assertIn("Werkplekken 2013", r.stdout)
        for naam in list(ZEELAND_SLEUTELPARTNERS.values()) + list(ZEELAND_SCHIL.values()):
            self.assertIn(naam, r.stdout)
        self.assertIn("21 partners", r.stdout)
        self.assertIn("13 gehuisvest", r.stdout)
        r2 = run("partners", "--format", "table")
        self.assertEqual(r2.stdout, r.stdout)

    def test_csv(self):
        r = run("partners", "--format", "csv")
        self.assertExit(r, 0)
        self.assertTrue(r.stdout.startswith("\ufeff"), "a UTF-8 BOM, so that Excel reads UTF-8")
        rows = r.stdout[1:].splitlines()
        self.assertEqual(rows[0], "id;naam;domein;ring;gehuisvest;werkplek_maanden;convenant_datum;convenant_versie;"
                                  "gemeenten;actief_van;actief_tot")
        self.assertEqual(len(rows), 1 + 21)
        by_id = {row.split(";")[0]: row.split(";") for row in rows[1:]}
        data = partners_json()
        for p in data["partners"]:
            f = by_id[p["id"]]
            self.assertEqual(f[1], p["naam"])
            self.assertEqual(f[3], p["ring"])
            self.assertEqual(f[4], "ja" if p["gehuisvest"] else "nee")
            self.assertEqual(int(f[5]), p["werkplek_maanden"])

    def test_check_is_clean(self):
        r = run("check")
        self.assertExit(r, 0)
        self.assertEqual([w for w in self.diagnostics(r, "warning") if "convenant" in w["msg"]], [], r.stderr)


class PartnerDocumentsTest(RegistryTestCase):
    @classmethod
    def setUpClass(cls):
        import tempfile
        cls.out_root = tempfile.mkdtemp(prefix="vhh-e2e-partners-")
        cls.out = os.path.join(cls.out_root, "out")
        r = run("run", "--out", cls.out)
        if r.returncode != 0:
            raise AssertionError(f"vhh run failed ({r.returncode}):\n{r.stderr}")
        cls.run_stdout = r.stdout
        cls.data = partners_json()
        cls.book = read_workbook(os.path.join(cls.out, "partners-2013.xlsx"))

    @classmethod
    def tearDownClass(cls):
        import shutil
        shutil.rmtree(cls.out_root, ignore_errors=True)

    def sheet(self, name):
        sheets = {s["name"]: s for s in self.book["sheets"]}
        return sheets[name], {c["ref"]: c for c in sheets[name]["cells"]}

    def test_run_writes_and_lists_the_partner_documents(self):
        for name in ("partners-2013.xlsx", "partners-2013.txt"):
            self.assertTrue(os.path.isfile(os.path.join(self.out, name)), name)
            self.assertIn(os.path.join(self.out, name), self.run_stdout)
        with open(os.path.join(self.out, "manifest.json"), encoding="utf-8") as f:
            manifest = json.load(f)
        self.assertIn("registry.partners", [p["name"] for p in manifest["plugins"]])
        self.assertTrue(any(i["path"].endswith("partners.yaml") for i in manifest["inputs"]), manifest["inputs"])
        self.assertTrue(any(i["path"].endswith("partners.txt.mustache") for i in manifest["inputs"]))

    RINGS = [("sleutelpartner", "Sleutelpartners 2013"), ("flexibele schil", "Flexibele schil 2013")]

    def test_workbook_sheets_and_properties(self):
        # The described document partners-2013: a sheet per ring with partners (Zeeland's kern has
        # none) and the summary.
        self.assertEqual([s["name"] for s in self.book["sheets"]],
                         [name for _, name in self.RINGS] + ["samenvatting"])
        self.assertEqual(self.book["properties"]["title"], "Partners boekjaar 2013")
        for _, name in self.RINGS:
            sheet, _ = self.sheet(name)
            self.assertEqual(sheet["freeze_panes"], "A2")

    def test_ring_sheets_match_json(self):
        partners = self.data["partners"]
        for ring, name in self.RINGS:
            _, cells = self.sheet(name)
            self.assertEqual([cells[f"{c}1"]["value"] for c in "ABCDEF"],
                             ["Partner", "Domein", "Gehuisvest", "Werkplek-maanden", "Werkplekken",
                              "Convenant gegevensdeling"])
            members = [p for p in partners if p["ring"] == ring]
            for i, p in enumerate(members):
                row = i + 2
                self.assertEqual(cells[f"A{row}"]["value"], p["naam"])
                self.assertEqual(cells[f"B{row}"]["value"], p["domein"])
                self.assertEqual(cells[f"C{row}"]["value"], "ja" if p["gehuisvest"] else "nee")
                self.assertEqual(cells[f"D{row}"]["value"], p["werkplek_maanden"])
                self.assertEqual(cells[f"D{row}"]["type"], "n")
                self.assertEqual(cells[f"E{row}"]["formula"], f"$D${row}/12")
                self.assertAlmostEqual(cells[f"E{row}"]["value"], p["werkplek_maanden"] / 12)
                if p["convenant"]:
                    y, m, d = p["convenant"]["datum"].split("-")
                    self.assertEqual(cells[f"F{row}"]["value"], f"{int(d)}-{int(m)}-{y} ({p['convenant']['versie']})")
                else:
                    self.assertTrue(cells[f"F{row}"]["value"].startswith("geen"))
            total = len(members) + 2
            last = total - 1
            self.assertEqual(cells[f"A{total}"]["value"], f"Totaal ({len(members)})")
            self.assertTrue(cells[f"A{total}"]["bold"])
            self.assertEqual(cells[f"C{total}"]["value"], sum(1 for p in members if p["gehuisvest"]))
            self.assertEqual(cells[f"D{total}"]["formula"], f"SUM($D$2:$D${last})")
            self.assertEqual(cells[f"D{total}"]["value"], sum(p["werkplek_maanden"] for p in members))
            self.assertEqual(cells[f"E{total}"]["formula"], f"SUM($E$2:$E${last})")

    def test_summary_values_match_json(self):
        _, cells = self.sheet("samenvatting")
        partners = self.data["partners"]
        self.assertEqual([cells[f"{c}1"]["value"] for c in "ABCDE"],
                         ["Indeling", "Categorie", "Partners", "Gehuisvest", "Werkplekken"])
        rows = {}
        for ref, cell in cells.items():
            if ref.startswith("B") and ref != "B1" and cell.get("value"):
                rows[(cells.get("A" + ref[1:], {}).get("value"), cell["value"])] = int(ref[1:])
        groups = [("Ring", "ring", ["kern", "sleutelpartner", "flexibele schil"]),
                  ("Domein", "domein", ["justitie", "politie", "zorg", "gemeente", "onderwijs", "wonen", "overig"])]
        for label, field, values in groups:
            self.assertEqual(sum(1 for key in rows if key[0] == label), len(values), label)
            for value in values:
                row = rows[(label, value)]
                members = [p for p in partners if p[field] == value]
                self.assertEqual(cells[f"C{row}"]["value"], len(members), value)
                self.assertEqual(cells[f"D{row}"]["value"], sum(1 for p in members if p["gehuisvest"]), value)
                wp = cells[f"E{row}"]
                self.assertAlmostEqual(wp["value"], sum(p["werkplek_maanden"] for p in members) / 12)
                if members:  # the sum of the partners' cells on the ring sheets
                    self.assertTrue(wp["formula"].startswith("SUM("), wp)
        t = max(int(ref[1:]) for ref, c in cells.items() if ref.startswith("A") and c["value"] == "Totaal")
        self.assertEqual(cells[f"C{t}"]["formula"], "$C$2+$C$3+$C$4")
        self.assertEqual(cells[f"C{t}"]["value"], 21)
        self.assertEqual(cells[f"D{t}"]["value"], 13)
        self.assertEqual(cells[f"E{t}"]["formula"], "$E$2+$E$3+$E$4")
        self.assertAlmostEqual(cells[f"E{t}"]["value"], self.data["totals"]["werkplek_maanden"] / 12)

    def test_text_report_for_the_raad(self):
        text = read_text(os.path.join(self.out, "partners-2013.txt"))
        self.assertTrue(text.startswith("Partners boekjaar 2013\n" + "=" * 22 + "\n\nVeiligheidshuis Zeeland, 2013\n"),
                        text[:80])
        werkplekken = self.data["totals"]["werkplek_maanden"] // 12
        self.assertIn(f"samen met 21 partners", text)
        self.assertIn("Gehuisvest in het Veiligheidshuis: 13.", text)
        self.assertIn(f"{werkplekken} werkplekken ({self.data['totals']['werkplek_maanden']} werkplek-maanden)",
                      " ".join(text.split()))
        self.assertIn("illustratief", text)
        for kop in ("Kern", "Sleutelpartners", "Flexibele schil", "Convenant gegevensdeling"):
            self.assertIn(f"\n{kop}\n---", text)
        self.assertLess(text.index("\nSleutelpartners\n"), text.index("Openbaar Ministerie"))
        self.assertLess(text.index("Openbaar Ministerie"), text.index("\nFlexibele schil\n"))
        self.assertLess(text.index("\nFlexibele schil\n"), text.index("Torentijd"))
        self.assertIn("werkt voor alle gemeenten behalve Tholen", text)
        self.assertIn("Totaal (13)", text)
        self.assertIn("Alle gehuisveste partners hebben een convenant gegevensdeling.", text)
        self.assertNotIn("\n\n\n", text, "no runs of empty lines")
        self.assertNotIn("{{", text)


class RegistryErrorsTest(RegistryTestCase):
    def check_fails(self, partners_text, code, needle, value, path, message, hint=None):
        """Runs check, partners, bijdragen and run: the located error (line of `needle`, column of
        `value` in that line), the key path, the message and exit code; nothing written."""
        cfg = self.config(partners_text)
        bestand = self.path("partners.yaml")
        text = read_text(bestand)
        before = text[:text.index(needle)]
        line = before.count("\n") + 1
        line_text = text.splitlines()[line - 1]
        col = line_text.index(value) + 1
        out = self.path("out")
        for args in (("check",), ("partners",), ("bijdragen",), ("run", "--out", out)):
            r = run(*args, "--config", cfg)
            self.assertExit(r, code)
            self.assertEqual(r.stdout, "")
            found = [e for e in self.diagnostics(r)
                     if e["file"] == bestand and int(e["line"]) == line and int(e["col"]) == col
                     and path.match(e["key"]) and message in e["msg"]]
            self.assertEqual(len(found), 1, f"{args}: no error {line}:{col} {path.pattern} {message!r}:\n{r.stderr}")
            if hint is not None:
                notes = [n for n in NOTE.finditer(r.stderr) if int(n["line"]) == line and int(n["col"]) == col]
                self.assertTrue(any(hint in n["msg"] for n in notes), f"no note with {hint!r}:\n{r.stderr}")
        self.assertFalse(os.path.exists(out), "a failed run wrote output")
        return r

    def test_duplicate_id(self):
        bad = PARTNERS.replace("  - id: politie", "  - id: om")
        r = self.check_fails(bad, 78, "  - id: om\n    naam: Politie", "om", key_path(1, ".id"),
                             "duplicate partner id 'om'", "first declared as ")
        # One error for the duplicate (the registry keeps the first), and it names where that one is.
        self.assertEqual(len(self.diagnostics(r)), 1, r.stderr)
        self.assertIn("(Openbaar Ministerie) at " + self.path("partners.yaml") + ":3", r.stderr)

    def test_unknown_ring(self):
        bad = PARTNERS.replace("    ring: flexibele schil", "    ring: flexibel")
        self.check_fails(bad, 78, "ring: flexibel", "flexibel", key_path(2, ".ring"), "unknown ring 'flexibel'",
                         "allowed rings: kern, sleutelpartner, flexibele schil")

    def test_unknown_domein(self):
        bad = PARTNERS.replace("    domein: overig", "    domein: werk")
        self.check_fails(bad, 78, "domein: werk", "werk", key_path(2, ".domein"), "unknown domein 'werk'",
                         "allowed domeinen: justitie, politie, zorg, gemeente, onderwijs, wonen, overig")

    def test_werkplekken_of_a_partner_not_housed(self):
        bad = PARTNERS.replace("    domein: overig\n    ring: flexibele schil",
                               "    domein: overig\n    ring: flexibele schil\n"
                               "    werkplekken: [{aantal: 1, van: 2013-01-01}]")
        self.check_fails(bad, 65, "werkplekken: [{aantal: 1", "[", key_path(2, ".werkplekken"),
                         "partner 'uwv' is not housed (gehuisvest: false) but rents werkplekken")

    def test_two_convenanten_with_one_datum(self):
        bad = PARTNERS.replace('    convenant: [{datum: 2009-01-01, versie: "2009"}]\n    gemeenten',
                               '    convenant: [{datum: 2009-01-01, versie: "2009"}, {datum: 2009-01-01, versie: "b"}]'
                               '\n    gemeenten')
        self.check_fails(bad, 65, 'versie: "2009"}, {datum: 2009-01-01', "2009-01-01, versie: \"b", key_path(1, ".convenant[1].datum"),
                         "two convenanten of partner 'politie' are dated 2009-01-01 (also convenant[0] at ")

    def test_inactive_partner_renting_werkplekken(self):
        bad = PARTNERS.replace("    werkplekken: [{aantal: 3, van: 2013-01-01}]",
                               "    actief_tot: 2012-12-31\n    werkplekken: [{aantal: 3, van: 2012-01-01}]")
        self.check_fails(bad, 65, "aantal: 3", "3", key_path(0, ".werkplekken[0]"),
                         "partner 'om' is not active in 2013 (actief_tot 2012-12-31) but rents 36 werkplek-maanden "
                         "in 2013")

    def test_gemeente_outside_the_region(self):
        bad = PARTNERS.replace("gemeenten: [GM0687, GM0718]", "gemeenten: [GM0687, GM0363]")
        self.check_fails(bad, 78, "gemeenten: [GM0687", "GM0363", key_path(1, ".gemeenten[1]"),
                         "gemeente GM0363 is not one of the region's gemeenten", "GM0687")

    def test_overlapping_werkplek_periods(self):
        bad = PARTNERS.replace("    werkplekken: [{aantal: 4, van: 2013-01-01, tot: 2013-12-31}]",
                               "    werkplekken:\n      - {aantal: 4, van: 2013-01-01, tot: 2013-12-31}\n"
                               "      - {aantal: 1, van: 2013-07-01}")
        self.check_fails(bad, 65, "aantal: 1, van: 2013-07-01", "1", key_path(1, ".werkplekken[1]"),
                         "overlaps the period 2013-01-01 t/m 2013-12-31")

    def test_every_error_of_the_file_in_one_run(self):
        bad = (PARTNERS.replace("    ring: flexibele schil", "    ring: buiten")
               .replace("    domein: politie", "    domein: blauw")
               .replace("gemeenten: [GM0687, GM0718]", "gemeenten: [GM0001]"))
        cfg = self.config(bad)
        r = run("check", "--config", cfg)
        self.assertExit(r, 78)
        keys = sorted(e["key"].split("partners[", 1)[1] for e in self.diagnostics(r))
        self.assertEqual(keys, ["1].domein", "1].gemeenten[0]", "2].ring"], r.stderr)

    def test_settings_are_validated_by_the_host(self):
        bad = PARTNERS.replace("    gehuisvest: true\n    werkplekken: [{aantal: 3",
                               "    gehuisvest: ja\n    werkplekken: [{aantal: 3")
        cfg = self.config(bad)
        r = run("check", "--config", cfg)
        self.assertExit(r, 78)
        self.assertRegex(r.stderr, r"partners\.yaml:\d+:\d+: error: plugins\[1\]\.partners\[0\]\.gehuisvest: ")
        self.assertIn("write true instead of 'ja'", r.stderr)


class ConvenantWarningTest(RegistryTestCase):
    def test_housed_partner_without_convenant_is_a_warning(self):
        text = PARTNERS.replace('    convenant: [{datum: 2009-01-01, versie: "2009"}]\n    gemeenten',
                                '    gemeenten')
        cfg = self.config(text)
        r = run("check", "--config", cfg)
        self.assertExit(r, 0)
        warnings = self.registry_warnings(r)
        self.assertEqual(len(warnings), 1, r.stderr)
        w = warnings[0]
        content = read_text(self.path("partners.yaml"))
        self.assertEqual(w["file"], self.path("partners.yaml"))
        self.assertEqual(int(w["line"]), content[:content.index("id: politie")].count("\n") + 1)
        self.assertRegex(w["key"], key_path(1, ""))
        self.assertEqual(w["msg"], "partner 'politie' (Politie Zeeland) is housed but has no convenant gegevensdeling")
        self.assertIn("note: record the signed convenant", r.stderr)

        out = self.path("out")
        r = run("run", "--config", cfg, "--out", out)
        self.assertExit(r, 0)
        self.assertIn("warning:", r.stderr)
        report = read_text(os.path.join(out, "partners-2013.txt"))
        self.assertIn("- Politie Zeeland is gehuisvest in het Veiligheidshuis, maar er is geen convenant "
                      "gegevensdeling vastgelegd.", report.replace("\n  ", " "))  # unwrap the item
        self.assertNotIn("Alle gehuisveste partners hebben een convenant", report)
        self.assertIn("geen (let op)", " ".join(report.split()))  # the cell may wrap
        self.assertNotIn("\n\n\n", report)

    def test_empty_registry_runs(self):
        cfg = self.config("partners: []\n")
        r = run("partners", "--config", cfg, "--format", "json")
        self.assertExit(r, 0)
        self.assertEqual(json.loads(r.stdout)["totals"], {"partners": 0, "gehuisvest": 0, "werkplek_maanden": 0})
        out = self.path("out")
        r = run("run", "--config", cfg, "--out", out)
        self.assertExit(r, 0)
        book = read_workbook(os.path.join(out, "partners-2013.xlsx"))
        self.assertEqual([s["name"] for s in book["sheets"]], ["samenvatting"])  # no ring has partners
        report = read_text(os.path.join(out, "partners-2013.txt"))
        self.assertIn("Geen partners in deze ring.", report)
        self.assertNotIn("\n\n\n", report)


# A registry kept as dated history over 2012-2015 (issue 19, a controller's trial): each boekjaar
# uses what is in force in it, and a convenant signed after the boekjaar is not an error.
HISTORY = """\
bron: e2e
partners:
  - {id: om, naam: Openbaar Ministerie, domein: justitie, ring: sleutelpartner, gehuisvest: true,
     werkplekken: [{aantal: 3, van: 2012-01-01, tot: 2013-06-30}, {aantal: 4, van: 2013-07-01}],
     convenant: [{datum: 2009-01-01, versie: "2009"}, {datum: 2014-02-01, versie: "2014"}]}
  - {id: politie, naam: Politie Zeeland, domein: politie, ring: sleutelpartner, gehuisvest: true,
     werkplekken: [{aantal: 2, van: 2014-01-01}], convenant: [{datum: 2014-03-01, versie: "AVE 2014"}]}
  - {id: halt, naam: Halt, domein: justitie, ring: flexibele schil, actief_van: 2014-01-01}
"""


class RegistryHistoryTest(RegistryTestCase):
    def config_for(self, year):
        head = zeeland_text().split("\nplugins:")[0].replace("boekjaar: 2013", "boekjaar: %d" % year)
        cfg = self.write_config(head + "\nplugins:\n  - name: financing.inwonerbijdrage\n    tarief: 0.40\n"
                                       "  - name: registry.partners\n    bestand: partners.yaml\n"
                                       + ("  - name: financing.werkplekhuur\n    tarief: 5000.00\n"
                                          if HAS_WERKPLEKHUUR else ""))
        self.write_config(HISTORY, "partners.yaml")
        return cfg

    def test_each_boekjaar_uses_what_is_in_force(self):
        expected = {
            # year: {id: (gehuisvest, werkplek_maanden, convenant)}; halt joins in 2014
            2013: {"om": (True, 3 * 6 + 4 * 6, {"datum": "2009-01-01", "versie": "2009"}),
                   "politie": (False, 0, None)},
            2014: {"om": (True, 48, {"datum": "2014-02-01", "versie": "2014"}),
                   "politie": (True, 24, {"datum": "2014-03-01", "versie": "AVE 2014"}),
                   "halt": (False, 0, None)},
        }
        for year, partners in expected.items():
            with self.subTest(year=year):
                cfg = self.config_for(year)
                r = run("check", "--config", cfg)
                self.assertExit(r, 0)
                self.assertEqual(self.registry_warnings(r), [], r.stderr)
                data = partners_json("--config", cfg)
                got = {p["id"]: (p["gehuisvest"], p["werkplek_maanden"], p["convenant"]) for p in data["partners"]}
                self.assertEqual(got, partners)
                if HAS_WERKPLEKHUUR:
                    r = run("bijdragen", "--config", cfg, "--format", "json")
                    self.assertExit(r, 0)
                    billed = {l["payer_id"]: l["inputs"]["werkplek_maanden"]
                              for l in json.loads(r.stdout)["lines"] if l["source"] == "werkplekhuur"}
                    self.assertEqual(billed, {pid: p[1] for pid, p in partners.items() if p[1] > 0})
                out = self.path("out-%d" % year)
                r = run("run", "--config", cfg, "--out", out)
                self.assertExit(r, 0)
                report = read_text(os.path.join(out, "partners-%d.txt" % year))
                self.assertEqual("Halt" in report, year == 2014, report)

    def test_counts_of_one_are_singular(self):
        # "1 partner", "1 plugin", "1 werkplek-maand" (issue 19: never "1 regels"-style plurals).
        head = zeeland_text().split("\nplugins:")[0]
        cfg = self.write_config(head + "\nplugins:\n  - name: registry.partners\n    bestand: partners.yaml\n")
        self.write_config("partners:\n  - {id: om, naam: OM, domein: justitie, ring: kern, gehuisvest: true,\n"
                          "     werkplekken: [{aantal: 1, van: 2013-12-01}], convenant: [{datum: 2009-01-01, versie: a}]}\n",
                          "partners.yaml")
        r = run("partners", "--config", cfg)
        self.assertExit(r, 0)
        self.assertRegex(r.stdout, r"Totaal\s+1 partner\s")
        r = run("check", "--config", cfg)
        self.assertExit(r, 0)
        self.assertIn(" 1 plugin, ", r.stdout)
        out = self.path("out")
        self.assertExit(run("run", "--config", cfg, "--out", out), 0)
        report = read_text(os.path.join(out, "partners-2013.txt"))
        self.assertIn("samen met 1 partner (", report)
        self.assertIn("(1 werkplek-maand).", report)

    def test_a_year_before_the_first_convenant_warns_for_housed_partners(self):
        cfg = self.config_for(2013)
        self.write_config(HISTORY.replace('{datum: 2009-01-01, versie: "2009"}, ', ""), "partners.yaml")
        r = run("check", "--config", cfg)
        self.assertExit(r, 0)
        self.assertEqual([w["msg"] for w in self.registry_warnings(r)],
                         ["partner 'om' (Openbaar Ministerie) is housed but has no convenant gegevensdeling"], r.stderr)


@unittest.skipUnless(os.path.isfile(MAAS_EN_LEIJGRAAF), "no bundled Maas & Leijgraaf config")
class MaasEnLeijgraafTest(RegistryTestCase):
    def test_partners_renting_werkplekken(self):
        data = partners_json("--config", MAAS_EN_LEIJGRAAF)
        self.assertEqual(data["year"], 2015)
        partners = {p["id"]: p for p in data["partners"]}
        housed = {pid for pid, p in partners.items() if p["gehuisvest"]}
        self.assertEqual(housed, set(ML_WERKPLEKKEN))
        for pid, aantal in ML_WERKPLEKKEN.items():
            self.assertEqual(partners[pid]["werkplek_maanden"], aantal * 12, pid)  # the whole of 2015
        self.assertEqual(data["totals"]["werkplek_maanden"], 20 * 12)
        # Partners the seed names that do not rent a werkplek are in the registry, not housed.
        for pid in ("om", "gemeenten", "ggz", "veilig-thuis", "novadic-kentron", "dji"):
            self.assertIn(pid, partners)
            self.assertFalse(partners[pid]["gehuisvest"], pid)
            self.assertEqual(partners[pid]["werkplek_maanden"], 0, pid)

    def test_check_warns_about_housed_partners_without_convenant(self):
        r = run("check", "--config", MAAS_EN_LEIJGRAAF)
        self.assertExit(r, 0)
        warned = {m["msg"].split("'")[1] for m in self.diagnostics(r, "warning")
                  if "has no convenant gegevensdeling" in m["msg"]}
        self.assertEqual(warned, set(ML_WERKPLEKKEN))


@unittest.skipUnless(HAS_WERKPLEKHUUR, "financing.werkplekhuur is not built")
class WerkplekhuurAgreementTest(RegistryTestCase):
    """financing.werkplekhuur bills exactly the werkplek-maanden the partner registry holds."""

    def billed_equals_registry(self, config):
        registry = partners_json("--config", config)
        r = run("bijdragen", "--config", config, "--format", "json")
        self.assertExit(r, 0)
        bijdragen = json.loads(r.stdout)
        lines = [l for l in bijdragen["lines"] if l["source"] == "werkplekhuur"]
        billed = {l["payer_id"]: l["inputs"]["werkplek_maanden"] for l in lines}
        held = {p["id"]: p["werkplek_maanden"] for p in registry["partners"] if p["werkplek_maanden"] > 0}
        self.assertEqual(billed, held)
        self.assertEqual(len(lines), len(billed), "one line per partner")
        names = {p["id"]: p["naam"] for p in registry["partners"]}
        for l in lines:
            self.assertEqual(l["payer"], names[l["payer_id"]])
        return bijdragen, registry

    def test_zeeland(self):
        bijdragen, registry = self.billed_equals_registry(ZEELAND)
        # € 5.000 per werkplek per jaar (seed 000): tarief × werkplek-maanden / 12.
        self.assertEqual(bijdragen["totals"]["werkplekhuur"], 500000 * registry["totals"]["werkplek_maanden"] // 12)

    @unittest.skipUnless(os.path.isfile(MAAS_EN_LEIJGRAAF), "no bundled Maas & Leijgraaf config")
    def test_maas_en_leijgraaf_totals_the_seed(self):
        bijdragen, registry = self.billed_equals_registry(MAAS_EN_LEIJGRAAF)
        self.assertEqual(registry["totals"]["werkplek_maanden"], 240)
        self.assertEqual(bijdragen["totals"]["werkplekhuur"], 10300000)  # verhuur werkplekken € 103.000 (seed 002)


if __name__ == "__main__":
    unittest.main()
