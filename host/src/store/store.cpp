#include "store/store.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <mutex>

#include "store/audit_log.h"

namespace vhh::host::store {

namespace fs = std::filesystem;
using namespace Poco::Data::Keywords;

namespace {

void register_connectors() {
    static std::once_flag once;
    std::call_once(once, [] {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::PostgreSQL::Connector::registerConnector();
    });
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

Store::Store(const DatabaseUrl &url, bool must_exist) : url_(url) {
    register_connectors();
    if (url_.kind == DatabaseUrl::Kind::sqlite) {
        std::error_code ec;
        if (must_exist && !fs::exists(url_.path, ec))
            throw StoreError(vhh::ExitCode::no_input,
                             "store " + url_.path + " does not exist (create it with 'vhh db init')");
        if (fs::is_directory(url_.path, ec))
            throw StoreError(vhh::ExitCode::no_input,
                             "cannot open store " + url_.path + ": it is a folder, not a store file");
        const fs::path folder = fs::absolute(url_.path, ec).parent_path();
        if (!fs::is_directory(folder, ec))
            throw StoreError(vhh::ExitCode::no_input,
                             "cannot open store " + url_.path + ": its folder " + folder.string() + " does not exist");
        // access(), not opening the file: closing any descriptor of a SQLite file drops every POSIX
        // lock this process holds on it, the locks of its other open connections too (SQLite's
        // "how to corrupt" §2.2). Another process closing the store then takes itself for the last
        // user and removes the write-ahead log under those connections: their later commits were
        // seen by no other process until they closed.
        if (fs::exists(url_.path, ec) && ::access(url_.path.c_str(), R_OK) != 0)
            throw StoreError(vhh::ExitCode::no_input, "store " + url_.path + " cannot be read");
    }
    try {
        // Poco's SQLite session retries a failed open until its login timeout (60 s by default):
        // an open that fails on a local file does not heal by waiting (a busy store waits in
        // busy_timeout below instead), so one second. PostgreSQL keeps the URL's connect_timeout.
        const std::size_t login_timeout =
            postgresql() ? Poco::Data::SessionImpl::LOGIN_TIMEOUT_DEFAULT : std::size_t{1};
        session_ =
            std::make_unique<Poco::Data::Session>(url_.connector(), url_.connection_string(), login_timeout);
    } catch (const Poco::Exception &e) {
        std::string msg = e.displayText();
        if (!url_.password.empty())
            for (auto p = msg.find(url_.password); p != std::string::npos; p = msg.find(url_.password))
                msg.replace(p, url_.password.size(), "***");
        if (postgresql())
            throw StoreError(vhh::ExitCode::no_input, "cannot connect to PostgreSQL server " + url_.host + " port " +
                                                          std::to_string(url_.port) + ", database " + url_.database +
                                                          (url_.user.empty() ? "" : ", user " + url_.user) + ": " + msg);
        throw StoreError(vhh::ExitCode::no_input, "cannot open store " + url_.path + ": " + msg);
    }
    guarded([&] {
        if (postgresql()) {
            run("SET client_min_messages TO WARNING");
            return;
        }
        std::string mode;
        *session_ << "PRAGMA busy_timeout = 30000", into(mode), now;
        *session_ << "PRAGMA journal_mode = WAL", into(mode), now;
        *session_ << "PRAGMA foreign_keys = ON", now;
    });
}

Store::~Store() = default;

std::string Store::sql(const std::string &text) const {
    if (!postgresql()) return text;
    std::string out;
    int n = 0;
    for (char c : text) out += c == '?' ? "$" + std::to_string(++n) : std::string(1, c);
    return out;
}

void Store::run(const std::string &text) { *session_ << text, now; }

void Store::fail(const std::exception &e) {
    std::string msg;
    if (const auto *pe = dynamic_cast<const Poco::Exception *>(&e)) msg = pe->displayText();
    else msg = e.what();
    if (!url_.password.empty())
        for (auto p = msg.find(url_.password); p != std::string::npos; p = msg.find(url_.password))
            msg.replace(p, url_.password.size(), "***");
    const std::string l = lower(msg);
    const std::string name = "store " + url_.display();
    const bool busy = l.find("locked") != std::string::npos || l.find("busy") != std::string::npos;
    if (!busy) broken_ = true;  // lost, damaged or unexpected: a pool does not hand this connection out again
    if (l.find("not a database") != std::string::npos || l.find("malformed") != std::string::npos ||
        l.find("corrupt") != std::string::npos)
        throw StoreError(vhh::ExitCode::data, name + " is damaged or not a SQLite database: " + msg);
    if (busy)
        throw StoreError(vhh::ExitCode::cant_create,
                         name + " is busy: another vhh is writing to it; nothing was changed, try again (" + msg + ")");
    if (l.find("connection") != std::string::npos || l.find("server closed") != std::string::npos)
        throw StoreError(vhh::ExitCode::no_input, name + ": lost the connection to the server: " + msg);
    throw StoreError(vhh::ExitCode::internal, name + ": " + msg);
}

void Store::guarded(const std::function<void()> &f) {
    try {
        f();
    } catch (const StoreError &) {
        throw;
    } catch (const Poco::Exception &e) {
        fail(e);
    }
}

int Store::schema_version() {
    int version = 0;
    guarded([&] {
        std::int64_t tables = 0;
        if (postgresql())
            *session_ << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                         " AND table_name = 'schema_migrations'",
                into(tables), now;
        else
            *session_ << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
                into(tables), now;
        if (tables == 0) return;
        std::int64_t v = 0;
        *session_ << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", into(v), now;
        version = static_cast<int>(v);
    });
    return version;
}

void Store::require_schema(bool current) {
    const int v = schema_version();
    const int mine = program_schema_version();
    if (v > mine)
        throw StoreError(vhh::ExitCode::data, "store " + url_.display() + " has schema version " + std::to_string(v) +
                                                  ", newer than this vhh knows (" + std::to_string(mine) +
                                                  "): use a newer vhh; the store was not changed");
    if (!current) return;
    if (v == 0)
        throw StoreError(vhh::ExitCode::no_input,
                         "store " + url_.display() + " holds no administration (create it with 'vhh db init')");
    if (v < mine)
        throw StoreError(vhh::ExitCode::data, "store " + url_.display() + " has schema version " + std::to_string(v) +
                                                  ", this vhh needs " + std::to_string(mine) +
                                                  ": run 'vhh db migrate' first");
}

void Store::begin_write() {
    guarded([&] {
        if (postgresql()) {
            session_->begin();
            in_transaction_ = true;
            std::string unused;
            // One writer at a time on the whole store: the other waits here, none loses its update.
            *session_ << "SELECT CAST(pg_advisory_xact_lock(7068468) AS TEXT)", into(unused), now;
        } else {
            run("BEGIN IMMEDIATE");  // the write lock now (waits up to the busy timeout), not at the first write
            in_transaction_ = true;
        }
    });
}

void Store::begin_read() {
    guarded([&] {
        if (postgresql()) {
            session_->begin();
            in_transaction_ = true;
            run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        } else {
            run("BEGIN");
            in_transaction_ = true;
        }
    });
}

void Store::commit() {
    guarded([&] {
        if (postgresql()) session_->commit();
        else run("COMMIT");
        in_transaction_ = false;
    });
}

void Store::rollback() {
    if (!in_transaction_) return;
    try {
        guarded([&] {
            if (postgresql()) session_->rollback();
            else run("ROLLBACK");
        });
    } catch (...) {
        broken_ = true;  // it may still be inside the transaction: never to be used again
        throw;
    }
    in_transaction_ = false;
}

bool Store::clean() {
    if (broken_ || in_transaction_) return false;
    if (postgresql()) return !session_->isTransaction();
    return sqlite3_get_autocommit(Poco::Data::SQLite::Utility::dbHandle(*session_)) != 0;
}

std::vector<int> Store::migrate() {
    require_schema(false);
    std::vector<int> applied;
    guarded([&] {
        const int from = schema_version();
        if (from == 0)
            run("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, naam TEXT NOT NULL,"
                " toegepast TEXT NOT NULL)");
        const std::string when = now_utc();
        for (const auto &m : migrations()) {
            if (m.version <= from) continue;
            for (const auto &s : m.statements) run(s);
            Poco::Data::Statement st(*session_);
            std::int64_t v = m.version;
            st << sql("INSERT INTO schema_migrations (version, naam, toegepast) VALUES (?, ?, ?)"), bind(v),
                bind(m.naam), bind(when);
            st.execute();
            applied.push_back(m.version);
        }
    });
    return applied;
}

std::vector<Row> Store::rows(const TableDef &table, const std::int64_t *parent_id) {
    return parent_id ? rows_where(table, table.parent, Field{true, *parent_id, ""}) : rows_where(table, "", Field{});
}

std::vector<Row> Store::rows_where(const TableDef &table, const std::string &column, const Field &value) {
    std::vector<Row> out;
    guarded([&] {
        Poco::Data::Statement st(*session_);
        std::string q = "SELECT " + column_list(table) + " FROM " + table.name;
        if (!column.empty()) q += " WHERE " + column + " = ?";
        q += " ORDER BY " + table.order_by;
        st << sql(q);
        if (!column.empty() && value.integer) st, bind(static_cast<Poco::Int64>(value.number));
        else if (!column.empty()) st, bind(value.text);
        st.execute();
        Poco::Data::RecordSet rs(st);
        const std::size_t n = rs.rowCount();
        out.reserve(n);
        for (std::size_t r = 0; r < n; ++r) {
            Row row(table.columns.size());
            for (std::size_t c = 0; c < table.columns.size(); ++c) {
                const Poco::Dynamic::Var v = rs.value(c, r);
                row[c].integer = table.columns[c].integer;
                if (row[c].integer) row[c].number = v.convert<Poco::Int64>();
                else row[c].text = v.convert<std::string>();
            }
            out.push_back(std::move(row));
        }
    });
    return out;
}

void Store::insert(const TableDef &table, const Row &row) { insert_many(table, {row}); }

namespace {

/// SQLite's bulk path: one INSERT prepared once, each row bound (texts not copied) and stepped.
void insert_prepared(sqlite3 *db, const TableDef &table, const std::vector<Row> &rows) {
    std::string text = "INSERT INTO " + table.name + " (" + column_list(table) + ") VALUES (";
    for (std::size_t i = 0; i < table.columns.size(); ++i) text += i ? ", ?" : "?";
    text += ")";
    sqlite3_stmt *raw = nullptr;
    if (const int rc = sqlite3_prepare_v2(db, text.c_str(), -1, &raw, nullptr); rc != SQLITE_OK)
        Poco::Data::SQLite::Utility::throwException(db, rc);
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> st(raw, sqlite3_finalize);
    for (const Row &row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            const Field &f = row[c];
            const int rc = f.integer ? sqlite3_bind_int64(raw, static_cast<int>(c + 1), f.number)
                                     : sqlite3_bind_text(raw, static_cast<int>(c + 1), f.text.data(),
                                                         static_cast<int>(f.text.size()), SQLITE_STATIC);
            if (rc != SQLITE_OK) Poco::Data::SQLite::Utility::throwException(db, rc);
        }
        if (const int rc = sqlite3_step(raw); rc != SQLITE_DONE) Poco::Data::SQLite::Utility::throwException(db, rc);
        sqlite3_reset(raw);
    }
}

/// A text value in COPY's text format: backslash, tab, newline and carriage return escaped.
void append_copy_text(std::string &out, const std::string &text) {
    for (char c : text) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
}

[[noreturn]] void copy_failed(PGconn *pg, const std::string &what) {
    throw Poco::Data::DataException(what + ": " + PQerrorMessage(pg));
}

/// PostgreSQL's bulk path: COPY ... FROM STDIN in text format, rows sent 64 KiB at a time.
void copy_rows(PGconn *pg, const TableDef &table, const std::vector<Row> &rows) {
    PGresult *start = PQexec(pg, ("COPY " + table.name + " (" + column_list(table) + ") FROM STDIN").c_str());
    const bool copying = PQresultStatus(start) == PGRES_COPY_IN;
    PQclear(start);
    if (!copying) copy_failed(pg, "COPY " + table.name);
    std::string buffer;
    bool sent = true;
    for (std::size_t r = 0; r < rows.size() && sent; ++r) {
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            if (c) buffer += '\t';
            const Field &f = rows[r][c];
            if (f.integer) buffer += std::to_string(f.number);
            else append_copy_text(buffer, f.text);
        }
        buffer += '\n';
        if (buffer.size() >= (1 << 16) || r + 1 == rows.size()) {
            sent = PQputCopyData(pg, buffer.data(), static_cast<int>(buffer.size())) == 1;
            buffer.clear();
        }
    }
    const bool ended = PQputCopyEnd(pg, sent ? nullptr : "vhh could not send the rows") == 1;
    std::string error;
    while (PGresult *res = PQgetResult(pg)) {  // every result until none, or the connection stays busy
        if (PQresultStatus(res) != PGRES_COMMAND_OK && error.empty()) error = PQresultErrorMessage(res);
        PQclear(res);
    }
    if (!error.empty()) throw Poco::Data::DataException("COPY " + table.name + ": " + error);
    if (!sent || !ended) copy_failed(pg, "COPY " + table.name);
}

}  // namespace

void Store::insert_many(const TableDef &table, const std::vector<Row> &rows) {
    if (rows.empty()) return;
    guarded([&] {
        if (postgresql())
            copy_rows(static_cast<Poco::Data::PostgreSQL::SessionImpl *>(session_->impl())->handle(), table, rows);
        else
            insert_prepared(Poco::Data::SQLite::Utility::dbHandle(*session_), table, rows);
    });
}

std::int64_t Store::count(const std::string &table) {
    std::int64_t n = 0;
    guarded([&] { *session_ << "SELECT COUNT(*) FROM " + table, into(n), now; });
    return n;
}

std::int64_t Store::next_id(const std::string &table, const std::string &column) {
    std::int64_t n = 0;
    guarded([&] { *session_ << "SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table, into(n), now; });
    return n;
}

std::string json_quote(const std::string &s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

std::string canonical_row(const TableDef &table, const Row &row, const std::vector<std::string> &skip) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < table.columns.size(); ++i)
        if (std::find(skip.begin(), skip.end(), table.columns[i].name) == skip.end()) order.push_back(i);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return table.columns[a].name < table.columns[b].name; });
    std::string out = "{";
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t i = order[k];
        if (k) out += ",";
        out += json_quote(table.columns[i].name) + ":" +
               (row[i].integer ? std::to_string(row[i].number) : json_quote(row[i].text));
    }
    return out + "}";
}

}  // namespace vhh::host::store
