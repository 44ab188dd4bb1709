// Printing the diagnostics of a run: every line escaped (Diagnostic::format) and the errors of one
// file capped, as compilers do, so a million broken ledger lines give a page and a count.
#pragma once

#include <cstddef>
#include <string>

#include "vhh/diagnostics.h"

namespace vhh::host {

/// The most errors, and separately the most warnings, printed per file (DESIGN.md: "capped per file,
/// with a count of the rest").
constexpr std::size_t kMaxDiagnosticsPerFile = 100;

/// The diagnostics as printed: in order, each formatted; of each file (the location's file) at most
/// `cap` errors and `cap` warnings, then per file one note with the count of the rest, e.g.
/// "grootboek.csv: note: 999900 more errors in this file are not shown".
std::string format_capped(const Diagnostics &diag, std::size_t cap = kMaxDiagnosticsPerFile);

/// Text from outside (an exception's message, a command-line argument) made safe for the terminal.
std::string printable_text(const std::string &text);

}  // namespace vhh::host
