"""`vhh serve` attacked with plain HTTP (http.client): access by role checked on the server, CSRF
on every POST, no session fixation, the login rate limit shared through the store, user input shown
as text, the security headers, the body limit, the listen address; and the zienswijze form with the
rules and messages of `vhh zienswijze`, recorded in the audit log as the logged-in user. The same
tests run on SQLite (e2e.serve) and on PostgreSQL (e2e.store.postgresql)."""
import hashlib
import html
import json
import os
import re
import signal
import subprocess
import unittest

import vhhtest
from servetest import PASSWORD, Client, Server, ServeTestCase

CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
# A moment as the pages show it, after `prefix`.
DUTCH_TIME = (r"%s[1-3]?[0-9] (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
              r"december) 20[0-9]{2} [0-2][0-9]:[0-5][0-9]")
CONTROLLER_PAGES = [("GET", "/"), ("GET", "/?jaar=2014"), ("POST", "/zienswijze"), ("POST", "/zienswijze/reactie")]


class Access(ServeTestCase):
    def test_anonymous_is_sent_to_login_and_its_posts_are_refused(self):
        c = Client(self.serve())
        for path in ("/", "/?jaar=2013", "/portaal/", "/portaal/gemeente/GM0654"):
            r = c.get(path)
            self.assertEqual((r.status, r.header("Location")), (303, "/login"), path)
        for path in ("/zienswijze", "/logout"):
            r = c.post(path, {"csrf": "0" * 64})
            self.assertEqual(r.status, 401, path)
            self.assertIn("Niet ingelogd", r.body)

    def test_every_controller_page_is_403_for_a_raad_user(self):
        c = self.logged_in("rita")
        token = c.get("/portaal/").csrf()
        for method, path in CONTROLLER_PAGES:
            r = c.request(method, path, fields={"csrf": token} if method == "POST" else None)
            self.assertEqual(r.status, 403, (method, path))
            self.assertIn("Geen toegang", r.body)
            self.assertNotIn("Kalender", r.body)

    def test_a_raad_user_sees_only_its_own_gemeente_whatever_the_url(self):
        c = self.logged_in("rita")
        own = c.get("/portaal/")
        self.assertEqual(own.status, 200)
        self.assertIn("Gemeente Borsele", own.body)
        self.assertEqual(c.get("/portaal/gemeente/GM0654").status, 200)
        for code in ("GM0664", "GM0687", "gm0654", "GM9999", "GM0654/../GM0664", "GM0654%2F..%2FGM0664"):
            r = c.get("/portaal/gemeente/" + code)
            self.assertEqual(r.status, 403, code)
            self.assertNotIn("Goes", r.body)
            self.assertNotIn("Middelburg", r.body)

    def test_bestuur_reads_the_dashboard_without_the_form_and_cannot_post_it(self):
        c = self.logged_in("bert")
        r = c.get("/")
        self.assertEqual(r.status, 200)
        self.assertIn("Kalender 2013", r.body)
        self.assertNotIn('action="/zienswijze"', r.body)
        r = c.post("/zienswijze", {"csrf": r.csrf(), "jaar": "2013", "gemeente": "GM0654",
                                   "ontvangen": "2013-06-20", "samenvatting": "bestuur"})
        self.assertEqual(r.status, 403)
        self.assertEqual(c.get("/portaal/gemeente/GM0664").status, 200)  # bestuur reads every gemeente

    def test_unknown_pages_and_methods_have_dutch_error_pages(self):
        c = self.logged_in("anna")
        r = c.get("/bestaat-niet")
        self.assertEqual(r.status, 404)
        self.assertIn("Niet gevonden", r.body)
        r = c.request("PUT", "/")
        self.assertEqual((r.status, r.header("Allow")), (405, "GET"))
        self.assertIn("Methode niet toegestaan", r.body)
        r = c.request("DELETE", "/login")
        self.assertEqual((r.status, r.header("Allow")), (405, "GET, POST"))
        self.assertEqual(c.get("/?jaar=20x3").status, 400)


class Csrf(ServeTestCase):
    def test_a_post_without_or_with_a_wrong_token_changes_nothing(self):
        c = self.logged_in("anna")
        token = c.get("/").csrf()
        fields = {"jaar": "2013", "gemeente": "GM0654", "ontvangen": "2013-06-20", "samenvatting": "ok"}
        for bad in ({}, {"csrf": ""}, {"csrf": "0" * 64}, {"csrf": token[:-1] + ("0" if token[-1] != "0" else "1")},
                    {"csrf": token + "00"}):
            r = c.post("/zienswijze", dict(fields, **bad))
            self.assertEqual(r.status, 403, bad)
        r = c.post("/logout", {"csrf": "0" * 64})
        self.assertEqual(r.status, 403)
        self.assertEqual(c.get("/").status, 200)  # still logged in
        lijst = self.vhh("zienswijze", "lijst", "--jaar", "2013", "--format", "json", "--database", self.url).stdout
        self.assertEqual(json.loads(lijst)["zienswijzen"], [])
        # With the token it is recorded.
        self.assertEqual(c.post("/zienswijze", dict(fields, csrf=token)).status, 303)

    def test_the_login_form_needs_its_token(self):
        server = self.serve()
        c = Client(server)
        r = c.post("/login", {"gebruiker": "anna", "wachtwoord": PASSWORD})
        self.assertEqual(r.status, 403)
        token = c.get("/login").csrf()
        other = Client(server)  # another browser's token does not fit this one's cookie
        other.get("/login")
        r = other.post("/login", {"gebruiker": "anna", "wachtwoord": PASSWORD, "csrf": token})
        self.assertEqual(r.status, 403)
        self.assertNotIn("vhh_sessie", other.cookies)


