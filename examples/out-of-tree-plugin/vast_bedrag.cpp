// The example plugins' logic; see vast_bedrag.h.
#include "vast_bedrag.h"

namespace example {

const vhh_setting_spec kVastBedragSettings[1] = {
    {"bedrag", VHH_SETTING_MONEY, VHH_SETTING_REQUIRED, nullptr, "0", nullptr, "fixed amount per gemeente", nullptr, 0},
};

void VastBedrag::compute(vhh::ComputeContext &ctx) {
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

vhh::doc::Document overzicht(const vhh::Region &region, const std::vector<vhh::ContributionLine> &lines) {
    vhh::doc::Table table;
    table.id = "gemeenten";
    table.caption = "Vast bedrag per gemeente " + std::to_string(region.boekjaar);
    table.columns.push_back({"code", "CBS-code"});
    table.columns.push_back({"gemeente", "Gemeente"});
    table.columns.push_back({"bedrag", "Bedrag"});
    vhh::Money totaal;
    for (const auto &line : lines) {
        if (line.source != "vast-bedrag") continue;
        vhh::doc::Row row;
        row.cells.push_back({vhh::doc::Value::text(line.payer_id), "", ""});
        row.cells.push_back({vhh::doc::Value::text(line.payer), "", ""});
        row.cells.push_back({vhh::doc::Value::money(line.amount), "", ""});
        table.rows.push_back(row);
        totaal += line.amount;
    }
    vhh::doc::Row total;
    total.role = vhh::doc::RowRole::total;
    total.cells.push_back({vhh::doc::Value::text("Totaal"), "", ""});
    total.cells.push_back({vhh::doc::Value(), "", ""});
    total.cells.push_back({vhh::doc::Value::money(totaal), "totaal", "SUM(kolom(bedrag))"});
    table.rows.push_back(total);

    vhh::doc::Document document;
    document.name = "vast-bedrag-" + std::to_string(region.boekjaar);
    document.meta.title = "Vast bedrag " + std::to_string(region.boekjaar);
    document.meta.region = region.naam;
    document.meta.year = region.boekjaar;
    document.meta.date = vhh::Date{region.boekjaar + 1, 1, 1};
    vhh::doc::Section section;
    section.title = "Vast bedrag per gemeente";
    section.blocks.push_back(vhh::doc::Paragraph{"Wat elke gemeente in " + std::to_string(region.boekjaar) +
                                                 " als vast bedrag bijdraagt aan " + region.naam + "."});
    section.blocks.push_back(std::move(table));
    document.sections.push_back(std::move(section));
    return document;
}

void VastBedragOverzicht::report(vhh::ReportContext &ctx) { ctx.add_document(overzicht(ctx.region(), ctx.lines())); }

}  // namespace example
