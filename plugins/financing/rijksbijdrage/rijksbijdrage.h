// financing.rijksbijdrage: the contribution of the Rijk (ministerie van Justitie en Veiligheid) to the
// Veiligheidshuis, paid via the centrumgemeente (Zeeland 2013: € 161.700 to Middelburg GM0687).
// Where one veiligheidsregio has several Veiligheidshuis locations (Oost-Brabant has three), the
// bedrag can be split over `locaties` by an agreed key (weights or percentages), by largest remainder.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vhh/plugin.h"

namespace vhh::rijksbijdrage {

/// One location record as the settings table binds it.
struct LocatieSettings {
    Located<std::string> naam;                        ///< the location's name
    std::optional<Located<std::int64_t>> gewicht;     ///< one of gewicht and percentage (the host checks)
    std::optional<Located<std::int64_t>> percentage;  ///< in millionths
};

/// The plugin's settings as its table binds them.
struct RijksbijdrageSettings {
    Money bedrag;                                    ///< the whole rijksbijdrage
    std::optional<std::string> ontvanger;            ///< a gemeente of the region (the host checks); absent: centrumgemeente
    Located<std::vector<LocatieSettings>> locaties;  ///< empty: no split
};

/// The plugin's settings table (declared once: validates, documents and binds).
extern const SettingsTable<RijksbijdrageSettings> kSettings;

/// Source id of the lines this plugin adds.
inline constexpr const char *kSource = "rijksbijdrage";
/// Payer id of every line: the Rijk.
inline constexpr const char *kPayerId = "RIJK";
/// Payer display name of every line.
inline constexpr const char *kPayer = "Rijk (ministerie van Justitie en Veiligheid)";

/// A Veiligheidshuis location that receives a share of the bedrag.
struct Locatie {
    std::string naam;          ///< display name, e.g. "Veiligheidshuis Maas en Leijgraaf"
    std::int64_t gewicht = 0;  ///< weight, or the percentage in millionths when the key is in percentages
    SourceLocation where;      ///< where the location is written (its naam)
};

/// The validated input of one rijksbijdrage.
struct Input {
    Money bedrag;                  ///< the whole rijksbijdrage
    std::string ontvanger;         ///< CBS code of the gemeente that receives it
    std::vector<Locatie> locaties; ///< empty: no split
    bool percentages = false;      ///< true when the locations' key is in percentages (weights are ppm)
};

/// Reads the plugin's settings (validated by the host against kSettings: the ontvanger is a
/// gemeente of the region, a location has exactly one of gewicht and percentage) and checks what
/// the table cannot say: all locations use the same kind of key (78), names are unique (78); weights not all zero (65);
/// percentages add up to exactly 100 % (65). Every problem is reported located in `diag`, its key
/// path prefixed with `key_prefix` (the plugin entry's, e.g. "plugins[1]"; empty when unknown);
/// returns nothing when there was one.
std::optional<Input> read_input(const Settings &settings, const Region &region, Diagnostics &diag,
                                const std::string &key_prefix = "");

/// The lines: one for the whole bedrag, or one per location with its share by largest
/// remainder (parts add up to the bedrag exactly; input `restcent` says who got a remainder cent).
std::vector<ContributionLine> compute_lines(const Region &region, const Input &input);

/// The sheet "Rijksbijdrage" for bijdragen-Y.xlsx: the bedrag and ontvanger as inputs in cells,
/// each location's share as a formula with its computed value, and a total row.
Table describe_sheet(const Region &region, const Input &input, const std::vector<ContributionLine> &lines);

/// The plugin object.
class RijksbijdragePlugin : public Plugin {
public:
    void compute(ComputeContext &ctx) override;
};

}  // namespace vhh::rijksbijdrage
