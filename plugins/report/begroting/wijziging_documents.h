// report.begroting — the documents of a recorded begrotingswijziging: begrotingswijziging-Y-N (what
// changes per post, the effect on the saldo and, when it changes the gemeentelijke bijdrage, per
// gemeente) and, in that case, its own zienswijzebrief per gemeente
// (zienswijzebrief-Y-wijziging-N-<gemeente>) with the Wgr term counted back from the besluit.
#pragma once

#include <string>

#include "begrotingswijziging.h"
#include "documents.h"

namespace vhh::begroting {

/// begrotingswijziging-Y-N.
doc::Document build_begrotingswijziging(const Invoer &in, const Begrotingswijziging &w);

/// zienswijzebrief-Y-wijziging-N-<slug> for gemeente `index` of `w.bijdragen` (w.wijzigt_bijdragen).
/// `termijn`: the Wgr term in force in the year of the wijziging (ReportContext::zienswijzetermijn
/// of the year after); the zienswijze must be in the day before the besluit's date.
doc::Document build_wijziging_zienswijzebrief(const Invoer &in, const Begrotingswijziging &w, std::size_t index,
                                              const std::string &slug, const Zienswijzetermijn &termijn);

}  // namespace vhh::begroting
