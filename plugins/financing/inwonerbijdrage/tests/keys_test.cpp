// Tests for every key of financing.inwonerbijdrage: golden figures from the seeds, seeded property
// tests (parts add up exactly, each within one unit of its exact share, none negative), indexatie,
// herindelingen, the afrekening, the sheets, and every bad input as a located error with its exit code.
#include "inwonerbijdrage.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "vhh/testing.h"
#include "vhh/testing_region.h"

namespace {

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
Region region_of(const std::vector<G> &gemeenten, int boekjaar = 2015, const std::string &id = "test",
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
Region zeeland(int boekjaar = 2013) {
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
Region maas_en_leijgraaf(int boekjaar = 2015) {
    return region_of({{"GM1721", "Bernheze", 29700}, {"GM0755", "Boekel", 10100}, {"GM0756", "Boxmeer", 28800},
                      {"GM1684", "Cuijk", 24700}, {"GM0786", "Grave", 12500}, {"GM1685", "Landerd", 14900},
                      {"GM0815", "Mill en Sint Hubert", 12500}, {"GM0828", "Oss", 90800},
                      {"GM1702", "Sint Anthonis", 11500}, {"GM0846", "Sint-Oedenrode", 17700},
                      {"GM0856", "Uden", 40500}, {"GM0860", "Veghel", 37300}},
                     boekjaar, "maas-en-leijgraaf", "GM0828",
                     "herindelingen:\n  - {per: 2017-01-01, naar: GM1948, naam: Meierijstad, van: [GM0860, GM0846]}\n");
}

Money euros(std::int64_t e) { return Money::euros(e); }
Money cents(std::int64_t c) { return Money::cents(c); }

/// The file the settings' locations name (the kit's default SettingsSource).
const std::string kFile = vhh::testing::SettingsSource{}.path;

/// The plugin's settings from `yaml`, validated for `region` by the host's validator (which must accept them).
Settings settings(const std::string &yaml, const Region &region) {
    return vhh::testing::settings_from_yaml(kSettings, yaml, region);
}

struct ReadResult {
    std::optional<Regeling> regeling;
    Diagnostics diag;
};

ReadResult read(const Settings &s, const Region &region) {
    ReadResult r;
    r.regeling = read_regeling(s, region, r.diag);
    return r;
}

/// read_regeling on the settings `yaml` (which the host's validator must accept).
ReadResult read(const std::string &yaml, const Region &region) { return read(settings(yaml, region), region); }

/// True when an error with this code, line and key path (suffix) was reported, whose message
/// (or hint) contains `text`.
bool has_error(const Diagnostics &d, ExitCode code, int line, const std::string &key_suffix, const std::string &text) {
    for (const auto &e : d.all()) {
        if (e.severity != Severity::error || e.code != code || e.where.line != line || e.where.file != kFile) continue;
        if (e.key_path.size() < key_suffix.size() ||
            e.key_path.compare(e.key_path.size() - key_suffix.size(), key_suffix.size(), key_suffix) != 0)
            continue;
        if ((e.message + " " + e.hint).find(text) != std::string::npos) return true;
    }
    return false;
}

const LineInput *input(const ContributionLine &line, const std::string &key) {
    for (const auto &in : line.inputs)
        if (in.key == key) return &in;
    return nullptr;
}

Money sum(const std::vector<ContributionLine> &lines) {
    Money m;
    for (const auto &l : lines) m += l.amount;
    return m;
}

/// |part - total × w / W| < unit, exactly: |part × W - total × w| < unit × W.
::testing::AssertionResult within_one_unit(Money part, Money total, std::int64_t w, std::int64_t W, std::int64_t unit) {
    const __int128 diff = static_cast<__int128>(part.in_cents()) * W - static_cast<__int128>(total.in_cents()) * w;
    const __int128 abs = diff < 0 ? -diff : diff;
    if (abs < static_cast<__int128>(unit) * W) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "part " << part.format_plain() << " of " << total.format_plain() << " for "
                                         << w << "/" << W << " is a unit or more from its exact share";
}

/// The settings of sleutel vaste_bedragen: sleutel (line 1), totaal (line 2), vaste_bedragen (line 3)
/// with `items` (from line 4).
std::string vaste_bedragen_yaml(const std::string &items, const std::string &totaal = "237000.00") {
    return "sleutel: vaste_bedragen\ntotaal: " + totaal + "\nvaste_bedragen:\n" + items;
}

// ------------------------------------------------------------------------------------------------
// Golden figures from the seeds

TEST(InwonerbijdrageGolden, ZeelandFortyCentsPerInwoner) {
    const Region r = zeeland();
    auto rr = read("tarief: 0.40\n", r);
    ASSERT_TRUE(rr.regeling) << rr.diag.format_all();
    const Berekening b = bereken(r, *rr.regeling);
    const auto lines = describe_lines(r, b);
    ASSERT_EQ(lines.size(), 13u);
    std::int64_t inwoners = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(lines[i].amount.in_cents(), r.gemeenten[i].inwoners * 40) << lines[i].payer;
        inwoners += r.gemeenten[i].inwoners;
    }
    EXPECT_EQ(inwoners, 381976);
    EXPECT_EQ(sum(lines), cents(381976 * 40));
    EXPECT_EQ(sum(lines).format_nl(), "€ 152.790,40");
    EXPECT_EQ(lines[4].payer, "Middelburg");
    EXPECT_EQ(lines[4].amount.format_nl(), "€ 19.207,60");
    EXPECT_EQ(lines[4].basis, "48.019 inwoners (peildatum 1-1-2013) × € 0,40");
    // The plain per_inwoner line keeps exactly its original inputs.
    ASSERT_EQ(lines[4].inputs.size(), 3u);
    EXPECT_EQ(lines[4].inputs[0].key, "inwoners");
    EXPECT_EQ(lines[4].inputs[1].key, "tarief_cents");
    EXPECT_EQ(lines[4].inputs[2].key, "peildatum");
    // Same as the original entry points.
    const auto legacy = compute_lines(r, cents(40));
    ASSERT_EQ(legacy.size(), lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(legacy[i].amount, lines[i].amount);
        EXPECT_EQ(legacy[i].basis, lines[i].basis);
    }
}

TEST(InwonerbijdrageGolden, MaasEnLeijgraafBoekelPaysItsAgreedAmount) {
    const Region r = maas_en_leijgraaf();
    auto rr = read(vaste_bedragen_yaml("  - {gemeente: GM0755, bedrag: 3213.00}\n"), r);
    ASSERT_TRUE(rr.regeling) << rr.diag.format_all();
    const Berekening b = bereken(r, *rr.regeling);
    const auto lines = describe_lines(r, b);
    ASSERT_EQ(lines.size(), 12u);
    EXPECT_EQ(sum(lines), euros(237000));
    EXPECT_EQ(b.te_verdelen, euros(237000 - 3213));
    EXPECT_EQ(b.weging_totaal, 331000 - 10100);
    EXPECT_EQ(lines[1].payer_id, "GM0755");
    EXPECT_EQ(lines[1].amount, euros(3213));
    EXPECT_EQ(lines[1].amount.format_nl(), "€ 3.213,00");
    EXPECT_NE(lines[1].basis.find("vast bedrag € 3.213,00"), std::string::npos) << lines[1].basis;
    // The others: € 233.787 over 320.900 inwoners by largest remainder.
    const std::vector<std::int64_t> expected = {2163750, 321300,  2098182, 1799482, 910669,  1085518,
                                                910669,  6615101, 837816,  1289508, 2950568, 2717437};
    for (std::size_t i = 0; i < lines.size(); ++i) EXPECT_EQ(lines[i].amount.in_cents(), expected[i]) << lines[i].payer;
    // Boxmeer got a remainder cent and its basis says so.
    EXPECT_NE(lines[2].basis.find("+ € 0,01 restverdeling"), std::string::npos) << lines[2].basis;
    EXPECT_EQ(lines[0].basis.find("restverdeling"), std::string::npos) << lines[0].basis;
    EXPECT_EQ(input(lines[7], "inwoners")->integer, 90800);
    EXPECT_EQ(input(lines[7], "totaal_cents")->integer, 23700000);
    EXPECT_EQ(input(lines[1], "vast_cents")->integer, 321300);
    EXPECT_EQ(input(lines[2], "restverdeling_cents")->integer, 1);
}

TEST(InwonerbijdrageGolden, MaasEnLeijgraaf2017HasMeierijstad) {
    const Region r = maas_en_leijgraaf(2017);
    auto rr = read(vaste_bedragen_yaml("  - {gemeente: GM0755, bedrag: 3213.00}\n"), r);
    ASSERT_TRUE(rr.regeling) << rr.diag.format_all();
    const auto lines = describe_lines(r, bereken(r, *rr.regeling));
    ASSERT_EQ(lines.size(), 11u);
    EXPECT_EQ(sum(lines), euros(237000));
    const ContributionLine *m = nullptr;
    for (const auto &l : lines)
        if (l.payer_id == "GM1948") m = &l;
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(input(*m, "inwoners")->integer, 55000);
    EXPECT_NE(m->basis.find("samengevoegd uit GM0860 + GM0846"), std::string::npos) << m->basis;
    ASSERT_NE(input(*m, "voorgangers"), nullptr);
    EXPECT_EQ(input(*m, "voorgangers")->text, "GM0860,GM0846");
}

// ------------------------------------------------------------------------------------------------
// Property tests: every key, ≥ 1000 seeded cases each

struct Case {
    Region region;
    std::vector<std::int64_t> inwoners;
    std::int64_t total_inwoners = 0;
};

/// Forty gemeenten GM1000 … GM1039 ("Gemeente 0" …), read once by the host: a random case takes
/// the first n and gives them random inwoners (reading thousands of regions would take seconds).
const Region &forty_gemeenten() {
    static const Region region = [] {
        std::vector<G> gs;
        for (int i = 0; i < 40; ++i) gs.push_back({"GM" + std::to_string(1000 + i), "Gemeente " + std::to_string(i), 0});
        return region_of(gs);
    }();
    return region;
}

Case random_case(std::mt19937_64 &rng, int min_n = 1, bool allow_all_zero = false) {
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

Money random_total(std::mt19937_64 &rng, Afronding afronding) {
    std::uniform_int_distribution<int> kind(0, 5);
    std::uniform_int_distribution<std::int64_t> big(0, 100000000000LL), small(0, 100);
    std::int64_t t = kind(rng) == 0 ? small(rng) : big(rng);
    if (afronding == Afronding::euro) t -= t % 100;
    return cents(t);
}

Afronding random_afronding(std::mt19937_64 &rng) {
    return std::uniform_int_distribution<int>(0, 1)(rng) ? Afronding::euro : Afronding::cent;
}

void check_divided(const Berekening &b, const std::vector<std::int64_t> &weights, std::int64_t unit) {
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

void check_lines_match(const Region &region, const Berekening &b) {
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

TEST(InwonerbijdrageProperty, PerInwonerToTheCentAndToWholeEuros) {
    std::mt19937_64 rng(0x1e7a01);
    std::uniform_int_distribution<std::int64_t> tarief_dist(0, 100000);
    for (int c = 0; c < 1500; ++c) {
        Case k = random_case(rng);
        Regeling r;
        r.tarief = cents(tarief_dist(rng));
        r.afronding = random_afronding(rng);
        SCOPED_TRACE("case " + std::to_string(c));
        const Berekening b = bereken(k.region, r);
        const Money exact = cents(r.tarief->in_cents() * k.total_inwoners);
        if (r.afronding == Afronding::cent) {
            ASSERT_FALSE(b.verdeeld);
            for (std::size_t i = 0; i < b.delen.size(); ++i)
                ASSERT_EQ(b.delen[i].bedrag.in_cents(), r.tarief->in_cents() * k.inwoners[i]);
            ASSERT_EQ(b.totaal, exact);
        } else {
            // The total rounded to whole euros (halves up), divided by inwoners.
            ASSERT_EQ(b.variabel_exact_totaal, exact);
            ASSERT_EQ(b.te_verdelen.in_cents() % 100, 0);
            ASSERT_LE(std::llabs(b.te_verdelen.in_cents() - exact.in_cents()), 50);
            check_divided(b, k.inwoners, 100);
            ASSERT_EQ(b.totaal, b.te_verdelen);
        }
        check_lines_match(k.region, b);
    }
}

TEST(InwonerbijdrageProperty, ProRata) {
    std::mt19937_64 rng(0x9a07a);
    for (int c = 0; c < 1500; ++c) {
        Case k = random_case(rng);
        Regeling r;
        r.sleutel = Sleutel::pro_rata;
        r.afronding = random_afronding(rng);
        r.totaal = random_total(rng, r.afronding);
        SCOPED_TRACE("case " + std::to_string(c));
        const Berekening b = bereken(k.region, r);
        ASSERT_EQ(b.te_verdelen, *r.totaal);
        check_divided(b, k.inwoners, r.unit_cents());
        ASSERT_EQ(b.totaal, *r.totaal);
        check_lines_match(k.region, b);
    }
}

TEST(InwonerbijdrageProperty, VastPlusInwonerWithTarief) {
    std::mt19937_64 rng(0x7a5f);
    std::uniform_int_distribution<std::int64_t> tarief_dist(0, 100000), vast_dist(0, 10000000);
    for (int c = 0; c < 1500; ++c) {
        Case k = random_case(rng);
        Regeling r;
        r.sleutel = Sleutel::vast_plus_inwoner;
        r.afronding = random_afronding(rng);
        r.tarief = cents(tarief_dist(rng));
        std::int64_t vast = vast_dist(rng);
        if (r.afronding == Afronding::euro) vast -= vast % 100;
        r.vast_per_gemeente = cents(vast);
        SCOPED_TRACE("case " + std::to_string(c));
        const Berekening b = bereken(k.region, r);
        const std::int64_t n = static_cast<std::int64_t>(k.inwoners.size());
        for (const auto &d : b.delen) ASSERT_EQ(d.vast, *r.vast_per_gemeente);
        if (r.afronding == Afronding::cent) {
            for (std::size_t i = 0; i < b.delen.size(); ++i)
                ASSERT_EQ(b.delen[i].bedrag.in_cents(), vast + r.tarief->in_cents() * k.inwoners[i]);
            ASSERT_EQ(b.totaal.in_cents(), vast * n + r.tarief->in_cents() * k.total_inwoners);
        } else {
            check_divided(b, k.inwoners, 100);
            ASSERT_LE(std::llabs(b.te_verdelen.in_cents() - r.tarief->in_cents() * k.total_inwoners), 50);
            ASSERT_EQ(b.totaal, b.te_verdelen + cents(vast * n));
        }
        check_lines_match(k.region, b);
    }
}

TEST(InwonerbijdrageProperty, VastPlusInwonerWithTotaal) {
    std::mt19937_64 rng(0x707a1);
    for (int c = 0; c < 1500; ++c) {
        Case k = random_case(rng);
        Regeling r;
        r.sleutel = Sleutel::vast_plus_inwoner;
        r.afronding = random_afronding(rng);
        r.totaal = random_total(rng, r.afronding);
        const std::int64_t n = static_cast<std::int64_t>(k.inwoners.size());
        std::int64_t vast = std::uniform_int_distribution<std::int64_t>(0, r.totaal->in_cents() / n)(rng);
        if (r.afronding == Afronding::euro) vast -= vast % 100;
        r.vast_per_gemeente = cents(vast);
        SCOPED_TRACE("case " + std::to_string(c));
        const Berekening b = bereken(k.region, r);
        ASSERT_EQ(b.te_verdelen.in_cents(), r.totaal->in_cents() - vast * n);
        check_divided(b, k.inwoners, r.unit_cents());
        for (const auto &d : b.delen) ASSERT_EQ(d.vast.in_cents(), vast);
        ASSERT_EQ(b.totaal, *r.totaal);
        check_lines_match(k.region, b);
    }
}

TEST(InwonerbijdrageProperty, VasteBedragenAreExactAndTheRestIsDivided) {
    std::mt19937_64 rng(0xb0e4e1);
    for (int c = 0; c < 1500; ++c) {
        Case k = random_case(rng, 2);
        Regeling r;
        r.sleutel = Sleutel::vaste_bedragen;
        r.afronding = random_afronding(rng);
        r.totaal = random_total(rng, r.afronding);
        const std::size_t n = k.inwoners.size();
        const std::size_t fixed = std::uniform_int_distribution<std::size_t>(1, n - 1)(rng);
        std::vector<std::size_t> order(n);
        for (std::size_t i = 0; i < n; ++i) order[i] = i;
        std::shuffle(order.begin(), order.end(), rng);
        std::int64_t left = r.totaal->in_cents();
        std::vector<std::int64_t> weights = k.inwoners;
        std::set<std::size_t> fixed_index;
        for (std::size_t j = 0; j < fixed; ++j) {
            std::int64_t amount = std::uniform_int_distribution<std::int64_t>(0, left / 2)(rng);
            if (r.afronding == Afronding::euro) amount -= amount % 100;
            left -= amount;
            r.vaste_bedragen.push_back({k.region.gemeenten[order[j]].code, cents(amount)});
            weights[order[j]] = 0;
            fixed_index.insert(order[j]);
        }
        std::int64_t others = 0;
        for (auto w : weights) others += w;
        if (others == 0) {  // somebody must carry the rest
            const std::size_t i = order[fixed];
            k.region.gemeenten[i].inwoners = weights[i] = 7;
        }
        SCOPED_TRACE("case " + std::to_string(c));
        const Berekening b = bereken(k.region, r);
        for (const auto &v : r.vaste_bedragen) {
            const Gemeente *g = k.region.find(v.gemeente);
            const std::size_t i = static_cast<std::size_t>(g - k.region.gemeenten.data());
            ASSERT_TRUE(b.delen[i].vast_bedrag);
            ASSERT_EQ(b.delen[i].bedrag, v.bedrag);  // exactly the agreed amount
        }
        ASSERT_EQ(b.te_verdelen.in_cents(), left);
        check_divided(b, weights, r.unit_cents());
        ASSERT_EQ(b.totaal, *r.totaal);
        check_lines_match(k.region, b);
    }
}

TEST(InwonerbijdrageProperty, AfrekeningWithTheSameKey) {
    std::mt19937_64 rng(0xaf7e);
    std::uniform_int_distribution<int> key_dist(0, 3);
    std::uniform_int_distribution<std::int64_t> res_dist(-5000000000LL, 5000000000LL), tarief_dist(1, 100000);
    int cases = 0;
    for (int c = 0; c < 1500; ++c) {
        Case k = random_case(rng, 2);
        Regeling r;
        r.afronding = random_afronding(rng);
        switch (key_dist(rng)) {
            case 0: r.tarief = cents(tarief_dist(rng)); break;
            case 1:
                r.sleutel = Sleutel::pro_rata;
                r.totaal = random_total(rng, r.afronding);
                break;
            case 2:
                r.sleutel = Sleutel::vast_plus_inwoner;
                r.tarief = cents(tarief_dist(rng));
                r.vast_per_gemeente = euros(std::uniform_int_distribution<std::int64_t>(0, 50000)(rng));
                break;
            case 3:
                r.sleutel = Sleutel::vaste_bedragen;
                r.totaal = random_total(rng, r.afronding);
                r.vaste_bedragen.push_back({k.region.gemeenten[0].code, cents(r.totaal->in_cents() / 200 * 100)});
                if (k.total_inwoners == k.inwoners[0]) k.region.gemeenten[1].inwoners = 3;
                break;
        }
        std::int64_t res = res_dist(rng);
        if (r.afronding == Afronding::euro) res -= res % 100;
        r.afrekening_resultaat = cents(res);
        SCOPED_TRACE("case " + std::to_string(c));
        const Berekening b = bereken(k.region, r);
        const auto weights = afrekening_weights(k.region, b);
        std::int64_t W = 0;
        for (auto w : weights) W += w;
        if (W == 0) continue;  // read_regeling refuses this (tested below)
        ++cases;
        const auto delen = bereken_afrekening(k.region, b);
        ASSERT_EQ(delen.size(), weights.size());
        const Money magnitude = cents(res < 0 ? -res : res);
        Money total;
        for (std::size_t i = 0; i < delen.size(); ++i) {
            const AfrekeningDeel &d = delen[i];
            ASSERT_EQ(d.weging, weights[i]);
            if (r.sleutel == Sleutel::per_inwoner || r.sleutel == Sleutel::pro_rata)
                ASSERT_EQ(d.weging, k.region.gemeenten[i].inwoners);
            else
                ASSERT_EQ(d.weging, b.delen[i].bedrag.in_cents());
            const Money share = d.aandeel + d.rest;
            ASSERT_GE(d.aandeel.in_cents(), 0);
            ASSERT_TRUE(within_one_unit(share, magnitude, weights[i], W, r.unit_cents()));
            // What the gemeente pays: an overschot comes back (≤ 0), a tekort is paid (≥ 0).
            ASSERT_EQ(d.bedrag, res > 0 ? -share : share);
            total += d.bedrag;
        }
        ASSERT_EQ(total.in_cents(), -res);
        const auto lines = describe_afrekening_lines(k.region, b, delen);
        ASSERT_EQ(lines.size(), delen.size());
        for (std::size_t i = 0; i < lines.size(); ++i) {
            ASSERT_EQ(lines[i].source, "afrekening");
            ASSERT_EQ(lines[i].amount, delen[i].bedrag);
            ASSERT_EQ(input(lines[i], "definitieve_bijdrage_cents")->integer,
                      (b.delen[i].bedrag + delen[i].bedrag).in_cents());
        }
        ASSERT_EQ(sum(lines).in_cents(), -res);
    }
    EXPECT_GE(cases, 1000);
}

// ------------------------------------------------------------------------------------------------
// Indexatie

TEST(InwonerbijdrageIndexatie, RoundHalfAwayFromZero) {
    EXPECT_EQ(round_half_away(15, 10), 2);
    EXPECT_EQ(round_half_away(14, 10), 1);
    EXPECT_EQ(round_half_away(-15, 10), -2);
    EXPECT_EQ(round_half_away(-14, 10), -1);
    EXPECT_EQ(round_half_away(0, 10), 0);
    EXPECT_EQ(round_half_away(25, 10), 3);
}

TEST(InwonerbijdrageIndexatie, CompoundsYearByYearRoundedToTheCent) {
    std::vector<IndexStap> steps;
    // € 0,40 (2013) + 2,5 % (2014) = 0,41; + 1,8 % (2015) = 0,41738 -> 0,42; 2016 is after the boekjaar.
    Money t = index_tarief(cents(40), 2013, 2015, {{2015, 18000}, {2014, 25000}, {2016, 500000}}, &steps);
    EXPECT_EQ(t, cents(42));
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_EQ(steps[0].jaar, 2014);
    EXPECT_EQ(steps[0].tarief, cents(41));
    EXPECT_EQ(steps[1].jaar, 2015);
    EXPECT_EQ(steps[1].tarief, cents(42));
    // Halves away from zero: 0,30 × 1,05 = 0,315 -> 0,32; 0,30 × 0,95 = 0,285 -> 0,29.
    EXPECT_EQ(index_tarief(cents(30), 2020, 2021, {{2021, 50000}}), cents(32));
    EXPECT_EQ(index_tarief(cents(30), 2020, 2021, {{2021, -50000}}), cents(29));
    // Rounding each year differs from rounding once: 0,01 × 1,4 × 1,4 -> 0,01 -> 0,01 (once: 0,0196 -> 0,02).
    EXPECT_EQ(index_tarief(cents(1), 2020, 2022, {{2021, 400000}, {2022, 400000}}), cents(1));
    // Entries up to the basisjaar are not applied.
    EXPECT_EQ(index_tarief(cents(40), 2013, 2013, {{2013, 25000}}), cents(40));
}

TEST(InwonerbijdrageIndexatie, BasisAndSheetShowTheIndexedTarief) {
    const Region r = zeeland(2015);
    auto rr = read("tarief: 0.40\nbasisjaar: 2013\nindexatie:\n  - {jaar: 2014, percentage: 2.5}\n"
                   "  - {jaar: 2015, percentage: 1.8}\n",
                   r);
    ASSERT_TRUE(rr.regeling) << rr.diag.format_all();
    const Berekening b = bereken(r, *rr.regeling);
    EXPECT_EQ(b.tarief, cents(42));
    const auto lines = describe_lines(r, b);
    EXPECT_EQ(lines[0].amount, cents(22551 * 42));
    EXPECT_EQ(lines[0].basis,
              "22.551 inwoners (peildatum 1-1-2015) × € 0,42 (tarief 2013 € 0,40, geïndexeerd: "
              "2014 +2,5 %, 2015 +1,8 %)");
    EXPECT_EQ(input(lines[0], "tarief_cents")->integer, 42);
    EXPECT_EQ(input(lines[0], "tarief_basis_cents")->integer, 40);
    EXPECT_EQ(input(lines[0], "basisjaar")->integer, 2013);
    const Table t = describe_key_sheet(r, b);
    // 13 gemeenten, total row, blank row, then basisjaar 2013 and the two indexation rows.
    ASSERT_EQ(t.rows.size(), 13u + 1 + 1 + 3);
    EXPECT_EQ(t.rows[15][1].text_value(), "Tarief 2013 (basisjaar)");
    EXPECT_EQ(t.rows[15][2].money_value(), cents(40));
    EXPECT_EQ(t.rows[16][2].text_value(), "ROUND($C$17*(1+$D$18),2)");
    EXPECT_EQ(t.rows[16][2].cached()->money_value(), cents(41));
    EXPECT_EQ(t.rows[16][3].integer_value(), 25000);
    EXPECT_EQ(t.rows[17][2].text_value(), "ROUND($C$18*(1+$D$19),2)");
    EXPECT_EQ(t.rows[17][2].cached()->money_value(), cents(42));
    EXPECT_EQ(t.rows[0][3].text_value(), "$C$19");
    EXPECT_EQ(t.rows[0][3].cached()->money_value(), cents(42));
    EXPECT_EQ(t.rows[0][4].text_value(), "C2*D2");
}

TEST(InwonerbijdrageIndexatie, AMissingYearIsAWarning) {
    const Region r = zeeland(2016);
    auto rr = read("tarief: 0.40\nbasisjaar: 2013\nindexatie:\n  - {jaar: 2014, percentage: 2.5}\n"
                   "  - {jaar: 2016, percentage: 1.8}\n",
                   r);
    ASSERT_TRUE(rr.regeling) << rr.diag.format_all();
    EXPECT_FALSE(rr.diag.has_errors());
    ASSERT_EQ(rr.diag.all().size(), 1u);
    EXPECT_EQ(rr.diag.all()[0].severity, Severity::warning);
    EXPECT_NE(rr.diag.all()[0].message.find("2015"), std::string::npos);
}

// ------------------------------------------------------------------------------------------------
// Sheets

const Cell &cached(const Cell &c) { return c.kind() == Cell::Kind::formula ? *c.cached() : c; }

TEST(InwonerbijdrageSheet, ProRataSharePlusRemainderColumn) {
    const Region r = region_of({{"GM0001", "A", 1}, {"GM0002", "B", 1}, {"GM0003", "C", 1}});
    Regeling reg;
    reg.sleutel = Sleutel::pro_rata;
    reg.totaal = cents(100);
    const Berekening b = bereken(r, reg);
    EXPECT_EQ(b.delen[0].bedrag, cents(34));  // ties go to the gemeente listed first
    EXPECT_EQ(b.delen[1].bedrag, cents(33));
    const Table t = describe_key_sheet(r, b);
    ASSERT_EQ(t.columns.size(), 7u);
    EXPECT_EQ(t.columns[3].header, "Aandeel afgerond omlaag");
    EXPECT_EQ(t.columns[4].header, "Restverdeling");
    EXPECT_EQ(t.columns[5].header, "Bijdrage");
    // rows: 3 gemeenten, total (row 5), blank, "Te verdelen totaal" (row 7)
    ASSERT_EQ(t.rows.size(), 6u);
    EXPECT_EQ(t.rows[5][1].text_value(), "Te verdelen totaal");
    EXPECT_EQ(t.rows[5][2].money_value(), cents(100));
    EXPECT_EQ(t.rows[0][3].text_value(), "ROUNDDOWN($C$7*C2/$C$5,2)");
    EXPECT_EQ(t.rows[0][3].cached()->money_value(), cents(33));
    EXPECT_EQ(t.rows[0][4].money_value(), cents(1));
    EXPECT_EQ(t.rows[1][4].money_value(), cents(0));
    EXPECT_EQ(t.rows[0][5].text_value(), "D2+E2");
    EXPECT_EQ(t.rows[0][5].cached()->money_value(), cents(34));
    EXPECT_EQ(t.rows[3][0].text_value(), "Totaal");
    EXPECT_EQ(t.rows[3][5].text_value(), "SUM(F2:F4)");
    EXPECT_EQ(t.rows[3][5].cached()->money_value(), cents(100));
    EXPECT_EQ(t.rows[3][4].cached()->money_value(), cents(1));
}

TEST(InwonerbijdrageSheet, VasteBedragenLayout) {
    const Region r = maas_en_leijgraaf();
    Regeling reg;
    reg.sleutel = Sleutel::vaste_bedragen;
    reg.totaal = euros(237000);
    reg.vaste_bedragen = {{"GM0755", euros(3213)}};
    const Berekening b = bereken(r, reg);
    const Table t = describe_key_sheet(r, b);
    ASSERT_EQ(t.columns.size(), 9u);
    EXPECT_EQ(t.columns[3].header, "Vast bedrag");
    EXPECT_EQ(t.columns[4].header, "Inwoners in verdeling");
    // Boekel: the agreed amount as an input, no share.
    EXPECT_EQ(t.rows[1][3].money_value(), euros(3213));
    EXPECT_EQ(t.rows[1][4].integer_value(), 0);
    EXPECT_EQ(t.rows[1][7].text_value(), "D3+F3+G3");
    EXPECT_EQ(t.rows[1][7].cached()->money_value(), euros(3213));
    // Oss: inwoners in the division, share of the rest.
    EXPECT_EQ(t.rows[7][4].text_value(), "C9");
    EXPECT_EQ(t.rows[7][5].text_value(), "ROUNDDOWN($C$17*E9/$E$14,2)");
    EXPECT_EQ(t.rows[7][7].cached()->money_value(), cents(6615101));
    // Parameters: totaal and the rest after the vaste bedragen.
    EXPECT_EQ(t.rows[14][1].text_value(), "Totaal bijdrage");
    EXPECT_EQ(t.rows[14][2].money_value(), euros(237000));
    EXPECT_EQ(t.rows[15][2].text_value(), "$C$16-$D$14");
    EXPECT_EQ(t.rows[15][2].cached()->money_value(), euros(233787));
    EXPECT_EQ(cached(t.rows[12][7]).money_value(), euros(237000));
    EXPECT_EQ(cached(t.rows[12][3]).money_value(), euros(3213));
}

TEST(InwonerbijdrageSheet, AfrekeningSheet) {
    const Region r = region_of({{"GM0001", "A", 1}, {"GM0002", "B", 2}});
    Regeling reg;
    reg.sleutel = Sleutel::pro_rata;
    reg.totaal = cents(300);
    reg.afrekening_resultaat = cents(100);  // overschot € 1,00
    reg.afrekening_bron = "jaarrekening";
    const Berekening b = bereken(r, reg);
    const auto delen = bereken_afrekening(r, b);
    EXPECT_EQ(delen[0].bedrag, cents(-33));
    EXPECT_EQ(delen[1].bedrag, cents(-67));
    const Table t = describe_afrekening_sheet(r, b, delen);
    EXPECT_EQ(t.name, "Afrekening");
    ASSERT_EQ(t.rows.size(), 2u + 1 + 1 + 2);
    EXPECT_EQ(t.rows[4][2].money_value(), cents(100));
    EXPECT_EQ(t.rows[4][3].text_value(), "jaarrekening");
    EXPECT_EQ(t.rows[5][2].text_value(), "ABS($C$6)");
    EXPECT_EQ(t.rows[0][3].text_value(), "ROUNDDOWN($C$7*C2/$C$4,2)");
    EXPECT_EQ(t.rows[0][6].text_value(), "'Inwonerbijdrage'!F2");
    EXPECT_EQ(t.rows[0][6].cached()->money_value(), cents(100));
    EXPECT_EQ(t.rows[0][7].text_value(), "-SIGN($C$6)*F2");
    EXPECT_EQ(t.rows[0][7].cached()->money_value(), cents(-33));
    EXPECT_EQ(t.rows[1][8].cached()->money_value(), cents(200 - 67));
    EXPECT_EQ(t.rows[2][7].cached()->money_value(), cents(-100));
    const auto lines = describe_afrekening_lines(r, b, delen);
    EXPECT_NE(lines[1].basis.find("overschot € 1,00"), std::string::npos) << lines[1].basis;
    EXPECT_NE(lines[1].basis.find("terug"), std::string::npos) << lines[1].basis;
    EXPECT_NE(lines[1].basis.find("+ € 0,01 restverdeling"), std::string::npos) << lines[1].basis;
}

TEST(InwonerbijdrageSheet, NothingToDivideNeedsNoFormulaOverZero) {
    // Every gemeente has a vast bedrag that together make the totaal: no division, no #DIV/0!.
    const Region r = region_of({{"GM0001", "A", 0}, {"GM0002", "B", 0}});
    Regeling reg;
    reg.sleutel = Sleutel::vaste_bedragen;
    reg.totaal = euros(10);
    reg.vaste_bedragen = {{"GM0001", euros(4)}, {"GM0002", euros(6)}};
    const Berekening b = bereken(r, reg);
    EXPECT_EQ(b.totaal, euros(10));
    const Table t = describe_key_sheet(r, b);
    EXPECT_EQ(t.rows[0][5].kind(), Cell::Kind::money);
}

// ------------------------------------------------------------------------------------------------
// Bad input: located errors with the contract's exit codes

// An unknown sleutel or afronding is refused by the host: both are choices of kSettings
// (host/tests/settings_binding_test.cpp, corpus 123).

TEST(InwonerbijdrageBadInput, SettingsMissingForTheSleutel) {
    {
        auto rr = read("", zeeland());  // per_inwoner (the default, at the section: line 1) without tarief
        EXPECT_FALSE(rr.regeling);
        EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 1, "tarief", "needs 'tarief'"));
    }
    {
        auto rr = read("sleutel: pro_rata\n", zeeland());
        EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 1, "totaal", "needs 'totaal'"));
    }
    {
        auto rr = read("sleutel: vast_plus_inwoner\n", zeeland());
        EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 1, "vast_per_gemeente", "needs 'vast_per_gemeente'"));
        EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 1, "tarief", "'tarief' or 'totaal'"));
    }
    {
        auto rr = read("sleutel: vaste_bedragen\ntotaal: 10.00\n", zeeland());
        EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 1, "vaste_bedragen", "needs 'vaste_bedragen'"));
    }
    {
        auto rr = read("tarief: 0.40\nindexatie:\n  - {jaar: 2014, percentage: 2.5}\n", zeeland());
        EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 3, "basisjaar", "needs 'basisjaar'"));
    }
}

