"""Plugin discovery and loading failures through the real binary: listed, never a crash,
and a run that asks for a broken plugin is refused with 78."""
import json
import os

from vhhtest import VhhTestCase, run, TEST_PLUGIN_DIR

BROKEN = {
    "notalib.so": "cannot load shared library",
    "noentry.so": "no entry point 'vhh_get_plugin_manifest'",
    "wrongabi.so": "Wrong SDK ABI version on plugin 'test.wrongabi'. Got 99.0, supported 1.0.",
    "badmagic.so": "bad manifest magic",
    "unresolved.so": "vhh_test_symbol_that_does_not_exist",
    "throwing.so": "failed to start: ledger database not reachable",
}


class PluginsTest(VhhTestCase):
    def test_bundled_plugins_listed(self):
        r = run("plugins")
        self.assertExit(r, 0)
        self.assertIn("financing.inwonerbijdrage", r.stdout)
        self.assertIn("ok", r.stdout)

    def test_every_failure_listed_with_reason(self):
        r = run("plugins", "--plugin-dir", TEST_PLUGIN_DIR, "--format", "json")
        self.assertExit(r, 0)
        data = json.loads(r.stdout)
        by_file = {os.path.basename(p["path"]): p for p in data["plugins"]}
        self.assertEqual(by_file["test.good.so"]["status"], "ok")
        self.assertEqual(by_file["test.good.so"]["kinds"], ["compute"])
        self.assertEqual(by_file["financing.inwonerbijdrage.so"]["status"], "ok")
        tarief = by_file["financing.inwonerbijdrage.so"]["settings"][0]
        self.assertEqual((tarief["key"], tarief["type"], tarief["required"]), ("tarief", "amount", False))
        for name, reason in BROKEN.items():
            self.assertEqual(by_file[name]["status"], "error", name)
            self.assertIn(reason, by_file[name]["reason"], name)

    def test_table_lists_status_and_path(self):
        r = run("plugins", "--plugin-dir", TEST_PLUGIN_DIR)
        self.assertExit(r, 0)
        for name in BROKEN:
            self.assertIn(os.path.join(TEST_PLUGIN_DIR, name), r.stdout)
        self.assertIn("error: Wrong SDK ABI version", r.stdout)

    def config_with_plugin(self, name):
        from vhhtest import zeeland_text
        return self.write_config(zeeland_text() + f"  - name: {name}\n")

    def test_run_refuses_broken_plugins(self):
        for name in ("test.throwing", "test.wrongabi", "test.unresolved", "no.such"):
            cfg = self.config_with_plugin(name)
            out = self.path("out")
            r = run("run", "--config", cfg, "--plugin-dir", TEST_PLUGIN_DIR, "--out", out)
            self.assertNoCrash(r)
            self.assertExit(r, 78)
            self.assertRegex(r.stderr, r"vhh\.yaml:\d+:\d+: error: plugins\[\d+\]\.name: ")
            self.assertFalse(os.path.exists(out))

    def test_throwing_factory_reason_shown_on_run(self):
        cfg = self.config_with_plugin("test.throwing")
        r = run("check", "--config", cfg, "--plugin-dir", TEST_PLUGIN_DIR)
        self.assertExit(r, 78)
        self.assertIn("ledger database not reachable", r.stderr)

    def test_plugin_failing_in_compute_is_70(self):
        cfg = self.config_with_plugin("test.failing")
        r = run("run", "--config", cfg, "--plugin-dir", TEST_PLUGIN_DIR, "--out", self.path("out"))
        self.assertNoCrash(r)
        self.assertExit(r, 70)
        self.assertIn("division by zero in key", r.stderr)
        self.assertFalse(os.path.exists(self.path("out")))

    def test_good_extra_plugin_runs(self):
        cfg = self.config_with_plugin("test.good")
        r = run("bijdragen", "--config", cfg, "--plugin-dir", TEST_PLUGIN_DIR, "--format", "json")
        self.assertExit(r, 0)
        data = json.loads(r.stdout)
        self.assertEqual(data["totals"]["test"], 13 * 100)

    def test_missing_plugin_dir_is_noted(self):
        r = run("plugins", "--plugin-dir", self.path("nope"))
        self.assertExit(r, 0)
        self.assertIn("does not exist", r.stdout)


class PinningTest(VhhTestCase):
    """A config can pin a plugin to the exact file it trusts, by sha256."""

    def bundled_plugin_sha256(self):
        import hashlib
        listing = json.loads(run("plugins", "--format", "json").stdout)
        path = [p["path"] for p in listing["plugins"] if p["name"] == "financing.inwonerbijdrage"][0]
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()

    def test_listing_and_manifest_give_the_hash_of_the_loaded_file(self):
        pin = self.bundled_plugin_sha256()
        listing = json.loads(run("plugins", "--format", "json").stdout)
        listed = [p["sha256"] for p in listing["plugins"] if p["name"] == "financing.inwonerbijdrage"][0]
        self.assertEqual(listed, pin)
        out = self.path("out")
        self.assertExit(run("run", "--out", out), 0)
        with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
            manifest = json.load(f)
        in_manifest = [p["sha256"] for p in manifest["plugins"] if p["name"] == "financing.inwonerbijdrage"][0]
        self.assertEqual(in_manifest, pin)

    def test_matching_pin_runs(self):
        from vhhtest import zeeland_text
        pin = self.bundled_plugin_sha256()
        cfg = self.write_config(zeeland_text().replace(
            "  - name: financing.inwonerbijdrage\n", f"  - name: financing.inwonerbijdrage\n    sha256: {pin.upper()}\n", 1))
        self.assertExit(run("check", "--config", cfg), 0)

    def test_mismatching_pin_is_refused(self):
        from vhhtest import zeeland_text
        text = zeeland_text().replace(
            "  - name: financing.inwonerbijdrage\n", "  - name: financing.inwonerbijdrage\n    sha256: " + "0" * 64 + "\n", 1)
        cfg = self.write_config(text)
        line = text[:text.index("sha256: 000")].count("\n") + 1
        r = run("run", "--config", cfg, "--out", self.path("out"))
        self.assertExit(r, 78)
        self.assertRegex(r.stderr, rf"vhh\.yaml:{line}:\d+: error: plugins\[0\]\.sha256: plugin 'financing\.inwonerbijdrage' at .* has sha256 [0-9a-f]{{64}}, not the pinned 0{{64}}")
        self.assertFalse(os.path.exists(self.path("out")))

    def test_malformed_pin(self):
        from vhhtest import zeeland_text
        cfg = self.write_config(zeeland_text().replace(
            "  - name: financing.inwonerbijdrage\n", "  - name: financing.inwonerbijdrage\n    sha256: abc\n", 1))
        r = run("check", "--config", cfg)
        self.assertExit(r, 78)
        self.assertIn("expected the 64 hexadecimal digits of a sha256, got 'abc'", r.stderr)
