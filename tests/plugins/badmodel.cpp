// test.badmodel: a plugin whose report model vhh run could not render, chosen by its setting
// `probleem`: "blad" adds a calculation sheet named like financing.inwonerbijdrage's (compute);
// "documenten" describes a document named like registry.partners' (partners-2013) and one whose name
// is not a plain file stem ("a/b") (report);
// "documentmodel" describes a document (vhh/document.h) whose formulas, names and chart are broken;
// "geen" describes a good document, "beschreven-2013", that every configured renderer renders.
// vhh check must refuse the broken ones at the plugin's entry, naming the plugin.
#include <string>

#include "vhh/plugin.h"

namespace {
const vhh_setting_spec kSettings[1] = {
    {"probleem", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "blad, documenten, documentmodel or geen", nullptr,
     0},
};

vhh::Table one_sheet(const std::string &name) {
    vhh::Table t;
    t.name = name;
    t.columns = {{"Naam", 20}};
    t.rows.push_back({vhh::Cell::text("x")});
    return t;
}

/// A document of two amounts and their total; broken unless `good`.
vhh::doc::Document described(bool good) {
    using namespace vhh::doc;
    Document d;
    d.name = "beschreven-2013";
    d.meta.title = "Beschreven document 2013";
    d.meta.region = "Zeeland";
    d.meta.year = 2013;
    Table t;
    t.id = "bedragen";
    t.caption = "Twee bedragen";
    t.columns = {{"naam", "Naam"}, {"bedrag", "Bedrag"}};
    t.rows.push_back({{Cell{Value::text("een"), "", ""}, Cell{Value::money(vhh::Money::cents(150)), "een", ""}}});
    t.rows.push_back({{Cell{Value::text("twee"), "", ""}, Cell{Value::money(vhh::Money::cents(250)), "twee", ""}}});
    t.rows.push_back({{Cell{Value::text("Totaal"), "", ""},
                       Cell{Value::money(vhh::Money::cents(400)), "totaal",
                            good ? "SUM(kolom(bedrag))" : "SUM(kolom(bedragen)) + drie"}},
                      RowRole::total});
    t.rows.push_back({{Cell{Value::text("Afgerond"), "", ""},
                       Cell{Value::money(vhh::Money::cents(400)), "", good ? "ROUND(totaal; 0)" : "ROUND(totaal, 0)"}},
                      RowRole::total});
    Chart chart;
    chart.title = "Bedragen";
    chart.table_id = good ? "bedragen" : "bedrag";
    chart.category_column = "naam";
    chart.value_columns = {"bedrag"};
    d.sections.push_back(Section{"Bedragen", {Paragraph{"Twee bedragen en hun totaal."}, t, chart}, {}});
    return d;
}

class BadModel : public vhh::Plugin {
public:
    void compute(vhh::ComputeContext &ctx) override {
        if (ctx.settings().text("probleem") == "blad") ctx.add_sheet(one_sheet("INWONERBIJDRAGE"));
    }
    void report(vhh::ReportContext &ctx) override {
        const std::string probleem = ctx.settings().text("probleem");
        if (probleem == "documentmodel" || probleem == "geen") {
            ctx.add_document(described(probleem == "geen"));
            return;
        }
        if (probleem != "documenten") return;
        for (const char *name : {"partners-2013", "a/b"}) {
            vhh::doc::Document d = described(true);
            d.name = name;
            ctx.add_document(std::move(d));
        }
    }
};
}  // namespace

VHH_PLUGIN(BadModel, "test.badmodel", "0.1.0", "test plugin whose documents Excel or --out would refuse",
           VHH_KIND_COMPUTE | VHH_KIND_REPORT, kSettings)
