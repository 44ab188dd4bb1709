// The peildatum rule: population figures are counted at a peildatum fixed by the regeling,
// usually 1 januari of the boekjaar or of an earlier year.
#pragma once

#include "vhh/diagnostics.h"
#include "vhh/region.h"

namespace vhh::host {

/// Checks `region.peildatum` against `region.boekjaar`, located at `where` (bevolking.peildatum):
/// a peildatum after 1 januari of the boekjaar is suspicious (a warning); one in boekjaar + 2 or
/// later is wrong (ExitCode::data): those figures cannot be the boekjaar's. An invalid peildatum
/// (reported elsewhere) is left alone.
void check_peildatum(const Region &region, const SourceLocation &where, Diagnostics &diag);

}  // namespace vhh::host
