#include "vhh/text.h"

#include <algorithm>
#include <cstdio>

#include "vhh/money.h"

namespace vhh {

std::size_t display_width(const std::string &s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;  // count every byte that does not continue a code point
    return n;
}

std::string pad(const std::string &s, std::size_t width, bool right) {
    const std::size_t w = display_width(s);
    if (w >= width) return s;
    const std::string fill(width - w, ' ');
    return right ? fill + s : s + fill;
}

std::size_t edit_distance(const std::string &a, const std::string &b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

std::string closest(const std::string &value, const std::vector<std::string> &candidates, std::size_t max_distance) {
    const std::string *best = nullptr;
    std::size_t best_distance = 0;
    for (const auto &c : candidates) {
        // The distance is at least the difference in length: skip hopeless candidates cheaply.
        const std::size_t gap = value.size() > c.size() ? value.size() - c.size() : c.size() - value.size();
        if (gap > max_distance) continue;
        const std::size_t d = edit_distance(value, c);
        if (d <= max_distance && (!best || d < best_distance)) {
            best = &c;
            best_distance = d;
        }
    }
    return best ? *best : std::string();
}

std::string format_percentage_nl(std::int64_t ppm) {
    // Unsigned magnitude, so INT64_MIN is formatted correctly.
    const bool negative = ppm < 0;
    const std::uint64_t m = negative ? 0 - static_cast<std::uint64_t>(ppm) : static_cast<std::uint64_t>(ppm);
    std::string out = format_integer_nl(static_cast<std::int64_t>(m / 10000));
    std::string frac = std::to_string(m % 10000);
    frac.insert(0, 4 - frac.size(), '0');
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    if (!frac.empty()) out += "," + frac;
    return (negative ? "-" : "") + out + " %";
}

std::size_t first_invalid_utf8(std::string_view text) {
    const auto *b = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        unsigned char c = b[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((b[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (b[i + k] & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return i;
        i += len;
    }
    return n;
}

std::pair<int, int> line_and_column(std::string_view text, std::size_t offset) {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    return {line, static_cast<int>(offset - line_start) + 1};
}

std::string escape_controls(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    const auto hex = [&](const char *format, unsigned value) {
        char buf[8];
        std::snprintf(buf, sizeof buf, format, value);
        out += buf;
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c == '\n') out += "\\n";
            else if (c == '\t') out += "\\t";
            else if (c == '\r') out += "\\r";
            else if (c < 0x20 || c == 0x7F) hex("\\x%02x", c);
            else out += static_cast<char>(c);
            ++i;
            continue;
        }
        const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        const std::string_view seq = text.substr(i, len);
        if (len == 1 || seq.size() < len || first_invalid_utf8(seq) != seq.size()) {
            hex("\\x%02x", c);  // not UTF-8: one escaped byte, then resynchronise
            ++i;
            continue;
        }
        unsigned cp = 0;
        if (len == 2) cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(seq[1]) & 0x3Fu);
        else if (len == 3)
            cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(seq[1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(seq[2]) & 0x3Fu);
        if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
            hex("\\u%04x", cp);
        else
            out += seq;
        i += len;
    }
    return out;
}

std::string excerpt(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return std::string(text.substr(0, cut)) + "…";
}

}  // namespace vhh
