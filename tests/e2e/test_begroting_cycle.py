"""The begroting cycle's rules and records: `vhh kalender` (the Wgr steps of a year against the
config's `kalender:`), `vhh wijziging` (a begrotingswijziging, sealed in the audit log) and
`vhh zienswijze` (a raad's zienswijze and the dagelijks bestuur's reaction; an unanswered one blocks
`vhh vaststellen begroting`). The store parts run on SQLite (e2e.begroting_cycle) and on PostgreSQL
(e2e.store.postgresql)."""
import hashlib
import json
import os
import unittest

from storetest import StoreTestCase
from vhhtest import zeeland_text

PLAN_2014 = """
kalender:
  2014:
    kaderbrief: 2014-04-01
    ontwerpbegroting: 2014-05-15
    ab_jaarrekening: 2014-06-26
    jaarrekening_gs: 2014-07-03
    ab_begroting: 2014-07-03
    begroting_gs: 2014-07-10
"""

WIJZIGING = """omschrijving: Uitbreiding procesregie (illustratief)
posten:
  - {code: PERS-DIR, bedrag: 2500.00}
  - {code: OV, naam: Overige kosten, bedrag: -2500.00}
bijdragen:
  - {gemeente: GM0654, bedrag: 100.00}
"""


class Kalender(StoreTestCase):
    def config(self, plan):
        return self.write_config(zeeland_text() + plan)

    def test_steps_deadlines_and_plan_of_2014(self):
        cfg = self.config(PLAN_2014)
        got = json.loads(self.vhh("kalender", "--jaar", "2014", "--config", cfg, "--format", "json").stdout)
        self.assertEqual(got["jaar"], 2014)
        self.assertEqual(got["zienswijzetermijn_weken"], 6)
        steps = {s["stap"]: s for s in got["stappen"]}
        o = steps["ontwerpbegroting naar de raden"]
        self.assertEqual((o["document"], o["deadline"], o["gepland"], o["status"]),
                         ("ontwerpbegroting 2015", "2014-05-22", "2014-05-15", "op tijd"))
        self.assertEqual(o["termijn"], "6 weken vóór de vergadering van het algemeen bestuur")
        self.assertTrue(o["grondslag"].startswith("art. 35 lid 1 Wgr"))
        self.assertEqual(steps["kaderbrief naar de raden"]["status"], "geen termijn")  # art. 34b since 2015
        self.assertEqual(steps["begroting naar gedeputeerde staten"]["deadline"], "2014-07-14")
        self.assertEqual(steps["jaarrekening naar gedeputeerde staten"]["document"], "jaarrekening 2013")
        self.assertEqual(steps["voorlopige jaarrekening naar de raden"]["gepland"], None)
        table = self.vhh("kalender", "--jaar", "2014", "--config", cfg).stdout
        self.assertIn("Wgr-kalender 2014", table)
        self.assertIn("ontwerpbegroting naar de raden", table)
        # Another year of the same config: no plan, the law's dates (12 weeks from 2023).
        got = json.loads(self.vhh("kalender", "--jaar", "2023", "--config", cfg, "--format", "json").stdout)
        steps = {s["stap"]: s for s in got["stappen"]}
        self.assertEqual(got["zienswijzetermijn_weken"], 12)
        self.assertEqual(steps["kaderbrief naar de raden"]["deadline"], "2023-04-29")
        self.assertEqual(steps["begroting naar gedeputeerde staten"]["deadline"], "2023-09-14")
        self.assertEqual(steps["ontwerpbegroting naar de raden"]["deadline"], None)
        self.assertEqual(steps["ontwerpbegroting naar de raden"]["status"], "niet gepland")

    def test_a_plan_that_cannot_be_met_is_refused_by_kalender_check_and_run(self):
        # 2015: eight weeks; the ontwerpbegroting leaves the raden six; the jaarrekening is adopted
        # after 14 July; the AB adopts the begroting 2016 in 2016.
        plan = ("\nkalender:\n  2015:\n    ontwerpbegroting: 2015-05-21\n    ab_begroting: 2015-07-02\n"
                "    ab_jaarrekening: 2015-07-16\n  2016:\n    ab_begroting: 2017-01-12\n")
        cfg = self.config(plan)
        base = len(zeeland_text().splitlines())
        expected = [
            "vhh.yaml:%d:23: error: kalender.2015.ontwerpbegroting: ontwerpbegroting naar de raden: sent on "
            "2015-05-21, 42 days before the AB meeting of 2015-07-02: the raden get a shorter zienswijze term than "
            "the law allows (art. 35 lid 1 Wgr: 8 weken); send it on or before 2015-05-07" % (base + 4),
            "vhh.yaml:%d:22: error: kalender.2015.ab_jaarrekening: vaststelling jaarrekening door het algemeen "
            "bestuur: adopted on 2015-07-16, after 14 July: the jaarrekening 2014 cannot reach gedeputeerde staten "
            "before 15 July (art. 34 lid 4 Wgr)" % (base + 6),
            "vhh.yaml:%d:19: error: kalender.2016.ab_begroting: vaststelling begroting door het algemeen bestuur: "
            "the AB meeting of 2017-01-12 is not in 2016: the begroting 2017 is adopted in the year before it "
            "(art. 34 lid 1 Wgr)" % (base + 8),
        ]
        for command in (["kalender", "--jaar", "2015"], ["check"], ["run", "--out", self.path("out")]):
            r = self.vhh(*command, "--config", cfg, expect=65)
            for e in expected:
                self.assertIn(e, r.stderr)
            self.assertEqual(r.stderr.count("error:"), 3, r.stderr)
            self.assertEqual(r.stdout, "")
        self.assertFalse(os.path.exists(self.path("out")))

    def test_usage(self):
        self.vhh("kalender", expect=64)
        self.vhh("kalender", "--jaar", "14", expect=64)
        self.vhh("kalender", "--jaar", "2014", "--format", "csv", expect=64)
        self.vhh("kalender", "--jaar", "2014", "--database", "sqlite:x.db", expect=64)


