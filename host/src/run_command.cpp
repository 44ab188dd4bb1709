// `vhh run` and `vhh check`: one region or a province, the store's administration handed to the
// plugins, and the output set written at once (VhhApp's run commands; the rest of the CLI is app.cpp).
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app.h"
#include "betalingen/betalingen_commands.h"
#include "config/province_config.h"
#include "config/region_config.h"
#include "consolidation.h"
#include "cycle/zienswijzen_document.h"
#include "diagnostic_output.h"
#include "formats.h"
#include "output/output_set.h"
#include "output/sha256.h"
#include "pipeline.h"
#include "plugins/plugin_loader.h"
#include "render/document_check.h"
#include "render/renderer_registry.h"
#include "run.h"
#include "store/administration.h"
#include "store/prior_year.h"
#include "store/store_commands.h"
#include "store/zienswijze.h"
#include "vhh/count_nl.h"

namespace vhh::host {

namespace fs = std::filesystem;

AdministrationLookup VhhApp::administration_lookup(const std::string &cfg_path) {
    return [this, cfg_path](const RunConfig &config, Diagnostics &d) {
        std::optional<Administration> a;
        const char *env = std::getenv("VHH_DATABASE");
        const SourceLocation named = !store_values_["database"].empty() ? SourceLocation{"--database", 0, 0}
                                     : env && *env                       ? SourceLocation{"VHH_DATABASE", 0, 0}
                                                                         : config.administratie_where;
        try {
            if (auto db = store::open_store_for_run(store_values_["database"], config.administratie, cfg_path)) {
                a = store::read_administration(*db, config.region);
                zienswijzen_ = store::find_zienswijzen(*db, config.region.id, config.region.boekjaar);
                // What `vhh vaststellen begroting` would refuse: a zienswijze without a reaction.
                if (!a->begroting)
                    if (const auto open = store::unanswered_zienswijzen(*db, config.region.id, config.region.boekjaar);
                        !open.empty())
                        d.warning(named, "zienswijzen",
                                  "the dagelijks bestuur has not reacted to the zienswijze of " +
                                      store::gemeenten_text(open) + " on the ontwerpbegroting " +
                                      std::to_string(config.region.boekjaar) +
                                      ": the begroting cannot be vastgesteld until it has",
                                  "record each reaction with 'vhh zienswijze reactie'");
            }
        } catch (const store::StoreError &e) {  // located where the store is named
            d.error(e.code, named, named.file == config.administratie_where.file ? "administratie" : "", e.what());
        }
        return a;
    };
}

int VhhApp::cmd_run(bool write) {
    // --out is checked (and other runs into it waited for) before anything is computed.
    std::unique_ptr<OutputSet> out;
    if (write) {
        try {
            out = std::make_unique<OutputSet>(out_, [&] {
                std::cerr << "vhh: note: another vhh run is writing to " << out_ << "; waiting for it\n";
            });
        } catch (const OutputError &e) {
            return output_refused(e);
        }
        for (const auto &note : out->take_notes()) std::cerr << "vhh: warning: " << note << "\n";
    }
    const std::string cfg_path = config_path();
    if (is_province_config(cfg_path)) return cmd_run_province(cfg_path, out.get());
    Diagnostics diag;
    PluginRegistry registry;
    registry.discover(plugin_dirs());
    const std::string label = config_.empty() ? std::string("bundled:config/zeeland/vhh.yaml") : cfg_path;
    // With a store, the report phase sees its vastgestelde figures (the store named once the config is read).
    const AdministrationLookup administration = administration_lookup(cfg_path);
    std::unique_ptr<RegionRun> run = run_region(cfg_path, label, registry, templates_dir(), true, diag, nullptr,
                                                {allow_outside_inputs_, {}}, administration);
    // With a store and a begroting: the zienswijzen and the reactions for the algemeen bestuur.
    std::vector<doc::Document> own;
    if (run) own = cycle::host_cycle_documents(*run, zienswijzen_, {cfg_path, 0, 0}, diag);
    if (diag.has_errors()) run.reset();
    std::cerr << format_capped(diag);  // warnings, or the errors
    if (!run) return static_cast<int>(diag.exit_code());
    const Pipeline &pipeline = *run->pipeline;
    if (!out) {
        const std::size_t documents = pipeline.workbooks().size() +
                                      (pipeline.documents().size() + own.size()) * pipeline.renderers().size();
        std::cout << "vhh: " << cfg_path << ": ok ("
                  << vhh::count_nl(static_cast<std::int64_t>(run->config.region.gemeenten.size()), "gemeente", "gemeenten")
                  << ", " << pipeline.plugins().size() << (pipeline.plugins().size() == 1 ? " plugin, " : " plugins, ")
                  << documents << (documents == 1 ? " document)\n" : " documents)\n");
        return 0;
    }
    ManifestInfo info;
    info.region = run->config.region.id;
    info.year = run->config.region.boekjaar;
    info.created = document_time(info.year);
    for (const auto &p : pipeline.plugins()) info.plugins.push_back(&p);
    info.inputs = run->inputs;
    // The host's own documents from the store (the debiteurenstand at 31 December): the SDK's
    // report context stays as it is (ABI 2 is frozen).
    std::vector<doc::Document> host_documents;
    try {
        if (auto db = store::open_store_for_run(store_values_["database"], run->config.administratie, cfg_path))
            host_documents = betalingen::run_documents(*db, run->config);
    } catch (const store::StoreError &e) {
        return store::refused(e);
    }
    for (auto &d : own) host_documents.push_back(std::move(d));
    return write_output(*out, info, [&](OutputSet &set) {
        stage_workbooks(set, "", pipeline.workbooks(), info.created);
        stage_described_documents(set, "", pipeline, info.created);
        stage_described_documents(set, "", host_documents, pipeline.renderers(), info.created, pipeline.house_style());
    });
}

int VhhApp::cmd_run_province(const std::string &cfg_path, OutputSet *out) {
    Diagnostics diag;
    ProvinceConfig province = load_province_config(cfg_path, diag, allow_outside_inputs_);
    if (diag.has_errors()) {
        std::cerr << format_capped(diag);
        return static_cast<int>(diag.exit_code());
    }
    PluginRegistry registry;
    registry.discover(plugin_dirs());
    // Every region reads its files from under the province config's folder.
    const InputPolicy input_policy{allow_outside_inputs_, scope_of_config(cfg_path, false).root};
    std::vector<std::unique_ptr<RegionRun>> runs, priors;
    std::set<std::string> ids;
    TemplateCache templates;  // each template read and compiled once for all regions
    std::unique_ptr<store::Store> db;  // the year before comes from the store's jaarrekening when it holds one
    try {
        db = store::open_store_for_run(store_values_["database"], province.administratie, cfg_path);
    } catch (const store::StoreError &e) {
        diag.error(e.code, {cfg_path, 0, 0}, "administratie", e.what());
    }
    const AdministrationLookup administration = [&](const RunConfig &config, Diagnostics &d) {
        std::optional<Administration> a;
        try {
            if (db) a = store::read_administration(*db, config.region);
        } catch (const store::StoreError &e) {
            d.error(e.code, {cfg_path, 0, 0}, "administratie", e.what());
        }
        return a;
    };
    for (const auto &r : province.regios) {
        auto run = run_region(r.config, r.config, registry, templates_dir(), true, diag, &templates, input_policy,
                              administration);
        std::unique_ptr<RegionRun> prior;
        if (!r.vorig_jaar.empty()) prior = run_region(r.vorig_jaar, r.vorig_jaar, registry, templates_dir(), false, diag, nullptr,
                               input_policy);
        if (!run || (!r.vorig_jaar.empty() && !prior)) continue;
        const Region &region = run->config.region;
        if (region.boekjaar != province.boekjaar)
            diag.error(vhh::ExitCode::config, r.where, r.key_path + ".config",
                       "region '" + region.id + "' is about boekjaar " + std::to_string(region.boekjaar) +
                           ", the province about " + std::to_string(province.boekjaar));
        if (prior && prior->config.region.boekjaar != province.boekjaar - 1)
            diag.error(vhh::ExitCode::config, r.where, r.key_path + ".vorig_jaar",
                       "the year before must be boekjaar " + std::to_string(province.boekjaar - 1) + ", not " +
                           std::to_string(prior->config.region.boekjaar));
        if (!ids.insert(region.id).second)
            diag.error(vhh::ExitCode::config, r.where, r.key_path + ".config",
                       "two regions have the id '" + region.id + "'", "each region needs its own id (its folder in --out)");
        runs.push_back(std::move(run));
        priors.push_back(std::move(prior));
    }
    std::vector<store::PriorYear> prior_years;
    for (std::size_t i = 0; i < runs.size(); ++i)
        prior_years.push_back(store::prior_year(db.get(), runs[i]->config.region,
                                                priors[i] ? &priors[i]->pipeline->lines() : nullptr));
    std::vector<ConsolidationInput> inputs;
    for (std::size_t i = 0; i < runs.size(); ++i)
        inputs.push_back({&runs[i]->config.region, &runs[i]->pipeline->lines(),
                          prior_years[i].known ? &prior_years[i].lines : nullptr, prior_years[i].snapshot});
    // The consolidation is the host's own document, rendered in every format vhh has.
    const std::vector<doc::Document> consolidation = {consolidation_document(province, inputs)};
    for (const auto &problem : document_problems(consolidation.front()))
        diag.error(vhh::ExitCode::internal, {cfg_path, 0, 0}, "", "consolidatie: " + problem);
    std::vector<const DocumentRenderer *> renderers;
    for (const auto &format : RendererRegistry::builtin().formats())
        renderers.push_back(RendererRegistry::builtin().find(format));
    std::cerr << format_capped(diag);
    if (diag.has_errors() || runs.size() != province.regios.size()) return static_cast<int>(diag.exit_code());
    if (!out) {
        std::cout << "vhh: " << cfg_path << ": ok (" << runs.size() << " regions)\n";
        return 0;
    }
    ManifestInfo info;
    info.region = province.id;
    info.year = province.boekjaar;
    info.created = document_time(info.year);
    std::set<std::string> plugin_names;
    info.inputs.emplace_back(cfg_path, province.sha256);  // the bytes parsed, not a second read
    for (const auto &group : {&runs, &priors})
        for (const auto &run : *group) {
            if (!run) continue;
            for (const auto &p : run->pipeline->plugins())
                if (plugin_names.insert(p.record->name).second) info.plugins.push_back(&p);
            info.inputs.insert(info.inputs.end(), run->inputs.begin(), run->inputs.end());
        }
    for (const auto &run : runs) info.regions.push_back(run->config.region.id);
    return write_output(*out, info, [&](OutputSet &set) {
        for (const auto &run : runs) {
            stage_workbooks(set, run->config.region.id + "/", run->pipeline->workbooks(), info.created);
            stage_described_documents(set, run->config.region.id + "/", *run->pipeline, info.created);
        }
        stage_described_documents(set, "", consolidation, renderers, info.created);
    });
}

int VhhApp::write_output(OutputSet &out, const ManifestInfo &info, const std::function<void(OutputSet &)> &stage) {
    try {
        try {
            stage(out);
        } catch (const RenderError &e) {
            std::cerr << "vhh: error: " << printable_text(e.what()) << "\n";
            return static_cast<int>(vhh::ExitCode::internal);
        }
        out.write_file("manifest.json", manifest_json(info, out));
        out.commit();
        for (const auto &note : out.take_notes()) std::cerr << "vhh: warning: " << note << "\n";
        std::cout << "vhh: wrote " << out.files().size() << (out.files().size() == 1 ? " file to " : " files to ") << out_
                  << ":\n";
        for (const auto &name : out.files()) std::cout << "  " << (fs::path(out_) / name).string() << "\n";
    } catch (const OutputError &e) {
        return output_refused(e);
    } catch (const std::invalid_argument &e) {
        std::cerr << "vhh: error: " << printable_text(e.what()) << "\n";
        return static_cast<int>(vhh::ExitCode::internal);
    }
    return 0;
}

}  // namespace vhh::host