class Sessions(ServeTestCase):
    def test_a_cookie_set_before_login_is_not_accepted_after_it(self):
        server = self.serve()
        # An attacker plants a session id; and another user's real session id.
        planted = "ab" * 32
        c = Client(server)
        c.cookies["vhh_sessie"] = planted
        self.assertEqual(c.login("anna").status, 303)
        self.assertNotEqual(c.cookies["vhh_sessie"], planted)
        victim = Client(server)
        victim.cookies["vhh_sessie"] = planted
        self.assertEqual(victim.get("/").status, 303)

        bert = self.logged_in("bert", server)
        old = bert.cookies["vhh_sessie"]
        self.assertEqual(bert.login("anna").status, 303)  # a new login replaces the session
        self.assertNotEqual(bert.cookies["vhh_sessie"], old)
        replay = Client(server)
        replay.cookies["vhh_sessie"] = old
        self.assertEqual(replay.get("/").status, 303)

    def test_the_store_keeps_only_the_hash_of_a_session_id_and_logout_ends_it(self):
        c = self.logged_in("anna")
        sid = c.cookies["vhh_sessie"]
        self.assertRegex(sid, r"^[0-9a-f]{64}$")  # 256 bits
        stored = self.sql(self.url, "SELECT id_hash FROM sessies")
        self.assertNotIn(sid, stored)
        self.assertIn(hashlib.sha256(sid.encode()).hexdigest(), stored)
        r = c.post("/logout", {"csrf": c.get("/").csrf()})
        self.assertEqual((r.status, r.header("Location")), (303, "/login"))
        replay = Client(self.servers[0])
        replay.cookies["vhh_sessie"] = sid
        self.assertEqual(replay.get("/").status, 303)
        self.assertNotIn(hashlib.sha256(sid.encode()).hexdigest(), self.sql(self.url, "SELECT id_hash FROM sessies"))

    def test_a_session_of_one_server_works_on_another_on_the_same_store(self):
        one, two = self.serve(), self.serve()
        c = self.logged_in("anna", one)
        other = Client(two)
        other.cookies = dict(c.cookies)
        r = other.get("/")
        self.assertEqual(r.status, 200)
        self.assertIn("Ingelogd als anna", r.body)
        # A form shown by one server is accepted by the other (one CSRF token per session).
        r = other.post("/zienswijze", {"csrf": c.get("/").csrf(), "jaar": "2013", "gemeente": "GM0664",
                                       "ontvangen": "2013-06-21", "samenvatting": "via twee"})
        self.assertEqual(r.status, 303, r.body)
        self.assertIn("via twee", c.get("/").body)


class RateLimit(ServeTestCase):
    def test_ten_wrong_passwords_lock_the_account_for_both_servers(self):
        one, two = self.serve(), self.serve()
        c = Client(one)
        statuses = [c.login("anna", "fout wachtwoord %d" % i).status for i in range(10)]
        self.assertEqual(statuses[:5], [401] * 5, statuses)
        self.assertEqual(statuses[5:], [429] * 5, statuses)
        # The right password is refused now, by this server and by the other on the same store.
        for server in (one, two):
            r = Client(server).login("anna")
            self.assertEqual(r.status, 429, r.body)
            self.assertIn("Te veel mislukte inlogpogingen", r.body)
            self.assertGreater(int(r.header("Retry-After")), 0)
        # Another account from the same address still logs in.
        self.assertEqual(Client(one).login("bert").status, 303)

    def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(self):
        c = Client(self.serve())
        a, b = c.login("anna", "fout wachtwoord"), c.login("niemand", "fout wachtwoord")
        self.assertEqual((a.status, b.status), (401, 401))
        self.assertIn("Onbekende gebruiker of onjuist wachtwoord", a.body)
        self.assertEqual(a.body.replace("anna", "X").replace(a.csrf(), ""),
                         b.body.replace("niemand", "X").replace(b.csrf(), ""))


class ZienswijzeForm(ServeTestCase):
    def post(self, c, **fields):
        base = {"csrf": c.get("/").csrf(), "jaar": "2013", "gemeente": "GM0654", "ontvangen": "2013-06-20",
                "samenvatting": "Borsele vraagt om een lagere bijdrage."}
        base.update(fields)
        return c.post("/zienswijze", base)

    def test_field_problems_are_shown_at_the_field_with_the_clis_messages(self):
        c = self.logged_in("anna")
        r = self.post(c, ontvangen="2013-13-45", samenvatting="  ")
        self.assertEqual(r.status, 422)
        cli = self.vhh("zienswijze", "--jaar", "2013", "--gemeente", "GM0654", "--ontvangen", "2013-13-45",
                       "--samenvatting", "x", "--database", self.url, expect=64)
        message = "--ontvangen &apos;2013-13-45&apos; is not a date YYYY-MM-DD"
        self.assertIn("--ontvangen '2013-13-45' is not a date YYYY-MM-DD", cli.stderr)
        self.assertRegex(r.body, 'id="fout-ontvangen">' + re.escape(message))
        self.assertRegex(r.body, 'id="fout-samenvatting">--samenvatting is empty: summarise the zienswijze')
        self.assertIn('value="2013-13-45"', r.body)  # what was typed stays in the form
        r = self.post(c, gemeente="GM0000")
        self.assertEqual(r.status, 422)
        self.assertIn('id="fout-gemeente">--gemeente GM0000 is not a gemeente of zeeland in 2013', r.body)
        self.assertEqual(self.post(c).status, 303)
        r = self.post(c)  # a second of the same gemeente: the store refuses, as for the CLI
        self.assertEqual(r.status, 422)
        self.assertIn('id="fout-algemeen"', r.body)

    def test_html_in_a_samenvatting_is_shown_as_text_and_the_change_is_logged_as_the_user(self):
        c = self.logged_in("anna")
        evil = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"'
        r = self.post(c, samenvatting=evil)
        self.assertEqual((r.status, r.header("Location")), (303, "/?jaar=2013&vastgelegd=zienswijze#zienswijzen"))
        page = c.get("/?jaar=2013&vastgelegd=zienswijze").body
        self.assertIn("De zienswijze is vastgelegd.", page)
        self.assertNotIn("<script>", page)
        self.assertNotIn("<img", page)
        self.assertIn("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; "
                      "&amp; &quot;quotes&quot;", page)
        self.assertIn("nog geen reactie", page)
        # A field error echoes the input escaped too.
        r = self.post(c, gemeente="", samenvatting=evil)
        self.assertEqual(r.status, 422)
        self.assertNotIn("<script>", r.body)
        entries = json.loads(self.vhh("log", "--format", "json", "--database", self.url).stdout)["entries"]
        self.assertEqual((entries[-1]["gebruiker"], entries[-1]["commando"]), ("anna", "zienswijze"))
        self.assertIn("zeeland 2013 ontwerpbegroting GM0654 ontvangen 2013-06-20", entries[-1]["wijziging"])
        self.vhh("db", "verify", "--database", self.url)
        lijst = json.loads(self.vhh("zienswijze", "lijst", "--jaar", "2013", "--format", "json",
                                    "--database", self.url).stdout)["zienswijzen"]
        self.assertEqual([z["samenvatting"] for z in lijst], [evil])


