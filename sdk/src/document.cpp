// Constructors of the document model's typed values.
#include "vhh/document.h"

#include <stdexcept>

namespace vhh::doc {

Value Value::text(std::string value) {
    Value v;
    v.kind_ = Kind::text;
    v.text_ = std::move(value);
    return v;
}

Value Value::integer(std::int64_t value) {
    Value v;
    v.kind_ = Kind::integer;
    v.integer_ = value;
    return v;
}

Value Value::money(Money value) {
    Value v;
    v.kind_ = Kind::money;
    v.money_ = value;
    return v;
}

Value Value::percentage_ppm(std::int64_t ppm) {
    Value v;
    v.kind_ = Kind::percentage;
    v.integer_ = ppm;
    return v;
}

Value Value::fraction(std::int64_t numerator, std::int64_t denominator) {
    if (denominator <= 0) throw std::invalid_argument("fraction: denominator must be positive");
    Value v;
    v.kind_ = Kind::fraction;
    v.integer_ = numerator;
    v.denominator_ = denominator;
    return v;
}

Value Value::date(Date value) {
    if (!value.valid()) throw std::invalid_argument("date: not a calendar date");
    Value v;
    v.kind_ = Kind::date;
    v.date_ = value;
    return v;
}

Value Value::suppressed(std::string shown) {
    Value v;
    v.kind_ = Kind::suppressed;
    v.text_ = std::move(shown);
    return v;
}

}  // namespace vhh::doc
