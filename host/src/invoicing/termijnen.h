// The termijnen of voorschotnota's (jaar, halfjaar, kwartaal, maand): their periods and ids, how a
// year's amount is split over them (largest remainder: the parts add up exactly), due dates, and the
// structured payment reference (betalingskenmerk) of an invoice.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vhh/date.h"

namespace vhh::host::invoicing {

/// One termijn of a year.
struct Termijn {
    std::string id;  ///< "jaar", "H1", "Q3", "M07"
    Date van, tot;   ///< the period it covers (inclusive)
};

/// The termijnen of `jaar` for `kind` (jaar | halfjaar | kwartaal | maand), in order; empty for an
/// unknown kind.
std::vector<Termijn> termijnen_of(const std::string &kind, int jaar);

/// `total` split over `parts` parts that add up to it exactly: every part total / parts, the cents
/// left over (the largest remainders; equal shares tie, so the earliest parts) one each to the first.
/// A negative total is split as its opposite, negated. `parts` must be at least 1.
std::vector<std::int64_t> split_evenly(std::int64_t total, std::size_t parts);

/// The termijn `text` names among `termijnen`: its id ("Q2", case-insensitive) or its number (1 …
/// n); nullopt when it names none.
std::optional<std::size_t> find_termijn(const std::string &text, const std::vector<Termijn> &termijnen);

/// `d` plus `days` days (the proleptic Gregorian calendar).
Date add_days(const Date &d, int days);

/// Today's date in UTC (the default date of a credit note, a correction, the debiteurenstand).
Date today_utc();

/// The betalingskenmerk of invoice `volgnr` of `jaar`: 16 digits, a check digit and 15 digits
/// (the year, then the volgnr, zero-padded), the check digit by the weighted modulus-11 rule of the
/// Dutch structured payment reference (weights 2, 4, 8, 5, 10, 9, 7, 3, 6, 1, 2, 4, 8, 5, 10 from the
/// right; 11 − sum mod 11, 10 → 1, 11 → 0).
std::string betalingskenmerk(int jaar, std::int64_t volgnr);

}  // namespace vhh::host::invoicing
