#include "invoicing/termijnen.h"

#include <cctype>
#include <cstdio>
#include <ctime>

namespace vhh::host::invoicing {

namespace {

std::string two(int n) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", n);
    return buf;
}

}  // namespace

std::vector<Termijn> termijnen_of(const std::string &kind, int jaar) {
    int months = 0;
    if (kind == "jaar") months = 12;
    else if (kind == "halfjaar") months = 6;
    else if (kind == "kwartaal") months = 3;
    else if (kind == "maand") months = 1;
    else return {};
    std::vector<Termijn> out;
    for (int first = 1, n = 1; first <= 12; first += months, ++n) {
        const int last = first + months - 1;
        std::string id = months == 12 ? "jaar" : months == 6 ? "H" + std::to_string(n)
                                              : months == 3 ? "Q" + std::to_string(n)
                                                            : "M" + two(n);
        out.push_back({id, Date{jaar, first, 1}, Date{jaar, last, days_in_month(jaar, last)}});
    }
    return out;
}

std::vector<std::int64_t> split_evenly(std::int64_t total, std::size_t parts) {
    if (total < 0) {
        std::vector<std::int64_t> out = split_evenly(-total, parts);
        for (auto &p : out) p = -p;
        return out;
    }
    const auto n = static_cast<std::int64_t>(parts);
    std::vector<std::int64_t> out(parts, total / n);
    const std::int64_t left = total % n;  // the remainders are equal: the first `left` parts get a cent
    for (std::int64_t i = 0; i < left; ++i) out[static_cast<std::size_t>(i)] += 1;
    return out;
}

std::optional<std::size_t> find_termijn(const std::string &text, const std::vector<Termijn> &termijnen) {
    std::string upper;
    for (unsigned char c : text) upper += static_cast<char>(std::toupper(c));
    for (std::size_t i = 0; i < termijnen.size(); ++i) {
        std::string id;
        for (unsigned char c : termijnen[i].id) id += static_cast<char>(std::toupper(c));
        if (upper == id || upper == std::to_string(i + 1)) return i;
    }
    return std::nullopt;
}

Date today_utc() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

Date add_days(const Date &d, int days) {
    Date out = d;
    for (; days > 0; --days) {
        if (++out.day > days_in_month(out.year, out.month)) {
            out.day = 1;
            if (++out.month > 12) {
                out.month = 1;
                ++out.year;
            }
        }
    }
    return out;
}

std::string betalingskenmerk(int jaar, std::int64_t volgnr) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%04d%011lld", jaar % 10000, static_cast<long long>(volgnr % 100000000000LL));
    static const int kWeights[] = {2, 4, 8, 5, 10, 9, 7, 3, 6, 1, 2, 4, 8, 5, 10};
    int sum = 0;
    for (int i = 0; i < 15; ++i) sum += (digits[14 - i] - '0') * kWeights[i];
    int check = 11 - sum % 11;
    if (check == 10) check = 1;
    if (check == 11) check = 0;
    return std::to_string(check) + digits;
}

}  // namespace vhh::host::invoicing
