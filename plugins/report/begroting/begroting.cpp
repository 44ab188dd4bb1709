#include "begroting.h"

#include "begrotingswijziging.h"
#include "config.h"
#include "documents.h"
#include "meerjarenraming.h"
#include "wijziging_documents.h"
#include "util.h"

namespace vhh::begroting {

void BegrotingPlugin::report(ReportContext &ctx) {
    const Region &region = ctx.region();
    const std::optional<Config> config = read_config(ctx.settings(), region, ctx.diagnostics(), ctx.key_path());
    if (!config) return;
    const std::optional<Raming> raming =
        bereken_raming(*config, ctx.administration(),
                       [&](int jaar, Money totaal, std::string &why) { return ctx.divide_bijdrage(jaar, totaal, why); },
                       ctx.diagnostics(), region.herindelingen);
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
    // To the raden of the gemeenten of the boekjaar, the year the letters are sent (not to a
    // gemeente a later herindeling forms: its raad does not exist yet).
    for (std::size_t i = 0; i < raming->bijdragen.size(); ++i)
        if (region.find(raming->bijdragen[i].code) != nullptr)
            ctx.add_document(build_zienswijzebrief(in, i, slugs[i]));
    if (const Administration *a = ctx.administration()) {
        wijzigingen(ctx, in, *a);
    } else if (!config->wijzigingen.empty()) {
        // No store: the config's own begrotingswijzigingen (the bundled examples), against the
        // begroting of the boekjaar as the config gives it.
        Administration a;
        AdoptedDocument begroting;
        begroting.document = "begroting";
        begroting.jaar = config->basisjaar;
        for (const Post &p : config->posten) begroting.posten.push_back({p.code, p.naam, p.bedrag});
        a.begroting = std::move(begroting);
        a.wijzigingen = config->wijzigingen;
        wijzigingen(ctx, in, a);
    }
}

void BegrotingPlugin::wijzigingen(ReportContext &ctx, const Invoer &in, const Administration &a) {
    // The recorded begrotingswijzigingen of the boekjaar: a document each, and when one changes the
    // gemeentelijke bijdrage its own zienswijzebrief per gemeente (the Wgr term of the year it is sent).
    for (std::size_t i = 0; i < a.wijzigingen.size(); ++i) {
        const auto w = bereken_wijziging(
            in.config, a, i, [&](int jaar, Money totaal, std::string &why) { return ctx.divide_bijdrage(jaar, totaal, why); },
            ctx.diagnostics());
        if (!w) return;
        ctx.add_document(build_begrotingswijziging(in, *w));
        if (!w->wijzigt_bijdragen) continue;
        std::vector<std::pair<std::string, std::string>> namen;
        for (const auto &b : w->bijdragen) namen.emplace_back(b.naam, b.code);
        const std::vector<std::string> slugs = jaarverantwoording::unique_slugs(namen);
        const Zienswijzetermijn termijn = ctx.zienswijzetermijn(w->jaar + 1);
        for (std::size_t g = 0; g < w->bijdragen.size(); ++g)
            ctx.add_document(build_wijziging_zienswijzebrief(in, *w, g, slugs[g], termijn));
    }
}

}  // namespace vhh::begroting
