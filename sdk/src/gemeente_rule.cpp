#include "vhh/gemeente_rule.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "vhh/text.h"

namespace vhh {

namespace {

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
        if (std::size_t d = edit_distance(code, g.code); d <= 2) close.emplace_back(d, &g);
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
