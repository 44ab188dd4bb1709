// {{plugin}}: {{beschrijving}}
// Describes one document, `{{naam}}-<boekjaar>`, with what every payer contributes in total; the
// host renders it in every configured format (pdf, xlsx, html, txt) and checks it in `vhh check`.
// Replace the content with the region's own report; amounts stay vhh::Money (whole cents).
#pragma once

#include <string>
#include <vector>

#include <vhh/plugin.h>

namespace {{ident}}_plugin {

/// The plugin's settings, as the host hands them over after validating them.
struct Instellingen {
    std::string titel;  ///< the document's title
};

/// The settings table: every row bound to a member of Instellingen (validated and documented by the host).
extern const vhh::SettingsTable<Instellingen> kSettings;

/// The document of `lines` for `region`.
vhh::doc::Document describe(const vhh::Region &region, const std::vector<vhh::ContributionLine> &lines,
                            const Instellingen &instellingen);

/// The plugin object (kind REPORT).
class {{klasse}} : public vhh::Plugin {
public:
    void report(vhh::ReportContext &ctx) override;
};

}  // namespace {{ident}}_plugin
