#include "store/historie.h"

#include <algorithm>
#include <map>
#include <set>

#include "formats.h"
#include "store/schema.h"
#include "vhh/money.h"
#include "vhh/text.h"

namespace vhh::host::store {

namespace {

std::vector<std::string> split_codes(const std::string &s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < s.size()) {
        auto comma = s.find(',', start);
        if (comma == std::string::npos) comma = s.size();
        if (comma > start) out.push_back(s.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

}  // namespace

std::string cents_or_null(const std::optional<std::int64_t> &c) { return c ? std::to_string(*c) : "null"; }

std::string euro(const std::optional<std::int64_t> &c) { return c ? Money::cents(*c).format_nl() : "-"; }

Historie read_historie(Store &store, const std::string &gemeente) {
    struct Head {
        std::string document;
        int jaar;
    };
    std::map<std::int64_t, Head> heads;
    for (const Row &r : store.rows(*find_table("vaststellingen")))
        heads[r[0].number] = {r[3].text, static_cast<int>(r[4].number)};
    // The herindelingen every snapshot knew: old code -> new code, and the new gemeenten' names.
    std::map<std::string, std::string> successor, names;
    for (const Row &r : store.rows(*find_table("vaststelling_herindelingen"))) {
        for (const auto &code : split_codes(r[5].text)) successor[code] = r[3].text;
        names[r[3].text] = r[4].text;
    }
    auto current = [&](std::string code) {
        for (int hops = 0; hops < 100; ++hops) {  // a chain of herindelingen; a cycle is cut off
            auto it = successor.find(code);
            if (it == successor.end() || it->second == code) break;
            code = it->second;
        }
        return code;
    };
    std::map<std::int64_t, std::set<std::string>> gemeenten_of;  // per snapshot: the codes of its gemeenten
    std::map<std::string, std::pair<int, std::string>> latest_name;  // code -> (year, name)
    for (const Row &r : store.rows(*find_table("vaststelling_gemeenten"))) {
        gemeenten_of[r[0].number].insert(r[2].text);
        auto &n = latest_name[r[2].text];
        if (heads[r[0].number].jaar >= n.first) n = {heads[r[0].number].jaar, r[3].text};
    }
    std::map<std::string, std::map<int, HistorieJaar>> years;  // current code -> year -> amounts
    for (const Row &r : store.rows(*find_table("vaststelling_bijdragen"))) {
        const std::int64_t id = r[0].number;
        const std::string &payer = r[3].text;
        if (!gemeenten_of[id].count(payer)) continue;  // partners, the Rijk
        const Head &h = heads[id];
        HistorieJaar &y = years[current(payer)][h.jaar];
        y.jaar = h.jaar;
        auto &slot = h.document == "begroting" ? y.voorlopig_cents : y.definitief_cents;
        slot = slot.value_or(0) + r[5].number;
    }
    std::map<std::string, std::set<std::string>> predecessors;
    for (const auto &[old_code, unused] : successor) {
        const std::string now = current(old_code);
        if (now != old_code) predecessors[now].insert(old_code);
    }
    Historie out;
    for (auto &[code, by_year] : years) {
        HistorieGemeente g;
        g.code = code;
        g.naam = latest_name.count(code) ? latest_name[code].second : names.count(code) ? names[code] : code;
        g.voorgangers.assign(predecessors[code].begin(), predecessors[code].end());
        if (!gemeente.empty() && gemeente != code &&
            std::find(g.voorgangers.begin(), g.voorgangers.end(), gemeente) == g.voorgangers.end())
            continue;
        for (auto &[jaar, y] : by_year) g.jaren.push_back(y);
        out.gemeenten.push_back(std::move(g));
    }
    return out;
}

std::string historie_json(const Historie &h, bool gemeenten, bool posten) {
    if (!gemeenten) return "{" + historie_posten_json(h) + "}\n";
    std::string out = "{\"gemeenten\": [";
    for (std::size_t i = 0; i < h.gemeenten.size(); ++i) {
        const auto &g = h.gemeenten[i];
        out += std::string(i ? "," : "") + "\n  {\"code\": " + json_quote(g.code) + ", \"naam\": " + json_quote(g.naam) +
               ", \"voorgangers\": [";
        for (std::size_t k = 0; k < g.voorgangers.size(); ++k) out += (k ? ", " : "") + json_quote(g.voorgangers[k]);
        out += "], \"jaren\": [";
        for (std::size_t k = 0; k < g.jaren.size(); ++k)
            out += std::string(k ? ", " : "") + "{\"jaar\": " + std::to_string(g.jaren[k].jaar) +
                   ", \"voorlopig_cents\": " + cents_or_null(g.jaren[k].voorlopig_cents) +
                   ", \"definitief_cents\": " + cents_or_null(g.jaren[k].definitief_cents) + "}";
        out += "]}";
    }
    out += h.gemeenten.empty() ? "]" : "\n]";
    return out + (posten ? ", " + historie_posten_json(h) : "") + "}\n";
}

std::string historie_csv(const Historie &h) {
    std::string out = std::string(kCsvBom) + "code;naam;jaar;voorlopig_cents;definitief_cents;voorgangers\n";
    for (const auto &g : h.gemeenten) {
        std::string voorgangers;
        for (const auto &v : g.voorgangers) voorgangers += (voorgangers.empty() ? "" : " ") + v;
        for (const auto &y : g.jaren)
            out += csv_field(g.code) + ";" + csv_field(g.naam) + ";" + std::to_string(y.jaar) + ";" +
                   (y.voorlopig_cents ? std::to_string(*y.voorlopig_cents) : "") + ";" +
                   (y.definitief_cents ? std::to_string(*y.definitief_cents) : "") + ";" + voorgangers + "\n";
    }
    return out;
}

std::string historie_table(const Historie &h, bool gemeenten, bool posten) {
    if (!gemeenten) return historie_posten_table(h);
    std::string out;
    for (const auto &g : h.gemeenten) {
        out += g.code + "  " + g.naam;
        if (!g.voorgangers.empty()) {
            out += "  (voorgangers:";
            for (const auto &v : g.voorgangers) out += " " + v;
            out += ")";
        }
        out += "\n";
        out += "  " + pad("jaar", 4, false) + "  " + pad("voorlopig", 16, true) + "  " + pad("definitief", 16, true) + "\n";
        for (const auto &y : g.jaren)
            out += "  " + std::to_string(y.jaar) + "  " + pad(euro(y.voorlopig_cents), 16, true) + "  " +
                   pad(euro(y.definitief_cents), 16, true) + "\n";
    }
    if (h.gemeenten.empty()) out = "(the store holds no vastgestelde bijdragen)\n";
    return posten ? out + "\nBegroting en realisatie per post\n\n" + historie_posten_table(h) : out;
}

}  // namespace vhh::host::store
