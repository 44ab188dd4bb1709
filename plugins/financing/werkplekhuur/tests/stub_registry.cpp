// test.partnerregister: a minimal partner registry for werkplekhuur's end-to-end tests. It declares
// itself the partner registry and adds the partners of its `partners` setting, nothing more.
#include "vhh/plugin.h"

namespace {

const vhh_setting_spec kPeriodFields[3] = {
    {"aantal", VHH_SETTING_INTEGER, VHH_SETTING_REQUIRED, nullptr, "0", nullptr, "werkplekken", nullptr, 0},
    {"van", VHH_SETTING_DATE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "first day", nullptr, 0},
    {"tot", VHH_SETTING_DATE, 0, nullptr, nullptr, nullptr, "last day", nullptr, 0},
};
const vhh_setting_spec kPartnerFields[3] = {
    {"id", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "id", nullptr, 0},
    {"naam", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "naam", nullptr, 0},
    {"werkplekken", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr, "werkplekken", kPeriodFields, 3},
};
const vhh_setting_spec kSettings[1] = {
    {"partners", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr, "partners", kPartnerFields, 3},
};

class StubRegistry : public vhh::Plugin {
public:
    void load(vhh::LoadContext &ctx) override {
        ctx.declare_partner_registry();
        const auto &records = ctx.settings().list("partners");
        for (std::size_t i = 0; i < records.size(); ++i) {
            const vhh::Settings &r = records[i];
            vhh::Partner p;
            p.id = r.text("id");
            p.naam = r.text("naam");
            p.gehuisvest = true;
            p.where = r.where("id");
            p.key_path = "partners[" + std::to_string(i) + "]";
            for (const auto &w : r.list("werkplekken")) {
                vhh::WerkplekPeriode period;
                period.aantal = w.integer("aantal");
                period.van = w.date("van");
                if (w.has("tot")) period.tot = w.date("tot");
                period.where = w.where("aantal");
                p.werkplekken.push_back(period);
            }
            ctx.add_partner(std::move(p));
        }
    }
};

}  // namespace

VHH_PLUGIN(StubRegistry, "test.partnerregister", "0.1.0", "test partner registry for werkplekhuur", VHH_KIND_LOAD,
           kSettings)
