// Ledger lines (realisatie) as importer plugins read them from a financial system's export.
#pragma once

#include <string>
#include <vector>

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

/// Where an importer hands the lines of a ledger export, one at a time as it reads them, so that
/// a file of a million lines is never held as lines (nor as text). The consumer (the plugin that
/// asked for the import, through PhaseContext::import_ledger) aggregates them as they come.
class LedgerSink {
public:
    virtual ~LedgerSink() = default;
    /// Takes one line. The reference is valid only during the call: copy what is kept.
    virtual void add(const LedgerLine &line) = 0;
};

/// A LedgerSink that keeps every line (tests, small exports).
class LedgerLines : public LedgerSink {
public:
    void add(const LedgerLine &line) override { lines.push_back(line); }
    std::vector<LedgerLine> lines;  ///< the lines in the order given
};

}  // namespace vhh
