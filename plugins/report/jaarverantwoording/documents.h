// report.jaarverantwoording — the documents, described in the SDK's document model (vhh/document.h):
// jaarverantwoording-Y (programma's, overzicht van baten en lasten, verschillen, reserves en
// weerstandsvermogen, bijdragen per gemeente, casussen; amounts as formula expressions over named
// cells with their values, charts as data) and one letter raadsbrief-Y-<gemeente> per gemeente,
// worded by the template raadsbrief.txt.mustache. The host renders them in every configured format.
// Public documents show case counts with suppression ("<5", "x").
#pragma once

#include <string>
#include <vector>

#include "jaarrekening.h"
#include "vhh/document.h"
#include "vhh/report.h"

namespace vhh::jaarverantwoording {

/// The template that words the raadsbrief (templates/raadsbrief.txt.mustache; users may reword it).
inline constexpr const char *kRaadsbriefTemplate = "raadsbrief.txt.mustache";

/// How a suppressed or published count is shown: "12", "<5", "x".
std::string count_text(std::int64_t value, CellStatus status, std::int64_t minimum);

/// jaarverantwoording-Y: the report.
doc::Document build_jaarverantwoording(const Jaarrekening &j, const Region &region);

/// raadsbrief-Y-<slug> for gemeente `index` of the region: a letter whose tables (its bijdrage,
/// its casussen) the plugin describes and whose wording comes from kRaadsbriefTemplate.
doc::Document build_raadsbrief(const Jaarrekening &j, const Region &region, std::size_t index);

}  // namespace vhh::jaarverantwoording
