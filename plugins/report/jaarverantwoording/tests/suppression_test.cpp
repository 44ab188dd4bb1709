// Property tests of the cell suppression: seeded random tables; no hidden cell can be recovered
// from the published cells and totals. Two independent checks: a structural one (every row and
// column with hidden cells has at least two of them, counting its total) and an exact one for
// small tables (a search, independent of the network algorithm, for another feasible value of
// each hidden cell given every published figure).
#include "suppression.h"

#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <string>
#include <vector>

namespace {

using Counts = std::vector<std::vector<std::int64_t>>;
using vhh::jaarverantwoording::CellStatus;
using vhh::jaarverantwoording::protected_cells;
using vhh::jaarverantwoording::Suppression;
using vhh::jaarverantwoording::suppress;
using vhh::jaarverantwoording::TableStatus;

bool hidden(CellStatus s) { return s != CellStatus::published; }

/// All cells of the linked tables with their values and statuses, and the equations between them
/// (each a list of (cell, coefficient) that sums to zero): the tables exactly as published.
struct Published {
    std::vector<std::int64_t> value;
    std::vector<CellStatus> status;
    std::vector<std::vector<std::pair<int, int>>> equations;
    std::vector<std::string> names;
};

Published publish(const Counts &a, const Counts *b, const Suppression &s) {
    Published p;
    auto add = [&](std::int64_t v, CellStatus st, std::string name) {
        p.value.push_back(v);
        p.status.push_back(st);
        p.names.push_back(std::move(name));
        return static_cast<int>(p.value.size() - 1);
    };
    const std::size_t c = a.empty() ? 0 : a[0].size();
    std::vector<std::int64_t> col(c, 0);
    std::int64_t total = 0;
    for (const auto &row : a)
        for (std::size_t j = 0; j < c; ++j) col[j] += row[j], total += row[j];
    std::vector<int> col_id, a_row_id, b_row_id;
    for (std::size_t j = 0; j < c; ++j) col_id.push_back(add(col[j], s.a.column_totals[j], "col" + std::to_string(j)));
    const int grand = add(total, s.a.total, "grand");
    auto table = [&](const Counts &t, const TableStatus &st, const std::string &tag, std::vector<int> &row_ids) {
        std::vector<std::vector<int>> ids(t.size());
        for (std::size_t i = 0; i < t.size(); ++i) {
            std::int64_t rt = 0;
            std::vector<std::pair<int, int>> eq;
            for (std::size_t j = 0; j < c; ++j) {
                ids[i].push_back(add(t[i][j], st.cells[i][j], tag + std::to_string(i) + "," + std::to_string(j)));
                eq.push_back({ids[i][j], 1});
                rt += t[i][j];
            }
            row_ids.push_back(add(rt, st.row_totals[i], tag + "row" + std::to_string(i)));
            eq.push_back({row_ids.back(), -1});
            p.equations.push_back(eq);
        }
        for (std::size_t j = 0; j < c; ++j) {
            std::vector<std::pair<int, int>> eq;
            for (std::size_t i = 0; i < t.size(); ++i) eq.push_back({ids[i][j], 1});
            eq.push_back({col_id[j], -1});
            p.equations.push_back(eq);
        }
        std::vector<std::pair<int, int>> eq;
        for (int r : row_ids) eq.push_back({r, 1});
        eq.push_back({grand, -1});
        p.equations.push_back(eq);
    };
    table(a, s.a, "A", a_row_id);
    if (b) table(*b, s.b, "B", b_row_id);
    std::vector<std::pair<int, int>> eq;
    for (int id : col_id) eq.push_back({id, 1});
    eq.push_back({grand, -1});
    p.equations.push_back(eq);
    return p;
}

/// Structural check: no equation (a row or column with its total) has exactly one hidden cell.
bool no_line_with_one_hidden(const Published &p) {
    for (const auto &eq : p.equations) {
        int n = 0;
        for (auto [cell, coef] : eq) n += hidden(p.status[cell]) ? 1 : 0;
        if (n == 1) return false;
    }
    return true;
}

/// Exact check, independent of the network algorithm: searches for an integer assignment of the
/// hidden cells that satisfies every equation with all published cells fixed, keeps each hidden
/// cell within the bounds a reader knows, and gives `target` another value. The search keeps
/// every hidden cell within ±1 of its true value: that is complete here, because the equations
/// form a totally unimodular system, so when another value is feasible at all a change of one
/// unit along a cycle is (and finding one proves the cell is not pinned in any case).
bool has_other_value(const Published &p, int target, std::int64_t minimum, bool strict) {
    std::vector<int> vars;
    std::vector<int> var_of(p.value.size(), -1);
    for (std::size_t i = 0; i < p.value.size(); ++i)
        if (hidden(p.status[i])) var_of[i] = static_cast<int>(vars.size()), vars.push_back(static_cast<int>(i));
    std::vector<std::int64_t> lo(vars.size()), hi(vars.size());
    for (std::size_t k = 0; k < vars.size(); ++k) {
        const std::int64_t v = p.value[vars[k]];
        std::int64_t blo = 0, bhi = INT64_MAX / 4;
        if (strict) {
            if (p.status[vars[k]] == CellStatus::primary) blo = 1, bhi = minimum - 1;
            else blo = minimum;
        }
        lo[k] = std::max(blo, v - 1);
        hi[k] = std::min(bhi, v + 1);
    }
    const int t = var_of[target];
    std::vector<std::int64_t> assign(vars.size());
    std::vector<bool> assigned(vars.size(), false);
    // Interval propagation on every equation: the sum must be able to reach zero.
    auto feasible = [&]() {
        for (const auto &eq : p.equations) {
            std::int64_t mn = 0, mx = 0;
            for (auto [cell, coef] : eq) {
                const int k = var_of[cell];
                std::int64_t a, b;
                if (k < 0) a = b = p.value[cell];
                else if (assigned[k]) a = b = assign[k];
                else if (k == t) a = lo[k], b = hi[k];
                else a = lo[k], b = hi[k];
                if (coef > 0) mn += a, mx += b;
                else mn -= b, mx -= a;
            }
            if (mn > 0 || mx < 0) return false;
        }
        return true;
    };
    std::function<bool(std::size_t)> search = [&](std::size_t k) -> bool {
        if (!feasible()) return false;
        if (k == vars.size()) return true;
        for (std::int64_t v = lo[k]; v <= hi[k]; ++v) {
            if (static_cast<int>(k) == t && v == p.value[target]) continue;
            assign[k] = v;
            assigned[k] = true;
            if (search(k + 1)) return true;
            assigned[k] = false;
        }
        return false;
    };
    return search(0);
}

/// Random counts: many zeros and small numbers, as case counts per thema and gemeente are.
Counts random_counts(std::mt19937 &rng, int rows, int columns, int small_percent) {
    Counts t(rows, std::vector<std::int64_t>(columns, 0));
    for (auto &row : t)
        for (auto &v : row) {
            int kind = std::uniform_int_distribution<int>(0, 99)(rng);
            if (kind < 20) v = 0;
            else if (kind < 20 + small_percent) v = std::uniform_int_distribution<int>(1, 4)(rng);
            else v = std::uniform_int_distribution<int>(5, 40)(rng);
        }
    return t;
}

/// A table B with the same column sums as A: each column's total split at random over `rows` rows.
Counts linked(std::mt19937 &rng, const Counts &a, int rows) {
    const std::size_t c = a[0].size();
    Counts b(rows, std::vector<std::int64_t>(c, 0));
    for (std::size_t j = 0; j < c; ++j) {
        std::int64_t total = 0;
        for (const auto &row : a) total += row[j];
        for (std::int64_t unit = 0; unit < total; ++unit) {
            // Skewed: the first levels get most cases, the last few, so small cells appear.
            int r = std::min(rows - 1, static_cast<int>(std::geometric_distribution<int>(0.45)(rng)));
            b[r][j] += 1;
        }
    }
    return b;
}

void expect_primary_exactly_small(const Counts &t, const TableStatus &s, std::int64_t minimum) {
    for (std::size_t i = 0; i < t.size(); ++i)
        for (std::size_t j = 0; j < t[i].size(); ++j) {
            const std::int64_t v = t[i][j];
            ASSERT_EQ(s.cells[i][j] == CellStatus::primary, v > 0 && v < minimum) << i << "," << j;
            if (v == 0) {
                ASSERT_EQ(s.cells[i][j], CellStatus::published) << "a zero is never hidden";
            }
        }
}

void check_all(const Counts &a, const Counts *b, std::int64_t minimum, bool exact, int &strict_count) {
    const Suppression s = suppress(a, b, minimum);
    expect_primary_exactly_small(a, s.a, minimum);
    if (b) expect_primary_exactly_small(*b, s.b, minimum);
    const Published p = publish(a, b, s);
    ASSERT_TRUE(no_line_with_one_hidden(p));
    ASSERT_TRUE(protected_cells(a, b, s, minimum, false));
    if (s.strict) {
        ++strict_count;
        ASSERT_TRUE(protected_cells(a, b, s, minimum, true));
    }
    if (!exact) return;
    for (std::size_t i = 0; i < p.value.size(); ++i) {
        if (!hidden(p.status[i])) continue;
        ASSERT_TRUE(has_other_value(p, static_cast<int>(i), minimum, false)) << "cell " << p.names[i] << " pinned";
        if (s.strict) {
            ASSERT_TRUE(has_other_value(p, static_cast<int>(i), minimum, true))
                << "cell " << p.names[i] << " pinned under strict bounds";
        }
    }
}

TEST(Suppression, NothingSmallNothingHidden) {
    Counts a = {{10, 20}, {30, 0}};
    Suppression s = suppress(a, nullptr, 5);
    for (const auto &row : s.a.cells)
        for (auto st : row) EXPECT_EQ(st, CellStatus::published);
    EXPECT_EQ(s.a.total, CellStatus::published);
    EXPECT_TRUE(s.strict);
}

TEST(Suppression, SingleSmallCellGetsPartners) {
    Counts a = {{3, 20, 15}, {12, 30, 9}};
    Suppression s = suppress(a, nullptr, 5);
    EXPECT_EQ(s.a.cells[0][0], CellStatus::primary);
    int hidden_row0 = 0, hidden_col0 = 0;
    for (int j = 0; j < 3; ++j) hidden_row0 += hidden(s.a.cells[0][j]);
    for (int i = 0; i < 2; ++i) hidden_col0 += hidden(s.a.cells[i][0]);
    EXPECT_GE(hidden_row0, 2);
    EXPECT_GE(hidden_col0, 2);
    // Inner cells are used before totals.
    EXPECT_EQ(s.a.total, CellStatus::published);
    for (auto st : s.a.row_totals) EXPECT_EQ(st, CellStatus::published);
    for (auto st : s.a.column_totals) EXPECT_EQ(st, CellStatus::published);
    int strict = 0;
    check_all(a, nullptr, 5, true, strict);
}

TEST(Suppression, SmallTotalIsHiddenToo) {
    // Row 0 has one case in total: its total is primary as well, so the grand total's row/column
    // must protect it.
    Counts a = {{1, 0}, {20, 30}};
    Suppression s = suppress(a, nullptr, 5);
    EXPECT_EQ(s.a.cells[0][0], CellStatus::primary);
    EXPECT_EQ(s.a.row_totals[0], CellStatus::primary);
    EXPECT_EQ(s.a.cells[0][1], CellStatus::published);  // a zero stays
    int strict = 0;
    check_all(a, nullptr, 5, true, strict);
}

TEST(Suppression, ZerosDoNotCountAsHiding) {
    // The only other cells in row 0 and column 0 are zeros: the partner must come elsewhere.
    Counts a = {{2, 0, 0}, {0, 8, 9}, {0, 7, 11}};
    Suppression s = suppress(a, nullptr, 5);
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 3; ++j)
            if (a[i][j] == 0) {
                EXPECT_EQ(s.a.cells[i][j], CellStatus::published);
            }
    int strict = 0;
    check_all(a, nullptr, 5, true, strict);
}

