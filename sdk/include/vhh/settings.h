// Typed plugin settings, validated by the host against the plugin's settings table.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "vhh/date.h"
#include "vhh/diagnostics.h"
#include "vhh/money.h"
#include "vhh/plugin_api.h"

namespace vhh {

class Settings;

/// One validated setting value with the location it came from.
struct SettingValue {
    vhh_setting_type type = VHH_SETTING_TEXT;  ///< the declared type
    SourceLocation where;                      ///< where it was written (the plugin entry for defaults)
    bool from_default = false;                 ///< true when the value is the declared default
    std::int64_t integer = 0;                  ///< VHH_SETTING_INTEGER
    Money money;                               ///< VHH_SETTING_MONEY
    std::string text;                          ///< TEXT, CODE, CHOICE, GEMEENTE; the original text of every scalar
    bool boolean = false;                      ///< VHH_SETTING_BOOLEAN
    std::int64_t ppm = 0;                      ///< VHH_SETTING_PERCENTAGE, in millionths (2.5 % = 25000)
    Date date;                                 ///< VHH_SETTING_DATE
    std::vector<Settings> items;               ///< VHH_SETTING_LIST: one Settings per record
    std::vector<std::string> codes;            ///< VHH_SETTING_CODES and GEMEENTEN: the codes in order
};

/// A plugin's validated settings: every declared key with a value or default; an optional
/// setting without a default that was not given has no value ("absent").
class Settings {
public:
    /// Sets a value (used by the host's validator).
    void set(const std::string &key, SettingValue value) { values_[key] = std::move(value); }
    /// Records that the settings table declares `key` (used by the host's validator), so that
    /// reading an undeclared key is told apart from reading an absent optional one.
    void declare(const std::string &key) { declared_.insert(key); }
    /// Names the plugin these settings belong to (in messages), here and in every record.
    void set_owner(const std::string &plugin);
    /// True when the key has a value (given or default).
    bool has(const std::string &key) const { return values_.count(key) != 0; }
    /// The value of a key, or nullptr when the key is declared but absent (optional, no default);
    /// throws std::logic_error naming key and plugin when the table does not declare the key.
    const SettingValue *find(const std::string &key) const;
    /// The value of a key; throws std::logic_error naming key and plugin when the key is
    /// undeclared, or absent (read an optional setting without a default with optional<T>()).
    const SettingValue &at(const std::string &key) const;
    /// The value of an optional setting as T (as a bound member of type T reads it), or nothing
    /// when it is absent; throws std::logic_error for an undeclared key.
    template <class T>
    std::optional<T> optional(const std::string &key) const;

