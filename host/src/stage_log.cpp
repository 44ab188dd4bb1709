#include "stage_log.h"

#include <set>
#include <utility>

namespace vhh::host {

namespace {
unsigned code_bit(ExitCode code) { return 1u << (static_cast<unsigned>(code) % 32u); }
std::size_t slot(Impact impact) { return static_cast<std::size_t>(impact); }
}  // namespace

StageLog::~StageLog() {
    if (parent_log_) merge_into(*parent_log_);
    else if (parent_diag_) merge_into(*parent_diag_);
}

void StageLog::classify() const {
    const auto &all = items_.all();
    for (std::size_t i = impacts_.size(); i < all.size(); ++i) {
        const Diagnostic &d = all[i];
        const Impact impact = d.severity == Severity::error ? Impact::may_mask : Impact::advisory;
        impacts_.push_back(impact);
        ++counts_[slot(impact)];
        if (d.severity == Severity::error) {
            ++errors_;
            codes_ |= code_bit(d.code);
        }
    }
}

void StageLog::error(Impact impact, ExitCode code, SourceLocation where, std::string key_path, std::string message,
                     std::string hint) {
    classify();
    if (impact == Impact::advisory) impact = Impact::may_mask;  // an error is never advisory
    items_.error(code, std::move(where), std::move(key_path), std::move(message), std::move(hint));
    impacts_.push_back(impact);
    ++counts_[slot(impact)];
    ++errors_;
    codes_ |= code_bit(code);
}

void StageLog::warning(SourceLocation where, std::string key_path, std::string message, std::string hint) {
    items_.warning(std::move(where), std::move(key_path), std::move(message), std::move(hint));
    classify();
}

std::size_t StageLog::errors() const {
    classify();
    return errors_;
}

std::size_t StageLog::count(Impact impact) const {
    classify();
    return counts_[slot(impact)];
}

bool StageLog::has(ExitCode code) const {
    classify();
    return (codes_ & code_bit(code)) != 0;
}

void StageLog::clear() {
    items_ = Diagnostics();
    impacts_.clear();
    counts_[0] = counts_[1] = counts_[2] = 0;
    errors_ = 0;
    codes_ = 0;
}

void StageLog::merge_into(StageLog &parent) {
    classify();
    parent.classify();
    const auto &all = items_.all();
    for (std::size_t i = 0; i < all.size(); ++i) {
        parent.items_.add(all[i]);
        parent.impacts_.push_back(impacts_[i]);
        ++parent.counts_[slot(impacts_[i])];
        if (all[i].severity == Severity::error) {
            ++parent.errors_;
            parent.codes_ |= code_bit(all[i].code);
        }
    }
    clear();
}

void StageLog::merge_into(Diagnostics &parent) {
    parent.merge(items_);
    clear();
}

void StageLog::merge_new_into(Diagnostics &parent) {
    std::set<std::string> held;
    for (const auto &d : parent.all()) held.insert(d.format());
    for (const auto &d : items_.all())
        if (held.insert(d.format()).second) parent.add(d);
    clear();
}

bool plugin_checks_may_run(const StageLog &config_stage) { return config_stage.count(Impact::may_mask) == 0; }

}  // namespace vhh::host
