#include "resultaat.h"

#include "document_parts.h"

namespace vhh::begroting {

namespace {

std::string totaal_naam(bool toevoegingen, int jaar) {
    return std::string(toevoegingen ? "res_toevoegingen_" : "res_onttrekkingen_") + j(jaar);
}

/// The cell of the year's total mutations, or "0" when no reserve has a table of mutations.
std::string totaal_formule(const Config &c, bool toevoegingen, int jaar) {
    return heeft_mutaties(c) ? totaal_naam(toevoegingen, jaar) : "0";
}

}  // namespace

bool heeft_mutaties(const Config &c) {
    for (const auto &r : c.reserves)
        if (!r.mutaties.empty()) return true;
    return false;
}

Money mutaties_in(const Config &c, int jaar, bool toevoegingen) {
    Money m;
    for (const auto &r : c.reserves)
        if (const ReserveMutatie *x = r.mutatie(jaar)) m += toevoegingen ? x->toevoeging : x->onttrekking;
    return m;
}

doc::Table mutaties_tabel(const Config &c, bool toevoegingen) {
    doc::Table t;
    t.id = toevoegingen ? "reserves_toevoegingen" : "reserves_onttrekkingen";
    t.caption = toevoegingen ? "Geraamde toevoegingen aan reserves" : "Geraamde onttrekkingen aan reserves";
    t.columns = {{"reserve", "Reserve"}};
    for (int y : c.jaren()) t.columns.push_back({"j" + j(y), j(y)});
    t.columns.push_back({"toelichting", "Toelichting"});
    for (std::size_t i = 0; i < c.reserves.size(); ++i) {
        const Reserve &r = c.reserves[i];
        doc::Row regel;
        regel.cells.push_back(text(r.naam));
        std::string toelichting;
        bool any = false;
        for (int y : c.jaren()) {
            const ReserveMutatie *m = r.mutatie(y);
            const Money bedrag = m ? (toevoegingen ? m->toevoeging : m->onttrekking) : Money();
            regel.cells.push_back(money(bedrag));
            if (bedrag == Money()) continue;
            any = true;
            if (!m->toelichting.empty()) toelichting += (toelichting.empty() ? "" : "; ") + j(y) + ": " + m->toelichting;
        }
        if (!any) continue;  // this reserve has no mutation of this kind
        regel.cells.push_back(text(toelichting));
        t.rows.push_back(std::move(regel));
    }
    doc::Row tot;
    tot.role = doc::RowRole::total;
    tot.cells.push_back(text("Totaal"));
    for (int y : c.jaren())
        tot.cells.push_back(money(mutaties_in(c, y, toevoegingen), totaal_naam(toevoegingen, y), "SUM(kolom(j" + j(y) + "))"));
    tot.cells.push_back(text(""));
    t.rows.push_back(std::move(tot));
    return t;
}

doc::Table resultaat_tabel(const Config &c, const std::map<int, Money> &baten, const std::map<int, Money> &lasten) {
    doc::Table t;
    t.id = "raming_saldo";
    t.caption = "Saldo en resultaat";
    t.columns = {{"onderdeel", "Onderdeel"}};
    for (int y : c.jaren()) t.columns.push_back({"j" + j(y), j(y)});
    doc::Row saldo, toe, ont, na;
    saldo.cells.push_back(text("Saldo van baten en lasten (resultaat vóór bestemming)"));
    toe.cells.push_back(text("Toevoegingen aan reserves"));
    ont.cells.push_back(text("Onttrekkingen aan reserves"));
    na.cells.push_back(text("Resultaat na bestemming"));
    na.role = doc::RowRole::total;
    for (int y : c.jaren()) {
        const Money s = baten.at(y) - lasten.at(y), plus = mutaties_in(c, y, true), min = mutaties_in(c, y, false);
        saldo.cells.push_back(money(s, "saldo_" + j(y), "rm_baten_" + j(y) + " - rm_lasten_" + j(y)));
        toe.cells.push_back(money(plus, "toe_" + j(y), totaal_formule(c, true, y)));
        ont.cells.push_back(money(min, "ont_" + j(y), totaal_formule(c, false, y)));
        na.cells.push_back(money(s - plus + min, "resultaat_" + j(y),
                                 "saldo_" + j(y) + " - toe_" + j(y) + " + ont_" + j(y)));
    }
    t.rows = {std::move(saldo), std::move(toe), std::move(ont), std::move(na)};
    return t;
}

doc::Table resultaat_overzicht(const Config &c, Money baten, Money lasten) {
    const int y = c.begrotingsjaar;
    const Money plus = mutaties_in(c, y, true), min = mutaties_in(c, y, false);
    doc::Table t;
    t.id = "overzicht_resultaat";
    t.caption = "Resultaat " + j(y);
    t.columns = {{"onderdeel", "Onderdeel"}, {"bedrag", "Begroting " + j(y)}};
    t.rows.push_back(row({text("Totaal baten"), money(baten, "", "ov_baten_begroting")}));
    t.rows.push_back(row({text("Totaal lasten"), money(lasten, "", "ov_lasten_begroting")}));
    t.rows.push_back(row({text("Saldo van baten en lasten (resultaat vóór bestemming)"),
                          money(baten - lasten, "ovr_saldo", "ov_baten_begroting - ov_lasten_begroting")}));
    t.rows.push_back(row({text("Toevoegingen aan reserves"), money(plus, "ovr_toe", totaal_formule(c, true, y))}));
    t.rows.push_back(row({text("Onttrekkingen aan reserves"), money(min, "ovr_ont", totaal_formule(c, false, y))}));
    t.rows.push_back(row({text("Resultaat na bestemming"), money(baten - lasten - plus + min, "", "ovr_saldo - ovr_toe + ovr_ont")},
                         doc::RowRole::total));
    return t;
}

}  // namespace vhh::begroting
