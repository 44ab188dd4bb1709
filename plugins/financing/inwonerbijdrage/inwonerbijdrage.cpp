#include "inwonerbijdrage.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>

#include "vhh/text.h"

namespace vhh::inwonerbijdrage {

namespace {

const vhh_setting_spec kVastBedragFields[] = {
    {"gemeente", VHH_SETTING_GEMEENTE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "CBS code of the gemeente that pays an agreed fixed amount, e.g. GM0755 (Boekel)", nullptr, 0},
    {"bedrag", VHH_SETTING_MONEY, VHH_SETTING_REQUIRED, nullptr, "0", "1000000000",
     "the agreed amount in euros for the boekjaar, e.g. 3213.00", nullptr, 0},
};

const vhh_setting_spec kIndexatieFields[] = {
    {"jaar", VHH_SETTING_INTEGER, VHH_SETTING_REQUIRED, nullptr, "1990", "2200",
     "the year whose tarief is indexed: tarief(jaar) = tarief(jaar - 1) x (1 + percentage); after basisjaar", nullptr,
     0},
    {"percentage", VHH_SETTING_PERCENTAGE, VHH_SETTING_REQUIRED, nullptr, "-50", "100",
     "the indexation of that year in percent, e.g. 2.5 for 2,5 %", nullptr, 0},
};

const char *const kSleutelNames[] = {"per_inwoner", "pro_rata", "vast_plus_inwoner", "vaste_bedragen"};
const char *const kAfrondingNames[] = {"cent", "euro"};

}  // namespace

const vhh_setting_spec kSettings[kSettingCount] = {
    {"tarief", VHH_SETTING_MONEY, 0, nullptr, "0", "1000",
     "bijdrage per inwoner per jaar in euros, e.g. 0.40 (Zeeland 2013). Required for sleutel per_inwoner; "
     "for vast_plus_inwoner the variable part per inwoner (give tarief or totaal). With indexatie: the tarief "
     "of basisjaar",
     nullptr, 0},
    setting("sleutel", VHH_SETTING_CHOICE).choices(kSleutelNames).fallback("per_inwoner").doc(
     "verdeelsleutel: per_inwoner = inwoners x tarief; pro_rata = totaal divided in proportion to inwoners; "
     "vast_plus_inwoner = vast_per_gemeente for every gemeente + inwoners x tarief, or + the rest of totaal "
     "in proportion to inwoners; vaste_bedragen = agreed amounts for some gemeenten, the rest of totaal in "
     "proportion to inwoners over the others. Divisions by largest remainder: the parts add up exactly"),
    {"totaal", VHH_SETTING_MONEY, 0, nullptr, "0", "1000000000",
     "the total gemeentelijke bijdrage in euros, e.g. 237000.00. Required for pro_rata and vaste_bedragen; "
     "for vast_plus_inwoner instead of tarief: the fixed parts come off first, the rest is divided in "
     "proportion to inwoners",
     nullptr, 0},
    {"vast_per_gemeente", VHH_SETTING_MONEY, 0, nullptr, "0", "100000000",
     "fixed part in euros that every gemeente pays (required for sleutel vast_plus_inwoner), e.g. 5000.00", nullptr, 0},
    {"vaste_bedragen", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr,
     "agreed fixed amounts (required for sleutel vaste_bedragen): a list of {gemeente: CBS code, bedrag: "
     "euros}, e.g. [{gemeente: GM0755, bedrag: 3213.00}]; together at most totaal. The gemeente must be in "
     "the region in the boekjaar (after herindelingen)",
     kVastBedragFields, sizeof kVastBedragFields / sizeof kVastBedragFields[0]},
    setting("afronding", VHH_SETTING_CHOICE).choices(kAfrondingNames).fallback("cent").doc(
     "allocation unit: cent, or euro (whole euros: totaal, vast_per_gemeente, vaste_bedragen and "
     "afrekening_resultaat must then be whole euros; inwoners x tarief is added up and the total rounded to "
     "whole euros, halves up). What is left after rounding every share down goes one unit each to the "
     "largest remainders (ties: the gemeente listed first); the basis says who got one"),
    {"basisjaar", VHH_SETTING_INTEGER, 0, nullptr, "1990", "2200",
     "the year whose tarief `tarief` is; required with indexatie; at most the boekjaar", nullptr, 0},
    {"indexatie", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr,
     "yearly indexation of the tarief: a list of {jaar, percentage}, applied compounding for every jaar "
     "after basisjaar up to the boekjaar; each year's tarief is rounded to the cent, halves away from zero. "
     "A year without an entry keeps the tarief (with a warning); entries after the boekjaar are ignored",
     kIndexatieFields, sizeof kIndexatieFields / sizeof kIndexatieFields[0]},
    {"afrekening_resultaat", VHH_SETTING_MONEY, 0, nullptr, "-1000000000", "1000000000",
     "afrekening of the voorlopige bijdrage: the resultaat in euros, positive = overschot (paid back to the "
     "gemeenten), negative = tekort (paid extra). Divided by largest remainder in proportion to inwoners "
     "(per_inwoner, pro_rata) or to the voorlopige bijdrage (keys with fixed parts). Adds lines of source "
     "afrekening whose amount is what the gemeente pays: negative = it gets money back; bijdrage + "
     "afrekening = definitieve bijdrage. Sheet Afrekening",
     nullptr, 0},
    {"afrekening_bron", VHH_SETTING_TEXT, 0, nullptr, nullptr, nullptr,
     "where the resultaat comes from, e.g. 'jaarrekening 2015' (shown on the Afrekening sheet)", nullptr, 0},
};

namespace {

// ---------------------------------------------------------------------------------------------
// Small helpers

struct SleutelName {
    Sleutel sleutel;
    const char *name;
};
const SleutelName kSleutels[] = {{Sleutel::per_inwoner, "per_inwoner"},
                                 {Sleutel::pro_rata, "pro_rata"},
                                 {Sleutel::vast_plus_inwoner, "vast_plus_inwoner"},
                                 {Sleutel::vaste_bedragen, "vaste_bedragen"}};

/// "+2,5 %" / "-1,2 %".
std::string signed_percentage_nl(std::int64_t ppm) { return (ppm >= 0 ? "+" : "") + format_percentage_nl(ppm); }

/// Absolute A1 reference of data row `row`, column `column`: "$C$17".
std::string abs_ref(std::size_t row, std::size_t column) {
    return "$" + Table::column_letters(column) + "$" + std::to_string(row + 2);
}

Cell bold(Cell c) {
    c.bold = true;
    return c;
}

/// SUM over data rows 0..n-1 of a column with its value, or the plain value when there are no rows.
Cell sum_cell(std::size_t n, std::size_t column, Cell value) {
    if (n == 0) return bold(std::move(value));
    return bold(
        Cell::formula("SUM(" + Table::ref(0, column) + ":" + Table::ref(n - 1, column) + ")", std::move(value)));
}

std::string join_codes(const std::vector<std::string> &codes) {
    std::string s;
    for (const auto &c : codes) s += (s.empty() ? "" : " + ") + c;
    return s;
}

/// "10.100 inwoners (peildatum 1-1-2015)", with the voorgangers of a merged gemeente.
std::string inwoners_text(const Region &region, const Gemeente &g) {
    std::string s = format_integer_nl(g.inwoners) + " inwoners (peildatum " + region.peildatum.nl();
    if (!g.voorgangers.empty()) s += "; samengevoegd uit " + join_codes(g.voorgangers);
    return s + ")";
}

/// "€ 0,41 (tarief 2013 € 0,40, geïndexeerd: 2014 +2,5 %)" or just "€ 0,40".
std::string tarief_text(const Berekening &b) {
    std::string s = b.tarief.format_nl();
    if (b.stappen.empty()) return s;
    s += " (tarief " + std::to_string(*b.regeling.basisjaar) + " " + b.regeling.tarief->format_nl() + ", geïndexeerd:";
    for (std::size_t i = 0; i < b.stappen.size(); ++i)
        s += std::string(i ? "," : "") + " " + std::to_string(b.stappen[i].jaar) + " " +
             signed_percentage_nl(b.stappen[i].ppm);
    return s + ")";
}

/// "€ 7.231,72 + € 0,01 restverdeling" or "€ 7.231,72".
std::string share_text(const Money &aandeel, const Money &rest) {
    std::string s = aandeel.format_nl();
    if (rest.in_cents() != 0) s += " + " + rest.format_nl() + " restverdeling";
    return s;
}

bool has_tarief_part(const Regeling &r) {
    return r.sleutel == Sleutel::per_inwoner || (r.sleutel == Sleutel::vast_plus_inwoner && r.tarief.has_value());
}

// ---------------------------------------------------------------------------------------------
// Reading the settings

/// Reads and checks the settings; collects errors in `diag`.
class Reader {
public:
    Reader(const Settings &s, const Region &region, Diagnostics &diag, std::string prefix)
        : s_(s), region_(region), diag_(diag), prefix_(std::move(prefix)) {}