class Publicaties(ServeTestCase):
    """The controller's documents (rendered as `vhh run` renders them) published to the raad portal."""

    def publish(self, c, *documents):
        token = c.get("/documenten").csrf()
        for d in documents:
            r = c.post("/documenten/publiceren", {"csrf": token, "document": d})
            self.assertEqual(r.status, 303, r.body)

    def test_the_portal_serves_only_published_documents_and_a_raad_user_only_its_own_letters(self):
        anna, rita, bert = self.logged_in("anna"), self.logged_in("rita"), self.logged_in("bert")
        page = anna.get("/documenten")
        self.assertEqual(page.status, 200)
        for d in ("jaarverantwoording-2013", "raadsbrief-2013-borsele", "raadsbrief-2013-goes",
                  "bijdragen-berekening-2013"):
            self.assertIn('id="publiceer-%s"' % d, page.body)
        # The begroting cycle's letter is about 2014: on that year's page.
        self.assertIn('id="publiceer-zienswijzebrief-2014-goes"', anna.get("/documenten?jaar=2014").body)
        pdf = anna.get("/documenten/bestand/raadsbrief-2013-borsele.pdf")
        self.assertEqual((pdf.status, pdf.header("Content-Type")), (200, "application/pdf"))
        self.assertTrue(pdf.raw.startswith(b"%PDF-"))
        # Nothing is in the portal before it is published.
        self.assertIn("Er zijn nog geen documenten gepubliceerd.", rita.get("/portaal/").body)
        self.assertEqual(rita.get("/portaal/bestand/raadsbrief-2013-borsele.pdf").status, 404)

        self.publish(anna, "jaarverantwoording-2013", "raadsbrief-2013-borsele", "raadsbrief-2013-goes",
                     "zienswijzebrief-2014-goes")
        portal = rita.get("/portaal/").body
        self.assertIn("/portaal/document/jaarverantwoording-2013", portal)
        # When, in Dutch and in the time of the Netherlands: "gepubliceerd 6 december 2026 14:05".
        self.assertRegex(portal, DUTCH_TIME % "gepubliceerd ")
        self.assertRegex(anna.get("/documenten").body, DUTCH_TIME % "gepubliceerd " + " door anna")
        self.assertIn("/portaal/bestand/raadsbrief-2013-borsele.pdf", portal)
        self.assertNotIn("goes", portal)
        own = rita.get("/portaal/bestand/raadsbrief-2013-borsele.pdf")
        self.assertEqual((own.status, own.raw), (200, pdf.raw))  # the published bytes
        # Another gemeente's letter, however the URL is written: refused on the server, no bytes.
        for path in ("/portaal/bestand/raadsbrief-2013-goes.pdf", "/portaal/bestand/raadsbrief-2013-goes.html",
                     "/portaal/document/raadsbrief-2013-goes", "/portaal/bestand/zienswijzebrief-2014-goes.pdf",
                     "/portaal/bestand/raadsbrief-2013-borsele.pdf/../raadsbrief-2013-goes.pdf",
                     "/portaal/bestand/raadsbrief-2013-borsele%2F..%2Fraadsbrief-2013-goes.pdf",
                     "/portaal/bestand/../../documenten/bestand/raadsbrief-2013-goes.pdf",
                     "/portaal/bestand/raadsbrief-2013-GOES.pdf", "/portaal/bestand/raadsbrief-2013-hulst.pdf",
                     "/documenten/bestand/raadsbrief-2013-goes.pdf", "/documenten"):
            r = rita.get(path)
            self.assertIn(r.status, (403, 404), path)
            self.assertFalse(r.raw.startswith(b"%PDF"), path)
            self.assertNotIn("Goes", r.body, path)
        # The bestuur reads every published letter; an unpublished one is not in the portal.
        self.assertEqual(bert.get("/portaal/bestand/raadsbrief-2013-goes.pdf").status, 200)
        self.assertEqual(bert.get("/portaal/bestand/raadsbrief-2013-hulst.pdf").status, 404)
        # Only a controller publishes, with the session's token; a document is published once.
        for who in (rita, bert):
            r = who.post("/documenten/publiceren", {"csrf": who.get("/portaal/").csrf(), "document": "regio-2013"})
            self.assertEqual(r.status, 403)
        r = anna.post("/documenten/publiceren", {"document": "regio-2013"})
        self.assertEqual(r.status, 403)
        r = anna.post("/documenten/publiceren", {"csrf": page.csrf(), "document": "raadsbrief-2013-goes"})
        self.assertEqual(r.status, 409)
        self.assertIn("raadsbrief-2013-goes is already published (by anna", r.body)
        self.assertEqual(bert.get("/portaal/bestand/regio-2013.pdf").status, 404)
        # Made again: the published bytes stay what was published.
        self.assertNotIn('action="/documenten/genereren"', bert.get("/documenten").body)
        r = anna.post("/documenten/genereren", {"csrf": page.csrf()})
        self.assertEqual((r.status, r.header("Location")), (303, "/documenten?gemaakt=1"))
        self.assertIn("De documenten zijn opnieuw gemaakt.", anna.get("/documenten?gemaakt=1").body)
        self.assertEqual(rita.get("/portaal/bestand/raadsbrief-2013-borsele.pdf").raw, pdf.raw)
        # The years: the begroting cycle's letter is under 2014.
        listed = bert.get("/portaal/").body
        self.assertLess(listed.index("<h3>2014</h3>"), listed.index("zienswijzebrief-2014-goes"))
        self.assertLess(listed.index("zienswijzebrief-2014-goes"), listed.index("<h3>2013</h3>"))
        entries = json.loads(self.vhh("log", "--format", "json", "--database", self.url).stdout)["entries"]
        published = [e for e in entries if e["commando"] == "publiceren"]
        self.assertEqual([e["gebruiker"] for e in published], ["anna"] * 4)
        self.assertIn("zeeland 2013 raadsbrief-2013-goes voor GM0664 raadsbrief-2013-goes.pdf sha256 ",
                      published[2]["wijziging"])
        self.vhh("db", "verify", "--database", self.url)

    def test_a_published_document_survives_export_and_import(self):
        anna = self.logged_in("anna")
        self.publish(anna, "regio-2013")
        dump = self.vhh("db", "export", "--database", self.url).stdout
        self.assertIn('"publicaties"', dump)
        other = self.new_store()
        path = self.path("export.json")
        with open(path, "w") as f:
            f.write(dump)
        self.vhh("db", "import", path, "--database", other)
        self.assertEqual(self.vhh("db", "export", "--database", other).stdout, dump)


