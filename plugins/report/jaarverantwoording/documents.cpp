#include "documents.h"

#include <algorithm>
#include <functional>
#include <map>

#include "baten_bronnen.h"
#include "resultaatbestemming.h"
#include "vhh/count_nl.h"
#include "vhh/text.h"

namespace vhh::jaarverantwoording {

namespace {

using doc::Value;

doc::Cell text(const std::string &s) { return {Value::text(s), "", ""}; }
doc::Cell money(Money m, const std::string &name = "") { return {Value::money(m), name, ""}; }
doc::Cell formula(Value v, const std::string &f, const std::string &name = "") { return {std::move(v), name, f}; }
doc::Cell money_formula(Money m, const std::string &f, const std::string &name = "") {
    return formula(Value::money(m), f, name);
}

doc::Row row(std::vector<doc::Cell> cells, doc::RowRole role = doc::RowRole::body) { return {std::move(cells), role}; }

std::string m(Money v) { return v.format_nl(); }

std::string bron_realisatie(const Post &p) {
    std::string s;
    if (p.niet_begroot) s = "niet begroot; ";
    if (!p.lijnen.empty()) {
        std::string src;
        for (const auto &l : p.lijnen) src += (src.empty() ? "" : ", ") + l;
        s += "bijdragen: " + src + " (" + count_nl(p.lijnen_aantal, "regel", "regels") + ")";
    }
    if (p.boekingen > 0)
        s += std::string(p.lijnen.empty() ? "" : "; ") + "grootboek: " + count_nl(p.boekingen, "boeking", "boekingen");
    if (p.lijnen.empty() && p.boekingen == 0) s += "geen boekingen";
    return s;
}

std::string post_label(const Post &p) { return p.fte ? p.naam + " (" + fte_nl(*p.fte) + " fte)" : p.naam; }

/// Name prefix of post `i`'s cells: "post3".
std::string post_name(int i) { return "post" + std::to_string(i); }

/// The money columns of an overview table (after the label columns).
void money_columns(std::vector<doc::Column> &cols, const Jaarrekening &j, int year) {
    if (j.met_vorig_jaar) cols.push_back({"vorig_jaar", "Realisatie " + std::to_string(year - 1)});
    cols.push_back({"primitief", "Begroting primitief"});
    cols.push_back({"wijziging", "Begroting na wijziging"});
    cols.push_back({"realisatie", "Realisatie"});
    cols.push_back({"verschil", "Verschil"});
    cols.push_back({"vn", "V/N"});
}

/// The money cells of a row: `name` prefixes the names ("post3" → post3.prim …); `sum` gives the
/// formula of each column ("" = a plain value).
void money_cells(std::vector<doc::Cell> &cells, const Jaarrekening &j, const std::string &name, const Bedragen &v,
                 bool vorig_jaar_known, Soort soort, const std::function<std::string(const char *)> &source) {
    auto cell = [&](Money value, const char *suffix) {
        const std::string f = source ? source(suffix) : "";
        cells.push_back(f.empty() ? money(value, name + "." + suffix) : money_formula(value, f, name + "." + suffix));
    };
    if (j.met_vorig_jaar) {
        if (vorig_jaar_known) cell(v.vorig_jaar, "vj");
        else cells.push_back({});
    }
    cell(v.primitief, "prim");
    cell(v.na_wijziging, "wijz");
    cell(v.realisatie, "real");
    cells.push_back(money_formula(v.verschil(), name + ".real - " + name + ".wijz", name + ".verschil"));
    cells.push_back(text(voordelig_nadelig(soort, v.verschil())));
}

/// Table "baten" or "lasten": every post of that soort and the total.
doc::Table posten_table(const Jaarrekening &j, int year, Soort soort) {
    const bool baten = soort == Soort::baten;
    doc::Table t;
    t.id = baten ? "baten" : "lasten";
    t.caption = baten ? "Baten" : "Lasten";
    t.columns = {{"code", "Code"}, {"post", "Post"}};
    money_columns(t.columns, j, year);
    t.columns.push_back({"bron", "Bron realisatie"});
    for (int i : baten ? j.baten : j.lasten) {
        const Post &p = j.config.posten[i];
        std::vector<doc::Cell> cells{text(p.code), text(post_label(p))};
        money_cells(cells, j, post_name(i), j.bedragen(p), p.vorig_jaar.has_value(), soort, nullptr);
        cells.push_back(text(bron_realisatie(p)));
        t.rows.push_back(row(std::move(cells)));
    }
    std::vector<doc::Cell> total{text(""), text(baten ? "Totaal baten" : "Totaal lasten")};
    const std::map<std::string, std::string> column_of = {{"vj", "vorig_jaar"}, {"prim", "primitief"},
                                                          {"wijz", "wijziging"}, {"real", "realisatie"}};
    money_cells(total, j, t.id, baten ? j.baten_totaal : j.lasten_totaal, true, soort,
                [&](const char *suffix) { return "SUM(kolom(" + column_of.at(suffix) + "))"; });
    t.rows.push_back(row(std::move(total), doc::RowRole::total));
    return t;
}

/// When the afrekening lines do not settle the whole resultaat: both figures and the difference,
/// in words (empty when they do).
std::string afrekening_verschil_text(const Jaarrekening &j) {
    if (j.afrekening_verschil.in_cents() == 0) return "";
    const Money verrekend = j.resultaat.realisatie - j.afrekening_verschil;
    return " Let op: met de gemeenten wordt samen " + m(verrekend) + " verrekend, het resultaat is " +
           m(j.resultaat.realisatie) + ". Het verschil van " + m(j.afrekening_verschil) +
           " wordt niet met de gemeenten verrekend; over de bestemming ervan besluit het algemeen bestuur.";
}

/// Table "resultaat": the totals, the saldo, the reserve mutations and the resultaat.
doc::Table resultaat_table(const Jaarrekening &j, int year) {
    doc::Table t;
    t.id = "resultaat";
    t.caption = "Saldo en resultaat";
    t.columns = {{"onderdeel", "Onderdeel"}};
    money_columns(t.columns, j, year);
    auto line = [&](const std::string &label, const std::string &name, const Bedragen &v, Soort soort,
                    const std::function<std::string(const char *)> &source, doc::RowRole role) {
        std::vector<doc::Cell> cells{text(label)};
        money_cells(cells, j, name, v, true, soort, source);
        t.rows.push_back(row(std::move(cells), role));
    };
    auto ref = [](const std::string &name) {
        return [name](const char *suffix) { return name + "." + suffix; };
    };
    line("Totaal baten", "res.baten", j.baten_totaal, Soort::baten, ref("baten"), doc::RowRole::body);
    line("Totaal lasten", "res.lasten", j.lasten_totaal, Soort::lasten, ref("lasten"), doc::RowRole::body);
    line("Saldo van baten en lasten", "saldo", j.saldo, Soort::baten,
         [](const char *s) { return std::string("res.baten.") + s + " - res.lasten." + s; }, doc::RowRole::subtotal);
    const bool reserves = !j.config.reserves.empty();
    // A budgeted mutation gets its V/N like a post (reserve_mutatie_vn): a toevoeging as a last, an
    // onttrekking as a bate; the begroting columns carry the budgeted mutations, the realisatie the realised.
    auto mutatie = [&](const std::string &label, const std::string &name, Money begroot, Money value,
                       const char *reserves_cell, Soort soort) {
        std::vector<doc::Cell> cells{text(label)};
        if (j.met_vorig_jaar) cells.push_back({});
        cells.push_back(money(begroot, name + ".prim"));
        cells.push_back(money(begroot, name + ".wijz"));
        cells.push_back(reserves ? money_formula(value, reserves_cell, name + ".real") : money(value, name + ".real"));
        cells.push_back(money_formula(value - begroot, name + ".real - " + name + ".wijz"));
        cells.push_back(text(voordelig_nadelig(soort, value - begroot)));
        t.rows.push_back(row(std::move(cells)));
    };
    mutatie("Toevoegingen aan reserves", "toev", j.begroot_toevoegingen, j.toevoegingen, "reserves.toev", Soort::lasten);
    mutatie("Onttrekkingen aan reserves", "ontt", j.begroot_onttrekkingen, j.onttrekkingen, "reserves.ontt",
            Soort::baten);
    line("Resultaat", "resultaat", j.resultaat, Soort::baten,
         [&](const char *s) {
             const std::string suffix = s;
             if (suffix == "vj") return "saldo." + suffix;
             return "saldo." + suffix + " - toev." + suffix + " + ontt." + suffix;
         },
         doc::RowRole::total);
    return t;
}

/// "Wat heeft het gekost?" of one programma: its posten (formulas over the overview's cells).
doc::Table kosten_table(const Jaarrekening &j, std::size_t index) {
    const std::string code = j.config.programmas[index].code;
    const std::string id = "kosten" + std::to_string(index);
    doc::Table t;
    t.id = id;
    t.caption = "Kosten van programma " + code;
    t.columns = {{"post", "Post"}, {"begroting", "Begroting na wijziging"}, {"realisatie", "Realisatie"},
                 {"verschil", "Verschil"}, {"vn", "V/N"}};
    Bedragen totals[2];
    std::string sums[2][2];  // [baten/lasten][wijz/real]
    bool any[2] = {false, false};
    for (const auto *indices : {&j.lasten, &j.baten})
        for (int i : *indices) {
            const Post &p = j.config.posten[i];
            if (p.programma != code) continue;
            const int s = p.soort == Soort::baten ? 0 : 1;
            const std::string n = post_name(i);
            t.rows.push_back(row({text(post_label(p)), money_formula(p.na_wijziging, n + ".wijz"),
                                  money_formula(p.realisatie(), n + ".real"),
                                  money_formula(p.verschil(), n + ".verschil"),
                                  text(voordelig_nadelig(p.soort, p.verschil()))}));
            totals[s] += j.bedragen(p);
            sums[s][0] += (sums[s][0].empty() ? "" : " + ") + n + ".wijz";
            sums[s][1] += (sums[s][1].empty() ? "" : " + ") + n + ".real";
            any[s] = true;
        }
    auto total = [&](int s, const std::string &label, Soort soort) {
        const std::string n = id + (s == 0 ? ".baten" : ".lasten");
        const Bedragen &v = totals[s];
        t.rows.push_back(row({text(label), money_formula(v.na_wijziging, sums[s][0], n + ".wijz"),
                              money_formula(v.realisatie, sums[s][1], n + ".real"),
                              money_formula(v.verschil(), n + ".real - " + n + ".wijz"),
                              text(voordelig_nadelig(soort, v.verschil()))},
                             doc::RowRole::subtotal));
    };
    if (any[1]) total(1, "Totaal lasten", Soort::lasten);
    if (any[0]) total(0, "Totaal baten", Soort::baten);
    const Bedragen saldo = totals[0] - totals[1];
    auto side = [&](int s, const char *suffix) { return any[s] ? id + (s == 0 ? ".baten." : ".lasten.") + suffix : "0"; };
    const std::string w = side(0, "wijz") + " - " + side(1, "wijz"), r = side(0, "real") + " - " + side(1, "real");
    t.rows.push_back(row({text("Saldo (baten − lasten)"), money_formula(saldo.na_wijziging, w, id + ".saldo.wijz"),
                          money_formula(saldo.realisatie, r, id + ".saldo.real"),
                          money_formula(saldo.verschil(), id + ".saldo.real - " + id + ".saldo.wijz"),
                          text(voordelig_nadelig(Soort::baten, saldo.verschil()))},
                         doc::RowRole::total));
    return t;
}

doc::Section reserves_section(const Jaarrekening &j) {
    const Config &c = j.config;
    doc::Section s{"Reserves en weerstandsvermogen", {}, {}};
    if (!c.reserves.empty()) {
        doc::Table t;
        t.id = "reserves";
        t.caption = "Reserves";
        t.columns = {{"code", "Code"},          {"reserve", "Reserve"},          {"begin", "Stand 1 januari"},
                     {"toevoeging", "Toevoeging"}, {"onttrekking", "Onttrekking"}, {"eind", "Stand 31 december"},
                     {"weerstand", "Weerstandscapaciteit"}};
        Money b, to, on, e;
        for (std::size_t i = 0; i < c.reserves.size(); ++i) {
            const Reserve &r = c.reserves[i];
            const std::string n = "reserve" + std::to_string(i);
            t.rows.push_back(row({text(r.code), text(r.naam), money(r.begin, n + ".begin"),
                                  money(r.toevoeging, n + ".toev"), money(r.onttrekking, n + ".ontt"),
                                  money_formula(r.eind(), n + ".begin + " + n + ".toev - " + n + ".ontt", n + ".eind"),
                                  text(r.weerstand ? "ja" : "nee")}));
            b += r.begin, to += r.toevoeging, on += r.onttrekking, e += r.eind();
        }
        t.rows.push_back(row({text(""), text("Totaal reserves"), money_formula(b, "SUM(kolom(begin))", "reserves.begin"),
                              money_formula(to, "SUM(kolom(toevoeging))", "reserves.toev"),
                              money_formula(on, "SUM(kolom(onttrekking))", "reserves.ontt"),
                              money_formula(e, "SUM(kolom(eind))", "reserves.eind")},
                             doc::RowRole::total));
        s.blocks.emplace_back(std::move(t));
    }
    if (!c.risicos.empty()) {
        doc::Table t;
        t.id = "risicos";
        t.caption = "Risico’s";
        t.columns = {{"risico", "Risico"}, {"bedrag", "Bedrag"}, {"kans", "Kans"}, {"benodigd", "Benodigd (bedrag × kans)"}};
        for (std::size_t i = 0; i < c.risicos.size(); ++i) {
            const Risico &r = c.risicos[i];
            const std::string n = "risico" + std::to_string(i);
            t.rows.push_back(row({text(r.naam), money(r.bedrag, n + ".bedrag"),
                                  {Value::percentage_ppm(r.kans_ppm), n + ".kans", ""},
                                  money_formula(r.benodigd(), "ROUND(" + n + ".bedrag * " + n + ".kans; 2)")}));
        }
        t.rows.push_back(row({text("Totaal"), {}, {}, money_formula(j.benodigd, "SUM(kolom(benodigd))", "benodigd")},
                             doc::RowRole::total));
        s.blocks.emplace_back(std::move(t));
    }
    doc::Table w;
    w.id = "weerstandsvermogen";
    w.caption = "Weerstandsvermogen";
    w.columns = {{"onderdeel", "Onderdeel"}, {"waarde", "Waarde"}};
    std::string beschikbaar;
    for (std::size_t i = 0; i < c.reserves.size(); ++i)
        if (c.reserves[i].weerstand) beschikbaar += (beschikbaar.empty() ? "" : " + ") + ("reserve" + std::to_string(i) + ".eind");
    w.rows.push_back(row({text("Beschikbare weerstandscapaciteit (reserves met weerstandscapaciteit)"),
                          beschikbaar.empty() ? money(j.beschikbaar, "beschikbaar")
                                              : money_formula(j.beschikbaar, beschikbaar, "beschikbaar")}));
    w.rows.push_back(row({text("Benodigde weerstandscapaciteit (som van de risico's)"),
                          c.risicos.empty() ? money(j.benodigd, "benodigd_w")
                                            : money_formula(j.benodigd, "benodigd", "benodigd_w")}));
    w.rows.push_back(row({text("Ratio weerstandsvermogen (beschikbaar / benodigd)"),
                          j.weerstand.bepaald
                              ? formula(Value::fraction(j.beschikbaar.in_cents(), j.benodigd.in_cents()),
                                        "beschikbaar / benodigd_w")
                              : text(j.weerstand.ratio)},
                         doc::RowRole::subtotal));
    w.rows.push_back(row({text("Klasse"), text(j.weerstand.bepaald ? std::string(1, j.weerstand.klasse) + " (" +
                                                                          j.weerstand.oordeel + ")"
                                                                    : j.weerstand.oordeel)}));
    s.blocks.emplace_back(std::move(w));
    s.blocks.emplace_back(doc::Note{"Klassen: A > 2,0 uitstekend; B 1,4–2,0 ruim voldoende; C 1,0–1,4 voldoende; "
                                    "D 0,8–1,0 matig; E 0,6–0,8 onvoldoende; F < 0,6 ruim onvoldoende. Een ratio "
                                    "precies op een grens krijgt de lagere klasse (2,0 is B; 0,6 is F)."});
    return s;
}

doc::Section afrekening_section(const Jaarrekening &j) {
    doc::Section s{"Bijdragen per gemeente", {}, {}};
    doc::Table t;
    t.id = "afrekening";
    t.caption = "Afrekening per gemeente";
    t.columns = {{"code", "CBS-code"},
                 {"gemeente", "Gemeente"},
                 {"voorlopig", "Voorlopige bijdrage"},
                 {"sleutel", "Aandeel verdeelsleutel"},
                 {"aandeel", "Aandeel in resultaat"},
                 {"afrekening", "Afrekening (− = terug)"},
                 {"definitief", "Definitieve bijdrage"},
                 {"grondslag", "Grondslag"}};
    Money voorlopig, aandeel, afrekening, definitief;
    std::int64_t sleutel = 0;
    for (const auto &a : j.afrekening) voorlopig += a.voorlopig;
    for (std::size_t i = 0; i < j.afrekening.size(); ++i) {
        const Afrekening &a = j.afrekening[i];
        const std::string n = "gemeente" + std::to_string(i);
        std::vector<doc::Cell> cells{text(a.code), text(a.naam), money(a.voorlopig, n + ".voorlopig")};
        cells.push_back(voorlopig.in_cents() > 0 ? formula(Value::percentage_ppm(a.sleutel_ppm),
                                                           n + ".voorlopig / afrekening.voorlopig")
                                                 : doc::Cell{Value::percentage_ppm(0), "", ""});
        if (j.afrekening_uit_lijnen) {
            cells.push_back(money_formula(a.aandeel, "-" + n + ".afrekening"));
            cells.push_back(money(a.afrekening, n + ".afrekening"));
        } else {
            cells.push_back(money(a.aandeel, n + ".aandeel"));
            cells.push_back(money_formula(a.afrekening, "-" + n + ".aandeel", n + ".afrekening"));
        }
        cells.push_back(money_formula(a.definitief(), n + ".voorlopig + " + n + ".afrekening"));
        cells.push_back(text(a.grondslag));
        t.rows.push_back(row(std::move(cells)));
        aandeel += a.aandeel, afrekening += a.afrekening, definitief += a.definitief(), sleutel += a.sleutel_ppm;
    }
    t.rows.push_back(row({text(""), text("Totaal"), money_formula(voorlopig, "SUM(kolom(voorlopig))", "afrekening.voorlopig"),
                          formula(Value::percentage_ppm(sleutel), "SUM(kolom(sleutel))"),
                          money_formula(aandeel, "SUM(kolom(aandeel))", "afrekening.aandeel"),
                          money_formula(afrekening, "SUM(kolom(afrekening))"),
                          money_formula(definitief, "SUM(kolom(definitief))")},
                         doc::RowRole::total));
    s.blocks.emplace_back(std::move(t));
    s.blocks.emplace_back(doc::Note{
        j.afrekening_uit_lijnen
            ? "Afrekening uit de bijdragen (bron afrekening); definitieve bijdrage = voorlopige bijdrage + afrekening. "
              "Resultaat volgens het overzicht van baten en lasten: " + m(j.resultaat.realisatie) + "." +
                  afrekening_verschil_text(j)
            : "Het resultaat (" + m(j.resultaat.realisatie) + ") wordt verdeeld naar de verdeelsleutel van de "
              "voorlopige bijdrage (" + j.config.verdeelsleutel_bron + "), met de methode van de grootste "
              "overschotten: de delen tellen exact op tot het resultaat. Een overschot gaat terug naar de "
              "gemeenten (afrekening negatief)."});
    return s;
}

std::vector<std::int64_t> row_sums(const std::vector<std::vector<std::int64_t>> &t) {
    std::vector<std::int64_t> s;
    for (const auto &r : t) {
        std::int64_t v = 0;
        for (auto x : r) v += x;
        s.push_back(v);
    }
    return s;
}

std::vector<std::int64_t> col_sums(const std::vector<std::vector<std::int64_t>> &t, std::size_t n) {
    std::vector<std::int64_t> s(n, 0);
    for (const auto &r : t)
        for (std::size_t k = 0; k < n; ++k) s[k] += r[k];
    return s;
}

std::string legenda_klein(std::int64_t minimum) {
    return "<" + std::to_string(minimum) + " = minder dan " + std::to_string(minimum) +
           " casussen (niet gepubliceerd ter bescherming van de privacy)";
}
const char *kLegendaX = "x = niet gepubliceerd, zodat kleine aantallen niet uit de totalen zijn te herleiden";

doc::Cell count_cell(std::int64_t value, CellStatus status, std::int64_t minimum) {
    if (status == CellStatus::published) return {Value::integer(value), "", ""};
    return {Value::suppressed(count_text(value, status, minimum)), "", ""};
}

/// A casussen table: a row per gemeente (of `gemeenten`, region order), a column per label.
doc::Table count_table(const std::string &id, const std::string &caption, const std::vector<std::string> &labels,
                       const std::vector<std::vector<std::int64_t>> &counts, const TableStatus &st,
                       const std::vector<std::size_t> &gemeenten, const Region &region, std::int64_t mn,
                       bool with_total_row) {
    doc::Table t;
    t.id = id;
    t.caption = caption;
    t.columns = {{"gemeente", "Gemeente"}};
    for (std::size_t i = 0; i < labels.size(); ++i) t.columns.push_back({"k" + std::to_string(i), labels[i]});
    t.columns.push_back({"totaal", "Totaal"});
    const std::size_t g = region.gemeenten.size();
    const auto kol = col_sums(counts, g);
    const auto rij = row_sums(counts);
    for (std::size_t k : gemeenten) {
        std::vector<doc::Cell> cells{text(region.gemeenten[k].naam)};
        for (std::size_t i = 0; i < counts.size(); ++i) cells.push_back(count_cell(counts[i][k], st.cells[i][k], mn));
        cells.push_back(count_cell(kol[k], st.column_totals[k], mn));
        t.rows.push_back(row(std::move(cells)));
    }
    if (with_total_row) {
        std::int64_t totaal = 0;
        for (auto v : kol) totaal += v;
        std::vector<doc::Cell> cells{text("Totaal")};
        for (std::size_t i = 0; i < counts.size(); ++i) cells.push_back(count_cell(rij[i], st.row_totals[i], mn));
        cells.push_back(count_cell(totaal, st.total, mn));
        t.rows.push_back(row(std::move(cells), doc::RowRole::total));
    }
    return t;
}

std::vector<std::string> niveau_labels() {
    std::vector<std::string> labels;
    for (int n = 1; n <= kNiveaus; ++n) labels.push_back("AVE " + std::to_string(n));
    return labels;
}

doc::Section casussen_section(const Jaarrekening &j, const Region &region) {
    doc::Section s{"Casussen", {}, {}};
    if (!j.indicatoren) {
        s.blocks.emplace_back(doc::Paragraph{"Geen indicatoren opgegeven."});
        return s;
    }
    const Indicatoren &ind = *j.indicatoren;
    std::vector<std::size_t> all(region.gemeenten.size());
    for (std::size_t k = 0; k < all.size(); ++k) all[k] = k;
    s.blocks.emplace_back(count_table("casussen_thema", "Casussen per thema", ind.themas, ind.per_thema,
                                      j.onderdrukking.a, all, region, j.config.minimum, true));
    if (ind.met_niveau)
        s.blocks.emplace_back(count_table("casussen_niveau", "Casussen per AVE-niveau", niveau_labels(), ind.per_niveau, j.onderdrukking.b, all, region,
                                          j.config.minimum, true));
    if (ind.met_niveau)
        s.blocks.emplace_back(doc::Note{"AVE-niveaus: AVE 1 signalering, AVE 2 reguliere aanpak, AVE 3 "
                                        "domeinoverstijgend, AVE 4 totale escalatie."});
    s.blocks.emplace_back(doc::Note{legenda_klein(j.config.minimum) + ". " + kLegendaX + "." +
                                    (j.config.indicatoren_bron.empty() ? "" : " Bron: " + j.config.indicatoren_bron + ".")});
    return s;
}

/// The counts of gemeente `k`: a row per label and the gemeente's total (for its letter).
doc::Table gemeente_counts(const std::string &id, const std::string &caption, const std::string &header,
                           const std::vector<std::string> &labels, const std::vector<std::vector<std::int64_t>> &counts,
                           const TableStatus &st, std::size_t k, std::int64_t mn) {
    doc::Table t;
    t.id = id;
    t.caption = caption;
    t.columns = {{"label", header}, {"aantal", "Aantal"}};
    std::int64_t total = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        t.rows.push_back(row({text(labels[i]), count_cell(counts[i][k], st.cells[i][k], mn)}));
        total += counts[i][k];
    }
    t.rows.push_back(row({text("Totaal"), count_cell(total, st.column_totals[k], mn)}, doc::RowRole::total));
    return t;
}

/// The date the letters carry: the setting, else 1 January after the boekjaar (the documents' date).
Date letter_date(const Jaarrekening &j, const Region &region) {
    return j.config.datum_brieven ? *j.config.datum_brieven : Date{region.boekjaar + 1, 1, 1};
}

doc::Meta meta(const Jaarrekening &j, const Region &region, const std::string &title) {
    doc::Meta m;
    m.title = title;
    m.region = region.naam;
    m.year = region.boekjaar;
    m.date = letter_date(j, region);
    return m;
}

}  // namespace

