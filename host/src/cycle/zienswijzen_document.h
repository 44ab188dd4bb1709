// "Zienswijzen en reactie" (zienswijzen-Y) for the algemeen bestuur: per subject — the
// ontwerpbegroting Y and every recorded begrotingswijziging of Y — every gemeente of the region with
// its zienswijze (or that none was received within the term) and the dagelijks bestuur's reaction.
// The host's own document (zienswijzen are in the store, which plugins never see), described in the
// document model and rendered like the plugins' documents.
#pragma once

#include <optional>
#include <vector>

#include "run.h"

#include "store/zienswijze.h"
#include "vhh/administration.h"
#include "vhh/document.h"
#include "vhh/region.h"

namespace vhh::host::cycle {

/// zienswijzen-Y for the region's boekjaar Y: a section per subject (the ontwerpbegroting, then each
/// wijziging in `wijzigingen` by nummer) with a table of every gemeente of `region` (code, gemeente,
/// ontvangen, zienswijze, bijlage, reactie); a gemeente without a zienswijze reads "geen zienswijze
/// ontvangen binnen de termijn", a zienswijze without a reaction "nog geen reactie" (and the
/// document says that the begroting cannot be vastgesteld until it has one).
doc::Document zienswijzen_document(const Region &region, const std::vector<store::StoredZienswijze> &zienswijzen,
                                   const std::vector<BudgetAmendment> &wijzigingen);

/// The host's own documents of a region run (the zienswijzen are in the store, which plugins never
/// see): zienswijzen-Y when the run has a store (`zienswijzen`, read with its administration) and a
/// begroting plugin gave a meerjarenraming; none otherwise. A problem of the document, or a plugin's
/// document of the same name, is an error in `diag` at `where`.
std::vector<doc::Document> host_cycle_documents(const RegionRun &run,
                                                const std::optional<std::vector<store::StoredZienswijze>> &zienswijzen,
                                                const SourceLocation &where, Diagnostics &diag);

}  // namespace vhh::host::cycle
