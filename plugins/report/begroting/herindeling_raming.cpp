#include "herindeling_raming.h"

#include <algorithm>

namespace vhh::begroting {

bool herindeling_in_raming(const Herindeling &h, int basisjaar, int jaar) {
    return h.in_force(jaar) && !h.in_force(basisjaar);
}

std::string herindeling_reden(const std::string &code, const std::vector<Herindeling> &herindelingen, int basisjaar,
                              int jaar) {
    for (const Herindeling &h : herindelingen) {
        if (std::find(h.van.begin(), h.van.end(), code) != h.van.end() && herindeling_in_raming(h, basisjaar, jaar))
            return "opgegaan in " + h.naar + " " + h.naam + " per " + h.per.iso();
        if (h.naar == code && !h.in_force(jaar)) return "bestaat pas per " + h.per.iso();
    }
    return "geen deel in " + std::to_string(jaar);
}

}  // namespace vhh::begroting
