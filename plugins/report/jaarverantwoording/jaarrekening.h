// report.jaarverantwoording — the figures of the jaarverantwoording, computed from the configuration,
// the contribution lines of the financing plugins, the ledger export and the indicator counts.
//
// Conventions (also stated in the documents):
//   - verschil = realisatie − begroting na wijziging, for baten and lasten alike; V/N then follows
//     from the soort (lasten: positive = N; baten: positive = V);
//   - baten come from the contribution lines: a baten post with `lijnen: [source]` takes the total
//     of those lines as its realisatie; a source no post names becomes an extra baten post
//     "niet begroot" (begroting 0); lines of source "afrekening" are the settlement of the resultaat,
//     not baten, and are left out unless a post names them. So the baten per source equal the totals
//     of `vhh bijdragen` (apart from afrekening);
//   - saldo van baten en lasten = baten − lasten; resultaat = saldo − toevoegingen aan reserves +
//     onttrekkingen aan reserves (the begroting columns carry no reserve mutations);
//   - the resultaat is settled with the gemeenten by the key of the voorlopige bijdrage: the
//     weights are the gemeenten's amounts in the lines of `verdeelsleutel_bron` (inwonerbijdrage),
//     |resultaat| is divided by largest remainder (parts add up exactly) and gets the sign back;
//     a positive resultaat (overschot) goes back to the gemeenten: afrekening = −aandeel, definitieve
//     bijdrage = voorlopige bijdrage + afrekening. When the run has lines of source "afrekening"
//     (financing.inwonerbijdrage with afrekening_resultaat), those are shown instead.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config.h"
#include "imports.h"
#include "suppression.h"
#include "vhh/contribution.h"

namespace vhh::jaarverantwoording {

/// Source id of settlement lines (see the file comment).
inline constexpr const char *kAfrekeningBron = "afrekening";

/// The money columns of an overview row.
struct Bedragen {
    Money vorig_jaar;
    Money primitief;
    Money na_wijziging;
    Money realisatie;
    Money verschil() const { return realisatie - na_wijziging; }
    Bedragen &operator+=(const Bedragen &o);
};
Bedragen operator-(Bedragen a, const Bedragen &b);

/// The settlement of one gemeente.
struct Afrekening {
    std::string code;
    std::string naam;
    Money voorlopig;             ///< voorlopige bijdrage (lines of verdeelsleutel_bron)
    std::int64_t sleutel_ppm = 0;///< share in the key, millionths (display; half up)
    Money aandeel;               ///< share in the resultaat (+ overschot, − tekort)
    Money afrekening;            ///< what the gemeente pays on settlement: −aandeel (− = gets money back)
    std::string grondslag;       ///< how it came about
    Money definitief() const { return voorlopig + afrekening; }
};

/// Everything the documents show.
struct Jaarrekening {
    Config config;
    std::vector<int> baten;   ///< indices of baten posten, in order
    std::vector<int> lasten;  ///< indices of lasten posten, in order
    bool met_vorig_jaar = false;
    Bedragen baten_totaal, lasten_totaal, saldo;
    Money toevoegingen, onttrekkingen;  ///< realised
    Money begroot_toevoegingen, begroot_onttrekkingen;  ///< budgeted (begroting primitief and na wijziging)
    Bedragen resultaat;                 ///< saldo with the reserve mutations, budgeted and realised
    std::vector<bool> boven_drempel;    ///< per post
    Money beschikbaar, benodigd;        ///< weerstandscapaciteit
    Weerstand weerstand;
    std::vector<Afrekening> afrekening; ///< per gemeente, region order
    bool afrekening_uit_lijnen = false; ///< shown from "afrekening" lines
    /// With afrekening lines: the resultaat minus what the lines settle with the gemeenten (their
    /// aandelen added up); 0 when they settle the whole resultaat. Shown in the document and letters.
    Money afrekening_verschil;
    bool afrekening_verdeeld = true;    ///< false when the resultaat could not be divided (no key)
    std::optional<Indicatoren> indicatoren;
    Suppression onderdrukking;
    std::vector<std::string> slugs;     ///< per gemeente, region order

    Bedragen bedragen(const Post &p) const;
};

/// Computes the figures. `grootboek` and `vorig` are the ledger exports read (if any), `indicatoren`
/// the counts. Warnings (never errors) go to `diag`: a verschil past the drempel without
/// toelichting, an afrekening in the lines that differs from the resultaat, a resultaat that cannot
/// be divided. `posten_where` locates warnings about posts the config does not declare.
Jaarrekening bereken(Config config, const Region &region, const std::vector<ContributionLine> &lines,
                     const std::optional<Grootboek> &grootboek, const std::optional<Grootboek> &vorig,
                     std::optional<Indicatoren> indicatoren, const SourceLocation &posten_where, Diagnostics &diag);

}  // namespace vhh::jaarverantwoording
