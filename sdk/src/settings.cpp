#include "vhh/settings.h"

#include <stdexcept>

namespace vhh {

const char *setting_type_name(std::uint32_t type) {
    switch (type) {
        case VHH_SETTING_INTEGER: return "integer";
        case VHH_SETTING_MONEY: return "amount";
        case VHH_SETTING_TEXT: return "text";
        case VHH_SETTING_BOOLEAN: return "boolean";
        case VHH_SETTING_PERCENTAGE: return "percentage";
        case VHH_SETTING_DATE: return "date";
        case VHH_SETTING_CODE: return "code";
        case VHH_SETTING_LIST: return "list";
        case VHH_SETTING_CODES: return "codes";
        case VHH_SETTING_CHOICE: return "choice";
        case VHH_SETTING_GEMEENTE: return "gemeente";
        case VHH_SETTING_GEMEENTEN: return "gemeenten";
    }
    return "unknown";
}

void Settings::set_owner(const std::string &plugin) {
    owner_ = plugin;
    for (auto &[key, value] : values_)
        for (auto &record : value.items) record.set_owner(plugin);
}

const SettingValue *Settings::find(const std::string &key) const {
    auto it = values_.find(key);
    if (it != values_.end()) return &it->second;
    // Hand-made settings (tests) declare nothing: then every key they lack is simply absent.
    if (!declared_.empty() && declared_.count(key) == 0)
        throw std::logic_error("plugin '" + (owner_.empty() ? std::string("?") : owner_) + "' reads setting '" + key +
                               "', which its settings table does not declare");
    return nullptr;
}

const SettingValue &Settings::at(const std::string &key) const {
    if (const SettingValue *v = find(key)) return *v;
    throw std::logic_error("plugin '" + (owner_.empty() ? std::string("?") : owner_) + "' reads setting '" + key +
                           "', which has no value (optional, without a default): read it with optional<T>() or "
                           "bind it to a std::optional member");
}

}  // namespace vhh
