// One store connection used for many transactions, as `vhh serve` reuses its pooled connections:
// after a rolled-back (refused) write, the next committed write is seen by every other connection
// at once; and the pool itself (store/store_pool.h). On SQLite by default; on PostgreSQL when VHH_TEST_BACKEND=postgresql (ctest's
// store.postgresql runs these cases under `pg_virtualenv -t`, with a fresh database per test).
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "store/store.h"
#include "store/store_pool.h"

#include <chrono>
#include <future>
#include <thread>

namespace vhh::host::store {
namespace {

namespace fs = std::filesystem;

bool on_postgresql() {
    const char *b = std::getenv("VHH_TEST_BACKEND");
    return b && std::string(b) == "postgresql";
}

/// A fresh, migrated store of the backend under test; dropped (or deleted) at the end of the test.
class StoreConnection : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device rd;
        const std::string tag = std::to_string(::getpid()) + "_" + std::to_string(rd() % 1000000);
        if (on_postgresql()) {
            database_ = "vhh_conn_" + tag;
            ASSERT_EQ(std::system(("createdb " + database_).c_str()), 0);
            const auto env = [](const char *k, const char *d) { const char *v = std::getenv(k); return std::string(v ? v : d); };
            url_ = "postgresql://" + env("PGUSER", "postgres") + ":" + env("PGPASSWORD", "") + "@" +
                   env("PGHOST", "localhost") + ":" + env("PGPORT", "5432") + "/" + database_;
        } else {
            dir_ = fs::temp_directory_path() / ("vhh-store-conn-" + tag);
            fs::create_directories(dir_);
            url_ = "sqlite:" + (dir_ / "s.db").string();
        }
        Store s(url(), false);
        Transaction tx(s, true);
        s.migrate();
        tx.commit();
    }
    void TearDown() override {
        if (!database_.empty()) std::system(("dropdb --if-exists " + database_).c_str());
        if (!dir_.empty()) fs::remove_all(dir_);
    }
    DatabaseUrl url() const { return parse_database_url(url_, ExitCode::usage); }

    /// Writes one row into `bijlagen` (a table without foreign keys) on `s`, in the open transaction.
    static void write(Store &s, const std::string &key) {
        s.insert(*find_table("bijlagen"), {{false, 0, key}, {true, 1, ""}, {false, 0, "eA=="}});
    }
    /// The keys in `bijlagen` as a new connection sees them.
    std::vector<std::string> seen_elsewhere() const {
        Store other(url(), true);
        Transaction tx(other, false);
        std::vector<std::string> out;
        for (const Row &r : other.rows(*find_table("bijlagen"))) out.push_back(r[0].text);
        return out;
    }

    /// The keys in `bijlagen` as another process sees them (the sqlite3 or psql tool), one per line.
    std::string seen_by_another_process() const {
        const std::string q = "SELECT sha256 FROM bijlagen ORDER BY sha256";
        const std::string cmd = database_.empty() ? "sqlite3 " + (dir_ / "s.db").string() + " '" + q + "'"
                                                  : "psql -At -d " + database_ + " -c '" + q + "'";
        std::string out;
        if (FILE *p = ::popen(cmd.c_str(), "r")) {
            char buf[256];
            while (std::fgets(buf, sizeof buf, p)) out += buf;
            EXPECT_EQ(::pclose(p), 0) << cmd;
        }
        return out;
    }

    std::string url_, database_;
    fs::path dir_;
};

TEST_F(StoreConnection, ACommitAfterARolledBackWriteIsSeenAtOnceByAnotherConnection) {
    Store s(url(), true);
    {
        Transaction tx(s, true);
        write(s, "refused");
        // the request is refused here: the transaction is rolled back, not committed
    }
    EXPECT_EQ(seen_elsewhere(), std::vector<std::string>{});
    {
        Transaction tx(s, true);
        write(s, "kept");
        tx.commit();
    }
    EXPECT_EQ(seen_elsewhere(), std::vector<std::string>{"kept"});
    {
        Transaction tx(s, false);  // a read after it on the same connection: no transaction left open
    }
    {
        Transaction tx(s, true);
        write(s, "again");
        tx.commit();
    }
    EXPECT_EQ(seen_elsewhere(), (std::vector<std::string>{"again", "kept"}));
}

TEST_F(StoreConnection, OpeningAnotherConnectionKeepsAnOpenOnesCommitsVisibleToOtherProcesses) {
    // A long-lived connection (a pooled one of `vhh serve`) while the same process opens and closes
    // another (a request, a page that opens its own): SQLite's locks are POSIX locks, which a
    // close() of any descriptor of the file drops for the whole process. Another process that then
    // closes the store took itself for the last user and removed the write-ahead log under the open
    // connection, whose commits from then on were seen by nobody else until it closed.
    Store s(url(), true);
    {
        Transaction tx(s, true);
        write(s, "refused");
    }
    { Store briefly(url(), true); }
    EXPECT_EQ(seen_by_another_process(), "");
    {
        Transaction tx(s, true);
        write(s, "kept");
        tx.commit();
    }
    EXPECT_EQ(seen_by_another_process(), "kept\n");
    { Store briefly(url(), true); }
    EXPECT_EQ(seen_by_another_process(), "kept\n");
    {
        Transaction tx(s, true);
        write(s, "again");
        tx.commit();
    }
    EXPECT_EQ(seen_by_another_process(), "again\nkept\n");
    EXPECT_EQ(seen_elsewhere(), (std::vector<std::string>{"again", "kept"}));
}

