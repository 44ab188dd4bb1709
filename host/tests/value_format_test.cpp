// Tests for the Dutch presentation of typed values and text cleaning (render/value_format.h).
#include "render/value_format.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace vhh::host {
namespace {

using doc::Value;

TEST(ValueFormat, DutchNotation) {
    EXPECT_EQ(format_value_nl(Value::money(Money::cents(1920760))), "€ 19.207,60");
    EXPECT_EQ(format_value_nl(Value::money(Money::cents(-321))), "-€ 3,21");
    EXPECT_EQ(format_value_nl(Value::percentage_ppm(25000)), "2,5 %");
    EXPECT_EQ(format_value_nl(Value::integer(381568)), "381.568");
    EXPECT_EQ(format_value_nl(Value::fraction(30, 12)), "2,5");
    EXPECT_EQ(format_value_nl(Value::fraction(1, 3)), "0,3333");
    EXPECT_EQ(format_value_nl(Value::fraction(-2, 3)), "-0,6667");
    EXPECT_EQ(format_value_nl(Value::date(Date{2013, 1, 1})), "1-1-2013");
    EXPECT_EQ(format_value_nl(Value::suppressed("<5")), "<5");
    EXPECT_EQ(format_value_nl(Value()), "");
}

TEST(ValueFormat, AlignmentPointIsTheDecimalCommaOrTheEndOfTheNumber) {
    EXPECT_EQ(alignment_point("€ 19.207,60"), std::string("€ 19.207").size());
    EXPECT_EQ(alignment_point("2,5 %"), 1u);
    EXPECT_EQ(alignment_point("10 %"), 2u);
    EXPECT_EQ(alignment_point("37.050"), 6u);
    EXPECT_EQ(alignment_point("<5"), 2u);
    EXPECT_EQ(alignment_point("x"), 1u);
}

TEST(ValueFormat, NumericKinds) {
    EXPECT_TRUE(is_numeric(Value::suppressed("<5")));
    EXPECT_TRUE(is_numeric(Value::money(Money::cents(1))));
    EXPECT_FALSE(is_numeric(Value::text("12")));
    EXPECT_FALSE(is_numeric(Value::date(Date{2013, 1, 1})));
}

TEST(ValueFormat, CleanTextReplacesControlsAndInvalidUtf8) {
    EXPECT_EQ(clean_text("a\x1b[31mb"), "a\xEF\xBF\xBD[31mb");
    EXPECT_EQ(clean_text("a\xff" "b"), "a\xEF\xBF\xBD" "b");
    EXPECT_EQ(clean_text("a\xc2\x9b" "b"), "a\xEF\xBF\xBD" "b");          // C1 CSI
    EXPECT_EQ(clean_text("a\xe2\x80\xae" "b"), "a\xEF\xBF\xBD" "b");      // right-to-left override
    EXPECT_EQ(clean_text("a\nb\tc"), "a b c");
    EXPECT_EQ(clean_text("a\r\nb", true), "a\nb");
    EXPECT_EQ(clean_text(std::string("a\0b", 3)), "a\xEF\xBF\xBD" "b");
    EXPECT_EQ(clean_text("Súdwest-Fryslân € \xF0\x9F\x98\x80"), "Súdwest-Fryslân € \xF0\x9F\x98\x80");
    EXPECT_EQ(clean_text("\xe2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // cut short
}

TEST(ValueFormat, OneTextOfAValueForEveryRenderer) {
    // Formerly the text and xlsx renderers had a formatter of their own (value_text); this is the one.
    EXPECT_EQ(format_value_nl(Value::integer(1234567)), "1.234.567");
    EXPECT_EQ(format_value_nl(Value::integer(-1000)), "-1.000");
    EXPECT_EQ(format_value_nl(Value::integer(INT64_MIN)), "-9.223.372.036.854.775.808");
    EXPECT_EQ(format_value_nl(Value::fraction(30, 12)), "2,5");
    EXPECT_EQ(format_value_nl(Value::fraction(1, 3)), "0,3333");
    EXPECT_EQ(format_value_nl(Value::fraction(-2, 3)), "-0,6667");
    EXPECT_EQ(format_value_nl(Value::fraction(12000000, 12)), "1.000.000");
    EXPECT_EQ(format_value_nl(Value::percentage_ppm(25000)), "2,5 %");
    EXPECT_EQ(format_value_nl(Value::date(Date{2013, 1, 1})), "1-1-2013");
    EXPECT_EQ(format_value_nl(Value::suppressed("<5")), "<5");
    // Exact for any numerator: the PDF/HTML formatter used to clamp at INT64_MAX ten-thousandths.
    EXPECT_EQ(format_value_nl(Value::fraction(INT64_MAX, 1)), "9.223.372.036.854.775.807");
    EXPECT_EQ(format_value_nl(Value::fraction(INT64_MIN, 3)), "-3.074.457.345.618.258.602,6667");
}

}  // namespace
}  // namespace vhh::host
