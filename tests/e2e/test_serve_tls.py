"""`vhh serve --tls-cert FILE --tls-key FILE`: HTTPS with a self-signed certificate made here by
openssl, checked by a real TLS client (python's ssl, verifying the certificate); HSTS and Secure
cookies under TLS only; a login over HTTPS; TLS below 1.2 and plain HTTP refused on the TLS port;
a missing, unreadable or wrong certificate or key refused at start (66, 78) with a clear message;
and a certificate lets it listen beyond loopback without --allow-remote."""
import http.client
import os
import re
import socket
import ssl
import subprocess
import unittest
import urllib.parse

import vhhtest
from servetest import PASSWORD, ServeTestCase


def make_certificate(directory, name="server"):
    cert, key = os.path.join(directory, name + "-cert.pem"), os.path.join(directory, name + "-key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=120)
    return cert, key


class Tls(ServeTestCase):
    def setUp(self):
        super().setUp()
        self.cert, self.key = make_certificate(self.tmp)
        self.procs = []

    def tearDown(self):
        for p in self.procs:
            if p.poll() is None:
                p.terminate()
            p.communicate(timeout=60)
        super().tearDown()

    def start(self, *extra, listen="127.0.0.1:0"):
        env = dict(os.environ)
        env.pop("SOURCE_DATE_EPOCH", None)
        p = subprocess.Popen([vhhtest.VHH, "serve", "--database", self.url, "--listen", listen, *extra],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.procs.append(p)
        return p

    def https(self):
        p = self.start("--tls-cert", self.cert, "--tls-key", self.key)
        line = p.stdout.readline()
        m = re.fullmatch(r"vhh serve: luistert op https://127\.0\.0\.1:(\d+)/\n", line)
        self.assertTrue(m, line + p.stderr.read() if not m else "")
        return int(m.group(1))

    def client_context(self):
        c = ssl.create_default_context(cafile=self.cert)  # verifies the certificate and its name
        return c

    def request(self, port, method, path, body=None, headers=None):
        conn = http.client.HTTPSConnection("127.0.0.1", port, context=self.client_context(), timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            return r.status, r.getheaders(), r.read().decode()
        finally:
            conn.close()

    def test_https_with_hsts_secure_cookies_and_a_login(self):
        port = self.https()
        status, headers, body = self.request(port, "GET", "/login")
        self.assertEqual(status, 200)
        h = dict((k.lower(), v) for k, v in headers)
        self.assertEqual(h["strict-transport-security"], "max-age=31536000")
        cookie = [v for k, v in headers if k.lower() == "set-cookie"][0]
        self.assertTrue(cookie.endswith("; Path=/; HttpOnly; SameSite=Strict; Secure"), cookie)
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', body).group(1)
        status, headers, _ = self.request(port, "POST", "/login", urllib.parse.urlencode(
            {"gebruiker": "anna", "wachtwoord": PASSWORD, "csrf": token}),
            {"Content-Type": "application/x-www-form-urlencoded", "Cookie": "vhh_login=" + token})
        self.assertEqual(status, 303)
        session = [v for k, v in headers if k.lower() == "set-cookie" and v.startswith("vhh_sessie=")][0]
        self.assertIn("; Secure", session)
        sid = session.split(";")[0]
        status, _, body = self.request(port, "GET", "/", headers={"Cookie": sid})
        self.assertEqual(status, 200)
        self.assertIn("Dashboard 2013", body)

    def test_plain_http_and_old_tls_are_refused_on_the_tls_port(self):
        port = self.https()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        with self.assertRaises((http.client.HTTPException, ConnectionError, OSError)):
            conn.request("GET", "/login")
            conn.getresponse().read()
        conn.close()
        old = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        old.load_verify_locations(self.cert)
        old.minimum_version = old.maximum_version = ssl.TLSVersion.TLSv1_1
        with self.assertRaises((ssl.SSLError, ConnectionError, OSError)):
            with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
                with old.wrap_socket(s, server_hostname="127.0.0.1"):
                    pass
        # Still serving after both.
        self.assertEqual(self.request(port, "GET", "/login")[0], 200)

    def test_plain_http_has_no_hsts_and_no_secure_cookie(self):
        p = self.start()
        port = int(re.search(r":(\d+)/", p.stdout.readline()).group(1))
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", "/login")
        r = conn.getresponse()
        r.read()
        conn.close()
        self.assertIsNone(r.getheader("Strict-Transport-Security"))
        self.assertNotIn("Secure", r.getheader("Set-Cookie"))

    def test_a_missing_unreadable_or_wrong_certificate_is_refused_at_start(self):
        other_cert, other_key = make_certificate(self.tmp, "other")
        unreadable = self.written("unreadable.pem", open(self.key).read())
        os.chmod(unreadable, 0)
        empty = self.written("empty.pem", "")
        cases = [(("--tls-cert", self.path("er-niet.pem"), "--tls-key", self.key), 66,
                  "--tls-cert %s: cannot read the file (missing or not readable)" % self.path("er-niet.pem")),
                 (("--tls-cert", self.cert, "--tls-key", empty), 66, "--tls-key %s: cannot read the file (it is empty)" % empty),
                 (("--tls-cert", self.cert, "--tls-key", self.cert), 78, "are not a PEM certificate and its private key"),
                 (("--tls-cert", self.cert, "--tls-key", other_key), 78,
                  "--tls-key %s is not the private key of --tls-cert %s (they do not fit)" % (other_key, self.cert)),
                 (("--tls-cert", self.cert), 64, "'vhh serve' needs --tls-cert FILE and --tls-key FILE together")]
        if os.geteuid() != 0:  # root reads a file of mode 0 anyway
            cases.append((("--tls-cert", self.cert, "--tls-key", unreadable), 66, "missing or not readable"))
        for args, code, message in cases:
            p = self.start(*args)
            out, err = p.communicate(timeout=60)
            self.assertEqual(p.returncode, code, (args, err))
            self.assertEqual(out, "")
            self.assertTrue(err.startswith("vhh: error: "), err)
            self.assertIn(message, err)

    def test_a_certificate_lets_it_listen_beyond_loopback(self):
        p = self.start("--tls-cert", self.cert, "--tls-key", self.key, listen="0.0.0.0:0")
        self.assertRegex(p.stdout.readline(), r"^vhh serve: luistert op https://0\.0\.0\.0:\d+/\n$")
        p = self.start(listen="0.0.0.0:0")
        out, err = p.communicate(timeout=60)
        self.assertEqual(p.returncode, 64, err)
        self.assertIn("is not a loopback address", err)


if __name__ == "__main__":
    unittest.main()
