#include "{{ident}}.h"

namespace {{ident}}_plugin {

const vhh::SettingsTable<Instellingen> kSettings{
    vhh::bind("tarief", &Instellingen::tarief).required().range("0", "1000").doc("bijdrage per inwoner per jaar"),
};

std::vector<vhh::ContributionLine> compute_lines(const vhh::Region &region, const Instellingen &instellingen) {
    std::vector<vhh::ContributionLine> lines;
    for (const auto &g : region.gemeenten) {
        vhh::ContributionLine line;
        line.source = kSource;
        line.payer_id = g.code;
        line.payer = g.naam;
        line.amount = vhh::multiply(instellingen.tarief, g.inwoners);
        line.basis = vhh::format_integer_nl(g.inwoners) + " inwoners × " + instellingen.tarief.format_nl();
        line.input("inwoners", g.inwoners);
        line.input("tarief_cents", instellingen.tarief.in_cents());
        lines.push_back(line);
    }
    return lines;
}

void {{klasse}}::compute(vhh::ComputeContext &ctx) {
    const Instellingen instellingen = kSettings.read(ctx.settings());
    vhh::Table sheet;
    sheet.name = "{{naam}}";
    sheet.columns.push_back({"CBS-code", 10});
    sheet.columns.push_back({"Gemeente", 24});
    sheet.columns.push_back({"Inwoners", 12});
    sheet.columns.push_back({"Bijdrage", 14});
    int row = 2;  // row 1 holds the headers
    for (auto &line : compute_lines(ctx.region(), instellingen)) {
        const std::string r = std::to_string(row++);
        sheet.rows.push_back({vhh::Cell::text(line.payer_id), vhh::Cell::text(line.payer),
                              vhh::Cell::integer(line.inputs[0].integer),
                              vhh::Cell::formula("C" + r + "*" + instellingen.tarief.format_plain(),
                                                 vhh::Cell::money(line.amount))});
        ctx.add_line(std::move(line));
    }
    ctx.add_sheet(std::move(sheet));
}

}  // namespace {{ident}}_plugin
