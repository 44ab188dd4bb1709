// example.vast-bedrag and example.vast-bedrag-overzicht: a regional allocation rule added without
// touching the host (every gemeente pays the same fixed amount) and the document that shows it.
// Built out of tree against the installed SDK; the logic is in a static library (example_core) so
// that the unit tests in tests/ call it directly.
#pragma once

#include <string>
#include <vector>

#include <vhh/plugin.h>

namespace example {

/// The settings of example.vast-bedrag: `bedrag`, the fixed amount per gemeente (required).
extern const vhh_setting_spec kVastBedragSettings[1];

/// example.vast-bedrag (kind COMPUTE): a contribution line of `bedrag` for every gemeente, and the
/// sheet "Vast bedrag" in the workbook bijdragen-berekening-Y.xlsx.
class VastBedrag : public vhh::Plugin {
public:
    void compute(vhh::ComputeContext &ctx) override;
};

/// The document vast-bedrag-Y: per gemeente the vast bedrag it pays in boekjaar Y, and the total
/// as a formula, from the lines of source "vast-bedrag".
vhh::doc::Document overzicht(const vhh::Region &region, const std::vector<vhh::ContributionLine> &lines);

/// example.vast-bedrag-overzicht (kind REPORT): describes overzicht(); the host renders it in every
/// format of the config's `formaten:`.
class VastBedragOverzicht : public vhh::Plugin {
public:
    void report(vhh::ReportContext &ctx) override;
};

}  // namespace example