TEST(Suppression, RejectsBadInput) {
    Counts neg = {{1, -1}};
    EXPECT_THROW(suppress(neg, nullptr, 5), std::invalid_argument);
    Counts a = {{1, 2}}, b = {{2, 2}};
    EXPECT_THROW(suppress(a, &b, 5), std::invalid_argument);
    Counts ragged = {{1, 2}, {3}};
    EXPECT_THROW(suppress(ragged, nullptr, 5), std::invalid_argument);
    EXPECT_THROW(suppress(a, nullptr, 0), std::invalid_argument);
}

TEST(Suppression, EmptyAndAllZero) {
    Counts zeros = {{0, 0}, {0, 0}};
    Suppression s = suppress(zeros, nullptr, 5);
    EXPECT_EQ(s.a.total, CellStatus::published);
    Counts none;
    EXPECT_NO_THROW(suppress(none, nullptr, 5));
}

TEST(Suppression, MinimumTwoCannotBeStrict) {
    // "<2" means exactly 1: a reader who knows the rule learns the value; weak protection holds.
    Counts a = {{1, 10}, {10, 10}};
    Suppression s = suppress(a, nullptr, 2);
    EXPECT_FALSE(s.strict);
    EXPECT_TRUE(protected_cells(a, nullptr, s, 2, false));
}

