// Sample documents for the PDF and HTML renderers (tests, test driver, benchmark).
#include "render_samples.h"

namespace vhh::host::samples {

namespace {

doc::Cell cell(doc::Value v, std::string name = "", std::string formula = "") {
    return doc::Cell{std::move(v), std::move(name), std::move(formula)};
}

doc::Cell text(const std::string &s) { return cell(doc::Value::text(s)); }

}  // namespace

const std::vector<Gemeente> &zeeland() {
    static const std::vector<Gemeente> list{
        {"Borsele", 22551},   {"Goes", 37050},           {"Hulst", 27432},  {"Kapelle", 12386},
        {"Middelburg", 48019}, {"Noord-Beveland", 7339}, {"Reimerswaal", 22678}, {"Schouwen-Duiveland", 34049},
        {"Sluis", 23886},     {"Terneuzen", 54806},      {"Tholen", 25527}, {"Veere", 21900},
        {"Vlissingen", 44353}};
    return list;
}

doc::Document bijdragen() {
    doc::Document d;
    d.name = "bijdragen-2013";
    d.meta.title = "Bijdragen 2013";
    d.meta.subtitle = "Inwonerbijdrage van de Zeeuwse gemeenten";
    d.meta.region = "Veiligheidshuis Zeeland";
    d.meta.year = 2013;
    d.meta.date = Date{2013, 1, 1};
    d.meta.kenmerk = "VHZ-2013-001";

    doc::Section intro;
    intro.title = "Inleiding";
    intro.blocks.push_back(doc::Paragraph{
        "Elke gemeente betaalt € 0,40 per inwoner per jaar (regeling 2013). Het aantal inwoners is dat op "
        "de peildatum 1-1-2013."});
    intro.blocks.push_back(doc::List{false, {"Tarief: € 0,40 per inwoner", "Peildatum: 1-1-2013", "13 gemeenten"}});

    doc::Table t;
    t.id = "bijdragen";
    t.caption = "Bijdrage per gemeente 2013";
    t.columns = {{"gemeente", "Gemeente"}, {"inwoners", "Inwoners"}, {"tarief", "Tarief per inwoner"},
                 {"bijdrage", "Bijdrage 2013"}, {"aandeel", "Aandeel"}};
    std::int64_t total_inwoners = 0;
    for (const auto &g : zeeland()) total_inwoners += g.inwoners;
    for (const auto &g : zeeland()) {
        doc::Row r;
        r.cells = {text(g.naam), cell(doc::Value::integer(g.inwoners), "inwoners_" + g.naam),
                   cell(doc::Value::money(Money::cents(40))),
                   cell(doc::Value::money(Money::cents(40 * g.inwoners)), "bijdrage_" + g.naam),
                   cell(doc::Value::percentage_ppm(g.inwoners * 1000000 / total_inwoners))};
        t.rows.push_back(r);
    }
    doc::Row total;
    total.role = doc::RowRole::total;
    total.cells = {text("Totaal"), cell(doc::Value::integer(total_inwoners), "", "SUM(kolom(inwoners))"), cell({}),
                   cell(doc::Value::money(Money::cents(40 * total_inwoners)), "", "SUM(kolom(bijdrage))"),
                   cell(doc::Value::percentage_ppm(1000000))};
    t.rows.push_back(total);

    doc::Section table_section;
    table_section.title = "Bijdragen per gemeente";
    table_section.blocks.push_back(t);
    table_section.blocks.push_back(doc::Note{"Inwonertallen zijn indicatief; vervang ze door de CBS-cijfers van de peildatum."});
    doc::Section chart_section;
    chart_section.title = "Grafiek";
    chart_section.blocks.push_back(doc::Chart{doc::Chart::Type::column, "Bijdrage per gemeente 2013", "bijdragen",
                                              "gemeente", {"bijdrage"},
                                              "Staafdiagram van de bijdrage per gemeente; Terneuzen betaalt het meest "
                                              "(€ 21.922,40), Noord-Beveland het minst (€ 2.935,60)."});
    table_section.sections.push_back(chart_section);
    d.sections = {intro, table_section};
    return d;
}

doc::Document raadsbrief() {
    doc::Document d;
    d.kind = doc::Document::Kind::letter;
    d.name = "raadsbrief-2013-goes";
    d.meta.title = "Bijdrage 2013 aan het Veiligheidshuis Zeeland";
    d.meta.region = "Veiligheidshuis Zeeland";
    d.meta.year = 2013;
    d.meta.date = Date{2013, 1, 15};
    d.meta.kenmerk = "VHZ-2013-017";
    doc::Letter l;
    l.addressee = {"De gemeenteraad van Goes", "Postbus 2118", "4460 MC  Goes"};
    l.date = Date{2013, 1, 15};
    l.kenmerk = "VHZ-2013-017";
    l.onderwerp = "Bijdrage 2013 aan het Veiligheidshuis Zeeland";
    l.aanhef = "Geachte leden van de raad,";
    l.body.push_back(doc::Paragraph{"Uw gemeente draagt in 2013 € 14.820,00 bij aan het Veiligheidshuis Zeeland: "
                                    "€ 0,40 per inwoner voor 37.050 inwoners."});
    l.body.push_back(doc::Paragraph{"De bijdragen van alle dertien gemeenten staan in de bijlage."});
    l.slot = "Met vriendelijke groet,";
    l.bijlagen = {"Bijdragen 2013 per gemeente"};
    d.letter = l;
    doc::Section appendix;
    appendix.title = "Bijlage: bijdragen 2013";
    const doc::Document source = bijdragen();
    for (const auto &b : source.sections[1].blocks)
        if (std::holds_alternative<doc::Table>(b)) appendix.blocks.push_back(b);
    d.sections = {appendix};
    return d;
}

doc::Document long_table(int rows) {
    doc::Document d;
    d.name = "lange-tabel";
    d.meta.title = "Lange tabel";
    d.meta.region = "Veiligheidshuis Zeeland";
    d.meta.year = 2013;
    doc::Table t;
    t.id = "regels";
    t.caption = "Regels";
    t.columns = {{"nr", "Regel"}, {"omschrijving", "Omschrijving"}, {"aantal", "Aantal casussen"},
                 {"bedrag", "Bedrag"}, {"aandeel", "Aandeel"}};
    Money sum;
    for (int i = 1; i <= rows; ++i) {
        doc::Row r;
        const Money amount = Money::cents(static_cast<std::int64_t>(i) * 12345 % 9999999);
        sum += amount;
        r.cells = {cell(doc::Value::integer(i)), text("Omschrijving van regel " + std::to_string(i)),
                   i % 7 == 0 ? cell(doc::Value::suppressed("<5")) : cell(doc::Value::integer(i * 3)),
                   cell(doc::Value::money(amount)), cell(doc::Value::percentage_ppm(i * 2500 % 1000000))};
        t.rows.push_back(r);
    }
    doc::Row total;
    total.role = doc::RowRole::total;
    total.cells = {text("Totaal"), cell({}), cell({}), cell(doc::Value::money(sum)), cell({})};
    t.rows.push_back(total);
    doc::Section s;
    s.title = "Alle regels";
    s.blocks.push_back(t);
    d.sections = {s};
    return d;
}

doc::Document hostile() {
    const std::string nasty = "<script>alert('x')</script> & \"quotes\" ]]> \x1b[31mrood\x1b[0m \x01\x7f \xc2\x9b"
                              " \xff\xfe ongeldig \xe2\x80\xae omgekeerd \xe2\x80\xac <b>vet</b>";
    const std::string long_word(3000, 'W');
    doc::Document d;
    d.name = "vijandig";
    d.meta.title = "Titel " + nasty;
    d.meta.subtitle = long_word;
    d.meta.region = nasty;
    d.meta.year = 2013;
    d.meta.kenmerk = nasty;
    d.meta.language = "nl-NL) /Evil (x";
    doc::Section s;
    s.title = "Kop " + nasty;
    s.blocks.push_back(doc::Paragraph{nasty + " " + long_word + "\nnieuwe regel"});
    s.blocks.push_back(doc::List{true, {nasty, long_word}});
    s.blocks.push_back(doc::Note{nasty});
    doc::Table t;
    t.id = "vijandig";
    t.caption = "Tabel " + nasty;
    t.columns = {{"naam", "Naam " + nasty}, {"lang", long_word}, {"bedrag", "Bedrag"}};
    for (int i = 0; i < 3; ++i) {
        doc::Row r;
        r.cells = {text(nasty), text(long_word), cell(doc::Value::money(Money::cents(123456789)))};
        t.rows.push_back(r);
    }
    s.blocks.push_back(t);
    s.blocks.push_back(doc::Chart{doc::Chart::Type::bar, "Grafiek " + nasty, "vijandig", "naam", {"bedrag"}, nasty});
    d.sections = {s};
    return d;
}

RenderOptions options(const std::string &logo_path) {
    RenderOptions o;
    o.house.organisation = "Veiligheidshuis Zeeland";
    o.house.address_lines = {"Postbus 123", "4330 AC  Middelburg", "www.veiligheidshuiszeeland.nl"};
    o.house.logo_path = logo_path;
    o.house.contact = {"J. de Vries", "controller Veiligheidshuis Zeeland", "0118 123 456", "j.devries@example.nl"};
    o.house.signatory = {"M. Jansen", "manager Veiligheidshuis Zeeland", "", ""};
    o.created = 1388534400;  // 1-1-2014 00:00 UTC
    return o;
}

}  // namespace vhh::host::samples
