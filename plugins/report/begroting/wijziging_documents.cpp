#include "wijziging_documents.h"

#include "document_parts.h"
#include "indexatie.h"
#include "util.h"  // report.jaarverantwoording's rules: dates in words, chomp

namespace vhh::begroting {

namespace {

std::string nr(const Begrotingswijziging &w) { return std::to_string(w.amendment->nummer); }

/// The besluit's date in words ("12 september 2013"), or as recorded when it does not parse.
std::string datum_nl(const Begrotingswijziging &w) {
    const auto d = Date::parse_iso(w.amendment->datum);
    return d ? jaarverantwoording::date_long_nl(*d) : w.amendment->datum;
}

doc::Meta wijziging_meta(const Invoer &in, const Begrotingswijziging &w, const std::string &title) {
    doc::Meta m = document_meta(in, title);
    m.year = w.jaar;
    if (const auto d = Date::parse_iso(w.amendment->datum)) m.date = *d;
    return m;
}

/// The change per post: primitief, earlier wijzigingen, this one and the result, each row a formula.
doc::Table posten_tabel(const Begrotingswijziging &w) {
    doc::Table t;
    t.id = "wijziging_posten";
    t.caption = "Wijziging per post";
    t.columns = {{"code", "Code"},           {"post", "Post"},
                 {"soort", "Soort"},         {"primitief", "Begroting " + j(w.jaar) + " primitief"},
                 {"eerder", "Eerdere wijzigingen"}, {"wijziging", "Deze wijziging"},
                 {"na", "Na wijziging"}, {"waarom", "Waarom"}};
    for (std::size_t i = 0; i < w.posten.size(); ++i) {
        const WijzigingPost &p = w.posten[i];
        const std::string n = "w" + std::to_string(i);
        t.rows.push_back(row({text(p.code), text(p.naam), text(p.soort.empty() ? "onbekend" : p.soort),
                              money(p.primitief, n + "_primitief"), money(p.eerder, n + "_eerder"),
                              money(p.wijziging, n + "_wijziging"),
                              money(p.na(), n + "_na", n + "_primitief + " + n + "_eerder + " + n + "_wijziging"),
                              text(p.omschrijving.empty() ? w.amendment->omschrijving : p.omschrijving)}));
    }
    return t;
}

/// The effect on the saldo: the change of the baten minus the change of the lasten.
doc::Table saldo_tabel(const Begrotingswijziging &w) {
    std::string baten, lasten;
    Money b, l;
    for (std::size_t i = 0; i < w.posten.size(); ++i) {
        const std::string cell = "w" + std::to_string(i) + "_wijziging";
        if (w.posten[i].soort == "baten") {
            baten += (baten.empty() ? "" : " + ") + cell;
            b += w.posten[i].wijziging;
        } else if (w.posten[i].soort == "lasten") {
            lasten += (lasten.empty() ? "" : " + ") + cell;
            l += w.posten[i].wijziging;
        }
    }
    doc::Table t;
    t.id = "wijziging_saldo";
    t.caption = "Gevolg voor het saldo van baten en lasten " + j(w.jaar);
    t.columns = {{"onderdeel", "Onderdeel"}, {"bedrag", "Bedrag"}};
    t.rows.push_back(row({text("Wijziging baten"), money(b, "ws_baten", baten.empty() ? "0" : baten)}));
    t.rows.push_back(row({text("Wijziging lasten"), money(l, "ws_lasten", lasten.empty() ? "0" : lasten)}));
    t.rows.push_back(row({text("Gevolg voor het saldo (baten − lasten)"), money(b - l, "", "ws_baten - ws_lasten")},
                         doc::RowRole::total));
    return t;
}

/// The bijdrage per gemeente before and after, the totals set against the post.
doc::Table bijdragen_tabel(const Begrotingswijziging &w) {
    doc::Table t;
    t.id = "wijziging_bijdragen";
    t.caption = "Bijdrage per gemeente " + j(w.jaar) + " voor en na de wijziging";
    t.columns = {{"code", "Code"}, {"gemeente", "Gemeente"}, {"voor", "Voor de wijziging"},
                 {"na", "Na de wijziging"}, {"verschil", "Verschil"}};
    Money voor, na;
    for (std::size_t g = 0; g < w.bijdragen.size(); ++g) {
        const WijzigingBijdrage &b = w.bijdragen[g];
        const std::string n = "wb" + std::to_string(g);
        t.rows.push_back(row({text(b.code), text(b.naam), money(b.voor, n + "_voor"), money(b.na, n + "_na"),
                              money(b.na - b.voor, "", n + "_na - " + n + "_voor")}));
        voor += b.voor;
        na += b.na;
    }
    doc::Row tot = row({text("Totaal"), text(""), money(voor, "wb_voor", "SUM(kolom(voor))"),
                        money(na, "wb_na", "SUM(kolom(na))"), money(na - voor, "", "SUM(kolom(verschil))")},
                       doc::RowRole::total);
    doc::Row post = row({text(w.bijdrage_code), text("Gemeentelijke bijdrage (post)"), money(w.bijdrage_voor, "wp_voor"),
                         money(w.bijdrage_na, "wp_na"), money(w.bijdrage_na - w.bijdrage_voor, "", "wp_na - wp_voor")},
                        doc::RowRole::total);
    doc::Row verschil = row({text(""), text("Verschil (altijd 0)"), money(voor - w.bijdrage_voor, "", "wb_voor - wp_voor"),
                             money(na - w.bijdrage_na, "", "wb_na - wp_na"), text("")},
                            doc::RowRole::total);
    t.rows.insert(t.rows.end(), {std::move(tot), std::move(post), std::move(verschil)});
    return t;
}

/// The change per gemeente as the besluit recorded it (`vhh wijziging`'s bijdragen), beside the
/// change the key gives; the totals set against the change of the post.
doc::Table vastgelegd_tabel(const Begrotingswijziging &w) {
    doc::Table t;
    t.id = "wijziging_vastgelegd";
    t.caption = "Verandering per gemeente volgens besluit " + w.amendment->besluit;
    t.columns = {{"code", "Code"}, {"gemeente", "Gemeente"}, {"besluit", "Volgens het besluit"},
                 {"sleutel", "Volgens de verdeelsleutel"}, {"verschil", "Verschil"}};
    Money som;
    for (std::size_t g = 0; g < w.amendment->bijdragen.size(); ++g) {
        const ContributionLine &l = w.amendment->bijdragen[g];
        Money sleutel;
        for (const auto &b : w.bijdragen)
            if (b.code == l.payer_id) sleutel = b.na - b.voor;
        const std::string n = "wv" + std::to_string(g);
        t.rows.push_back(row({text(l.payer_id), text(l.payer), money(l.amount, n + "_besluit"),
                              money(sleutel, n + "_sleutel"), money(l.amount - sleutel, "", n + "_besluit - " + n + "_sleutel")}));
        som += l.amount;
    }
    t.rows.push_back(row({text("Totaal"), text(""), money(som, "", "SUM(kolom(besluit))"), text(""), text("")},
                         doc::RowRole::total));
    t.rows.push_back(row({text(w.bijdrage_code), text("Verandering van de post"), money(w.bijdrage_na - w.bijdrage_voor),
                          text(""), text("")},
                         doc::RowRole::total));
    return t;
}

doc::Table grondslag_tabel(const Begrotingswijziging &w) {
    doc::Table t;
    t.id = "wijziging_grondslag";
    t.caption = "Grondslag van de bijdrage per gemeente";
    t.columns = {{"code", "Code"}, {"voor", "Voor de wijziging"}, {"na", "Na de wijziging"}};
    for (const auto &b : w.bijdragen) t.rows.push_back(row({text(b.code), text(b.grondslag_voor), text(b.grondslag_na)}));
    return t;
}

}  // namespace

doc::Document build_begrotingswijziging(const Invoer &in, const Begrotingswijziging &w) {
    const Config &c = in.config;
    doc::Document d;
    d.name = "begrotingswijziging-" + j(w.jaar) + "-" + nr(w);
    d.meta = wijziging_meta(in, w, "Begrotingswijziging " + nr(w) + " " + j(w.jaar));
    d.meta.subtitle = "besluit " + w.amendment->besluit + " van " + datum_nl(w);

    doc::Section inl{"Inleiding", {}, {}};
    if (c.illustratief)
        inl.blocks.emplace_back(doc::Note{"LET OP: de bedragen in dit document zijn illustratief."});
    inl.blocks.emplace_back(doc::Paragraph{
        "Dit is begrotingswijziging " + nr(w) + " van de begroting " + j(w.jaar) + " van " + in.region.naam +
        ", vastgelegd met besluit " + w.amendment->besluit + " van " + datum_nl(w) + ". Zij wijzigt de " +
        (w.begroting.empty() ? "begroting " + j(w.jaar) : w.begroting) + ", samen met de wijzigingen die eerder in " +
        j(w.jaar) + " zijn vastgelegd."});
    if (!w.amendment->omschrijving.empty())
        inl.blocks.emplace_back(doc::Paragraph{"Waarom: " + w.amendment->omschrijving});
    inl.blocks.emplace_back(doc::Paragraph{
        "Per post staat hieronder wat er wijzigt, onder de naam die de wijziging de post geeft, en waarom (de "
        "toelichting van besluit " + w.amendment->besluit + " bij die post, anders die bij de hele wijziging)."});
    d.sections.push_back(std::move(inl));

    doc::Section per_post{"Wat wijzigt er per post", {}, {}};
    per_post.blocks.emplace_back(posten_tabel(w));
    per_post.blocks.emplace_back(saldo_tabel(w));
    for (const auto &p : w.posten)
        if (p.soort.empty())
            per_post.blocks.emplace_back(doc::Note{"Post " + p.code + " staat niet in de begroting van de configuratie: "
                                                   "zijn soort (baten of lasten) is onbekend en hij telt niet mee in "
                                                   "het gevolg voor het saldo."});
    d.sections.push_back(std::move(per_post));

    doc::Section bij{"Gevolgen voor de bijdrage per gemeente", {}, {}};
    if (!w.wijzigt_bijdragen) {
        bij.blocks.emplace_back(doc::Paragraph{"Deze wijziging verandert de gemeentelijke bijdrage (post " +
                                               w.bijdrage_code + ") niet: de bijdrage per gemeente blijft gelijk."});
    } else {
        bij.blocks.emplace_back(doc::Paragraph{
            "De gemeentelijke bijdrage (post " + w.bijdrage_code + ") gaat van " + w.bijdrage_voor.format_nl() +
            " naar " + w.bijdrage_na.format_nl() + ". Beide bedragen zijn verdeeld met de verdeelsleutel van de "
            "regeling; de delen tellen precies op tot de post. Elke raad ontvangt een brief voor zijn zienswijze."});
        bij.blocks.emplace_back(bijdragen_tabel(w));
        bij.blocks.emplace_back(grondslag_tabel(w));
    }
    if (!w.amendment->bijdragen.empty()) {
        bij.blocks.emplace_back(doc::Paragraph{
            "Besluit " + w.amendment->besluit + " legt ook de verandering van de bijdrage per gemeente vast. "
            "Hieronder staat die naast de verandering die de verdeelsleutel geeft."});
        bij.blocks.emplace_back(vastgelegd_tabel(w));
    }
    d.sections.push_back(std::move(bij));
    return d;
}

doc::Document build_wijziging_zienswijzebrief(const Invoer &in, const Begrotingswijziging &w, std::size_t index,
                                              const std::string &slug, const Zienswijzetermijn &termijn) {
    const Config &c = in.config;
    const WijzigingBijdrage &b = w.bijdragen.at(index);
    doc::Document d;
    d.kind = doc::Document::Kind::letter;
    d.name = "zienswijzebrief-" + j(w.jaar) + "-wijziging-" + nr(w) + "-" + slug;
    d.meta = wijziging_meta(in, w, "Begrotingswijziging " + nr(w) + " " + j(w.jaar) + " — zienswijze van de raad van " +
                                       b.naam);
    const std::optional<Date> besluit = Date::parse_iso(w.amendment->datum);
    doc::Letter l;
    l.addressee = {"De gemeenteraad van " + b.naam, "t.a.v. de griffie"};
    // Dated the last day the Wgr lets it go to the raden: the term before the besluit.
    l.date = besluit ? jaarverantwoording::add_days(*besluit, -7 * termijn.weken) : d.meta.date;
    l.kenmerk = (c.kenmerk.empty() ? "BW" + j(w.jaar) : c.kenmerk) + "-" + nr(w) + "/" + b.code;

    doc::Table t;
    t.id = "bijdrage";
    t.caption = "Uw bijdrage " + j(w.jaar);
    t.columns = {{"onderdeel", "Onderdeel"}, {"bedrag", "Bedrag"}};
    t.rows.push_back(row({text("Voor de wijziging"), money(b.voor, "voor")}));
    t.rows.push_back(row({text("Na de wijziging"), money(b.na, "na")}));
    t.rows.push_back(row({text("Verandering"), money(b.na - b.voor, "verschil", "na - voor")}, doc::RowRole::total));
    const std::int64_t ppm = verandering_ppm(b.voor, b.na);
    t.rows.push_back(row({text("Verandering in %"),
                          {doc::Value::percentage_ppm(ppm), "", b.voor.in_cents() != 0 ? "verschil / voor" : ""}}));
    l.body.emplace_back(std::move(t));

    DataNode &data = l.template_data;
    const Money diff = b.na - b.voor;
    data.set("regio", in.region.naam);
    data.set("gemeente", b.naam);
    data.set("jaar", j(w.jaar));
    data.set("nummer", nr(w));
    data.set("besluit", w.amendment->besluit);
    data.set("datum", datum_nl(w));
    data.set("illustratief", DataNode::boolean(c.illustratief));
    data.set("voor", b.voor.format_nl());
    data.set("na", b.na.format_nl());
    data.set("hoger", DataNode::boolean(diff.in_cents() > 0));
    data.set("lager", DataNode::boolean(diff.in_cents() < 0));
    data.set("verschil", (diff < Money() ? -diff : diff).format_nl());
    data.set("procent", percentage_nl(ppm < 0 ? -ppm : ppm));
    data.set("weken", std::to_string(termijn.weken));
    data.set("grondslag", termijn.grondslag);
    data.set("uiterlijk", besluit ? jaarverantwoording::date_long_nl(jaarverantwoording::add_days(*besluit, -1)) : "");
    l.body_template = "zienswijzebrief-wijziging.txt.mustache";
    d.letter = std::move(l);
    return d;
}

}  // namespace vhh::begroting
