// report.jaarverantwoording — reading the ledger export (realisatie per post) and the indicator CSV
// (case counts). Both are CSV as financial and case systems write them: ';', optional UTF-8 BOM,
// quoted fields, a header row whose column names the settings give. Every problem is a located
// error FILE:LINE[:COL] with exit code 65 (bad data values), and every problem of a file is
// reported in one run.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "config.h"

namespace vhh::jaarverantwoording {

/// One ledger line as read.
struct Boeking {
    int line = 0;
    Date datum;
    std::string kostenplaats;
    std::string rekening;
    Money bedrag;
    std::string post;  ///< the post it maps to
};

/// The realisatie read from a ledger export.
struct Grootboek {
    std::vector<Boeking> boekingen;
    std::map<std::string, Money> per_post;  ///< post code → sum (baten negated when baten_negatief)
    std::map<std::string, int> aantal;      ///< post code → number of lines
};

/// Reads a ledger export for `boekjaar`. Column names come from `config.kolommen` (matched without
/// regard to case and surrounding spaces; the omschrijving column is optional). A line maps to the
/// post of the first toewijzing rule it matches, else to the restpost. Errors (all 65, located in
/// the file): CSV syntax, a required column missing from the header (line 1), a line with another
/// number of fields than the header, an unparseable date (dd-mm-jjjj) or amount (1.234,56 /
/// -1.234,56), a date outside the boekjaar, a line that maps to no post (an unknown kostenplaats
/// or rekening: a data problem of that line, since the mapping is complete for the known ones).
Grootboek read_grootboek(const std::string &path, const std::string &contents, const Config &config, int boekjaar,
                         Diagnostics &diag);

/// The four AVE-niveaus of the Almelo escalation model.
inline constexpr int kNiveaus = 4;
/// "AVE 1 – signalering", …
std::string niveau_label(int niveau);

/// Case counts: thema × gemeente, and (when the file has the column) AVE-niveau × gemeente.
struct Indicatoren {
    std::vector<std::string> themas;                   ///< row order
    std::vector<std::string> gemeenten;                ///< CBS codes: all gemeenten of the region, region order
    std::vector<std::vector<std::int64_t>> per_thema;  ///< [thema][gemeente]
    bool met_niveau = false;                           ///< the file has an AVE-niveau column
    std::vector<std::vector<std::int64_t>> per_niveau; ///< [niveau 0..3][gemeente]
    int regels = 0;                                    ///< data lines read
};

/// Reads the indicator CSV. Columns from `config.indicator_kolommen` (the niveau column is used
/// when present). Lines with the same thema, gemeente and niveau are added up. Errors (65,
/// located): CSV syntax, a missing column, a wrong number of fields, an empty thema, a thema not
/// in `config.themas` (when given), a gemeente code not in the region (a code merged by a
/// herindeling in force counts for the new gemeente), a niveau other than 1-4, a count that is
/// not a whole number or is negative.
Indicatoren read_indicatoren(const std::string &path, const std::string &contents, const Config &config,
                             const Region &region, Diagnostics &diag);

}  // namespace vhh::jaarverantwoording