/// The pool's cases, on the same fresh stores.
class PooledStore : public StoreConnection {};

TEST_F(PooledStore, ReusesAConnectionAndChecksTheSchemaOncePerConnection) {
    StorePool pool(url(), 2);
    Store *first = nullptr;
    {
        auto lease = pool.acquire();
        first = &*lease;
    }
    EXPECT_EQ(pool.open(), 1u);
    EXPECT_EQ(pool.idle(), 1u);
    // A newer vhh migrated the store meanwhile: the open connection is handed out again without a
    // new check (the pages check the schema in their write transactions), a new one is refused.
    {
        Store other(url(), true);
        Transaction tx(other, true);
        other.insert(TableDef{"schema_migrations", {{"version", true}, {"naam", false}, {"toegepast", false}}, "version", ""},
                     {{true, 999, ""}, {false, 0, "later"}, {false, 0, "2030-01-01T00:00:00Z"}});
        tx.commit();
    }
    auto lease = pool.acquire();
    EXPECT_EQ(&*lease, first);
    try {
        auto second = pool.acquire();
        FAIL() << "a new connection to a newer store was handed out";
    } catch (const StoreError &e) {
        EXPECT_EQ(e.code, ExitCode::data);
        EXPECT_NE(std::string(e.what()).find("newer than this vhh knows"), std::string::npos) << e.what();
    }
    EXPECT_EQ(pool.open(), 1u);  // the refused one does not count
}

TEST_F(PooledStore, IsBoundedAndAWaitingUserGetsTheNextConnectionGivenBack) {
    StorePool pool(url(), 2);
    auto a = std::make_unique<StorePool::Lease>(pool.acquire());
    auto b = pool.acquire();
    Store *given_back = &**a;
    auto third = std::async(std::launch::async, [&] { return &*pool.acquire(); });
    EXPECT_EQ(third.wait_for(std::chrono::milliseconds(300)), std::future_status::timeout);
    EXPECT_EQ(pool.open(), 2u);
    a.reset();
    ASSERT_EQ(third.wait_for(std::chrono::seconds(30)), std::future_status::ready);
    EXPECT_EQ(third.get(), given_back);
    EXPECT_EQ(pool.open(), 2u);
}

TEST_F(PooledStore, AConnectionLeftInATransactionIsClosedNotReused) {
    StorePool pool(url(), 2);
    Store *left_open = nullptr;
    {
        auto lease = pool.acquire();
        left_open = &*lease;
        lease->begin_write();  // and never ended: the lease ends inside the transaction
        write(*lease, "never committed");
    }
    EXPECT_EQ(pool.open(), 0u);
    EXPECT_EQ(pool.idle(), 0u);
    // Closed, so its write lock is gone: another connection writes at once.
    Store other(url(), true);
    Transaction tx(other, true);
    write(other, "written");
    tx.commit();
    EXPECT_EQ(seen_elsewhere(), std::vector<std::string>{"written"});
    (void)left_open;
}

TEST_F(PooledStore, AConnectionInATransactionBehindTheStoresBackIsClosedToo) {
    if (on_postgresql()) GTEST_SKIP() << "SQLite's autocommit state; PostgreSQL's is Poco's session flag";
    StorePool pool(url(), 1);
    {
        auto lease = pool.acquire();
        lease->guarded([&] { lease->session() << "BEGIN IMMEDIATE", Poco::Data::Keywords::now; });
        EXPECT_FALSE(lease->clean());
    }
    EXPECT_EQ(pool.open(), 0u);
    Store other(url(), true);
    Transaction tx(other, true);
    write(other, "written");
    tx.commit();
}

TEST_F(PooledStore, ABrokenConnectionIsClosedAndANewOneOpened) {
    StorePool pool(url(), 1);
    {
        auto lease = pool.acquire();
        EXPECT_THROW(lease->count("no_such_table"), StoreError);
        EXPECT_TRUE(lease->broken());
    }
    EXPECT_EQ(pool.open(), 0u);
    auto lease = pool.acquire();
    EXPECT_FALSE(lease->broken());
    EXPECT_EQ(lease->count("bijlagen"), 0);
}

TEST_F(PooledStore, AConnectionThePostgreSQLServerEndedIsClosedAndANewOneOpened) {
    if (!on_postgresql()) GTEST_SKIP() << "a server-side connection";
    StorePool pool(url(), 1);
    {
        auto lease = pool.acquire();
        std::string pid;
        lease->guarded([&] {
            lease->session() << "SELECT CAST(pg_backend_pid() AS TEXT)", Poco::Data::Keywords::into(pid),
                Poco::Data::Keywords::now;
        });
        ASSERT_EQ(std::system(("psql -q -d " + database_ + " -c 'SELECT pg_terminate_backend(" + pid + ")' >/dev/null").c_str()), 0);
        EXPECT_THROW(
            {
                Transaction tx(*lease, false);
                lease->count("bijlagen");
            },
            StoreError);
        EXPECT_TRUE(lease->broken());
    }
    EXPECT_EQ(pool.open(), 0u);
    auto lease = pool.acquire();
    Transaction tx(*lease, false);
    EXPECT_EQ(lease->count("bijlagen"), 0);
}

}  // namespace
}  // namespace vhh::host::store
