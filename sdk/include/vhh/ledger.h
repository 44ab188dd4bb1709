// Ledger lines (realisatie) as importer plugins read them from a financial system's export.
#pragma once

#include <string>

#include "vhh/date.h"
#include "vhh/diagnostics.h"
#include "vhh/money.h"

namespace vhh {

/// One booking of a ledger export: what an importer plugin produces, whatever the file format.
struct LedgerLine {
    Date datum;                ///< booking date
    std::string kostenplaats;  ///< cost centre
    std::string rekening;      ///< grootboekrekening (account)
    std::string omschrijving;  ///< description (may be empty)
    Money bedrag;              ///< amount; costs positive, income negative as the ledger writes them
    SourceLocation where;      ///< file, line and column of the line (or of its amount)
};

}  // namespace vhh
