#include "cycle/kalender.h"

#include <algorithm>

#include "vhh/text.h"

namespace vhh::host::cycle {

namespace {

std::optional<Date> *field(KalenderPlan &p, const std::string &key) {
    if (key == "kaderbrief") return &p.kaderbrief;
    if (key == "voorlopige_jaarrekening") return &p.voorlopige_jaarrekening;
    if (key == "ontwerpbegroting") return &p.ontwerpbegroting;
    if (key == "ab_begroting") return &p.ab_begroting;
    if (key == "begroting_gs") return &p.begroting_gs;
    if (key == "ab_jaarrekening") return &p.ab_jaarrekening;
    if (key == "jaarrekening_gs") return &p.jaarrekening_gs;
    return nullptr;
}

std::string keys_text() {
    std::string s;
    for (const auto &k : kalender_keys()) s += (s.empty() ? "" : ", ") + k;
    return s;
}

}  // namespace

const std::vector<std::string> &kalender_keys() {
    static const std::vector<std::string> keys = {"kaderbrief",      "voorlopige_jaarrekening", "ontwerpbegroting",
                                                  "ab_jaarrekening", "jaarrekening_gs",         "ab_begroting",
                                                  "begroting_gs"};
    return keys;
}

void read_kalender(const YamlNode &node, std::vector<PlannedYear> &out, Diagnostics &diag) {
    if (!node.is_map()) {
        diag.error(ExitCode::config, node.where, "kalender",
                   "expected a map of calendar years to planned dates, got " + node.describe(),
                   "e.g. kalender: {2014: {ontwerpbegroting: 2014-04-24, ab_begroting: 2014-07-03}}");
        return;
    }
    for (const auto &[key, value] : node.entries) {
        const std::string path = "kalender." + excerpt(key.text);
        const bool year_ok = key.text.size() == 4 && key.text.find_first_not_of("0123456789") == std::string::npos &&
                             key.text[0] != '0';
        if (!year_ok) {
            diag.error(ExitCode::config, key.where, path, "expected a calendar year like 2014, got '" + excerpt(key.text) + "'");
            continue;
        }
        if (!value.is_map()) {
            diag.error(ExitCode::config, value.where.line ? value.where : key.where, path,
                       "expected a map of planned dates (" + keys_text() + "), got " + value.describe());
            continue;
        }
        PlannedYear y;
        y.plan.jaar = std::stoi(key.text);
        y.where = key.where;
        for (const auto &[k, v] : value.entries) {
            const std::string kp = path + "." + excerpt(k.text);
            std::optional<Date> *slot = field(y.plan, k.text);
            if (!slot) {
                const std::string near = closest(k.text, kalender_keys(), 3);
                diag.error(ExitCode::config, k.where, kp, "unknown key '" + excerpt(k.text) + "'",
                           near.empty() ? "known keys: " + keys_text() : "did you mean '" + near + "'?");
                continue;
            }
            const auto d = v.is_scalar() ? Date::parse_iso(v.text) : std::nullopt;
            if (!d || d->iso() != v.text) {
                diag.error(ExitCode::data, v.where, kp,
                           "expected a date YYYY-MM-DD, got " + (v.is_scalar() ? "'" + excerpt(v.text) + "'" : v.describe()));
                continue;
            }
            *slot = d;
            y.dates[k.text] = v.where;
        }
        out.push_back(std::move(y));
    }
}

void check_kalender(const std::vector<PlannedYear> &years, Diagnostics &diag) {
    for (const auto &y : years)
        for (const auto &s : wgr_kalender(y.plan)) {
            if (s.probleem.empty()) continue;
            auto at = y.dates.find(s.sleutel);
            diag.error(ExitCode::data, at == y.dates.end() ? y.where : at->second,
                       "kalender." + std::to_string(y.plan.jaar) + "." + s.sleutel, s.stap + ": " + s.probleem);
        }
}

KalenderPlan plan_for(const std::vector<PlannedYear> &years, int jaar) {
    for (const auto &y : years)
        if (y.plan.jaar == jaar) return y.plan;
    KalenderPlan p;
    p.jaar = jaar;
    return p;
}

}  // namespace vhh::host::cycle
