// Checks of a described document against what its renderers need; see document_check.h.
#include "render/document_check.h"

#include <cctype>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "render/formula_expression.h"

namespace vhh::host {

namespace {

using doc::Block;
using doc::Section;
using doc::Table;

/// A text cut short for messages.
std::string shown(const std::string &text) { return text.size() > 60 ? text.substr(0, 60) + "…" : text; }

/// True when `name` is a cell name of the formula grammar: [A-Za-z_][A-Za-z0-9_.]*, not ending in '.'.
bool is_cell_name(const std::string &name) {
    if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.')) return false;
    return name.back() != '.';
}

void visit_blocks(const std::vector<Block> &blocks, const std::function<void(const Block &)> &visit) {
    for (const auto &b : blocks) visit(b);
}

/// Visits the blocks of `sections` depth first; reports sections deeper than kMaxSectionDepth
/// (and does not descend further).
void visit_sections(const std::vector<Section> &sections, std::size_t depth,
                    const std::function<void(const Block &)> &visit, std::vector<std::string> *problems) {
    for (const auto &s : sections) {
        if (depth > kMaxSectionDepth) {
            if (problems)
                problems->push_back("section '" + shown(s.title) + "' is nested " + std::to_string(depth) +
                                    " levels deep (at most " + std::to_string(kMaxSectionDepth) + ")");
            continue;
        }
        visit_blocks(s.blocks, visit);
        visit_sections(s.sections, depth + 1, visit, problems);
    }
}

void visit_document(const doc::Document &d, const std::function<void(const Block &)> &visit,
                    std::vector<std::string> *problems) {
    visit_sections(d.sections, 1, visit, problems);
    if (d.letter) visit_blocks(d.letter->body, visit);
}

/// Where a cell is, for messages: "table 'T', row 3, column 'bijdrage'" (rows counted from 1).
std::string cell_place(const Table &t, std::size_t row, std::size_t column) {
    return "table '" + shown(t.id) + "', row " + std::to_string(row + 1) + ", column '" +
           (column < t.columns.size() ? shown(t.columns[column].key) : std::to_string(column + 1)) + "'";
}

/// One node of the reference graph: a cell with a formula or a named cell, or a table's column
/// (which stands for its body cells in kolom(KEY)).
struct Node {
    std::vector<std::size_t> edges;  ///< what this node's value depends on
    std::string place;               ///< for messages (formula cells only)
};

/// The checks that need every table at once: names, formulas and the cycles among them.
class FormulaChecker {
public:
    explicit FormulaChecker(std::vector<std::string> &problems) : problems_(problems) {}

    void add_table(const Table &t) {
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            for (std::size_t c = 0; c < t.rows[r].cells.size(); ++c) {
                const doc::Cell &cell = t.rows[r].cells[c];
                if (cell.name.empty()) continue;
                if (!is_cell_name(cell.name)) {
                    problems_.push_back(cell_place(t, r, c) + ": '" + shown(cell.name) +
                                        "' is not a cell name (letters, digits, '_' and '.', starting with a "
                                        "letter or '_')");
                    continue;
                }
                auto [it, fresh] = named_.emplace(cell.name, node_of(t, r, c));
                if (!fresh) problems_.push_back(cell_place(t, r, c) + ": the name '" + shown(cell.name) +
                                                "' is used twice in the document (first at " + places_[it->second] + ")");
            }
        tables_.push_back(&t);
    }

    /// Parses every formula, resolves its names and columns and reports cycles.
    void check() {
        for (const Table *t : tables_) {
            std::map<std::string, std::size_t> keys;
            for (std::size_t c = 0; c < t->columns.size(); ++c) keys.emplace(t->columns[c].key, c);
            for (std::size_t r = 0; r < t->rows.size(); ++r)
                for (std::size_t c = 0; c < t->rows[r].cells.size(); ++c)
                    if (!t->rows[r].cells[c].formula.empty()) check_formula(*t, keys, r, c);
        }
        report_cycles();
    }

private:
    std::size_t node_of(const Table &t, std::size_t row, std::size_t column) {
        auto [it, fresh] = cell_nodes_.emplace(std::make_tuple(&t, row, column), nodes_.size());
        if (fresh) {
            nodes_.emplace_back();
            places_.push_back(cell_place(t, row, column));
        }
        return it->second;
    }

