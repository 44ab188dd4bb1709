#include "jaarverantwoording.h"

#include "debiteurenstand.h"

namespace vhh::jaarverantwoording {

void run_report(ReportContext &ctx, const std::string &key_prefix) {
    Diagnostics &diag = ctx.diagnostics();
    const Region &region = ctx.region();
    DiagnosticsScope stage(diag);  // the errors recorded from here on
    std::optional<Config> config = read_config(ctx.settings(), region, diag, key_prefix);
    if (!config) return;

    // The ledger exports go through the configured importer plugin (the host reads the file, records
    // it in manifest.json and reports a missing importer or file at the setting); what is left here is
    // the report's own part: the boekjaar, the toewijzing to posten and the sums.
    std::optional<Grootboek> grootboek, vorig;
    auto import = [&](const InvoerBestand &f, int jaar, std::optional<Grootboek> &out) {
        // Booked as the importer reads them: the lines of the export are never held.
        GrootboekBoeking boeking(*config, jaar, diag);
        if (ctx.import_ledger(config->grootboek_importer, f.pad, f.where, f.key_path, boeking)) out = boeking.result();
    };
    if (config->grootboek) import(*config->grootboek, region.boekjaar, grootboek);
    if (config->grootboek_vorig_jaar) import(*config->grootboek_vorig_jaar, region.boekjaar - 1, vorig);
    std::optional<Indicatoren> indicatoren;
    if (config->indicatoren)
        if (auto f = ctx.read_input(config->indicatoren->pad, config->indicatoren->where, config->indicatoren->key_path))
            indicatoren = read_indicatoren(f->path, f->contents, *config, region, diag);
    if (stage.failed()) return;

    const SourceLocation posten_where = ctx.settings().has("posten") ? ctx.settings().where("posten") : SourceLocation{};
    if (const Administration *admin = ctx.administration()) apply_administration(*config, *admin, posten_where, diag);
    Jaarrekening j = bereken(std::move(*config), region, ctx.lines(), grootboek, vorig, std::move(indicatoren),
                             posten_where, diag);
    ctx.add_posten(post_figures(j.config));
    doc::Document d = build_jaarverantwoording(j, region);
    d.sections.push_back(debiteurenstand_section(ctx.administration(), region));
    ctx.add_document(std::move(d));
    for (std::size_t i = 0; i < region.gemeenten.size(); ++i) ctx.add_document(build_raadsbrief(j, region, i));
}

}  // namespace vhh::jaarverantwoording
