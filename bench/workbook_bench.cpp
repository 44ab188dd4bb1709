// Workbook writing: vhh's report model rendered by the host (vhh::host::render_workbook, libxlsxwriter
// in constant-memory mode) against bare libxlsxwriter writing the same cells (xlsx_bare.c).
// 100 000 rows × 8 columns, as in the peer figures. The figure is the ratio of the medians:
//   BM_RenderWorkbook / BM_BareLibxlsxwriter           the renderer's own overhead
//   BM_BuildAndRenderWorkbook / BM_BareLibxlsxwriter   model building included (what a plugin pays)
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench_size.h"
#include "render/xlsx_renderer.h"
#include "workbook_model.h"
#include "xlsx_bare.h"

namespace {

std::string out_path(const char *what) {
    const char *tmp = std::getenv("TMPDIR");
    return std::string(tmp && *tmp ? tmp : "/tmp") + "/vhh-bench-" + what + "-" + std::to_string(getpid()) + ".xlsx";
}

void set_rates(benchmark::State &state) {
    state.counters["rows/s"] =
        benchmark::Counter(static_cast<double>(state.range(0)) * static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate);
}

void BM_BareLibxlsxwriter(benchmark::State &state) {
    const std::string path = out_path("bare");
    for (auto _ : state)
        if (vhh_bench_bare_write(path.c_str(), static_cast<int>(state.range(0))) != 0)
            state.SkipWithError("libxlsxwriter failed");
    std::remove(path.c_str());
    set_rates(state);
}

void BM_RenderWorkbook(benchmark::State &state) {
    const vhh::Workbook wb = vhh::bench::workbook_model(static_cast<int>(state.range(0)));
    const std::string path = out_path("model");
    for (auto _ : state) vhh::host::render_workbook(wb, path, 1704067200);
    std::remove(path.c_str());
    set_rates(state);
}

void BM_BuildAndRenderWorkbook(benchmark::State &state) {
    const std::string path = out_path("model");
    for (auto _ : state) {
        const vhh::Workbook wb = vhh::bench::workbook_model(static_cast<int>(state.range(0)));
        vhh::host::render_workbook(wb, path, 1704067200);
    }
    std::remove(path.c_str());
    set_rates(state);
}

void BM_BuildModel(benchmark::State &state) {
    for (auto _ : state) {
        vhh::Workbook wb = vhh::bench::workbook_model(static_cast<int>(state.range(0)));
        benchmark::DoNotOptimize(wb.sheets.data());
    }
    set_rates(state);
}

// Each iteration writes a whole workbook (about a second); five repetitions give a stable median.
#define VHH_WORKBOOK_BENCH(fn) \
    BENCHMARK(fn)->Arg(vhh::bench::size(100'000))->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(true)
VHH_WORKBOOK_BENCH(BM_BareLibxlsxwriter);
VHH_WORKBOOK_BENCH(BM_RenderWorkbook);
VHH_WORKBOOK_BENCH(BM_BuildAndRenderWorkbook);
VHH_WORKBOOK_BENCH(BM_BuildModel);

}  // namespace

BENCHMARK_MAIN();
