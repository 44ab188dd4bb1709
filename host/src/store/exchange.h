// `vhh db export` / `vhh db import`: the whole administration as one portable, deterministic
// JSON document (tables sorted by name, rows by primary key, keys sorted, no floating point).
#pragma once

#include <string>

#include "store/store.h"

namespace vhh::host::store {

/// The export of the store (read inside the caller's read transaction).
std::string export_json(Store &store);

/// Imports the export in `file` into `store`, which must hold no administration yet: creates the
/// schema, inserts every row, verifies the audit chain and every snapshot, all in one
/// transaction. Any problem is a StoreError (the file missing 66, a malformed, partial or
/// damaged export 65, located by file and key path) and nothing is imported.
void import_json(Store &store, const std::string &file);

}  // namespace vhh::host::store
