"""What report.begroting makes of the rest of the begroting cycle: a recorded begrotingswijziging as
its own document (begrotingswijziging-Y-N, what changes per post, the bijdrage per gemeente before
and after) with its own zienswijzebrief per gemeente and the Wgr deadline; the host's "Zienswijzen
en reactie" for the algemeen bestuur; incidentele posten that end after the begrotingsjaar; and a
herindeling within the raming period (Maas & Leijgraaf: Veghel and Sint-Oedenrode are Meierijstad
from 2017). The budgeted reserve mutations are tested with the other begroting documents
(test_begroting_documents). Workbooks are read back with openpyxl (every formula recomputed), PDFs
with pdftotext."""
import json
import os
import re
import subprocess
import unittest
from fractions import Fraction

from storetest import StoreTestCase
from test_inwonerbijdrage_keys import Book
from vhhtest import SOURCE_DIR, VhhTestCase, read_text, read_workbook, run

FORMATS = ("pdf", "xlsx", "html", "txt")

# Raises the gemeentelijke bijdrage 2013 by € 1.300,00 for one more coordinator's hours.
WIJZIGING = """omschrijving: Extra uren coördinatie, gedekt uit de gemeentelijke bijdragen (illustratief)
posten:
  - {code: PERS-COORD, bedrag: 1300.00, omschrijving: "4 uur per week extra procesregie (illustratief)"}
  - {code: GEM, bedrag: 1300.00}
"""


def config_of(region):
    return os.path.join(SOURCE_DIR, "config", region, "vhh.yaml")


def pdf_text(path):
    text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True,
                          timeout=120).stdout
    return re.sub(r"\s+", " ", re.sub(r"€\s+", "€ ", text.replace("\u00a0", " ")))


def euro(cents):
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}€ {f'{cents // 100:,}'.replace(',', '.')},{cents % 100:02d}"


def recompute_every_formula(test, path):
    """Every formula of the workbook, recomputed independently, gives its cached value; returns the cells."""
    book = read_workbook(path)
    recompute = Book(book)
    formulas = 0
    for sheet in book["sheets"]:
        for c in sheet["cells"]:
            if "formula" in c:
                formulas += 1
                got = recompute.evaluate(sheet["name"], c["formula"])
                test.assertEqual(got, Fraction(repr(c["value"])) if isinstance(c["value"], float) else c["value"],
                                 (sheet["name"], c["ref"], c["formula"]))
    test.assertGreater(formulas, 0)
    return book


