// The administration store: one connection (Poco::Data: SQLite in WAL mode with a busy timeout,
// or PostgreSQL), its schema version and migrations, transactions, and generic row access.
#pragma once

#include <Poco/Data/Session.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "store/database_url.h"
#include "store/schema.h"

namespace vhh::host::store {

/// One value of a row: an integer or a text (the store holds no NULLs).
struct Field {
    bool integer = false;
    std::int64_t number = 0;
    std::string text;
};
/// A row in its table's column order.
using Row = std::vector<Field>;

/// An open store. Every Poco::Data failure comes out as a StoreError naming the store (never a
/// password).
class Store {
public:
    /// Connects. `must_exist`: a SQLite file that is not there is 66 (nothing is created).
    Store(const DatabaseUrl &url, bool must_exist);
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    const DatabaseUrl &url() const { return url_; }
    bool postgresql() const { return url_.kind == DatabaseUrl::Kind::postgresql; }
    Poco::Data::Session &session() { return *session_; }
    /// `sql` written with `?` placeholders, as this back end wants them ($1, $2, … for PostgreSQL).
    std::string sql(const std::string &text) const;

    /// The schema version of the store: 0 when it has no schema yet.
    int schema_version();
    /// Refuses (65) a store newer than the program, and one that is not initialised (66) or
    /// older (65: run `vhh db migrate`) when `current` is needed.
    void require_schema(bool current = true);

    /// Starts the one transaction of a writing command; waits for another writer (SQLite busy
    /// timeout, PostgreSQL table lock) rather than losing its update.
    void begin_write();
    /// Starts a read transaction: one consistent view of the store.
    void begin_read();
    void commit();
    /// Rolls the open transaction back (nothing when none is open). When ROLLBACK itself fails the
    /// connection may still be inside the transaction: it stays in_transaction() and broken().
    void rollback();
    /// A transaction is open on this connection.
    bool in_transaction() const { return in_transaction_; }
    /// The connection failed in a way after which it must not be used again (lost, damaged, an
    /// unexpected error, a failed rollback): a pool discards it.
    bool broken() const { return broken_; }
    /// Neither broken nor inside a transaction, by this object's account and by the connection's
    /// own (SQLite: not in autocommit mode; PostgreSQL: Poco's session in a transaction): the
    /// only state in which a pool takes a connection back.
    bool clean();

    /// Applies every pending migration in the open write transaction; returns their versions.
    std::vector<int> migrate();

    /// The rows of `table`, in primary-key order; only those whose parent column equals
    /// `parent_id` when given.
    std::vector<Row> rows(const TableDef &table, const std::int64_t *parent_id = nullptr);
    /// The rows of `table` whose `column` (one of its columns) equals `value`, in primary-key order.
    std::vector<Row> rows_where(const TableDef &table, const std::string &column, const Field &value);
    /// Inserts `row` (in column order) into `table`.
    void insert(const TableDef &table, const Row &row);
    /// Inserts `rows` into `table` through the back end's bulk path: SQLite one INSERT prepared once
    /// and stepped per row, PostgreSQL one COPY FROM STDIN (one round trip for all rows).
    void insert_many(const TableDef &table, const std::vector<Row> &rows);
    /// The number of rows of `table`.
    std::int64_t count(const std::string &table);
    /// The next free id of `column` in `table` (MAX + 1; safe inside a write transaction).
    std::int64_t next_id(const std::string &table, const std::string &column);

    /// Runs `f`, turning Poco::Data failures into StoreErrors that name the store.
    void guarded(const std::function<void()> &f);

private:
    void run(const std::string &sql);
    [[noreturn]] void fail(const std::exception &e);

    DatabaseUrl url_;
    std::unique_ptr<Poco::Data::Session> session_;
    bool in_transaction_ = false;
    bool broken_ = false;
};

/// Rolls back unless committed: the store holds all of a command's changes or none.
class Transaction {
public:
    Transaction(Store &store, bool write) : store_(store) { write ? store.begin_write() : store.begin_read(); }
    ~Transaction() {
        if (!done_) try {
                store_.rollback();
            } catch (...) {
            }
    }
    void commit() {
        store_.commit();
        done_ = true;
    }

private:
    Store &store_;
    bool done_ = false;
};

/// Canonical JSON text of a string: quoted, escaped, UTF-8 kept as is.
std::string json_quote(const std::string &s);
/// Canonical JSON object of a row: its columns sorted by name, no spaces; the columns named in
/// `skip` left out.
std::string canonical_row(const TableDef &table, const Row &row, const std::vector<std::string> &skip = {});

}  // namespace vhh::host::store
