// Exports financing.werkplekhuur through the SDK's versioned entry point.
#include "werkplekhuur.h"

VHH_PLUGIN(vhh::werkplekhuur::WerkplekhuurPlugin, "financing.werkplekhuur", "1.0.0",
           "werkplekhuur: tarief per werkplek per jaar, pro rata by month or day, exact to the cent",
           VHH_KIND_COMPUTE, vhh::werkplekhuur::kSettings)
