// The run pipeline: config -> plugins (settings validated) -> load -> compute -> report.
// Produces report models only; rendering and writing happen in the app.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/region_config.h"
#include "plugins/plugin_loader.h"
#include "render/document_renderer.h"
#include "render/xlsx_renderer.h"
#include "vhh/document.h"
#include "vhh/diagnostics.h"
#include "vhh/plugin.h"

namespace vhh::host {

/// A configured plugin ready to run: its record, its config entry and validated settings.
struct ActivePlugin {
    const PluginRecord *record = nullptr;
    const PluginEntry *entry = nullptr;
    Settings settings;
    std::shared_ptr<Plugin> instance;  ///< this run's own instance (a province run has one per region)
};

/// Input files read by plugins: resolved against the naming file's folder, confined to the
/// config's folder (InputScope), only regular files within their kind's size limit (read_input_file),
/// hashed for the manifest.
class InputFilesImpl : public InputFiles {
public:
    explicit InputFilesImpl(Diagnostics &diag, InputScope scope = {}) : diag_(&diag), scope_(std::move(scope)) {}
    /// Records from now on into `diag` (the log of the phase that reads).
    void record_into(Diagnostics &diag) { diag_ = &diag; }
    /// A plugin's input file (InputKind::plugin_input, e.g. indicatoren).
    std::optional<InputFile> read(const std::string &path, const SourceLocation &where,
                                  const std::string &key_path) override;
    /// Same, for a file of `kind` (a ledger export read for an importer).
    std::optional<InputFile> read(const std::string &path, const SourceLocation &where, const std::string &key_path,
                                  InputKind kind);
    /// Same, for a ledger export read in pieces: opens it, hashes it and records it; nothing (after
    /// reporting, as read does) when it cannot be read.
    std::unique_ptr<InputFileStream> open(const std::string &path, const SourceLocation &where,
                                          const std::string &key_path, InputKind kind);
    /// Every file read, in order, with its sha256.
    const std::vector<std::pair<std::string, std::string>> &files() const { return files_; }

private:
    /// The path `path` names (relative to the folder of the file that names it), or nothing after
    /// reporting one outside the scope.
    std::optional<std::string> resolve(const std::string &path, const SourceLocation &where, const std::string &key_path,
                                       InputKind kind);
    /// Reports a file that cannot be read.
    void report(const InputError &error, const std::string &path, const SourceLocation &where,
                const std::string &key_path);

    Diagnostics *diag_;
    InputScope scope_;
    std::vector<std::pair<std::string, std::string>> files_;
};

class Pipeline;

/// Routes other plugins' ledger imports to the configured importer plugins.
class LedgerImportersImpl : public LedgerImporters {
public:
    explicit LedgerImportersImpl(Pipeline &pipeline) : pipeline_(pipeline) {}
    bool import_ledger(const std::string &importer, const std::string &path, const SourceLocation &where,
                       const std::string &key_path, LedgerSink &sink) override;
    /// True when a plugin asked `importer` for a file in this run.
    bool asked(const std::string &importer) const { return asked_.count(importer) != 0; }

private:
    Pipeline &pipeline_;
    std::set<std::string> asked_;  // importers asked for a file
};

/// Runs the plugins of one configuration through their phases.
class Pipeline {
public:
    Pipeline(const RunConfig &config, const PluginRegistry &registry, Diagnostics &diag)
        : config_(config), registry_(registry), diag_(&diag), inputs_(diag, config.inputs), importers_(*this) {}

    /// Resolves every configured plugin (unknown or broken: ExitCode::config) and
    /// validates its settings against its table. Returns true when every plugin can run: the
    /// errors recorded, if any, are blocking only (unknown keys, which leave every setting that was
    /// read whole). Each phase below records into a log of its own (StageLog), merged into `diag`
    /// when the phase ends, and says whether that log has errors.
    bool prepare(Diagnostics &diag);
    /// Runs the load phase (registries). Returns false when errors were recorded.
    bool load(Diagnostics &diag);
    /// Runs the load phase, then the compute phase. Returns false when errors were recorded.
    bool compute(Diagnostics &diag);
    /// Runs the report phase and adds the compute plugins' sheets as bijdragen-berekening-Y.xlsx. After a
    /// clean run, warns about an importer plugin that no plugin asked for a file: its settings
    /// were checked, but what it would say of an export was not.
    bool report(Diagnostics &diag);

