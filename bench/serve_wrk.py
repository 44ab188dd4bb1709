#!/usr/bin/python3
"""Load benchmark of `vhh serve` with wrk (Debian's), issue 17's load targets: the raad portal
`/portaal/` (a raad user of Borsele) and the controller's dashboard `/?jaar=2013`, each under
`wrk -t2 -c64 -d<duration>s --latency` with a logged-in session's cookie.

The store is made fresh: `vhh db init`, the bundled Zeeland region's begroting 2013 vastgesteld, a
controller (anna) and a raad account of GM0654 Borsele (rita). `vhh serve` starts on a free port
of 127.0.0.1; each account logs in once (GET /login for the form's token cookie, POST /login) and
the page is checked to answer 200 with its content before wrk runs (wrk counts a redirect to the
login page as a success). Prints per page: requests/s, p50/p90/p99 latency, wrk's errors (non-2xx
or 3xx responses, socket errors), the server's CPU time per request and the load average of the
machine before and after. Never a test: run it by hand, copy the figures into docs/benchmarks.md.

  bench/serve_wrk.py [--vhh BIN] [--duration S] [--connections N] [--threads N] [--backend sqlite|postgresql]
                     [--page portaal|dashboard ...] [--serve-arg ARG ...]

Issue 17's endurance run (no error under 10 minutes of 64-connection load) on a quiet machine:
  bench/serve_wrk.py --duration 600
PostgreSQL: pg_virtualenv -t bench/serve_wrk.py --backend postgresql"""
import argparse
import http.client
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PASSWORD = "correct paard batterij niet"
# page: (account, path, a text the page holds when it is the real page)
PAGES = {
    "portaal": ("rita", "/portaal/", "Borsele"),
    "dashboard": ("anna", "/?jaar=2013", 'action="/zienswijze"'),
}


def run(cmd, stdin=None):
    p = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("serve_wrk.py: %s failed (%d): %s" % (" ".join(cmd), p.returncode, p.stderr[-2000:]))
    return p.stdout


