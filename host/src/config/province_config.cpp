#include "config/province_config.h"
#include "store/database_url.h"

#include "config/input_file.h"

#include <filesystem>
#include <map>

#include "config/settings_validator.h"

namespace vhh::host {

namespace {

const vhh_setting_spec kProvincieSpec[] = {
    {"id", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "short stable id, e.g. oost-brabant",
     nullptr, 0},
    {"naam", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "display name", nullptr, 0},
    {"boekjaar", VHH_SETTING_INTEGER, VHH_SETTING_REQUIRED, nullptr, "1990", "2200",
     "the year of every region's documents", nullptr, 0},
};

const vhh_setting_spec kRegioFields[] = {
    {"config", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "the region's vhh.yaml, relative to this file", nullptr, 0},
    {"vorig_jaar", VHH_SETTING_TEXT, 0, "", nullptr, nullptr,
     "optional: the region's vhh.yaml of the year before, for the comparison", nullptr, 0},
};

const vhh_setting_spec kTopSpec[] = {
    {"regios", VHH_SETTING_LIST, VHH_SETTING_REQUIRED, nullptr, "1", nullptr, "the regions of the province",
     kRegioFields, sizeof kRegioFields / sizeof kRegioFields[0]},
    {"administratie", VHH_SETTING_TEXT, 0, "", nullptr, nullptr,
     "optional: the store (sqlite:PATH relative to this file, or postgresql://USER:PASSWORD@HOST:PORT/DB)", nullptr, 0},
};

}  // namespace

bool is_province_config(const std::string &path) {
    Diagnostics ignored;
    YamlNode root = read_yaml_file(path, ignored);
    return root.is_map() && root.find("provincie") != nullptr;
}

ProvinceConfig load_province_config(const std::string &path, Diagnostics &diag, bool allow_outside_inputs) {
    ProvinceConfig config;
    config.path = path;
    YamlNode root = read_yaml_file(path, diag, "", &config.sha256);
    if (!root.is_map()) {
        if (!diag.has_errors())
            diag.error(ExitCode::config, {path, 0, 0}, "", "expected a map with provincie and regios");
        return config;
    }
    const YamlNode *provincie = root.find("provincie");
    Settings top = validate_settings(root, kTopSpec, sizeof kTopSpec / sizeof kTopSpec[0], "", {"provincie"}, diag);
    if (top.has("administratie") && !top.text("administratie").empty()) {
        try {
            store::parse_database_url(top.text("administratie"), ExitCode::config);
            config.administratie = top.text("administratie");
        } catch (const store::StoreError &e) {
            diag.error(e.code, top.where("administratie"), "administratie", e.what());
        }
    }
    if (provincie == nullptr || !provincie->is_map()) {
        diag.error(ExitCode::config, provincie ? provincie->where : SourceLocation{path, 0, 0}, "provincie",
                   "expected a map with id, naam and boekjaar");
    } else {
        Settings p = validate_settings(*provincie, kProvincieSpec, sizeof kProvincieSpec / sizeof kProvincieSpec[0],
                                       "provincie", {}, diag);
        if (p.has("id")) config.id = p.text("id");
        if (p.has("naam")) config.naam = p.text("naam");
        if (p.has("boekjaar")) config.boekjaar = static_cast<int>(p.integer("boekjaar"));
    }
    if (!top.has("regios")) return config;
    const auto dir = std::filesystem::path(path).parent_path();
    const InputScope scope = scope_of_config(path, allow_outside_inputs);
    auto resolve = [&](const std::string &p) {
        std::filesystem::path f(p);
        return (f.is_relative() ? dir / f : f).lexically_normal().string();
    };
    std::map<std::string, std::string> seen;
    const auto &list = top.list("regios");
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].has("config")) continue;
        ProvinceRegion r{resolve(list[i].text("config")), "", list[i].where("config"),
                         "regios[" + std::to_string(i) + "]"};
        if (list[i].has("vorig_jaar") && !list[i].text("vorig_jaar").empty())
            r.vorig_jaar = resolve(list[i].text("vorig_jaar"));
        bool inside = true;
        for (const char *key : {"config", "vorig_jaar"}) {
            const std::string &file = std::string(key) == "config" ? r.config : r.vorig_jaar;
            if (file.empty()) continue;
            if (auto outside = outside_scope(file, scope)) {
                diag.error(ExitCode::config, list[i].where(key), r.key_path + "." + key,
                           "cannot read config file " + file + ": " + *outside, outside_scope_hint());
                inside = false;
            }
        }
        if (!inside) continue;
        auto [it, fresh] = seen.emplace(r.config, r.key_path);
        if (!fresh) {
            diag.error(ExitCode::config, r.where, r.key_path + ".config", "region " + r.config + " is listed twice",
                       "first listed as " + it->second);
            continue;
        }
        config.regios.push_back(std::move(r));
    }
    return config;
}

}  // namespace vhh::host
