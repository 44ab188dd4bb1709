// report.jaarverantwoording — the voorstel resultaatbestemming (issue 14): what the dagelijks bestuur
// proposes to do with the resultaat na bestemming, following its sign. A voordelig resultaat that the
// afrekening divides goes back to the gemeenten, a nadelig one is paid by them; without an afrekening a
// voordelig resultaat is added to the first reserve that counts as weerstandscapaciteit and a nadelig
// one withdrawn from it (saying so when that reserve cannot bear it); a resultaat of 0 has nothing to
// bestemmen.
#pragma once

#include <string>

#include "jaarrekening.h"
#include "vhh/document.h"

namespace vhh::jaarverantwoording {

/// The proposal as one sentence (the section's text), for `j`'s boekjaar `year`.
std::string resultaatbestemming_voorstel(const Jaarrekening &j, int year);

/// The section "Voorstel resultaatbestemming".
doc::Section resultaatbestemming_section(const Jaarrekening &j, int year);

}  // namespace vhh::jaarverantwoording