class DocumentenPerJaar(ServeTestCase):
    """/documenten per year: a chooser with every year there are documents or store data for, the
    documents about the year with their published flags, and what was published of an earlier year
    (by another boekjaar's run) as it was published; a raad user reaches none of it by the URL."""

    def test_each_year_its_documents_and_published_flags(self):
        anna = self.logged_in("anna")
        page = anna.get("/documenten")
        self.assertEqual(page.status, 200)
        self.assertIn('<strong aria-current="page">2013</strong>', page.body)
        self.assertIn('href="/documenten?jaar=2014"', page.body)
        self.assertIn('id="publiceer-jaarverantwoording-2013"', page.body)
        self.assertNotIn("zienswijzebrief-2014-goes", page.body)
        y14 = anna.get("/documenten?jaar=2014")
        self.assertIn("<h1>Documenten 2014</h1>", y14.body)
        self.assertIn('href="/documenten?jaar=2013"', y14.body)
        self.assertIn('id="publiceer-zienswijzebrief-2014-goes"', y14.body)
        self.assertNotIn("jaarverantwoording-2013", y14.body)
        r = anna.post("/documenten/publiceren", {"csrf": y14.csrf(), "document": "zienswijzebrief-2014-goes"})
        self.assertEqual((r.status, r.header("Location")),
                         (303, "/documenten?jaar=2014&gepubliceerd=zienswijzebrief-2014-goes"))
        y14 = anna.get(r.header("Location")).body
        self.assertIn("zienswijzebrief-2014-goes is gepubliceerd.", y14)
        self.assertNotIn('id="publiceer-zienswijzebrief-2014-goes"', y14)
        self.assertRegex(y14, DUTCH_TIME % "gepubliceerd " + " door anna")
        self.assertIn('id="publiceer-zienswijzebrief-2014-borsele"', y14)
        self.assertIn('id="publiceer-raadsbrief-2013-goes"', anna.get("/documenten?jaar=2013").body)
        # A year without documents; no year at all.
        empty = anna.get("/documenten?jaar=2020")
        self.assertEqual(empty.status, 200)
        self.assertIn("Over 2020 zijn geen documenten gemaakt of gepubliceerd.", empty.body)
        shown = anna.get("/documenten?jaar=2014&gepubliceerd=%3Cscript%3Ex%3C%2Fscript%3E").body
        self.assertIn("&lt;script&gt;x&lt;/script&gt; is gepubliceerd.", shown)
        self.assertNotIn("<script>", shown)
        for bad in ("14", "abc", "%3Cb%3E2013%3C%2Fb%3E", "2013%20OR%201=1"):
            r = anna.get("/documenten?jaar=" + bad)
            self.assertEqual(r.status, 400, bad)
            self.assertNotIn("<b>2013", r.body)

    def test_an_earlier_years_publications_come_from_the_store_and_the_raad_reads_only_its_own(self):
        anna = self.logged_in("anna")
        token = anna.get("/documenten").csrf()
        for d in ("regio-2013", "raadsbrief-2013-borsele", "raadsbrief-2013-goes"):
            self.assertEqual(anna.post("/documenten/publiceren", {"csrf": token, "document": d}).status, 303)
        letter = anna.get("/documenten/bestand/raadsbrief-2013-borsele.pdf").raw
        # The same publications as a run of boekjaar 2012 would have left them: the store's rows
        # renamed, through an export and an import into a new store.
        dump = json.loads(self.vhh("db", "export", "--database", self.url).stdout)
        for p in dump["tabellen"]["publicaties"]:
            p["jaar"], p["document"] = 2012, p["document"].replace("-2013", "-2012")
        for f in dump["tabellen"]["publicatie_bestanden"]:
            f["bestand"] = f["bestand"].replace("-2013", "-2012")
        self.url = self.new_store()
        self.vhh("db", "import", self.written("export.json", json.dumps(dump)), "--database", self.url)
        server = self.serve()
        anna, rita, bert = (self.logged_in(n, server) for n in ("anna", "rita", "bert"))
        self.assertIn('href="/documenten?jaar=2012"', anna.get("/documenten").body)
        y12 = anna.get("/documenten?jaar=2012").body
        for d in ("regio-2012", "raadsbrief-2012-borsele", "raadsbrief-2012-goes"):
            self.assertIn(">%s<br>" % d, y12)
            self.assertIn('href="/documenten/bestand/%s.pdf"' % d, y12)
        self.assertEqual(y12.count("zoals gepubliceerd"), 3)
        self.assertNotIn('id="publiceer-', y12)
        self.assertNotIn("-2013", y12)
        self.assertIn("<td>alle raden</td>", y12)
        self.assertEqual(anna.get("/documenten/bestand/raadsbrief-2012-borsele.pdf").raw, letter)
        self.assertEqual(bert.get("/documenten/bestand/raadsbrief-2012-goes.pdf").status, 200)
        # 2013 is unpublished in this store: publish flags are per year.
        self.assertIn('id="publiceer-raadsbrief-2013-borsele"', anna.get("/documenten").body)
        # The raad portal shows every year's publications; a raad user its own letters only.
        portal = rita.get("/portaal/").body
        self.assertIn("<h3>2012</h3>", portal)
        self.assertIn("/portaal/bestand/raadsbrief-2012-borsele.pdf", portal)
        self.assertNotIn("goes", portal)
        self.assertEqual(rita.get("/portaal/bestand/raadsbrief-2012-borsele.pdf").raw, letter)
        for path in ("/documenten?jaar=2012", "/documenten?jaar=2013", "/documenten/bestand/raadsbrief-2012-borsele.pdf",
                     "/documenten/bestand/raadsbrief-2013-borsele.pdf", "/portaal/bestand/raadsbrief-2012-goes.pdf",
                     "/portaal/document/raadsbrief-2012-goes", "/portaal/bestand/raadsbrief-2013-borsele.pdf",
                     "/portaal/document/raadsbrief-2013-borsele", "/portaal/bestand/regio-2013.pdf",
                     "/portaal/document/jaarverantwoording-2013", "/portaal/bestand/raadsbrief-2012-goes.html"):
            r = rita.get(path)
            self.assertIn(r.status, (403, 404), path)
            self.assertFalse(r.raw.startswith(b"%PDF"), path)
        self.assertEqual(rita.get("/portaal/document/regio-2012").status, 200)


