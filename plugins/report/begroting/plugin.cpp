// Exports report.begroting through the SDK's versioned entry point.
#include "begroting.h"
#include "config.h"

VHH_PLUGIN(vhh::begroting::BegrotingPlugin, "report.begroting", "1.0.0",
           "the ontwerpbegroting with meerjarenraming (begroting-Y), a zienswijzebrief per gemeente and the kaderbrief",
           VHH_KIND_REPORT, vhh::begroting::kSettings)
