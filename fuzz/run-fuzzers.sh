#!/usr/bin/env bash
# fuzz/run-fuzzers.sh [SECONDS] [BUILD_DIR]
#
# Configures and builds the fuzz build (clang, -DVHH_FUZZ=ON) into BUILD_DIR (default build-fuzz,
# relative to the repository), runs every target once on its regression inputs and seed corpus
# (ctest -L fuzz), then fuzzes every target for SECONDS (default 60) with -max_total_time,
# -timeout=10 and the target's -rss_limit_mb (fuzz/limits.sh: 512 for fuzz_template, else 2048), two
# targets at a time, each on a copy of its committed corpus
# in a temporary folder (the committed corpus is never modified). Prints per target: executions,
# exec/s, coverage (cov:, ft:) and corpus size. Exits 1 when any target crashed, hung, ran out of
# memory or failed a regression input; the inputs are kept in BUILD_DIR/fuzz-artifacts/<target>/.
#
# Environment:
#   FUZZ_TARGETS      targets to run (default: all five), e.g. "fuzz_config fuzz_template"
#   FUZZ_PARALLEL     targets fuzzed at a time (default 2)
#   FUZZ_JOBS         build parallelism (default: nproc)
#   FUZZ_KEEP_CORPUS  a folder: the grown corpora are copied to FOLDER/<target>/ (for a campaign)
#   FUZZ_ARGS         extra libFuzzer flags, e.g. "-max_len=16384"
#   FUZZ_RSS_LIMIT_MB memory limit of every target in MB (default: per target, see fuzz/limits.sh)
# Needs the Debian packages clang and libclang-rt-14-dev besides those of scripts/setup.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# shellcheck source=fuzz/limits.sh
. "$root/fuzz/limits.sh"

seconds=${1:-60}
build=${2:-build-fuzz}
case $build in /*) ;; *) build=$root/$build ;; esac
read -r -a targets <<<"${FUZZ_TARGETS:-fuzz_config fuzz_ledger_csv fuzz_indicator_csv fuzz_template fuzz_camt053}"
parallel=${FUZZ_PARALLEL:-2}
jobs=${FUZZ_JOBS:-$(nproc)}
if ! [[ $seconds =~ ^[0-9]+$ ]]; then
  echo "usage: fuzz/run-fuzzers.sh [SECONDS] [BUILD_DIR]" >&2
  exit 64
fi

for tool in clang clang++ cmake ninja; do
  if ! command -v "$tool" >/dev/null; then
    echo "run-fuzzers: $tool not found; install the Debian packages: clang libclang-rt-14-dev cmake ninja-build" >&2
    exit 1
  fi
done

echo "== configure and build the fuzz build in $build"
# shellcheck source=scripts/ccache-env
. "$root/scripts/ccache-env"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ "${VHH_LAUNCHER_ARGS[@]}" \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVHH_FUZZ=ON >/dev/null
cmake --build "$build" --target vhh_fuzzers -j"$jobs"

echo "== regression inputs and seed corpora (ctest -L fuzz)"
regressions_ok=1
ctest --test-dir "$build" -L fuzz --output-on-failure || regressions_ok=0

work=$(mktemp -d "${TMPDIR:-/tmp}/vhh-fuzz.XXXXXX")
# shellcheck disable=SC2317  # called by the trap
cleanup() {
  # Stop fuzzers still running (interrupted run), then remove the temporary corpora.
  for pidfile in "$work"/*/pid; do
    if [ -f "$pidfile" ]; then kill "$(cat "$pidfile")" 2>/dev/null || true; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

artifacts=$build/fuzz-artifacts
start() {
  local t=$1 dir=$work/$1
  mkdir -p "$dir/corpus" "$dir/tmp" "$artifacts/$t"
  cp -R "$root/fuzz/corpus/$t/." "$dir/corpus/"
  if [ -d "$root/fuzz/regressions/$t" ]; then
    find "$root/fuzz/regressions/$t" -type f ! -name 'README*' -exec cp {} "$dir/corpus/" \;
  fi
  local dict=()
  [ -f "$root/fuzz/$t.dict" ] && dict=(-dict="$root/fuzz/$t.dict")
  (
    cd "$dir"
    set +e
    # shellcheck disable=SC2086
    TMPDIR=$dir/tmp "$build/fuzz/$t" "$dir/corpus" "${dict[@]}" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb="$(fuzz_rss_limit_mb "$t")" -print_final_stats=1 -artifact_prefix="$artifacts/$t/" ${FUZZ_ARGS:-} \
      >"$dir/log" 2>&1 &
    echo $! >"$dir/pid"
    wait $!
    echo $? >"$dir/rc"
    rm -f "$dir/pid"  # finished: the cleanup must not signal a reused pid
  ) &
}

echo "== fuzzing ${targets[*]} for ${seconds}s each, $parallel at a time"
running=0
for t in "${targets[@]}"; do
  if [ ! -x "$build/fuzz/$t" ]; then
    echo "run-fuzzers: unknown target $t" >&2
    exit 64
  fi
  if [ "$running" -ge "$parallel" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  start "$t"
  running=$((running + 1))
done
wait || true

failed=0
printf '\n%-20s %-8s %12s %8s %8s %8s %14s\n' target result executions exec/s cov ft corpus
for t in "${targets[@]}"; do
  dir=$work/$t
  rc=$(cat "$dir/rc" 2>/dev/null || echo 1)
  log=$dir/log
  last=$(grep -E '^#[0-9]+' "$log" | grep 'cov:' | tail -1 || true)
  field() { sed -nE "s/.*$1 ([^ ]+).*/\\1/p" <<<"$last"; }
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log" | tail -1)
  speed=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "$log" | tail -1)
  result=ok
  if [ "$rc" != 0 ]; then
    failed=1
    if grep -q 'ERROR: libFuzzer: timeout' "$log"; then result=hang
    elif grep -q 'out-of-memory' "$log"; then result=oom
    else result=crash; fi
  fi
  printf '%-20s %-8s %12s %8s %8s %8s %14s\n' "$t" "$result" "${runs:-?}" "${speed:-?}" \
    "$(field cov:)" "$(field ft:)" "$(field corp:)"
  if [ "$result" != ok ]; then
    echo "---- $t: last lines of the log (input saved in $artifacts/$t/)"
    tail -n 60 "$log" | sed 's/^/  /'
  fi
  if [ -n "${FUZZ_KEEP_CORPUS:-}" ]; then
    mkdir -p "$FUZZ_KEEP_CORPUS/$t"
    cp -R "$dir/corpus/." "$FUZZ_KEEP_CORPUS/$t/"
  fi
done
echo "(corpus: files/size at the end; cov: edges covered; ft: features)"

if [ "$regressions_ok" = 0 ]; then
  echo "run-fuzzers: a regression input or seed fails (see the ctest output above)" >&2
  failed=1
fi
exit $failed
