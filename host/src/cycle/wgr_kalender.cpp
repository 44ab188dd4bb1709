#include "cycle/wgr_kalender.h"

namespace vhh::host::cycle {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms).
long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

Date civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

const char *kMaanden[] = {"", "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                          "september", "oktober", "november", "december"};

std::string dag_maand(int maand, int dag) { return std::to_string(dag) + " " + kMaanden[maand]; }

const WgrRegime kTot2015 = {
    "Wgr, tekst tot 1 januari 2015", 6, false, 0, 0, 7, 15,
    "art. 34b Wgr (sinds 2015)", "art. 35 lid 1 Wgr (tekst tot 2015)", "art. 35 Wgr (tekst tot 2015)",
    "art. 35 lid 4 Wgr (tekst tot 2015)", "art. 35 Wgr (tekst tot 2015)", "art. 35 Wgr (tekst tot 2015)", ""};
const WgrRegime kVan2015 = {
    "Wgr, tekst van 1 januari 2015 (Stb. 2014, 306)", 8, true, 4, 15, 8, 1,
    "art. 34b Wgr", "art. 35 lid 1 Wgr", "art. 34 lid 1 Wgr", "art. 34 lid 2 Wgr", "art. 34 lid 3 Wgr",
    "art. 34 lid 4 Wgr", ""};
const WgrRegime kOvergang2022 = {
    "Wgr, tekst van 1 januari 2015 (Stb. 2014, 306), overgangsrecht 2022", 8, true, 4, 15, 8, 1,
    "art. 34b Wgr", "art. 35 lid 1 Wgr", "art. 34 lid 1 Wgr", "art. 34 lid 2 Wgr", "art. 34 lid 3 Wgr",
    "art. 34 lid 4 Wgr",
    "de wijziging van 1 juli 2022 (Stb. 2022, 18) geldt voor het eerst voor de begroting 2024; de cyclus van "
    "de begroting 2023 loopt onder de oude termijnen"};
const WgrRegime kVan2022 = {
    "Wgr, tekst van 1 juli 2022 (Stb. 2022, 18)", 12, true, 4, 30, 9, 15,
    "art. 34b Wgr", "art. 35 lid 1 Wgr", "art. 34 lid 1 Wgr", "art. 34 lid 2 Wgr", "art. 34 lid 3 Wgr",
    "art. 34 lid 4 Wgr", ""};

std::string weeks(int n) { return std::to_string(n) + " weken"; }

}  // namespace

Date add_days(const Date &d, int days) { return civil_from_days(days_from_civil(d.year, d.month, d.day) + days); }

int days_between(const Date &a, const Date &b) {
    return static_cast<int>(days_from_civil(b.year, b.month, b.day) - days_from_civil(a.year, a.month, a.day));
}

const WgrRegime &wgr_regime(int jaar) {
    if (jaar <= 2014) return kTot2015;
    if (jaar <= 2021) return kVan2015;
    if (jaar == 2022) return kOvergang2022;
    return kVan2022;
}

std::string status_text(StapStatus s) {
    switch (s) {
    case StapStatus::op_tijd: return "op tijd";
    case StapStatus::te_laat: return "te laat";
    case StapStatus::fout: return "fout";
    case StapStatus::niet_gepland: return "niet gepland";
    case StapStatus::termijn_onbekend: return "termijn onbekend";
    case StapStatus::geen_termijn: return "geen termijn";
    }
    return "";
}

namespace {

KalenderStap stap(std::string wat, std::string document, std::string grondslag, std::string termijn, std::string sleutel,
                  const std::optional<Date> &gepland) {
    KalenderStap s;
    s.stap = std::move(wat);
    s.document = std::move(document);
    s.grondslag = std::move(grondslag);
    s.termijn = std::move(termijn);
    s.sleutel = std::move(sleutel);
    s.gepland = gepland;
    return s;
}

/// The status of a planned step against its deadline (when known), unless a problem was found.
void judge(KalenderStap &s) {
    if (!s.gepland) s.status = StapStatus::niet_gepland;
    else if (!s.probleem.empty()) s.status = s.status == StapStatus::te_laat ? StapStatus::te_laat : StapStatus::fout;
    else if (!s.deadline) s.status = StapStatus::termijn_onbekend;
    else if (*s.deadline < *s.gepland) {
        s.status = StapStatus::te_laat;
        s.probleem = "planned on " + s.gepland->iso() + ", after the deadline " + s.deadline->iso() + " (" + s.grondslag +
                     ": " + s.termijn + ")";
    } else s.status = StapStatus::op_tijd;
}

/// An AB vaststelling in calendar year `jaar`, by `uiterlijk` (the last day to reach GS in time).
KalenderStap vaststelling(KalenderStap s, int jaar, const Date &uiterlijk, const std::string &wanneer) {
    s.deadline = uiterlijk;
    if (s.gepland && s.gepland->year != jaar)
        s.probleem = "the AB meeting of " + s.gepland->iso() + " is not in " + std::to_string(jaar) + ": the " +
                     s.document + " is adopted in the year " + wanneer + " it (" + s.grondslag + ")";
    return s;
}

/// A document to gedeputeerde staten: within two weeks of `vastgesteld`, by `uiterlijk`.
KalenderStap naar_gs(KalenderStap s, const std::optional<Date> &vastgesteld, const Date &uiterlijk) {
    s.deadline = uiterlijk;
    if (vastgesteld) {
        const Date twee_weken = add_days(*vastgesteld, 14);
        if (twee_weken < *s.deadline) s.deadline = twee_weken;
        if (s.gepland && *s.gepland < *vastgesteld)
            s.probleem = "sent on " + s.gepland->iso() + ", before the AB adopts it on " + vastgesteld->iso();
    }
    judge(s);
    return s;
}

}  // namespace

