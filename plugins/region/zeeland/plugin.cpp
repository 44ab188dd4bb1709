// Exports region.zeeland through the SDK's versioned entry point.
#include "zeeland.h"

VHH_PLUGIN(vhh::region_zeeland::ZeelandPlugin, "region.zeeland", "1.0.0",
           "Zeeland: per gemeente veiligheidsregio, politie-eenheid and politiedistrict, and the gemeenten whose "
           "police district differs from their veiligheidsregio's (Tholen: district Markiezaten) in regio-Y.txt",
           VHH_KIND_REPORT, vhh::region_zeeland::kSettings)
