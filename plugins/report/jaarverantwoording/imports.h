// report.jaarverantwoording — the realisatie per post from the ledger lines an importer plugin read
// (importer.csv-nl, importer.debet-credit, … through ctx.import_ledger), and reading the indicator
// CSV (case counts: ';', optional UTF-8 BOM, quoted fields, a header row whose column names the
// settings give). Every problem is a located error FILE:LINE[:COL] with exit code 65 (bad data
// values), and every problem of a file is reported in one run.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "config.h"

namespace vhh::jaarverantwoording {

/// The realisatie of a ledger export: per post the sum and the number of lines booked on it.
struct Grootboek {
    std::map<std::string, Money> per_post;  ///< post code → sum (baten negated when baten_negatief)
    std::map<std::string, int> aantal;      ///< post code → number of lines
};

/// The largest realisatie of one post from the ledger either way, in cents (€ 100.000.000.000,00),
/// so that every total of the documents fits a workbook cell exactly.
inline constexpr std::int64_t kMaxPostCents = 10'000'000'000'000;

/// Books ledger lines on posten as an importer hands them over (a LedgerSink: the lines of a
/// million-line export are added up as they are read, never held). The rules are boek_grootboek's.
class GrootboekBoeking : public LedgerSink {
public:
    /// Books for `boekjaar` with `config`'s toewijzing (both must outlive it), reporting into `diag`.
    GrootboekBoeking(const Config &config, int boekjaar, Diagnostics &diag);
    /// Books one line (or reports why it cannot be booked).
    void add(const LedgerLine &line) override;
    /// The sums so far.
    Grootboek result() const;

private:
    struct Slot {
        std::string post;
        bool negate = false;     // baten negated (baten_negatief)
        std::int64_t cents = 0;
        int count = 0;
        bool too_large = false;  // its sum passed kMaxPostCents (reported once, no more lines)
    };
    int slot_of(const std::string &post);

    const Config &config_;
    int boekjaar_;
    Diagnostics &diag_;
    std::vector<Slot> slots_;
    std::vector<int> rule_slot_;  // per toewijzing rule: its slot
    int rest_slot_ = -1;
};

/// Maps the ledger lines an importer read for `boekjaar` to posten and adds them up. A line maps to
/// the post of the first toewijzing rule it matches, else to the restpost. Errors (all 65, located
/// in the ledger file; the importer has already reported problems of the format): a date outside
/// `boekjaar` (at the line's `where`, its date), a line that maps to no post (an unknown kostenplaats
/// or rekening: a data problem of that line, since the mapping is complete for the known ones; at
/// the line), a post whose sum passes kMaxPostCents (at the line that makes it pass).
Grootboek boek_grootboek(const std::vector<LedgerLine> &lines, const Config &config, int boekjaar, Diagnostics &diag);

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
/// when present). Each thema, gemeente (as written) and niveau has one line, unless
/// `config.indicatoren_per_casus` (a line per casus: repeats are added up); lines of gemeenten
/// merged into one are added up. Errors (65, located): CSV syntax, a missing column, a wrong
/// number of fields, a line repeating an earlier one's thema, gemeente and niveau (at its thema,
/// naming the first line; not added up), an empty thema, a thema not
/// in `config.themas` (when given), a gemeente code not in the region (a code merged by a
/// herindeling in force counts for the new gemeente), a niveau other than 1-4, a count that is
/// not a whole number or is negative.
Indicatoren read_indicatoren(const std::string &path, const std::string &contents, const Config &config,
                             const Region &region, Diagnostics &diag);

}  // namespace vhh::jaarverantwoording
