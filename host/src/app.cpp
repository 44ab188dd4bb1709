#include "app.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>

#include "config/region_config.h"
#include "formats.h"
#include "output/output_set.h"
#include "output/sha256.h"
#include "pipeline.h"
#include "plugins/plugin_loader.h"
#include "render/text_renderer.h"
#include "render/xlsx_renderer.h"

#ifndef VHH_VERSION
#define VHH_VERSION "0.0.0"
#endif

namespace vhh::host {

namespace fs = std::filesystem;
using Poco::Util::Option;

namespace {

const char *kUsage =
    "usage: vhh COMMAND [OPTIONS]\n"
    "\n"
    "Budget administration and reporting for Veiligheidshuizen.\n"
    "\n"
    "commands:\n"
    "  run        compute and write every document     [--config FILE] [--out DIR] [--plugin-dir DIR]\n"
    "  check      validate all inputs; write nothing   [--config FILE] [--plugin-dir DIR]\n"
    "  bijdragen  contributions per payer, to stdout   [--config FILE] [--plugin-dir DIR] [--format table|csv|json]\n"
    "  partners   the partner registry, to stdout      [--config FILE] [--plugin-dir DIR] [--format table|csv|json]\n"
    "  plugins    discovered plugins and their status  [--plugin-dir DIR] [--format table|json]\n"
    "\n"
    "options:\n"
    "  --config FILE      region configuration (default: the bundled config/zeeland/vhh.yaml)\n"
    "  --out DIR          output directory for `run` (default: ./out); replaced as a whole\n"
    "  --plugin-dir DIR   also load plugins from DIR (repeatable)\n"
    "  --format FORMAT    output format of bijdragen / plugins\n"
    "  --help             show this help\n"
    "  --version          show the version\n"
    "\n"
    "exit codes: 0 ok, 64 usage, 65 bad data, 66 input missing, 70 internal or plugin failure,\n"
    "            73 output cannot be written, 78 bad configuration\n";

const std::map<std::string, std::set<std::string>> kAllowedOptions = {
    {"run", {"config", "out", "plugin-dir"}},
    {"check", {"config", "plugin-dir"}},
    {"bijdragen", {"config", "plugin-dir", "format"}},
    {"plugins", {"plugin-dir", "format"}},
    {"partners", {"config", "plugin-dir", "format"}},
};

void print_diagnostics(const Diagnostics &diag) { std::cerr << diag.format_all(); }

std::string iso_time(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string executable_directory() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return ".";
    return exe.parent_path().string();
}

}  // namespace

std::time_t document_time(int boekjaar) {
    if (const char *sde = std::getenv("SOURCE_DATE_EPOCH")) {
        char *end = nullptr;
        long long v = std::strtoll(sde, &end, 10);
        if (end != sde && *end == '\0' && v >= 0) return static_cast<std::time_t>(v);
    }
    std::tm tm{};
    tm.tm_year = boekjaar + 1 - 1900;
    tm.tm_mon = 0;
    tm.tm_mday = 1;
    return timegm(&tm);
}

VhhApp::VhhApp() {
    setUnixOptions(true);
    executable_dir_ = executable_directory();
    share_dir_ = (fs::path(executable_dir_) / ".." / "share" / "vhh").lexically_normal().string();
}

void VhhApp::defineOptions(Poco::Util::OptionSet &options) {
    options.addOption(Option("help", "h", "show this help").required(false).repeatable(false));
    options.addOption(Option("version", "", "show the version").required(false).repeatable(false));
    options.addOption(Option("config", "", "region configuration").required(false).repeatable(false).argument("FILE"));
    options.addOption(Option("out", "", "output directory").required(false).repeatable(false).argument("DIR"));
    options.addOption(Option("plugin-dir", "", "plugin directory").required(false).repeatable(true).argument("DIR"));
    options.addOption(Option("format", "", "output format").required(false).repeatable(false).argument("FORMAT"));
}

void VhhApp::handleOption(const std::string &name, const std::string &value) {
    Poco::Util::Application::handleOption(name, value);
    given_.insert(name);
    if (name == "help") {
        help_ = true;
        stopOptionsProcessing();
    } else if (name == "version") {
        version_ = true;
    } else if (name == "config") {
        config_ = value;
    } else if (name == "out") {
        out_ = value;
    } else if (name == "plugin-dir") {
        extra_plugin_dirs_.push_back(value);
    } else if (name == "format") {
        format_ = value;
    }
}

void VhhApp::print_help() const { std::cout << kUsage; }

int VhhApp::usage_error(const std::string &message) {
    std::cerr << "vhh: error: " << message << "\nTry 'vhh --help'.\n";
    return static_cast<int>(vhh::ExitCode::usage);
}

std::vector<std::string> VhhApp::plugin_dirs() const {
    std::vector<std::string> dirs = {
        (fs::path(executable_dir_) / ".." / "lib" / "vhh" / "plugins").lexically_normal().string()};
    dirs.insert(dirs.end(), extra_plugin_dirs_.begin(), extra_plugin_dirs_.end());
    return dirs;
}

std::string VhhApp::config_path() const {
    if (!config_.empty()) return config_;
    return (fs::path(share_dir_) / "config" / "zeeland" / "vhh.yaml").string();
}

int VhhApp::main(const std::vector<std::string> &args) {
    if (help_) {
        print_help();
        return 0;
    }
    if (version_) {
        std::cout << "vhh " << VHH_VERSION << " (SDK ABI " << VHH_SDK_ABI_MAJOR << "." << VHH_SDK_ABI_MINOR << ")\n";
        return 0;
    }
    if (args.empty()) {
        std::cerr << kUsage;
        return static_cast<int>(vhh::ExitCode::usage);
    }
    const std::string &command = args[0];
    auto allowed = kAllowedOptions.find(command);
    if (allowed == kAllowedOptions.end()) return usage_error("unknown command '" + command + "'");
    if (args.size() > 1) return usage_error("unexpected argument '" + args[1] + "' after '" + command + "'");
    for (const auto &opt : given_)
        if (!allowed->second.count(opt)) return usage_error("option --" + opt + " does not apply to '" + command + "'");
    try {
        if (command == "run") return cmd_run(true);
        if (command == "check") return cmd_run(false);
        if (command == "bijdragen") return cmd_bijdragen();
        if (command == "partners") return cmd_partners();
        return cmd_plugins();
    } catch (const std::exception &e) {
        std::cerr << "vhh: internal error: " << e.what() << "\n";
        return static_cast<int>(vhh::ExitCode::internal);
    }
}

bool VhhApp::prepare(const RunConfig &config, PluginRegistry &registry, Pipeline &pipeline, Diagnostics &diag) {
    // A missing or unparseable file has nothing more to check. Otherwise the plugin
    // sections are validated too, so every error of the file shows in one run.
    if (diag.exit_code() == vhh::ExitCode::no_input || config.plugins.empty()) return !diag.has_errors();
    registry.discover(plugin_dirs());
    bool plugins_ok = pipeline.prepare(diag);
    return plugins_ok && !diag.has_errors();
}

int VhhApp::cmd_plugins() {
    if (format_ != "table" && format_ != "json")
        return usage_error("unknown format '" + format_ + "' for plugins (expected table or json)");
    PluginRegistry registry;
    registry.discover(plugin_dirs());
    std::cout << (format_ == "json" ? plugins_json(registry) : plugins_table(registry));
    return 0;
}

int VhhApp::cmd_bijdragen() {
    if (format_ != "table" && format_ != "csv" && format_ != "json")
        return usage_error("unknown format '" + format_ + "' for bijdragen (expected table, csv or json)");
    Diagnostics diag;
    RunConfig config = load_run_config(config_path(), diag);
    PluginRegistry registry;
    Pipeline pipeline(config, registry, diag);
    if (prepare(config, registry, pipeline, diag)) pipeline.compute(diag);
    print_diagnostics(diag);
    if (diag.has_errors()) return static_cast<int>(diag.exit_code());
    if (format_ == "json") std::cout << bijdragen_json(config.region, pipeline.lines());
    else if (format_ == "csv") std::cout << bijdragen_csv(pipeline.lines());
    else std::cout << bijdragen_table(config.region, pipeline.lines());
    return 0;
}

int VhhApp::cmd_partners() {
    if (format_ != "table" && format_ != "csv" && format_ != "json")
        return usage_error("unknown format '" + format_ + "' for partners (expected table, csv or json)");
    Diagnostics diag;
    RunConfig config = load_run_config(config_path(), diag);
    PluginRegistry registry;
    Pipeline pipeline(config, registry, diag);
    if (prepare(config, registry, pipeline, diag)) pipeline.load(diag);
    if (!diag.has_errors() && !pipeline.has_partner_registry())
        diag.error(vhh::ExitCode::config, {config.path, 0, 0}, "plugins",
                   "no partner registry is configured", "add '- name: registry.partners' with its partners to plugins");
    print_diagnostics(diag);
    if (diag.has_errors()) return static_cast<int>(diag.exit_code());
    if (format_ == "json") std::cout << partners_json(config.region, pipeline.partners());
    else if (format_ == "csv") std::cout << partners_csv(config.region, pipeline.partners());
    else std::cout << partners_table(config.region, pipeline.partners());
    return 0;
}

int VhhApp::cmd_run(bool write) {
    Diagnostics diag;
    const std::string cfg_path = config_path();
    RunConfig config = load_run_config(cfg_path, diag);
    PluginRegistry registry;
    Pipeline pipeline(config, registry, diag);
    if (prepare(config, registry, pipeline, diag) && pipeline.compute(diag)) pipeline.report(diag);
    if (diag.has_errors()) {
        print_diagnostics(diag);
        return static_cast<int>(diag.exit_code());
    }

    // Render every text document first: template problems are configuration errors
    // and must stop the run before anything is written.
    const fs::path templates = fs::path(share_dir_) / "templates";
    std::vector<std::pair<std::string, std::string>> texts;  // file name, content
    std::map<std::string, std::string> template_hashes;      // template file -> sha256
    std::map<std::string, std::string> template_sources;     // template path -> its text
    std::set<std::string> reported;                          // template problems already reported
    for (const auto &doc : pipeline.texts()) {
        std::string tpath = (templates / doc.template_name).string();
        bool own = false;
        if (!config.templates_dir.empty()) {
            fs::path candidate = fs::path(config.templates_dir) / doc.template_name;
            std::error_code ec;
            if (fs::exists(candidate, ec)) {
                tpath = candidate.string();
                own = true;
            }
        }
        // Each template is read once, however many documents use it (a raadsbrief per gemeente),
        // and each of its problems is reported once.
        try {
            auto cached = template_sources.find(tpath);
            if (cached == template_sources.end()) {
                cached = template_sources.emplace(tpath, read_file_bytes(tpath)).first;
                template_hashes[own ? tpath : "bundled:templates/" + doc.template_name] = sha256_hex(cached->second);
            }
            texts.emplace_back(doc.file_name, render_template(cached->second, tpath, doc.data));
        } catch (const TemplateError &e) {
            Diagnostic d{vhh::Severity::error, vhh::ExitCode::config, e.where, "", e.what(), ""};
            if (reported.insert(d.format()).second) diag.add(d);
        } catch (const std::runtime_error &e) {
            Diagnostic d{vhh::Severity::error, vhh::ExitCode::no_input, {tpath, 0, 0}, "",
                         std::string("cannot read template: ") + e.what(), ""};
            if (reported.insert(d.format()).second) diag.add(d);
        }
    }
    print_diagnostics(diag);  // warnings, or the template errors
    if (diag.has_errors()) return static_cast<int>(diag.exit_code());
    if (!write) {
        std::cout << "vhh: " << cfg_path << ": ok (" << config.region.gemeenten.size() << " gemeenten, "
                  << pipeline.plugins().size() << " plugins, " << pipeline.workbooks().size() + texts.size()
                  << " documents)\n";
        return 0;
    }

    const std::time_t created = document_time(config.region.boekjaar);
    try {
        OutputSet out(out_);
        for (const auto &wb : pipeline.workbooks()) {
            try {
                render_workbook(wb, out.staging_path(wb.file_name), created);
            } catch (const RenderError &e) {
                std::cerr << "vhh: error: " << e.what() << "\n";
                return static_cast<int>(vhh::ExitCode::internal);
            }
        }
        for (const auto &[name, content] : texts) out.write_file(name, content);

        Poco::JSON::Object::Ptr manifest = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        Poco::JSON::Object::Ptr program = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        program->set("name", std::string("vhh"));
        program->set("version", std::string(VHH_VERSION));
        program->set("sdk_abi", std::to_string(VHH_SDK_ABI_MAJOR) + "." + std::to_string(VHH_SDK_ABI_MINOR));
        manifest->set("program", program);
        manifest->set("region", config.region.id);
        manifest->set("year", config.region.boekjaar);
        manifest->set("created", iso_time(created));
        Poco::JSON::Array::Ptr plugins = new Poco::JSON::Array;
        for (const auto &p : pipeline.plugins()) {
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            o->set("name", p.record->name);
            o->set("version", p.record->version);
            o->set("file", fs::path(p.record->path).filename().string());
            o->set("sha256", sha256_hex_file(p.record->path));
            plugins->add(o);
        }
        manifest->set("plugins", plugins);
        Poco::JSON::Array::Ptr inputs = new Poco::JSON::Array;
        {
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            o->set("path", config_.empty() ? std::string("bundled:config/zeeland/vhh.yaml") : cfg_path);
            o->set("sha256", sha256_hex_file(cfg_path));
            inputs->add(o);
        }
        for (const auto &file : config.included_files) {
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            o->set("path", config_.empty() ? "bundled:config/zeeland/" + fs::path(file).filename().string() : file);
            o->set("sha256", sha256_hex_file(file));
            inputs->add(o);
        }
        for (const auto &[file, hash] : pipeline.input_files()) {
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            o->set("path", file);
            o->set("sha256", hash);
            inputs->add(o);
        }
        for (const auto &[name, hash] : template_hashes) {
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            o->set("path", name);
            o->set("sha256", hash);
            inputs->add(o);
        }
        manifest->set("inputs", inputs);
        Poco::JSON::Array::Ptr files = new Poco::JSON::Array;
        for (const auto &name : out.files()) {
            std::string bytes = read_file_bytes(out.staging_path_of(name));
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            o->set("name", name);
            o->set("bytes", static_cast<Poco::UInt64>(bytes.size()));
            o->set("sha256", sha256_hex(bytes));
            files->add(o);
        }
        manifest->set("files", files);
        std::ostringstream json;
        manifest->stringify(json, 2);
        json << "\n";
        out.write_file("manifest.json", json.str());
        out.commit();

        std::cout << "vhh: wrote " << out.files().size() << " files to " << out_ << ":\n";
        for (const auto &name : out.files()) std::cout << "  " << (fs::path(out_) / name).string() << "\n";
    } catch (const OutputError &e) {
        std::cerr << "vhh: error: " << e.what() << "\n";
        return static_cast<int>(vhh::ExitCode::cant_create);
    }
    return 0;
}

}  // namespace vhh::host
