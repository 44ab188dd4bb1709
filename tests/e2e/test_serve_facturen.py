"""`vhh serve`'s invoices and payments: the facturen page (the year's invoices with their status), the
factureren and crediteren forms and the CAMT.053 upload with the unmatched payments' koppel form, run
by the code of `vhh factureren`, `vhh crediteren`, `vhh betalingen importeren` and `vhh betalingen
koppelen`: the CLI's messages at the field, nothing issued or booked on an error, every change in the
audit log as the logged-in user; and attacked: roles checked on the server, CSRF on the multipart
upload, the upload's size cap, ids and names that are not what a form sends, HTML shown as text."""
import html
import json
import re
import socket
import unittest
import uuid

import vhhtest
from servetest import Client, ServeTestCase
from test_betalingen import IBAN, camt

BESLUIT = ("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2012/14", "--datum", "2012-11-20")


def multipart(fields, files):
    """A multipart/form-data body: `fields` name → text, `files` name → (filename, bytes)."""
    boundary = "vhh" + uuid.uuid4().hex
    out = []
    for name, value in fields.items():
        out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (boundary, name, value)).encode())
    for name, (filename, data) in files.items():
        out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                    "Content-Type: text/xml\r\n\r\n" % (boundary, name, filename)).encode() + data + b"\r\n")
    out.append(("--%s--\r\n" % boundary).encode())
    return b"".join(out), "multipart/form-data; boundary=" + boundary


def field_text(body, element_id):
    m = re.search(r'id="%s">(.*?)</' % re.escape(element_id), body, re.S)
    return html.unescape(m.group(1)) if m else None


class FacturenTestCase(ServeTestCase):
    def db(self):
        return ("--database", self.url)

    def facturen(self):
        return json.loads(self.vhh("facturen", "--format", "json", *self.db()).stdout)["facturen"]

    def betalingen(self):
        return json.loads(self.vhh("betalingen", "--format", "json", *self.db()).stdout)["betalingen"]

    def log(self):
        return json.loads(self.vhh("log", "--format", "json", *self.db()).stdout)["entries"]

    def upload(self, c, text, filename="afschrift.xml", token=None):
        if token is None:
            token = c.get("/betalingen").csrf()
        body, ctype = multipart({"csrf": token} if token else {}, {"afschrift": (filename, text.encode())})
        return c.request("POST", "/betalingen/importeren", body=body, headers={"Content-Type": ctype})


