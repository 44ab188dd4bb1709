"""`vhh serve` in a real browser: Debian's chromium, headless, driven by chromium-driver through
python3-selenium. A controller logs in, sees the dashboard, submits the zienswijze form with a field
error, corrects it, sees it listed, logs out; a raad user reads its gemeente's bijdragen in the
portal. The pages have no JavaScript (the CSP allows none). Screenshots of the main pages go to
build/test-output/serve-browser/ (VHH_SCREENSHOT_DIR overrides) for a reviewer to look at."""
import json
import os
import shutil
import subprocess
import time
import unittest

import vhhtest
from servetest import PASSWORD, ServeTestCase

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import Select, WebDriverWait
    SELENIUM = None
except ImportError as e:  # pragma: no cover - scripts/setup installs python3-selenium
    SELENIUM = "python3-selenium is not installed (%s)" % e

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")


def missing():
    if SELENIUM:
        return SELENIUM
    if not CHROMIUM or not CHROMEDRIVER:
        return "chromium and chromium-driver are not installed (scripts/setup installs them)"
    return None


def screenshot_dir():
    d = os.environ.get("VHH_SCREENSHOT_DIR") or os.path.join(
        os.path.abspath(os.environ.get("VHH_BUILD_DIR", "build")), "test-output", "serve-browser")
    os.makedirs(d, exist_ok=True)
    return d


