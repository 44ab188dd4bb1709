"""National scale, correctness only (never timing): a reduced synthetic national dataset from
tools/gen-national (4 regions with all three ledger layouts and four inwonerbijdrage keys, 55
gemeenten, 3 boekjaren, 60 000 ledger lines) run as one national config, and its tenfold-ledger
twin. Checks that the national totals reconcile to the cent with each region's own `vhh bijdragen`,
that the realisatie per post equals the ledger exports added up independently here, and that peak
memory stays bounded when the ledger grows tenfold."""
import csv
import io
import json
import os
import shutil
import subprocess
import tempfile
import time
import unittest

import yaml

from vhhtest import PYTHON, SOURCE_DIR, VHH, read_workbook, run, sanitizer_build

GEN = os.path.join(SOURCE_DIR, "tools", "gen-national", "gen_national.py")
YEAR = 2024
GEN_ARGS = ["--regions", "4", "--years", "3", "--last-year", str(YEAR), "--ledger-lines", "60000",
            "--casus", "3000", "--seed", "7"]

# Memory bound of the tenfold run: 2 × the 1× run's peak plus a fixed 96 MiB. The 1× part covers
# everything that does not depend on the ledger (program, plugins, every region's documents, which a
# national run holds until it writes them). The margin is what one region may need to hold its own
# ledger exports while it is computed: the largest region of this dataset has two exports (boekjaar
# and vorig jaar) of together about 166 000 lines / 11,6 MB at 10×, and 96 MiB is about 8 bytes of
# memory per byte of them. A run whose memory followed the national ledger (every region's lines
# kept, 405 000 lines at 10×) would need about twice the margin and fails; so does one that keeps
# the CSV text, the parsed records and the ledger lines of several files at once.
MARGIN_MIB = 96


def generate(out, *extra):
    subprocess.run([PYTHON, GEN, "--out", out, *GEN_ARGS, *extra], check=True, capture_output=True, timeout=300)
    with open(os.path.join(out, "dataset.json"), encoding="utf-8") as f:
        return json.load(f)


def run_measured(args, log_dir, timeout=300):
    """Runs vhh with `args`; returns (exit code, stderr text, peak RSS in KiB of that process). The
    peak comes from wait4's rusage of this one child (RUSAGE_CHILDREN would mix in the others)."""
    with open(os.path.join(log_dir, "stdout"), "wb") as out, open(os.path.join(log_dir, "stderr"), "wb") as err:
        p = subprocess.Popen([VHH, *args], stdout=out, stderr=err)
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid == p.pid:
                break
            if time.monotonic() > deadline:
                p.kill()
                os.wait4(p.pid, 0)
                p.returncode = -9
                raise AssertionError(f"vhh {' '.join(args)}: no result after {timeout} s")
            time.sleep(0.02)
        p.returncode = os.waitstatus_to_exitcode(status)
    with open(os.path.join(log_dir, "stderr"), encoding="utf-8", errors="replace") as f:
        return p.returncode, f.read(), usage.ru_maxrss


def cents_nl(text):
    """'-1.234,56' -> -123456 (the Dutch notation importer.csv-nl reads)."""
    text = text.strip()
    negative = text.startswith("-")
    whole, _, frac = text.lstrip("+-").partition(",")
    value = int(whole.replace(".", "")) * 100 + int((frac + "00")[:2])
    return -value if negative else value


def cents_point(text):
    """'1234.56' -> 123456; '' -> 0 (a Debet or Credit field)."""
    text = text.strip()
    if not text:
        return 0
    negative = text.startswith("-")
    whole, _, frac = text.lstrip("+-").partition(".")
    value = int(whole) * 100 + int((frac + "00")[:2])
    return -value if negative else value


