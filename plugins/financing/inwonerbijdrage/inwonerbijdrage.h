// financing.inwonerbijdrage: what every gemeente pays for the Veiligheidshuis, by the key
// (verdeelsleutel) its region agreed on, selected by the setting `sleutel`:
//
//   per_inwoner        bijdrage = inwoners × tarief (Zeeland 2013: € 0,40 per inwoner); the default.
//   pro_rata           a fixed `totaal` divided in proportion to inwoners.
//   vast_plus_inwoner  `vast_per_gemeente` for every gemeente plus a variable part: either
//                      inwoners × `tarief`, or (with `totaal`) what is left of the totaal after
//                      the fixed parts, divided in proportion to inwoners.
//   vaste_bedragen     agreed fixed amounts for some gemeenten (`vaste_bedragen`); the rest of
//                      `totaal` divided in proportion to inwoners over the other gemeenten
//                      (Maas & Leijgraaf 2015: € 237.000, of which Boekel pays € 3.213).
//
// Every division is by largest remainder (vhh::allocate_largest_remainder) in units of one cent
// or, with `afronding: euro`, one whole euro, so the parts add up to the total exactly.
// Optional: yearly indexatie of the tarief from a basisjaar, and the afrekening of the
// voorlopige bijdrage (source "afrekening", see below).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vhh/plugin.h"

namespace vhh::inwonerbijdrage {

/// Number of rows in the settings table.
inline constexpr std::size_t kSettingCount = 10;

/// The plugin's settings table (declared once: validates and documents).
extern const vhh_setting_spec kSettings[kSettingCount];

/// Source id of the bijdrage lines this plugin adds.
inline constexpr const char *kSource = "inwonerbijdrage";
/// Source id of the afrekening lines (settlement of the voorlopige bijdrage).
inline constexpr const char *kAfrekeningSource = "afrekening";
/// Name of the key sheet in bijdragen-Y.xlsx.
inline constexpr const char *kSheetName = "Inwonerbijdrage";
/// Name of the afrekening sheet in bijdragen-Y.xlsx.
inline constexpr const char *kAfrekeningSheetName = "Afrekening";

/// The allocation key.
enum class Sleutel { per_inwoner, pro_rata, vast_plus_inwoner, vaste_bedragen };
/// The allocation unit: one cent or one whole euro.
enum class Afronding { cent, euro };

/// The setting text of a key ("per_inwoner", ...).
const char *sleutel_name(Sleutel s);

/// An agreed fixed amount for one gemeente (sleutel vaste_bedragen).
struct VastBedrag {
    std::string gemeente;  ///< CBS code
    Money bedrag;          ///< the agreed amount
};

/// The indexation of one year: the tarief of `jaar` is the tarief of the year before × (1 + percentage).
struct Indexatie {
    int jaar = 0;
    std::int64_t ppm = 0;  ///< the percentage in millionths (2,5 % = 25000)
};

/// One applied indexation step, as the basis and the sheet show it.
struct IndexStap {
    int jaar = 0;
    std::int64_t ppm = 0;
    Money tarief;  ///< the tarief of `jaar` after this step
};

/// The checked settings of one run: what the key needs and nothing it does not use.
struct Regeling {
    Sleutel sleutel = Sleutel::per_inwoner;
    Afronding afronding = Afronding::cent;
    std::optional<Money> tarief;                ///< per_inwoner; vast_plus_inwoner (variable part per inwoner)
    std::optional<Money> totaal;                ///< pro_rata, vaste_bedragen; vast_plus_inwoner (instead of tarief)
    std::optional<Money> vast_per_gemeente;     ///< vast_plus_inwoner
    std::vector<VastBedrag> vaste_bedragen;     ///< vaste_bedragen
    std::optional<int> basisjaar;               ///< the year `tarief` is the tarief of (with indexatie)
    std::vector<Indexatie> indexatie;           ///< yearly indexation of the tarief
    std::optional<Money> afrekening_resultaat;  ///< + overschot (back to the gemeenten), − tekort
    std::string afrekening_bron;                ///< where the resultaat comes from (jaarrekening)

