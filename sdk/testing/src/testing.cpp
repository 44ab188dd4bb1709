#include "vhh/testing.h"

#include <filesystem>
#include <stdexcept>

// The host's own settings validator and YAML reader (the library vhh_settings_validator).
#include "config/settings_validator.h"
#include "config/yaml_document.h"

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

namespace detail {

Settings settings_from_yaml(const vhh_setting_spec *specs, std::uint32_t count, const std::string &yaml,
                            Diagnostics &diag, const Region &region, const SettingsSource &source) {
    const std::vector<std::string> problems = host::check_settings_table(specs, count);
    if (!problems.empty()) {
        std::string message = "the settings table of " + source.plugin + " would be refused:";
        for (const auto &p : problems) message += "\n  " + p;
        throw std::logic_error(message);
    }
    // As the host reads a plugin's `bestand:` file and validates the entry it joins.
    host::YamlNode section = host::read_yaml_text(yaml, source.path, diag, source.key_path);
    if (section.truncated) return Settings();  // a syntax error: the settings cannot be checked
    if (section.is_null()) {
        section.kind = host::YamlNode::Kind::map;
        section.where = SourceLocation{source.path, 1, 1};
    }
    Settings settings = host::validate_settings(section, specs, count, source.key_path, {"name", "bestand", "sha256"},
                                                diag, &region);
    settings.set_owner(source.plugin);
    return settings;
}

void throw_settings_errors(const Diagnostics &diag) {
    std::string message;
    for (const auto &d : diag.all())
        if (d.severity == Severity::error) message += d.format() + "\n";
    throw std::invalid_argument(message);
}

}  // namespace detail

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
