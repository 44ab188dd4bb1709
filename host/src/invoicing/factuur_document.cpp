#include "invoicing/factuur_document.h"

#include "invoicing/ubl_invoice.h"

namespace vhh::host::invoicing {

doc::Document factuur_document(const Invoice &inv, const std::string &regio_naam) {
    const Parties p = parties_from_json(inv.partijen);
    const bool credit = inv.credit_note();
    doc::Document d;
    d.kind = doc::Document::Kind::letter;
    d.name = inv.nummer;
    d.meta.title = (credit ? "Creditnota " : "Factuur ") + inv.nummer;
    d.meta.region = regio_naam;
    d.meta.year = inv.jaar;
    d.meta.date = Date::parse_iso(inv.datum).value_or(Date{inv.jaar, 1, 1});
    d.meta.kenmerk = inv.nummer;
    doc::Letter l;
    l.addressee = {p.deb_naam, p.deb_straat, p.deb_postcode + "  " + p.deb_plaats};
    l.date = d.meta.date;
    l.kenmerk = inv.nummer;
    const std::string wat = inv.soort == "voorschot"      ? "Voorschotnota bijdrage " + std::to_string(inv.jaar) + " " + inv.termijn
                            : inv.soort == "werkplekhuur" ? "Werkplekhuur " + std::to_string(inv.jaar)
                            : inv.soort == "afrekening"   ? "Afrekening bijdrage " + std::to_string(inv.jaar)
                                                          : "Creditering";
    l.onderwerp = (credit ? "Creditnota " : inv.corrected() ? "Gecorrigeerde factuur " : "Factuur ") + inv.nummer + ": " + wat;
    l.aanhef = "Geachte heer, mevrouw,";
    std::vector<doc::Block> body;
    if (!p.illustratief.empty()) body.push_back(doc::Note{std::string(kIllustratief) + "."});
    body.push_back(doc::Paragraph{credit ? "Hierbij ontvangt u een creditnota van " + p.lev_naam + "."
                                         : "Hierbij ontvangt u een factuur van " + p.lev_naam + "."});
    doc::Table t;
    t.id = "regels";
    t.caption = credit ? "Creditnota " + inv.nummer : "Factuur " + inv.nummer;
    t.columns = {{"omschrijving", "Omschrijving"}, {"bedrag", "Bedrag"}};
    for (std::size_t i = 0; i < inv.regels.size(); ++i)
        t.rows.push_back({{{doc::Value::text(inv.regels[i].omschrijving), "", ""},
                           {doc::Value::money(Money::cents(inv.regels[i].bedrag_cents)), "", ""}},
                          doc::RowRole::body});
    if (inv.btw == "S")
        t.rows.push_back({{{doc::Value::text("Btw 21 %"), "", ""}, {doc::Value::money(Money::cents(inv.btw_cents())), "", ""}},
                          doc::RowRole::subtotal});
    t.rows.push_back({{{doc::Value::text(credit ? "Totaal gecrediteerd" : "Totaal te betalen"), "", ""},
                       {doc::Value::money(Money::cents(inv.bedrag_cents + inv.btw_cents())), "", ""}},
                      doc::RowRole::total});
    body.push_back(t);
    if (inv.btw != "S") body.push_back(doc::Note{btw_reden(inv.btw) + "."});
    if (!inv.crediteert.empty() && inv.corrected())
        body.push_back(doc::Paragraph{"Deze factuur vervangt factuur " + inv.crediteert +
                                      ", die met een creditnota is gecrediteerd" +
                                      (inv.reden.empty() ? "." : ": " + inv.reden + ".")});
    else if (!inv.crediteert.empty())
        body.push_back(doc::Paragraph{"Deze creditnota heeft betrekking op factuur " + inv.crediteert +
                                      (inv.reden.empty() ? "." : ": " + inv.reden + ".")});
    else if (!inv.reden.empty()) body.push_back(doc::Paragraph{inv.reden});
    if (!credit)
        body.push_back(doc::Paragraph{"Wij verzoeken u het bedrag vóór " + Date::parse_iso(inv.vervaldatum).value_or(Date{}).nl() +
                                      " over te maken op " + p.iban + (p.bic.empty() ? "" : " (BIC " + p.bic + ")") +
                                      " ten name van " + p.lev_naam + ", onder vermelding van betalingskenmerk " +
                                      inv.betalingskenmerk + "."});
    else
        body.push_back(doc::Paragraph{"Het bedrag wordt verrekend of aan u terugbetaald onder vermelding van kenmerk " +
                                      inv.betalingskenmerk + "."});
    body.push_back(doc::Paragraph{"Deze " + std::string(credit ? "creditnota" : "factuur") +
                                  " is ook als e-factuur (SI-UBL 2.0) verzonden: " + inv.nummer + ".xml."});
    l.body = std::move(body);
    l.slot = "Met vriendelijke groet,";
    if (!p.lev_contact.empty() || !p.lev_email.empty()) l.contact = {p.lev_contact, "", "", p.lev_email};
    d.letter = std::move(l);
    return d;
}

}  // namespace vhh::host::invoicing
