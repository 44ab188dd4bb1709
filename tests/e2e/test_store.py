"""The administration store: db init/migrate/status/verify/export/import, vaststellen, historie,
log and their faults. The same tests run on SQLite (e2e.store) and on PostgreSQL
(e2e.store.postgresql, a throwaway server started by pg_virtualenv)."""
import json
import os
import signal
import subprocess
import time
import unittest

import vhhtest
from storetest import BACKEND, SCHEMA, StoreTestCase, pg_url

FRYSLAN = """regio:
  id: fryslan-noord
  naam: Veiligheidshuis Fryslân (test)
  boekjaar: {year}
  centrumgemeente: GM0080
bevolking:
  peildatum: {year}-01-01
gemeenten:
  - {{code: GM0058, naam: Dongeradeel, inwoners: 23800}}
  - {{code: GM0079, naam: Ferwerderadiel, inwoners: 8600}}
  - {{code: GM0081, naam: Kollumerland en Nieuwkruisland, inwoners: 12800}}
  - {{code: GM0080, naam: Leeuwarden, inwoners: 122000}}
{herindelingen}
plugins:
  - name: financing.inwonerbijdrage
    tarief: {tarief}
"""
HERINDELING = ("herindelingen:\n  - {per: 2019-01-01, naar: GM1970, naam: Noardeast-Fryslân, "
               "van: [GM0058, GM0079, GM0081]}\n")


def vaststellen(url, document, year, config=None, besluit="AB besluit 7", datum="2012-11-20", expect=None):
    args = ["vaststellen", document, "--jaar", str(year), "--besluit", besluit, "--datum", datum, "--database", url]
    if config:
        args += ["--config", config]
    return vhhtest.run(*args)


