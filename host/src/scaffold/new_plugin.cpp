#include "scaffold/new_plugin.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <kainjow/mustache.hpp>

#include "diagnostic_output.h"

namespace vhh::host {

namespace fs = std::filesystem;
namespace mu = kainjow::mustache;

namespace {

constexpr int kUsage = 64, kInternal = 70, kCantCreate = 73;

struct Kind {
    const char *entry;        ///< the VHH_KIND_… of its manifest
    const char *beschrijving; ///< the plugin's description, until its author writes one
};

const std::map<std::string, Kind> &kinds() {
    static const std::map<std::string, Kind> k = {
        {"financing", {"VHH_KIND_COMPUTE", "bijdrage per inwoner per gemeente (gemaakt met vhh nieuwe-plugin)"}},
        {"importer", {"VHH_KIND_IMPORT", "grootboekexport met Datum, Kostenplaats, Rekening en Bedrag (gemaakt met vhh nieuwe-plugin)"}},
        {"region", {"VHH_KIND_REPORT", "de veiligheidsregio per gemeente (gemaakt met vhh nieuwe-plugin)"}},
        {"registry", {"VHH_KIND_LOAD", "het partnerregister uit de instellingen (gemaakt met vhh nieuwe-plugin)"}},
        {"report", {"VHH_KIND_REPORT", "bijdragen per betaler als document (gemaakt met vhh nieuwe-plugin)"}},
    };
    return k;
}

/// A template file and where its rendering goes in the project.
struct Output {
    std::string from;  ///< relative to the templates folder
    std::string to;    ///< relative to the project
};

std::string read_file(const fs::path &p, bool &ok) {
    std::ifstream in(p, std::ios::binary);
    ok = static_cast<bool>(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool write_file(const fs::path &p, const std::string &text, std::string &why) {
    std::ofstream f(p, std::ios::binary);
    f << text;
    f.close();
    if (!f) why = "cannot write " + p.string() + ": " + std::strerror(errno);
    return static_cast<bool>(f);
}

/// True when `p` is an existing folder without entries.
bool empty_folder(const fs::path &p) {
    std::error_code ec;
    return fs::is_directory(p, ec) && fs::is_empty(p, ec) && !ec;
}

}  // namespace

const std::vector<std::string> &scaffold_kinds() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (const auto &[name, kind] : kinds()) n.push_back(name);
        return n;
    }();
    return names;
}

std::optional<std::string> plugin_name_problem(const std::string &naam) {
    if (naam.empty()) return std::string("the name is empty");
    if (naam.size() > 31) return "the name has " + std::to_string(naam.size()) + " characters; at most 31";
    if (naam.find('.') != std::string::npos)
        return std::string("give the name without its kind: the kind comes from --soort (NAAM 'staffel' makes "
                           "plugin 'financing.staffel')");
    if (!(naam[0] >= 'a' && naam[0] <= 'z')) return std::string("the name must start with a lowercase letter");
    for (std::size_t i = 0; i < naam.size(); ++i) {
        const char c = naam[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) return std::string("the name may hold only lowercase letters, digits and '-'");
        if (c == '-' && (i + 1 == naam.size() || naam[i + 1] == '-'))
            return std::string("a '-' must join two parts of the name");
    }
    return std::nullopt;
}

std::string plugin_identifier(const std::string &naam) {
    std::string id = naam;
    for (char &c : id)
        if (c == '-') c = '_';
    return id;
}

std::string plugin_class_name(const std::string &naam) {
    std::string out;
    bool upper = true;
    for (char c : naam) {
        if (c == '-') {
            upper = true;
            continue;
        }
        out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return out + "Plugin";
}

int new_plugin(const std::string &templates_dir, const std::string &sdk_prefix, const std::string &soort,
               const std::string &naam, const std::string &map, std::ostream &out, std::ostream &err) {
    auto kind = kinds().find(soort);
    if (kind == kinds().end()) {
        err << "vhh: error: unknown plugin kind '" << printable_text(soort)
            << "' (expected financing, importer, region, registry or report)\nTry 'vhh --help'.\n";
        return kUsage;
    }
    if (auto problem = plugin_name_problem(naam)) {
        err << "vhh: error: bad plugin name '" << printable_text(naam) << "': " << *problem << "\nTry 'vhh --help'.\n";
        return kUsage;
    }
    const std::string plugin = soort + "." + naam;
    const fs::path target = fs::absolute(map.empty() ? fs::path(plugin) : fs::path(map)).lexically_normal();
    std::error_code ec;
    const bool exists = fs::symlink_status(target, ec).type() != fs::file_type::not_found;
    if (exists && !empty_folder(target)) {
        err << "vhh: error: " << printable_text(target.string())
            << " exists and is not an empty folder: nieuwe-plugin writes only into a new or empty folder\n"
            << "vhh: note: choose another folder with --map DIR\n";
        return kCantCreate;
    }

    mu::data values;
    values.set("plugin", plugin);
    values.set("naam", naam);
    values.set("soort", soort);
    values.set("ident", plugin_identifier(naam));
    values.set("klasse", plugin_class_name(naam));
    values.set("kind", kind->second.entry);
    values.set("beschrijving", kind->second.beschrijving);
    const std::string ident = plugin_identifier(naam);
    const std::vector<Output> outputs = {
        {"common/CMakeLists.txt", "CMakeLists.txt"}, {"common/README.md", "README.md"},
        {"common/plugin.cpp", "plugin.cpp"},         {soort + "/core.h", ident + ".h"},
        {soort + "/core.cpp", ident + ".cpp"},       {soort + "/test.cpp", "tests/" + ident + "_test.cpp"}};
    std::vector<std::pair<std::string, std::string>> files;  // project path, contents
    for (const auto &o : outputs) {
        bool ok = false;
        const std::string text = read_file(fs::path(templates_dir) / o.from, ok);
        mu::mustache tmpl(text);
        if (!ok || !tmpl.is_valid()) {
            err << "vhh: internal error: template " << (fs::path(templates_dir) / o.from).string()
                << (ok ? " is broken: " + tmpl.error_message() : " is missing") << "\n";
            return kInternal;
        }
        files.emplace_back(o.to, tmpl.render(values));
    }

    // Written beside the target and renamed into place: all files appear at once or none do.
    fs::create_directories(target.parent_path(), ec);
    std::string staging = (target.parent_path() / ("." + target.filename().string() + ".vhh-new-XXXXXX")).string();
    std::string why;
    if (ec || ::mkdtemp(staging.data()) == nullptr) {
        why = "cannot create a folder in " + target.parent_path().string() + ": " +
              (ec ? ec.message() : std::string(std::strerror(errno)));
    } else {
        fs::permissions(staging, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                     fs::perms::others_read | fs::perms::others_exec, ec);
        fs::create_directories(fs::path(staging) / "tests", ec);
        for (const auto &[path, text] : files)
            if (why.empty()) write_file(fs::path(staging) / path, text, why);
        if (why.empty() && std::rename(staging.c_str(), target.c_str()) != 0)
            why = "cannot create " + target.string() + ": " + std::strerror(errno);
        if (!why.empty()) fs::remove_all(staging, ec);
    }
    if (!why.empty()) {
        err << "vhh: error: " << printable_text(why) << "\n";
        return kCantCreate;
    }
    out << "vhh: wrote plugin " << plugin << " into " << target.string() << "/:\n";
    for (const auto &[path, text] : files) out << "  " << path << "\n";
    out << "Build and test it:\n"
        << "  cmake -S " << target.string() << " -B " << (target / "build").string()
        << " -DCMAKE_PREFIX_PATH=" << sdk_prefix << "\n"
        << "  cmake --build " << (target / "build").string() << " && ctest --test-dir " << (target / "build").string()
        << "\n"
        << "  vhh plugins --plugin-dir " << (target / "build" / "plugins").string() << "\n";
    return 0;
}

}  // namespace vhh::host
