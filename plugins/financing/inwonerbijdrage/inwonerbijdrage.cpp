#include "inwonerbijdrage.h"

#include <stdexcept>

namespace vhh::inwonerbijdrage {

const vhh_setting_spec kSettings[1] = {
    {"tarief", VHH_SETTING_MONEY, VHH_SETTING_REQUIRED, nullptr, "0", "1000",
     "bijdrage per inwoner per jaar in euros, e.g. 0.40", nullptr, 0},
};

std::vector<ContributionLine> compute_lines(const Region &region, Money tarief) {
    std::vector<ContributionLine> lines;
    lines.reserve(region.gemeenten.size());
    for (const auto &g : region.gemeenten) {
        ContributionLine line;
        line.source = kSource;
        line.payer_id = g.code;
        line.payer = g.naam;
        line.amount = multiply(tarief, g.inwoners);
        line.basis = format_integer_nl(g.inwoners) + " inwoners (peildatum " + region.peildatum.nl() + ") × " +
                     tarief.format_nl();
        line.input("inwoners", g.inwoners).input("tarief_cents", tarief.in_cents());
        line.input_text("peildatum", region.peildatum.iso());
        lines.push_back(std::move(line));
    }
    return lines;
}

Table describe_sheet(const Region &region, Money tarief, const std::vector<ContributionLine> &lines) {
    if (lines.size() != region.gemeenten.size())
        throw std::invalid_argument("describe_sheet: one line per gemeente expected");
    Table t;
    t.name = "Inwonerbijdrage";
    t.autofilter = true;
    t.columns = {{"CBS-code", 10}, {"Gemeente", 24}, {"Inwoners", 12}, {"Tarief per inwoner", 18}, {"Bijdrage", 16},
                 {"Bron inwoners", 28}};
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Gemeente &g = region.gemeenten[i];
        t.rows.push_back({Cell::text(g.code), Cell::text(g.naam), Cell::integer(g.inwoners), Cell::money(tarief),
                          Cell::formula(Table::ref(i, 2) + "*" + Table::ref(i, 3), Cell::money(lines[i].amount)),
                          Cell::text(g.inwoners_bron)});
    }
    std::int64_t inwoners = 0;
    Money total;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        inwoners += region.gemeenten[i].inwoners;
        total += lines[i].amount;
    }
    const std::size_t n = lines.size();
    Cell label = Cell::text("Totaal");
    Cell sum_inwoners = n ? Cell::formula("SUM(" + Table::ref(0, 2) + ":" + Table::ref(n - 1, 2) + ")", Cell::integer(inwoners))
                          : Cell::integer(0);
    Cell sum_bijdrage = n ? Cell::formula("SUM(" + Table::ref(0, 4) + ":" + Table::ref(n - 1, 4) + ")", Cell::money(total))
                          : Cell::money(total);
    label.bold = sum_inwoners.bold = sum_bijdrage.bold = true;
    t.rows.push_back({label, Cell(), sum_inwoners, Cell(), sum_bijdrage});
    return t;
}

void InwonerbijdragePlugin::compute(ComputeContext &ctx) {
    const Money tarief = ctx.settings().money("tarief");
    std::vector<ContributionLine> lines = compute_lines(ctx.region(), tarief);
    Table sheet = describe_sheet(ctx.region(), tarief, lines);
    for (auto &l : lines) ctx.add_line(std::move(l));
    ctx.add_sheet(std::move(sheet));
}

}  // namespace vhh::inwonerbijdrage