def begroting_json(*args):
    r = run("begroting", *args, "--format", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


class Incidenteel(VhhTestCase):
    def test_an_incidentele_post_ends_after_the_begrotingsjaar(self):
        got = begroting_json("--config", config_of("zeeland"))
        [proj] = [p for p in got["posten"] if p["code"] == "PROJ"]
        self.assertTrue(proj["incidenteel"])
        self.assertEqual(proj["bedragen_cents"], {"2014": 1500000, "2015": 0, "2016": 0, "2017": 0})
        self.assertIn("2015: incidenteel, niet doorgetrokken = € 0,00", proj["basis"])
        [ict] = [p for p in got["posten"] if p["code"] == "ICT"]  # structural: carried forward
        self.assertTrue(all(v > 0 for v in ict["bedragen_cents"].values()))


class Herindeling(VhhTestCase):
    """Maas & Leijgraaf 2015: Veghel (GM0860) and Sint-Oedenrode (GM0846) are Meierijstad (GM1948) from 2017."""

    def test_bijdragen_follow_the_gemeenten_of_each_year(self):
        got = begroting_json("--config", config_of("maas-en-leijgraaf"))
        self.assertEqual(got["jaren"], [2015, 2016, 2017, 2018])
        by = {b["payer_id"]: b["bedragen_cents"] for b in got["bijdragen"]}
        [gem] = [p["bedragen_cents"] for p in got["posten"] if p["code"] == "GEM"]
        for jaar in ("2015", "2016", "2017", "2018"):
            self.assertEqual(sum(b[jaar] for b in by.values()), gem[jaar], jaar)
        for old in ("GM0860", "GM0846"):
            self.assertGreater(by[old]["2016"], 0)
            self.assertEqual((by[old]["2017"], by[old]["2018"]), (0, 0))
        self.assertEqual((by["GM1948"]["2015"], by["GM1948"]["2016"]), (0, 0))
        # The key (Boekel € 3.213 fixed, the rest pro rata of inwoners) over the gemeenten of 2017:
        # Meierijstad holds the inwoners of Veghel and Sint-Oedenrode; its share to within a cent.
        inwoners = {"GM1721": 29700, "GM0756": 28800, "GM1684": 24700, "GM0786": 12500, "GM1685": 14900,
                    "GM0815": 12500, "GM0828": 90800, "GM1702": 11500, "GM0856": 40500, "GM1948": 37300 + 17700}
        for jaar in ("2017", "2018"):
            self.assertEqual(by["GM0755"][jaar], 321300)
            exact = Fraction(gem[jaar] - 321300) * inwoners["GM1948"] / sum(inwoners.values())
            self.assertLessEqual(abs(by["GM1948"][jaar] - exact), 1, jaar)

    def test_documents_say_so_and_letters_go_to_the_raden_of_2015(self):
        out = self.path("out")
        r = run("run", "--config", config_of("maas-en-leijgraaf"), "--out", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        names = os.listdir(out)
        self.assertIn("zienswijzebrief-2015-veghel.txt", names)
        self.assertFalse([n for n in names if "meierijstad" in n], names)
        letter = re.sub(r"\s+", " ", read_text(os.path.join(out, "zienswijzebrief-2015-veghel.txt")))
        self.assertIn("2017 (opgegaan in GM1948 Meierijstad per 2017-01-01)", letter)
        text = re.sub(r"\s+", " ", read_text(os.path.join(out, "begroting-2015.txt")))
        self.assertIn("GM1948 Meierijstad betaalt niet in elk jaar (2015: bestaat pas per 2017-01-01", text)
        book = recompute_every_formula(self, os.path.join(out, "begroting-2015.xlsx"))
        values = [c.get("value") for s in book["sheets"] for c in s["cells"]]
        self.assertIn("GM1948", values)


class KaderbriefHerindeling(VhhTestCase):
    """The kaderbrief lists the gemeenten of its years: Meierijstad (from 2017) is not in the
    kaderbrief 2015 of Maas & Leijgraaf, Veghel and Sint-Oedenrode are."""

    def test_kaderbrief_lists_the_gemeenten_of_each_year(self):
        out = self.path("out")
        r = run("run", "--config", config_of("maas-en-leijgraaf"), "--out", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        text = re.sub(r"\s+", " ", read_text(os.path.join(out, "kaderbrief-2015.txt")))
        self.assertNotIn("GM1948", text)
        self.assertNotIn("Meierijstad", text)
        for code in ("GM0860", "GM0846", "GM0755"):
            self.assertIn(code, text)
        book = recompute_every_formula(self, os.path.join(out, "kaderbrief-2015.xlsx"))
        self.assertNotIn("GM1948", [c.get("value") for s in book["sheets"] for c in s["cells"]])


class BundledWijziging(VhhTestCase):
    """Zeeland bundles begrotingswijziging 1 2013 (illustratief): `vhh run` without a store writes it."""

    def test_run_writes_the_bundled_begrotingswijziging_2013(self):
        out = self.path("out")
        r = run("run", "--config", config_of("zeeland"), "--out", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        names = os.listdir(out)
        for ext in FORMATS:
            self.assertIn("begrotingswijziging-2013-1." + ext, names)
        self.assertFalse([n for n in names if "wijziging-1-" in n], names)  # the bijdrage does not change
        text = re.sub(r"\s+", " ", read_text(os.path.join(out, "begrotingswijziging-2013-1.txt")))
        self.assertIn("illustratief", text)
        self.assertIn("AB 2013/9 (illustratief)", text)
        self.assertIn("begroting 2013 in de configuratie", text)
        self.assertIn("Waarom: De keuze voor het regionale informatieplein schuift naar 2014", text)
        self.assertIn("vervanging van de werkplekken in 2013 (illustratief)", text)
        self.assertIn("projectstart informatieplein naar 2014 (illustratief)", text)
        self.assertIn("verandert de gemeentelijke bijdrage (post GEM) niet", text)
        book = recompute_every_formula(self, os.path.join(out, "begrotingswijziging-2013-1.xlsx"))
        values = [c.get("value") for s in book["sheets"] for c in s["cells"]]
        self.assertIn(46000 + 6000, values)  # ICT na wijziging, as report.jaarverantwoording's begroting_na_wijziging
        self.assertIn(15000 - 6000, values)  # PROJ na wijziging


class Begrotingswijziging(StoreTestCase):
    def prepared(self):
        cfg = self.write_config(read_text(config_of("zeeland")))
        url = self.initialised()
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2012/14", "--datum", "2012-11-20",
                 "--config", cfg, "--database", url)
        path = self.written("wijziging.yaml", WIJZIGING)
        self.vhh("wijziging", "--jaar", "2013", "--bestand", path, "--besluit", "AB 2013/9", "--datum", "2013-10-03",
                 "--config", cfg, "--database", url)
        return cfg, url

    def test_document_and_its_zienswijzebrieven_in_every_format(self):
        cfg, url = self.prepared()
        out = self.path("out")
        self.vhh("run", "--config", cfg, "--database", url, "--out", out)
        with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
            listed = {f["name"] for f in json.load(f)["files"]}
        for ext in FORMATS:
            self.assertIn("begrotingswijziging-2013-1." + ext, listed)
            self.assertIn("zienswijzebrief-2013-wijziging-1-borsele." + ext, listed)
        self.assertEqual(len([n for n in listed if n.startswith("zienswijzebrief-2013-wijziging-1-")]),
                         13 * len(FORMATS))

        # What changes per post: primitief + this change = na wijziging, each a formula.
        book = recompute_every_formula(self, os.path.join(out, "begrotingswijziging-2013-1.xlsx"))
        cells = [c for s in book["sheets"] for c in s["cells"]]
        values = [c.get("value") for c in cells]
        self.assertIn("PERS-COORD", values)
        self.assertIn(74000 + 1300, values)  # PERS-COORD na wijziging
        self.assertIn(152790.40 + 1300, values)  # GEM na wijziging
        # The bijdrage per gemeente before and after: the key over € 152.790,40 and € 154.090,40.
        bijdragen = begroting_json("--config", cfg)  # (the raming 2014; the boekjaar's own division below)
        self.assertTrue(bijdragen["bijdragen"])
        text = pdf_text(os.path.join(out, "begrotingswijziging-2013-1.pdf"))
        for s in ("Wijziging per post", "Gevolgen voor de bijdrage per gemeente", "€ 152.790,40", "€ 154.090,40",
                  "AB 2013/9", "3 oktober 2013"):
            self.assertIn(s, text)
        # Why, per post (SDK ABI 3, migration 8): the post's own omschrijving, else the wijziging's.
        txt = re.sub(r"\s+", " ", read_text(os.path.join(out, "begrotingswijziging-2013-1.txt")))
        self.assertIn("Waarom: Extra uren coördinatie, gedekt uit de gemeentelijke bijdragen (illustratief)", txt)
        self.assertIn("4 uur per week extra procesregie (illustratief)", txt)
        self.assertIn("Waarom", [c.get("value") for c in cells])
        r = run("bijdragen", "--config", cfg, "--format", "json")
        before = {l["payer_id"]: l["amount_cents"] for l in json.loads(r.stdout)["lines"]
                  if l["source"] == "inwonerbijdrage"}
        self.assertIn(before["GM0654"] / 100, values)  # Borsele's bijdrage before the wijziging

        # The letter: its bijdrage before and after and the Wgr deadline (6 weeks in 2013) before the besluit.
        letter = re.sub(r"\s+", " ", read_text(os.path.join(out, "zienswijzebrief-2013-wijziging-1-borsele.txt")))
        self.assertIn("Begrotingswijziging 1 2013 van Veiligheidshuis Zeeland: uw zienswijze", letter)
        self.assertIn("Uw bijdrage 2013 gaat van " + euro(before["GM0654"]), letter)
        self.assertIn("uiterlijk 2 oktober 2013", letter)
        self.assertIn("daarvoor 6 weken", letter)
        self.assertIn("Datum: 22-8-2013", letter)  # dated 6 weeks before 3 October
        got = read_text(os.path.join(out, "zienswijzebrief-2013-wijziging-1-borsele.txt"))
        golden = os.path.join(SOURCE_DIR, "tests", "e2e", "golden", "zienswijzebrief-2013-wijziging-1-borsele.txt")
        if os.environ.get("VHH_UPDATE_GOLDEN"):
            with open(golden, "w", encoding="utf-8") as f:
                f.write(got)
        self.assertEqual(got, read_text(golden))
        pdf = pdf_text(os.path.join(out, "zienswijzebrief-2013-wijziging-1-middelburg.pdf"))
        self.assertIn("Geachte leden van de raad", pdf)

    def test_a_wijziging_without_the_bijdrage_has_no_letters(self):
        cfg = self.write_config(read_text(config_of("zeeland")))
        url = self.initialised()
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2012/14", "--datum", "2012-11-20",
                 "--config", cfg, "--database", url)
        path = self.written("w.yaml", "omschrijving: Verschuiving\nposten:\n  - {code: ICT, bedrag: 500.00}\n"
                                      "  - {code: OV, bedrag: -500.00}\n")
        self.vhh("wijziging", "--jaar", "2013", "--bestand", path, "--besluit", "AB 2013/3", "--datum", "2013-04-11",
                 "--config", cfg, "--database", url)
        out = self.path("out")
        self.vhh("run", "--config", cfg, "--database", url, "--out", out)
        names = os.listdir(out)
        self.assertIn("begrotingswijziging-2013-1.txt", names)
        self.assertFalse([n for n in names if "wijziging-1-" in n], names)
        text = re.sub(r"\s+", " ", read_text(os.path.join(out, "begrotingswijziging-2013-1.txt")))
        self.assertIn("verandert de gemeentelijke bijdrage (post GEM) niet", text)


class ZienswijzenEnReactie(StoreTestCase):
    """zienswijzen-Y for the algemeen bestuur: every gemeente, its zienswijze or none, and the reaction."""

    def zienswijze(self, cfg, url, gemeente, *extra):
        self.vhh("zienswijze", "--jaar", "2013", "--gemeente", gemeente, "--ontvangen", "2012-10-01",
                 "--samenvatting", "Zorgen over de stijging van de bijdrage", *extra, "--config", cfg, "--database", url)

    def document(self, cfg, url):
        out = self.path("out")
        r = self.vhh("run", "--config", cfg, "--database", url, "--out", out)
        with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
            listed = {f["name"] for f in json.load(f)["files"]}
        for ext in FORMATS:
            self.assertIn("zienswijzen-2013." + ext, listed)
        return r, out

    def test_every_gemeente_with_its_zienswijze_and_the_reaction(self):
        cfg = self.write_config(read_text(config_of("zeeland")))
        url = self.initialised()
        self.zienswijze(cfg, url, "GM0654")
        r, out = self.document(cfg, url)
        self.assertIn("has not reacted to the zienswijze of GM0654", r.stderr)  # the warning of check and run
        text = re.sub(r"\s+", " ", read_text(os.path.join(out, "zienswijzen-2013.txt")))
        self.assertIn("Zienswijzen en reactie 2013", text)
        self.assertIn("1 van de 13 raden gaven een zienswijze", text)
        self.assertIn("nog geen reactie", text)
        self.assertIn("de begroting kan niet worden vastgesteld", text)
        self.assertEqual(text.count("geen zienswijze ontvangen binnen de termijn"), 12)
        check = self.vhh("check", "--config", cfg, "--database", url)
        self.assertIn("warning:", check.stderr)
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2012/14", "--datum", "2012-11-20",
                 "--config", cfg, "--database", url, expect=65)

        self.vhh("zienswijze", "reactie", "--jaar", "2013", "--gemeente", "GM0654", "--datum", "2012-10-20",
                 "--reactie", "De stijging volgt de loonindexatie", "--config", cfg, "--database", url)
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2012/14", "--datum", "2012-11-20",
                 "--config", cfg, "--database", url)
        path = self.written("wijziging.yaml", WIJZIGING)
        self.vhh("wijziging", "--jaar", "2013", "--bestand", path, "--besluit", "AB 2013/9", "--datum", "2013-10-03",
                 "--config", cfg, "--database", url)
        self.zienswijze(cfg, url, "GM0687", "--wijziging", "1")
        r, out = self.document(cfg, url)
        book = read_workbook(os.path.join(out, "zienswijzen-2013.xlsx"))
        rows = {}
        for s in book["sheets"]:
            for c in s["cells"]:
                rows.setdefault((s["name"], re.sub(r"[A-Z]+", "", c["ref"])), []).append(c.get("value"))
        borsele = [v for v in rows.values() if v[:2] == ["GM0654", "Borsele"]]
        middelburg = [v for v in rows.values() if v[:2] == ["GM0687", "Middelburg"]]
        self.assertEqual(len(borsele), 2)  # the ontwerpbegroting and wijziging 1
        self.assertIn("2012-10-20: De stijging volgt de loonindexatie", borsele[0])
        self.assertIn("geen zienswijze ontvangen binnen de termijn", borsele[1])
        self.assertIn("geen zienswijze ontvangen binnen de termijn", middelburg[0])
        self.assertIn("nog geen reactie", middelburg[1])
        pdf = pdf_text(os.path.join(out, "zienswijzen-2013.pdf"))
        self.assertIn("Begrotingswijziging 1", pdf)
        self.assertIn("Zorgen over de stijging van de bijdrage", pdf)

    def test_without_a_store_there_is_none(self):
        r = run("run", "--config", config_of("zeeland"), "--out", self.path("out"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertFalse([n for n in os.listdir(self.path("out")) if n.startswith("zienswijzen-")])


if __name__ == "__main__":
    unittest.main()
