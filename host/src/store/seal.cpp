#include "store/seal.h"

#include <Poco/Data/Statement.h>

#include "output/sha256.h"

namespace vhh::host::store {

std::string seal_of(const std::string &label, const TableDef &head, const Row &row, const std::vector<std::string> &skip,
                    const std::vector<std::pair<const TableDef *, const std::vector<Row> *>> &children) {
    std::string content = label + "\n" + canonical_row(head, row, skip);
    for (const auto &[table, rows] : children) {
        content += "\n" + table->name;
        for (const Row &r : *rows) content += "\n" + canonical_row(*table, r, {table->parent});
    }
    return sha256_hex(content);
}

std::string seal_text(const std::string &sha256) { return " sha256 " + sha256; }

std::set<std::string> logged_seals(Store &store, const std::string &command, const std::string &marker) {
    std::set<std::string> out;
    store.guarded([&] {
        Poco::Data::Statement st(store.session());
        std::vector<std::string> changes;
        std::string c = command;
        st << store.sql("SELECT wijziging FROM audit_log WHERE commando = ?"), Poco::Data::Keywords::bind(c),
            Poco::Data::Keywords::into(changes);
        st.execute();
        for (const auto &text : changes)
            for (auto p = text.find(marker); p != std::string::npos; p = text.find(marker, p + 1))
                out.insert(text.substr(p + marker.size(), 64));
    });
    return out;
}

}  // namespace vhh::host::store
