#include "vhh/date.h"

#include <cstdio>

namespace vhh {

namespace {
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
bool digits(std::string_view s, std::size_t from, std::size_t n, int &out) {
    out = 0;
    for (std::size_t i = from; i < from + n; ++i) {
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}
}  // namespace

int days_in_month(int year, int month) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap(year) ? 29 : d[month - 1];
}

int days_in_year(int year) { return leap(year) ? 366 : 365; }

bool Date::valid() const {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::optional<Date> Date::parse_iso(std::string_view s) {
    Date d;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    if (!digits(s, 0, 4, d.year) || !digits(s, 5, 2, d.month) || !digits(s, 8, 2, d.day)) return std::nullopt;
    if (!d.valid()) return std::nullopt;
    return d;
}

std::optional<Date> Date::parse_nl(std::string_view s) {
    Date d;
    if (s.size() != 10 || s[2] != '-' || s[5] != '-') return std::nullopt;
    if (!digits(s, 0, 2, d.day) || !digits(s, 3, 2, d.month) || !digits(s, 6, 4, d.year)) return std::nullopt;
    if (!d.valid()) return std::nullopt;
    return d;
}

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string Date::nl() const {
    return std::to_string(day) + "-" + std::to_string(month) + "-" + std::to_string(year);
}

}  // namespace vhh
