#include "store/zienswijze.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Data/Statement.h>

#include <map>
#include <set>
#include <sstream>

#include "output/sha256.h"
#include "store/seal.h"

namespace vhh::host::store {

namespace {

enum ZCol { z_id, z_regio, z_jaar, z_onderwerp, z_gemeente, z_gemeente_naam, z_ontvangen, z_samenvatting,
            z_bijlage_naam, z_bijlage_sha256, z_sha256 };
enum RCol { r_id, r_datum, r_reactie, r_sha256 };

Field num(std::int64_t n) { return {true, n, ""}; }
Field txt(std::string s) { return {false, 0, std::move(s)}; }

const TableDef &zt() { return *find_table("zienswijzen"); }
const TableDef &rt() { return *find_table("zienswijze_reacties"); }

std::string base64(const std::string &bytes) {
    std::ostringstream out;
    Poco::Base64Encoder enc(out);
    enc.rdbuf()->setLineLength(0);
    enc << bytes;
    enc.close();
    return out.str();
}

std::string unbase64(const std::string &text) {
    std::istringstream in(text);
    Poco::Base64Decoder dec(in);
    std::ostringstream out;
    out << dec.rdbuf();
    return out.str();
}

StoredZienswijze from_row(const Row &r) {
    StoredZienswijze z;
    z.id = r[z_id].number;
    z.onderwerp = r[z_onderwerp].text;
    z.gemeente = r[z_gemeente].text;
    z.gemeente_naam = r[z_gemeente_naam].text;
    z.ontvangen = r[z_ontvangen].text;
    z.samenvatting = r[z_samenvatting].text;
    z.bijlage_naam = r[z_bijlage_naam].text;
    z.bijlage_sha256 = r[z_bijlage_sha256].text;
    z.sha256 = r[z_sha256].text;
    return z;
}

}  // namespace

std::string store_bijlage(Store &store, const std::string &bytes) {
    const std::string sha = sha256_hex(bytes);
    std::int64_t held = 0;
    store.guarded([&] {
        Poco::Data::Statement st(store.session());
        st << store.sql("SELECT COUNT(*) FROM bijlagen WHERE sha256 = ?"), Poco::Data::Keywords::bind(sha),
            Poco::Data::Keywords::into(held);
        st.execute();
    });
    if (!held)
        store.insert(*find_table("bijlagen"), {txt(sha), num(static_cast<std::int64_t>(bytes.size())), txt(base64(bytes))});
    return sha;
}

std::optional<std::string> read_bijlage(Store &store, const std::string &sha256) {
    std::vector<std::string> found;
    store.guarded([&] {
        Poco::Data::Statement st(store.session());
        st << store.sql("SELECT inhoud_base64 FROM bijlagen WHERE sha256 = ?"), Poco::Data::Keywords::bind(sha256),
            Poco::Data::Keywords::into(found);
        st.execute();
    });
    if (found.empty()) return std::nullopt;
    return unbase64(found.front());
}

std::string zienswijze_onderwerp(int wijziging_nummer) {
    return wijziging_nummer ? "wijziging " + std::to_string(wijziging_nummer) : "ontwerpbegroting";
}

std::vector<StoredZienswijze> find_zienswijzen(Store &store, const std::string &regio, int jaar) {
    std::map<std::int64_t, Row> reacties;
    for (Row &r : store.rows(rt())) reacties[r[r_id].number] = std::move(r);
    std::vector<StoredZienswijze> out;
    for (const Row &r : store.rows(zt())) {
        if (r[z_regio].text != regio || r[z_jaar].number != jaar) continue;
        StoredZienswijze z = from_row(r);
        if (auto it = reacties.find(z.id); it != reacties.end()) {
            z.reactie_datum = it->second[r_datum].text;
            z.reactie = it->second[r_reactie].text;
        }
        out.push_back(std::move(z));
    }
    return out;
}

std::string record_zienswijze(Store &store, const ZienswijzeInput &z) {
    for (const auto &earlier : find_zienswijzen(store, z.regio, z.jaar))
        if (earlier.onderwerp == z.onderwerp && earlier.gemeente == z.gemeente)
            throw StoreError(vhh::ExitCode::data, "the zienswijze of " + z.gemeente + " " + z.gemeente_naam + " on the " +
                                                      z.onderwerp + " " + std::to_string(z.jaar) +
                                                      " is already recorded (ontvangen " + earlier.ontvangen +
                                                      "); a zienswijze is never replaced");
    const std::string bijlage_sha = z.bijlage_naam.empty() ? std::string() : store_bijlage(store, z.bijlage);
    Row row = {num(store.next_id("zienswijzen", "id")), txt(z.regio), num(z.jaar), txt(z.onderwerp), txt(z.gemeente),
               txt(z.gemeente_naam), txt(z.ontvangen), txt(z.samenvatting), txt(z.bijlage_naam), txt(bijlage_sha),
               txt("")};
    row[z_sha256].text = seal_of("zienswijze", zt(), row, {"id", "sha256"});
    store.insert(zt(), row);
    return row[z_sha256].text;
}

std::string record_reactie(Store &store, const StoredZienswijze &z, const std::string &datum, const std::string &reactie) {
    if (z.reactie_datum)
        throw StoreError(vhh::ExitCode::data, "the dagelijks bestuur already reacted to the zienswijze of " + z.gemeente +
                                                  " " + z.gemeente_naam + " on " + *z.reactie_datum +
                                                  "; a reaction is never replaced");
    // The reaction's seal covers the zienswijze's seal: it answers that zienswijze, as recorded.
    Row row = {num(z.id), txt(datum), txt(reactie), txt("")};
    row[r_sha256].text = seal_of("reactie " + z.sha256, rt(), row, {"sha256"});
    store.insert(rt(), row);
    return row[r_sha256].text;
}

std::vector<StoredZienswijze> unanswered_zienswijzen(Store &store, const std::string &regio, int jaar) {
    std::vector<StoredZienswijze> out;
    for (auto &z : find_zienswijzen(store, regio, jaar))
        if (z.onderwerp == zienswijze_onderwerp(0) && !z.reactie_datum) out.push_back(std::move(z));
    return out;
}

std::string gemeenten_text(const std::vector<StoredZienswijze> &list) {
    std::string s;
    for (const auto &z : list)
        s += (s.empty() ? "" : ", ") + z.gemeente + " " + z.gemeente_naam + " (ontvangen " + z.ontvangen + ")";
    return s;
}

std::optional<std::string> verify_zienswijzen(Store &store) {
    for (const Row &b : store.rows(*find_table("bijlagen")))
        if (sha256_hex(unbase64(b[2].text)) != b[0].text)
            return "bijlage " + b[0].text + ": its content does not match its sha256";
    const std::set<std::string> logged = logged_seals(store, "zienswijze");
    const std::set<std::string> logged_reacties = logged_seals(store, "zienswijze reactie");
    std::map<std::int64_t, std::string> seals;
    for (const Row &r : store.rows(zt())) {
        const std::string name = "zienswijze " + std::to_string(r[z_id].number) + " (" + r[z_gemeente].text + " on the " +
                                 r[z_onderwerp].text + " " + std::to_string(r[z_jaar].number) + ")";
        if (seal_of("zienswijze", zt(), r, {"id", "sha256"}) != r[z_sha256].text)
            return name + ": its content does not match its seal";
        if (!logged.count(r[z_sha256].text)) return name + ": no audit log entry records it";
        seals[r[z_id].number] = r[z_sha256].text;
    }
    for (const Row &r : store.rows(rt())) {
        const std::string name = "the reactie to zienswijze " + std::to_string(r[r_id].number);
        if (seal_of("reactie " + seals[r[r_id].number], rt(), r, {"sha256"}) != r[r_sha256].text)
            return name + ": its content does not match its seal";
        if (!logged_reacties.count(r[r_sha256].text)) return name + ": no audit log entry records it";
    }
    return std::nullopt;
}

std::string zienswijzen_text(const std::vector<StoredZienswijze> &list, int jaar, const std::string &format) {
    if (format == "json") {
        std::string out = "{\"jaar\": " + std::to_string(jaar) + ", \"zienswijzen\": [";
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto &z = list[i];
            out += std::string(i ? "," : "") + "\n  {\"onderwerp\": " + json_quote(z.onderwerp) +
                   ", \"gemeente\": " + json_quote(z.gemeente) + ", \"gemeente_naam\": " + json_quote(z.gemeente_naam) +
                   ", \"ontvangen\": " + json_quote(z.ontvangen) + ", \"samenvatting\": " + json_quote(z.samenvatting) +
                   ", \"bijlage\": " + (z.bijlage_naam.empty() ? "null" : "{\"naam\": " + json_quote(z.bijlage_naam) +
                                                                               ", \"sha256\": " + json_quote(z.bijlage_sha256) + "}") +
                   ", \"reactie\": " + (z.reactie ? "{\"datum\": " + json_quote(*z.reactie_datum) + ", \"tekst\": " +
                                                        json_quote(*z.reactie) + "}"
                                                  : "null") +
                   "}";
        }
        return out + (list.empty() ? "]}\n" : "\n]}\n");
    }
    if (list.empty()) return "(no zienswijzen recorded for " + std::to_string(jaar) + ")\n";
    std::string out;
    for (const auto &z : list) {
        out += z.onderwerp + "  " + z.gemeente + " " + z.gemeente_naam + "  ontvangen " + z.ontvangen + "\n  " +
               z.samenvatting + "\n";
        if (!z.bijlage_naam.empty()) out += "  bijlage: " + z.bijlage_naam + " (sha256 " + z.bijlage_sha256 + ")\n";
        out += z.reactie ? "  reactie " + *z.reactie_datum + ": " + *z.reactie + "\n" : "  reactie: (nog geen)\n";
    }
    return out;
}

}  // namespace vhh::host::store