class StoreCore(StoreTestCase):
    def test_init_status_migrate(self):
        url = self.new_store()
        r = self.vhh("db", "init", "--database", url)
        self.assertIn("schema %d" % SCHEMA, r.stdout)
        r = self.vhh("db", "status", "--database", url)
        self.assertIn("schema version: %d" % SCHEMA, r.stdout)
        self.assertIn("pending:        none", r.stdout)
        r = self.vhh("db", "init", "--database", url, expect=65)
        self.assertIn("already initialised", r.stderr)
        r = self.vhh("db", "migrate", "--database", url)
        self.assertIn("up to date", r.stdout)

    def test_migrate_from_schema_1(self):
        # A store as vhh of schema 1 left it: without migration 2's tables and columns.
        url = self.initialised()
        self.store_at_schema(url, 1)
        r = self.vhh("db", "status", "--database", url)
        self.assertIn("schema version: 1", r.stdout)
        self.assertIn("2  begrotingscyclus", r.stdout)
        self.vhh("run", "--out", self.path("out"), "--database", url, expect=65)  # run 'vhh db migrate' first
        r = self.vhh("db", "migrate", "--database", url)
        self.assertIn("from schema 1 to %d" % SCHEMA, r.stdout)
        self.vhh("db", "verify", "--database", url)
        self.assertIn("zienswijzen:    0", self.vhh("db", "status", "--database", url).stdout)

    def test_store_named_by_variable_and_config_flag_wins(self):
        by_env = self.initialised()
        by_flag = self.initialised()
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "b", "--datum", "2012-11-20",
                 env={"VHH_DATABASE": by_env})
        r = self.vhh("db", "status", "--database", by_flag, env={"VHH_DATABASE": by_env})
        self.assertIn("vaststellingen: 0", r.stdout)
        r = self.vhh("db", "status", env={"VHH_DATABASE": by_env})
        self.assertIn("vaststellingen: 1", r.stdout)
        if by_env.startswith("sqlite:"):
            cfg = self.zeeland_with("plugins:", "administratie: sqlite:%s\n\nplugins:" % os.path.basename(by_env[7:]))
            r = self.vhh("db", "status", "--config", cfg)
            self.assertIn("vaststellingen: 1", r.stdout)

    def test_vaststellen_then_second_refused_and_log(self):
        url = self.initialised()
        r = vaststellen(url, "begroting", 2013, besluit="AB 2012/14", datum="2012-11-20")
        self.assertEqual(r.returncode, 0, r.stderr)
        r = vaststellen(url, "begroting", 2013, besluit="AB 2013/1", datum="2013-01-10")
        self.assertEqual(r.returncode, 65, r.stderr)
        self.assertIn("2012-11-20", r.stderr)
        self.assertIn("AB 2012/14", r.stderr)
        r = vaststellen(url, "jaarrekening", 2013, besluit="AB 2014/3", datum="2014-06-30")
        self.assertEqual(r.returncode, 0, r.stderr)
        log = json.loads(self.vhh("log", "--database", url, "--format", "json").stdout)["entries"]
        self.assertEqual([e["commando"] for e in log], ["db init", "vaststellen begroting", "vaststellen jaarrekening"])
        self.assertEqual(log[1]["vorige_hash"], log[0]["hash"])
        self.assertIn("AB 2014/3", log[2]["wijziging"])
        self.vhh("log", "--database", url, "--door", "x", expect=64)  # --door is for changes only
        r = self.vhh("vaststellen", "begroting", "--jaar", "2014", "--besluit", "b", "--datum", "2013-11-01",
                     "--database", url, "--door", "J. de Vries", "--config",
                     self.write_config(FRYSLAN.format(year=2014, tarief="0.40", herindelingen=""), "f.yaml"))
        log = json.loads(self.vhh("log", "--database", url, "--format", "json").stdout)["entries"]
        self.assertEqual(log[-1]["gebruiker"], "J. de Vries")
        self.vhh("db", "verify", "--database", url)

    def test_snapshot_holds_every_bijdrage_and_the_inputs(self):
        url = self.initialised()
        self.assertEqual(vaststellen(url, "begroting", 2013).returncode, 0)
        bijdragen = json.loads(self.vhh("bijdragen", "--format", "json").stdout)
        export = json.loads(self.vhh("db", "export", "--database", url).stdout)["tabellen"]
        stored = export["vaststelling_bijdragen"]
        self.assertEqual([(b["betaler_id"], b["bedrag_cents"]) for b in stored],
                         [(l["payer_id"], l["amount_cents"]) for l in bijdragen["lines"]])
        # The posten are report.jaarverantwoording's, with their begroting primitief.
        posten = {p["code"]: p["bedrag_cents"] for p in export["vaststelling_posten"]}
        self.assertEqual(len(posten), 11)
        self.assertEqual((posten["GEM"], posten["PERS-DIR"], posten["ICT"]), (15279040, 9800000, 4600000))
        self.assertTrue(any(i["bestand"].endswith("vhh.yaml") and len(i["sha256"]) == 64
                            for i in export["vaststelling_inputs"]))
        # Without a report plugin that names posten, a post per line source with its total.
        other = self.initialised()
        cfg = self.write_config(FRYSLAN.format(year=2018, tarief="0.40", herindelingen=""), "fryslan.yaml")
        self.assertEqual(vaststellen(other, "begroting", 2018, config=cfg).returncode, 0)
        export = json.loads(self.vhh("db", "export", "--database", other).stdout)["tabellen"]
        self.assertEqual([(p["code"], p["bedrag_cents"]) for p in export["vaststelling_posten"]],
                         [("inwonerbijdrage", (23800 + 8600 + 12800 + 122000) * 40)])

    def test_vaststelling_with_errors_in_the_inputs_stores_nothing(self):
        url = self.initialised()
        bad = self.zeeland_with("inwoners: 22551", "inwoners: -5")
        r = vaststellen(url, "begroting", 2013, config=bad)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("error", r.stderr)
        r = vaststellen(url, "begroting", 2014)  # the config is about 2013
        self.assertEqual(r.returncode, 65, r.stderr)
        self.assertIn("boekjaar 2013", r.stderr)
        export = json.loads(self.vhh("db", "export", "--database", url).stdout)["tabellen"]
        self.assertEqual(export["vaststellingen"], [])
        self.assertEqual(len(export["audit_log"]), 1)

    def test_a_province_config_vaststelt_every_region_or_none(self):
        url = self.initialised()
        for i in range(2):
            self.zeeland_with("id: zeeland", "id: zeeland-%d" % i, name="vhh-%d.yaml" % i)
        text = "provincie:\n  id: zld\n  naam: Zeeland\n  boekjaar: 2013\nregios:\n  - config: vhh-0.yaml\n  - config: vhh-1.yaml\n"
        cfg = self.written("provincie.yaml", text)
        with open(self.path("vhh-1.yaml"), encoding="utf-8") as f:
            bad = f.read().replace("inwoners: 22551", "inwoners: -5")
        self.written("vhh-1.yaml", bad)
        r = vaststellen(url, "begroting", 2013, config=cfg)
        self.assertNotEqual(r.returncode, 0)
        export = json.loads(self.vhh("db", "export", "--database", url).stdout)["tabellen"]
        self.assertEqual(export["vaststellingen"], [])
        self.written("vhh-1.yaml", bad.replace("inwoners: -5", "inwoners: 22551"))
        r = vaststellen(url, "begroting", 2013, config=cfg)
        self.assertEqual(r.returncode, 0, r.stderr)
        export = json.loads(self.vhh("db", "export", "--database", url).stdout)["tabellen"]
        self.assertEqual([v["regio"] for v in export["vaststellingen"]], ["zeeland-0", "zeeland-1"])
        self.assertEqual(len(export["audit_log"]), 3)

    def test_usage_errors(self):
        url = self.initialised()
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--database", url, expect=64)
        self.vhh("vaststellen", "begrotin", "--jaar", "2013", "--besluit", "b", "--datum", "2012-11-20",
                 "--database", url, expect=64)
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "b", "--datum", "2012-13-20",
                 "--database", url, expect=64)
        self.vhh("db", "--database", url, expect=64)
        self.vhh("db", "drop", "--database", url, expect=64)
        self.vhh("db", "export", "--format", "csv", "--database", url, expect=64)
        self.vhh("db", "export", "--format", "table", "--database", url, expect=64)
        self.vhh("historie", "--format", "xml", "--database", url, expect=64)
        r = self.vhh("db", "status", expect=64)
        self.assertIn("no store named", r.stderr)


