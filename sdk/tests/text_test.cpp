// Tests for the shared text helpers: display width and padding of UTF-8 text, the edit distance
// and closest match behind "did you mean" hints, and Dutch percentages.
#include "vhh/text.h"
#include "vhh/count_nl.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace {

using vhh::closest;
using vhh::display_width;
using vhh::edit_distance;
using vhh::format_percentage_nl;
using vhh::pad;

TEST(TextWidth, CountsCodePoints) {
    EXPECT_EQ(display_width(""), 0u);
    EXPECT_EQ(display_width("Zeeland"), 7u);
    EXPECT_EQ(display_width("Súdwest"), 7u);
    EXPECT_EQ(display_width("€ 5"), 3u);
    EXPECT_EQ(display_width("geïndexeerd"), 11u);
}

TEST(TextPad, LeftAndRight) {
    EXPECT_EQ(pad("€ 5", 5), "€ 5  ");
    EXPECT_EQ(pad("€ 5", 5, true), "  € 5");
    EXPECT_EQ(pad("abc", 3), "abc");
    EXPECT_EQ(pad("abcd", 2), "abcd");      // never cut
    EXPECT_EQ(pad("", 2, true), "  ");
}

TEST(TextEditDistance, OptimalStringAlignment) {
    EXPECT_EQ(edit_distance("", ""), 0u);
    EXPECT_EQ(edit_distance("abc", ""), 3u);
    EXPECT_EQ(edit_distance("", "abc"), 3u);
    EXPECT_EQ(edit_distance("tarief", "tarief"), 0u);
    EXPECT_EQ(edit_distance("tarif", "tarief"), 1u);        // insertion
    EXPECT_EQ(edit_distance("tarieff", "tarief"), 1u);      // deletion
    EXPECT_EQ(edit_distance("tariaf", "tarief"), 1u);       // substitution
    EXPECT_EQ(edit_distance("tarief", "tairef"), 1u);       // adjacent transposition counts once
    EXPECT_EQ(edit_distance("GM0678", "GM0687"), 1u);
    EXPECT_EQ(edit_distance("ca", "abc"), 3u);              // OSA, not Damerau-Levenshtein (which gives 2)
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(TextClosest, FirstSmallestWithinLimit) {
    const std::vector<std::string> sleutels = {"per_inwoner", "pro_rata", "vast_plus_inwoner", "vaste_bedragen"};
    EXPECT_EQ(closest("per_inwonr", sleutels, 3), "per_inwoner");
    EXPECT_EQ(closest("prorata", sleutels, 3), "pro_rata");
    EXPECT_EQ(closest("iets", sleutels, 3), "");
    EXPECT_EQ(closest("x", {}, 3), "");
    const std::vector<std::string> ringen = {"kern", "sleutelpartner", "flexibele schil"};
    EXPECT_EQ(closest("kenr", ringen, 2), "kern");
    EXPECT_EQ(closest("sleutel partner", ringen, 2), "sleutelpartner");
    // Exactly at the limit still counts, one more does not.
    EXPECT_EQ(closest("kxxn", ringen, 2), "kern");
    EXPECT_EQ(closest("kxxx", ringen, 2), "");
    // Ties go to the first candidate.
    EXPECT_EQ(closest("ab", {"ax", "xb"}, 1), "ax");
    EXPECT_EQ(closest("ab", {"xx", "xb", "ax"}, 2), "xb");
}

TEST(TextPercentage, DutchNotation) {
    EXPECT_EQ(format_percentage_nl(350000), "35 %");
    EXPECT_EQ(format_percentage_nl(333333), "33,3333 %");
    EXPECT_EQ(format_percentage_nl(312500), "31,25 %");
    EXPECT_EQ(format_percentage_nl(1000000), "100 %");
    EXPECT_EQ(format_percentage_nl(0), "0 %");
    EXPECT_EQ(format_percentage_nl(50000), "5 %");
    EXPECT_EQ(format_percentage_nl(25000), "2,5 %");
    EXPECT_EQ(format_percentage_nl(1), "0,0001 %");
    EXPECT_EQ(format_percentage_nl(-12500), "-1,25 %");
    EXPECT_EQ(format_percentage_nl(-1), "-0,0001 %");
    EXPECT_EQ(format_percentage_nl(12000000), "1.200 %");  // thousands separator
    EXPECT_EQ(format_percentage_nl(std::numeric_limits<std::int64_t>::min()), "-922.337.203.685.477,5808 %");
}

}  // namespace

TEST(Utf8, FirstInvalidByte) {
    EXPECT_EQ(vhh::first_invalid_utf8("Súdwest-Fryslân €"), std::string("Súdwest-Fryslân €").size());
    EXPECT_EQ(vhh::first_invalid_utf8("ab\xE4" "cd"), 2u);          // Latin-1 ä
    EXPECT_EQ(vhh::first_invalid_utf8("\xC0\xAF"), 0u);          // overlong '/'
    EXPECT_EQ(vhh::first_invalid_utf8("x\xED\xA0\x80"), 1u);     // surrogate
    EXPECT_EQ(vhh::first_invalid_utf8("\xF4\x90\x80\x80"), 0u); // above U+10FFFF
    EXPECT_EQ(vhh::first_invalid_utf8("ok\xE2\x82"), 2u);        // cut short
    EXPECT_EQ(vhh::line_and_column("ab\ncd\xE4", 5), (std::pair<int, int>{2, 3}));
}

TEST(CountNl, SingularForExactlyOne) {
    EXPECT_EQ(vhh::count_nl(1, "regel", "regels"), "1 regel");
    EXPECT_EQ(vhh::count_nl(0, "regel", "regels"), "0 regels");
    EXPECT_EQ(vhh::count_nl(2, "regel", "regels"), "2 regels");
    EXPECT_EQ(vhh::count_nl(1234, "boeking", "boekingen"), "1.234 boekingen");
}

TEST(EscapeControls, EscapesWhatDrivesATerminalAndKeepsTheRest) {
    using vhh::escape_controls;
    EXPECT_EQ(escape_controls("Súdwest-Fryslân € 1.234,56 \"x\" \\ ok"), "Súdwest-Fryslân € 1.234,56 \"x\" \\ ok");
    EXPECT_EQ(escape_controls("\x1b[2Jweg"), "\\x1b[2Jweg");
    EXPECT_EQ(escape_controls(std::string("a\0b", 3)), "a\\x00b");
    EXPECT_EQ(escape_controls("r1\nr2\r\tx\x7f"), "r1\\nr2\\r\\tx\\x7f");
    EXPECT_EQ(escape_controls("\xc2\x9b" "31m"), "\\u009b31m");             // C1 CSI
    EXPECT_EQ(escape_controls("abc\xe2\x80\xae" "cba"), "abc\\u202ecba");   // right-to-left override
    EXPECT_EQ(escape_controls("K\xe4pelle"), "K\\xe4pelle");               // Latin-1: not UTF-8
    EXPECT_EQ(escape_controls("\xe2\x82"), "\\xe2\\x82");                   // cut sequence
}

TEST(Excerpt, CutsAtACharacterBoundary) {
    using vhh::excerpt;
    EXPECT_EQ(excerpt("kort", 10), "kort");
    EXPECT_EQ(excerpt("abcdefghij", 4), "abcd…");
    EXPECT_EQ(excerpt("ab€cd", 3), "ab…");  // "€" is three bytes and is not split
    EXPECT_EQ(excerpt(std::string(100000, 'x')).size(), 60u + std::string("…").size());
}
