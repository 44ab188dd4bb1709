#include "stage_log.h"

#include "diagnostic_output.h"

#include <map>
#include <set>
#include <utility>

namespace vhh::host {

StageLog::StageLog() { items_.keep_per_file(kMaxDiagnosticsPerFile); }
StageLog::StageLog(Diagnostics &parent) : StageLog() { parent_diag_ = &parent; }
StageLog::StageLog(StageLog &parent) : StageLog() { parent_log_ = &parent; }

StageLog::~StageLog() {
    if (parent_log_) merge_into(*parent_log_);
    else if (parent_diag_) merge_into(*parent_diag_);
}

void StageLog::error(Impact impact, ExitCode code, SourceLocation where, std::string key_path, std::string message,
                     std::string hint) {
    items_.error(code, std::move(where), std::move(key_path), std::move(message), std::move(hint));
    if (impact == Impact::blocking) ++blocking_;  // an error is never advisory: that is may_mask
}

void StageLog::warning(SourceLocation where, std::string key_path, std::string message, std::string hint) {
    items_.warning(std::move(where), std::move(key_path), std::move(message), std::move(hint));
}

std::size_t StageLog::count(Impact impact) const {
    switch (impact) {
        case Impact::advisory: return items_.advisory_count();
        case Impact::blocking: return blocking_;
        case Impact::may_mask: return items_.error_count() - blocking_;
    }
    return 0;
}

void StageLog::clear() {
    items_ = Diagnostics();
    items_.keep_per_file(kMaxDiagnosticsPerFile);
    blocking_ = 0;
}

namespace {

/// Adds to `into` (which holds the first kMaxDiagnosticsPerFile diagnostics of each file of `from`,
/// so these are only counted) one placeholder per diagnostic `from` counted but did not keep: the
/// counts stay exact, and "N more" stays true. `last_code`: per file, the exit code to count errors by.
void count_dropped_again(const Diagnostics &from, const std::map<std::string, ExitCode> &last_code, Diagnostics &into) {
    for (const auto &dropped : from.dropped()) {
        const auto it = last_code.find(dropped.file);
        const auto code = it != last_code.end() ? it->second : ExitCode::config;
        for (std::size_t i = 0; i < dropped.errors; ++i) into.error(code, {dropped.file, 0, 0}, "", "");
        for (std::size_t i = 0; i < dropped.warnings; ++i) into.warning({dropped.file, 0, 0}, "", "");
    }
}

}  // namespace

void StageLog::merge_into(StageLog &parent) {
    parent.items_.merge(std::move(items_));
    parent.blocking_ += blocking_;
    clear();
}

void StageLog::merge_into(StageLog &parent, const std::string &error_suffix) {
    Diagnostics reworded;
    reworded.keep_per_file(kMaxDiagnosticsPerFile);
    std::map<std::string, ExitCode> last_code;  // per file: for the errors only counted
    for (Diagnostic d : items_.all()) {
        if (d.severity == Severity::error) {
            d.message += error_suffix;
            last_code[d.where.file] = d.code;
        }
        reworded.add(std::move(d));
    }
    count_dropped_again(items_, last_code, reworded);
    items_ = std::move(reworded);
    merge_into(parent);
}

void StageLog::merge_into(Diagnostics &parent) {
    parent.merge(std::move(items_));
    clear();
}

void StageLog::merge_new_into(Diagnostics &parent) {
    std::set<std::string> held;
    for (const auto &d : parent.all()) held.insert(d.format());
    // A file with diagnostics only counted keeps all it kept (it is capped anyway), so that what was
    // only counted can be counted again behind them.
    std::set<std::string> capped;
    for (const auto &dropped : items_.dropped()) capped.insert(dropped.file);
    Diagnostics fresh;
    fresh.keep_per_file(kMaxDiagnosticsPerFile);
    std::map<std::string, ExitCode> last_code;
    for (const auto &d : items_.all()) {
        if (d.severity == Severity::error) last_code[d.where.file] = d.code;
        if (held.insert(d.format()).second || capped.count(d.where.file)) fresh.add(d);
    }
    count_dropped_again(items_, last_code, fresh);
    parent.merge(std::move(fresh));
    clear();
}

bool plugin_checks_may_run(const StageLog &config_stage) { return config_stage.count(Impact::may_mask) == 0; }

}  // namespace vhh::host
