// Documents of a real region run: template rendering (vhh::host::CompiledTemplate over the kainjow
// Mustache renderer, as vhh uses it: each template compiled once, then rendered per document) over
// every wording template of the described documents a region produces (partners, regio, raadsbrieven),
// compiling each template, and rendering its workbooks.
//
// The region is the one `vhh run` would compute: the config in VHH_BENCH_CONFIG (e.g. the largest
// region of tools/gen-national's dataset), else the bundled Zeeland config; the plugins and templates
// are the build's. The region is computed once (run_region, as `vhh run` does); the benchmarks then
// repeat only the rendering.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "output/sha256.h"
#include "render/text_renderer.h"
#include "render/xlsx_renderer.h"
#include "run.h"

namespace {

namespace fs = std::filesystem;
using namespace vhh;

struct Region {
    host::PluginRegistry registry;
    std::unique_ptr<host::RegionRun> run;
    std::vector<TextDocument> texts;  // the wording templates of the described letters and reports, with their data
    std::map<std::string, std::string> sources;  // template name -> text
    std::map<std::string, host::CompiledTemplate> compiled;  // template name -> compiled once
    std::string error;
};

const Region &region() {
    static Region *r = [] {
        auto *reg = new Region;
        const char *env = std::getenv("VHH_BENCH_CONFIG");
        const std::string config = env && *env ? env : VHH_BENCH_SHARE_DIR "/config/zeeland/vhh.yaml";
        const std::string templates = VHH_BENCH_SHARE_DIR "/templates";
        reg->registry.discover({VHH_BENCH_PLUGIN_DIR});
        Diagnostics diag;
        // Not rendered: the letters and reports keep their wording templates (the benchmark renders them).
        reg->run = host::run_region(config, config, reg->registry, templates, true, diag, nullptr, {}, {}, false);
        if (!reg->run) {
            reg->error = "cannot run " + config;
            for (const auto &d : diag.all()) reg->error += "\n" + d.format();
            return reg;
        }
        for (const auto &d : reg->run->pipeline->documents()) {
            if (d.letter && !d.letter->body_template.empty())
                reg->texts.push_back({d.name, d.letter->body_template, d.letter->template_data});
            else if (!d.letter && !d.body_template.empty())
                reg->texts.push_back({d.name, d.body_template, d.template_data});
        }
        for (const auto &doc : reg->texts)
            if (!reg->sources.count(doc.template_name)) {
                std::string path = (fs::path(templates) / doc.template_name).string();
                if (!reg->run->config.templates_dir.empty() &&
                    fs::exists(fs::path(reg->run->config.templates_dir) / doc.template_name))
                    path = (fs::path(reg->run->config.templates_dir) / doc.template_name).string();
                reg->sources[doc.template_name] = host::read_file_bytes(path);
                reg->compiled.emplace(doc.template_name,
                                      host::CompiledTemplate(reg->sources[doc.template_name], doc.template_name));
            }
        std::cerr << "region " << reg->run->config.region.id << " " << reg->run->config.region.boekjaar << ": "
                  << reg->run->config.region.gemeenten.size() << " gemeenten, " << reg->texts.size()
                  << " text documents, " << reg->run->pipeline->workbooks().size() << " workbooks\n";
        return reg;
    }();
    return *r;
}

/// Every text document of the region, rendered from its compiled template.
void BM_RenderAllTexts(benchmark::State &state) {
    const Region &r = region();
    if (!r.run) return state.SkipWithError(r.error.c_str());
    std::size_t bytes = 0, docs = 0;
    for (auto _ : state) {
        for (const auto &doc : r.texts) {
            std::string out = r.compiled.at(doc.template_name).render(doc.data);
            bytes += out.size();
            ++docs;
        }
    }
    state.counters["docs/s"] = benchmark::Counter(static_cast<double>(docs), benchmark::Counter::kIsRate);
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}

/// One document per template kind, rendered from the compiled template, to see which costs what.
void BM_RenderTemplate(benchmark::State &state, const std::string &name) {
    const Region &r = region();
    if (!r.run) return state.SkipWithError(r.error.c_str());
    const TextDocument *doc = nullptr;
    for (const auto &d : r.texts)
        if (d.template_name == name) {
            doc = &d;
            break;
        }
    if (!doc) return state.SkipWithError(("no document from " + name).c_str());
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::string out = r.compiled.at(name).render(doc->data);
        bytes += out.size();
    }
    state.counters["docs/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}

/// Compiling a template (parse, tag tree, kainjow's parse): once per template and run.
void BM_CompileTemplate(benchmark::State &state, const std::string &name) {
    const Region &r = region();
    if (!r.run) return state.SkipWithError(r.error.c_str());
    if (!r.sources.count(name)) return state.SkipWithError(("no document from " + name).c_str());
    for (auto _ : state) {
        host::CompiledTemplate t(r.sources.at(name), name);
        benchmark::DoNotOptimize(&t);
    }
}

/// Every workbook of the region rendered to a temporary file.
void BM_RenderRegionWorkbooks(benchmark::State &state) {
    const Region &r = region();
    if (!r.run) return state.SkipWithError(r.error.c_str());
    const char *tmp = std::getenv("TMPDIR");
    const std::string path =
        std::string(tmp && *tmp ? tmp : "/tmp") + "/vhh-bench-region-" + std::to_string(getpid()) + ".xlsx";
    std::size_t books = 0;
    for (auto _ : state)
        for (const auto &wb : r.run->pipeline->workbooks()) {
            host::render_workbook(wb, path, 1704067200);
            ++books;
        }
    std::remove(path.c_str());
    state.counters["workbooks/s"] = benchmark::Counter(static_cast<double>(books), benchmark::Counter::kIsRate);
}

/// The whole region from config to report models (no rendering): what each region of a national run
/// costs before its documents are written.
void BM_RunRegion(benchmark::State &state) {
    const Region &r = region();
    if (!r.run) return state.SkipWithError(r.error.c_str());
    const std::string config = r.run->config_label;
    for (auto _ : state) {
        Diagnostics diag;
        auto run = host::run_region(config, config, r.registry, VHH_BENCH_SHARE_DIR "/templates", true, diag);
        if (!run) state.SkipWithError("run_region failed");
        benchmark::DoNotOptimize(run.get());
    }
}

BENCHMARK(BM_RenderAllTexts)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_RenderTemplate, partners, std::string("partners.txt.mustache"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CompileTemplate, partners, std::string("partners.txt.mustache"))->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RenderRegionWorkbooks)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RunRegion)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
