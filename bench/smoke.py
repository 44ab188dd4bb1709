#!/usr/bin/env python3
"""Smoke run of the benchmarks (ctest `bench.smoke`): every vhh_bench_* program runs once at a
small size (VHH_BENCH_SMOKE=1, see bench_size.h) and must finish without an error of its own —
a benchmark that skips with an error (its own ledger has errors, its region cannot run) fails the
test. Nothing here is timed or compared with a time: figures come from running the benchmarks by
hand (docs/benchmarks.md). bench/serve_wrk.py runs for a second per page. Also checks what the workbook comparison rests on: the report model and
bare libxlsxwriter write byte-identical files.

Usage: smoke.py BIN_DIR"""
import json
import os
import subprocess
import sys
import tempfile

GOOGLE_BENCHMARKS = ("vhh_bench_ledger", "vhh_bench_workbook", "vhh_bench_documents", "vhh_bench_allocation")


def run(argv, env):
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        sys.exit(f"{argv[0]} exited with {result.returncode}:\n{result.stderr}")
    return result.stdout


def main():
    bin_dir = sys.argv[1]
    env = dict(os.environ, VHH_BENCH_SMOKE="1")
    failures = []
    for name in GOOGLE_BENCHMARKS:
        out = run([os.path.join(bin_dir, name), "--benchmark_min_time=0", "--benchmark_format=json"], env)
        report = json.loads(out)
        runs = report.get("benchmarks", [])
        if not runs:
            failures.append(f"{name}: no benchmark ran")
        for b in runs:
            if b.get("error_occurred"):
                failures.append(f"{name}: {b['name']}: {b.get('error_message', '')}")
        print(f"{name}: {len(runs)} benchmark runs")
    with tempfile.TemporaryDirectory() as tmp:
        bare, model = os.path.join(tmp, "bare.xlsx"), os.path.join(tmp, "model.xlsx")
        run([os.path.join(bin_dir, "vhh_bench_xlsx_bare"), "1000", bare], env)
        run([os.path.join(bin_dir, "vhh_bench_xlsx_model"), "1000", model], env)
        with open(bare, "rb") as a, open(model, "rb") as b:
            if a.read() != b.read():
                failures.append("vhh_bench_xlsx_model and vhh_bench_xlsx_bare wrote different files")
        run([os.path.join(bin_dir, "vhh_bench_camt053"), "2000", os.path.join(tmp, "camt053.xml")], env)
    for fmt in ("pdf", "html"):  # exits non-zero when two renders differ
        run([os.path.join(bin_dir, "vhh_bench_render"), fmt, "40", "1"], env)
    # vhh serve under wrk: one second per page, a few connections (exits non-zero when a page does
    # not answer as logged in or the server does not stop cleanly).
    run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "serve_wrk.py"),
         "--vhh", os.path.join(bin_dir, "vhh"), "--duration", "1", "--connections", "4"], env)
    if failures:
        sys.exit("\n".join(failures))
    print("all benchmarks ran without errors; the two workbooks are byte-identical")


if __name__ == "__main__":
    main()
