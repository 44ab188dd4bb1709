#include "diagnostic_output.h"

#include <map>
#include <utility>
#include <vector>

#include "vhh/text.h"

namespace vhh::host {

std::string format_capped(const Diagnostics &diag, std::size_t cap) {
    struct Count {
        std::size_t errors = 0, warnings = 0;
    };
    std::map<std::string, Count> shown;                 // per file
    std::vector<std::pair<std::string, Count>> hidden;  // per file, in first-hidden order
    std::string out;
    for (const auto &d : diag.all()) {
        Count &seen = shown[d.where.file];
        std::size_t &n = d.severity == Severity::error ? seen.errors : seen.warnings;
        if (d.severity == Severity::note || n < cap) {
            if (d.severity != Severity::note) ++n;
            out += d.format() + "\n";
            continue;
        }
        auto it = hidden.begin();
        while (it != hidden.end() && it->first != d.where.file) ++it;
        if (it == hidden.end()) it = hidden.insert(hidden.end(), {d.where.file, Count{}});
        ++(d.severity == Severity::error ? it->second.errors : it->second.warnings);
    }
    for (const auto &gone : diag.dropped()) {  // recorded but not kept: counted only
        auto it = hidden.begin();
        while (it != hidden.end() && it->first != gone.file) ++it;
        if (it == hidden.end()) it = hidden.insert(hidden.end(), {gone.file, Count{}});
        it->second.errors += gone.errors;
        it->second.warnings += gone.warnings;
    }
    for (const auto &[file, count] : hidden) {
        std::string what;
        const auto plural = [](std::size_t n, const char *one, const char *many) {
            return std::to_string(n) + " " + (n == 1 ? one : many);
        };
        if (count.errors) what = plural(count.errors, "more error", "more errors");
        if (count.warnings)
            what += (what.empty() ? "" : " and ") + plural(count.warnings, "more warning", "more warnings");
        Diagnostic note{Severity::note, ExitCode::ok, {file, 0, 0}, "",
                        what + " in this file " + (count.errors + count.warnings == 1 ? "is" : "are") +
                            " not shown (the first " + std::to_string(cap) + " are)",
                        ""};
        out += note.format() + "\n";
    }
    return out;
}

std::string printable_text(const std::string &text) { return escape_controls(excerpt(text, 1000)); }

}  // namespace vhh::host
