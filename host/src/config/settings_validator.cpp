// Validates YAML sections against settings tables and parses the typed scalar values.
#include "config/settings_validator.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <vector>

#include "vhh/gemeente_rule.h"
#include "vhh/text.h"

namespace vhh::host {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(const std::string &s, std::size_t from = 0) {
    if (from >= s.size()) return false;
    return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(from), s.end(), is_digit);
}

std::string lower(std::string s) {
    for (char &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// "1.234.567" or "1.234" (Dutch thousands grouping with '.'): the digits without dots, else empty.
std::string strip_dutch_thousands(const std::string &s, char separator) {
    std::size_t start = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    std::size_t first = s.find(separator, start);
    if (first == std::string::npos || first == start || first - start > 3) return "";
    if (s[start] == '0') return "";  // "0.400" is a decimal number, not 400
    std::string digits = s.substr(0, first);
    for (std::size_t i = start; i < first; ++i)
        if (!is_digit(s[i])) return "";
    std::size_t i = first;
    while (i < s.size()) {
        if (s[i] != separator || i + 4 > s.size()) return "";
        for (std::size_t k = i + 1; k <= i + 3; ++k)
            if (!is_digit(s[k])) return "";
        digits += s.substr(i + 1, 3);
        i += 4;
    }
    return digits;
}

/// Dutch amount "1.234,56" / "0,40" / "1234,5": the same with a decimal point, else empty.
std::string dutch_decimal_to_point(const std::string &s) {
    std::size_t comma = s.rfind(',');
    if (comma == std::string::npos || s.find(',') != comma) return "";
    std::string whole = s.substr(0, comma);
    std::string fraction = s.substr(comma + 1);
    if (!all_digits(fraction)) return "";
    std::string plain_whole;
    if (whole.find('.') != std::string::npos) {
        plain_whole = strip_dutch_thousands(whole, '.');
        if (plain_whole.empty()) return "";
    } else {
        std::size_t start = (!whole.empty() && (whole[0] == '-' || whole[0] == '+')) ? 1 : 0;
        if (!all_digits(whole, start)) return "";
        plain_whole = whole;
    }
    return plain_whole + "." + fraction;
}

/// Parses [sign] digits [. digits] into a scaled integer with `scale` decimals.
/// Sets `too_many_decimals` / `overflow` when the shape is right but the value is not.
std::optional<std::int64_t> parse_fixed(const std::string &s, int scale, bool &too_many_decimals, bool &overflow) {
    too_many_decimals = false;
    overflow = false;
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
    std::size_t digits_start = i;
    // Once too large, the value stops growing (so that it cannot overflow itself).
    __int128 value = 0;
    auto push = [&](int digit) {
        if (overflow) return;
        value = value * 10 + digit;
        if (value > std::numeric_limits<std::int64_t>::max()) overflow = true;
    };
    for (; i < s.size() && is_digit(s[i]); ++i) push(s[i] - '0');
    if (i == digits_start) return std::nullopt;
    int decimals = 0;
    if (i < s.size() && s[i] == '.') {
        ++i;
        std::size_t fraction_start = i;
        for (; i < s.size() && is_digit(s[i]); ++i) {
            if (decimals == scale) {
                too_many_decimals = true;
                continue;
            }
            push(s[i] - '0');
            ++decimals;
        }
        if (i == fraction_start) return std::nullopt;
    }
    if (i != s.size()) {
        too_many_decimals = false;
        return std::nullopt;
    }
    for (; decimals < scale; ++decimals) push(0);
    if (too_many_decimals || overflow) return std::nullopt;
    return static_cast<std::int64_t>(negative ? -value : value);
}

/// "1-1-2013", "01-01-2013", "1/1/2013", "1.1.2013": the date, else nothing.
std::optional<Date> parse_day_month_year(const std::string &s) {
    std::size_t a = s.find_first_of("-/.");
    if (a == std::string::npos || a == 0 || a > 2) return std::nullopt;
    char sep = s[a];
    std::size_t b = s.find(sep, a + 1);
    if (b == std::string::npos || b == a + 1 || b - a - 1 > 2 || s.size() - b - 1 != 4) return std::nullopt;
    std::string d = s.substr(0, a), m = s.substr(a + 1, b - a - 1), y = s.substr(b + 1);
    if (!all_digits(d) || !all_digits(m) || !all_digits(y)) return std::nullopt;
    Date date{std::stoi(y), std::stoi(m), std::stoi(d)};
    if (!date.valid()) return std::nullopt;
    return date;
}

/// "2013-1-1": the date, else nothing.
std::optional<Date> parse_loose_iso(const std::string &s) {
    std::size_t a = s.find('-');
    if (a != 4) return std::nullopt;
    std::size_t b = s.find('-', a + 1);
    if (b == std::string::npos || b == a + 1 || b - a - 1 > 2 || s.size() - b - 1 < 1 || s.size() - b - 1 > 2)
        return std::nullopt;
    std::string y = s.substr(0, a), m = s.substr(a + 1, b - a - 1), d = s.substr(b + 1);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    Date date{std::stoi(y), std::stoi(m), std::stoi(d)};
    if (!date.valid()) return std::nullopt;
    return date;
}

std::optional<Date> parse_date(const std::string &text, std::string *hint) {
    if (auto d = Date::parse_iso(text)) return d;
    if (!hint) return std::nullopt;
    if (auto d = parse_day_month_year(text)) {
        *hint = "write dates as yyyy-mm-dd: " + d->iso();
    } else if (auto d2 = parse_loose_iso(text)) {
        *hint = "write the month and day with two digits: " + d2->iso();
    } else if (text.size() == 10 && text[4] == '-' && text[7] == '-' && all_digits(text.substr(0, 4)) &&
               all_digits(text.substr(5, 2)) && all_digits(text.substr(8, 2))) {
        *hint = text + " is not a day of the calendar";
    }
    return std::nullopt;
}

/// What a value of the type looks like, for "expected ..." messages.
std::string expectation(std::uint32_t type) {
    switch (type) {
        case VHH_SETTING_INTEGER: return "a whole number (e.g. 22551)";
        case VHH_SETTING_MONEY: return "an amount in euros (e.g. 0.40)";
        case VHH_SETTING_TEXT: return "a text value";
        case VHH_SETTING_BOOLEAN: return "true or false";
        case VHH_SETTING_PERCENTAGE: return "a percentage (e.g. 2.5)";
        case VHH_SETTING_DATE: return "a date yyyy-mm-dd (e.g. 2013-01-01)";
        case VHH_SETTING_CODE: return "a code (e.g. GM0687)";
        case VHH_SETTING_LIST: return "a list of records";
        case VHH_SETTING_CODES: return "a list of codes (e.g. [GM0654, GM0664])";
        case VHH_SETTING_CHOICE: return "one of the allowed values";
        case VHH_SETTING_GEMEENTE: return "the CBS code of a gemeente (e.g. GM0687)";
        case VHH_SETTING_GEMEENTEN: return "a list of codes of gemeenten (e.g. [GM0654, GM0664])";
    }
    return "a value";
}

/// The short noun used in range messages.
std::string range_noun(std::uint32_t type) {
    switch (type) {
        case VHH_SETTING_INTEGER: return "a whole number";
        case VHH_SETTING_MONEY: return "an amount in euros";
        case VHH_SETTING_PERCENTAGE: return "a percentage";
        case VHH_SETTING_DATE: return "a date";
        case VHH_SETTING_LIST: return "a number of records";
    }
    return "a value";
}

bool known_type(std::uint32_t type) { return type >= VHH_SETTING_INTEGER && type <= VHH_SETTING_GEMEENTEN; }
bool is_code_list(std::uint32_t type) { return type == VHH_SETTING_CODES || type == VHH_SETTING_GEMEENTEN; }
bool has_range(std::uint32_t type) {
    return type == VHH_SETTING_INTEGER || type == VHH_SETTING_MONEY || type == VHH_SETTING_PERCENTAGE ||
           type == VHH_SETTING_DATE || type == VHH_SETTING_LIST;
}

/// Outcome of parsing one scalar as a setting type.
enum class ParseResult { ok, bad_type, out_of_range };

/// Parses `text` as a scalar of `type` into `out`. LIST bounds are record counts (integers).
ParseResult parse_scalar(std::uint32_t type, const std::string &text, SettingValue &out, std::string *hint) {
    out.text = text;
    switch (type) {
        case VHH_SETTING_INTEGER:
        case VHH_SETTING_LIST: {
            auto v = parse_integer(text, hint);
            if (!v) {
                std::size_t start = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
                return all_digits(text, start) ? ParseResult::out_of_range : ParseResult::bad_type;
            }
            out.integer = *v;
            return ParseResult::ok;
        }
        case VHH_SETTING_MONEY: {
            auto v = parse_money(text, hint);
            if (!v) return ParseResult::bad_type;
            out.money = *v;
            return ParseResult::ok;
        }
        case VHH_SETTING_PERCENTAGE: {
            auto v = parse_percentage_ppm(text, hint);
            if (!v) return ParseResult::bad_type;
            out.ppm = *v;
            return ParseResult::ok;
        }
        case VHH_SETTING_BOOLEAN: {
            auto v = parse_boolean(text, hint);
            if (!v) return ParseResult::bad_type;
            out.boolean = *v;
            return ParseResult::ok;
        }
        case VHH_SETTING_DATE: {
            auto v = parse_date(text, hint);
            if (!v) return ParseResult::bad_type;
            out.date = *v;
            return ParseResult::ok;
        }
        case VHH_SETTING_CODE:
        case VHH_SETTING_GEMEENTE:
        case VHH_SETTING_CHOICE:  // its allowed values are checked with the row (check_choice)
            if (text.empty()) {
                if (hint) *hint = "a code cannot be empty";
                return ParseResult::bad_type;
            }
            return ParseResult::ok;
        case VHH_SETTING_TEXT: return ParseResult::ok;
    }
    return ParseResult::bad_type;
}

/// Compares two parsed values of a ranged type: <0, 0, >0.
int compare(std::uint32_t type, const SettingValue &a, const SettingValue &b) {
    switch (type) {
        case VHH_SETTING_INTEGER:
        case VHH_SETTING_LIST: return a.integer < b.integer ? -1 : a.integer > b.integer ? 1 : 0;
        case VHH_SETTING_MONEY: return a.money < b.money ? -1 : a.money > b.money ? 1 : 0;
        case VHH_SETTING_PERCENTAGE: return a.ppm < b.ppm ? -1 : a.ppm > b.ppm ? 1 : 0;
        case VHH_SETTING_DATE: return a.date < b.date ? -1 : b.date < a.date ? 1 : 0;
    }
    return 0;
}

/// When `value` lies outside the spec's bounds: the allowed range as text ("from 0 to 10"), else empty.
std::string range_violation(const vhh_setting_spec &spec, const SettingValue &value) {
    if (!has_range(spec.type)) return "";
    bool below = false, above = false;
    SettingValue bound;
    if (spec.min_value && parse_scalar(spec.type, spec.min_value, bound, nullptr) == ParseResult::ok)
        below = compare(spec.type, value, bound) < 0;
    if (spec.max_value && parse_scalar(spec.type, spec.max_value, bound, nullptr) == ParseResult::ok)
        above = compare(spec.type, value, bound) > 0;
    if (!below && !above) return "";
    if (spec.min_value && spec.max_value)
        return std::string("from ") + spec.min_value + " to " + spec.max_value;
    if (spec.min_value) return std::string("of at least ") + spec.min_value;
    return std::string("of at most ") + spec.max_value;
}

std::string join_key(const std::string &path, const std::string &key) { return path.empty() ? key : path + "." + key; }

/// Keys this many edits or more apart are not taken for typos of each other.
constexpr std::size_t kTypoDistance = 3;

/// Edit distance of `key` to `candidate` (ignoring case), or kTypoDistance when it is `limit` or
/// more, or not less than the candidate's length (a short key is not a typo of anything).
std::size_t typo_distance(const std::string &key, const std::string &candidate, std::size_t limit = kTypoDistance) {
    // The distance is at least the difference in length (a huge unknown key stays cheap).
    const std::size_t gap = key.size() > candidate.size() ? key.size() - candidate.size() : candidate.size() - key.size();
    if (gap >= limit) return kTypoDistance;
    const std::size_t d = std::min(edit_distance(key, candidate), edit_distance(lower(key), lower(candidate)));
    return d < limit && d < candidate.size() ? d : kTypoDistance;
}

/// Hint for an unknown key: the closest allowed key, or the list of allowed keys.
std::string unknown_key_hint(const std::string &key, const std::vector<std::string> &allowed) {
    if (allowed.empty()) return "this section takes no settings";
    std::string best;
    std::size_t best_distance = kTypoDistance;
    for (const auto &candidate : allowed) {
        const std::size_t d = typo_distance(key, candidate, best_distance);
        if (d < best_distance) {
            best = candidate;
            best_distance = d;
        }
    }
    if (!best.empty()) return "did you mean '" + best + "'?";
    std::string list;
    for (const auto &a : allowed) list += (list.empty() ? "" : ", ") + a;
    return "allowed keys: " + list;
}

/// The allowed values of a CHOICE row.
std::vector<std::string> choices_of(const vhh_setting_spec &spec) {
    std::vector<std::string> v;
    for (std::uint32_t i = 0; spec.choices != nullptr && i < spec.choice_count; ++i)
        if (spec.choices[i]) v.push_back(spec.choices[i]);
    return v;
}

/// For a CHOICE row whose value `text` is not allowed: the hint ("did you mean 'x'? allowed:
/// a, b"); nothing when the value is allowed (or the row is no CHOICE).
std::optional<std::string> choice_problem(const vhh_setting_spec &spec, const std::string &text) {
    if (spec.type != VHH_SETTING_CHOICE) return std::nullopt;
    const std::vector<std::string> allowed = choices_of(spec);
    if (std::find(allowed.begin(), allowed.end(), text) != allowed.end()) return std::nullopt;
    std::string best;
    std::size_t best_distance = kTypoDistance;
    for (const auto &candidate : allowed) {
        const std::size_t d = typo_distance(text, candidate, best_distance);
        if (d < best_distance) best = candidate, best_distance = d;
    }
    std::string list;
    for (const auto &a : allowed) list += (list.empty() ? "" : ", ") + a;
    return (best.empty() ? "" : "did you mean '" + best + "'? ") + "allowed: " + list;
}

/// Marks a default value and everything inside it as coming from the default, at `where`.
void mark_default(SettingValue &value, const SourceLocation &where) {
    value.where = where;
    value.from_default = true;
    for (auto &record : value.items) {
        Settings moved;
        for (const auto &[k, v] : record.values()) {
            SettingValue copy = v;
            mark_default(copy, where);
            moved.set(k, std::move(copy));
        }
        record = std::move(moved);
    }
}

void validate_list(const YamlNode &node, const vhh_setting_spec &spec, const std::string &path, SettingValue &out,
                   StageLog &log, const Region *region);

/// A list of codes: a YAML sequence of non-empty scalars, kept as text.
void validate_codes(const YamlNode &node, const std::string &path, SettingValue &out, Diagnostics &diag) {
    if (!node.is_sequence()) {
        std::string found = node.is_scalar() ? "'" + excerpt(node.text) + "'" : node.describe();
        diag.error(ExitCode::config, node.where, path, "expected " + expectation(VHH_SETTING_CODES) + ", found " + found,
                   node.is_scalar() ? "write a list: [" + node.text + "]" : "");
        return;
    }
    for (std::size_t i = 0; i < node.items.size(); ++i) {
        const YamlNode &item = node.items[i];
        if (!item.is_scalar() || item.text.empty()) {
            diag.error(ExitCode::config, item.where, path + "[" + std::to_string(i) + "]",
                       "expected a code, found " + item.describe());
            continue;
        }
        out.codes.push_back(item.text);
    }
}

/// For a GEMEENTE(N) value: reports each code that is no gemeente of the region (when the region
/// is known). Such an error is blocking, not masking: the value is kept as written, every plugin
/// treats a code it cannot find in the region as no gemeente, so its own checks report nothing
/// that follows from this error and may run in the same run.
void check_gemeenten(const std::vector<std::pair<std::string, SourceLocation>> &codes,
                     const std::vector<std::string> &paths, const Region *region, StageLog &log) {
    if (region == nullptr) return;
    for (std::size_t i = 0; i < codes.size(); ++i)
        if (auto problem = gemeente_problem(codes[i].first, *region))
            log.error(Impact::blocking, ExitCode::config, codes[i].second, paths[i], problem->message, problem->hint);
}

/// Validates one present, non-null value. Returns true when `out` holds a valid value.
bool validate_value(const YamlNode &node, const vhh_setting_spec &spec, const std::string &path, SettingValue &out,
                    StageLog &log, const Region *region) {
    Diagnostics &diag = log.sdk();
    out.type = static_cast<vhh_setting_type>(spec.type);
    out.where = node.where;
    if (spec.type == VHH_SETTING_LIST || is_code_list(spec.type)) {
        StageLog value_log(log);  // this value's own errors
        if (spec.type == VHH_SETTING_LIST) {
            validate_list(node, spec, path, out, value_log, region);
        } else {
            validate_codes(node, path, out, value_log.sdk());
            if (spec.type == VHH_SETTING_GEMEENTEN && !value_log.failed()) {
                std::vector<std::pair<std::string, SourceLocation>> codes;
                std::vector<std::string> paths;
                for (std::size_t i = 0; i < node.items.size(); ++i) {
                    codes.emplace_back(node.items[i].text, node.items[i].where);
                    paths.push_back(path + "[" + std::to_string(i) + "]");
                }
                check_gemeenten(codes, paths, region, log);  // the list stays valid
            }
        }
        return !value_log.failed();
    }
    if (!node.is_scalar()) {
        diag.error(ExitCode::config, node.where, path,
                   "expected " + expectation(spec.type) + ", found " + node.describe());
        return false;
    }
    std::string hint;
    ParseResult result = parse_scalar(spec.type, node.text, out, &hint);
    if (result == ParseResult::bad_type) {
        diag.error(ExitCode::config, node.where, path, "expected " + expectation(spec.type) + ", got '" + excerpt(node.text) + "'",
                   hint);
        return false;
    }
    if (result == ParseResult::out_of_range) {
        diag.error(ExitCode::data, node.where, path,
                   "expected " + range_noun(spec.type) + ", got '" + excerpt(node.text) + "', which is too large", hint);
        return false;
    }
    std::string range = range_violation(spec, out);
    if (!range.empty()) {
        diag.error(ExitCode::data, node.where, path,
                   "expected " + range_noun(spec.type) + " " + range + ", got '" + excerpt(node.text) + "'");
        return false;
    }
    if (auto choice_hint = choice_problem(spec, node.text)) {
        diag.error(ExitCode::config, node.where, path, "unknown " + std::string(spec.key) + " '" + excerpt(node.text) + "'",
                   *choice_hint);
        return false;
    }
    if (spec.type == VHH_SETTING_GEMEENTE) check_gemeenten({{node.text, node.where}}, {path}, region, log);
    return true;
}

void validate_list(const YamlNode &node, const vhh_setting_spec &spec, const std::string &path, SettingValue &out,
                   StageLog &log, const Region *region) {
    Diagnostics &diag = log.sdk();
    if (!node.is_sequence()) {
        std::string found = node.is_scalar() ? "'" + excerpt(node.text) + "'" : node.describe();
        diag.error(ExitCode::config, node.where, path, "expected " + expectation(spec.type) + ", found " + found,
                   node.is_map() ? "start every record with '- '" : "");
        return;
    }
    for (std::size_t i = 0; i < node.items.size(); ++i) {
        const YamlNode &item = node.items[i];
        std::string item_path = path + "[" + std::to_string(i) + "]";
        if (!item.is_map()) {
            std::string found = item.is_scalar() ? "'" + excerpt(item.text) + "'" : item.describe();
            diag.error(ExitCode::config, item.where, item_path, "expected a record (a map of fields), found " + found);
            continue;
        }
        out.items.push_back(validate_settings(item, spec.fields, spec.field_count, item_path, {}, log, region));
    }
    out.integer = static_cast<std::int64_t>(node.items.size());
    std::string range = range_violation(spec, out);
    if (!range.empty())
        diag.error(ExitCode::data, node.where, path,
                   "expected a number of records " + range + ", got " + std::to_string(node.items.size()));
}

/// The declared default of a spec as a value, or nothing when it has none or it is invalid.
std::optional<SettingValue> default_value(const vhh_setting_spec &spec, const SourceLocation &where,
                                          std::string *problem) {
    SettingValue value;
    value.type = static_cast<vhh_setting_type>(spec.type);
    value.where = where;
    value.from_default = true;
    if (spec.type == VHH_SETTING_LIST) {
        // A list default is YAML text ("[]" or a flow list of records); no default means an empty list.
        if (spec.default_value != nullptr) {
            StageLog inner;  // the default's own problems, never shown to the user
            YamlNode node = read_yaml_text(spec.default_value, "default", inner.sdk());
            if (!inner.failed() && !node.is_null()) validate_list(node, spec, spec.key, value, inner, nullptr);
            if (inner.failed()) {
                if (problem) *problem = "default '" + std::string(spec.default_value) + "' is not a valid list";
                return std::nullopt;
            }
            mark_default(value, where);
        }
        return value;
    }
    if (is_code_list(spec.type)) {
        // A codes default is YAML text ("[GM0687]"); no default means an empty list.
        if (spec.default_value != nullptr) {
            Diagnostics inner;
            YamlNode node = read_yaml_text(spec.default_value, "default", inner);
            if (!inner.has_errors() && !node.is_null()) validate_codes(node, spec.key, value, inner);
            if (inner.has_errors()) {
                if (problem) *problem = "default '" + std::string(spec.default_value) + "' is not a list of codes";
                return std::nullopt;
            }
        }
        return value;
    }
    if (spec.default_value == nullptr) return std::nullopt;
    if (parse_scalar(spec.type, spec.default_value, value, nullptr) != ParseResult::ok) {
        if (problem)
            *problem = "default '" + std::string(spec.default_value) + "' is not " + expectation(spec.type);
        return std::nullopt;
    }
    if (!range_violation(spec, value).empty()) {
        if (problem) *problem = "default '" + std::string(spec.default_value) + "' is outside its own range";
        return std::nullopt;
    }
    if (choice_problem(spec, value.text)) {
        if (problem) *problem = "default '" + std::string(spec.default_value) + "' is not one of its allowed values";
        return std::nullopt;
    }
    return value;
}

/// Keys the host reads from a plugin's entry itself: no settings table may declare them.
const char *const kReservedKeys[] = {"name", "bestand", "sha256"};

void check_table(const vhh_setting_spec *specs, std::uint32_t spec_count, const std::string &prefix,
                 std::vector<std::string> &problems) {
    if (spec_count > 0 && specs == nullptr) {
        problems.push_back(prefix + "table is missing");
        return;
    }
    std::map<std::string, std::uint32_t> seen;
    std::map<std::string, std::uint32_t> groups;  // one_of group -> number of rows
    for (std::uint32_t i = 0; i < spec_count; ++i) {
        const vhh_setting_spec &spec = specs[i];
        if (spec.key == nullptr || spec.key[0] == '\0') {
            problems.push_back(prefix + "setting #" + std::to_string(i + 1) + " has no key");
            continue;
        }
        const std::string name = "setting '" + prefix + spec.key + "'";
        auto problem = [&](const std::string &what) { problems.push_back(name + what); };
        if (!seen.emplace(spec.key, i).second) problem(" is declared twice");
        if (prefix.empty())
            for (const char *reserved : kReservedKeys)
                if (std::string(spec.key) == reserved)
                    problem(": '" + std::string(reserved) + "' is reserved for the host (a plugin entry's " +
                            reserved + ")");
        if (!known_type(spec.type)) {
            problem(" has unknown type " + std::to_string(spec.type));
            continue;
        }
        if ((spec.flags & ~static_cast<std::uint32_t>(VHH_SETTING_REQUIRED)) != 0)
            problem(" has unknown flags " + std::to_string(spec.flags));
        if ((spec.flags & VHH_SETTING_REQUIRED) && spec.default_value != nullptr)
            problem(" is required and also has a default");
        if (spec.one_of != nullptr) {
            ++groups[spec.one_of];
            if (spec.flags & VHH_SETTING_REQUIRED) problem(" is required, but one of group '" + std::string(spec.one_of) + "'");
            if (spec.default_value != nullptr)
                problem(" has a default, but one of group '" + std::string(spec.one_of) + "' cannot have one");
        }
        if (spec.type == VHH_SETTING_CHOICE) {
            const std::vector<std::string> allowed = choices_of(spec);
            if (allowed.empty() || allowed.size() != spec.choice_count) problem(" is a choice without allowed values");
            for (std::size_t a = 0; a < allowed.size(); ++a)
                if (std::find(allowed.begin(), allowed.begin() + static_cast<std::ptrdiff_t>(a), allowed[a]) !=
                    allowed.begin() + static_cast<std::ptrdiff_t>(a))
                    problem(" allows '" + allowed[a] + "' twice");
        } else if (spec.choices != nullptr || spec.choice_count != 0) {
            problem(" has allowed values, but only a choice has them");
        }
        bool bounds_ok = true;
        if (!has_range(spec.type) && (spec.min_value || spec.max_value)) {
            problem(" has bounds, but a " + std::string(setting_type_name(spec.type)) + " has no range");
            bounds_ok = false;
        }
        SettingValue lo, hi;
        const std::string bound_type = spec.type == VHH_SETTING_LIST ? "a number of records" : expectation(spec.type);
        if (bounds_ok && spec.min_value && parse_scalar(spec.type, spec.min_value, lo, nullptr) != ParseResult::ok) {
            problem(": minimum '" + std::string(spec.min_value) + "' is not " + bound_type);
            bounds_ok = false;
        }
        if (bounds_ok && spec.max_value && parse_scalar(spec.type, spec.max_value, hi, nullptr) != ParseResult::ok) {
            problem(": maximum '" + std::string(spec.max_value) + "' is not " + bound_type);
            bounds_ok = false;
        }
        if (bounds_ok && spec.min_value && spec.max_value && compare(spec.type, lo, hi) > 0) {
            problem(": minimum " + std::string(spec.min_value) + " is greater than maximum " + spec.max_value);
            bounds_ok = false;
        }
        if (spec.type == VHH_SETTING_LIST) {
            if (spec.fields == nullptr || spec.field_count == 0) problem(" is a list without record fields");
            else check_table(spec.fields, spec.field_count, prefix + spec.key + ".", problems);
        } else if (spec.fields != nullptr || spec.field_count != 0) {
            problem(" has record fields, but only a list has them");
        }
        std::string why;
        if (bounds_ok && spec.default_value != nullptr && !default_value(spec, SourceLocation{}, &why)) problem(": " + why);
    }
    for (const auto &[group, rows] : groups)
        if (rows < 2)
            problems.push_back(prefix + "one-of group '" + group + "' has a single setting; it needs two or more");
}

}  // namespace

bool may_misspell(const std::string &key, const std::vector<std::string> &keys) {
    for (const auto &k : keys)
        if (typo_distance(key, k) < kTypoDistance) return true;
    return false;
}

std::optional<std::int64_t> parse_integer(const std::string &text, std::string *hint) {
    std::size_t start = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
    if (all_digits(text, start)) {
        // Leading zeros are decimal: "0123" is 123, never octal.
        __int128 value = 0;
        for (std::size_t i = start; i < text.size(); ++i) {
            value = value * 10 + (text[i] - '0');
            if (value > static_cast<__int128>(std::numeric_limits<std::int64_t>::max()) + 1) {
                if (hint) *hint = "the number is too large";
                return std::nullopt;
            }
        }
        if (text[0] == '-') value = -value;
        if (value > std::numeric_limits<std::int64_t>::max()) {
            if (hint) *hint = "the number is too large";
            return std::nullopt;
        }
        return static_cast<std::int64_t>(value);
    }
    if (!hint) return std::nullopt;
    std::string l = lower(text);
    std::string body = l.substr(start);
    if (body.size() > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'o' || body[1] == 'b')) {
        *hint = "write the number in decimal digits (hexadecimal, octal and binary are not accepted)";
    } else if (std::string digits = strip_dutch_thousands(text, '.'); !digits.empty()) {
        *hint = "write whole numbers without a thousands separator: " + digits;
    } else if (std::string digits2 = strip_dutch_thousands(text, ','); !digits2.empty()) {
        *hint = "write whole numbers without a thousands separator: " + digits2;
    } else if (text.find('_') != std::string::npos || text.find(' ') != std::string::npos) {
        std::string digits3;
        for (char c : text)
            if (c != '_' && c != ' ') digits3 += c;
        if (all_digits(digits3, start)) *hint = "write the digits without separators: " + digits3;
    } else if (text.find_first_of(".,") != std::string::npos) {
        *hint = "a whole number has no decimals";
    }
    return std::nullopt;
}

