#include "betalingen/betalingen_commands.h"

#include <iostream>
#include <map>
#include <set>
#include <streambuf>
#include <unordered_map>

#include "betalingen/betalingen_store.h"
#include "betalingen/camt053.h"
#include "betalingen/payment_matching.h"
#include "betalingen/statement_booking.h"
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

int importeren(const CommandOptions &o) {
    if (o.args.size() != 2) return store::usage("'vhh betalingen importeren' needs the statement FILE (CAMT.053)");
    const std::string &path = o.args[1];
    try {
        store::Opened r = store::open_region(o, "betalingen", 0);
        // Opened as every input is (a regular file, at most 256 MiB), then parsed as it streams in.
        InputError error;
        const std::unique_ptr<InputFileStream> file =
            InputFileStream::open(path, InputKind::ledger, [](const char *, std::size_t) {}, error);
        if (!file && r.config.facturatie.configured && !r.config.facturatie.iban.empty()) {
            Diagnostics diag;
            diag.error(error.code, {path, 0, 0}, "", "cannot read the bank statement: " + error.reason);
            const int code = report(diag);
            std::cerr << "vhh: nothing was booked\n";
            return code;
        }
        std::unique_ptr<InputStreamBuffer> buffer;
        if (file) buffer = std::make_unique<InputStreamBuffer>(*file);
        std::istream in(buffer.get());
        const StatementImport done = import_statement(*r.store, r.config, path, in, store::acting_user(o.door));
        if (!done.booked()) {
            const int code = report(done.diagnostics);
            std::cerr << "vhh: nothing was booked\n";
            return code;
        }
        std::cerr << format_capped(done.diagnostics);
        for (const auto &b : done.statements)
            std::cout << "vhh: statement " << b.id << ": " << b.booked << " booked (" << b.matched << " matched, "
                      << b.booked - b.matched << " unmatched), " << b.already << " already booked\n";
        return 0;
    } catch (const StoreError &e) {
        return store::refused(e);
    }
}

int koppelen(const CommandOptions &o) {
    if (o.args.size() != 3)
        return store::usage("'vhh betalingen koppelen' needs the TRANSACTIE (its id or key) and the FACTUURNUMMER");
    try {
        store::Opened r = store::open_region(o, "betalingen", 0);
        const LinkedPayment l =
            link_transaction(*r.store, r.config.region.id, o.args[1], o.args[2], store::acting_user(o.door));
        std::cout << "vhh: transaction " << l.payment.id << " (" << euro(l.payment.bedrag_cents) << ", "
                  << l.payment.boekdatum << ") pays invoice " << l.invoice.nummer << " " << l.invoice.debiteur_id << " "
                  << l.invoice.debiteur << "; open now " << euro(l.open_cents) << (l.open_cents < 0 ? " (overpaid)" : "")
                  << "\n";
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
