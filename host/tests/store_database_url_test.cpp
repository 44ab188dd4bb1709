#include <gtest/gtest.h>

#include "store/database_url.h"
#include "store/schema.h"

using namespace vhh::host::store;

TEST(DatabaseUrl, SqlitePathRelativeToTheConfig) {
    EXPECT_EQ(parse_database_url("sqlite:a.db", vhh::ExitCode::usage).path, "a.db");
    EXPECT_EQ(parse_database_url("sqlite:a.db", vhh::ExitCode::config, "/etc/vhh").path, "/etc/vhh/a.db");
    EXPECT_EQ(parse_database_url("sqlite:/var/a.db", vhh::ExitCode::config, "/etc/vhh").path, "/var/a.db");
}

TEST(DatabaseUrl, PostgresqlPartsAndNoPasswordInItsName) {
    DatabaseUrl u = parse_database_url("postgresql://vhh:p%40ss@db.example:5433/admin", vhh::ExitCode::usage);
    EXPECT_EQ(u.kind, DatabaseUrl::Kind::postgresql);
    EXPECT_EQ(u.user, "vhh");
    EXPECT_EQ(u.password, "p@ss");
    EXPECT_EQ(u.host, "db.example");
    EXPECT_EQ(u.port, 5433);
    EXPECT_EQ(u.database, "admin");
    EXPECT_EQ(u.display(), "postgresql://vhh@db.example:5433/admin");
    EXPECT_NE(u.connection_string().find("password='p@ss'"), std::string::npos);
    EXPECT_EQ(parse_database_url("postgresql://h/db", vhh::ExitCode::usage).port, 5432);
}

TEST(DatabaseUrl, RefusedWithTheCallersCode) {
    try {
        parse_database_url("mysql://h/db", vhh::ExitCode::config);
        FAIL();
    } catch (const StoreError &e) {
        EXPECT_EQ(e.code, vhh::ExitCode::config);
        EXPECT_NE(std::string(e.what()).find("unknown database URL scheme 'mysql'"), std::string::npos);
    }
    EXPECT_THROW(parse_database_url("postgresql://h:99999/db", vhh::ExitCode::usage), StoreError);
    EXPECT_THROW(parse_database_url("postgresql://h:5432", vhh::ExitCode::usage), StoreError);
    EXPECT_THROW(parse_database_url("sqlite:", vhh::ExitCode::usage), StoreError);
}

TEST(Schema, MigrationsNumberedFromOneWithoutGaps) {
    int expected = 1;
    for (const auto &m : migrations()) EXPECT_EQ(m.version, expected++);
    EXPECT_EQ(program_schema_version(), expected - 1);
}
