// Tests for vhh::Diagnostic formatting and vhh::Diagnostics collection and exit codes.
#include "vhh/diagnostics.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace {

using vhh::Diagnostic;
using vhh::Diagnostics;
using vhh::DiagnosticsScope;
using vhh::ExitCode;
using vhh::Severity;
using vhh::SourceLocation;

TEST(DiagnosticFormat, CompilerStyle) {
    Diagnostic d;
    d.severity = Severity::error;
    d.code = ExitCode::config;
    d.where = {"file", 3, 12};
    d.key_path = "plugins[0].tarief";
    d.message = "message";
    EXPECT_EQ(d.format(), "file:3:12: error: plugins[0].tarief: message");
}

TEST(DiagnosticFormat, HintBecomesNoteLine) {
    Diagnostic d;
    d.where = {"config/zeeland/vhh.yaml", 3, 12};
    d.key_path = "plugins[0].tarief";
    d.message = "expected an amount like 0.40";
    d.hint = "write the tarief with a point";
    EXPECT_EQ(d.format(),
              "config/zeeland/vhh.yaml:3:12: error: plugins[0].tarief: expected an amount like 0.40\n"
              "config/zeeland/vhh.yaml:3:12: note: write the tarief with a point");
}

TEST(DiagnosticFormat, PartialLocations) {
    Diagnostic d;
    d.message = "m";
    d.where = {"f.csv", 7, 0};
    EXPECT_EQ(d.format(), "f.csv:7: error: m");
    d.where = {"f.yaml", 0, 0};
    EXPECT_EQ(d.format(), "f.yaml: error: m");
    d.where = {"f.yaml", 0, 5};  // a column without a line is not shown
    EXPECT_EQ(d.format(), "f.yaml: error: m");
    d.where = {};
    EXPECT_EQ(d.format(), "vhh: error: m");
}

TEST(DiagnosticFormat, WithoutKeyPathAndOtherSeverities) {
    Diagnostic d;
    d.where = {"a.yaml", 1, 1};
    d.message = "m";
    EXPECT_EQ(d.format(), "a.yaml:1:1: error: m");
    d.severity = Severity::warning;
    EXPECT_EQ(d.format(), "a.yaml:1:1: warning: m");
    d.severity = Severity::note;
    d.key_path = "k";
    EXPECT_EQ(d.format(), "a.yaml:1:1: note: k: m");
}

TEST(Diagnostics, EmptyIsOk) {
    Diagnostics ds;
    EXPECT_FALSE(ds.has_errors());
    EXPECT_EQ(ds.error_count(), 0u);
    EXPECT_EQ(ds.exit_code(), ExitCode::ok);
    EXPECT_TRUE(ds.all().empty());
    EXPECT_EQ(ds.format_all(), "");
}

TEST(Diagnostics, WarningsDoNotAffectExitCode) {
    Diagnostics ds;
    ds.warning({"a.yaml", 2, 3}, "k", "careful", "a hint");
    EXPECT_FALSE(ds.has_errors());
    EXPECT_EQ(ds.error_count(), 0u);
    EXPECT_EQ(ds.exit_code(), ExitCode::ok);
    ASSERT_EQ(ds.all().size(), 1u);
    EXPECT_EQ(ds.all()[0].severity, Severity::warning);
    EXPECT_EQ(ds.all()[0].hint, "a hint");

    // A ready-made warning that carries an error code still does not count.
    Diagnostic w;
    w.severity = Severity::warning;
    w.code = ExitCode::no_input;
    w.message = "w";
    ds.add(w);
    EXPECT_EQ(ds.exit_code(), ExitCode::ok);

    ds.error(ExitCode::data, {"b.csv", 4, 0}, "", "bad");
    EXPECT_EQ(ds.exit_code(), ExitCode::data);
    EXPECT_EQ(ds.error_count(), 1u);
    EXPECT_TRUE(ds.has_errors());
}

TEST(Diagnostics, ErrorStoresEverything) {
    Diagnostics ds;
    ds.error(ExitCode::config, {"c.yaml", 5, 9}, "plugins[2].tarief", "expected an amount", "like 0.40");
    ASSERT_EQ(ds.all().size(), 1u);
    const Diagnostic &d = ds.all()[0];
    EXPECT_EQ(d.severity, Severity::error);
    EXPECT_EQ(d.code, ExitCode::config);
    EXPECT_EQ(d.where.file, "c.yaml");
    EXPECT_EQ(d.where.line, 5);
    EXPECT_EQ(d.where.column, 9);
    EXPECT_EQ(d.key_path, "plugins[2].tarief");
    EXPECT_EQ(d.message, "expected an amount");
    EXPECT_EQ(d.hint, "like 0.40");
}

