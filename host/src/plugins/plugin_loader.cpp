#include "plugins/plugin_loader.h"

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <system_error>
#include <utility>

#include "config/settings_validator.h"
#include "output/sha256.h"
#include "plugins/plugin_crash_guard.h"

namespace vhh::host {

namespace fs = std::filesystem;

namespace {

/// Libraries stay loaded until the process ends: plugin code may still be referenced
/// by objects (vtables, strings) the host holds, so unloading is never safe.
std::vector<boost::dll::shared_library> &loaded_libraries() {
    static auto *libs = new std::vector<boost::dll::shared_library>();
    return *libs;
}

/// Descriptors of the plugin files loaded, kept open for as long as their libraries (see load_file).
std::vector<int> &loaded_descriptors() {
    static auto *fds = new std::vector<int>();
    return *fds;
}

bool valid_plugin_name(const std::string &name) {
    if (name.empty() || name.front() == '.' || name.back() == '.') return false;
    bool has_dot = false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        if (c == '.') {
            if (name[i - 1] == '.') return false;
            has_dot = true;
        } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
            return false;
        }
    }
    return has_dot;
}

std::string in_quotes(const std::string &s) { return "'" + s + "'"; }

/// Why `p` (the plugin file, or one of the directories above it) makes the plugin unsafe to
/// load, or "" when it is safe: writable by group or others, or owned by someone other than
/// root or the running user.
std::string unsafe_stat_reason(const struct stat &st, const std::string &what) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    if (st.st_mode & S_IWOTH)
        return "refusing to load: " + what + " can be written by other users (mode " + mode + "); run chmod o-w on it";
    if (st.st_mode & S_IWGRP)
        return "refusing to load: " + what + " can be written by its group (mode " + mode + "); run chmod g-w on it";
    const uid_t me = ::geteuid();
    if (st.st_uid != 0 && st.st_uid != me)
        return "refusing to load: " + what + " is owned by uid " + std::to_string(st.st_uid) +
               ", neither root nor the user running vhh (uid " + std::to_string(me) + "); run chown on it";
    return "";
}

std::string unsafe_reason(const fs::path &p, bool is_file) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return "cannot inspect " + p.string() + ": " + std::strerror(errno);
    return unsafe_stat_reason(st, (is_file ? "the plugin file " : "the directory ") + p.string());
}

/// `p` without "." and ".." parts or a trailing separator ("dir/" → "dir").
fs::path normalized(const fs::path &p) {
    fs::path n = p.lexically_normal();
    if (n.has_relative_path() && n.filename().empty()) n = n.parent_path();
    return n;
}

/// The file, then each directory from its own up to `root` (inclusive; just its own directory
/// when `root` is empty or not above it): the first reason one of them is unsafe, or "".
std::string unsafe_path_reason(const fs::path &file, const std::string &root) {
    if (std::string why = unsafe_reason(file, true); !why.empty()) return why;
    const fs::path dir = normalized(file.parent_path().empty() ? fs::path(".") : file.parent_path());
    const fs::path top = root.empty() ? dir : normalized(root);
    for (fs::path d = dir; !d.empty(); d = d.parent_path()) {
        if (std::string why = unsafe_reason(d, false); !why.empty()) return why;
        const fs::path rel = d.lexically_relative(top);
        if (d == top || rel.empty() || rel == "." || *rel.begin() == ".." || d == d.root_path()) break;
    }
    return "";
}

/// Device and inode of a path (following symlinks); {0, 0} when it cannot be inspected.
std::pair<dev_t, ino_t> identity(const fs::path &p) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return {0, 0};
    return {st.st_dev, st.st_ino};
}

}  // namespace