class Vragen(ServeTestCase):
    """Technische vragen: a raad account asks, a controller answers, the answer is published with the question."""

    def setUp(self):
        super().setUp()
        self.add_user("carl", "--rol", "controller")
        self.add_user("gijs", "--rol", "raad", "--gemeente", "GM0664")
        self.anna = self.logged_in("anna")
        token = self.anna.get("/documenten").csrf()
        for d in ("jaarverantwoording-2013", "raadsbrief-2013-goes"):
            self.assertEqual(self.anna.post("/documenten/publiceren", {"csrf": token, "document": d}).status, 303)

    def ask(self, c, document="jaarverantwoording-2013", **fields):
        token = c.get("/portaal/document/" + document).csrf() or c.get("/portaal/").csrf()
        return c.post("/portaal/vraag", dict({"csrf": token, "document": document, "sectie": "", "vraag": "?"},
                                             **fields))

    def test_a_question_and_its_answer_are_text_audited_and_published_together(self):
        rita, gijs, bert = self.logged_in("rita"), self.logged_in("gijs"), self.logged_in("bert")
        evil = '<script>alert(1)</script> Waarom <b>stijgt</b> de bijdrage & "hoe"?'
        # Field problems at the field, what was typed kept (escaped).
        r = self.ask(rita, vraag="  ", sectie="Verschillen")
        self.assertEqual(r.status, 422)
        self.assertIn('id="fout-vraag">De vraag is leeg.', r.body)
        self.assertIn('value="Verschillen"', r.body)
        r = self.ask(rita, sectie="x" * 201, vraag=evil)
        self.assertEqual(r.status, 422)
        self.assertIn('id="fout-sectie">Het onderdeel is langer dan 200 tekens.', r.body)
        self.assertNotIn("<script>", r.body)
        # Without the token, on another gemeente's letter, or from a controller: refused.
        self.assertEqual(rita.post("/portaal/vraag", {"document": "jaarverantwoording-2013", "vraag": "x"}).status, 403)
        self.assertEqual(self.ask(rita, document="raadsbrief-2013-goes", vraag="x").status, 404)
        self.assertEqual(self.ask(self.anna, vraag="x").status, 403)
        r = self.ask(rita, sectie="Verschillen <i>boven</i> de drempel", vraag=evil)
        self.assertEqual((r.status, r.header("Location")),
                         (303, "/portaal/document/jaarverantwoording-2013?vastgelegd=vraag#vragen"))
        page = rita.get("/portaal/document/jaarverantwoording-2013").body
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt; Waarom &lt;b&gt;stijgt&lt;/b&gt; de bijdrage &amp; "
                      "&quot;hoe&quot;?", page)
        self.assertNotIn("<script>", page)
        self.assertNotIn("<i>", page)
        self.assertIn("nog niet beantwoord", page)
        self.assertRegex(page, DUTCH_TIME % "GM0654 · ")
        # Another gemeente does not see an open question; the bestuur sees it without an answer form.
        self.assertNotIn("stijgt", gijs.get("/portaal/document/jaarverantwoording-2013").body)
        self.assertNotIn('action="/portaal/antwoord"', bert.get("/portaal/document/jaarverantwoording-2013").body)

        # The controller answers; empty first (at the field), then for real.
        page = self.anna.get("/portaal/document/jaarverantwoording-2013")
        nr = re.search(r'name="vraag" value="(\d+)"', page.body).group(1)
        fields = {"csrf": page.csrf(), "document": "jaarverantwoording-2013", "vraag": nr, "versie": "1"}
        r = self.anna.post("/portaal/antwoord", dict(fields, antwoord=" "))
        self.assertEqual(r.status, 422)
        self.assertIn('id="fout-antwoord-%s">Het antwoord is leeg.' % nr, r.body)
        self.assertEqual(bert.post("/portaal/antwoord", dict(fields, csrf=bert.get("/").csrf(), antwoord="x")).status,
                         403)
        r = self.anna.post("/portaal/antwoord", dict(fields, antwoord="Door de <em>indexering</em>."))
        self.assertEqual(r.status, 303, r.body)
        for c in (rita, gijs, bert):
            page = c.get("/portaal/document/jaarverantwoording-2013").body
            self.assertIn("stijgt", page)
            self.assertIn("Door de &lt;em&gt;indexering&lt;/em&gt;.", page)
        entries = json.loads(self.vhh("log", "--format", "json", "--database", self.url).stdout)["entries"]
        self.assertEqual([(e["gebruiker"], e["commando"]) for e in entries[-2:]], [("rita", "vraag"), ("anna", "antwoord")])
        self.assertIn("over jaarverantwoording-2013 (Verschillen <i>boven</i> de drempel) van GM0654", entries[-2]["wijziging"])
        self.vhh("db", "verify", "--database", self.url)

    def test_two_controllers_answering_one_question_the_second_gets_a_conflict(self):
        rita = self.logged_in("rita")
        self.assertEqual(self.ask(rita, vraag="Hoeveel fte?").status, 303)
        carl = self.logged_in("carl")
        forms = []
        for c in (self.anna, carl):  # both open the page before either answers
            page = c.get("/portaal/document/jaarverantwoording-2013")
            nr = re.search(r'name="vraag" value="(\d+)"', page.body).group(1)
            versie = re.search(r'name="versie" value="(\d+)"', page.body).group(1)
            forms.append({"csrf": page.csrf(), "document": "jaarverantwoording-2013", "vraag": nr, "versie": versie})
        self.assertEqual(self.anna.post("/portaal/antwoord", dict(forms[0], antwoord="3,46 fte.")).status, 303)
        r = carl.post("/portaal/antwoord", dict(forms[1], antwoord="Drie."))
        self.assertEqual(r.status, 409)
        self.assertIn("Conflict", r.body)
        self.assertIn("De vraag is intussen beantwoord door anna", r.body)
        self.assertIn("Uw antwoord is niet opgeslagen", r.body)
        page = rita.get("/portaal/document/jaarverantwoording-2013").body
        self.assertIn("3,46 fte.", page)
        self.assertNotIn("Drie.", page)
        # A form naming no question, or a made-up one.
        self.assertEqual(carl.post("/portaal/antwoord", dict(forms[1], vraag="x", antwoord="y")).status, 400)
        self.assertEqual(carl.post("/portaal/antwoord", dict(forms[1], vraag="999", antwoord="y")).status, 404)


