// Synthetic ledger exports for the benchmarks, in the layouts tools/gen-national writes: the
// standard Dutch export (';', dd-mm-jjjj, 1.234,56) and the Debet/Credit export (',', ISO dates).
// Deterministic (a fixed linear congruential generator), so every run benchmarks the same bytes.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace vhh::bench {

/// Accounts of the standard layout: kostenplaats, grootboekrekening, omschrijving.
struct Account {
    const char *kostenplaats;
    const char *rekening;
    const char *omschrijving;
};

inline constexpr Account kAccounts[] = {
    {"110", "4000", "Salaris directeur"},       {"110", "4010", "Sociale lasten directeur"},
    {"120", "4000", "Salaris procesregisseurs"}, {"120", "4010", "Sociale lasten procesregie"},
    {"130", "4000", "Salaris administratie"},   {"110", "4090", "Opleiding"},
    {"200", "4200", "Huur; bedrijfsverzamelgebouw"}, {"200", "4210", "Energie"},
    {"300", "4300", "Licenties casusregistratie"}, {"400", "4400", "Project informatieplein"},
    {"900", "4900", "Accountantscontrole"},     {"800", "8100", "Bijdrage derden"},
};
inline constexpr int kAccountCount = sizeof kAccounts / sizeof kAccounts[0];

/// A small deterministic random generator (Knuth's MMIX LCG).
class Lcg {
public:
    explicit Lcg(std::uint64_t seed) : state_(seed) {}
    std::uint32_t next() {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state_ >> 33);
    }

private:
    std::uint64_t state_;
};

/// Cents in Dutch notation: 123456 -> "1.234,56".
inline std::string amount_nl(std::int64_t cents) {
    const bool negative = cents < 0;
    if (negative) cents = -cents;
    std::string whole = std::to_string(cents / 100);
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += '.';
        grouped += whole[i];
    }
    char frac[4];
    std::snprintf(frac, sizeof frac, "%02d", static_cast<int>(cents % 100));
    return (negative ? "-" : "") + grouped + "," + frac;
}

/// A standard-layout export (importer.csv-nl defaults) of `lines` lines in `year`.
inline std::string ledger_csv_nl(int lines, int year = 2024) {
    Lcg rng(42);
    std::string out = "Boekstuk;Datum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag\n";
    out.reserve(static_cast<std::size_t>(lines) * 80);
    char buf[256];
    for (int i = 0; i < lines; ++i) {
        const Account &a = kAccounts[i % kAccountCount];
        const int month = 1 + static_cast<int>(rng.next() % 12), day = 1 + static_cast<int>(rng.next() % 28);
        std::int64_t cents = 100 + rng.next() % 2'000'000;
        if (i % 97 == 13) cents = -cents / 5;
        const bool quote = std::string(a.omschrijving).find(';') != std::string::npos;
        std::snprintf(buf, sizeof buf, "%d-%06d;%02d-%02d-%d;%s;%s;%s%s %d/12%s;%s\n", year, i + 1, day, month, year,
                      a.kostenplaats, a.rekening, quote ? "\"" : "", a.omschrijving, month, quote ? "\"" : "",
                      amount_nl(cents).c_str());
        out += buf;
    }
    return out;
}

/// A Debet/Credit export (importer.debet-credit defaults) of `lines` lines in `year`.
inline std::string ledger_debet_credit(int lines, int year = 2024) {
    Lcg rng(42);
    std::string out = "Datum,Kostenplaats,Grootboekrekening,Omschrijving,Debet,Credit\n";
    out.reserve(static_cast<std::size_t>(lines) * 70);
    char buf[256];
    for (int i = 0; i < lines; ++i) {
        const Account &a = kAccounts[i % kAccountCount];
        const int month = 1 + static_cast<int>(rng.next() % 12), day = 1 + static_cast<int>(rng.next() % 28);
        const std::int64_t cents = 100 + rng.next() % 2'000'000;
        const bool credit = a.rekening[0] == '8' || i % 97 == 13;
        char amount[32];
        std::snprintf(amount, sizeof amount, "%lld.%02lld", static_cast<long long>(cents / 100),
                      static_cast<long long>(cents % 100));
        std::snprintf(buf, sizeof buf, "%d-%02d-%02d,%s,%s,\"%s %d/12\",%s,%s\n", year, month, day, a.kostenplaats,
                      a.rekening, a.omschrijving, month, credit ? "" : amount, credit ? amount : "");
        out += buf;
    }
    return out;
}

}  // namespace vhh::bench
