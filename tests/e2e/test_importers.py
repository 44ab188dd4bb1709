"""Ledger importer plugins end to end: importer.csv-nl and importer.debet-credit read the ledger of
report.jaarverantwoording through `vhh run` and `vhh check` with temporary configs. The realisatie per
post in the workbook is reconciled with sums computed here from the CSV, for both formats; the same
ledger in either format gives byte-identical documents; a missing importer is a configuration error
(78) at the grootboek setting, a file of the wrong format a data error (65) located in the CSV, an
importer's own settings are checked (78) and a missing ledger is 66 at its setting."""
import csv
import io
import json
import os
import re
import shutil
from decimal import Decimal

from vhhtest import SOURCE_DIR, VhhTestCase, read_bytes, read_text, read_workbook, run

ZEELAND_DIR = os.path.join(SOURCE_DIR, "config", "zeeland")
TWENTE_DIR = os.path.join(SOURCE_DIR, "config", "twente-almelo")
LOCATED = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+)(?::(?P<col>\d+))?: (?P<sev>error|warning): (?P<msg>.*)$", re.M)
# The toewijzing of config/zeeland/jaarverantwoording.yaml: the first matching rule wins.
ZEELAND_POSTS = {"110": "PERS-DIR", "120": "PERS-COORD", "130": "PERS-ADM", "200": "HUIS", "300": "ICT",
                 "400": "PROJ", "900": "OV"}
# Documents of report.jaarverantwoording for Zeeland 2013 (the workbook, the text, a letter per gemeente).
JV_DOCUMENTS = ("jaarverantwoording-2013.xlsx", "jaarverantwoording-2013.pdf", "raadsbrief-2013-middelburg.txt",
                "raadsbrief-2013-tholen.pdf")


def zeeland_post(kostenplaats, rekening):
    return "PERS-OV" if rekening.startswith("409") else ZEELAND_POSTS[kostenplaats]


def cents_nl(text):
    """'1.234,56' / '-1.234,56' as integer cents."""
    whole, _, frac = text.replace(".", "").partition(",")
    sign = -1 if whole.startswith("-") else 1
    return sign * (abs(int(whole)) * 100 + int((frac + "00")[:2]))


def cents_point(text):
    """'1234.56' ('' is nothing) as integer cents."""
    return int((Decimal(text or "0") * 100).to_integral_value())


def workbook_cents(value):
    return int((Decimal(str(value)) * 100).to_integral_value())