std::optional<Money> parse_money(const std::string &text, std::string *hint) {
    if (auto m = Money::parse(text)) return m;
    if (!hint) return std::nullopt;
    // A euro sign or "EUR" in front: advise the plain number.
    std::string rest = text;
    for (const std::string prefix : {"\u20ac", "EUR", "eur"})
        if (rest.compare(0, prefix.size(), prefix) == 0) {
            rest = rest.substr(prefix.size());
            break;
        }
    if (rest != text) {
        rest.erase(0, rest.find_first_not_of(' '));
        if (Money::parse(rest)) {
            *hint = "write the amount without the euro sign: " + rest;
        } else if (std::string point = dutch_decimal_to_point(rest); !point.empty() && Money::parse(point)) {
            *hint = "write the amount without the euro sign, with a decimal point: " + point;
        } else if (std::string whole = strip_dutch_thousands(rest, '.'); !whole.empty()) {
            *hint = "write the amount without the euro sign and without a thousands separator: " + whole;
        } else {
            *hint = "write the amount without the euro sign";
        }
        return std::nullopt;
    }
    if (std::string point = dutch_decimal_to_point(text); !point.empty()) {
        if (text.find('.') != std::string::npos)
            *hint = "use a decimal point and no thousands separator: " + point +
                    " (a Dutch decimal comma is not a YAML number)";
        else
            *hint = "use a decimal point: " + point + " (a Dutch decimal comma is not a YAML number)";
        if (!Money::parse(point)) *hint += "; an amount has at most two decimals (whole cents)";
        return std::nullopt;
    }
    if (std::string whole = strip_dutch_thousands(text, '.'); !whole.empty()) {
        // "161.700": three decimals cannot be cents; probably a Dutch thousands separator.
        *hint = "an amount has at most two decimals; if '.' separates thousands, write " + whole;
        return std::nullopt;
    }
    if (std::string whole = strip_dutch_thousands(text.substr(0, text.find('.')), ','); !whole.empty()) {
        std::string candidate = whole + (text.find('.') != std::string::npos ? text.substr(text.find('.')) : "");
        if (Money::parse(candidate)) {
            *hint = "write the amount without a thousands separator: " + candidate;
            return std::nullopt;
        }
    }
    bool many = false, overflow = false;
    if (!parse_fixed(text, 2, many, overflow) && many) {
        *hint = "an amount has at most two decimals (whole cents)";
    } else if (overflow) {
        *hint = "the amount is too large";
    } else if (!text.empty() && text[0] == '.' && Money::parse("0" + text)) {
        *hint = "write a digit before the decimal point: 0" + text;
    }
    return std::nullopt;
}