TEST(Diagnostics, ExitCodeRanking) {
    // Most fundamental first.
    const std::vector<ExitCode> ranking{ExitCode::no_input, ExitCode::config,      ExitCode::usage,
                                        ExitCode::data,     ExitCode::cant_create, ExitCode::internal};
    for (std::size_t hi = 0; hi < ranking.size(); ++hi) {
        for (std::size_t lo = hi; lo < ranking.size(); ++lo) {
            for (bool high_first : {true, false}) {
                Diagnostics ds;
                ExitCode first = high_first ? ranking[hi] : ranking[lo];
                ExitCode second = high_first ? ranking[lo] : ranking[hi];
                ds.error(first, {}, "", "one");
                ds.warning({}, "", "noise");
                ds.error(second, {}, "", "two");
                EXPECT_EQ(ds.exit_code(), ranking[hi])
                    << "codes " << static_cast<int>(first) << " and " << static_cast<int>(second);
            }
        }
    }
    Diagnostics all;
    for (auto it = ranking.rbegin(); it != ranking.rend(); ++it) all.error(*it, {}, "", "x");
    EXPECT_EQ(all.exit_code(), ExitCode::no_input);
    EXPECT_EQ(all.error_count(), ranking.size());
}

TEST(Diagnostics, ExitCodeValuesAreSysexits) {
    EXPECT_EQ(static_cast<int>(ExitCode::ok), 0);
    EXPECT_EQ(static_cast<int>(ExitCode::usage), 64);
    EXPECT_EQ(static_cast<int>(ExitCode::data), 65);
    EXPECT_EQ(static_cast<int>(ExitCode::no_input), 66);
    EXPECT_EQ(static_cast<int>(ExitCode::internal), 70);
    EXPECT_EQ(static_cast<int>(ExitCode::cant_create), 73);
    EXPECT_EQ(static_cast<int>(ExitCode::config), 78);
}

TEST(Diagnostics, MergeAppendsInOrder) {
    Diagnostics a, b;
    a.error(ExitCode::data, {"a", 1, 1}, "", "a1");
    b.warning({"b", 2, 2}, "", "b1");
    b.error(ExitCode::config, {"b", 3, 3}, "", "b2");
    a.merge(std::move(b));
    ASSERT_EQ(a.all().size(), 3u);
    EXPECT_EQ(a.all()[0].message, "a1");
    EXPECT_EQ(a.all()[1].message, "b1");
    EXPECT_EQ(a.all()[2].message, "b2");
    EXPECT_EQ(a.error_count(), 2u);
    EXPECT_EQ(a.exit_code(), ExitCode::config);
    // The source is moved from: left empty, with counts of zero.
    EXPECT_TRUE(b.all().empty());
    EXPECT_EQ(b.error_count(), 0u);
    EXPECT_EQ(b.exit_code(), ExitCode::ok);
    // Merging an empty collection changes nothing.
    a.merge(Diagnostics{});
    EXPECT_EQ(a.all().size(), 3u);
}

TEST(Diagnostics, MergeMovesTheMessagesWithoutCopying) {
    Diagnostics a, b;
    b.error(ExitCode::data, {"b", 1, 1}, "", std::string(100, 'x'));
    const char *text = b.all()[0].message.data();
    a.merge(std::move(b));
    // The same buffer: moved, not copied (a million diagnostics are not held twice).
    EXPECT_EQ(a.all()[0].message.data(), text);
}

TEST(Diagnostics, CountsAreKeptAsDiagnosticsAreRecorded) {
    Diagnostics d;
    EXPECT_FALSE(d.has_errors());
    d.warning({"w", 1, 1}, "", "w");
    d.add({Severity::note, ExitCode::ok, {"n", 0, 0}, "", "n", ""});
    EXPECT_EQ(d.error_count(), 0u);
    EXPECT_EQ(d.advisory_count(), 2u);
    d.error(ExitCode::internal, {"e", 1, 1}, "", "e");
    d.add({Severity::error, ExitCode::data, {"e", 2, 1}, "", "e", ""});
    EXPECT_EQ(d.error_count(), 2u);
    EXPECT_EQ(d.exit_code(), ExitCode::data);
    EXPECT_TRUE(d.has_error_code(ExitCode::internal));
    EXPECT_TRUE(d.has_error_code(ExitCode::data));
    EXPECT_FALSE(d.has_error_code(ExitCode::config));
}

