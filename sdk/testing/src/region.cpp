// Regions from YAML for plugin tests; see vhh/testing_region.h.
#include "vhh/testing_region.h"

#include <fstream>
#include <stdexcept>

#include "config/region_config.h"
#include "temporary_folder.h"

namespace vhh::testing {

namespace {

/// `text` with every occurrence of `from` replaced by `to`.
std::string replace_all(std::string text, const std::string &from, const std::string &to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

/// `text` as a double-quoted YAML scalar.
std::string quoted(const std::string &text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

/// True when `yaml` has a top-level `plugins:` key.
bool has_plugins_key(const std::string &yaml) {
    return yaml.rfind("plugins:", 0) == 0 || yaml.find("\nplugins:") != std::string::npos;
}

}  // namespace

std::string TestRegion::yaml() const {
    const std::string jaar = std::to_string(boekjaar);
    const std::string centrum = !centrumgemeente.empty() ? centrumgemeente : gemeenten.empty() ? "" : gemeenten[0].code;
    std::string out = "regio: {id: " + id + ", naam: " + quoted(naam) + ", boekjaar: " + jaar +
                      ", centrumgemeente: " + centrum + "}\nbevolking: {peildatum: " + jaar +
                      "-01-01, bron: " + quoted(bron) + "}\ngemeenten:" + (gemeenten.empty() ? " []\n" : "\n");
    for (const auto &g : gemeenten) {
        out += "  - {code: " + g.code + ", naam: " + quoted(g.naam) + ", inwoners: " + std::to_string(g.inwoners);
        if (!g.inwoners_bron.empty()) out += ", bron: " + quoted(g.inwoners_bron);
        out += "}\n";
    }
    return out + more;
}

Region region_from_yaml(const std::string &yaml) {
    static const std::string kShownPath = "/cfg/vhh.yaml";
    TemporaryFolder folder;
    const std::string path = folder.path() + "/vhh.yaml";
    {
        std::ofstream out(path, std::ios::binary);
        out << yaml;
        if (!yaml.empty() && yaml.back() != '\n') out << '\n';
        if (!has_plugins_key(yaml)) out << "plugins: []\n";
        if (!out) throw std::runtime_error("cannot write " + path);
    }
    Diagnostics diag;
    host::RunConfig config = host::load_run_config(path, diag);
    if (diag.has_errors()) {
        std::string message;
        for (const auto &d : diag.all())
            if (d.severity == Severity::error) message += replace_all(d.format(), path, kShownPath) + "\n";
        throw std::invalid_argument(message);
    }
    Region region = std::move(config.region);
    for (auto &g : region.gemeenten) g.where.file = kShownPath;
    for (auto &h : region.herindelingen) h.where.file = kShownPath;
    return region;
}

}  // namespace vhh::testing
