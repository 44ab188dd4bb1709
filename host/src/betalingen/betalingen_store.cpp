#include "betalingen/betalingen_store.h"

#include <Poco/Data/Statement.h>

#include <algorithm>
#include <cctype>

#include "output/sha256.h"
#include "store/audit_log.h"
#include "store/seal.h"

namespace vhh::host::betalingen {

using store::Field;
using store::Row;

namespace {

enum Col { c_id, c_regio, c_afschrift, c_referentie, c_volgnr, c_bedrag, c_boekdatum, c_naam, c_iban, c_kenmerk,
           c_omschrijving, c_storno, c_factuur, c_koppeling };

Field num(std::int64_t n) { return {true, n, ""}; }
Field txt(std::string s) { return {false, 0, std::move(s)}; }

const store::TableDef &bt() { return *store::find_table("betalingen"); }

Row to_row(Payment &&p) {
    return {num(p.id), txt(std::move(p.regio)), txt(std::move(p.afschrift)), txt(std::move(p.referentie)),
            num(p.volgnr), num(p.bedrag_cents), txt(std::move(p.boekdatum)), txt(std::move(p.naam)),
            txt(std::move(p.iban)), txt(std::move(p.kenmerk)), txt(std::move(p.omschrijving)), num(p.storno ? 1 : 0),
            txt(std::move(p.factuur)), txt(std::move(p.koppeling))};
}

Payment from_row(const Row &r) {
    Payment p;
    p.id = r[c_id].number;
    p.regio = r[c_regio].text;
    p.afschrift = r[c_afschrift].text;
    p.referentie = r[c_referentie].text;
    p.volgnr = static_cast<int>(r[c_volgnr].number);
    p.bedrag_cents = r[c_bedrag].number;
    p.boekdatum = r[c_boekdatum].text;
    p.naam = r[c_naam].text;
    p.iban = r[c_iban].text;
    p.kenmerk = r[c_kenmerk].text;
    p.omschrijving = r[c_omschrijving].text;
    p.storno = r[c_storno].number != 0;
    p.factuur = r[c_factuur].text;
    p.koppeling = r[c_koppeling].text;
    return p;
}

/// Adds a booked row to the seal of its import: what the statement said (not the match, which
/// `koppelen` may change later).
void seal_row(Sha256 &seal, const Row &row) {
    const std::string line = "\n" + store::canonical_row(bt(), row, {"factuur", "koppeling"});
    seal.update(line.data(), line.size());
}

/// Starts the seal of an import (before its first row).
void start_import_seal(Sha256 &seal) { seal.update("betalingen", 10); }

const char *const kImportCommand = "betalingen importeren";

}  // namespace

std::string import_summary(const std::string &regio, const std::string &afschrift, std::size_t count,
                           std::size_t matched) {
    return regio + " afschrift " + afschrift + ": " + std::to_string(count) + " transacties geboekt, " +
           std::to_string(matched) + " gekoppeld";
}

std::vector<Payment> read_payments(store::Store &store, const std::string &regio) {
    std::vector<Payment> out;
    for (const Row &r : store.rows(bt()))
        if (r[c_regio].text == regio) out.push_back(from_row(r));
    return out;
}

PaymentBooking::PaymentBooking(store::Store &store, std::string user)
    : store_(store), user_(std::move(user)), next_(store.next_id("betalingen", "id")) {}

void PaymentBooking::add(Payment &&p) {
    constexpr std::size_t kRowsPerBatch = 2000;  // rows held at once: memory stays flat for a large statement
    if (!seal_) {
        seal_ = std::make_unique<Sha256>();
        start_import_seal(*seal_);
        rows_.reserve(kRowsPerBatch);
    }
    p.id = next_++;
    rows_.push_back(to_row(std::move(p)));
    seal_row(*seal_, rows_.back());
    ++booked_;
    if (rows_.size() == kRowsPerBatch) write();
}

void PaymentBooking::write() {
    store_.insert_many(bt(), rows_);
    rows_.clear();
}

void PaymentBooking::end_statement(const std::string &summary) {
    if (booked_ > 0) {
        write();
        store::append_log(store_, user_, kImportCommand, summary + store::seal_text(seal_->hex()));
    }
    seal_.reset();
    booked_ = 0;
}

std::unordered_map<std::string, BookedKey> booked_keys(store::Store &store, const std::string &regio) {
    std::unordered_map<std::string, BookedKey> out;
    store.guarded([&] {
        std::vector<Poco::Int64> ids, volgnrs, bedragen;
        std::vector<std::string> afschriften, referenties, data;
        std::string r = regio;
        Poco::Data::Statement st(store.session());
        st << store.sql("SELECT id, afschrift, referentie, volgnr, bedrag_cents, boekdatum FROM betalingen WHERE regio = ?"),
            Poco::Data::Keywords::bind(r), Poco::Data::Keywords::into(ids), Poco::Data::Keywords::into(afschriften),
            Poco::Data::Keywords::into(referenties), Poco::Data::Keywords::into(volgnrs),
            Poco::Data::Keywords::into(bedragen), Poco::Data::Keywords::into(data);
        st.execute();
        out.reserve(ids.size() * 2 + 1024);
        for (std::size_t k = 0; k < ids.size(); ++k)
            out.emplace(afschriften[k] + "/" + referenties[k] + "/" + std::to_string(volgnrs[k]),
                        BookedKey{ids[k], bedragen[k], std::move(data[k])});
    });
    return out;
}

std::map<std::string, std::int64_t> paid_per_invoice(store::Store &store, const std::string &regio) {
    std::map<std::string, std::int64_t> out;
    store.guarded([&] {
        std::vector<std::string> facturen;
        std::vector<Poco::Int64> sums;
        std::string r = regio;
        Poco::Data::Statement st(store.session());
        st << store.sql("SELECT factuur, SUM(bedrag_cents) FROM betalingen WHERE regio = ? AND factuur <> ''"
                        " GROUP BY factuur"),
            Poco::Data::Keywords::bind(r), Poco::Data::Keywords::into(facturen), Poco::Data::Keywords::into(sums);
        st.execute();
        for (std::size_t k = 0; k < facturen.size(); ++k) out[facturen[k]] = sums[k];
    });
    return out;
}

void link_payment(store::Store &store, std::int64_t id, const std::string &factuur, const std::string &user) {
    store.guarded([&] {
        Poco::Data::Statement st(store.session());
        std::string f = factuur, k = "handmatig";
        Poco::Int64 i = id;
        st << store.sql("UPDATE betalingen SET factuur = ?, koppeling = ? WHERE id = ?"), Poco::Data::Keywords::bind(f),
            Poco::Data::Keywords::bind(k), Poco::Data::Keywords::bind(i);
        st.execute();
    });
    store::append_log(store, user, "betalingen koppelen", "transactie " + std::to_string(id) + " betaalt factuur " + factuur);
}

std::map<std::string, std::int64_t> paid_per_invoice(const std::vector<Payment> &payments,
                                                     const std::optional<std::string> &per) {
    std::map<std::string, std::int64_t> out;
    for (const auto &p : payments)
        if (!p.factuur.empty() && (!per || p.boekdatum <= *per)) out[p.factuur] += p.bedrag_cents;
    return out;
}

std::int64_t open_after_payments(const invoicing::Invoice &inv, const std::vector<invoicing::Invoice> &all,
                                 const std::map<std::string, std::int64_t> &paid) {
    std::int64_t open = invoicing::open_cents(inv, all);
    if (auto it = paid.find(inv.nummer); it != paid.end()) open -= it->second;
    return open;
}

std::optional<std::string> verify_payments(store::Store &store) {
    // The imports in log order: each booked the next `count` transactions of its statement (ids ascending).
    struct Import {
        std::string regio, afschrift, sha256;
        std::size_t count = 0;
    };
    std::vector<Import> imports;
    store.guarded([&] {
        std::vector<std::string> changes;
        std::string c = kImportCommand;
        Poco::Data::Statement st(store.session());
        st << store.sql("SELECT wijziging FROM audit_log WHERE commando = ? ORDER BY volgnr"),
            Poco::Data::Keywords::bind(c), Poco::Data::Keywords::into(changes);
        st.execute();
        for (const auto &text : changes) {
            // "<regio> afschrift <id>: <n> transacties geboekt, <m> gekoppeld sha256 <hex>"
            const std::size_t a = text.find(" afschrift "), g = text.rfind(" transacties geboekt, "),
                              h = text.rfind(" sha256 ");
            if (a == std::string::npos || g == std::string::npos || h == std::string::npos || g < a) continue;
            std::size_t n = g;
            while (n > a && std::isdigit(static_cast<unsigned char>(text[n - 1]))) --n;
            if (n == g || n < a + 13 || text.compare(n - 2, 2, ": ") != 0) continue;
            Import i;
            i.regio = text.substr(0, a);
            i.afschrift = text.substr(a + 11, n - 2 - (a + 11));
            i.count = std::stoul(text.substr(n, g - n));
            i.sha256 = text.substr(h + 8, 64);
            imports.push_back(std::move(i));
        }
    });
    std::map<std::pair<std::string, std::string>, std::vector<Row>> rows;  // by regio and statement, ids ascending
    for (Row &r : store.rows(bt())) rows[{r[c_regio].text, r[c_afschrift].text}].push_back(std::move(r));
    std::map<std::pair<std::string, std::string>, std::size_t> used;
    for (const Import &i : imports) {
        const auto key = std::make_pair(i.regio, i.afschrift);
        const std::vector<Row> &of = rows[key];
        std::size_t &from = used[key];
        const std::string where = "afschrift " + i.afschrift + " of " + i.regio;
        if (from + i.count > of.size())
            return where + ": the store holds " + std::to_string(of.size() - from) + " of the " + std::to_string(i.count) +
                   " transactions its import booked";
        Sha256 seal;
    start_import_seal(seal);
        for (std::size_t k = from; k < from + i.count; ++k) seal_row(seal, of[k]);
        if (seal.hex() != i.sha256)
            return where + ": transactions " + std::to_string(of[from][c_id].number) + " to " +
                   std::to_string(of[from + i.count - 1][c_id].number) + " do not match the seal of their import";
        from += i.count;
    }
    for (const auto &[key, of] : rows)
        if (used[key] < of.size())
            return "transaction " + std::to_string(of[used[key]][c_id].number) + " (afschrift " + key.second + " of " +
                   key.first + "): no audit log entry records it";
    return std::nullopt;
}

}  // namespace vhh::host::betalingen
