"""Helpers for the tests of `vhh serve`: a server started on a free localhost port against a fresh
store (SQLite, or PostgreSQL under VHH_TEST_BACKEND=postgresql), stopped with SIGTERM; and a small
HTTP client that keeps cookies by hand (so tests can plant, drop and replay them)."""
import http.client
import os
import re
import signal
import subprocess
import urllib.parse

import vhhtest
from storetest import StoreTestCase

PASSWORD = "correct paard batterij niet"


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # list of (name, value)
        self.body = body

    def header(self, name):
        values = [v for k, v in self.headers if k.lower() == name.lower()]
        return values[0] if values else None

    def cookies(self):
        return [v for k, v in self.headers if k.lower() == "set-cookie"]

    def csrf(self):
        m = re.search(r'name="csrf" value="([0-9a-f]+)"', self.body)
        return m.group(1) if m else None


class Server:
    """`vhh serve` on 127.0.0.1, a free port."""

    def __init__(self, url, *extra):
        env = dict(os.environ)
        env.pop("SOURCE_DATE_EPOCH", None)
        self.proc = subprocess.Popen([vhhtest.VHH, "serve", "--database", url, "--listen", "127.0.0.1:0", *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.first_line = self.proc.stdout.readline()
        m = re.fullmatch(r"vhh serve: luistert op http://127\.0\.0\.1:(\d+)/\n", self.first_line)
        if not m:
            out, err = self.proc.communicate(timeout=30)
            raise AssertionError("vhh serve did not start: %r %s %s" % (self.first_line, out, err))
        self.port = int(m.group(1))
        self.base = "http://127.0.0.1:%d" % self.port

    def stop(self, sig=signal.SIGTERM):
        """Stops the server; returns (exit code, stdout after the first line, stderr)."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        out, err = self.proc.communicate(timeout=60)
        return self.proc.returncode, out, err


class Client:
    """One browser: its cookies, sent to one server."""

    def __init__(self, server):
        self.server = server
        self.cookies = {}

    def request(self, method, path, fields=None, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=60)
        h = dict(headers or {})
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            h["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        try:
            conn.request(method, path, body=body, headers=h)
            r = conn.getresponse()
            raw = r.read()
            # A page is UTF-8 text; a document (PDF, xlsx) is bytes: `raw` keeps them.
            response = Response(r.status, r.getheaders(), raw.decode("utf-8", "replace"))
            response.raw = raw
        finally:
            conn.close()
        for c in response.cookies():
            name, _, rest = c.partition("=")
            value = rest.split(";")[0]
            if "Max-Age=0" in c:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return response

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        return self.request("POST", path, fields=fields)

    def login(self, naam, wachtwoord=PASSWORD):
        form = self.get("/login")
        assert form.status == 200, form.status
        return self.post("/login", {"gebruiker": naam, "wachtwoord": wachtwoord, "csrf": form.csrf()})


class ServeTestCase(StoreTestCase):
    """A fresh store with a controller (anna), a bestuur (bert) and a raad user of Borsele (rita),
    and helpers to start servers on it (stopped after the test)."""

    def setUp(self):
        super().setUp()
        self.url = self.initialised()
        for naam, rol in (("anna", ["--rol", "controller"]), ("bert", ["--rol", "bestuur"]),
                          ("rita", ["--rol", "raad", "--gemeente", "GM0654"])):
            self.add_user(naam, *rol)
        self.servers = []

    def tearDown(self):
        for s in self.servers:
            s.stop()
        super().tearDown()

    def add_user(self, naam, *rol):
        r = subprocess.run([vhhtest.VHH, "gebruiker", "toevoegen", naam, *rol, "--database", self.url],
                           input=PASSWORD + "\n", capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)

    def serve(self, *extra):
        s = Server(self.url, *extra)
        self.servers.append(s)
        return s

    def logged_in(self, naam, server=None):
        c = Client(server or (self.servers[0] if self.servers else self.serve()))
        r = c.login(naam)
        self.assertEqual(r.status, 303, r.body)
        return c
