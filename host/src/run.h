// One region's run from config to rendered documents, and the manifest of an output set.
// `vhh run` and `vhh check` use it for a region config and for every region of a province.
#pragma once

#include <ctime>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/region_config.h"
#include "output/output_set.h"
#include "pipeline.h"
#include "plugins/plugin_loader.h"
#include "render/text_renderer.h"

namespace vhh::host {

/// A region run: its config, its pipeline (with all report models, the letters and reports worded).
struct RegionRun {
    std::string config_label;  ///< how manifest.json names the config ("bundled:config/zeeland/vhh.yaml" or the path)
    RunConfig config;
    std::unique_ptr<Pipeline> pipeline;
    std::vector<std::pair<std::string, std::string>> inputs;  ///< everything read: label, sha256
    std::optional<Administration> administration;  ///< what the report phase saw of the store, if any
};

/// The administration's figures for a region whose config has been read (it may name the store),
/// given before its report phase: nullopt when there is no store; problems are errors in `diag`.
using AdministrationLookup = std::function<std::optional<Administration>(const RunConfig &, Diagnostics &)>;

/// Text templates read and compiled once per run. A province run passes one cache to the
/// run_region of every region, so that e.g. the raadsbrief is compiled once for all regions.
struct TemplateCache {
    /// A template file that was read.
    struct Entry {
        std::string sha256;                       ///< of the file, for manifest.json
        std::optional<CompiledTemplate> compiled;  ///< nullopt: a syntax error or partial (reported)
    };
    std::map<std::string, Entry> by_path;  ///< by template path
};

/// Validates the settings of the config's plugins (skipped when a file of the config is missing or
/// it names no plugins). True when the plugins' phases can run: every plugin has valid settings,
/// and the config's own errors, if any, let the plugins check (RunConfig::complete, the rule
/// plugin_checks_may_run). Callers run the phases and then still stop on the errors recorded.
bool prepare_plugins(const RunConfig &config, Pipeline &pipeline, Diagnostics &diag);

/// Loads `config_path`, validates its plugins, computes and, when `report`, runs the report
/// phase and renders every text document (templates from the config's `templates:` folder,
/// else `bundled_templates`), each template compiled once (in `templates` when given, shared with
/// other regions; else for this region). Returns nullptr when errors were recorded in `diag`.
/// `inputs`: where the config's files may be (see load_run_config). `administration`, when given,
/// is asked once the region has computed, and its answer is what the report phase's plugins see
/// (RegionRun::administration). `render` false leaves the text documents unrendered (the report
/// phase's models only, as `vhh vaststellen` needs).
std::unique_ptr<RegionRun> run_region(const std::string &config_path, const std::string &config_label,
                                      const PluginRegistry &registry, const std::string &bundled_templates,
                                      bool report, Diagnostics &diag, TemplateCache *templates = nullptr,
                                      const InputPolicy &inputs = {}, const AdministrationLookup &administration = {},
                                      bool render = true);

/// The template at `template_path` from `cache`: read, hashed and compiled on first use. A syntax
/// error or partial is reported then, once (78), and the entry has no compiled template; nullptr
/// when the file cannot be read (reported, 66, at every call).
const TemplateCache::Entry *cached_template(TemplateCache &cache, const std::string &template_path,
                                            Diagnostics &diag);

/// Renders a text document from a compiled template. Template problems are reported once each
/// in `diag` (78), however many documents have them; returns false on error.
bool render_text(const CompiledTemplate &tmpl, const TextDocument &doc, std::string &out, Diagnostics &diag);

/// Writes workbooks (bijdragen-berekening-Y.xlsx) into the output set, names prefixed with `prefix`
/// ("" or "zeeland/"). Throws RenderError / OutputError.
void stage_workbooks(OutputSet &out, const std::string &prefix, const std::vector<Workbook> &workbooks,
                     std::time_t created);

/// Renders every document `pipeline`'s plugins described in every format it chose and writes the
/// files (`<name>.<extension>`, prefixed with `prefix`) into the output set. Throws RenderError /
/// OutputError.
void stage_described_documents(OutputSet &out, const std::string &prefix, const Pipeline &pipeline,
                               std::time_t created);
/// Renders `documents` with every one of `renderers` (letters with `house`'s letterhead) and writes
/// the files (`<name>.<extension>`, prefixed with `prefix`) into the output set. Throws RenderError /
/// OutputError.
void stage_described_documents(OutputSet &out, const std::string &prefix, const std::vector<doc::Document> &documents,
                               const std::vector<const DocumentRenderer *> &renderers, std::time_t created,
                               const HouseStyle &house = {});

/// What manifest.json says about a run besides the files.
struct ManifestInfo {
    std::string region;                                        ///< region (or province) id
    int year = 0;
    std::time_t created = 0;
    std::vector<std::string> regions;                          ///< province runs: the region ids
    std::vector<const ActivePlugin *> plugins;                 ///< each plugin once
    std::vector<std::pair<std::string, std::string>> inputs;   ///< label, sha256
    /// Per file name: a SHA-256 of what its bytes were rendered from, listed as the file's
    /// "render_inputs" (`vhh factureren` carries over a file whose inputs did not change).
    std::map<std::string, std::string> render_inputs;
};

/// The manifest's description of a command's output from one region config without plugins
/// (`vhh factureren`, `vhh debiteuren`): the region, the year, and as inputs the config and the
/// files it includes.
ManifestInfo config_manifest(const RunConfig &config, int year);

/// manifest.json for the files staged in `out` so far.
std::string manifest_json(const ManifestInfo &info, const OutputSet &out);

/// "2014-01-01T00:00:00Z".
std::string iso_time(std::time_t t);

}  // namespace vhh::host