// The checks themselves must catch a disclosure: primary suppression alone leaves the small cell
// recomputable from its row total, and a rectangle of hidden cells protects it.
TEST(SuppressionChecks, DetectPinnedCells) {
    const Counts a = {{3, 20}, {12, 30}};
    Suppression only_primary;
    only_primary.a.cells = {{CellStatus::primary, CellStatus::published}, {CellStatus::published, CellStatus::published}};
    only_primary.a.row_totals = {CellStatus::published, CellStatus::published};
    only_primary.a.column_totals = {CellStatus::published, CellStatus::published};
    Published p = publish(a, nullptr, only_primary);
    EXPECT_FALSE(no_line_with_one_hidden(p));
    EXPECT_FALSE(protected_cells(a, nullptr, only_primary, 5, false));
    int cell = -1;
    for (std::size_t i = 0; i < p.names.size(); ++i)
        if (p.names[i] == "A0,0") cell = static_cast<int>(i);
    ASSERT_GE(cell, 0);
    EXPECT_FALSE(has_other_value(p, cell, 5, false));

    Suppression rectangle = only_primary;
    rectangle.a.cells = {{CellStatus::primary, CellStatus::secondary}, {CellStatus::secondary, CellStatus::secondary}};
    p = publish(a, nullptr, rectangle);
    EXPECT_TRUE(no_line_with_one_hidden(p));
    EXPECT_TRUE(protected_cells(a, nullptr, rectangle, 5, false));
    EXPECT_TRUE(has_other_value(p, cell, 5, false));

    // A bridge between two protected rectangles is recomputable although every row and column
    // has two hidden cells: the structural check alone is not enough, the exact one catches it.
    const Counts c = {{7, 8, 0, 0}, {9, 6, 5, 0}, {0, 0, 6, 7}, {0, 0, 8, 9}};
    Suppression bridge;
    auto H = CellStatus::secondary, P = CellStatus::published;
    bridge.a.cells = {{H, H, P, P}, {H, H, H, P}, {P, P, H, H}, {P, P, H, H}};
    bridge.a.row_totals = {P, P, P, P};
    bridge.a.column_totals = {P, P, P, P};
    p = publish(c, nullptr, bridge);
    EXPECT_FALSE(protected_cells(c, nullptr, bridge, 5, false));
    int b = -1;
    for (std::size_t i = 0; i < p.names.size(); ++i)
        if (p.names[i] == "A1,2") b = static_cast<int>(i);
    EXPECT_FALSE(has_other_value(p, b, 5, false));
}

