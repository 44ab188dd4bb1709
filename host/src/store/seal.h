// Seals: a record of the administration (a wijziging, a zienswijze, a reactie) hashed over its
// canonical content, the hash named in the audit log entry that recorded it. The chain protects the
// entries; the seal binds the record to its entry.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"

namespace vhh::host::store {

/// sha256 over `label`, `row` of `head` (without the `skip` columns) and each child table's rows
/// (without their parent column), each in primary-key order.
std::string seal_of(const std::string &label, const TableDef &head, const Row &row, const std::vector<std::string> &skip,
                    const std::vector<std::pair<const TableDef *, const std::vector<Row> *>> &children = {});

/// The seals the audit log entries of `command` name after `marker` (" sha256 <hex>"; a
/// vaststelling's entry names its snapshot as " snapshot <hex>").
std::set<std::string> logged_seals(Store &store, const std::string &command, const std::string &marker = " sha256 ");

/// " sha256 <hex>": how an audit log entry names a seal.
std::string seal_text(const std::string &sha256);

}  // namespace vhh::host::store
