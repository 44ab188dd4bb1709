// report.jaarverantwoording — statistical disclosure control for published case counts.
//
// Counts of cases are sensitive (AVG). A public table hides every cell below a minimum (primary
// suppression, shown as "<5") and then hides more cells (secondary suppression, shown as "x") so
// that no hidden cell can be recomputed from what is published: the other cells, the row and
// column totals and the grand total.
//
// Model. The published tables are
//   A: rows (e.g. thema) × columns (gemeenten), with row totals, column totals and a grand total;
//   B (optional): other rows (e.g. AVE niveau) × the same columns; B shares A's column totals and
//     grand total (linked tables: a gemeente's total is one figure, whichever table shows it).
// Every equation of these tables ("a row adds up to its total", "a column adds up to its total")
// makes them one flow network: each cell is an edge whose flow is the count, and every node
// balances. Cells of A run from a row node to the column node, a column total runs from the
// column node on (through B's cells when B is present) to a sink, row totals and the grand total
// close the circulation. A hidden cell can take another value, with everything published kept
// fixed, exactly when it lies on a cycle of hidden cells along which a flow of one unit can be
// pushed within every hidden cell's bounds (a network matrix is totally unimodular, so one unit
// suffices and the test is exact). Zero cells are never hidden and never used to hide (a zero is
// not sensitive, and everyone knows that a zero is shown as 0).
//
// Bounds the reader can know about a hidden cell:
//   - "weak":   count ≥ 0;
//   - "strict": a "<m" cell is 1..m−1 and an "x" cell is ≥ m (nonzero counts below m are always
//               primary), which is what a reader who knows this rule can infer.
// The algorithm first reaches strict protection for every hidden cell it can (adding the cheapest
// cycle of secondary suppressions: least total of hidden counts, inner cells before totals), and
// guarantees weak protection for all: no hidden cell has a single feasible value given the
// published figures and non-negativity. `strict` in the result says whether strict protection
// held everywhere (it cannot, for example, when the minimum is 2: "<2" means exactly 1).
#pragma once

#include <cstdint>
#include <vector>

namespace vhh::jaarverantwoording {

/// How a cell of a published count table is shown.
enum class CellStatus {
    published,  ///< the count is shown
    primary,    ///< below the minimum: shown as "<m"
    secondary   ///< hidden so that primary cells cannot be recomputed: shown as "x"
};

/// Statuses of one table: inner cells, row totals, column totals and the grand total.
struct TableStatus {
    std::vector<std::vector<CellStatus>> cells;  ///< [row][column]
    std::vector<CellStatus> row_totals;          ///< [row]
    std::vector<CellStatus> column_totals;       ///< [column] (shared by A and B)
    CellStatus total = CellStatus::published;    ///< grand total (shared by A and B)
};

/// The outcome of suppress().
struct Suppression {
    TableStatus a;       ///< table A
    bool has_b = false;  ///< whether table B was given
    TableStatus b;       ///< table B (column_totals and total equal a's)
    bool strict = true;  ///< strict protection held for every hidden cell (see the file comment)
};

/// Suppresses cells of table A (and B, linked through the column totals) below `minimum` and
/// adds secondary suppressions as described above. Counts must be non-negative; B (when not
/// null) must have the same number of columns as A and the same column sums. Throws
/// std::invalid_argument otherwise, and std::logic_error if weak protection were not reached
/// (it always is: every nonzero cell lies on a cycle of nonzero cells).
Suppression suppress(const std::vector<std::vector<std::int64_t>> &a,
                     const std::vector<std::vector<std::int64_t>> *b, std::int64_t minimum);

/// For tests and checks: true when no hidden cell of the tables is pinned to a single value under
/// the given bounds (weak: ≥ 0; strict: "<m" cells 1..m−1 and "x" cells ≥ m).
bool protected_cells(const std::vector<std::vector<std::int64_t>> &a, const std::vector<std::vector<std::int64_t>> *b,
                     const Suppression &s, std::int64_t minimum, bool strict);

}  // namespace vhh::jaarverantwoording