class VaststellingForm(ServeTestCase):
    """The vaststelling form: `vhh vaststellen`'s rules and messages at the field; a second
    controller's vaststelling of the same document is a conflict (409), never a second or silent one."""

    def fields(self, page, **given):
        return dict({"csrf": page.csrf(), "jaar": "2013", "document": "begroting", "besluit": "AB 2013-07",
                     "datum": "2013-07-04"}, **given)

    def test_field_problems_use_the_clis_messages_and_a_second_controller_gets_a_conflict(self):
        self.add_user("carl", "--rol", "controller")
        anna, carl = self.logged_in("anna"), self.logged_in("carl")
        page = anna.get("/")
        self.assertIn('action="/vaststellen"', page.body)
        self.assertNotIn('action="/vaststellen"', self.logged_in("bert").get("/").body)
        cli = self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB", "--datum", "4-7-2013",
                       "--database", self.url, expect=64).stderr
        r = anna.post("/vaststellen", self.fields(page, datum="4-7-2013", besluit=" <b>x</b>"))
        self.assertEqual(r.status, 422)
        message = html.unescape(re.search(r'id="fout-datum">([^<]*)<', r.body).group(1))
        self.assertIn(message, cli)
        self.assertIn('value=" &lt;b&gt;x&lt;/b&gt;"', r.body)
        r = anna.post("/vaststellen", self.fields(page, besluit="", document="rekening"))
        self.assertIn('id="fout-besluit">', r.body)
        self.assertIn('id="fout-document">', r.body)
        self.assertEqual(self.vhh("db", "status", "--database", self.url).returncode, 0)
        self.assertNotIn("vaststellen", self.vhh("log", "--database", self.url).stdout)

        # Both controllers have the form open; anna records it first.
        carl_page = carl.get("/")
        r = anna.post("/vaststellen", self.fields(page))
        self.assertEqual((r.status, r.header("Location")), (303, "/?jaar=2013&vastgelegd=vaststelling#vastgesteld"))
        self.assertIn("De vaststelling is vastgelegd.", anna.get("/?jaar=2013&vastgelegd=vaststelling").body)
        r = carl.post("/vaststellen", self.fields(carl_page, besluit="AB 2013-08", datum="2013-08-01"))
        self.assertEqual(r.status, 409)
        self.assertIn("Conflict", r.body)
        self.assertIn("De begroting 2013 is intussen al vastgesteld (2013-07-04, AB 2013-07).", r.body)
        entries = json.loads(self.vhh("log", "--format", "json", "--database", self.url).stdout)["entries"]
        done = [e for e in entries if e["commando"] == "vaststellen begroting"]
        self.assertEqual([e["gebruiker"] for e in done], ["anna"])
        self.assertIn("besluit AB 2013-07 datum 2013-07-04", done[0]["wijziging"])
        # The CLI refuses it too: one vaststelling, as recorded by the form.
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB", "--datum", "2013-07-05",
                 "--database", self.url, expect=65)
        self.vhh("db", "verify", "--database", self.url)


WIJZIGING = """omschrijving: Uitbreiding procesregie (illustratief)
posten:
  - {code: PERS-DIR, bedrag: 2500.00}
  - {code: OV, naam: Overige kosten, bedrag: -2500.00}
"""


