"""The command line: help, version, usage errors (64)."""
from vhhtest import VhhTestCase, run


class CliTest(VhhTestCase):
    def test_help_and_version(self):
        r = run("--help")
        self.assertExit(r, 0)
        for cmd in ("run", "check", "bijdragen", "plugins"):
            self.assertIn(cmd, r.stdout)
        r = run("--version")
        self.assertExit(r, 0)
        self.assertRegex(r.stdout, r"^vhh \d+\.\d+\.\d+ \(SDK ABI 2\.\d+\)")

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