    std::int64_t integer(const std::string &key) const { return at(key).integer; }
    Money money(const std::string &key) const { return at(key).money; }
    const std::string &text(const std::string &key) const { return at(key).text; }
    bool boolean(const std::string &key) const { return at(key).boolean; }
    std::int64_t percentage_ppm(const std::string &key) const { return at(key).ppm; }
    const Date &date(const std::string &key) const { return at(key).date; }
    const std::vector<Settings> &list(const std::string &key) const { return at(key).items; }
    const std::vector<std::string> &codes(const std::string &key) const { return at(key).codes; }
    /// Where a key's value was written.
    const SourceLocation &where(const std::string &key) const { return at(key).where; }
    /// All values by key.
    const std::map<std::string, SettingValue> &values() const { return values_; }

private:
    std::map<std::string, SettingValue> values_;
    std::set<std::string> declared_;
    std::string owner_;
};

/// A bound member that also keeps where its value was written (for the plugin's own located
/// errors) and whether it is the declared default.
template <class T>
struct Located {
    T value{};                  ///< the value
    SourceLocation where;       ///< where it was written (the plugin entry for defaults)
    bool from_default = false;  ///< true when the value is the declared default
};

namespace detail {
inline void read_value(const SettingValue &v, std::int64_t &out) {
    out = v.type == VHH_SETTING_PERCENTAGE ? v.ppm : v.integer;
}
inline void read_value(const SettingValue &v, int &out) { out = static_cast<int>(v.integer); }
inline void read_value(const SettingValue &v, Money &out) { out = v.money; }
inline void read_value(const SettingValue &v, std::string &out) { out = v.text; }
inline void read_value(const SettingValue &v, bool &out) { out = v.boolean; }
inline void read_value(const SettingValue &v, Date &out) { out = v.date; }
inline void read_value(const SettingValue &v, std::vector<std::string> &out) { out = v.codes; }
template <class T>
void read_value(const SettingValue &v, Located<T> &out);
template <class T>
void read_value(const SettingValue &v, std::optional<T> &out) {
    read_value(v, out.emplace());
}
template <class T>
void read_value(const SettingValue &v, Located<T> &out) {
    read_value(v, out.value);
    out.where = v.where;
    out.from_default = v.from_default;
}

/// The setting type a member of type T binds to by default.
template <class T>
struct default_type;
template <> struct default_type<std::int64_t> { static constexpr std::uint32_t value = VHH_SETTING_INTEGER; };
template <> struct default_type<int> { static constexpr std::uint32_t value = VHH_SETTING_INTEGER; };
template <> struct default_type<Money> { static constexpr std::uint32_t value = VHH_SETTING_MONEY; };
template <> struct default_type<std::string> { static constexpr std::uint32_t value = VHH_SETTING_TEXT; };
template <> struct default_type<bool> { static constexpr std::uint32_t value = VHH_SETTING_BOOLEAN; };
template <> struct default_type<Date> { static constexpr std::uint32_t value = VHH_SETTING_DATE; };
template <> struct default_type<std::vector<std::string>> { static constexpr std::uint32_t value = VHH_SETTING_CODES; };
template <class T> struct default_type<std::optional<T>> : default_type<T> {};
template <class T> struct default_type<Located<T>> : default_type<T> {};

/// The named-field setters every row builder has; `Derived` holds the row in `spec_`.
template <class Derived>
class RowMethods {
public:
    /// The key must be given (a required row has no default).
    Derived &required() { return set([](vhh_setting_spec &s) { s.flags |= VHH_SETTING_REQUIRED; }); }
    /// The default as YAML text: written once, here; the host fills it in and a bound member gets it.
    Derived &fallback(const char *value) { return set([=](vhh_setting_spec &s) { s.default_value = value; }); }
    /// Inclusive bounds as text ("0", "1000"); for a list, the number of records.
    Derived &range(const char *lo, const char *hi) {
        return set([=](vhh_setting_spec &s) { s.min_value = lo, s.max_value = hi; });
    }
    /// Inclusive lower bound only.
    Derived &at_least(const char *lo) { return set([=](vhh_setting_spec &s) { s.min_value = lo; }); }
    /// Inclusive upper bound only.
    Derived &at_most(const char *hi) { return set([=](vhh_setting_spec &s) { s.max_value = hi; }); }
    /// One line for `vhh plugins` and the docs.
    Derived &doc(const char *description) { return set([=](vhh_setting_spec &s) { s.description = description; }); }
    /// Of the rows of this table in group `group`, exactly one must be given.
    Derived &one_of(const char *group) { return set([=](vhh_setting_spec &s) { s.one_of = group; }); }
    /// Overrides the type the member's C++ type implies (CODE or GEMEENTE for a string,
    /// PERCENTAGE for an int64 in millionths, GEMEENTEN for a list of codes).
    Derived &as(vhh_setting_type type) { return set([=](vhh_setting_spec &s) { s.type = type; }); }
    /// The row as the C table holds it.
    const vhh_setting_spec &spec() const { return static_cast<const Derived &>(*this).spec_; }

private:
    template <class F>
    Derived &set(F f) {
        auto &self = static_cast<Derived &>(*this);
        f(self.spec_);
        return self;
    }
};
}  // namespace detail

/// One row of a plain C settings table, by named fields:
/// `vhh::setting("tarief", VHH_SETTING_MONEY).range("0", "1000").doc("…")` converts to a vhh_setting_spec.
class SettingRow : public detail::RowMethods<SettingRow> {
public:
    SettingRow(const char *key, vhh_setting_type type) {
        spec_.key = key;
        spec_.type = type;
    }
    /// Record fields of a VHH_SETTING_LIST.
    template <std::size_t N>
    SettingRow &fields(const vhh_setting_spec (&table)[N]) {
        spec_.fields = table;
        spec_.field_count = static_cast<std::uint32_t>(N);
        return *this;
    }
    /// The allowed values of a VHH_SETTING_CHOICE (the array must outlive the table).
    template <std::size_t N>
    SettingRow &choices(const char *const (&values)[N]) {
        spec_.type = VHH_SETTING_CHOICE;
        spec_.choices = values;
        spec_.choice_count = static_cast<std::uint32_t>(N);
        return *this;
    }
    operator vhh_setting_spec() const { return spec_; }  // NOLINT(google-explicit-constructor)

private:
    friend class detail::RowMethods<SettingRow>;
    vhh_setting_spec spec_{};
};

/// Starts a row of a plain C settings table.
inline SettingRow setting(const char *key, vhh_setting_type type) { return SettingRow(key, type); }

template <class C>
class SettingsTable;

/// One row of a SettingsTable<C>: the row of the C table plus the member of C it binds to.
template <class C>
class BoundRow : public detail::RowMethods<BoundRow<C>> {
public:
    /// The allowed values of a string member (makes the row a VHH_SETTING_CHOICE).
    BoundRow &choices(std::initializer_list<const char *> values) {
        spec_.type = VHH_SETTING_CHOICE;
        names_.assign(values.begin(), values.end());
        return *this;
    }

private:
    friend class detail::RowMethods<BoundRow<C>>;
    friend class SettingsTable<C>;
    template <class D, class M>
    friend BoundRow<D> bind(const char *, M D::*);
    template <class D, class M, class R>
    friend BoundRow<D> bind(const char *, M D::*, const SettingsTable<R> &);
    template <class D, class E>
    friend BoundRow<D> bind(const char *, E D::*, std::initializer_list<std::pair<const char *, E>>);

