// A plugin built against a future SDK ABI major version.
#include "vhh/plugin_api.h"

static const vhh_plugin_manifest kManifest = {VHH_PLUGIN_MAGIC, 99, 0, "test.wrongabi", "0.1.0", "wrong ABI",
                                              VHH_KIND_COMPUTE, nullptr, 0, nullptr};
extern "C" __attribute__((visibility("default"))) const vhh_plugin_manifest *vhh_get_plugin_manifest(void) {
    return &kManifest;
}
