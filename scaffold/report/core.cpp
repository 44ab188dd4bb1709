#include "{{ident}}.h"

#include <map>

namespace {{ident}}_plugin {

const vhh::SettingsTable<Instellingen> kSettings{
    vhh::bind("titel", &Instellingen::titel).fallback("Bijdragen per betaler").doc("de titel van het document"),
};

vhh::doc::Document describe(const vhh::Region &region, const std::vector<vhh::ContributionLine> &lines,
                            const Instellingen &instellingen) {
    std::map<std::string, std::pair<std::string, vhh::Money>> per_payer;  // payer_id → naam, total
    for (const auto &line : lines) {
        auto &entry = per_payer[line.payer_id];
        entry.first = line.payer;
        entry.second += line.amount;
    }
    vhh::doc::Table table;
    table.id = "betalers";
    table.caption = instellingen.titel + " " + std::to_string(region.boekjaar);
    table.columns.push_back({"code", "Code"});
    table.columns.push_back({"betaler", "Betaler"});
    table.columns.push_back({"bijdrage", "Bijdrage"});
    vhh::Money totaal;
    for (const auto &[id, entry] : per_payer) {
        vhh::doc::Row row;
        row.cells.push_back({vhh::doc::Value::text(id), "", ""});
        row.cells.push_back({vhh::doc::Value::text(entry.first), "", ""});
        row.cells.push_back({vhh::doc::Value::money(entry.second), "", ""});
        table.rows.push_back(row);
        totaal += entry.second;
    }
    vhh::doc::Row total;
    total.role = vhh::doc::RowRole::total;
    total.cells.push_back({vhh::doc::Value::text("Totaal"), "", ""});
    total.cells.push_back({vhh::doc::Value(), "", ""});
    total.cells.push_back({vhh::doc::Value::money(totaal), "totaal", "SUM(kolom(bijdrage))"});
    table.rows.push_back(total);

    vhh::doc::Document document;
    document.name = "{{naam}}-" + std::to_string(region.boekjaar);
    document.meta.title = instellingen.titel + " " + std::to_string(region.boekjaar);
    document.meta.region = region.naam;
    document.meta.year = region.boekjaar;
    document.meta.date = vhh::Date{region.boekjaar + 1, 1, 1};
    vhh::doc::Section section;
    section.title = instellingen.titel;
    section.blocks.push_back(vhh::doc::Paragraph{"Wat elke betaler in " + std::to_string(region.boekjaar) +
                                                 " bijdraagt aan " + region.naam + "."});
    section.blocks.push_back(std::move(table));
    document.sections.push_back(std::move(section));
    return document;
}

void {{klasse}}::report(vhh::ReportContext &ctx) {
    ctx.add_document(describe(ctx.region(), ctx.lines(), kSettings.read(ctx.settings())));
}

}  // namespace {{ident}}_plugin