TEST(InwonerbijdrageBadInput, SettingsTheSleutelDoesNotUse) {
    auto rr = read("tarief: 0.40\ntotaal: 10.00\nvast_per_gemeente: 10.00\n", zeeland());
    EXPECT_FALSE(rr.regeling);
    EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 2, "totaal", "not used by sleutel per_inwoner"));
    EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 3, "vast_per_gemeente", "not used"));

    auto rb = read("sleutel: vast_plus_inwoner\nvast_per_gemeente: 10.00\ntarief: 0.40\ntotaal: 1000.00\n", zeeland());
    EXPECT_TRUE(has_error(rb.diag, ExitCode::config, 4, "totaal", "not both"));

    auto ri = read("sleutel: pro_rata\ntotaal: 1000.00\nbasisjaar: 2012\n", zeeland());
    EXPECT_TRUE(has_error(ri.diag, ExitCode::config, 3, "basisjaar", "not used by sleutel pro_rata"));
}

// A vaste_bedragen gemeente outside the region (close codes, merged away, not yet in force) is
// refused by the host: the field has type GEMEENTE (host/tests/settings_binding_test.cpp, corpus 124).

TEST(InwonerbijdrageBadInput, DuplicateVastBedrag) {
    auto rr = read(vaste_bedragen_yaml("  - {gemeente: GM0755, bedrag: 1.00}\n  - {gemeente: GM0755, bedrag: 2.00}\n"),
                   maas_en_leijgraaf());
    EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 5, "vaste_bedragen[1].gemeente", "two vaste bedragen"));
}

