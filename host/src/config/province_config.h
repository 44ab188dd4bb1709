// A province configuration: several region configurations run together, with one
// consolidated workbook and text report beside each region's own documents.
#pragma once

#include <string>
#include <vector>

#include "config/yaml_document.h"
#include "vhh/diagnostics.h"

namespace vhh::host {

/// One region of a province config.
struct ProvinceRegion {
    std::string config;      ///< path of the region's vhh.yaml (resolved against the province config)
    std::string vorig_jaar;  ///< optional: the region's config of the year before, for comparison
    SourceLocation where;    ///< where the region is listed
    std::string key_path;    ///< "regios[1]"
};

/// A validated province configuration.
struct ProvinceConfig {
    std::string path;                    ///< the province config file as given
    std::string sha256;                  ///< SHA-256 (hex) of its bytes as read and parsed
    std::string id;                      ///< e.g. "oost-brabant"
    std::string naam;                    ///< e.g. "Veiligheidshuizen Oost-Brabant"
    int boekjaar = 0;                    ///< every region's boekjaar must be this one
    std::vector<ProvinceRegion> regios;  ///< in config order
    std::string administratie;           ///< optional store URL (as written; sqlite paths relative to the file)
};

/// True when the YAML file at `path` is a province config (it has a top-level `provincie`).
/// Never reports errors: a file that cannot be read is left to the region loader.
bool is_province_config(const std::string &path);

/// Reads and validates a province config; every problem is recorded in `diag`. The regions' configs
/// must lie under its folder, symlinks resolved, unless `allow_outside_inputs`.
ProvinceConfig load_province_config(const std::string &path, Diagnostics &diag, bool allow_outside_inputs = false);

}  // namespace vhh::host
