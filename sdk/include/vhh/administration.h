// The administration's vastgestelde figures, as report plugins see them (ReportContext::administration):
// the jaarrekening of the year before, the begroting of the boekjaar and its begrotingswijzigingen,
// read from the store the run names. Plugins never touch the store; the host reads it for them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vhh/contribution.h"
#include "vhh/debiteuren.h"
#include "vhh/money.h"

namespace vhh {

/// An amount of one post of a begroting or jaarrekening, keyed by the post's code.
struct PostAmount {
    std::string code;  ///< the post's code as the report plugin names it ("PERS-DIR"), or a line source
    std::string naam;  ///< its name when it was recorded
    Money amount;      ///< exact amount
    std::string omschrijving;  ///< why it changes (a begrotingswijziging's post; "" elsewhere) — ABI 3
};

/// A document the algemeen bestuur adopted (a vaststelling): an immutable snapshot in the store.
struct AdoptedDocument {
    std::string document;  ///< "begroting" or "jaarrekening"
    int jaar = 0;          ///< the boekjaar it is about
    std::string besluit;   ///< the besluit that adopted it
    std::string datum;     ///< the date of the besluit, YYYY-MM-DD
    std::string snapshot;  ///< sha256 of the snapshot
    std::vector<PostAmount> posten;           ///< begroting: primitief per post; jaarrekening: realisatie per post
    std::vector<ContributionLine> bijdragen;  ///< per payer, restated for the region's herindelingen

    /// "vastgestelde jaarrekening 2012 (besluit AB 2013/4, 2013-06-27, snapshot 0123456789abcdef)".
    std::string description() const {
        return "vastgestelde " + document + " " + std::to_string(jaar) + " (besluit " + besluit + ", " + datum +
               ", snapshot " + snapshot.substr(0, 16) + ")";
    }
    /// The post with this code, or nullptr.
    const PostAmount *find(const std::string &code) const {
        for (const auto &p : posten)
            if (p.code == code) return &p;
        return nullptr;
    }
};

/// A recorded begrotingswijziging of the boekjaar: the change per post (an increase or a decrease),
/// so begroting na wijziging = primitief + the changes of every wijziging.
struct BudgetAmendment {
    int nummer = 0;        ///< 1, 2, … per year
    std::string besluit;   ///< the besluit that adopted it
    std::string datum;     ///< YYYY-MM-DD
    std::vector<PostAmount> posten;  ///< the change per post, each with its omschrijving when recorded
    std::string omschrijving;        ///< what the wijziging changes and why (ABI 3)
    /// The change of each gemeente's bijdrage as `vhh wijziging` recorded it (payer_id, payer, amount;
    /// empty when none was recorded): the effect per gemeente the algemeen bestuur decided (ABI 3).
    std::vector<ContributionLine> bijdragen;
};

/// What the administration holds for a region's boekjaar Y (see ReportContext::administration).
struct Administration {
    std::optional<AdoptedDocument> jaarrekening_vorig_jaar;  ///< the vastgestelde jaarrekening of Y − 1
    std::optional<AdoptedDocument> begroting;                ///< the vastgestelde begroting of Y
    std::vector<BudgetAmendment> wijzigingen;                ///< the begrotingswijzigingen of Y, by nummer
    /// The debiteurenstand on 31 December of Y (ABI 3): the region's open invoices per debiteur from
    /// the store's invoices, credit notes and payments, as `vhh debiteuren --per Y-12-31` gives it.
    Debiteurenstand debiteurenstand;
};

/// A report plugin's posten as `vhh vaststellen` records them (ReportContext::add_posten): the
/// begroting primitief for a vaststelling of the begroting, the realisatie for one of the jaarrekening.
struct PostFigures {
    std::string code;   ///< the post's code
    std::string naam;   ///< its name
    Money begroting;    ///< begroting primitief
    Money realisatie;   ///< realisatie of the boekjaar
};

}  // namespace vhh
