#include "betalingen/betalingen_commands.h"

#include <iostream>
#include <map>
#include <set>
#include <streambuf>
#include <unordered_map>

#include "betalingen/betalingen_store.h"
#include "betalingen/camt053.h"
#include "betalingen/payment_matching.h"
#include "config/input_file.h"
#include "diagnostic_output.h"
#include "formats.h"
#include "store/audit_log.h"
#include "vhh/text.h"

namespace vhh::host::betalingen {

using invoicing::Invoice;
using store::CommandOptions;
using store::StoreError;

namespace {

std::string euro(std::int64_t cents) { return Money::cents(cents).format_nl(); }

/// A std::streambuf over a vhh InputStream, so the streaming XML reader reads it a buffer at a time.
class InputStreamBuffer : public std::streambuf {
public:
    explicit InputStreamBuffer(InputStream &in) : in_(in) {}

protected:
    int_type underflow() override {
        const std::size_t n = in_.read(buffer_, sizeof buffer_);
        if (n == 0) return traits_type::eof();
        setg(buffer_, buffer_, buffer_ + n);
        return traits_type::to_int_type(buffer_[0]);
    }

private:
    InputStream &in_;
    char buffer_[1 << 16];
};

int report(const Diagnostics &diag) {
    std::cerr << format_capped(diag);
    return static_cast<int>(diag.exit_code());
}

Payment payment_of(const BankStatement &s, const BankTransaction &tx, const std::string &regio) {
    Payment p;
    p.regio = regio;
    p.afschrift = s.statement_id;
    p.referentie = tx.entry_ref;
    p.volgnr = tx.tx_index;
    p.bedrag_cents = tx.credit ? tx.amount.in_cents() : -tx.amount.in_cents();
    p.boekdatum = tx.booking_date.iso();
    p.naam = tx.counterparty_name;
    p.iban = tx.counterparty_iban;
    p.kenmerk = tx.structured_reference;
    p.omschrijving = tx.remittance_text;
    p.storno = tx.reversal;
    p.koppeling = rule_text(MatchRule::none);
    return p;
}

int importeren(const CommandOptions &o) {
    if (o.args.size() != 2) return store::usage("'vhh betalingen importeren' needs the statement FILE (CAMT.053)");
    const std::string &path = o.args[1];
    try {
        store::Opened r = store::open_region(o, "betalingen", 0);
        const RunConfig &c = r.config;
        if (!c.facturatie.configured || c.facturatie.iban.empty())
            throw StoreError(vhh::ExitCode::config, o.config_path +
                                                        " has no facturatie.leverancier.iban: vhh cannot tell whether a "
                                                        "statement is of the Veiligheidshuis's account");
        // Opened as every input is (a regular file, at most 256 MiB), then parsed as it streams in.
        InputError error;
        const std::unique_ptr<InputFileStream> file =
            InputFileStream::open(path, InputKind::ledger, [](const char *, std::size_t) {}, error);
        Camt053Reading reading;
        if (file) {
            InputStreamBuffer buffer(*file);
            std::istream in(&buffer);
            try {
                reading = read_camt053_stream(path, in, c.facturatie.iban);
            } catch (const std::runtime_error &e) {
                reading.diagnostics.error(vhh::ExitCode::no_input, {path, 0, 0}, "",
                                          std::string("cannot read the bank statement: ") + e.what());
            }
        } else {
            reading.diagnostics.error(error.code, {path, 0, 0}, "", "cannot read the bank statement: " + error.reason);
        }
        if (!reading.ok()) {
            const int code = report(reading.diagnostics);
            std::cerr << "vhh: nothing was booked\n";
            return code;
        }
        store::Transaction tx(*r.store, true);
        r.store->require_schema();
        const std::vector<Invoice> all = invoicing::read_invoices(*r.store, c.region.id);
        std::unordered_map<std::string, BookedKey> by_key = booked_keys(*r.store, c.region.id);
        const auto paid = paid_per_invoice(*r.store, c.region.id);
        std::vector<InvoiceItem> items;
        for (const auto &inv : all)
            if (!inv.credit_note()) items.push_back({inv.nummer, inv.betalingskenmerk, Money::cents(open_after_payments(inv, all, paid))});
        const PaymentMatcher matcher(items);
        Diagnostics diag = reading.diagnostics;  // its warnings, if any
        struct Booked {
            std::string id;
            std::vector<Payment> payments;
            std::size_t matched = 0, already = 0;
        };
        std::vector<Booked> per_statement;
        for (const BankStatement &s : reading.statements) {
            Booked b{s.statement_id, {}, 0, 0};
            for (const BankTransaction &t : s.transactions) {
                Payment p = payment_of(s, t, c.region.id);
                if (auto it = by_key.find(p.key()); it != by_key.end()) {
                    const BookedKey &e = it->second;
                    if (e.id < 0) {  // booked by this file already: two statements with the same Id
                        diag.error(vhh::ExitCode::data, t.where, "Ntry", "transaction " + p.key() + " is in this file twice");
                        continue;
                    }
                    if (e.bedrag_cents != p.bedrag_cents || e.boekdatum != p.boekdatum)
                        diag.error(vhh::ExitCode::data, t.where, "Ntry",
                                   "transaction " + p.key() + " is booked already (transactie " + std::to_string(e.id) +
                                       ") with " + euro(e.bedrag_cents) + " on " + e.boekdatum + ", here with " +
                                       euro(p.bedrag_cents) + " on " + p.boekdatum,
                                   "a bank does not change a booked entry: is this another account's statement?");
                    ++b.already;
                    continue;
                }
                const MatchResult m = matcher.match(t);
                if (m.item && m.already_paid) {
                    // Better than refusing the statement: the payment is on the account, so it is booked,
                    // unmatched, for the controller to decide (koppelen, or pay it back).
                    diag.warning(t.where, "Ntry",
                                 "payment of " + euro(p.bedrag_cents) + " names invoice " + items[*m.item].number +
                                     ", which is paid already (open " + euro(items[*m.item].open.in_cents()) +
                                     "): booked as unmatched",
                                 "'vhh betalingen koppelen " + p.key() + " NUMMER' ties it to another invoice");
                } else if (m.item) {
                    p.factuur = items[*m.item].number;
                    p.koppeling = rule_text(m.rule);
                    items[*m.item].open = Money::cents(items[*m.item].open.in_cents() - p.bedrag_cents);
                    ++b.matched;
                }
                by_key.emplace(p.key(), BookedKey{-1, 0, ""});
                b.payments.push_back(std::move(p));
            }
            per_statement.push_back(std::move(b));
        }
        reading.statements.clear();  // booked as Payments now: do not hold a statement twice
        reading.statements.shrink_to_fit();
        if (diag.has_errors()) {
            std::cerr << format_capped(diag) << "vhh: nothing was booked\n";
            return static_cast<int>(diag.exit_code());
        }
        const std::string user = store::acting_user(o.door);
        for (auto &b : per_statement)
            if (!b.payments.empty())
                book_payments(*r.store, b.payments, user, import_summary(c.region.id, b.id, b.payments.size(), b.matched));
        tx.commit();
        std::cerr << format_capped(diag);
        for (const auto &b : per_statement)
            std::cout << "vhh: statement " << b.id << ": " << b.payments.size() << " booked (" << b.matched
                      << " matched, " << b.payments.size() - b.matched << " unmatched), " << b.already
                      << " already booked\n";
        return 0;
    } catch (const StoreError &e) {
        return store::refused(e);
    }
}

int koppelen(const CommandOptions &o) {
    if (o.args.size() != 3)
        return store::usage("'vhh betalingen koppelen' needs the TRANSACTIE (its id or key) and the FACTUURNUMMER");
    const std::string &which = o.args[1], &nummer = o.args[2];
    try {
        store::Opened r = store::open_region(o, "betalingen", 0);
        const RunConfig &c = r.config;
        store::Transaction tx(*r.store, true);
        r.store->require_schema();
        const std::vector<Payment> booked = read_payments(*r.store, c.region.id);
        const Payment *p = nullptr;
        for (const auto &b : booked)
            if (std::to_string(b.id) == which || b.key() == which) p = &b;
        if (!p)
            throw StoreError(vhh::ExitCode::data, "the store holds no transaction " + printable_text(which) + " of " +
                                                      c.region.id + " ('vhh betalingen' lists them)");
        if (!p->factuur.empty())
            throw StoreError(vhh::ExitCode::data, "transaction " + std::to_string(p->id) + " (" + p->key() +
                                                      ") pays invoice " + p->factuur + " already (" + p->koppeling + ")");
        const std::vector<Invoice> all = invoicing::read_invoices(*r.store, c.region.id);
        const Invoice *inv = &invoicing::require_invoice(all, nummer, c.region.id);
        if (inv->credit_note())
            throw StoreError(vhh::ExitCode::data, nummer + " is a credit note; a payment pays an invoice");
        const std::int64_t open = open_after_payments(*inv, all, paid_per_invoice(booked)) - p->bedrag_cents;
        link_payment(*r.store, p->id, nummer, store::acting_user(o.door));
        tx.commit();
        std::cout << "vhh: transaction " << p->id << " (" << euro(p->bedrag_cents) << ", " << p->boekdatum
                  << ") pays invoice " << nummer << " " << inv->debiteur_id << " " << inv->debiteur << "; open now "
                  << euro(open) << (open < 0 ? " (overpaid)" : "") << "\n";
        return 0;
    } catch (const StoreError &e) {
        return store::refused(e);
    }
}

std::string json_or_null(const std::string &s) { return s.empty() ? "null" : store::json_quote(s); }

int lijst(const CommandOptions &o) {
    if (o.format != "table" && o.format != "csv" && o.format != "json")
        return store::usage("unknown format '" + o.format + "' for betalingen (expected table, csv or json)");
    try {
        store::Opened r = store::open_region(o, "betalingen", 0);
        store::Transaction tx(*r.store, false);
        r.store->require_schema();
        const std::vector<Payment> all = read_payments(*r.store, r.config.region.id);
        std::string text;
        if (o.format == "json") {
            text = "{\"betalingen\": [";
            for (std::size_t k = 0; k < all.size(); ++k) {
                const Payment &p = all[k];
                text += std::string(k ? "," : "") + "\n  {\"id\": " + std::to_string(p.id) +
                        ", \"afschrift\": " + store::json_quote(p.afschrift) +
                        ", \"referentie\": " + store::json_quote(p.referentie) + ", \"volgnr\": " + std::to_string(p.volgnr) +
                        ", \"boekdatum\": " + store::json_quote(p.boekdatum) +
                        ", \"bedrag_cents\": " + std::to_string(p.bedrag_cents) + ", \"naam\": " + store::json_quote(p.naam) +
                        ", \"iban\": " + store::json_quote(p.iban) + ", \"kenmerk\": " + store::json_quote(p.kenmerk) +
                        ", \"omschrijving\": " + store::json_quote(p.omschrijving) +
                        ", \"storno\": " + (p.storno ? "true" : "false") + ", \"factuur\": " + json_or_null(p.factuur) +
                        ", \"koppeling\": " + store::json_quote(p.koppeling) + "}";
            }
            text += all.empty() ? "]}\n" : "\n]}\n";
        } else if (o.format == "csv") {
            text = std::string(kCsvBom) + "id;afschrift;referentie;volgnr;boekdatum;bedrag_cents;naam;iban;kenmerk;"
                                          "omschrijving;factuur;koppeling\n";
            for (const auto &p : all)
                text += std::to_string(p.id) + ";" + csv_field(p.afschrift) + ";" + csv_field(p.referentie) + ";" +
                        std::to_string(p.volgnr) + ";" + p.boekdatum + ";" + std::to_string(p.bedrag_cents) + ";" +
                        csv_field(p.naam) + ";" + csv_field(p.iban) + ";" + csv_field(p.kenmerk) + ";" +
                        csv_field(p.omschrijving) + ";" + csv_field(p.factuur) + ";" + p.koppeling + "\n";
        } else {
            for (const auto &p : all)
                text += pad(std::to_string(p.id), 6, true) + "  " + p.boekdatum + "  " + pad(euro(p.bedrag_cents), 14, true) +
                        "  " + pad(printable_text(p.naam), 30, false) + "  " +
                        pad(p.factuur.empty() ? "-" : p.factuur, 10, false) + "  " + p.koppeling + "  " +
                        printable_text(p.key()) + "\n";
            if (all.empty()) text = "(the store holds no booked transactions)\n";
        }
        std::cout << text;
        return 0;
    } catch (const StoreError &e) {
        return store::refused(e);
    }
}

}  // namespace

int cmd_betalingen(const CommandOptions &o) {
    if (o.args.empty()) return lijst(o);
    if (o.args[0] == "importeren") return importeren(o);
    if (o.args[0] == "koppelen") return koppelen(o);
    return store::usage("unknown subcommand '" + printable_text(o.args[0]) +
                        "' of 'vhh betalingen' (expected importeren FILE, koppelen TRANSACTIE FACTUURNUMMER, or none)");
}

}  // namespace vhh::host::betalingen