class StoreVerify(StoreTestCase):
    def setUp(self):
        super().setUp()
        self.url = self.initialised()
        self.assertEqual(vaststellen(self.url, "begroting", 2013).returncode, 0)
        self.assertEqual(vaststellen(self.url, "jaarrekening", 2013).returncode, 0)
        self.vhh("db", "verify", "--database", self.url)

    def tampered(self, statement, message):
        self.sql(self.url, statement)
        r = self.vhh("db", "verify", "--database", self.url, expect=65)
        self.assertIn(message, r.stderr)

    def test_tampered_bijdrage_found(self):
        self.tampered("UPDATE vaststelling_bijdragen SET bedrag_cents = bedrag_cents + 1 "
                      "WHERE vaststelling_id = 2 AND volgnr = 3", "vaststelling 2 (jaarrekening 2013 of zeeland)")

    def test_tampered_snapshot_found(self):
        self.tampered("UPDATE vaststellingen SET besluit = 'ander besluit' WHERE id = 1",
                      "vaststelling 1 (begroting 2013 of zeeland)")

    def test_snapshot_replaced_and_rehashed_found(self):
        # A snapshot consistent in itself (content and hash match) that no audit entry recorded:
        # the same vaststelling with another besluit, made in a second store and copied over.
        other = self.initialised()
        self.assertEqual(vaststellen(other, "begroting", 2013, besluit="ander besluit").returncode, 0)
        foreign = json.loads(self.vhh("db", "export", "--database", other).stdout)["tabellen"]["vaststellingen"][0]
        self.tampered("UPDATE vaststellingen SET besluit = 'ander besluit', snapshot_sha256 = '%s' WHERE id = 1"
                      % foreign["snapshot_sha256"],
                      "vaststelling 1 (begroting 2013 of zeeland): no audit log entry records its snapshot")

    def test_tampered_log_entry_found(self):
        self.tampered("UPDATE audit_log SET gebruiker = 'iemand anders' WHERE volgnr = 2", "audit log entry 2")

    def test_deleted_log_entry_found(self):
        self.tampered("DELETE FROM audit_log WHERE volgnr = 2", "audit log entry 2 is missing")