    std::optional<Regeling> read();

private:
    std::string kp(const std::string &key) const { return prefix_.empty() ? key : prefix_ + "." + key; }
    /// True when the key was written in the config (not a default).
    bool given(const std::string &key) const { return s_.has(key) && !s_.at(key).from_default; }
    /// Where a key was written; the plugin section (the sleutel default's location) otherwise.
    SourceLocation where(const std::string &key) const {
        if (s_.has(key)) return s_.where(key);
        if (s_.has("sleutel")) return s_.where("sleutel");
        return {};
    }
    void error(ExitCode code, const SourceLocation &w, const std::string &key_path, const std::string &message,
               const std::string &hint = {}) {
        diag_.error(code, w, key_path, message, hint);
        ++errors_;
    }

    std::optional<Sleutel> read_sleutel();
    std::optional<Afronding> read_afronding();
    void check_keys_for(Sleutel sleutel, Regeling &r);
    void read_vaste_bedragen(Regeling &r);
    void read_indexatie(Regeling &r);
    void warn_negative_definitief(const Regeling &r, const Berekening &b);
    void check_whole_euros(const Regeling &r);
    void check_figures(const Regeling &r);
    void check_afrekening(const Regeling &r);

    const Settings &s_;
    const Region &region_;
    Diagnostics &diag_;
    std::string prefix_;
    int errors_ = 0;
};

// Sleutel and afronding are choices: the host refuses any other value and fills in the default.
std::optional<Sleutel> Reader::read_sleutel() {
    const std::string &text = s_.text("sleutel");
    for (const auto &k : kSleutels)
        if (text == k.name) return k.sleutel;
    return std::nullopt;
}

std::optional<Afronding> Reader::read_afronding() {
    if (s_.text("afronding") == "euro") return Afronding::euro;
    return Afronding::cent;
}

/// Required and unused settings for the chosen key.
void Reader::check_keys_for(Sleutel sleutel, Regeling &r) {
    const std::string name = sleutel_name(sleutel);
    auto missing = [&](const std::string &key, const std::string &what) {
        error(ExitCode::config, where("sleutel"), kp(key), "sleutel " + name + " needs '" + key + "' (" + what + ")",
              "add '" + key + ":' to the plugin's settings");
    };
    auto unused = [&](const std::string &key, const std::string &users) {
        error(ExitCode::config, where(key), kp(key), "'" + key + "' is not used by sleutel " + name,
              "remove it, or choose a sleutel that uses it: " + users);
    };
    const bool tarief = given("tarief"), totaal = given("totaal"), vast = given("vast_per_gemeente"),
               vaste = given("vaste_bedragen"), index = given("indexatie"), basis = given("basisjaar");
    switch (sleutel) {
        case Sleutel::per_inwoner:
            if (!tarief) missing("tarief", "bijdrage per inwoner in euros, e.g. 0.40");
            if (totaal) unused("totaal", "pro_rata, vast_plus_inwoner or vaste_bedragen");
            if (vast) unused("vast_per_gemeente", "vast_plus_inwoner");
            if (vaste) unused("vaste_bedragen", "vaste_bedragen");
            break;
        case Sleutel::pro_rata:
            if (!totaal) missing("totaal", "the total to divide in proportion to inwoners, e.g. 237000.00");
            if (tarief) unused("tarief", "per_inwoner or vast_plus_inwoner");
            if (vast) unused("vast_per_gemeente", "vast_plus_inwoner");
            if (vaste) unused("vaste_bedragen", "vaste_bedragen");
            break;
        case Sleutel::vast_plus_inwoner:
            if (!vast) missing("vast_per_gemeente", "the fixed part every gemeente pays, e.g. 5000.00");
            if (!tarief && !totaal)
                error(ExitCode::config, where("sleutel"), kp("tarief"),
                      "sleutel vast_plus_inwoner needs the variable part: 'tarief' or 'totaal'",
                      "tarief: an amount per inwoner; totaal: the whole bijdrage, of which what is left after the "
                      "fixed parts is divided in proportion to inwoners");
            if (tarief && totaal)
                error(ExitCode::config, where("totaal"), kp("totaal"),
                      "give either 'tarief' or 'totaal' for sleutel vast_plus_inwoner, not both",
                      "tarief: an amount per inwoner; totaal: the whole bijdrage, of which what is left after the "
                      "fixed parts is divided in proportion to inwoners");
            if (vaste) unused("vaste_bedragen", "vaste_bedragen");
            break;
        case Sleutel::vaste_bedragen:
            if (!totaal) missing("totaal", "the whole bijdrage, e.g. 237000.00");
            if (!vaste || s_.list("vaste_bedragen").empty())
                missing("vaste_bedragen", "a list of {gemeente: CBS code, bedrag: euros}");
            if (tarief) unused("tarief", "per_inwoner or vast_plus_inwoner");
            if (vast) unused("vast_per_gemeente", "vast_plus_inwoner");
            break;
    }
    // Indexatie works on the tarief only.
    const bool uses_tarief = sleutel == Sleutel::per_inwoner || (sleutel == Sleutel::vast_plus_inwoner && !totaal);
    if (!uses_tarief) {
        const std::string users = "per_inwoner, or vast_plus_inwoner with tarief (indexatie applies to the tarief)";
        if (index) unused("indexatie", users);
        if (basis) unused("basisjaar", users);
    }
    if (given("afrekening_bron") && !given("afrekening_resultaat"))
        error(ExitCode::config, where("afrekening_bron"), kp("afrekening_bron"),
              "'afrekening_bron' without 'afrekening_resultaat'", "add the resultaat to settle, or remove the bron");
    if (tarief) r.tarief = s_.money("tarief");
    if (totaal) r.totaal = s_.money("totaal");
    if (vast) r.vast_per_gemeente = s_.money("vast_per_gemeente");
}

void Reader::read_vaste_bedragen(Regeling &r) {
    if (!s_.has("vaste_bedragen")) return;
    const auto &list = s_.list("vaste_bedragen");
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Settings &item = list[i];
        if (!item.has("gemeente") || !item.has("bedrag")) continue;  // reported by the host
        const std::string path = kp("vaste_bedragen[" + std::to_string(i) + "]");
        const std::string code = item.text("gemeente");
        // A gemeente of the region in the boekjaar: checked by the host (type GEMEENTE).
        bool ok = region_.find(code) != nullptr;
        auto [it, fresh] = seen.emplace(code, i);
        if (!fresh) {
            ok = false;
            error(ExitCode::config, item.where("gemeente"), path + ".gemeente",
                  "gemeente " + code + " has two vaste bedragen",
                  "first given as vaste_bedragen[" + std::to_string(it->second) + "]");
        }
        if (ok) r.vaste_bedragen.push_back({code, item.money("bedrag")});
    }
}

void Reader::read_indexatie(Regeling &r) {
    if (given("basisjaar")) r.basisjaar = static_cast<int>(s_.integer("basisjaar"));
    if (!given("indexatie")) return;
    const auto &list = s_.list("indexatie");
    if (!r.basisjaar) {
        error(ExitCode::config, where("indexatie"), kp("basisjaar"),
              "indexatie needs 'basisjaar': the year whose tarief `tarief` is",
              "e.g. basisjaar: " + std::to_string(region_.boekjaar));
        return;
    }
    if (*r.basisjaar > region_.boekjaar)
        error(
            ExitCode::data, where("basisjaar"), kp("basisjaar"),
            "basisjaar " + std::to_string(*r.basisjaar) + " is after the boekjaar " + std::to_string(region_.boekjaar),
            "the tarief is indexed forward from basisjaar up to the boekjaar");
    std::map<std::int64_t, std::size_t> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Settings &item = list[i];
        if (!item.has("jaar") || !item.has("percentage")) continue;  // reported by the host
        const std::string path = kp("indexatie[" + std::to_string(i) + "]");
        const std::int64_t jaar = item.integer("jaar");
        auto [it, fresh] = seen.emplace(jaar, i);
        if (!fresh) {
            error(ExitCode::config, item.where("jaar"), path + ".jaar",
                  "jaar " + std::to_string(jaar) + " is indexed twice",
                  "first given as indexatie[" + std::to_string(it->second) + "]");
            continue;
        }
        if (jaar <= *r.basisjaar) {
            error(ExitCode::data, item.where("jaar"), path + ".jaar",
                  "jaar " + std::to_string(jaar) + " is not after basisjaar " + std::to_string(*r.basisjaar),
                  "the tarief is the tarief of basisjaar; indexation starts the year after");
            continue;
        }
        r.indexatie.push_back({static_cast<int>(jaar), item.percentage_ppm("percentage")});
    }
    std::sort(r.indexatie.begin(), r.indexatie.end(),
              [](const Indexatie &a, const Indexatie &b) { return a.jaar < b.jaar; });
    for (int y = *r.basisjaar + 1; y <= region_.boekjaar; ++y)
        if (!seen.count(y))
            diag_.warning(where("indexatie"), kp("indexatie"),
                          "no indexatie for " + std::to_string(y) + ": the tarief stays the same that year",
                          "add {jaar: " + std::to_string(y) + ", percentage: 0} to say so explicitly");
}

