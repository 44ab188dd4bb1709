#include "vhh/csv.h"

#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <utility>

#include "vhh/text.h"

namespace vhh {

CsvReader::CsvReader(std::string_view text, char separator) : text_(text), separator_(separator) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    if (text.size() >= 2 && ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF))) {
        errors_.push_back({1, 1, "the file is UTF-16; save it as CSV UTF-8"});
        pos_ = text.size();
        return;
    }
    if (std::size_t bad = first_invalid_utf8(text); bad != text.size()) {
        auto [line, column] = line_and_column(text, bad);
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", byte(bad));
        errors_.push_back({line, column, std::string("the file is not UTF-8 text (byte ") + hex +
                                             "); save it as CSV UTF-8"});
        pos_ = text.size();
        return;
    }
    if (const void *nul = std::memchr(text.data(), '\0', text.size())) {
        // A text export never holds a NUL: this is a binary file (or a sparse, zero-filled one).
        auto [line, column] = line_and_column(text, static_cast<std::size_t>(static_cast<const char *>(nul) - text.data()));
        errors_.push_back({line, column, "the file holds a NUL byte: it is not a text export; save it as CSV UTF-8"});
        pos_ = text.size();
        return;
    }
    if (text.size() >= 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) {
        pos_ = 3;
        line_start_ = 3;  // BOM bytes do not count as columns
    }
}

namespace {

/// Reads from `source` until `size` bytes or the end of it.
std::size_t read_full(InputStream &source, char *buffer, std::size_t size) {
    std::size_t have = 0;
    while (have < size) {
        const std::size_t n = source.read(buffer + have, size - have);
        if (n == 0) break;
        have += n;
    }
    return have;
}

/// The bytes of `text` that can be checked as UTF-8 before more bytes follow: all of them but a
/// sequence at the end that the next bytes may complete.
std::size_t complete_utf8(std::string_view text) {
    for (std::size_t k = 1; k <= 3 && k <= text.size(); ++k) {
        const auto c = static_cast<unsigned char>(text[text.size() - k]);
        if (c < 0x80) break;
        if (c >= 0xC0) {
            const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            return len > k ? text.size() - k : text.size();
        }
    }
    return text.size();
}

}  // namespace

CsvReader::CsvReader(InputStream &source, char separator, std::size_t piece)
    : source_(&source), at_end_(false), piece_(piece < 4 ? 4 : piece), separator_(separator) {
    check_stream();
    if (!errors_.empty()) {
        at_end_ = true;
        return;
    }
    source_->rewind();
}

void CsvReader::check_stream() {
    // The same checks, in the same order of precedence, as the text constructor: UTF-16, then the
    // first byte that is not UTF-8, then the first NUL; lines and columns count from the file's start.
    std::string window;  // bytes not checked yet: a sequence cut by the end of a piece, then a piece
    std::size_t base = 0;        // file offset of window[0]
    int lines = 0;               // line ends before base
    std::size_t line_start = 0;  // file offset where the line of base starts
    std::optional<std::pair<int, int>> nul;
    const auto locate = [&](std::string_view part, std::size_t offset) {
        auto [line, column] = line_and_column(part, offset);
        if (line == 1) column = static_cast<int>(base + offset - line_start) + 1;
        return std::pair<int, int>{lines + line, column};
    };
    bool first = true;
    // Reads go into memory that is not zeroed first, and start at 64 KiB, doubling up to a piece:
    // a whole 1 MiB piece zeroed (or poisoned, under AddressSanitizer) for every file however small
    // was most of a fuzzing run's time.
    std::size_t step = piece_ < (std::size_t{1} << 16) ? piece_ : std::size_t{1} << 16;
    std::unique_ptr<char[]> chunk(new char[step]);
    for (;;) {
        const std::size_t n = read_full(*source_, chunk.get(), step);
        window.append(chunk.get(), n);
        const bool end = n < step;
        if (!end && step < piece_) {
            step = step * 2 < piece_ ? step * 2 : piece_;
            chunk.reset(new char[step]);
        }
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(window[k]); };
        if (first) {
            first = false;
            if (window.size() >= 2 && ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF))) {
                errors_.push_back({1, 1, "the file is UTF-16; save it as CSV UTF-8"});
            }
            skip_bom_ = window.size() >= 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF;
        }
        const std::string_view part(window.data(), end ? window.size() : complete_utf8(window));
        if (std::size_t bad = errors_.empty() ? first_invalid_utf8(part) : part.size(); bad != part.size()) {
            auto [line, column] = locate(part, bad);
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", byte(bad));
            errors_.push_back({line, column, std::string("the file is not UTF-8 text (byte ") + hex +
                                                 "); save it as CSV UTF-8"});
            // Read on only to count the line ends, as line_ends() of the whole text does.
        }
        if (!nul && errors_.empty())
            if (const void *p = std::memchr(part.data(), '\0', part.size()))
                nul = locate(part, static_cast<std::size_t>(static_cast<const char *>(p) - part.data()));
        for (const char *p = part.data(), *e = p + part.size();
             (p = static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(e - p)))) != nullptr; ++p) {
            ++lines;
            line_start = base + static_cast<std::size_t>(p - part.data()) + 1;
        }
        base += part.size();
        window.erase(0, part.size());
        if (end) break;
    }
    line_ends_ = static_cast<std::size_t>(lines);
    // A file smaller than a piece is read whole by one piece of its own size (and one byte more, to
    // see its end).
    if (base + 1 < piece_) piece_ = base + 1 < 4 ? 4 : base + 1;
    if (nul && errors_.empty())
        errors_.push_back({nul->first, nul->second,
                           "the file holds a NUL byte: it is not a text export; save it as CSV UTF-8"});
}

