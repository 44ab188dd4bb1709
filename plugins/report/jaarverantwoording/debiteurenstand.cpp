#include "debiteurenstand.h"

#include "vhh/count_nl.h"

namespace vhh::jaarverantwoording {

namespace {
doc::Cell text(const std::string &s) { return {doc::Value::text(s), "", ""}; }
doc::Cell money(Money m, const std::string &name = "", const std::string &formula = "") {
    return {doc::Value::money(m), name, formula};
}
}  // namespace

doc::Section debiteurenstand_section(const Administration *administration, const Region &region) {
    const std::string per = "31 december " + std::to_string(region.boekjaar);
    doc::Section s{"Debiteurenstand per " + per, {}, {}};
    if (administration == nullptr) {
        s.blocks.emplace_back(doc::Paragraph{
            "Deze run heeft geen administratie (database): de facturen en betalingen zijn niet bekend, dus de "
            "debiteurenstand per " + per + " staat niet in dit document."});
        return s;
    }
    const Debiteurenstand &d = administration->debiteurenstand;
    if (d.facturen == 0) {
        s.blocks.emplace_back(doc::Paragraph{"De administratie bevat geen facturen van " + region.naam +
                                             " met een datum tot en met " + per + ": er is geen debiteurenstand."});
        return s;
    }
    if (d.debiteuren.empty()) {
        s.blocks.emplace_back(doc::Paragraph{"Per " + per + " staat niets meer open: alle " +
                                             count_nl(static_cast<std::int64_t>(d.facturen), "factuur", "facturen") +
                                             " tot en met die datum zijn betaald of gecrediteerd."});
        return s;
    }
    s.blocks.emplace_back(doc::Paragraph{
        "Wat de debiteuren per " + per + " nog moeten betalen, per openstaande factuur: de facturen en "
        "creditnota's tot en met die datum, min de betalingen die tot en met die datum zijn geboekt (zoals "
        "'vhh debiteuren --per " + d.per.iso() + "' ze geeft). Een negatief bedrag is te veel betaald."});
    doc::Table t;
    t.id = "debiteurenstand";
    t.caption = "Openstaande posten per " + per;
    t.columns = {{"debiteur", "Debiteur"},       {"naam", "Naam"},           {"factuur", "Factuur"},
                 {"datum", "Datum"},             {"vervaldatum", "Vervaldatum"}, {"bedrag", "Bedrag"},
                 {"open", "Open"},               {"dagen", "Dagen vervallen"}};
    for (const DebiteurStand &deb : d.debiteuren)
        for (const OpenInvoice &f : deb.facturen)
            t.rows.push_back({{text(deb.debiteur_id), text(deb.debiteur), text(f.nummer), text(f.datum),
                               text(f.vervaldatum), money(f.bedrag), money(f.open),
                               text(f.dagen_vervallen > 0 ? std::to_string(f.dagen_vervallen) : "-")},
                              doc::RowRole::body});
    t.rows.push_back({{text("Totaal"), text(""), text(""), text(""), text(""), text(""),
                       money(d.totaal, "debiteuren_open", "SUM(kolom(open))"), text("")},
                      doc::RowRole::total});
    s.blocks.emplace_back(std::move(t));
    return s;
}

}  // namespace vhh::jaarverantwoording
