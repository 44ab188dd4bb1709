#include "store/administration.h"

#include <Poco/Data/Statement.h>

#include "store/prior_year.h"

namespace vhh::host::store {

using namespace Poco::Data::Keywords;

AdoptedDocument adopted_document(StoredSnapshot snapshot, const Region &region) {
    AdoptedDocument d;
    d.document = snapshot.document;
    d.jaar = snapshot.jaar;
    d.besluit = snapshot.besluit;
    d.datum = snapshot.datum;
    d.snapshot = snapshot.sha256;
    d.posten = std::move(snapshot.posten);
    d.bijdragen = restated(std::move(snapshot.bijdragen), region);
    return d;
}

Administration read_administration(Store &store, const Region &region) {
    Administration a;
    if (auto s = find_vaststelling(store, region.id, "jaarrekening", region.boekjaar - 1))
        a.jaarrekening_vorig_jaar = adopted_document(std::move(*s), region);
    if (auto s = find_vaststelling(store, region.id, "begroting", region.boekjaar))
        a.begroting = adopted_document(std::move(*s), region);
    a.wijzigingen = find_wijzigingen(store, region.id, region.boekjaar);
    return a;
}

std::vector<BudgetAmendment> find_wijzigingen(Store &store, const std::string &regio, int jaar) {
    std::vector<BudgetAmendment> out;
    store.guarded([&] {
        Poco::Data::Statement st(store.session());
        std::vector<Poco::Int64> ids, nummers;
        std::vector<std::string> besluiten, data;
        Poco::Int64 y = jaar;
        std::string r = regio;
        st << store.sql("SELECT id, nummer, besluit, datum FROM wijzigingen WHERE regio = ? AND jaar = ? ORDER BY nummer"),
            bind(r), bind(y), into(ids), into(nummers), into(besluiten), into(data);
        st.execute();
        for (std::size_t i = 0; i < ids.size(); ++i) {
            BudgetAmendment w{static_cast<int>(nummers[i]), besluiten[i], data[i], {}};
            const std::int64_t id = ids[i];
            for (const Row &row : store.rows(*find_table("wijziging_posten"), &id))
                w.posten.push_back({row[2].text, row[3].text, Money::cents(row[4].number)});
            out.push_back(std::move(w));
        }
    });
    return out;
}

}  // namespace vhh::host::store
