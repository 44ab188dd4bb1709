// The audit trail: every change to the store is one entry of an append-only log, chained by
// sha256 (an entry's hash covers the previous entry's hash and its own canonical content).
#pragma once

#include <optional>
#include <string>

#include "store/store.h"

namespace vhh::host::store {

/// The current time, UTC, "2026-12-06T03:54:29Z".
std::string now_utc();

/// Who makes the change: `door` when given (--door NAAM), otherwise the OS user.
std::string acting_user(const std::string &door);

/// Appends one entry (inside the command's write transaction); returns its hash.
std::string append_log(Store &store, const std::string &user, const std::string &command, const std::string &change);

/// The hash an entry must have: sha256 of the previous hash, a newline and the entry's canonical
/// content (its columns but the hashes, as a canonical JSON object).
std::string entry_hash(const Row &entry);

/// The first audit entry whose chain does not hold, as a message naming it; nullopt when all hold.
std::optional<std::string> verify_chain(Store &store);

/// The audit log as a table or JSON (`vhh log`).
std::string log_text(Store &store, const std::string &format);

}  // namespace vhh::host::store