std::string toolchain_mismatch(const std::string &plugin, const vhh_toolchain &theirs) {
    const vhh_toolchain ours = ::vhh::detail::toolchain_facts();
    const std::string head = "Plugin " + in_quotes(plugin) + " was built with ";
    if (theirs.size != ours.size)
        return head + "a toolchain record of " + std::to_string(theirs.size) + " bytes; this vhh uses " +
               std::to_string(ours.size) + ".";
    if (theirs.cxx11_abi != ours.cxx11_abi)
        return head + "_GLIBCXX_USE_CXX11_ABI=" + std::to_string(theirs.cxx11_abi) + "; this vhh uses " +
               std::to_string(ours.cxx11_abi) + ".";
    if (theirs.glibcxx_release != ours.glibcxx_release)
        return head + "_GLIBCXX_RELEASE=" + std::to_string(theirs.glibcxx_release) + "; this vhh uses " +
               std::to_string(ours.glibcxx_release) + ".";
    const struct {
        const char *type;
        std::uint32_t vhh_toolchain::*size;
    } sizes[] = {{"std::string", &vhh_toolchain::sizeof_string},
                 {"std::vector<int>", &vhh_toolchain::sizeof_vector},
                 {"std::map<std::string, int>", &vhh_toolchain::sizeof_map},
                 {"std::optional<std::string>", &vhh_toolchain::sizeof_optional},
                 {"vhh::Settings", &vhh_toolchain::sizeof_settings},
                 {"vhh::SettingValue", &vhh_toolchain::sizeof_setting_value},
                 {"vhh::Region", &vhh_toolchain::sizeof_region},
                 {"vhh::PhaseContext", &vhh_toolchain::sizeof_phase_context},
                 {"vhh::Diagnostics", &vhh_toolchain::sizeof_diagnostics}};
    for (const auto &s : sizes)
        if (theirs.*s.size != ours.*s.size)
            return head + "sizeof(" + s.type + ")=" + std::to_string(theirs.*s.size) + "; this vhh uses " +
                   std::to_string(ours.*s.size) + ".";
    return "";
}

std::string kinds_to_string(std::uint32_t kinds) {
    std::string s;
    auto add = [&](const char *n) { s += s.empty() ? n : std::string(",") + n; };
    if (kinds & VHH_KIND_LOAD) add("load");
    if (kinds & VHH_KIND_COMPUTE) add("compute");
    if (kinds & VHH_KIND_REPORT) add("report");
    if (kinds & VHH_KIND_IMPORT) add("import");
    return s.empty() ? "none" : s;
}

void PluginRegistry::discover(const std::vector<std::string> &dirs) {
    std::set<std::pair<dev_t, ino_t>> seen_dirs, seen_files;
    std::size_t level = 0;
    for (const auto &dir : dirs) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) {
            missing_dirs_.push_back(dir);
            continue;
        }
        if (!seen_dirs.insert(identity(dir)).second) continue;  // the same directory again: not a duplicate
        std::vector<fs::path> files;
        for (const auto &entry : fs::directory_iterator(dir, ec)) {
            if (entry.path().extension() == ".so" && entry.is_regular_file(ec)) files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        for (const auto &f : files) {
            if (!seen_files.insert(identity(f)).second) continue;  // a symlink to a file already loaded
            load_file(f.string(), dir, level);
        }
        ++level;
    }
}

