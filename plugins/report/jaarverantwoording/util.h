// report.jaarverantwoording — small rules the documents rely on: file-name slugs, V/N marking, the
// variance threshold, the weerstandsvermogen grade, Dutch figures.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "vhh/date.h"
#include "vhh/document.h"
#include "vhh/money.h"

namespace vhh::jaarverantwoording {

/// Days from 1970-01-01 to `d` (proleptic Gregorian; negative before 1970).
std::int64_t days_from_civil(const Date &d);
/// The date `days` days after 1970-01-01.
Date civil_from_days(std::int64_t days);
/// `d` plus `days` (may be negative).
Date add_days(const Date &d, std::int64_t days);
/// Dutch long date: "26 juni 2014".
std::string date_long_nl(const Date &d);

/// A safe file-name part: ASCII lower case letters and digits; common accented Latin letters lose
/// their accent ("é" → "e"); anything else becomes '-'; runs of '-' collapse, no '-' at either end.
/// "Súdwest-Fryslân" → "sudwest-fryslan", "'s-Hertogenbosch" → "s-hertogenbosch". Empty when
/// nothing usable is left.
std::string slug(const std::string &naam);

/// Slugs for gemeenten given as (naam, code) pairs, unique among themselves: an empty slug becomes
/// the lower-cased code, and every slug that occurs more than once gets "-<code>" appended.
std::vector<std::string> unique_slugs(const std::vector<std::pair<std::string, std::string>> &gemeenten);

/// Baten or lasten.
enum class Soort { baten, lasten };

/// "V" (voordelig), "N" (nadelig) or "" for a verschil = realisatie − begroting na wijziging.
/// Lasten: a positive verschil (more spent) is N, a negative one V. Baten: positive V, negative N.
std::string voordelig_nadelig(Soort soort, Money verschil);

/// When a verschil needs a toelichting.
struct Drempel {
    std::int64_t percentage_ppm = 50000;  ///< 5 % (millionths)
    Money bedrag = Money::euros(15000);   ///< € 15.000
    bool beide = true;                    ///< true: both must be exceeded ("en"); false: either ("of")
};

/// True when |verschil| is more than percentage × |begroting| and/or more than bedrag (strictly
/// greater, exact integer arithmetic). With a begroting of 0 every non-zero verschil exceeds the
/// percentage.
bool boven_drempel(Money verschil, Money begroting, const Drempel &drempel);

/// Benodigde weerstandscapaciteit of one risk: bedrag × kans, rounded to the cent (halves up).
Money risico_bedrag(Money bedrag, std::int64_t kans_ppm);

/// Weerstandsvermogen: ratio beschikbaar / benodigd and its grade (the usual scale of the
/// Nederlands Adviesbureau voor Risicomanagement / Universiteit Twente):
///   A  ratio > 2,0         uitstekend
///   B  1,4 < ratio ≤ 2,0   ruim voldoende
///   C  1,0 < ratio ≤ 1,4   voldoende
///   D  0,8 < ratio ≤ 1,0   matig
///   E  0,6 < ratio ≤ 0,8   onvoldoende
///   F  ratio ≤ 0,6         ruim onvoldoende
/// A ratio exactly on a boundary gets the lower grade (prudence: reaching a boundary is not
/// exceeding it). Compared exactly in integers: ratio > t/10 ⇔ 10 × beschikbaar > t × benodigd.
struct Weerstand {
    bool bepaald = false;   ///< false when benodigd is 0 (no risks): no ratio
    std::string ratio;      ///< "1,85" (rounded half up to two decimals, display only) or "n.v.t."
    char klasse = '-';      ///< 'A'..'F', or '-'
    std::string oordeel;    ///< "ruim voldoende", or "n.v.t."
};
Weerstand weerstandsvermogen(Money beschikbaar, Money benodigd);

/// A percentage in millionths with exactly two decimals, rounded half up: 571412 → "57,14 %".
std::string percentage_nl_2(std::int64_t ppm);
/// fte in hundredths as Dutch text: 66 → "0,66", 150 → "1,5", 100 → "1".
std::string fte_nl(std::int64_t hundredths);
/// Parses an fte figure "0.66", "1,5", "2" (at most two decimals, at least 0) into hundredths.
bool parse_fte(const std::string &text, std::int64_t &hundredths);

/// Text without trailing newlines and spaces (YAML block scalars end in a newline).
std::string chomp(std::string s);
/// The paragraphs of a text from the config: split at blank lines, lines joined with a space
/// (also report.begroting's programma texts).
std::vector<doc::Block> paragraphs(const std::string &text);

}  // namespace vhh::jaarverantwoording
