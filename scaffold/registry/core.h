// {{plugin}}: {{beschrijving}}
// The partner registry of the region: the partners of the setting `partners` (a list of {id, naam,
// gehuisvest}), each added with where it is written, so that the host and other plugins (werkplekhuur)
// locate their problems. Replace with the region's own source of partners.
#pragma once

#include <string>
#include <vector>

#include <vhh/plugin.h>

namespace {{ident}}_plugin {

/// One row of the setting `partners`.
struct PartnerRij {
    vhh::Located<std::string> id;  ///< stable id, e.g. "om" (its location names the partner in errors)
    std::string naam;              ///< display name
    bool gehuisvest = false;       ///< housed in the Veiligheidshuis
};

/// The plugin's settings, as the host hands them over after validating them.
struct Instellingen {
    std::vector<PartnerRij> partners;
};

/// The records' own table and the settings table (validated and documented by the host).
extern const vhh::SettingsTable<PartnerRij> kPartnerFields;
extern const vhh::SettingsTable<Instellingen> kSettings;

/// The plugin object (kind LOAD).
class {{klasse}} : public vhh::Plugin {
public:
    void load(vhh::LoadContext &ctx) override;
};

}  // namespace {{ident}}_plugin
