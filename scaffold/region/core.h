// {{plugin}}: {{beschrijving}}
// What only this region has: here, per gemeente the veiligheidsregio it belongs to (the setting
// `veiligheidsregio`: a list of {gemeente, naam}, every code checked by the host against the
// region), described as a document `regio-{{naam}}-<boekjaar>` the host renders and checks.
#pragma once

#include <string>
#include <vector>

#include <vhh/plugin.h>

namespace {{ident}}_plugin {

/// One row of the setting `veiligheidsregio`.
struct Indeling {
    std::string gemeente;  ///< CBS code (checked by the host against the region)
    std::string naam;      ///< the veiligheidsregio
};

/// The plugin's settings, as the host hands them over after validating them.
struct Instellingen {
    std::vector<Indeling> veiligheidsregio;
};

/// The records' own table and the settings table (validated and documented by the host).
extern const vhh::SettingsTable<Indeling> kIndelingFields;
extern const vhh::SettingsTable<Instellingen> kSettings;

/// The document for `region`: every gemeente with its veiligheidsregio ("onbekend" when not given).
vhh::doc::Document describe(const vhh::Region &region, const Instellingen &instellingen);

/// The plugin object (kind REPORT).
class {{klasse}} : public vhh::Plugin {
public:
    void report(vhh::ReportContext &ctx) override;
};

}  // namespace {{ident}}_plugin