bool CsvReader::refill() {
    if (at_end_) return false;
    // Keep what is not read yet (the start of a record the piece cut), then append a piece; a
    // record longer than the buffer doubles it.
    buffer_.erase(0, pos_);
    line_start_ = line_start_ >= pos_ ? line_start_ - pos_ : 0;
    pos_ = 0;
    const std::size_t kept = buffer_.size();
    const std::size_t want = kept < piece_ ? piece_ : kept;
    const std::unique_ptr<char[]> chunk(new char[want]);  // not zeroed, as in check_stream
    const std::size_t n = read_full(*source_, chunk.get(), want);
    buffer_.append(chunk.get(), n);
    text_ = buffer_;
    if (n < want) at_end_ = true;
    if (skip_bom_) {  // the first piece: BOM bytes do not count as columns
        skip_bom_ = false;
        pos_ = line_start_ = 3;
    }
    return n > 0;
}

std::size_t CsvReader::line_ends() const {
    if (source_ != nullptr) return line_ends_;
    std::size_t n = 0;
    for (const char *p = text_.data(), *e = p + text_.size();
         (p = static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(e - p)))) != nullptr; ++p)
        ++n;
    return n;
}

bool CsvReader::read_record(CsvRecordView &record, std::size_t &i) {
    const std::string_view text = text_;
    const std::size_t n = text.size();
    record.line = line_;
    record.fields.clear();
    record.fields.reserve(width_);
    unescaped_.clear();
    pending_.clear();
    bool has_content = false;
    bool end_of_record = false;
    while (!end_of_record) {
        CsvFieldView field;
        field.column = column_of(i);
        if (i < n && text[i] == '"') {
            const int quote_line = line_, quote_col = column_of(i);
            ++i;
            const std::size_t start = i;
            bool escaped = false;  // a "" inside: the field is copied into unescaped_
            std::size_t offset = unescaped_.size();
            bool closed = false;
            while (i < n) {
                const char c = text[i];
                if (c == '"') {
                    if (i + 1 < n && text[i + 1] == '"') {
                        if (!escaped) unescaped_.append(text.data() + start, i - start);
                        escaped = true;
                        unescaped_ += '"';
                        i += 2;
                        continue;
                    }
                    closed = true;
                    break;
                }
                if (c == '\n') {
                    ++line_;
                    line_start_ = i + 1;
                }
                if (escaped) unescaped_ += c;
                ++i;
            }
            if (escaped) {
                pending_.push_back({record.fields.size(), offset, unescaped_.size() - offset});
            } else {
                field.text = text.substr(start, i - start);
            }
            if (closed) {
                ++i;  // the closing quote
                // After the closing quote only a separator or the end of the line may follow.
                if (i < n && text[i] != separator_ && text[i] != '\n' && text[i] != '\r') {
                    errors_.push_back({line_, column_of(i), "unexpected text after a closing quote"});
                    while (i < n && text[i] != separator_ && text[i] != '\n') ++i;
                }
            } else {
                errors_.push_back({quote_line, quote_col, "unterminated quoted field"});
                end_of_record = true;
            }
            has_content = true;
        } else {
            const std::size_t start = i;
            while (i < n && text[i] != separator_ && text[i] != '\n') ++i;
            std::size_t end = i;
            // A '\r' that ends the line (before '\n' or the end of the text) is not part of the field.
            if (end > start && text[end - 1] == '\r' && (end == n || text[end] == '\n')) --end;
            field.text = text.substr(start, end - start);
            if (end > start) has_content = true;
        }
        if (i < n && text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
        record.fields.push_back(field);
        if (i >= n) {
            end_of_record = true;
        } else if (text[i] == separator_) {
            ++i;
            has_content = true;
        } else if (text[i] == '\n') {
            ++i;
            ++line_;
            line_start_ = i;
            end_of_record = true;
        }
    }
    return has_content;
}

bool CsvReader::next(CsvRecordView &record) {
    if (source_ != nullptr) text_ = buffer_;  // the reader may have been moved (a short buffer moves its bytes)
    for (;;) {
        if (pos_ >= text_.size()) {
            if (!refill()) return false;
            continue;
        }
        const std::size_t saved_pos = pos_, saved_line_start = line_start_, saved_errors = errors_.size();
        const int saved_line = line_;
        std::size_t i = pos_;
        const bool has_content = read_record(record, i);
        if (i >= text_.size() && !at_end_) {
            // The record may go on in the next piece: read it again once that is there.
            pos_ = saved_pos;
            line_ = saved_line;
            line_start_ = saved_line_start;
            errors_.erase(errors_.begin() + static_cast<std::ptrdiff_t>(saved_errors), errors_.end());
            refill();
            continue;
        }
        pos_ = i;
        width_ = record.fields.size();
        if (!has_content) continue;
        // unescaped_ no longer grows for this record: its views can be made now.
        for (const Unescaped &u : pending_) record.fields[u.field].text = std::string_view(unescaped_.data() + u.offset, u.size);
        return true;
    }
}

CsvTable parse_csv(std::string_view text, char separator) {
    CsvTable table;
    CsvReader reader(text, separator);
    CsvRecordView view;
    while (reader.next(view)) {
        CsvRecord record;
        record.line = view.line;
        record.fields.reserve(view.fields.size());
        for (const auto &f : view.fields) record.fields.push_back({std::string(f.text), f.column});
        table.records.push_back(std::move(record));
    }
    table.errors = reader.errors();
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
    const std::size_t comma = text.find(',', i);
    const std::string_view whole = text.substr(i, comma == std::string_view::npos ? std::string_view::npos : comma - i);
    const std::string_view fraction = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    if (whole.empty()) return std::nullopt;
    // Thousands groups when there is a '.': 1-3 digits, then groups of exactly three.
    const std::size_t first = whole.find('.');
    if (first != std::string_view::npos && (first == 0 || first > 3 || (whole.size() - first) % 4 != 0))
        return std::nullopt;
    std::int64_t units = 0;  // the whole part; the same bound as Money::parse, so that cents fit
    for (std::size_t k = 0; k < whole.size(); ++k) {
        const char c = whole[k];
        if (first != std::string_view::npos && k >= first && (k - first) % 4 == 0) {
            if (c != '.') return std::nullopt;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        if (units > (std::numeric_limits<std::int64_t>::max() / 100 - 9) / 10) return std::nullopt;
        units = units * 10 + (c - '0');
    }
    std::int64_t cents = 0;
    if (comma != std::string_view::npos) {
        if (fraction.empty() || fraction.size() > 2) return std::nullopt;
        for (char c : fraction) {
            if (c < '0' || c > '9') return std::nullopt;
            cents = cents * 10 + (c - '0');
        }
        if (fraction.size() == 1) cents *= 10;
    }
    cents += units * 100;
    return Money::cents(negative ? -cents : cents);
}

}  // namespace vhh