const PluginRecord &PluginRegistry::load_file(const std::string &path, const std::string &root, std::size_t level) {
    records_.emplace_back();
    PluginRecord &rec = records_.back();
    rec.path = path;
    rec.level = level;
    auto fail = [&](std::string why) -> const PluginRecord & {
        rec.ok = false;
        rec.reason = std::move(why);
        return rec;
    };

    // A plugin runs with the user's rights: refuse code that other users could have replaced.
    if (std::string why = unsafe_path_reason(fs::path(path), root); !why.empty()) return fail(why);

    // The file is opened once: its own permission check, the hash manifest.json and `sha256:` pins
    // use, and dlopen all see that one file (dlopen through /proc/self/fd), never whatever another
    // process puts at the path in between. The descriptor stays open, as the library stays loaded:
    // glibc knows a library by the name it was opened with, and a reused /proc/self/fd/N would name
    // another plugin's library.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail("cannot open " + path + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return fail("cannot inspect " + path + ": not a regular file");
    }
    if (std::string why = unsafe_stat_reason(st, "the plugin file " + path); !why.empty()) {
        ::close(fd);
        return fail(why);
    }
    rec.fd = fd;  // hashed when the digest is first asked for (sha256()), from this same descriptor
    if (before_dlopen_) before_dlopen_(path);
    boost::dll::shared_library lib;
    try {
        lib.load("/proc/self/fd/" + std::to_string(fd),
                 boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    } catch (const std::exception &e) {
        // Boost wraps dlerror() as "...load() failed (dlerror system message: TEXT): errno text";
        // the dlerror text is what tells the user what is wrong.
        std::string detail = e.what();
        const std::string marker = "dlerror system message: ";
        auto from = detail.find(marker);
        auto to = detail.rfind("): ");
        if (from != std::string::npos && to != std::string::npos && to > from)
            detail = detail.substr(from + marker.size(), to - from - marker.size());
        std::string why = "cannot load shared library: " + detail;
        try {
            rec.sha256();  // `vhh plugins` shows the digest of a file that was read but not loaded
        } catch (const std::runtime_error &e) {
            why = e.what();
        }
        rec.fd = -1;
        ::close(fd);
        return fail(why);
    }
    loaded_descriptors().push_back(fd);
    if (!lib.has(VHH_PLUGIN_ENTRY_SYMBOL))
        return fail(std::string("not a vhh plugin: no entry point '") + VHH_PLUGIN_ENTRY_SYMBOL + "'");
    loaded_libraries().push_back(lib);  // never unloaded, whatever happens next

    auto entry = lib.get<const vhh_plugin_manifest *()>(VHH_PLUGIN_ENTRY_SYMBOL);
    const vhh_plugin_manifest *m = nullptr;
    try {
        PluginCallScope scope(fs::path(path).filename().string(), "manifest");
        m = entry();
    } catch (const std::exception &e) {
        return fail(std::string("entry point threw: ") + e.what());
    } catch (...) {
        return fail("entry point threw an unknown exception");
    }
    if (m == nullptr) return fail("entry point returned no manifest");
    if (m->magic != VHH_PLUGIN_MAGIC) {
        char buf[128];
        std::snprintf(buf, sizeof buf, "bad manifest magic 0x%08x (expected 0x%08x): not a vhh plugin manifest",
                      m->magic, VHH_PLUGIN_MAGIC);
        return fail(buf);
    }
    rec.abi_major = m->abi_major;
    rec.abi_minor = m->abi_minor;
    rec.name = m->name ? m->name : "";
    rec.version = m->version ? m->version : "";
    rec.description = m->description ? m->description : "";
    rec.kinds = m->kinds;
    std::string label = rec.name.empty() ? path : rec.name;
    std::string got = std::to_string(m->abi_major) + "." + std::to_string(m->abi_minor);
    std::string supported = std::to_string(VHH_SDK_ABI_MAJOR) + "." + std::to_string(VHH_SDK_ABI_MINOR);
    if (m->abi_major != VHH_SDK_ABI_MAJOR)
        return fail("Wrong SDK ABI version on plugin " + in_quotes(label) + ". Got " + got + ", supported " +
                    supported + ".");
    if (m->abi_minor > VHH_SDK_ABI_MINOR)
        return fail("Plugin " + in_quotes(label) + " needs SDK ABI " + got + ", newer than this vhh's " + supported +
                    ": update vhh.");
    if (!valid_plugin_name(rec.name))
        return fail("invalid plugin name " + in_quotes(rec.name) +
                    ": expected a dotted lowercase name such as 'financing.inwonerbijdrage'");
    if (rec.version.empty()) return fail("plugin " + in_quotes(rec.name) + " has no version");
    if ((m->kinds & ~(VHH_KIND_LOAD | VHH_KIND_COMPUTE | VHH_KIND_REPORT | VHH_KIND_IMPORT)) != 0 || m->kinds == 0)
        return fail("plugin " + in_quotes(rec.name) + " declares unknown or no kinds (" + std::to_string(m->kinds) + ")");
    if (m->setting_count > 0 && m->settings == nullptr)
        return fail("plugin " + in_quotes(rec.name) + " declares settings but gives no table");
    if (std::string why = toolchain_mismatch(rec.name, m->toolchain); !why.empty()) return fail(why);
    const std::vector<std::string> table_problems = check_settings_table(m->settings, m->setting_count);
    if (!table_problems.empty()) {
        std::string all;
        for (const auto &p : table_problems) all += (all.empty() ? "" : "; ") + p;
        return fail("plugin " + in_quotes(rec.name) + " has a bad settings table: " + all);
    }
    if (m->create == nullptr) return fail("plugin " + in_quotes(rec.name) + " has no factory");
    for (const auto &other : records_) {
        if (&other == &rec || !other.ok || other.name != rec.name) continue;
        rec.duplicate_of = other.path;
        rec.shadowed = other.level < rec.level;
        return fail("duplicate plugin " + in_quotes(rec.name) + ": already provided by " + other.path +
                    (rec.shadowed ? " (a directory searched earlier wins)" : " in the same directory"));
    }
    rec.manifest = m;

    std::string why;
    rec.instance = create_instance(rec, why);
    if (!rec.instance) return fail("plugin " + in_quotes(rec.name) + " failed to start: " + why);
    rec.ok = true;
    return rec;
}

