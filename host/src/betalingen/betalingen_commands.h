// `vhh betalingen importeren|koppelen` and `vhh betalingen` (the list), `vhh debiteuren`: the
// payments side of invoicing, on the region's store.
#pragma once

#include <vector>

#include "store/store_commands.h"
#include "vhh/document.h"

namespace vhh::host::betalingen {

/// `vhh betalingen importeren FILE`: books a CAMT.053 statement's transactions once, each credit
/// matched to an open invoice when its reference or text names one.
/// `vhh betalingen koppelen ID FACTUURNUMMER`: ties an unmatched transaction to an invoice by hand.
/// `vhh betalingen [--format table|csv|json]`: the booked transactions.
int cmd_betalingen(const store::CommandOptions &o);

/// `vhh debiteuren [--per D] [--format table|csv|json] [--out DIR]`: open items per debiteur with
/// their age classes; `--out` writes a herinnering per debiteur with items past due.
int cmd_debiteuren(const store::CommandOptions &o);

/// What `vhh run` adds to a region's documents from the store: `debiteuren-<boekjaar>`, the
/// debiteurenstand at 31 December of the boekjaar, when the store holds invoices of that year
/// (none otherwise). `store` is open for reading (store::open_store_for_run: of this schema).
std::vector<doc::Document> run_documents(store::Store &store, const RunConfig &config);

}  // namespace vhh::host::betalingen
