// The Wgr calendar: the legal steps of a gemeenschappelijke regeling's planning-and-control cycle
// in one calendar year, their legal deadlines under the regime in force that year, and whether a
// plan (the region's planned dates) meets them. Sources and the transitional rule: README.md here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vhh/date.h"

namespace vhh::host::cycle {

/// The Wgr text that governs the cycle run in one calendar year.
struct WgrRegime {
    std::string naam;              ///< e.g. "Wgr, tekst van 1 juli 2022 (Stb. 2022, 18)"
    int zienswijze_weken = 0;      ///< ontwerpbegroting to the raden this many weeks before the AB meeting
    bool kaders = false;           ///< art. 34b exists: kaders and voorlopige jaarrekening to the raden
    int kaders_maand = 0, kaders_dag = 0;  ///< … vóór this day (month, day)
    int gs_maand = 0, gs_dag = 0;  ///< begroting to gedeputeerde staten vóór this day of the year before
    std::string art_kaders, art_ontwerp, art_vaststelling, art_begroting_gs, art_jaarrekening,
        art_jaarrekening_gs;       ///< the articles that lay down each step
    std::string overgangsrecht;    ///< a note on the transitional rule, "" when none applies
};

/// The regime for the cycle run in calendar year `jaar` (begroting jaar+1, jaarrekening jaar-1):
/// before 2015 six weeks, 2015–2022 eight weeks (2022 by the transitional rule), from 2023 twelve.
const WgrRegime &wgr_regime(int jaar);

/// The dates a region plans for calendar year `jaar` (config `kalender:`); unset when not planned.
struct KalenderPlan {
    int jaar = 0;
    std::optional<Date> kaderbrief;               ///< kaderbrief (kaders) for begroting jaar+1 to the raden
    std::optional<Date> voorlopige_jaarrekening;  ///< voorlopige jaarrekening jaar-1 to the raden
    std::optional<Date> ontwerpbegroting;         ///< ontwerpbegroting jaar+1 to the raden
    std::optional<Date> ab_begroting;             ///< the AB meeting that adopts the begroting jaar+1
    std::optional<Date> begroting_gs;             ///< the begroting jaar+1 to gedeputeerde staten
    std::optional<Date> ab_jaarrekening;          ///< the AB meeting that adopts the jaarrekening jaar-1
    std::optional<Date> jaarrekening_gs;          ///< the jaarrekening jaar-1 to gedeputeerde staten
};

/// How a planned step stands against the law.
enum class StapStatus {
    op_tijd,           ///< planned within the legal term
    te_laat,           ///< planned after the deadline
    fout,              ///< planned in a way the law does not allow (wrong year, before the document exists)
    niet_gepland,      ///< no planned date
    termijn_onbekend,  ///< planned, but the deadline depends on a date that is not planned
    geen_termijn,      ///< the law of that year has no such step
};

/// One legal step of the year, with its deadline and the plan's date.
struct KalenderStap {
    std::string stap;       ///< what happens, e.g. "ontwerpbegroting naar de raden"
    std::string document;   ///< e.g. "ontwerpbegroting 2015"
    std::string grondslag;  ///< the article, e.g. "art. 35 lid 1 Wgr"
    std::string termijn;    ///< the term in words, e.g. "8 weken vóór de vergadering van het algemeen bestuur"
    std::string sleutel;    ///< the plan's key in `kalender:`, e.g. "ontwerpbegroting"
    std::optional<Date> deadline;  ///< the last day the step is in time; unset when it depends on an unplanned date
    std::optional<Date> gepland;
    StapStatus status = StapStatus::niet_gepland;
    std::string probleem;   ///< why the plan cannot be met ("" when it can)
};

/// Every step of calendar year `plan.jaar` under its regime, judged against the plan.
std::vector<KalenderStap> wgr_kalender(const KalenderPlan &plan);

/// "op tijd", "te laat", "fout", "niet gepland", "termijn onbekend", "geen termijn".
std::string status_text(StapStatus s);

/// `d` plus `days` days (negative: back).
Date add_days(const Date &d, int days);

/// Days from `a` to `b` (negative when b is before a).
int days_between(const Date &a, const Date &b);

}  // namespace vhh::host::cycle
