#include "vhh/testing.h"

#include <filesystem>

namespace vhh::testing {

Region sample_region() {
    Region r;
    r.id = "testregio";
    r.naam = "Veiligheidshuis Testregio";
    r.boekjaar = 2017;
    r.centrumgemeente = "GM0002";
    r.peildatum = {2017, 1, 1};
    r.bevolking_bron = "test";
    r.gemeenten = {{"GM0001", "Aardam", 10000, "test", {"/cfg/vhh.yaml", 10, 5}, {}},
                   {"GM0002", "Beekstad", 25000, "test", {"/cfg/vhh.yaml", 11, 5}, {}},
                   {"GM1948", "Meierijstad", 80000, "test", {"/cfg/vhh.yaml", 12, 5}, {"GM0846", "GM0860"}}};
    r.herindelingen = {{{2017, 1, 1}, "GM1948", "Meierijstad", {"GM0846", "GM0860"}, {"/cfg/vhh.yaml", 20, 5}}};
    return r;
}

std::optional<InputFile> MemoryInputFiles::read(const std::string &path, const SourceLocation &where,
                                                const std::string &key_path) {
    namespace fs = std::filesystem;
    fs::path p(path);
    if (p.is_relative()) p = (where.file.empty() ? fs::path("/cfg") : fs::path(where.file).parent_path()) / p;
    const std::string resolved = p.lexically_normal().string();
    auto it = files_.find(resolved);
    if (it == files_.end()) {
        diagnostics_.error(ExitCode::no_input, where, key_path,
                           "cannot read input file: cannot read " + resolved + ": No such file or directory");
        return std::nullopt;
    }
    reads.push_back(resolved);
    return InputFile{resolved, it->second};
}

void MemoryImporters::add(const std::string &name, Plugin &importer, Settings settings) {
    routes_[name] = Route{&importer, std::move(settings)};
}

bool MemoryImporters::import_ledger(const std::string &importer, const std::string &path, const SourceLocation &where,
                                    const std::string &key_path, LedgerSink &sink) {
    calls.push_back(importer + " " + path);
    auto it = routes_.find(importer);
    if (it == routes_.end()) {
        diagnostics_.error(ExitCode::config, where, key_path, "no importer '" + importer + "' is configured");
        return false;
    }
    std::optional<InputFile> file = files_.read(path, where, key_path);
    if (!file) return false;
    StringInputStream stream(file->contents);  // handed over in pieces, as the host does
    const InputFile streamed{file->path, std::string(), &stream};
    Region region = sample_region();
    std::vector<Partner> partners;
    ImportContext ctx(region, partners, it->second.settings, diagnostics_);
    ctx.set_key_path("plugins[1]");
    it->second.plugin->import_ledger(ctx, streamed, sink);
    return true;
}

std::vector<LedgerLine> import_text(Plugin &plugin, FakeImportContext &ctx, const std::string &contents,
                                    const std::string &path) {
    StringInputStream stream(contents);
    LedgerLines sink;
    plugin.import_ledger(ctx, InputFile{path, std::string(), &stream}, sink);
    return sink.lines;
}

}  // namespace vhh::testing