class Wijziging(StoreTestCase):
    def begroting(self):
        url = self.initialised()
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2012/14", "--datum", "2012-11-20",
                 "--database", url)
        return url

    def wijziging(self, url, text, expect=0, datum="2013-04-11", besluit="AB 2013/3"):
        path = self.written("wijziging.yaml", text)
        return self.vhh("wijziging", "--jaar", "2013", "--bestand", path, "--besluit", besluit, "--datum", datum,
                        "--database", url, expect=expect)

    def table(self, url, name):
        return json.loads(self.vhh("db", "export", "--database", url).stdout)["tabellen"][name]

    def test_numbered_per_year_sealed_in_the_audit_log_and_exported(self):
        url = self.begroting()
        r = self.wijziging(url, WIJZIGING)
        self.assertIn("begrotingswijziging 1 of 2013 recorded (2013-04-11, AB 2013/3): zeeland; sha256 ", r.stdout)
        self.wijziging(url, WIJZIGING, datum="2013-10-03", besluit="AB 2013/9")
        w = self.table(url, "wijzigingen")
        self.assertEqual([(x["nummer"], x["besluit"]) for x in w], [(1, "AB 2013/3"), (2, "AB 2013/9")])
        self.assertEqual(w[0]["omschrijving"], "Uitbreiding procesregie (illustratief)")
        posten = self.table(url, "wijziging_posten")
        mine = [(p["code"], p["naam"], p["bedrag_cents"]) for p in posten if p["wijziging_id"] == w[0]["id"]]
        self.assertEqual([(c, b) for c, _, b in mine], [("PERS-DIR", 250000), ("OV", -250000)])
        self.assertEqual(mine[1][1], "Overige kosten")  # the file's naam
        self.assertNotEqual(mine[0][1], "PERS-DIR")  # the begroting's naam
        bij = self.table(url, "wijziging_bijdragen")
        self.assertEqual((bij[0]["betaler_id"], bij[0]["betaler"], bij[0]["bedrag_cents"]), ("GM0654", "Borsele", 10000))
        log = json.loads(self.vhh("log", "--database", url, "--format", "json").stdout)["entries"]
        self.assertEqual([e["commando"] for e in log][-2:], ["wijziging", "wijziging"])
        self.assertIn("sha256 " + w[0]["sha256"], log[-2]["wijziging"])
        self.vhh("db", "verify", "--database", url)

        # Export, import into a new store, export again: the same bytes (the new tables included).
        export = self.vhh("db", "export", "--database", url).stdout
        path = self.written("export.json", export)
        other = self.new_store()
        self.vhh("db", "import", path, "--database", other)
        self.assertEqual(self.vhh("db", "export", "--database", other).stdout, export)

    def test_db_verify_finds_a_tampered_wijziging(self):
        url = self.begroting()
        self.wijziging(url, WIJZIGING)
        self.sql(url, "UPDATE wijziging_posten SET bedrag_cents = 350000 WHERE volgnr = 1")
        r = self.vhh("db", "verify", "--database", url, expect=65)
        self.assertIn("begrotingswijziging 1 of 2013 of zeeland (id 1): its content does not match its seal", r.stderr)

    def test_db_verify_finds_a_resealed_wijziging(self):
        # Content and seal changed together: no audit log entry names the new seal.
        url = self.begroting()
        self.wijziging(url, WIJZIGING)
        self.sql(url, "UPDATE wijzigingen SET besluit = 'AB 2013/4'")
        r = self.vhh("db", "verify", "--database", url, expect=65)
        self.assertIn("does not match its seal", r.stderr)
        # A wijziging inserted behind vhh's back (as a schema-1 store would hold it): not in the log.
        url = self.begroting()
        self.sql(url, "INSERT INTO wijzigingen (id, regio, jaar, nummer, besluit, datum) "
                      "VALUES (7, 'zeeland', 2013, 1, 'x', '2013-05-01')")
        r = self.vhh("db", "verify", "--database", url, expect=65)
        self.assertIn("begrotingswijziging 1 of 2013 of zeeland (id 7)", r.stderr)

    def test_bad_input_is_located_and_nothing_is_recorded(self):
        url = self.begroting()
        before = self.vhh("db", "export", "--database", url).stdout
        r = self.wijziging(url, "omschrijving: x\nposten:\n  - {code: PERZ, bedrag: 10.00}\n"
                                "  - {code: OV, bedrag: 0.00}\n  - {code: HUIS, bedrag: 1.234}\n"
                                "bijdragen:\n  - {gemeente: GM9999, bedrag: 1.00}\n", expect=78)
        self.assertIn("wijziging.yaml:3:12: error: posten[0].code: post 'PERZ' is not a post of the vastgestelde "
                      "begroting 2013", r.stderr)
        self.assertIn("wijziging.yaml:4:24: error: posten[1].bedrag: a change of 0.00 changes nothing", r.stderr)
        self.assertIn("wijziging.yaml:5:26: error: posten[2].bedrag: expected an amount in euros", r.stderr)
        self.assertIn("wijziging.yaml:7:16: error: bijdragen[0].gemeente: gemeente GM9999 is not one of the region's "
                      "gemeenten", r.stderr)
        self.assertEqual(r.stderr.count("error:"), 4, r.stderr)
        self.assertEqual(r.stdout, "")
        self.assertEqual(self.vhh("db", "export", "--database", url).stdout, before)
        # No vastgestelde begroting to change; a date before the vaststelling; a missing file; usage.
        bare = self.initialised()
        r = self.wijziging(bare, WIJZIGING, expect=65)
        self.assertIn("no vastgestelde begroting 2013 of zeeland", r.stderr)
        r = self.wijziging(url, WIJZIGING, datum="2012-11-19", expect=65)
        self.assertIn("before the begroting 2013 was vastgesteld (2012-11-20)", r.stderr)
        self.vhh("wijziging", "--jaar", "2013", "--bestand", self.path("nope.yaml"), "--besluit", "b", "--datum",
                 "2013-04-11", "--database", url, expect=66)
        self.vhh("wijziging", "--jaar", "2013", "--besluit", "b", "--datum", "2013-04-11", "--database", url, expect=64)
        self.vhh("wijziging", "--jaar", "2014", "--bestand", self.path("wijziging.yaml"), "--besluit", "b",
                 "--datum", "2013-04-11", "--database", url, expect=65)  # the config is about 2013
        self.assertEqual(self.vhh("db", "export", "--database", url).stdout, before)


