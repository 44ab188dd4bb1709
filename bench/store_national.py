#!/usr/bin/python3
"""Benchmark of the administration store on the synthetic national dataset (tools/gen-national):
initialise a store, vaststellen begroting and jaarrekening for every region-year (one process per
year and document: a province config over every region of that year), and `vhh historie`
for the whole country. Prints wall time and peak RSS of each step and the store's size on disk.
Never a test: run it by hand and copy the figures into docs/benchmarks.md.

  bench/store_national.py [--vhh BIN] [--data DIR] [--backend sqlite|postgresql] [--store PATH]

PostgreSQL: run under a throwaway server, e.g.
  pg_virtualenv -t bench/store_national.py --backend postgresql
(the URL is built from PGHOST, PGPORT, PGUSER, PGPASSWORD; a database vhh_bench is created).
Targets (issue 13): the whole decade ≤ 30 s on SQLite, historie ≤ 0,5 s, peak RSS ≤ 100 MB."""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


CPU = [0.0]  # CPU seconds (user + sys) of the step being timed


def timed(cmd):
    """Runs cmd; returns (wall seconds, peak RSS in MiB, stdout); adds its CPU time to CPU[0]."""
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = p.stdout.read()
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.monotonic() - start
    CPU[0] += usage.ru_utime + usage.ru_stime
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit("store_national.py: %s failed (%d): %s" % (" ".join(cmd), p.returncode, err.decode()))
    return wall, usage.ru_maxrss / 1024.0, out


def regions_by_year(data):
    """The dataset's region configs by boekjaar: {"2024": ["drenthe", …], …} (regions sorted)."""
    by_year = {}
    for region in sorted(os.listdir(data)):
        rdir = os.path.join(data, region)
        if os.path.isdir(rdir):
            for year in sorted(os.listdir(rdir)):
                if os.path.isfile(os.path.join(rdir, year, "vhh.yaml")):
                    by_year.setdefault(year, []).append(region)
    return by_year


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vhh", default=os.environ.get("VHH_BIN", os.path.join(ROOT, "build", "bin", "vhh")))
    ap.add_argument("--data", default="/tmp/vhh-store-bench-data")
    ap.add_argument("--backend", default="sqlite", choices=["sqlite", "postgresql"])
    ap.add_argument("--store", default="/tmp/vhh-store-bench.db")
    a = ap.parse_args()
    if not os.path.isfile(os.path.join(a.data, "dataset.json")):
        print("generating the national dataset in %s ..." % a.data)
        subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tools", "gen-national", "gen_national.py"),
                        "--out", a.data], check=True, stdout=subprocess.DEVNULL)
    if a.backend == "sqlite":
        for suffix in ["", "-wal", "-shm"]:
            if os.path.exists(a.store + suffix):
                os.remove(a.store + suffix)
        url = "sqlite:" + a.store
    else:
        subprocess.run(["dropdb", "--if-exists", "vhh_bench"], check=True)
        subprocess.run(["createdb", "vhh_bench"], check=True)
        url = "postgresql://%s:%s@%s:%s/vhh_bench" % (os.environ["PGUSER"], os.environ["PGPASSWORD"],
                                                     os.environ.get("PGHOST", "localhost"),
                                                     os.environ.get("PGPORT", "5432"))
    # One province config per boekjaar over every region: `vhh vaststellen` with it vaststelt all
    # regions of the year in one process and one transaction.
    by_year = {year: ["%s/%s/vhh.yaml" % (r, year) for r in regions]
               for year, regions in regions_by_year(a.data).items()}
    configs = []
    for year, regions in sorted(by_year.items()):
        cfg = os.path.join(a.data, "store-bench-%s.yaml" % year)
        with open(cfg, "w", encoding="utf-8") as f:
            f.write("provincie:\n  id: nederland\n  naam: Nederland\n  boekjaar: %s\nregios:\n" % year)
            f.writelines("  - config: %s\n" % r for r in regions)
        configs.append((year, cfg))
    region_years = sum(len(r) for r in by_year.values())
    rows = []
    wall, rss, _ = timed([a.vhh, "db", "init", "--database", url])
    rows.append(("db init", wall, rss, CPU[0]))
    CPU[0] = 0.0
    total, peak = 0.0, 0.0
    for year, cfg in configs:
        for doc in ["begroting", "jaarrekening"]:
            w, r, _ = timed([a.vhh, "vaststellen", doc, "--jaar", year, "--besluit", "bench", "--datum",
                             "%s-01-01" % year, "--config", cfg, "--database", url])
            total += w
            peak = max(peak, r)
    rows.append(("vaststellen x %d (%d processes)" % (2 * region_years, 2 * len(configs)), total, peak, CPU[0]))
    CPU[0] = 0.0
    wall, rss, out = timed([a.vhh, "historie", "--format", "json", "--database", url])
    rows.append(("historie (country, json, %d bytes)" % len(out), wall, rss, CPU[0]))
    CPU[0] = 0.0
    wall, rss, _ = timed([a.vhh, "db", "verify", "--database", url])
    rows.append(("db verify", wall, rss, CPU[0]))
    if a.backend == "sqlite":
        size = sum(os.path.getsize(a.store + s) for s in ["", "-wal"] if os.path.exists(a.store + s))
    else:
        size = int(subprocess.run(["psql", "-tA", "-d", "vhh_bench", "-c",
                                   "SELECT pg_database_size('vhh_bench') - pg_database_size('template1')"],
                                  capture_output=True, text=True, check=True).stdout.strip())
    print("backend: %s, %d region-years" % (a.backend, region_years))
    for name, w, r, c in rows:
        print("  %-40s %8.2f s wall  %7.2f s CPU  %7.1f MiB peak RSS" % (name, w, c, r))
    print("  decade total (init + vaststellen + historie): %.2f s" % (rows[0][1] + rows[1][1] + rows[2][1]))
    print("  store size on disk: %.1f MiB" % (size / 1048576.0))


if __name__ == "__main__":
    main()
