#include "pro_rata.h"

#include <stdexcept>

#include "vhh/count_nl.h"

namespace vhh::werkplekhuur {

namespace {

/// The days of month `m` of `y` that [van, tot] covers (an invalid van: from always; tot: open).
int days_covered(const WerkplekPeriode &p, int y, int m) {
    const int last = days_in_month(y, m);
    const Date first_day{y, m, 1}, last_day{y, m, last};
    if (p.van.valid() && last_day < p.van) return 0;
    if (p.tot.valid() && p.tot < first_day) return 0;
    const int from = p.van.valid() && first_day < p.van ? p.van.day : 1;
    const int to = p.tot.valid() && p.tot < last_day ? p.tot.day : last;
    return to - from + 1;
}

bool holds_the_first(const WerkplekPeriode &p, int y, int m) {
    const Date first_day{y, m, 1};
    return (!p.van.valid() || p.van <= first_day) && (!p.tot.valid() || first_day <= p.tot);
}

}  // namespace

const char *const kProRataNames[3] = {"eerste_van_de_maand", "grootste_deel", "dagen"};

ProRata pro_rata_from_name(const std::string &name) {
    for (int i = 0; i < 3; ++i)
        if (name == kProRataNames[i]) return static_cast<ProRata>(i);
    throw std::invalid_argument("pro_rata: unknown rule '" + name + "'");
}

std::string pro_rata_text(ProRata rule) {
    switch (rule) {
        case ProRata::eerste_van_de_maand: return "naar de bezetting op de 1e van de maand";
        case ProRata::grootste_deel: return "naar de bezetting gedurende het grootste deel van de maand";
        case ProRata::dagen: return "naar dagen";
    }
    return {};
}

std::int64_t units_per_year(ProRata rule, int year) {
    return rule == ProRata::dagen ? days_in_year(year) : 12;
}

std::vector<std::int64_t> units_per_period(const std::vector<WerkplekPeriode> &periods, int year, ProRata rule) {
    std::vector<std::int64_t> units(periods.size(), 0);
    for (int m = 1; m <= 12; ++m) {
        const int month_days = days_in_month(year, m);
        // By grootste_deel: the period covering the most days (a tie: the one holding the 1st, else the
        // earlier), against the days no period covers.
        std::size_t best = periods.size();
        int best_days = 0, covered = 0;
        for (std::size_t i = 0; i < periods.size(); ++i) {
            const int days = days_covered(periods[i], year, m);
            if (days == 0) continue;
            covered += days;
            switch (rule) {
                case ProRata::eerste_van_de_maand: units[i] += holds_the_first(periods[i], year, m) ? 1 : 0; break;
                case ProRata::dagen: units[i] += days; break;
                case ProRata::grootste_deel: {
                    const bool better = best == periods.size() || days > best_days ||
                                        (days == best_days && (holds_the_first(periods[i], year, m) ||
                                                               (!holds_the_first(periods[best], year, m) &&
                                                                periods[i].van < periods[best].van)));
                    if (better) {
                        best = i;
                        best_days = days;
                    }
                    break;
                }
            }
        }
        if (rule != ProRata::grootste_deel || best == periods.size()) continue;
        const int without = month_days - covered;  // the days without a period
        const bool period_wins = best_days > without || (best_days == without && holds_the_first(periods[best], year, m));
        if (period_wins) ++units[best];
    }
    return units;
}

std::int64_t period_units(const WerkplekPeriode &period, int year, ProRata rule) {
    return units_per_period({period}, year, rule).front();
}

std::int64_t werkplek_units(const Partner &partner, int year, ProRata rule) {
    const std::vector<std::int64_t> units = units_per_period(partner.werkplekken, year, rule);
    std::int64_t total = 0;
    for (std::size_t i = 0; i < units.size(); ++i) total += partner.werkplekken[i].aantal * units[i];
    return total;
}

std::string units_text(std::int64_t units, ProRata rule) {
    return rule == ProRata::dagen ? count_nl(units, "werkplek-dag", "werkplek-dagen")
                                  : count_nl(units, "werkplek-maand", "werkplek-maanden");
}

std::string unit_abbreviation(ProRata rule) { return rule == ProRata::dagen ? "dagen" : "mnd"; }

}  // namespace vhh::werkplekhuur
