"""The documented contracts stay in agreement with the program: every command `vhh --help` names is
documented in the README (the user's reference) and in docs/contracts.md or DESIGN.md's list, and
the exit codes `vhh --help` prints are the ones the README states."""
import os
import re
import unittest

from vhhtest import SOURCE_DIR, run

README = os.path.join(SOURCE_DIR, "README.md")
CONTRACTS = os.path.join(SOURCE_DIR, "docs", "contracts.md")
# The commands DESIGN.md (../shared, read-only to this repository) lists in its contracts.
DESIGN_COMMANDS = {"run", "check", "bijdragen", "partners", "plugins", "db", "vaststellen", "wijziging", "historie",
                   "log", "begroting", "kalender", "zienswijze", "factureren", "crediteren", "facturen",
                   "betalingen", "debiteuren", "serve", "gebruiker", "nieuwe-plugin"}


def help_commands():
    """The command words of `vhh --help`'s "commands:" block."""
    r = run("--help")
    assert r.returncode == 0, r.stderr
    block = r.stdout.split("commands:", 1)[1].split("\noptions:", 1)[0]
    return {m.group(1) for m in re.finditer(r"^  ([a-z][a-z-]*)\b", block, re.M)}, r.stdout


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


class ContractsTest(unittest.TestCase):
    def test_help_lists_commands(self):
        commands, _ = help_commands()
        self.assertGreaterEqual(len(commands), 20, commands)
        self.assertIn("run", commands)

    def test_every_command_is_documented_in_the_readme(self):
        commands, _ = help_commands()
        readme = read(README)
        missing = sorted(c for c in commands if not re.search(r"vhh %s\b" % re.escape(c), readme))
        self.assertEqual(missing, [], "commands of vhh --help that README.md does not document")

    def test_every_command_beyond_design_is_in_contracts(self):
        commands, _ = help_commands()
        contracts = read(CONTRACTS)
        missing = sorted(c for c in commands - DESIGN_COMMANDS
                         if not re.search(r"vhh %s\b" % re.escape(c), contracts))
        self.assertEqual(missing, [], "commands beyond DESIGN.md's list that docs/contracts.md does not record")

    def test_exit_codes_agree(self):
        _, text = help_commands()
        helped = dict((int(n), w.strip()) for n, w in re.findall(r"(\d\d?) ([a-z ]+?)(?:,|\n|$)",
                                                                   text.split("exit codes:", 1)[1]))
        self.assertEqual(sorted(helped), [0, 64, 65, 66, 70, 73, 78])
        readme = read(README)
        for code in helped:
            self.assertRegex(readme, r"\b%d\b" % code)


if __name__ == "__main__":
    unittest.main()
