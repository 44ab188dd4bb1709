// An issued invoice or credit note as a letter of the document model: the host renders it like every
// other letter (PDF by default), with the config's letterhead.
#pragma once

#include "invoicing/facturen_store.h"
#include "vhh/document.h"

namespace vhh::host::invoicing {

/// The document `<nummer>` of `inv`: addressed to the debiteur, its lines in a table, total, VAT
/// treatment, due date, IBAN and betalingskenmerk; `regio_naam` names the sender's region.
doc::Document factuur_document(const Invoice &inv, const std::string &regio_naam);

}  // namespace vhh::host::invoicing
