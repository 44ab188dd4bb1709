#include "vergadering_rule.h"

namespace vhh::jaarverantwoording {

std::string vergadering_problem(const Date &vergadering, int boekjaar) {
    const std::string jaar = std::to_string(boekjaar), volgend = std::to_string(boekjaar + 1);
    if (vergadering.year != boekjaar + 1)
        return "the algemeen bestuur adopts the jaarrekening " + jaar + " in " + volgend + ", after the boekjaar; " +
               vergadering.iso() + " is not in " + volgend;
    if (Date{boekjaar + 1, 7, 14} < vergadering)
        return "adopted on " + vergadering.iso() + ", the jaarrekening " + jaar +
               " cannot reach gedeputeerde staten before 15 July " + volgend +
               " (Wgr: within two weeks after adoption, before 15 July); the meeting is on 14 July at the latest";
    return "";
}

}  // namespace vhh::jaarverantwoording
