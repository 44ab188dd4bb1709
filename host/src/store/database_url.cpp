#include "store/database_url.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace vhh::host::store {

namespace {

std::string percent_decode(const std::string &s, bool &ok) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        if (i + 2 >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i + 1])) ||
            !std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            ok = false;
            return out;
        }
        out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
        i += 2;
    }
    return out;
}

/// Quotes a libpq connection-string value.
std::string pq_value(const std::string &v) {
    std::string out = "'";
    for (char c : v) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

}  // namespace

std::string DatabaseUrl::display() const {
    if (kind == Kind::sqlite) return path;
    return "postgresql://" + (user.empty() ? "" : user + "@") + host + ":" + std::to_string(port) + "/" + database;
}

std::string DatabaseUrl::connector() const { return kind == Kind::sqlite ? "SQLite" : "PostgreSQL"; }

std::string DatabaseUrl::connection_string() const {
    if (kind == Kind::sqlite) return path;
    std::string s = "host=" + pq_value(host) + " port=" + std::to_string(port) + " dbname=" + pq_value(database) +
                    " connect_timeout=10";
    if (!user.empty()) s += " user=" + pq_value(user);
    if (!password.empty()) s += " password=" + pq_value(password);
    return s;
}

DatabaseUrl parse_database_url(const std::string &url, vhh::ExitCode code, const std::string &base_dir) {
    DatabaseUrl u;
    const std::string bad = "database URL '";
    if (url.rfind("sqlite:", 0) == 0) {
        u.path = url.substr(7);
        if (u.path.rfind("//", 0) == 0) u.path = u.path.substr(2);  // sqlite://PATH is accepted too
        if (u.path.empty()) throw StoreError(code, bad + url + "' names no file (expected sqlite:PATH)");
        if (!base_dir.empty() && std::filesystem::path(u.path).is_relative())
            u.path = (std::filesystem::path(base_dir) / u.path).lexically_normal().string();
        return u;
    }
    std::string rest;
    for (const char *scheme : {"postgresql://", "postgres://"})
        if (url.rfind(scheme, 0) == 0) rest = url.substr(std::string(scheme).size());
    if (rest.empty()) {
        const auto colon = url.find(':');
        const std::string scheme = colon == std::string::npos ? url : url.substr(0, colon);
        throw StoreError(code, "unknown database URL scheme '" + scheme +
                                   "' (expected sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DB)");
    }
    u.kind = DatabaseUrl::Kind::postgresql;
    const auto at = rest.rfind('@');
    std::string hostpart = rest;
    bool ok = true;
    if (at != std::string::npos) {
        const std::string userinfo = rest.substr(0, at);
        hostpart = rest.substr(at + 1);
        const auto colon = userinfo.find(':');
        u.user = percent_decode(userinfo.substr(0, colon), ok);
        if (colon != std::string::npos) u.password = percent_decode(userinfo.substr(colon + 1), ok);
    }
    const auto slash = hostpart.find('/');
    if (slash == std::string::npos || slash + 1 >= hostpart.size())
        throw StoreError(code, "database URL names no database (expected postgresql://USER:PASSWORD@HOST:PORT/DB)");
    u.database = percent_decode(hostpart.substr(slash + 1), ok);
    std::string hp = hostpart.substr(0, slash);
    const auto bracket = hp.find(']');
    const auto colon = hp.rfind(':');
    if (colon != std::string::npos && (bracket == std::string::npos || colon > bracket)) {
        const std::string port = hp.substr(colon + 1);
        hp = hp.substr(0, colon);
        if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
            std::stoi(port) == 0 || std::stoi(port) > 65535)
            throw StoreError(code, "database URL has a bad port '" + port + "' (expected 1 to 65535)");
        u.port = std::stoi(port);
    }
    if (hp.size() > 1 && hp.front() == '[' && hp.back() == ']') hp = hp.substr(1, hp.size() - 2);
    u.host = percent_decode(hp, ok);
    if (u.host.empty()) u.host = "localhost";
    if (!ok) throw StoreError(code, "database URL has a bad %-escape");
    return u;
}

std::optional<DatabaseUrl> resolve_database_url(const std::string &flag, const std::string &config_url,
                                                const std::string &config_path) {
    if (!flag.empty()) return parse_database_url(flag, vhh::ExitCode::usage);
    if (const char *env = std::getenv("VHH_DATABASE"); env && *env) return parse_database_url(env, vhh::ExitCode::usage);
    if (config_url.empty()) return std::nullopt;
    return parse_database_url(config_url, vhh::ExitCode::config,
                              std::filesystem::path(config_path).parent_path().string());
}

}  // namespace vhh::host::store
