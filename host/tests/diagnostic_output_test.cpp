// Printing diagnostics: errors capped per file with a count of the rest.
#include <gtest/gtest.h>

#include "diagnostic_output.h"

namespace {

std::size_t count(const std::string &text, const std::string &what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST(FormatCapped, ShowsTheFirstErrorsOfEachFileAndCountsTheRest) {
    vhh::Diagnostics diag;
    for (int i = 1; i <= 250; ++i) diag.error(vhh::ExitCode::data, {"gb.csv", i, 1}, "", "bad", "hint");
    diag.error(vhh::ExitCode::config, {"vhh.yaml", 3, 1}, "regio", "wrong");
    for (int i = 1; i <= 3; ++i) diag.warning({"gb.csv", i, 1}, "", "odd");
    const std::string out = vhh::host::format_capped(diag, 100);
    EXPECT_EQ(count(out, "error: bad"), 100u);
    EXPECT_EQ(count(out, "note: hint"), 100u);
    EXPECT_EQ(count(out, "warning: odd"), 3u);  // warnings have a cap of their own
    EXPECT_NE(out.find("gb.csv:100:1: error: bad"), std::string::npos);
    EXPECT_EQ(out.find("gb.csv:101:1: error"), std::string::npos);
    EXPECT_NE(out.find("vhh.yaml:3:1: error: regio: wrong\n"), std::string::npos);
    EXPECT_NE(out.find("gb.csv: note: 150 more errors in this file are not shown (the first 100 are)\n"),
              std::string::npos);
    EXPECT_EQ(count(out, "not shown"), 1u);
}

TEST(FormatCapped, UnderTheCapEverythingIsShown) {
    vhh::Diagnostics diag;
    for (int i = 1; i <= 5; ++i) diag.error(vhh::ExitCode::data, {"gb.csv", i, 1}, "", "bad");
    EXPECT_EQ(vhh::host::format_capped(diag, 5), diag.format_all());
}