TEST(InwonerbijdrageBadInput, FixedAmountsExceedingTheTotal) {
    auto rr = read(vaste_bedragen_yaml("  - {gemeente: GM0755, bedrag: 200000.00}\n"
                                       "  - {gemeente: GM0828, bedrag: 40000.00}\n"),
                   maas_en_leijgraaf());
    EXPECT_FALSE(rr.regeling);
    EXPECT_TRUE(has_error(rr.diag, ExitCode::data, 4, "vaste_bedragen", "€ 240.000,00, more than totaal € 237.000,00"));

    auto rv = read("sleutel: vast_plus_inwoner\nvast_per_gemeente: 20000.00\ntotaal: 237000.00\n", maas_en_leijgraaf());
    EXPECT_TRUE(has_error(rv.diag, ExitCode::data, 2, "vast_per_gemeente", "exceed totaal"));
}

TEST(InwonerbijdrageBadInput, ATotalButNoPopulation) {
    const Region empty = region_of({{"GM0001", "A", 0}, {"GM0002", "B", 0}});
    auto rr = read("sleutel: pro_rata\ntotaal: 100.00\n", empty);
    EXPECT_FALSE(rr.regeling);
    EXPECT_TRUE(has_error(rr.diag, ExitCode::data, 2, "totaal", "no inwoners"));
    // A zero total over nobody is fine: everyone pays nothing.
    auto zero = read("sleutel: pro_rata\ntotaal: 0\n", empty);
    ASSERT_TRUE(zero.regeling) << zero.diag.format_all();
    EXPECT_EQ(bereken(empty, *zero.regeling).totaal, cents(0));

    // vaste_bedragen: the others have no inwoners, or there are no others.
    const Region one = region_of({{"GM0001", "A", 100}, {"GM0002", "B", 0}});
    auto rv = read(vaste_bedragen_yaml("  - {gemeente: GM0001, bedrag: 10.00}\n", "100.00"), one);
    EXPECT_TRUE(has_error(rv.diag, ExitCode::data, 2, "totaal", "no inwoners"));
    auto all = read(vaste_bedragen_yaml("  - {gemeente: GM0001, bedrag: 10.00}\n  - {gemeente: GM0002, bedrag: 10.00}\n",
                                        "100.00"),
                    one);
    EXPECT_TRUE(has_error(all.diag, ExitCode::data, 4, "vaste_bedragen", "every gemeente has a vast bedrag"));
    // The afrekening needs weights too.
    auto ra = read("sleutel: pro_rata\ntotaal: 0\nafrekening_resultaat: 5.00\nafrekening_bron: jaarrekening\n", empty);
    EXPECT_TRUE(has_error(ra.diag, ExitCode::data, 3, "afrekening_resultaat", "no inwoners"));
    // And bereken itself refuses rather than crashes.
    Regeling reg;
    reg.sleutel = Sleutel::pro_rata;
    reg.totaal = euros(100);
    EXPECT_THROW(bereken(empty, reg), std::invalid_argument);
}

