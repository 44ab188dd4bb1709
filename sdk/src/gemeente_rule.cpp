#include "vhh/gemeente_rule.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "vhh/text.h"

namespace vhh {

namespace {

/// True when `code` is one slip of the keyboard away from `other`: one character wrong, missing or
/// extra, or two neighbours swapped (GM0678 for GM0687). CBS codes share their "GM0" start, so a
/// looser distance would offer unrelated gemeenten (GM0664 for GM0363).
bool one_slip_from(const std::string &code, const std::string &other) {
    if (edit_distance(code, other) <= 1) return true;
    if (code.size() != other.size()) return false;
    std::size_t first = 0;
    while (first < code.size() && code[first] == other[first]) ++first;
    return first + 1 < code.size() && code[first] == other[first + 1] && code[first + 1] == other[first] &&
           code.compare(first + 2, std::string::npos, other, first + 2, std::string::npos) == 0;
}

std::string join_codes(const std::vector<std::string> &codes) {
    std::string s;
    for (const auto &c : codes) s += (s.empty() ? "" : " + ") + c;
    return s;
}

/// The hint for a code that is no gemeente of the region in its boekjaar.
std::string hint_for(const std::string &code, const Region &region) {
    if (const Herindeling *h = region.merged_away(code))
        return code + " is per " + h->per.nl() + " opgegaan in " + h->naar + " (" + h->naam + "); use " + h->naar;
    for (const auto &h : region.herindelingen)
        if (h.naar == code && !h.in_force(region.boekjaar))
            return code + " (" + h.naam + ") exists from " + h.per.nl() + "; in boekjaar " +
                   std::to_string(region.boekjaar) + " use " + join_codes(h.van);
    for (const auto &g : region.gemeenten)
        if (g.naam == code) return "use the CBS code of " + g.naam + ": " + g.code;
    std::vector<std::pair<std::size_t, const Gemeente *>> close;
    for (const auto &g : region.gemeenten)
        if (one_slip_from(code, g.code)) close.emplace_back(edit_distance(code, g.code), &g);
    std::stable_sort(close.begin(), close.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    std::string list;
    if (!close.empty()) {
        for (std::size_t i = 0; i < close.size() && i < 3; ++i)
            list += (i ? ", " : "") + close[i].second->code + " (" + close[i].second->naam + ")";
        return "did you mean " + list + "?";
    }
    for (const auto &g : region.gemeenten) list += (list.empty() ? "" : ", ") + g.code + " " + g.naam;
    return "the region's gemeenten: " + list;
}

}  // namespace

std::optional<GemeenteProblem> gemeente_problem(const std::string &code, const Region &region) {
    if (region.find(code) != nullptr) return std::nullopt;
    GemeenteProblem p;
    p.message = region.merged_away(code) != nullptr
                    ? "gemeente " + excerpt(code) + " does not exist in boekjaar " + std::to_string(region.boekjaar)
                    : "gemeente " + excerpt(code) + " is not one of the region's gemeenten";
    p.hint = hint_for(code, region);
    return p;
}

}  // namespace vhh