std::optional<std::int64_t> parse_percentage_ppm(const std::string &text, std::string *hint) {
    bool many = false, overflow = false;
    if (auto v = parse_fixed(text, 4, many, overflow)) return v;
    if (!hint) return std::nullopt;
    std::string body = text;
    if (!body.empty() && body.back() == '%') {
        body.pop_back();
        while (!body.empty() && body.back() == ' ') body.pop_back();
        std::string point = dutch_decimal_to_point(body);
        bool m2 = false, o2 = false;
        if (parse_fixed(body, 4, m2, o2))
            *hint = "write the number without the % sign: " + body;
        else if (!point.empty() && parse_fixed(point, 4, m2, o2))
            *hint = "write the number without the % sign, with a decimal point: " + point;
        else
            *hint = "write the number without the % sign";
    } else if (std::string point = dutch_decimal_to_point(text); !point.empty()) {
        *hint = "use a decimal point: " + point + " (a Dutch decimal comma is not a YAML number)";
    } else if (many) {
        *hint = "a percentage has at most four decimals";
    } else if (overflow) {
        *hint = "the percentage is too large";
    } else if (!text.empty() && text[0] == '.') {
        *hint = "write a digit before the decimal point: 0" + text;
    }
    return std::nullopt;
}

std::optional<bool> parse_boolean(const std::string &text, std::string *hint) {
    if (text == "true") return true;
    if (text == "false") return false;
    if (!hint) return std::nullopt;
    static const char *const truthy[] = {"true", "yes", "y", "on", "ja", "j", "waar", "1"};
    static const char *const falsy[] = {"false", "no", "n", "off", "nee", "onwaar", "0"};
    std::string l = lower(text);
    for (const char *t : truthy)
        if (l == t) *hint = "write true instead of '" + text + "' (only true and false, in lower case, are accepted)";
    for (const char *f : falsy)
        if (l == f) *hint = "write false instead of '" + text + "' (only true and false, in lower case, are accepted)";
    return std::nullopt;
}