class WijzigingForm(ServeTestCase):
    """The begrotingswijziging form: the text of `vhh wijziging`'s file, read by the same code with
    the same messages (at the field); two controllers recording one: the second gets a conflict."""

    def test_file_errors_at_the_field_then_recorded_and_a_second_controller_gets_a_conflict(self):
        self.add_user("carl", "--rol", "controller")
        anna, carl = self.logged_in("anna"), self.logged_in("carl")
        page = anna.get("/")
        fields = {"csrf": page.csrf(), "jaar": "2013", "nummer": "1", "besluit": "AB 2013/3", "datum": "2013-07-11",
                  "wijziging": WIJZIGING}
        # Without a vastgestelde begroting: the CLI's refusal, on top of the form.
        r = anna.post("/wijziging", fields)
        self.assertEqual(r.status, 422)
        self.assertIn("the store holds no vastgestelde begroting 2013 of zeeland to change", r.body)
        self.assertEqual(anna.post("/wijziging", dict(fields, nummer="5")).status, 400)  # a number no form showed
        self.assertEqual(anna.post("/wijziging", dict(fields, nummer="x")).status, 400)
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2013-07", "--datum", "2013-07-04",
                 "--database", self.url)
        # A post code the begroting does not have, and an amount with a comma: the CLI's messages.
        bad = WIJZIGING.replace("PERS-DIR", "BESTAAT-NIET").replace("-2500.00", "'-2.500,00'")
        path = self.path("wijziging.yaml")
        with open(path, "w") as f:
            f.write(bad)
        cli = self.vhh("wijziging", "--jaar", "2013", "--bestand", path, "--besluit", "AB", "--datum", "2013-07-11",
                       "--database", self.url, expect=78).stderr
        r = anna.post("/wijziging", dict(fields, wijziging=bad, datum="11-07-2013"))
        self.assertEqual(r.status, 422)
        self.assertIn('id="fout-wijziging-datum">--datum &apos;11-07-2013&apos; is not a date YYYY-MM-DD', r.body)
        r = anna.post("/wijziging", dict(fields, wijziging=bad))
        self.assertEqual(r.status, 422)
        shown = html.unescape(re.search(r'id="fout-wijziging">([^<]*)<', r.body).group(1)).split("\n")
        self.assertGreaterEqual(len(shown), 2)
        for line in shown:  # "regel L, kolom C: key: message" is the CLI's "FILE:L:C: error: key: message"
            m = re.fullmatch(r"regel (\d+), kolom (\d+): (.*)", line)
            self.assertIn(":%s:%s: error: %s" % m.groups(), cli)
        typed = re.search(r'id="wijziging-tekst"[^>]*>([^<]*)</textarea>', r.body).group(1)
        self.assertEqual(html.unescape(typed), bad)  # what was typed is kept
        self.assertEqual(json.loads(self.vhh("log", "--format", "json", "--database", self.url).stdout)["entries"][-1]
                         ["commando"], "vaststellen begroting")

        carl_page = carl.get("/")  # carl opens the form too: it would record wijziging 1
        self.assertIn('name="nummer" value="1"', carl_page.body)
        r = anna.post("/wijziging", fields)
        self.assertEqual((r.status, r.header("Location")), (303, "/?jaar=2013&vastgelegd=wijziging#vastgesteld"))
        page = anna.get("/?jaar=2013&vastgelegd=wijziging").body
        self.assertIn("De begrotingswijziging is vastgelegd.", page)
        self.assertIn('name="nummer" value="2"', page)
        r = carl.post("/wijziging", dict(fields, csrf=carl_page.csrf(), besluit="AB 2013/4"))
        self.assertEqual(r.status, 409)
        self.assertIn("Intussen is begrotingswijziging 1 vastgelegd (2013-07-11, AB 2013/3).", r.body)
        entries = json.loads(self.vhh("log", "--format", "json", "--database", self.url).stdout)["entries"]
        self.assertEqual([e["gebruiker"] for e in entries if e["commando"] == "wijziging"], ["anna"])
        self.vhh("db", "verify", "--database", self.url)


class ReactieForm(ServeTestCase):
    def test_the_reaction_is_recorded_with_the_clis_rules_and_messages(self):
        c = self.logged_in("anna")
        r = c.post("/zienswijze", {"csrf": c.get("/").csrf(), "jaar": "2013", "gemeente": "GM0654",
                                   "ontvangen": "2013-06-20", "samenvatting": "Borsele"})
        self.assertEqual(r.status, 303)
        page = c.get("/").body
        self.assertIn('action="/zienswijze/reactie"', page)
        nr = re.search(r'id="datum-r(\d+)"', page).group(1)

        def post(**fields):
            base = {"csrf": c.get("/").csrf(), "jaar": "2013", "gemeente": "GM0654", "onderwerp": "ontwerpbegroting",
                    "datum": "2013-07-01", "reactie": "De bijdrage blijft <i>gelijk</i>."}
            base.update(fields)
            return c.post("/zienswijze/reactie", base)

        r = post(datum="1-7-2013", reactie=" ")
        self.assertEqual(r.status, 422)
        self.assertIn('id="fout-datum-r%s">--datum &apos;1-7-2013&apos; is not a date YYYY-MM-DD' % nr, r.body)
        self.assertIn('id="fout-reactie-r%s">--reactie is empty' % nr, r.body)
        r = post(datum="2013-06-01")
        self.assertEqual(r.status, 422)
        self.assertIn('id="fout-algemeen-r%s">--datum 2013-06-01 is before the zienswijze was received (2013-06-20)'
                      % nr, r.body)
        cli = self.vhh("zienswijze", "reactie", "--jaar", "2013", "--gemeente", "GM0654", "--datum", "2013-06-01",
                       "--reactie", "x", "--database", self.url, expect=65)
        self.assertIn("--datum 2013-06-01 is before the zienswijze was received (2013-06-20)", cli.stderr)
        r = post(gemeente="GM0664")
        self.assertEqual(r.status, 422)
        self.assertIn('id="fout-reactie">De reactie is niet opgeslagen: the store holds no zienswijze of GM0664 on '
                      'the ontwerpbegroting 2013 of zeeland', r.body)

        r = post()
        self.assertEqual((r.status, r.header("Location")), (303, "/?jaar=2013&vastgelegd=reactie#zienswijzen"))
        page = c.get("/?jaar=2013&vastgelegd=reactie").body
        self.assertIn("De reactie is vastgelegd.", page)
        # Dates in the workspace read as a controller writes them (web/dutch_time.h).
        self.assertIn("1 juli 2013: <span class=\"samenvatting\">De bijdrage blijft &lt;i&gt;gelijk&lt;/i&gt;.</span>",
                      page)
        self.assertNotIn('action="/zienswijze/reactie"', page)
        r = post(reactie="nog een")  # a reaction is never replaced
        self.assertEqual(r.status, 422)
        self.assertIn('id="fout-reactie"', r.body)
        entries = json.loads(self.vhh("log", "--format", "json", "--database", self.url).stdout)["entries"]
        self.assertEqual((entries[-1]["gebruiker"], entries[-1]["commando"]), ("anna", "zienswijze reactie"))
        self.vhh("db", "verify", "--database", self.url)


