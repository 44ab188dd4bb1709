// test.unresolved: references a function no library defines. With lazy binding it
// would load and crash on first call; vhh loads with RTLD_NOW and must refuse it.
#include "vhh/plugin.h"

extern "C" int vhh_test_symbol_that_does_not_exist(int);

namespace {
const vhh_setting_spec kSettings[1] = {
    {"unused", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "unused", nullptr, 0},
};
class Unresolved : public vhh::Plugin {
public:
    void compute(vhh::ComputeContext &) override { vhh_test_symbol_that_does_not_exist(1); }
};
}  // namespace

VHH_PLUGIN(Unresolved, "test.unresolved", "0.1.0", "test plugin with a missing symbol", VHH_KIND_COMPUTE, kSettings)
