// The test kit's regions from YAML: a plugin's unit test writes the region it needs as a vhh.yaml
// writes it and gets the Region `vhh run` would hand the plugin, read by the host's own config
// reader. Link `vhh::testing_region` (in the vhh tree and from the installed `vhh-sdk` package,
// where it brings the host's config reader, vhh::config, with it; `vhh_add_plugin_test` links it).
// See docs/plugins.md, "Testing a plugin".
#pragma once

#include <string>
#include <vector>

#include "vhh/region.h"

namespace vhh::testing {

/// The region declared by `yaml`, the region's part of a vhh.yaml (`regio`, `bevolking`,
/// `gemeenten` and optionally `herindelingen`; a `plugins:` list is added when it has none), read
/// by the host's own config reader (the one `vhh check` and `vhh run` use): every field checked as
/// in a config, and the herindelingen in force in the boekjaar merged into the new gemeente (its
/// inwoners summed, its voorgangers recorded) as `vhh run` merges them. Locations name
/// "/cfg/vhh.yaml" at the YAML's lines. Throws std::invalid_argument whose message is every error
/// as `vhh check` prints it (the file named "/cfg/vhh.yaml").
Region region_from_yaml(const std::string &yaml);

/// A test region written as YAML from its parts, for tests that need gemeenten of their own (a real
/// region's, or random ones): set the fields, then `region()` reads `yaml()` with region_from_yaml.
struct TestRegion {
    std::string id = "test";                  ///< regio.id
    std::string naam = "Veiligheidshuis Test";  ///< regio.naam
    int boekjaar = 2017;                      ///< regio.boekjaar; the peildatum is 1 January of it
    std::string centrumgemeente;              ///< regio.centrumgemeente; empty: the first gemeente
    std::string bron = "test";                ///< bevolking.bron
    /// The `gemeenten:` list: code, naam, inwoners and, when not empty, inwoners_bron (as `bron`).
    std::vector<Gemeente> gemeenten;
    std::string more;  ///< YAML appended as it is, e.g. a `herindelingen:` list

    /// The region as a vhh.yaml writes it (one line per gemeente, from line 4).
    std::string yaml() const;
    /// The region as `vhh run` hands it to a plugin: region_from_yaml(yaml()).
    Region region() const { return region_from_yaml(yaml()); }
};

}  // namespace vhh::testing
