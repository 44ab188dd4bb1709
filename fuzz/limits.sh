# shellcheck shell=bash
# fuzz/limits.sh — sourced by run-fuzzers.sh and run-regressions.sh: the memory limit of each
# target (libFuzzer's -rss_limit_mb, peak resident memory under ASan). fuzz_template's is low on
# purpose: a template costs little memory once nesting depth and output size are limited, and a
# 6 000-level template (1,2 GB under ASan before the depth limit) must fail it. The others parse
# whole config, ledger and indicator files and keep 2 GB. FUZZ_RSS_LIMIT_MB overrides all.
fuzz_rss_limit_mb() {
  if [ -n "${FUZZ_RSS_LIMIT_MB:-}" ]; then echo "$FUZZ_RSS_LIMIT_MB"; return; fi
  case $(basename "$1") in
    fuzz_template) echo 512 ;;
    *) echo 2048 ;;
  esac
}