class Facturen(FacturenTestCase):
    def test_factureren_with_the_clis_messages_at_the_field_then_issued_as_the_user(self):
        anna = self.logged_in("anna")
        page = anna.get("/facturen")
        self.assertEqual(page.status, 200)
        self.assertIn("Over 2013 zijn nog geen facturen uitgereikt.", page.body)
        self.assertIn('action="/facturen/factureren"', page.body)
        token = page.csrf()

        def post(**fields):
            return anna.post("/facturen/factureren", dict({"csrf": token, "jaar": "2013", "soort": "voorschot",
                                                           "termijn": ""}, **fields))
        # The CLI's own message for each mistake, at the field it is about.
        cases = [({"soort": "huur"}, "fout-factureren-soort", ("--jaar", "2013", "--soort", "huur")),
                 ({"soort": "werkplekhuur", "termijn": "Q1"}, "fout-factureren-termijn",
                  ("--jaar", "2013", "--soort", "werkplekhuur", "--termijn", "Q1")),
                 ({"termijn": "Q5"}, "fout-factureren-termijn", ("--jaar", "2013", "--soort", "voorschot", "--termijn", "Q5"))]
        for fields, element, cli in cases:
            r = post(**fields)
            self.assertEqual(r.status, 422, fields)
            cli_message = self.vhh("factureren", *cli, *self.db(), expect=64).stderr.splitlines()[0]
            self.assertEqual("vhh: error: " + field_text(r.body, element), cli_message)
            self.assertIn("Er is niets gefactureerd", r.body)
        # No vastgestelde begroting: the store's refusal, for the whole form.
        r = post(termijn="Q1")
        self.assertEqual(r.status, 422)
        self.assertIn("the store holds no vastgestelde begroting 2013 of zeeland", field_text(r.body, "fout-factureren-algemeen"))
        self.assertEqual(self.facturen(), [])

        self.vhh(*BESLUIT, *self.db())
        r = post(termijn="Q1")
        self.assertEqual((r.status, r.header("Location")), (303, "/facturen?jaar=2013&vastgelegd=factureren&nieuw=13&al=0"))
        page = anna.get(r.header("Location")).body
        self.assertIn("13 facturen uitgereikt; 0 waren al gefactureerd.", page)
        self.assertIn('id="factuur-2013-00001"', page)
        self.assertIn("13 facturen staan open", page)
        issued = self.facturen()
        self.assertEqual({(f["soort"], f["termijn"], f["status"]) for f in issued}, {("voorschot", "Q1", "open")})
        factureren = [e for e in self.log() if e["commando"] == "factureren"]
        self.assertEqual({e["gebruiker"] for e in factureren}, {"anna"})
        self.assertEqual(len(factureren), 13)
        # Billing again issues nothing twice.
        r = post(termijn="Q1")
        self.assertIn("0 facturen uitgereikt; 13 waren al gefactureerd.", anna.get(r.header("Location")).body)
        self.assertEqual(len(self.facturen()), 13)
        # Another year: the list without the form (the config is about 2013).
        other = anna.get("/facturen?jaar=2014").body
        self.assertIn("Over 2014 zijn nog geen facturen uitgereikt.", other)
        self.assertNotIn('action="/facturen/factureren"', other)
        self.assertEqual(post(jaar="2014").status, 422)
        self.assertEqual(anna.get("/facturen?jaar=14").status, 400)

    def test_werkplekhuur_per_termijn_shows_every_problem_of_the_partner_registry_and_prints_none(self):
        # Werkplekhuur per kwartaal reads the partner registry in the shared billing code: its
        # diagnostics come back to the caller. The page shows all of them, the server prints none,
        # and the CLI prints the same lines.
        cfg = self.write_config(vhhtest.zeeland_text())
        with open(self.path("facturatie.yaml"), encoding="utf-8") as f:
            text = f.read()
        with open(self.path("facturatie.yaml"), "w", encoding="utf-8") as f:
            f.write(text.replace("werkplekhuur_btw:", "werkplekhuur_termijnen: kwartaal\nwerkplekhuur_btw:"))
        self.vhh(*BESLUIT, "--config", cfg, *self.db())
        with open(self.path("partners.yaml"), encoding="utf-8") as f:
            partners = f.read()
        self.assertGreaterEqual(partners.count("aantal: 3,"), 2)
        with open(self.path("partners.yaml"), "w", encoding="utf-8") as f:  # two mistakes, after the vaststelling
            f.write(partners.replace("aantal: 3,", "aantal: drie,", 2))
        server = self.serve("--config", cfg)
        anna = self.logged_in("anna", server)
        token = anna.get("/facturen").csrf()
        r = anna.post("/facturen/factureren", {"csrf": token, "jaar": "2013", "soort": "werkplekhuur", "termijn": ""})
        self.assertEqual(r.status, 422)
        shown = field_text(r.body, "fout-factureren-algemeen")
        located = re.findall(r"partners\.yaml:\d+:\d+: error: ", shown)
        self.assertEqual(len(located), 2, shown)
        self.assertTrue(shown.startswith("nothing was billed: "), shown)
        self.assertEqual(self.facturen(), [])
        cli = self.vhh("factureren", "--jaar", "2013", "--soort", "werkplekhuur", "--config", cfg, *self.db(),
                       expect=78)
        for line in shown.splitlines()[1:]:
            self.assertIn(line, cli.stderr)
        _, _, err = server.stop()
        self.assertNotIn("partners.yaml", err)

    def test_crediteren_with_the_clis_messages_at_the_field_then_issued_as_the_user(self):
        self.vhh(*BESLUIT, *self.db())
        self.vhh("factureren", "--jaar", "2013", "--soort", "voorschot", "--termijn", "Q1", *self.db())
        first = self.facturen()[0]
        anna = self.logged_in("anna")
        shown = anna.get("/facturen")
        token = shown.csrf()
        versie = re.search(r'name="versie-%s" value="(\d+)"' % first["nummer"], shown.body).group(1)
        self.assertEqual(versie, "0")

        def post(**fields):
            return anna.post("/facturen/crediteren", dict({"csrf": token, "jaar": "2013", "nummer": first["nummer"],
                                                           "versie-" + first["nummer"]: versie,
                                                           "reden": "dubbel", "bedrag": "", "datum": ""}, **fields))
        cases = [({"reden": " "}, "fout-crediteren-reden", ("--reden", " ")),
                 ({"bedrag": "twaalf"}, "fout-crediteren-bedrag", ("--reden", "x", "--bedrag", "twaalf")),
                 ({"datum": "1-4-2013"}, "fout-crediteren-datum", ("--reden", "x", "--datum", "1-4-2013"))]
        for fields, element, cli in cases:
            r = post(**fields)
            self.assertEqual(r.status, 422, fields)
            cli_message = self.vhh("crediteren", first["nummer"], *cli, *self.db(), expect=64).stderr.splitlines()[0]
            self.assertEqual("vhh: error: " + field_text(r.body, element), cli_message)
            self.assertIn("Er is geen creditnota uitgereikt", r.body)
        too_much = "%d,00" % (first["bedrag_cents"] // 100 + 1)
        r = post(bedrag=too_much)
        self.assertEqual(r.status, 422)
        cli = self.vhh("crediteren", first["nummer"], "--reden", "x", "--bedrag", too_much.replace(",", "."),
                       *self.db(), expect=65).stderr
        self.assertEqual("vhh: error: " + field_text(r.body, "fout-crediteren-bedrag") + "\n", cli)
        r = post(nummer="2099-99999")
        self.assertIn("2099-99999", field_text(r.body, "fout-crediteren-nummer"))
        self.assertEqual(len(self.facturen()), 13)  # nothing was issued

        r = post(bedrag="10,50", datum="2013-04-02", reden="<b>korting</b>")
        self.assertEqual(r.status, 303, r.body)
        self.assertRegex(r.header("Location"), r"^/facturen\?jaar=2013&vastgelegd=crediteren&nummer=2013-00014$")
        page = anna.get(r.header("Location")).body
        self.assertIn("Creditnota 2013-00014 is uitgereikt.", page)
        self.assertIn("crediteert " + first["nummer"], page)
        self.assertIn("deels gecrediteerd", page)
        cn = [f for f in self.facturen() if f["nummer"] == "2013-00014"][0]
        self.assertEqual((cn["bedrag_cents"], cn["crediteert"], cn["datum"]), (-1050, first["nummer"], "2013-04-02"))
        entry = [e for e in self.log() if e["commando"] == "crediteren"]
        self.assertEqual([e["gebruiker"] for e in entry], ["anna"])

        # The same form again (a second click, a reload): a conflict, never a second credit note.
        again = post(bedrag="10,50", datum="2013-04-02", reden="korting")
        self.assertEqual(again.status, 409, again.body)
        self.assertIn("Factuur %s is intussen gecrediteerd met creditnota 2013-00014." % first["nummer"], again.body)
        self.assertIn("Er is geen creditnota uitgereikt", again.body)
        self.assertEqual(len(self.facturen()), 14)
        # The page shown now carries the new version: crediting the rest works.
        shown = anna.get("/facturen").body
        self.assertIn('name="versie-%s" value="1"' % first["nummer"], shown)
        self.assertEqual(post(**{"versie-" + first["nummer"]: "1", "reden": "rest"}).status, 303)
        self.assertEqual(len(self.facturen()), 15)
        # A version the invoice never had, or none: no form of this server sent it.
        for forged in ("7", "", "x"):
            r = post(**{"versie-" + first["nummer"]: forged, "reden": "rest"})
            self.assertEqual(r.status, 400, forged)
        r = anna.post("/facturen/crediteren", {"csrf": token, "jaar": "2013", "nummer": first["nummer"], "reden": "x"})
        self.assertEqual(r.status, 400)
        self.assertEqual(len(self.facturen()), 15)
        self.vhh("db", "verify", *self.db())


class Corrigeren(FacturenTestCase):
    """The correction form (`vhh corrigeren`): from an invoice on /facturen, the CLI's messages at the
    field, then a credit note and a corrected invoice as the logged-in user, never twice."""

    def setUp(self):
        super().setUp()
        self.vhh(*BESLUIT, *self.db())
        self.vhh("factureren", "--jaar", "2013", "--soort", "voorschot", "--termijn", "Q1", *self.db())
        self.first = self.facturen()[0]

    def form(self, c, nummer="2013-00001"):
        page = c.get("/facturen/corrigeren?nummer=" + nummer)
        self.assertEqual(page.status, 200, page.body)
        versie = re.search(r'name="versie" value="(\d+)"', page.body)
        return page, {"csrf": page.csrf(), "nummer": nummer, "versie": versie.group(1) if versie else None,
                      "bedrag": "", "reden": "", "datum": ""}

    def test_corrected_with_the_clis_messages_at_the_field_then_issued_once_as_the_user(self):
        anna = self.logged_in("anna")
        listing = anna.get("/facturen").body
        self.assertIn('id="corrigeer-2013-00001" href="/facturen/corrigeren?nummer=2013-00001"', listing)
        page, form = self.form(anna)
        self.assertIn("Factuur 2013-00001 corrigeren", page.body)
        self.assertIn(self.first["debiteur"], page.body)
        self.assertEqual(form["versie"], "0")

        def post(**fields):
            return anna.post("/facturen/corrigeren", dict(form, **fields))
        gross = "%d.%02d" % divmod(self.first["bedrag_cents"], 100)
        # The CLI's own message for each mistake, at the field it is about; nothing issued.
        cases = [({"reden": " ", "bedrag": "10"}, "fout-corrigeren-reden", ("--reden", " ", "--bedrag", "10")),
                 ({"reden": "x", "bedrag": "twaalf"}, "fout-corrigeren-bedrag", ("--reden", "x", "--bedrag", "twaalf")),
                 ({"reden": "x", "bedrag": ""}, "fout-corrigeren-bedrag", ("--reden", "x")),
                 ({"reden": "x", "bedrag": "-5"}, "fout-corrigeren-bedrag", ("--reden", "x", "--bedrag", "-5")),
                 ({"reden": "x", "bedrag": "10", "datum": "1-4-2013"}, "fout-corrigeren-datum",
                  ("--reden", "x", "--bedrag", "10", "--datum", "1-4-2013"))]
        for fields, element, cli in cases:
            r = post(**fields)
            self.assertEqual(r.status, 422, fields)
            cli_message = self.vhh("corrigeren", "2013-00001", *cli, *self.db(), expect=64).stderr.splitlines()[0]
            self.assertEqual("vhh: error: " + field_text(r.body, element), cli_message)
            self.assertIn("Er is niets gecorrigeerd", r.body)
        # Every mistake at once: each at its field, what was typed kept.
        r = post(reden="", bedrag="nul", datum="morgen")
        self.assertEqual(r.status, 422)
        for veld in ("reden", "bedrag", "datum"):
            self.assertTrue(field_text(r.body, "fout-corrigeren-" + veld), veld)
        self.assertIn('value="nul"', r.body)
        self.assertIn('value="morgen"', r.body)
        # The amount it bills already: the store's refusal, the CLI's words, at the amount.
        r = post(reden="x", bedrag=gross.replace(".", ","))
        self.assertEqual(r.status, 422)
        cli = self.vhh("corrigeren", "2013-00001", "--reden", "x", "--bedrag", gross, *self.db(), expect=65).stderr
        self.assertEqual("vhh: error: " + field_text(r.body, "fout-corrigeren-bedrag") + "\n", cli)
        self.assertEqual(len(self.facturen()), 13)

        r = post(bedrag="1234,56", reden="inwonertal <b>herzien</b>", datum="2013-04-02")
        self.assertEqual((r.status, r.header("Location")),
                         (303, "/facturen?jaar=2013&vastgelegd=corrigeren&nummer=2013-00014&nieuw=2013-00015"))
        listing = anna.get(r.header("Location")).body
        self.assertIn("Creditnota 2013-00014 en gecorrigeerde factuur 2013-00015 zijn uitgereikt.", listing)
        self.assertIn("corrigeert 2013-00001", listing)
        self.assertNotIn('id="corrigeer-2013-00001"', listing)  # credited in full: nothing left to correct
        by_nummer = {f["nummer"]: f for f in self.facturen()}
        self.assertEqual(len(by_nummer), 15)
        cn, fixed = by_nummer["2013-00014"], by_nummer["2013-00015"]
        self.assertEqual((cn["crediteert"], cn["bedrag_cents"], cn["datum"]),
                         ("2013-00001", -self.first["bedrag_cents"], "2013-04-02"))
        self.assertEqual((fixed["corrigeert"], fixed["typecode"], fixed["bedrag_cents"]), ("2013-00001", "384", 123456))
        self.assertEqual(by_nummer["2013-00001"]["status"], "gecrediteerd")
        entries = [e for e in self.log() if e["commando"] == "corrigeren"]
        self.assertEqual([e["gebruiker"] for e in entries], ["anna", "anna"])

        # The same form again (a second click, a reload): a conflict, never a second correction.
        again = post(bedrag="1234,56", reden="inwonertal herzien", datum="2013-04-02")
        self.assertEqual(again.status, 409)
        self.assertIn("Factuur 2013-00001 is intussen gecorrigeerd door factuur 2013-00015.", again.body)
        self.assertEqual(len(self.facturen()), 15)
        page = anna.get("/facturen/corrigeren?nummer=2013-00001").body
        self.assertIn("al helemaal gecrediteerd", page)
        self.assertNotIn('action="/facturen/corrigeren"', page)
        # The corrected invoice can be corrected in its turn; a credit note cannot.
        self.assertEqual(self.form(anna, "2013-00015")[1]["versie"], "0")
        self.assertEqual(anna.get("/facturen/corrigeren?nummer=2013-00014").status, 404)
        self.vhh("db", "verify", *self.db())

    def test_a_credit_note_issued_meanwhile_is_a_conflict(self):
        anna = self.logged_in("anna")
        _, form = self.form(anna)
        self.vhh("crediteren", "2013-00001", "--reden", "korting", "--bedrag", "10", *self.db())
        r = anna.post("/facturen/corrigeren", dict(form, bedrag="500", reden="x"))
        self.assertEqual(r.status, 409)
        self.assertIn("gecrediteerd met creditnota 2013-00014", r.body)
        self.assertEqual(len(self.facturen()), 14)
        # The form shown now knows the credit note: the correction credits what is still open.
        _, form = self.form(anna)
        self.assertEqual(form["versie"], "1")
        r = anna.post("/facturen/corrigeren", dict(form, bedrag="500", reden="x"))
        self.assertEqual(r.status, 303, r.body)
        cn = {f["nummer"]: f for f in self.facturen()}["2013-00015"]
        self.assertEqual(cn["bedrag_cents"], -(self.first["bedrag_cents"] - 1000))

    def test_hostile_requests(self):
        server = self.serve()
        anna = self.logged_in("anna", server)
        _, form = self.form(anna)
        # No token, a wrong one: refused before anything is read.
        for token in (None, "", "0" * 64):
            fields = dict(form, bedrag="500", reden="x")
            if token is None:
                del fields["csrf"]
            else:
                fields["csrf"] = token
            self.assertEqual(anna.post("/facturen/corrigeren", fields).status, 403, token)
        # Ids no form sends, invoices that are not there or not to be corrected.
        for fields, status in (({"nummer": "1 OR 1=1"}, 400), ({"nummer": ""}, 400), ({"versie": "x"}, 400),
                               ({"versie": ""}, 400), ({"versie": "7"}, 400), ({"nummer": "2013-99999"}, 404),
                               ({"nummer": "2099-00001"}, 404)):
            r = anna.post("/facturen/corrigeren", dict(form, bedrag="500", reden="x", **fields))
            self.assertEqual(r.status, status, fields)
        r = anna.post("/facturen/corrigeren", dict(form, bedrag="500", reden="x", nummer="2013-99999"))
        cli = self.vhh("corrigeren", "2013-99999", "--bedrag", "500", "--reden", "x", *self.db(), expect=65).stderr
        shown = html.unescape(re.search(r'<p class="melding">(.*?)</p>', r.body).group(1))
        self.assertEqual("vhh: error: " + shown + "\n", cli)
        for q in ("", "?nummer=", "?nummer=<b>x</b>", "?nummer=2013-99999"):
            self.assertIn(anna.get("/facturen/corrigeren" + q).status, (400, 404), q)
        self.assertNotIn("<b>x</b>", anna.get("/facturen/corrigeren?nummer=<b>x</b>").body)
        # HTML in every input is shown as text.
        r = anna.post("/facturen/corrigeren", dict(form, bedrag="<b>1</b>", reden="<script>x</script>",
                                                   datum="<i>morgen</i>"))
        self.assertEqual(r.status, 422)
        self.assertNotIn("<script>x", r.body)
        self.assertNotIn("<b>1</b>", r.body)
        self.assertNotIn("<i>morgen", r.body)
        self.assertIn("&lt;i&gt;morgen&lt;/i&gt;", r.body)
        # Other roles and no login: refused on the server.
        for naam in ("bert", "rita"):
            c = self.logged_in(naam, server)
            self.assertEqual(c.get("/facturen/corrigeren?nummer=2013-00001").status, 403, naam)
            token = c.get("/portaal/").csrf()
            r = c.post("/facturen/corrigeren", dict(form, csrf=token, bedrag="500", reden="x"))
            self.assertEqual(r.status, 403, naam)
        self.assertNotIn('id="corrigeer-', self.logged_in("bert", server).get("/facturen").body)
        anonymous = Client(server)
        self.assertEqual(anonymous.get("/facturen/corrigeren?nummer=2013-00001").header("Location"), "/login")
        self.assertEqual(anonymous.post("/facturen/corrigeren", dict(form, bedrag="500", reden="x")).status, 401)
        self.assertEqual(len(self.facturen()), 13)
        self.assertEqual([e for e in self.log() if e["commando"] == "corrigeren"], [])


class Betalingen(FacturenTestCase):
    def setUp(self):
        super().setUp()
        self.vhh(*BESLUIT, *self.db())
        self.vhh("factureren", "--jaar", "2013", "--soort", "voorschot", "--termijn", "Q1", *self.db())
        self.inv = {f["nummer"]: f for f in self.facturen()}

    def statement(self, **extra):
        return camt("001.08", [
            {"cents": self.inv["2013-00001"]["bedrag_cents"], "kenmerk": self.inv["2013-00001"]["betalingskenmerk"]},
            {"cents": 4200, "text": "bijdrage &lt;script&gt;x&lt;/script&gt;", "name": "Onbekend &amp; Co"},
        ], **extra)

    def test_a_refused_statement_books_nothing_and_shows_the_clis_messages(self):
        anna = self.logged_in("anna")
        for n, text in enumerate([self.statement(iban="NL91ABNA0417164300"),
                                  self.statement().replace("</Stmt>", ""), "geen xml"]):
            r = self.upload(anna, text)
            self.assertEqual(r.status, 422, n)
            shown = field_text(r.body, "fout-afschrift")
            self.assertTrue(shown.endswith("Er is niets geboekt."), shown)
            cli = self.vhh("betalingen", "importeren", self.written("afschrift.xml", text), *self.db(), expect=65).stderr
            self.assertEqual(shown.replace("Er is niets geboekt.", ""),
                             cli.replace(self.path("afschrift.xml"), "afschrift.xml").replace("vhh: nothing was booked\n", ""))
            self.assertRegex(shown, r"^afschrift\.xml:\d+:\d+: error: ")
        self.assertEqual(self.betalingen(), [])
        r = anna.request("POST", "/betalingen/importeren", body=multipart({"csrf": anna.get("/betalingen").csrf()}, {})[0],
                         headers={"Content-Type": multipart({}, {})[1]})
        self.assertEqual(r.status, 403)  # the boundary does not fit: no fields, so no token
        self.assertEqual(self.betalingen(), [])

    def test_a_statement_is_booked_and_an_unmatched_payment_linked_by_hand(self):
        anna = self.logged_in("anna")
        r = self.upload(anna, self.statement(), filename="../../etc/maart <b>.xml")
        self.assertEqual(r.status, 200, r.body)
        self.assertIn("Afschrift STMT-2013-03-31: 2 geboekt (1 gekoppeld, 1 niet gekoppeld), 0 al eerder geboekt.", r.body)
        self.assertIn("Niet gekoppelde betalingen (1)", r.body)
        self.assertIn("<td>31 maart 2013</td>", r.body)  # the boekdatum as a controller writes it
        self.assertIn("bijdrage &lt;script&gt;x&lt;/script&gt;", r.body)
        self.assertIn("Onbekend &amp; Co", r.body)
        self.assertNotIn("<script>", r.body)
        booked = self.betalingen()
        self.assertEqual([(b["factuur"], b["koppeling"]) for b in booked],
                         [("2013-00001", "betalingskenmerk"), (None, "niet gekoppeld")])
        imports = [e for e in self.log() if e["commando"].startswith("betalingen")]
        self.assertEqual([e["gebruiker"] for e in imports], ["anna"])
        # Uploading it again books nothing twice.
        r = self.upload(anna, self.statement())
        self.assertIn("0 geboekt (0 gekoppeld, 0 niet gekoppeld), 2 al eerder geboekt.", r.body)
        self.assertEqual(len(self.betalingen()), 2)

        unmatched = booked[1]["id"]
        page = anna.get("/betalingen")
        self.assertIn('id="koppel-%d"' % unmatched, page.body)
        self.assertNotIn('value="2013-00001"', page.body)  # paid: not offered
        token = page.csrf()
        r = anna.post("/betalingen/koppelen", {"csrf": token, "transactie": str(unmatched), "factuur": ""})
        self.assertEqual(r.status, 422)
        self.assertEqual(field_text(r.body, "fout-koppelen-%d" % unmatched), "Kies de factuur die deze betaling betaalt.")
        r = anna.post("/betalingen/koppelen", {"csrf": token, "transactie": str(unmatched), "factuur": "2013-09999"})
        self.assertEqual(r.status, 422)
        cli = self.vhh("betalingen", "koppelen", str(unmatched), "2013-09999", *self.db(), expect=65).stderr
        self.assertEqual("vhh: error: " + field_text(r.body, "fout-koppelen-%d" % unmatched) + "\n", cli)
        r = anna.post("/betalingen/koppelen", {"csrf": token, "transactie": str(unmatched), "factuur": "2013-00005"})
        self.assertEqual((r.status, r.header("Location")), (303, "/betalingen?vastgelegd=koppeling"))
        page = anna.get(r.header("Location")).body
        self.assertIn("De betaling is aan de factuur gekoppeld.", page)
        self.assertIn("Alle geboekte betalingen zijn gekoppeld.", page)
        self.assertEqual((self.betalingen()[1]["factuur"], self.betalingen()[1]["koppeling"]), ("2013-00005", "handmatig"))
        linked = [e for e in self.log() if e["commando"] == "betalingen koppelen"]
        self.assertEqual([e["gebruiker"] for e in linked], ["anna"])
        # Linked already: a second controller's form gets the CLI's refusal.
        r = anna.post("/betalingen/koppelen", {"csrf": token, "transactie": str(unmatched), "factuur": "2013-00006"})
        self.assertEqual(r.status, 422)
        self.assertIn("pays invoice 2013-00005 already (handmatig)", r.body)
        statuses = {f["nummer"]: f["status"] for f in self.facturen()}
        self.assertEqual((statuses["2013-00001"], statuses["2013-00005"]), ("betaald", "deels betaald"))
        page = anna.get("/facturen").body
        self.assertRegex(page, r'(?s)id="factuur-2013-00001">.*?status goed">betaald<')
        self.vhh("db", "verify", *self.db())


class Dashboard(FacturenTestCase):
    def test_the_year_is_the_boekjaar_with_its_cycle_invoices_and_payments(self):
        self.vhh(*BESLUIT, *self.db())
        anna = self.logged_in("anna")
        page = anna.get("/?jaar=2013").body
        self.assertIn("Het jaar op dit dashboard is het <strong>boekjaar</strong> 2013", page)
        # The cycle of 2013: its ontwerpbegroting in 2012, its jaarrekening in 2014; not begroting 2014's.
        kalender = page[page.index('<section id="kalender">'):]
        kalender = kalender[:kalender.index("</section>")]
        rows = [re.sub(r"<[^>]+>", "|", r) for r in re.findall(r"(?s)<tr>\s*<td>.*?</tr>", kalender)]
        self.assertTrue(any("2012" in r and "ontwerpbegroting 2013" in r for r in rows), rows)
        self.assertTrue(any("2014" in r and "|jaarrekening 2013|" in r for r in rows), rows)
        self.assertFalse(any("begroting 2014" in r or "jaarrekening 2012" in r for r in rows), rows)
        self.assertEqual((field_text(page, "facturen-open"), field_text(page, "betalingen-ongekoppeld")), ("0", "0"))
        self.vhh("factureren", "--jaar", "2013", "--soort", "voorschot", "--termijn", "Q1", *self.db())
        first = self.facturen()[0]
        self.vhh("betalingen", "importeren", self.written("a.xml", camt("001.08", [
            {"cents": first["bedrag_cents"], "kenmerk": first["betalingskenmerk"]}, {"cents": 4200, "text": "?"},
            {"cents": 1500, "debit": True, "text": "bankkosten"}])), *self.db())
        page = anna.get("/").body
        self.assertEqual((field_text(page, "facturen-open"), field_text(page, "betalingen-ongekoppeld")), ("12", "1"))
        self.assertIn('href="/facturen?jaar=2013"', page)
        self.assertEqual(field_text(anna.get("/?jaar=2014").body, "facturen-open"), "0")


class Aanvallen(FacturenTestCase):
    PAGES = [("GET", "/facturen"), ("GET", "/betalingen"), ("POST", "/facturen/factureren"),
             ("GET", "/facturen/corrigeren?nummer=2013-00001"), ("POST", "/facturen/corrigeren"),
             ("POST", "/facturen/crediteren"), ("POST", "/betalingen/koppelen"), ("POST", "/betalingen/importeren")]

    def test_roles_are_checked_on_the_server(self):
        self.vhh(*BESLUIT, *self.db())
        server = self.serve()
        anonymous = Client(server)
        for method, path in self.PAGES:
            r = anonymous.request(method, path, fields={"csrf": "0" * 64} if method == "POST" else None)
            self.assertEqual(r.status, 303 if method == "GET" else 401, path)
        rita = self.logged_in("rita", server)
        token = rita.get("/portaal/").csrf()
        for method, path in self.PAGES:
            r = rita.request(method, path, fields={"csrf": token, "soort": "voorschot", "jaar": "2013"}
                             if method == "POST" else None)
            self.assertEqual(r.status, 403, path)
            self.assertNotIn("Borsele", r.body)
        self.assertEqual(self.upload(rita, self.statement_text(), token=token).status, 403)
        bert = self.logged_in("bert", server)
        for path in ("/facturen", "/betalingen"):
            page = bert.get(path)
            self.assertEqual(page.status, 200)
            self.assertNotIn("<form method=\"post\" action=\"/facturen", page.body)
            self.assertNotIn("/betalingen/importeren", page.body)
        r = bert.post("/facturen/factureren", {"csrf": page.csrf(), "jaar": "2013", "soort": "voorschot"})
        self.assertEqual(r.status, 403)
        self.assertEqual(self.upload(bert, self.statement_text(), token=page.csrf()).status, 403)
        self.assertEqual(self.facturen(), [])
        self.assertEqual(self.betalingen(), [])

    def statement_text(self):
        return camt("001.08", [{"cents": 4200, "text": "bijdrage"}])

    def raw_post(self, c, path, body, ctype, chunked):
        """POSTs `body` over a plain socket, as far as the server reads it; returns what it answered."""
        s = socket.create_connection(("127.0.0.1", c.server.port), timeout=60)
        try:
            head = "POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: %s\r\nCookie: %s\r\n%s\r\n" % (
                path, ctype, "; ".join("%s=%s" % kv for kv in c.cookies.items()),
                "Transfer-Encoding: chunked\r\n" if chunked else "Content-Length: %d\r\n" % len(body))
            s.sendall(head.encode())
            try:
                for k in range(0, len(body), 65536):
                    part = body[k:k + 65536]
                    s.sendall(b"%x\r\n%s\r\n" % (len(part), part) if chunked else part)
                if chunked:
                    s.sendall(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server answered and closed before the body was all sent
            answer = b""
            try:
                while not answer.endswith(b"</html>\n"):
                    data = s.recv(65536)
                    if not data:
                        break
                    answer += data
            except ConnectionResetError:
                pass
            return answer
        finally:
            s.close()

    def test_the_upload_needs_its_token_and_its_size_cap_holds(self):
        anna = self.logged_in("anna")
        good = anna.get("/betalingen").csrf()
        for token in ("", "0" * 64, good[:-1] + ("0" if good[-1] != "0" else "1")):
            r = self.upload(anna, self.statement_text(), token=token)
            self.assertEqual(r.status, 403, token)
        # The token as a urlencoded field does not make a multipart upload.
        r = anna.post("/betalingen/importeren", {"csrf": good, "afschrift": self.statement_text()})
        self.assertEqual(r.status, 403)
        # Larger than 8 MiB: refused by its length before it is read, and when it has no length, as
        # soon as the body read passes the cap (the client may not get to send it all).
        big = self.statement_text().replace("<Ustrd>bijdrage</Ustrd>", "<Ustrd>%s</Ustrd>" % ("x" * (9 << 20)))
        body, ctype = multipart({"csrf": good}, {"afschrift": ("groot.xml", big.encode())})
        for chunked in (False, True):
            answer = self.raw_post(anna, "/betalingen/importeren", body, ctype, chunked)
            self.assertTrue(answer.startswith(b"HTTP/1.1 413"), answer[:200])
            self.assertIn("groter dan 8 MiB".encode(), answer)
        self.assertEqual(self.betalingen(), [])
        r = self.upload(anna, self.statement_text(), token=good)
        self.assertEqual(r.status, 200)
        self.assertEqual(len(self.betalingen()), 1)

    def test_ids_and_paths_a_form_does_not_send(self):
        anna = self.logged_in("anna")
        token = anna.get("/betalingen").csrf()
        for bad in ("", "1 OR 1=1", "-1", "1e3", "../1", "9" * 40):
            r = anna.post("/betalingen/koppelen", {"csrf": token, "transactie": bad, "factuur": "2013-00001"})
            self.assertEqual(r.status, 400, bad)
        r = anna.post("/betalingen/koppelen", {"csrf": token, "transactie": "12345", "factuur": "2013-00001"})
        self.assertEqual(r.status, 422)
        self.assertIn("the store holds no transaction 12345 of zeeland", r.body)
        for path in ("/facturen/", "/facturen/../betalingen", "/betalingen/importeren/../koppelen", "/facturen%2F..",
                     "/betalingen/koppelen/1"):
            self.assertEqual(anna.get(path).status, 404, path)
        self.assertEqual(anna.request("GET", "/betalingen/importeren").status, 405)
        # A message parameter that is not a number is not shown.
        page = anna.get("/facturen?vastgelegd=crediteren&nummer=<b>gehackt</b>").body
        self.assertNotIn("gehackt", page)
        page = anna.get("/facturen?vastgelegd=factureren&nieuw=9x&al=0").body
        self.assertNotIn("waren al gefactureerd", page)


if __name__ == "__main__":
    unittest.main()
