// Exports financing.inwonerbijdrage through the SDK's versioned entry point.
#include "inwonerbijdrage.h"

VHH_PLUGIN(vhh::inwonerbijdrage::InwonerbijdragePlugin, "financing.inwonerbijdrage", "1.0.0",
           "inwonerbijdrage: inwoners x tarief per inwoner per gemeente", VHH_KIND_COMPUTE,
           vhh::inwonerbijdrage::kSettings)