void Reader::check_whole_euros(const Regeling &r) {
    if (r.afronding != Afronding::euro) return;
    auto check = [&](const SourceLocation &w, const std::string &path, const std::string &what, Money m) {
        if (m.in_cents() % 100 != 0)
            error(ExitCode::data, w, path,
                  what + " " + m.format_nl() + " is not a whole number of euros, while afronding is euro",
                  "round it to whole euros, or use afronding: cent");
    };
    if (r.totaal) check(where("totaal"), kp("totaal"), "totaal", *r.totaal);
    if (r.vast_per_gemeente)
        check(where("vast_per_gemeente"), kp("vast_per_gemeente"), "vast_per_gemeente", *r.vast_per_gemeente);
    if (r.afrekening_resultaat)
        check(where("afrekening_resultaat"), kp("afrekening_resultaat"), "afrekening_resultaat",
              *r.afrekening_resultaat);
    if (s_.has("vaste_bedragen")) {
        const auto &list = s_.list("vaste_bedragen");
        for (std::size_t i = 0; i < list.size(); ++i)
            if (list[i].has("bedrag"))
                check(list[i].where("bedrag"), kp("vaste_bedragen[" + std::to_string(i) + "].bedrag"), "bedrag",
                      list[i].money("bedrag"));
    }
}

/// Figures that cannot be divided: fixed parts above the total, a total but nobody to divide it over.
void Reader::check_figures(const Regeling &r) {
    __int128 inwoners = 0;
    for (const auto &g : region_.gemeenten) inwoners += g.inwoners;
    const std::string n = std::to_string(region_.gemeenten.size());
    auto no_population = [&](const SourceLocation &w, const std::string &path, Money pool, const std::string &over) {
        error(
            ExitCode::data, w, path,
            "there is " + pool.format_nl() + " to divide in proportion to inwoners, but " + over + " have no inwoners",
            "check the inwoners in gemeenten");
    };
    if (has_tarief_part(r) && r.tarief) {
        // inwoners × (indexed) tarief must stay a sensible amount of money.
        try {
            Money t =
                r.indexatie.empty() ? *r.tarief : index_tarief(*r.tarief, *r.basisjaar, region_.boekjaar, r.indexatie);
            // The indexed tarief must stay within the range the tarief itself is declared with.
            const Money max_tarief = *Money::parse(kSettings[0].max_value);
            if (!r.indexatie.empty() && t > max_tarief)
                error(ExitCode::config, where("indexatie"), kp("indexatie"),
                      "the indexed tarief of " + std::to_string(region_.boekjaar) + ", " + t.format_nl() +
                          ", is beyond the tarief's range (€ 0,00 to " + max_tarief.format_nl() + ")",
                      "check the percentages: they compound from basisjaar " + std::to_string(*r.basisjaar));
            if (static_cast<__int128>(t.in_cents()) * inwoners > static_cast<__int128>(1000000000000000LL))
                error(ExitCode::data, where("tarief"), kp("tarief"),
                      "inwoners x tarief " + t.format_nl() + " is more than € 10.000.000.000.000");
        } catch (const std::overflow_error &) {
            error(ExitCode::data, where("indexatie"), kp("indexatie"), "the indexed tarief is too large");
        }
    }
    switch (r.sleutel) {
        case Sleutel::per_inwoner: break;
        case Sleutel::pro_rata:
            if (r.totaal && r.totaal->in_cents() > 0 && inwoners == 0)
                no_population(where("totaal"), kp("totaal"), *r.totaal, "the region's gemeenten");
            break;
        case Sleutel::vast_plus_inwoner:
            if (r.totaal && r.vast_per_gemeente) {
                const __int128 vast = static_cast<__int128>(r.vast_per_gemeente->in_cents()) *
                                      static_cast<__int128>(region_.gemeenten.size());
                if (vast > r.totaal->in_cents()) {
                    error(ExitCode::data, where("vast_per_gemeente"), kp("vast_per_gemeente"),
                          "the fixed parts (" + n + " x " + r.vast_per_gemeente->format_nl() + " = " +
                              Money::cents(static_cast<std::int64_t>(vast)).format_nl() + ") exceed totaal " +
                              r.totaal->format_nl(),
                          "totaal is the whole bijdrage, fixed parts included");
                } else if (vast < r.totaal->in_cents() && inwoners == 0) {
                    no_population(where("totaal"), kp("totaal"),
                                  Money::cents(r.totaal->in_cents() - static_cast<std::int64_t>(vast)),
                                  "the region's gemeenten");
                }
            }
            break;
        case Sleutel::vaste_bedragen: {
            if (!r.totaal) break;
            __int128 vast = 0;
            std::set<std::string> fixed;
            for (const auto &v : r.vaste_bedragen) {
                vast += v.bedrag.in_cents();
                fixed.insert(v.gemeente);
            }
            __int128 others_inwoners = 0;
            std::size_t others = 0;
            for (const auto &g : region_.gemeenten)
                if (!fixed.count(g.code)) {
                    others_inwoners += g.inwoners;
                    ++others;
                }
            if (vast > r.totaal->in_cents()) {
                error(ExitCode::data, where("vaste_bedragen"), kp("vaste_bedragen"),
                      "the vaste bedragen add up to " + Money::cents(static_cast<std::int64_t>(vast)).format_nl() +
                          ", more than totaal " + r.totaal->format_nl(),
                      "totaal is the whole bijdrage, vaste bedragen included");
            } else if (vast < r.totaal->in_cents()) {
                Money rest = Money::cents(r.totaal->in_cents() - static_cast<std::int64_t>(vast));
                if (others == 0)
                    error(ExitCode::data, where("vaste_bedragen"), kp("vaste_bedragen"),
                          "every gemeente has a vast bedrag, but " + rest.format_nl() + " of totaal " +
                              r.totaal->format_nl() + " is left to divide",
                          "make the vaste bedragen add up to totaal, or leave a gemeente out of the list");
                else if (others_inwoners == 0)
                    no_population(where("totaal"), kp("totaal"), rest, "the gemeenten without a vast bedrag");
            }
            break;
        }
    }
}

