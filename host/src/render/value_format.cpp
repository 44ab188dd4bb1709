// Dutch presentation of typed values (for every renderer) and text cleaning.
#include "render/value_format.h"

#include <cstdint>

#include "vhh/text.h"

namespace vhh::host {

namespace {

/// `digits` (only digits) with '.' between groups of three.
std::string grouped(const std::string &digits) {
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return out;
}

/// |v| as digits, also for INT64_MIN.
std::string magnitude(std::int64_t v) {
    const unsigned long long m = v < 0 ? 0ULL - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
    return std::to_string(m);
}

/// numerator / denominator with at most four decimals, rounded half away from zero, in 128-bit
/// arithmetic (no overflow, no double), trailing zeros dropped.
std::string format_fraction(std::int64_t numerator, std::int64_t denominator) {
    const bool negative = numerator < 0;
    const unsigned __int128 n = negative ? 0 - static_cast<unsigned __int128>(static_cast<__int128>(numerator))
                                         : static_cast<unsigned __int128>(numerator);
    const unsigned __int128 d = static_cast<unsigned __int128>(denominator);
    const unsigned __int128 scaled = (n * 10000 * 2 + d) / (2 * d);
    unsigned __int128 whole = scaled / 10000;
    const unsigned long long frac = static_cast<unsigned long long>(scaled % 10000);
    std::string whole_digits;
    do {
        whole_digits.insert(whole_digits.begin(), static_cast<char>('0' + static_cast<int>(whole % 10)));
        whole /= 10;
    } while (whole > 0);
    std::string out = (negative && scaled != 0 ? "-" : "") + grouped(whole_digits);
    if (frac != 0) {
        std::string decimals = std::to_string(frac);
        decimals.insert(0, 4 - decimals.size(), '0');
        while (decimals.back() == '0') decimals.pop_back();
        out += "," + decimals;
    }
    return out;
}

}  // namespace

std::string format_value_nl(const doc::Value &value) {
    using K = doc::Value::Kind;
    switch (value.kind()) {
    case K::empty: return "";
    case K::text: return value.text_value();
    case K::integer: return (value.integer_value() < 0 ? "-" : "") + grouped(magnitude(value.integer_value()));
    case K::money: return value.money_value().format_nl();
    case K::percentage: return format_percentage_nl(value.integer_value());
    case K::fraction: return format_fraction(value.integer_value(), value.denominator());
    case K::date: return value.date_value().nl();
    case K::suppressed: return value.text_value();
    }
    return "";
}

bool is_numeric(const doc::Value &value) {
    using K = doc::Value::Kind;
    switch (value.kind()) {
    case K::integer:
    case K::money:
    case K::percentage:
    case K::fraction:
    case K::suppressed: return true;
    default: return false;
    }
}

std::size_t alignment_point(std::string_view text) {
    const std::size_t comma = text.find(',');
    if (comma != std::string_view::npos) return comma;
    const std::size_t last_digit = text.find_last_of("0123456789");
    return last_digit == std::string_view::npos ? text.size() : last_digit + 1;
}

std::string clean_text(std::string_view text, bool keep_newlines) {
    static const char kReplacement[] = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + len > text.size() || first_invalid_utf8(text.substr(i, len)) != len) {
            out += kReplacement;
            ++i;
            continue;
        }
        std::uint32_t cp = c;
        if (len == 2) cp = ((c & 0x1Fu) << 6) | (text[i + 1] & 0x3Fu);
        if (len == 3) cp = ((c & 0x0Fu) << 12) | ((text[i + 1] & 0x3Fu) << 6) | (text[i + 2] & 0x3Fu);
        if (len == 4) cp = 0x10000;  // astral characters are never controls
        if (cp == '\n' || cp == '\t') {
            out += keep_newlines ? static_cast<char>(cp) : ' ';
        } else if (cp == '\r') {
            if (!keep_newlines) out += ' ';
        } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
                   (cp >= 0x2066 && cp <= 0x2069)) {
            out += kReplacement;
        } else {
            out.append(text.substr(i, len));
        }
        i += len;
    }
    return out;
}

std::optional<double> chart_number(const doc::Value &value) {
    using K = doc::Value::Kind;
    switch (value.kind()) {
    case K::integer: return static_cast<double>(value.integer_value());
    case K::money: return static_cast<double>(value.money_value().in_cents()) / 100.0;
    case K::percentage: return static_cast<double>(value.integer_value()) / 10000.0;
    case K::fraction: return static_cast<double>(value.integer_value()) / static_cast<double>(value.denominator());
    default: return std::nullopt;
    }
}

}  // namespace vhh::host