    /// One unit of allocation in cents: 1 (cent) or 100 (euro).
    std::int64_t unit_cents() const { return afronding == Afronding::euro ? 100 : 1; }
};

/// Reads and cross-checks the validated settings against the region. Reports every problem as
/// a located error (78 for missing, unused or unknown references, 65 for impossible figures),
/// with key paths prefixed by `key_prefix` (e.g. "financing.inwonerbijdrage"). Returns nothing
/// when there was an error.
std::optional<Regeling> read_regeling(const Settings &settings, const Region &region, Diagnostics &diag,
                                      const std::string &key_prefix = "financing.inwonerbijdrage");

/// Rounds num / den to the nearest whole number, halves away from zero (den > 0).
std::int64_t round_half_away(__int128 num, std::int64_t den);

/// The tarief of `boekjaar`: `basis` (the tarief of `basisjaar`) indexed by every entry with
/// basisjaar < jaar <= boekjaar, in order of jaar, compounding: each year's tarief is the
/// previous one × (1 + percentage), rounded to the cent, halves away from zero. Entries for
/// later years are ignored. Appends the applied steps to `steps` when given.
Money index_tarief(Money basis, int basisjaar, int boekjaar, std::vector<Indexatie> indexatie,
                   std::vector<IndexStap> *steps = nullptr);

/// One gemeente's bijdrage and how it came about.
struct Deel {
    Money vast;                ///< fixed part: vast_per_gemeente, or the agreed amount (vaste_bedragen)
    bool vast_bedrag = false;  ///< true for a gemeente with an agreed fixed amount
    Money variabel_exact;      ///< inwoners × tarief (tarief keys to the cent)
    std::int64_t weging = 0;   ///< weight in the divided part (inwoners; 0 when it takes no part)
    Money aandeel;             ///< its share of the divided part, rounded down to the unit
    Money rest;                ///< the unit it got from the remainder (0 or one unit)
    Money bedrag;              ///< the bijdrage: vast + variabel_exact + aandeel + rest
};

/// The bijdrage of every gemeente under a Regeling.
struct Berekening {
    Regeling regeling;
    Money tarief;                    ///< the (indexed) tarief of the boekjaar, when the key has one
    std::vector<IndexStap> stappen;  ///< applied indexation steps
    bool verdeeld = false;           ///< true when a total is divided by largest remainder
    Money variabel_exact_totaal;     ///< Σ inwoners × tarief before rounding to euros (tarief keys, euro)
    Money te_verdelen;               ///< the divided total (pro rata part)
    std::int64_t weging_totaal = 0;  ///< Σ weights of the divided part
    std::vector<Deel> delen;         ///< one per gemeente, in region order
    Money totaal;                    ///< Σ bedrag
};

/// Computes every gemeente's bijdrage. Expects a Regeling that read_regeling accepted for this
/// region; throws std::invalid_argument when the figures cannot be divided.
Berekening bereken(const Region &region, const Regeling &regeling);

/// The contribution lines (source "inwonerbijdrage"), one per gemeente.
std::vector<ContributionLine> describe_lines(const Region &region, const Berekening &b);

/// The key sheet: inputs in cells, amounts as formulas with their exact values, a total row.
Table describe_key_sheet(const Region &region, const Berekening &b);

/// The weights the afrekening divides the resultaat by: inwoners for per_inwoner and pro_rata
/// (these keys are proportional to inwoners), the voorlopige bijdrage in cents for the keys
/// with fixed parts (every gemeente shares in proportion to what it paid).
std::vector<std::int64_t> afrekening_weights(const Region &region, const Berekening &b);

/// The afrekening of one gemeente.
struct AfrekeningDeel {
    std::int64_t weging = 0;
    Money aandeel;  ///< share of |resultaat|, rounded down to the unit
    Money rest;     ///< remainder unit (0 or one unit)
    Money bedrag;  ///< what the gemeente pays on top of its voorlopige bijdrage: −share for an overschot, +share for a
                   ///< tekort
};

/// The afrekening: |resultaat| divided by largest remainder with afrekening_weights. Sign
/// convention: a line's amount is what the gemeente pays, so an overschot (resultaat > 0) gives
/// negative amounts (money back) and a tekort positive ones; the lines add up to −resultaat and
/// voorlopige bijdrage + afrekening = definitieve bijdrage. Throws std::invalid_argument when the
/// resultaat is not zero and every weight is zero.
std::vector<AfrekeningDeel> bereken_afrekening(const Region &region, const Berekening &b);

/// The afrekening lines (source "afrekening"), one per gemeente.
std::vector<ContributionLine> describe_afrekening_lines(const Region &region, const Berekening &b,
                                                        const std::vector<AfrekeningDeel> &delen);

/// The Afrekening sheet: resultaat and weights in cells, shares as formulas with their values,
/// voorlopige bijdrage (from the key sheet), afrekening and definitieve bijdrage, a total row.
Table describe_afrekening_sheet(const Region &region, const Berekening &b, const std::vector<AfrekeningDeel> &delen);

/// Computes one line per gemeente: inwoners × tarief (sleutel per_inwoner to the cent).
std::vector<ContributionLine> compute_lines(const Region &region, Money tarief);

/// The sheet for sleutel per_inwoner to the cent: inputs in cells, each bijdrage as a
/// formula with its computed value, and a total row.
Table describe_sheet(const Region &region, Money tarief, const std::vector<ContributionLine> &lines);

/// The plugin object.
class InwonerbijdragePlugin : public Plugin {
public:
    void compute(ComputeContext &ctx) override;
};

}  // namespace vhh::inwonerbijdrage
