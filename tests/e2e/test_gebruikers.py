"""`vhh gebruiker`: the accounts of vhh serve in the store — Argon2id hashes checked by an
independent implementation (python3-argon2), every change in the audit log without the password,
every refusal with its exit code and nothing changed; and a store one migration behind. The same
tests run on SQLite (e2e.gebruikers) and on PostgreSQL (e2e.store.postgresql)."""
import json
import os
import subprocess
import unittest

import argon2

import vhhtest
from storetest import PREVIOUS_SCHEMA, SCHEMA, StoreTestCase

PASSWORD = "correct paard batterij niet"


class GebruikerTestCase(StoreTestCase):
    def gebruiker(self, *args, stdin=PASSWORD + "\n", expect=0, url=None):
        env = dict(os.environ)
        env.pop("SOURCE_DATE_EPOCH", None)
        cmd = [vhhtest.VHH, "gebruiker", *args]
        if url:
            cmd += ["--database", url]
        r = subprocess.run(cmd, input=stdin, capture_output=True, text=True, env=env, timeout=120)
        self.assertEqual(r.returncode, expect, r.stdout + r.stderr)
        return r

    def lijst(self, url):
        return json.loads(self.vhh("gebruiker", "lijst", "--format", "json", "--database", url).stdout)["gebruikers"]

    def audit_entries(self, url):
        return json.loads(self.vhh("log", "--format", "json", "--database", url).stdout)["entries"]


