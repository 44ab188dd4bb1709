"""Helpers for the store tests: a fresh, empty store per test on the back end under test.

VHH_TEST_BACKEND=postgresql runs the same tests against the PostgreSQL server that
`pg_virtualenv -t` started (PGHOST, PGPORT, PGUSER, PGPASSWORD from its environment); each
test gets a database of its own. Otherwise each test gets a SQLite file in its directory."""
import os
import subprocess
import uuid

import vhhtest

BACKEND = os.environ.get("VHH_TEST_BACKEND", "sqlite")

# How each migration after the first is taken back out of a store, to make the store an older vhh
# left: a new migration adds its entry here (store_at_schema says so when it is missing).
UNDO_MIGRATION = {
    2: ["DROP TABLE zienswijze_reacties", "DROP TABLE zienswijzen", "DROP TABLE bijlagen",
        "ALTER TABLE wijzigingen DROP COLUMN omschrijving", "ALTER TABLE wijzigingen DROP COLUMN sha256"],
    3: ["DROP TABLE gebruikers"],
    4: ["DROP TABLE factuurregels", "DROP TABLE facturen", "DROP TABLE factuur_nummers"],
    5: ["DROP TABLE inlogpogingen", "DROP TABLE sessies"],
    6: ["DROP TABLE betalingen"],
    7: ["DROP TABLE vragen", "DROP TABLE publicatie_bestanden", "DROP TABLE publicaties"],
    8: ["ALTER TABLE wijziging_posten DROP COLUMN omschrijving"],
}
# The schema version this vhh writes, and the one before it (the newest it knows below SCHEMA).
SCHEMA = max(UNDO_MIGRATION)
PREVIOUS_SCHEMA = max(v for v, undo in UNDO_MIGRATION.items() if v < SCHEMA and undo is not None)


def pg_url(database, password=None):
    return "postgresql://%s:%s@%s:%s/%s" % (
        os.environ["PGUSER"], os.environ["PGPASSWORD"] if password is None else password,
        os.environ.get("PGHOST", "localhost"), os.environ.get("PGPORT", "5432"), database)


class StoreTestCase(vhhtest.VhhTestCase):
    """A test with a helper to make empty stores on the back end under test."""

    def new_store(self, backend=None):
        """The URL of a new, empty store (not initialised)."""
        backend = backend or BACKEND
        if backend == "postgresql":
            name = "vhh_" + uuid.uuid4().hex[:12]
            subprocess.run(["createdb", name], check=True, timeout=60)
            return pg_url(name)
        return "sqlite:" + self.path("store-%s.db" % uuid.uuid4().hex[:8])

    def sql(self, url, statement):
        """Runs SQL behind vhh's back: the sqlite3 or psql tool."""
        if url.startswith("sqlite:"):
            cmd = ["sqlite3", url[len("sqlite:"):], statement]
        else:
            cmd = ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", url.rsplit("/", 1)[1], "-c", statement]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        return out.stdout

    def vhh(self, *args, expect=0, env=None):
        r = vhhtest.run(*args, env=env)
        self.assertEqual(r.returncode, expect, r.stdout + r.stderr)
        return r

    def written(self, name, text):
        """Writes `text` into the test's directory; returns the path."""
        path = self.path(name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def store_at_schema(self, url, version):
        """Turns the current store at `url` into one a vhh of schema `version` left."""
        status = self.vhh("db", "status", "--database", url).stdout
        self.assertIn("schema version: %d " % SCHEMA, status,
                      "a migration was added: add how to take it out to UNDO_MIGRATION in storetest.py")
        for v in range(SCHEMA, version, -1):
            for statement in UNDO_MIGRATION[v] or []:
                self.sql(url, statement)
            self.sql(url, "DELETE FROM schema_migrations WHERE version = %d" % v)

    def initialised(self):
        url = self.new_store()
        self.vhh("db", "init", "--database", url)
        return url
