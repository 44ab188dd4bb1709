// Typed plugin settings, validated by the host against the plugin's settings table.
#pragma once

#include <cstdint>
#include <map>
#include <string>
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
    std::string text;                          ///< TEXT and CODE; the original text for every scalar type
    bool boolean = false;                      ///< VHH_SETTING_BOOLEAN
    std::int64_t ppm = 0;                      ///< VHH_SETTING_PERCENTAGE, in millionths (2.5 % = 25000)
    Date date;                                 ///< VHH_SETTING_DATE
    std::vector<Settings> items;               ///< VHH_SETTING_LIST: one Settings per record
    std::vector<std::string> codes;            ///< VHH_SETTING_CODES: the codes in order
};

/// A plugin's validated settings: every declared key with a value or default.
class Settings {
public:
    /// Sets a value (used by the host's validator).
    void set(const std::string &key, SettingValue value) { values_[key] = std::move(value); }
    /// True when the key has a value (given or default).
    bool has(const std::string &key) const { return values_.count(key) != 0; }
    /// The value of a key; throws std::out_of_range for an undeclared or absent key.
    const SettingValue &at(const std::string &key) const { return values_.at(key); }

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
};

/// Human name of a setting type, as error messages and `vhh plugins` show it.
const char *setting_type_name(std::uint32_t type);

}  // namespace vhh
