// test.failing: loads fine but throws in the compute phase.
#include <stdexcept>

#include "vhh/plugin.h"

namespace {
const vhh_setting_spec kSettings[1] = {
    {"unused", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "unused", nullptr, 0},
};
class Failing : public vhh::Plugin {
public:
    void compute(vhh::ComputeContext &) override { throw std::runtime_error("division by zero in key"); }
};
}  // namespace

VHH_PLUGIN(Failing, "test.failing", "0.1.0", "test plugin that fails in compute", VHH_KIND_COMPUTE, kSettings)
