// report.jaarverantwoording — its settings table and the checked configuration read from it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "util.h"
#include "vhh/plugin.h"

namespace vhh::jaarverantwoording {

/// Number of top-level settings.
inline constexpr std::size_t kSettingCount = 29;
/// The plugin's settings table (declared once: validates and documents).
extern const vhh_setting_spec kSettings[kSettingCount];
/// Number of fields of a risico.
inline constexpr std::size_t kRisicoFieldCount = 3;
/// The fields of a quantified risk {naam, bedrag, kans} (also report.begroting's risicos).
extern const vhh_setting_spec kRisicoFields[kRisicoFieldCount];

/// A programma in BBV form: the three W-questions (the third is answered from the posten).
struct Programma {
    std::string code;
    std::string naam;
    std::string bereiken;  ///< Wat wilden we bereiken?
    std::string gedaan;    ///< Wat hebben we daarvoor gedaan?
    std::string bron;      ///< where the text comes from
};

/// A begrotingspost with its begroting and, once computed, its realisatie.
struct Post {
    std::string code;
    std::string naam;
    Soort soort = Soort::lasten;
    std::string categorie;                 ///< one of the categories (see categorie_label)
    std::string programma;                 ///< programma code, or empty (not assigned)
    std::optional<std::int64_t> fte;       ///< personnel posts: fte in hundredths (66 = 0,66 fte)
    Money primitief;                       ///< begroting primitief
    Money na_wijziging;                    ///< begroting na wijziging (= primitief when not given)
    std::optional<Money> vorig_jaar;       ///< realisatie of the year before (config or prior ledger)
    std::vector<std::string> lijnen;       ///< sources of contribution lines that are this post's realisatie
    std::string toelichting;               ///< explanation of the verschil
    std::string bron;                      ///< provenance of the figures (e.g. "illustratief")
    SourceLocation where;                  ///< where the post is declared
    std::string key_path;                  ///< "plugins[3].posten[2]"
    bool niet_begroot = false;             ///< added for line sources no post names

    Money uit_lijnen;                      ///< realisatie from contribution lines
    Money uit_grootboek;                   ///< realisatie from the ledger
    int boekingen = 0;                     ///< ledger lines mapped to this post
    int lijnen_aantal = 0;                 ///< contribution lines counted

    /// Realisatie: lines plus ledger.
    Money realisatie() const { return uit_lijnen + uit_grootboek; }
    /// Verschil = realisatie − begroting na wijziging.
    Money verschil() const { return realisatie() - na_wijziging; }
};

/// Maps ledger lines to posten: a line matches when every given field matches (rekening may end in
/// '*' for a prefix); the first matching rule in the list wins.
struct Toewijzing {
    std::string kostenplaats;  ///< empty: any
    std::string rekening;      ///< empty: any; "41*": every account starting with 41
    std::string post;          ///< post code
    SourceLocation where;
    std::string key_path;

    bool matches(const std::string &kp, const std::string &rek) const;
};

/// A reserve with its mutations in the boekjaar.
struct Reserve {
    std::string code;
    std::string naam;
    Money begin;
    Money toevoeging;
    Money onttrekking;
    bool weerstand = true;  ///< counts as beschikbare weerstandscapaciteit
    Money begroot_toevoeging;   ///< budgeted for the boekjaar (begroting na wijziging)
    Money begroot_onttrekking;  ///< budgeted for the boekjaar (begroting na wijziging)
    Money eind() const { return begin + toevoeging - onttrekking; }
};

/// A quantified risk: bedrag × kans is benodigde weerstandscapaciteit.
struct Risico {
    std::string naam;
    Money bedrag;
    std::int64_t kans_ppm = 0;
    Money benodigd() const { return risico_bedrag(bedrag, kans_ppm); }
};

/// Column names of the indicator CSV.
struct IndicatorKolommen {
    std::string thema = "Thema";
    std::string gemeente = "Gemeente";
    std::string niveau = "AVE-niveau";
    std::string aantal = "Aantal";
};

/// An input file named in the settings.
struct InvoerBestand {
    std::string pad;        ///< as written (relative to the settings file)
    SourceLocation where;   ///< where it is named
    std::string key_path;   ///< "plugins[3].grootboek"
};

/// The checked configuration of the plugin.
struct Config {
    std::string key_prefix;  ///< "plugins[3]" or "" when the SDK does not say
    Date vergadering;        ///< meeting of the algemeen bestuur that decides
    bool illustratief = false;
    std::string opmerking;   ///< a note shown at the top of the documents
    std::optional<Date> datum_brieven;  ///< date of the raadsbrieven (default 1 January after the boekjaar)
    std::string kenmerk;     ///< kenmerk of the raadsbrieven before "/<CBS code>" (default "JV<boekjaar>")
    std::vector<Programma> programmas;
    std::vector<Post> posten;
    std::optional<InvoerBestand> grootboek;
    std::optional<InvoerBestand> grootboek_vorig_jaar;
    std::string grootboek_bron;
    std::string grootboek_importer = "importer.csv-nl";  ///< importer plugin that reads the ledger exports
    bool baten_negatief = false;
    std::vector<Toewijzing> toewijzing;
    std::string restpost;
    Drempel drempel;
    std::vector<Reserve> reserves;
    std::vector<Risico> risicos;
    std::optional<InvoerBestand> indicatoren;
    std::string indicatoren_bron;
    IndicatorKolommen indicator_kolommen;
    bool indicatoren_per_casus = false;  ///< the CSV has a line per casus: repeated lines are added up
    std::vector<std::string> themas;
    std::int64_t minimum = 5;
    std::string verdeelsleutel_bron = "inwonerbijdrage";
    /// Which vastgestelde documents of the administration the figures come from (set by
    /// apply_administration), one sentence each; empty without a store.
    std::vector<std::string> administratie_bronnen;

    /// The key path of a setting: "plugins[3].posten[2].code".
    std::string key(const std::string &path) const { return key_prefix.empty() ? path : key_prefix + "." + path; }
    /// Index of the post with this code, or -1.
    int find_post(const std::string &code) const;
};

/// Display name of a categorie ("gemeentelijke_bijdragen" → "Gemeentelijke bijdragen"), or "".
std::string categorie_label(const std::string &categorie);
/// True when `categorie` is allowed for posts of `soort`.
bool categorie_allowed(Soort soort, const std::string &categorie);

/// Reads the validated settings and checks what the settings table cannot: soort and categorie
/// values, references between posten, programma's and toewijzing, unique codes, fte figures.
/// Structural problems are ExitCode::config (78). Returns nothing when errors were recorded.
std::optional<Config> read_config(const Settings &settings, const Region &region, Diagnostics &diag,
                                  const std::string &key_prefix);

}  // namespace vhh::jaarverantwoording
