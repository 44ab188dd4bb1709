// fuzz_indicator_csv: the indicator CSV reader of report.jaarverantwoording (read_indicatoren) and
// the statistical disclosure control (suppress) on the tables it read, as the plugin runs them.
//
// Each input is an indicator file, read for two regions: Zeeland (13 gemeenten, a fixed list of
// themas) and a Maas & Leijgraaf-like region with a herindeling in force (Veghel and
// Sint-Oedenrode counted for Meierijstad) and no thema list (every thema is accepted). The minimum
// cell value is taken from the last byte (1..10), so minimum 1 and 2 (never strict) occur too.
// Checked besides sanitizer reports:
//   - read_indicatoren: errors located in the file with exit code 65; tables of the right shape,
//     counts non-negative, B's column sums equal A's (the niveau table is linked to A);
//   - suppress: every nonzero count below the minimum is primary, no zero is hidden, nothing that
//     is published is below the minimum, and the result protects every hidden cell (weak; strict
//     when it says so), verified with protected_cells.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "config.h"
#include "imports.h"
#include "suppression.h"

using namespace vhh;
using namespace vhh::jaarverantwoording;

namespace {

[[noreturn]] void fail(const std::string &what) {
    std::fprintf(stderr, "fuzz_indicator_csv: %s\n", what.c_str());
    std::abort();
}

Gemeente gemeente(const std::string &code, const std::string &naam) {
    Gemeente g;
    g.code = code;
    g.naam = naam;
    g.inwoners = 10000;
    return g;
}

Region zeeland() {
    Region r;
    r.id = "zeeland";
    r.boekjaar = 2013;
    const char *codes[][2] = {{"GM0654", "Borsele"},     {"GM0664", "Goes"},        {"GM0677", "Hulst"},
                              {"GM0678", "Kapelle"},     {"GM0687", "Middelburg"},  {"GM1695", "Noord-Beveland"},
                              {"GM0703", "Reimerswaal"}, {"GM1676", "Schouwen-Duiveland"},
                              {"GM1714", "Sluis"},       {"GM0715", "Terneuzen"},   {"GM0716", "Tholen"},
                              {"GM0717", "Veere"},       {"GM0718", "Vlissingen"}};
    for (const auto &c : codes) r.gemeenten.push_back(gemeente(c[0], c[1]));
    r.centrumgemeente = "GM0687";
    return r;
}

Region maas_en_leijgraaf() {
    Region r;
    r.id = "maas-en-leijgraaf";
    r.boekjaar = 2018;
    r.gemeenten = {gemeente("GM1721", "Bernheze"), gemeente("GM0755", "Boekel"), gemeente("GM1948", "Meierijstad"),
                   gemeente("GM0828", "Oss"), gemeente("GM0856", "Uden")};
    Herindeling h;
    h.per = Date{2017, 1, 1};
    h.naar = "GM1948";
    h.naam = "Meierijstad";
    h.van = {"GM0860", "GM0846"};
    r.herindelingen.push_back(h);
    Herindeling later;  // not in force in 2018: its codes stay unknown
    later.per = Date{2022, 1, 1};
    later.naar = "GM1982";
    later.naam = "Land van Cuijk";
    later.van = {"GM0756", "GM1684"};
    r.herindelingen.push_back(later);
    r.centrumgemeente = "GM0828";
    return r;
}

Config zeeland_config() {
    Config c;
    c.key_prefix = "plugins[3]";
    c.themas = {"COM-casus", "advies", "signalering", "huiselijk geweld", "radicalisering", "nazorg ex-gedetineerden"};
    return c;
}

Config open_config() {
    Config c;
    c.indicator_kolommen.aantal = " aantal";  // header names match without regard to case and spaces
    c.indicator_kolommen.niveau = "AVE-Niveau ";
    return c;
}

const Region kZeeland = zeeland();
const Region kMaas = maas_en_leijgraaf();
const Config kZeelandConfig = zeeland_config();
const Config kOpenConfig = open_config();

void check(const std::string &text, const Config &config, const Region &region, std::int64_t minimum) {
    Diagnostics diag;
    const Indicatoren ind = read_indicatoren("indicatoren.csv", text, config, region, diag);
    for (const auto &d : diag.all()) {
        if (d.severity != Severity::error) continue;
        if (d.where.file != "indicatoren.csv" || d.where.line < 1) fail("unlocated error: " + d.format());
        if (d.code != ExitCode::data) fail("error with another exit code than 65: " + d.format());
    }
    const std::size_t columns = region.gemeenten.size();
    if (ind.gemeenten.size() != columns || ind.per_thema.size() != ind.themas.size() ||
        ind.per_niveau.size() != static_cast<std::size_t>(kNiveaus))
        fail("tables of the wrong shape");
    std::vector<std::int64_t> sum_a(columns, 0), sum_b(columns, 0);
    for (const auto &row : ind.per_thema) {
        if (row.size() != columns) fail("a thema row of the wrong length");
        for (std::size_t j = 0; j < columns; ++j) {
            if (row[j] < 0) fail("a negative count");
            sum_a[j] += row[j];
        }
    }
    for (const auto &row : ind.per_niveau) {
        if (row.size() != columns) fail("a niveau row of the wrong length");
        for (std::size_t j = 0; j < columns; ++j) sum_b[j] += row[j];
    }
    if (ind.met_niveau && sum_a != sum_b) fail("the niveau table does not add up to the thema table");
    if (diag.has_errors()) return;  // the plugin stops here

    const auto *b = ind.met_niveau ? &ind.per_niveau : nullptr;
    const Suppression s = suppress(ind.per_thema, b, minimum);
    auto check_cells = [&](const std::vector<std::vector<std::int64_t>> &t, const TableStatus &st) {
        if (st.cells.size() != t.size()) fail("statuses of the wrong shape");
        for (std::size_t i = 0; i < t.size(); ++i)
            for (std::size_t j = 0; j < t[i].size(); ++j) {
                const std::int64_t v = t[i][j];
                const CellStatus c = st.cells[i][j];
                if (v == 0 && c != CellStatus::published) fail("a zero count is hidden");
                if (v > 0 && v < minimum && c != CellStatus::primary) fail("a count below the minimum is shown");
                if (v >= minimum && c == CellStatus::primary) fail("a count at or above the minimum is primary");
            }
    };
    check_cells(ind.per_thema, s.a);
    if (b) check_cells(*b, s.b);
    if (!protected_cells(ind.per_thema, b, s, minimum, false)) fail("a hidden cell can be recomputed");
    if (s.strict && !protected_cells(ind.per_thema, b, s, minimum, true)) fail("strict protection claimed, not held");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string text(reinterpret_cast<const char *>(data), size);
    const std::int64_t minimum = size == 0 ? 5 : 1 + data[size - 1] % 10;
    check(text, kZeelandConfig, kZeeland, 5);
    check(text, kOpenConfig, kMaas, minimum);
    return 0;
}
