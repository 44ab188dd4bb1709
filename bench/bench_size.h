// Benchmark sizes, and the smoke mode the test suite runs the benchmarks in.
#pragma once

#include <algorithm>
#include <cstdlib>

namespace vhh::bench {

/// `full` (rows, lines) as the benchmark measures it, or at most 1 000 when VHH_BENCH_SMOKE is
/// set: the ctest `bench.smoke` runs every benchmark once that small, to prove it still builds,
/// runs and finds no errors in its own data — never to time anything.
inline long size(long full) {
    const char *smoke = std::getenv("VHH_BENCH_SMOKE");
    return smoke != nullptr && *smoke != '\0' ? std::min(full, 1000L) : full;
}

}  // namespace vhh::bench
