"""The command line: help, version, usage errors (64)."""
from vhhtest import VhhTestCase, run


class CliTest(VhhTestCase):
    def test_help_and_version(self):
        r = run("--help")
        self.assertExit(r, 0)
        for cmd in ("run", "check", "bijdragen", "plugins", "nieuwe-plugin financing|importer|region|registry|report NAAM"):
            self.assertIn(cmd, r.stdout)
        r = run("--version")
        self.assertExit(r, 0)
        self.assertRegex(r.stdout, r"^vhh \d+\.\d+\.\d+ \(SDK ABI 3\.\d+\)")

    def test_no_command_is_usage(self):
        self.assertExit(run(), 64)

    def test_unknown_command(self):
        r = run("frobnicate")
        self.assertExit(r, 64)
        self.assertIn("unknown command 'frobnicate'", r.stderr)

    def test_unknown_option(self):
        r = run("run", "--colour")
        self.assertExit(r, 64)
        self.assertIn("vhh: error:", r.stderr)

    def test_option_for_other_command(self):
        r = run("check", "--out", self.path("x"))
        self.assertExit(r, 64)
        self.assertIn("--out does not apply to 'check'", r.stderr)

    def test_bad_format(self):
        self.assertExit(run("bijdragen", "--format", "xml"), 64)
        self.assertExit(run("plugins", "--format", "csv"), 64)

    def test_extra_argument(self):
        self.assertExit(run("run", "extra"), 64)

    def test_nieuwe_plugin_usage_and_refusals(self):
        import os
        r = run("nieuwe-plugin", "staffel", "--map", self.path("a"))  # no kind
        self.assertExit(r, 64)
        self.assertIn("needs the kind (financing|importer|region|registry|report) and NAAM", r.stderr)
        self.assertExit(run("nieuwe-plugin", "financing", "a", "b"), 64)
        self.assertExit(run("nieuwe-plugin", "--soort", "financing", "--map", self.path("a")), 64)  # no NAAM
        self.assertExit(run("nieuwe-plugin", "--soort", "financing", "a", "b"), 64)
        self.assertExit(run("nieuwe-plugin", "--soort", "financing", "x", "--config", "c.yaml"), 64)
        r = run("nieuwe-plugin", "--soort", "financing", "financing.staffel", "--map", self.path("a"))
        self.assertExit(r, 64)
        self.assertIn("bad plugin name 'financing.staffel'", r.stderr)
        self.assertFalse(os.path.exists(self.path("a")))
        with open(self.path("notes.txt"), "w") as f:
            f.write("mine")
        r = run("nieuwe-plugin", "--soort", "financing", "staffel", "--map", self.tmp)
        self.assertExit(r, 73)
        self.assertIn("exists and is not an empty folder", r.stderr)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["notes.txt"])
        # DESIGN.md's form: the kind as the first argument.
        r = run("nieuwe-plugin", "report", "kwartaal", "--map", self.path("k"))
        self.assertExit(r, 0)
        self.assertTrue(os.path.isfile(self.path("k", "CMakeLists.txt")))
        # The default folder is ./SOORT.NAAM in the working directory.
        os.remove(self.path("notes.txt"))
        r = run("nieuwe-plugin", "--soort", "registry", "regio-partners", cwd=self.tmp)
        self.assertExit(r, 0)
        self.assertTrue(os.path.isfile(self.path("registry.regio-partners", "regio_partners.cpp")))
