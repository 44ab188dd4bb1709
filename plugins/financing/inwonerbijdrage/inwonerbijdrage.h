// financing.inwonerbijdrage: the contribution every gemeente pays for its inwoners.
// Basic form: bijdrage = inwoners × tarief per inwoner (Zeeland 2013: € 0,40).
#pragma once

#include "vhh/plugin.h"

namespace vhh::inwonerbijdrage {

/// The plugin's settings table (declared once: validates and documents).
extern const vhh_setting_spec kSettings[1];

/// Source id of the lines this plugin adds.
inline constexpr const char *kSource = "inwonerbijdrage";

/// Computes one line per gemeente: inwoners × tarief.
std::vector<ContributionLine> compute_lines(const Region &region, Money tarief);

/// The sheet for bijdragen-Y.xlsx: inputs in cells, each bijdrage as a formula with
/// its computed value, and a total row.
Table describe_sheet(const Region &region, Money tarief, const std::vector<ContributionLine> &lines);

/// The plugin object.
class InwonerbijdragePlugin : public Plugin {
public:
    void compute(ComputeContext &ctx) override;
};

}  // namespace vhh::inwonerbijdrage
