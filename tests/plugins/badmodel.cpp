// test.badmodel: a plugin whose report model vhh run could not render, chosen by its setting
// `probleem`: "totaal" adds a bijdragen sheet named like the host's own Totaal sheet (compute);
// "documenten" adds a workbook named manifest.json whose sheet is named "a/b" (report).
// vhh check must refuse both at the plugin's entry, naming the plugin.
#include <string>

#include "vhh/plugin.h"

namespace {
const vhh_setting_spec kSettings[1] = {
    {"probleem", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "totaal or documenten", nullptr,
     0},
};

vhh::Table one_sheet(const std::string &name) {
    vhh::Table t;
    t.name = name;
    t.columns = {{"Naam", 20}};
    t.rows.push_back({vhh::Cell::text("x")});
    return t;
}

class BadModel : public vhh::Plugin {
public:
    void compute(vhh::ComputeContext &ctx) override {
        if (ctx.settings().text("probleem") == "totaal") ctx.add_sheet(one_sheet("TOTAAL"));
    }
    void report(vhh::ReportContext &ctx) override {
        if (ctx.settings().text("probleem") != "documenten") return;
        vhh::Workbook wb;
        wb.file_name = "manifest.json";
        wb.title = "test";
        wb.sheets.push_back(one_sheet("a/b"));
        ctx.add_workbook(std::move(wb));
    }
};
}  // namespace

VHH_PLUGIN(BadModel, "test.badmodel", "0.1.0", "test plugin whose documents Excel or --out would refuse",
           VHH_KIND_COMPUTE | VHH_KIND_REPORT, kSettings)
