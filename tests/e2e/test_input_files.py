"""Inputs vhh must refuse rather than read (issue 19, items 6-9 and 13): FIFOs, devices and files
over their size limit; files outside the config's folder (symlinks resolved) unless
--allow-outside-inputs; a million broken ledger lines (errors capped per file); control characters
from the inputs (escaped in every message)."""
import os
import resource
import shutil
import subprocess
import tempfile
import time

from vhhtest import VHH, VhhTestCase, zeeland_text

MiB = 1024 * 1024


def vhh(*args, timeout=60, memory_mb=None):
    """Runs vhh with a timeout (a FIFO must never make it wait) and optionally an address-space limit."""
    limit = None
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    if memory_mb and "ASAN_OPTIONS" in env:
        # Under AddressSanitizer an address-space limit cannot work (its shadow memory reserves
        # terabytes of addresses): bound the resident memory instead, as the bad-input corpus does.
        env["ASAN_OPTIONS"] += f":hard_rss_limit_mb={memory_mb}"
    elif memory_mb:
        def limit():
            resource.setrlimit(resource.RLIMIT_AS, (memory_mb * MiB, memory_mb * MiB))
    return subprocess.run([VHH, *args], capture_output=True, text=True, errors="replace", env=env,
                          timeout=timeout, preexec_fn=limit)


