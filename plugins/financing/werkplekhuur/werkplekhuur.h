// financing.werkplekhuur: partners housed in the Veiligheidshuis pay per werkplek per year
// (Zeeland 2013: € 5.000; Maas & Leijgraaf: verhuur werkplekken € 103.000 a year).
//
// Pro rata by the rule the setting `pro_rata` names (pro_rata.h): a partner's werkplek-maanden
// in the boekjaar (or werkplek-dagen, by rule `dagen`). The exact huur is tarief × werkplek-maanden
// / 12 (or × werkplek-dagen / the days of the boekjaar), which need not be a whole number of cents.
// The rule, exact to the cent:
//   - the total is tarief × (all units) / (units per year), rounded half up to the cent;
//   - every partner first gets its exact share rounded down to the cent;
//   - the cents still needed to reach the total go one each to the partners with the
//     largest remainders (the largest fractions of a cent); ties go to the partner listed first.
// So the parts add up to the total exactly and each is within one cent of its exact share.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pro_rata.h"
#include "vhh/plugin.h"

namespace vhh::werkplekhuur {

/// The plugin's settings table (declared once: validates and documents).
extern const vhh_setting_spec kSettings[4];

/// Source id of the lines this plugin adds.
inline constexpr const char *kSource = "werkplekhuur";

/// One part of an exact-share allocation.
struct ExactPart {
    Money amount;             ///< the part in cents
    std::int64_t remainder;   ///< numerator mod denominator: the fraction of a cent left after rounding down
    bool received_remainder;  ///< true when the part got one cent from the remainder
};

/// Allocates exact shares numerators[i] / denominator (in cents) by largest remainder: the
/// total is the sum of the shares rounded half up to the cent; each part is its share rounded
/// down plus possibly one remainder cent, given to the largest remainders first (ties: lower
/// index). Parts sum to the total exactly and each lies within one cent of its share.
/// Throws std::invalid_argument for a non-positive denominator or a negative numerator.
std::vector<ExactPart> allocate_exact_shares(const std::vector<std::int64_t> &numerators, std::int64_t denominator);

/// Where a werkplek period is written, for located errors.
struct PeriodSource {
    std::string key_path;    ///< e.g. "partners[1].werkplekken[0]"
    SourceLocation where;    ///< the period
    SourceLocation tot;      ///< its `tot` (the period itself when unknown)
};

/// Partners with where their periods are written (parallel to Partner::werkplekken).
struct PartnerSet {
    std::vector<Partner> partners;
    std::vector<std::vector<PeriodSource>> periods;  ///< per partner, per werkplek period
};

/// The tarief that applies to the boekjaar: the single `tarief`, or the `tarieven` entry for the
/// boekjaar. Reports a located error (78) when both or neither are given, when a jaar is listed
/// twice, or when no tarief is given for the boekjaar; returns nothing then. Key paths of errors
/// start with `key_prefix`, the plugin entry's ("plugins[2]"; empty when unknown).
std::optional<Money> read_tarief(const Settings &settings, int boekjaar, Diagnostics &diag,
                                 const std::string &key_prefix = "");

/// The partners from the plugin's own `partners` setting (duplicate ids: 78); key paths start
/// with `key_prefix` as for read_tarief.
PartnerSet partners_from_settings(const Settings &settings, Diagnostics &diag, const std::string &key_prefix = "");

/// The partners of a partner registry, with their periods located at Partner/WerkplekPeriode::where.
PartnerSet partners_from_registry(const std::vector<Partner> &partners);

/// Checks every werkplek period: it does not end before it starts (65), and the periods of
/// one partner do not overlap (65; the error names both periods and their locations).
/// Returns true when all periods are fine.
bool check_periods(const PartnerSet &set, Diagnostics &diag);

/// The lines: one per partner with werkplek-units in the boekjaar by `rule`, by the exact rule above;
/// the basis names the pro-rata rule.
std::vector<ContributionLine> compute_lines(const std::vector<Partner> &partners, Money tarief, int boekjaar,
                                           ProRata rule = ProRata::eerste_van_de_maand);

/// The sheet "Werkplekhuur" for bijdragen-Y.xlsx: per partner its werkplek-maanden (or -dagen) and the
/// tarief (inputs), the remainder cent, the bedrag as a formula with its value; a total row and a check
/// row naming the pro-rata rule. `lines` are compute_lines' for the same rule.
Table describe_sheet(const std::vector<Partner> &partners, Money tarief, int boekjaar,
                     const std::vector<ContributionLine> &lines, ProRata rule = ProRata::eerste_van_de_maand);

/// The plugin object: partners from the partner registry when one is configured, else from its own
/// `partners` setting (both: a located error, 78).
class WerkplekhuurPlugin : public Plugin {
public:
    void compute(ComputeContext &ctx) override;
};

}  // namespace vhh::werkplekhuur
