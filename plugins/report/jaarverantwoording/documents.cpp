#include "documents.h"

#include <algorithm>
#include <type_traits>

#include "baten_bronnen.h"
#include "vhh/count_nl.h"
#include "vhh/text.h"

namespace vhh::jaarverantwoording {

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

/// Text without trailing newlines and spaces (YAML block scalars end in a newline).
std::string chomp(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
    return s;
}

Cell bold(Cell c) {
    c.bold = true;
    return c;
}

/// The ratio beschikbaar / benodigd: a formula over the two cells with its value, or "n.v.t.".
Cell ratio_cell(const Jaarrekening &j, const std::string &beschikbaar_ref, const std::string &benodigd_ref) {
    if (!j.weerstand.bepaald) return bold(Cell::text(j.weerstand.ratio));
    return bold(Cell::formula(beschikbaar_ref + "/" + benodigd_ref,
                              Cell::fraction(j.beschikbaar.in_cents(), j.benodigd.in_cents())));
}

/// "'Baten en lasten'!$I$7": absolute reference to data row `row`, column `column` of `sheet`.
std::string sheet_ref(const std::string &sheet, std::size_t row, std::size_t column) {
    return "'" + sheet + "'!$" + Table::column_letters(column) + "$" + std::to_string(row + 2);
}

/// SUM over data rows first..last of a column, with its value; the plain value when the range is empty.
Cell sum_cell(std::size_t first, std::size_t last, std::size_t column, Money value, bool empty) {
    if (empty) return bold(Cell::money(value));
    return bold(Cell::formula("SUM(" + Table::ref(first, column) + ":" + Table::ref(last, column) + ")",
                              Cell::money(value)));
}

/// V/N as a formula over the verschil cell, with its value.
Cell vn_cell(std::size_t row, std::size_t verschil_col, Soort soort, Money verschil, bool is_bold = false) {
    const std::string r = Table::ref(row, verschil_col);
    const char *pos = soort == Soort::lasten ? "N" : "V";
    const char *neg = soort == Soort::lasten ? "V" : "N";
    Cell c = Cell::formula("IF(" + r + "=0,\"\",IF(" + r + ">0,\"" + pos + "\",\"" + neg + "\"))",
                           Cell::text(voordelig_nadelig(soort, verschil)));
    c.bold = is_bold;
    return c;
}

void set_cell(std::vector<Cell> &row, std::size_t column, Cell c) {
    if (column == kNone) return;
    if (row.size() <= column) row.resize(column + 1);
    row[column] = std::move(c);
}

// ------------------------------------------------------------------------------------------------
// Sheet "Baten en lasten"

struct BatenLasten {
    Table table;
    std::size_t c_post = 1, c_vj = kNone, c_prim = 0, c_wijz = 0, c_real = 0, c_versch = 0, c_vn = 0;
    std::size_t first_baten = 0, last_baten = 0, first_lasten = 0, last_lasten = 0;
    std::size_t r_baten = 0, r_lasten = 0, r_saldo = 0, r_toev = 0, r_ontt = 0, r_resultaat = 0;
    bool has_baten = false, has_lasten = false;
};

/// Reserves sheet rows the other sheets refer to.
struct ReservesLayout {
    bool has_reserves = false;
    std::size_t r_totaal = 0;       ///< total row of the reserves
    std::size_t r_beschikbaar = 0;  ///< beschikbare weerstandscapaciteit (column 4)
    std::size_t r_benodigd = 0;     ///< benodigde weerstandscapaciteit (column 4)
};

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

std::string toelichting_text(const Jaarrekening &j, std::size_t i) {
    const Post &p = j.config.posten[i];
    if (!p.toelichting.empty()) return p.toelichting;
    return j.boven_drempel[i] ? "toelichting ontbreekt" : "";
}

BatenLasten build_baten_lasten(const Jaarrekening &j, const ReservesLayout &res) {
    BatenLasten b;
    Table &t = b.table;
    t.name = kSheetBatenLasten;
    t.columns = {{"Code", 14}, {"Post", 42}, {"Categorie", 22}, {"Programma", 11}, {"fte", 7}};
    if (j.met_vorig_jaar) {
        b.c_vj = t.columns.size();
        t.columns.push_back({"Realisatie vorig jaar", 20});
    }
    b.c_prim = t.columns.size();
    t.columns.push_back({"Begroting primitief", 20});
    b.c_wijz = t.columns.size();
    t.columns.push_back({"Begroting na wijziging", 22});
    b.c_real = t.columns.size();
    t.columns.push_back({"Realisatie", 18});
    b.c_versch = t.columns.size();
    t.columns.push_back({"Verschil", 16});
    b.c_vn = t.columns.size();
    t.columns.push_back({"V/N", 6});
    const std::size_t c_toel = t.columns.size();
    t.columns.push_back({"Toelichting", 60});
    const std::size_t c_bron = t.columns.size();
    t.columns.push_back({"Bron realisatie", 40});

    auto money_row = [&](std::vector<Cell> &row, const Bedragen &v, bool vj_present) {
        if (vj_present) set_cell(row, b.c_vj, Cell::money(v.vorig_jaar));
        set_cell(row, b.c_prim, Cell::money(v.primitief));
        set_cell(row, b.c_wijz, Cell::money(v.na_wijziging));
        set_cell(row, b.c_real, Cell::money(v.realisatie));
    };
    auto verschil = [&](std::vector<Cell> &row, std::size_t r, Money value, bool is_bold) {
        Cell c = Cell::formula(Table::ref(r, b.c_real) + "-" + Table::ref(r, b.c_wijz), Cell::money(value));
        c.bold = is_bold;
        set_cell(row, b.c_versch, std::move(c));
    };
    auto post_rows = [&](const std::vector<int> &indices, std::size_t &first, std::size_t &last, bool &has) {
        has = !indices.empty();
        first = t.rows.size();
        for (int i : indices) {
            const Post &p = j.config.posten[i];
            const std::size_t r = t.rows.size();
            std::vector<Cell> row(t.columns.size());
            row[0] = Cell::text(p.code);
            row[1] = Cell::text(p.naam);
            row[2] = Cell::text(categorie_label(p.categorie));
            row[3] = Cell::text(p.programma);
            if (p.fte) row[4] = Cell::fraction(*p.fte, 100);
            money_row(row, j.bedragen(p), p.vorig_jaar.has_value());
            verschil(row, r, p.verschil(), false);
            set_cell(row, b.c_vn, vn_cell(r, b.c_versch, p.soort, p.verschil()));
            set_cell(row, c_toel, Cell::text(toelichting_text(j, static_cast<std::size_t>(i))));
            set_cell(row, c_bron, Cell::text(bron_realisatie(p)));
            t.rows.push_back(std::move(row));
        }
        last = t.rows.empty() ? 0 : t.rows.size() - 1;
    };
    auto total_row = [&](const std::string &label, std::size_t first, std::size_t last, bool empty,
                         const Bedragen &v, Soort soort) {
        const std::size_t r = t.rows.size();
        std::vector<Cell> row(t.columns.size());
        row[1] = bold(Cell::text(label));
        if (j.met_vorig_jaar) set_cell(row, b.c_vj, sum_cell(first, last, b.c_vj, v.vorig_jaar, empty));
        set_cell(row, b.c_prim, sum_cell(first, last, b.c_prim, v.primitief, empty));
        set_cell(row, b.c_wijz, sum_cell(first, last, b.c_wijz, v.na_wijziging, empty));
        set_cell(row, b.c_real, sum_cell(first, last, b.c_real, v.realisatie, empty));
        verschil(row, r, v.verschil(), true);
        set_cell(row, b.c_vn, vn_cell(r, b.c_versch, soort, v.verschil(), true));
        t.rows.push_back(std::move(row));
        return r;
    };

    t.rows.push_back({bold(Cell::text("Baten"))});
    post_rows(j.baten, b.first_baten, b.last_baten, b.has_baten);
    b.r_baten = total_row("Totaal baten", b.first_baten, b.last_baten, !b.has_baten, j.baten_totaal, Soort::baten);
    t.rows.emplace_back();
    t.rows.push_back({bold(Cell::text("Lasten"))});
    post_rows(j.lasten, b.first_lasten, b.last_lasten, b.has_lasten);
    b.r_lasten = total_row("Totaal lasten", b.first_lasten, b.last_lasten, !b.has_lasten, j.lasten_totaal,
                           Soort::lasten);
    t.rows.emplace_back();

    // Saldo, reserve mutations and resultaat: formulas over the rows above.
    auto combined = [&](const std::string &label, const Bedragen &v, const std::string &op_a, std::size_t ra,
                        std::size_t rb, const std::string &op_b = "", std::size_t rc = 0) {
        const std::size_t r = t.rows.size();
        std::vector<Cell> row(t.columns.size());
        row[1] = bold(Cell::text(label));
        auto f = [&](std::size_t col, Money value) {
            std::string formula = Table::ref(ra, col) + op_a + Table::ref(rb, col);
            if (!op_b.empty()) formula += op_b + Table::ref(rc, col);
            set_cell(row, col, bold(Cell::formula(formula, Cell::money(value))));
        };
        if (j.met_vorig_jaar) f(b.c_vj, v.vorig_jaar);
        f(b.c_prim, v.primitief);
        f(b.c_wijz, v.na_wijziging);
        f(b.c_real, v.realisatie);
        verschil(row, r, v.verschil(), true);
        set_cell(row, b.c_vn, vn_cell(r, b.c_versch, Soort::baten, v.verschil(), true));
        t.rows.push_back(std::move(row));
        return r;
    };
    b.r_saldo = combined("Saldo van baten en lasten", j.saldo, "-", b.r_baten, b.r_lasten);
    auto mutatie = [&](const std::string &label, Money value, std::size_t reserves_col) {
        const std::size_t r = t.rows.size();
        std::vector<Cell> row(t.columns.size());
        row[1] = Cell::text(label);
        set_cell(row, b.c_prim, Cell::money(Money()));
        set_cell(row, b.c_wijz, Cell::money(Money()));
        if (res.has_reserves)
            set_cell(row, b.c_real, Cell::formula(sheet_ref(kSheetReserves, res.r_totaal, reserves_col), Cell::money(value)));
        else
            set_cell(row, b.c_real, Cell::money(value));
        verschil(row, r, value, false);
        t.rows.push_back(std::move(row));
        return r;
    };
    b.r_toev = mutatie("Toevoegingen aan reserves", j.toevoegingen, 3);
    b.r_ontt = mutatie("Onttrekkingen aan reserves", j.onttrekkingen, 4);
    b.r_resultaat = combined("Resultaat", j.resultaat, "-", b.r_saldo, b.r_toev, "+", b.r_ontt);

    t.rows.emplace_back();
    t.rows.push_back({Cell(), Cell::text("Verschil = realisatie − begroting na wijziging. V = voordelig, N = nadelig "
                                         "(lasten: meer uitgegeven is N; baten: meer ontvangen is V).")});
    t.rows.push_back({Cell(), Cell::text("Toelichting vereist bij een verschil van meer dan " +
                                         format_percentage_nl(j.config.drempel.percentage_ppm) +
                                         (j.config.drempel.beide ? " en " : " of ") + "meer dan " +
                                         j.config.drempel.bedrag.format_nl() + ".")});
    for (const auto &bron : j.config.administratie_bronnen) t.rows.push_back({Cell(), Cell::text(bron)});

    const std::size_t anchor = t.columns.size() + 1;
    if (b.has_baten)
        t.charts.push_back({Chart::Type::column, "Baten: begroting en realisatie per post",
                            {{"Begroting na wijziging", Table::range(t.name, b.first_baten, b.last_baten, b.c_post),
                              Table::range(t.name, b.first_baten, b.last_baten, b.c_wijz)},
                             {"Realisatie", Table::range(t.name, b.first_baten, b.last_baten, b.c_post),
                              Table::range(t.name, b.first_baten, b.last_baten, b.c_real)}},
                            1, anchor});
    if (b.has_lasten)
        t.charts.push_back({Chart::Type::column, "Lasten: begroting en realisatie per post",
                            {{"Begroting na wijziging", Table::range(t.name, b.first_lasten, b.last_lasten, b.c_post),
                              Table::range(t.name, b.first_lasten, b.last_lasten, b.c_wijz)},
                             {"Realisatie", Table::range(t.name, b.first_lasten, b.last_lasten, b.c_post),
                              Table::range(t.name, b.first_lasten, b.last_lasten, b.c_real)}},
                            21, anchor});
    return b;
}

// ------------------------------------------------------------------------------------------------
// Sheet "Reserves" (with the weerstandsvermogen)

Table build_reserves(const Jaarrekening &j, ReservesLayout &layout) {
    Table t;
    t.name = kSheetReserves;
    t.columns = {{"Code", 10},        {"Reserve / risico", 40}, {"Stand 1 januari / bedrag", 24},
                 {"Toevoeging / kans", 18}, {"Onttrekking / benodigd", 24}, {"Stand 31 december", 20},
                 {"Weerstandscapaciteit", 20}};
    const auto &reserves = j.config.reserves;
    const std::size_t n = reserves.size();
    layout.has_reserves = n > 0;
    Money begin, toev, ontt, eind;
    for (std::size_t i = 0; i < n; ++i) {
        const Reserve &r = reserves[i];
        t.rows.push_back({Cell::text(r.code), Cell::text(r.naam), Cell::money(r.begin), Cell::money(r.toevoeging),
                          Cell::money(r.onttrekking),
                          Cell::formula(Table::ref(i, 2) + "+" + Table::ref(i, 3) + "-" + Table::ref(i, 4),
                                        Cell::money(r.eind())),
                          Cell::text(r.weerstand ? "ja" : "nee")});
        begin += r.begin;
        toev += r.toevoeging;
        ontt += r.onttrekking;
        eind += r.eind();
    }
    layout.r_totaal = t.rows.size();
    t.rows.push_back({Cell(), bold(Cell::text("Totaal reserves")), sum_cell(0, n ? n - 1 : 0, 2, begin, n == 0),
                      sum_cell(0, n ? n - 1 : 0, 3, toev, n == 0), sum_cell(0, n ? n - 1 : 0, 4, ontt, n == 0),
                      sum_cell(0, n ? n - 1 : 0, 5, eind, n == 0)});
    t.rows.emplace_back();
    t.rows.push_back({bold(Cell::text("Risico's")), bold(Cell::text("Risico")), bold(Cell::text("Bedrag")),
                      bold(Cell::text("Kans")), bold(Cell::text("Benodigd (bedrag × kans)"))});
    const std::size_t first_risico = t.rows.size();
    for (const auto &r : j.config.risicos) {
        const std::size_t row = t.rows.size();
        t.rows.push_back({Cell(), Cell::text(r.naam), Cell::money(r.bedrag), Cell::percentage_ppm(r.kans_ppm),
                          Cell::formula("ROUND(" + Table::ref(row, 2) + "*" + Table::ref(row, 3) + ",2)",
                                        Cell::money(r.benodigd()))});
    }
    const std::size_t nr = j.config.risicos.size();
    t.rows.emplace_back();
    layout.r_beschikbaar = t.rows.size();
    Cell beschikbaar = n ? Cell::formula("SUMIF(" + Table::ref(0, 6) + ":" + Table::ref(n - 1, 6) + ",\"ja\"," +
                                             Table::ref(0, 5) + ":" + Table::ref(n - 1, 5) + ")",
                                         Cell::money(j.beschikbaar))
                         : Cell::money(j.beschikbaar);
    t.rows.push_back({Cell(), bold(Cell::text("Beschikbare weerstandscapaciteit (reserves met weerstandscapaciteit ja)")),
                      Cell(), Cell(), bold(beschikbaar)});
    layout.r_benodigd = t.rows.size();
    t.rows.push_back({Cell(), bold(Cell::text("Benodigde weerstandscapaciteit (som van de risico's)")), Cell(), Cell(),
                      sum_cell(first_risico, first_risico + (nr ? nr - 1 : 0), 4, j.benodigd, nr == 0)});
    t.rows.push_back({Cell(), bold(Cell::text("Ratio weerstandsvermogen (beschikbaar / benodigd)")), Cell(), Cell(),
                      ratio_cell(j, Table::ref(layout.r_beschikbaar, 4), Table::ref(layout.r_benodigd, 4))});
    t.rows.push_back({Cell(), bold(Cell::text("Klasse")), Cell(), Cell(),
                      bold(Cell::text(j.weerstand.bepaald ? std::string(1, j.weerstand.klasse) + " (" +
                                                                 j.weerstand.oordeel + ")"
                                                           : j.weerstand.oordeel))});
    t.rows.emplace_back();
    for (const char *line : {"Klassen: A > 2,0 uitstekend; B 1,4-2,0 ruim voldoende; C 1,0-1,4 voldoende;",
                             "D 0,8-1,0 matig; E 0,6-0,8 onvoldoende; F < 0,6 ruim onvoldoende.",
                             "Een ratio precies op een grens krijgt de lagere klasse (2,0 is B; 0,6 is F)."})
        t.rows.push_back({Cell(), Cell::text(line)});
    return t;
}

// ------------------------------------------------------------------------------------------------
// Sheet "Samenvatting"

Table build_samenvatting(const Jaarrekening &j, const BatenLasten &bl, const ReservesLayout &res) {
    Table t;
    t.name = kSheetSamenvatting;
    t.columns = {{"Onderdeel", 46}};
    std::size_t c_vj = kNone;
    if (j.met_vorig_jaar) {
        c_vj = t.columns.size();
        t.columns.push_back({"Realisatie vorig jaar", 20});
    }
    const std::size_t c_prim = t.columns.size();
    t.columns.push_back({"Begroting primitief", 20});
    const std::size_t c_wijz = t.columns.size();
    t.columns.push_back({"Begroting na wijziging", 22});
    const std::size_t c_real = t.columns.size();
    t.columns.push_back({"Realisatie", 18});
    const std::size_t c_versch = t.columns.size();
    t.columns.push_back({"Verschil", 16});
    const std::size_t c_vn = t.columns.size();
    t.columns.push_back({"V/N", 6});

    auto line = [&](const std::string &label, std::size_t bl_row, const Bedragen &v, bool with_vn, Soort soort,
                    bool is_bold) {
        const std::size_t r = t.rows.size();
        std::vector<Cell> row(t.columns.size());
        row[0] = Cell::text(label);
        row[0].bold = is_bold;
        auto ref = [&](std::size_t col, std::size_t bl_col, Money value) {
            if (col == kNone || bl_col == kNone) return;
            Cell c = Cell::formula(sheet_ref(kSheetBatenLasten, bl_row, bl_col), Cell::money(value));
            c.bold = is_bold;
            row[col] = std::move(c);
        };
        ref(c_vj, bl.c_vj, v.vorig_jaar);
        ref(c_prim, bl.c_prim, v.primitief);
        ref(c_wijz, bl.c_wijz, v.na_wijziging);
        ref(c_real, bl.c_real, v.realisatie);
        Cell d = Cell::formula(Table::ref(r, c_real) + "-" + Table::ref(r, c_wijz), Cell::money(v.verschil()));
        d.bold = is_bold;
        row[c_versch] = std::move(d);
        if (with_vn) row[c_vn] = vn_cell(r, c_versch, soort, v.verschil(), is_bold);
        t.rows.push_back(std::move(row));
    };
    Bedragen toev, ontt;
    toev.realisatie = j.toevoegingen;
    ontt.realisatie = j.onttrekkingen;
    line("Totaal baten", bl.r_baten, j.baten_totaal, true, Soort::baten, false);
    line("Totaal lasten", bl.r_lasten, j.lasten_totaal, true, Soort::lasten, false);
    line("Saldo van baten en lasten", bl.r_saldo, j.saldo, true, Soort::baten, true);
    line("Toevoegingen aan reserves", bl.r_toev, toev, false, Soort::lasten, false);
    line("Onttrekkingen aan reserves", bl.r_ontt, ontt, false, Soort::baten, false);
    line("Resultaat", bl.r_resultaat, j.resultaat, true, Soort::baten, true);
    t.rows.emplace_back();
    t.rows.push_back({bold(Cell::text("Weerstandsvermogen"))});
    auto capaciteit = [&](const std::string &label, std::size_t res_row, Money value) {
        std::vector<Cell> row(t.columns.size());
        row[0] = Cell::text(label);
        row[c_real] = Cell::formula(sheet_ref(kSheetReserves, res_row, 4), Cell::money(value));
        t.rows.push_back(std::move(row));
    };
    capaciteit("Beschikbare weerstandscapaciteit", res.r_beschikbaar, j.beschikbaar);
    capaciteit("Benodigde weerstandscapaciteit", res.r_benodigd, j.benodigd);
    {
        std::vector<Cell> row(t.columns.size());
        row[0] = Cell::text("Ratio weerstandsvermogen");
        row[c_real] = ratio_cell(j, sheet_ref(kSheetReserves, res.r_beschikbaar, 4), sheet_ref(kSheetReserves, res.r_benodigd, 4));
        row[c_real].bold = false;
        t.rows.push_back(std::move(row));
    }
    {
        std::vector<Cell> row(t.columns.size());
        row[0] = Cell::text("Klasse");
        row[c_real] = Cell::text(j.weerstand.bepaald ? std::string(1, j.weerstand.klasse) : "-");
        row[c_versch] = Cell::text(j.weerstand.oordeel);
        t.rows.push_back(std::move(row));
    }
    t.rows.emplace_back();
    t.rows.push_back({Cell::text("Verschil = realisatie − begroting na wijziging; V = voordelig, N = nadelig.")});
    for (const auto &bron : j.config.administratie_bronnen) t.rows.push_back({Cell::text(bron)});
    if (j.config.illustratief)
        t.rows.push_back({bold(Cell::text("LET OP: de cijfers in dit document zijn illustratief."))});
    if (!j.config.opmerking.empty()) {
        std::string note = chomp(j.config.opmerking);
        std::replace(note.begin(), note.end(), '\n', ' ');
        t.rows.push_back({Cell::text(note)});
    }

    if (bl.has_baten)
        t.charts.push_back({Chart::Type::pie, "Baten naar bron (realisatie)",
                            {{"Realisatie", Table::range(kSheetBatenLasten, bl.first_baten, bl.last_baten, bl.c_post),
                              Table::range(kSheetBatenLasten, bl.first_baten, bl.last_baten, bl.c_real)}},
                            1, t.columns.size() + 1});
    return t;
}

// ------------------------------------------------------------------------------------------------
// Sheet "Bijdragen per gemeente"

Table build_bijdragen(const Jaarrekening &j, const BatenLasten &bl) {
    Table t;
    t.name = kSheetBijdragen;
    t.columns = {{"CBS-code", 10},
                 {"Gemeente", 24},
                 {"Voorlopige bijdrage", 20},
                 {"Aandeel verdeelsleutel", 22},
                 {"Aandeel in resultaat", 20},
                 {"Afrekening (- = terug)", 22},
                 {"Definitieve bijdrage", 20},
                 {"Grondslag", 60}};
    const std::size_t n = j.afrekening.size();
    const std::size_t total_row = n;
    Money voorlopig, aandeel, afrekening, definitief;
    std::int64_t sleutel = 0;
    for (const auto &a : j.afrekening) voorlopig += a.voorlopig;
    for (std::size_t i = 0; i < n; ++i) {
        const Afrekening &a = j.afrekening[i];
        std::vector<Cell> row(t.columns.size());
        row[0] = Cell::text(a.code);
        row[1] = Cell::text(a.naam);
        row[2] = Cell::money(a.voorlopig);
        row[3] = voorlopig.in_cents() > 0
                     ? Cell::formula(Table::ref(i, 2) + "/" + "$C$" + std::to_string(total_row + 2),
                                     Cell::percentage_ppm(a.sleutel_ppm))
                     : Cell::percentage_ppm(0);
        if (j.afrekening_uit_lijnen) {
            row[4] = Cell::formula("-" + Table::ref(i, 5), Cell::money(a.aandeel));
            row[5] = Cell::money(a.afrekening);
        } else {
            row[4] = Cell::money(a.aandeel);
            row[5] = Cell::formula("-" + Table::ref(i, 4), Cell::money(a.afrekening));
        }
        row[6] = Cell::formula(Table::ref(i, 2) + "+" + Table::ref(i, 5), Cell::money(a.definitief()));
        row[7] = Cell::text(a.grondslag);
        t.rows.push_back(std::move(row));
        aandeel += a.aandeel;
        afrekening += a.afrekening;
        definitief += a.definitief();
        sleutel += a.sleutel_ppm;
    }
    const bool empty = n == 0;
    t.rows.push_back({Cell(), bold(Cell::text("Totaal")), sum_cell(0, n ? n - 1 : 0, 2, voorlopig, empty),
                      sum_cell(0, n ? n - 1 : 0, 3, Money(), empty), sum_cell(0, n ? n - 1 : 0, 4, aandeel, empty),
                      sum_cell(0, n ? n - 1 : 0, 5, afrekening, empty), sum_cell(0, n ? n - 1 : 0, 6, definitief, empty)});
    // The SUM of the percentages is a percentage, not money.
    if (!empty)
        t.rows.back()[3] = bold(Cell::formula("SUM(" + Table::ref(0, 3) + ":" + Table::ref(n - 1, 3) + ")",
                                              Cell::percentage_ppm(sleutel)));
    t.rows.emplace_back();
    t.rows.push_back({Cell(), Cell::text("Resultaat volgens Baten en lasten"), Cell(), Cell(),
                      Cell::formula(sheet_ref(kSheetBatenLasten, bl.r_resultaat, bl.c_real),
                                    Cell::money(j.resultaat.realisatie))});
    const std::string methode =
        j.afrekening_uit_lijnen
            ? "Afrekening uit de bijdragen (bron afrekening); definitieve bijdrage = voorlopige bijdrage + afrekening."
            : "Het resultaat wordt verdeeld naar de verdeelsleutel van de voorlopige bijdrage (" +
                  j.config.verdeelsleutel_bron +
                  "), met de methode van de grootste overschotten: de delen tellen exact op tot het resultaat. "
                  "Een overschot gaat terug naar de gemeenten (afrekening negatief).";
    t.rows.push_back({Cell(), Cell::text(methode)});
    return t;
}

// ------------------------------------------------------------------------------------------------
// Sheet "Indicatoren"

Cell count_cell(std::int64_t value, CellStatus status, std::int64_t minimum, bool is_bold = false) {
    Cell c = status == CellStatus::published ? Cell::integer(value) : Cell::text(count_text(value, status, minimum));
    c.bold = is_bold;
    return c;
}

std::vector<std::int64_t> row_sums(const std::vector<std::vector<std::int64_t>> &t) {
    std::vector<std::int64_t> s;
    for (const auto &row : t) {
        std::int64_t v = 0;
        for (auto x : row) v += x;
        s.push_back(v);
    }
    return s;
}

std::vector<std::int64_t> col_sums(const std::vector<std::vector<std::int64_t>> &t, std::size_t n) {
    std::vector<std::int64_t> s(n, 0);
    for (const auto &row : t)
        for (std::size_t j = 0; j < n; ++j) s[j] += row[j];
    return s;
}

std::string legenda_klein(std::int64_t minimum) {
    return "<" + std::to_string(minimum) + " = minder dan " + std::to_string(minimum) +
           " casussen (niet gepubliceerd ter bescherming van de privacy)";
}
const char *kLegendaX = "x = niet gepubliceerd, zodat kleine aantallen niet uit de totalen zijn te herleiden";

Table build_indicatoren(const Jaarrekening &j, const Region &region) {
    Table t;
    t.name = kSheetIndicatoren;
    t.columns = {{"Thema", 30}};
    if (!j.indicatoren) {
        t.columns.push_back({"Aantal", 12});
        t.rows.push_back({Cell::text("Geen indicatoren opgegeven.")});
        return t;
    }
    const Indicatoren &ind = *j.indicatoren;
    const std::int64_t m = j.config.minimum;
    const std::size_t g = ind.gemeenten.size();
    for (const auto &gem : region.gemeenten) t.columns.push_back({gem.naam, std::min<double>(60, std::max<double>(12, gem.naam.size() + 2))});
    t.columns.push_back({"Totaal", 10});
    const auto &s = j.onderdrukking;
    const auto kol = col_sums(ind.per_thema, g);
    std::int64_t totaal = 0;
    for (auto v : kol) totaal += v;

    auto block = [&](const std::vector<std::string> &labels, const std::vector<std::vector<std::int64_t>> &counts,
                     const TableStatus &st) {
        const auto rij = row_sums(counts);
        for (std::size_t i = 0; i < counts.size(); ++i) {
            std::vector<Cell> row{Cell::text(labels[i])};
            for (std::size_t k = 0; k < g; ++k) row.push_back(count_cell(counts[i][k], st.cells[i][k], m));
            row.push_back(count_cell(rij[i], st.row_totals[i], m, true));
            t.rows.push_back(std::move(row));
        }
        std::vector<Cell> row{bold(Cell::text("Totaal"))};
        for (std::size_t k = 0; k < g; ++k) row.push_back(count_cell(kol[k], st.column_totals[k], m, true));
        row.push_back(count_cell(totaal, st.total, m, true));
        t.rows.push_back(std::move(row));
    };
    block(ind.themas, ind.per_thema, s.a);
    if (ind.met_niveau) {
        t.rows.emplace_back();
        std::vector<Cell> head{bold(Cell::text("AVE-niveau"))};
        for (const auto &gem : region.gemeenten) head.push_back(bold(Cell::text(gem.naam)));
        head.push_back(bold(Cell::text("Totaal")));
        t.rows.push_back(std::move(head));
        std::vector<std::string> labels;
        for (int n = 1; n <= kNiveaus; ++n) labels.push_back(niveau_label(n));
        block(labels, ind.per_niveau, s.b);
    }
    t.rows.emplace_back();
    t.rows.push_back({Cell::text(legenda_klein(m))});
    t.rows.push_back({Cell::text(kLegendaX)});
    if (!j.config.indicatoren_bron.empty()) t.rows.push_back({Cell::text("Bron: " + j.config.indicatoren_bron)});
    return t;
}

// ------------------------------------------------------------------------------------------------
// Text tables: aligned lines for the templates.

struct TextTable {
    std::vector<std::string> header;
    std::vector<bool> right;
    std::vector<std::vector<std::string>> rows;
    std::vector<bool> rule_before;  ///< per row: a dashed line before it
};

void add_row(TextTable &t, std::vector<std::string> cells, bool rule = false) {
    cells.resize(t.header.size());
    t.rows.push_back(std::move(cells));
    t.rule_before.push_back(rule);
}

std::string rstrip(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

/// {kop, streep, regels: [{regel}]}: every line aligned, without trailing spaces.
DataNode render(const TextTable &t) {
    std::vector<std::size_t> w(t.header.size(), 0);
    for (std::size_t c = 0; c < t.header.size(); ++c) w[c] = display_width(t.header[c]);
    for (const auto &row : t.rows)
        for (std::size_t c = 0; c < row.size(); ++c) w[c] = std::max(w[c], display_width(row[c]));
    auto line = [&](const std::vector<std::string> &cells) {
        std::string s;
        for (std::size_t c = 0; c < cells.size(); ++c) s += (c ? "  " : "") + pad(cells[c], w[c], t.right[c]);
        return rstrip(s);
    };
    std::size_t total = 0;
    for (std::size_t c = 0; c < w.size(); ++c) total += w[c] + (c ? 2 : 0);
    DataNode node = DataNode::map();
    node.set("kop", line(t.header));
    node.set("streep", std::string(total, '-'));
    DataNode regel = DataNode::map();  // the shape of a row: a table may have none
    regel.set("regel", "");
    DataNode &regels = node.set("regels", DataNode::list(regel));
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        if (t.rule_before[i]) regels.push(DataNode::map()).set("regel", std::string(total, '-'));
        regels.push(DataNode::map()).set("regel", line(t.rows[i]));
    }
    return node;
}

std::string m(Money v) { return v.format_nl(); }

TextTable overzicht_table(const Jaarrekening &j) {
    TextTable t;
    t.header = {"Post"};
    t.right = {false};
    if (j.met_vorig_jaar) t.header.push_back("Vorig jaar"), t.right.push_back(true);
    for (const char *h : {"Primitief", "Na wijziging", "Realisatie", "Verschil"}) t.header.push_back(h), t.right.push_back(true);
    t.header.push_back("V/N");
    t.right.push_back(false);
    auto cells = [&](const std::string &label, const Bedragen &v, bool vj, const std::string &vn) {
        std::vector<std::string> r{label};
        if (j.met_vorig_jaar) r.push_back(vj ? m(v.vorig_jaar) : "");
        r.push_back(m(v.primitief));
        r.push_back(m(v.na_wijziging));
        r.push_back(m(v.realisatie));
        r.push_back(m(v.verschil()));
        r.push_back(vn);
        return r;
    };
    auto posts = [&](const std::vector<int> &idx) {
        for (int i : idx) {
            const Post &p = j.config.posten[i];
            std::string label = "  " + p.naam;
            if (p.fte) label += " (" + fte_nl(*p.fte) + " fte)";
            add_row(t, cells(label, j.bedragen(p), p.vorig_jaar.has_value(), voordelig_nadelig(p.soort, p.verschil())));
        }
    };
    add_row(t, {"Baten"});
    posts(j.baten);
    add_row(t, cells("Totaal baten", j.baten_totaal, true, voordelig_nadelig(Soort::baten, j.baten_totaal.verschil())),
            true);
    add_row(t, {""});
    add_row(t, {"Lasten"});
    posts(j.lasten);
    add_row(t, cells("Totaal lasten", j.lasten_totaal, true,
                     voordelig_nadelig(Soort::lasten, j.lasten_totaal.verschil())),
            true);
    add_row(t, {""});
    add_row(t, cells("Saldo van baten en lasten", j.saldo, true, voordelig_nadelig(Soort::baten, j.saldo.verschil())));
    Bedragen toev, ontt;
    toev.realisatie = j.toevoegingen;
    ontt.realisatie = j.onttrekkingen;
    add_row(t, cells("Toevoegingen aan reserves", toev, false, ""));
    add_row(t, cells("Onttrekkingen aan reserves", ontt, false, ""));
    add_row(t, cells("Resultaat", j.resultaat, true, voordelig_nadelig(Soort::baten, j.resultaat.verschil())), true);
    return t;
}

TextTable kosten_table(const Jaarrekening &j, const std::string &programma) {
    TextTable t;
    t.header = {"Post", "Begroting", "Realisatie", "Verschil", "V/N"};
    t.right = {false, true, true, true, false};
    Bedragen baten, lasten;
    bool any_baten = false, any_lasten = false;
    for (const auto *idx : {&j.lasten, &j.baten})
        for (int i : *idx) {
            const Post &p = j.config.posten[i];
            if (p.programma != programma) continue;
            std::string label = p.naam;
            if (p.fte) label += " (" + fte_nl(*p.fte) + " fte)";
            add_row(t, {label, m(p.na_wijziging), m(p.realisatie()), m(p.verschil()),
                        voordelig_nadelig(p.soort, p.verschil())});
            if (p.soort == Soort::baten) baten += j.bedragen(p), any_baten = true;
            else lasten += j.bedragen(p), any_lasten = true;
        }
    bool rule = true;
    if (any_lasten) {
        add_row(t, {"Totaal lasten", m(lasten.na_wijziging), m(lasten.realisatie), m(lasten.verschil()),
                    voordelig_nadelig(Soort::lasten, lasten.verschil())},
                rule);
        rule = false;
    }
    if (any_baten) {
        add_row(t, {"Totaal baten", m(baten.na_wijziging), m(baten.realisatie), m(baten.verschil()),
                    voordelig_nadelig(Soort::baten, baten.verschil())},
                rule);
        rule = false;
    }
    const Bedragen saldo = baten - lasten;
    add_row(t, {"Saldo (baten - lasten)", m(saldo.na_wijziging), m(saldo.realisatie), m(saldo.verschil()),
                voordelig_nadelig(Soort::baten, saldo.verschil())},
            rule);
    return t;
}

DataNode indicator_data(const Jaarrekening &j, const Region &region) {
    DataNode node = DataNode::map();
    node.set("aanwezig", DataNode::boolean(j.indicatoren.has_value()));
    node.set("legenda_klein", legenda_klein(j.config.minimum));
    node.set("legenda_x", kLegendaX);
    node.set("minimum", std::to_string(j.config.minimum));
    node.set("bron", j.config.indicatoren_bron);
    node.set("met_bron", DataNode::boolean(!j.config.indicatoren_bron.empty()));
    DataNode tabel = render(TextTable{});  // the shape of a table: without indicatoren there is none
    tabel.set("titel", "");
    DataNode &tabellen = node.set("tabellen", DataNode::list(tabel));
    if (!j.indicatoren) return node;
    const Indicatoren &ind = *j.indicatoren;
    const std::int64_t mn = j.config.minimum;
    const std::size_t g = ind.gemeenten.size();
    // Text tables run the other way round: a line per gemeente, a column per thema (or niveau).
    auto table = [&](const std::string &titel, const std::vector<std::string> &labels,
                     const std::vector<std::vector<std::int64_t>> &counts, const TableStatus &st) {
        TextTable t;
        t.header = {"Gemeente"};
        t.right = {false};
        for (const auto &l : labels) t.header.push_back(l), t.right.push_back(true);
        t.header.push_back("Totaal");
        t.right.push_back(true);
        const auto kol = col_sums(counts, g);
        const auto rij = row_sums(counts);
        std::int64_t totaal = 0;
        for (auto v : kol) totaal += v;
        for (std::size_t k = 0; k < g; ++k) {
            std::vector<std::string> r{region.gemeenten[k].naam};
            for (std::size_t i = 0; i < counts.size(); ++i) r.push_back(count_text(counts[i][k], st.cells[i][k], mn));
            r.push_back(count_text(kol[k], st.column_totals[k], mn));
            add_row(t, r);
        }
        std::vector<std::string> r{"Totaal"};
        for (std::size_t i = 0; i < counts.size(); ++i) r.push_back(count_text(rij[i], st.row_totals[i], mn));
        r.push_back(count_text(totaal, st.total, mn));
        add_row(t, r, true);
        DataNode &n = tabellen.push(render(t));
        n.set("titel", titel);
    };
    table("Casussen per thema en gemeente", ind.themas, ind.per_thema, j.onderdrukking.a);
    if (ind.met_niveau) {
        std::vector<std::string> labels;
        for (int n = 1; n <= kNiveaus; ++n) labels.push_back("AVE " + std::to_string(n));
        table("Casussen per AVE-niveau en gemeente (AVE 1 signalering, 2 reguliere aanpak, 3 domeinoverstijgend, "
              "4 totale escalatie)",
              labels, ind.per_niveau, j.onderdrukking.b);
    }
    return node;
}

/// Fields every document shares.
void common(DataNode &d, const Jaarrekening &j, const Region &region) {
    d.set("regio", region.naam);
    d.set("boekjaar", std::to_string(region.boekjaar));
    d.set("illustratief", DataNode::boolean(j.config.illustratief));
    d.set("opmerking", chomp(j.config.opmerking));
    d.set("met_opmerking", DataNode::boolean(!j.config.opmerking.empty()));
    d.set("vergadering", date_long_nl(j.config.vergadering));
    d.set("uiterlijk", date_long_nl(j.termijn.uiterlijk));
    d.set("weken", std::to_string(j.termijn.weken));
    d.set("wgr_regime", j.termijn.regime);
    d.set("resultaat", m(j.resultaat.realisatie));
    d.set("resultaat_soort", j.resultaat.realisatie.in_cents() > 0   ? "overschot"
                             : j.resultaat.realisatie.in_cents() < 0 ? "tekort"
                                                                     : "sluitend resultaat");
    d.set("verdeelsleutel_bron", j.config.verdeelsleutel_bron);
    d.set("afrekening_uit_lijnen", DataNode::boolean(j.afrekening_uit_lijnen));
    d.set("afrekening_verdeeld", DataNode::boolean(j.afrekening_verdeeld));
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

Workbook build_workbook(const Jaarrekening &j, const Region &region) {
    Workbook wb;
    const std::string year = std::to_string(region.boekjaar);
    wb.file_name = "jaarverantwoording-" + year + ".xlsx";
    wb.title = "Jaarverantwoording " + region.naam + " " + year;
    ReservesLayout res;
    Table reserves = build_reserves(j, res);
    BatenLasten bl = build_baten_lasten(j, res);
    wb.sheets.push_back(build_samenvatting(j, bl, res));
    Table bijdragen = build_bijdragen(j, bl);
    wb.sheets.push_back(std::move(bl.table));
    wb.sheets.push_back(std::move(bijdragen));
    wb.sheets.push_back(build_indicatoren(j, region));
    wb.sheets.push_back(std::move(reserves));
    return wb;
}

TextDocument build_text(const Jaarrekening &j, const Region &region) {
    TextDocument doc;
    doc.file_name = "jaarverantwoording-" + std::to_string(region.boekjaar) + ".txt";
    doc.template_name = "jaarverantwoording.txt.mustache";
    DataNode &d = doc.data;
    common(d, j, region);
    const Config &c = j.config;

    // Each list's items are built by one function, which also gives the shape of an item for the
    // template check of a list that is empty this year (from a default value).
    auto programma = [&](const Programma &p) {
        DataNode n = DataNode::map();
        n.set("code", p.code);
        n.set("naam", p.naam);
        n.set("bereiken", chomp(p.bereiken));
        n.set("gedaan", chomp(p.gedaan));
        n.set("bron", p.bron);
        n.set("met_bron", DataNode::boolean(!p.bron.empty()));
        n.set("kosten", render(kosten_table(j, p.code)));
        return n;
    };
    DataNode &programmas = d.set("programmas", DataNode::list(programma(Programma{})));
    for (const auto &p : c.programmas) programmas.push(programma(p));
    d.set("overzicht", render(overzicht_table(j)));
    d.set("drempel", "meer dan " + format_percentage_nl(c.drempel.percentage_ppm) +
                         (c.drempel.beide ? " en " : " of ") + "meer dan " + c.drempel.bedrag.format_nl());
    d.set("met_vorig_jaar", DataNode::boolean(j.met_vorig_jaar));
    d.set("grootboek_bron", c.grootboek_bron);
    d.set("met_grootboek_bron", DataNode::boolean(!c.grootboek_bron.empty()));
    DataNode bron_regel = DataNode::map();
    bron_regel.set("regel", "");
    DataNode &administratie = d.set("administratie", DataNode::list(bron_regel));
    for (const auto &bron : c.administratie_bronnen) administratie.push(DataNode::map()).set("regel", bron);
    DataNode &baten_bronnen_node = d.set("baten_bronnen", DataNode::list(bron_regel));
    for (const auto &item : baten_bronnen(c)) baten_bronnen_node.push(DataNode::map()).set("regel", item);

    auto verschil = [&](const Post &p, bool boven_drempel) {
        DataNode n = DataNode::map();
        n.set("code", p.code);
        n.set("naam", p.naam);
        n.set("verschil", m(p.verschil()));
        n.set("vn", voordelig_nadelig(p.soort, p.verschil()));
        n.set("boven_drempel", DataNode::boolean(boven_drempel));
        n.set("toelichting", p.toelichting.empty() ? "toelichting ontbreekt" : p.toelichting);
        n.set("ontbreekt", DataNode::boolean(p.toelichting.empty()));
        return n;
    };
    DataNode &verschillen = d.set("verschillen", DataNode::list(verschil(Post{}, false)));
    for (std::size_t i = 0; i < c.posten.size(); ++i) {
        const Post &p = c.posten[i];
        if (!j.boven_drempel[i] && p.toelichting.empty()) continue;
        verschillen.push(verschil(p, j.boven_drempel[i]));
    }

    TextTable reserves;
    reserves.header = {"Reserve", "1 januari", "Toevoeging", "Onttrekking", "31 december"};
    reserves.right = {false, true, true, true, true};
    Money b0, t0, o0, e0;
    for (const auto &r : c.reserves) {
        add_row(reserves, {r.naam + (r.weerstand ? "" : " (geen weerstandscapaciteit)"), m(r.begin), m(r.toevoeging),
                           m(r.onttrekking), m(r.eind())});
        b0 += r.begin, t0 += r.toevoeging, o0 += r.onttrekking, e0 += r.eind();
    }
    add_row(reserves, {"Totaal", m(b0), m(t0), m(o0), m(e0)}, true);
    d.set("reserves", render(reserves));
    d.set("met_reserves", DataNode::boolean(!c.reserves.empty()));
    TextTable risicos;
    risicos.header = {"Risico", "Bedrag", "Kans", "Benodigd"};
    risicos.right = {false, true, true, true};
    for (const auto &r : c.risicos)
        add_row(risicos, {r.naam, m(r.bedrag), format_percentage_nl(r.kans_ppm), m(r.benodigd())});
    add_row(risicos, {"Totaal", "", "", m(j.benodigd)}, true);
    d.set("risicos", render(risicos));
    d.set("met_risicos", DataNode::boolean(!c.risicos.empty()));
    DataNode &w = d.set("weerstand", DataNode::map());
    w.set("beschikbaar", m(j.beschikbaar));
    w.set("benodigd", m(j.benodigd));
    w.set("ratio", j.weerstand.ratio);
    w.set("klasse", std::string(1, j.weerstand.klasse));
    w.set("oordeel", j.weerstand.oordeel);
    w.set("bepaald", DataNode::boolean(j.weerstand.bepaald));

    TextTable afr;
    afr.header = {"Gemeente", "Voorlopig", "Sleutel", "Aandeel resultaat", "Afrekening", "Definitief"};
    afr.right = {false, true, true, true, true, true};
    Money v0, a0, f0, d0;
    for (const auto &a : j.afrekening) {
        add_row(afr, {a.naam, m(a.voorlopig), percentage_nl_2(a.sleutel_ppm), m(a.aandeel), m(a.afrekening),
                      m(a.definitief())});
        v0 += a.voorlopig, a0 += a.aandeel, f0 += a.afrekening, d0 += a.definitief();
    }
    add_row(afr, {"Totaal", m(v0), "", m(a0), m(f0), m(d0)}, true);
    d.set("afrekening", render(afr));
    d.set("indicatoren", indicator_data(j, region));
    return doc;
}

TextDocument build_raadsbrief(const Jaarrekening &j, const Region &region, std::size_t index) {
    const Gemeente &g = region.gemeenten.at(index);
    const Afrekening &a = j.afrekening.at(index);
    TextDocument doc;
    doc.file_name = "raadsbrief-" + std::to_string(region.boekjaar) + "-" + j.slugs.at(index) + ".txt";
    doc.template_name = "raadsbrief.txt.mustache";
    DataNode &d = doc.data;
    common(d, j, region);
    d.set("gemeente", g.naam);
    d.set("code", g.code);
    d.set("voorlopig", m(a.voorlopig));
    d.set("definitief", m(a.definitief()));
    d.set("sleutel", percentage_nl_2(a.sleutel_ppm));
    const Money aandeel = a.aandeel;
    d.set("aandeel", m(aandeel < Money() ? -aandeel : aandeel));
    d.set("aandeel_soort", aandeel.in_cents() > 0   ? "terugbetaling aan uw gemeente"
                           : aandeel.in_cents() < 0 ? "extra bijdrage van uw gemeente"
                                                    : "geen verrekening");
    d.set("afrekening", m(a.afrekening));
    d.set("grondslag", a.grondslag);

    DataNode &ind = d.set("casussen", DataNode::map());
    ind.set("aanwezig", DataNode::boolean(j.indicatoren.has_value()));
    ind.set("legenda_klein", legenda_klein(j.config.minimum));
    ind.set("legenda_x", kLegendaX);
    ind.set("met_niveaus", DataNode::boolean(j.indicatoren && j.indicatoren->met_niveau));
    if (j.indicatoren) {
        const Indicatoren &in = *j.indicatoren;
        const auto &s = j.onderdrukking;
        const std::int64_t mn = j.config.minimum;
        const auto kol = col_sums(in.per_thema, in.gemeenten.size());
        TextTable t;
        t.header = {"Thema", "Aantal"};
        t.right = {false, true};
        for (std::size_t i = 0; i < in.themas.size(); ++i)
            add_row(t, {in.themas[i], count_text(in.per_thema[i][index], s.a.cells[i][index], mn)});
        add_row(t, {"Totaal", count_text(kol[index], s.a.column_totals[index], mn)}, true);
        ind.set("per_thema", render(t));
        TextTable n;
        n.header = {"AVE-niveau", "Aantal"};
        n.right = {false, true};
        if (in.met_niveau) {
            for (int k = 0; k < kNiveaus; ++k)
                add_row(n, {niveau_label(k + 1), count_text(in.per_niveau[k][index], s.b.cells[k][index], mn)});
            add_row(n, {"Totaal", count_text(kol[index], s.a.column_totals[index], mn)}, true);
        }
        ind.set("per_niveau", render(n));
    } else {
        TextTable empty;
        empty.header = {"Thema", "Aantal"};
        empty.right = {false, true};
        ind.set("per_thema", render(empty));
        ind.set("per_niveau", render(empty));
    }
    return doc;
}

}  // namespace vhh::jaarverantwoording
