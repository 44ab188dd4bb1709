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
unsigned code_bit(ExitCode code) { return 1u << (static_cast<unsigned>(code) % 32u); }
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
    add({Severity::error, code, std::move(where), std::move(key_path), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourceLocation where, std::string key_path, std::string message, std::string hint) {
    add({Severity::warning, ExitCode::ok, std::move(where), std::move(key_path), std::move(message),
         std::move(hint)});
}

bool Diagnostics::count(const Diagnostic &d) {
    if (d.severity == Severity::error) {
        ++errors_;
        codes_ |= code_bit(d.code);
        if (rank(d.code) > rank(worst_)) worst_ = d.code;
        for (DiagnosticsScope *s = scopes_.innermost; s; s = s->outer_) ++s->errors_;
    } else {
        ++advisories_;
    }
    if (keep_per_file_ == 0 || d.severity == Severity::note) return true;
    auto &kept = kept_[d.where.file];
    std::size_t &n = d.severity == Severity::error ? kept.first : kept.second;
    if (n < keep_per_file_) {
        ++n;
        return true;
    }
    auto it = dropped_.begin();
    while (it != dropped_.end() && it->file != d.where.file) ++it;
    if (it == dropped_.end()) it = dropped_.insert(dropped_.end(), Dropped{d.where.file, 0, 0});
    ++(d.severity == Severity::error ? it->errors : it->warnings);
    return false;
}

void Diagnostics::keep(Diagnostic &&d) { items_.push_back(std::move(d)); }

void Diagnostics::add(Diagnostic d) {
    if (count(d)) keep(std::move(d));
}

void Diagnostics::merge(Diagnostics &&other) {
    if (&other == this) return;
    if (keep_per_file_ == 0 && items_.empty()) {
        // Nothing here yet: take the other's items whole (no copy), then count them.
        std::vector<Diagnostic> moved = std::move(other.items_);
        for (const auto &d : moved) count(d);
        items_ = std::move(moved);
    } else {
        for (auto &d : other.items_) add(std::move(d));
    }
    for (const auto &gone : other.dropped_) {
        // Counted as recorded here, and as dropped under the same file.
        auto it = dropped_.begin();
        while (it != dropped_.end() && it->file != gone.file) ++it;
        if (it == dropped_.end()) it = dropped_.insert(dropped_.end(), Dropped{gone.file, 0, 0});
        it->errors += gone.errors;
        it->warnings += gone.warnings;
        errors_ += gone.errors;
        advisories_ += gone.warnings;
        for (DiagnosticsScope *s = scopes_.innermost; s; s = s->outer_) s->errors_ += gone.errors;
    }
    // The exit codes of dropped errors are known to `other` only as a whole.
    codes_ |= other.codes_;
    if (rank(other.worst_) > rank(worst_)) worst_ = other.worst_;
    other.items_.clear();
    other.dropped_.clear();
    other.kept_.clear();
    other.errors_ = other.advisories_ = 0;
    other.codes_ = 0;
    other.worst_ = ExitCode::ok;
}

bool Diagnostics::has_error_code(ExitCode code) const { return (codes_ & code_bit(code)) != 0; }

DiagnosticsScope::DiagnosticsScope(Diagnostics &log) : log_(log), outer_(log.scopes_.innermost) {
    log.scopes_.innermost = this;
}

DiagnosticsScope::~DiagnosticsScope() { log_.scopes_.innermost = outer_; }

std::string Diagnostics::format_all() const {
    std::string out;
    for (const auto &d : items_) out += d.format() + "\n";
    return out;
}

}  // namespace vhh
