"""`vhh run` of one region with a store: the bundled Zeeland region's jaarverantwoording takes its
prior-year column from the vastgestelde jaarrekening of the year before (no `vorig_jaar` in the
config) and its begroting columns from the vastgestelde begroting plus its recorded
begrotingswijzigingen, and says which snapshot it used; `vhh historie --posten` shows begroting
against realisatie per post. Runs on SQLite (e2e.store_region) and on PostgreSQL
(e2e.store.postgresql)."""
import json
import os
import re
import unittest

from storetest import StoreTestCase
from test_jaarverantwoording import cents, column_of, grid, sheets
from vhhtest import ZEELAND_DIR, read_text, read_workbook, run, zeeland_text

BESLUIT_2012 = "AB 2013/7"
DATUM_2012 = "2013-06-27"


class StoreRegionTest(StoreTestCase):
    def zeeland_2012(self):
        """The bundled Zeeland as boekjaar 2012: tarief € 0,38, its ledger moved a year back."""
        self.write_config(zeeland_text(), "vhh.yaml")  # copies the region's other files beside it
        with open(os.path.join(ZEELAND_DIR, "grootboek-2013.csv"), encoding="utf-8") as f:
            ledger = re.sub(r"(\d\d-\d\d-)2013", r"\g<1>2012", f.read()).replace("2013-", "2012-")
        with open(self.path("grootboek-2012.csv"), "w", encoding="utf-8") as f:
            f.write(ledger)
        with open(os.path.join(ZEELAND_DIR, "jaarverantwoording.yaml"), encoding="utf-8") as f:
            jv = f.read().replace("grootboek: grootboek-2013.csv", "grootboek: grootboek-2012.csv")
        with open(self.path("jaarverantwoording-2012.yaml"), "w", encoding="utf-8") as f:
            f.write(jv.replace("vergadering_algemeen_bestuur: 2014-06-26", "vergadering_algemeen_bestuur: 2013-06-27"))
        with open(self.path("begroting.yaml"), encoding="utf-8") as f:  # the ontwerpbegroting 2013: AB in 2012
            begroting = f.read()
        with open(self.path("begroting-2012.yaml"), "w", encoding="utf-8") as f:
            f.write(begroting.replace("vergadering_algemeen_bestuur: 2013-07-04", "vergadering_algemeen_bestuur: 2012-07-05"))
        text = (zeeland_text().replace("boekjaar: 2013", "boekjaar: 2012", 1)
                .replace("peildatum: 2013-01-01", "peildatum: 2012-01-01", 1)
                .replace("tarief: 0.40", "tarief: 0.38", 1)
                .replace("bestand: jaarverantwoording.yaml", "bestand: jaarverantwoording-2012.yaml", 1)
                .replace("bestand: begroting.yaml", "bestand: begroting-2012.yaml", 1))
        return self.write_config(text, "vhh-2012.yaml")

    def overview(self, path):
        """{post code: {column header: cents}} of the sheets Baten and Lasten; the column of the year
        before ("Realisatie 2012") as "Realisatie vorig jaar"."""
        book = sheets(read_workbook(path))
        out = {}
        for name in ("Baten", "Lasten"):
            bl = book[name]
            g = grid(bl)
            cols = {h: column_of(bl, h) for h in ("Begroting primitief", "Begroting na wijziging", "Realisatie")}
            for (r, c), cell in g.items():
                if r == 1 and re.fullmatch(r"Realisatie \d{4}", str(cell["value"])):
                    cols["Realisatie vorig jaar"] = c
            for (r, c), cell in g.items():
                if c == "A" and r > 1 and cell["value"] and isinstance(
                        g.get((r, cols["Realisatie"]), {}).get("value"), (int, float)):
                    out[cell["value"]] = {h: cents(g[(r, col)]["value"]) for h, col in cols.items() if (r, col) in g}
        return out, book

    def test_prior_year_column_from_the_vastgestelde_jaarrekening(self):
        url = self.initialised()
        cfg_2012 = self.zeeland_2012()
        out_2012 = self.path("out-2012")
        self.vhh("run", "--config", cfg_2012, "--out", out_2012)
        realised_2012, _ = self.overview(os.path.join(out_2012, "jaarverantwoording-2012.xlsx"))
        self.vhh("vaststellen", "jaarrekening", "--jaar", "2012", "--besluit", BESLUIT_2012, "--datum", DATUM_2012,
                 "--config", cfg_2012, "--database", url)

        # The bundled config of 2013 has no vorig_jaar: without a store there is no prior-year column.
        self.vhh("run", "--out", self.path("plain"))
        plain, _ = self.overview(self.path("plain", "jaarverantwoording-2013.xlsx"))
        self.assertNotIn("Realisatie vorig jaar", plain["GEM"])

        out = self.path("out")
        self.vhh("run", "--out", out, "--database", url)
        got, bl = self.overview(os.path.join(out, "jaarverantwoording-2013.xlsx"))
        self.assertEqual(set(got), set(realised_2012))
        for code in realised_2012:
            self.assertEqual(got[code]["Realisatie vorig jaar"], realised_2012[code]["Realisatie"], code)
        # Figures that differ between the years: € 0,38 in 2012 against € 0,40 in 2013.
        self.assertLess(got["GEM"]["Realisatie vorig jaar"], got["GEM"]["Realisatie"])
        self.assertEqual(got["RIJK"]["Realisatie vorig jaar"], 16170000)
        self.assertGreater(got["PERS-DIR"]["Realisatie vorig jaar"], 0)
        self.assertIn("Realisatie 2012", [c["value"] for c in bl["Lasten"]["cells"]])
        text = " ".join(read_text(os.path.join(out, "jaarverantwoording-2013.txt")).split())
        self.assertIn("Realisatie vorig jaar: vastgestelde jaarrekening 2012 (besluit AB 2013/7, 2013-06-27", text)
        # check sees the same store (and names no problem).
        r = self.vhh("check", "--database", url)
        self.assertNotIn("warning", r.stderr)

    def record_wijziging(self, url, nummer, besluit, datum, posten):
        """Records begrotingswijziging `nummer` of Zeeland 2013 with `vhh wijziging`."""
        lines = ["omschrijving: wijziging %d (test)" % nummer, "posten:"]
        lines += ["  - {code: %s, bedrag: %d.%02d}" % (code, change // 100, change % 100) if change >= 0 else
                  "  - {code: %s, bedrag: -%d.%02d}" % (code, -change // 100, -change % 100) for code, change in posten]
        path = self.written("wijziging-%d.yaml" % nummer, "\n".join(lines) + "\n")
        r = self.vhh("wijziging", "--jaar", "2013", "--bestand", path, "--besluit", besluit, "--datum", datum,
                     "--database", url)
        self.assertIn("begrotingswijziging %d of 2013 recorded" % nummer, r.stdout)

    def test_begroting_columns_from_the_vastgestelde_begroting_and_its_wijzigingen(self):
        url = self.initialised()
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2012/14", "--datum", "2012-11-20",
                 "--database", url)
        # Recorded with `vhh wijziging`: the "na wijziging" column is primitief + every recorded wijziging.
        self.record_wijziging(url, 1, "AB 2013/3", "2013-04-11", [("PERS-DIR", 250000), ("OV", -250000)])
        self.record_wijziging(url, 2, "AB 2013/9", "2013-10-03", [("PERS-DIR", 10000), ("HUIS", 5000)])
        self.vhh("db", "verify", "--database", url)
        out = self.path("out")
        r = self.vhh("run", "--out", out, "--database", url)
        got, bl = self.overview(os.path.join(out, "jaarverantwoording-2013.xlsx"))
        self.assertEqual(got["PERS-DIR"]["Begroting primitief"], 9800000)
        self.assertEqual(got["PERS-DIR"]["Begroting na wijziging"], 9800000 + 250000 + 10000)
        self.assertEqual(got["OV"]["Begroting na wijziging"], 1299040 - 250000)
        self.assertEqual(got["HUIS"]["Begroting na wijziging"], 12800000 + 5000)
        # The config's begroting_na_wijziging of ICT (52.000) is not a recorded wijziging: not used.
        self.assertEqual(got["ICT"]["Begroting na wijziging"], 4600000)
        self.assertEqual(got["GEM"]["Begroting primitief"], 15279040)
        self.assertNotIn("Realisatie vorig jaar", got["GEM"])  # no jaarrekening 2012 in the store
        text = " ".join(read_text(os.path.join(out, "jaarverantwoording-2013.txt")).split())
        self.assertIn("Begroting: vastgestelde begroting 2013 (besluit AB 2012/14, 2012-11-20, snapshot ", text)
        self.assertIn("; begrotingswijziging 1 (besluit AB 2013/3, 2013-04-11); begrotingswijziging 2 (besluit "
                      "AB 2013/9, 2013-10-03).", text)
        self.assertNotIn("warning", r.stderr)

        # A config whose begroting_primitief differs from the vastgestelde: the store wins, with a warning.
        cfg = self.write_config(zeeland_text())
        jv = self.path("jaarverantwoording.yaml")
        with open(jv, encoding="utf-8") as f:
            text = f.read()
        with open(jv, "w", encoding="utf-8") as f:
            f.write(text.replace("begroting_primitief: 98000.00", "begroting_primitief: 99000.00", 1))
        r = self.vhh("run", "--config", cfg, "--out", self.path("out2"), "--database", url)
        self.assertIn("warning: plugins[4].posten[3].begroting_primitief: post 'PERS-DIR': "
                      "begroting primitief € 99.000,00 in the config, € 98.000,00 in the vastgestelde begroting 2013",
                      r.stderr)
        got, _ = self.overview(self.path("out2", "jaarverantwoording-2013.xlsx"))
        self.assertEqual(got["PERS-DIR"]["Begroting primitief"], 9800000)

        # historie --posten: begroting (primitief, na wijziging) against realisatie, per post and year.
        self.vhh("vaststellen", "jaarrekening", "--jaar", "2013", "--besluit", "AB 2014/3", "--datum", "2014-06-26",
                 "--database", url)
        realised, _ = self.overview(os.path.join(out, "jaarverantwoording-2013.xlsx"))
        h = json.loads(self.vhh("historie", "--posten", "--format", "json", "--database", url).stdout)
        posten = {p["code"]: p for p in h["posten"]}
        self.assertEqual(set(posten), set(realised))
        self.assertEqual(posten["PERS-DIR"], {
            "regio": "zeeland", "code": "PERS-DIR", "naam": "Personeel: directeur",
            "jaren": [{"jaar": 2013, "begroting_primitief_cents": 9800000, "begroting_na_wijziging_cents": 10060000,
                       "realisatie_cents": realised["PERS-DIR"]["Realisatie"]}]})
        self.assertNotIn("gemeenten", h)
        both = json.loads(self.vhh("historie", "--format", "json", "--database", url).stdout)
        self.assertEqual(both["posten"], h["posten"])
        self.assertEqual(len(both["gemeenten"]), 13)
        csv = self.vhh("historie", "--posten", "--format", "csv", "--database", url).stdout
        self.assertTrue(csv.startswith("\ufeffregio;code;naam;jaar;begroting_primitief_cents;"
                                       "begroting_na_wijziging_cents;realisatie_cents\n"))
        self.assertIn("zeeland;PERS-DIR;Personeel: directeur;2013;9800000;10060000;%d\n"
                      % realised["PERS-DIR"]["Realisatie"], csv)
        table = self.vhh("historie", "--database", url).stdout
        self.assertIn("Begroting en realisatie per post", table)
        self.assertIn("zeeland  PERS-DIR  Personeel: directeur", table)
        self.assertRegex(table, r"2013 +€ 98\.000,00 +€ 100\.600,00 +€ [\d.]+,\d\d")
        self.vhh("historie", "--posten", "--gemeente", "GM0687", "--database", url, expect=64)


if __name__ == "__main__":
    unittest.main()