    std::size_t column_node(const Table &t, std::size_t column) {
        auto [it, fresh] = column_nodes_.emplace(std::make_pair(&t, column), nodes_.size());
        if (!fresh) return it->second;
        nodes_.emplace_back();
        places_.push_back("");
        const std::size_t id = nodes_.size() - 1;
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            if (t.rows[r].role == doc::RowRole::body && column < t.rows[r].cells.size()) {
                const std::size_t cell = node_of(t, r, column);
                nodes_[id].edges.push_back(cell);
            }
        return id;
    }

    void check_formula(const Table &t, const std::map<std::string, std::size_t> &keys, std::size_t r, std::size_t c) {
        const std::string where = cell_place(t, r, c);
        FormulaExpression::Error error;
        const auto parsed = FormulaExpression::parse(t.rows[r].cells[c].formula, error);
        if (!parsed) {
            problems_.push_back(where + ": formula '" + shown(t.rows[r].cells[c].formula) + "' " + error.located());
            return;
        }
        const std::size_t self = node_of(t, r, c);
        for (const auto &name : parsed->names()) {
            auto it = named_.find(name);
            if (it == named_.end()) {
                problems_.push_back(where + ": the formula names '" + shown(name) + "', which no cell of the document has");
                continue;
            }
            nodes_[self].edges.push_back(it->second);
        }
        for (const auto &key : parsed->columns()) {
            auto it = keys.find(key);
            if (it == keys.end()) {
                problems_.push_back(where + ": kolom(" + shown(key) + ") names a column table '" + shown(t.id) +
                                    "' does not have");
                continue;
            }
            const std::size_t column = column_node(t, it->second);
            nodes_[self].edges.push_back(column);
        }
    }

    /// Reports each formula cell on a cycle once (iterative depth-first search: no recursion).
    void report_cycles() {
        enum : char { unvisited, active, done };
        std::vector<char> state(nodes_.size(), unvisited);
        std::size_t reported = 0;
        for (std::size_t start = 0; start < nodes_.size(); ++start) {
            if (state[start] != unvisited) continue;
            std::vector<std::pair<std::size_t, std::size_t>> stack{{start, 0}};
            state[start] = active;
            while (!stack.empty()) {
                auto &[node, next] = stack.back();
                if (next == nodes_[node].edges.size()) {
                    state[node] = done;
                    stack.pop_back();
                    continue;
                }
                const std::size_t to = nodes_[node].edges[next++];
                if (state[to] == unvisited) {
                    state[to] = active;
                    stack.emplace_back(to, 0);
                } else if (state[to] == active && reported++ < 10) {
                    problems_.push_back(places_[node].empty() ? places_[to] + ": the formula refers to its own column"
                                                              : places_[node] +
                                                                    ": the formula refers to itself through " +
                                                                    (places_[to].empty() ? "its column" : places_[to]));
                }
            }
        }
    }

