// Located errors and warnings, collected so that every problem of a file is reported in one run.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace vhh {

/// Exit codes of the vhh program (sysexits, as Poco uses them).
enum class ExitCode : int {
    ok = 0,
    usage = 64,        ///< bad command line
    data = 65,         ///< bad data values (negative population, unparseable amount)
    no_input = 66,     ///< an input file is missing
    internal = 70,     ///< internal or plugin failure
    cant_create = 73,  ///< output cannot be written
    config = 78        ///< bad configuration: YAML structure, unknown key, unknown or broken plugin
};

/// Where something is in an input file. Line and column are 1-based; 0 means unknown.
struct SourceLocation {
    std::string file;  ///< path as the user gave it
    int line = 0;      ///< 1-based line, 0 if unknown
    int column = 0;    ///< 1-based column, 0 if unknown
};

/// How serious a diagnostic is.
enum class Severity { error, warning, note };

/// One message for the user, compiler style: FILE:LINE:COL: error: KEY.PATH: MESSAGE.
struct Diagnostic {
    Severity severity = Severity::error;
    ExitCode code = ExitCode::config;  ///< exit code this error calls for (errors only)
    SourceLocation where;              ///< location in the input
    std::string key_path;              ///< e.g. "plugins[2].tarief"; empty if not about a key
    std::string message;               ///< what is wrong and what was expected
    std::string hint;                  ///< optional: how to fix it (printed as a note)

    /// The diagnostic as one or two lines (a hint becomes a "note:" line), without trailing newline.
    /// Control characters from the input are escaped (escape_controls) and a message or hint is cut
    /// to 1000 bytes, so a message never carries a terminal escape or a whole foreign file.
    std::string format() const;
};

class DiagnosticsScope;

/// Collects diagnostics from the host and from plugins. Its counts (error_count, has_errors,
/// exit_code) are kept up to date as diagnostics are recorded, so asking is O(1). It may keep only
/// the first diagnostics of each file (keep_per_file): the counts stay exact, and dropped() says
/// how many of each file were recorded but not kept. Whether a stage failed is asked of a
/// DiagnosticsScope, never inferred from how much the log grew.
class Diagnostics {
public:
    /// Records an error.
    void error(ExitCode code, SourceLocation where, std::string key_path, std::string message,
               std::string hint = {});
    /// Records a warning (does not change the exit code).
    void warning(SourceLocation where, std::string key_path, std::string message, std::string hint = {});
    /// Records a ready-made diagnostic.
    void add(Diagnostic d);
    /// Moves all diagnostics of another collection (kept and dropped ones) to the end of this one;
    /// `other` is left empty.
    void merge(Diagnostics &&other);

    /// From now on keep at most `n` errors and `n` warnings of each file (the location's file) in
    /// all(); the rest is only counted (dropped()). Notes are always kept; 0 keeps everything (the
    /// default). Use it where the diagnostics are only printed, and printing caps at `n` anyway.
    void keep_per_file(std::size_t n) { keep_per_file_ = n; }

    /// True when at least one error was recorded (kept or dropped).
    bool has_errors() const { return errors_ > 0; }
    /// Number of errors recorded (kept or dropped).
    std::size_t error_count() const { return errors_; }
    /// Number of diagnostics recorded that are not errors (warnings and notes, kept or dropped).
    std::size_t advisory_count() const { return advisories_; }
    /// True when an error with exit code `code` was recorded.
    bool has_error_code(ExitCode code) const;
    /// The exit code for the recorded errors: the most fundamental one
    /// (no_input, then config, usage, data, cant_create, internal); ok when there are none.
    ExitCode exit_code() const { return worst_; }
    /// The diagnostics kept, in the order they were recorded.
    const std::vector<Diagnostic> &all() const { return items_; }
    /// Diagnostics recorded but not kept (keep_per_file), per file.
    struct Dropped {
        std::string file;           ///< the location's file
        std::size_t errors = 0;     ///< errors of that file not kept
        std::size_t warnings = 0;   ///< warnings of that file not kept
    };
    /// What was recorded but not kept, one entry per file in the order of its first dropped diagnostic.
    const std::vector<Dropped> &dropped() const { return dropped_; }
    /// All diagnostics kept, formatted, one per line, each line ending in '\n'.
    std::string format_all() const;

private:
    friend class DiagnosticsScope;
    /// The innermost open scope; not copied or moved with the diagnostics (a scope watches one object).
    struct ScopeLink {
        DiagnosticsScope *innermost = nullptr;
        ScopeLink() = default;
        ScopeLink(const ScopeLink &) {}
        ScopeLink &operator=(const ScopeLink &) { return *this; }
    };
    /// Counts `d` (and tells the open scopes); false when it is not to be kept.
    bool count(const Diagnostic &d);
    void keep(Diagnostic &&d);

    std::vector<Diagnostic> items_;
    std::size_t errors_ = 0;
    std::size_t advisories_ = 0;
    ExitCode worst_ = ExitCode::ok;
    unsigned codes_ = 0;  ///< a bit per exit code of a recorded error
    std::size_t keep_per_file_ = 0;
    std::map<std::string, std::pair<std::size_t, std::size_t>> kept_;  ///< per file: errors, warnings kept
    std::vector<Dropped> dropped_;
    ScopeLink scopes_;
};

/// Whether a stage reported errors: open one on the log at the start of the stage (a function, a
/// plugin phase, a region) and ask failed() at its end. It sees every error recorded in that log
/// while it is open, by whatever function or plugin, and nothing recorded before it opened, so a
/// stage sharing a log with other stages (a province run) needs no baseline of its own. Scopes
/// nest; a scope must end before its log and the log must not be moved while it is open.
class DiagnosticsScope {
public:
    /// Opens a scope on `log`.
    explicit DiagnosticsScope(Diagnostics &log);
    ~DiagnosticsScope();
    DiagnosticsScope(const DiagnosticsScope &) = delete;
    DiagnosticsScope &operator=(const DiagnosticsScope &) = delete;

    /// True when an error was recorded in the log since this scope opened.
    bool failed() const { return errors_ > 0; }
    /// The number of errors recorded in the log since this scope opened.
    std::size_t errors() const { return errors_; }

private:
    friend class Diagnostics;
    Diagnostics &log_;
    DiagnosticsScope *outer_;
    std::size_t errors_ = 0;
};

}  // namespace vhh
