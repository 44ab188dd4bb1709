// Issuing invoices and credit notes: the rules of `vhh factureren` and `vhh crediteren` (what is
// billed per soort and termijn, what may be credited) and the status an invoice has, shared by the
// CLI and the workspace of `vhh serve`. Everything here runs in the caller's open write transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/region_config.h"
#include "invoicing/facturen_store.h"
#include "store/store.h"
#include "vhh/money.h"

namespace vhh::host::invoicing {

/// Throws StoreError (78) naming the config when it has no facturatie: section: vhh cannot address
/// an invoice without its leverancier and debiteuren.
void require_facturatie(const RunConfig &config);

/// What `vhh factureren` would say of its arguments (a usage message), or "" when they are fine.
std::string billing_problem(const std::string &jaar, const std::string &soort, const std::string &termijn);

/// What one billing issued, and what it found billed already ("soort termijn debiteur: factuur N").
struct Billing {
    std::vector<Invoice> issued;
    std::vector<std::string> already;
    /// Warnings and notes of reading the partner registry (werkplekhuur per termijn), formatted as
    /// the CLI prints diagnostics; "" when there are none. The caller shows them (bill() prints nothing).
    std::string diagnostics;
};

/// A billing refused for problems of the config or its plugins found while reading the partner
/// registry: the message names the first, `diagnostics` holds all of them, formatted as the CLI
/// prints diagnostics, for the caller to show (bill() prints nothing).
struct BillingRefused : store::StoreError {
    BillingRefused(vhh::ExitCode code, const std::string &message, std::string all)
        : store::StoreError(code, message), diagnostics(std::move(all)) {}
    std::string diagnostics;
};

/// Bills `soort` (voorschot, werkplekhuur, afrekening) of `jaar` — the config's boekjaar — for
/// every debiteur not billed yet (voorschot and werkplekhuur: termijn `termijn`, or every termijn
/// when ""), with `user` in the audit log. Werkplekhuur per termijn reads the partner registry with
/// the plugins found in `plugin_dirs` (as `vhh partners`); its problems are a BillingRefused. An
/// unknown termijn is a StoreError (64); no vastgestelde begroting (or jaarrekening, for the
/// afrekening), a debiteur without facturatie entry: 65, nothing issued.
Billing bill(store::Store &store, const RunConfig &config, int jaar, const std::string &soort,
             const std::string &termijn, const std::string &user, const std::vector<std::string> &plugin_dirs);

/// What `vhh crediteren` would say of its arguments (a usage message), or "" when they are fine;
/// `bedrag` gets the amount when one is given.
std::string credit_problem(const std::string &reden, const std::string &bedrag_text, const std::string &datum,
                           std::optional<Money> &bedrag);

/// A credit note and the invoice it credits.
struct Credited {
    Invoice invoice;      ///< as it was
    Invoice credit_note;  ///< as issued
};

/// Credits `bedrag` (everything open when nullopt) of invoice `nummer` of the region, dated `datum`
/// (today, UTC, when ""), with `user` in the audit log. No such invoice, a credit note, nothing open
/// or more than is open: a StoreError (65).
Credited credit(store::Store &store, const RunConfig &config, const std::string &nummer,
                const std::optional<Money> &bedrag, const std::string &datum, const std::string &reden,
                const std::string &user, const std::string &command = "crediteren");

/// The net amount of a gross amount with 21 % VAT (category S), rounded half up to the cent.
std::int64_t net_of_gross(std::int64_t gross);

/// The invoice `nummer` of the region among `all`, to be credited or corrected (not a credit note);
/// throws StoreError (65) otherwise; `what`: "credited" or "corrected".
const Invoice &invoice_to_change(const std::vector<Invoice> &all, const std::string &nummer, const std::string &regio,
                                 const char *what);

/// A credit note (381) for `gross` of `inv` (`whole`: everything still open), dated `datum`.
Invoice credit_note_for(const Invoice &inv, const std::vector<Invoice> &all, std::int64_t gross, bool whole,
                        const std::string &datum, const std::string &reden, const std::string &regel);

/// The status of `inv` with `open` cents open (payments counted) and `received` true when a payment
/// is matched to it: open, deels betaald, betaald, overbetaald, gecrediteerd, deels gecrediteerd;
/// a credit note: verrekend or terug te betalen.
std::string invoice_status(const Invoice &inv, std::int64_t open, bool received);

}  // namespace vhh::host::invoicing
