#include "config/peildatum_rule.h"

#include <string>

namespace vhh::host {

void check_peildatum(const Region &region, const SourceLocation &where, Diagnostics &diag) {
    const Date start{region.boekjaar, 1, 1};
    if (!region.peildatum.valid() || region.peildatum <= start) return;
    const std::string year = std::to_string(region.boekjaar);
    const std::string hint = "a regeling counts the inwoners at 1 januari of the boekjaar or of an earlier year "
                             "(e.g. " + start.iso() + "); check bevolking.peildatum and regio.boekjaar";
    if (region.peildatum.year >= region.boekjaar + 2) {
        diag.error(ExitCode::data, where, "bevolking.peildatum",
                   "peildatum " + region.peildatum.iso() + " is years after boekjaar " + year +
                       ": these population figures cannot be the boekjaar's",
                   hint);
        return;
    }
    diag.warning(where, "bevolking.peildatum",
                 "peildatum " + region.peildatum.iso() + " is after the start of boekjaar " + year, hint);
}

}  // namespace vhh::host
