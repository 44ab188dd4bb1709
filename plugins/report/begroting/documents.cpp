#include "documents.h"

#include <algorithm>
#include <map>

#include "document_parts.h"
#include "herindeling_raming.h"
#include "indexatie.h"
#include "resultaat.h"
#include "util.h"  // report.jaarverantwoording's rules: weerstandsvermogen, risico_bedrag, paragraphs, dates

namespace vhh::begroting {

using doc::Value;
using jaarverantwoording::paragraphs;

namespace {

std::string jaar_key(int jaar) { return "j" + std::to_string(jaar); }

/// The names of the cells in `names` joined with " + " (0 when empty).
std::string som(const std::vector<std::string> &names) {
    std::string s;
    for (const auto &n : names) s += (s.empty() ? "" : " + ") + n;
    return s.empty() ? "0" : s;
}

/// Index of categorie `cat` among the config's categories: "c1", "c2", ….
std::string categorie_naam(const Config &c, const std::string &cat) {
    const auto cats = c.categorieen();
    return "c" + std::to_string(std::find(cats.begin(), cats.end(), cat) - cats.begin() + 1);
}
std::string index_naam(const Config &c, const std::string &cat, int jaar) {
    return "idx_" + categorie_naam(c, cat) + "_" + j(jaar);
}

/// The name of the cell that holds post `i`'s amount of `jaar` (the basis column for the basisjaar).
std::string bedrag_naam(const Config &c, std::size_t i, int jaar) {
    return jaar == c.basisjaar ? post_naam(i) + "_basis" : raming_naam(i, jaar);
}

doc::Section inleiding(const Invoer &in, const std::string &wat) {
    const Config &c = in.config;
    doc::Section s{"Inleiding", {}, {}};
    if (c.illustratief)
        s.blocks.emplace_back(doc::Note{"LET OP: de bedragen in dit document zijn illustratief."});
    if (!c.opmerking.empty()) s.blocks.emplace_back(doc::Note{jaarverantwoording::chomp(c.opmerking)});
    s.blocks.emplace_back(doc::Paragraph{wat});
    std::string basis = "De ramingen gaan uit van de begroting " + j(c.basisjaar) + ": ";
    basis += in.raming.administratie_begroting.empty()
                 ? "de administratie bevat geen vastgestelde begroting " + j(c.basisjaar) +
                       ", dus de begroting in de configuratie (niet vastgesteld)."
                 : "de " + in.raming.administratie_begroting + ".";
    basis += " Elke post wordt per jaar geïndexeerd met het percentage van zijn categorie (loon, prijs, …; "
             "categorie geen: niet geïndexeerd), afgerond op centen, halve centen van nul af, per post per jaar.";
    s.blocks.emplace_back(doc::Paragraph{basis});
    return s;
}

/// The indexation table: a row per categorie, a column per year; cells named idx_cK_JAAR.
doc::Table indexatie_tabel(const Config &c) {
    doc::Table t;
    t.id = "indexatie";
    t.caption = "Indexatie per categorie";
    t.columns = {{"categorie", "Categorie"}};
    for (int y = c.basisjaar + 1; y <= c.begrotingsjaar + 3; ++y) t.columns.push_back({jaar_key(y), j(y)});
    for (const auto &cat : c.categorieen()) {
        doc::Row r;
        r.cells.push_back(text(cat));
        for (int y = c.basisjaar + 1; y <= c.begrotingsjaar + 3; ++y)
            r.cells.push_back({Value::percentage_ppm(c.ppm(cat, y)), index_naam(c, cat, y), ""});
        t.rows.push_back(std::move(r));
    }
    return t;
}

/// Overzicht van baten en lasten of one soort: the basis (named), the last jaarrekening, the begrotingsjaar.
doc::Table overzicht(const Invoer &in, const std::string &soort, std::vector<std::string> &totalen) {
    const Config &c = in.config;
    doc::Table t;
    t.id = "overzicht_" + soort;
    t.caption = "Overzicht van de " + soort;
    t.columns = {{"code", "Code"},
                 {"post", "Post"},
                 {"basis", "Begroting " + j(c.basisjaar)},
                 {"jaarrekening", "Jaarrekening " + j(c.basisjaar - 1)},
                 {"begroting", "Begroting " + j(c.begrotingsjaar)}};
    Money basis, begroting;
    for (std::size_t i = 0; i < in.raming.regels.size(); ++i) {
        const RamingRegel &g = in.raming.regels[i];
        if (g.post->soort != soort) continue;
        const Money y = g.bedragen.at(c.begrotingsjaar);
        t.rows.push_back(row({text(g.post->code), text(g.post->naam), money(g.basis, post_naam(i) + "_basis"),
                              g.jaarrekening ? money(*g.jaarrekening) : text("ontbreekt"),
                              money(y, "", bedrag_naam(c, i, c.begrotingsjaar))}));
        basis += g.basis;
        begroting += y;
    }
    const std::string tot = "ov_" + soort;
    t.rows.push_back(row({text("Totaal " + soort), text(""), money(basis, tot + "_basis", "SUM(kolom(basis))"),
                          text(""),
                          money(begroting, tot + "_begroting", "SUM(kolom(begroting))")},
                         doc::RowRole::total));
    totalen.push_back(tot);
    return t;
}

/// The meerjarenraming of one soort: a column per year, each amount a formula over the year before
/// and the index of the post's categorie.
doc::Table raming_tabel(const Invoer &in, const std::string &soort, std::map<int, Money> &totaal) {
    const Config &c = in.config;
    doc::Table t;
    t.id = "raming_" + soort;
    t.caption = "Meerjarenraming " + soort;
    t.columns = {{"code", "Code"}, {"post", "Post"}, {"categorie", "Categorie"}};
    // Years between the basisjaar and the begrotingsjaar are not shown; with begrotingsjaar = basisjaar + 1
    // the first year refers to the basis column of the overzicht.
    for (int y : c.jaren()) t.columns.push_back({jaar_key(y), j(y)});
    for (std::size_t i = 0; i < in.raming.regels.size(); ++i) {
        const RamingRegel &g = in.raming.regels[i];
        if (g.post->soort != soort) continue;
        doc::Row r;
        r.cells = {text(g.post->code), text(g.post->naam), text(g.post->categorie)};
        for (int y : c.jaren()) {
            const Money v = g.bedragen.at(y);
            std::string f;
            if (y == c.basisjaar) f = post_naam(i) + "_basis";
            else if (!carried_forward(*g.post, c, y)) f = "0";  // incidenteel: not carried forward
            else if (g.post->categorie == kGeen) f = bedrag_naam(c, i, y - 1);
            else f = "ROUND(" + bedrag_naam(c, i, y - 1) + " * (1 + " + index_naam(c, g.post->categorie, y) + "); 2)";
            r.cells.push_back(money(v, raming_naam(i, y), f));
            totaal[y] += v;
        }
        t.rows.push_back(std::move(r));
    }
    doc::Row tot;
    tot.role = doc::RowRole::total;
    tot.cells = {text("Totaal " + soort), text(""), text("")};
    for (int y : c.jaren())
        tot.cells.push_back(money(totaal[y], "rm_" + soort + "_" + j(y), "SUM(kolom(" + jaar_key(y) + "))"));
    t.rows.push_back(std::move(tot));
    return t;
}

std::size_t bijdrage_post_index(const Invoer &in) {
    for (std::size_t i = 0; i < in.raming.regels.size(); ++i)
        if (in.raming.regels[i].post->gemeentelijke_bijdrage) return i;
    return 0;
}

/// The bijdrage per gemeente per year, with its total against the post (difference 0).
doc::Table bijdragen_tabel(const Invoer &in) {
    const Config &c = in.config;
    const std::size_t post = bijdrage_post_index(in);
    doc::Table t;
    t.id = "bijdragen";
    t.caption = "Bijdrage per gemeente";
    t.columns = {{"code", "Code"}, {"gemeente", "Gemeente"}};
    for (int y : c.jaren()) t.columns.push_back({jaar_key(y), j(y)});
    std::map<int, Money> totaal;
    for (std::size_t g = 0; g < in.raming.bijdragen.size(); ++g) {
        const Bijdrage &b = in.raming.bijdragen[g];
        doc::Row r;
        r.cells = {text(b.code), text(b.naam)};
        for (int y : c.jaren()) {
            r.cells.push_back(money(b.bedragen.at(y), "b" + std::to_string(g) + "_" + j(y)));
            totaal[y] += b.bedragen.at(y);
        }
        t.rows.push_back(std::move(r));
    }
    doc::Row tot, postrij, verschil;  // not body rows: kolom() sums the gemeenten only
    tot.role = postrij.role = verschil.role = doc::RowRole::total;
    tot.cells = {text("Totaal"), text("")};
    postrij.cells = {text(in.raming.regels[post].post->code), text("Gemeentelijke bijdrage (post)")};
    verschil.cells = {text(""), text("Verschil (altijd 0)")};
    for (int y : c.jaren()) {
        tot.cells.push_back(money(totaal[y], "btot_" + j(y), "SUM(kolom(" + jaar_key(y) + "))"));
        postrij.cells.push_back(money(in.raming.regels[post].bedragen.at(y), "", bedrag_naam(c, post, y)));
        verschil.cells.push_back(money(totaal[y] - in.raming.regels[post].bedragen.at(y), "",
                                       "btot_" + j(y) + " - " + bedrag_naam(c, post, y)));
    }
    t.rows.push_back(std::move(tot));
    t.rows.push_back(std::move(postrij));
    t.rows.push_back(std::move(verschil));
    return t;
}

/// What the bijdragen table's zeros mean: a gemeente merged away or not yet formed in that year.
std::vector<doc::Block> herindeling_noten(const Invoer &in) {
    std::vector<doc::Block> out;
    for (const Bijdrage &b : in.raming.bijdragen) {
        std::string jaren;
        for (const auto &[y, why] : b.niet_in) jaren += (jaren.empty() ? "" : "; ") + j(y) + ": " + why;
        if (!jaren.empty())
            out.emplace_back(doc::Note{b.code + " " + b.naam + " betaalt niet in elk jaar (" + jaren +
                                       "). Na een herindeling betaalt de nieuwe gemeente de delen van de gemeenten "
                                       "waaruit zij is ontstaan, samen (zie de grondslag)."});
    }
    return out;
}

doc::Section programmas(const Invoer &in) {
    const Config &c = in.config;
    doc::Section s{"Programma's", {}, {}};
    for (const auto &p : c.programmas) {
        doc::Section ps{p.naam, {}, {}};
        doc::Section bereiken{"Wat willen we bereiken?", paragraphs(p.bereiken), {}};
        doc::Section doen{"Wat gaan we daarvoor doen?", paragraphs(p.doen), {}};
        doc::Section kosten{"Wat mag het kosten?", {}, {}};
        doc::Table t;
        t.id = "kosten_" + p.code;
        t.caption = "Lasten van het programma " + p.naam;
        t.columns = {{"post", "Post"}, {"bedrag", "Begroting " + j(c.begrotingsjaar)}};
        Money tot;
        for (std::size_t i = 0; i < in.raming.regels.size(); ++i) {
            const RamingRegel &g = in.raming.regels[i];
            if (g.post->programma != p.code || g.post->soort != "lasten") continue;
            t.rows.push_back(row({text(g.post->naam),
                                  money(g.bedragen.at(c.begrotingsjaar), "", bedrag_naam(c, i, c.begrotingsjaar))}));
            tot += g.bedragen.at(c.begrotingsjaar);
        }
        t.rows.push_back(row({text("Totaal"), money(tot, "", "SUM(kolom(bedrag))")}, doc::RowRole::total));
        kosten.blocks.emplace_back(std::move(t));
        ps.sections = {std::move(bereiken), std::move(doen), std::move(kosten)};
        s.sections.push_back(std::move(ps));
    }
    return s;
}

doc::Section taakvelden(const Invoer &in) {
    const Config &c = in.config;
    doc::Section s{"Taakvelden", {}, {}};
    s.blocks.emplace_back(doc::Paragraph{"De baten en lasten per taakveld (Iv3) in " + j(c.begrotingsjaar) + "."});
    std::vector<std::string> velden;
    for (const auto &g : in.raming.regels)
        if (std::find(velden.begin(), velden.end(), g.post->taakveld) == velden.end())
            velden.push_back(g.post->taakveld);
    doc::Table t;
    t.id = "taakvelden";
    t.caption = "Baten en lasten per taakveld " + j(c.begrotingsjaar);
    t.columns = {{"taakveld", "Taakveld"}, {"posten", "Posten"}, {"baten", "Baten"}, {"lasten", "Lasten"}};
    for (const auto &veld : velden) {
        std::vector<std::string> baten, lasten;
        std::string codes;
        Money b, l;
        for (std::size_t i = 0; i < in.raming.regels.size(); ++i) {
            const RamingRegel &g = in.raming.regels[i];
            if (g.post->taakveld != veld) continue;
            codes += (codes.empty() ? "" : ", ") + g.post->code;
            (g.post->soort == "baten" ? baten : lasten).push_back(bedrag_naam(c, i, c.begrotingsjaar));
            (g.post->soort == "baten" ? b : l) += g.bedragen.at(c.begrotingsjaar);
        }
        t.rows.push_back(row({text(veld), text(codes), money(b, "", som(baten)), money(l, "", som(lasten))}));
    }
    s.blocks.emplace_back(std::move(t));
    return s;
}

doc::Section incidenteel(const Invoer &in) {
    const Config &c = in.config;
    doc::Section s{"Overzicht incidentele baten en lasten", {}, {}};
    doc::Table t;
    t.id = "incidenteel";
    t.caption = "Incidentele baten en lasten " + j(c.begrotingsjaar);
    t.columns = {{"code", "Code"}, {"post", "Post"}, {"soort", "Soort"}, {"bedrag", "Begroting " + j(c.begrotingsjaar)}};
    for (std::size_t i = 0; i < in.raming.regels.size(); ++i) {
        const RamingRegel &g = in.raming.regels[i];
        if (!g.post->incidenteel) continue;
        t.rows.push_back(row({text(g.post->code), text(g.post->naam), text(g.post->soort),
                              money(g.bedragen.at(c.begrotingsjaar), "", bedrag_naam(c, i, c.begrotingsjaar))}));
    }
    if (t.rows.empty()) {
        s.blocks.emplace_back(doc::Paragraph{"Er zijn geen incidentele baten en lasten begroot: alle posten zijn "
                                             "structureel."});
        return s;
    }
    s.blocks.emplace_back(doc::Paragraph{"Posten die in de configuratie als incidenteel zijn aangemerkt."});
    s.blocks.emplace_back(std::move(t));
    return s;
}

doc::Section weerstand(const Invoer &in) {
    const Config &c = in.config;
    doc::Section s{"Paragraaf weerstandsvermogen en risicobeheersing", {}, {}};
    if (c.reserves.empty() && c.risicos.empty()) {
        s.blocks.emplace_back(doc::Paragraph{"De configuratie noemt geen reserves en geen risico's: het "
                                             "weerstandsvermogen is niet bepaald."});
        return s;
    }
    doc::Table r;
    r.id = "reserves";
    r.caption = "Reserves per 1 januari " + j(c.begrotingsjaar);
    r.columns = {{"reserve", "Reserve"}, {"stand", "Stand"}, {"weerstand", "Weerstandscapaciteit"}};
    Money beschikbaar;
    std::vector<std::string> beschikbaar_namen;
    for (std::size_t i = 0; i < c.reserves.size(); ++i) {
        const Reserve &x = c.reserves[i];
        const std::string naam = "reserve" + std::to_string(i);
        r.rows.push_back(row({text(x.naam), money(x.stand, naam), text(x.weerstand ? "ja" : "nee")}));
        if (x.weerstand) {
            beschikbaar += x.stand;
            beschikbaar_namen.push_back(naam);
        }
    }
    doc::Table k;
    k.id = "risicos";
    k.caption = "Risico's";
    k.columns = {{"risico", "Risico"}, {"bedrag", "Bedrag"}, {"kans", "Kans"}, {"benodigd", "Benodigd"}};
    Money benodigd;
    for (std::size_t i = 0; i < c.risicos.size(); ++i) {
        const Risico &x = c.risicos[i];
        const std::string naam = "risico" + std::to_string(i);
        const Money b = jaarverantwoording::risico_bedrag(x.bedrag, x.kans_ppm);
        k.rows.push_back(row({text(x.naam), money(x.bedrag, naam + "_bedrag"),
                              {Value::percentage_ppm(x.kans_ppm), naam + "_kans", ""},
                              money(b, naam + "_benodigd", "ROUND(" + naam + "_bedrag * " + naam + "_kans; 2)")}));
        benodigd += b;
    }
    k.rows.push_back(row({text("Totaal"), text(""), text(""), money(benodigd, "benodigd", "SUM(kolom(benodigd))")},
                         doc::RowRole::total));
    const jaarverantwoording::Weerstand w = jaarverantwoording::weerstandsvermogen(beschikbaar, benodigd);
    doc::Table v;
    v.id = "weerstandsvermogen";
    v.caption = "Weerstandsvermogen " + j(c.begrotingsjaar);
    v.columns = {{"onderdeel", "Onderdeel"}, {"waarde", "Waarde"}};
    v.rows.push_back(row({text("Beschikbare weerstandscapaciteit"), money(beschikbaar, "beschikbaar", som(beschikbaar_namen))}));
    v.rows.push_back(row({text("Benodigde weerstandscapaciteit"), money(benodigd, "", "benodigd")}));
    v.rows.push_back(row({text("Ratio (beschikbaar / benodigd)"), text(w.ratio)}));
    v.rows.push_back(row({text("Klasse"), text(w.bepaald ? std::string(1, w.klasse) + " (" + w.oordeel + ")" : w.oordeel)},
                         doc::RowRole::total));
    s.blocks.emplace_back(doc::Paragraph{
        "Dezelfde maatstaf als in de jaarverantwoording: beschikbaar gedeeld door benodigd, waarbij het benodigde "
        "bedrag van een risico het bedrag maal de kans is."});
    s.blocks.emplace_back(std::move(r));
    s.blocks.emplace_back(std::move(k));
    s.blocks.emplace_back(std::move(v));
    return s;
}

doc::Table grondslag_tabel(const Invoer &in) {
    doc::Table t;
    t.id = "grondslag";
    t.caption = "Grondslag per post";
    t.columns = {{"code", "Code"}, {"grondslag", "Grondslag"}};
    for (const auto &g : in.raming.regels) t.rows.push_back(row({text(g.post->code), text(g.basis_tekst)}));
    return t;
}

std::string m(Money v) { return v.format_nl(); }

}  // namespace

std::int64_t verandering_ppm(Money oud, Money nieuw) {
    if (oud.in_cents() == 0) return 0;
    const __int128 num = static_cast<__int128>(nieuw.in_cents() - oud.in_cents()) * 1000000;
    const __int128 den = oud.in_cents() < 0 ? -oud.in_cents() : oud.in_cents();
    return static_cast<std::int64_t>(num >= 0 ? (num + den / 2) / den : -((-num + den / 2) / den));
}

doc::Meta document_meta(const Invoer &in, const std::string &title) {
    doc::Meta m;
    m.title = title;
    m.region = in.region.naam;
    m.year = in.config.begrotingsjaar;
    m.date = Date{in.region.boekjaar + 1, 1, 1};
    return m;
}

std::string post_naam(std::size_t i) { return "p" + std::to_string(i); }
std::string raming_naam(std::size_t i, int jaar) { return post_naam(i) + "_j" + j(jaar); }

doc::Document build_begroting(const Invoer &in) {
    const Config &c = in.config;
    doc::Document d;
    d.name = "begroting-" + j(c.begrotingsjaar);
    d.meta = document_meta(in, "Ontwerpbegroting " + j(c.begrotingsjaar));
    d.meta.subtitle = "met meerjarenraming " + j(c.begrotingsjaar) + "–" + j(c.begrotingsjaar + 3);
    d.sections.push_back(inleiding(in, "Dit is de ontwerpbegroting " + j(c.begrotingsjaar) + " van " + in.region.naam +
                                           " met de meerjarenraming " + j(c.begrotingsjaar) + "–" +
                                           j(c.begrotingsjaar + 3) + ", die het dagelijks bestuur aan de raden "
                                           "zendt voor hun zienswijze."));
    doc::Section uit{"Uitgangspunten", {}, {}};
    if (!c.categorieen().empty()) uit.blocks.emplace_back(indexatie_tabel(c));
    else uit.blocks.emplace_back(doc::Paragraph{"Er is geen indexatie opgegeven: de bedragen blijven gelijk."});
    d.sections.push_back(std::move(uit));
    d.sections.push_back(programmas(in));

    doc::Section ov{"Overzicht van baten en lasten", {}, {}};
    std::vector<std::string> totalen;
    ov.blocks.emplace_back(overzicht(in, "baten", totalen));
    ov.blocks.emplace_back(overzicht(in, "lasten", totalen));
    Money ov_baten, ov_lasten;
    for (const auto &g : in.raming.regels)
        (g.post->soort == "baten" ? ov_baten : ov_lasten) += g.bedragen.at(c.begrotingsjaar);
    ov.blocks.emplace_back(resultaat_overzicht(c, ov_baten, ov_lasten));
    if (in.raming.administratie_begroting.empty())
        ov.blocks.emplace_back(doc::Note{"De administratie bevat geen vastgestelde begroting " + j(c.basisjaar) +
                                         ": de kolom Begroting " + j(c.basisjaar) +
                                         " toont de begroting uit de configuratie."});
    else ov.blocks.emplace_back(doc::Note{"Begroting " + j(c.basisjaar) + ": " + in.raming.administratie_begroting + "."});
    if (in.raming.administratie_jaarrekening.empty())
        ov.blocks.emplace_back(doc::Note{"De administratie bevat geen vastgestelde jaarrekening " + j(c.basisjaar - 1) +
                                         ": in die kolom staat ontbreekt; er is niets geschat."});
    else
        ov.blocks.emplace_back(doc::Note{"Jaarrekening " + j(c.basisjaar - 1) + ": " + in.raming.administratie_jaarrekening + "."});
    d.sections.push_back(std::move(ov));

    doc::Section mr{"Meerjarenraming " + j(c.begrotingsjaar) + "–" + j(c.begrotingsjaar + 3), {}, {}};
    std::map<int, Money> baten, lasten;
    mr.blocks.emplace_back(raming_tabel(in, "baten", baten));
    mr.blocks.emplace_back(raming_tabel(in, "lasten", lasten));
    if (heeft_mutaties(c)) {
        mr.blocks.emplace_back(mutaties_tabel(c, true));
        mr.blocks.emplace_back(mutaties_tabel(c, false));
    }
    mr.blocks.emplace_back(resultaat_tabel(c, baten, lasten));
    mr.blocks.emplace_back(grondslag_tabel(in));
    d.sections.push_back(std::move(mr));

    doc::Section bij{"Bijdrage per gemeente", {}, {}};
    bij.blocks.emplace_back(doc::Paragraph{
        "De gemeentelijke bijdrage van elk jaar verdeeld met de verdeelsleutel van de regeling (de sleutel van "
        "financing.inwonerbijdrage, op het bedrag van dat jaar). De delen tellen elk jaar precies op tot de post."});
    bij.blocks.emplace_back(bijdragen_tabel(in));
    for (auto &noot : herindeling_noten(in)) bij.blocks.push_back(std::move(noot));
    d.sections.push_back(std::move(bij));
    d.sections.push_back(taakvelden(in));
    d.sections.push_back(incidenteel(in));
    d.sections.push_back(weerstand(in));
    d.sections.push_back({"Paragraaf bedrijfsvoering", paragraphs(c.bedrijfsvoering), {}});
    d.sections.push_back(
        {"Geprognosticeerde balans en EMU-saldo",
         {doc::Paragraph{"Niet opgenomen: de administratie van vhh bevat geen balans (geen vaste activa, "
                         "voorzieningen, vlottende middelen en schulden) en geen investeringen. Een geprognosticeerde "
                         "balans en het EMU-saldo kunnen daarom niet worden berekend; vhh schat ze niet."}},
         {}});
    return d;
}

doc::Document build_zienswijzebrief(const Invoer &in, std::size_t index, const std::string &slug) {
    const Config &c = in.config;
    const Bijdrage &b = in.raming.bijdragen.at(index);
    doc::Document d;
    d.kind = doc::Document::Kind::letter;
    d.name = "zienswijzebrief-" + j(c.begrotingsjaar) + "-" + slug;
    d.meta = document_meta(in, "Ontwerpbegroting " + j(c.begrotingsjaar) + " — zienswijze van de raad van " + b.naam);
    doc::Letter l;
    l.addressee = {"De gemeenteraad van " + b.naam, "t.a.v. de griffie"};
    l.date = c.datum_brieven         ? *c.datum_brieven
             : in.termijn.verzonden ? *in.termijn.verzonden
                                    : Date{in.region.boekjaar + 1, 1, 1};
    l.kenmerk = (c.kenmerk.empty() ? "OB" + j(c.begrotingsjaar) : c.kenmerk) + "/" + b.code;

    doc::Table t;
    t.id = "bijdrage";
    t.caption = "Uw bijdrage volgens de meerjarenraming";
    t.columns = {{"jaar", "Jaar"}, {"bijdrage", "Bijdrage"}};
    for (int y : c.jaren()) {
        const auto niet = b.niet_in.find(y);
        t.rows.push_back(row({text(niet == b.niet_in.end() ? j(y) : j(y) + " (" + niet->second + ")"),
                              money(b.bedragen.at(y), "bijdrage_" + j(y))}));
    }
    l.body.emplace_back(std::move(t));

    // The comparison: the last vastgestelde begroting, else the begroting of the boekjaar in the config.
    std::optional<Money> oud = b.vastgesteld;
    std::string oud_bron = "de " + in.raming.administratie_begroting;
    if (!oud) {
        for (const auto &line : in.bijdragen_nu)
            if (line.payer_id == b.code) oud = oud.value_or(Money()) + line.amount;
        oud_bron = "de begroting " + j(c.basisjaar) + " in de configuratie (niet vastgesteld in de administratie)";
    }
    const Money nieuw = b.bedragen.at(c.begrotingsjaar);
    doc::Table v;
    v.id = "verandering";
    v.caption = "Verandering tegenover de begroting " + j(c.basisjaar);
    v.columns = {{"onderdeel", "Onderdeel"}, {"bedrag", "Bedrag"}};
    const std::int64_t ppm = oud ? verandering_ppm(*oud, nieuw) : 0;
    if (oud) {
        v.rows.push_back(row({text("Bijdrage " + j(c.basisjaar)), money(*oud, "oud")}));
        v.rows.push_back(row({text("Bijdrage " + j(c.begrotingsjaar)), money(nieuw, "nieuw", "bijdrage_" + j(c.begrotingsjaar))}));
        v.rows.push_back(row({text("Verandering"), money(nieuw - *oud, "verschil", "nieuw - oud")}, doc::RowRole::total));
        v.rows.push_back(row({text("Verandering in %"),
                              {Value::percentage_ppm(ppm), "", oud->in_cents() != 0 ? "verschil / oud" : ""}}));
        l.body.emplace_back(std::move(v));
    }

    DataNode &data = l.template_data;
    data.set("regio", in.region.naam);
    data.set("gemeente", b.naam);
    data.set("begrotingsjaar", j(c.begrotingsjaar));
    data.set("laatste_jaar", j(c.begrotingsjaar + 3));
    data.set("basisjaar", j(c.basisjaar));
    data.set("illustratief", DataNode::boolean(c.illustratief));
    data.set("bijdrage", m(nieuw));
    data.set("vergelijking", DataNode::boolean(oud.has_value()));
    data.set("vergelijking_bron", oud_bron);
    data.set("oud", oud ? m(*oud) : "");
    const Money diff = oud ? nieuw - *oud : Money();
    data.set("hoger", DataNode::boolean(diff.in_cents() > 0));
    data.set("lager", DataNode::boolean(diff.in_cents() < 0));
    data.set("verschil", m(diff < Money() ? -diff : diff));
    data.set("procent", percentage_nl(ppm < 0 ? -ppm : ppm));
    data.set("weken", std::to_string(in.termijn.weken));
    data.set("grondslag", in.termijn.grondslag);
    data.set("gepland", DataNode::boolean(in.termijn.vergadering.has_value()));
    data.set("vergadering", in.termijn.vergadering ? jaarverantwoording::date_long_nl(*in.termijn.vergadering) : "");
    data.set("uiterlijk",
             in.termijn.vergadering
                 ? jaarverantwoording::date_long_nl(jaarverantwoording::add_days(*in.termijn.vergadering, -1))
                 : "");
    l.body_template = "zienswijzebrief.txt.mustache";
    d.letter = std::move(l);
    return d;
}

doc::Document build_kaderbrief(const Invoer &in) {
    const Config &c = in.config;
    doc::Document d;
    d.name = "kaderbrief-" + j(c.begrotingsjaar);
    d.meta = document_meta(in, "Kaderbrief " + j(c.begrotingsjaar));
    d.meta.subtitle = "uitgangspunten voor de begroting " + j(c.begrotingsjaar);
    d.sections.push_back(inleiding(in, "De financiële en beleidsmatige kaders voor de begroting " +
                                           j(c.begrotingsjaar) + " van " + in.region.naam +
                                           ", die het dagelijks bestuur vóór de ontwerpbegroting aan de raden zendt."));
    doc::Section idx{"Indexatie per categorie", {}, {}};
    if (!c.categorieen().empty()) idx.blocks.emplace_back(indexatie_tabel(c));
    else idx.blocks.emplace_back(doc::Paragraph{"Er is geen indexatie opgegeven."});
    d.sections.push_back(std::move(idx));
    d.sections.push_back({"Nieuw beleid",
                          c.nieuw_beleid.empty()
                              ? std::vector<doc::Block>{doc::Paragraph{"Er is geen nieuw beleid voorzien."}}
                              : paragraphs(c.nieuw_beleid),
                          {}});
    doc::Section bij{"Gevolgen voor de bijdrage per gemeente", {}, {}};
    doc::Table t;
    t.id = "kader_bijdragen";
    t.caption = "Bijdrage per gemeente " + j(c.basisjaar) + " en " + j(c.begrotingsjaar);
    t.columns = {{"code", "Code"}, {"gemeente", "Gemeente"}, {"oud", "Bijdrage " + j(c.basisjaar)},
                 {"nieuw", "Bijdrage " + j(c.begrotingsjaar)}, {"verschil", "Verschil"}};
    Money oud_tot, nieuw_tot;
    std::vector<std::string> waarom_nul;
    for (std::size_t g = 0; g < in.raming.bijdragen.size(); ++g) {
        const Bijdrage &b = in.raming.bijdragen[g];
        // The gemeenten of each of the two years (kaderbrief_gemeente): one that exists in neither
        // (a herindeling later in the raming) has no row; one that exists in one of them says why it
        // pays nothing in the other.
        const bool in_basisjaar = in.region.find(b.code) != nullptr;
        const auto nieuw_niet = b.niet_in.find(c.begrotingsjaar);
        if (!in_basisjaar && nieuw_niet != b.niet_in.end()) continue;
        if (!in_basisjaar && c.basisjaar != c.begrotingsjaar)
            waarom_nul.push_back(b.code + " " + b.naam + " betaalt in " + j(c.basisjaar) + " niet: " +
                                 herindeling_reden(b.code, in.region.herindelingen, c.basisjaar, c.basisjaar));
        if (nieuw_niet != b.niet_in.end())
            waarom_nul.push_back(b.code + " " + b.naam + " betaalt in " + j(c.begrotingsjaar) + " niet: " +
                                 nieuw_niet->second);
        Money oud;
        if (b.vastgesteld) oud = *b.vastgesteld;
        else
            for (const auto &line : in.bijdragen_nu)
                if (line.payer_id == b.code) oud += line.amount;
        const Money nieuw = b.bedragen.at(c.begrotingsjaar);
        const std::string n = "kb" + std::to_string(g);
        t.rows.push_back(row({text(b.code), text(b.naam), money(oud, n + "_oud"), money(nieuw, n + "_nieuw"),
                              money(nieuw - oud, "", n + "_nieuw - " + n + "_oud")}));
        oud_tot += oud;
        nieuw_tot += nieuw;
    }
    t.rows.push_back(row({text("Totaal"), text(""), money(oud_tot, "", "SUM(kolom(oud))"),
                          money(nieuw_tot, "", "SUM(kolom(nieuw))"), money(nieuw_tot - oud_tot, "", "SUM(kolom(verschil))")},
                         doc::RowRole::total));
    bij.blocks.emplace_back(std::move(t));
    for (const auto &w : waarom_nul) bij.blocks.emplace_back(doc::Note{w + "."});
    d.sections.push_back(std::move(bij));
    return d;
}

}  // namespace vhh::begroting