def request(port, method, path, cookies, fields=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {}
    body = None
    if fields is not None:
        body = urllib.parse.urlencode(fields)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if cookies:
        headers["Cookie"] = "; ".join("%s=%s" % kv for kv in cookies.items())
    try:
        conn.request(method, path, body=body, headers=headers)
        r = conn.getresponse()
        text = r.read().decode("utf-8", "replace")
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                cookies[name] = rest.split(";")[0]
        return r.status, text
    finally:
        conn.close()


def login(port, naam):
    """The session cookie of `naam` after logging in as a browser does."""
    cookies = {}
    status, form = request(port, "GET", "/login", cookies)
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', form)
    if status != 200 or not token:
        sys.exit("serve_wrk.py: GET /login answered %d" % status)
    status, _ = request(port, "POST", "/login", cookies,
                        {"gebruiker": naam, "wachtwoord": PASSWORD, "csrf": token.group(1)})
    if status != 303 or "vhh_sessie" not in cookies:
        sys.exit("serve_wrk.py: the login of %s answered %d" % (naam, status))
    return cookies["vhh_sessie"]


def milliseconds(text):
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    factor = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[m.group(2)]
    return float(m.group(1)) * factor


def parse_wrk(out):
    """requests/s, {percentile: ms}, requests, errors (a text) from wrk --latency's output."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = {}
    for pct, value in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)$", out, re.M):
        latency[int(pct)] = milliseconds(value)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = []
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m and any(int(g) for g in m.groups()):
        errors.append("socket errors: connect %s, read %s, write %s, timeout %s" % m.groups())
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if m:
        errors.append("%s non-2xx/3xx responses" % m.group(1))
    return rps, latency, requests, "; ".join(errors) or "0"


def cpu_seconds(pid):
    """user + sys CPU seconds of process `pid` so far (/proc)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--vhh", default=os.path.join(ROOT, "build", "bin", "vhh"))
    ap.add_argument("--duration", type=int, default=20, help="seconds of load per page (the endurance run: 600)")
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--backend", default="sqlite", choices=["sqlite", "postgresql"])
    ap.add_argument("--page", action="append", choices=sorted(PAGES), help="the pages to load (default: both)")
    ap.add_argument("--serve-arg", action="append", default=[], help="one more argument for vhh serve")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="vhh-bench-serve-")
    cfg = os.path.join(ROOT, "config", "zeeland", "vhh.yaml")
    if a.backend == "postgresql":
        database = "vhh_bench_serve_" + uuid.uuid4().hex[:8]
        run(["createdb", database])
        url = "postgresql://%s:%s@%s:%s/%s" % (os.environ["PGUSER"], os.environ["PGPASSWORD"],
                                               os.environ.get("PGHOST", "localhost"),
                                               os.environ.get("PGPORT", "5432"), database)
    else:
        url = "sqlite:" + os.path.join(tmp, "bench.db")
    vhh = a.vhh
    run([vhh, "db", "init", "--database", url])
    run([vhh, "vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2012/7", "--datum", "2012-11-20",
         "--config", cfg, "--database", url])
    for naam, rol in (("anna", ["--rol", "controller"]), ("rita", ["--rol", "raad", "--gemeente", "GM0654"])):
        run([vhh, "gebruiker", "toevoegen", naam, *rol, "--database", url], stdin=PASSWORD + "\n")

    log_path = os.path.join(tmp, "serve.log")
    log = open(log_path, "w")
    server = subprocess.Popen([vhh, "serve", "--config", cfg, "--database", url, "--listen", "127.0.0.1:0",
                               *a.serve_arg], stdout=subprocess.PIPE, stderr=log, text=True)
    try:
        first = server.stdout.readline()
        m = re.fullmatch(r"vhh serve: luistert op http://127\.0\.0\.1:(\d+)/\n", first)
        if not m:
            sys.exit("serve_wrk.py: vhh serve did not start: %r (see %s)" % (first, log_path))
        port = int(m.group(1))
        print("vhh serve %s on port %d (%s store), wrk -t%d -c%d -d%ds --latency; %d cores" % (
            " ".join(a.serve_arg), port, a.backend, a.threads, a.connections, a.duration, os.cpu_count()))
        print("| page | requests/s | p50 | p90 | p99 | errors | server CPU per request | load average before → after |")
        print("|---|---|---|---|---|---|---|---|")
        for page in a.page or ["portaal", "dashboard"]:
            naam, path, marker = PAGES[page]
            sessie = login(port, naam)
            status, body = request(port, "GET", path, {"vhh_sessie": sessie})
            if status != 200 or marker not in body:
                sys.exit("serve_wrk.py: GET %s as %s answered %d without %r" % (path, naam, status, marker))
            load_before = os.getloadavg()[0]
            cpu_before = cpu_seconds(server.pid)
            out = run(["wrk", "-t%d" % a.threads, "-c%d" % a.connections, "-d%ds" % a.duration, "--latency",
                       "-H", "Cookie: vhh_sessie=" + sessie, "http://127.0.0.1:%d%s" % (port, path)])
            cpu = cpu_seconds(server.pid) - cpu_before
            rps, lat, requests, errors = parse_wrk(out)
            print("| `%s` | %.0f | %.1f ms | %.1f ms | %.1f ms | %s | %.2f ms | %.1f → %.1f |" % (
                path, rps, lat[50], lat[90], lat[99], errors, 1000.0 * cpu / max(requests, 1), load_before,
                os.getloadavg()[0]))
            sys.stdout.flush()
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        log.close()
    with open(log_path) as f:
        errors = [line for line in f if "error" in line.lower() or "exception" in line.lower()]
    if errors:
        print("vhh serve logged %d errors, the first: %s" % (len(errors), errors[0].strip()))
    if server.returncode != 0:
        sys.exit("serve_wrk.py: vhh serve exited with %d" % server.returncode)


if __name__ == "__main__":
    main()