/// The afrekening needs weights when there is a resultaat.
void Reader::check_afrekening(const Regeling &r) {
    if (!r.afrekening_resultaat || r.afrekening_resultaat->in_cents() == 0) return;
    Berekening b = bereken(region_, r);
    const auto weights = afrekening_weights(region_, b);
    bool any = false;
    for (auto w : weights) any = any || w > 0;
    if (!any)
        error(ExitCode::data, where("afrekening_resultaat"), kp("afrekening_resultaat"),
              "there is a resultaat of " + r.afrekening_resultaat->format_nl() + " to settle, but " +
                  (r.sleutel == Sleutel::per_inwoner || r.sleutel == Sleutel::pro_rata
                       ? std::string("the gemeenten have no inwoners")
                       : std::string("no gemeente paid a voorlopige bijdrage")),
              "the resultaat is divided with the same key as the bijdrage");
    if (any) warn_negative_definitief(r, b);
}

/// Warns when an overschot makes a gemeente's definitieve bijdrage negative: the overschot is then
/// more than the gemeenten paid, which a resultaat from other baten (rijksbijdrage, huur) can do,
/// but which is more often a typo in afrekening_resultaat.
void Reader::warn_negative_definitief(const Regeling &r, const Berekening &b) {
    const auto delen = bereken_afrekening(region_, b);
    std::size_t negative = 0;
    std::string first;
    for (std::size_t i = 0; i < delen.size(); ++i) {
        const Money definitief = b.delen[i].bedrag + delen[i].bedrag;
        if (definitief.in_cents() >= 0) continue;
        if (negative++ == 0)
            first = region_.gemeenten[i].code + " " + region_.gemeenten[i].naam + ": " + definitief.format_nl();
    }
    if (negative == 0) return;
    diag_.warning(where("afrekening_resultaat"), kp("afrekening_resultaat"),
                  "the overschot of " + r.afrekening_resultaat->format_nl() + " is more than " +
                      (negative == 1 ? std::string("one gemeente") : std::to_string(negative) + " gemeenten") +
                      " paid: " + (negative == 1 ? "its" : "their") + " definitieve bijdrage is negative (" + first +
                      (negative > 1 ? ", …" : "") + ")",
                  "the voorlopige bijdragen total " + b.totaal.format_nl() +
                      "; check afrekening_resultaat (positive = overschot, paid back to the gemeenten)");
}

std::optional<Regeling> Reader::read() {
    Regeling r;
    auto sleutel = read_sleutel();
    auto afronding = read_afronding();
    if (sleutel) r.sleutel = *sleutel;
    if (afronding) r.afronding = *afronding;
    if (sleutel) check_keys_for(*sleutel, r);
    if (given("afrekening_resultaat")) r.afrekening_resultaat = s_.money("afrekening_resultaat");
    if (given("afrekening_bron")) r.afrekening_bron = s_.text("afrekening_bron");
    read_vaste_bedragen(r);
    if (sleutel && has_tarief_part(r)) read_indexatie(r);
    check_whole_euros(r);
    if (errors_ > 0) return std::nullopt;
    check_figures(r);
    if (errors_ > 0) return std::nullopt;
    check_afrekening(r);
    if (errors_ > 0) return std::nullopt;
    return r;
}

// ---------------------------------------------------------------------------------------------
// Sheets

/// Columns of the key sheet, by layout.
struct KeyLayout {
    enum class Kind { tarief_only, vast_tarief, divided } kind;
    std::size_t inwoners = 2;
    std::optional<std::size_t> vast, weging, tarief, variabel, aandeel, rest;
    std::size_t bijdrage = 0;
    std::size_t bron = 0;
    std::vector<Column> columns;
};

KeyLayout key_layout(const Berekening &b) {
    const Regeling &r = b.regeling;
    KeyLayout l;
    l.columns = {{"CBS-code", 10}, {"Gemeente", 24}, {"Inwoners", 12}};
    auto add = [&](const std::string &header, double width) {
        l.columns.push_back({header, width});
        return l.columns.size() - 1;
    };
    if (!b.verdeeld && r.sleutel == Sleutel::per_inwoner) {
        l.kind = KeyLayout::Kind::tarief_only;
        l.tarief = add("Tarief per inwoner", 18);
    } else if (!b.verdeeld) {
        l.kind = KeyLayout::Kind::vast_tarief;
        l.vast = add("Vast deel", 16);
        l.tarief = add("Tarief per inwoner", 18);
        l.variabel = add("Variabel deel", 16);
    } else {
        l.kind = KeyLayout::Kind::divided;
        if (r.sleutel == Sleutel::vast_plus_inwoner) l.vast = add("Vast deel", 16);
        if (r.sleutel == Sleutel::vaste_bedragen) {
            l.vast = add("Vast bedrag", 16);
            l.weging = add("Inwoners in verdeling", 20);
        }
        l.aandeel = add("Aandeel afgerond omlaag", 22);
        l.rest = add("Restverdeling", 14);
    }
    l.bijdrage = add("Bijdrage", 16);
    l.bron = add("Bron inwoners", 28);
    return l;
}

/// Parameter rows under the table: label in column B, value in column C, an extra input in D.
struct Params {
    std::size_t first_row = 0;  ///< data row index of the first parameter row
    std::vector<std::vector<Cell>> rows;
    /// Adds a row; returns the absolute reference of its value cell (column C).
    std::string add(const std::string &label, Cell value, Cell extra = Cell()) {
        std::vector<Cell> row = {Cell(), Cell::text(label), std::move(value)};
        if (extra.kind() != Cell::Kind::empty) row.push_back(std::move(extra));
        rows.push_back(std::move(row));
        return abs_ref(first_row + rows.size() - 1, 2);
    }
};

