// example.vast-bedrag: every gemeente pays the same fixed amount — a regional allocation
// rule added without touching the host. Built against the installed SDK.
#include <vhh/plugin.h>

namespace {

const vhh_setting_spec kSettings[] = {
    {"bedrag", VHH_SETTING_MONEY, VHH_SETTING_REQUIRED, nullptr, "0", nullptr, "fixed amount per gemeente", nullptr, 0},
};

class VastBedrag : public vhh::Plugin {
public:
    void compute(vhh::ComputeContext &ctx) override {
        const vhh::Money bedrag = ctx.settings().money("bedrag");
        vhh::Table sheet;
        sheet.name = "Vast bedrag";
        sheet.columns = {{"CBS-code", 10}, {"Gemeente", 24}, {"Bedrag", 14}};
        for (const auto &g : ctx.region().gemeenten) {
            vhh::ContributionLine line;
            line.source = "vast-bedrag";
            line.payer_id = g.code;
            line.payer = g.naam;
            line.amount = bedrag;
            line.basis = "vast bedrag per gemeente " + bedrag.format_nl();
            line.input("bedrag_cents", bedrag.in_cents());
            ctx.add_line(line);
            sheet.rows.push_back({vhh::Cell::text(g.code), vhh::Cell::text(g.naam), vhh::Cell::money(bedrag)});
        }
        ctx.add_sheet(sheet);
    }
};

}  // namespace

VHH_PLUGIN(VastBedrag, "example.vast-bedrag", "1.0.0", "example: a fixed amount per gemeente", VHH_KIND_COMPUTE,
           kSettings)
