// region.zeeland: Zeeland's own regional logic. The Veiligheidshuis Zeeland works on the scale of the
// veiligheidsregio Zeeland, but the police is organised differently: the regeling (shared/seeds/000_…,
// Ontwikkelingen 2) notes that Tholen belongs to veiligheidsregio Zeeland but, for the police, to
// district Markiezaten (of eenheid Zeeland-West-Brabant) — "Dit vergt opvolging". The plugin keeps
// per gemeente its veiligheidsregio, politie-eenheid and politiedistrict, checks them against the
// region, and describes the region report regio-Y (worded by templates/regio-zeeland.txt.mustache): every
// gemeente with its indeling, and each gemeente whose politiedistrict differs from the district of
// the other gemeenten of its veiligheidsregio, with a statement saying so.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "vhh/plugin.h"

namespace vhh::region_zeeland {

/// The plugin's settings table (declared once: validates and documents).
extern const vhh_setting_spec kSettings[1];

/// The indeling of one gemeente.
struct Indeling {
    std::string code;              ///< CBS code
    std::string naam;              ///< from the region
    std::string veiligheidsregio;  ///< e.g. "Zeeland"
    std::string politie_eenheid;   ///< e.g. "Zeeland-West-Brabant" (may be empty)
    std::string politiedistrict;   ///< e.g. "Markiezaten"
    std::string toelichting;       ///< optional note
    std::string bron;              ///< where the indeling comes from
    SourceLocation where;          ///< where the entry's gemeente is written
};

/// A gemeente whose politiedistrict is not the district of most gemeenten of its veiligheidsregio.
struct Afwijking {
    std::size_t index = 0;       ///< into Regio::gemeenten
    std::string gangbaar;        ///< the district of most gemeenten of the veiligheidsregio
    std::size_t andere = 0;      ///< how many gemeenten of the veiligheidsregio are in that district
};

/// The checked indeling of the region, in the region's gemeente order.
struct Regio {
    std::vector<Indeling> gemeenten;
    std::vector<Afwijking> afwijkingen;
};

/// Reads the settings and checks them against the region. Errors (78, located at the entry, key
/// path prefixed with `key_prefix`): a gemeente code that is not a gemeente of the region (a code
/// merged away by a herindeling in force names the new gemeente in the hint; a name instead of a
/// code names the code), a gemeente listed twice, a gemeente of the region without an entry (at the
/// `gemeenten` setting), an empty veiligheidsregio or politiedistrict. Nothing when there was one.
std::optional<Regio> read_regio(const Settings &settings, const Region &region, Diagnostics &diag,
                                const std::string &key_prefix);

/// Per veiligheidsregio, the district of most of its gemeenten (ties: the one named first in region
/// order) is its usual district; every gemeente in another district is an afwijking, in region order.
std::vector<Afwijking> afwijkingen(const std::vector<Indeling> &gemeenten);

/// The statement about an afwijking, e.g. "Tholen (GM0716) valt voor de veiligheidsregio onder
/// Zeeland, maar voor de politie onder district Markiezaten (eenheid Zeeland-West-Brabant). De andere
/// 12 gemeenten van veiligheidsregio Zeeland vallen onder district Zeeland."
std::string statement(const Regio &regio, const Afwijking &a);

/// The document regio-Y: the indeling per gemeente as a table, worded by the template
/// regio-zeeland.txt.mustache (the afwijkingen, toelichtingen and bronnen are its data).
doc::Document build_document(const Regio &regio, const Region &region);

/// The plugin object (kind REPORT).
class ZeelandPlugin : public Plugin {
public:
    void report(ReportContext &ctx) override;
};

}  // namespace vhh::region_zeeland
