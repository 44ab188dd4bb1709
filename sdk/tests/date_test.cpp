// Tests for vhh::Date: ISO and Dutch parsing, validity, formatting and ordering.
#include "vhh/date.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace {

using vhh::Date;

TEST(DateParseIso, Valid) {
    auto d = Date::parse_iso("2013-01-01");
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->year, 2013);
    EXPECT_EQ(d->month, 1);
    EXPECT_EQ(d->day, 1);
    EXPECT_TRUE(Date::parse_iso("2012-02-29").has_value());  // leap year
    EXPECT_TRUE(Date::parse_iso("2000-02-29").has_value());  // divisible by 400
    EXPECT_TRUE(Date::parse_iso("2022-07-01").has_value());
    EXPECT_TRUE(Date::parse_iso("2013-12-31").has_value());
    EXPECT_TRUE(Date::parse_iso("0001-01-01").has_value());
    EXPECT_TRUE(Date::parse_iso("9999-12-31").has_value());
}

TEST(DateParseIso, Invalid) {
    for (const char *bad : {"2013-02-29", "1900-02-29", "2013-13-01", "2013-00-10", "2013-01-00", "2013-01-32",
                            "2013-04-31", "0000-01-01", "2013-1-01", "2013-01-1", "13-01-2013", "01-01-2013",
                            "2013/01/01", "2013-01-01 ", " 2013-01-01", "2013-01-01T00:00", "", "abcd-ef-gh",
                            "+013-01-01", "2013--1-01", "2013-0a-01", "20130101"}) {
        EXPECT_FALSE(Date::parse_iso(bad).has_value()) << "\"" << bad << "\" should not parse";
    }
}

TEST(DateParseNl, Valid) {
    auto d = Date::parse_nl("29-02-2012");
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->year, 2012);
    EXPECT_EQ(d->month, 2);
    EXPECT_EQ(d->day, 29);
    auto e = Date::parse_nl("01-07-2022");
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(*e, (Date{2022, 7, 1}));
}

TEST(DateParseNl, Invalid) {
    for (const char *bad : {"29-02-2013", "01-13-2013", "00-01-2013", "32-01-2013", "31-06-2013", "13-1-2013",
                            "1-1-2013", "1-01-2013", "2013-01-01", "01/01/2013", "01-01-13", "01-01-2013 ", "",
                            "aa-bb-cccc", "01-01-0000"}) {
        EXPECT_FALSE(Date::parse_nl(bad).has_value()) << "\"" << bad << "\" should not parse";
    }
}

TEST(DateValid, Fields) {
    EXPECT_TRUE((Date{2012, 2, 29}).valid());
    EXPECT_FALSE((Date{2013, 2, 29}).valid());
    EXPECT_FALSE((Date{2100, 2, 29}).valid());
    EXPECT_FALSE((Date{2013, 0, 1}).valid());
    EXPECT_FALSE((Date{2013, 13, 1}).valid());
    EXPECT_FALSE((Date{2013, 1, 0}).valid());
    EXPECT_FALSE((Date{2013, -1, 1}).valid());
    EXPECT_FALSE(Date{}.valid());
    EXPECT_TRUE((Date{2013, 11, 30}).valid());
    EXPECT_FALSE((Date{2013, 11, 31}).valid());
}

TEST(DateFormat, IsoAndNl) {
    Date d{2013, 1, 1};
    EXPECT_EQ(d.iso(), "2013-01-01");
    EXPECT_EQ(d.nl(), "1-1-2013");
    Date e{2022, 7, 15};
    EXPECT_EQ(e.iso(), "2022-07-15");
    EXPECT_EQ(e.nl(), "15-7-2022");
    EXPECT_EQ((Date{2013, 12, 31}).nl(), "31-12-2013");
    EXPECT_EQ((Date{1, 2, 3}).iso(), "0001-02-03");
}

TEST(DateFormat, IsoRoundTrips) {
    for (const char *text : {"2013-01-01", "2012-02-29", "1999-12-31", "2022-07-01"}) {
        auto d = Date::parse_iso(text);
        ASSERT_TRUE(d.has_value()) << text;
        EXPECT_EQ(d->iso(), text);
    }
    // Dutch input gives the same date as its ISO form.
    EXPECT_EQ(*Date::parse_nl("05-03-2014"), *Date::parse_iso("2014-03-05"));
}

TEST(DateOrdering, FieldByField) {
    Date a{2013, 1, 1}, b{2013, 1, 2}, c{2013, 2, 1}, d{2014, 1, 1};
    EXPECT_TRUE(a < b);
    EXPECT_TRUE(b < c);
    EXPECT_TRUE(c < d);
    EXPECT_TRUE(a < d);
    EXPECT_FALSE(b < a);
    EXPECT_FALSE(a < a);
    EXPECT_TRUE(a <= a);
    EXPECT_TRUE(a <= b);
    EXPECT_FALSE(b <= a);
    EXPECT_TRUE(a == (Date{2013, 1, 1}));
    EXPECT_TRUE(a != b);
    // Day 31 of January comes before day 1 of February.
    EXPECT_TRUE((Date{2013, 1, 31}) < (Date{2013, 2, 1}));
    EXPECT_TRUE((Date{2013, 12, 31}) < (Date{2014, 1, 1}));

    std::vector<Date> v{d, b, a, c};
    std::sort(v.begin(), v.end());
    EXPECT_EQ(v, (std::vector<Date>{a, b, c, d}));
}

}  // namespace
