#include "store/snapshot.h"

#include <Poco/Data/Statement.h>

#include "output/sha256.h"

namespace vhh::host::store {

namespace {

using namespace Poco::Data::Keywords;

const char *kChildren[] = {"vaststelling_inputs", "vaststelling_posten", "vaststelling_bijdragen",
                           "vaststelling_gemeenten", "vaststelling_herindelingen"};

enum VCol { v_id, v_regio, v_regio_naam, v_document, v_jaar, v_besluit, v_datum, v_sha256 };

Field num(std::int64_t n) { return {true, n, ""}; }
Field txt(std::string s) { return {false, 0, std::move(s)}; }

std::string joined(const std::vector<std::string> &codes) {
    std::string s;
    for (const auto &c : codes) s += (s.empty() ? "" : ",") + c;
    return s;
}

}  // namespace

std::string snapshot_hash(Store &store, const Row &vaststelling) {
    const TableDef &head = *find_table("vaststellingen");
    std::string content = "vaststelling\n" + canonical_row(head, vaststelling, {"id", "snapshot_sha256"});
    const std::int64_t id = vaststelling[v_id].number;
    for (const char *name : kChildren) {
        const TableDef &t = *find_table(name);
        content += std::string("\n") + name;
        for (const Row &r : store.rows(t, &id)) content += "\n" + canonical_row(t, r, {t.parent});
    }
    return sha256_hex(content);
}

std::string store_vaststelling(Store &store, const VaststellingInput &v) {
    const Region &region = *v.region;
    if (auto first = find_vaststelling(store, region.id, v.document, v.jaar))
        throw StoreError(vhh::ExitCode::data,
                         "the " + v.document + " " + std::to_string(v.jaar) + " of " + region.id +
                             " is already vastgesteld on " + first->datum + " (besluit: " + first->besluit +
                             "); a vaststelling is never replaced: corrections go through a begrotingswijziging");
    const std::int64_t id = store.next_id("vaststellingen", "id");
    Row head = {num(id),        txt(region.id), txt(region.naam), txt(v.document), num(v.jaar),
                txt(v.besluit), txt(v.datum),   txt("")};
    store.insert(*find_table("vaststellingen"), head);
    std::int64_t n = 0;
    for (const auto &[file, sha] : v.inputs)
        store.insert(*find_table("vaststelling_inputs"), {num(id), num(++n), txt(file), txt(sha)});
    // Posten: the total of every source (inwonerbijdrage, rijksbijdrage, …) in first-seen order.
    std::vector<std::pair<std::string, std::int64_t>> posten;
    for (const auto &l : *v.lines) {
        auto it = posten.begin();
        while (it != posten.end() && it->first != l.source) ++it;
        if (it == posten.end()) posten.emplace_back(l.source, l.amount.in_cents());
        else it->second += l.amount.in_cents();
    }
    n = 0;
    for (const auto &[code, cents] : posten)
        store.insert(*find_table("vaststelling_posten"), {num(id), num(++n), txt(code), txt(code), num(cents)});
    n = 0;
    for (const auto &l : *v.lines)
        store.insert(*find_table("vaststelling_bijdragen"), {num(id), num(++n), txt(l.source), txt(l.payer_id),
                                                             txt(l.payer), num(l.amount.in_cents()), txt(l.basis)});
    n = 0;
    for (const auto &g : region.gemeenten)
        store.insert(*find_table("vaststelling_gemeenten"),
                     {num(id), num(++n), txt(g.code), txt(g.naam), num(g.inwoners), txt(joined(g.voorgangers))});
    n = 0;
    for (const auto &h : region.herindelingen)
        store.insert(*find_table("vaststelling_herindelingen"),
                     {num(id), num(++n), txt(h.per.iso()), txt(h.naar), txt(h.naam), txt(joined(h.van))});
    head[v_sha256].text = snapshot_hash(store, head);
    store.guarded([&] {
        Poco::Data::Statement st(store.session());
        st << store.sql("UPDATE vaststellingen SET snapshot_sha256 = ? WHERE id = ?"), bind(head[v_sha256].text),
            bind(id);
        st.execute();
    });
    return head[v_sha256].text;
}

std::optional<std::string> verify_snapshots(Store &store) {
    for (const Row &r : store.rows(*find_table("vaststellingen")))
        if (snapshot_hash(store, r) != r[v_sha256].text)
            return "vaststelling " + std::to_string(r[v_id].number) + " (" + r[v_document].text + " " +
                   std::to_string(r[v_jaar].number) + " of " + r[v_regio].text +
                   "): its content does not match its snapshot hash";
    return std::nullopt;
}

std::optional<StoredSnapshot> find_vaststelling(Store &store, const std::string &regio, const std::string &document,
                                                int jaar) {
    std::optional<StoredSnapshot> out;
    store.guarded([&] {
        Poco::Data::Statement st(store.session());
        std::vector<Poco::Int64> ids;
        Poco::Int64 y = jaar;
        st << store.sql("SELECT id FROM vaststellingen WHERE regio = ? AND document = ? AND jaar = ?"), bind(regio),
            bind(document), bind(y), into(ids);
        st.execute();
        if (ids.empty()) return;
        const Poco::Int64 id = ids[0];
        StoredSnapshot s;
        s.id = id;
        for (const Row &r : store.rows(*find_table("vaststellingen")))
            if (r[v_id].number == id) {
                s.regio = r[v_regio].text;
                s.document = r[v_document].text;
                s.jaar = static_cast<int>(r[v_jaar].number);
                s.besluit = r[v_besluit].text;
                s.datum = r[v_datum].text;
                s.sha256 = r[v_sha256].text;
            }
        const std::int64_t pid = id;
        for (const Row &r : store.rows(*find_table("vaststelling_bijdragen"), &pid)) {
            ContributionLine l;
            l.source = r[2].text;
            l.payer_id = r[3].text;
            l.payer = r[4].text;
            l.amount = Money::cents(r[5].number);
            l.basis = r[6].text;
            s.bijdragen.push_back(std::move(l));
        }
        out = std::move(s);
    });
    return out;
}

}  // namespace vhh::host::store
