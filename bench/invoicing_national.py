#!/usr/bin/python3
"""Benchmark of invoicing at national scale on the synthetic national dataset (tools/gen-national):
vaststellen the begroting of every region-year (one province config per year, as
bench/store_national.py does), then per boekjaar `vhh factureren --soort voorschot` (four kwartaal
termijnen per gemeente) and `--soort werkplekhuur` (per housed partner) on that province config —
every region of the country in one process and one transaction —, each with --out (UBL 2.1 + PDF
per invoice and a manifest, under OUT/<year>/<region>/), and a second run of one year (idempotent:
nothing new). Prints per year the invoices issued, the elapsed (wall) time of the year, the CPU time
summed over its processes and the peak RSS. Never a test: run it by hand and copy the figures into
docs/benchmarks.md.

--per-region bills as a region's controller would, one `vhh factureren` per region config and soort,
`--jobs` regions at a time (default 2; the processes share the store, and each holds its write lock
from billing to committing its documents), into OUT/<region>/<year>/.

  bench/invoicing_national.py [--vhh BIN] [--data DIR] [--store PATH] [--out DIR] [--years N]
                              [--per-region [--jobs N]]

Target (issue 15): each year's invoicing (store + PDF + UBL) ≤ 5 s, peak RSS ≤ 150 MB."""
import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from store_national import regions_by_year, timed  # noqa: E402  (shared by the benchmarks)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vhh", default=os.environ.get("VHH_BIN", os.path.join(ROOT, "build", "bin", "vhh")))
    ap.add_argument("--data", default="/tmp/vhh-invoicing-bench-data")
    ap.add_argument("--store", default="/tmp/vhh-invoicing-bench.db")
    ap.add_argument("--out", default="/tmp/vhh-invoicing-bench-out")
    ap.add_argument("--years", type=int, default=10, help="the last N boekjaren of the dataset")
    ap.add_argument("--per-region", action="store_true", help="one process per region config and soort")
    ap.add_argument("--jobs", type=int, default=2, help="with --per-region: regions billed at the same time")
    a = ap.parse_args()
    if not os.path.isfile(os.path.join(a.data, "dataset.json")):
        print("generating the national dataset in %s ..." % a.data)
        subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tools", "gen-national", "gen_national.py"),
                        "--out", a.data], check=True, stdout=subprocess.DEVNULL)
    for suffix in ["", "-wal", "-shm"]:
        if os.path.exists(a.store + suffix):
            os.remove(a.store + suffix)
    shutil.rmtree(a.out, ignore_errors=True)
    url = "sqlite:" + a.store
    by_year = regions_by_year(a.data)
    years = sorted(by_year)[-a.years:]
    timed([a.vhh, "db", "init", "--database", url])
    def province_config(year):
        return os.path.join(a.data, "invoicing-bench-%s.yaml" % year)

    for year in years:
        cfg = province_config(year)
        with open(cfg, "w", encoding="utf-8") as f:
            f.write("provincie:\n  id: nederland\n  naam: Nederland\n  boekjaar: %s\nregios:\n" % year)
            f.writelines("  - config: %s/%s/vhh.yaml\n" % (r, year) for r in by_year[year])
        timed([a.vhh, "vaststellen", "begroting", "--jaar", year, "--besluit", "bench", "--datum", "%s-01-01" % year,
               "--config", cfg, "--database", url])

    def bill_config(year, config, out):
        """voorschot then werkplekhuur of a region or province config: (invoices issued, CPU seconds, peak RSS)."""
        os.makedirs(os.path.dirname(out), exist_ok=True)
        issued, cpu, peak = 0, 0.0, 0.0
        for soort in ("voorschot", "werkplekhuur"):
            cmd = [a.vhh, "factureren", "--jaar", year, "--soort", soort, "--out", out,
                   "--config", config, "--database", url, "--allow-outside-inputs"]
            p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            stdout = p.stdout.read()  # as store_national.timed: stderr is a few lines at most
            stderr = p.stderr.read()
            _, status, usage = os.wait4(p.pid, 0)  # its own CPU time, also when another job runs
            if os.waitstatus_to_exitcode(status) != 0:
                sys.exit("invoicing_national.py: %s failed: %s" % (" ".join(cmd), stderr.decode()))
            issued += int(re.findall(rb"^vhh: (\d+) new", stdout, re.M)[-1])  # the total, last
            cpu += usage.ru_utime + usage.ru_stime
            peak = max(peak, usage.ru_maxrss / 1024.0)
        return issued, cpu, peak

    def region_out(year, region):
        return os.path.join(a.out, region, year) if a.per_region else os.path.join(a.out, year, region)

    def bill(year):
        """Every region of `year`: (invoices issued, wall, CPU, peak RSS, files)."""
        start = time.monotonic()
        if a.per_region:
            def bill_region(region):
                return bill_config(year, os.path.join(a.data, region, year, "vhh.yaml"), region_out(year, region))
            with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
                results = list(pool.map(bill_region, by_year[year]))
        else:
            results = [bill_config(year, province_config(year), os.path.join(a.out, year))]
        wall = time.monotonic() - start
        issued = sum(r[0] for r in results)
        cpu = sum(r[1] for r in results)
        peak = max(r[2] for r in results)
        files = sum(len(os.listdir(region_out(year, region))) for region in by_year[year])
        return issued, wall, cpu, peak, files

    print("boekjaar  regions  invoices   wall s    CPU s   peak MiB   files written")
    total = 0
    for year in years:
        issued, wall, cpu, peak, files = bill(year)
        total += issued
        print("%8s  %7d  %8d  %7.2f  %7.2f  %9.1f  %d" % (year, len(by_year[year]), issued, wall, cpu, peak, files))
    issued, wall, cpu, peak, files = bill(years[-1])
    print("again %s: %d new invoices, %.2f s wall, %.2f s CPU, %.1f MiB peak (unchanged invoice PDFs carried over)"
          % (years[-1], issued, wall, cpu, peak))
    print("%d invoices in %d years; store %.1f MiB" % (total, len(years), os.path.getsize(a.store) / 1048576.0))


if __name__ == "__main__":
    main()
