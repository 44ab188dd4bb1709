// The gemeenten that pay in a year of the meerjarenraming (ReportContext::divide_bijdrage, SDK ABI 3):
// the region of the boekjaar with every herindeling in force on 1 January of that year applied, so a
// raming over 2015–2018 divides 2017 and 2018 over Meierijstad where 2015 and 2016 divide over Veghel
// and Sint-Oedenrode.
#pragma once

#include "vhh/region.h"

namespace vhh::host::cycle {

/// `region` (its gemeenten as of its boekjaar) as it is in `jaar`: for every herindeling in force in
/// `jaar` but not yet in the boekjaar, its gemeenten (`van`, and `naar` when the region already has
/// it) replaced by one gemeente `naar` at the place of the first of them, its inwoners the sum and its
/// inwoners_bron naming them. A year before the boekjaar keeps the boekjaar's gemeenten (the region
/// holds no inwoners of gemeenten merged before its boekjaar). boekjaar becomes `jaar`.
Region region_in_jaar(const Region &region, int jaar);

}  // namespace vhh::host::cycle