def ledger_sums(region_dir, year):
    """Realisatie per post of the region's ledger export of `year`, computed from the CSV and the
    region's own settings (importer columns, toewijzing, baten_negatief) without vhh."""
    with open(os.path.join(region_dir, "vhh.yaml"), encoding="utf-8") as f:
        cfg = yaml.safe_load(f)
    with open(os.path.join(region_dir, "jaarverantwoording.yaml"), encoding="utf-8") as f:
        jv = yaml.safe_load(f)
    importer = jv.get("grootboek_importer", "importer.csv-nl")
    settings = next(p for p in cfg["plugins"] if p["name"] == importer)
    soort = {p["code"]: p["soort"] for p in jv["posten"]}
    rules = jv["toewijzing"]
    name = jv["grootboek"] if year == cfg["regio"]["boekjaar"] else jv["grootboek_vorig_jaar"]
    with open(os.path.join(region_dir, name), encoding="utf-8-sig", newline="") as f:
        text = f.read()
    if importer == "importer.debet-credit":
        rows = csv.DictReader(io.StringIO(text), delimiter=",")
        col = lambda k, d: settings.get(k, d)  # noqa: E731
        amount = lambda r: cents_point(r[col("kolom_debet", "Debet")]) - cents_point(r[col("kolom_credit", "Credit")])  # noqa: E731
    else:
        rows = csv.DictReader(io.StringIO(text), delimiter=";")
        col = lambda k, d: settings.get(k, d)  # noqa: E731
        amount = lambda r: cents_nl(r[col("kolom_bedrag", "Bedrag")])  # noqa: E731
    kp_col = col("kolom_kostenplaats", "Kostenplaats")
    rek_col = col("kolom_rekening", "Grootboekrekening")
    sums, lines = {}, 0
    for r in rows:
        kp, rek = r[kp_col].strip(), r[rek_col].strip()
        post = None
        for rule in rules:
            want_kp, want_rek = str(rule.get("kostenplaats", "")), str(rule.get("rekening", ""))
            if want_kp and want_kp != kp:
                continue
            if want_rek and not (rek.startswith(want_rek[:-1]) if want_rek.endswith("*") else rek == want_rek):
                continue
            post = rule["post"]
            break
        assert post is not None, f"{name}: {kp}/{rek} maps to no post"
        value = amount(r)
        if soort[post] == "baten" and jv.get("baten_negatief", False):
            value = -value
        sums[post] = sums.get(post, 0) + value
        lines += 1
    return sums, lines


def sheet_cells(book, name):
    return {c["ref"]: c for s in book["sheets"] if s["name"] == name for c in s["cells"]}


def cents(value):
    return round(value * 100)


class NationalScaleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="vhh-national-")
        cls.data = os.path.join(cls.tmp, "1x")
        cls.dataset = generate(cls.data)
        cls.config = os.path.join(cls.data, f"nederland-{YEAR}.yaml")
        cls.out = os.path.join(cls.tmp, "out-1x")
        cls.code, cls.stderr, cls.rss = run_measured(["run", "--config", cls.config, "--out", cls.out], cls.tmp)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def regions(self):
        return [r["id"] for r in self.dataset["regions"]]

    def test_dataset_has_every_layout_and_key(self):
        regions = self.dataset["regions"]
        self.assertEqual({r["layout"] for r in regions}, {"standaard", "twente", "debet-credit"})
        self.assertEqual(len({r["sleutel"] for r in regions}), 4)
        self.assertEqual(self.dataset["totals"]["gemeenten"], 55)
        self.assertEqual(self.dataset["totals"]["ledger_lines"], 60000)
        r = run("check", "--config", self.config)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_run_writes_every_region(self):
        self.assertEqual(self.code, 0, self.stderr)
        with open(os.path.join(self.out, "manifest.json"), encoding="utf-8") as f:
            manifest = json.load(f)
        self.assertEqual(manifest["regions"], self.regions())
        names = {f["name"] for f in manifest["files"]}
        gemeenten = 0
        for rid in self.regions():
            for doc in ("bijdragen", "jaarverantwoording", "partners"):
                self.assertIn(f"{rid}/{doc}-{YEAR}.xlsx", names)
            gemeenten += sum(1 for n in names if n.startswith(f"{rid}/raadsbrief-{YEAR}-") and n.endswith(".pdf"))
        self.assertEqual(gemeenten, 55)  # a raadsbrief for every gemeente of the country

    def test_national_totals_reconcile_with_each_region(self):
        self.assertEqual(self.code, 0, self.stderr)
        book = read_workbook(os.path.join(self.out, f"consolidatie-{YEAR}.xlsx"))
        regio = sheet_cells(book, "Per regio")
        cols = {regio[f"{chr(65 + i)}1"]["value"]: chr(65 + i) for i in range(26) if f"{chr(65 + i)}1" in regio}
        total_col, prior_col = cols[f"Totaal {YEAR}"], cols[f"Totaal {YEAR - 1}"]
        national = prior_national = 0
        per_gemeente = {}
        for i, rid in enumerate(self.regions()):
            row = i + 2
            now = json.loads(run("bijdragen", "--config", os.path.join(self.data, rid, str(YEAR), "vhh.yaml"),
                                 "--format", "json").stdout)
            before = json.loads(run("bijdragen", "--config", os.path.join(self.data, rid, str(YEAR - 1), "vhh.yaml"),
                                    "--format", "json").stdout)
            self.assertEqual(cents(regio[f"{total_col}{row}"]["value"]), now["totals"]["total"], rid)
            self.assertEqual(cents(regio[f"{prior_col}{row}"]["value"]), before["totals"]["total"], rid)
            for source, amount in now["totals"].items():
                if source != "total":
                    self.assertEqual(cents(regio[f"{cols[source]}{row}"]["value"]), amount, (rid, source))
            national += now["totals"]["total"]
            prior_national += before["totals"]["total"]
            for line in now["lines"]:
                if line["source"] == "inwonerbijdrage":
                    per_gemeente[(rid, line["payer_id"])] = line["amount_cents"]
        last = len(self.regions()) + 2
        self.assertEqual(regio[f"A{last}"]["value"], "Totaal")
        self.assertEqual(cents(regio[f"{total_col}{last}"]["value"]), national)
        self.assertEqual(cents(regio[f"{prior_col}{last}"]["value"]), prior_national)

        # Every gemeente of the country: its inwonerbijdrage in the consolidation is its own line.
        gem = sheet_cells(book, "Per gemeente")
        gcols = {gem[f"{chr(65 + i)}1"]["value"]: chr(65 + i) for i in range(26) if f"{chr(65 + i)}1" in gem}
        names = {r["id"]: r["naam"] for r in self.dataset["regions"]}
        seen = 0
        for ref, cell in gem.items():
            if ref.startswith(gcols["CBS-code"]) and ref[1:] != "1":
                row = ref[1:]
                rid = next(k for k, v in names.items() if v == gem[f"A{row}"]["value"])
                self.assertEqual(cents(gem[f"{gcols['inwonerbijdrage']}{row}"]["value"]),
                                 per_gemeente[(rid, cell["value"])], (rid, cell["value"]))
                seen += 1
        self.assertEqual(seen, 55)

    def check_realisatie(self, data, out, rid):
        """The Baten and Lasten sheets of `rid`'s jaarverantwoording against the CSVs added up here."""
        region_dir = os.path.join(data, rid, str(YEAR))
        now, lines_now = ledger_sums(region_dir, YEAR)
        before, lines_before = ledger_sums(region_dir, YEAR - 1)
        book = read_workbook(os.path.join(out, rid, f"jaarverantwoording-{YEAR}.xlsx"))
        realisatie, vorig_jaar = {}, {}
        for name in ("Baten", "Lasten"):
            bl = sheet_cells(book, name)
            cols = {c["value"]: ref.rstrip("0123456789") for ref, c in bl.items()
                    if ref.rstrip("0123456789") + "1" == ref}
            for ref, c in bl.items():
                row = ref[len(cols["Code"]):]
                if ref.startswith(cols["Code"]) and row != "1" and isinstance(c["value"], str) and c["value"]:
                    realisatie[c["value"]] = cents(bl[cols["Realisatie"] + row]["value"])
                    if cols["Realisatie " + str(YEAR - 1)] + row in bl:
                        vorig_jaar[c["value"]] = cents(bl[cols["Realisatie " + str(YEAR - 1)] + row]["value"])
        for post, amount in now.items():
            self.assertEqual(realisatie[post], amount, (rid, post))
        for post, amount in before.items():
            self.assertEqual(vorig_jaar[post], amount, (rid, post))
        # The baten from the financing plugins are the region's bijdragen, to the cent.
        bijdragen = json.loads(run("bijdragen", "--config", os.path.join(region_dir, "vhh.yaml"),
                                   "--format", "json").stdout)["totals"]
        for post, source in (("RIJK", "rijksbijdrage"), ("GEM", "inwonerbijdrage"), ("WERKPLEK", "werkplekhuur")):
            self.assertEqual(realisatie[post], bijdragen[source], (rid, post))
        return lines_now + lines_before

    def test_realisatie_per_post_equals_the_ledger_exports(self):
        self.assertEqual(self.code, 0, self.stderr)
        lines = sum(self.check_realisatie(self.data, self.out, rid) for rid in self.regions())
        self.assertEqual(lines, self.dataset["totals"]["ledger_lines_read_by_national_run"])

    def test_memory_stays_bounded_when_the_ledger_grows_tenfold(self):
        self.assertEqual(self.code, 0, self.stderr)
        data10 = os.path.join(self.tmp, "10x")
        dataset10 = generate(data10, "--scale", "10")
        self.assertEqual(dataset10["totals"]["ledger_lines"], 600000)
        out10 = os.path.join(self.tmp, "out-10x")
        code, stderr, rss10 = run_measured(
            ["run", "--config", os.path.join(data10, f"nederland-{YEAR}.yaml"), "--out", out10], self.tmp)
        self.assertEqual(code, 0, stderr)
        bound = 2 * self.rss + MARGIN_MIB * 1024
        print(f"\npeak RSS: 1x {self.rss / 1024:.1f} MiB, 10x {rss10 / 1024:.1f} MiB, bound {bound / 1024:.1f} MiB"
              + (" (not checked under sanitizers)" if sanitizer_build() else ""))
        if not sanitizer_build():
            self.assertLess(rss10, bound, f"tenfold ledger: {rss10} KiB, 1x {self.rss} KiB")
        # And still right to the cent at 10×: the largest region, both years.
        largest = max(self.regions(), key=lambda rid: dataset10["files"][f"{rid}/{YEAR}"]["ledger_lines"])
        self.check_realisatie(data10, out10, largest)


if __name__ == "__main__":
    unittest.main()