    vhh_setting_spec spec_{};
    std::vector<const char *> names_;                         // CHOICE values
    std::function<void(const SettingValue &, C &)> assign_;  // copies a validated value into the member
};

/// Binds a setting to a member of the plugin's settings struct; the type follows the member's
/// (std::int64_t integer, Money amount, std::string text, bool, Date, std::vector<std::string>
/// codes; std::optional<T> for an optional setting without a default, Located<T> to keep where).
template <class C, class M>
BoundRow<C> bind(const char *key, M C::*member) {
    BoundRow<C> row;
    row.spec_.key = key;
    row.spec_.type = detail::default_type<M>::value;
    row.assign_ = [member](const SettingValue &v, C &c) { detail::read_value(v, c.*member); };
    return row;
}

namespace detail {
template <class R>
void read_records(const SettingValue &v, const SettingsTable<R> &table, std::vector<R> &out) {
    for (const Settings &item : v.items) out.push_back(table.read(item));
}
template <class R>
void read_records(const SettingValue &v, const SettingsTable<R> &table, Located<std::vector<R>> &out) {
    read_records(v, table, out.value);
    out.where = v.where;
    out.from_default = v.from_default;
}
}  // namespace detail

/// Binds a list of records to a member of type std::vector<R> (or Located<std::vector<R>>);
/// `fields` is the records' own table.
template <class C, class M, class R>
BoundRow<C> bind(const char *key, M C::*member, const SettingsTable<R> &fields) {
    BoundRow<C> row;
    row.spec_.key = key;
    row.spec_.type = VHH_SETTING_LIST;
    row.spec_.fields = fields.data();
    row.spec_.field_count = fields.size();
    const SettingsTable<R> *table = &fields;
    row.assign_ = [member, table](const SettingValue &v, C &c) { detail::read_records(v, *table, c.*member); };
    return row;
}

/// Binds a VHH_SETTING_CHOICE to an enum member: each allowed value with the enumerator it means.
template <class C, class E>
BoundRow<C> bind(const char *key, E C::*member, std::initializer_list<std::pair<const char *, E>> values) {
    static_assert(std::is_enum_v<E>, "a choice list binds to an enum member");
    BoundRow<C> row;
    row.spec_.key = key;
    row.spec_.type = VHH_SETTING_CHOICE;
    std::vector<std::pair<std::string, E>> map;
    for (const auto &[name, value] : values) {
        row.names_.push_back(name);
        map.emplace_back(name, value);
    }
    row.assign_ = [member, map](const SettingValue &v, C &c) {
        for (const auto &[name, value] : map)
            if (name == v.text) c.*member = value;
    };
    return row;
}

/// A settings table whose rows bind to the members of the plugin's struct C (as Fluent Bit's
/// config maps do): the host validates the section against data()/size(), and read() copies the
/// validated values (defaults filled in) into a C.
template <class C>
class SettingsTable {
public:
    SettingsTable(std::initializer_list<BoundRow<C>> rows) : rows_(rows) {
        specs_.reserve(rows_.size());
        for (const auto &row : rows_) {
            vhh_setting_spec s = row.spec_;
            if (!row.names_.empty()) {
                s.choices = row.names_.data();
                s.choice_count = static_cast<std::uint32_t>(row.names_.size());
            }
            specs_.push_back(s);
        }
    }
    SettingsTable(const SettingsTable &) = delete;
    SettingsTable &operator=(const SettingsTable &) = delete;
    /// The rows as the C manifest holds them.
    const vhh_setting_spec *data() const { return specs_.data(); }
    /// Number of rows.
    std::uint32_t size() const { return static_cast<std::uint32_t>(specs_.size()); }
    /// The validated settings as a C: every member whose key has a value gets it (defaults
    /// included); a member whose optional key is absent keeps its initial value.
    C read(const Settings &settings) const {
        C c{};
        for (const auto &row : rows_)
            if (const SettingValue *v = settings.find(row.spec_.key)) row.assign_(*v, c);
        return c;
    }

private:
    std::vector<BoundRow<C>> rows_;
    std::vector<vhh_setting_spec> specs_;
};

template <class T>
std::optional<T> Settings::optional(const std::string &key) const {
    const SettingValue *v = find(key);
    if (v == nullptr) return std::nullopt;
    T out{};
    detail::read_value(*v, out);
    return out;
}

namespace detail {
/// VHH_NO_SETTINGS.
struct NoSettings {};
template <std::size_t N>
const vhh_setting_spec *spec_data(const vhh_setting_spec (&table)[N]) { return table; }
template <std::size_t N>
std::uint32_t spec_count(const vhh_setting_spec (&)[N]) { return static_cast<std::uint32_t>(N); }
template <class C>
const vhh_setting_spec *spec_data(const SettingsTable<C> &table) { return table.data(); }
template <class C>
std::uint32_t spec_count(const SettingsTable<C> &table) { return table.size(); }
inline const vhh_setting_spec *spec_data(NoSettings) { return nullptr; }
inline std::uint32_t spec_count(NoSettings) { return 0; }
}  // namespace detail

/// Human name of a setting type, as error messages and `vhh plugins` show it.
const char *setting_type_name(std::uint32_t type);

}  // namespace vhh
