#include "vhh/ledger_csv.h"

#include <map>

#include "vhh/text.h"

namespace vhh::ledger_csv {

namespace {

std::string lower(std::string s) {
    for (char &c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string key(const std::string &prefix, const std::string &setting) {
    return prefix.empty() ? setting : prefix + "." + setting;
}

bool blank(const CsvRecordView &r) {
    for (const auto &f : r.fields)
        if (!trim(f.text).empty()) return false;
    return true;
}

std::string separator_name(char c) {
    switch (c) {
        case ';': return "';'";
        case ',': return "','";
        case '\t': return "tabs";
    }
    return std::string("'") + c + "'";
}

}  // namespace

std::string_view trim(std::string_view s) {
    const std::size_t a = s.find_first_not_of(" \t\r");
    if (a == std::string_view::npos) return {};
    const std::size_t b = s.find_last_not_of(" \t\r");
    return s.substr(a, b - a + 1);
}

Table::Table(const InputFile &file, char separator_)
    : path(file.path),
      separator(separator_),
      reader_(file.stream != nullptr ? CsvReader(*file.stream, separator_) : CsvReader(file.contents, separator_)) {}

void Table::report_errors(Diagnostics &diag) {
    const auto &errors = reader_.errors();
    for (; errors_reported_ < errors.size(); ++errors_reported_) {
        const CsvError &e = errors[errors_reported_];
        diag.error(ExitCode::data, {path, e.line, e.column}, "", e.message);
    }
}

bool Table::next(CsvRecordView &r, Diagnostics &diag) {
    while (reader_.next(r)) {
        report_errors(diag);
        if (!blank(r)) return true;
    }
    report_errors(diag);
    return false;
}

void Table::finish(Diagnostics &diag) {
    CsvRecordView r;
    while (next(r, diag)) {
    }
}

std::optional<std::vector<Column>> columns_from_settings(std::vector<Column> columns, const Settings &settings,
                                                         const std::string &key_prefix, Diagnostics &diag) {
    DiagnosticsScope stage(diag);  // the errors recorded from here on
    std::map<std::string, std::string> seen;  // lower-case name -> setting that names it
    for (auto &c : columns) {
        if (settings.has(c.setting)) {
            const std::string name(trim(settings.text(c.setting)));
            if (name.empty()) {
                diag.error(ExitCode::config, settings.where(c.setting), key(key_prefix, c.setting),
                           "a column name cannot be empty", "name the column as the export's header row does");
                continue;
            }
            c.name = name;
        }
        auto [it, fresh] = seen.emplace(lower(c.name), c.setting);
        if (!fresh) {
            const SourceLocation where = settings.has(c.setting) ? settings.where(c.setting) : SourceLocation{};
            diag.error(ExitCode::config, where, key(key_prefix, c.setting),
                       "column '" + c.name + "' is already the column of '" + it->second + "'",
                       "every setting names a column of its own");
        }
    }
    if (stage.failed()) return std::nullopt;
    return columns;
}

std::optional<Table> open(const InputFile &file, char separator, const std::vector<Column> &columns,
                          const std::string &key_prefix, const std::string &format_hint, Diagnostics &diag) {
    const std::string &path = file.path;
    Table t(file, separator);
    std::string expected;
    for (const auto &c : columns) expected += (expected.empty() ? "" : std::string(1, separator)) + c.name;
    DiagnosticsScope stage(diag);  // the errors recorded from here on
    CsvRecordView head;
    if (!t.next(head, diag)) {
        // A file the reader refused as a whole (not UTF-8) has its error already.
        if (stage.failed()) return std::nullopt;
        diag.error(ExitCode::data, {path, 1, 1}, "", "the ledger export is empty; expected a header row",
                   "a header row like: " + expected);
        return std::nullopt;
    }
    t.header_line = head.line;
    t.width = head.fields.size();

    // One field holding another separator: a file of another format, said once instead of a
    // missing column for every column.
    if (head.fields.size() == 1 && columns.size() > 1) {
        for (char other : {';', ',', '\t'}) {
            if (other == separator || head.fields[0].text.find(other) == std::string_view::npos) continue;
            diag.error(ExitCode::data, {path, head.line, head.fields[0].column}, "",
                       "the header row is one field '" + excerpt(trim(head.fields[0].text), 100) +
                           "': this file is separated by " + separator_name(other) + ", not by " +
                           separator_name(separator),
                       format_hint);
            t.finish(diag);
            return std::nullopt;
        }
    }

    std::map<std::string, std::vector<std::size_t>> by_name;  // lower-case name -> field indices
    std::string found;  // quoted in a note: each name and the whole list kept short
    for (std::size_t i = 0; i < head.fields.size(); ++i) {
        const std::string name(trim(head.fields[i].text));
        by_name[lower(name)].push_back(i);
        if (found.size() < 300) found += (found.empty() ? "" : "; ") + excerpt(name, 40);
        else if (found.size() < 310) found += "; …";
    }
    bool usable = true;
    bool found_said = false;  // the columns found are listed once, at the first missing column
    for (const auto &c : columns) {
        auto it = by_name.find(lower(std::string(trim(c.name))));
        if (it == by_name.end()) {
            t.index.push_back(-1);
            if (c.required) {
                diag.error(ExitCode::data, {path, head.line, 1}, "", "the header has no column '" + c.name + "'",
                           (found_said ? std::string() : "columns found: " + found + "; ") + "set '" +
                               key(key_prefix, c.setting) + "' to the name this file uses");
                found_said = true;
                usable = false;
            }
            continue;
        }
        t.index.push_back(static_cast<int>(it->second[0]));
        if (it->second.size() > 1) {
            const std::size_t second = it->second[1];
            diag.error(ExitCode::data, {path, head.line, head.fields[second].column}, "",
                       "the header has column '" + c.name + "' twice (fields " + std::to_string(it->second[0] + 1) +
                           " and " + std::to_string(second + 1) + ")",
                       "which one holds the " + c.setting.substr(c.setting.find('_') + 1) +
                           " cannot be told; rename the other one in the export");
            usable = false;
        }
    }
    if (!usable) {
        t.finish(diag);
        return std::nullopt;
    }
    return t;
}

bool width_ok(const Table &t, const CsvRecordView &r, Diagnostics &diag) {
    if (r.fields.size() == t.width) return true;
    const bool too_many = r.fields.size() > t.width;
    const int column = too_many ? r.fields[t.width].column : r.fields.back().column;
    diag.error(ExitCode::data, {t.path, r.line, column}, "",
               "line has " + std::to_string(r.fields.size()) + " fields, the header has " + std::to_string(t.width),
               "fields are separated by " + separator_name(t.separator) + "; quote a field that contains " +
                   separator_name(t.separator));
    return false;
}

std::string_view field(const Table &t, const CsvRecordView &r, std::size_t c) {
    const int i = t.index[c];
    return i < 0 || static_cast<std::size_t>(i) >= r.fields.size() ? std::string_view() : trim(r.fields[i].text);
}

SourceLocation at(const Table &t, const CsvRecordView &r, std::size_t c) {
    const int i = t.index[c];
    if (i < 0 || static_cast<std::size_t>(i) >= r.fields.size()) return {t.path, r.line, 1};
    return {t.path, r.line, r.fields[i].column};
}

void locate(const Table &t, const CsvRecordView &r, std::size_t c, SourceLocation &where) {
    const int i = t.index[c];
    where.file = t.path;
    where.line = r.line;
    where.column = i < 0 || static_cast<std::size_t>(i) >= r.fields.size() ? 1 : r.fields[i].column;
}

bool amount_in_range(Money amount, std::string_view text, const std::string &column, const SourceLocation &where,
                     Diagnostics &diag) {
    const std::int64_t c = amount.in_cents();
    if (c <= kMaxAmountCents && c >= -kMaxAmountCents) return true;
    diag.error(ExitCode::data, where, "",
               "amount '" + std::string(text) + "' in column '" + column + "' is out of range: a ledger line is at most " +
                   Money::cents(kMaxAmountCents).format_nl() + " either way",
               "check the export for a missing decimal separator or a merged field");
    return false;
}

}  // namespace vhh::ledger_csv
