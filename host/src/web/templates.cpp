#include "web/templates.h"

#include <filesystem>
#include <stdexcept>

#include "output/sha256.h"

namespace vhh::host::web {

namespace fs = std::filesystem;
namespace mu = kainjow::mustache;

namespace {

std::map<std::string, std::string> read_folder(const fs::path &dir, const std::string &suffix) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw std::runtime_error(dir.string() + " is missing (the web templates of vhh serve)");
    std::map<std::string, std::string> out;
    for (const auto &entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_regular_file() || name.size() <= suffix.size() ||
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        out[name.substr(0, name.size() - suffix.size())] = read_file_bytes(entry.path().string());
    }
    return out;
}

}  // namespace

Templates::Templates(const std::string &dir) {
    templates_ = read_folder(fs::path(dir) / "templates", ".mustache");
    static_ = read_folder(fs::path(dir) / "static", "");
    for (const auto &[name, text] : templates_) {
        mu::mustache m(text);
        if (!m.is_valid())
            throw std::runtime_error((fs::path(dir) / "templates" / (name + ".mustache")).string() + ": " +
                                     m.error_message());
    }
    if (!templates_.count("layout")) throw std::runtime_error(dir + "/templates/layout.mustache is missing");
}

std::string Templates::page(const std::string &name, const Data &data) const {
    auto it = templates_.find(name);
    if (it == templates_.end()) throw std::runtime_error("no web template " + name);
    mu::mustache body(it->second);
    Data wrapped = data;
    wrapped.set("inhoud", body.render(data));
    mu::mustache layout(templates_.at("layout"));
    return layout.render(wrapped);
}

const std::string *Templates::static_file(const std::string &name) const {
    auto it = static_.find(name);
    return it == static_.end() ? nullptr : &it->second;
}

}  // namespace vhh::host::web
