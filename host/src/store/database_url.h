// Where the administration store is: `sqlite:PATH` or `postgresql://USER:PASSWORD@HOST:PORT/DB`,
// chosen by --database, else VHH_DATABASE, else the config's `administratie:` key.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "vhh/diagnostics.h"

namespace vhh::host::store {

/// A refused store operation with its exit code (sysexits) and a message for the user.
struct StoreError : std::runtime_error {
    StoreError(vhh::ExitCode code, const std::string &message) : std::runtime_error(message), code(code) {}
    vhh::ExitCode code;
};

/// A parsed database URL.
struct DatabaseUrl {
    enum class Kind { sqlite, postgresql };
    Kind kind = Kind::sqlite;
    std::string path;      ///< sqlite: the file
    std::string user, password, host, database;
    int port = 5432;

    /// How messages name the store: the file, or `postgresql://USER@HOST:PORT/DB` (never the password).
    std::string display() const;
    /// Poco::Data's connector name ("SQLite" or "PostgreSQL").
    std::string connector() const;
    /// Poco::Data's connection string.
    std::string connection_string() const;
};

/// Parses `url`; an unknown scheme or a malformed URL is a StoreError (64 from the command
/// line, 78 from the config: `code`). `base_dir` resolves a relative sqlite path (config key).
DatabaseUrl parse_database_url(const std::string &url, vhh::ExitCode code, const std::string &base_dir = "");

/// The store a command names, by the one precedence rule: `flag` (--database) wins over the
/// VHH_DATABASE variable, which wins over `config_url` (the `administratie:` key of the config at
/// `config_path`, relative to its folder); nothing when none names one.
std::optional<DatabaseUrl> resolve_database_url(const std::string &flag, const std::string &config_url,
                                                const std::string &config_path);

}  // namespace vhh::host::store
