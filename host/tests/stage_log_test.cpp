// A stage's own log: classified diagnostics, counts, merging upward, and the rule over the classes.
#include <gtest/gtest.h>

#include "diagnostic_output.h"
#include "stage_log.h"

using vhh::Diagnostics;
using vhh::ExitCode;
using vhh::host::Impact;
using vhh::host::StageLog;

TEST(StageLog, ClassifiesWhatItRecordsAndWhatComesThroughTheSdk) {
    StageLog log;
    log.error(Impact::blocking, ExitCode::config, {"vhh.yaml", 3, 1}, "x", "unknown key 'x'");
    log.sdk().error(ExitCode::no_input, {"vhh.yaml", 4, 1}, "bestand", "missing");  // as a plugin would
    log.sdk().warning({"vhh.yaml", 5, 1}, "", "odd");
    EXPECT_EQ(log.errors(), 2u);
    EXPECT_EQ(log.count(Impact::blocking), 1u);
    EXPECT_EQ(log.count(Impact::may_mask), 1u);
    EXPECT_EQ(log.count(Impact::advisory), 1u);
    EXPECT_TRUE(log.has(ExitCode::no_input));
    EXPECT_FALSE(log.has(ExitCode::data));
    EXPECT_FALSE(vhh::host::plugin_checks_may_run(log));
}

TEST(StageLog, OnlyBlockingErrorsLetThePluginsCheck) {
    StageLog log;
    EXPECT_TRUE(vhh::host::plugin_checks_may_run(log));
    log.warning({"vhh.yaml", 1, 1}, "", "odd");
    log.error(Impact::blocking, ExitCode::config, {"vhh.yaml", 3, 1}, "x", "unknown key 'x'");
    EXPECT_TRUE(log.failed());
    EXPECT_TRUE(vhh::host::plugin_checks_may_run(log));
    log.error(Impact::advisory, ExitCode::data, {"vhh.yaml", 4, 1}, "y", "bad");  // an error is never advisory
    EXPECT_FALSE(vhh::host::plugin_checks_may_run(log));
}

TEST(StageLog, AChildLogCountsItsOwnAndMergesUpwardInOrder) {
    Diagnostics shared;
    shared.error(ExitCode::data, {"a.yaml", 1, 1}, "", "another region's error");
    {
        StageLog region(shared);
        EXPECT_FALSE(region.failed());  // the shared log's errors are not this stage's
        StageLog phase(region);
        phase.error(Impact::blocking, ExitCode::config, {"b.yaml", 2, 1}, "k", "unknown key 'k'");
        EXPECT_TRUE(phase.failed());
        phase.merge_into(region);
        EXPECT_FALSE(phase.failed());
        EXPECT_EQ(region.count(Impact::blocking), 1u);  // the impact went up with it
        region.sdk().warning({"b.yaml", 3, 1}, "", "later");
    }
    ASSERT_EQ(shared.all().size(), 3u);
    EXPECT_EQ(shared.all()[1].message, "unknown key 'k'");
    EXPECT_EQ(shared.all()[2].message, "later");
}

TEST(StageLog, MergeNewLeavesOutWhatTheParentHolds) {
    Diagnostics shared;
    shared.error(ExitCode::config, {"t.mustache", 2, 3}, "", "unknown tag");
    StageLog rendering;
    rendering.sdk().error(ExitCode::config, {"t.mustache", 2, 3}, "", "unknown tag");
    rendering.sdk().error(ExitCode::config, {"t.mustache", 4, 1}, "", "other");
    EXPECT_EQ(rendering.errors(), 2u);
    rendering.merge_new_into(shared);
    EXPECT_EQ(shared.all().size(), 2u);
}

// Over the per-file cap, what was only counted still counts after the merge ("N more" stays true).
TEST(StageLog, MergeNewKeepsTheCountsOfWhatWasOnlyCounted) {
    Diagnostics shared;
    StageLog rendering;
    const std::size_t n = vhh::host::kMaxDiagnosticsPerFile + 40;
    for (std::size_t i = 0; i < n; ++i)
        rendering.sdk().error(ExitCode::data, {"grootboek.csv", static_cast<int>(i + 1), 1}, "", "bad line");
    rendering.sdk().warning({"vhh.yaml", 1, 1}, "", "odd");
    ASSERT_EQ(rendering.errors(), n);
    rendering.merge_new_into(shared);
    EXPECT_EQ(shared.error_count(), n);
    EXPECT_EQ(shared.advisory_count(), 1u);
    EXPECT_TRUE(shared.has_error_code(ExitCode::data));
    EXPECT_FALSE(shared.has_error_code(ExitCode::config));
    std::size_t dropped = 0;
    for (const auto &d : shared.dropped()) dropped += d.errors;
    EXPECT_EQ(dropped, 40u);
    for (const auto &d : shared.all()) EXPECT_FALSE(d.message.empty());  // no placeholder is shown
}
