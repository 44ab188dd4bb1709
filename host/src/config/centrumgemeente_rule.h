// The centrumgemeente rule: regio.centrumgemeente is one of the region's gemeenten.
#pragma once

#include "vhh/diagnostics.h"
#include "vhh/region.h"

namespace vhh::host {

/// Checks that `region.centrumgemeente` is one of the region's gemeenten (after the herindelingen
/// in force are applied), located at `where` (regio.centrumgemeente); otherwise ExitCode::config,
/// with the hint the gemeente references get: the successor when a herindeling merged the code
/// away, else the region's gemeenten. Nothing to check without a centrumgemeente or gemeenten.
void check_centrumgemeente(const Region &region, const SourceLocation &where, Diagnostics &diag);

}  // namespace vhh::host
