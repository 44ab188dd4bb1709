// report.begroting: the ontwerpbegroting with its meerjarenraming (begroting-Y), a zienswijzebrief
// per gemeente (zienswijzebrief-Y-<gemeente>) and the kaderbrief (kaderbrief-Y), described in the SDK's
// document model; and the meerjarenraming for `vhh begroting` (ReportContext::add_meerjarenraming).
#pragma once

#include "vhh/plugin.h"

namespace vhh::begroting {

struct Invoer;

/// The plugin object.
class BegrotingPlugin : public Plugin {
public:
    void report(ReportContext &ctx) override;

private:
    /// begrotingswijziging-Y-N for every recorded wijziging of the boekjaar, with its zienswijzebrieven.
    void wijzigingen(ReportContext &ctx, const Invoer &in, const Administration &a);
};

}  // namespace vhh::begroting
