// Validates a plugin's YAML section against the settings table it declares.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/yaml_document.h"
#include "stage_log.h"
#include "vhh/diagnostics.h"
#include "vhh/plugin_api.h"
#include "vhh/region.h"
#include "vhh/settings.h"

namespace vhh::host {

/// Checks `section` (a map) against `specs`: unknown keys (with a "did you mean" hint),
/// missing required keys, wrong types, values out of range, records of list settings.
/// Keys in `ignored_keys` (e.g. "name") are skipped. `key_path` prefixes error key paths
/// (e.g. "plugins[0]"). Every problem is recorded in `diag` (structure: ExitCode::config;
/// a value of the right type but out of range, e.g. a negative tarief: ExitCode::data).
/// Returns the settings with defaults filled in; partial when errors were recorded. Each error is
/// classified as it is recorded in `log`: an unknown key that cannot be a misspelling of a declared
/// key the section lacks (may_misspell) is Impact::blocking (every value the user meant was read),
/// every other error Impact::may_mask.
/// A value of type GEMEENTE or GEMEENTEN must be a gemeente of `region` in its boekjaar (see
/// gemeente_problem); without a region (its config is broken) such codes are only codes.
/// Of each one-of group exactly one key must be given.
Settings validate_settings(const YamlNode &section, const vhh_setting_spec *specs, std::uint32_t spec_count,
                           const std::string &key_path, const std::set<std::string> &ignored_keys, StageLog &log,
                           const Region *region = nullptr);

/// Same, recording into `diag` without the classification.
Settings validate_settings(const YamlNode &section, const vhh_setting_spec *specs, std::uint32_t spec_count,
                           const std::string &key_path, const std::set<std::string> &ignored_keys,
                           Diagnostics &diag, const Region *region = nullptr);

/// True when unknown key `key` is close enough to one of `keys` to be a misspelling of it (the
/// rule of the "did you mean" hints).
bool may_misspell(const std::string &key, const std::vector<std::string> &keys);

/// Checks a settings table itself (as a plugin declares it): keys unique, non-empty and not
/// reserved (name, bestand, sha256), known types, defaults and bounds parseable as the declared
/// type, choices with allowed values, one-of groups of two or more optional rows without default.
/// Returns every problem (empty when fine).
std::vector<std::string> check_settings_table(const vhh_setting_spec *specs, std::uint32_t spec_count);

/// Scalar parsers shared with the config loader. Each returns nothing when `text` is not
/// a valid value of the type; `hint` (when given) receives advice for common mistakes,
/// such as a Dutch decimal comma ("0,40") where a number is expected.
std::optional<std::int64_t> parse_integer(const std::string &text, std::string *hint = nullptr);
std::optional<Money> parse_money(const std::string &text, std::string *hint = nullptr);
/// Percentage as written ("2.5" means 2,5 %), returned in millionths (25000).
std::optional<std::int64_t> parse_percentage_ppm(const std::string &text, std::string *hint = nullptr);
std::optional<bool> parse_boolean(const std::string &text, std::string *hint = nullptr);

}  // namespace vhh::host
