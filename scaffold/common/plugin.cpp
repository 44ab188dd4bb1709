// Exports {{plugin}} through the SDK's versioned entry point.
#include "{{ident}}.h"

VHH_PLUGIN({{ident}}_plugin::{{klasse}}, "{{plugin}}", "0.1.0", "{{beschrijving}}", {{kind}},
           {{ident}}_plugin::kSettings)
