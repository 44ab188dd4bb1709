// Calendar dates without time zones (peildatum, boekjaar boundaries, werkplek periods).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vhh {

/// A calendar date (proleptic Gregorian), compared field by field.
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    /// Parses ISO "yyyy-mm-dd"; nothing for text that is not a valid date.
    static std::optional<Date> parse_iso(std::string_view text);
    /// Parses Dutch "dd-mm-jjjj"; nothing for text that is not a valid date.
    static std::optional<Date> parse_nl(std::string_view text);
    /// True for a real calendar date (month 1-12, day within the month).
    bool valid() const;
    /// "2013-01-01".
    std::string iso() const;
    /// "1-1-2013" as Dutch documents write it.
    std::string nl() const;

    bool operator==(const Date &o) const { return year == o.year && month == o.month && day == o.day; }
    bool operator!=(const Date &o) const { return !(*this == o); }
    bool operator<(const Date &o) const {
        if (year != o.year) return year < o.year;
        if (month != o.month) return month < o.month;
        return day < o.day;
    }
    bool operator<=(const Date &o) const { return !(o < *this); }
};

/// The days of month `month` (1-12) of `year`: 28 to 31, February 29 in a leap year.
int days_in_month(int year, int month);

/// The days of `year`: 365, or 366 in a leap year (proleptic Gregorian).
int days_in_year(int year);

}  // namespace vhh
