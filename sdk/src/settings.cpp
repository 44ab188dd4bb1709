#include "vhh/settings.h"

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
    }
    return "unknown";
}

}  // namespace vhh
