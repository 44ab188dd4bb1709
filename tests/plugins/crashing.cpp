// test.crashing: loads fine but writes through a null pointer in the compute phase (SIGSEGV),
// or calls abort() there (SIGABRT) when its setting `abort` is true.
#include <cstdint>
#include <cstdlib>

#include "vhh/plugin.h"

namespace {
const vhh_setting_spec kSettings[1] = {
    {"abort", VHH_SETTING_BOOLEAN, 0, "false", nullptr, nullptr, "abort() instead of a null-pointer write", nullptr, 0},
};
class Crashing : public vhh::Plugin {
public:
    void compute(vhh::ComputeContext &ctx) override {
        if (ctx.settings().at("abort").boolean) std::abort();
        // The address is read from a volatile, so the compiler cannot see it is null and drop the write.
        volatile std::uintptr_t address = 0;
        *reinterpret_cast<volatile int *>(address) = 42;
    }
};
}  // namespace

VHH_PLUGIN(Crashing, "test.crashing", "0.1.0", "test plugin that crashes in compute", VHH_KIND_COMPUTE, kSettings)
