"""Bad input: every error located (FILE:LINE:COL: error: KEY.PATH: …), all errors of a file
in one run, contract exit codes, and nothing written."""
import os
import re

from vhhtest import VhhTestCase, read_bytes, read_text, run, zeeland_text

LOCATED = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): error: (?P<msg>.*)$", re.M)


class BadConfigTest(VhhTestCase):
    def errors(self, result):
        return [(m["file"], int(m["line"]), int(m["col"]), m["msg"]) for m in LOCATED.finditer(result.stderr)]

    def check_fails(self, config, code, expect_line, expect_text):
        """Runs check and run on a bad config: same located error, exit code, nothing written."""
        out = self.path("out")
        for args in (("check", "--config", config), ("run", "--config", config, "--out", out),
                     ("bijdragen", "--config", config)):
            r = run(*args)
            self.assertExit(r, code)
            errs = self.errors(r)
            self.assertTrue(any(e[0] == config and e[1] == expect_line and expect_text in e[3] for e in errs),
                            f"no error at line {expect_line} containing {expect_text!r}:\n{r.stderr}")
            self.assertEqual(r.stdout, "")
        self.assertFalse(os.path.exists(out), "a failed run wrote output")
        self.assertEqual(sorted(os.listdir(self.tmp)), sorted(self.bundled_companions() + ["vhh.yaml"]), "stray files")

    def line_of(self, text, needle):
        return text[:text.index(needle)].count("\n") + 1

    def test_missing_config_file(self):
        r = run("run", "--config", self.path("nope.yaml"), "--out", self.path("out"))
        self.assertExit(r, 66)
        self.assertIn("nope.yaml", r.stderr)
        self.assertFalse(os.path.exists(self.path("out")))

    def test_yaml_syntax_error(self):
        cfg = self.zeeland_with("  naam: Veiligheidshuis Zeeland", "  naam: [Veiligheidshuis Zeeland")
        r = run("check", "--config", cfg)
        self.assertExit(r, 78)
        errs = self.errors(r)
        self.assertTrue(errs and "YAML syntax error" in errs[0][3], r.stderr)

    def test_unknown_key(self):
        cfg = self.zeeland_with("    tarief: 0.40", "    tarief: 0.40\n    tarif: 0.50")
        line = self.line_of(read_text(cfg), "tarif:")
        self.check_fails(cfg, 78, line, "plugins[0]")
        r = run("check", "--config", cfg)
        self.assertIn("unknown key 'tarif'", r.stderr)

    def test_wrong_type(self):
        cfg = self.zeeland_with("inwoners: 22551", "inwoners: veel")
        line = self.line_of(read_text(cfg), "inwoners: veel")
        self.check_fails(cfg, 78, line, "gemeenten[0].inwoners")

    def test_duplicate_key(self):
        cfg = self.zeeland_with("  boekjaar: 2013", "  boekjaar: 2013\n  boekjaar: 2014")
        line = self.line_of(read_text(cfg), "boekjaar: 2014")
        self.check_fails(cfg, 78, line, "duplicate key 'boekjaar'")

    def test_gemeente_without_population(self):
        cfg = self.zeeland_with("inwoners: 37050, ", "")
        line = self.line_of(read_text(cfg), "naam: Goes")
        self.check_fails(cfg, 78, line, "gemeenten[1]")
        r = run("check", "--config", cfg)
        self.assertIn("inwoners", r.stderr)

    def test_negative_population(self):
        cfg = self.zeeland_with("inwoners: 12386", "inwoners: -12386")
        line = self.line_of(read_text(cfg), "inwoners: -12386")
        self.check_fails(cfg, 65, line, "gemeenten[3].inwoners")

    def test_dutch_decimal_comma_has_hint(self):
        cfg = self.zeeland_with("tarief: 0.40", 'tarief: "0,40"')
        line = self.line_of(read_text(cfg), 'tarief: "0,40"')
        self.check_fails(cfg, 78, line, "plugins[0].tarief")
        r = run("check", "--config", cfg)
        self.assertIn("note:", r.stderr)
        self.assertIn("0.40", r.stderr)

    def test_negative_tarief_is_bad_data(self):
        cfg = self.zeeland_with("tarief: 0.40", "tarief: -0.40")
        line = self.line_of(read_text(cfg), "tarief: -0.40")
        self.check_fails(cfg, 65, line, "plugins[0].tarief")

    def test_every_error_of_a_file_in_one_run(self):
        text = zeeland_text()
        text = text.replace("inwoners: 22551", "inwoners: -1", 1)
        text = text.replace("inwoners: 7339", "inwoners: zeven", 1)
        text = text.replace("  boekjaar: 2013", "  boekjaar: 2013\n  boekjaar: 2013", 1)
        text = text.replace("    tarief: 0.40", "    tarief: 0.40\n    kleur: rood", 1)
        text = text.replace("regio:", "onbekend: 1\nregio:", 1)
        cfg = self.write_config(text)
        r = run("check", "--config", cfg)
        self.assertExit(r, 78)
        errs = self.errors(r)
        self.assertGreaterEqual(len(errs), 5, r.stderr)
        joined = "\n".join(e[3] for e in errs)
        for needle in ("gemeenten[0].inwoners", "gemeenten[5].inwoners", "duplicate key 'boekjaar'",
                       "unknown key 'kleur'", "unknown key 'onbekend'"):
            self.assertIn(needle, joined)
        lines = [e[1] for e in errs]
        self.assertEqual(len(set(lines)), len(lines), "each error at its own line")

    def test_cbs_code_with_leading_zero_stays_text(self):
        cfg = self.zeeland_with("code: GM0654", "code: 0654")
        r = run("check", "--config", cfg)
        self.assertExit(r, 65)
        self.assertIn("got '0654'", r.stderr)

    def test_config_not_a_map(self):
        cfg = self.write_config("- just\n- a list\n")
        r = run("check", "--config", cfg)
        self.assertExit(r, 78)
        self.assertTrue(self.errors(r), r.stderr)


