#!/usr/bin/env bash
# Times whole `vhh run` processes on the synthetic national dataset (tools/gen-national): a line per
# run with its wall time and peak RSS, then the medians. The dataset is generated when missing.
#
# Usage: bench/run-national.sh [--vhh BIN] [--config FILE] [--data DIR] [--scale K] [--runs N] [--out DIR]
#   --vhh BIN      the vhh program (default: $VHH_BIN, else build/bin/vhh of this checkout)
#   --config FILE  a national (province) config to run; default: DIR/nederland-2024.yaml
#   --data DIR     where the dataset is or is generated (default /tmp/vhh-national-<K>x)
#   --scale K      generate with the ledger K times larger (default 1; 10 = the tenfold ledger)
#   --runs N       number of runs (default 5)
#   --out DIR      output directory of vhh run (default /tmp/vhh-national-out); removed before each run,
#                  so it must not exist or be an earlier vhh output (with its manifest.json)
# Wall time and peak RSS come from the kernel (wait4's rusage of the vhh process, read by a few lines
# of /usr/bin/python3), so nothing beyond python3 is needed. Targets: ≤ 5 s wall, ≤ 200 MB.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

vhh="${VHH_BIN:-$root/build/bin/vhh}"
config=""
scale=1
data=""
runs=5
out=/tmp/vhh-national-out
while [ $# -gt 0 ]; do
  case "$1" in
    --vhh) vhh="$2"; shift 2 ;;
    --config) config="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --scale) scale="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "run-national.sh: unknown argument '$1' (see --help)" >&2; exit 64 ;;
  esac
done
[ -x "$vhh" ] || { echo "run-national.sh: no vhh program at $vhh (build first, or give --vhh)" >&2; exit 66; }

if [ -z "$config" ]; then
  data="${data:-/tmp/vhh-national-${scale}x}"
  if [ ! -f "$data/dataset.json" ]; then
    echo "generating the national dataset (scale $scale) in $data ..."
    /usr/bin/python3 "$root/tools/gen-national/gen_national.py" --out "$data" --scale "$scale" >/dev/null
  fi
  config="$data/nederland-2024.yaml"
fi
[ -f "$config" ] || { echo "run-national.sh: no config $config" >&2; exit 66; }

echo "vhh:    $vhh"
echo "config: $config"
echo "runs:   $runs (output to $out)"
/usr/bin/python3 - "$vhh" "$config" "$out" "$runs" <<'EOF'
import os, shutil, statistics, subprocess, sys, time

vhh, config, out, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
if os.path.exists(out) and os.listdir(out) and not os.path.isfile(os.path.join(out, "manifest.json")):
    sys.exit(f"run-national.sh: {out} is not an output of vhh run (no manifest.json); give another --out")
walls, rss = [], []
for i in range(1, runs + 1):
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    p = subprocess.Popen([vhh, "run", "--config", config, "--out", out],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    p.stderr.close()
    if p.returncode != 0:
        sys.stderr.write(err.decode("utf-8", "replace"))
        sys.exit(f"run {i}: vhh exited with {p.returncode}")
    mb = usage.ru_maxrss / 1024.0  # ru_maxrss is in KiB on Linux
    walls.append(wall)
    rss.append(mb)
    print(f"run {i}: wall {wall:.3f} s, peak RSS {mb:.1f} MiB (user {usage.ru_utime:.3f} s, sys {usage.ru_stime:.3f} s)",
          flush=True)
print(f"median of {runs}: wall {statistics.median(walls):.3f} s, peak RSS {statistics.median(rss):.1f} MiB")
EOF
