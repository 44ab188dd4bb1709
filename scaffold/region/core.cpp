#include "{{ident}}.h"

namespace {{ident}}_plugin {

const vhh::SettingsTable<Indeling> kIndelingFields{
    vhh::bind("gemeente", &Indeling::gemeente).as(VHH_SETTING_GEMEENTE).required().doc("CBS-code van de gemeente"),
    vhh::bind("naam", &Indeling::naam).required().doc("de veiligheidsregio"),
};

const vhh::SettingsTable<Instellingen> kSettings{
    vhh::bind("veiligheidsregio", &Instellingen::veiligheidsregio, kIndelingFields)
        .fallback("[]")
        .doc("per gemeente de veiligheidsregio"),
};

vhh::doc::Document describe(const vhh::Region &region, const Instellingen &instellingen) {
    vhh::doc::Table table;
    table.id = "gemeenten";
    table.caption = "Gemeenten en veiligheidsregio " + std::to_string(region.boekjaar);
    table.columns.push_back({"code", "Code"});
    table.columns.push_back({"gemeente", "Gemeente"});
    table.columns.push_back({"veiligheidsregio", "Veiligheidsregio"});
    for (const auto &g : region.gemeenten) {
        std::string vr = "onbekend";
        for (const auto &i : instellingen.veiligheidsregio)
            if (i.gemeente == g.code) vr = i.naam;
        vhh::doc::Row row;
        row.cells.push_back({vhh::doc::Value::text(g.code), "", ""});
        row.cells.push_back({vhh::doc::Value::text(g.naam), "", ""});
        row.cells.push_back({vhh::doc::Value::text(vr), "", ""});
        table.rows.push_back(row);
    }
    vhh::doc::Document document;
    document.name = "regio-{{naam}}-" + std::to_string(region.boekjaar);
    document.meta.title = "Indeling " + region.naam + " " + std::to_string(region.boekjaar);
    document.meta.region = region.naam;
    document.meta.year = region.boekjaar;
    document.meta.date = vhh::Date{region.boekjaar + 1, 1, 1};
    vhh::doc::Section section;
    section.title = "Veiligheidsregio per gemeente";
    section.blocks.push_back(std::move(table));
    document.sections.push_back(std::move(section));
    return document;
}

void {{klasse}}::report(vhh::ReportContext &ctx) {
    ctx.add_document(describe(ctx.region(), kSettings.read(ctx.settings())));
}

}  // namespace {{ident}}_plugin
