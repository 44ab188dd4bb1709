// The config's `kalender:` (the region's planned dates per calendar year), its check against the
// Wgr calendar, and `vhh kalender`'s output.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "config/yaml_document.h"
#include "cycle/wgr_kalender.h"
#include "vhh/diagnostics.h"

namespace vhh::host::cycle {

/// One year of `kalender:` as written: the plan and where each of its dates is.
struct PlannedYear {
    KalenderPlan plan;
    SourceLocation where;                           ///< the year's key
    std::map<std::string, SourceLocation> dates;    ///< per planned key, where its date is written
};

/// The keys of a year in `kalender:`, in the order of the cycle.
const std::vector<std::string> &kalender_keys();

/// Reads `kalender:` (a map of calendar years to maps of planned dates). Structure problems are
/// config errors (78), dates that are not dates data errors (65); the years read are appended.
void read_kalender(const YamlNode &node, std::vector<PlannedYear> &out, Diagnostics &diag);

/// Records an error (65) at the planned date of every step the plan cannot meet under the Wgr.
void check_kalender(const std::vector<PlannedYear> &years, Diagnostics &diag);

/// The plan of calendar year `jaar`, or an empty plan of that year.
KalenderPlan plan_for(const std::vector<PlannedYear> &years, int jaar);

/// `vhh kalender` as a table (Dutch dates, one line per step, the regime on top).
std::string kalender_table(int jaar, const std::vector<KalenderStap> &steps);

/// `vhh kalender --format json`: {"jaar", "regime", "stappen": [{"stap", "document", "grondslag",
/// "termijn", "deadline", "gepland", "status", "probleem"}]} (dates YYYY-MM-DD or null).
std::string kalender_json(int jaar, const std::vector<KalenderStap> &steps);

}  // namespace vhh::host::cycle
