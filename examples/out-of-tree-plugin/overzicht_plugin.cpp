// Exports example.vast-bedrag-overzicht through the SDK's versioned entry point.
#include "vast_bedrag.h"

VHH_PLUGIN(example::VastBedragOverzicht, "example.vast-bedrag-overzicht", "1.0.0",
           "example: the document vast-bedrag-Y", VHH_KIND_REPORT, VHH_NO_SETTINGS)
