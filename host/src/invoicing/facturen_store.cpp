#include "invoicing/facturen_store.h"

#include <Poco/Data/Statement.h>

#include <cstdio>
#include <map>
#include <set>

#include "diagnostic_output.h"
#include "invoicing/termijnen.h"
#include "store/audit_log.h"
#include "store/seal.h"

namespace vhh::host::invoicing {

using store::Field;
using store::Row;
using store::StoreError;

namespace {

enum Col { c_regio, c_nummer, c_jaar, c_volgnr, c_soort, c_typecode, c_termijn, c_debiteur_id, c_debiteur, c_datum,
           c_vervaldatum, c_periode_van, c_periode_tot, c_bedrag, c_kenmerk, c_crediteert, c_reden, c_btw,
           c_partijen, c_sha256 };

Field num(std::int64_t n) { return {true, n, ""}; }
Field txt(std::string s) { return {false, 0, std::move(s)}; }

const store::TableDef &ft() { return *store::find_table("facturen"); }
const store::TableDef &rt() { return *store::find_table("factuurregels"); }

Row to_row(const Invoice &i) {
    return {txt(i.regio), txt(i.nummer), num(i.jaar), num(i.volgnr), txt(i.soort), txt(i.typecode), txt(i.termijn),
            txt(i.debiteur_id), txt(i.debiteur), txt(i.datum), txt(i.vervaldatum), txt(i.periode_van),
            txt(i.periode_tot), num(i.bedrag_cents), txt(i.betalingskenmerk), txt(i.crediteert), txt(i.reden),
            txt(i.btw), txt(i.partijen), txt(i.sha256)};
}

std::vector<Row> line_rows(const Invoice &i) {
    std::vector<Row> out;
    for (std::size_t k = 0; k < i.regels.size(); ++k)
        out.push_back({txt(i.regio), txt(i.nummer), num(static_cast<std::int64_t>(k + 1)), txt(i.regels[k].omschrijving),
                       num(i.regels[k].bedrag_cents)});
    return out;
}

Invoice from_row(const Row &r) {
    Invoice i;
    i.regio = r[c_regio].text;
    i.nummer = r[c_nummer].text;
    i.jaar = static_cast<int>(r[c_jaar].number);
    i.volgnr = r[c_volgnr].number;
    i.soort = r[c_soort].text;
    i.typecode = r[c_typecode].text;
    i.termijn = r[c_termijn].text;
    i.debiteur_id = r[c_debiteur_id].text;
    i.debiteur = r[c_debiteur].text;
    i.datum = r[c_datum].text;
    i.vervaldatum = r[c_vervaldatum].text;
    i.periode_van = r[c_periode_van].text;
    i.periode_tot = r[c_periode_tot].text;
    i.bedrag_cents = r[c_bedrag].number;
    i.betalingskenmerk = r[c_kenmerk].text;
    i.crediteert = r[c_crediteert].text;
    i.reden = r[c_reden].text;
    i.btw = r[c_btw].text;
    i.partijen = r[c_partijen].text;
    i.sha256 = r[c_sha256].text;
    return i;
}

std::string seal(const Invoice &i) {
    Row row = to_row(i);
    const std::vector<Row> lines = line_rows(i);
    return store::seal_of("factuur", ft(), row, {"sha256"}, {{&rt(), &lines}});
}

/// Raises the region's counter of `jaar` and returns the new number (inside the write transaction,
/// which holds the store's one-writer lock: two runs never get the same number, none is skipped).
std::int64_t next_number(store::Store &store, const std::string &regio, int jaar) {
    std::int64_t laatste = -1;
    store.guarded([&] {
        Poco::Data::Statement st(store.session());
        std::string r = regio;
        int j = jaar;
        std::vector<Poco::Int64> found;
        st << store.sql("SELECT laatste FROM factuur_nummers WHERE regio = ? AND jaar = ?"),
            Poco::Data::Keywords::bind(r), Poco::Data::Keywords::bind(j), Poco::Data::Keywords::into(found);
        st.execute();
        if (!found.empty()) laatste = found[0];
    });
    const std::int64_t next = laatste < 0 ? 1 : laatste + 1;
    store.guarded([&] {
        Poco::Data::Statement st(store.session());
        std::string r = regio;
        int j = jaar;
        Poco::Int64 n = next;
        if (laatste < 0)
            st << store.sql("INSERT INTO factuur_nummers (regio, jaar, laatste) VALUES (?, ?, ?)"),
                Poco::Data::Keywords::bind(r), Poco::Data::Keywords::bind(j), Poco::Data::Keywords::bind(n);
        else
            st << store.sql("UPDATE factuur_nummers SET laatste = ? WHERE regio = ? AND jaar = ?"),
                Poco::Data::Keywords::bind(n), Poco::Data::Keywords::bind(r), Poco::Data::Keywords::bind(j);
        st.execute();
    });
    return next;
}

}  // namespace

std::int64_t Invoice::btw_cents() const {
    if (btw != "S") return 0;
    return (bedrag_cents * 21 + 50) / 100;
}

Invoice issue_invoice(store::Store &store, Invoice inv, const std::string &user, const std::string &command) {
    inv.volgnr = next_number(store, inv.regio, inv.jaar);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%05lld", inv.jaar, static_cast<long long>(inv.volgnr));
    inv.nummer = buf;
    inv.betalingskenmerk = betalingskenmerk(inv.jaar, inv.volgnr);
    inv.bedrag_cents = 0;
    for (const auto &l : inv.regels) inv.bedrag_cents += l.bedrag_cents;
    inv.sha256 = "";
    inv.sha256 = seal(inv);
    store.insert(ft(), to_row(inv));
    store.insert_many(rt(), line_rows(inv));
    store::append_log(store, user, command,
                      inv.regio + " " + (inv.credit_note() ? "creditnota " : "factuur ") + inv.nummer + " " + inv.soort +
                          (inv.termijn.empty() ? "" : " " + inv.termijn) + " " + inv.debiteur_id + " " +
                          std::to_string(inv.bedrag_cents) + " cents" +
                          (inv.crediteert.empty() ? "" : " crediteert " + inv.crediteert) + store::seal_text(inv.sha256));
    return inv;
}

std::vector<Invoice> read_invoices(store::Store &store, const std::string &regio, int jaar) {
    std::map<std::pair<std::string, std::string>, std::vector<InvoiceLine>> lines;
    // Only the region's rows: the store holds every region's invoices of every year.
    for (const Row &r : store.rows_where(rt(), "regio", txt(regio)))
        lines[{r[0].text, r[1].text}].push_back({r[3].text, r[4].number});
    std::vector<Invoice> out;
    for (const Row &r : store.rows_where(ft(), "regio", txt(regio))) {
        if (r[c_regio].text != regio || (jaar && r[c_jaar].number != jaar)) continue;
        Invoice i = from_row(r);
        i.regels = lines[{i.regio, i.nummer}];
        out.push_back(std::move(i));
    }
    return out;
}

std::optional<Invoice> find_invoice(store::Store &store, const std::string &regio, const std::string &nummer) {
    for (auto &i : read_invoices(store, regio))
        if (i.nummer == nummer) return i;
    return std::nullopt;
}

const Invoice &require_invoice(const std::vector<Invoice> &all, const std::string &nummer, const std::string &regio) {
    for (const auto &i : all)
        if (i.nummer == nummer) return i;
    throw StoreError(vhh::ExitCode::data, "the store holds no invoice " + printable_text(nummer) + " of " + regio +
                                              " ('vhh facturen' lists them)");
}

std::int64_t open_cents(const Invoice &inv, const std::vector<Invoice> &all) {
    if (inv.credit_note()) return inv.soort == "credit" ? 0 : -(inv.bedrag_cents + inv.btw_cents());
    std::int64_t open = inv.bedrag_cents + inv.btw_cents();
    for (const auto &c : all)
        if (c.credit_note() && c.crediteert == inv.nummer) open -= c.bedrag_cents + c.btw_cents();
    return open;
}

int invoice_version(const std::vector<Invoice> &all, const std::string &nummer) {
    int n = 0;
    for (const auto &i : all)
        if (i.crediteert == nummer) ++n;
    return n;
}

std::optional<std::string> verify_invoices(store::Store &store) {
    const std::set<std::string> logged = [&] {
        std::set<std::string> s = store::logged_seals(store, "factureren");
        for (const char *command : {"crediteren", "corrigeren"})
            for (const auto &x : store::logged_seals(store, command)) s.insert(x);
        return s;
    }();
    std::set<std::string> regios;
    for (const Row &r : store.rows(ft())) regios.insert(r[c_regio].text);
    for (const auto &regio : regios)
        for (const Invoice &i : read_invoices(store, regio)) {
            if (seal(i) != i.sha256) return "factuur " + i.nummer + " of " + regio + ": its content does not match its seal";
            if (!logged.count(i.sha256)) return "factuur " + i.nummer + " of " + regio + ": no audit log entry records it";
        }
    return std::nullopt;
}

std::string content_seal(const Invoice &inv) { return seal(inv); }

}  // namespace vhh::host::invoicing
