// The vhh side of the workbook comparison as one process, for its wall time and peak memory:
// builds the report model of bench/workbook_model.h and renders it with vhh::host::render_workbook.
// Usage: vhh_bench_xlsx_model [ROWS [FILE]]   (compare: vhh_bench_xlsx_bare [ROWS [FILE]])
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "render/xlsx_renderer.h"
#include "workbook_model.h"

int main(int argc, char **argv) {
    const int rows = argc > 1 ? std::atoi(argv[1]) : 100000;
    const std::string path = argc > 2 ? argv[2] : "/tmp/vhh-bench-model.xlsx";
    const auto a = std::chrono::steady_clock::now();
    const vhh::Workbook wb = vhh::bench::workbook_model(rows);
    const auto b = std::chrono::steady_clock::now();
    try {
        vhh::host::render_workbook(wb, path, 1704067200);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "vhh_bench_xlsx_model: %s\n", e.what());
        return 1;
    }
    const auto c = std::chrono::steady_clock::now();
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    auto s = [](auto d) { return std::chrono::duration<double>(d).count(); };
    std::printf("vhh report model: %d rows x 8 columns: wall %.3f s (model %.3f s, render %.3f s), peak RSS %ld KiB\n",
                rows, s(c - a), s(b - a), s(c - b), ru.ru_maxrss);
    return 0;
}
