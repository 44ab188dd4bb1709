#include "store/prior_year.h"

#include <algorithm>

#include "store/administration.h"
#include "store/snapshot.h"

namespace vhh::host::store {

std::unique_ptr<Store> open_store_for_run(const std::string &flag, const std::string &config_url,
                                          const std::string &config_path) {
    const std::optional<DatabaseUrl> url = resolve_database_url(flag, config_url, config_path);
    if (!url) return nullptr;
    auto store = std::make_unique<Store>(*url, true);
    store->begin_read();
    store->require_schema();
    return store;
}

std::vector<ContributionLine> restated(std::vector<ContributionLine> lines, const Region &region) {
    for (auto &l : lines)
        for (const auto &g : region.gemeenten)
            if (std::find(g.voorgangers.begin(), g.voorgangers.end(), l.payer_id) != g.voorgangers.end()) {
                l.payer_id = g.code;
                l.payer = g.naam;
            }
    return lines;
}

PriorYear prior_year(Store *store, const Region &region, const std::vector<ContributionLine> *config_lines) {
    PriorYear p;
    if (store)
        if (auto s = find_vaststelling(*store, region.id, "jaarrekening", region.boekjaar - 1)) {
            AdoptedDocument d = adopted_document(std::move(*s), region);
            p.known = true;
            p.lines = std::move(d.bijdragen);
            p.snapshot = d.description();
            return p;
        }
    if (config_lines) {
        p.known = true;
        p.lines = restated(*config_lines, region);
    }
    return p;
}

}  // namespace vhh::host::store
