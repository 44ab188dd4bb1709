#include "vhh/partner.h"

namespace vhh {

bool Partner::active_in(int year) const {
    if (actief_van.valid() && actief_van.year > year) return false;
    if (actief_tot.valid() && actief_tot.year < year) return false;
    return true;
}

int whole_months_in_year(const Date &van, const Date &tot, int year) {
    int months = 0;
    for (int m = 1; m <= 12; ++m) {
        Date first{year, m, 1};
        Date last{year, m, days_in_month(year, m)};
        bool starts_in_time = !van.valid() || van <= first;
        bool lasts = !tot.valid() || last <= tot;
        if (starts_in_time && lasts) ++months;
    }
    return months;
}

int months_in_force_on_the_first(const Date &van, const Date &tot, int year) {
    int months = 0;
    for (int m = 1; m <= 12; ++m) {
        const Date first{year, m, 1};
        if ((!van.valid() || van <= first) && (!tot.valid() || first <= tot)) ++months;
    }
    return months;
}

std::int64_t werkplek_maanden(const Partner &partner, int year) {
    std::int64_t total = 0;
    for (const auto &p : partner.werkplekken) total += p.aantal * months_in_force_on_the_first(p.van, p.tot, year);
    return total;
}

}  // namespace vhh
