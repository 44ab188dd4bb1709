// Correcting an invoice: the rules of `vhh corrigeren`, shared by the CLI and the workspace of
// `vhh serve`. In one write transaction (the caller's) a credit note takes back what is open of the
// invoice and a corrected invoice (UNCL1001 type 384) bills the right amount and names the invoice
// it corrects.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/region_config.h"
#include "invoicing/facturen_store.h"
#include "store/store.h"
#include "vhh/money.h"

namespace vhh::host::invoicing {

/// The usage message of `vhh corrigeren` without the invoice's number (or with more than one).
std::string correction_usage();

/// A problem of `vhh corrigeren`'s options: the option it is about ("reden", "datum", "bedrag") and
/// the CLI's usage message.
struct CorrectionProblem {
    std::string veld;
    std::string melding;
};

/// What `vhh corrigeren` says of --reden, --datum and --bedrag, in the order the CLI checks them
/// (the CLI shows the first, the workspace each at its field); none when they are fine, and then
/// `bedrag` holds the corrected amount.
std::vector<CorrectionProblem> correction_problems(const std::string &reden, const std::string &bedrag_text,
                                                   const std::string &datum, std::optional<Money> &bedrag);

/// A correction as issued: the invoice as it was, the credit note and the corrected invoice.
struct Corrected {
    Invoice invoice;
    Invoice credit_note;
    Invoice corrected;
};

/// Corrects invoice `nummer` of the region to `bedrag` (gross), dated `datum` (today, UTC, when ""),
/// with `user` in the audit log, in the open write transaction. No facturatie: section: StoreError
/// (78); no such invoice, a credit note, nothing open, or a correction that changes nothing: 65.
Corrected correct(store::Store &store, const RunConfig &config, const std::string &nummer, const Money &bedrag,
                  const std::string &datum, const std::string &reden, const std::string &user);

}  // namespace vhh::host::invoicing
