// Test driver: renders the sample documents (tests/render_samples.h) as PDF and HTML into a
// folder, for the end-to-end checks with independent tools (tests/e2e/test_render.py).
//   vhh_render_sample OUTDIR [LOGO.png]
#include <cstdio>
#include <fstream>
#include <iostream>

#include "render/html_renderer.h"
#include "render/pdf_renderer.h"
#include "render/xlsx_renderer.h"
#include "render_samples.h"

int main(int argc, char **argv) {
    using namespace vhh::host;
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: vhh_render_sample OUTDIR [LOGO.png]\n";
        return 64;
    }
    const std::string out = argv[1];
    const RenderOptions options = samples::options(argc == 3 ? argv[2] : "");
    const PdfRenderer pdf;
    const HtmlRenderer html;
    try {
        for (const auto &document : {samples::bijdragen(), samples::raadsbrief(), samples::long_table(400),
                                     samples::hostile()}) {
            for (const DocumentRenderer *r : {static_cast<const DocumentRenderer *>(&pdf),
                                              static_cast<const DocumentRenderer *>(&html)}) {
                std::ofstream f(out + "/" + document.name + "." + r->extension(), std::ios::binary);
                f << r->render(document, options);
                if (!f.flush()) {
                    std::cerr << "cannot write into " << out << "\n";
                    return 73;
                }
            }
        }
    } catch (const RenderError &e) {
        std::cerr << "error: " << e.what() << "\n";
        return 70;
    }
    return 0;
}
