// test.huge: adds two lines of the largest amount 64-bit cents hold (INT64_MAX), whose sum does
// not fit: the host must refuse them instead of printing a wrapped-around total.
#include <cstdint>
#include <limits>

#include "vhh/plugin.h"

namespace {
const vhh_setting_spec kSettings[1] = {
    {"unused", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "unused", nullptr, 0},
};
class Huge : public vhh::Plugin {
public:
    void compute(vhh::ComputeContext &ctx) override {
        for (int i = 0; i < 2; ++i) {
            vhh::ContributionLine l;
            l.source = "test";
            l.payer_id = ctx.region().gemeenten.at(static_cast<std::size_t>(i)).code;
            l.payer = ctx.region().gemeenten.at(static_cast<std::size_t>(i)).naam;
            l.amount = vhh::Money::cents(std::numeric_limits<std::int64_t>::max());
            l.basis = "vast bedrag";
            ctx.add_line(l);
        }
    }
};
}  // namespace

VHH_PLUGIN(Huge, "test.huge", "0.1.0", "test plugin whose lines add up beyond 64-bit cents", VHH_KIND_COMPUTE,
           kSettings)
