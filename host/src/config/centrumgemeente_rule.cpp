#include "config/centrumgemeente_rule.h"

#include <string>

namespace vhh::host {

void check_centrumgemeente(const Region &region, const SourceLocation &where, Diagnostics &diag) {
    const std::string &code = region.centrumgemeente;
    if (code.empty() || region.gemeenten.empty() || region.find(code) != nullptr) return;
    std::string hint;
    if (const Herindeling *h = region.merged_away(code)) {
        hint = code + " merged into " + h->naar + " (" + h->naam + ") on " + h->per.nl() + "; use " + h->naar;
    } else {
        hint = "the region's gemeenten:";
        for (std::size_t i = 0; i < region.gemeenten.size(); ++i)
            hint += (i == 0 ? " " : ", ") + region.gemeenten[i].code;
    }
    diag.error(ExitCode::config, where, "regio.centrumgemeente",
               "centrumgemeente " + code + " is not one of the region's gemeenten", hint);
}

}  // namespace vhh::host
