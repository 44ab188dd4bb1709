// How the workspace shows a date ("31 maart 2013") and a moment the store recorded (UTC, "2026-12-06T13:05:00Z"): in Dutch, in
// the time of the Netherlands ("6 december 2026 14:05"): CET (UTC+1), and CEST (UTC+2) from the
// last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC (the EU's summer time).
#pragma once

#include <string>

#include "vhh/date.h"

namespace vhh::host::web {

/// `utc` ("YYYY-MM-DDTHH:MM:SSZ") as Dutch time in words, "6 december 2026 14:05"; a text that is
/// not such a moment is returned as it is.
std::string dutch_timestamp(const std::string &utc);

/// A date as the workspace shows it, in words: "31 maart 2013" (Date::nl(), "31-3-2013", stays what
/// the documents print).
std::string dutch_date(const Date &d);

/// An ISO date ("2013-03-31") as dutch_date; a text that is no such date is returned as it is.
std::string dutch_date_of(const std::string &iso);

}  // namespace vhh::host::web
