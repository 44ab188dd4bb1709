#!/usr/bin/python3
"""Benchmark of `vhh betalingen importeren` end to end: a CAMT.053 statement of ENTRIES credit
entries read, matched against the store's invoices and booked into the store in one transaction.
The store is the bundled Zeeland region's with its voorschotnota's 2013 (52 invoices); every entry
pays one cent (partial payments): one per invoice by its betalingskenmerk, then 80 % of the rest
named by invoice number in the remittance text (matched), 20 % naming nothing (unmatched). Prints wall time, CPU time and peak RSS of the import and of a second import of the
same file (idempotent: nothing booked). Never a test: run it by hand, copy the figures into
docs/benchmarks.md.

  bench/betalingen_import.py [--vhh BIN] [--entries N] [--version 001.02|001.08] [--backend sqlite|postgresql]

PostgreSQL: pg_virtualenv -t bench/betalingen_import.py --backend postgresql"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "e2e"))
from test_betalingen import camt  # noqa: E402  (the tests' statement builder: both versions)


def timed(cmd):
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate()
    wall = time.monotonic() - start
    if p.returncode != 0:
        sys.exit("betalingen_import.py: %s failed (%d): %s" % (" ".join(cmd), p.returncode, err.decode()[-2000:]))
    return wall, out.decode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vhh", default=os.path.join(ROOT, "build", "bin", "vhh"))
    ap.add_argument("--entries", type=int, default=100000)
    ap.add_argument("--version", default="001.08")
    ap.add_argument("--backend", default="sqlite")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="vhh-bench-betalingen-")
    cfg = os.path.join(ROOT, "config", "zeeland", "vhh.yaml")
    if a.backend == "postgresql":
        subprocess.run(["createdb", "vhh_bench_betalingen"], check=True)
        url = "postgresql://%s:%s@%s:%s/vhh_bench_betalingen" % (os.environ["PGUSER"], os.environ["PGPASSWORD"],
                                                                 os.environ.get("PGHOST", "localhost"),
                                                                 os.environ.get("PGPORT", "5432"))
    else:
        url = "sqlite:" + os.path.join(tmp, "bench.db")
    base = ["--config", cfg, "--database", url]
    vhh = a.vhh
    timed([vhh, "db", "init", "--database", url])
    timed([vhh, "vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB", "--datum", "2012-11-20", *base])
    timed([vhh, "factureren", "--jaar", "2013", "--soort", "voorschot", *base])
    inv = json.loads(timed([vhh, "facturen", "--format", "json", *base])[1])["facturen"]
    entries = [{"cents": 1, "kenmerk": f["betalingskenmerk"]} for f in inv]
    for n in range(a.entries - len(entries)):
        if n % 5 == 4:
            entries.append({"cents": 1, "text": "onbekende betaling %d" % n, "name": "Onbekend"})
        else:
            entries.append({"cents": 1, "text": "restant factuur %s" % inv[n % len(inv)]["nummer"]})
    path = os.path.join(tmp, "afschrift.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(camt(a.version, entries, stmt_id="BENCH-1"))
    size = os.path.getsize(path) / 1048576.0
    for label in ("import", "again (idempotent)"):
        cmd = ["/usr/bin/time", "-f", "%e s wall, %U s user, %S s sys, %M KiB peak RSS", vhh, "betalingen", "importeren",
               path, *base]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(p.stderr[-2000:])
        print("%s: %d entries (%.1f MiB, %s, %s): %s | %s" % (label, a.entries, size, a.version, a.backend,
                                                              p.stderr.strip().splitlines()[-1], p.stdout.strip()))


if __name__ == "__main__":
    main()
