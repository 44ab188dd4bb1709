#include "store/snapshot.h"

#include <Poco/Data/Statement.h>

#include <iterator>
#include <map>
#include <set>

#include "output/sha256.h"
#include "store/seal.h"

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

/// The hash of a vaststelling from its row and its child tables' rows (each in primary-key order).
std::string hash_of(const Row &vaststelling, const std::vector<const std::vector<Row> *> &children) {
    const TableDef &head = *find_table("vaststellingen");
    std::string content = "vaststelling\n" + canonical_row(head, vaststelling, {"id", "snapshot_sha256"});
    for (std::size_t i = 0; i < std::size(kChildren); ++i) {
        const TableDef &t = *find_table(kChildren[i]);
        content += std::string("\n") + kChildren[i];
        for (const Row &r : *children[i]) content += "\n" + canonical_row(t, r, {t.parent});
    }
    return sha256_hex(content);
}

}  // namespace

std::string snapshot_hash(Store &store, const Row &vaststelling) {
    const std::int64_t id = vaststelling[v_id].number;
    std::vector<std::vector<Row>> rows;
    for (const char *name : kChildren) rows.push_back(store.rows(*find_table(name), &id));
    std::vector<const std::vector<Row> *> children;
    for (const auto &r : rows) children.push_back(&r);
    return hash_of(vaststelling, children);
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
    std::vector<Row> rows;
    for (const auto &[file, sha] : v.inputs) rows.push_back({num(id), num(rows.size() + 1), txt(file), txt(sha)});
    store.insert_many(*find_table("vaststelling_inputs"), rows);
    // Posten: the report plugin's (begroting primitief or realisatie), else the total of every line
    // source (inwonerbijdrage, rijksbijdrage, …) in first-seen order.
    std::vector<PostAmount> posten;
    if (v.posten)
        for (const auto &p : *v.posten) posten.push_back({p.code, p.naam, v.document == "begroting" ? p.begroting : p.realisatie});
    else
        for (const auto &l : *v.lines) {
            auto it = posten.begin();
            while (it != posten.end() && it->code != l.source) ++it;
            if (it == posten.end()) posten.push_back({l.source, l.source, l.amount});
            else it->amount += l.amount;
        }
    rows.clear();
    for (const auto &p : posten)
        rows.push_back({num(id), num(rows.size() + 1), txt(p.code), txt(p.naam), num(p.amount.in_cents())});
    store.insert_many(*find_table("vaststelling_posten"), rows);
    rows.clear();
    for (const auto &l : *v.lines)
        rows.push_back({num(id), num(rows.size() + 1), txt(l.source), txt(l.payer_id), txt(l.payer),
                        num(l.amount.in_cents()), txt(l.basis)});
    store.insert_many(*find_table("vaststelling_bijdragen"), rows);
    rows.clear();
    for (const auto &g : region.gemeenten)
        rows.push_back({num(id), num(rows.size() + 1), txt(g.code), txt(g.naam), num(g.inwoners),
                        txt(joined(g.voorgangers))});
    store.insert_many(*find_table("vaststelling_gemeenten"), rows);
    rows.clear();
    for (const auto &h : region.herindelingen)
        rows.push_back({num(id), num(rows.size() + 1), txt(h.per.iso()), txt(h.naar), txt(h.naam), txt(joined(h.van))});
    store.insert_many(*find_table("vaststelling_herindelingen"), rows);
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
    // Each child table read once (grouped by vaststelling), not once per vaststelling.
    std::vector<std::map<std::int64_t, std::vector<Row>>> grouped(std::size(kChildren));
    for (std::size_t i = 0; i < std::size(kChildren); ++i)
        for (Row &r : store.rows(*find_table(kChildren[i]))) grouped[i][r[0].number].push_back(std::move(r));
    // A snapshot must also be the one its vaststelling's audit entry named: content changed behind
    // vhh's back and re-hashed is consistent in itself, but no entry of the chain records it.
    std::set<std::string> logged = logged_seals(store, "vaststellen begroting", " snapshot ");
    logged.merge(logged_seals(store, "vaststellen jaarrekening", " snapshot "));
    const std::vector<Row> none;
    for (const Row &r : store.rows(*find_table("vaststellingen"))) {
        std::vector<const std::vector<Row> *> children;
        for (auto &g : grouped) {
            auto it = g.find(r[v_id].number);
            children.push_back(it == g.end() ? &none : &it->second);
        }
        if (hash_of(r, children) != r[v_sha256].text)
            return "vaststelling " + std::to_string(r[v_id].number) + " (" + r[v_document].text + " " +
                   std::to_string(r[v_jaar].number) + " of " + r[v_regio].text +
                   "): its content does not match its snapshot hash";
        if (!logged.count(r[v_sha256].text))
            return "vaststelling " + std::to_string(r[v_id].number) + " (" + r[v_document].text + " " +
                   std::to_string(r[v_jaar].number) + " of " + r[v_regio].text +
                   "): no audit log entry records its snapshot";
    }
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
        for (const Row &r : store.rows(*find_table("vaststelling_posten"), &pid))
            s.posten.push_back({r[2].text, r[3].text, Money::cents(r[4].number)});
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
