// What a stage of a run found, kept apart from what other stages found: each stage (reading the
// config, preparing the plugins, each plugin phase, a region of a province run) records into a
// log of its own, asks that log whether it failed, and merges it into its parent when it ends.
// No stage infers its success from how much a shared log grew.
//
// Design note: the SDK's Diagnostics keeps its counts (errors, advisories, exit codes) itself, O(1)
// to ask; a StageLog adds the classification the host needs. A diagnostic the host records itself
// is classified when it is created (error() below); one recorded through the SDK interface (by a
// plugin, or a function that takes a Diagnostics&) is classified by its severity: an error may
// mask others, anything else is advisory. So only the blocking errors need a count of their own.
// A log keeps at most kMaxDiagnosticsPerFile errors and warnings of each file (what is printed);
// its counts stay exact.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "vhh/diagnostics.h"

namespace vhh::host {

/// How a diagnostic bears on the checks after it.
enum class Impact {
    advisory,  ///< a warning or note: the run goes on and can succeed
    blocking,  ///< an error that fails the run but leaves everything else read whole (an unknown
               ///< key that cannot be a misspelling of a key the section lacks)
    may_mask   ///< an error after which later checks could report its consequences: a missing or
               ///< unreadable file, a syntax error, a missing or invalid value
};

/// One stage's diagnostics with their impact and counts (all O(1) to ask).
class StageLog {
public:
    /// A log that merges into nothing by itself (merge_into does it).
    StageLog();
    /// A log that merges into `parent` when it goes out of scope.
    explicit StageLog(Diagnostics &parent);
    /// A log that merges into `parent` (keeping the impacts) when it goes out of scope.
    explicit StageLog(StageLog &parent);
    StageLog(const StageLog &) = delete;
    StageLog &operator=(const StageLog &) = delete;
    ~StageLog();

    /// Records an error of the given impact.
    void error(Impact impact, ExitCode code, SourceLocation where, std::string key_path, std::string message,
               std::string hint = {});
    /// Records a warning (advisory).
    void warning(SourceLocation where, std::string key_path, std::string message, std::string hint = {});
    /// The SDK collection, for plugins and functions that take a Diagnostics&.
    Diagnostics &sdk() { return items_; }

    /// True when an error was recorded.
    bool failed() const { return items_.has_errors(); }
    /// The number of errors recorded.
    std::size_t errors() const { return items_.error_count(); }
    /// The number of diagnostics of `impact`.
    std::size_t count(Impact impact) const;
    /// True when an error with exit code `code` was recorded.
    bool has(ExitCode code) const { return items_.has_error_code(code); }

    /// Moves every diagnostic into `parent` (with its impact) and leaves this log empty.
    void merge_into(StageLog &parent);
    /// Moves every diagnostic into `parent` and leaves this log empty.
    void merge_into(Diagnostics &parent);
    /// Moves every diagnostic into `parent` (with its impact), each error's message followed by
    /// `error_suffix` (e.g. which plugin a setting belongs to), and leaves this log empty. Counts stay
    /// exact: an error that was only counted (keep_per_file) stays only counted.
    void merge_into(StageLog &parent, const std::string &error_suffix);
    /// Same, but leaves out a diagnostic that `parent` already holds word for word (a template
    /// problem that another region's documents already reported).
    void merge_new_into(Diagnostics &parent);

private:
    void clear();

    Diagnostics items_;
    std::size_t blocking_ = 0;  // errors recorded as Impact::blocking; every other error may mask
    Diagnostics *parent_diag_ = nullptr;
    StageLog *parent_log_ = nullptr;
};

/// The rule "plugin checks wait until the config was read whole": a plugin's own checks (in its
/// phases) run in the same run as the config's errors only when none of those errors may mask
/// others. Blocking errors (harmless unknown keys) leave every value the plugins use as the user
/// wrote it, so the plugins' errors then come in the same run; after an error that may mask
/// others, the plugins' errors could follow from it, so they wait for the next run.
bool plugin_checks_may_run(const StageLog &config_stage);

}  // namespace vhh::host