    /// The plugins in config order (after prepare).
    const std::vector<ActivePlugin> &plugins() const { return active_; }
    /// Input files plugins read, with their sha256 (for manifest.json).
    const std::vector<std::pair<std::string, std::string>> &input_files() const { return inputs_.files(); }
    /// The partner registry (after load).
    const std::vector<Partner> &partners() const { return partners_; }
    /// True when a partner registry plugin is configured.
    bool has_partner_registry() const { return partner_registry_; }
    /// All contribution lines (after compute).
    const std::vector<ContributionLine> &lines() const { return lines_; }
    /// Workbooks to write (after report): bijdragen-berekening-Y.xlsx, when compute plugins added sheets.
    const std::vector<Workbook> &workbooks() const { return workbooks_; }
    /// The meerjarenraming a report plugin gave (ReportContext::add_meerjarenraming), if any.
    const std::optional<Meerjarenraming> &meerjarenraming() const { return meerjarenraming_; }
    /// `totaal` divided over the gemeenten of `jaar` by the configured key (ReportContext::divide_bijdrage):
    /// financing.inwonerbijdrage run again with `totaal` as its whole gemeentelijke bijdrage over the
    /// region as it is in `jaar` (cycle/gemeenten_van_jaar.h).
    std::optional<std::vector<ContributionLine>> divide_bijdrage(int jaar, Money totaal, std::string &error);
    /// The zienswijze term of the ontwerpbegroting of `begrotingsjaar` (ReportContext::zienswijzetermijn).
    Zienswijzetermijn zienswijzetermijn(int begrotingsjaar) const;
    /// The posten a report plugin gave for the administration (ReportContext::add_posten), if any.
    const std::optional<std::vector<PostFigures>> &posten() const { return posten_; }
    /// What the report phase's plugins see of the administration (nullptr: no store); it must
    /// outlive the report phase.
    void set_administration(const Administration *administration) { administration_ = administration; }
    /// Documents plugins described (after report), checked (document_check.h).
    const std::vector<doc::Document> &documents() const { return documents_; }
    /// The documents among documents() still to be worded from their template (a letter's
    /// doc::Letter::body_template, a report's doc::Document::body_template); the run fills them
    /// before rendering.
    std::vector<std::reference_wrapper<doc::Document>> documents_to_word() {
        std::vector<std::reference_wrapper<doc::Document>> out;
        for (auto &d : documents_)
            if ((d.letter && !d.letter->body_template.empty()) || (!d.letter && !d.body_template.empty()))
                out.emplace_back(d);
        return out;
    }
    /// The letterhead and letter defaults of the config's `huisstijl:` (empty without the key).
    const HouseStyle &house_style() const { return config_.house; }
    /// The renderers of the formats the config chose (`formaten:`, default every one vhh has), in
    /// its order (after prepare).
    const std::vector<const DocumentRenderer *> &renderers() const { return renderers_; }

private:
    friend class LedgerImportersImpl;
    /// Routes what plugins read during a phase (input files, imports) into that phase's log, and
    /// back to the pipeline's own log when the phase ends.
    struct Route {
        Route(Pipeline &p, Diagnostics &phase) : pipeline(p), previous(p.diag_) {
            p.diag_ = &phase;
            p.inputs_.record_into(phase);
        }
        ~Route() {
            pipeline.diag_ = previous;
            pipeline.inputs_.record_into(*previous);
        }
        Pipeline &pipeline;
        Diagnostics *previous;
    };
    /// Gives a context the host's services (input files, importers) and the entry's key path.
    void attach(PhaseContext &ctx, const ActivePlugin &p);
    /// Adds bijdragen-berekening-Y.xlsx: the compute plugins' sheets (add_sheet), when there are any.
    void add_calculation_workbook();
    /// Resolves `formaten:` to renderers; a format this vhh has no renderer of is a located error (78).
    void choose_renderers(Diagnostics &diag);

    const RunConfig &config_;
    const PluginRegistry &registry_;
    std::vector<ActivePlugin> active_;
    Diagnostics *diag_;  // where importers and input files record: the running phase's log
    InputFilesImpl inputs_;
    LedgerImportersImpl importers_;
    std::vector<Partner> partners_;
    bool partner_registry_ = false;
    std::vector<ContributionLine> lines_;
    std::vector<Table> bijdragen_sheets_;
    std::vector<Workbook> workbooks_;
    std::optional<std::vector<PostFigures>> posten_;
    std::optional<Meerjarenraming> meerjarenraming_;
    const Administration *administration_ = nullptr;
    std::vector<doc::Document> documents_;
    std::vector<const DocumentRenderer *> renderers_;
};

/// Totals per source in first-seen order, then the overall total.
struct SourceTotal {
    std::string source;
    Money amount;
};
std::vector<SourceTotal> totals_by_source(const std::vector<ContributionLine> &lines);
/// True when the lines' overall total and every per-source total fit in 64-bit cents (so that
/// totals_by_source and the other sums of the lines cannot overflow).
bool totals_fit(const std::vector<ContributionLine> &lines);

}  // namespace vhh::host
