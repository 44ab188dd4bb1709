// The begroting cycle as report plugins see it: the meerjarenraming a report plugin computes (which
// `vhh begroting` prints) and the zienswijze term of the ontwerpbegroting the host reads from the
// Wgr calendar (ReportContext::meerjarenraming, ReportContext::zienswijzetermijn).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "vhh/date.h"
#include "vhh/money.h"

namespace vhh {

/// One post of a meerjarenraming: its amount in every year.
struct RamingPost {
    std::string code;                ///< the post's code ("PERS-DIR")
    std::string naam;                ///< its name
    std::string soort;               ///< "baten" or "lasten"
    std::string categorie;           ///< the indexation categorie ("loon", "prijs", "geen", …)
    std::string taakveld;            ///< Iv3 taakveld, e.g. "1.2 Openbare orde en veiligheid"
    bool incidenteel = false;        ///< an incidentele bate or last
    std::map<int, Money> bedragen;   ///< per year
    std::string basis;               ///< where the amounts come from and how they were indexed
};

/// One payer's share of the gemeentelijke bijdrage in every year of the meerjarenraming.
struct RamingBijdrage {
    std::string payer_id;            ///< CBS code
    std::string payer;               ///< name
    std::map<int, Money> bedragen;   ///< per year
};

/// A budgeted mutation of one reserve in every year of the meerjarenraming (ABI 3): toevoegingen
/// lower the resultaat, onttrekkingen raise it (BBV art. 17).
struct RamingReserve {
    std::string naam;                     ///< the reserve's name
    std::map<int, Money> toevoegingen;    ///< per year, added to the reserve
    std::map<int, Money> onttrekkingen;   ///< per year, withdrawn from it
};

/// A meerjarenraming: the begrotingsjaar and the three years after it (ReportContext::add_meerjarenraming).
struct Meerjarenraming {
    int begrotingsjaar = 0;
    std::vector<int> jaren;                 ///< begrotingsjaar … begrotingsjaar + 3
    std::vector<RamingPost> posten;
    std::vector<RamingBijdrage> bijdragen;  ///< the gemeentelijke-bijdrage post divided by the region's key
    std::vector<RamingReserve> reserves;    ///< the budgeted reserve mutations (ABI 3), in config order
};

/// The zienswijze term of an ontwerpbegroting under the Wgr regime of the year it is sent
/// (ReportContext::zienswijzetermijn), from the config's `kalender:`.
struct Zienswijzetermijn {
    int weken = 0;                        ///< the term in weeks (6, 8 or 12)
    std::string grondslag;                ///< the article, e.g. "art. 35 lid 1 Wgr"
    std::string regime;                   ///< the Wgr text in force
    std::optional<Date> vergadering;      ///< the AB meeting that adopts the begroting, when planned
    std::optional<Date> uiterlijk_verzonden;  ///< the last day the ontwerpbegroting may go to the raden
    std::optional<Date> verzonden;            ///< the day it is planned to go to the raden
};

}  // namespace vhh
