// report.jaarverantwoording — the vastgestelde figures of the administration (when the run has a
// store): the prior-year column from the vastgestelde jaarrekening of boekjaar − 1, the begroting
// columns from the vastgestelde begroting of the boekjaar plus its begrotingswijzigingen.
//
// Rules:
//   - a vastgesteld document applies when at least one of its posten has the code of a configured
//     post; otherwise (a snapshot recorded without this plugin's posten) it is ignored with a
//     warning and the config's figures stay;
//   - realisatie vorig jaar of every post = its amount in the jaarrekening of Y − 1 (€ 0 when the
//     post was not in it): the store wins over `vorig_jaar:` and `grootboek_vorig_jaar`;
//   - begroting primitief of every post = its amount in the begroting of Y (€ 0 when not in it);
//     begroting na wijziging = primitief + the change of every recorded wijziging (by nummer);
//     the config's begroting_primitief and begroting_na_wijziging are then not used (a differing
//     begroting_primitief is a warning);
//   - posten of the store that the config does not have are warnings (their amounts are not shown);
//   - the documents name every snapshot and wijziging they used (Config::administratie_bronnen).
#pragma once

#include <vector>

#include "config.h"
#include "vhh/administration.h"

namespace vhh::jaarverantwoording {

/// Applies `admin` to the configured posten (see the rules above); warnings go to `diag` at
/// `posten_where`.
void apply_administration(Config &config, const Administration &admin, const SourceLocation &posten_where,
                          Diagnostics &diag);

/// What `vhh vaststellen` records of the posten: begroting primitief and realisatie per post.
std::vector<PostFigures> post_figures(const Config &config);

}  // namespace vhh::jaarverantwoording
