// Allocation: vhh::allocate_largest_remainder, the rule behind every division of a total over
// gemeenten, for the 342 gemeenten of the country (weights: inwoners with a realistic spread) and
// for one region's 12.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "vhh/money.h"

namespace {

/// Inwoners of `n` gemeenten: a heavy-tailed spread from about 1 000 to 900 000 (deterministic).
std::vector<std::int64_t> inwoners(int n) {
    std::vector<std::int64_t> w;
    std::uint64_t s = 7;
    for (int i = 0; i < n; ++i) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        const double u = static_cast<double>(s >> 11) / 9007199254740992.0;  // [0, 1)
        w.push_back(static_cast<std::int64_t>(1000 + 900000 * std::pow(u, 6)));
    }
    return w;
}

void BM_AllocateLargestRemainder(benchmark::State &state) {
    const auto weights = inwoners(static_cast<int>(state.range(0)));
    const vhh::Money total = vhh::Money::cents(8'571'234'567);  // € 85.712.345,67
    for (auto _ : state) {
        auto parts = vhh::allocate_largest_remainder(total, weights);
        benchmark::DoNotOptimize(parts.data());
    }
    state.counters["allocations/s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_AllocateWholeEuros(benchmark::State &state) {
    const auto weights = inwoners(static_cast<int>(state.range(0)));
    const vhh::Money total = vhh::Money::cents(8'571'234'500);
    for (auto _ : state) {
        auto parts = vhh::allocate_largest_remainder(total, weights, 100);
        benchmark::DoNotOptimize(parts.data());
    }
    state.counters["allocations/s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_AllocateLargestRemainder)->Arg(12)->Arg(342)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_AllocateWholeEuros)->Arg(342)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