std::string count_text(std::int64_t value, CellStatus status, std::int64_t minimum) {
    switch (status) {
        case CellStatus::published: return format_integer_nl(value);
        case CellStatus::primary: return "<" + std::to_string(minimum);
        case CellStatus::secondary: return "x";
    }
    return "x";
}

doc::Document build_jaarverantwoording(const Jaarrekening &j, const Region &region) {
    const Config &c = j.config;
    const int year = region.boekjaar;
    doc::Document d;
    d.kind = doc::Document::Kind::report;
    d.name = "jaarverantwoording-" + std::to_string(year);
    d.meta = meta(j, region, "Jaarverantwoording " + region.naam + " " + std::to_string(year));

    doc::Section intro{"Samenvatting", {}, {}};
    if (c.illustratief) intro.blocks.emplace_back(doc::Note{"LET OP: de cijfers in dit document zijn illustratief."});
    for (auto &b : paragraphs(c.opmerking)) intro.blocks.push_back(std::move(b));
    intro.blocks.emplace_back(doc::Paragraph{
        "Deze jaarverantwoording volgt de indeling van de begroting (BBV): per programma wat we wilden bereiken, wat "
        "we daarvoor hebben gedaan en wat het heeft gekost. Het resultaat over " + std::to_string(year) + " is " +
        m(j.resultaat.realisatie) + "."});
    intro.blocks.emplace_back(resultaat_table(j, year));
    intro.blocks.emplace_back(doc::Note{"Verschil = realisatie − begroting na wijziging. V = voordelig, N = nadelig "
                                        "(lasten: meer uitgegeven is N; baten: meer ontvangen is V)."});
    if (!j.baten.empty())
        intro.blocks.emplace_back(doc::Chart{doc::Chart::Type::pie, "Baten naar bron (realisatie)", "baten", "post",
                                             {"realisatie"}, "De realisatie van de baten per post; de bedragen staan "
                                                             "in de tabel Baten."});
    d.sections.push_back(std::move(intro));

    doc::Section programmas{"Programmaverantwoording", {}, {}};
    for (std::size_t i = 0; i < c.programmas.size(); ++i) {
        const Programma &p = c.programmas[i];
        doc::Section ps{"Programma " + p.code + ": " + p.naam, {}, {}};
        ps.sections.push_back({"Wat wilden we bereiken?", paragraphs(p.bereiken), {}});
        ps.sections.push_back({"Wat hebben we daarvoor gedaan?", paragraphs(p.gedaan), {}});
        doc::Section kosten{"Wat heeft het gekost?", {}, {}};
        kosten.blocks.emplace_back(kosten_table(j, i));
        if (!p.bron.empty()) kosten.blocks.emplace_back(doc::Note{"Bron: " + p.bron});
        ps.sections.push_back(std::move(kosten));
        programmas.sections.push_back(std::move(ps));
    }
    d.sections.push_back(std::move(programmas));

    doc::Section overzicht{"Overzicht van baten en lasten", {}, {}};
    for (const auto &bron : c.administratie_bronnen) overzicht.blocks.emplace_back(doc::Paragraph{bron});
    if (!c.grootboek_bron.empty())
        overzicht.blocks.emplace_back(doc::Paragraph{"Realisatie van de lasten: " + c.grootboek_bron + "."});
    doc::List bronnen;
    for (const auto &item : baten_bronnen(c, 100000)) bronnen.items.push_back(item.substr(item.rfind("- ", 0) == 0 ? 2 : 0));
    if (!bronnen.items.empty()) {
        overzicht.blocks.emplace_back(doc::Paragraph{"Realisatie van de baten:"});
        overzicht.blocks.emplace_back(std::move(bronnen));
    }
    overzicht.blocks.emplace_back(posten_table(j, year, Soort::baten));
    if (!j.baten.empty())
        overzicht.blocks.emplace_back(doc::Chart{doc::Chart::Type::column, "Baten: begroting en realisatie per post",
                                                 "baten", "post", {"wijziging", "realisatie"},
                                                 "Begroting na wijziging en realisatie van elke baten-post."});
    overzicht.blocks.emplace_back(posten_table(j, year, Soort::lasten));
    if (!j.lasten.empty())
        overzicht.blocks.emplace_back(doc::Chart{doc::Chart::Type::column, "Lasten: begroting en realisatie per post",
                                                 "lasten", "post", {"wijziging", "realisatie"},
                                                 "Begroting na wijziging en realisatie van elke lasten-post."});
    d.sections.push_back(std::move(overzicht));

    doc::Section verschillen{"Toelichting op de verschillen", {}, {}};
    verschillen.blocks.emplace_back(doc::Paragraph{
        "Verschillen van meer dan " + format_percentage_nl(c.drempel.percentage_ppm) +
        (c.drempel.beide ? " en " : " of ") + "meer dan " + c.drempel.bedrag.format_nl() +
        " (ten opzichte van de begroting na wijziging) worden toegelicht."});
    doc::List items;
    for (std::size_t i = 0; i < c.posten.size(); ++i) {
        const Post &p = c.posten[i];
        if (!j.boven_drempel[i] && p.toelichting.empty()) continue;
        const std::string vn = voordelig_nadelig(p.soort, p.verschil());
        items.items.push_back(p.code + " " + p.naam + ": " + m(p.verschil()) + (vn.empty() ? "" : " " + vn) + ". " +
                              (p.toelichting.empty() ? "Toelichting ontbreekt." : chomp(p.toelichting)));
    }
    if (items.items.empty()) verschillen.blocks.emplace_back(doc::Paragraph{"Geen verschillen boven de drempel."});
    else verschillen.blocks.emplace_back(std::move(items));
    d.sections.push_back(std::move(verschillen));

    d.sections.push_back(reserves_section(j));
    d.sections.push_back(afrekening_section(j));
    d.sections.push_back(resultaatbestemming_section(j, year));
    d.sections.push_back(casussen_section(j, region));
    return d;
}

