#include "betalingen/ouderdomsanalyse.h"

#include "cycle/wgr_kalender.h"

namespace vhh::host::betalingen {

int days_past_due(const Date &due, const Date &per) { return cycle::days_between(due, per); }

AgeClass age_class(const Date &due, const Date &per) {
    const int d = days_past_due(due, per);
    if (d <= 0) return AgeClass::not_due;
    if (d <= 30) return AgeClass::days_0_30;
    if (d <= 60) return AgeClass::days_31_60;
    if (d <= 90) return AgeClass::days_61_90;
    return AgeClass::over_90;
}

std::string age_class_text(AgeClass c) {
    switch (c) {
    case AgeClass::not_due: return "niet vervallen";
    case AgeClass::days_0_30: return "0–30 dagen";
    case AgeClass::days_31_60: return "31–60 dagen";
    case AgeClass::days_61_90: return "61–90 dagen";
    case AgeClass::over_90: break;
    }
    return "meer dan 90 dagen";
}

bool reminder_due(const Date &due, const Date &per) { return days_past_due(due, per) > 0; }

}  // namespace vhh::host::betalingen
