// Exports report.jaarverantwoording through the SDK's versioned entry point.
#include "jaarverantwoording.h"

VHH_PLUGIN(vhh::jaarverantwoording::JaarverantwoordingPlugin, "report.jaarverantwoording", "1.0.0",
           "jaarverantwoording (BBV: programma's, baten en lasten, V/N, reserves, weerstandsvermogen, afrekening, "
           "indicatoren met celonderdrukking) and a raadsbrief per gemeente",
           VHH_KIND_REPORT, vhh::jaarverantwoording::kSettings)