TEST(Diagnostics, KeepsTheFirstOfEachFileAndCountsTheRest) {
    Diagnostics d;
    d.keep_per_file(3);
    for (int i = 1; i <= 10; ++i) d.error(ExitCode::data, {"gb.csv", i, 1}, "", "bad line");
    for (int i = 1; i <= 5; ++i) d.warning({"gb.csv", i, 1}, "", "odd line");
    d.error(ExitCode::config, {"vhh.yaml", 1, 1}, "", "bad key");
    d.add({Severity::note, ExitCode::ok, {"gb.csv", 0, 0}, "", "a note is always kept", ""});
    EXPECT_EQ(d.all().size(), 3u + 3u + 1u + 1u);
    EXPECT_EQ(d.error_count(), 11u);
    EXPECT_EQ(d.advisory_count(), 6u);
    EXPECT_EQ(d.exit_code(), ExitCode::config);
    ASSERT_EQ(d.dropped().size(), 1u);
    EXPECT_EQ(d.dropped()[0].file, "gb.csv");
    EXPECT_EQ(d.dropped()[0].errors, 7u);
    EXPECT_EQ(d.dropped()[0].warnings, 2u);

    // Merged into another log, the dropped counts come along (and count there).
    Diagnostics all;
    all.error(ExitCode::internal, {"x", 1, 1}, "", "first");
    all.merge(std::move(d));
    EXPECT_EQ(all.error_count(), 12u);
    EXPECT_EQ(all.exit_code(), ExitCode::config);
    EXPECT_EQ(all.all().size(), 9u);
    ASSERT_EQ(all.dropped().size(), 1u);
    EXPECT_EQ(all.dropped()[0].errors, 7u);
    EXPECT_TRUE(d.dropped().empty());
}

TEST(DiagnosticsScope, SeesOnlyTheErrorsRecordedWhileOpen) {
    Diagnostics log;
    log.error(ExitCode::data, {"before", 1, 1}, "", "earlier stage");
    DiagnosticsScope outer(log);
    EXPECT_FALSE(outer.failed());
    log.warning({"w", 1, 1}, "", "a warning is no failure");
    EXPECT_FALSE(outer.failed());
    {
        DiagnosticsScope inner(log);
        log.error(ExitCode::config, {"in", 1, 1}, "", "inner stage");
        EXPECT_TRUE(inner.failed());
        EXPECT_EQ(inner.errors(), 1u);
    }
    DiagnosticsScope later(log);
    EXPECT_FALSE(later.failed());
    // Errors merged in count for every open scope, dropped ones included.
    Diagnostics child;
    child.keep_per_file(1);
    child.error(ExitCode::data, {"c", 1, 1}, "", "kept");
    child.error(ExitCode::data, {"c", 2, 1}, "", "dropped");
    log.merge(std::move(child));
    EXPECT_EQ(later.errors(), 2u);
    EXPECT_EQ(outer.errors(), 3u);
}

TEST(Diagnostics, FormatAll) {
    Diagnostics ds;
    ds.error(ExitCode::config, {"v.yaml", 3, 12}, "plugins[0].tarief", "bad amount", "use 0.40");
    ds.warning({"v.yaml", 8, 0}, "", "indicative figures");
    ds.error(ExitCode::no_input, {}, "", "missing file");
    EXPECT_EQ(ds.format_all(),
              "v.yaml:3:12: error: plugins[0].tarief: bad amount\n"
              "v.yaml:3:12: note: use 0.40\n"
              "v.yaml:8: warning: indicative figures\n"
              "vhh: error: missing file\n");
    EXPECT_EQ(ds.error_count(), 2u);
    EXPECT_EQ(ds.exit_code(), ExitCode::no_input);
}

}  // namespace

TEST(DiagnosticFormat, EscapesControlCharactersAndCutsLongText) {
    Diagnostic d{vhh::Severity::error, vhh::ExitCode::data, {"gb\x1b.csv", 3, 4}, "k\x07",
                 std::string("got '\x1b[2J\0'", 11), "note\nwith a line end"};
    EXPECT_EQ(d.format(), "gb\\x1b.csv:3:4: error: k\\x07: got '\\x1b[2J\\x00'\n"
                          "gb\\x1b.csv:3:4: note: note\\nwith a line end");
    Diagnostic whole{vhh::Severity::error, vhh::ExitCode::data, {"f", 1, 1}, "", std::string(50000, 'x'), ""};
    EXPECT_LT(whole.format().size(), 1100u);
}
