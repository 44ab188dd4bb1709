#include "store/exchange.h"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Data/Session.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "store/audit_log.h"
#include "store/snapshot.h"
#include "store/wijziging.h"
#include "betalingen/betalingen_store.h"
#include "invoicing/facturen_store.h"
#include "store/zienswijze.h"

namespace vhh::host::store {

namespace {

const char *kFormat = "vhh-administratie";

std::vector<const TableDef *> sorted_tables() {
    std::vector<const TableDef *> out;
    for (const auto &t : administration_tables()) out.push_back(&t);
    std::sort(out.begin(), out.end(), [](const TableDef *a, const TableDef *b) { return a->name < b->name; });
    return out;
}

/// Collects an import's problems, located by key path; at most 20 are listed.
struct Problems {
    std::string file;
    std::vector<std::string> items;
    std::size_t total = 0;
    void add(const std::string &path, const std::string &message) {
        if (++total <= 20) items.push_back(file + ": error: " + path + ": " + message);
    }
    void raise() const {
        if (!total) return;
        std::string msg;
        for (std::size_t i = 0; i < items.size(); ++i) msg += (i ? "\n" : "") + items[i];
        if (total > items.size()) msg += "\n" + file + ": note: and " + std::to_string(total - items.size()) + " more";
        msg += "\nvhh: nothing was imported";
        throw StoreError(vhh::ExitCode::data, msg);
    }
};

/// What makes an initialised store not empty, in words ("" when it is empty): a row in any table
/// of the administration, or an audit log entry other than the store's own (db init, db migrate).
std::string administration_held(Store &store) {
    std::string held;
    for (const auto &t : administration_tables()) {
        std::int64_t n = 0;
        if (t.name == "audit_log")
            store.guarded([&] {
                store.session() << "SELECT COUNT(*) FROM audit_log WHERE commando NOT IN ('db init', 'db migrate')",
                    Poco::Data::Keywords::into(n), Poco::Data::Keywords::now;
            });
        else
            n = store.count(t.name);
        if (n) held += (held.empty() ? "rows: " : ", ") + t.name + " " + std::to_string(n);
    }
    return held;
}

}  // namespace

std::string export_json(Store &store) {
    std::ostringstream out;
    out << "{\n  \"formaat\": " << json_quote(kFormat) << ",\n  \"schema_versie\": " << store.schema_version()
        << ",\n  \"tabellen\": {";
    bool first_table = true;
    for (const TableDef *t : sorted_tables()) {
        out << (first_table ? "" : ",") << "\n    " << json_quote(t->name) << ": [";
        first_table = false;
        const auto rows = store.rows(*t);
        for (std::size_t i = 0; i < rows.size(); ++i) out << (i ? "," : "") << "\n      " << canonical_row(*t, rows[i]);
        out << (rows.empty() ? "]" : "\n    ]");
    }
    out << "\n  }\n}\n";
    return out.str();
}

void import_json(Store &store, const std::string &file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw StoreError(vhh::ExitCode::no_input, "cannot read " + file);
    std::stringstream buf;
    buf << in.rdbuf();
    Problems problems{file, {}, 0};
    Poco::Dynamic::Var parsed;
    try {
        Poco::JSON::Parser parser;
        parsed = parser.parse(buf.str());
    } catch (const Poco::Exception &e) {
        throw StoreError(vhh::ExitCode::data, file + ": error: not a complete JSON document (" + e.displayText() +
                                                  "); a partial or damaged export\nvhh: nothing was imported");
    }
    Poco::JSON::Object::Ptr root = parsed.type() == typeid(Poco::JSON::Object::Ptr)
                                       ? parsed.extract<Poco::JSON::Object::Ptr>()
                                       : Poco::JSON::Object::Ptr();
    if (!root) problems.add("(document)", "expected an object with formaat, schema_versie and tabellen");
    problems.raise();
    if (!root->has("formaat") || root->get("formaat").toString() != kFormat)
        problems.add("formaat", std::string("expected \"") + kFormat + "\" (an export of 'vhh db export')");
    const Poco::Dynamic::Var version = root->get("schema_versie");
    if (!version.isInteger()) problems.add("schema_versie", "expected the schema version (an integer)");
    else if (version.convert<int>() != program_schema_version())
        problems.add("schema_versie", "the export has schema version " + version.toString() + ", this vhh " +
                                          std::to_string(program_schema_version()) +
                                          (version.convert<int>() > program_schema_version() ? ": use a newer vhh" : ""));
    Poco::JSON::Object::Ptr tables = root->getObject("tabellen");
    if (!tables) problems.add("tabellen", "expected an object with every table of the administration");
    problems.raise();
    for (const auto &name : tables->getNames())
        if (!find_table(name)) problems.add("tabellen." + name, "unknown table");
    std::vector<std::pair<const TableDef *, std::vector<Row>>> data;
    for (const auto &t : administration_tables()) {
        const std::string path = "tabellen." + t.name;
        if (!tables->has(t.name)) {
            problems.add(path, "missing (a partial export?)");
            continue;
        }
        Poco::JSON::Array::Ptr rows = tables->getArray(t.name);
        if (!rows) {
            problems.add(path, "expected a list of rows");
            continue;
        }
        std::vector<Row> parsed_rows;
        for (std::size_t i = 0; i < rows->size(); ++i) {
            const std::string rpath = path + "[" + std::to_string(i) + "]";
            Poco::JSON::Object::Ptr obj = rows->getObject(static_cast<unsigned>(i));
            if (!obj) {
                problems.add(rpath, "expected an object");
                continue;
            }
            Row row(t.columns.size());
            for (std::size_t c = 0; c < t.columns.size(); ++c) {
                const ColumnDef &col = t.columns[c];
                const Poco::Dynamic::Var v = obj->get(col.name);
                row[c].integer = col.integer;
                if (v.isEmpty()) problems.add(rpath + "." + col.name, "missing");
                else if (col.integer && !v.isInteger()) problems.add(rpath + "." + col.name, "expected an integer");
                else if (!col.integer && !v.isString()) problems.add(rpath + "." + col.name, "expected a text");
                else if (col.integer) row[c].number = v.convert<Poco::Int64>();
                else row[c].text = v.extract<std::string>();
            }
            for (const auto &name : obj->getNames()) {
                bool known = false;
                for (const auto &col : t.columns) known = known || col.name == name;
                if (!known) problems.add(rpath + "." + name, "unknown column");
            }
            parsed_rows.push_back(std::move(row));
        }
        data.emplace_back(&t, std::move(parsed_rows));
    }
    problems.raise();

    Transaction tx(store, true);
    if (store.schema_version() != 0) {
        store.require_schema();  // a newer store is refused, an older one needs 'vhh db migrate' first
        if (const std::string held = administration_held(store); !held.empty())
            throw StoreError(vhh::ExitCode::data, "store " + store.url().display() + " is not empty (" + held +
                                                      "): import only into a new or an empty store");
        // Empty: the imported administration's audit log replaces the store's own entries (db init,
        // db migrate), so that the import holds exactly what was exported.
        store.guarded([&] { store.session() << "DELETE FROM audit_log", Poco::Data::Keywords::now; });
    }
    store.migrate();
    for (const auto &[table, rows] : data) {
        try {
            store.insert_many(*table, rows);
        } catch (const StoreError &e) {
            problems.add("tabellen." + table->name, std::string("cannot be stored: ") + e.what());
            problems.raise();
        }
    }
    std::optional<std::string> bad = verify_chain(store);
    if (!bad) bad = verify_snapshots(store);
    if (!bad) bad = verify_wijzigingen(store);
    if (!bad) bad = verify_zienswijzen(store);
    if (!bad) bad = invoicing::verify_invoices(store);
    if (!bad) bad = betalingen::verify_payments(store);
    if (bad) problems.add("tabellen", "the export does not verify: " + *bad);
    problems.raise();
    tx.commit();
}

}  // namespace vhh::host::store
