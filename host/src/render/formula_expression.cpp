// Parser and Excel translation of the document model's formula expressions; see
// formula_expression.h for the grammar.
#include "render/formula_expression.h"

#include <algorithm>
#include <cctype>

#include "vhh/report.h"

namespace vhh::host {

std::string FormulaExpression::Error::located() const {
    return "at character " + std::to_string(column) + ": " + message;
}

/// A recursive-descent parser whose recursion is bounded by kMaxExpressionDepth.
class FormulaParser {
public:
    FormulaParser(const std::string &text, FormulaExpression &out) : text_(text), out_(out) {}

    bool run(FormulaExpression::Error &error) {
        if (text_.size() > kMaxExpressionChars)
            return fail(error, 1, "an expression of " + std::to_string(text_.size()) + " characters (at most " +
                                      std::to_string(kMaxExpressionChars) + ")");
        skip_spaces();
        if (at_end()) return fail(error, 1, "an empty expression");
        std::size_t root = 0;
        if (!expression(root)) return fail(error, error_at_ + 1, error_);
        skip_spaces();
        if (!at_end()) return fail(error, pos_ + 1, "unexpected '" + current_token() + "' after the expression");
        return true;
    }

private:
    using Kind = FormulaExpression::Kind;

    static bool fail(FormulaExpression::Error &error, std::size_t column, std::string message) {
        error.column = column;
        error.message = std::move(message);
        return false;
    }
    bool problem(std::size_t at, std::string message) {
        error_at_ = at;
        error_ = std::move(message);
        return false;
    }
    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }
    void skip_spaces() {
        while (!at_end() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    }
    static bool name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
    static bool name_char(char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
    }
    /// The token at the current position, for messages (a name or number whole, else one character).
    std::string current_token() const {
        if (at_end()) return "end of the expression";
        std::size_t end = pos_;
        while (end < text_.size() && name_char(text_[end]) && end - pos_ < 40) ++end;
        if (end == pos_) {
            const unsigned char c = static_cast<unsigned char>(text_[pos_]);
            if (c < 0x20 || c >= 0x7f) return "character " + std::to_string(c);
            return std::string(1, text_[pos_]);
        }
        return text_.substr(pos_, end - pos_);
    }
    std::size_t add(Kind kind, std::string text, std::vector<std::size_t> args) {
        out_.nodes_.push_back({kind, std::move(text), std::move(args)});
        return out_.nodes_.size() - 1;
    }
    bool enter() {
        if (++depth_ > kMaxExpressionDepth)
            return problem(pos_, "nested more than " + std::to_string(kMaxExpressionDepth) + " levels deep");
        return true;
    }

    bool expression(std::size_t &node) {
        if (!term(node)) return false;
        for (;;) {
            skip_spaces();
            const char op = peek();
            if (op != '+' && op != '-') return true;
            ++pos_;
            std::size_t right = 0;
            if (!term(right)) return false;
            node = add(op == '+' ? Kind::add : Kind::subtract, "", {node, right});
        }
    }

    bool term(std::size_t &node) {
        if (!unary(node)) return false;
        for (;;) {
            skip_spaces();
            const char op = peek();
            if (op != '*' && op != '/') return true;
            ++pos_;
            std::size_t right = 0;
            if (!unary(right)) return false;
            node = add(op == '*' ? Kind::multiply : Kind::divide, "", {node, right});
        }
    }

    bool unary(std::size_t &node) {
        skip_spaces();
        if (peek() != '-') return primary(node);
        if (!enter()) return false;
        ++pos_;
        std::size_t operand = 0;
        if (!unary(operand)) return false;
        --depth_;
        node = add(Kind::negate, "", {operand});
        return true;
    }

    bool number(std::size_t &node) {
        const std::size_t start = pos_;
        while (std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
        if (peek() == '.') {
            ++pos_;
            if (!std::isdigit(static_cast<unsigned char>(peek())))
                return problem(pos_, "expected digits after the decimal point");
            while (std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
        }
        if (name_start(peek())) return problem(pos_, "a number followed by '" + current_token() + "'");
        node = add(Kind::number, text_.substr(start, pos_ - start), {});
        return true;
    }

    bool primary(std::size_t &node) {
        skip_spaces();
        const char c = peek();
        if (std::isdigit(static_cast<unsigned char>(c))) return number(node);
        if (c == '(') {
            if (!enter()) return false;
            ++pos_;
            std::size_t inner = 0;
            if (!expression(inner)) return false;
            skip_spaces();
            if (peek() != ')') return problem(pos_, "expected ')' instead of '" + current_token() + "'");
            ++pos_;
            --depth_;
            node = add(Kind::group, "", {inner});
            return true;
        }
        if (!name_start(c)) return problem(pos_, "expected a number, a name or '(' instead of '" + current_token() + "'");
        const std::size_t start = pos_;
        while (name_char(peek())) ++pos_;
        std::string name = text_.substr(start, pos_ - start);
        if (name.back() == '.') return problem(pos_ - 1, "a name cannot end with '.'");
        const std::size_t after_name = pos_;
        skip_spaces();
        if (peek() != '(') {
            pos_ = after_name;
            node = add(Kind::name, std::move(name), {});
            return true;
        }
        return call(std::move(name), start, node);
    }

    bool call(std::string function, std::size_t start, std::size_t &node) {
        if (function == "kolom") return problem(start, "kolom(KEY) stands only as an argument of SUM, MIN or MAX");
        const bool ranges = function == "SUM" || function == "MIN" || function == "MAX";
        if (!ranges && function != "ROUND")
            return problem(start, "unknown function '" + function.substr(0, 40) + "' (known are SUM, ROUND, MIN, MAX)");
        if (!enter()) return false;
        ++pos_;  // '('
        std::vector<std::size_t> args;
        for (;;) {
            skip_spaces();
            std::size_t arg = 0;
            if (ranges && kolom_ahead()) {
                if (!kolom(arg)) return false;
            } else if (!expression(arg)) {
                return false;
            }
            args.push_back(arg);
            skip_spaces();
            if (peek() == ';') {
                ++pos_;
                continue;
            }
            if (peek() == ')') break;
            if (peek() == ',') return problem(pos_, "arguments are separated by ';', not ','");
            return problem(pos_, "expected ';' or ')' instead of '" + current_token() + "'");
        }
        ++pos_;  // ')'
        --depth_;
        if (function == "ROUND" && args.size() != 2)
            return problem(start, "ROUND takes two arguments (value; digits), not " + std::to_string(args.size()));
        node = add(Kind::call, std::move(function), std::move(args));
        return true;
    }

    /// True when `kolom(` starts at the current position.
    bool kolom_ahead() const {
        if (text_.compare(pos_, 5, "kolom") != 0) return false;
        std::size_t p = pos_ + 5;
        if (p < text_.size() && name_char(text_[p])) return false;  // a name such as kolommen
        while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t')) ++p;
        return p < text_.size() && text_[p] == '(';
    }

    bool kolom(std::size_t &node) {
        pos_ += 5;
        skip_spaces();
        ++pos_;  // '('
        skip_spaces();
        if (!name_start(peek())) return problem(pos_, "expected a column key in kolom(...) instead of '" + current_token() + "'");
        const std::size_t start = pos_;
        while (name_char(peek())) ++pos_;
        std::string key = text_.substr(start, pos_ - start);
        skip_spaces();
        if (peek() != ')') return problem(pos_, "expected ')' after the column key instead of '" + current_token() + "'");
        ++pos_;
        node = add(Kind::column, std::move(key), {});
        return true;
    }

    const std::string &text_;
    FormulaExpression &out_;
    std::size_t pos_ = 0;
    std::size_t depth_ = 0;
    std::size_t error_at_ = 0;
    std::string error_;
};

std::optional<FormulaExpression> FormulaExpression::parse(const std::string &text, Error &error) {
    FormulaExpression out;
    FormulaParser parser(text, out);
    if (!parser.run(error)) return std::nullopt;
    return out;
}

namespace {

std::vector<std::string> texts_of(const std::vector<FormulaExpression::Node> &nodes, FormulaExpression::Kind kind) {
    std::vector<std::string> out;
    for (const auto &n : nodes)
        if (n.kind == kind && std::find(out.begin(), out.end(), n.text) == out.end()) out.push_back(n.text);
    return out;
}

}  // namespace

std::vector<std::string> FormulaExpression::names() const { return texts_of(nodes_, Kind::name); }
std::vector<std::string> FormulaExpression::columns() const { return texts_of(nodes_, Kind::column); }

std::string FormulaExpression::to_excel(const std::function<std::string(const std::string &)> &cell,
                                        const std::function<std::string(const std::string &)> &column) const {
    // Children precede their parents in nodes_, so one pass in order builds every node's text.
    std::vector<std::string> text(nodes_.size());
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const Node &n = nodes_[i];
        auto arg = [&](std::size_t k) { return std::move(text[n.args[k]]); };
        switch (n.kind) {
            case Kind::number: text[i] = n.text; break;
            case Kind::name: text[i] = cell(n.text); break;
            case Kind::column: text[i] = column(n.text); break;
            case Kind::negate: text[i] = "-" + arg(0); break;
            case Kind::add: text[i] = arg(0) + "+" + arg(1); break;
            case Kind::subtract: text[i] = arg(0) + "-" + arg(1); break;
            case Kind::multiply: text[i] = arg(0) + "*" + arg(1); break;
            case Kind::divide: text[i] = arg(0) + "/" + arg(1); break;
            case Kind::group: text[i] = "(" + arg(0) + ")"; break;
            case Kind::call: {
                std::string s = n.text + "(";
                for (std::size_t k = 0; k < n.args.size(); ++k) s += (k ? "," : "") + arg(k);
                text[i] = s + ")";
                break;
            }
        }
    }
    return text.empty() ? std::string() : text.back();
}

namespace {

/// 'Sheet name'! when `sheet` is not `current`; apostrophes inside are doubled, as Excel writes them.
std::string sheet_prefix(const std::string &sheet, const std::string &current) {
    if (sheet == current) return "";
    std::string quoted = "'";
    for (char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    return quoted + "'!";
}

std::string absolute(std::size_t row, std::size_t column) {
    return "$" + Table::column_letters(column) + "$" + std::to_string(row + 1);
}

}  // namespace

std::string excel_cell_reference(const std::string &sheet, std::size_t row, std::size_t column,
                                 const std::string &current_sheet) {
    return sheet_prefix(sheet, current_sheet) + absolute(row, column);
}

std::string excel_range_reference(const std::string &sheet, std::size_t first_row, std::size_t last_row,
                                  std::size_t column, const std::string &current_sheet) {
    return sheet_prefix(sheet, current_sheet) + absolute(first_row, column) + ":" + absolute(last_row, column);
}

}  // namespace vhh::host