TEST(InwonerbijdrageBadInput, WholeEurosWithAfrondingEuro) {
    auto rr = read(vaste_bedragen_yaml("  - {gemeente: GM0755, bedrag: 3213.50}\n", "237000.50") + "afronding: euro\n",
                   maas_en_leijgraaf());
    EXPECT_FALSE(rr.regeling);
    EXPECT_TRUE(has_error(rr.diag, ExitCode::data, 2, "totaal", "not a whole number of euros"));
    EXPECT_TRUE(has_error(rr.diag, ExitCode::data, 4, "vaste_bedragen[0].bedrag", "not a whole number of euros"));
}

TEST(InwonerbijdrageBadInput, IndexatieYears) {
    const Region r = zeeland(2015);
    auto rr = read("tarief: 0.40\nbasisjaar: 2013\nindexatie:\n  - {jaar: 2013, percentage: 2.5}\n"
                   "  - {jaar: 2014, percentage: 0.0001}\n  - {jaar: 2014, percentage: 0.0002}\n"
                   "  - {jaar: 2015, percentage: 0.0003}\n",
                   r);
    EXPECT_FALSE(rr.regeling);
    EXPECT_TRUE(has_error(rr.diag, ExitCode::data, 4, "indexatie[0].jaar", "not after basisjaar"));
    EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 6, "indexatie[2].jaar", "indexed twice"));

    auto late = read("tarief: 0.40\nbasisjaar: 2016\nindexatie: []\n", r);
    EXPECT_TRUE(has_error(late.diag, ExitCode::data, 2, "basisjaar", "after the boekjaar"));
}

