// Exports registry.partners through the SDK's versioned entry point.
#include "partners.h"

VHH_PLUGIN(vhh::partners::PartnersPlugin, "registry.partners", "1.0.0",
           "partner registry: partners, rings, werkplekken and convenanten; partners-Y.xlsx and partners-Y.txt",
           VHH_KIND_LOAD | VHH_KIND_REPORT, vhh::partners::kSettings)