    std::vector<std::string> &problems_;
    std::vector<const Table *> tables_;
    std::vector<Node> nodes_;
    std::vector<std::string> places_;
    std::map<std::string, std::size_t> named_;
    std::map<std::tuple<const Table *, std::size_t, std::size_t>, std::size_t> cell_nodes_;
    std::map<std::pair<const Table *, std::size_t>, std::size_t> column_nodes_;
};

void table_problems(const Table &t, std::set<std::string> &ids, std::vector<std::string> &out) {
    const std::string what = "table '" + shown(t.id) + "'";
    if (t.id.empty()) out.push_back("a table without an id (caption '" + shown(t.caption) + "')");
    else if (!ids.insert(t.id).second) out.push_back(what + ": the id is used by another table of the document");
    if (t.columns.empty()) out.push_back(what + " has no columns");
    std::set<std::string> keys;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        if (t.columns[c].key.empty()) out.push_back(what + ": column " + std::to_string(c + 1) + " has no key");
        else if (!keys.insert(t.columns[c].key).second)
            out.push_back(what + ": column key '" + shown(t.columns[c].key) + "' is used twice");
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        if (t.rows[r].cells.size() > t.columns.size())
            out.push_back(what + ", row " + std::to_string(r + 1) + " has " + std::to_string(t.rows[r].cells.size()) +
                          " cells, the table " + std::to_string(t.columns.size()) + " columns");
}

void chart_problems(const doc::Chart &chart, const std::map<std::string, const Table *> &tables,
                    std::vector<std::string> &out) {
    const std::string what = "chart '" + shown(chart.title) + "'";
    auto it = tables.find(chart.table_id);
    if (it == tables.end()) {
        out.push_back(what + " shows table '" + shown(chart.table_id) + "', which the document does not have");
        return;
    }
    const Table &t = *it->second;
    auto has = [&](const std::string &key) {
        for (const auto &c : t.columns)
            if (c.key == key) return true;
        return false;
    };
    if (!has(chart.category_column))
        out.push_back(what + ": table '" + shown(t.id) + "' has no column '" + shown(chart.category_column) +
                      "' (category_column)");
    if (chart.value_columns.empty()) out.push_back(what + " has no value columns");
    for (const auto &key : chart.value_columns)
        if (!has(key))
            out.push_back(what + ": table '" + shown(t.id) + "' has no column '" + shown(key) + "' (value_columns)");
}

}  // namespace

std::string document_stem_problem(const std::string &stem) {
    if (stem.empty()) return "a document without a name";
    const std::string quoted = "document name '" + shown(stem) + "'";
    if (stem.size() > kMaxDocumentStemChars)
        return quoted + " is " + std::to_string(stem.size()) + " characters long (at most " +
               std::to_string(kMaxDocumentStemChars) + ")";
    for (unsigned char c : stem)
        if (!(std::isalnum(c) || c == '.' || c == '_' || c == '-'))
            return quoted + " has characters other than letters, digits, '.', '_' and '-'";
    if (!std::isalnum(static_cast<unsigned char>(stem.front())) || !std::isalnum(static_cast<unsigned char>(stem.back())))
        return quoted + " does not start and end with a letter or digit";
    if (stem.find("..") != std::string::npos) return quoted + " has '..'";
    return "";
}

void for_each_table(const doc::Document &document, const std::function<void(const doc::Table &)> &visit) {
    visit_document(
        document,
        [&](const Block &b) {
            if (const auto *t = std::get_if<Table>(&b)) visit(*t);
        },
        nullptr);
}

std::vector<std::string> document_problems(const doc::Document &document) {
    std::vector<std::string> out;
    if (std::string p = document_stem_problem(document.name); !p.empty()) out.push_back(p);
    if (document.kind == doc::Document::Kind::letter && !document.letter)
        out.push_back("a letter document without its letter");
    std::set<std::string> ids;
    std::map<std::string, const Table *> tables;
    std::vector<const doc::Chart *> charts;
    FormulaChecker formulas(out);
    visit_document(
        document,
        [&](const Block &b) {
            if (const auto *t = std::get_if<Table>(&b)) {
                table_problems(*t, ids, out);
                tables.emplace(t->id, t);
                formulas.add_table(*t);
            } else if (const auto *c = std::get_if<doc::Chart>(&b)) {
                charts.push_back(c);
            }
        },
        &out);
    formulas.check();
    for (const auto *c : charts) chart_problems(*c, tables, out);
    return out;
}

}  // namespace vhh::host