class StoreExchange(StoreTestCase):
    def export(self, url):
        return self.vhh("db", "export", "--database", url).stdout

    def filled(self):
        url = self.initialised()
        self.assertEqual(vaststellen(url, "begroting", 2013, besluit='AB "zó" \\ 2012').returncode, 0)
        self.assertEqual(vaststellen(url, "jaarrekening", 2013).returncode, 0)
        return url

    def test_round_trip_is_byte_identical(self):
        first = self.export(self.filled())
        path = self.written("export.json", first)
        second = self.new_store()
        self.vhh("db", "import", path, "--database", second)
        self.assertEqual(self.export(second), first)
        self.vhh("db", "verify", "--database", second)

    @unittest.skipUnless(BACKEND == "postgresql", "needs the PostgreSQL server")
    def test_sqlite_to_postgresql_to_sqlite(self):
        source = self.initialised_on("sqlite")
        first = self.export(source)
        path = self.path("a.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(first)
        pg = self.new_store("postgresql")
        self.vhh("db", "import", path, "--database", pg)
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.export(pg))
        back = self.new_store("sqlite")
        self.vhh("db", "import", path, "--database", back)
        self.assertEqual(self.export(back), first)

    def initialised_on(self, backend):
        url = self.new_store(backend)
        self.vhh("db", "init", "--database", url)
        self.assertEqual(vaststellen(url, "begroting", 2013, besluit="AB ü").returncode, 0)
        return url

    def import_refused(self, text, message):
        path = self.written("bad.json", text)
        target = self.new_store()
        r = self.vhh("db", "import", path, "--database", target, expect=65)
        self.assertIn(message, r.stderr)
        self.assertIn("nothing was imported", r.stderr)
        r = self.vhh("db", "status", "--database", target)
        self.assertIn("schema version: 0", r.stdout)
        return r

    def test_malformed_and_partial_exports_refused(self):
        text = self.export(self.filled())
        self.import_refused(text[: len(text) // 2], "bad.json: error: not a complete JSON document")
        doc = json.loads(text)
        del doc["tabellen"]["vaststelling_posten"]
        self.import_refused(json.dumps(doc), "bad.json: error: tabellen.vaststelling_posten: missing")
        doc = json.loads(text)
        doc["tabellen"]["vaststelling_bijdragen"].pop()
        self.import_refused(json.dumps(doc), "does not verify: vaststelling 2")
        doc = json.loads(text)
        doc["tabellen"]["vaststellingen"][0]["jaar"] = "2013"
        self.import_refused(json.dumps(doc), "tabellen.vaststellingen[0].jaar: expected an integer")
        doc = json.loads(text)
        doc["tabellen"]["audit_log"][1]["wijziging"] = "iets anders"
        self.import_refused(json.dumps(doc), "audit log entry 2")

    def test_import_into_a_store_db_init_just_created(self):
        # Empty = initialised, no administration rows, and only the store's own audit entries (db
        # init, db migrate): the export's audit log replaces them, so the round trip stays exact.
        first = self.export(self.filled())
        path = self.written("export.json", first)
        target = self.initialised()
        self.vhh("db", "migrate", "--database", target)  # up to date: no entry, still empty
        self.vhh("db", "import", path, "--database", target)
        self.assertEqual(self.export(target), first)
        self.vhh("db", "verify", "--database", target)

    def test_import_into_a_store_with_an_administration_refused(self):
        text = self.export(self.filled())
        path = self.written("export.json", text)
        target = self.initialised()
        self.assertEqual(vaststellen(target, "begroting", 2013, besluit="eigen besluit").returncode, 0)
        before = self.export(target)
        r = self.vhh("db", "import", path, "--database", target, expect=65)
        self.assertIn("is not empty (rows: audit_log 1, vaststellingen 1", r.stderr)
        self.assertIn("import only into a new or an empty store", r.stderr)
        self.assertEqual(self.export(target), before)  # nothing imported
        self.vhh("db", "import", self.path("nope.json"), "--database", self.new_store(), expect=66)


class StoreHistorie(StoreTestCase):
    def config(self, year, tarief, herindeling):
        text = FRYSLAN.format(year=year, tarief=tarief, herindelingen=HERINDELING if herindeling else "")
        return self.write_config(text, "fryslan-%d.yaml" % year)

    def test_herindeling_restated(self):
        url = self.initialised()
        c2018 = self.config(2018, "0.40", False)
        c2019 = self.config(2019, "0.45", True)
        for doc, year, cfg in [("begroting", 2018, c2018), ("jaarrekening", 2018, c2018), ("begroting", 2019, c2019)]:
            r = vaststellen(url, doc, year, config=cfg)
            self.assertEqual(r.returncode, 0, r.stderr)
        for code in ["GM1970", "GM0079"]:
            h = json.loads(self.vhh("historie", "--gemeente", code, "--format", "json", "--database", url).stdout)
            self.assertEqual(h, {"gemeenten": [{
                "code": "GM1970", "naam": "Noardeast-Fryslân", "voorgangers": ["GM0058", "GM0079", "GM0081"],
                "jaren": [{"jaar": 2018, "voorlopig_cents": 1808000, "definitief_cents": 1808000},
                          {"jaar": 2019, "voorlopig_cents": 2034000, "definitief_cents": None}]}]})
        h = json.loads(self.vhh("historie", "--format", "json", "--database", url).stdout)
        self.assertEqual([g["code"] for g in h["gemeenten"]], ["GM0080", "GM1970"])
        self.assertEqual(h["gemeenten"][0]["voorgangers"], [])
        table = self.vhh("historie", "--database", url).stdout
        self.assertIn("GM1970  Noardeast-Fryslân  (voorgangers: GM0058 GM0079 GM0081)", table)
        self.assertIn("€ 18.080,00", table)
        csv = self.vhh("historie", "--format", "csv", "--database", url).stdout
        self.assertIn("GM1970;Noardeast-Fryslân;2019;2034000;;GM0058 GM0079 GM0081", csv)
        self.vhh("historie", "--gemeente", "GM9999", "--database", url, expect=65)


class StoreFaults(StoreTestCase):
    def test_unknown_scheme(self):
        r = self.vhh("db", "status", "--database", "mysql://u:p@h/db", expect=64)
        self.assertIn("unknown database URL scheme 'mysql'", r.stderr)
        cfg = self.zeeland_with("plugins:", "administratie: mysql://u:p@h/db\n\nplugins:")
        r = self.vhh("db", "status", "--config", cfg, expect=78)
        self.assertIn("vhh.yaml:", r.stderr)
        self.assertIn("error: administratie: unknown database URL scheme", r.stderr)
        self.vhh("check", "--config", cfg, expect=78)

    def test_missing_sqlite_store(self):
        missing = self.path("nope.db")
        for args in [["db", "status"], ["db", "migrate"], ["log"], ["historie"], ["db", "verify"]]:
            r = self.vhh(*args, "--database", "sqlite:" + missing, expect=66)
            self.assertIn("does not exist", r.stderr)
        self.assertEqual(vaststellen("sqlite:" + missing, "begroting", 2013).returncode, 66)
        self.assertFalse(os.path.exists(missing))
        # Unreadable (root reads any file, so: a directory where the file should be).
        os.mkdir(self.path("map.db"))
        for args in [["db", "status"], ["historie"], ["db", "verify"]]:
            r = self.vhh(*args, "--database", "sqlite:" + self.path("map.db"), expect=66)
            self.assertIn("cannot open store " + self.path("map.db") + ": it is a folder", r.stderr)
        # A store in a folder that does not exist: refused at once, and the folder is not made.
        r = self.vhh("db", "init", "--database", "sqlite:" + self.path("geen-map", "vhh.db"), expect=66)
        self.assertIn("its folder %s does not exist" % self.path("geen-map"), r.stderr)
        self.assertFalse(os.path.exists(self.path("geen-map")))

    @unittest.skipUnless(BACKEND == "sqlite", "a SQLite file")
    def test_corrupt_sqlite_file(self):
        path = self.path("corrupt.db")
        with open(path, "wb") as f:
            f.write(b"this is not a database" * 100)
        r = self.vhh("db", "status", "--database", "sqlite:" + path, expect=65)
        self.assertIn("damaged or not a SQLite database", r.stderr)

    @unittest.skipUnless(BACKEND == "postgresql", "needs the PostgreSQL server")
    def test_postgresql_refuses_password_and_connection(self):
        url = self.initialised()
        db = url.rsplit("/", 1)[1]
        r = self.vhh("db", "status", "--database", pg_url(db, password="geheim-wachtwoord"), expect=66)
        self.assertIn("localhost", r.stderr)
        self.assertIn(db, r.stderr)
        self.assertNotIn("geheim-wachtwoord", r.stderr)
        r = self.vhh("db", "status", "--database", "postgresql://u:geheim-wachtwoord@127.0.0.1:1/db", expect=66)
        self.assertIn("127.0.0.1 port 1, database db", r.stderr)
        self.assertNotIn("geheim-wachtwoord", r.stderr)

    def test_newer_schema_refused_and_not_altered(self):
        url = self.initialised()
        self.sql(url, "INSERT INTO schema_migrations (version, naam, toegepast) VALUES (99, 'toekomst', 'x')")
        before = self.sql(url, "SELECT COUNT(*) FROM audit_log")
        for args in [["db", "status"], ["db", "migrate"], ["log"], ["db", "export"]]:
            r = self.vhh(*args, "--database", url, expect=65)
            self.assertIn("schema version 99, newer than this vhh knows (%d)" % SCHEMA, r.stderr)
        self.assertEqual(vaststellen(url, "begroting", 2013).returncode, 65)
        self.assertEqual(self.sql(url, "SELECT COUNT(*) FROM audit_log"), before)

    def test_two_writers_at_once(self):
        url = self.initialised()
        procs = [subprocess.Popen([vhhtest.VHH, "vaststellen", doc, "--jaar", "2013", "--besluit", "b",
                                   "--datum", "2013-01-01", "--database", url],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for doc in ["begroting", "jaarrekening", "begroting"]]
        results = [(p.wait(timeout=120), p.communicate()) for p in procs]
        codes = sorted(rc for rc, _ in results)
        self.assertEqual(codes, [0, 0, 65], results)
        log = json.loads(self.vhh("log", "--database", url, "--format", "json").stdout)["entries"]
        self.assertEqual(len(log), 3)
        self.vhh("db", "verify", "--database", url)

    def test_sigkill_during_vaststellen_is_all_or_nothing(self):
        # How many posten one complete vaststelling records (the report plugin's posten).
        complete = self.initialised()
        self.assertEqual(vaststellen(complete, "begroting", 2013).returncode, 0)
        per_vaststelling = len(json.loads(self.vhh("db", "export", "--database", complete).stdout)["tabellen"]["vaststelling_posten"])
        self.assertGreater(per_vaststelling, 0)
        url = self.initialised()
        for delay in [0.05, 0.15, 0.3, 0.5, 0.8, 1.5, 3.0]:
            p = subprocess.Popen([vhhtest.VHH, "vaststellen", "begroting", "--jaar", "2013", "--besluit", "b",
                                  "--datum", "2013-01-01", "--database", url],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            p.send_signal(signal.SIGKILL)
            p.wait()
            self.vhh("db", "verify", "--database", url)
            export = json.loads(self.vhh("db", "export", "--database", url).stdout)["tabellen"]
            stored = len(export["vaststellingen"])
            self.assertEqual(len(export["audit_log"]), 1 + stored)
            self.assertEqual(len(export["vaststelling_posten"]), per_vaststelling * stored)
            if stored:
                return
        # Killed every time before it committed: the store holds none of it, and it still works.
        self.assertEqual(vaststellen(url, "begroting", 2013).returncode, 0)

    def test_sigkill_during_import_is_all_or_nothing(self):
        url = self.initialised()
        for i in range(8):
            cfg = self.zeeland_with("id: zeeland", "id: zeeland-%d" % i, name="vhh-%d.yaml" % i)
            self.assertEqual(vaststellen(url, "begroting", 2013, config=cfg).returncode, 0)
        path = self.path("export.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.vhh("db", "export", "--database", url).stdout)
        for delay in [0.02, 0.05, 0.1, 0.2]:
            target = self.new_store()
            p = subprocess.Popen([vhhtest.VHH, "db", "import", path, "--database", target],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            p.send_signal(signal.SIGKILL)
            p.wait()
            if target.startswith("sqlite:") and not os.path.exists(target[7:]):
                continue  # killed before it created the file: nothing
            status = self.vhh("db", "status", "--database", target).stdout
            if "schema version: 0" not in status:
                self.assertIn("vaststellingen: 8", status)
                self.vhh("db", "verify", "--database", target)


if __name__ == "__main__":
    unittest.main()