TEST(SuppressionProperty, SmallTablesExactCheck) {
    std::mt19937 rng(20240601);
    int strict = 0, cases = 0;
    for (int round = 0; round < 400; ++round) {
        const int rows = std::uniform_int_distribution<int>(1, 3)(rng);
        const int cols = std::uniform_int_distribution<int>(1, 4)(rng);
        const Counts a = random_counts(rng, rows, cols, 40);
        SCOPED_TRACE("round " + std::to_string(round));
        check_all(a, nullptr, 5, true, strict);
        ++cases;
        if (HasFatalFailure()) return;
    }
    // Strict protection (a reader knows "<5" is 1..4 and "x" is at least 5) is reached nearly always.
    EXPECT_GE(strict * 100, cases * 90) << strict << " of " << cases;
}

TEST(SuppressionProperty, LinkedSmallTablesExactCheck) {
    std::mt19937 rng(77);
    int strict = 0, cases = 0;
    for (int round = 0; round < 250; ++round) {
        const int rows = std::uniform_int_distribution<int>(1, 3)(rng);
        const int cols = std::uniform_int_distribution<int>(1, 3)(rng);
        const Counts a = random_counts(rng, rows, cols, 40);
        const Counts b = linked(rng, a, std::uniform_int_distribution<int>(2, 4)(rng));
        SCOPED_TRACE("round " + std::to_string(round));
        check_all(a, &b, 5, true, strict);
        ++cases;
        if (HasFatalFailure()) return;
    }
    EXPECT_GE(strict * 100, cases * 90) << strict << " of " << cases;
}

