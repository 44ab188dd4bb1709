// `vhh nieuwe-plugin --soort SOORT NAAM [--map DIR]`: writes a plugin project that builds against the
// installed SDK (find_package(vhh-sdk)) and passes its own tests, from the templates in
// share/vhh/nieuwe-plugin/ (the repository's scaffold/).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace vhh::host {

/// The plugin kinds `nieuwe-plugin` writes: financing, importer, region, registry, report.
const std::vector<std::string> &scaffold_kinds();

/// What is wrong with `naam` as the name of a new plugin (lowercase letters and digits in parts
/// joined by single '-', starting with a letter, at most 31 characters), or nothing when it is fine.
std::optional<std::string> plugin_name_problem(const std::string &naam);

/// The name as a C++ and CMake identifier ("vast-bedrag" → "vast_bedrag").
std::string plugin_identifier(const std::string &naam);

/// The name as a C++ class name ("vast-bedrag" → "VastBedrag").
std::string plugin_class_name(const std::string &naam);

/// Writes the project of plugin `soort`.`naam` into `map` (default: ./soort.naam) from the templates
/// in `templates_dir`; `sdk_prefix` is named in the build instructions printed. All files appear at
/// once (written beside `map` and renamed into place) or none do. Returns the exit code: 0; 64 for
/// an unknown kind or a bad name; 73 when `map` exists and is not an empty folder, or cannot be
/// written; 70 when a template is missing. Messages go to `err`, what was written to `out`.
int new_plugin(const std::string &templates_dir, const std::string &sdk_prefix, const std::string &soort,
               const std::string &naam, const std::string &map, std::ostream &out, std::ostream &err);

}  // namespace vhh::host
