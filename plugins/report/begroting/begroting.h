// report.begroting: the ontwerpbegroting with its meerjarenraming (begroting-Y), a zienswijzebrief
// per gemeente (zienswijzebrief-Y-<gemeente>) and the kaderbrief (kaderbrief-Y), described in the SDK's
// document model; and the meerjarenraming for `vhh begroting` (ReportContext::add_meerjarenraming).
#pragma once

#include "vhh/plugin.h"

namespace vhh::begroting {

/// The plugin object.
class BegrotingPlugin : public Plugin {
public:
    void report(ReportContext &ctx) override;
};

}  // namespace vhh::begroting