class OutputTest(VhhTestCase):
    def test_out_not_writable(self):
        blocker = self.path("file")
        with open(blocker, "w") as f:
            f.write("x")
        r = run("run", "--out", os.path.join(blocker, "out"))
        self.assertExit(r, 73)
        self.assertIn("vhh: error:", r.stderr)
        self.assertEqual(os.listdir(self.tmp), ["file"])

    def test_out_is_a_file(self):
        blocker = self.path("file")
        with open(blocker, "w") as f:
            f.write("x")
        self.assertExit(run("run", "--out", blocker), 73)
        with open(blocker) as f:
            self.assertEqual(f.read(), "x")

    def test_out_with_foreign_files_is_refused(self):
        out = self.path("out")
        os.makedirs(out)
        with open(os.path.join(out, "notes.txt"), "w") as f:
            f.write("mine")
        r = run("run", "--out", out)
        self.assertExit(r, 73)
        self.assertIn("notes.txt", r.stderr)
        self.assertEqual(os.listdir(out), ["notes.txt"])

    def test_failed_run_leaves_previous_contents(self):
        out = self.path("out")
        self.assertExit(run("run", "--out", out), 0)
        before = {n: read_bytes(os.path.join(out, n)) for n in os.listdir(out)}
        bad = self.zeeland_with("inwoners: 12386", "inwoners: -1")
        self.assertExit(run("run", "--config", bad, "--out", out), 65)
        after = {n: read_bytes(os.path.join(out, n)) for n in os.listdir(out)}
        self.assertEqual(before, after)

    def test_template_errors_are_located_and_write_nothing(self):
        tdir = self.path("templates")
        os.makedirs(tdir)
        with open(os.path.join(tdir, "regio-zeeland.txt.mustache"), "w", encoding="utf-8") as f:
            f.write("Regio {{regio}}\nOnbekend: {{bestaat_niet}}\n")
        cfg = self.write_config(zeeland_text() + "\ntemplates: templates\n")
        out = self.path("out")
        r = run("run", "--config", cfg, "--out", out)
        self.assertExit(r, 78)
        self.assertRegex(r.stderr, r"regio-zeeland\.txt\.mustache:2:\d+: error: .*bestaat_niet")
        self.assertFalse(os.path.exists(out))
        with open(os.path.join(tdir, "regio-zeeland.txt.mustache"), "w", encoding="utf-8") as f:
            f.write("Regio {{regio}}\n{{#bronnen}}\n")
        r = run("check", "--config", cfg)
        self.assertExit(r, 78)
        self.assertRegex(r.stderr, r"regio-zeeland\.txt\.mustache:\d+:\d+: error: template syntax error")

    def test_own_template_is_used(self):
        tdir = self.path("templates")
        os.makedirs(tdir)
        with open(os.path.join(tdir, "regio-zeeland.txt.mustache"), "w", encoding="utf-8") as f:
            f.write("Eigen sjabloon voor {{regio}} & co: {{boekjaar}}\n")
        cfg = self.write_config(zeeland_text() + "\ntemplates: templates\n")
        out = self.path("out")
        self.assertExit(run("run", "--config", cfg, "--out", out), 0)
        # The template words the described document regio-2013: its text before any heading is the
        # section "Inleiding"; the table of gemeenten it does not place is left out (in every format).
        with open(os.path.join(out, "regio-2013.txt"), encoding="utf-8") as f:
            text = f.read()
        self.assertIn("\nInleiding\n---------\n\nEigen sjabloon voor Veiligheidshuis Zeeland & co: 2013\n", text)
        self.assertNotIn("Tholen", text)
        with open(os.path.join(out, "regio-2013.html"), encoding="utf-8") as f:
            html = f.read()
        self.assertIn("Eigen sjabloon voor Veiligheidshuis Zeeland &amp; co: 2013", html)
        self.assertNotIn("Tholen", html)