class GebruikerAccounts(GebruikerTestCase):
    def test_add_stores_an_argon2id_hash_and_logs_without_the_password(self):
        url = self.initialised()
        r = self.gebruiker("toevoegen", "anna", "--rol", "beheerder", url=url)
        self.assertIn("gebruiker anna added with rol beheerder", r.stdout)
        self.assertNotIn(PASSWORD, r.stdout + r.stderr)
        self.assertEqual([(g["naam"], g["rol"], g["gemeente"]) for g in self.lijst(url)], [("anna", "beheerder", None)])
        stored = self.sql(url, "SELECT wachtwoord_hash FROM gebruikers WHERE naam = 'anna'").strip().splitlines()
        hash_text = [line.strip() for line in stored if "$argon2id$" in line][0]
        self.assertTrue(hash_text.startswith("$argon2id$v=19$m=65536,t=2,p=1$"), hash_text)
        # An independent Argon2 implementation accepts the password and nothing else.
        self.assertTrue(argon2.PasswordHasher().verify(hash_text, PASSWORD))
        with self.assertRaises(argon2.exceptions.VerifyMismatchError):
            argon2.PasswordHasher().verify(hash_text, PASSWORD + "!")
        entries = self.audit_entries(url)
        self.assertEqual(entries[-1]["commando"], "gebruiker toevoegen")
        self.assertEqual(entries[-1]["wijziging"], "gebruiker anna toegevoegd met rol beheerder")
        export = self.vhh("db", "export", "--database", url).stdout
        self.assertNotIn(PASSWORD, export)
        self.assertNotIn(PASSWORD, json.dumps(entries))
        self.vhh("db", "verify", "--database", url)

    def test_two_adds_of_one_name_salt_differently_and_the_second_is_refused(self):
        url = self.initialised()
        self.gebruiker("toevoegen", "anna", "--rol", "controller", url=url)
        before = self.audit_entries(url)
        r = self.gebruiker("toevoegen", "anna", "--rol", "bestuur", url=url, expect=65)
        self.assertIn("gebruiker 'anna' exists (rol controller, since ", r.stderr)
        self.assertEqual(self.audit_entries(url), before)
        self.assertEqual([g["rol"] for g in self.lijst(url)], ["controller"])
        self.gebruiker("toevoegen", "bram", "--rol", "controller", url=url)
        hashes = self.sql(url, "SELECT wachtwoord_hash FROM gebruikers ORDER BY naam")
        lines = [line.strip() for line in hashes.splitlines() if "$argon2id$" in line]
        self.assertEqual(len(set(lines)), 2, "one password gave the same hash twice: no salt")

    def test_password_and_rol_changes_are_logged(self):
        url = self.initialised()
        self.gebruiker("toevoegen", "anna", "--rol", "controller", url=url)
        self.gebruiker("wachtwoord", "anna", stdin="een ander lang wachtwoord\n", url=url)
        stored = [line.strip() for line in self.sql(url, "SELECT wachtwoord_hash FROM gebruikers").splitlines()
                  if "$argon2id$" in line][0]
        self.assertTrue(argon2.PasswordHasher().verify(stored, "een ander lang wachtwoord"))
        r = self.gebruiker("rol", "anna", "--rol", "raad", "--gemeente", "GM0687", stdin="", url=url)
        self.assertIn("now has rol raad (gemeente GM0687)", r.stdout)
        self.assertEqual([(g["rol"], g["gemeente"]) for g in self.lijst(url)], [("raad", "GM0687")])
        changes = [e["wijziging"] for e in self.audit_entries(url)]
        self.assertEqual(changes[-2:], ["wachtwoord van gebruiker anna gewijzigd",
                                        "rol van gebruiker anna gewijzigd van controller in raad GM0687"])
        table = self.vhh("gebruiker", "lijst", "--database", url).stdout
        self.assertRegex(table, r"anna\s+raad\s+GM0687")
        self.vhh("db", "verify", "--database", url)

    def test_refusals_change_nothing(self):
        url = self.initialised()
        self.gebruiker("toevoegen", "anna", "--rol", "controller", url=url)
        before = (self.audit_entries(url), self.lijst(url))
        cases = [
            (("toevoegen", "bram", "--rol", "koning"), PASSWORD, 64, "unknown rol 'koning'"),
            (("toevoegen", "bram"), PASSWORD, 64, "give --rol"),
            (("toevoegen", "Bram!", "--rol", "bestuur"), PASSWORD, 64, "is no gebruiker's name"),
            (("toevoegen", "bram", "--rol", "raad"), PASSWORD, 64, "a raad account needs --gemeente CODE"),
            (("toevoegen", "bram", "--rol", "bestuur", "--gemeente", "GM0687"), PASSWORD, 64,
             "--gemeente belongs to a raad account"),
            (("toevoegen", "bram", "--rol", "raad", "--gemeente", "GM0363"), PASSWORD, 65,
             "gemeente GM0363 is not one of the region's gemeenten"),
            (("toevoegen", "bram", "--rol", "raad", "--gemeente", "GM0688"), PASSWORD, 65, "GM0687 (Middelburg)?)"),
            (("toevoegen", "bram", "--rol", "bestuur"), "kort\n", 65, "fewer than 12 characters"),
            (("toevoegen", "bram", "--rol", "bestuur"), "", 64, "no password on stdin"),
            (("toevoegen", "bram", "--rol", "bestuur"), "twaalf tekens\x07lang\n", 65, "control character"),
            (("wachtwoord", "carla"), PASSWORD, 65, "no gebruiker 'carla'"),
            (("wachtwoord", "anna", "--rol", "raad"), PASSWORD, 64, "changes only the password"),
            (("rol", "carla", "--rol", "bestuur"), "", 65, "no gebruiker 'carla'"),
            (("verwijderen", "anna"), "", 64, "'vhh gebruiker' needs"),
            (("lijst", "--format", "csv"), "", 64, "unknown format 'csv'"),
        ]
        for args, stdin, code, message in cases:
            with self.subTest(args=args):
                r = self.gebruiker(*args, stdin=stdin, url=url, expect=code)
                self.assertIn(message, r.stderr)
                self.assertNotIn(PASSWORD, r.stderr)
        self.assertEqual((self.audit_entries(url), self.lijst(url)), before)

    def test_without_a_store(self):
        r = self.gebruiker("toevoegen", "anna", "--rol", "beheerder", url=self.new_store(), expect=66)
        self.assertIn("vhh db init", r.stderr)


class OneMigrationBehind(GebruikerTestCase):
    def older_store(self):
        """A store as the previous vhh left it: the newest migration not applied, a vaststelling in it."""
        url = self.initialised()
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 1", "--datum", "2012-11-20",
                 "--database", url)
        newest = SCHEMA
        self.store_at_schema(url, PREVIOUS_SCHEMA)
        return url, newest

    def test_status_names_the_pending_migration_and_migrate_applies_it(self):
        url, newest = self.older_store()
        status = self.vhh("db", "status", "--database", url).stdout
        self.assertIn("schema version: %d " % PREVIOUS_SCHEMA, status)
        self.assertRegex(status, r"pending:\s+\n  %d  " % newest)
        # Nothing works on an older store but migrating it.
        r = self.gebruiker("toevoegen", "anna", "--rol", "beheerder", url=url, expect=65)
        self.assertIn("vhh db migrate", r.stderr)
        r = self.vhh("db", "migrate", "--database", url)
        self.assertIn(str(newest), r.stdout)
        status = self.vhh("db", "status", "--database", url).stdout
        self.assertIn("schema version: %d " % newest, status)
        self.assertIn("pending:        none", status)
        self.assertIn("vaststellingen: 1", status)
        self.gebruiker("toevoegen", "anna", "--rol", "beheerder", url=url)
        self.vhh("db", "verify", "--database", url)


if __name__ == "__main__":
    unittest.main()