/// The tarief rows (basisjaar and one per indexation step); returns the reference of the tarief of the boekjaar.
std::string add_tarief_params(Params &p, const Berekening &b) {
    if (b.stappen.empty()) return p.add("Tarief per inwoner", Cell::money(b.tarief));
    std::string prev =
        p.add("Tarief " + std::to_string(*b.regeling.basisjaar) + " (basisjaar)", Cell::money(*b.regeling.tarief));
    for (const auto &s : b.stappen) {
        // The percentage is the D cell of this row.
        const std::string pct = "$D$" + std::to_string(p.first_row + p.rows.size() + 2);
        prev = p.add("Tarief " + std::to_string(s.jaar) + " (indexatie)",
                     Cell::formula("ROUND(" + prev + "*(1+" + pct + "),2)", Cell::money(s.tarief)),
                     Cell::percentage_ppm(s.ppm));
    }
    return prev;
}

std::vector<Cell> total_row_start(std::size_t n, std::int64_t inwoners) {
    return {bold(Cell::text("Totaal")), Cell(), sum_cell(n, 2, Cell::integer(inwoners))};
}

void put(std::vector<Cell> &row, std::size_t column, Cell cell) {
    if (row.size() <= column) row.resize(column + 1);
    row[column] = std::move(cell);
}

}  // namespace

// -------------------------------------------------------------------------------------------------

const char *sleutel_name(Sleutel s) {
    for (const auto &k : kSleutels)
        if (k.sleutel == s) return k.name;
    return "?";
}

std::optional<Regeling> read_regeling(const Settings &settings, const Region &region, Diagnostics &diag,
                                      const std::string &key_prefix) {
    return Reader(settings, region, diag, key_prefix).read();
}

std::int64_t round_half_away(__int128 num, std::int64_t den) {
    if (den <= 0) throw std::invalid_argument("round_half_away: denominator must be positive");
    __int128 q = num / den;
    __int128 r = num % den;
    if (r < 0) r = -r;
    if (2 * r >= den) q += num < 0 ? -1 : 1;
    if (q > std::numeric_limits<std::int64_t>::max() || q < std::numeric_limits<std::int64_t>::min())
        throw std::overflow_error("round_half_away: result does not fit");
    return static_cast<std::int64_t>(q);
}

Money index_tarief(Money basis, int basisjaar, int boekjaar, std::vector<Indexatie> indexatie,
                   std::vector<IndexStap> *steps) {
    std::stable_sort(indexatie.begin(), indexatie.end(),
                     [](const Indexatie &a, const Indexatie &b) { return a.jaar < b.jaar; });
    std::int64_t t = basis.in_cents();
    for (const auto &ix : indexatie) {
        if (ix.jaar <= basisjaar || ix.jaar > boekjaar) continue;
        t = round_half_away(static_cast<__int128>(t) * (1000000 + ix.ppm), 1000000);
        if (t > 1000000000000000LL || t < -1000000000000000LL) throw std::overflow_error("indexed tarief too large");
        if (steps) steps->push_back({ix.jaar, ix.ppm, Money::cents(t)});
    }
    return Money::cents(t);
}

Berekening bereken(const Region &region, const Regeling &r) {
    Berekening b;
    b.regeling = r;
    const std::size_t n = region.gemeenten.size();
    b.delen.resize(n);
    const std::int64_t unit = r.unit_cents();
    if (r.tarief)
        b.tarief = r.indexatie.empty() ? *r.tarief
                                       : index_tarief(*r.tarief, r.basisjaar.value_or(region.boekjaar), region.boekjaar,
                                                      r.indexatie, &b.stappen);

    auto divide = [&](Money total, const std::vector<std::int64_t> &weights) {
        b.verdeeld = true;
        b.te_verdelen = total;
        b.weging_totaal = 0;
        for (std::size_t i = 0; i < n; ++i) {
            b.delen[i].weging = weights[i];
            b.weging_totaal += weights[i];
        }
        if (total.in_cents() < 0) throw std::invalid_argument("the total to divide is negative");
        if (total.in_cents() == 0) return;  // nothing to divide, even when nobody has inwoners
        if (b.weging_totaal == 0) throw std::invalid_argument("a total to divide, but every weight is zero");
        const auto parts = allocate_largest_remainder(total, weights, unit);
        for (std::size_t i = 0; i < n; ++i) {
            b.delen[i].rest = Money::cents(parts[i].received_remainder ? unit : 0);
            b.delen[i].aandeel = parts[i].amount - b.delen[i].rest;
        }
    };
    std::vector<std::int64_t> inwoners(n);
    for (std::size_t i = 0; i < n; ++i) inwoners[i] = region.gemeenten[i].inwoners;

    auto tarief_part = [&]() {
        if (r.afronding == Afronding::cent) {
            for (std::size_t i = 0; i < n; ++i) b.delen[i].variabel_exact = multiply(b.tarief, inwoners[i]);
            return;
        }
        Money exact;
        for (std::size_t i = 0; i < n; ++i) exact += multiply(b.tarief, inwoners[i]);
        b.variabel_exact_totaal = exact;
        divide(Money::cents(round_half_away(exact.in_cents(), 100) * 100), inwoners);
    };

    switch (r.sleutel) {
        case Sleutel::per_inwoner:
            if (!r.tarief) throw std::invalid_argument("sleutel per_inwoner needs a tarief");
            tarief_part();
            break;
        case Sleutel::pro_rata:
            if (!r.totaal) throw std::invalid_argument("sleutel pro_rata needs a totaal");
            divide(*r.totaal, inwoners);
            break;
        case Sleutel::vast_plus_inwoner: {
            if (!r.vast_per_gemeente) throw std::invalid_argument("sleutel vast_plus_inwoner needs vast_per_gemeente");
            for (auto &d : b.delen) d.vast = *r.vast_per_gemeente;
            if (r.tarief) {
                tarief_part();
            } else if (r.totaal) {
                const Money vast = multiply(*r.vast_per_gemeente, static_cast<std::int64_t>(n));
                if (vast > *r.totaal) throw std::invalid_argument("the fixed parts exceed the totaal");
                divide(*r.totaal - vast, inwoners);
            } else {
                throw std::invalid_argument("sleutel vast_plus_inwoner needs a tarief or a totaal");
            }
            break;
        }
        case Sleutel::vaste_bedragen: {
            if (!r.totaal) throw std::invalid_argument("sleutel vaste_bedragen needs a totaal");
            Money vast;
            std::vector<std::int64_t> weights = inwoners;
            for (const auto &v : r.vaste_bedragen) {
                bool found = false;
                for (std::size_t i = 0; i < n; ++i)
                    if (region.gemeenten[i].code == v.gemeente) {
                        if (b.delen[i].vast_bedrag) throw std::invalid_argument("gemeente " + v.gemeente + " twice");
                        b.delen[i].vast = v.bedrag;
                        b.delen[i].vast_bedrag = true;
                        weights[i] = 0;
                        found = true;
                    }
                if (!found) throw std::invalid_argument("gemeente " + v.gemeente + " is not in the region");
                vast += v.bedrag;
            }
            if (vast > *r.totaal) throw std::invalid_argument("the vaste bedragen exceed the totaal");
            divide(*r.totaal - vast, weights);
            break;
        }
    }
    for (auto &d : b.delen) {
        d.bedrag = d.vast + d.variabel_exact + d.aandeel + d.rest;
        b.totaal += d.bedrag;
    }
    return b;
}

