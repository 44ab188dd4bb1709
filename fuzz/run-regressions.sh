#!/usr/bin/env bash
# run-regressions.sh FUZZER DIR...
# Runs a libFuzzer target once on every file in the given folders (its regression inputs and seed
# corpus) with the same limits as run-fuzzers.sh. Fails when any input crashes, leaks, trips a
# sanitizer, times out (10 s) or goes over its memory limit (fuzz/limits.sh). Used by the fuzz build's ctest (label "fuzz").
set -euo pipefail
# shellcheck source=fuzz/limits.sh
. "$(dirname "$0")/limits.sh"
fuzzer=$1
shift
files=()
for dir in "$@"; do
  [ -d "$dir" ] || continue
  while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$dir" -type f ! -name 'README*' -print0 | sort -z)
done
if [ ${#files[@]} -eq 0 ]; then
  echo "no inputs for $(basename "$fuzzer")"
  exit 0
fi
echo "$(basename "$fuzzer"): ${#files[@]} inputs"
# A target's own temporary files go to a folder removed afterwards, also when an input kills it.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vhh-fuzz-regressions.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# libFuzzer runs the files given as arguments once each (no fuzzing) and stops at the first failure.
TMPDIR=$tmp "$fuzzer" -timeout=10 -rss_limit_mb="$(fuzz_rss_limit_mb "$fuzzer")" "${files[@]}"
