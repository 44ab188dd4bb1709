#include "bijdragen.h"

#include <algorithm>

namespace vhh::report_bijdragen {

namespace {

doc::Cell cell(doc::Value value, std::string name = "", std::string formula = "") {
    return doc::Cell{std::move(value), std::move(name), std::move(formula)};
}

doc::Cell text(std::string s) { return cell(doc::Value::text(std::move(s))); }

/// The heading of a bron: its id with a capital ("inwonerbijdrage" -> "Inwonerbijdrage").
std::string heading(const std::string &bron) {
    std::string h = bron;
    if (!h.empty() && h[0] >= 'a' && h[0] <= 'z') h[0] = static_cast<char>(h[0] - 'a' + 'A');
    return h;
}

}  // namespace

std::string amount_name(std::size_t bron, std::size_t row) {
    return "bedrag_" + std::to_string(bron + 1) + "_" + std::to_string(row + 1);
}

std::string total_name(std::size_t bron) { return "totaal_" + std::to_string(bron + 1); }

std::vector<std::string> bronnen(const std::vector<ContributionLine> &lines) {
    std::vector<std::string> out;
    for (const auto &l : lines)
        if (std::find(out.begin(), out.end(), l.source) == out.end()) out.push_back(l.source);
    return out;
}

doc::Document build_document(const Region &region, const std::vector<ContributionLine> &lines) {
    const std::string year = std::to_string(region.boekjaar);
    doc::Document d;
    d.name = "bijdragen-" + year;
    d.meta.title = "Bijdragen " + year;
    d.meta.region = region.naam;
    d.meta.year = region.boekjaar;

    doc::Section intro;
    intro.title = "Inleiding";
    intro.blocks.push_back(doc::Paragraph{"Wat elke betaler in boekjaar " + year +
                                          " bijdraagt, per bron, met de grondslag van elk bedrag. Inwoners per "
                                          "peildatum " + region.peildatum.nl() + "."});
    if (region.bevolking_indicatief)
        intro.blocks.push_back(doc::Note{"LET OP: de inwonertallen zijn indicatief (" + region.bevolking_bron +
                                         "). Vervang ze door de CBS-cijfers van de peildatum voordat dit stuk wordt "
                                         "verzonden."});
    d.sections.push_back(std::move(intro));

    const std::vector<std::string> sources = bronnen(lines);
    std::vector<Money> totals(sources.size());
    for (std::size_t b = 0; b < sources.size(); ++b) {
        doc::Table t;
        t.id = "bron_" + std::to_string(b + 1);
        t.caption = heading(sources[b]) + " per betaler";
        t.columns = {{"code", "Code"}, {"betaler", "Betaler"}, {"bedrag", "Bedrag"}, {"grondslag", "Grondslag"}};
        std::size_t row = 0;
        for (const auto &l : lines) {
            if (l.source != sources[b]) continue;
            doc::Row r;
            r.cells = {text(l.payer_id), text(l.payer), cell(doc::Value::money(l.amount), amount_name(b, row++)),
                       text(l.basis)};
            t.rows.push_back(std::move(r));
            totals[b] += l.amount;
        }
        doc::Row total;
        total.role = doc::RowRole::total;
        total.cells = {text("Totaal"), cell({}),
                       cell(doc::Value::money(totals[b]), total_name(b), "SUM(kolom(bedrag))"), cell({})};
        t.rows.push_back(std::move(total));
        doc::Section s;
        s.title = heading(sources[b]);
        s.blocks.push_back(std::move(t));
        d.sections.push_back(std::move(s));
    }

    doc::Table summary;
    summary.id = "totalen";
    summary.caption = "Totaal per bron";
    summary.columns = {{"bron", "Bron"}, {"bedrag", "Bedrag"}};
    Money overall;
    std::string sum;
    for (std::size_t b = 0; b < sources.size(); ++b) {
        summary.rows.push_back({{text(heading(sources[b])), cell(doc::Value::money(totals[b]), "", total_name(b))},
                                doc::RowRole::body});
        overall += totals[b];
        sum += (sum.empty() ? "" : " + ") + total_name(b);
    }
    summary.rows.push_back({{text("Totaal alle bronnen"), cell(doc::Value::money(overall), "totaal", sum)},
                            doc::RowRole::total});
    doc::Section totaal;
    totaal.title = "Totaal";
    if (sources.empty()) totaal.blocks.push_back(doc::Paragraph{"Er zijn dit boekjaar geen bijdragen berekend."});
    totaal.blocks.push_back(std::move(summary));
    d.sections.push_back(std::move(totaal));
    return d;
}

void BijdragenPlugin::report(ReportContext &ctx) { ctx.add_document(build_document(ctx.region(), ctx.lines())); }

}  // namespace vhh::report_bijdragen
