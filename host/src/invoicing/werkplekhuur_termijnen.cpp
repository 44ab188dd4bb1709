#include "invoicing/werkplekhuur_termijnen.h"

#include <algorithm>
#include <numeric>

namespace vhh::host::invoicing {

std::vector<std::int64_t> werkplek_units_per_termijn(const Partner &partner, const std::vector<Termijn> &termijnen,
                                                     int jaar, werkplekhuur::ProRata rule) {
    std::vector<std::int64_t> out;
    for (const Termijn &t : termijnen) {
        std::vector<WerkplekPeriode> clipped;
        for (const WerkplekPeriode &p : partner.werkplekken) {
            WerkplekPeriode c = p;
            if (!c.van.valid() || c.van < t.van) c.van = t.van;
            if (!c.tot.valid() || t.tot < c.tot) c.tot = t.tot;
            if (!(c.tot < c.van)) clipped.push_back(c);
        }
        const std::vector<std::int64_t> units = werkplekhuur::units_per_period(clipped, jaar, rule);
        std::int64_t sum = 0;
        for (std::size_t i = 0; i < clipped.size(); ++i) sum += clipped[i].aantal * units[i];
        out.push_back(sum);
    }
    return out;
}

std::vector<std::int64_t> split_by_weights(std::int64_t total, const std::vector<std::int64_t> &weights) {
    const std::int64_t all = std::accumulate(weights.begin(), weights.end(), std::int64_t{0});
    if (all <= 0) return split_evenly(total, weights.size());
    if (total < 0) {
        std::vector<std::int64_t> parts = split_by_weights(-total, weights);
        for (auto &p : parts) p = -p;
        return parts;
    }
    // total × weight fits in 64 bits: amounts below 10^12 cents, weights below 10^6 units.
    std::vector<std::int64_t> parts(weights.size());
    std::vector<std::pair<std::int64_t, std::size_t>> remainders;
    std::int64_t given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        parts[i] = total * weights[i] / all;
        given += parts[i];
        remainders.push_back({-(total * weights[i] % all), i});  // largest first, then the earlier part
    }
    std::sort(remainders.begin(), remainders.end());
    for (std::size_t k = 0; given < total; ++k, ++given) ++parts[remainders[k].second];
    return parts;
}

}  // namespace vhh::host::invoicing
