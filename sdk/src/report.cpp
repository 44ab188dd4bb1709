#include "vhh/report.h"

#include <stdexcept>

namespace vhh {

Cell Cell::text(std::string value) {
    Cell c;
    c.kind_ = Kind::text;
    c.text_ = std::move(value);
    return c;
}

Cell Cell::integer(std::int64_t value) {
    Cell c;
    c.kind_ = Kind::integer;
    c.integer_ = value;
    return c;
}

Cell Cell::money(Money value) {
    Cell c;
    c.kind_ = Kind::money;
    c.money_ = value;
    return c;
}

Cell Cell::percentage_ppm(std::int64_t ppm) {
    Cell c;
    c.kind_ = Kind::percentage;
    c.integer_ = ppm;
    return c;
}

Cell Cell::fraction(std::int64_t numerator, std::int64_t denominator) {
    if (denominator <= 0) throw std::invalid_argument("a fraction needs a positive denominator");
    Cell c;
    c.kind_ = Kind::fraction;
    c.integer_ = numerator;
    c.denominator_ = denominator;
    return c;
}

Cell Cell::formula(std::string formula, Cell value) {
    if (value.kind_ == Kind::formula) throw std::invalid_argument("a formula's value cannot be a formula");
    if (!formula.empty() && formula[0] == '=') formula.erase(0, 1);
    Cell c;
    c.kind_ = Kind::formula;
    c.text_ = std::move(formula);
    c.cached_ = std::make_unique<Cell>(std::move(value));
    return c;
}

Cell::Cell(const Cell &o)
    : bold(o.bold), kind_(o.kind_), text_(o.text_), integer_(o.integer_), denominator_(o.denominator_), money_(o.money_),
      cached_(o.cached_ ? std::make_unique<Cell>(*o.cached_) : nullptr) {}

Cell &Cell::operator=(const Cell &o) {
    if (this != &o) {
        Cell copy(o);
        *this = std::move(copy);
    }
    return *this;
}

std::string Table::column_letters(std::size_t column) {
    std::string s;
    std::size_t n = column + 1;
    while (n > 0) {
        s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
        n = (n - 1) / 26;
    }
    return s;
}

std::string Table::ref(std::size_t row, std::size_t column) {
    return column_letters(column) + std::to_string(row + 2);
}

std::string Table::range(const std::string &sheet, std::size_t first_row, std::size_t last_row,
                         std::size_t column) {
    std::string quoted = "'";
    for (char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    quoted += "'";
    const std::string col = "$" + column_letters(column) + "$";
    return quoted + "!" + col + std::to_string(first_row + 2) + ":" + col + std::to_string(last_row + 2);
}

DataNode DataNode::boolean(bool value) {
    DataNode n;
    n.kind_ = Kind::boolean;
    n.boolean_ = value;
    return n;
}

DataNode DataNode::list() {
    DataNode n;
    n.kind_ = Kind::list;
    return n;
}

DataNode DataNode::list(DataNode item_shape) {
    DataNode n = list();
    n.item_shape_ = std::make_shared<const DataNode>(std::move(item_shape));
    return n;
}

DataNode &DataNode::set(const std::string &key, DataNode value) {
    if (kind_ != Kind::map) throw std::logic_error("DataNode::set on a node that is not a map");
    return fields_[key] = std::move(value);
}

DataNode &DataNode::push(DataNode value) {
    if (kind_ != Kind::list) throw std::logic_error("DataNode::push on a node that is not a list");
    items_.push_back(std::move(value));
    return items_.back();
}

}  // namespace vhh
