// The Wgr calendar at the boundary dates of each regime.
#include <gtest/gtest.h>

#include <stdexcept>

#include "cycle/wgr_kalender.h"

namespace vhh::host::cycle {
namespace {

Date d(const char *iso) { return *Date::parse_iso(iso); }

const KalenderStap &step(const std::vector<KalenderStap> &steps, const std::string &key) {
    for (const auto &s : steps)
        if (s.sleutel == key) return s;
    throw std::runtime_error("no step " + key);
}

KalenderStap judged(int jaar, const std::string &key, std::initializer_list<std::pair<const char *, const char *>> dates) {
    KalenderPlan p;
    p.jaar = jaar;
    for (const auto &[k, v] : dates) {
        const std::string key_name = k;
        std::optional<Date> date = d(v);
        if (key_name == "kaderbrief") p.kaderbrief = date;
        else if (key_name == "voorlopige_jaarrekening") p.voorlopige_jaarrekening = date;
        else if (key_name == "ontwerpbegroting") p.ontwerpbegroting = date;
        else if (key_name == "ab_begroting") p.ab_begroting = date;
        else if (key_name == "begroting_gs") p.begroting_gs = date;
        else if (key_name == "ab_jaarrekening") p.ab_jaarrekening = date;
        else if (key_name == "jaarrekening_gs") p.jaarrekening_gs = date;
    }
    return step(wgr_kalender(p), key);
}

TEST(WgrKalender, DateArithmeticAcrossLeapDaysAndYears) {
    EXPECT_EQ(add_days(d("2016-03-01"), -1).iso(), "2016-02-29");
    EXPECT_EQ(add_days(d("2015-03-01"), -1).iso(), "2015-02-28");
    EXPECT_EQ(add_days(d("2014-12-25"), 14).iso(), "2015-01-08");
    EXPECT_EQ(days_between(d("2014-05-22"), d("2014-07-03")), 42);
}

TEST(WgrKalender, ZienswijzeTermPerRegime) {
    EXPECT_EQ(wgr_regime(2014).zienswijze_weken, 6);
    EXPECT_EQ(wgr_regime(2015).zienswijze_weken, 8);
    EXPECT_EQ(wgr_regime(2021).zienswijze_weken, 8);
    EXPECT_EQ(wgr_regime(2022).zienswijze_weken, 8);  // transitional: the begroting 2023 cycle keeps the old terms
    EXPECT_FALSE(wgr_regime(2022).overgangsrecht.empty());
    EXPECT_EQ(wgr_regime(2023).zienswijze_weken, 12);
}

TEST(WgrKalender, OntwerpbegrotingSixWeeksIn2014) {
    auto s = judged(2014, "ontwerpbegroting", {{"ab_begroting", "2014-07-03"}, {"ontwerpbegroting", "2014-05-22"}});
    EXPECT_EQ(s.deadline->iso(), "2014-05-22");
    EXPECT_EQ(s.status, StapStatus::op_tijd);
    EXPECT_EQ(s.termijn, "6 weken vóór de vergadering van het algemeen bestuur");
    s = judged(2014, "ontwerpbegroting", {{"ab_begroting", "2014-07-03"}, {"ontwerpbegroting", "2014-05-23"}});
    EXPECT_EQ(s.status, StapStatus::te_laat);
    EXPECT_NE(s.probleem.find("41 days before the AB meeting of 2014-07-03"), std::string::npos) << s.probleem;
}

TEST(WgrKalender, OntwerpbegrotingEightWeeksFrom2015) {
    auto s = judged(2015, "ontwerpbegroting", {{"ab_begroting", "2015-07-02"}, {"ontwerpbegroting", "2015-05-07"}});
    EXPECT_EQ(s.status, StapStatus::op_tijd);
    EXPECT_EQ(s.grondslag, "art. 35 lid 1 Wgr");
    s = judged(2015, "ontwerpbegroting", {{"ab_begroting", "2015-07-02"}, {"ontwerpbegroting", "2015-05-08"}});
    EXPECT_EQ(s.status, StapStatus::te_laat);
    // Six weeks, enough in 2014, is too short in 2015.
    s = judged(2015, "ontwerpbegroting", {{"ab_begroting", "2015-07-02"}, {"ontwerpbegroting", "2015-05-21"}});
    EXPECT_EQ(s.status, StapStatus::te_laat);
}

TEST(WgrKalender, OntwerpbegrotingTwelveWeeksFrom2023And2022Transitional) {
    auto s = judged(2022, "ontwerpbegroting", {{"ab_begroting", "2022-07-07"}, {"ontwerpbegroting", "2022-05-12"}});
    EXPECT_EQ(s.status, StapStatus::op_tijd);  // 8 weeks still suffice for the begroting 2023
    s = judged(2023, "ontwerpbegroting", {{"ab_begroting", "2023-07-06"}, {"ontwerpbegroting", "2023-04-13"}});
    EXPECT_EQ(s.deadline->iso(), "2023-04-13");
    EXPECT_EQ(s.status, StapStatus::op_tijd);
    s = judged(2023, "ontwerpbegroting", {{"ab_begroting", "2023-07-06"}, {"ontwerpbegroting", "2023-04-14"}});
    EXPECT_EQ(s.status, StapStatus::te_laat);
}

TEST(WgrKalender, KaderbriefFrom2015Before15AprilFrom2023Before30April) {
    EXPECT_EQ(judged(2014, "kaderbrief", {{"kaderbrief", "2014-06-01"}}).status, StapStatus::geen_termijn);
    EXPECT_EQ(judged(2015, "kaderbrief", {{"kaderbrief", "2015-04-14"}}).status, StapStatus::op_tijd);
    EXPECT_EQ(judged(2015, "kaderbrief", {{"kaderbrief", "2015-04-15"}}).status, StapStatus::te_laat);
    EXPECT_EQ(judged(2022, "voorlopige_jaarrekening", {{"voorlopige_jaarrekening", "2022-04-15"}}).status,
              StapStatus::te_laat);
    EXPECT_EQ(judged(2023, "kaderbrief", {{"kaderbrief", "2023-04-29"}}).status, StapStatus::op_tijd);
    EXPECT_EQ(judged(2023, "kaderbrief", {{"kaderbrief", "2023-04-30"}}).status, StapStatus::te_laat);
    EXPECT_EQ(judged(2023, "voorlopige_jaarrekening", {{"voorlopige_jaarrekening", "2023-04-29"}}).status,
              StapStatus::op_tijd);
}

TEST(WgrKalender, BegrotingToGedeputeerdeStatenPerRegime) {
    EXPECT_EQ(judged(2014, "begroting_gs", {{"begroting_gs", "2014-07-14"}}).status, StapStatus::op_tijd);
    EXPECT_EQ(judged(2014, "begroting_gs", {{"begroting_gs", "2014-07-15"}}).status, StapStatus::te_laat);
    EXPECT_EQ(judged(2022, "begroting_gs", {{"begroting_gs", "2022-07-31"}}).status, StapStatus::op_tijd);
    EXPECT_EQ(judged(2022, "begroting_gs", {{"begroting_gs", "2022-08-01"}}).status, StapStatus::te_laat);
    EXPECT_EQ(judged(2023, "begroting_gs", {{"begroting_gs", "2023-09-14"}}).status, StapStatus::op_tijd);
    EXPECT_EQ(judged(2023, "begroting_gs", {{"begroting_gs", "2023-09-15"}}).status, StapStatus::te_laat);
    // Within two weeks of the vaststelling.
    auto s = judged(2023, "begroting_gs", {{"ab_begroting", "2023-07-06"}, {"begroting_gs", "2023-07-20"}});
    EXPECT_EQ(s.status, StapStatus::op_tijd);
    s = judged(2023, "begroting_gs", {{"ab_begroting", "2023-07-06"}, {"begroting_gs", "2023-07-21"}});
    EXPECT_EQ(s.status, StapStatus::te_laat);
    s = judged(2023, "begroting_gs", {{"ab_begroting", "2023-07-06"}, {"begroting_gs", "2023-07-05"}});
    EXPECT_EQ(s.status, StapStatus::fout);
}

TEST(WgrKalender, AbMeetingInTheWrongYearOrTooLate) {
    auto s = judged(2014, "ab_begroting", {{"ab_begroting", "2015-01-08"}});
    EXPECT_EQ(s.status, StapStatus::fout);
    EXPECT_NE(s.probleem.find("is not in 2014"), std::string::npos);
    EXPECT_EQ(judged(2015, "ab_begroting", {{"ab_begroting", "2015-07-31"}}).status, StapStatus::op_tijd);
    EXPECT_EQ(judged(2015, "ab_begroting", {{"ab_begroting", "2015-08-01"}}).status, StapStatus::te_laat);
    EXPECT_EQ(judged(2016, "ab_jaarrekening", {{"ab_jaarrekening", "2015-12-10"}}).status, StapStatus::fout);
}

TEST(WgrKalender, JaarrekeningAdoptedAfter15JulyCannotBeMet) {
    EXPECT_EQ(judged(2016, "ab_jaarrekening", {{"ab_jaarrekening", "2016-07-14"}}).status, StapStatus::op_tijd);
    auto s = judged(2016, "ab_jaarrekening", {{"ab_jaarrekening", "2016-07-15"}});
    EXPECT_EQ(s.status, StapStatus::te_laat);
    EXPECT_NE(s.probleem.find("after 14 July"), std::string::npos);
    s = judged(2016, "jaarrekening_gs", {{"ab_jaarrekening", "2016-07-01"}, {"jaarrekening_gs", "2016-07-14"}});
    EXPECT_EQ(s.status, StapStatus::op_tijd);
    s = judged(2016, "jaarrekening_gs", {{"ab_jaarrekening", "2016-06-01"}, {"jaarrekening_gs", "2016-06-16"}});
    EXPECT_EQ(s.status, StapStatus::te_laat);  // more than two weeks after the vaststelling
}

TEST(WgrKalender, UnplannedAndUnknownDeadlines) {
    KalenderPlan p;
    p.jaar = 2015;
    p.ontwerpbegroting = d("2015-05-01");
    const auto steps = wgr_kalender(p);
    EXPECT_EQ(step(steps, "ontwerpbegroting").status, StapStatus::termijn_onbekend);
    EXPECT_FALSE(step(steps, "ontwerpbegroting").deadline);
    EXPECT_EQ(step(steps, "kaderbrief").status, StapStatus::niet_gepland);
    EXPECT_EQ(step(steps, "kaderbrief").document, "kaderbrief begroting 2016");
    EXPECT_EQ(step(steps, "ab_jaarrekening").document, "jaarrekening 2014");
    EXPECT_EQ(steps.size(), 7u);
}

}  // namespace
}  // namespace vhh::host::cycle
