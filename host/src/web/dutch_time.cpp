#include "web/dutch_time.h"

#include <cstdio>
#include <ctime>

namespace vhh::host::web {

namespace {

const char *const kMaanden[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                "juli",    "augustus", "september", "oktober", "november", "december"};

/// 01:00 UTC on the last Sunday of `month` (1-12, a month of 31 days) of `year`.
std::time_t last_sunday_0100(int year, int month) {
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = 31;
    tm.tm_hour = 1;
    std::time_t t = timegm(&tm);
    std::tm back{};
    gmtime_r(&t, &back);
    return t - static_cast<std::time_t>(back.tm_wday) * 86400;
}

}  // namespace

std::string dutch_timestamp(const std::string &utc) {
    int y, mo, d, h, mi, s;
    char z = 0;
    if (utc.size() != 20 || std::sscanf(utc.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &z) != 7 ||
        z != 'Z' || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
        return utc;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    const std::time_t t = timegm(&tm);
    const bool zomer = t >= last_sunday_0100(y, 3) && t < last_sunday_0100(y, 10);
    const std::time_t local = t + (zomer ? 2 : 1) * 3600;
    std::tm nl{};
    gmtime_r(&local, &nl);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%d %s %d %02d:%02d", nl.tm_mday, kMaanden[nl.tm_mon], nl.tm_year + 1900, nl.tm_hour,
                  nl.tm_min);
    return buf;
}

std::string dutch_date(const Date &d) {
    if (d.month < 1 || d.month > 12) return d.nl();
    return std::to_string(d.day) + " " + kMaanden[d.month - 1] + " " + std::to_string(d.year);
}

std::string dutch_date_of(const std::string &iso) {
    const auto d = Date::parse_iso(iso);
    return d ? dutch_date(*d) : iso;
}

}  // namespace vhh::host::web
