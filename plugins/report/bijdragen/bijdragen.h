// report.bijdragen: the controller's document of the run's contributions, bijdragen-Y. It describes
// (vhh/document.h) one section per bron (the source of the financing plugin that computed the
// lines: inwonerbijdrage, rijksbijdrage, werkplekhuur, …) with a table of every payer's code,
// name, bedrag and grondslag (the basis text of the compute plugin), a total per bron, and a
// section with the total per bron and over all bronnen. Bedragen are named money cells; totals are
// formulas over them, so the workbook keeps them as formulas with their cached values. The host
// renders the document in every format of `formaten:`; the plugin never pads or picks widths.
#pragma once

#include <string>
#include <vector>

#include "vhh/plugin.h"

namespace vhh::report_bijdragen {

/// The name of the money cell of line `row` (0-based) of bron `bron` (0-based): "bedrag_1_1" for the
/// first line of the first bron.
std::string amount_name(std::size_t bron, std::size_t row);
/// The name of the total of bron `bron` (0-based): "totaal_1" for the first.
std::string total_name(std::size_t bron);

/// The bronnen of `lines` in first-seen order.
std::vector<std::string> bronnen(const std::vector<ContributionLine> &lines);

/// The document bijdragen-Y of `region` for `lines`: metadata, an introduction (peildatum, a note
/// when the inwonertallen are indicatief), a section per bron and the totals. Amounts must fit
/// 64-bit cents (the host checks the totals before the report phase).
doc::Document build_document(const Region &region, const std::vector<ContributionLine> &lines);

/// The plugin object (kind REPORT, no settings).
class BijdragenPlugin : public Plugin {
public:
    void report(ReportContext &ctx) override;
};

}  // namespace vhh::report_bijdragen
