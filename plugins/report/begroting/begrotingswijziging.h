// report.begroting — a recorded begrotingswijziging N of the boekjaar (ReportContext::administration's
// wijzigingen): the change per post against the vastgestelde begroting and the earlier wijzigingen,
// and, when it changes the gemeentelijke-bijdrage post, the bijdrage per gemeente before and after
// (both divided by the region's key, ReportContext::divide_bijdrage) for its own zienswijzebrieven.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config.h"
#include "meerjarenraming.h"

namespace vhh::begroting {

/// One post a wijziging changes.
struct WijzigingPost {
    std::string code;
    std::string naam;           ///< the name the wijziging gives the post (default: the begroting's)
    std::string soort;          ///< from the config's post with this code; "" when the config has none
    Money primitief;            ///< the vastgestelde begroting's amount ("" post: 0)
    Money eerder;               ///< the changes of the earlier wijzigingen of the year
    Money wijziging;            ///< this wijziging's change
    std::string omschrijving;   ///< why this post changes ("" : the wijziging's omschrijving says it)
    Money na() const { return primitief + eerder + wijziging; }
};

/// One gemeente's bijdrage before and after the wijziging.
struct WijzigingBijdrage {
    std::string code, naam;
    Money voor, na;
    std::string grondslag_voor, grondslag_na;
};

/// A begrotingswijziging as its documents show it.
struct Begrotingswijziging {
    const BudgetAmendment *amendment = nullptr;
    int jaar = 0;                           ///< the begrotingsjaar it changes (the boekjaar)
    std::string begroting;                  ///< the vastgestelde begroting it changes (description)
    std::vector<WijzigingPost> posten;      ///< in the wijziging's order
    bool wijzigt_bijdragen = false;         ///< it changes the gemeentelijke-bijdrage post
    std::string bijdrage_code;              ///< that post's code
    Money bijdrage_voor, bijdrage_na;       ///< the post before and after
    std::vector<WijzigingBijdrage> bijdragen;  ///< per gemeente (only when wijzigt_bijdragen)
};

/// Wijziging `index` of `administration.wijzigingen` against the vastgestelde begroting and the
/// wijzigingen numbered before it. A key that cannot divide the bijdrage before or after is a
/// located error at the gemeentelijke-bijdrage post; nothing then.
std::optional<Begrotingswijziging> bereken_wijziging(const Config &c, const Administration &administration,
                                                     std::size_t index, const Verdeler &verdeel, Diagnostics &diag);

}  // namespace vhh::begroting
