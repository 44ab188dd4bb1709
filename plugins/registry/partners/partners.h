// registry.partners: the partner registry of a Veiligheidshuis. It reads the partners from its
// settings (usually `bestand: partners.yaml`), checks them against the region and the boekjaar,
// registers them for other plugins (financing.werkplekhuur bills their werkplekken) and
// describes them in the document partners-Y (every configured format). Partners are organisations: roles,
// never persons.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "vhh/plugin.h"

namespace vhh::partners {

/// Number of rows of the settings table.
inline constexpr std::size_t kSettingCount = 3;
/// The plugin's settings table (declared once: validates and documents).
extern const vhh_setting_spec kSettings[kSettingCount];

/// The domeinen a partner can belong to, in the order documents list them.
extern const std::vector<std::string> kDomeinen;
/// The rings around the Veiligheidshuis, from the inside out.
extern const std::vector<std::string> kRingen;

/// A warning about a partner: located, with a message for `vhh check` and the report.
struct Warning {
    SourceLocation where;
    std::string key_path;
    std::string message;  ///< for stderr, e.g. "partner 'om' is housed but has no convenant gegevensdeling"
    std::string hint;
    std::string text;     ///< for the raad, e.g. "Openbaar Ministerie: gehuisvest zonder convenant gegevensdeling"
};

/// Reads the partners from validated settings and checks them. `key_prefix` is the key path of
/// the plugin's entry ("plugins[1]"; empty when unknown). Every problem is recorded in `diag`:
/// duplicate ids, an unknown ring or domein and gemeenten outside the region (ExitCode::config);
/// werkplekken of a partner that is not housed, two convenanten with one datum, werkplekken in a
/// year the partner is not active, periods that end before they start or overlap an earlier
/// period of the same partner (ExitCode::data).
/// The registry is dated history and may span years; each Partner describes the boekjaar: its
/// convenant is the latest dated in or before the boekjaar (none when all are later: not yet in
/// force, no error), and it is `gehuisvest` when the config says so and, if it has werkplek
/// periods, one of them has a day in the boekjaar.
/// Returns the partners in config order, active in the boekjaar or not; a duplicate id is left out
/// (its first one stays).
/// When `rollen` is given, it receives each partner's `rol` (what it does) by id.
std::vector<Partner> read_partners(const Settings &settings, const Region &region, const std::string &key_prefix,
                                   Diagnostics &diag, std::map<std::string, std::string> *rollen = nullptr);

/// Warnings for the boekjaar: housed partners without a convenant gegevensdeling.
std::vector<Warning> warnings(const std::vector<Partner> &partners);

/// Werkplekken in a year as a Dutch number: 30 werkplek-maanden -> "2,5", 24 -> "2", 1 -> "0,08".
std::string werkplekken_text(std::int64_t werkplek_maanden);

/// Presentation of the documents: where the figures come from.
struct Provenance {
    std::string bron;          ///< source of the registry
    bool illustratief = false; ///< true when figures (werkplekken) are illustrative
};

/// Name of partner `partner`'s (0-based, in `partners` order) werkplek-maanden cell: "maanden_1".
std::string maanden_name(std::size_t partner);
/// Name of partner `partner`'s werkplekken cell (werkplek-maanden / 12): "werkplekken_1".
std::string werkplekken_name(std::size_t partner);
/// Id of a ring's table: "ring_kern", "ring_flexibele_schil".
std::string ring_table_id(const std::string &ring);

/// The table of one ring: a row per partner of the ring (naam, domein, gehuisvest, werkplek-maanden,
/// werkplekken as a formula over them, convenant) and a total row.
doc::Table ring_table(const std::vector<Partner> &partners, const std::string &ring, int year);

/// The table "samenvatting": partners, gehuisvest and werkplekken per ring and per domein (werkplekken
/// as sums of the partners' cells) and a total row adding up the rings.
doc::Table summary_table(const std::vector<Partner> &partners, int year);

/// The document partners-Y, worded by the template partners.txt.mustache: per ring the partners, their
/// werkplekken and convenant status, the warnings and the summary. `rollen`: each partner's role by id.
doc::Document build_document(const Region &region, const std::vector<Partner> &partners,
                             const Provenance &provenance, const std::map<std::string, std::string> &rollen = {});

/// The plugin object: load (read, check, register, warn) and report (the document).
class PartnersPlugin : public Plugin {
public:
    void load(LoadContext &ctx) override;
    void report(ReportContext &ctx) override;

private:
    std::map<std::string, std::string> rollen_;  ///< each partner's role by id, read in the load phase
};

}  // namespace vhh::partners