std::vector<KalenderStap> wgr_kalender(const KalenderPlan &plan) {
    const int j = plan.jaar;
    const WgrRegime &r = wgr_regime(j);
    const std::string volgend = std::to_string(j + 1), vorig = std::to_string(j - 1), dit = std::to_string(j);
    std::vector<KalenderStap> out;

    // Art. 34b: kaders and voorlopige jaarrekening to the raden (since 2015).
    for (const bool kader : {true, false}) {
        KalenderStap s = kader ? stap("kaderbrief naar de raden", "kaderbrief begroting " + volgend, r.art_kaders, "",
                                      "kaderbrief", plan.kaderbrief)
                               : stap("voorlopige jaarrekening naar de raden", "voorlopige jaarrekening " + vorig,
                                      r.art_kaders, "", "voorlopige_jaarrekening", plan.voorlopige_jaarrekening);
        if (!r.kaders) {
            s.termijn = "geen wettelijke termijn vóór 2015";
            s.status = StapStatus::geen_termijn;
        } else {
            s.termijn = "vóór " + dag_maand(r.kaders_maand, r.kaders_dag);
            s.deadline = add_days(Date{j, r.kaders_maand, r.kaders_dag}, -1);
            judge(s);
        }
        out.push_back(std::move(s));
    }

    // Art. 35 lid 1: the ontwerpbegroting to the raden, N weeks before the AB meeting.
    KalenderStap o = stap("ontwerpbegroting naar de raden", "ontwerpbegroting " + volgend, r.art_ontwerp,
                          weeks(r.zienswijze_weken) + " vóór de vergadering van het algemeen bestuur", "ontwerpbegroting",
                          plan.ontwerpbegroting);
    if (plan.ab_begroting) o.deadline = add_days(*plan.ab_begroting, -7 * r.zienswijze_weken);
    if (o.gepland && o.deadline && *o.deadline < *o.gepland) {
        o.probleem = "sent on " + o.gepland->iso() + ", " + std::to_string(days_between(*o.gepland, *plan.ab_begroting)) +
                     " days before the AB meeting of " + plan.ab_begroting->iso() +
                     ": the raden get a shorter zienswijze term than the law allows (" + o.grondslag + ": " +
                     weeks(r.zienswijze_weken) + "); send it on or before " + o.deadline->iso();
        o.status = StapStatus::te_laat;
    }
    judge(o);
    out.push_back(std::move(o));

    // Art. 34 lid 3 and 4: the jaarrekening of the year before, adopted in this year and sent to GS
    // within two weeks, before 15 July.
    const Date jr_uiterlijk{j, 7, 14};
    KalenderStap jr = vaststelling(
        stap("vaststelling jaarrekening door het algemeen bestuur", "jaarrekening " + vorig, r.art_jaarrekening,
             "in " + dit + ", tijdig om vóór 15 juli aan gedeputeerde staten te zenden", "ab_jaarrekening",
             plan.ab_jaarrekening),
        j, jr_uiterlijk, "after");
    if (jr.probleem.empty() && jr.gepland && jr_uiterlijk < *jr.gepland) {
        jr.probleem = "adopted on " + jr.gepland->iso() + ", after 14 July: the jaarrekening " + vorig +
                      " cannot reach gedeputeerde staten before 15 July (" + r.art_jaarrekening_gs + ")";
        jr.status = StapStatus::te_laat;
    }
    judge(jr);
    out.push_back(std::move(jr));
    out.push_back(naar_gs(stap("jaarrekening naar gedeputeerde staten", "jaarrekening " + vorig, r.art_jaarrekening_gs,
                               "binnen 2 weken na vaststelling, vóór 15 juli", "jaarrekening_gs", plan.jaarrekening_gs),
                          plan.ab_jaarrekening, jr_uiterlijk));

    // Art. 34 lid 1 and 2: the begroting of next year, adopted in this year and sent to GS within
    // two weeks, before 1 August (15 September since the 2022 change; 15 July before 2015).
    const Date gs_uiterlijk = add_days(Date{j, r.gs_maand, r.gs_dag}, -1);
    KalenderStap b = vaststelling(
        stap("vaststelling begroting door het algemeen bestuur", "begroting " + volgend, r.art_vaststelling,
             "in " + dit + ", na de zienswijzetermijn van " + weeks(r.zienswijze_weken) + ", tijdig om vóór " +
                 dag_maand(r.gs_maand, r.gs_dag) + " aan gedeputeerde staten te zenden",
             "ab_begroting", plan.ab_begroting),
        j, gs_uiterlijk, "before");
    judge(b);
    out.push_back(std::move(b));
    out.push_back(naar_gs(stap("begroting naar gedeputeerde staten", "begroting " + volgend, r.art_begroting_gs,
                               "binnen 2 weken na vaststelling, vóór " + dag_maand(r.gs_maand, r.gs_dag), "begroting_gs",
                               plan.begroting_gs),
                          plan.ab_begroting, gs_uiterlijk));
    return out;
}

}  // namespace vhh::host::cycle
