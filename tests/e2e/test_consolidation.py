"""A province config: every region's documents in its own folder, plus the consolidated document
consolidatie-Y (described in the document model, written in every format) per region and per
gemeente, with the year before where known."""
import json
import os
import re
import shutil
import subprocess

from lxml import html as lxml_html

from vhhtest import SOURCE_DIR, VhhTestCase, read_bytes, read_text, read_workbook, run

ML = os.path.join(SOURCE_DIR, "config", "maas-en-leijgraaf")


class ConsolidationTest(VhhTestCase):
    def region_copy(self, folder, region_id, boekjaar=2015):
        """A copy of the Maas & Leijgraaf config folder under another id (and boekjaar)."""
        dst = self.path(folder)
        shutil.copytree(ML, dst)
        p = os.path.join(dst, "vhh.yaml")
        text = read_text(p).replace("id: maas-en-leijgraaf", f"id: {region_id}", 1)
        text = text.replace("boekjaar: 2015", f"boekjaar: {boekjaar}", 1)
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)
        return p

    def province(self, regios, boekjaar=2015):
        lines = ["provincie:", "  id: oost-brabant", "  naam: Veiligheidshuizen Oost-Brabant",
                 f"  boekjaar: {boekjaar}", "regios:"]
        for r in regios:
            lines.append(f"  - config: {r[0]}")
            if len(r) > 1:
                lines.append(f"    vorig_jaar: {r[1]}")
        return self.write_config("\n".join(lines) + "\n", name="provincie.yaml")

    def test_province_run_writes_regions_and_consolidation(self):
        self.region_copy("ml", "maas-en-leijgraaf")
        self.region_copy("ml-2014", "maas-en-leijgraaf", boekjaar=2014)
        self.region_copy("tweede", "tweede-regio")
        cfg = self.province([("ml/vhh.yaml", "ml-2014/vhh.yaml"), ("tweede/vhh.yaml",)])
        out = self.path("out")
        r = run("run", "--config", cfg, "--out", out)
        self.assertExit(r, 0)
        for ext in ("pdf", "xlsx", "html", "txt"):
            self.assertTrue(os.path.isfile(os.path.join(out, f"consolidatie-2015.{ext}")), ext)
        for region in ("maas-en-leijgraaf", "tweede-regio"):
            self.assertTrue(os.path.isfile(os.path.join(out, region, "bijdragen-2015.xlsx")), region)
            self.assertTrue(os.path.isfile(os.path.join(out, region, "partners-2015.xlsx")), region)
        with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
            manifest = json.load(f)
        self.assertEqual(manifest["region"], "oost-brabant")
        self.assertEqual(manifest["regions"], ["maas-en-leijgraaf", "tweede-regio"])
        listed = {f["name"] for f in manifest["files"]}
        self.assertIn("maas-en-leijgraaf/bijdragen-2015.xlsx", listed)

        # The consolidated figures equal each region's own `vhh bijdragen` totals.
        ml = json.loads(run("bijdragen", "--config", self.path("ml", "vhh.yaml"), "--format", "json").stdout)
        total = ml["totals"]["total"]
        self.assertEqual(total, 46500000)  # € 465.000 = 125.000 + 237.000 + 103.000
        book = read_workbook(os.path.join(out, "consolidatie-2015.xlsx"))
        sheets = {s["name"]: {c["ref"]: c for c in s["cells"]} for s in book["sheets"]}
        regio = sheets["Per regio"]
        headers = [regio[f"{chr(65 + i)}1"]["value"] for i in range(len([k for k in regio if k.endswith("1") and len(k) == 2]))]
        total_col = chr(65 + headers.index("Totaal 2015"))
        prior_col = chr(65 + headers.index("Totaal 2014"))
        self.assertEqual(round(regio[f"{total_col}2"]["value"] * 100), total)
        self.assertEqual(round(regio[f"{total_col}3"]["value"] * 100), total)
        prior = json.loads(run("bijdragen", "--config", self.path("ml-2014", "vhh.yaml"), "--format", "json").stdout)
        self.assertEqual(prior["year"], 2014)
        self.assertEqual(round(regio[f"{prior_col}2"]["value"] * 100), prior["totals"]["total"])
        self.assertIsNone(regio.get(f"{prior_col}3", {}).get("value"))  # the second region has no year before
        self.assertEqual(regio["A4"]["value"], "Totaal")
        self.assertEqual(round(regio[f"{total_col}4"]["value"] * 100), 2 * total)
        self.assertTrue(regio[f"{total_col}4"]["formula"].startswith("SUM("))

        gemeente = sheets["Per gemeente"]
        boekel = [ref for ref, c in gemeente.items() if c["value"] == "GM0755"]
        self.assertEqual(len(boekel), 2)  # in both regions
        row = boekel[0][1:]
        g_headers = {c["value"]: ref[0] for ref, c in gemeente.items() if ref[1:] == "1"}
        self.assertEqual(round(gemeente[g_headers["inwonerbijdrage"] + row]["value"] * 100), 321300)  # Boekel € 3.213

        text = read_text(os.path.join(out, "consolidatie-2015.txt"))
        self.assertIn("Veiligheidshuizen Oost-Brabant", text)
        self.assertIn("€ 465.000,00", text)
        self.assertIn("€ 930.000,00", text)
        self.assertNotIn("_kol", text)

        # The totals are formulas over the named amounts, with the figures cached.
        self.assertRegex(regio[f"{total_col}2"]["formula"], r"^\$B\$2(\+\$[A-Z]\$2)+$")
        self.assertEqual(round(regio[f"{chr(ord(prior_col) + 1)}2"]["value"] * 100), total - prior["totals"]["total"])
        # PDF (pdftotext) and HTML (lxml), read independently.
        pdf = subprocess.run(["pdftotext", "-layout", os.path.join(out, "consolidatie-2015.pdf"), "-"],
                             capture_output=True, text=True, check=True).stdout
        pdf = re.sub(r"€\s+", "€ ", pdf.replace("\u00a0", " "))
        for amount in ("€ 465.000,00", "€ 930.000,00", "€ 3.213,00"):
            self.assertIn(amount, pdf)
        page = lxml_html.fromstring(read_bytes(os.path.join(out, "consolidatie-2015.html")))
        self.assertEqual([t.find("caption").text_content().strip() for t in page.findall(".//table")],
                         ["Per regio", "Per gemeente"])
        for th in page.iter("th"):
            self.assertIn(th.get("scope"), ("col", "row"))

    def test_check_validates_every_region(self):
        self.region_copy("ml", "maas-en-leijgraaf")
        bad = self.region_copy("bad", "slecht")
        with open(bad, encoding="utf-8") as f:
            text = f.read()
        with open(bad, "w", encoding="utf-8") as f:
            f.write(text.replace("boekjaar: 2015", "boekjaar: 2015\n  boekjaar: 2016", 1))
        cfg = self.province([("ml/vhh.yaml",), ("bad/vhh.yaml",)])
        r = run("check", "--config", cfg)
        self.assertExit(r, 78)
        self.assertRegex(r.stderr, r"bad/vhh\.yaml:\d+:\d+: error: regio\.boekjaar: duplicate key 'boekjaar'")

    def test_every_region_is_checked_whatever_another_region_lacks(self):
        # The first region's config is missing (66); the second region's plugin settings are still
        # checked (a missing input of one region holds back nothing of another).
        bad = self.region_copy("bad", "slecht")
        with open(bad, encoding="utf-8") as f:
            text = f.read()
        text = text.replace("    bedrag: 125000.00 ", "    bedrag: -1 ", 1)
        text = text.replace("    ontvanger: GM0828 ", "    notitie: zie begroting\n    ontvanger: GM0828 ", 1)
        with open(bad, "w", encoding="utf-8") as f:
            f.write(text)
        cfg = self.province([("nope/vhh.yaml",), ("bad/vhh.yaml",)])
        r = run("check", "--config", cfg)
        self.assertExit(r, 66)
        self.assertIn("nope/vhh.yaml", r.stderr)
        self.assertRegex(r.stderr, r"bad/vhh\.yaml:\d+:\d+: error: plugins\[1\]\.bedrag: ")
        self.assertRegex(r.stderr, r"bad/vhh\.yaml:\d+:\d+: error: plugins\[1\]\.notitie: unknown key 'notitie'")

    def test_region_of_another_year_is_refused(self):
        self.region_copy("ml", "maas-en-leijgraaf", boekjaar=2016)
        cfg = self.province([("ml/vhh.yaml",)])
        out = self.path("out")
        r = run("run", "--config", cfg, "--out", out)
        self.assertExit(r, 78)
        self.assertRegex(r.stderr, r"provincie\.yaml:6:\d+: error: regios\[0\]\.config: region 'maas-en-leijgraaf' is about boekjaar 2016")
        self.assertFalse(os.path.exists(out))

    def test_missing_region_config(self):
        cfg = self.province([("nope/vhh.yaml",)])
        r = run("check", "--config", cfg)
        self.assertExit(r, 66)
        self.assertIn("nope/vhh.yaml", r.stderr)

    def test_per_region_commands_refuse_a_province(self):
        self.region_copy("ml", "maas-en-leijgraaf")
        cfg = self.province([("ml/vhh.yaml",)])
        for command in ("bijdragen", "partners"):
            r = run(command, "--config", cfg)
            self.assertExit(r, 78)
            self.assertIn(f"this is a province config; 'vhh {command}' works on one region's config", r.stderr)