class InputFileTest(VhhTestCase):
    def setUp(self):
        super().setUp()
        self.cfg = self.write_config(zeeland_text())
        self.elsewhere = tempfile.mkdtemp(prefix="vhh-e2e-elsewhere-")

    def tearDown(self):
        shutil.rmtree(self.elsewhere, ignore_errors=True)
        super().tearDown()

    def replace(self, name, old, new):
        with open(self.path(name), encoding="utf-8") as f:
            text = f.read()
        self.assertIn(old, text)
        with open(self.path(name), "w", encoding="utf-8") as f:
            f.write(text.replace(old, new, 1))

    def fifo(self, name):
        if os.path.lexists(self.path(name)):
            os.remove(self.path(name))
        os.makedirs(os.path.dirname(self.path(name)), exist_ok=True)
        os.mkfifo(self.path(name))

    def check(self, *extra, timeout=60, memory_mb=None):
        return vhh("check", "--config", self.cfg, *extra, timeout=timeout, memory_mb=memory_mb)

    def assertFails(self, r, code, *lines):
        self.assertEqual(r.returncode, code, r.stderr)
        for line in lines:
            self.assertIn(line, r.stderr)
        self.assertEqual(r.stdout, "")

    # --- item 6: only regular files, each kind with a size limit -------------------------------

    def test_fifo_as_ledger_is_refused_at_once(self):
        self.fifo("grootboek-2013.csv")
        self.assertFails(self.check(timeout=20), 66, "jaarverantwoording.yaml:84:12: error: plugins[4].grootboek: "
                         "cannot read input file: it is a FIFO (named pipe), not a regular file")

    def test_fifo_as_indicatoren_is_refused_at_once(self):
        self.fifo("indicatoren-2013.csv")
        self.assertFails(self.check(timeout=20), 66, "jaarverantwoording.yaml:108:14: error: plugins[4].indicatoren: "
                         "cannot read input file: it is a FIFO (named pipe), not a regular file")

    def test_fifo_as_config_is_refused_at_once(self):
        self.fifo("fifo.yaml")
        for command in ("check", "run", "bijdragen", "partners"):
            r = vhh(command, "--config", self.path("fifo.yaml"), "--out", self.path("out"), timeout=20) \
                if command == "run" else vhh(command, "--config", self.path("fifo.yaml"), timeout=20)
            self.assertFails(r, 66, "fifo.yaml: error: cannot read config file: it is a FIFO (named pipe), "
                             "not a regular file")

    def test_fifo_as_settings_file_is_refused_at_once(self):
        self.fifo("partners.yaml")
        self.assertFails(self.check(timeout=20), 66, "vhh.yaml:43:14: error: plugins[3].bestand: cannot read settings "
                         f"file {self.path('partners.yaml')}: it is a FIFO (named pipe), not a regular file")

    def test_fifo_as_template_is_refused_at_once(self):
        with open(self.cfg, "a", encoding="utf-8") as f:
            f.write("templates: sjablonen\n")
        self.fifo("sjablonen/partners.txt.mustache")
        self.assertFails(self.check(timeout=20), 66, "sjablonen/partners.txt.mustache: error: cannot read template: "
                         "it is a FIFO (named pipe), not a regular file")

    def test_dev_zero_as_ledger_is_refused_at_once(self):
        self.replace("jaarverantwoording.yaml", "grootboek: grootboek-2013.csv", "grootboek: /dev/zero")
        r = self.check("--allow-outside-inputs", timeout=20, memory_mb=1024)
        self.assertFails(r, 66, "plugins[4].grootboek: cannot read input file: it is a character device, "
                         "not a regular file")

    def test_sparse_ledger_over_its_limit_is_refused_before_it_is_read(self):
        with open(self.path("grootboek-2013.csv"), "r+b") as f:
            f.truncate(2048 * MiB)  # sparse: 2 GiB of NUL bytes that take no disk space
        start = time.monotonic()
        r = self.check(timeout=60, memory_mb=1024)
        elapsed = time.monotonic() - start
        self.assertFails(r, 65, "jaarverantwoording.yaml:84:12: error: plugins[4].grootboek: cannot read input file: "
                         "it is 2048 MiB; a ledger export may be at most 256 MiB")
        self.assertLess(elapsed, 10)
        self.assertLess(len(r.stderr), 2000)

    def test_config_over_its_limit_is_refused(self):
        with open(self.cfg, "a", encoding="utf-8") as f:
            f.write("#" + "x" * (16 * MiB) + "\n")
        self.assertFails(self.check(), 65, "vhh.yaml: error: cannot read config file: it is 16.0 MiB; a config file "
                         "may be at most 16 MiB")

    def test_ledger_of_nul_bytes_under_the_limit_gives_one_error(self):
        with open(self.path("grootboek-2013.csv"), "r+b") as f:
            f.truncate(100 * MiB)
        r = self.check(timeout=60, memory_mb=1024)
        self.assertFails(r, 65, "grootboek-2013.csv:119:1: error: the file holds a NUL byte: it is not a text export")
        self.assertEqual(r.stderr.count("error:"), 1, r.stderr[:3000])

    def test_header_lists_the_columns_found_once(self):
        with open(self.path("grootboek-2013.csv"), "w", encoding="utf-8") as f:
            f.write("Eerste;Tweede;" + "Lang" * 200 + "\n1;2;3\n")
        r = self.check()
        self.assertEqual(r.returncode, 65, r.stderr)
        self.assertEqual(r.stderr.count("error: the header has no column"), 4, r.stderr)
        self.assertEqual(r.stderr.count("columns found:"), 1, r.stderr)
        self.assertNotIn("Lang" * 200, r.stderr)

    # --- item 7: errors capped per file ------------------------------------------------------

    def test_a_million_broken_ledger_lines_print_a_page_and_a_count(self):
        with open(self.path("grootboek-2013.csv"), "w", encoding="utf-8", newline="") as f:
            f.write("Boekstuk;Datum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag\r\n")
            f.write("kapot\r\n" * 1_000_000)
        r = self.check(timeout=300)
        self.assertEqual(r.returncode, 65, r.stderr[-3000:])
        lines = r.stderr.splitlines()
        self.assertEqual(sum(" error: " in line for line in lines), 100, r.stderr[-3000:])
        self.assertTrue(lines[-1].endswith("grootboek-2013.csv: note: 999900 more errors in this file are not shown "
                                           "(the first 100 are)"), lines[-1])
        self.assertLess(len(lines), 250)

    # --- item 8: inputs under the config's folder ----------------------------------------------

    def outside_ledger(self):
        p = os.path.join(self.elsewhere, "grootboek.csv")
        shutil.copyfile(self.path("grootboek-2013.csv"), p)
        return p

    def test_ledger_outside_the_folder_is_refused_unless_allowed(self):
        p = self.outside_ledger()
        self.replace("jaarverantwoording.yaml", "grootboek: grootboek-2013.csv", "grootboek: " + p)
        self.assertFails(self.check(), 78, "jaarverantwoording.yaml:84:12: error: plugins[4].grootboek: cannot read "
                         f"ledger export {p}: it is {os.path.realpath(p)}, outside the config's folder",
                         "--allow-outside-inputs")
        r = self.check("--allow-outside-inputs")
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_relative_path_up_and_out_is_refused(self):
        self.outside_ledger()
        rel = os.path.relpath(os.path.join(self.elsewhere, "grootboek.csv"), self.tmp)
        self.replace("jaarverantwoording.yaml", "grootboek: grootboek-2013.csv", "grootboek: " + rel)
        self.assertFails(self.check(), 78, "outside the config's folder")

    def test_symlink_in_the_folder_to_a_file_outside_is_refused(self):
        outside = self.outside_ledger()
        os.remove(self.path("grootboek-2013.csv"))
        os.symlink(outside, self.path("grootboek-2013.csv"))
        self.assertFails(self.check(), 78, "plugins[4].grootboek: cannot read ledger export",
                         "outside the config's folder")
        self.assertEqual(self.check("--allow-outside-inputs").returncode, 0)

    def test_symlink_within_the_folder_is_fine(self):
        os.makedirs(self.path("export"))
        os.rename(self.path("grootboek-2013.csv"), self.path("export", "gb.csv"))
        os.symlink(os.path.join("export", "gb.csv"), self.path("grootboek-2013.csv"))
        r = self.check()
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_bestand_of_a_foreign_file_quotes_no_whole_line(self):
        secret = "root:" + "S3cr3t" * 25 + ":19000:0:99999:7:::"  # an implicit YAML key: at most 1024
        p = os.path.join(self.elsewhere, "shadow")
        with open(p, "w", encoding="utf-8") as f:
            f.write(secret + "\ndaemon:*:19000:0:99999:7:::\n" + secret + "\n")  # a key, twice
        self.replace("vhh.yaml", "bestand: partners.yaml", "bestand: " + p)
        self.assertFails(self.check(), 78, f"plugins[3].bestand: cannot read settings file {p}: it is "
                         f"{os.path.realpath(p)}, outside the config's folder")
        r = self.check("--allow-outside-inputs")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("unknown key 'root:S3cr3t", r.stderr)
        self.assertIn("duplicate key 'root:S3cr3t", r.stderr)
        self.assertNotIn("S3cr3t" * 20, r.stderr)
        self.assertTrue(all(len(line) < 1100 for line in r.stderr.splitlines()), r.stderr[:2000])

    def test_templates_folder_outside_is_refused(self):
        shutil.copytree(os.path.join(os.path.dirname(VHH), "..", "share", "vhh", "templates"),
                        os.path.join(self.elsewhere, "sjablonen"))
        with open(self.cfg, "a", encoding="utf-8") as f:
            f.write(f"templates: {self.elsewhere}/sjablonen\n")
        self.assertFails(self.check(), 78, "error: templates: cannot use template directory",
                         "outside the config's folder")
        self.assertEqual(self.check("--allow-outside-inputs").returncode, 0)

    def test_template_symlink_out_of_the_folder_is_refused(self):
        with open(os.path.join(self.elsewhere, "x.mustache"), "w", encoding="utf-8") as f:
            f.write("{{regio}}\n")
        os.makedirs(self.path("sjablonen"))
        os.symlink(os.path.join(self.elsewhere, "x.mustache"), self.path("sjablonen", "partners.txt.mustache"))
        with open(self.cfg, "a", encoding="utf-8") as f:
            f.write("templates: sjablonen\n")
        self.assertFails(self.check(), 78, "sjablonen/partners.txt.mustache: error: cannot read template: it is "
                         f"{os.path.realpath(self.elsewhere)}/x.mustache, outside the config's folder")

    def test_province_region_outside_is_refused(self):
        p = os.path.join(self.elsewhere, "provincie.yaml")
        with open(p, "w", encoding="utf-8") as f:
            f.write("provincie: {id: zeeland-p, naam: Zeeland, boekjaar: 2013}\n"
                    f"regios:\n  - config: {self.cfg}\n")
        r = vhh("check", "--config", p)
        self.assertFails(r, 78, "provincie.yaml:3:13: error: regios[0].config: cannot read config file "
                         f"{self.cfg}: it is {os.path.realpath(self.cfg)}, outside the config's folder")

    # --- item 9 and 13: control characters from the inputs are escaped ---------------------------

    def test_escape_sequences_in_a_ledger_are_escaped(self):
        with open(self.path("grootboek-2013.csv"), "a", encoding="utf-8", newline="") as f:
            f.write("2013-9999;31-12-2013;200;4200;x;\x1b]0\x07\x1b[2J12,00\r\n")
        r = self.check()
        self.assertEqual(r.returncode, 65, r.stderr)
        self.assertNotIn("\x1b", r.stderr)
        self.assertNotIn("\x07", r.stderr)
        self.assertIn("'\\x1b]0\\x07\\x1b[2J12,00'", r.stderr)

    def test_nul_from_a_yaml_escape_is_escaped(self):
        self.replace("vhh.yaml", "name: financing.inwonerbijdrage", 'name: "financing\\0inwonerbijdrage"')
        r = self.check()
        self.assertFails(r, 78, "vhh.yaml:36:11: error: plugins[0].name: unknown plugin 'financing\\x00inwonerbijdrage'")
        self.assertNotIn("\0", r.stderr)

    def test_escapes_in_command_line_arguments_are_escaped(self):
        r = vhh("bijdragen", "--format", "\x1b[2J")
        self.assertEqual(r.returncode, 64)
        self.assertNotIn("\x1b", r.stderr)
        self.assertIn("\\x1b[2J", r.stderr)
