// report.jaarverantwoording — the documents: jaarverantwoording-Y.xlsx (Samenvatting, Baten en lasten,
// Bijdragen per gemeente, Indicatoren, Reserves; amounts as formulas with their values, charts over
// cell ranges), the data for jaarverantwoording-Y.txt and for one raadsbrief-Y-<gemeente>.txt per
// gemeente. Public documents show case counts with suppression ("<5", "x").
#pragma once

#include <string>
#include <vector>

#include "jaarrekening.h"
#include "vhh/report.h"

namespace vhh::jaarverantwoording {

/// Sheet names of the workbook.
inline constexpr const char *kSheetSamenvatting = "Samenvatting";
inline constexpr const char *kSheetBatenLasten = "Baten en lasten";
inline constexpr const char *kSheetBijdragen = "Bijdragen per gemeente";
inline constexpr const char *kSheetIndicatoren = "Indicatoren";
inline constexpr const char *kSheetReserves = "Reserves";

/// How a suppressed or published count is shown: "12", "<5", "x".
std::string count_text(std::int64_t value, CellStatus status, std::int64_t minimum);

/// jaarverantwoording-Y.xlsx.
Workbook build_workbook(const Jaarrekening &j, const Region &region);

/// jaarverantwoording-Y.txt (template jaarverantwoording.txt.mustache).
TextDocument build_text(const Jaarrekening &j, const Region &region);

/// raadsbrief-Y-<slug>.txt for gemeente `index` of the region (template raadsbrief.txt.mustache).
TextDocument build_raadsbrief(const Jaarrekening &j, const Region &region, std::size_t index);

}  // namespace vhh::jaarverantwoording
