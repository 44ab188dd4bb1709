// A plugin whose manifest does not start with the vhh magic number.
#include "vhh/plugin_api.h"

static const vhh_plugin_manifest kManifest = {0xdeadbeefu, VHH_SDK_ABI_MAJOR, VHH_SDK_ABI_MINOR, "test.badmagic",
                                              "0.1.0", "bad magic", VHH_KIND_COMPUTE, nullptr, 0, nullptr};
extern "C" __attribute__((visibility("default"))) const vhh_plugin_manifest *vhh_get_plugin_manifest(void) {
    return &kManifest;
}
