// Finds, loads and checks plugins. A plugin is loaded with RTLD_NOW (so a missing
// symbol fails here, not on first call), its manifest is checked before any C++
// object crosses the boundary, and it is never unloaded.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "vhh/plugin.h"
#include "vhh/plugin_api.h"

namespace vhh::host {

/// One plugin file found in a plugin directory, loaded or not.
struct PluginRecord {
    std::string path;                 ///< the file
    std::string sha256;               ///< of the file's bytes just before loading it (manifest.json, `sha256:` pins)
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
};

/// The plugins found in the plugin directories.
class PluginRegistry {
public:
    /// Loads every regular file ending in ".so" in each directory, in name order.
    /// Directories that do not exist are recorded in missing_dirs(), not an error here.
    void discover(const std::vector<std::string> &dirs);
    /// Loads and checks one file and adds its record (also when it fails).
    const PluginRecord &load_file(const std::string &path);
    /// Every file found, in discovery order.
    const std::vector<PluginRecord> &records() const { return records_; }
    /// The working plugin with this name, or nullptr.
    const PluginRecord *find_ok(const std::string &name) const;
    /// Any record (working or not) whose manifest has this name, or nullptr.
    const PluginRecord *find_any(const std::string &name) const;
    /// Directories that were asked for but do not exist.
    const std::vector<std::string> &missing_dirs() const { return missing_dirs_; }

private:
    std::vector<PluginRecord> records_;
    std::vector<std::string> missing_dirs_;
};

/// A new instance of a loaded plugin (each run gets its own, so no state is shared between
/// the regions of a province run); nullptr with `why` set when its factory fails.
std::shared_ptr<Plugin> create_instance(const PluginRecord &record, std::string &why);

/// Human names of kinds: "load,compute".
std::string kinds_to_string(std::uint32_t kinds);

}  // namespace vhh::host