/// Of each one-of group of the table, exactly one key must be written in `section`.
void check_one_of_groups(const YamlNode &section, const vhh_setting_spec *specs, std::uint32_t spec_count,
                         const std::string &key_path, Diagnostics &diag) {
    std::vector<std::string> groups;
    for (std::uint32_t i = 0; i < spec_count; ++i)
        if (specs[i].one_of && std::find(groups.begin(), groups.end(), specs[i].one_of) == groups.end())
            groups.push_back(specs[i].one_of);
    for (const auto &group : groups) {
        std::vector<std::string> keys, given;
        const YamlNode *second = nullptr;
        for (std::uint32_t i = 0; i < spec_count; ++i) {
            if (!specs[i].one_of || group != specs[i].one_of || !specs[i].key) continue;
            keys.push_back(specs[i].key);
            if (const YamlNode *v = section.find(specs[i].key)) {
                given.push_back(specs[i].key);
                if (given.size() == 2) second = v;
            }
        }
        std::string list;
        for (std::size_t k = 0; k < keys.size(); ++k)
            list += (k == 0 ? "'" : k + 1 == keys.size() ? " or '" : ", '") + keys[k] + "'";
        if (given.empty())
            diag.error(ExitCode::config, section.where, key_path, "give one of " + list);
        else if (second != nullptr)
            diag.error(ExitCode::config, second->where, join_key(key_path, given[1]),
                       "give only one of " + list + ", not both '" + given[0] + "' and '" + given[1] + "'");
    }
}

