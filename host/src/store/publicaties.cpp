#include "store/publicaties.h"

#include <Poco/Data/Statement.h>

#include <algorithm>

#include "store/audit_log.h"
#include "store/zienswijze.h"

namespace vhh::host::store {

namespace {

enum PCol { p_id, p_regio, p_jaar, p_document, p_gemeente, p_door, p_op };
enum VCol { v_id, v_publicatie, v_sectie, v_gemeente, v_vrager, v_gesteld, v_vraag, v_antwoord, v_beantwoorder,
            v_beantwoord, v_versie };

Field num(std::int64_t n) { return {true, n, ""}; }
Field txt(std::string s) { return {false, 0, std::move(s)}; }

const TableDef &pt() { return *find_table("publicaties"); }
const TableDef &bt() { return *find_table("publicatie_bestanden"); }
const TableDef &vt() { return *find_table("vragen"); }

Publicatie from_row(Store &store, const Row &r) {
    Publicatie p{r[p_id].number, r[p_regio].text, static_cast<int>(r[p_jaar].number), r[p_document].text,
                 r[p_gemeente].text, r[p_door].text, r[p_op].text, {}};
    for (const Row &b : store.rows(bt(), &p.id)) p.bestanden.emplace_back(b[2].text, b[3].text);
    return p;
}

Vraag vraag_of(const Row &r) {
    return {r[v_id].number,      r[v_publicatie].number, r[v_sectie].text,   r[v_gemeente].text,
            r[v_vrager].text,    r[v_gesteld].text,      r[v_vraag].text,    r[v_antwoord].text,
            r[v_beantwoorder].text, r[v_beantwoord].text, static_cast<int>(r[v_versie].number)};
}

bool blank(const std::string &s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

void publish_document(Store &store, const std::string &regio, int jaar, const std::string &document,
                      const std::string &gemeente, const std::vector<std::pair<std::string, std::string>> &files,
                      const std::string &door) {
    if (auto earlier = find_publicatie(store, regio, document))
        throw StoreError(vhh::ExitCode::data, document + " is already published (by " + earlier->door + " on " +
                                                  earlier->op + "); a publication is never replaced");
    if (files.empty()) throw StoreError(vhh::ExitCode::data, document + " has no files to publish");
    const std::int64_t id = store.next_id("publicaties", "id");
    const std::string op = now_utc();
    store.insert(pt(), {num(id), txt(regio), num(jaar), txt(document), txt(gemeente), txt(door), txt(op)});
    std::string change = regio + " " + std::to_string(jaar) + " " + document + (gemeente.empty() ? "" : " voor " + gemeente);
    std::int64_t volgnr = 0;
    for (const auto &[name, bytes] : files) {
        const std::string sha = store_bijlage(store, bytes);
        store.insert(bt(), {num(id), num(++volgnr), txt(name), txt(sha)});
        change += " " + name + " sha256 " + sha;
    }
    append_log(store, door, "publiceren", change);
}

std::vector<Publicatie> find_publicaties(Store &store, const std::string &regio) {
    std::vector<Publicatie> out;
    for (const Row &r : store.rows(pt()))
        if (r[p_regio].text == regio) out.push_back(from_row(store, r));
    std::stable_sort(out.begin(), out.end(), [](const Publicatie &a, const Publicatie &b) {
        return a.jaar != b.jaar ? a.jaar > b.jaar : a.document < b.document;
    });
    return out;
}

std::optional<Publicatie> find_publicatie(Store &store, const std::string &regio, const std::string &document) {
    for (const Row &r : store.rows(pt()))
        if (r[p_regio].text == regio && r[p_document].text == document) return from_row(store, r);
    return std::nullopt;
}

bool raad_may_read(const Publicatie &p, const std::string &gemeente) {
    return p.gemeente.empty() || p.gemeente == gemeente;
}

std::string vraag_problem(const std::string &vraag) {
    if (blank(vraag)) return "De vraag is leeg.";
    if (vraag.size() > 4000) return "De vraag is langer dan 4000 tekens.";
    return "";
}

std::string sectie_problem(const std::string &sectie) {
    return sectie.size() > 200 ? "Het onderdeel is langer dan 200 tekens." : "";
}

std::int64_t ask_vraag(Store &store, const Publicatie &p, const std::string &sectie, const std::string &gemeente,
                       const std::string &vrager, const std::string &vraag) {
    const std::int64_t id = store.next_id("vragen", "id");
    store.insert(vt(), {num(id), num(p.id), txt(sectie), txt(gemeente), txt(vrager), txt(now_utc()), txt(vraag), txt(""),
                        txt(""), txt(""), num(1)});
    append_log(store, vrager, "vraag",
               "vraag " + std::to_string(id) + " over " + p.document + (sectie.empty() ? "" : " (" + sectie + ")") +
                   " van " + gemeente + ": " + vraag);
    return id;
}

void answer_vraag(Store &store, std::int64_t id, int versie, const std::string &antwoord, const std::string &door) {
    std::optional<Vraag> v;
    for (const Row &r : store.rows(vt()))
        if (r[v_id].number == id) v = vraag_of(r);
    if (!v) throw StoreError(vhh::ExitCode::data, "vraag " + std::to_string(id) + " does not exist");
    // The write transaction holds the store (one writer at a time), so what is read here stays
    // true until the update: a version other than the form's means someone changed it since.
    if (v->versie != versie)
        throw VraagConflict(v->antwoord.empty() ? "De vraag is intussen gewijzigd."
                                                : "De vraag is intussen beantwoord door " + v->beantwoorder + " (" +
                                                      v->beantwoord + "): " + v->antwoord);
    if (!v->antwoord.empty()) throw StoreError(vhh::ExitCode::data, "vraag " + std::to_string(id) + " is already answered");
    const std::string when = now_utc();
    std::int64_t next = versie + 1;
    store.guarded([&] {
        Poco::Data::Statement st(store.session());
        st << store.sql("UPDATE vragen SET antwoord = ?, beantwoorder = ?, beantwoord = ?, versie = ? WHERE id = ?"),
            Poco::Data::Keywords::bind(antwoord), Poco::Data::Keywords::bind(door), Poco::Data::Keywords::bind(when),
            Poco::Data::Keywords::bind(next), Poco::Data::Keywords::bind(id);
        st.execute();
    });
    append_log(store, door, "antwoord", "vraag " + std::to_string(id) + ": " + antwoord);
}

std::vector<Vraag> find_vragen(Store &store, std::int64_t publicatie_id) {
    std::vector<Vraag> out;
    for (const Row &r : store.rows(vt()))
        if (r[v_publicatie].number == publicatie_id) out.push_back(vraag_of(r));
    return out;
}

}  // namespace vhh::host::store
