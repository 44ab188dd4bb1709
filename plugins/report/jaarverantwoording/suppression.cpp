#include "suppression.h"

#include <limits>
#include <optional>
#include <queue>
#include <stdexcept>
#include <utility>

namespace vhh::jaarverantwoording {

namespace {

using Counts = std::vector<std::vector<std::int64_t>>;
constexpr std::int64_t kUnbounded = std::numeric_limits<std::int64_t>::max() / 4;

/// One cell of the tables as an edge of the flow network.
struct Edge {
    int from = 0;
    int to = 0;
    std::int64_t value = 0;
    CellStatus status = CellStatus::published;
    bool margin = false;  ///< a total (hidden only when no inner cells will do)
};

/// The network of the linked tables, with the edge index of every cell.
struct Network {
    int nodes = 0;
    std::vector<Edge> edges;
    std::vector<std::vector<int>> a_cell;
    std::vector<int> a_row;
    std::vector<int> column;
    std::vector<std::vector<int>> b_cell;
    std::vector<int> b_row;
    int grand = -1;
    std::int64_t total = 0;
};

std::vector<std::int64_t> column_sums(const Counts &t, std::size_t columns) {
    std::vector<std::int64_t> sums(columns, 0);
    for (const auto &row : t)
        for (std::size_t j = 0; j < columns; ++j) sums[j] += row[j];
    return sums;
}

void check_counts(const Counts &t, std::size_t columns, const char *name) {
    for (const auto &row : t) {
        if (row.size() != columns)
            throw std::invalid_argument(std::string("suppress: table ") + name + " has rows of different lengths");
        for (std::int64_t v : row)
            if (v < 0) throw std::invalid_argument(std::string("suppress: table ") + name + " has a negative count");
    }
}

/// Nodes: A's row nodes, column-in nodes, (with B) column-out nodes and B's row nodes, then the
/// sink Z and the source W. Edges: A cell r→cin, column total cin→cout (or →Z without B), B cell
/// cout→s, B row total s→Z, grand total Z→W, A row total W→r. Every node balances.
Network build(const Counts &a, const Counts *b) {
    const std::size_t columns = a.empty() ? (b && !b->empty() ? (*b)[0].size() : 0) : a[0].size();
    check_counts(a, columns, "A");
    if (b) check_counts(*b, columns, "B");
    const std::vector<std::int64_t> col = column_sums(a, columns);
    if (b && column_sums(*b, columns) != col)
        throw std::invalid_argument("suppress: tables A and B have different column totals");

    Network n;
    const int ra = static_cast<int>(a.size());
    const int c = static_cast<int>(columns);
    const int rb = b ? static_cast<int>(b->size()) : 0;
    const int cin = ra;
    const int cout = b ? ra + c : ra;
    const int s = b ? ra + 2 * c : ra + c;
    const int z = s + rb;
    const int w = z + 1;
    n.nodes = w + 1;
    auto add = [&](int from, int to, std::int64_t value, bool margin) {
        n.edges.push_back({from, to, value, CellStatus::published, margin});
        return static_cast<int>(n.edges.size() - 1);
    };
    std::int64_t total = 0;
    for (auto v : col) total += v;
    n.total = total;
    n.a_cell.assign(a.size(), std::vector<int>(columns, -1));
    for (int i = 0; i < ra; ++i) {
        std::int64_t row_total = 0;
        for (int j = 0; j < c; ++j) {
            n.a_cell[i][j] = add(i, cin + j, a[i][j], false);
            row_total += a[i][j];
        }
        n.a_row.push_back(add(w, i, row_total, true));
    }
    for (int j = 0; j < c; ++j) n.column.push_back(add(cin + j, b ? cout + j : z, col[j], true));
    if (b) {
        n.b_cell.assign(b->size(), std::vector<int>(columns, -1));
        for (int i = 0; i < rb; ++i) {
            std::int64_t row_total = 0;
            for (int j = 0; j < c; ++j) {
                n.b_cell[i][j] = add(cout + j, s + i, (*b)[i][j], false);
                row_total += (*b)[i][j];
            }
            n.b_row.push_back(add(s + i, z, row_total, true));
        }
    }
    n.grand = add(z, w, total, true);
    return n;
}

bool hidden(const Edge &e) { return e.status != CellStatus::published; }

/// What a reader can know about a hidden cell (or a published one about to be hidden: secondary).
std::pair<std::int64_t, std::int64_t> bounds(CellStatus status, std::int64_t minimum, bool strict) {
    if (!strict) return {0, kUnbounded};
    if (status == CellStatus::primary) return {1, minimum - 1};
    return {minimum, kUnbounded};
}

bool can_increase(const Edge &e, CellStatus as, std::int64_t minimum, bool strict) {
    return e.value + 1 <= bounds(as, minimum, strict).second;
}
bool can_decrease(const Edge &e, CellStatus as, std::int64_t minimum, bool strict) {
    return e.value - 1 >= bounds(as, minimum, strict).first;
}

/// Cheapest path from `from` to `to` in the residual network without edge `excluded`: hidden
/// cells can be used (cost 0) where one unit of flow fits their bounds; with `allow_new`,
/// published nonzero cells too, as future secondary suppressions (cost 1 + count, totals
/// much more). Returns the published cells on the path, or nothing when there is no path.
std::optional<std::pair<std::int64_t, std::vector<int>>> cheapest_path(const Network &n, int from, int to,
                                                                      int excluded, std::int64_t minimum,
                                                                      bool strict, bool allow_new) {
    const std::int64_t margin_penalty = n.total + 1;
    std::vector<std::int64_t> dist(n.nodes, kUnbounded);
    std::vector<int> via(n.nodes, -1);
    using Item = std::pair<std::int64_t, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
    dist[from] = 0;
    queue.push({0, from});
    while (!queue.empty()) {
        auto [d, x] = queue.top();
        queue.pop();
        if (d != dist[x]) continue;
        if (x == to) break;
        for (int i = 0; i < static_cast<int>(n.edges.size()); ++i) {
            if (i == excluded) continue;
            const Edge &e = n.edges[i];
            if (e.from != x && e.to != x) continue;
            const bool forward = e.from == x;
            const int next = forward ? e.to : e.from;
            std::int64_t cost = 0;
            if (hidden(e)) {
                if (!(forward ? can_increase(e, e.status, minimum, strict) : can_decrease(e, e.status, minimum, strict)))
                    continue;
            } else {
                if (!allow_new || e.value == 0) continue;
                if (!(forward ? can_increase(e, CellStatus::secondary, minimum, strict)
                              : can_decrease(e, CellStatus::secondary, minimum, strict)))
                    continue;
                cost = 1 + e.value + (e.margin ? margin_penalty : 0);
            }
            if (dist[x] + cost < dist[next]) {
                dist[next] = dist[x] + cost;
                via[next] = i;
                queue.push({dist[next], next});
            }
        }
    }
    if (dist[to] == kUnbounded) return std::nullopt;
    std::vector<int> fresh;
    for (int x = to; x != from;) {
        const Edge &e = n.edges[via[x]];
        if (!hidden(e)) fresh.push_back(via[x]);
        x = e.to == x ? e.from : e.to;
    }
    return std::make_pair(dist[to], fresh);
}

/// True when hidden edge `i` can take no other value (see the file comment).
bool pinned(const Network &n, int i, std::int64_t minimum, bool strict) {
    const Edge &e = n.edges[i];
    if (can_increase(e, e.status, minimum, strict) && cheapest_path(n, e.to, e.from, i, minimum, strict, false))
        return false;
    if (can_decrease(e, e.status, minimum, strict) && cheapest_path(n, e.from, e.to, i, minimum, strict, false))
        return false;
    return true;
}

bool all_protected(const Network &n, std::int64_t minimum, bool strict) {
    for (int i = 0; i < static_cast<int>(n.edges.size()); ++i)
        if (hidden(n.edges[i]) && pinned(n, i, minimum, strict)) return false;
    return true;
}

/// Adds secondary suppressions until no hidden cell is pinned under the bounds of `strict`.
/// Cells that cannot be protected under strict bounds are left (returns false); under weak
/// bounds every cell can be protected.
bool protect(Network &n, std::int64_t minimum, bool strict) {
    std::vector<bool> given_up(n.edges.size(), false);
    bool complete = true;
    for (;;) {
        int target = -1;
        for (int i = 0; i < static_cast<int>(n.edges.size()); ++i)
            if (hidden(n.edges[i]) && !given_up[i] && pinned(n, i, minimum, strict)) {
                target = i;
                break;
            }
        if (target < 0) return complete;
        const Edge &e = n.edges[target];
        std::optional<std::pair<std::int64_t, std::vector<int>>> best;
        if (can_increase(e, e.status, minimum, strict))
            best = cheapest_path(n, e.to, e.from, target, minimum, strict, true);
        if (can_decrease(e, e.status, minimum, strict)) {
            auto down = cheapest_path(n, e.from, e.to, target, minimum, strict, true);
            if (down && (!best || down->first < best->first)) best = down;
        }
        if (!best) {
            if (!strict) throw std::logic_error("suppress: a hidden cell cannot be protected");
            given_up[target] = true;
            complete = false;
            continue;
        }
        for (int i : best->second) n.edges[i].status = CellStatus::secondary;
    }
}

TableStatus statuses(const Network &n, const std::vector<std::vector<int>> &cells, const std::vector<int> &rows) {
    TableStatus t;
    for (const auto &row : cells) {
        std::vector<CellStatus> r;
        for (int i : row) r.push_back(n.edges[i].status);
        t.cells.push_back(std::move(r));
    }
    for (int i : rows) t.row_totals.push_back(n.edges[i].status);
    for (int i : n.column) t.column_totals.push_back(n.edges[i].status);
    t.total = n.edges[n.grand].status;
    return t;
}

void apply(Network &n, const std::vector<std::vector<int>> &cells, const std::vector<int> &rows, const TableStatus &t) {
    for (std::size_t i = 0; i < cells.size() && i < t.cells.size(); ++i)
        for (std::size_t j = 0; j < cells[i].size() && j < t.cells[i].size(); ++j) n.edges[cells[i][j]].status = t.cells[i][j];
    for (std::size_t i = 0; i < rows.size() && i < t.row_totals.size(); ++i) n.edges[rows[i]].status = t.row_totals[i];
    for (std::size_t j = 0; j < n.column.size() && j < t.column_totals.size(); ++j)
        n.edges[n.column[j]].status = t.column_totals[j];
    n.edges[n.grand].status = t.total;
}

}  // namespace

Suppression suppress(const Counts &a, const Counts *b, std::int64_t minimum) {
    if (minimum < 1) throw std::invalid_argument("suppress: the minimum must be at least 1");
    Network n = build(a, b);
    for (auto &e : n.edges)
        if (e.value > 0 && e.value < minimum) e.status = CellStatus::primary;
    const bool strict_everywhere = protect(n, minimum, true);
    protect(n, minimum, false);
    Suppression s;
    s.a = statuses(n, n.a_cell, n.a_row);
    s.has_b = b != nullptr;
    if (b) s.b = statuses(n, n.b_cell, n.b_row);
    s.strict = strict_everywhere || all_protected(n, minimum, true);
    if (!all_protected(n, minimum, false)) throw std::logic_error("suppress: weak protection not reached");
    return s;
}

bool protected_cells(const Counts &a, const Counts *b, const Suppression &s, std::int64_t minimum, bool strict) {
    Network n = build(a, b);
    apply(n, n.a_cell, n.a_row, s.a);
    if (b) apply(n, n.b_cell, n.b_row, s.b);
    return all_protected(n, minimum, strict);
}

}  // namespace vhh::jaarverantwoording
