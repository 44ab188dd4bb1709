#include "jaarverantwoording.h"

namespace vhh::jaarverantwoording {

void run_report(ReportContext &ctx, const std::string &key_prefix) {
    Diagnostics &diag = ctx.diagnostics();
    const Region &region = ctx.region();
    const std::size_t errors_before = diag.error_count();
    std::optional<Config> config = read_config(ctx.settings(), region, diag, key_prefix);
    if (!config) return;

    std::optional<Grootboek> grootboek, vorig;
    if (config->grootboek)
        if (auto f = ctx.read_input(config->grootboek->pad, config->grootboek->where, config->grootboek->key_path))
            grootboek = read_grootboek(f->path, f->contents, *config, region.boekjaar, diag);
    if (config->grootboek_vorig_jaar)
        if (auto f = ctx.read_input(config->grootboek_vorig_jaar->pad, config->grootboek_vorig_jaar->where,
                                    config->grootboek_vorig_jaar->key_path))
            vorig = read_grootboek(f->path, f->contents, *config, region.boekjaar - 1, diag);
    std::optional<Indicatoren> indicatoren;
    if (config->indicatoren)
        if (auto f = ctx.read_input(config->indicatoren->pad, config->indicatoren->where, config->indicatoren->key_path))
            indicatoren = read_indicatoren(f->path, f->contents, *config, region, diag);
    if (diag.error_count() != errors_before) return;

    const SourceLocation posten_where = ctx.settings().has("posten") ? ctx.settings().where("posten") : SourceLocation{};
    Jaarrekening j = bereken(std::move(*config), region, ctx.lines(), grootboek, vorig, std::move(indicatoren),
                             posten_where, diag);
    ctx.add_workbook(build_workbook(j, region));
    ctx.add_text(build_text(j, region));
    for (std::size_t i = 0; i < region.gemeenten.size(); ++i) ctx.add_text(build_raadsbrief(j, region, i));
}

}  // namespace vhh::jaarverantwoording