doc::Document build_raadsbrief(const Jaarrekening &j, const Region &region, std::size_t index) {
    const Gemeente &g = region.gemeenten.at(index);
    const Afrekening &a = j.afrekening.at(index);
    const int year = region.boekjaar;
    doc::Document d;
    d.kind = doc::Document::Kind::letter;
    d.name = "raadsbrief-" + std::to_string(year) + "-" + j.slugs.at(index);
    d.meta = meta(j, region, "Jaarverantwoording " + std::to_string(year) + " — brief aan de raad van " + g.naam);
    doc::Letter l;
    l.addressee = {"De gemeenteraad van " + g.naam, "t.a.v. de griffie"};
    l.date = letter_date(j, region);
    l.kenmerk = (j.config.kenmerk.empty() ? "JV" + std::to_string(year) : j.config.kenmerk) + "/" + g.code;
    l.onderwerp = "Jaarverantwoording " + std::to_string(year);
    l.aanhef = "Geachte leden van de raad,";
    l.slot = "Met vriendelijke groet,";

    // The amounts the raad needs; the basis (key, rounding) stays in the jaarverantwoording.
    doc::Table bijdrage;
    bijdrage.id = "bijdrage";
    bijdrage.caption = "Uw bijdrage " + std::to_string(year);
    bijdrage.columns = {{"onderdeel", "Onderdeel"}, {"bedrag", "Bedrag"}};
    bijdrage.rows.push_back(row({text("Voorlopige bijdrage"), money(a.voorlopig, "voorlopig")}));
    const char *afrekening_label = a.afrekening.in_cents() < 0   ? "Terugbetaling uit het resultaat"
                                   : a.afrekening.in_cents() > 0 ? "Extra bijdrage voor het resultaat"
                                                                 : "Verrekening van het resultaat";
    bijdrage.rows.push_back(row({text(afrekening_label), money(a.afrekening, "afrekening")}));
    bijdrage.rows.push_back(
        row({text("Definitieve bijdrage"), money_formula(a.definitief(), "voorlopig + afrekening")}, doc::RowRole::total));
    l.body.emplace_back(std::move(bijdrage));
    const bool casussen = j.indicatoren.has_value();
    if (casussen) {
        const Indicatoren &in = *j.indicatoren;
        l.body.emplace_back(gemeente_counts("casussen", "Casussen in uw gemeente per thema", "Thema", in.themas,
                                            in.per_thema, j.onderdrukking.a, index, j.config.minimum));
        if (in.met_niveau) {
            std::vector<std::string> labels;
            for (int n = 1; n <= kNiveaus; ++n) labels.push_back(niveau_label(n));
            l.body.emplace_back(gemeente_counts("casussen_niveau", "Casussen in uw gemeente per AVE-niveau",
                                                "AVE-niveau", labels, in.per_niveau, j.onderdrukking.b, index,
                                                j.config.minimum));
        }
    }

    DataNode &data = l.template_data;
    data.set("regio", region.naam);
    data.set("boekjaar", std::to_string(year));
    data.set("volgend_jaar", std::to_string(year + 1));
    data.set("gemeente", g.naam);
    data.set("code", g.code);
    data.set("illustratief", DataNode::boolean(j.config.illustratief));
    data.set("vergadering", date_long_nl(j.config.vergadering));
    const Money r = j.resultaat.realisatie;
    data.set("resultaat", m(r < Money() ? -r : r));
    data.set("overschot", DataNode::boolean(r.in_cents() > 0));
    data.set("tekort", DataNode::boolean(r.in_cents() < 0));
    data.set("voorlopig", m(a.voorlopig));
    data.set("definitief", m(a.definitief()));
    data.set("verschil", DataNode::boolean(j.afrekening_verschil.in_cents() != 0));
    data.set("verrekend_totaal", m(j.resultaat.realisatie - j.afrekening_verschil));
    data.set("verschil_bedrag", m(j.afrekening_verschil));
    data.set("verrekening", m(a.afrekening < Money() ? -a.afrekening : a.afrekening));
    data.set("terug", DataNode::boolean(a.afrekening.in_cents() < 0));
    data.set("extra", DataNode::boolean(a.afrekening.in_cents() > 0));
    data.set("casussen", DataNode::boolean(casussen));
    data.set("met_niveaus", DataNode::boolean(casussen && j.indicatoren->met_niveau));
    data.set("legenda_klein", legenda_klein(j.config.minimum));
    data.set("legenda_x", kLegendaX);
    l.body_template = kRaadsbriefTemplate;
    d.letter = std::move(l);
    return d;
}

}  // namespace vhh::jaarverantwoording
