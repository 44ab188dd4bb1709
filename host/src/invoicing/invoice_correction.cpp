#include "invoicing/invoice_correction.h"

#include "config/settings_validator.h"
#include "invoicing/invoice_issuing.h"
#include "invoicing/termijnen.h"
#include "store/store_commands.h"

namespace vhh::host::invoicing {

using store::StoreError;

std::string correction_usage() { return "'vhh corrigeren' needs the invoice's NUMMER, --bedrag EUR and --reden TEXT"; }

std::vector<CorrectionProblem> correction_problems(const std::string &reden, const std::string &bedrag_text,
                                                   const std::string &datum, std::optional<Money> &bedrag) {
    std::vector<CorrectionProblem> out;
    if (reden.find_first_not_of(" \t\r\n") == std::string::npos)
        out.push_back({"reden", "'vhh corrigeren' needs --reden TEXT: why the invoice is corrected"});
    if (!datum.empty())
        if (auto p = store::year_and_date_problem("2000", "datum", datum); !p.empty()) out.push_back({"datum", p});
    bedrag = parse_money(bedrag_text);
    if (bedrag_text.empty() || !bedrag || bedrag->in_cents() <= 0) {
        bedrag.reset();
        out.push_back({"bedrag", "'vhh corrigeren' needs --bedrag EUR: the corrected amount to pay in euros above 0, "
                                 "like 9155.71 (to bill nothing, credit the invoice with 'vhh crediteren')"});
    }
    return out;
}

Corrected correct(store::Store &store, const RunConfig &c, const std::string &nummer, const Money &bedrag,
                  const std::string &datum_given, const std::string &reden, const std::string &user) {
    require_facturatie(c);
    const std::vector<Invoice> all = read_invoices(store, c.region.id);
    const Invoice &inv = invoice_to_change(all, nummer, c.region.id, "corrected");
    const std::int64_t open = open_cents(inv, all);
    if (open <= 0)
        throw StoreError(vhh::ExitCode::data, "invoice " + nummer +
                                                  " is credited in full already: nothing to correct (bill anew "
                                                  "with 'vhh factureren')");
    // The corrected invoice (384): the original's soort, termijn, debiteur and VAT category, the
    // right amount (category S: the net that gives the gross bedrag, and its VAT).
    const std::string datum = datum_given.empty() ? today_utc().iso() : datum_given;
    Invoice fixed = inv;
    fixed.nummer.clear();
    fixed.typecode = "384";
    fixed.datum = datum;
    fixed.vervaldatum = add_days(*Date::parse_iso(datum), c.facturatie.betaaltermijn_dagen).iso();
    fixed.crediteert = inv.nummer;
    fixed.reden = reden;
    fixed.bedrag_cents = inv.btw == "S" ? net_of_gross(bedrag.in_cents()) : bedrag.in_cents();
    if (fixed.bedrag_cents + fixed.btw_cents() == open)
        throw StoreError(vhh::ExitCode::data, "invoice " + nummer + " bills " + Money::cents(open).format_nl() +
                                                  " already: the correction would change nothing");
    // The credit note takes back what is open of the invoice, the corrected invoice bills the
    // right amount and names the invoice it corrects.
    const Invoice cn = credit_note_for(inv, all, open, true, datum, reden,
                                       "Creditering van factuur " + inv.nummer + " wegens correctie: " + reden);
    Corrected done{inv, issue_invoice(store, cn, user, "corrigeren"), {}};
    fixed.regels = {{"Gecorrigeerde factuur voor " + inv.nummer + " (gecrediteerd met creditnota " +
                         done.credit_note.nummer + "): " + reden,
                     fixed.bedrag_cents}};
    done.corrected = issue_invoice(store, fixed, user, "corrigeren");
    return done;
}

}  // namespace vhh::host::invoicing
