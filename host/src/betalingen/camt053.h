// Bank statements in ISO 20022 CAMT.053 (BankToCustomerStatement), as BNG Bank and the other Dutch
// banks deliver them: read with Poco's SAX parser (expat), streaming, so a statement of 100 000
// entries never becomes a tree in memory. Versions 001.02 and 001.08 are read; the differences that
// matter here (the debtor's name under Dbtr/Nm or Dbtr/Pty/Nm, the status as text or under Sts/Cd,
// a transaction's amount under Amt or AmtDtls/TxAmt/Amt) are handled by accepting both paths.
// See README.md in this folder for the sources.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "vhh/date.h"
#include "vhh/diagnostics.h"
#include "vhh/money.h"

namespace vhh::host::betalingen {

/// One booked payment on the account: a transaction of a statement entry (an entry for a batch
/// holds several transactions; an entry without details is one transaction).
struct BankTransaction {
    std::string entry_ref;   ///< NtryRef, else AcctSvcrRef, else "ntry-<n>" (1-based position)
    int tx_index = 0;        ///< 0-based position of the transaction within its entry
    Money amount;            ///< positive; `credit` says the direction
    bool credit = true;      ///< CRDT (money received); false: DBIT
    bool reversal = false;   ///< RvslInd: the bank reversed an earlier booking (a storno)
    Date booking_date;       ///< BookgDt/Dt (or the date part of BookgDt/DtTm)
    std::optional<Date> value_date;       ///< ValDt/Dt, when given
    std::string counterparty_name;        ///< the debtor of a credit, the creditor of a debit
    std::string counterparty_iban;        ///< DbtrAcct/CdtrAcct IBAN, when given
    std::string structured_reference;     ///< RmtInf/Strd/CdtrRefInf/Ref (a betalingskenmerk)
    std::string remittance_text;          ///< every RmtInf/Ustrd, joined by a space
    std::string end_to_end_id;            ///< Refs/EndToEndId, when given
    SourceLocation where;                 ///< the Ntry (or TxDtls) start tag

    /// The key that makes importing a statement twice book nothing twice:
    /// "<statement id>/<entry ref>/<tx index>".
    std::string booking_key(const std::string &statement_id) const;
};

/// One account statement (a Stmt element) with its booked transactions.
struct BankStatement {
    std::string version;       ///< "001.02" or "001.08"
    std::string message_id;    ///< GrpHdr/MsgId
    std::string statement_id;  ///< Stmt/Id
    std::string iban;          ///< Acct/Id/IBAN, without spaces, upper case
    std::string currency;      ///< Acct/Ccy (EUR) or, when absent, the currency of the amounts
    std::optional<Money> opening_balance;  ///< OPBD (or PRCD), signed
    std::optional<Money> closing_balance;  ///< CLBD, signed
    std::vector<BankTransaction> transactions;  ///< booked ones only (status BOOK), in file order
    SourceLocation where;      ///< the Stmt start tag
};

/// What reading a CAMT.053 file gave: its statements, or the reasons it cannot be booked.
struct Camt053Reading {
    std::vector<BankStatement> statements;
    Diagnostics diagnostics;  ///< located errors (exit 65; 66 for a missing file); empty when ok
    /// True when the file can be booked as a whole.
    bool ok() const { return !diagnostics.has_errors(); }
};

/// The CAMT.053 versions this reader accepts ("001.02", "001.08").
const std::vector<std::string> &supported_camt053_versions();

/// Reads the statement file at `path`. When `expected_iban` is given (the Veiligheidshuis's own
/// account), a statement of another account is an error. Every problem is reported, located
/// (FILE:LINE:COL, the element path as key path): malformed XML, a document that is not a CAMT.053
/// or of another version, a DOCTYPE (refused: no entities are expanded), another currency than EUR,
/// a missing or malformed amount, indicator or booking date, an entry referenced twice, a batch whose
/// transactions do not add up to the entry, a closing balance that does not follow from the opening
/// balance and the entries.
Camt053Reading read_camt053(const std::string &path, const std::optional<std::string> &expected_iban = {});

/// Receives the booked transactions as the reader streams them, so a statement of 100 000 entries
/// is never held whole. Errors found later in the file (a balance, the account) still come in the
/// reading's diagnostics: a sink books nothing for good until the reading is ok.
class Camt053Sink {
public:
    virtual ~Camt053Sink() = default;
    /// A booked transaction of `statement`, whose header (version, Id, account) is read so far and
    /// whose `transactions` are empty. The reader delivers a statement's transactions in file order,
    /// once its Id is known (at the end of the statement when the Id follows the entries).
    virtual void transaction(const BankStatement &statement, BankTransaction &&tx) = 0;
    /// The end of `statement` (its balances read), after its last transaction.
    virtual void statement_end(const BankStatement &statement) = 0;
};

/// Same, for the statement read from `in` (named `path` in messages), streaming. With a `sink`, each
/// booked transaction goes to it instead of into its statement's `transactions`.
Camt053Reading read_camt053_stream(const std::string &path, std::istream &in,
                                   const std::optional<std::string> &expected_iban = {}, Camt053Sink *sink = nullptr);

/// Same, for the statement text `xml` as read from `path` (used in messages).
Camt053Reading read_camt053_text(const std::string &path, const std::string &xml,
                                 const std::optional<std::string> &expected_iban = {});

}  // namespace vhh::host::betalingen
