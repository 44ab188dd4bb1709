// `vhh factureren`, `vhh crediteren`, `vhh corrigeren` and `vhh facturen`: invoices of the region in the store, written
// as e-invoices (SI-UBL 2.0) and documents.
#pragma once

#include <ctime>

#include "store/store_commands.h"

namespace vhh::host::invoicing {

/// `vhh factureren --jaar Y --soort voorschot|werkplekhuur|afrekening [--termijn T] [--out DIR]`;
/// `created`: the documents' fixed creation time.
int cmd_factureren(const store::CommandOptions &o, std::time_t created);
/// `vhh crediteren NUMMER --reden TEXT [--bedrag EUR] [--datum D] [--out DIR]`.
int cmd_crediteren(const store::CommandOptions &o);
/// `vhh corrigeren NUMMER --bedrag EUR --reden TEXT [--datum D] [--out DIR]`: in one transaction a
/// credit note for what is open of the invoice and a corrected invoice (type 384) for --bedrag that
/// names it.
int cmd_corrigeren(const store::CommandOptions &o);
/// `vhh facturen [--jaar Y] [--format table|csv|json]`.
int cmd_facturen(const store::CommandOptions &o);
/// `vhh journaal --jaar Y [--format csv|json] [--out FILE]`: the journal of the invoices and payments
/// booked in year Y (invoicing/journaal.h), from the store only; --out written whole or not at all.
int cmd_journaal(const store::CommandOptions &o);

}  // namespace vhh::host::invoicing
