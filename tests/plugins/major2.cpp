// A plugin built against the frozen SDK ABI major 2 (2.1, the last of it): a major-3 host refuses it.
#include "vhh/plugin_api.h"

static const vhh_plugin_manifest kManifest = {VHH_PLUGIN_MAGIC, 2, 1, "test.major2", "0.1.0", "built against SDK ABI 2.1",
                                              VHH_KIND_REPORT, nullptr, 0, nullptr};
extern "C" __attribute__((visibility("default"))) const vhh_plugin_manifest *vhh_get_plugin_manifest(void) {
    return &kManifest;
}
