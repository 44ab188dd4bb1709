// {{plugin}}: {{beschrijving}}
// Every gemeente of the region pays `tarief` per inwoner; the plugin adds one contribution line per
// gemeente and a sheet that explains them (inputs in cells, amounts as formulas). Replace the rule
// with the region's own; keep amounts in vhh::Money (whole cents, never floating point).
#pragma once

#include <vector>

#include <vhh/plugin.h>

namespace {{ident}}_plugin {

/// The plugin's settings, as the host hands them over after validating them.
struct Instellingen {
    vhh::Money tarief;  ///< per inwoner per jaar
};

/// The settings table: every row bound to a member of Instellingen (validated and documented by the host).
extern const vhh::SettingsTable<Instellingen> kSettings;

/// Source id of the lines this plugin adds.
inline constexpr const char *kSource = "{{naam}}";

/// The lines of `region`: one per gemeente, inwoners × tarief.
std::vector<vhh::ContributionLine> compute_lines(const vhh::Region &region, const Instellingen &instellingen);

/// The plugin object (kind COMPUTE).
class {{klasse}} : public vhh::Plugin {
public:
    void compute(vhh::ComputeContext &ctx) override;
};

}  // namespace {{ident}}_plugin