class Protocol(ServeTestCase):
    def test_every_response_has_the_security_headers(self):
        server = self.serve()
        anon = Client(server)
        c = self.logged_in("anna", server)
        for client, method, path in ((anon, "GET", "/login"), (anon, "GET", "/"), (anon, "GET", "/nergens"),
                                     (anon, "GET", "/static/vhh.css"), (c, "GET", "/"), (c, "GET", "/portaal/"),
                                     (c, "PUT", "/")):
            r = client.request(method, path)
            self.assertEqual(r.header("Content-Security-Policy"), CSP, path)
            self.assertEqual(r.header("X-Content-Type-Options"), "nosniff", path)
            self.assertEqual(r.header("Referrer-Policy"), "no-referrer", path)
            if path != "/static/vhh.css":
                self.assertEqual(r.header("Cache-Control"), "no-store", path)
        css = anon.get("/static/vhh.css")
        self.assertEqual((css.status, css.header("Content-Type")), (200, "text/css; charset=utf-8"))
        self.assertIn("@media print", css.body)
        login = Client(server)
        login.get("/login")
        r = login.post("/login", {"gebruiker": "anna", "wachtwoord": PASSWORD, "csrf": login.cookies["vhh_login"]})
        session_cookie = [v for v in r.cookies() if v.startswith("vhh_sessie=")][0]
        self.assertEqual(session_cookie.split("; ")[1:], ["Path=/", "HttpOnly", "SameSite=Strict"])

    def test_a_body_over_the_limit_is_refused(self):
        c = self.logged_in("anna")
        r = c.request("POST", "/zienswijze", body="samenvatting=" + "a" * 70000,
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 413)
        self.assertIn("Verzoek te groot", r.body)
        self.assertEqual(Client(self.servers[0]).request("POST", "/login", body="x" * 70000).status, 413)

    def test_it_stops_cleanly_on_sigterm_and_sigint(self):
        for sig, name in ((signal.SIGTERM, "SIGTERM"), (signal.SIGINT, "SIGINT")):
            s = Server(self.url)
            self.assertEqual(Client(s).get("/login").status, 200)
            code, out, err = s.stop(sig)
            self.assertEqual((code, out, err), (0, "vhh serve: gestopt (%s)\n" % name, ""))

    def test_it_listens_on_loopback_unless_told_otherwise(self):
        r = self.vhh("serve", "--database", self.url, "--listen", "0.0.0.0:0", expect=64)
        self.assertIn("is not a loopback address", r.stderr)
        self.assertIn("--allow-remote", r.stderr)
        r = self.vhh("serve", "--database", self.url, "--listen", "localhost:http-ish", expect=64)
        self.assertIn("is not ADDR:PORT", r.stderr)

    def test_scripts_run_serve_makes_a_store_and_prints_the_first_beheerder_once(self):
        if self.url.startswith("postgresql"):
            self.skipTest("scripts/run serve uses the embedded SQLite store")
        db = self.path("serve", "vhh.db")
        env = dict(os.environ, VHH_SKIP_SETUP="1", VHH_SERVE_DB=db,
                   BUILD_DIR=os.path.dirname(os.path.dirname(vhhtest.VHH)))
        env.pop("SOURCE_DATE_EPOCH", None)
        passwords = []
        for _ in range(2):
            proc = subprocess.Popen([os.path.join(vhhtest.SOURCE_DIR, "scripts", "run"), "serve", "--listen",
                                     "127.0.0.1:0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
            try:
                lines = []
                while not lines or "luistert op" not in lines[-1]:
                    line = proc.stdout.readline()
                    self.assertTrue(line, "".join(lines))
                    lines.append(line)
                passwords += re.findall(r"gebruiker 'beheerder', wachtwoord '([^']+)'", "".join(lines))
                server = type("S", (), {"port": int(re.search(r":(\d+)/$", lines[-1]).group(1))})
                c = Client(server)
                r = c.login("beheerder", passwords[0])
                self.assertEqual((r.status, r.header("Location")), (303, "/"))
                self.assertIn("Dashboard 2013", c.get("/").body)  # the bundled Zeeland region
                self.assertIn("Veiligheidshuis Zeeland", c.get("/").body)
            finally:
                proc.send_signal(signal.SIGTERM)
                proc.communicate(timeout=60)
            self.assertEqual(proc.returncode, 0)
        self.assertEqual(len(passwords), 1)  # printed when it was made, not again
        self.assertGreaterEqual(len(passwords[0]), 24)

    def test_a_store_that_is_not_initialised_is_refused_at_start(self):
        r = self.vhh("serve", "--database", self.new_store(), "--listen", "127.0.0.1:0", expect=66)
        self.assertEqual(r.stdout, "")


if __name__ == "__main__":
    unittest.main()
