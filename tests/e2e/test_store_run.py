"""`vhh run` with a store: a province run takes each region's year before from the store's
vastgestelde jaarrekening (restated for herindelingen) and says which snapshot it used."""
import os

import json

import unittest

import test_consolidation
from storetest import BACKEND, StoreTestCase
from vhhtest import read_text, read_workbook, run


class StoreRunTest(StoreTestCase):
    region_copy = test_consolidation.ConsolidationTest.region_copy
    province = test_consolidation.ConsolidationTest.province

    def province_run(self, year, besluit, datum):
        """Vaststelt the jaarrekening of year - 1 in a new store, then runs a province of year with
        the store; returns the store, the prior year's config and the output folder."""
        url = self.initialised()
        prior = self.region_copy("ml-%d" % (year - 1), "maas-en-leijgraaf", boekjaar=year - 1)
        r = run("vaststellen", "jaarrekening", "--jaar", str(year - 1), "--besluit", besluit, "--datum", datum,
                "--config", prior, "--database", url)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.region_copy("ml", "maas-en-leijgraaf", boekjaar=year)
        cfg = self.province([("ml/vhh.yaml",)], boekjaar=year)
        out = self.path("out")
        r = run("run", "--config", cfg, "--out", out, "--database", url)
        self.assertEqual(r.returncode, 0, r.stderr)
        return url, prior, cfg, out

    def test_year_before_from_the_vastgestelde_jaarrekening(self):
        url, prior, cfg, out = self.province_run(2015, "AB 2015/12", "2015-06-25")
        text = read_text(os.path.join(out, "consolidatie-2015.txt"))
        total = json.loads(run("bijdragen", "--config", prior, "--format", "json").stdout)["totals"]["total"]
        self.assertEqual(total, 36200000)  # 2014 has no werkplekhuur in this config
        self.assertIn("€ 362.000,00", text)
        self.assertIn("€ 103.000,00", text)  # the difference
        book = read_workbook(os.path.join(out, "consolidatie-2015.xlsx"))
        regio = {c["ref"]: c for s in book["sheets"] if s["name"] == "Per regio" for c in s["cells"]}
        cols = {c["value"]: ref[0] for ref, c in regio.items() if ref[1:] == "1"}
        self.assertEqual(round(regio[cols["Totaal 2014"] + "2"]["value"] * 100), 36200000)
        self.assertEqual(round(regio[cols["Verschil"] + "2"]["value"] * 100), 10300000)
        sheet = {c["ref"]: c for s in book["sheets"] if s["name"] == "Vorig jaar" for c in s["cells"]}
        self.assertTrue(sheet["B2"]["value"].startswith("vastgestelde jaarrekening 2014 (besluit AB 2015/12, "
                                                        "2015-06-25, snapshot "), sheet)
        # Without the store the year before is not known: no columns for it, no "Vorig jaar".
        r = run("run", "--config", cfg, "--out", self.path("out2"))
        self.assertEqual(r.returncode, 0, r.stderr)
        book = read_workbook(self.path("out2", "consolidatie-2015.xlsx"))
        self.assertEqual([s["name"] for s in book["sheets"]], ["Per regio", "Per gemeente"])
        self.assertNotIn("Totaal 2014", [c["value"] for s in book["sheets"] for c in s["cells"]])

    def test_year_before_restated_for_a_herindeling(self):
        url, prior, cfg, out = self.province_run(2017, "b", "2017-06-30")
        export = run("db", "export", "--database", url).stdout
        bij = json.loads(export)["tabellen"]["vaststelling_bijdragen"]
        merged = sum(b["bedrag_cents"] for b in bij if b["betaler_id"] in ("GM0860", "GM0846"))
        self.assertGreater(merged, 0)
        book = read_workbook(os.path.join(out, "consolidatie-2017.xlsx"))
        rows = {}
        for s in book["sheets"]:
            if s["name"] == "Per gemeente":
                for c in s["cells"]:
                    rows.setdefault(c["ref"][1:] if c["ref"][1].isdigit() else c["ref"][2:], {})[c["ref"]] = c
        meierijstad = [r for r in rows.values() if any(c.get("value") == "GM1948" for c in r.values())]
        self.assertEqual(len(meierijstad), 1)
        values = [c.get("value") for c in meierijstad[0].values()]
        self.assertIn(merged / 100, values)

    @unittest.skipUnless(BACKEND == "sqlite", "a store named in the config by a SQLite path")
    def test_the_store_named_by_the_province_config(self):
        self.region_copy("ml-2014", "maas-en-leijgraaf", boekjaar=2014)
        self.region_copy("ml", "maas-en-leijgraaf")
        with_store = "administratie: sqlite:administratie.db\n"
        prior = self.written("provincie-2014.yaml", read_text(self.province([("ml-2014/vhh.yaml",)], boekjaar=2014))
                             + with_store)
        cfg = self.written("provincie.yaml", read_text(self.province([("ml/vhh.yaml",)])) + with_store)
        self.vhh("db", "init", "--config", cfg)
        self.vhh("vaststellen", "jaarrekening", "--jaar", "2014", "--besluit", "b", "--datum", "2015-06-01",
                 "--config", prior)
        self.vhh("run", "--config", cfg, "--out", self.path("out"))
        book = read_workbook(self.path("out", "consolidatie-2015.xlsx"))
        vorig = {c["ref"]: c for s in book["sheets"] if s["name"] == "Vorig jaar" for c in s["cells"]}
        self.assertTrue(vorig["B2"]["value"].startswith("vastgestelde jaarrekening 2014"), vorig)
        r = self.vhh("run", "--config", cfg, "--out", self.path("out"), "--database", "sqlite:" + self.path("x.db"),
                     expect=66)
        self.assertIn("x.db does not exist", r.stderr)  # the flag wins over the config

    def test_a_bad_store_is_refused_by_run_and_check(self):
        for cmd in ["run", "check"]:
            r = run(cmd, "--database", "sqlite:" + self.path("nope.db"), "--out", self.path("o")) if cmd == "run" \
                else run(cmd, "--database", "sqlite:" + self.path("nope.db"))
            self.assertEqual(r.returncode, 66, r.stderr)
            self.assertIn("does not exist", r.stderr)
        cfg = self.zeeland_with("plugins:", "administratie: sqlite:nope.db\n\nplugins:")
        r = run("check", "--config", cfg)
        self.assertEqual(r.returncode, 66, r.stderr)
        self.assertIn("nope.db does not exist", r.stderr)
