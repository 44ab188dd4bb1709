// Formula expressions of the document model (vhh/document.h, doc::Cell::formula): parsed and
// checked by the host, translated to Excel syntax by the xlsx renderer. The grammar:
//   expression := term (('+' | '-') term)*
//   term       := unary (('*' | '/') unary)*
//   unary      := '-' unary | primary
//   primary    := number | name | function '(' arguments ')' | '(' expression ')'
//   arguments  := argument (';' argument)*
//   argument   := expression | 'kolom' '(' KEY ')'     (kolom only inside SUM, MIN, MAX)
//   function   := SUM | ROUND | MIN | MAX              (ROUND takes exactly two arguments)
//   number     := digits ['.' digits]
//   name       := [A-Za-z_][A-Za-z0-9_.]*
// Spaces are allowed between tokens. Expressions are bounded (kMaxExpressionChars characters,
// kMaxExpressionDepth levels of nesting) so hostile input cannot exhaust the stack or memory.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vhh::host {

/// The longest expression accepted, in characters.
inline constexpr std::size_t kMaxExpressionChars = 4096;
/// The deepest nesting of parentheses, function calls and unary minus accepted (Excel nests at
/// most 64 functions).
inline constexpr std::size_t kMaxExpressionDepth = 64;

/// A parsed formula expression: a tree of nodes kept in one vector (no recursion on destruction).
class FormulaExpression {
public:
    /// What a node is.
    enum class Kind { number, name, column, negate, add, subtract, multiply, divide, group, call };

    /// One node of the tree; children are indices into nodes().
    struct Node {
        Kind kind = Kind::number;
        std::string text;              ///< the number as written, the name, the column key, the function
        std::vector<std::size_t> args; ///< operands or arguments
    };

    /// Why an expression was refused: the 1-based character where the problem is, and what it is.
    struct Error {
        std::size_t column = 0;
        std::string message;
        /// "at character N: MESSAGE".
        std::string located() const;
    };

    /// Parses `text`; on failure returns nothing and fills `error`.
    static std::optional<FormulaExpression> parse(const std::string &text, Error &error);

    /// The nodes; the root is the last one.
    const std::vector<Node> &nodes() const { return nodes_; }
    /// Every cell name the expression mentions, in order of appearance, without repeats.
    std::vector<std::string> names() const;
    /// Every column key of `kolom(KEY)` the expression mentions, in order, without repeats.
    std::vector<std::string> columns() const;

    /// The expression in Excel syntax (without the leading '='): names become what `cell` gives
    /// for them, `kolom(KEY)` what `column` gives (a range), arguments are separated by ','.
    std::string to_excel(const std::function<std::string(const std::string &)> &cell,
                         const std::function<std::string(const std::string &)> &column) const;

private:
    std::vector<Node> nodes_;
    friend class FormulaParser;
};

/// An Excel reference to one cell (0-based row and column), sheet-qualified ('Sheet name'!B5)
/// when `sheet` differs from `current_sheet`. Absolute ($B$5) so copies keep pointing at the cell.
std::string excel_cell_reference(const std::string &sheet, std::size_t row, std::size_t column,
                                 const std::string &current_sheet);
/// An Excel reference to rows `first_row`..`last_row` of one column, qualified as above.
std::string excel_range_reference(const std::string &sheet, std::size_t first_row, std::size_t last_row,
                                  std::size_t column, const std::string &current_sheet);

}  // namespace vhh::host
