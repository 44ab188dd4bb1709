// Exports financing.inwonerbijdrage through the SDK's versioned entry point.
#include "inwonerbijdrage.h"

VHH_PLUGIN(vhh::inwonerbijdrage::InwonerbijdragePlugin, "financing.inwonerbijdrage", "1.1.0",
           "inwonerbijdrage per gemeente by the region's key (sleutel): per_inwoner (inwoners x tarief), "
           "pro_rata, vast_plus_inwoner or vaste_bedragen; optional indexatie and afrekening",
           VHH_KIND_COMPUTE, vhh::inwonerbijdrage::kSettings)
