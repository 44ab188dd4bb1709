#include "betalingen/herinnering_document.h"

#include "invoicing/ubl_invoice.h"

namespace vhh::host::betalingen {

namespace {

doc::Cell text(const std::string &s) { return {doc::Value::text(s), "", ""}; }
doc::Cell money(std::int64_t cents) { return {doc::Value::money(Money::cents(cents)), "", ""}; }
doc::Cell date(const std::string &iso) {
    if (auto d = Date::parse_iso(iso)) return {doc::Value::date(*d), "", ""};
    return text(iso);
}
doc::Cell whole(std::int64_t n) { return {doc::Value::integer(n), "", ""}; }

std::string euro(std::int64_t cents) { return Money::cents(cents).format_nl(); }

}  // namespace

doc::Document herinnering_document(const DebtorPosition &d, const Date &per, const std::string &regio_naam) {
    std::vector<const OpenItem *> due;
    std::int64_t total = 0;
    for (const auto &i : d.items)
        if (i.open_cents > 0 && i.age != AgeClass::not_due) {
            due.push_back(&i);
            total += i.open_cents;
        }
    const invoicing::Parties p = invoicing::parties_from_json(due.empty() ? std::string("{}") : due.front()->invoice.partijen);
    doc::Document doc;
    doc.kind = doc::Document::Kind::letter;
    doc.name = "herinnering-" + per.iso() + "-" + d.debiteur_id;
    doc.meta.title = "Herinnering " + d.debiteur;
    doc.meta.region = regio_naam;
    doc.meta.year = per.year;
    doc.meta.date = per;
    doc.meta.kenmerk = doc.name;
    doc::Letter l;
    l.addressee = {p.deb_naam.empty() ? d.debiteur : p.deb_naam, p.deb_straat, p.deb_postcode + "  " + p.deb_plaats};
    l.date = per;
    l.kenmerk = doc.name;
    l.onderwerp = due.size() == 1 ? "Herinnering: factuur " + due.front()->invoice.nummer + " is niet betaald"
                                  : "Herinnering: " + std::to_string(due.size()) + " facturen zijn niet betaald";
    l.aanhef = "Geachte heer, mevrouw,";
    std::vector<doc::Block> body;
    if (!p.illustratief.empty()) body.push_back(doc::Note{std::string(invoicing::kIllustratief) + "."});
    body.push_back(doc::Paragraph{"Volgens onze administratie heeft " + p.lev_naam + " op " + per.nl() +
                                  (due.size() == 1 ? " de volgende factuur" : " de volgende facturen") +
                                  " nog niet (geheel) ontvangen, terwijl de vervaldatum is verstreken."});
    doc::Table t;
    t.id = "openstaand";
    t.caption = "Openstaande facturen per " + per.nl();
    t.columns = {{"factuur", "Factuur"}, {"datum", "Datum"}, {"vervaldatum", "Vervaldatum"},
                 {"dagen", "Dagen te laat"}, {"kenmerk", "Betalingskenmerk"}, {"open", "Open"}};
    for (const OpenItem *i : due)
        t.rows.push_back({{text(i->invoice.nummer), date(i->invoice.datum), date(i->invoice.vervaldatum),
                           whole(i->days_past_due), text(i->invoice.betalingskenmerk), money(i->open_cents)},
                          doc::RowRole::body});
    t.rows.push_back({{text("Totaal"), text(""), text(""), text(""), text(""), money(total)}, doc::RowRole::total});
    body.push_back(t);
    body.push_back(doc::Paragraph{"Wij verzoeken u het openstaande bedrag van " + euro(total) +
                                  " binnen 14 dagen over te maken op " + p.iban +
                                  (p.bic.empty() ? "" : " (BIC " + p.bic + ")") + " ten name van " + p.lev_naam +
                                  ", onder vermelding van het betalingskenmerk van elke factuur."});
    body.push_back(doc::Paragraph{"Heeft u het bedrag inmiddels betaald, dan kunt u deze herinnering als niet "
                                  "verzonden beschouwen."});
    l.body = std::move(body);
    l.slot = "Met vriendelijke groet,";
    if (!p.lev_contact.empty() || !p.lev_email.empty()) l.contact = {p.lev_contact, "", "", p.lev_email};
    doc.letter = std::move(l);
    return doc;
}

doc::Document debiteurenstand_document(const std::vector<DebtorPosition> &positions, const Date &per, int jaar,
                                       const std::string &regio_naam) {
    doc::Document doc;
    doc.name = "debiteuren-" + std::to_string(jaar);
    doc.meta.title = "Debiteurenstand per " + per.nl();
    doc.meta.subtitle = "Bij de jaarverantwoording " + std::to_string(jaar);
    doc.meta.region = regio_naam;
    doc.meta.year = jaar;
    doc.meta.date = per;
    doc::Section s;
    s.title = "Debiteurenstand per " + per.nl();
    s.blocks.push_back(doc::Paragraph{
        "Wat de debiteuren op " + per.nl() + " nog verschuldigd waren: de facturen en creditnota's gedateerd tot en met "
        "die dag, verminderd met de betalingen die tot en met die dag op de rekening zijn geboekt, naar de dagen "
        "na de vervaldatum."});
    doc::Table t;
    t.id = "ouderdom";
    t.caption = "Openstaand per debiteur en ouderdom";
    t.columns = {{"debiteur", "Debiteur"}};
    for (std::size_t c = 0; c < kAgeClasses; ++c)
        t.columns.push_back({"klasse" + std::to_string(c), age_class_text(static_cast<AgeClass>(c))});
    t.columns.push_back({"open", "Totaal open"});
    std::array<std::int64_t, kAgeClasses> totals{};
    std::int64_t total = 0;
    for (const auto &d : positions) {
        doc::Row row{{text(d.debiteur_id + " " + d.debiteur)}, doc::RowRole::body};
        for (std::size_t c = 0; c < kAgeClasses; ++c) {
            row.cells.push_back(money(d.per_class[c]));
            totals[c] += d.per_class[c];
        }
        row.cells.push_back(money(d.open_cents));
        total += d.open_cents;
        t.rows.push_back(std::move(row));
    }
    doc::Row sum{{text("Totaal")}, doc::RowRole::total};
    for (std::size_t c = 0; c < kAgeClasses; ++c) sum.cells.push_back(money(totals[c]));
    sum.cells.push_back(money(total));
    t.rows.push_back(std::move(sum));
    s.blocks.push_back(t);
    doc::Table items;
    items.id = "posten";
    items.caption = "Openstaande posten";
    items.columns = {{"debiteur", "Debiteur"}, {"factuur", "Factuur"}, {"vervaldatum", "Vervaldatum"},
                     {"klasse", "Ouderdom"}, {"open", "Open"}};
    for (const auto &d : positions)
        for (const auto &i : d.items)
            items.rows.push_back({{text(d.debiteur_id), text(i.invoice.nummer), date(i.invoice.vervaldatum),
                                   text(age_class_text(i.age)), money(i.open_cents)},
                                  doc::RowRole::body});
    if (positions.empty()) s.blocks.push_back(doc::Paragraph{"Er stond op " + per.nl() + " niets open."});
    else s.blocks.push_back(items);
    doc.sections.push_back(std::move(s));
    return doc;
}

}  // namespace vhh::host::betalingen