const std::string &PluginRecord::sha256() const {
    if (sha256_hex.empty() && fd >= 0) sha256_hex = sha256_hex_descriptor(fd, path);
    return sha256_hex;
}

std::shared_ptr<Plugin> create_instance(const PluginRecord &record, std::string &why) {
    char error[512] = {0};
    void *raw = nullptr;
    try {
        PluginCallScope scope(record.name, "start");
        raw = record.manifest->create(error, sizeof error);
    } catch (const std::exception &e) {
        why = e.what();
        return nullptr;
    } catch (...) {
        why = "unknown exception";
        return nullptr;
    }
    if (raw == nullptr) {
        why = error[0] ? error : "factory returned nothing";
        return nullptr;
    }
    // The object lives in the plugin's code; the library is never unloaded, so deleting it later is safe.
    return std::shared_ptr<Plugin>(static_cast<Plugin *>(raw));
}

const PluginRecord *PluginRegistry::find_ok(const std::string &name) const {
    for (const auto &r : records_)
        if (r.ok && r.name == name) return &r;
    return nullptr;
}

const PluginRecord *PluginRegistry::find_any(const std::string &name) const {
    const PluginRecord *found = nullptr;
    for (const auto &r : records_)
        if (r.name == name) {
            if (r.ok) return &r;
            if (!found) found = &r;
        }
    return found;
}

std::string PluginRegistry::refusal(const std::string &name) const {
    const PluginRecord *first = nullptr;
    for (const auto &r : records_) {
        bool named = r.name == name || (r.name.empty() && fs::path(r.path).filename() == name + ".so");
        if (named && !r.shadowed) {
            first = &r;
            break;
        }
    }
    if (first == nullptr) return "";
    if (!first->ok) return "plugin " + in_quotes(name) + " was found but refused: " + first->reason + " (" + first->path + ")";
    for (const auto &r : records_) {
        if (r.duplicate_of == first->path && !r.shadowed)
            return "plugin " + in_quotes(name) + " is provided twice in " + fs::path(first->path).parent_path().string() +
                   ": " + first->path + " and " + r.path;
    }
    return "";
}

bool PluginRegistry::has_broken() const {
    return std::any_of(records_.begin(), records_.end(), [](const PluginRecord &r) { return !r.ok && !r.shadowed; });
}

}  // namespace vhh::host
