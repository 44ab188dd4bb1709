#include "util.h"

#include <map>
#include <stdexcept>

namespace vhh::jaarverantwoording {

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t days_from_civil(const Date &d) {
    std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t m = d.month;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = yoe + era * 400;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp + (mp < 10 ? 3 : -9);
    return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

Date add_days(const Date &d, std::int64_t days) { return civil_from_days(days_from_civil(d) + days); }

std::string date_long_nl(const Date &d) {
    static const char *const maanden[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                          "juli",    "augustus", "september", "oktober", "november", "december"};
    if (!d.valid()) return d.iso();
    return std::to_string(d.day) + " " + maanden[d.month - 1] + " " + std::to_string(d.year);
}

namespace {

/// ASCII base letter of a two-byte UTF-8 Latin-1 letter (second byte after 0xC3), or 0.
char latin1_base(unsigned char second) {
    // Code points U+00C0..U+00FF are 0xC3 0x80..0xBF.
    static const char *const map =
        "aaaaaaaceeeeiiii"   // U+00C0..U+00CF  ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ
        "dnooooo-ouuuuyts"   // U+00D0..U+00DF  ÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß
        "aaaaaaaceeeeiiii"   // U+00E0..U+00EF
        "dnooooo-ouuuuyty";  // U+00F0..U+00FF
    if (second < 0x80 || second > 0xBF) return 0;
    const char c = map[second - 0x80];
    return c == '-' ? 0 : c;
}

}  // namespace

std::string slug(const std::string &naam) {
    std::string out;
    auto put = [&](char c) {
        if (c == '-') {
            if (!out.empty() && out.back() != '-') out += '-';
        } else {
            out += c;
        }
    };
    for (std::size_t i = 0; i < naam.size(); ++i) {
        const auto c = static_cast<unsigned char>(naam[i]);
        if (c >= 'a' && c <= 'z') {
            put(static_cast<char>(c));
        } else if (c >= 'A' && c <= 'Z') {
            put(static_cast<char>(c - 'A' + 'a'));
        } else if (c >= '0' && c <= '9') {
            put(static_cast<char>(c));
        } else if (c == '\'' || c == 0xE2) {
            // Apostrophes (also the typographic ’, E2 80 99) are dropped: "'s-Hertogenbosch".
            if (c == 0xE2 && i + 2 < naam.size() && static_cast<unsigned char>(naam[i + 1]) == 0x80 &&
                static_cast<unsigned char>(naam[i + 2]) == 0x99) {
                i += 2;
            } else if (c == 0xE2) {
                put('-');
                while (i + 1 < naam.size() && (static_cast<unsigned char>(naam[i + 1]) & 0xC0) == 0x80) ++i;
            }
        } else if (c == 0xC3 && i + 1 < naam.size()) {
            const char base = latin1_base(static_cast<unsigned char>(naam[i + 1]));
            put(base ? base : '-');
            ++i;
        } else {
            put('-');
            // Skip the continuation bytes of any other multi-byte character.
            if (c >= 0xC0)
                while (i + 1 < naam.size() && (static_cast<unsigned char>(naam[i + 1]) & 0xC0) == 0x80) ++i;
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    std::size_t start = 0;
    while (start < out.size() && out[start] == '-') ++start;
    return out.substr(start);
}

std::vector<std::string> unique_slugs(const std::vector<std::pair<std::string, std::string>> &gemeenten) {
    std::vector<std::string> slugs;
    std::map<std::string, int> count;
    for (const auto &[naam, code] : gemeenten) {
        std::string s = slug(naam);
        if (s.size() > 60) {  // file names stay short, whatever the name
            s.resize(60);
            while (!s.empty() && s.back() == '-') s.pop_back();
        }
        if (s.empty()) s = slug(code);
        slugs.push_back(s);
        ++count[s];
    }
    for (std::size_t i = 0; i < slugs.size(); ++i)
        if (count[slugs[i]] > 1) {
            std::string code = slug(gemeenten[i].second);
            slugs[i] = slugs[i] == code ? code : slugs[i] + "-" + code;
        }
    // Codes are unique in a region, so the suffixed slugs are too; guard against anything else.
    std::map<std::string, int> seen;
    for (auto &s : slugs)
        if (++seen[s] > 1) s += "-" + std::to_string(seen[s]);
    return slugs;
}

std::string voordelig_nadelig(Soort soort, Money verschil) {
    if (verschil.in_cents() == 0) return "";
    const bool meer = verschil.in_cents() > 0;
    if (soort == Soort::lasten) return meer ? "N" : "V";
    return meer ? "V" : "N";
}

bool boven_drempel(Money verschil, Money begroting, const Drempel &drempel) {
    const __int128 v = verschil.in_cents() < 0 ? -static_cast<__int128>(verschil.in_cents()) : verschil.in_cents();
    const __int128 b = begroting.in_cents() < 0 ? -static_cast<__int128>(begroting.in_cents()) : begroting.in_cents();
    // |v| > ppm/1e6 × |b|  ⇔  |v| × 1e6 > ppm × |b|
    const bool boven_percentage = v * 1000000 > static_cast<__int128>(drempel.percentage_ppm) * b;
    const bool boven_bedrag = v > drempel.bedrag.in_cents();
    return drempel.beide ? (boven_percentage && boven_bedrag) : (boven_percentage || boven_bedrag);
}

Money risico_bedrag(Money bedrag, std::int64_t kans_ppm) {
    const __int128 product = static_cast<__int128>(bedrag.in_cents()) * kans_ppm;  // cents × millionths
    const bool negatief = product < 0;
    const __int128 a = negatief ? -product : product;
    const __int128 rounded = (a + 500000) / 1000000;
    return Money::cents(static_cast<std::int64_t>(negatief ? -rounded : rounded));
}

Weerstand weerstandsvermogen(Money beschikbaar, Money benodigd) {
    Weerstand w;
    if (benodigd.in_cents() <= 0) {
        w.ratio = "n.v.t.";
        w.oordeel = "n.v.t. (geen risico's gekwantificeerd)";
        return w;
    }
    w.bepaald = true;
    const __int128 a = beschikbaar.in_cents();
    const __int128 b = benodigd.in_cents();
    // ratio > t/10  ⇔  10a > t·b  (b > 0)
    auto above = [&](int tenths) { return 10 * a > static_cast<__int128>(tenths) * b; };
    if (above(20)) w.klasse = 'A', w.oordeel = "uitstekend";
    else if (above(14)) w.klasse = 'B', w.oordeel = "ruim voldoende";
    else if (above(10)) w.klasse = 'C', w.oordeel = "voldoende";
    else if (above(8)) w.klasse = 'D', w.oordeel = "matig";
    else if (above(6)) w.klasse = 'E', w.oordeel = "onvoldoende";
    else w.klasse = 'F', w.oordeel = "ruim onvoldoende";
    // Display: round(100a/b) half up, as "x,yy".
    const bool negatief = a < 0;
    const __int128 abs_a = negatief ? -a : a;
    const __int128 hundredths = (200 * abs_a + b) / (2 * b);
    const std::int64_t h = static_cast<std::int64_t>(hundredths);
    std::string frac = std::to_string(h % 100);
    if (frac.size() < 2) frac.insert(0, "0");
    w.ratio = (negatief && h != 0 ? "-" : "") + std::to_string(h / 100) + "," + frac;
    return w;
}

std::string percentage_nl_2(std::int64_t ppm) {
    const bool negative = ppm < 0;
    const std::int64_t a = negative ? -ppm : ppm;
    const std::int64_t hundredths = (a + 50) / 100;  // ppm is 1/10000 of a percent
    std::string frac = std::to_string(hundredths % 100);
    if (frac.size() < 2) frac.insert(0, "0");
    return (negative && hundredths ? "-" : "") + format_integer_nl(hundredths / 100) + "," + frac + " %";
}

std::string fte_nl(std::int64_t hundredths) {
    std::string s = std::to_string(hundredths / 100);
    std::int64_t frac = hundredths % 100;
    if (frac != 0) {
        std::string f = std::to_string(frac);
        if (f.size() < 2) f.insert(0, "0");
        if (f.back() == '0') f.pop_back();
        s += "," + f;
    }
    return s;
}

bool parse_fte(const std::string &text, std::int64_t &hundredths) {
    if (text.empty() || text.size() > 12) return false;
    std::size_t sep = text.find_first_of(".,");
    std::string whole = text.substr(0, sep);
    std::string frac = sep == std::string::npos ? "" : text.substr(sep + 1);
    if (whole.empty() || (sep != std::string::npos && (frac.empty() || frac.size() > 2))) return false;
    for (char c : whole + frac)
        if (c < '0' || c > '9') return false;
    if (frac.size() == 1) frac += '0';
    if (frac.empty()) frac = "00";
    hundredths = std::stoll(whole) * 100 + std::stoll(frac);
    return true;
}

/// Text without trailing newlines and spaces (YAML block scalars end in a newline).
std::string chomp(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
    return s;
}

/// The paragraphs of a text from the config: split at blank lines, lines joined with a space.
std::vector<doc::Block> paragraphs(const std::string &text) {
    std::vector<doc::Block> out;
    std::string current, line;
    auto flush = [&] {
        if (!current.empty()) out.emplace_back(doc::Paragraph{current});
        current.clear();
    };
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n') {
            std::string t = chomp(line);
            while (!t.empty() && t.front() == ' ') t.erase(t.begin());
            if (t.empty()) flush();
            else current += (current.empty() ? "" : " ") + t;
            line.clear();
        } else {
            line += text[i];
        }
    }
    flush();
    return out;
}

}  // namespace vhh::jaarverantwoording
