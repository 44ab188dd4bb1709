#include "vhh/diagnostics.h"

#include <algorithm>

#include "vhh/text.h"

namespace vhh {

namespace {
/// The longest message or hint printed, in bytes: input quoted in a message stays an excerpt.
constexpr std::size_t kMaxTextBytes = 1000;

/// Text from the input made safe to print: control characters escaped, at most kMaxTextBytes.
std::string printable(const std::string &text) { return escape_controls(excerpt(text, kMaxTextBytes)); }

std::string location_prefix(const SourceLocation &w) {
    std::string s = w.file.empty() ? std::string("vhh") : printable(w.file);
    if (w.line > 0) {
        s += ":" + std::to_string(w.line);
        if (w.column > 0) s += ":" + std::to_string(w.column);
    }
    return s + ": ";
}
const char *severity_name(Severity s) {
    switch (s) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::note: return "note";
    }
    return "error";
}
int rank(ExitCode c) {
    switch (c) {
        case ExitCode::no_input: return 6;
        case ExitCode::config: return 5;
        case ExitCode::usage: return 4;
        case ExitCode::data: return 3;
        case ExitCode::cant_create: return 2;
        case ExitCode::internal: return 1;
        case ExitCode::ok: return 0;
    }
    return 0;
}
}  // namespace

std::string Diagnostic::format() const {
    std::string line = location_prefix(where) + severity_name(severity) + ": ";
    // The one place diagnostics become text: whatever an input put into them is escaped here.
    if (!key_path.empty()) line += printable(key_path) + ": ";
    line += printable(message);
    if (!hint.empty()) line += "\n" + location_prefix(where) + "note: " + printable(hint);
    return line;
}

void Diagnostics::error(ExitCode code, SourceLocation where, std::string key_path, std::string message,
                        std::string hint) {
    items_.push_back({Severity::error, code, std::move(where), std::move(key_path), std::move(message),
                      std::move(hint)});
}

void Diagnostics::warning(SourceLocation where, std::string key_path, std::string message, std::string hint) {
    items_.push_back({Severity::warning, ExitCode::ok, std::move(where), std::move(key_path), std::move(message),
                      std::move(hint)});
}

void Diagnostics::add(Diagnostic d) { items_.push_back(std::move(d)); }

void Diagnostics::merge(const Diagnostics &other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
                                                  [](const Diagnostic &d) { return d.severity == Severity::error; }));
}

ExitCode Diagnostics::exit_code() const {
    ExitCode best = ExitCode::ok;
    for (const auto &d : items_)
        if (d.severity == Severity::error && rank(d.code) > rank(best)) best = d.code;
    return best;
}

std::string Diagnostics::format_all() const {
    std::string out;
    for (const auto &d : items_) out += d.format() + "\n";
    return out;
}

}  // namespace vhh