@unittest.skipIf(missing(), missing())
class Browser(ServeTestCase):
    def setUp(self):
        super().setUp()
        self.server = self.serve()
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--window-size=1280,1400", "--lang=nl-NL", "--disable-extensions",
                    "--user-data-dir=" + self.path("chromium-profiel")):
            options.add_argument(arg)
        # A PDF link downloads the file (into the test's folder) instead of opening the viewer.
        self.downloads = self.path("downloads")
        os.makedirs(self.downloads, exist_ok=True)
        options.add_experimental_option("prefs", {"download.default_directory": self.downloads,
                                                  "download.prompt_for_download": False,
                                                  "plugins.always_open_pdf_externally": True})
        self.browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        self.browser.set_page_load_timeout(60)
        self.shots = screenshot_dir()

    def tearDown(self):
        self.browser.quit()
        super().tearDown()

    def open(self, path):
        self.browser.get(self.server.base + path)

    def shot(self, name):
        path = os.path.join(self.shots, name + ".png")
        # The whole page in one picture: the window as tall as the page (no script needed).
        height = self.browser.find_element(By.TAG_NAME, "body").size["height"]
        self.browser.set_window_size(1280, max(600, min(height + 140, 4000)))
        self.assertTrue(self.browser.save_screenshot(path), path)
        with open(path, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")

    def submit(self, element):
        """Clicks (or submits the form of) `element` and waits until the next page has replaced this one."""
        # A new document has a new <html> element (selenium's staleness_of does not know newer
        # chromium's error for a node of a replaced document, so compare the elements' ids).
        before = self.browser.find_element(By.TAG_NAME, "html").id
        element.click() if element.tag_name == "button" else element.submit()
        WebDriverWait(self.browser, 60, ignored_exceptions=(WebDriverException,)).until(
            lambda b: b.find_element(By.TAG_NAME, "html").id != before)

    def field(self, name):
        return self.browser.find_element(By.NAME, name)

    def log_in(self, naam):
        self.open("/")  # anonymous: sent to the login page
        self.assertEqual(self.browser.find_element(By.TAG_NAME, "h1").text, "Inloggen")
        self.field("gebruiker").send_keys(naam)
        self.field("wachtwoord").send_keys(PASSWORD)
        self.submit(self.browser.find_element(By.CSS_SELECTOR, "form.formulier button[type=submit]"))

    def test_a_controller_records_a_zienswijze_and_a_raad_user_reads_its_gemeente(self):
        b = self.browser
        self.log_in("anna")
        self.assertEqual(b.find_element(By.TAG_NAME, "h1").text, "Dashboard 2013")
        self.assertIn("Ingelogd als anna (controller)", b.find_element(By.CLASS_NAME, "wie").text)
        self.assertIn("ontwerpbegroting naar de raden", b.find_element(By.ID, "kalender").text)
        self.shot("dashboard")

        # A date written the Dutch way: the form comes back with the message at the field and what
        # was typed kept.
        Select(self.field("gemeente")).select_by_value("GM0654")
        self.field("ontvangen").send_keys("20-06-2013")
        summary = "Borsele <b>vraagt</b> om uitstel van de indexering & een lagere bijdrage."
        self.field("samenvatting").send_keys(summary)
        self.submit(self.field("samenvatting"))
        fout = b.find_element(By.ID, "fout-ontvangen")
        self.assertEqual(fout.text, "--ontvangen '20-06-2013' is not a date YYYY-MM-DD")
        self.assertTrue(fout.is_displayed())
        self.assertEqual(self.field("samenvatting").get_attribute("value"), summary)
        self.assertEqual(Select(self.field("gemeente")).first_selected_option.get_attribute("value"), "GM0654")
        self.shot("dashboard-veldfout")

        self.field("ontvangen").clear()
        self.field("ontvangen").send_keys("2013-06-20")
        self.submit(self.field("samenvatting"))
        self.assertEqual(b.find_element(By.CSS_SELECTOR, "p.melding.goed").text, "De zienswijze is vastgelegd.")
        row = b.find_element(By.CSS_SELECTOR, "#zienswijzen tbody tr")
        self.assertIn("GM0654 Borsele", row.text)
        self.assertIn(summary, row.text)  # the markup is text, not bold
        self.assertEqual(b.find_elements(By.CSS_SELECTOR, "#zienswijzen tbody b"), [])
        self.assertIn("nog geen reactie", row.text)
        self.shot("dashboard-zienswijze")

        self.submit(b.find_element(By.CSS_SELECTOR, "form.uitloggen button"))
        self.assertEqual(b.find_element(By.TAG_NAME, "h1").text, "Inloggen")
        self.open("/")
        self.assertEqual(b.find_element(By.TAG_NAME, "h1").text, "Inloggen")

        # The dagelijks bestuur reacts and the begroting is vastgesteld (with the CLI): the portal
        # shows Borsele's voorlopige bijdrage.
        self.vhh("zienswijze", "reactie", "--jaar", "2013", "--gemeente", "GM0654", "--datum", "2013-07-01",
                 "--reactie", "De indexering blijft; de bijdrage is ongewijzigd.", "--database", self.url)
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2013-07", "--datum", "2013-07-04",
                 "--database", self.url)
        self.log_in("rita")
        self.assertEqual(b.find_element(By.TAG_NAME, "h1").text, "Gemeente Borsele")
        table = b.find_element(By.TAG_NAME, "table").text
        self.assertRegex(table, r"2013 € [0-9.]+,[0-9]{2} -")
        self.shot("portaal")
        self.open("/portaal/gemeente/GM0664")
        self.assertEqual(b.find_element(By.TAG_NAME, "h1").text, "Geen toegang")


    def log_out(self):
        self.submit(self.browser.find_element(By.CSS_SELECTOR, "form.uitloggen button"))
        self.assertEqual(self.browser.find_element(By.TAG_NAME, "h1").text, "Inloggen")

    def downloaded(self, name):
        path = os.path.join(self.downloads, name)
        deadline = time.time() + 60
        while not os.path.exists(path) and time.time() < deadline:
            time.sleep(0.2)
        self.assertTrue(os.path.exists(path), os.listdir(self.downloads))
        return path

    def test_a_controller_publishes_a_document_a_raad_user_reads_it_and_asks_a_question(self):
        b = self.browser
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2013-07", "--datum", "2013-07-04",
                 "--database", self.url)
        self.log_in("anna")
        # A begrotingswijziging: a date written the Dutch way first, the message at the field.
        self.browser.find_element(By.ID, "wijziging-besluit").send_keys("AB 2013/3")
        self.browser.find_element(By.ID, "wijziging-datum").send_keys("11-07-2013")
        tekst = b.find_element(By.ID, "wijziging-tekst")
        tekst.send_keys("omschrijving: Uitbreiding procesregie\nposten:\n  - {code: PERS-DIR, bedrag: 2500.00}\n"
                        "  - {code: OV, bedrag: -2500.00}\n")
        self.submit(b.find_element(By.CSS_SELECTOR, "form.wijziging button"))
        self.assertEqual(b.find_element(By.ID, "fout-wijziging-datum").text,
                         "--datum '11-07-2013' is not a date YYYY-MM-DD")
        self.shot("dashboard-wijziging-veldfout")
        b.find_element(By.ID, "wijziging-datum").clear()
        b.find_element(By.ID, "wijziging-datum").send_keys("2013-07-11")
        self.submit(b.find_element(By.CSS_SELECTOR, "form.wijziging button"))
        self.assertEqual(b.find_element(By.CSS_SELECTOR, "p.melding.goed").text, "De begrotingswijziging is vastgelegd.")
        self.assertIn("AB 2013/3", b.find_element(By.ID, "vastgesteld").text)
        b.find_element(By.LINK_TEXT, "Documenten").click()
        self.assertEqual(b.find_element(By.TAG_NAME, "h1").text, "Documenten 2013")
        for document in ("jaarverantwoording-2013", "raadsbrief-2013-borsele", "raadsbrief-2013-goes"):
            self.submit(b.find_element(By.ID, "publiceer-" + document))
            self.assertEqual(b.find_element(By.CSS_SELECTOR, "p.melding.goed").text, document + " is gepubliceerd.")
        self.shot("documenten")
        # Another year through the chooser: the begroting cycle's letters of 2014, published there.
        b.find_element(By.CSS_SELECTOR, '#jaren a[href="/documenten?jaar=2014"]').click()
        self.assertEqual(b.find_element(By.TAG_NAME, "h1").text, "Documenten 2014")
        self.submit(b.find_element(By.ID, "publiceer-zienswijzebrief-2014-borsele"))
        self.assertEqual(b.find_element(By.CSS_SELECTOR, "p.melding.goed").text,
                         "zienswijzebrief-2014-borsele is gepubliceerd.")
        self.assertEqual(b.find_element(By.CSS_SELECTOR, "#jaren strong").text, "2014")
        self.shot("documenten-2014")
        b.find_element(By.CSS_SELECTOR, '#jaren a[href="/documenten?jaar=2013"]').click()
        # The PDF as the controller downloads it, read with pdftotext.
        b.find_element(By.CSS_SELECTOR, 'a[href="/documenten/bestand/jaarverantwoording-2013.pdf"]').click()
        text = subprocess.run(["pdftotext", "-layout", self.downloaded("jaarverantwoording-2013.pdf"), "-"],
                              capture_output=True, text=True, check=True, timeout=60).stdout
        self.assertIn("Jaarverantwoording Veiligheidshuis Zeeland 2013", text)  # its footer
        self.log_out()

        # The raad user of Borsele sees the published documents and its own letter, not Goes's.
        self.log_in("rita")
        documenten = b.find_element(By.ID, "documenten").text
        self.assertIn("jaarverantwoording-2013", documenten)
        self.assertIn("raadsbrief-2013-borsele", documenten)
        self.assertIn("zienswijzebrief-2014-borsele", documenten)
        self.assertNotIn("goes", documenten)
        self.shot("portaal-documenten")
        b.find_element(By.CSS_SELECTOR, 'a[href="/portaal/bestand/raadsbrief-2013-borsele.pdf"]').click()
        text = subprocess.run(["pdftotext", "-layout", self.downloaded("raadsbrief-2013-borsele.pdf"), "-"],
                              capture_output=True, text=True, check=True, timeout=60).stdout
        self.assertIn("Borsele", text)
        self.open("/portaal/document/raadsbrief-2013-goes")
        self.assertEqual(b.find_element(By.TAG_NAME, "h1").text, "Niet gevonden")

        # A technische vraag with markup in it: an empty question first (the message at the field).
        self.open("/portaal/")
        b.find_element(By.LINK_TEXT, "jaarverantwoording-2013").click()
        self.field("sectie").send_keys("Verschillen")
        self.submit(self.field("vraag"))
        self.assertEqual(b.find_element(By.ID, "fout-vraag").text, "De vraag is leeg.")
        self.assertEqual(self.field("sectie").get_attribute("value"), "Verschillen")
        vraag = "Waarom is de <b>realisatie</b> lager dan begroot?"
        self.field("vraag").send_keys(vraag)
        self.submit(self.field("vraag"))
        self.assertEqual(b.find_element(By.CSS_SELECTOR, "p.melding.goed").text, "Uw vraag is verstuurd.")
        self.assertEqual(b.find_element(By.CSS_SELECTOR, "#vragen p.vraag").text, vraag)
        self.assertEqual(b.find_elements(By.CSS_SELECTOR, "#vragen b"), [])
        self.log_out()

        # The controller answers; the raad user reads the answer with its question.
        self.log_in("anna")
        self.open("/portaal/document/jaarverantwoording-2013")
        antwoord = "Er waren minder casussen dan geraamd."
        b.find_element(By.CSS_SELECTOR, "form.antwoord textarea").send_keys(antwoord)
        self.shot("portaal-vraag")
        self.submit(b.find_element(By.CSS_SELECTOR, "form.antwoord button"))
        self.assertEqual(b.find_element(By.CSS_SELECTOR, "p.melding.goed").text, "Het antwoord is gepubliceerd.")
        self.log_out()
        self.log_in("rita")
        self.open("/portaal/document/jaarverantwoording-2013")
        self.assertIn(antwoord, b.find_element(By.CSS_SELECTOR, "#vragen p.antwoord").text)
        self.shot("portaal-antwoord")

    def test_a_controller_issues_invoices_uploads_a_statement_and_matches_a_payment(self):
        from test_betalingen import camt
        b = self.browser
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2012/14", "--datum", "2012-11-20",
                 "--database", self.url)
        self.log_in("anna")
        b.find_element(By.LINK_TEXT, "Facturen").click()
        self.assertEqual(b.find_element(By.TAG_NAME, "h1").text, "Facturen 2013")
        # Werkplekhuur is billed per year: a termijn is the CLI's usage error, at the field.
        Select(self.field("soort")).select_by_value("werkplekhuur")
        Select(b.find_element(By.ID, "factureren-termijn")).select_by_value("Q1")
        self.submit(b.find_element(By.ID, "factureer"))
        self.assertIn("--termijn: werkplekhuur is billed per year (facturatie.werkplekhuur_termijnen: jaar in ",
                      b.find_element(By.ID, "fout-factureren-termijn").text)
        Select(self.field("soort")).select_by_value("voorschot")
        self.submit(b.find_element(By.ID, "factureer"))
        self.assertEqual(b.find_element(By.ID, "uitgereikt").text, "13 facturen uitgereikt; 0 waren al gefactureerd.")
        self.assertIn("open", b.find_element(By.ID, "factuur-2013-00001").text)
        self.shot("facturen")
        facturen = {f["nummer"]: f for f in json.loads(self.vhh("facturen", "--format", "json", "--database",
                                                                self.url).stdout)["facturen"]}

        # A statement: Borsele pays by its betalingskenmerk, an unknown payer names nothing.
        statement = self.path("afschrift-maart.xml")
        with open(statement, "w", encoding="utf-8") as f:
            f.write(camt("001.08", [
                {"cents": facturen["2013-00001"]["bedrag_cents"], "kenmerk": facturen["2013-00001"]["betalingskenmerk"]},
                {"cents": 4200, "text": "bijdrage veiligheidshuis", "name": "Gemeente Goes"}]))
        b.find_element(By.LINK_TEXT, "Betalingen").click()
        self.field("afschrift").send_keys(statement)
        self.submit(b.find_element(By.ID, "inlezen"))
        self.assertEqual(b.find_element(By.ID, "geboekt").text,
                         "Afschrift STMT-2013-03-31: 2 geboekt (1 gekoppeld, 1 niet gekoppeld), 0 al eerder geboekt.")
        self.shot("betalingen")
        Select(b.find_element(By.CSS_SELECTOR, "form.koppelen select")).select_by_value("2013-00005")
        self.submit(b.find_element(By.CSS_SELECTOR, "form.koppelen button"))
        self.assertEqual(b.find_element(By.CSS_SELECTOR, "p.melding.goed").text, "De betaling is aan de factuur gekoppeld.")
        b.find_element(By.LINK_TEXT, "Facturen").click()
        self.assertIn("betaald", b.find_element(By.ID, "factuur-2013-00001").text)
        self.assertIn("deels betaald", b.find_element(By.ID, "factuur-2013-00005").text)

        # A credit note for part of an invoice, the amount written the Dutch way.
        Select(self.field("nummer")).select_by_value("2013-00002")
        self.field("reden").send_keys("Korting na herberekening")
        self.field("bedrag").send_keys("100,00")
        self.submit(b.find_element(By.ID, "crediteer"))
        self.assertEqual(b.find_element(By.ID, "uitgereikt").text, "Creditnota 2013-00014 is uitgereikt.")
        self.assertIn("deels gecrediteerd", b.find_element(By.ID, "factuur-2013-00002").text)
        self.shot("facturen-creditnota")

        # A correction from the invoice's row: a field error first, then the credit note and the
        # corrected invoice; the invoice's page then offers no second correction.
        b.find_element(By.ID, "corrigeer-2013-00003").click()
        self.assertEqual(b.find_element(By.TAG_NAME, "h1").text, "Factuur 2013-00003 corrigeren")
        self.field("bedrag").send_keys("9.155,71")
        self.field("reden").send_keys("Inwonertal <b>herzien</b>")
        self.submit(b.find_element(By.ID, "corrigeer"))
        self.assertIn("'vhh corrigeren' needs --bedrag EUR", b.find_element(By.ID, "fout-corrigeren-bedrag").text)
        self.assertEqual(self.field("reden").get_attribute("value"), "Inwonertal <b>herzien</b>")
        self.shot("factuur-corrigeren-veldfout")
        self.field("bedrag").clear()
        self.field("bedrag").send_keys("9155,71")
        self.submit(b.find_element(By.ID, "corrigeer"))
        self.assertEqual(b.find_element(By.ID, "uitgereikt").text,
                         "Creditnota 2013-00015 en gecorrigeerde factuur 2013-00016 zijn uitgereikt.")
        self.assertIn("corrigeert 2013-00003", b.find_element(By.ID, "factuur-2013-00016").text)
        self.assertIn("gecrediteerd", b.find_element(By.ID, "factuur-2013-00003").text)
        self.shot("facturen-gecorrigeerd")
        self.open("/facturen/corrigeren?nummer=2013-00003")
        self.assertIn("al helemaal gecrediteerd", b.find_element(By.ID, "niet-open").text)
        self.assertEqual(b.find_elements(By.ID, "corrigeer"), [])
        corrected = [f for f in json.loads(self.vhh("facturen", "--format", "json", "--database", self.url).stdout)[
            "facturen"] if f["corrigeert"] == "2013-00003"]
        self.assertEqual([f["bedrag_cents"] for f in corrected], [915571])


if __name__ == "__main__":
    unittest.main()
