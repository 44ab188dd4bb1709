// Located errors and warnings, collected so that every problem of a file is reported in one run.
#pragma once

#include <string>
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

/// Collects diagnostics from the host and from plugins.
class Diagnostics {
public:
    /// Records an error.
    void error(ExitCode code, SourceLocation where, std::string key_path, std::string message,
               std::string hint = {});
    /// Records a warning (does not change the exit code).
    void warning(SourceLocation where, std::string key_path, std::string message, std::string hint = {});
    /// Records a ready-made diagnostic.
    void add(Diagnostic d);
    /// Appends all diagnostics of another collection.
    void merge(const Diagnostics &other);

    /// True when at least one error was recorded.
    bool has_errors() const;
    /// Number of errors recorded.
    std::size_t error_count() const;
    /// The exit code for the recorded errors: the most fundamental one
    /// (no_input, then config, usage, data, cant_create, internal); ok when there are none.
    ExitCode exit_code() const;
    /// All diagnostics in the order they were recorded.
    const std::vector<Diagnostic> &all() const { return items_; }
    /// All diagnostics formatted, one per line, each line ending in '\n'.
    std::string format_all() const;

private:
    std::vector<Diagnostic> items_;
};

}  // namespace vhh