TEST(InwonerbijdrageBadInput, AfrekeningBronWithoutResultaat) {
    auto rr = read("tarief: 0.40\nafrekening_bron: jaarrekening 2013\n", zeeland());
    EXPECT_FALSE(rr.regeling);
    EXPECT_TRUE(has_error(rr.diag, ExitCode::config, 2, "afrekening_bron", "without 'afrekening_resultaat'"));
}

TEST(InwonerbijdrageLines, VastPlusInwonerBasisAndInputs) {
    const Region r = region_of({{"GM0001", "A", 1000}, {"GM0002", "B", 2000}});
    Regeling tarief;
    tarief.sleutel = Sleutel::vast_plus_inwoner;
    tarief.vast_per_gemeente = euros(500);
    tarief.tarief = cents(25);
    const auto lines = describe_lines(r, bereken(r, tarief));
    EXPECT_EQ(lines[1].amount, euros(500) + cents(2000 * 25));
    EXPECT_EQ(lines[1].basis, "vast € 500,00 + 2.000 inwoners (peildatum 1-1-2015) × € 0,25 = € 500,00");
    EXPECT_EQ(input(lines[1], "vast_cents")->integer, 50000);
    EXPECT_EQ(input(lines[1], "tarief_cents")->integer, 25);
    EXPECT_EQ(input(lines[1], "variabel_cents")->integer, 50000);
    EXPECT_EQ(input(lines[1], "sleutel")->text, "vast_plus_inwoner");
    const Table t = describe_key_sheet(r, bereken(r, tarief));
    EXPECT_EQ(t.columns[3].header, "Vast deel");
    EXPECT_EQ(t.rows[0][3].text_value(), "$C$6");   // the vast deel parameter
    EXPECT_EQ(t.rows[0][4].text_value(), "$C$7");   // the tarief parameter
    EXPECT_EQ(t.rows[0][5].text_value(), "C2*E2");  // variabel deel
    EXPECT_EQ(t.rows[0][6].text_value(), "D2+F2");  // bijdrage

    Regeling totaal;
    totaal.sleutel = Sleutel::vast_plus_inwoner;
    totaal.vast_per_gemeente = euros(500);
    totaal.totaal = euros(1001);
    const auto lt = describe_lines(r, bereken(r, totaal));
    // € 1,00 left after 2 × € 500,00: 1/3 and 2/3 of 100 cents; the remainder cent goes to B (larger remainder).
    EXPECT_EQ(lt[0].amount, euros(500) + cents(33));
    EXPECT_EQ(lt[1].amount, euros(500) + cents(67));
    EXPECT_EQ(lt[1].basis,
              "vast € 500,00 + 2.000 inwoners (peildatum 1-1-2015); aandeel 2.000/3.000 van € 1,00 "
              "(totaal € 1.001,00 - 2 × € 500,00 vast) = € 0,66 + € 0,01 restverdeling");
    EXPECT_EQ(input(lt[1], "te_verdelen_cents")->integer, 100);
    EXPECT_EQ(input(lt[1], "restverdeling_cents")->integer, 1);
}

TEST(InwonerbijdrageBadInput, EveryErrorOfTheSectionInOneRun) {
    auto rr = read(vaste_bedragen_yaml("  - {gemeente: GM0755, bedrag: 1.00}\n  - {gemeente: GM0755, bedrag: 1.00}\n") +
                       "tarief: 0.40\n",
                   maas_en_leijgraaf(2017));
    EXPECT_FALSE(rr.regeling);
    EXPECT_EQ(rr.diag.error_count(), 2u) << rr.diag.format_all();
    EXPECT_EQ(rr.diag.exit_code(), ExitCode::config);
}

}  // namespace