std::vector<ContributionLine> describe_lines(const Region &region, const Berekening &b) {
    const Regeling &r = b.regeling;
    const bool plain = r.sleutel == Sleutel::per_inwoner && r.afronding == Afronding::cent;
    std::vector<ContributionLine> lines;
    lines.reserve(region.gemeenten.size());
    for (std::size_t i = 0; i < region.gemeenten.size(); ++i) {
        const Gemeente &g = region.gemeenten[i];
        const Deel &d = b.delen[i];
        ContributionLine line;
        line.source = kSource;
        line.payer_id = g.code;
        line.payer = g.naam;
        line.amount = d.bedrag;
        if (plain) {
            // inwoners × tarief: the original form (Zeeland), unchanged.
            line.basis = inwoners_text(region, g) + " × " + tarief_text(b);
            line.input("inwoners", g.inwoners).input("tarief_cents", b.tarief.in_cents());
            line.input_text("peildatum", region.peildatum.iso());
        } else {
            line.input_text("sleutel", sleutel_name(r.sleutel));
            line.input("inwoners", g.inwoners);
            line.input_text("peildatum", region.peildatum.iso());
            std::string basis;
            std::string divided;  // the explanation of the divided part
            if (b.verdeeld && !d.vast_bedrag) {
                divided = "aandeel " + format_integer_nl(d.weging) + "/" + format_integer_nl(b.weging_totaal) +
                          " van " + b.te_verdelen.format_nl();
            }
            switch (r.sleutel) {
                case Sleutel::per_inwoner:  // afronding euro
                    basis = inwoners_text(region, g) + " × " + tarief_text(b) + "; totaal " +
                            b.variabel_exact_totaal.format_nl() + " afgerond op hele euro's, " + divided + " = " +
                            share_text(d.aandeel, d.rest);
                    break;
                case Sleutel::pro_rata:
                    basis = inwoners_text(region, g) + ": " + divided + " = " + share_text(d.aandeel, d.rest);
                    break;
                case Sleutel::vast_plus_inwoner:
                    basis = "vast " + d.vast.format_nl() + " + " + inwoners_text(region, g);
                    if (r.tarief && !b.verdeeld)
                        basis += " × " + tarief_text(b) + " = " + d.variabel_exact.format_nl();
                    else if (r.tarief)
                        basis += " × " + tarief_text(b) + "; variabel totaal " + b.variabel_exact_totaal.format_nl() +
                                 " afgerond op hele euro's, " + divided + " = " + share_text(d.aandeel, d.rest);
                    else
                        basis += "; " + divided + " (totaal " + r.totaal->format_nl() + " - " +
                                 std::to_string(region.gemeenten.size()) + " × " + r.vast_per_gemeente->format_nl() +
                                 " vast) = " + share_text(d.aandeel, d.rest);
                    break;
                case Sleutel::vaste_bedragen:
                    if (d.vast_bedrag) {
                        basis = "vast bedrag " + d.vast.format_nl() + " volgens afspraak; " + inwoners_text(region, g);
                    } else {
                        Money vast;
                        for (const auto &v : r.vaste_bedragen) vast += v.bedrag;
                        basis = inwoners_text(region, g) + ": " + divided + " (totaal " + r.totaal->format_nl() +
                                " - vaste bedragen " + vast.format_nl() + ") = " + share_text(d.aandeel, d.rest);
                    }
                    break;
            }
            line.basis = basis;
            line.input_text("afronding", r.afronding == Afronding::euro ? "euro" : "cent");
            if (r.tarief) line.input("tarief_cents", b.tarief.in_cents());
            if (r.totaal) line.input("totaal_cents", r.totaal->in_cents());
            if (r.sleutel == Sleutel::vast_plus_inwoner || d.vast_bedrag) line.input("vast_cents", d.vast.in_cents());
            if (b.verdeeld && !d.vast_bedrag) {
                line.input("te_verdelen_cents", b.te_verdelen.in_cents());
                line.input("inwoners_verdeling", b.weging_totaal);
                line.input("aandeel_cents", d.aandeel.in_cents());
                line.input("restverdeling_cents", d.rest.in_cents());
            }
            if (!b.verdeeld && r.sleutel == Sleutel::vast_plus_inwoner)
                line.input("variabel_cents", d.variabel_exact.in_cents());
        }
        if (!b.stappen.empty()) {
            line.input("tarief_basis_cents", r.tarief->in_cents());
            line.input("basisjaar", *r.basisjaar);
        }
        if (!g.voorgangers.empty()) {
            std::string v;
            for (const auto &c : g.voorgangers) v += (v.empty() ? "" : ",") + c;
            line.input_text("voorgangers", v);
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

Table describe_key_sheet(const Region &region, const Berekening &b) {
    const Regeling &r = b.regeling;
    const std::size_t n = region.gemeenten.size();
    const KeyLayout l = key_layout(b);
    Table t;
    t.name = kSheetName;
    t.autofilter = true;
    t.columns = l.columns;

    std::int64_t inwoners = 0;
    for (const auto &g : region.gemeenten) inwoners += g.inwoners;

    // Parameter rows start two rows under the total row (data row n is the total).
    Params p;
    p.first_row = n + 2;
    std::string tarief_ref, vast_ref, pool_ref;
    const std::string inwoners_total = abs_ref(n, 2);
    if (l.kind == KeyLayout::Kind::tarief_only) {
        if (!b.stappen.empty()) tarief_ref = add_tarief_params(p, b);
    } else if (l.kind == KeyLayout::Kind::vast_tarief) {
        vast_ref = p.add("Vast deel per gemeente", Cell::money(*r.vast_per_gemeente));
        tarief_ref = add_tarief_params(p, b);
    } else {
        switch (r.sleutel) {
            case Sleutel::per_inwoner: {
                tarief_ref = add_tarief_params(p, b);
                std::string exact = p.add("Inwoners × tarief", Cell::formula(tarief_ref + "*" + inwoners_total,
                                                                             Cell::money(b.variabel_exact_totaal)));
                pool_ref = p.add("Te verdelen, afgerond op hele euro's",
                                 Cell::formula("ROUND(" + exact + ",0)", Cell::money(b.te_verdelen)));
                break;
            }
            case Sleutel::pro_rata: pool_ref = p.add("Te verdelen totaal", Cell::money(*r.totaal)); break;
            case Sleutel::vast_plus_inwoner:
                vast_ref = p.add("Vast deel per gemeente", Cell::money(*r.vast_per_gemeente));
                if (r.tarief) {
                    tarief_ref = add_tarief_params(p, b);
                    std::string exact = p.add("Inwoners × tarief", Cell::formula(tarief_ref + "*" + inwoners_total,
                                                                                 Cell::money(b.variabel_exact_totaal)));
                    pool_ref = p.add("Variabel deel, afgerond op hele euro's",
                                     Cell::formula("ROUND(" + exact + ",0)", Cell::money(b.te_verdelen)));
                } else {
                    std::string totaal = p.add("Totaal bijdrage", Cell::money(*r.totaal));
                    pool_ref = p.add("Te verdelen naar inwoners (totaal - vaste delen)",
                                     Cell::formula(totaal + "-" + abs_ref(n, *l.vast), Cell::money(b.te_verdelen)));
                }
                break;
            case Sleutel::vaste_bedragen: {
                std::string totaal = p.add("Totaal bijdrage", Cell::money(*r.totaal));
                pool_ref = p.add("Te verdelen over de overige gemeenten (totaal - vaste bedragen)",
                                 Cell::formula(totaal + "-" + abs_ref(n, *l.vast), Cell::money(b.te_verdelen)));
                break;
            }
        }
    }

    Money sum_vast, sum_variabel, sum_aandeel, sum_rest;
    std::int64_t sum_weging = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Gemeente &g = region.gemeenten[i];
        const Deel &d = b.delen[i];
        std::vector<Cell> row(t.columns.size());
        row[0] = Cell::text(g.code);
        row[1] = Cell::text(g.naam);
        row[2] = Cell::integer(g.inwoners);
        row[l.bron] = Cell::text(g.inwoners_bron);
        if (l.tarief)
            row[*l.tarief] =
                tarief_ref.empty() ? Cell::money(b.tarief) : Cell::formula(tarief_ref, Cell::money(b.tarief));
        if (l.vast) {
            if (r.sleutel == Sleutel::vaste_bedragen)
                row[*l.vast] = d.vast_bedrag ? Cell::money(d.vast) : Cell();
            else
                row[*l.vast] = Cell::formula(vast_ref, Cell::money(d.vast));
        }
        if (l.weging)
            row[*l.weging] =
                d.vast_bedrag ? Cell::integer(0) : Cell::formula(Table::ref(i, 2), Cell::integer(d.weging));
        if (l.variabel)
            row[*l.variabel] =
                Cell::formula(Table::ref(i, 2) + "*" + Table::ref(i, *l.tarief), Cell::money(d.variabel_exact));
        if (l.aandeel) {
            const std::size_t wcol = l.weging ? *l.weging : 2;
            if (b.weging_totaal > 0)
                row[*l.aandeel] = Cell::formula("ROUNDDOWN(" + pool_ref + "*" + Table::ref(i, wcol) + "/" +
                                                    abs_ref(n, wcol) + (r.afronding == Afronding::euro ? ",0)" : ",2)"),
                                                Cell::money(d.aandeel));
            else
                row[*l.aandeel] = Cell::money(d.aandeel);
            row[*l.rest] = Cell::money(d.rest);
        }
        // Bijdrage
        switch (l.kind) {
            case KeyLayout::Kind::tarief_only:
                row[l.bijdrage] =
                    Cell::formula(Table::ref(i, 2) + "*" + Table::ref(i, *l.tarief), Cell::money(d.bedrag));
                break;
            case KeyLayout::Kind::vast_tarief:
                row[l.bijdrage] =
                    Cell::formula(Table::ref(i, *l.vast) + "+" + Table::ref(i, *l.variabel), Cell::money(d.bedrag));
                break;
            case KeyLayout::Kind::divided: {
                std::string f = (l.vast ? Table::ref(i, *l.vast) + "+" : std::string()) + Table::ref(i, *l.aandeel) +
                                "+" + Table::ref(i, *l.rest);
                row[l.bijdrage] = Cell::formula(f, Cell::money(d.bedrag));
                break;
            }
        }
        sum_vast += d.vast;
        sum_variabel += d.variabel_exact;
        sum_aandeel += d.aandeel;
        sum_rest += d.rest;
        sum_weging += d.weging;
        t.rows.push_back(std::move(row));
    }

    std::vector<Cell> total = total_row_start(n, inwoners);
    if (l.vast) put(total, *l.vast, sum_cell(n, *l.vast, Cell::money(sum_vast)));
    if (l.weging) put(total, *l.weging, sum_cell(n, *l.weging, Cell::integer(sum_weging)));
    if (l.variabel) put(total, *l.variabel, sum_cell(n, *l.variabel, Cell::money(sum_variabel)));
    if (l.aandeel) put(total, *l.aandeel, sum_cell(n, *l.aandeel, Cell::money(sum_aandeel)));
    if (l.rest) put(total, *l.rest, sum_cell(n, *l.rest, Cell::money(sum_rest)));
    put(total, l.bijdrage, sum_cell(n, l.bijdrage, Cell::money(b.totaal)));
    t.rows.push_back(std::move(total));

    if (!p.rows.empty()) {
        t.rows.emplace_back();  // blank row between the table and its inputs
        for (auto &row : p.rows) t.rows.push_back(std::move(row));
    }
    return t;
}

std::vector<std::int64_t> afrekening_weights(const Region &region, const Berekening &b) {
    std::vector<std::int64_t> w;
    const bool inwoners = b.regeling.sleutel == Sleutel::per_inwoner || b.regeling.sleutel == Sleutel::pro_rata;
    for (std::size_t i = 0; i < region.gemeenten.size(); ++i)
        w.push_back(inwoners ? region.gemeenten[i].inwoners : b.delen[i].bedrag.in_cents());
    return w;
}

std::vector<AfrekeningDeel> bereken_afrekening(const Region &region, const Berekening &b) {
    const Regeling &r = b.regeling;
    const auto weights = afrekening_weights(region, b);
    std::vector<AfrekeningDeel> delen(weights.size());
    for (std::size_t i = 0; i < weights.size(); ++i) delen[i].weging = weights[i];
    if (!r.afrekening_resultaat || r.afrekening_resultaat->in_cents() == 0) return delen;
    const std::int64_t res = r.afrekening_resultaat->in_cents();
    const Money magnitude = Money::cents(res < 0 ? -res : res);
    std::int64_t total = 0;
    for (auto w : weights) total += w;
    if (weights.empty() || total == 0) throw std::invalid_argument("a resultaat to settle, but every weight is zero");
    const std::int64_t unit = r.unit_cents();
    const auto parts = allocate_largest_remainder(magnitude, weights, unit);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        delen[i].rest = Money::cents(parts[i].received_remainder ? unit : 0);
        delen[i].aandeel = parts[i].amount - delen[i].rest;
        // What the gemeente pays: an overschot comes back (negative), a tekort is paid (positive).
        delen[i].bedrag = res > 0 ? -parts[i].amount : parts[i].amount;
    }
    return delen;
}

std::vector<ContributionLine> describe_afrekening_lines(const Region &region, const Berekening &b,
                                                        const std::vector<AfrekeningDeel> &delen) {
    const Regeling &r = b.regeling;
    const Money res = r.afrekening_resultaat.value_or(Money());
    const bool inwoners = r.sleutel == Sleutel::per_inwoner || r.sleutel == Sleutel::pro_rata;
    std::int64_t total = 0;
    for (const auto &d : delen) total += d.weging;
    const std::string soort = res.in_cents() > 0 ? "overschot" : res.in_cents() < 0 ? "tekort" : "resultaat";
    const Money magnitude = res.in_cents() < 0 ? -res : res;
    std::vector<ContributionLine> lines;
    for (std::size_t i = 0; i < region.gemeenten.size(); ++i) {
        const Gemeente &g = region.gemeenten[i];
        const AfrekeningDeel &d = delen[i];
        const Deel &bij = b.delen[i];
        ContributionLine line;
        line.source = kAfrekeningSource;
        line.payer_id = g.code;
        line.payer = g.naam;
        line.amount = d.bedrag;
        std::string naar = inwoners ? format_integer_nl(d.weging) + "/" + format_integer_nl(total) + " inwoners"
                                    : "voorlopige bijdrage " + Money::cents(d.weging).format_nl() + "/" +
                                          Money::cents(total).format_nl();
        std::string basis = "aandeel in " + soort + " " + magnitude.format_nl() + " naar " + naar + " = " +
                            share_text(d.aandeel, d.rest);
        if (res.in_cents() > 0)
            basis += ", terug";
        else if (res.in_cents() < 0)
            basis += ", bij te betalen";
        basis += "; definitieve bijdrage " + bij.bedrag.format_nl() + " " + (d.bedrag.in_cents() < 0 ? "- " : "+ ") +
                 (d.bedrag.in_cents() < 0 ? -d.bedrag : d.bedrag).format_nl() + " = " +
                 (bij.bedrag + d.bedrag).format_nl();
        if (!r.afrekening_bron.empty()) basis += " (" + r.afrekening_bron + ")";
        line.basis = basis;
        line.input_text("sleutel", sleutel_name(r.sleutel));
        line.input("resultaat_cents", res.in_cents());
        line.input_text("weging_soort", inwoners ? "inwoners" : "voorlopige_bijdrage_cents");
        line.input("weging", d.weging);
        line.input("weging_totaal", total);
        line.input("aandeel_cents", d.aandeel.in_cents());
        line.input("restverdeling_cents", d.rest.in_cents());
        line.input("voorlopige_bijdrage_cents", bij.bedrag.in_cents());
        line.input("definitieve_bijdrage_cents", (bij.bedrag + d.bedrag).in_cents());
        if (!r.afrekening_bron.empty()) line.input_text("bron", r.afrekening_bron);
        lines.push_back(std::move(line));
    }
    return lines;
}

Table describe_afrekening_sheet(const Region &region, const Berekening &b, const std::vector<AfrekeningDeel> &delen) {
    const Regeling &r = b.regeling;
    const std::size_t n = region.gemeenten.size();
    const bool inwoners = r.sleutel == Sleutel::per_inwoner || r.sleutel == Sleutel::pro_rata;
    const KeyLayout key = key_layout(b);
    const Money res = r.afrekening_resultaat.value_or(Money());
    Table t;
    t.name = kAfrekeningSheetName;
    t.autofilter = true;
    t.columns = {{"CBS-code", 10},
                 {"Gemeente", 24},
                 {inwoners ? "Weging: inwoners" : "Weging: voorlopige bijdrage", 18},
                 {"Aandeel afgerond omlaag", 22},
                 {"Restverdeling", 14},
                 {"Aandeel in resultaat", 20},
                 {"Voorlopige bijdrage", 20},
                 {"Afrekening (- = terug)", 22},
                 {"Definitieve bijdrage", 20}};
    Params p;
    p.first_row = n + 2;
    const std::string res_ref = p.add("Resultaat (+ overschot, - tekort)", Cell::money(res),
                                      r.afrekening_bron.empty() ? Cell() : Cell::text(r.afrekening_bron));
    const Money magnitude = res.in_cents() < 0 ? -res : res;
    const std::string pool_ref = p.add("Te verdelen", Cell::formula("ABS(" + res_ref + ")", Cell::money(magnitude)));

    std::int64_t weging_total = 0;
    for (const auto &d : delen) weging_total += d.weging;
    const std::string unit_digits = r.afronding == Afronding::euro ? ",0)" : ",2)";
    Money sum_aandeel, sum_rest, sum_voorlopig, sum_afrekening;
    for (std::size_t i = 0; i < n; ++i) {
        const Gemeente &g = region.gemeenten[i];
        const AfrekeningDeel &d = delen[i];
        const Money voorlopig = b.delen[i].bedrag;
        std::vector<Cell> row;
        row.push_back(Cell::text(g.code));
        row.push_back(Cell::text(g.naam));
        row.push_back(inwoners ? Cell::integer(d.weging)
                               : Cell::formula(Table::ref(i, 6), Cell::money(Money::cents(d.weging))));
        if (weging_total > 0)
            row.push_back(
                Cell::formula("ROUNDDOWN(" + pool_ref + "*" + Table::ref(i, 2) + "/" + abs_ref(n, 2) + unit_digits,
                              Cell::money(d.aandeel)));
        else
            row.push_back(Cell::money(d.aandeel));
        row.push_back(Cell::money(d.rest));
        const Money share = d.aandeel + d.rest;
        row.push_back(Cell::formula(Table::ref(i, 3) + "+" + Table::ref(i, 4), Cell::money(share)));
        row.push_back(
            Cell::formula("'" + std::string(kSheetName) + "'!" + Table::ref(i, key.bijdrage), Cell::money(voorlopig)));
        row.push_back(Cell::formula("-SIGN(" + res_ref + ")*" + Table::ref(i, 5), Cell::money(d.bedrag)));
        row.push_back(Cell::formula(Table::ref(i, 6) + "+" + Table::ref(i, 7), Cell::money(voorlopig + d.bedrag)));
        sum_aandeel += d.aandeel;
        sum_rest += d.rest;
        sum_voorlopig += voorlopig;
        sum_afrekening += d.bedrag;
        t.rows.push_back(std::move(row));
    }
    std::vector<Cell> total = {
        bold(Cell::text("Totaal")),
        Cell(),
        sum_cell(n, 2, inwoners ? Cell::integer(weging_total) : Cell::money(Money::cents(weging_total))),
        sum_cell(n, 3, Cell::money(sum_aandeel)),
        sum_cell(n, 4, Cell::money(sum_rest)),
        sum_cell(n, 5, Cell::money(sum_aandeel + sum_rest)),
        sum_cell(n, 6, Cell::money(sum_voorlopig)),
        sum_cell(n, 7, Cell::money(sum_afrekening)),
        sum_cell(n, 8, Cell::money(sum_voorlopig + sum_afrekening))};
    t.rows.push_back(std::move(total));
    t.rows.emplace_back();
    for (auto &row : p.rows) t.rows.push_back(std::move(row));
    return t;
}

std::vector<ContributionLine> compute_lines(const Region &region, Money tarief) {
    Regeling r;
    r.tarief = tarief;
    return describe_lines(region, bereken(region, r));
}

Table describe_sheet(const Region &region, Money tarief, const std::vector<ContributionLine> &lines) {
    if (lines.size() != region.gemeenten.size())
        throw std::invalid_argument("describe_sheet: one line per gemeente expected");
    Regeling r;
    r.tarief = tarief;
    Berekening b;
    b.regeling = r;
    b.tarief = tarief;
    b.delen.resize(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        b.delen[i].variabel_exact = lines[i].amount;
        b.delen[i].bedrag = lines[i].amount;
        b.totaal += lines[i].amount;
    }
    return describe_key_sheet(region, b);
}

void InwonerbijdragePlugin::compute(ComputeContext &ctx) {
    const Region &region = ctx.region();
    std::optional<Regeling> regeling = read_regeling(ctx.settings(), region, ctx.diagnostics(), ctx.key_path());
    if (!regeling) return;
    const Berekening b = bereken(region, *regeling);
    std::vector<ContributionLine> lines = describe_lines(region, b);
    Table sheet = describe_key_sheet(region, b);
    for (auto &l : lines) ctx.add_line(std::move(l));
    ctx.add_sheet(std::move(sheet));
    if (regeling->afrekening_resultaat) {
        const auto delen = bereken_afrekening(region, b);
        std::vector<ContributionLine> afrekening = describe_afrekening_lines(region, b, delen);
        Table afrekening_sheet = describe_afrekening_sheet(region, b, delen);
        for (auto &l : afrekening) ctx.add_line(std::move(l));
        ctx.add_sheet(std::move(afrekening_sheet));
    }
}

}  // namespace vhh::inwonerbijdrage