TEST(SuppressionProperty, LargerTablesStructuralAndNetworkCheck) {
    std::mt19937 rng(1234);
    int strict = 0;
    for (int round = 0; round < 60; ++round) {
        const int rows = std::uniform_int_distribution<int>(4, 8)(rng);
        const int cols = std::uniform_int_distribution<int>(5, 14)(rng);
        const Counts a = random_counts(rng, rows, cols, 30);
        const Counts b = linked(rng, a, 4);
        SCOPED_TRACE("round " + std::to_string(round));
        check_all(a, round % 2 ? &b : nullptr, 5, false, strict);
        if (HasFatalFailure()) return;
    }
}

TEST(SuppressionProperty, OtherMinimums) {
    std::mt19937 rng(99);
    int strict = 0;
    for (int round = 0; round < 150; ++round) {
        const std::int64_t minimum = std::uniform_int_distribution<int>(2, 10)(rng);
        const Counts a = random_counts(rng, std::uniform_int_distribution<int>(1, 3)(rng),
                                       std::uniform_int_distribution<int>(1, 3)(rng), 50);
        SCOPED_TRACE("round " + std::to_string(round) + " minimum " + std::to_string(minimum));
        check_all(a, nullptr, minimum, true, strict);
        if (HasFatalFailure()) return;
    }
}

TEST(SuppressionProperty, Deterministic) {
    std::mt19937 rng(5);
    const Counts a = random_counts(rng, 6, 13, 35);
    const Counts b = linked(rng, a, 4);
    const Suppression s1 = suppress(a, &b, 5);
    const Suppression s2 = suppress(a, &b, 5);
    EXPECT_EQ(s1.a.cells, s2.a.cells);
    EXPECT_EQ(s1.b.cells, s2.b.cells);
    EXPECT_EQ(s1.a.column_totals, s2.a.column_totals);
}

}  // namespace
