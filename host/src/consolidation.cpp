#include "consolidation.h"

#include <algorithm>
#include <map>

#include "vhh/text.h"

namespace vhh::host {

namespace {

/// Sources in first-seen order over all regions.
std::vector<std::string> all_sources(const std::vector<ConsolidationInput> &regions) {
    std::vector<std::string> sources;
    for (const auto &r : regions)
        for (const auto &l : *r.lines)
            if (std::find(sources.begin(), sources.end(), l.source) == sources.end()) sources.push_back(l.source);
    return sources;
}

Money sum(const std::vector<ContributionLine> &lines, const std::string &source, const std::string &payer = "") {
    Money m;
    for (const auto &l : lines)
        if ((source.empty() || l.source == source) && (payer.empty() || l.payer_id == payer)) m += l.amount;
    return m;
}

Cell bold(Cell c) {
    c.bold = true;
    return c;
}

/// Appends total, prior-year and difference columns to a row whose source amounts are in
/// columns [first, first + n).
void add_totals(std::vector<Cell> &row, std::size_t data_row, std::size_t first, std::size_t n, Money total,
                const Money *prior) {
    const std::string range = Table::ref(data_row, first) + ":" + Table::ref(data_row, first + n - 1);
    row.push_back(Cell::formula("SUM(" + range + ")", Cell::money(total)));
    if (prior) {
        row.push_back(Cell::money(*prior));
        row.push_back(Cell::formula(Table::ref(data_row, first + n) + "-" + Table::ref(data_row, first + n + 1),
                                    Cell::money(total - *prior)));
    } else {
        row.push_back(Cell::text("-"));
        row.push_back(Cell::text("-"));
    }
}

/// A total row: SUM over every numeric column from `first`.
std::vector<Cell> total_row(const Table &t, std::size_t first, const std::vector<Money> &totals,
                            const std::vector<bool> &summable) {
    std::vector<Cell> row(first);
    row[0] = bold(Cell::text("Totaal"));
    const std::size_t n = t.rows.size();
    for (std::size_t c = 0; c < totals.size(); ++c) {
        if (!summable[c] || n == 0) {
            row.push_back(Cell());
            continue;
        }
        row.push_back(bold(Cell::formula(
            "SUM(" + Table::ref(0, first + c) + ":" + Table::ref(n - 1, first + c) + ")", Cell::money(totals[c]))));
    }
    return row;
}

}  // namespace

Workbook consolidation_workbook(const ProvinceConfig &province, const std::vector<ConsolidationInput> &regions) {
    const std::vector<std::string> sources = all_sources(regions);
    const std::size_t n = sources.size();
    const bool any_prior = std::any_of(regions.begin(), regions.end(), [](const auto &r) { return r.prior_lines; });
    Workbook wb;
    wb.file_name = "consolidatie-" + std::to_string(province.boekjaar) + ".xlsx";
    wb.title = "Consolidatie " + province.naam + " " + std::to_string(province.boekjaar);

    // Per regio.
    Table per_regio;
    per_regio.name = "Per regio";
    per_regio.columns = {{"Regio", 34}};
    for (const auto &s : sources) per_regio.columns.push_back({s, 16});
    per_regio.columns.push_back({"Totaal " + std::to_string(province.boekjaar), 16});
    per_regio.columns.push_back({"Totaal " + std::to_string(province.boekjaar - 1), 16});
    per_regio.columns.push_back({"Verschil", 14});
    std::vector<Money> totals(n + 3);
    std::vector<bool> summable(n + 3, true);
    summable[n + 1] = summable[n + 2] = any_prior;
    for (const auto &r : regions) {
        std::vector<Cell> row = {Cell::text(r.region->naam)};
        for (std::size_t i = 0; i < n; ++i) {
            Money m = sum(*r.lines, sources[i]);
            row.push_back(Cell::money(m));
            totals[i] += m;
        }
        Money total = sum(*r.lines, "");
        Money prior = r.prior_lines ? sum(*r.prior_lines, "") : Money();
        add_totals(row, per_regio.rows.size(), 1, n, total, r.prior_lines ? &prior : nullptr);
        totals[n] += total;
        totals[n + 1] += prior;
        totals[n + 2] += total - prior;
        per_regio.rows.push_back(std::move(row));
    }
    per_regio.rows.push_back(total_row(per_regio, 1, totals, summable));

    // Per gemeente: every gemeente of every region, with what it pays per source.
    Table per_gemeente;
    per_gemeente.name = "Per gemeente";
    per_gemeente.autofilter = true;
    per_gemeente.columns = {{"Regio", 28}, {"CBS-code", 10}, {"Gemeente", 24}};
    for (const auto &s : sources) per_gemeente.columns.push_back({s, 16});
    per_gemeente.columns.push_back({"Totaal " + std::to_string(province.boekjaar), 16});
    per_gemeente.columns.push_back({"Totaal " + std::to_string(province.boekjaar - 1), 16});
    per_gemeente.columns.push_back({"Verschil", 14});
    std::vector<Money> gtotals(n + 3);
    for (const auto &r : regions) {
        for (const auto &g : r.region->gemeenten) {
            std::vector<Cell> row = {Cell::text(r.region->naam), Cell::text(g.code), Cell::text(g.naam)};
            for (std::size_t i = 0; i < n; ++i) {
                Money m = sum(*r.lines, sources[i], g.code);
                row.push_back(Cell::money(m));
                gtotals[i] += m;
            }
            Money total = sum(*r.lines, "", g.code);
            Money prior = r.prior_lines ? sum(*r.prior_lines, "", g.code) : Money();
            add_totals(row, per_gemeente.rows.size(), 3, n, total, r.prior_lines ? &prior : nullptr);
            gtotals[n] += total;
            gtotals[n + 1] += prior;
            gtotals[n + 2] += total - prior;
            per_gemeente.rows.push_back(std::move(row));
        }
    }
    per_gemeente.rows.push_back(total_row(per_gemeente, 3, gtotals, summable));
    wb.sheets = {std::move(per_regio), std::move(per_gemeente)};
    if (std::any_of(regions.begin(), regions.end(), [](const auto &r) { return !r.prior_snapshot.empty(); })) {
        Table bronnen;  // which vaststelling of the store gave each region's year before
        bronnen.name = "Vorig jaar";
        bronnen.columns = {{"Regio", 34}, {"Totaal " + std::to_string(province.boekjaar - 1) + " uit", 90}};
        for (const auto &r : regions)
            bronnen.rows.push_back({Cell::text(r.region->naam),
                                    Cell::text(!r.prior_snapshot.empty() ? r.prior_snapshot
                                               : r.prior_lines       ? "de config van het jaar ervoor (vorig_jaar)"
                                                                     : "-")});
        wb.sheets.push_back(std::move(bronnen));
    }
    return wb;
}

TextDocument consolidation_text(const ProvinceConfig &province, const std::vector<ConsolidationInput> &regions) {
    TextDocument doc;
    doc.file_name = "consolidatie-" + std::to_string(province.boekjaar) + ".txt";
    doc.template_name = "consolidatie.txt.mustache";
    DataNode &d = doc.data;
    d.set("provincie", province.naam);
    d.set("boekjaar", std::to_string(province.boekjaar));
    d.set("vorig_jaar", std::to_string(province.boekjaar - 1));
    Money overall, overall_prior;
    bool any_prior = false;
    std::size_t name_w = 0;
    for (const auto &r : regions) {
        name_w = std::max(name_w, display_width(r.region->naam));
        for (const auto &g : r.region->gemeenten) name_w = std::max(name_w, display_width(g.naam) + 2);
    }
    DataNode &list = d.set("regios", DataNode::list());
    for (const auto &r : regions) {
        DataNode &rn = list.push(DataNode::map());
        Money total = sum(*r.lines, "");
        overall += total;
        rn.set("regio", r.region->naam);
        rn.set("regio_kol", pad(r.region->naam, name_w));
        rn.set("totaal", pad(total.format_nl(), 16, true));
        rn.set("heeft_vorig_jaar", DataNode::boolean(r.prior_lines != nullptr));
        rn.set("vorig_jaar_uit_administratie", DataNode::boolean(!r.prior_snapshot.empty()));
        rn.set("vorig_jaar_bron", r.prior_snapshot);
        Money prior = r.prior_lines ? sum(*r.prior_lines, "") : Money();
        if (r.prior_lines) {
            any_prior = true;
            overall_prior += prior;
        }
        rn.set("vorig_jaar_totaal", pad(prior.format_nl(), 16, true));
        rn.set("verschil", (total - prior).format_nl());
        DataNode bron_shape;  // a region without lines has no sources
        bron_shape.set("bron", "");
        bron_shape.set("bedrag", "");
        DataNode &bronnen = rn.set("bronnen", DataNode::list(bron_shape));
        for (const auto &s : all_sources({r})) {
            DataNode &b = bronnen.push(DataNode::map());
            b.set("bron", s);
            b.set("bedrag", sum(*r.lines, s).format_nl());
        }
        DataNode &gemeenten = rn.set("gemeenten", DataNode::list());
        for (const auto &g : r.region->gemeenten) {
            DataNode &gn = gemeenten.push(DataNode::map());
            Money gt = sum(*r.lines, "", g.code);
            gn.set("code", g.code);
            gn.set("gemeente_kol", pad(g.naam, name_w - 2));
            gn.set("totaal", pad(gt.format_nl(), 16, true));
            gn.set("vorig_jaar_totaal",
                   r.prior_lines ? pad(sum(*r.prior_lines, "", g.code).format_nl(), 16, true) : std::string(""));
        }
    }
    d.set("totaal", overall.format_nl());
    d.set("heeft_vorig_jaar", DataNode::boolean(any_prior));
    d.set("vorig_jaar_totaal", overall_prior.format_nl());
    d.set("verschil", (overall - overall_prior).format_nl());
    return doc;
}

}  // namespace vhh::host
