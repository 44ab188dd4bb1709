// report.begroting — its settings table and the checked configuration read from it (begroting.yaml).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "vhh/plugin.h"

namespace vhh::begroting {

/// Number of top-level settings.
inline constexpr std::size_t kSettingCount = 14;
/// The plugin's settings table (declared once: validates and documents).
extern const vhh_setting_spec kSettings[kSettingCount];

/// The categorie of a post that is not indexed.
inline constexpr const char *kGeen = "geen";

/// A programma in BBV form for a begroting: the three W-questions (the third from the posten).
struct Programma {
    std::string code;
    std::string naam;
    std::string bereiken;  ///< Wat willen we bereiken?
    std::string doen;      ///< Wat gaan we daarvoor doen?
};

/// A begrotingspost: the begroting of the basisjaar (the boekjaar) and how it is carried forward.
struct Post {
    std::string code;
    std::string naam;
    std::string soort;      ///< "baten" or "lasten"
    std::string programma;  ///< programma code, or empty
    std::string categorie;  ///< indexation categorie, or "geen"
    std::string taakveld;   ///< Iv3, e.g. "1.2 Openbare orde en veiligheid"
    Money bedrag;           ///< the begroting of the basisjaar in the config
    bool incidenteel = false;
    bool gemeentelijke_bijdrage = false;  ///< divided over the gemeenten by the region's key
    std::string bron;
    SourceLocation where;
    std::string key_path;   ///< "plugins[8].posten[2]"
};

/// One percentage of one categorie in one year.
struct Index {
    int jaar = 0;
    std::string categorie;
    std::int64_t ppm = 0;
    std::string bron;
};

/// A budgeted mutation of a reserve in one year of the meerjarenraming.
struct ReserveMutatie {
    int jaar = 0;
    Money toevoeging;   ///< added (from the resultaat)
    Money onttrekking;  ///< withdrawn (to the resultaat)
    std::string toelichting;
};

/// A reserve as it stands at the start of the begrotingsjaar (for the weerstandsvermogen), with its
/// budgeted mutations per year.
struct Reserve {
    std::string naam;
    Money stand;
    bool weerstand = true;
    std::vector<ReserveMutatie> mutaties;  ///< at most one per year

    /// The mutation of `jaar`, or nullptr.
    const ReserveMutatie *mutatie(int jaar) const {
        for (const auto &m : mutaties)
            if (m.jaar == jaar) return &m;
        return nullptr;
    }
};

/// A quantified risk.
struct Risico {
    std::string naam;
    Money bedrag;
    std::int64_t kans_ppm = 0;
};

/// The checked configuration.
struct Config {
    int basisjaar = 0;       ///< the boekjaar: the year of the begroting the raming starts from
    int begrotingsjaar = 0;  ///< boekjaar or boekjaar + 1
    bool illustratief = false;
    std::string opmerking;
    std::vector<Index> indexatie;
    std::vector<Programma> programmas;
    std::vector<Post> posten;
    std::string nieuw_beleid;
    std::string bedrijfsvoering;
    std::vector<Reserve> reserves;
    std::vector<Risico> risicos;
    std::optional<Date> datum_brieven;
    std::optional<Date> vergadering;  ///< the AB meeting that adopts the begroting (when kalender: does not plan it)
    std::string kenmerk;
    /// Begrotingswijzigingen of the boekjaar given in the config (`begrotingswijzigingen:`, numbered
    /// 1, 2, … in order): shown when the run has no store, as the bundled examples do (a store's
    /// recorded wijzigingen take their place when there is one).
    std::vector<BudgetAmendment> wijzigingen;

    /// The years of the meerjarenraming: begrotingsjaar … begrotingsjaar + 3.
    std::vector<int> jaren() const { return {begrotingsjaar, begrotingsjaar + 1, begrotingsjaar + 2, begrotingsjaar + 3}; }
    /// The percentage of `categorie` in `jaar`: 0 for "geen", and 0 for a year indexatie does not give
    /// (read_config warned about it).
    std::int64_t ppm(const std::string &categorie, int jaar) const;
    /// The categories of `indexatie:` in first-seen order.
    std::vector<std::string> categorieen() const;
    /// The gemeentelijke-bijdrage post.
    const Post &bijdrage_post() const;
};

/// Reads the validated settings and checks what the settings table cannot: soort, categorie (one of
/// `indexatie:` or geen) and its percentage for every year, taakveld form, programma references,
/// unique codes, exactly one gemeentelijke-bijdrage post (a year without a percentage is a warning:
/// those posts are not indexed that year), of soort baten, the begrotingsjaar.
/// Structural problems are ExitCode::config (78). Returns nothing when errors were recorded.
std::optional<Config> read_config(const Settings &settings, const Region &region, Diagnostics &diag,
                                  const std::string &key_prefix);

}  // namespace vhh::begroting
