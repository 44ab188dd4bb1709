// `vhh kalender`'s output (table and JSON); apart from cycle/kalender.cpp, which reads and checks the
// config's `kalender:` as part of the config reader (vhh_config, also linked by the SDK's test kit).
#include <algorithm>

#include "cycle/kalender.h"
#include "store/store.h"
#include "vhh/text.h"

namespace vhh::host::cycle {

namespace {

std::string date_or_null(const std::optional<Date> &d) { return d ? "\"" + d->iso() + "\"" : "null"; }

}  // namespace

std::string kalender_table(int jaar, const std::vector<KalenderStap> &steps) {
    const WgrRegime &r = wgr_regime(jaar);
    std::string out = "Wgr-kalender " + std::to_string(jaar) + " (" + r.naam + ")\n";
    if (!r.overgangsrecht.empty()) out += "overgangsrecht: " + r.overgangsrecht + "\n";
    std::size_t w = 0, wd = 0;
    for (const auto &s : steps) {
        w = std::max(w, display_width(s.stap));
        wd = std::max(wd, display_width(s.document));
    }
    out += "\n" + pad("stap", w) + "  " + pad("document", wd) + "  uiterlijk   gepland     status\n";
    for (const auto &s : steps) {
        out += pad(s.stap, w) + "  " + pad(s.document, wd) + "  " + pad(s.deadline ? s.deadline->iso() : "-", 10) +
               "  " + pad(s.gepland ? s.gepland->iso() : "-", 10) + "  " + status_text(s.status) + "\n";
        out += pad("", w) + "  " + s.grondslag + ": " + s.termijn + "\n";
        if (!s.probleem.empty()) out += pad("", w) + "  ! " + s.probleem + "\n";
    }
    return out;
}

std::string kalender_json(int jaar, const std::vector<KalenderStap> &steps) {
    using store::json_quote;
    const WgrRegime &r = wgr_regime(jaar);
    std::string out = "{\"jaar\": " + std::to_string(jaar) + ", \"regime\": " + json_quote(r.naam) +
                      ", \"zienswijzetermijn_weken\": " + std::to_string(r.zienswijze_weken) + ", \"stappen\": [";
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const auto &s = steps[i];
        out += std::string(i ? "," : "") + "\n  {\"stap\": " + json_quote(s.stap) + ", \"document\": " +
               json_quote(s.document) + ", \"grondslag\": " + json_quote(s.grondslag) + ", \"termijn\": " +
               json_quote(s.termijn) + ", \"deadline\": " + date_or_null(s.deadline) + ", \"gepland\": " +
               date_or_null(s.gepland) + ", \"status\": " + json_quote(status_text(s.status)) +
               ", \"probleem\": " + (s.probleem.empty() ? "null" : json_quote(s.probleem)) + "}";
    }
    return out + "\n]}\n";
}

}  // namespace vhh::host::cycle
