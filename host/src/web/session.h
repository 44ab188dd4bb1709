// Sessions of `vhh serve` in the store (so several processes on one PostgreSQL store share them)
// and the login rate limit, also in the store (so they agree on it too). A session id is 256 random
// bits that only the browser's cookie holds; the store keeps its sha256.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "accounts/gebruikers.h"
#include "store/store.h"

namespace vhh::host::web {

/// How long a session lasts after login (seconds): 8 hours, a working day.
constexpr std::int64_t kSessionSeconds = 8 * 3600;

/// A logged-in user's session.
struct Sessie {
    accounts::Gebruiker gebruiker;
    std::string csrf;  ///< the token every POST of this session must carry
};

/// Seconds since the epoch, now.
std::int64_t now_seconds();

/// Starts a session for `gebruiker` (in the open write transaction): a new id, never one the
/// browser offered. Returns the id for the cookie; `csrf` receives the session's token.
std::string start_sessie(store::Store &store, const std::string &gebruiker, std::int64_t now, std::string &csrf);

/// The unexpired session of cookie value `id` with its account (in an open transaction), or nullopt.
std::optional<Sessie> find_sessie(store::Store &store, const std::string &id, std::int64_t now);

/// Ends the session of `id`, and every expired session (in the open write transaction).
void end_sessie(store::Store &store, const std::string &id, std::int64_t now);

/// The login rate limit: after kFreeFailures failed logins for an account (or 4× as many from
/// one address) the next attempt waits 15 seconds after the last failure, doubling with every
/// further failure, at most 15 minutes; a refused attempt does not count. Returns the seconds still to wait before a login of `gebruiker` from `adres` is
/// tried at all; 0 when it may be tried.
std::int64_t login_wait(store::Store &store, const std::string &gebruiker, const std::string &adres, std::int64_t now);
/// Failed logins before the limit starts, per account.
constexpr std::int64_t kFreeFailures = 5;

/// Records a failed login (in the open write transaction).
void login_failed(store::Store &store, const std::string &gebruiker, const std::string &adres, std::int64_t now);
/// Forgets the account's failed logins after a successful one (in the open write transaction).
void login_succeeded(store::Store &store, const std::string &gebruiker);

}  // namespace vhh::host::web