Settings validate_settings(const YamlNode &section, const vhh_setting_spec *specs, std::uint32_t spec_count,
                           const std::string &key_path, const std::set<std::string> &ignored_keys,
                           Diagnostics &diag, const Region *region) {
    StageLog log(diag);
    return validate_settings(section, specs, spec_count, key_path, ignored_keys, log, region);
}

Settings validate_settings(const YamlNode &section, const vhh_setting_spec *specs, std::uint32_t spec_count,
                           const std::string &key_path, const std::set<std::string> &ignored_keys,
                           StageLog &log, const Region *region) {
    Diagnostics &diag = log.sdk();
    Settings settings;
    if (specs == nullptr) spec_count = 0;
    for (std::uint32_t i = 0; i < spec_count; ++i)
        if (specs[i].key) settings.declare(specs[i].key);
    const bool usable = section.is_map() || section.is_null();
    if (!usable)
        diag.error(ExitCode::config, section.where, key_path,
                   "expected a map of settings, found " +
                       (section.is_scalar() ? "'" + excerpt(section.text) + "'" : section.describe()));

    std::vector<std::string> allowed;
    for (std::uint32_t i = 0; i < spec_count; ++i)
        if (specs[i].key) allowed.push_back(specs[i].key);
    // ignored_keys may be every other key of a config (a million, from a broken one): no linear
    // search per key (that was quadratic: 1 000 000 unknown top-level keys never finished).
    const std::set<std::string> declared(allowed.begin(), allowed.end());
    for (const auto &k : ignored_keys)
        if (!declared.count(k)) allowed.push_back(k);

    // First the keys as written: unknown keys, values of declared keys.
    std::set<std::string> seen;
    std::map<std::string, const YamlNode *> null_keys;  // declared keys written without a value
    if (section.is_map()) {
        for (const auto &[key, value] : section.entries) {
            if (!key.is_scalar()) continue;           // reported by the YAML reader
            if (!seen.insert(key.text).second) continue;  // duplicate: reported by the YAML reader
            if (ignored_keys.count(key.text)) continue;
            const vhh_setting_spec *spec = nullptr;
            for (std::uint32_t i = 0; i < spec_count; ++i)
                if (specs[i].key && key.text == specs[i].key) spec = &specs[i];
            std::string path = join_key(key_path, excerpt(key.text));
            if (spec == nullptr) {
                // Blocking only when it cannot be a declared key that the section lacks: otherwise the
                // plugin would run on that key's default, not on what the user wrote.
                std::vector<std::string> absent;
                for (std::uint32_t i = 0; i < spec_count; ++i)
                    if (specs[i].key && section.find(specs[i].key) == nullptr) absent.push_back(specs[i].key);
                log.error(may_misspell(key.text, absent) ? Impact::may_mask : Impact::blocking, ExitCode::config,
                          key.where, path, "unknown key '" + excerpt(key.text) + "'", unknown_key_hint(key.text, allowed));
                continue;
            }
            if (value.is_null()) {
                null_keys[key.text] = &key;
                continue;
            }
            SettingValue v;
            // A list keeps its valid records even when some records have errors.
            if (validate_value(value, *spec, path, v, log, region) ||
                (spec->type == VHH_SETTING_LIST && value.is_sequence()))
                settings.set(key.text, std::move(v));
        }
    }

    // Then the declared keys that were not given: required ones, defaults.
    for (std::uint32_t i = 0; i < spec_count; ++i) {
        const vhh_setting_spec &spec = specs[i];
        if (spec.key == nullptr || settings.has(spec.key)) continue;
        bool written = seen.count(spec.key) != 0;
        auto null_key = null_keys.find(spec.key);
        if (written && null_key == null_keys.end()) continue;  // given but invalid: already reported
        if (spec.flags & VHH_SETTING_REQUIRED) {
            if (!usable) continue;
            if (null_key != null_keys.end())
                diag.error(ExitCode::config, null_key->second->where, join_key(key_path, spec.key),
                           "missing value for required key '" + std::string(spec.key) + "'",
                           "expected " + expectation(spec.type));
            else
                diag.error(ExitCode::config, section.where, key_path,
                           "missing required key '" + std::string(spec.key) + "'",
                           "expected " + expectation(spec.type) + (spec.description ? ": " + std::string(spec.description) : ""));
            continue;
        }
        std::string problem;
        if (auto v = default_value(spec, section.where, &problem)) {
            settings.set(spec.key, std::move(*v));
        } else if (!problem.empty()) {
            diag.error(ExitCode::internal, section.where, join_key(key_path, spec.key),
                       "the plugin declares an invalid default: " + problem);
        }
    }
    if (usable) check_one_of_groups(section, specs, spec_count, key_path, diag);
    return settings;
}

std::vector<std::string> check_settings_table(const vhh_setting_spec *specs, std::uint32_t spec_count) {
    std::vector<std::string> problems;
    check_table(specs, spec_count, "", problems);
    return problems;
}

}  // namespace vhh::host
