// test.good: a working plugin that adds one line of € 1,00 per gemeente (source "test").
#include "vhh/plugin.h"

namespace {
const vhh_setting_spec kSettings[1] = {
    {"bedrag", VHH_SETTING_MONEY, 0, "1.00", "0", nullptr, "amount per gemeente", nullptr, 0},
};
class Good : public vhh::Plugin {
public:
    void compute(vhh::ComputeContext &ctx) override {
        for (const auto &g : ctx.region().gemeenten) {
            vhh::ContributionLine l;
            l.source = "test";
            l.payer_id = g.code;
            l.payer = g.naam;
            l.amount = ctx.settings().money("bedrag");
            l.basis = "vast bedrag";
            ctx.add_line(l);
        }
    }
};
}  // namespace

VHH_PLUGIN(Good, "test.good", "0.1.0", "test plugin that works", VHH_KIND_COMPUTE, kSettings)
