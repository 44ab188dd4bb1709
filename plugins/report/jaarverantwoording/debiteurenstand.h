// report.jaarverantwoording — the section "Debiteurenstand per 31 december" (issue 15): what the
// debiteuren still owe at the end of the boekjaar, per debiteur and per open invoice, from the
// store's invoices, credit notes and payments (Administration::debiteurenstand, SDK ABI 3). Without a
// store, or without invoices, the section says so rather than showing € 0.
#pragma once

#include "vhh/administration.h"
#include "vhh/document.h"
#include "vhh/region.h"

namespace vhh::jaarverantwoording {

/// The section for `region`'s boekjaar; `administration` is the run's (nullptr: no store).
doc::Section debiteurenstand_section(const Administration *administration, const Region &region);

}  // namespace vhh::jaarverantwoording
