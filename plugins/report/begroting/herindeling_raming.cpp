#include "herindeling_raming.h"

#include <algorithm>

namespace vhh::begroting {

bool herindeling_in_raming(const Herindeling &h, int basisjaar, int jaar) {
    return h.in_force(jaar) && !h.in_force(basisjaar);
}

std::vector<ContributionLine> na_herindelingen(std::vector<ContributionLine> lines,
                                               const std::vector<Herindeling> &herindelingen, int basisjaar, int jaar) {
    for (const Herindeling &h : herindelingen) {
        if (!herindeling_in_raming(h, basisjaar, jaar)) continue;
        std::vector<ContributionLine> out;
        ContributionLine merged;
        merged.source = "inwonerbijdrage";
        merged.payer_id = h.naar;
        merged.payer = h.naam;
        std::string delen;
        std::size_t at = lines.size();
        for (auto &l : lines) {
            // A gemeente that takes others in (naar is an existing gemeente) keeps its own part too.
            if (l.payer_id != h.naar && std::find(h.van.begin(), h.van.end(), l.payer_id) == h.van.end()) {
                out.push_back(std::move(l));
                continue;
            }
            if (at == lines.size()) at = out.size();
            merged.amount += l.amount;
            merged.input(l.payer_id + "_cents", l.amount.in_cents());
            delen += (delen.empty() ? "" : " + ") + l.payer_id + " " + l.payer + " " + l.amount.format_nl();
        }
        if (at == lines.size()) continue;  // none of its gemeenten is in the region
        merged.basis = "herindeling per " + h.per.iso() + ": " + delen;
        out.insert(out.begin() + static_cast<std::ptrdiff_t>(at), std::move(merged));
        lines = std::move(out);
    }
    return lines;
}

}  // namespace vhh::begroting
