// The store's schema: numbered migrations and the tables export, import and verify walk.
#pragma once

#include <string>
#include <vector>

namespace vhh::host::store {

/// One schema change, applied once in a transaction and recorded in schema_migrations.
struct Migration {
    int version;                          ///< 1, 2, …: applied in order
    std::string naam;                     ///< what it does
    std::vector<std::string> statements;  ///< SQL valid on SQLite and PostgreSQL
};

/// Every migration this program knows, in order; the last one's version is the program's schema.
const std::vector<Migration> &migrations();

/// The schema version this program writes and reads.
int program_schema_version();

/// A column of a table the administration holds.
struct ColumnDef {
    std::string name;
    bool integer = false;  ///< BIGINT/INTEGER (money in cents, years, numbers); otherwise TEXT
};

/// A table of the administration, as export/import and the snapshot hash see it.
struct TableDef {
    std::string name;
    std::vector<ColumnDef> columns;
    std::string order_by;  ///< the primary key: rows are always read in this order
    std::string parent;    ///< the column naming the row's vaststelling/wijziging, if any
};

/// The administration's tables in export order (schema_migrations is not among them: import
/// writes its own).
const std::vector<TableDef> &administration_tables();

/// The table called `name`, or nullptr.
const TableDef *find_table(const std::string &name);

/// "a, b, c": the column list of `t`.
std::string column_list(const TableDef &t);

}  // namespace vhh::host::store
