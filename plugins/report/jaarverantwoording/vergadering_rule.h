// The Wgr's rule for the meeting of the algemeen bestuur that adopts the jaarrekening: it falls in
// the year after the boekjaar, and early enough that the dagelijks bestuur can send the adopted
// jaarrekening to gedeputeerde staten within two weeks and before 15 July (art. 34 lid 3 Wgr since
// 2015; art. 35 before), so on 14 July at the latest.
#pragma once

#include <string>

#include "vhh/date.h"

namespace vhh::jaarverantwoording {

/// Why an AB meeting on `vergadering` cannot adopt the jaarrekening of `boekjaar` under the Wgr
/// ("" when it can).
std::string vergadering_problem(const Date &vergadering, int boekjaar);

}  // namespace vhh::jaarverantwoording
