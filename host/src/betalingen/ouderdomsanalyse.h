// The ouderdomsanalyse of debiteuren: how long an open item is past its due date, in the classes a
// controller reports (0–30, 31–60, 61–90 and more than 90 days after the vervaldatum), and when a
// herinnering is due. An item is "niet vervallen" up to and including its vervaldatum; the day
// after it is 1 day past due and in the class 0–30.
#pragma once

#include <string>

#include "vhh/date.h"

namespace vhh::host::betalingen {

/// The age class of an open item on a given date.
enum class AgeClass { not_due, days_0_30, days_31_60, days_61_90, over_90 };

/// Days from the vervaldatum `due` to `per` (0 on the due date; negative before it).
int days_past_due(const Date &due, const Date &per);

/// The class of an item with vervaldatum `due` on date `per`.
AgeClass age_class(const Date &due, const Date &per);

/// The class as a column heading: "niet vervallen", "0–30 dagen", "31–60 dagen", "61–90 dagen",
/// "meer dan 90 dagen".
std::string age_class_text(AgeClass c);

/// True when a herinnering is due for an item with vervaldatum `due` on `per`: the day after it.
bool reminder_due(const Date &due, const Date &per);

}  // namespace vhh::host::betalingen
