"""`vhh run` on the bundled Zeeland region: files, manifest, determinism, and the
workbook read back by an independent reader and compared with `vhh bijdragen --format json`."""
import hashlib
import json
import os

from vhhtest import VhhTestCase, read_workbook, run, ZEELAND

# The jaarverantwoording and its letters are described documents: one file per format of formaten:.
DESCRIBED = ["bijdragen-2013", "partners-2013", "regio-2013", "jaarverantwoording-2013"] + [
    f"raadsbrief-2013-{g}" for g in ("borsele", "goes", "hulst", "kapelle", "middelburg", "noord-beveland",
                                     "reimerswaal", "schouwen-duiveland", "sluis", "terneuzen", "tholen",
                                     "veere", "vlissingen")] + ["begroting-2014", "kaderbrief-2014"] + [
    f"zienswijzebrief-2014-{g}" for g in ("borsele", "goes", "hulst", "kapelle", "middelburg", "noord-beveland",
                                          "reimerswaal", "schouwen-duiveland", "sluis", "terneuzen", "tholen",
                                          "veere", "vlissingen")] + [
    "begrotingswijziging-2013-1"]  # the bundled begrotingswijziging 2013 (illustratief, without a store)
EXPECTED_FILES = ["bijdragen-berekening-2013.xlsx", "manifest.json"] + [f"{stem}.{ext}" for stem in DESCRIBED for ext in ("pdf", "xlsx", "html", "txt")]
# Indicative populations of the 13 Zeeland gemeenten in the bundled config.
ZEELAND_INWONERS = {"GM0654": 22551, "GM0664": 37050, "GM0677": 27432, "GM0678": 12386, "GM0687": 48019,
                    "GM1695": 7339, "GM0703": 22678, "GM1676": 34049, "GM1714": 23886, "GM0715": 54806,
                    "GM0716": 25527, "GM0717": 21900, "GM0718": 44353}


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class RunTest(VhhTestCase):
    def run_default(self, out, env=None):
        r = run("run", "--out", out, env=env)
        self.assertExit(r, 0)
        return r

    def test_default_region_writes_every_file_and_lists_them(self):
        out = self.path("out")
        r = self.run_default(out)
        self.assertEqual(sorted(os.listdir(out)), sorted(EXPECTED_FILES))
        for name in EXPECTED_FILES:
            self.assertIn(os.path.join(out, name), r.stdout)

    def test_default_out_is_dot_out(self):
        r = run("run", cwd=self.tmp)
        self.assertExit(r, 0)
        self.assertEqual(sorted(os.listdir(self.path("out"))), sorted(EXPECTED_FILES))

    def test_manifest_lists_files_inputs_and_versions(self):
        out = self.path("out")
        self.run_default(out)
        with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
            m = json.load(f)
        self.assertEqual(m["program"]["name"], "vhh")
        self.assertEqual(m["region"], "zeeland")
        self.assertEqual(m["year"], 2013)
        names = [f["name"] for f in m["files"]]
        self.assertEqual(sorted(names), sorted(n for n in EXPECTED_FILES if n != "manifest.json"))
        for f in m["files"]:
            self.assertEqual(f["sha256"], sha256(os.path.join(out, f["name"])), f["name"])
            self.assertEqual(f["bytes"], os.path.getsize(os.path.join(out, f["name"])))
        self.assertEqual(m["inputs"][0]["sha256"], sha256(ZEELAND))
        self.assertTrue(any(i["path"].endswith("regio-zeeland.txt.mustache") for i in m["inputs"]))
        self.assertEqual([p["name"] for p in m["plugins"]], ["financing.inwonerbijdrage", "financing.rijksbijdrage",
                                                             "financing.werkplekhuur", "registry.partners",
                                                             "report.jaarverantwoording", "importer.csv-nl",
                                                             "region.zeeland", "report.bijdragen", "report.begroting"])
        self.assertTrue(all(len(p["sha256"]) == 64 and p["version"] for p in m["plugins"]))

    def test_two_runs_are_byte_identical(self):
        a, b = self.path("a"), self.path("b")
        self.run_default(a)
        self.run_default(b)
        for name in EXPECTED_FILES:
            with open(os.path.join(a, name), "rb") as fa, open(os.path.join(b, name), "rb") as fb:
                self.assertEqual(fa.read(), fb.read(), name)

    def test_source_date_epoch_is_honoured(self):
        a, b = self.path("a"), self.path("b")
        self.run_default(a, env={"SOURCE_DATE_EPOCH": "1388534400"})  # 2014-01-01T00:00:00Z
        self.run_default(b, env={"SOURCE_DATE_EPOCH": "1420070400"})  # 2015-01-01T00:00:00Z
        wa = read_workbook(os.path.join(a, "bijdragen-2013.xlsx"))
        wb = read_workbook(os.path.join(b, "bijdragen-2013.xlsx"))
        self.assertTrue(wa["properties"]["created"].startswith("2014-01-01"), wa["properties"])
        self.assertTrue(wb["properties"]["created"].startswith("2015-01-01"), wb["properties"])
        with open(os.path.join(a, "manifest.json")) as f:
            self.assertEqual(json.load(f)["created"], "2014-01-01T00:00:00Z")

    def test_workbook_matches_json_output(self):
        out = self.path("out")
        self.run_default(out)
        r = run("bijdragen", "--format", "json")
        self.assertExit(r, 0)
        data = json.loads(r.stdout)
        book = read_workbook(os.path.join(out, "bijdragen-berekening-2013.xlsx"))
        sheets = {s["name"]: s for s in book["sheets"]}
        self.assertEqual([s["name"] for s in book["sheets"]], ["Inwonerbijdrage", "Rijksbijdrage", "Werkplekhuur"])

        sheet = sheets["Inwonerbijdrage"]
        cells = {c["ref"]: c for c in sheet["cells"]}
        self.assertEqual([cells[f"{col}1"]["value"] for col in "ABCDE"],
                         ["CBS-code", "Gemeente", "Inwoners", "Tarief per inwoner", "Bijdrage"])
        lines = [l for l in data["lines"] if l["source"] == "inwonerbijdrage"]
        self.assertEqual(len(lines), 13)
        for i, line in enumerate(lines):
            row = i + 2
            self.assertEqual(cells[f"A{row}"]["value"], line["payer_id"])
            self.assertEqual(cells[f"B{row}"]["value"], line["payer"])
            self.assertEqual(cells[f"C{row}"]["value"], line["inputs"]["inwoners"])
            self.assertAlmostEqual(cells[f"D{row}"]["value"], line["inputs"]["tarief_cents"] / 100)
            self.assertEqual(cells[f"E{row}"]["formula"], f"C{row}*D{row}")
            self.assertEqual(round(cells[f"E{row}"]["value"] * 100), line["amount_cents"])
        total_row = len(lines) + 2
        self.assertEqual(cells[f"A{total_row}"]["value"], "Totaal")
        self.assertEqual(cells[f"E{total_row}"]["formula"], f"SUM(E2:E{total_row - 1})")
        self.assertEqual(round(cells[f"E{total_row}"]["value"] * 100), data["totals"]["inwonerbijdrage"])
        self.assertEqual(sheet["freeze_panes"], "A2")
        # The totals over all bronnen are in bijdragen-2013.xlsx (report.bijdragen, test_bijdragen_document.py).

    def test_bijdragen_figures_are_the_seed_rule(self):
        r = run("bijdragen", "--format", "json")
        self.assertExit(r, 0)
        data = json.loads(r.stdout)
        self.assertEqual(data["region"], "zeeland")
        self.assertEqual(data["year"], 2013)
        by_code = {l["payer_id"]: l for l in data["lines"] if l["source"] == "inwonerbijdrage"}
        self.assertEqual(set(by_code), set(ZEELAND_INWONERS))
        self.assertEqual([(l["source"], l["payer_id"]) for l in data["lines"][:14]],
                         [("inwonerbijdrage", code) for code in ZEELAND_INWONERS] + [("rijksbijdrage", "RIJK")])
        self.assertEqual(data["lines"][13]["amount_cents"], 16170000)  # rijksbijdrage € 161.700 to Middelburg
        self.assertEqual({l["source"] for l in data["lines"][14:]}, {"werkplekhuur"})
        for code, inwoners in ZEELAND_INWONERS.items():
            self.assertEqual(by_code[code]["amount_cents"], inwoners * 40, code)  # € 0,40 per inwoner
            self.assertEqual(by_code[code]["inputs"]["inwoners"], inwoners)
        total = sum(ZEELAND_INWONERS.values()) * 40
        # Werkplekhuur: 22 werkplekken all year (illustratief, config/zeeland/partners.yaml) × € 5.000.
        self.assertEqual(data["totals"], {"inwonerbijdrage": total, "rijksbijdrage": 16170000,
                                          "werkplekhuur": 22 * 500000, "total": total + 16170000 + 22 * 500000})
        self.assertEqual(by_code["GM0687"]["payer"], "Middelburg")
        self.assertEqual(by_code["GM0687"]["amount_cents"], 1920760)  # 48.019 × € 0,40 = € 19.207,60

    def test_bijdragen_table_and_csv(self):
        r = run("bijdragen")
        self.assertExit(r, 0)
        self.assertIn("Middelburg", r.stdout)
        self.assertIn("€ 19.207,60", r.stdout)
        r = run("bijdragen", "--format", "csv")
        self.assertExit(r, 0)
        self.assertTrue(r.stdout.startswith("\ufeff"), "a UTF-8 BOM, so that Excel reads UTF-8")
        rows = r.stdout[1:].splitlines()
        self.assertEqual(rows[0], "source;payer_id;payer;amount_cents;amount;basis")
        self.assertEqual(len(rows), 1 + 13 + 1 + 13)  # header, gemeenten, rijksbijdrage, 13 housed partners
        middelburg = [row for row in rows if ";GM0687;" in row][0].split(";")
        self.assertEqual(middelburg[3], "1920760")
        self.assertEqual(middelburg[4], "19207,60")

    def test_text_report(self):
        out = self.path("out")
        self.run_default(out)
        with open(os.path.join(out, "bijdragen-2013.txt"), encoding="utf-8") as f:
            text = f.read()
        self.assertIn("Veiligheidshuis Zeeland", text)
        self.assertIn("Middelburg", text)
        self.assertIn("€ 19.207,60", text)
        self.assertIn("48.019 inwoners", text)
        self.assertIn("indicatief", text)

    def test_check_validates_and_writes_nothing(self):
        r = run("check", cwd=self.tmp)
        self.assertExit(r, 0)
        self.assertIn("ok", r.stdout)
        self.assertEqual(os.listdir(self.tmp), [])

    def test_rerun_replaces_previous_output(self):
        out = self.path("out")
        self.run_default(out)
        self.run_default(out)
        self.assertEqual(sorted(os.listdir(out)), sorted(EXPECTED_FILES))
        self.assertEqual(os.listdir(self.tmp), ["out"], "no staging directory left behind")
