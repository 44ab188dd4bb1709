#include "begroting.h"

#include "config.h"
#include "documents.h"
#include "meerjarenraming.h"
#include "util.h"

namespace vhh::begroting {

void BegrotingPlugin::report(ReportContext &ctx) {
    const Region &region = ctx.region();
    const std::optional<Config> config = read_config(ctx.settings(), region, ctx.diagnostics(), ctx.key_path());
    if (!config) return;
    const std::optional<Raming> raming =
        bereken_raming(*config, ctx.administration(),
                       [&](Money totaal, std::string &why) { return ctx.divide_bijdrage(totaal, why); },
                       ctx.diagnostics());
    if (!raming) return;
    ctx.add_meerjarenraming(beschrijf_raming(*config, *raming));

    Invoer in{*config, region, *raming, ctx.zienswijzetermijn(config->begrotingsjaar), {}};
    // The meeting from the config's kalender: wins; else the plugin's own vergadering_algemeen_bestuur,
    // with the deadline of sending counted back from it by the Wgr term of that year.
    if (!in.termijn.vergadering && config->vergadering) {
        in.termijn.vergadering = config->vergadering;
        in.termijn.uiterlijk_verzonden = jaarverantwoording::add_days(*config->vergadering, -7 * in.termijn.weken);
    }
    for (const auto &l : ctx.lines())
        if (l.source == "inwonerbijdrage") in.bijdragen_nu.push_back(l);
    ctx.add_document(build_begroting(in));
    ctx.add_document(build_kaderbrief(in));
    std::vector<std::pair<std::string, std::string>> namen;
    for (const auto &b : raming->bijdragen) namen.emplace_back(b.naam, b.code);
    const std::vector<std::string> slugs = jaarverantwoording::unique_slugs(namen);
    for (std::size_t i = 0; i < raming->bijdragen.size(); ++i)
        ctx.add_document(build_zienswijzebrief(in, i, slugs[i]));
}

}  // namespace vhh::begroting
