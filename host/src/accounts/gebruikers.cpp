#include "accounts/gebruikers.h"

#include <Poco/Data/Statement.h>
#include <sodium.h>

#include <algorithm>
#include <stdexcept>

#include "store/audit_log.h"
#include "vhh/text.h"

namespace vhh::host::accounts {

namespace {

using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::now;

const char *const kRollen[] = {"beheerder", "controller", "bestuur", "raad"};

const store::TableDef &table() {
    const store::TableDef *t = store::find_table("gebruikers");
    if (t == nullptr) throw std::logic_error("the schema has no table gebruikers");
    return *t;
}

Gebruiker from_row(const store::Row &r) {
    // Columns in schema order: naam, rol, gemeente, wachtwoord_hash, sinds.
    Gebruiker g;
    g.naam = r[0].text;
    g.rol = parse_rol(r[1].text).value_or(Rol::raad);  // an unknown rol gets the least rights
    g.gemeente = r[2].text;
    g.wachtwoord_hash = r[3].text;
    g.sinds = r[4].text;
    return g;
}

void ensure_sodium() {
    static const int ready = sodium_init();  // thread-safe once; 1 means "already initialised"
    if (ready < 0) throw std::runtime_error("libsodium cannot be initialised");
}

std::string rol_label(Rol rol, const std::string &gemeente) {
    return rol_naam(rol) + (gemeente.empty() ? "" : " " + gemeente);
}

/// The account called `naam`; none is a refused change (65).
Gebruiker existing(store::Store &store, const std::string &naam) {
    auto g = find_gebruiker(store, naam);
    if (!g) throw store::StoreError(vhh::ExitCode::data, "no gebruiker '" + naam + "' in " + store.url().display());
    return *g;
}

/// Runs an UPDATE of one (existing) account's columns.
void update(store::Store &store, const std::string &naam, const std::string &set_sql,
            const std::vector<std::string> &values) {
    store.guarded([&] {
        Poco::Data::Statement st(store.session());
        st << store.sql("UPDATE gebruikers SET " + set_sql + " WHERE naam = ?");
        for (const auto &v : values) st, bind(v);
        st, bind(naam);
        st.execute();
    });
}

}  // namespace

std::string rol_naam(Rol rol) { return kRollen[static_cast<int>(rol)]; }

std::optional<Rol> parse_rol(const std::string &naam) {
    for (int i = 0; i < 4; ++i)
        if (naam == kRollen[i]) return static_cast<Rol>(i);
    return std::nullopt;
}

std::optional<std::string> naam_problem(const std::string &naam) {
    if (naam.empty() || naam.size() > 64) return std::string("a gebruiker's name has 1 to 64 characters");
    for (unsigned char c : naam)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '@'))
            return "'" + escape_controls(naam) + "' is no gebruiker's name: use lower-case letters, digits, '.', '_', '-' and '@'";
    return std::nullopt;
}

std::optional<std::string> wachtwoord_problem(const std::string &wachtwoord) {
    if (wachtwoord.size() > 1024) return std::string("the password is longer than 1024 bytes");
    for (unsigned char c : wachtwoord)
        if (c < 0x20 || c == 0x7f) return std::string("the password contains a control character");
    if (first_invalid_utf8(wachtwoord) != wachtwoord.size()) return std::string("the password is not UTF-8 text");
    if (display_width(wachtwoord) < 12) return std::string("the password has fewer than 12 characters");
    return std::nullopt;
}

std::string hash_wachtwoord(const std::string &wachtwoord) {
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, wachtwoord.data(), wachtwoord.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("out of memory while hashing the password (Argon2id needs 64 MiB)");
    return out;
}

bool wachtwoord_klopt(const std::string &hash, const std::string &wachtwoord) {
    ensure_sodium();
    return crypto_pwhash_str_verify(hash.c_str(), wachtwoord.data(), wachtwoord.size()) == 0;
}

std::optional<Gebruiker> find_gebruiker(store::Store &store, const std::string &naam) {
    for (const auto &r : store.rows(table()))
        if (r[0].text == naam) return from_row(r);
    return std::nullopt;
}

std::vector<Gebruiker> alle_gebruikers(store::Store &store) {
    std::vector<Gebruiker> out;
    for (const auto &r : store.rows(table())) out.push_back(from_row(r));
    return out;
}

void voeg_toe(store::Store &store, const Gebruiker &g, const std::string &door) {
    if (auto bestaand = find_gebruiker(store, g.naam))
        throw store::StoreError(vhh::ExitCode::data, "gebruiker '" + g.naam + "' exists (rol " +
                                                         rol_label(bestaand->rol, bestaand->gemeente) + ", since " +
                                                         bestaand->sinds + "); change it with 'vhh gebruiker rol' or "
                                                                           "'vhh gebruiker wachtwoord'");
    store.insert(table(), {{false, 0, g.naam}, {false, 0, rol_naam(g.rol)}, {false, 0, g.gemeente},
                           {false, 0, g.wachtwoord_hash}, {false, 0, g.sinds}});
    store::append_log(store, door, "gebruiker toevoegen",
                      "gebruiker " + g.naam + " toegevoegd met rol " + rol_label(g.rol, g.gemeente));
}

void zet_wachtwoord(store::Store &store, const std::string &naam, const std::string &hash, const std::string &door) {
    existing(store, naam);
    update(store, naam, "wachtwoord_hash = ?", {hash});
    store::append_log(store, door, "gebruiker wachtwoord", "wachtwoord van gebruiker " + naam + " gewijzigd");
}

void zet_rol(store::Store &store, const std::string &naam, Rol rol, const std::string &gemeente,
             const std::string &door) {
    const Gebruiker oud = existing(store, naam);
    update(store, naam, "rol = ?, gemeente = ?", {rol_naam(rol), gemeente});
    store::append_log(store, door, "gebruiker rol",
                      "rol van gebruiker " + naam + " gewijzigd van " + rol_label(oud.rol, oud.gemeente) + " in " +
                          rol_label(rol, gemeente));
}

std::string gebruikers_text(const std::vector<Gebruiker> &gebruikers, const std::string &format) {
    if (format == "json") {
        std::string out = "{\"gebruikers\": [";
        for (std::size_t i = 0; i < gebruikers.size(); ++i) {
            const auto &g = gebruikers[i];
            out += std::string(i ? "," : "") + "\n  {\"naam\": " + store::json_quote(g.naam) +
                   ", \"rol\": " + store::json_quote(rol_naam(g.rol)) + ", \"gemeente\": " +
                   (g.gemeente.empty() ? "null" : store::json_quote(g.gemeente)) + ", \"sinds\": " +
                   store::json_quote(g.sinds) + "}";
        }
        return out + (gebruikers.empty() ? "]}\n" : "\n]}\n");
    }
    if (gebruikers.empty()) return "(no gebruikers; add one with 'vhh gebruiker toevoegen NAAM --rol beheerder')\n";
    std::size_t w = 4;
    for (const auto &g : gebruikers) w = std::max(w, display_width(g.naam));
    std::string out = pad("naam", w) + "  " + pad("rol", 10) + "  " + pad("gemeente", 8) + "  sinds\n";
    for (const auto &g : gebruikers)
        out += pad(g.naam, w) + "  " + pad(rol_naam(g.rol), 10) + "  " + pad(g.gemeente.empty() ? "-" : g.gemeente, 8) +
               "  " + g.sinds + "\n";
    return out;
}

}  // namespace vhh::host::accounts
