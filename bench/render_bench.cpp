// Render benchmark: one document with a table of N rows (host/tests/render_samples.h long_table)
// rendered as PDF or HTML; prints wall time, CPU time, peak RSS and the output size. One format per
// process, so the peak RSS is that format's.
//   vhh_bench_render pdf|html [ROWS=400] [REPEAT=5]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "render/html_renderer.h"
#include "render/pdf_renderer.h"
#include "render_samples.h"

int main(int argc, char **argv) {
    using namespace vhh::host;
    if (argc < 2 || argc > 4 || (std::string(argv[1]) != "pdf" && std::string(argv[1]) != "html")) {
        std::fprintf(stderr, "usage: vhh_bench_render pdf|html [ROWS] [REPEAT]\n");
        return 64;
    }
    const int rows = argc > 2 ? std::atoi(argv[2]) : 400;
    const int repeat = argc > 3 ? std::atoi(argv[3]) : 5;
    const vhh::doc::Document document = samples::long_table(rows);
    const RenderOptions options = samples::options();
    const PdfRenderer pdf;
    const HtmlRenderer html;
    const DocumentRenderer &r = std::string(argv[1]) == "pdf" ? static_cast<const DocumentRenderer &>(pdf) : html;
    std::size_t bytes = 0;
    double best = 1e9;
    const std::string first = r.render(document, options);
    for (int i = 0; i < repeat; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const std::string out = r.render(document, options);
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        bytes = out.size();
        if (out != first) {
            std::fprintf(stderr, "error: two renders differ\n");
            return 70;
        }
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("format=%s rows=%d best_wall_ms=%.1f peak_rss_mb=%.1f bytes=%zu\n", argv[1], rows, best * 1000,
                static_cast<double>(usage.ru_maxrss) / 1024.0, bytes);
    return 0;
}
