"""Plugin discovery and loading failures through the real binary: listed, never a crash,
a run that asks for a broken plugin is refused with 78 and the reason, and the loading rules
of docs/plugins.md (precedence, duplicates, permissions, crashes)."""
import json
import os
import re
import shutil

from vhhtest import VhhTestCase, run, sanitizer_build, TEST_PLUGIN_DIR, zeeland_text

BROKEN = {
    "notalib.so": "cannot load shared library",
    "noentry.so": "no entry point 'vhh_get_plugin_manifest'",
    "wrongabi.so": "Wrong SDK ABI version on plugin 'test.wrongabi'. Got 99.0, supported 3.0.",
    # Built against the frozen major 2: refused by the major-3 host with the exact message.
    "major2.so": "Wrong SDK ABI version on plugin 'test.major2'. Got 2.1, supported 3.0.",
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
        self.assertExit(r, 70)  # broken plugins are a plugin failure
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
        self.assertExit(r, 70)
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

    def test_plugin_named_but_refused_gives_the_reason_not_unknown(self):
        for name, reason in (("test.throwing", "plugin 'test.throwing' failed to start: ledger database not reachable"),
                             ("test.wrongabi", "Wrong SDK ABI version on plugin 'test.wrongabi'. Got 99.0, supported")):
            text = zeeland_text() + f"  - name: {name}\n"
            cfg = self.write_config(text)
            line = text.count("\n")
            for command in ("check", "run"):
                extra = ["--out", self.path("out")] if command == "run" else []
                r = run(command, "--config", cfg, "--plugin-dir", TEST_PLUGIN_DIR, *extra)
                self.assertExit(r, 78)
                self.assertRegex(r.stderr, rf"vhh\.yaml:{line}:\d+: error: plugins\[\d+\]\.name: plugin '{re.escape(name)}' "
                                           rf"was found but refused: {re.escape(reason)}.* \({re.escape(TEST_PLUGIN_DIR)}/")
                self.assertNotIn("unknown plugin", r.stderr)

    def test_missing_plugin_dir_is_noted(self):
        r = run("plugins", "--plugin-dir", self.path("nope"))
        self.assertExit(r, 0)
        self.assertIn("does not exist", r.stdout)


class LoadingRulesTest(VhhTestCase):
    """docs/plugins.md, "Loading rules"."""

    def plugin_dir(self, name="plugins", files=("test.good.so",)):
        """A fresh plugin directory (mode 0755) with copies of test plugins: {target name: source name}."""
        d = self.path(name)
        os.makedirs(d)
        os.chmod(d, 0o755)
        for f in files:
            target, source = (f, f) if isinstance(f, str) else f
            shutil.copyfile(os.path.join(TEST_PLUGIN_DIR, source), os.path.join(d, target))
            os.chmod(os.path.join(d, target), 0o644)
        return d

    def config_with(self, name):
        """A config that adds plugin `name` last: its path, the line of the entry."""
        text = zeeland_text() + f"  - name: {name}\n"
        return self.write_config(text), text.count("\n")

    @staticmethod
    def last_index():
        """The index in plugins[] of the entry config_with() adds."""
        return zeeland_text().count("\n  - name: ")

    def assert_refused_at_config_line(self, name, reason, plugin_path):
        cfg, line = self.config_with(name)
        for command in ("check", "run"):
            extra = ["--out", self.path("out")] if command == "run" else []
            r = run(command, "--config", cfg, "--plugin-dir", os.path.dirname(plugin_path), *extra)
            self.assertNoCrash(r)
            self.assertExit(r, 78)
            self.assertIn(f"vhh.yaml:{line}:", r.stderr)
            self.assertIn(f": error: plugins[{self.last_index()}].name: plugin '{name}' was found but refused: {reason} ({plugin_path})",
                          r.stderr)
            self.assertFalse(os.path.exists(self.path("out")))

    def test_plugin_without_entry_point_named_by_its_file(self):
        d = self.plugin_dir(files=[("financing.staffel.so", "noentry.so")])
        self.assert_refused_at_config_line(
            "financing.staffel", "not a vhh plugin: no entry point 'vhh_get_plugin_manifest'",
            os.path.join(d, "financing.staffel.so"))

    def test_refused_for_permissions_at_the_config_line(self):
        d = self.plugin_dir(files=[("financing.staffel.so", "test.good.so")])
        f = os.path.join(d, "financing.staffel.so")
        cases = [
            (lambda: os.chmod(f, 0o666), lambda: os.chmod(f, 0o644),
             f"refusing to load: the plugin file {f} can be written by other users (mode 0666); run chmod o-w on it"),
            (lambda: os.chmod(f, 0o664), lambda: os.chmod(f, 0o644),
             f"refusing to load: the plugin file {f} can be written by its group (mode 0664); run chmod g-w on it"),
            (lambda: os.chmod(d, 0o775), lambda: os.chmod(d, 0o755),
             f"refusing to load: the directory {d} can be written by its group (mode 0775); run chmod g-w on it"),
        ]
        if os.geteuid() == 0:
            cases.append((lambda: os.chown(f, 65534, 65534), lambda: os.chown(f, 0, 0),
                          f"refusing to load: the plugin file {f} is owned by uid 65534, neither root nor the user "
                          f"running vhh (uid 0); run chown on it"))
        for spoil, restore, reason in cases:
            spoil()
            self.assert_refused_at_config_line("financing.staffel", reason, f)
            restore()

    def test_plugin_dir_beats_the_installed_plugin(self):
        d = self.plugin_dir(files=[])
        installed = [p["path"] for p in json.loads(run("plugins", "--format", "json").stdout)["plugins"]
                     if p["name"] == "financing.inwonerbijdrage"][0]
        mine = os.path.join(d, "financing.inwonerbijdrage.so")
        shutil.copyfile(installed, mine)
        os.chmod(mine, 0o644)
        out = self.path("out")
        r = run("run", "--plugin-dir", d, "--out", out)
        self.assertExit(r, 0)
        with open(os.path.join(out, "manifest.json"), encoding="utf-8") as fh:
            used = [p["path"] for p in json.load(fh)["plugins"] if p["name"] == "financing.inwonerbijdrage"]
        self.assertEqual(used, [mine])
        listing = run("plugins", "--plugin-dir", d)
        self.assertExit(listing, 0)  # shadowed is by design, not broken
        self.assertIn(f"duplicate plugin 'financing.inwonerbijdrage': already provided by {mine} "
                      "(a directory searched earlier wins)", listing.stdout)

    def test_same_directory_twice_or_through_a_symlink_is_no_duplicate(self):
        d = self.plugin_dir()
        link = self.path("link")
        os.symlink(d, link)
        r = run("plugins", "--plugin-dir", d, "--plugin-dir", d, "--plugin-dir", link, "--format", "json")
        self.assertExit(r, 0)
        goods = [p for p in json.loads(r.stdout)["plugins"] if p["name"] == "test.good"]
        self.assertEqual([(p["path"], p["status"]) for p in goods], [(os.path.join(d, "test.good.so"), "ok")])
        cfg, _ = self.config_with("test.good")
        self.assertExit(run("check", "--config", cfg, "--plugin-dir", d, "--plugin-dir", link), 0)

    def test_true_duplicate_in_one_directory_is_an_error_naming_both(self):
        d = self.plugin_dir(files=["test.good.so", ("test.good-copy.so", "test.good.so")])
        a, b = os.path.join(d, "test.good-copy.so"), os.path.join(d, "test.good.so")  # name order
        cfg, line = self.config_with("test.good")
        for command in ("check", "run"):
            extra = ["--out", self.path("out")] if command == "run" else []
            r = run(command, "--config", cfg, "--plugin-dir", d, *extra)
            self.assertExit(r, 78)
            self.assertIn(f"vhh.yaml:{line}:", r.stderr)
            self.assertIn(f"plugins[{self.last_index()}].name: plugin 'test.good' is provided twice in {d}: {a} and {b}", r.stderr)
        listing = run("plugins", "--plugin-dir", d)
        self.assertExit(listing, 70)
        self.assertIn(f"duplicate plugin 'test.good': already provided by {a} in the same directory", listing.stdout)

    def test_crash_in_compute_names_plugin_and_phase(self):
        if sanitizer_build():
            self.skipTest("the ASan build leaves SIGSEGV to ASan's own report")
        for abort, signal in (("false", "SIGSEGV"), ("true", "SIGABRT")):
            text = zeeland_text() + f"  - name: test.crashing\n    abort: {abort}\n"
            cfg = self.write_config(text)
            for command in ("check", "run"):
                extra = ["--out", self.path("out")] if command == "run" else []
                r = run(command, "--config", cfg, "--plugin-dir", TEST_PLUGIN_DIR, *extra)
                self.assertExit(r, 70)
                self.assertEqual(r.stderr, f"vhh: plugin 'test.crashing' crashed in phase compute (signal {signal})\n")
                self.assertFalse(os.path.exists(self.path("out")))


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
