// The run configuration: region, population and the plugins to run, read from vhh.yaml.
#pragma once

#include <string>
#include <vector>

#include "config/facturatie_config.h"
#include "config/input_file.h"
#include "config/yaml_document.h"
#include "cycle/kalender.h"
#include "render/document_renderer.h"
#include "vhh/diagnostics.h"
#include "vhh/region.h"

namespace vhh::host {

/// One entry of the config's `plugins` list: which plugin, and its settings section.
/// An entry may keep its settings in a file of its own (`bestand: partners.yaml`, relative
/// to the config); its keys are then part of `section`, located in that file.
struct PluginEntry {
    std::string name;      ///< plugin name, e.g. "financing.inwonerbijdrage"
    std::string key_path;  ///< "plugins[0]"
    YamlNode section;      ///< the whole entry (a map); `name` is one of its keys
    bool settings_unreadable = false;  ///< its `bestand:` could not be read; its settings are not checked
};

/// One format of the config's `formaten:` list, where it is written.
struct FormatChoice {
    std::string name;       ///< "pdf", "xlsx", "html" or "txt"
    SourceLocation where;   ///< the list item
    std::string key_path;   ///< "formaten[1]"
};

/// A validated run configuration.
struct RunConfig {
    std::string path;                  ///< the config file as given
    Region region;                     ///< region, boekjaar, gemeenten
    std::vector<PluginEntry> plugins;  ///< in config order
    std::string templates_dir;         ///< optional `templates:` directory (resolved against the config's folder)
    std::string administratie;         ///< optional `administratie:` store URL (as written; sqlite paths relative to the config)
    SourceLocation administratie_where;  ///< where it is written
    std::string sha256;                ///< SHA-256 (hex) of the config's bytes as read and parsed
    /// A file read as part of the config, with the SHA-256 (hex) of the bytes parsed.
    struct ReadFile {
        std::string path;    ///< as resolved against the config's folder
        std::string sha256;  ///< of the bytes read (one read: the bytes parsed are the bytes hashed)
    };
    std::vector<ReadFile> included_files;  ///< settings files read through a plugin's `bestand:` key
    /// `formaten:` as written (each a known format, none twice); empty when the key is absent:
    /// then every format this vhh renders.
    std::vector<FormatChoice> formaten;
    /// `kalender:`: the planned dates of the cycle per calendar year (checked against the Wgr).
    std::vector<cycle::PlannedYear> kalender;
    /// `huisstijl:`: the letterhead (organisation, address, logo) and the default contact person and
    /// signatory of letters; empty without the key. The logo has been read and checked (a PNG).
    HouseStyle house;
    /// `facturatie:`: leverancier, debiteuren, termijnen (vhh factureren); configured = false without the key.
    Facturatie facturatie;
    /// True when the region (regio, bevolking, gemeenten, herindelingen), the templates directory
    /// and the plugin list were read whole: the errors found in them, if any, are unknown keys that
    /// cannot be misspellings of a key the file lacks (so nothing the user meant was left out).
    /// The plugins can then still check their own settings against the region in the same run.
    bool complete = true;
    /// True when reading it recorded errors (of any kind).
    bool failed = false;
    /// True when a file it needs is missing or unreadable (66): there is nothing more to check.
    bool missing_input = false;
    /// Where the files it names may be: its folder (resolved), unless --allow-outside-inputs.
    InputScope inputs;
};

/// Reads and validates a config file. Every problem is recorded in `diag`
/// (missing file 66, structure 78, bad values 65); the result is only meaningful
/// when no errors were recorded. The files it names (bestand:, templates:, plugin inputs) must lie
/// under its folder (or the policy's root), symlinks resolved, unless the policy allows outside paths.
RunConfig load_run_config(const std::string &path, Diagnostics &diag, const InputPolicy &policy = {});

/// What a command or form asking about year `asked` says of a config of another boekjaar:
/// "<config path> is about boekjaar B, not <asked>".
std::string other_boekjaar_message(const RunConfig &config, const std::string &asked);

}  // namespace vhh::host
