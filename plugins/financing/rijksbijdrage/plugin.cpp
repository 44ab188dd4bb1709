// Exports financing.rijksbijdrage through the SDK's versioned entry point.
#include "rijksbijdrage.h"

VHH_PLUGIN(vhh::rijksbijdrage::RijksbijdragePlugin, "financing.rijksbijdrage", "1.0.0",
           "rijksbijdrage (ministerie van JenV) via the centrumgemeente, optionally split over locations",
           VHH_KIND_COMPUTE, vhh::rijksbijdrage::kSettings)
