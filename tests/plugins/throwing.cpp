// test.throwing: its factory throws.
#include <stdexcept>

#include "vhh/plugin.h"

namespace {
const vhh_setting_spec kSettings[1] = {
    {"unused", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "unused", nullptr, 0},
};
class Throwing : public vhh::Plugin {
public:
    Throwing() { throw std::runtime_error("ledger database not reachable"); }
};
}  // namespace

VHH_PLUGIN(Throwing, "test.throwing", "0.1.0", "test plugin whose factory throws", VHH_KIND_COMPUTE, kSettings)
