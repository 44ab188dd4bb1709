#include "vhh/csv.h"

#include <cstdio>

#include "vhh/text.h"

namespace vhh {

CsvTable parse_csv(std::string_view text, char separator) {
    CsvTable table;
    if (text.size() >= 2 && ((static_cast<unsigned char>(text[0]) == 0xFF && static_cast<unsigned char>(text[1]) == 0xFE) ||
                             (static_cast<unsigned char>(text[0]) == 0xFE && static_cast<unsigned char>(text[1]) == 0xFF))) {
        table.errors.push_back({1, 1, "the file is UTF-16; save it as CSV UTF-8"});
        return table;
    }
    if (std::size_t bad = first_invalid_utf8(text); bad != text.size()) {
        auto [line, column] = line_and_column(text, bad);
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
        table.errors.push_back({line, column, std::string("the file is not UTF-8 text (byte ") + byte +
                                                  "); save it as CSV UTF-8"});
        return table;
    }
    std::size_t i = 0;
    if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF && static_cast<unsigned char>(text[1]) == 0xBB &&
        static_cast<unsigned char>(text[2]) == 0xBF)
        i = 3;
    int line = 1;
    std::size_t line_start = i >= 3 ? 3 : 0;  // BOM bytes do not count as columns
    auto column_of = [&](std::size_t pos) { return static_cast<int>(pos - line_start) + 1; };

    std::size_t width = 0;  // fields of the previous record: most records have as many
    while (i < text.size()) {
        CsvRecord record;
        record.line = line;
        record.fields.reserve(width);
        bool record_has_content = false;
        bool end_of_record = false;
        while (!end_of_record) {
            CsvField field;
            field.column = column_of(i);
            if (i < text.size() && text[i] == '"') {
                const int quote_line = line, quote_col = column_of(i);
                ++i;
                bool closed = false;
                while (i < text.size()) {
                    char c = text[i];
                    if (c == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            field.text += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == '\n') {
                        ++line;
                        line_start = i + 1;
                    }
                    field.text += c;
                    ++i;
                }
                if (!closed) {
                    table.errors.push_back({quote_line, quote_col, "unterminated quoted field"});
                    end_of_record = true;
                }
                // After the closing quote only a separator or the end of the line may follow.
                if (closed && i < text.size() && text[i] != separator && text[i] != '\n' && text[i] != '\r') {
                    table.errors.push_back({line, column_of(i), "unexpected text after a closing quote"});
                    while (i < text.size() && text[i] != separator && text[i] != '\n') ++i;
                }
                record_has_content = true;
            } else {
                const std::size_t start = i;
                while (i < text.size() && text[i] != separator && text[i] != '\n') ++i;
                std::size_t end = i;
                // A '\r' that ends the line (before '\n' or the end of the text) is not part of the field.
                if (end > start && text[end - 1] == '\r' && (end == text.size() || text[end] == '\n')) --end;
                field.text.assign(text.data() + start, end - start);
                if (!field.text.empty()) record_has_content = true;
            }
            if (i < text.size() && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            record.fields.push_back(std::move(field));
            if (i >= text.size()) {
                end_of_record = true;
            } else if (text[i] == separator) {
                ++i;
                record_has_content = true;
            } else if (text[i] == '\n') {
                ++i;
                ++line;
                line_start = i;
                end_of_record = true;
            }
        }
        width = record.fields.size();
        if (record_has_content) table.records.push_back(std::move(record));
    }
    return table;
}

std::optional<Money> parse_amount_nl(std::string_view text) {
    if (text.empty()) return std::nullopt;
    std::size_t i = 0;
    bool negative = false;
    if (text[0] == '-' || text[0] == '+') {
        negative = text[0] == '-';
        i = 1;
    }
    std::size_t comma = text.find(',', i);
    std::string_view whole = text.substr(i, comma == std::string_view::npos ? std::string_view::npos : comma - i);
    std::string_view fraction = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    if (whole.empty()) return std::nullopt;
    std::string digits;
    if (whole.find('.') != std::string_view::npos) {
        // Thousands groups: 1-3 digits, then groups of exactly three.
        std::size_t first = whole.find('.');
        if (first == 0 || first > 3) return std::nullopt;
        for (std::size_t k = 0; k < whole.size(); ++k) {
            char c = whole[k];
            bool separator_position = k >= first && (k - first) % 4 == 0;
            if (separator_position ? c != '.' : (c < '0' || c > '9')) return std::nullopt;
            if (!separator_position) digits += c;
        }
        if ((whole.size() - first) % 4 != 0) return std::nullopt;
    } else {
        for (char c : whole)
            if (c < '0' || c > '9') return std::nullopt;
        digits = std::string(whole);
    }
    if (comma != std::string_view::npos) {
        if (fraction.empty() || fraction.size() > 2) return std::nullopt;
        for (char c : fraction)
            if (c < '0' || c > '9') return std::nullopt;
    }
    std::string plain = (negative ? "-" : "") + digits;
    if (!fraction.empty()) plain += "." + std::string(fraction);
    return Money::parse(plain);
}

}  // namespace vhh
