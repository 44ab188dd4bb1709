// The pro-rata rules of werkplekhuur: how much of a boekjaar a werkplek period counts for when it
// starts or ends in the middle of a month. Regelingen use one of three (the setting `pro_rata`):
//   - eerste_van_de_maand: a month counts in full for the werkplekken in use on its 1st
//     (vhh::werkplek_maanden; the default);
//   - grootste_deel: a month counts in full for what held the larger part of it: the period (or the
//     days without one) covering the most of its days; a tie goes to what held the 1st, else to
//     the earlier period;
//   - dagen: by days: werkplek-dagen over the days of the boekjaar (365 or 366).
// A change of werkplekken on 15 March (one period ending 14 March, the next starting 15 March)
// bills March once by every rule: to the first period by the 1st, to the second by the larger part,
// and split by days.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vhh/partner.h"

namespace vhh::werkplekhuur {

/// A pro-rata rule (see the file comment).
enum class ProRata { eerste_van_de_maand, grootste_deel, dagen };

/// The rules as the setting `pro_rata` names them, in the enum's order.
extern const char *const kProRataNames[3];

/// The rule named `name` (one of kProRataNames; the host has checked the choice). Throws
/// std::invalid_argument for another name.
ProRata pro_rata_from_name(const std::string &name);

/// How the basis and the sheet name the rule, e.g. "naar de bezetting op de 1e van de maand".
std::string pro_rata_text(ProRata rule);

/// The units a year has by the rule: 12 (months) or the days of `year` (365 or 366).
std::int64_t units_per_year(ProRata rule, int year);

/// The units (months or days) of `year` that one werkplek of each of `periods` (one partner's,
/// not overlapping) counts for by the rule, in their order. By grootste_deel a month goes to at most
/// one of them, so the answer depends on all of them.
std::vector<std::int64_t> units_per_period(const std::vector<WerkplekPeriode> &periods, int year, ProRata rule);

/// The units of `year` that one werkplek of `period` counts for when it is a partner's only period.
std::int64_t period_units(const WerkplekPeriode &period, int year, ProRata rule);

/// A partner's werkplek-units in `year` by the rule: Σ aantal × period_units.
std::int64_t werkplek_units(const Partner &partner, int year, ProRata rule);

/// The unit counted, e.g. "1 werkplek-maand", "292 werkplek-dagen" (Dutch thousands separator).
std::string units_text(std::int64_t units, ProRata rule);

/// The short unit after a count in the basis: "mnd" or "dagen".
std::string unit_abbreviation(ProRata rule);

}  // namespace vhh::werkplekhuur
