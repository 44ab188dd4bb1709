// Finds, loads and checks plugins. A plugin is loaded with RTLD_NOW (so a missing
// symbol fails here, not on first call), its manifest is checked before any C++
// object crosses the boundary, and it is never unloaded.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "vhh/plugin.h"
#include "vhh/plugin_api.h"

namespace vhh::host {

/// One plugin file found in a plugin directory, loaded or not.
struct PluginRecord {
    std::string path;                 ///< the file
    /// The sha256 of the file's bytes (manifest.json, `sha256:` pins, `vhh plugins`), read through the
    /// descriptor the library was loaded from when first asked for: a command that records no
    /// plugin hash reads no plugin file twice. "" for a file refused before it was opened.
    const std::string &sha256() const;
    int fd = -1;                      ///< the descriptor the library was loaded through (kept open), or -1
    mutable std::string sha256_hex;   ///< the digest once computed (see sha256())
    bool ok = false;                  ///< true when loaded, checked and instantiated
    std::string reason;               ///< why not, when !ok
    std::string name;                 ///< from the manifest (empty if it could not be read)
    std::string version;              ///< from the manifest
    std::string description;          ///< from the manifest
    std::uint32_t kinds = 0;          ///< vhh_plugin_kind bits
    int abi_major = -1;               ///< SDK ABI the plugin was built with (-1: unknown)
    int abi_minor = -1;
    const vhh_plugin_manifest *manifest = nullptr;  ///< valid while the process lives
    std::shared_ptr<Plugin> instance;               ///< the one instance, when ok
    std::size_t level = 0;            ///< precedence: index of the search directory it was found in (0 wins)
    bool shadowed = false;            ///< a working plugin of this name was found in a directory searched earlier
    std::string duplicate_of;         ///< the path that provides this name first, when this one is a duplicate
};

/// The plugins found in the plugin directories.
class PluginRegistry {
public:
    /// Loads every regular file ending in ".so" in each directory, in name order. The
    /// directories are in precedence order: for a name found in two of them, the first wins
    /// and the later one is recorded as shadowed. A directory or file reached a second time
    /// (the same path twice, or through a symlink: same device and inode) is skipped.
    /// Directories that do not exist are recorded in missing_dirs(), not an error here.
    void discover(const std::vector<std::string> &dirs);
    /// Loads and checks one file and adds its record (also when it fails). The file and every
    /// directory from it up to `root` (its own directory when empty) must be writable by their
    /// owner only and owned by root or the running user. `level` is its precedence.
    const PluginRecord &load_file(const std::string &path, const std::string &root = "", std::size_t level = 0);
    /// For tests: called with the path after a plugin file was opened, checked and hashed and before
    /// it is loaded (where another process could replace the file).
    void set_before_dlopen(std::function<void(const std::string &)> hook) { before_dlopen_ = std::move(hook); }
    /// Every file found, in discovery order.
    const std::vector<PluginRecord> &records() const { return records_; }
    /// The working plugin with this name, or nullptr.
    const PluginRecord *find_ok(const std::string &name) const;
    /// Any record (working or not) whose manifest has this name, or nullptr.
    const PluginRecord *find_any(const std::string &name) const;
    /// Why the config cannot use the plugin `name`, or "" when it can or when no file provides it
    /// (then it is unknown). The file that decides is the first found for the name (by manifest
    /// name, or by file name `NAME.so` when its manifest could not be read): refused, it gives
    /// "plugin 'NAME' was found but refused: REASON (PATH)"; working but provided twice in its
    /// directory, "plugin 'NAME' is provided twice in PATH: FILE and FILE".
    std::string refusal(const std::string &name) const;
    /// True when some file could not be used (refused, or a duplicate in its own directory);
    /// a plugin shadowed by a directory searched earlier is not broken.
    bool has_broken() const;
    /// Directories that were asked for but do not exist.
    const std::vector<std::string> &missing_dirs() const { return missing_dirs_; }

private:
    std::vector<PluginRecord> records_;
    std::vector<std::string> missing_dirs_;
    std::function<void(const std::string &)> before_dlopen_;
};

/// A new instance of a loaded plugin (each run gets its own, so no state is shared between
/// the regions of a province run); nullptr with `why` set when its factory fails.
std::shared_ptr<Plugin> create_instance(const PluginRecord &record, std::string &why);

/// Why a plugin whose manifest records `theirs` cannot share C++ objects with this vhh, in LLVM's
/// style ("Plugin 'x' was built with _GLIBCXX_USE_CXX11_ABI=0; this vhh uses 1."), or "" when
/// every fact matches: the libstdc++ dual ABI, its major release, and the sizes of the types that
/// cross the boundary.
std::string toolchain_mismatch(const std::string &plugin, const vhh_toolchain &theirs);

/// Human names of kinds: "load,compute".
std::string kinds_to_string(std::uint32_t kinds);

}  // namespace vhh::host
