// `vhh historie`, per post: the begroting (primitief, na wijziging) beside the realisatie, per region
// and year, from the vaststellingen and the begrotingswijzigingen in the store.
#include <map>
#include <set>

#include "formats.h"
#include "store/historie.h"
#include "vhh/money.h"
#include "vhh/text.h"

namespace vhh::host::store {

namespace {

std::string cents_or_empty(const std::optional<std::int64_t> &c) { return c ? std::to_string(*c) : ""; }

}  // namespace

void read_posten_historie(Store &store, Historie &h) {
    using Key = std::pair<std::string, std::string>;  // regio, post code
    using RegioJaar = std::pair<std::string, int>;
    struct Head {
        std::string regio, document;
        int jaar = 0;
    };
    std::map<std::int64_t, Head> heads;
    std::set<RegioJaar> begroot, gerealiseerd;  // region-years with a vastgestelde begroting / jaarrekening
    for (const Row &r : store.rows(*find_table("vaststellingen"))) {
        Head head{r[1].text, r[3].text, static_cast<int>(r[4].number)};
        (head.document == "begroting" ? begroot : gerealiseerd).insert({head.regio, head.jaar});
        heads[r[0].number] = std::move(head);
    }
    std::map<Key, std::map<int, HistoriePostJaar>> years;
    std::map<Key, std::map<int, std::int64_t>> changes;  // the wijzigingen' changes, summed
    std::map<Key, std::pair<int, std::string>> names;     // the last recorded name
    auto seen = [&](const Key &key, int jaar, const std::string &naam) -> HistoriePostJaar & {
        auto &n = names[key];
        if (jaar > n.first || n.second.empty()) n = {jaar, naam};  // the vaststellingen' names come first
        HistoriePostJaar &y = years[key][jaar];
        y.jaar = jaar;
        return y;
    };
    for (const Row &r : store.rows(*find_table("vaststelling_posten"))) {
        const Head &head = heads[r[0].number];
        HistoriePostJaar &y = seen({head.regio, r[2].text}, head.jaar, r[3].text);
        auto &slot = head.document == "begroting" ? y.primitief_cents : y.realisatie_cents;
        slot = slot.value_or(0) + r[4].number;
    }
    std::map<std::int64_t, RegioJaar> wijzigingen;
    for (const Row &r : store.rows(*find_table("wijzigingen"))) wijzigingen[r[0].number] = {r[1].text, static_cast<int>(r[2].number)};
    for (const Row &r : store.rows(*find_table("wijziging_posten"))) {
        const RegioJaar &w = wijzigingen[r[0].number];
        const Key key{w.first, r[2].text};
        seen(key, w.second, r[3].text);
        changes[key][w.second] += r[4].number;
    }
    for (auto &[key, by_year] : years) {
        HistoriePost p{key.first, key.second, names[key].second, {}};
        for (auto &[jaar, y] : by_year) {
            if (begroot.count({key.first, jaar})) {
                y.primitief_cents = y.primitief_cents.value_or(0);
                y.na_wijziging_cents = *y.primitief_cents + changes[key][jaar];
            }
            if (gerealiseerd.count({key.first, jaar})) y.realisatie_cents = y.realisatie_cents.value_or(0);
            p.jaren.push_back(y);
        }
        h.posten.push_back(std::move(p));
    }
}

std::string historie_posten_json(const Historie &h) {
    std::string out = "\"posten\": [";
    for (std::size_t i = 0; i < h.posten.size(); ++i) {
        const auto &p = h.posten[i];
        out += std::string(i ? "," : "") + "\n  {\"regio\": " + json_quote(p.regio) + ", \"code\": " + json_quote(p.code) +
               ", \"naam\": " + json_quote(p.naam) + ", \"jaren\": [";
        for (std::size_t k = 0; k < p.jaren.size(); ++k) {
            const auto &y = p.jaren[k];
            out += std::string(k ? ", " : "") + "{\"jaar\": " + std::to_string(y.jaar) +
                   ", \"begroting_primitief_cents\": " + cents_or_null(y.primitief_cents) +
                   ", \"begroting_na_wijziging_cents\": " + cents_or_null(y.na_wijziging_cents) +
                   ", \"realisatie_cents\": " + cents_or_null(y.realisatie_cents) + "}";
        }
        out += "]}";
    }
    return out + (h.posten.empty() ? "]" : "\n]");
}

std::string historie_posten_csv(const Historie &h) {
    std::string out = std::string(kCsvBom) +
                      "regio;code;naam;jaar;begroting_primitief_cents;begroting_na_wijziging_cents;realisatie_cents\n";
    for (const auto &p : h.posten)
        for (const auto &y : p.jaren)
            out += csv_field(p.regio) + ";" + csv_field(p.code) + ";" + csv_field(p.naam) + ";" + std::to_string(y.jaar) +
                   ";" + cents_or_empty(y.primitief_cents) + ";" + cents_or_empty(y.na_wijziging_cents) + ";" +
                   cents_or_empty(y.realisatie_cents) + "\n";
    return out;
}

std::string historie_posten_table(const Historie &h) {
    std::string out;
    for (const auto &p : h.posten) {
        out += p.regio + "  " + p.code + "  " + p.naam + "\n";
        out += "  jaar  " + pad("begroting primitief", 19, true) + "  " + pad("na wijziging", 16, true) + "  " +
               pad("realisatie", 16, true) + "  " + pad("verschil", 16, true) + "\n";
        for (const auto &y : p.jaren) {
            std::optional<std::int64_t> verschil;
            if (y.realisatie_cents && y.na_wijziging_cents) verschil = *y.realisatie_cents - *y.na_wijziging_cents;
            out += "  " + std::to_string(y.jaar) + "  " + pad(euro(y.primitief_cents), 19, true) + "  " +
                   pad(euro(y.na_wijziging_cents), 16, true) + "  " + pad(euro(y.realisatie_cents), 16, true) + "  " +
                   pad(euro(verschil), 16, true) + "\n";
        }
    }
    if (h.posten.empty()) out = "(the store holds no vastgestelde posten)\n";
    return out;
}

}  // namespace vhh::host::store
