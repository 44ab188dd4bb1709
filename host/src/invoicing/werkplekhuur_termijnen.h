// Werkplekhuur billed per termijn (facturatie.werkplekhuur_termijnen): a partner's werkplekhuur of the
// year, as the vastgestelde begroting holds it, split over the termijnen in proportion to its
// werkplek-units in each (the periods of the partner registry clipped to the termijn, counted by the
// werkplekhuur plugin's pro_rata rule), by largest remainder: the parts add up to the year exactly.
#pragma once

#include <cstdint>
#include <vector>

#include "invoicing/termijnen.h"
#include "pro_rata.h"
#include "vhh/partner.h"

namespace vhh::host::invoicing {

/// The werkplek-units (werkplek-maanden, or -dagen by rule `dagen`) of `partner` in each termijn of
/// `jaar`: Σ aantal × the units of its periods clipped to the termijn, by `rule`. The termijnen
/// cover the year, so by every rule they add up to the partner's units of the year.
std::vector<std::int64_t> werkplek_units_per_termijn(const Partner &partner, const std::vector<Termijn> &termijnen,
                                                     int jaar, werkplekhuur::ProRata rule);

/// `total` split in proportion to `weights` (each ≥ 0): every part total × weight / Σ weights rounded
/// down, the cents left over one each to the largest remainders (ties: the earlier part). The parts add
/// up to `total` exactly. All weights 0: split_evenly. A negative total is split as its opposite, negated.
std::vector<std::int64_t> split_by_weights(std::int64_t total, const std::vector<std::int64_t> &weights);

}  // namespace vhh::host::invoicing
