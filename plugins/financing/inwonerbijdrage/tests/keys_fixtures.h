// The fixtures of financing.inwonerbijdrage's key tests (per_inwoner_test.cpp, pro_rata_test.cpp,
// vast_plus_inwoner_test.cpp, vaste_bedragen_test.cpp, afrekening_test.cpp, indexatie_test.cpp,
// sleutel_settings_test.cpp): regions as a vhh.yaml declares them and settings as a user writes them
// (both read by the host's own readers through the test kit), and the checks of the seeded property tests.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "inwonerbijdrage.h"
#include "vhh/testing.h"
#include "vhh/testing_region.h"

namespace keys_test {

using namespace vhh;
using namespace vhh::inwonerbijdrage;

// ------------------------------------------------------------------------------------------------
// Fixtures: regions as a vhh.yaml declares them, settings as a user writes them (both read by the
// host's own readers through the test kit).

/// A gemeente of a test region: code, naam, inwoners.
struct G {
    std::string code, naam;
    std::int64_t inwoners;
};

/// The region `id` of `boekjaar` (peildatum 1 January) with `gemeenten`, the first the
/// centrumgemeente unless `centrum` is given, and `more` YAML (herindelingen), as the host reads it.
inline Region region_of(const std::vector<G> &gemeenten, int boekjaar = 2015, const std::string &id = "test",
                        const std::string &centrum = "", const std::string &more = "") {
    vhh::testing::TestRegion t;
    t.id = id;
    t.boekjaar = boekjaar;
    t.centrumgemeente = centrum;
    t.more = more;
    for (const auto &g : gemeenten) {
        Gemeente x;
        x.code = g.code;
        x.naam = g.naam;
        x.inwoners = g.inwoners;
        t.gemeenten.push_back(x);
    }
    return t.region();
}

/// Zeeland as in config/zeeland/vhh.yaml (indicative figures), boekjaar 2013 unless given.
inline Region zeeland(int boekjaar = 2013) {
    return region_of({{"GM0654", "Borsele", 22551}, {"GM0664", "Goes", 37050}, {"GM0677", "Hulst", 27432},
                      {"GM0678", "Kapelle", 12386}, {"GM0687", "Middelburg", 48019},
                      {"GM1695", "Noord-Beveland", 7339}, {"GM0703", "Reimerswaal", 22678},
                      {"GM1676", "Schouwen-Duiveland", 34049}, {"GM1714", "Sluis", 23886},
                      {"GM0715", "Terneuzen", 54806}, {"GM0716", "Tholen", 25527}, {"GM0717", "Veere", 21900},
                      {"GM0718", "Vlissingen", 44353}},
                     boekjaar, "zeeland");
}

/// Maas & Leijgraaf as in config/maas-en-leijgraaf/vhh.yaml (indicative figures), with the herindeling
/// of Veghel and Sint-Oedenrode into Meierijstad on 1 January 2017 (merged by the host from 2017).
inline Region maas_en_leijgraaf(int boekjaar = 2015) {
    return region_of({{"GM1721", "Bernheze", 29700}, {"GM0755", "Boekel", 10100}, {"GM0756", "Boxmeer", 28800},
                      {"GM1684", "Cuijk", 24700}, {"GM0786", "Grave", 12500}, {"GM1685", "Landerd", 14900},
                      {"GM0815", "Mill en Sint Hubert", 12500}, {"GM0828", "Oss", 90800},
                      {"GM1702", "Sint Anthonis", 11500}, {"GM0846", "Sint-Oedenrode", 17700},
                      {"GM0856", "Uden", 40500}, {"GM0860", "Veghel", 37300}},
                     boekjaar, "maas-en-leijgraaf", "GM0828",
                     "herindelingen:\n  - {per: 2017-01-01, naar: GM1948, naam: Meierijstad, van: [GM0860, GM0846]}\n");
}

inline Money euros(std::int64_t e) { return Money::euros(e); }
inline Money cents(std::int64_t c) { return Money::cents(c); }

/// The file the settings' locations name (the kit's default SettingsSource).
inline const std::string kFile = vhh::testing::SettingsSource{}.path;

/// The plugin's settings from `yaml`, validated for `region` by the host's validator (which must accept them).
inline Settings settings(const std::string &yaml, const Region &region) {
    return vhh::testing::settings_from_yaml(kSettings, yaml, region);
}

struct ReadResult {
    std::optional<Regeling> regeling;
    Diagnostics diag;
};

inline ReadResult read(const Settings &s, const Region &region) {
    ReadResult r;
    r.regeling = read_regeling(s, region, r.diag);
    return r;
}

/// read_regeling on the settings `yaml` (which the host's validator must accept).
inline ReadResult read(const std::string &yaml, const Region &region) { return read(settings(yaml, region), region); }

/// True when an error with this code, line and key path (suffix) was reported, whose message
/// (or hint) contains `text`.
inline bool has_error(const Diagnostics &d, ExitCode code, int line, const std::string &key_suffix, const std::string &text) {
    for (const auto &e : d.all()) {
        if (e.severity != Severity::error || e.code != code || e.where.line != line || e.where.file != kFile) continue;
        if (e.key_path.size() < key_suffix.size() ||
            e.key_path.compare(e.key_path.size() - key_suffix.size(), key_suffix.size(), key_suffix) != 0)
            continue;
        if ((e.message + " " + e.hint).find(text) != std::string::npos) return true;
    }
    return false;
}

inline const LineInput *input(const ContributionLine &line, const std::string &key) {
    for (const auto &in : line.inputs)
        if (in.key == key) return &in;
    return nullptr;
}

inline Money sum(const std::vector<ContributionLine> &lines) {
    Money m;
    for (const auto &l : lines) m += l.amount;
    return m;
}

/// |part - total × w / W| < unit, exactly: |part × W - total × w| < unit × W.
inline ::testing::AssertionResult within_one_unit(Money part, Money total, std::int64_t w, std::int64_t W,
                                                  std::int64_t unit) {
    const __int128 diff = static_cast<__int128>(part.in_cents()) * W - static_cast<__int128>(total.in_cents()) * w;
    const __int128 abs = diff < 0 ? -diff : diff;
    if (abs < static_cast<__int128>(unit) * W) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "part " << part.format_plain() << " of " << total.format_plain() << " for "
                                         << w << "/" << W << " is a unit or more from its exact share";
}

/// The settings of sleutel vaste_bedragen: sleutel (line 1), totaal (line 2), vaste_bedragen (line 3)
/// with `items` (from line 4).
inline std::string vaste_bedragen_yaml(const std::string &items, const std::string &totaal = "237000.00") {
    return "sleutel: vaste_bedragen\ntotaal: " + totaal + "\nvaste_bedragen:\n" + items;
}

struct Case {
    Region region;
    std::vector<std::int64_t> inwoners;
    std::int64_t total_inwoners = 0;
};

/// Forty gemeenten GM1000 … GM1039 ("Gemeente 0" …), read once by the host: a random case takes
/// the first n and gives them random inwoners (reading thousands of regions would take seconds).
inline const Region &forty_gemeenten() {
    static const Region region = [] {
        std::vector<G> gs;
        for (int i = 0; i < 40; ++i) gs.push_back({"GM" + std::to_string(1000 + i), "Gemeente " + std::to_string(i), 0});
        return region_of(gs);
    }();
    return region;
}

inline Case random_case(std::mt19937_64 &rng, int min_n = 1, bool allow_all_zero = false) {
    std::uniform_int_distribution<int> n_dist(min_n, 40);
    std::uniform_int_distribution<int> kind(0, 9);
    std::uniform_int_distribution<std::int64_t> big(0, 1000000), small(0, 30);
    Case c;
    const int n = n_dist(rng);
    c.region = forty_gemeenten();
    c.region.gemeenten.resize(static_cast<std::size_t>(n));
    for (auto &g : c.region.gemeenten) {
        const int k = kind(rng);
        std::int64_t inw = k == 0 ? 0 : k <= 2 ? small(rng) : big(rng);
        g.inwoners = inw;
        c.inwoners.push_back(inw);
        c.total_inwoners += inw;
    }
    if (c.total_inwoners == 0 && !allow_all_zero && n > 0) {
        c.region.gemeenten[0].inwoners = c.inwoners[0] = 1;
        c.total_inwoners = 1;
    }
    return c;
}

inline Money random_total(std::mt19937_64 &rng, Afronding afronding) {
    std::uniform_int_distribution<int> kind(0, 5);
    std::uniform_int_distribution<std::int64_t> big(0, 100000000000LL), small(0, 100);
    std::int64_t t = kind(rng) == 0 ? small(rng) : big(rng);
    if (afronding == Afronding::euro) t -= t % 100;
    return cents(t);
}

inline Afronding random_afronding(std::mt19937_64 &rng) {
    return std::uniform_int_distribution<int>(0, 1)(rng) ? Afronding::euro : Afronding::cent;
}

inline void check_divided(const Berekening &b, const std::vector<std::int64_t> &weights, std::int64_t unit) {
    ASSERT_TRUE(b.verdeeld);
    Money parts;
    std::int64_t W = 0;
    for (auto w : weights) W += w;
    ASSERT_EQ(b.weging_totaal, W);
    for (std::size_t i = 0; i < b.delen.size(); ++i) {
        const Deel &d = b.delen[i];
        ASSERT_EQ(d.weging, weights[i]);
        const Money share = d.aandeel + d.rest;
        ASSERT_GE(d.aandeel.in_cents(), 0);
        ASSERT_TRUE(d.rest.in_cents() == 0 || d.rest.in_cents() == unit);
        ASSERT_EQ(d.aandeel.in_cents() % unit, 0);
        if (W > 0)
            ASSERT_TRUE(within_one_unit(share, b.te_verdelen, weights[i], W, unit));
        else
            ASSERT_EQ(share.in_cents(), 0);
        if (weights[i] == 0) {
            ASSERT_EQ(share.in_cents(), 0);
        }
        parts += share;
    }
    ASSERT_EQ(parts, b.te_verdelen);
}

inline void check_lines_match(const Region &region, const Berekening &b) {
    const auto lines = describe_lines(region, b);
    ASSERT_EQ(lines.size(), b.delen.size());
    Money total;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        ASSERT_EQ(lines[i].amount, b.delen[i].bedrag);
        ASSERT_GE(lines[i].amount.in_cents(), 0);
        ASSERT_EQ(lines[i].payer_id, region.gemeenten[i].code);
        ASSERT_EQ(input(lines[i], "inwoners")->integer, region.gemeenten[i].inwoners);
        const bool rest = b.delen[i].rest.in_cents() != 0;
        ASSERT_EQ(lines[i].basis.find("restverdeling") != std::string::npos, rest) << lines[i].basis;
        total += lines[i].amount;
    }
    ASSERT_EQ(total, b.totaal);
    // The sheet's total cell carries the same total.
    const Table t = describe_key_sheet(region, b);
    const auto &bijdrage_header = t.columns;
    std::size_t col = 0;
    for (std::size_t c = 0; c < bijdrage_header.size(); ++c)
        if (bijdrage_header[c].header == "Bijdrage") col = c;
    const Cell &cell = t.rows[lines.size()][col];
    const Cell &value = cell.kind() == Cell::Kind::formula ? *cell.cached() : cell;
    ASSERT_EQ(value.money_value(), b.totaal);
    for (std::size_t i = 0; i < lines.size(); ++i) ASSERT_EQ(t.rows[i][col].cached()->money_value(), lines[i].amount);
}

/// The value a cell shows: its cached value when it is a formula.
inline const Cell &cached(const Cell &c) { return c.kind() == Cell::Kind::formula ? *c.cached() : c; }

}  // namespace keys_test
