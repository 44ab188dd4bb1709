#include "web/templates.h"

#include <atomic>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "output/sha256.h"

namespace vhh::host::web {

namespace fs = std::filesystem;
namespace mu = kainjow::mustache;

namespace {

std::atomic<std::uint64_t> next_id{1};  // each Templates its own key in the threads' caches

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

Templates::Templates(const std::string &dir) : id_(next_id.fetch_add(1)) {
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

mu::mustache &Templates::parsed(const std::string &name) const {
    // Parsed once per server thread, not per request (parsing was a third of the dashboard's CPU
    // time); per thread because kainjow's render() is not const.
    thread_local std::map<std::pair<std::uint64_t, std::string>, std::unique_ptr<mu::mustache>> cache;
    auto &slot = cache[{id_, name}];
    if (!slot) {
        auto it = templates_.find(name);
        if (it == templates_.end()) throw std::runtime_error("no web template " + name);
        slot = std::make_unique<mu::mustache>(it->second);
    }
    return *slot;
}

std::string Templates::page(const std::string &name, const Data &data) const {
    mu::mustache &body = parsed(name);
    Data wrapped = data;
    wrapped.set("inhoud", body.render(data));
    return parsed("layout").render(wrapped);
}

const std::string *Templates::static_file(const std::string &name) const {
    auto it = static_.find(name);
    return it == static_.end() ? nullptr : &it->second;
}

}  // namespace vhh::host::web
