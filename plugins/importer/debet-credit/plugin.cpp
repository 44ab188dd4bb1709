// Exports importer.debet-credit through the SDK's versioned entry point.
#include "debet_credit.h"

VHH_PLUGIN(vhh::importer_debet_credit::DebetCreditImporter, "importer.debet-credit", "1.0.0",
           "ledger exports separated by ',' with ISO dates and separate Debet and Credit columns (1234.56)",
           VHH_KIND_IMPORT, vhh::importer_debet_credit::kSettings)
