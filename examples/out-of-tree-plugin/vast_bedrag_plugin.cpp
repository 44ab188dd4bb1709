// Exports example.vast-bedrag through the SDK's versioned entry point.
#include "vast_bedrag.h"

VHH_PLUGIN(example::VastBedrag, "example.vast-bedrag", "1.0.0", "example: a fixed amount per gemeente",
           VHH_KIND_COMPUTE, example::kVastBedragSettings)