class Zienswijze(StoreTestCase):
    def zienswijze(self, url, gemeente, ontvangen="2012-10-15", expect=0, *extra):
        return self.vhh("zienswijze", "--jaar", "2013", "--gemeente", gemeente, "--ontvangen", ontvangen,
                        "--samenvatting", "De raad vraagt om een lagere bijdrage", *extra, "--database", url,
                        expect=expect)

    def vaststellen(self, url, expect=0):
        return self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2012/14", "--datum",
                        "2012-11-20", "--database", url, expect=expect)

    def test_unanswered_zienswijze_blocks_the_vaststelling_until_the_reaction(self):
        url = self.initialised()
        bijlage = self.written("brief.txt", "Zienswijze van de raad van Borsele\n")
        self.zienswijze(url, "GM0654", "2012-10-15", 0, "--bijlage", bijlage)
        self.zienswijze(url, "GM0664", "2012-10-16")
        r = self.zienswijze(url, "GM0654", "2012-10-20", 65)
        self.assertIn("already recorded (ontvangen 2012-10-15)", r.stderr)
        r = self.zienswijze(url, "GM9999", "2012-10-20", 65)
        self.assertIn("--gemeente GM9999 is not a gemeente of zeeland in 2013 (its gemeenten: GM0654, ", r.stderr)

        r = self.vhh("check", "--database", url)
        self.assertIn("warning: zienswijzen: the dagelijks bestuur has not reacted to the zienswijze of GM0654 Borsele "
                      "(ontvangen 2012-10-15), GM0664 Goes (ontvangen 2012-10-16) on the ontwerpbegroting 2013", r.stderr)
        r = self.vaststellen(url, 65)
        self.assertIn("cannot be vastgesteld: the dagelijks bestuur has not reacted to the zienswijze of GM0654 Borsele "
                      "(ontvangen 2012-10-15), GM0664 Goes (ontvangen 2012-10-16)", r.stderr)

        self.vhh("zienswijze", "reactie", "--jaar", "2013", "--gemeente", "GM0654", "--datum", "2012-11-01",
                 "--reactie", "De bijdrage blijft gelijk; zie de toelichting", "--database", url)
        r = self.vhh("zienswijze", "reactie", "--jaar", "2013", "--gemeente", "GM0654", "--datum", "2012-11-02",
                     "--reactie", "nog eens", "--database", url, expect=65)
        self.assertIn("already reacted", r.stderr)
        r = self.vaststellen(url, 65)
        self.assertIn("GM0664 Goes", r.stderr)
        self.assertNotIn("GM0654", r.stderr)
        r = self.vhh("zienswijze", "reactie", "--jaar", "2013", "--gemeente", "GM0664", "--datum", "2012-10-01",
                     "--reactie", "r", "--database", url, expect=65)
        self.assertIn("before the zienswijze was received", r.stderr)
        self.vhh("zienswijze", "reactie", "--jaar", "2013", "--gemeente", "GM0664", "--datum", "2012-11-01",
                 "--reactie", "Akkoord", "--database", url)
        self.assertNotIn("warning", self.vhh("check", "--database", url).stderr)
        self.vaststellen(url)
        # After the vaststelling a zienswijze on the ontwerp comes too late.
        r = self.zienswijze(url, "GM0677", "2012-11-21", 65)
        self.assertIn("already vastgesteld on 2012-11-20", r.stderr)

        got = json.loads(self.vhh("zienswijze", "lijst", "--jaar", "2013", "--format", "json", "--database",
                                  url).stdout)["zienswijzen"]
        self.assertEqual([(z["gemeente"], z["reactie"]["datum"]) for z in got],
                         [("GM0654", "2012-11-01"), ("GM0664", "2012-11-01")])
        sha = hashlib.sha256(b"Zienswijze van de raad van Borsele\n").hexdigest()
        self.assertEqual(got[0]["bijlage"], {"naam": "brief.txt", "sha256": sha})
        export = json.loads(self.vhh("db", "export", "--database", url).stdout)["tabellen"]
        self.assertEqual([b["sha256"] for b in export["bijlagen"]], [sha])
        log = [e["commando"] for e in json.loads(self.vhh("log", "--database", url, "--format", "json").stdout)["entries"]]
        self.assertEqual(log, ["db init", "zienswijze", "zienswijze", "zienswijze reactie", "zienswijze reactie",
                               "vaststellen begroting"])
        self.vhh("db", "verify", "--database", url)
        # Round trip with the new tables.
        text = self.vhh("db", "export", "--database", url).stdout
        other = self.new_store()
        self.vhh("db", "import", self.written("export.json", text), "--database", other)
        self.assertEqual(self.vhh("db", "export", "--database", other).stdout, text)

        # Tampering behind vhh's back: a summary, a reaction, an attachment.
        for statement, message in (
                ("UPDATE zienswijzen SET samenvatting = 'akkoord' WHERE gemeente = 'GM0664'",
                 "zienswijze 2 (GM0664 on the ontwerpbegroting 2013): its content does not match its seal"),
                ("UPDATE zienswijze_reacties SET reactie = 'akkoord' WHERE zienswijze_id = 1",
                 "the reactie to zienswijze 1: its content does not match its seal"),
                ("UPDATE bijlagen SET inhoud_base64 = 'eA=='", "bijlage %s: its content does not match its sha256" % sha)):
            tampered = self.new_store()
            self.vhh("db", "import", self.path("export.json"), "--database", tampered)
            self.sql(tampered, statement)
            r = self.vhh("db", "verify", "--database", tampered, expect=65)
            self.assertIn(message, r.stderr)

    def test_zienswijze_on_a_wijziging_and_bad_input(self):
        url = self.initialised()
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2012/14", "--datum", "2012-11-20",
                 "--database", url)
        r = self.zienswijze(url, "GM0654", "2013-05-01", 65, "--wijziging", "1")
        self.assertIn("no begrotingswijziging 1 of 2013", r.stderr)
        path = self.written("w.yaml", WIJZIGING)
        self.vhh("wijziging", "--jaar", "2013", "--bestand", path, "--besluit", "AB 2013/3", "--datum", "2013-04-11",
                 "--database", url)
        self.zienswijze(url, "GM0654", "2013-05-01", 0, "--wijziging", "1")
        got = json.loads(self.vhh("zienswijze", "lijst", "--jaar", "2013", "--format", "json", "--database",
                                  url).stdout)["zienswijzen"]
        self.assertEqual(got[0]["onderwerp"], "wijziging 1")
        self.zienswijze(url, "GM0654", "2013-13-01", 64)
        self.zienswijze(url, "GM0654", "2013-05-01", 64, "--wijziging", "x")
        self.zienswijze(url, "GM0654", "2013-05-01", 66, "--wijziging", "1", "--bijlage", self.path("nope.pdf"))
        self.vhh("zienswijze", "--jaar", "2013", "--gemeente", "GM0654", "--database", url, expect=64)
        self.vhh("zienswijze", "intrekken", "--jaar", "2013", "--database", url, expect=64)


if __name__ == "__main__":
    unittest.main()
