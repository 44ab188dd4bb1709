#include "cycle/gemeenten_van_jaar.h"

#include <algorithm>

#include "vhh/money.h"

namespace vhh::host::cycle {

Region region_in_jaar(const Region &region, int jaar) {
    Region out = region;
    out.boekjaar = jaar;
    for (const Herindeling &h : region.herindelingen) {
        if (!h.in_force(jaar) || h.in_force(region.boekjaar)) continue;
        Gemeente merged;
        merged.code = h.naar;
        merged.naam = h.naam;
        merged.where = h.where;
        std::string bron;
        std::vector<Gemeente> rest;
        std::size_t at = out.gemeenten.size();
        for (const Gemeente &g : out.gemeenten) {
            if (g.code != h.naar && std::find(h.van.begin(), h.van.end(), g.code) == h.van.end()) {
                rest.push_back(g);
                continue;
            }
            if (at == out.gemeenten.size()) at = rest.size();
            if (g.code == h.naar)
                merged.naam = g.naam;
            else
                merged.voorgangers.push_back(g.code);
            merged.inwoners += g.inwoners;
            bron += (bron.empty() ? "" : " + ") + g.naam + " " + format_integer_nl(g.inwoners);
        }
        if (at == out.gemeenten.size()) continue;  // none of its gemeenten is in the region
        merged.inwoners_bron = "herindeling per " + h.per.nl() + ": " + bron;
        rest.insert(rest.begin() + static_cast<std::ptrdiff_t>(at), std::move(merged));
        out.gemeenten = std::move(rest);
    }
    return out;
}

}  // namespace vhh::host::cycle
