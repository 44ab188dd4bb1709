#include "consolidation.h"

#include <algorithm>

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

doc::Cell cell(doc::Value value, std::string name = "", std::string formula = "") {
    return doc::Cell{std::move(value), std::move(name), std::move(formula)};
}

doc::Cell text(std::string s) { return cell(doc::Value::text(std::move(s))); }

/// The columns and rows of a table with, after `leading` columns, a column per source, the total
/// of the boekjaar, and (when any region knows it) the year before and the difference.
class FigureTable {
public:
    FigureTable(doc::Table &table, const std::vector<std::string> &sources, int year, bool prior)
        : t_(table), prior_(prior) {
        for (std::size_t i = 0; i < sources.size(); ++i) t_.columns.push_back({"bron_" + std::to_string(i + 1), sources[i]});
        t_.columns.push_back({"totaal", "Totaal " + std::to_string(year)});
        if (prior) {
            t_.columns.push_back({"vorig_jaar", "Totaal " + std::to_string(year - 1)});
            t_.columns.push_back({"verschil", "Verschil"});
        }
    }

    /// Adds a body row: the leading cells, then per source its amount (named `<prefix>_b<N>`), the
    /// total as a formula over them (`<prefix>_totaal`), the year before (`<prefix>_vorig`, empty when
    /// not known) and the difference as a formula.
    void add(std::vector<doc::Cell> leading, const std::string &prefix, const std::vector<Money> &amounts,
             const Money *prior) {
        doc::Row row;
        row.cells = std::move(leading);
        Money total;
        std::string formula;
        for (std::size_t i = 0; i < amounts.size(); ++i) {
            const std::string name = prefix + "_b" + std::to_string(i + 1);
            row.cells.push_back(cell(doc::Value::money(amounts[i]), name));
            total += amounts[i];
            formula += (formula.empty() ? "" : " + ") + name;
        }
        row.cells.push_back(cell(doc::Value::money(total), prefix + "_totaal", formula));
        if (prior_) {
            if (prior) {
                row.cells.push_back(cell(doc::Value::money(*prior), prefix + "_vorig"));
                row.cells.push_back(
                    cell(doc::Value::money(total - *prior), "", prefix + "_totaal - " + prefix + "_vorig"));
            } else {
                row.cells.push_back(cell({}));
                row.cells.push_back(cell({}));
            }
        }
        t_.rows.push_back(std::move(row));
    }

    /// Adds the total row: "Totaal" in the first column and SUM(kolom(KEY)) under every figure.
    void finish(std::size_t leading) {
        doc::Row total;
        total.role = doc::RowRole::total;
        total.cells.push_back(text("Totaal"));
        for (std::size_t c = 1; c < leading; ++c) total.cells.push_back(cell({}));
        for (std::size_t c = leading; c < t_.columns.size(); ++c) {
            Money m;
            for (const auto &r : t_.rows)
                if (c < r.cells.size() && r.cells[c].value.kind() == doc::Value::Kind::money)
                    m += r.cells[c].value.money_value();
            total.cells.push_back(cell(doc::Value::money(m), "", "SUM(kolom(" + t_.columns[c].key + "))"));
        }
        t_.rows.push_back(std::move(total));
    }

private:
    doc::Table &t_;
    bool prior_;
};

}  // namespace

doc::Document consolidation_document(const ProvinceConfig &province, const std::vector<ConsolidationInput> &regions) {
    const std::vector<std::string> sources = all_sources(regions);
    const bool any_prior = std::any_of(regions.begin(), regions.end(), [](const auto &r) { return r.prior_lines; });
    const std::string year = std::to_string(province.boekjaar), vorig = std::to_string(province.boekjaar - 1);
    doc::Document d;
    d.name = "consolidatie-" + year;
    d.meta.title = "Consolidatie " + year;
    d.meta.region = province.naam;
    d.meta.year = province.boekjaar;

    doc::Section intro;
    intro.title = "Inleiding";
    intro.blocks.push_back(doc::Paragraph{
        "De bijdragen van " + std::to_string(regions.size()) + (regions.size() == 1 ? " regio" : " regio's") +
        " in boekjaar " + year + ", per regio en per gemeente, per bron" +
        (any_prior ? ", met het jaar ervoor en het verschil." : ".")});
    d.sections.push_back(std::move(intro));

    // Per regio.
    doc::Table per_regio;
    per_regio.id = "per_regio";
    per_regio.caption = "Per regio";
    per_regio.columns = {{"regio", "Regio"}};
    FigureTable regio_figures(per_regio, sources, province.boekjaar, any_prior);
    for (std::size_t i = 0; i < regions.size(); ++i) {
        const auto &r = regions[i];
        std::vector<Money> amounts;
        for (const auto &s : sources) amounts.push_back(sum(*r.lines, s));
        const Money prior = r.prior_lines ? sum(*r.prior_lines, "") : Money();
        regio_figures.add({text(r.region->naam)}, "r" + std::to_string(i + 1), amounts,
                          r.prior_lines ? &prior : nullptr);
    }
    regio_figures.finish(1);
    doc::Section regio_section;
    regio_section.title = "Per regio";
    regio_section.blocks.push_back(std::move(per_regio));
    d.sections.push_back(std::move(regio_section));

    // Per gemeente: every gemeente of every region, with what it pays per source.
    doc::Table per_gemeente;
    per_gemeente.id = "per_gemeente";
    per_gemeente.caption = "Per gemeente";
    per_gemeente.columns = {{"regio", "Regio"}, {"code", "CBS-code"}, {"gemeente", "Gemeente"}};
    FigureTable gemeente_figures(per_gemeente, sources, province.boekjaar, any_prior);
    std::size_t k = 0;
    for (const auto &r : regions)
        for (const auto &g : r.region->gemeenten) {
            std::vector<Money> amounts;
            for (const auto &s : sources) amounts.push_back(sum(*r.lines, s, g.code));
            const Money prior = r.prior_lines ? sum(*r.prior_lines, "", g.code) : Money();
            gemeente_figures.add({text(r.region->naam), text(g.code), text(g.naam)}, "g" + std::to_string(++k),
                                 amounts, r.prior_lines ? &prior : nullptr);
        }
    gemeente_figures.finish(3);
    doc::Section gemeente_section;
    gemeente_section.title = "Per gemeente";
    gemeente_section.blocks.push_back(std::move(per_gemeente));
    d.sections.push_back(std::move(gemeente_section));

    if (std::any_of(regions.begin(), regions.end(), [](const auto &r) { return !r.prior_snapshot.empty(); })) {
        doc::Table bronnen;  // which vaststelling of the store gave each region's year before
        bronnen.id = "vorig_jaar";
        bronnen.caption = "Vorig jaar";
        bronnen.columns = {{"regio", "Regio"}, {"bron", "Totaal " + vorig + " uit"}};
        for (const auto &r : regions)
            bronnen.rows.push_back({{text(r.region->naam),
                                     text(!r.prior_snapshot.empty() ? r.prior_snapshot
                                          : r.prior_lines       ? "de config van het jaar ervoor (vorig_jaar)"
                                                                : "niet bekend")},
                                    doc::RowRole::body});
        doc::Section s;
        s.title = "Vorig jaar";
        s.blocks.push_back(doc::Paragraph{"Waar de totalen van " + vorig + " vandaan komen."});
        s.blocks.push_back(std::move(bronnen));
        d.sections.push_back(std::move(s));
    }
    return d;
}

}  // namespace vhh::host
