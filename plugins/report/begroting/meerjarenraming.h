// report.begroting — the meerjarenraming: every post from its begroting of the basisjaar (the
// store's vastgestelde begroting when it holds the post, else the config), indexed per categorie per
// year (indexatie.h), and the gemeentelijke-bijdrage post divided over the gemeenten every year by
// the region's key over that year's gemeenten (ReportContext::divide_bijdrage), the parts adding up
// to the post exactly.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config.h"

namespace vhh::begroting {

/// One post of the raming with its amounts from the basisjaar to begrotingsjaar + 3.
struct RamingRegel {
    const Post *post = nullptr;
    Money basis;                     ///< the begroting of the basisjaar
    std::string basis_bron;          ///< where `basis` comes from, in a sentence's words
    bool uit_administratie = false;  ///< true when `basis` is the store's vastgestelde begroting
    std::map<int, Money> bedragen;   ///< basisjaar … begrotingsjaar + 3
    std::optional<Money> jaarrekening;  ///< the last vastgestelde jaarrekening's realisatie of the post
    std::string basis_tekst;         ///< the basis as one line: "€ 98.000,00 (…) × 1,0235 = …"
};

/// One gemeente's bijdrage per year.
struct Bijdrage {
    std::string code, naam;
    std::map<int, Money> bedragen;
    std::map<int, std::string> grondslag;  ///< the key's basis of each year's line
    std::optional<Money> vastgesteld;      ///< its bijdrage in the last vastgestelde begroting
    std::map<int, std::string> niet_in;    ///< years it has no part in (bedrag 0), with why (a herindeling)
};

/// The whole raming.
struct Raming {
    std::vector<RamingRegel> regels;   ///< in config order
    std::vector<Bijdrage> bijdragen;   ///< in the key's (region's) order
    std::string administratie_begroting;    ///< "vastgestelde begroting 2013 (besluit …)" or ""
    std::string administratie_jaarrekening; ///< "vastgestelde jaarrekening 2012 (besluit …)" or ""
};

/// Divides a year's total by the region's key over the gemeenten of that year
/// (ReportContext::divide_bijdrage).
using Verdeler = std::function<std::optional<std::vector<ContributionLine>>(int jaar, Money, std::string &)>;

/// True when post `p` is in the raming of `jaar`: an incidentele post only up to the begrotingsjaar
/// (it is not carried into the later years of the meerjarenraming; there it is 0).
bool carried_forward(const Post &p, const Config &c, int jaar);

/// Computes the raming. Reports a key that cannot divide a year's amount, or parts that do not add
/// up, as a located error at the gemeentelijke-bijdrage post; nothing then. Each year's parts follow
/// the gemeenten of that year (the key divides over them); `herindelingen` (the region's) say why a
/// gemeente has no part in a year (herindeling_raming.h).
std::optional<Raming> bereken_raming(const Config &c, const Administration *administration, const Verdeler &verdeel,
                                     Diagnostics &diag, const std::vector<Herindeling> &herindelingen = {});

/// The raming as ReportContext::add_meerjarenraming takes it (for `vhh begroting`).
Meerjarenraming beschrijf_raming(const Config &c, const Raming &r);

}  // namespace vhh::begroting
