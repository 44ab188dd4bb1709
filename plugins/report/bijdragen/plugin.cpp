// Exports report.bijdragen through the SDK's versioned entry point.
#include "bijdragen.h"

VHH_PLUGIN(vhh::report_bijdragen::BijdragenPlugin, "report.bijdragen", "1.0.0",
           "the document bijdragen-Y: per bron every payer's bedrag and grondslag, totals as formulas",
           VHH_KIND_REPORT, VHH_NO_SETTINGS)