def zeeland_ledger_rows():
    """The bundled Zeeland ledger as dicts (Boekstuk;Datum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag)."""
    with open(os.path.join(ZEELAND_DIR, "grootboek-2013.csv"), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


class ImporterCase(VhhTestCase):
    def zeeland_copy(self):
        """The bundled Zeeland config copied into the test's folder; returns its vhh.yaml."""
        return self.write_config(read_text(os.path.join(ZEELAND_DIR, "vhh.yaml")))

    def raw(self, name):
        """A file of the test's folder as it is (line endings kept)."""
        with open(self.path(name), encoding="utf-8", newline="") as f:
            return f.read()

    def write(self, name, text):
        """Writes `text` exactly (line endings as given)."""
        with open(self.path(name), "w", encoding="utf-8", newline="") as f:
            f.write(text)

    def edit(self, name, old, new):
        text = self.raw(name)
        self.assertIn(old, text)
        self.write(name, text.replace(old, new, 1))

    def append(self, name, text):
        self.write(name, self.raw(name) + text)

    def errors(self, result):
        return [(m["file"], int(m["line"]), int(m["col"]) if m["col"] else None, m["msg"])
                for m in LOCATED.finditer(result.stderr) if m["sev"] == "error"]

    def where(self, name, needle, value=None):
        """(line, column) of `value` (default: `needle`) in the first line of file `name` holding `needle`;
        columns count bytes from 1, after a byte order mark."""
        for number, line in enumerate(self.raw(name).lstrip("\ufeff").split("\n"), start=1):
            if needle in line:
                return number, len(line[:line.index(value or needle)].encode("utf-8")) + 1
        raise AssertionError(f"{needle!r} not in {name}")

    def end_of(self, name, needle):
        """(line, column) just after the last character of the line holding `needle`."""
        for number, line in enumerate(self.raw(name).lstrip("\ufeff").split("\n"), start=1):
            if needle in line:
                return number, len(line.rstrip("\r").encode("utf-8")) + 1
        raise AssertionError(f"{needle!r} not in {name}")

    def fails(self, code, expected):
        """check and run both exit with `code`, print exactly the `expected` errors
        [(file name, line, column or None, message part)] and write nothing."""
        cfg, out = self.path("vhh.yaml"), self.path("out")
        for args in (("check", "--config", cfg), ("run", "--config", cfg, "--out", out)):
            r = run(*args)
            self.assertExit(r, code)
            got = self.errors(r)
            self.assertEqual(len(got), len(expected), r.stderr)
            for file_name, line, column, text in expected:
                self.assertTrue(any(e[0] == self.path(file_name) and e[1] == line and e[2] == column and text in e[3]
                                    for e in got), f"no error {file_name}:{line}:{column} '{text}' in\n{r.stderr}")
            self.assertEqual(r.stdout, "")
        self.assertFalse(os.path.exists(out), "a failed run wrote output")
        return r

    def run_ok(self, out_name="out"):
        out = self.path(out_name)
        r = run("run", "--config", self.path("vhh.yaml"), "--out", out)
        self.assertExit(r, 0)
        self.assertNotIn("error", r.stderr)
        return out

    def realisatie_per_post(self, out):
        """{post code: realisatie in cents} of the lasten in jaarverantwoording-2013.xlsx."""
        book = read_workbook(os.path.join(out, "jaarverantwoording-2013.xlsx"))
        sheet = next(s for s in book["sheets"] if s["name"] == "Lasten")
        cells = {c["ref"]: c for c in sheet["cells"]}
        real = next(ref[:-1] for ref, c in cells.items()
                    if re.fullmatch(r"[A-Z]+1", ref) and c["value"] == "Realisatie")
        start = 1  # the header row
        end = next(r for r in sorted({int(re.sub(r"[A-Z]+", "", ref)) for ref in cells})
                   if r > start and cells.get(f"B{r}", {}).get("value") == "Totaal lasten")
        return {cells[f"A{r}"]["value"]: workbook_cents(cells[f"{real}{r}"]["value"])
                for r in range(start + 1, end) if f"A{r}" in cells}


class CsvNlTest(ImporterCase):
    def test_own_column_names_bom_and_crlf_reconcile_with_the_csv(self):
        self.zeeland_copy()
        # The same ledger with other column names, which the importer's settings give.
        self.assertTrue(self.raw("grootboek-2013.csv").startswith(
            "\ufeffBoekstuk;Datum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag\r\n"))
        self.edit("grootboek-2013.csv", "Boekstuk;Datum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag\r\n",
                  "Boekstuk;Boekdatum;Kpl;Rekening;Omschrijving;Bedrag EUR\r\n")
        self.edit("vhh.yaml", "  - name: importer.csv-nl\n",
                  "  - name: importer.csv-nl\n    kolom_datum: Boekdatum\n    kolom_kostenplaats: Kpl\n"
                  "    kolom_rekening: Rekening\n    kolom_bedrag: Bedrag EUR\n")
        self.assertExit(run("check", "--config", self.path("vhh.yaml")), 0)
        out = self.run_ok()
        sums = {}
        for row in zeeland_ledger_rows():
            p = zeeland_post(row["Kostenplaats"], row["Grootboekrekening"])
            sums[p] = sums.get(p, 0) + cents_nl(row["Bedrag"])
        self.assertEqual(self.realisatie_per_post(out), sums)
        self.assertEqual(sum(sums.values()), sum(cents_nl(r["Bedrag"]) for r in zeeland_ledger_rows()))

    def test_manifest_records_the_ledger_the_importer_read(self):
        self.zeeland_copy()
        out = self.run_ok()
        with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
            m = json.load(f)
        import hashlib
        inputs = {i["path"]: i["sha256"] for i in m["inputs"]}
        self.assertEqual(inputs[self.path("grootboek-2013.csv")],
                         hashlib.sha256(read_bytes(self.path("grootboek-2013.csv"))).hexdigest())
        self.assertIn("importer.csv-nl", [p["name"] for p in m["plugins"]])


class DebetCreditTest(ImporterCase):
    def zeeland_in_debet_credit(self):
        """Zeeland with its ledger converted to the debet/credit format (',' separated, ISO dates,
        Debet and Credit columns, CRLF, quoted descriptions) read by importer.debet-credit."""
        self.zeeland_copy()
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(["Boekstuk", "Datum", "Kostenplaats", "Grootboekrekening", "Omschrijving", "Debet", "Credit"])
        for row in zeeland_ledger_rows():
            d, m, y = row["Datum"].split("-")
            c = cents_nl(row["Bedrag"])
            amount = f"{abs(c) // 100}.{abs(c) % 100:02d}"
            w.writerow([row["Boekstuk"], f"{y}-{m}-{d}", row["Kostenplaats"], row["Grootboekrekening"],
                        row["Omschrijving"].replace(";", ","), amount if c >= 0 else "", "" if c >= 0 else amount])
        self.write("grootboek-2013.csv", buf.getvalue())
        self.assertIn('"Huur 1e kwartaal, bedrijfsverzamelgebouw"', buf.getvalue())  # a quoted comma
        self.append("jaarverantwoording.yaml", "grootboek_importer: importer.debet-credit\n")
        self.append("vhh.yaml", "  - name: importer.debet-credit\n")
        return self.path("vhh.yaml")

    def test_reconciles_with_the_csv_and_equals_the_csv_nl_documents(self):
        reference = self.path("reference")
        self.assertExit(run("run", "--config", os.path.join(ZEELAND_DIR, "vhh.yaml"), "--out", reference), 0)
        self.zeeland_in_debet_credit()
        self.assertExit(run("check", "--config", self.path("vhh.yaml")), 0)
        out = self.run_ok()
        sums = {}
        with open(self.path("grootboek-2013.csv"), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                p = zeeland_post(row["Kostenplaats"], row["Grootboekrekening"])
                sums[p] = sums.get(p, 0) + cents_point(row["Debet"]) - cents_point(row["Credit"])
        self.assertEqual(self.realisatie_per_post(out), sums)
        # The same bookings in another format: the same documents, byte for byte.
        for name in JV_DOCUMENTS:
            self.assertEqual(read_bytes(os.path.join(out, name)), read_bytes(os.path.join(reference, name)), name)

    def test_bundled_twente_runs_both_ledgers_through_it(self):
        out = self.path("out")
        r = run("run", "--config", os.path.join(TWENTE_DIR, "vhh.yaml"), "--out", out)
        self.assertExit(r, 0)
        with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
            m = json.load(f)
        self.assertEqual([p["name"] for p in m["plugins"]], ["financing.inwonerbijdrage", "financing.rijksbijdrage",
                                                             "report.jaarverantwoording", "importer.debet-credit",
                                                             "report.bijdragen"])
        names = [os.path.basename(i["path"]) for i in m["inputs"]]
        self.assertIn("grootboek-2023.csv", names)
        self.assertIn("grootboek-2022.csv", names)

    def test_every_bad_line_located_in_one_run(self):
        self.zeeland_in_debet_credit()
        name = "grootboek-2013.csv"
        self.edit(name, "2013-0002,2013-01-15,", "2013-0002,15-01-2013,")          # Dutch date
        self.edit(name, "6336.62,", "\"6.336,62\",")                                 # Dutch amount
        self.edit(name, "1809.66,", ",")                                             # no amount at all
        self.edit(name, "2013-0007,2013-01-25,", "2013-0007,2012-01-25,")          # outside the boekjaar
        self.edit(name, "2013-0008,2013-01-25,130,", "2013-0008,2013-01-25,999,")  # maps to no post
        self.edit(name, "2013-0009,", "2013-0009,extra,")                           # one field too many
        self.fails(65, [
            (name, *self.where(name, "15-01-2013"), "expected a date yyyy-mm-dd in column 'Datum', got '15-01-2013'"),
            (name, *self.where(name, "6.336,62", '"6.336,62"'),
             "expected an amount like 1234.56 in column 'Debet', got '6.336,62'"),
            (name, self.where(name, "2013-0004,")[0], self.where(name, "2013-0004,", ",,")[1] + 1,
             "no amount: columns 'Debet' and 'Credit' are both empty"),
            (name, *self.where(name, "2012-01-25"), "date 25-01-2012 is outside boekjaar 2013"),
            (name, self.where(name, "2013-0008,")[0], None,
             "kostenplaats '999' with grootboekrekening '4010' maps to no post"),
            (name, *self.end_of(name, "2013-0009,extra"), "line has 8 fields, the header has 7"),
        ])

    def test_field_count_error_is_at_the_first_field_too_many(self):
        self.zeeland_in_debet_credit()
        name = "grootboek-2013.csv"
        self.edit(name, "Energie 01-2013,1644.24,\r\n", "Energie 01-2013,1644.24,,surplus\r\n")
        self.fails(65, [(name, *self.where(name, "surplus"), "line has 8 fields, the header has 7")])


class ConfigurationTest(ImporterCase):
    def test_missing_importer_is_78_at_the_grootboek_setting(self):
        self.zeeland_copy()
        self.edit("vhh.yaml", "  - name: importer.csv-nl\n", "")
        where = self.where("jaarverantwoording.yaml", "grootboek: grootboek-2013.csv", "grootboek-2013.csv")
        r = self.fails(78, [("jaarverantwoording.yaml", *where, "plugins[4].grootboek: no importer 'importer.csv-nl' "
                                                                 "is configured")])
        self.assertIn("add '- name: importer.csv-nl' to plugins", r.stderr)

    def test_importer_named_but_another_configured_is_78_naming_the_configured_ones(self):
        self.zeeland_copy()
        self.append("jaarverantwoording.yaml", "grootboek_importer: importer.debet-credit\n")
        where = self.where("jaarverantwoording.yaml", "grootboek: grootboek-2013.csv", "grootboek-2013.csv")
        r = self.fails(78, [("jaarverantwoording.yaml", *where, "no importer 'importer.debet-credit' is configured")])
        self.assertIn("configured importers: importer.csv-nl", r.stderr)

    def test_missing_ledger_is_66_at_its_setting(self):
        self.zeeland_copy()
        os.remove(self.path("grootboek-2013.csv"))
        where = self.where("jaarverantwoording.yaml", "grootboek: grootboek-2013.csv", "grootboek-2013.csv")
        self.fails(66, [("jaarverantwoording.yaml", *where, "plugins[4].grootboek: cannot read input file")])

    def test_a_csv_nl_file_for_the_debet_credit_importer_is_65_at_its_header(self):
        self.zeeland_copy()
        self.append("jaarverantwoording.yaml", "grootboek_importer: importer.debet-credit\n")
        self.append("vhh.yaml", "  - name: importer.debet-credit\n")
        r = self.fails(65, [("grootboek-2013.csv", 1, 1, "this file is separated by ';', not by ','")])
        self.assertIn("importer.csv-nl", r.stderr)  # the hint names the importer for this format

    def test_a_debet_credit_file_for_the_csv_nl_importer_is_65_at_its_header(self):
        self.zeeland_copy()
        self.write("grootboek-2013.csv", "Datum,Kostenplaats,Grootboekrekening,Omschrijving,Debet,Credit\n"
                                         "2013-01-02,200,4200,\"Huur, 1e kwartaal\",22500.00,\n")
        r = self.fails(65, [("grootboek-2013.csv", 1, 1, "this file is separated by ',', not by ';'")])
        self.assertIn("importer.debet-credit", r.stderr)

    def test_importer_settings_are_checked_once_for_both_ledgers(self):
        shutil.copytree(TWENTE_DIR, self.path("twente"))
        cfg = self.path("twente", "vhh.yaml")
        text = read_text(cfg)
        self.assertIn("    kolom_rekening: Rekening\n", text)
        with open(cfg, "w", encoding="utf-8") as f:
            f.write(text.replace("    kolom_rekening: Rekening\n", "    kolom_rekening: Kpl\n    kolom_credit: \"\"\n"))
        for args in (("check", "--config", cfg), ("run", "--config", cfg, "--out", self.path("out"))):
            r = run(*args)
            self.assertExit(r, 78)
            got = sorted((os.path.basename(e[0]), e[1], e[3].split(":")[0]) for e in self.errors(r))
            line = read_text(cfg).split("\n").index("    kolom_rekening: Kpl") + 1
            self.assertEqual(got, [("vhh.yaml", line, "plugins[3].kolom_rekening"),
                                   ("vhh.yaml", line + 1, "plugins[3].kolom_credit")], r.stderr)
        self.assertFalse(os.path.exists(self.path("out")))

    def test_an_importer_no_plugin_asks_is_a_warning_at_its_name(self):
        self.zeeland_copy()
        self.append("vhh.yaml", "  - name: importer.debet-credit\n")
        line = self.raw("vhh.yaml").split("\n").index("  - name: importer.debet-credit") + 1
        for args in (("check", "--config", self.path("vhh.yaml")),
                     ("run", "--config", self.path("vhh.yaml"), "--out", self.path("out"))):
            r = run(*args)
            self.assertExit(r, 0)  # a warning: the run is fine, the config has a plugin that does nothing
            warnings = [m for m in LOCATED.finditer(r.stderr) if m["sev"] == "warning"]
            self.assertEqual([(os.path.basename(m["file"]), int(m["line"]), int(m["col"])) for m in warnings],
                             [("vhh.yaml", line, 11)], r.stderr)
            self.assertIn("plugins[9].name: importer 'importer.debet-credit' is configured but no plugin reads a file "
                          "with it", r.stderr)
        # The importer that is used gets no warning.
        self.assertNotIn("importer 'importer.csv-nl'", r.stderr)

    def test_plugins_lists_both_importers_with_their_settings(self):
        r = run("plugins", "--format", "json")
        self.assertExit(r, 0)
        plugins = {p["name"]: p for p in json.loads(r.stdout)["plugins"]}
        for name, keys in (("importer.csv-nl", ["kolom_datum", "kolom_kostenplaats", "kolom_rekening", "kolom_bedrag",
                                                "kolom_omschrijving"]),
                           ("importer.debet-credit", ["kolom_datum", "kolom_kostenplaats", "kolom_rekening",
                                                      "kolom_debet", "kolom_credit", "kolom_omschrijving"])):
            self.assertEqual(plugins[name]["status"], "ok", name)
            self.assertEqual([s["key"] for s in plugins[name]["settings"]], keys, name)
        jv = [s["key"] for s in plugins["report.jaarverantwoording"]["settings"]]
        self.assertIn("grootboek_importer", jv)
        self.assertFalse([k for k in jv if k.startswith("kolom_")], jv)
