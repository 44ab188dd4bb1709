// report.begroting — its documents in the SDK's document model: the ontwerpbegroting begroting-Y
// (per programma the three W-questions, overzicht van baten en lasten beside the last vastgestelde
// begroting and jaarrekening, meerjarenraming, bijdrage per gemeente per year, taakvelden,
// incidentele baten en lasten, paragrafen weerstandsvermogen and bedrijfsvoering, what is missing
// for a geprognosticeerde balans and the EMU-saldo), the zienswijzebrief per gemeente and the
// kaderbrief. Amounts are formula expressions over named cells, so the workbook recomputes them.
#pragma once

#include <string>
#include <vector>

#include "config.h"
#include "meerjarenraming.h"

namespace vhh::begroting {

/// What the documents are made of.
struct Invoer {
    const Config &config;
    const Region &region;
    const Raming &raming;
    Zienswijzetermijn termijn;                    ///< from the Wgr calendar
    std::vector<ContributionLine> bijdragen_nu;   ///< the run's inwonerbijdrage lines (the boekjaar's begroting)
};

/// Name prefix of the cells of post `i`: "p3".
std::string post_naam(std::size_t i);
/// Name of the cell of post `i` in year `jaar` of the meerjarenraming: "p3_j2015".
std::string raming_naam(std::size_t i, int jaar);

/// The change from `oud` to `nieuw` in millionths of `oud` (rounded half away from zero); 0 when oud is 0.
std::int64_t verandering_ppm(Money oud, Money nieuw);
/// The metadata of a document of the begroting cycle titled `title` (region, begrotingsjaar, fixed date).
doc::Meta document_meta(const Invoer &in, const std::string &title);

/// begroting-Y.
doc::Document build_begroting(const Invoer &in);
/// zienswijzebrief-Y-<gemeente> for gemeente `index` of the raming's bijdragen; `slug` its file part.
doc::Document build_zienswijzebrief(const Invoer &in, std::size_t index, const std::string &slug);
/// kaderbrief-Y: the uitgangspunten (indexation per categorie, nieuw beleid, the bijdrage per gemeente).
doc::Document build_kaderbrief(const Invoer &in);

}  // namespace vhh::begroting
