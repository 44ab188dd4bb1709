// The workspace's timestamps in Dutch and in the time of the Netherlands (web/dutch_time.h), at the
// changes to and from summer time.
#include <gtest/gtest.h>

#include "web/dutch_time.h"

namespace vhh::host::web {
namespace {

TEST(DutchTimestamp, WinterAndSummerTimeInWords) {
    EXPECT_EQ(dutch_timestamp("2026-12-06T13:05:00Z"), "6 december 2026 14:05");
    EXPECT_EQ(dutch_timestamp("2026-07-01T12:00:59Z"), "1 juli 2026 14:00");
    EXPECT_EQ(dutch_timestamp("2026-12-31T23:30:00Z"), "1 januari 2027 00:30");
}

TEST(DutchTimestamp, TheChangesAtTheLastSundaysOfMarchAndOctober) {
    // 2026: summer time from Sunday 29 March 01:00 UTC to Sunday 25 October 01:00 UTC.
    EXPECT_EQ(dutch_timestamp("2026-03-29T00:59:00Z"), "29 maart 2026 01:59");
    EXPECT_EQ(dutch_timestamp("2026-03-29T01:00:00Z"), "29 maart 2026 03:00");
    EXPECT_EQ(dutch_timestamp("2026-10-25T00:59:00Z"), "25 oktober 2026 02:59");
    EXPECT_EQ(dutch_timestamp("2026-10-25T01:00:00Z"), "25 oktober 2026 02:00");
    // 2013: 31 March (the 31st itself a Sunday) and 27 October.
    EXPECT_EQ(dutch_timestamp("2013-03-31T01:00:00Z"), "31 maart 2013 03:00");
    EXPECT_EQ(dutch_timestamp("2013-03-30T12:00:00Z"), "30 maart 2013 13:00");
    EXPECT_EQ(dutch_timestamp("2013-10-27T00:30:00Z"), "27 oktober 2013 02:30");
}

TEST(DutchTimestamp, AnythingElseIsShownAsItIs) {
    for (const char *text : {"", "2026-12-06", "2026-12-06T13:05:00", "2026-13-06T13:05:00Z", "gisteren om twee uur x"})
        EXPECT_EQ(dutch_timestamp(text), text);
}

TEST(DutchDate, InWordsAsAControllerWritesIt) {
    EXPECT_EQ(dutch_date(Date{2013, 3, 31}), "31 maart 2013");
    EXPECT_EQ(dutch_date(Date{2013, 1, 1}), "1 januari 2013");
    EXPECT_EQ(dutch_date_of("2013-12-09"), "9 december 2013");
    for (const char *text : {"", "31-3-2013", "2013-02-30", "morgen"}) EXPECT_EQ(dutch_date_of(text), text);
}

}  // namespace
}  // namespace vhh::host::web
