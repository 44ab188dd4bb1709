#include "store/wijziging.h"

#include <algorithm>
#include <map>

#include "config/settings_validator.h"
#include "store/administration.h"
#include "store/seal.h"

namespace vhh::host::store {

namespace {

enum WCol { w_id, w_regio, w_jaar, w_nummer, w_besluit, w_datum, w_omschrijving, w_sha256 };

Field num(std::int64_t n) { return {true, n, ""}; }
Field txt(std::string s) { return {false, 0, std::move(s)}; }

std::string hash_of(const Row &head, const std::vector<Row> &posten, const std::vector<Row> &bijdragen) {
    // A wijziging whose posten have no omschrijving (every one recorded before migration 8) is sealed
    // over the columns it had then, so its recorded seal still holds.
    const TableDef &table = *find_table("wijziging_posten");
    const std::size_t why = table.columns.size() - 1;  // omschrijving, the last column
    const bool without = std::all_of(posten.begin(), posten.end(), [&](const Row &r) { return r[why].text.empty(); });
    TableDef before = table;
    std::vector<Row> rows;
    if (without) {
        before.columns.pop_back();
        for (Row r : posten) {
            r.pop_back();
            rows.push_back(std::move(r));
        }
    }
    return seal_of("wijziging", *find_table("wijzigingen"), head, {"id", "sha256"},
                   {{without ? &before : &table, without ? &rows : &posten}, {find_table("wijziging_bijdragen"), &bijdragen}});
}

const vhh_setting_spec kPostFields[] = {
    {"code", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "the post's code in the begroting",
     nullptr, 0, 0, nullptr, nullptr},
    {"naam", VHH_SETTING_TEXT, 0, nullptr, nullptr, nullptr, "the post's name (default: the begroting's)", nullptr, 0,
     0, nullptr, nullptr},
    {"bedrag", VHH_SETTING_MONEY, VHH_SETTING_REQUIRED, nullptr, "-1000000000", "1000000000",
     "the change in euros (negative: less)", nullptr, 0, 0, nullptr, nullptr},
    {"omschrijving", VHH_SETTING_TEXT, 0, nullptr, nullptr, nullptr,
     "why this post changes (default: the wijziging's omschrijving)", nullptr, 0, 0, nullptr, nullptr},
};
const vhh_setting_spec kBijdrageFields[] = {
    {"gemeente", VHH_SETTING_GEMEENTE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "the paying gemeente",
     nullptr, 0, 0, nullptr, nullptr},
    {"bedrag", VHH_SETTING_MONEY, VHH_SETTING_REQUIRED, nullptr, "-1000000000", "1000000000",
     "the change of its bijdrage in euros", nullptr, 0, 0, nullptr, nullptr},
};
const vhh_setting_spec kWijzigingSpec[] = {
    {"omschrijving", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "what changes and why",
     nullptr, 0, 0, nullptr, nullptr},
    {"posten", VHH_SETTING_LIST, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "the change per post", kPostFields,
     4, 0, nullptr, nullptr},
    {"bijdragen", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr, "the change per gemeente", kBijdrageFields, 2, 0,
     nullptr, nullptr},
};

}  // namespace

RecordedWijziging record_wijziging(Store &store, const WijzigingInput &w) {
    const std::int64_t id = store.next_id("wijzigingen", "id");
    int nummer = 1;
    for (const auto &earlier : find_wijzigingen(store, w.regio, w.jaar)) nummer = std::max(nummer, earlier.nummer + 1);
    Row head = {num(id), txt(w.regio), num(w.jaar), num(nummer), txt(w.besluit), txt(w.datum), txt(w.omschrijving), txt("")};
    std::vector<Row> posten, bijdragen;
    for (const auto &p : w.posten)
        posten.push_back({num(id), num(posten.size() + 1), txt(p.code), txt(p.naam), num(p.amount.in_cents()),
                          txt(p.omschrijving)});
    for (const auto &b : w.bijdragen)
        bijdragen.push_back({num(id), num(bijdragen.size() + 1), txt(b.payer_id), txt(b.payer), num(b.amount.in_cents())});
    head[w_sha256].text = hash_of(head, posten, bijdragen);
    store.insert(*find_table("wijzigingen"), head);
    store.insert_many(*find_table("wijziging_posten"), posten);
    store.insert_many(*find_table("wijziging_bijdragen"), bijdragen);
    return {nummer, head[w_sha256].text};
}

int store_wijziging(Store &store, const WijzigingInput &w) { return record_wijziging(store, w).nummer; }

std::string wijziging_log_text(const WijzigingInput &w, const RecordedWijziging &r) {
    return w.regio + " " + std::to_string(w.jaar) + " nummer " + std::to_string(r.nummer) + " besluit " + w.besluit +
           " datum " + w.datum + seal_text(r.sha256);
}

std::optional<std::string> verify_wijzigingen(Store &store) {
    std::map<std::int64_t, std::vector<Row>> posten, bijdragen;
    for (Row &r : store.rows(*find_table("wijziging_posten"))) posten[r[0].number].push_back(std::move(r));
    for (Row &r : store.rows(*find_table("wijziging_bijdragen"))) bijdragen[r[0].number].push_back(std::move(r));
    const std::set<std::string> logged = logged_seals(store, "wijziging");
    const std::vector<Row> none;
    for (const Row &w : store.rows(*find_table("wijzigingen"))) {
        const std::string name = "begrotingswijziging " + std::to_string(w[w_nummer].number) + " of " +
                                 std::to_string(w[w_jaar].number) + " of " + w[w_regio].text + " (id " +
                                 std::to_string(w[w_id].number) + ")";
        auto p = posten.find(w[w_id].number);
        auto b = bijdragen.find(w[w_id].number);
        if (hash_of(w, p == posten.end() ? none : p->second, b == bijdragen.end() ? none : b->second) != w[w_sha256].text)
            return name + ": its content does not match its seal";
        if (!logged.count(w[w_sha256].text)) return name + ": no audit log entry records it";
    }
    return std::nullopt;
}

WijzigingInput read_wijziging_file(const std::string &path, const Region &region,
                                   const std::vector<PostAmount> &begroting_posten, Diagnostics &diag) {
    WijzigingInput w;
    const YamlNode root = read_yaml_file(path, diag);
    if (diag.has_errors()) return w;
    if (!root.is_map()) {
        diag.error(ExitCode::config, root.is_null() ? SourceLocation{path, 0, 0} : root.where, "",
                   "expected a map with omschrijving, posten and bijdragen, got " + root.describe());
        return w;
    }
    const Settings s = validate_settings(root, kWijzigingSpec, 3, "", {}, diag, &region);
    if (s.has("omschrijving")) w.omschrijving = s.text("omschrijving");
    std::map<std::string, std::string> seen;
    if (s.has("posten")) {
        const auto &list = s.list("posten");
        if (list.empty()) diag.error(ExitCode::data, s.where("posten"), "posten", "a wijziging changes at least one post");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Settings &p = list[i];
            const std::string kp = "posten[" + std::to_string(i) + "]";
            if (!p.has("code") || !p.has("bedrag")) continue;
            const std::string code = p.text("code");
            auto known = std::find_if(begroting_posten.begin(), begroting_posten.end(),
                                      [&](const PostAmount &b) { return b.code == code; });
            if (known == begroting_posten.end()) {
                std::string codes;
                for (const auto &b : begroting_posten) codes += (codes.empty() ? "" : ", ") + b.code;
                diag.error(ExitCode::data, p.where("code"), kp + ".code",
                           "post '" + code + "' is not a post of the vastgestelde begroting " + std::to_string(region.boekjaar),
                           "its posten: " + codes);
                continue;
            }
            if (auto [it, fresh] = seen.emplace(code, kp); !fresh) {
                diag.error(ExitCode::data, p.where("code"), kp + ".code", "post '" + code + "' is changed twice",
                           "first changed in " + it->second + "; give one change per post");
                continue;
            }
            if (p.money("bedrag") == Money::cents(0)) {
                diag.error(ExitCode::data, p.where("bedrag"), kp + ".bedrag", "a change of 0.00 changes nothing");
                continue;
            }
            w.posten.push_back({code, p.has("naam") ? p.text("naam") : known->naam, p.money("bedrag"),
                                p.has("omschrijving") ? p.text("omschrijving") : ""});
        }
    }
    if (s.has("bijdragen")) {
        const auto &list = s.list("bijdragen");
        std::map<std::string, std::string> payers;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Settings &b = list[i];
            const std::string kp = "bijdragen[" + std::to_string(i) + "]";
            if (!b.has("gemeente") || !b.has("bedrag")) continue;
            const std::string code = b.text("gemeente");
            if (auto [it, fresh] = payers.emplace(code, kp); !fresh) {
                diag.error(ExitCode::data, b.where("gemeente"), kp + ".gemeente", "gemeente " + code + " is listed twice",
                           "first listed in " + it->second);
                continue;
            }
            ContributionLine l;
            l.source = "begrotingswijziging";
            l.payer_id = code;
            for (const auto &g : region.gemeenten)
                if (g.code == code) l.payer = g.naam;
            l.amount = b.money("bedrag");
            w.bijdragen.push_back(std::move(l));
        }
    }
    return w;
}

}  // namespace vhh::host::store
