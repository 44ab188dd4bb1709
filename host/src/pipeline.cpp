#include "pipeline.h"

#include "cycle/gemeenten_van_jaar.h"

#include <functional>

#include "config/settings_validator.h"
#include "stage_log.h"
#include "formats.h"
#include "output/sha256.h"
#include "plugins/plugin_crash_guard.h"
#include "render/document_check.h"
#include "render/renderer_registry.h"
#include "render/report_model_check.h"


#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>
#include <set>

namespace vhh::host {

namespace {

class LoadContextImpl : public LoadContext {
public:
    LoadContextImpl(const Region &r, std::vector<Partner> &partners, bool &registry, const Settings &s, Diagnostics &d)
        : LoadContext(r, partners, s, d), partners_(partners), registry_(registry) {
        set_partner_registry(registry);
    }
    void declare_partner_registry() override {
        registry_ = true;
        set_partner_registry(true);
    }
    void add_partner(Partner partner) override {
        for (const auto &p : partners_)
            if (p.id == partner.id) {
                diagnostics().error(ExitCode::config, partner.where, partner.key_path.empty() ? "" : partner.key_path + ".id",
                                    "duplicate partner id '" + partner.id + "'",
                                    "first declared at " + p.where.file + ":" + std::to_string(p.where.line));
                return;
            }
        partners_.push_back(std::move(partner));
    }

private:
    std::vector<Partner> &partners_;
    bool &registry_;
};

class ComputeContextImpl : public ComputeContext {
public:
    ComputeContextImpl(const Region &r, const std::vector<Partner> &partners, bool registry, const Settings &s,
                       Diagnostics &d, std::vector<ContributionLine> &lines, std::vector<Table> &sheets)
        : ComputeContext(r, partners, s, d), lines_(lines), sheets_(sheets) {
        set_partner_registry(registry);
    }
    void add_line(ContributionLine line) override { lines_.push_back(std::move(line)); }
    void add_sheet(Table sheet) override { sheets_.push_back(std::move(sheet)); }
    const std::vector<ContributionLine> &lines() const override { return lines_; }

private:
    std::vector<ContributionLine> &lines_;
    std::vector<Table> &sheets_;
};

class ReportContextImpl : public ReportContext {
public:
    ReportContextImpl(const Region &r, const std::vector<Partner> &partners, bool registry, const Settings &s,
                      Diagnostics &d, const std::vector<ContributionLine> &lines,
                      std::optional<std::vector<PostFigures>> &posten, std::vector<doc::Document> &documents,
                      Pipeline &pipeline, std::optional<Meerjarenraming> &raming)
        : ReportContext(r, partners, s, d), lines_(lines), posten_(posten), documents_(documents), pipeline_(pipeline),
          raming_(raming) {
        set_partner_registry(registry);
    }
    const std::vector<ContributionLine> &lines() const override { return lines_; }
    void add_document(doc::Document document) override { documents_.push_back(std::move(document)); }
    void add_posten(std::vector<PostFigures> posten) override { posten_ = std::move(posten); }
    std::optional<std::vector<ContributionLine>> divide_bijdrage(int jaar, Money totaal, std::string &error) override {
        return pipeline_.divide_bijdrage(jaar, totaal, error);
    }
    void add_meerjarenraming(Meerjarenraming raming) override { raming_ = std::move(raming); }
    Zienswijzetermijn zienswijzetermijn(int begrotingsjaar) const override {
        return pipeline_.zienswijzetermijn(begrotingsjaar);
    }

private:
    const std::vector<ContributionLine> &lines_;
    std::optional<std::vector<PostFigures>> &posten_;
    std::vector<doc::Document> &documents_;
    Pipeline &pipeline_;
    std::optional<Meerjarenraming> &raming_;
};

/// Runs one phase of one plugin, turning exceptions into located errors (exit code 70).
bool run_phase(const ActivePlugin &p, const char *phase, Diagnostics &diag, const std::function<void()> &call) {
    try {
        PluginCallScope crash_record(p.record->name, phase);  // names the plugin if it crashes
        call();
        return true;
    } catch (const std::exception &e) {
        diag.error(ExitCode::internal, p.entry->section.where, p.entry->key_path,
                   "plugin '" + p.record->name + "' failed in the " + phase + " phase: " + e.what());
    } catch (...) {
        diag.error(ExitCode::internal, p.entry->section.where, p.entry->key_path,
                   "plugin '" + p.record->name + "' failed in the " + phase + " phase: unknown exception");
    }
    return false;
}

/// Reports what `run` would refuse in plugin `p`'s report model (report_model_check.h) as errors
/// at its config entry, at most 10 of them and a count of the rest; returns true when there were none.
bool no_model_problems(const ActivePlugin &p, const std::vector<std::string> &problems, ExitCode code,
                       Diagnostics &diag) {
    constexpr std::size_t kShown = 10;
    for (std::size_t i = 0; i < problems.size() && i < kShown; ++i)
        diag.error(code, p.entry->section.where, p.entry->key_path, "plugin '" + p.record->name + "': " + problems[i]);
    if (problems.size() > kShown)
        diag.error(code, p.entry->section.where, p.entry->key_path,
                   "plugin '" + p.record->name + "': " + std::to_string(problems.size() - kShown) +
                       " more problems of its documents");
    return problems.empty();
}

/// Problems of the lines a compute plugin added (from `first`): texts too long for a workbook cell
/// (report.bijdragen shows them as cells of bijdragen-Y.xlsx).
std::vector<std::string> line_problems(const std::vector<ContributionLine> &lines, std::size_t first) {
    std::vector<std::string> out;
    for (std::size_t i = first; i < lines.size(); ++i) {
        const ContributionLine &l = lines[i];
        for (const auto &[what, text] : {std::pair<const char *, const std::string &>{"source", l.source},
                                         {"payer id", l.payer_id}, {"payer", l.payer}, {"basis", l.basis}})
            if (std::string p = cell_text_problem(what, text); !p.empty()) out.push_back("a line's " + p);
    }
    return out;
}

/// Problems of the calculation sheets a compute plugin added (from `first`): sheets Excel refuses or
/// whose names an earlier sheet has.
std::vector<std::string> bijdragen_sheet_problems(const std::vector<Table> &sheets, std::size_t first) {
    std::vector<std::string> out;
    std::set<std::string> taken;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        auto problems = sheet_in_workbook_problems(sheets[i], taken);
        if (i >= first) out.insert(out.end(), problems.begin(), problems.end());
    }
    return out;
}

}  // namespace

std::optional<InputFile> InputFilesImpl::read(const std::string &path, const SourceLocation &where,
                                             const std::string &key_path) {
    return read(path, where, key_path, InputKind::plugin_input);
}

std::optional<std::string> InputFilesImpl::resolve(const std::string &path, const SourceLocation &where,
                                                   const std::string &key_path, InputKind kind) {
    namespace fs = std::filesystem;
    fs::path p(path);
    if (p.is_relative() && !where.file.empty()) p = fs::path(where.file).parent_path() / p;
    if (auto outside = outside_scope(p.string(), scope_)) {
        diag_->error(ExitCode::config, where, key_path, "cannot read " + std::string(input_kind_name(kind)) + " " +
                                                           p.string() + ": " + *outside,
                    outside_scope_hint());
        return std::nullopt;
    }
    return p.string();
}

void InputFilesImpl::report(const InputError &error, const std::string &path, const SourceLocation &where,
                            const std::string &key_path) {
    diag_->error(error.code, where, key_path,
                 "cannot read input file: " + (error.at_open ? "cannot read " + path + ": " : "") + error.reason);
}

std::optional<InputFile> InputFilesImpl::read(const std::string &path, const SourceLocation &where,
                                             const std::string &key_path, InputKind kind) {
    const std::optional<std::string> p = resolve(path, where, key_path, kind);
    if (!p) return std::nullopt;
    InputRead read = read_input_file(*p, kind);
    if (!read.ok()) {
        report(read.error, *p, where, key_path);
        return std::nullopt;
    }
    InputFile file{*p, std::move(read.value)};
    files_.emplace_back(file.path, sha256_hex(file.contents));
    return file;
}

std::unique_ptr<InputFileStream> InputFilesImpl::open(const std::string &path, const SourceLocation &where,
                                                      const std::string &key_path, InputKind kind) {
    const std::optional<std::string> p = resolve(path, where, key_path, kind);
    if (!p) return nullptr;
    Sha256 sha;
    InputError error;
    auto stream = InputFileStream::open(*p, kind, [&](const char *data, std::size_t size) { sha.update(data, size); },
                                        error);
    if (!stream) {
        report(error, *p, where, key_path);
        return nullptr;
    }
    files_.emplace_back(*p, sha.hex());
    return stream;
}

void Pipeline::attach(PhaseContext &ctx, const ActivePlugin &p) {
    ctx.set_input_files(&inputs_);
    ctx.set_importers(&importers_);
    ctx.set_key_path(p.entry->key_path);
}

bool LedgerImportersImpl::import_ledger(const std::string &importer, const std::string &path,
                                        const SourceLocation &where, const std::string &key_path, LedgerSink &sink) {
    Diagnostics &diag = *pipeline_.diag_;  // the log of the phase that asks
    const ActivePlugin *found = nullptr;
    std::string configured;
    for (const auto &p : pipeline_.active_) {
        if (!(p.record->kinds & VHH_KIND_IMPORT)) continue;
        configured += (configured.empty() ? "" : ", ") + p.record->name;
        if (p.record->name == importer) found = &p;
    }
    if (found == nullptr) {
        diag.error(ExitCode::config, where, key_path, "no importer '" + importer + "' is configured",
                   configured.empty() ? "add '- name: " + importer + "' to plugins"
                                      : "configured importers: " + configured);
        return false;
    }
    asked_.insert(importer);
    // The export is handed over as a stream: neither it nor its lines are held whole.
    std::unique_ptr<InputFileStream> stream = pipeline_.inputs_.open(path, where, key_path, InputKind::ledger);
    if (!stream) return false;
    const InputFile file{pipeline_.inputs_.files().back().first, std::string(), stream.get()};
    ImportContext ctx(pipeline_.config_.region, pipeline_.partners_, found->settings, diag);
    pipeline_.attach(ctx, *found);
    return run_phase(*found, "import", diag, [&] { found->instance->import_ledger(ctx, file, sink); });
}

bool totals_fit(const std::vector<ContributionLine> &lines) {
    const auto amount = [](const ContributionLine &l) { return l.amount; };
    if (!checked_sum(lines, amount)) return false;
    std::map<std::string, Money> per_source;
    for (const auto &l : lines) {
        const auto next = checked_add(per_source[l.source], l.amount);
        if (!next) return false;
        per_source[l.source] = *next;
    }
    return true;
}

std::vector<SourceTotal> totals_by_source(const std::vector<ContributionLine> &lines) {
    std::vector<SourceTotal> totals;
    for (const auto &l : lines) {
        auto it = std::find_if(totals.begin(), totals.end(), [&](const SourceTotal &t) { return t.source == l.source; });
        if (it == totals.end()) totals.push_back({l.source, l.amount});
        else it->amount += l.amount;
    }
    return totals;
}

bool Pipeline::prepare(Diagnostics &parent) {
    StageLog log(parent);
    Diagnostics &diag = log.sdk();
    for (const auto &entry : config_.plugins) {
        if (entry.settings_unreadable) continue;  // its settings file has its own errors already
        const YamlNode *name_node = entry.section.find("name");
        SourceLocation where = name_node ? name_node->where : entry.section.where;
        if (std::string refused = registry_.refusal(entry.name); !refused.empty()) {
            diag.error(ExitCode::config, where, entry.key_path + ".name", refused);
            continue;
        }
        const PluginRecord *rec = registry_.find_ok(entry.name);
        if (rec == nullptr) {
            std::string available;
            for (const auto &r : registry_.records())
                if (r.ok) available += (available.empty() ? "" : ", ") + r.name;
            diag.error(ExitCode::config, where, entry.key_path + ".name", "unknown plugin '" + entry.name + "'",
                       available.empty() ? "no plugins were found; check --plugin-dir"
                                         : "available plugins: " + available);
            continue;
        }
        if (const YamlNode *pin = entry.section.find("sha256")) {
            // The config pins the plugin's exact file: anything else is refused.
            std::string want = pin->text;
            std::transform(want.begin(), want.end(), want.begin(), [](unsigned char c) { return std::tolower(c); });
            bool hex = want.size() == 64 && want.find_first_not_of("0123456789abcdef") == std::string::npos;
            if (!pin->is_scalar() || !hex) {
                diag.error(ExitCode::config, pin->where, entry.key_path + ".sha256",
                           "expected the 64 hexadecimal digits of a sha256, got '" + pin->text + "'",
                           "sha256sum " + rec->path);
                continue;
            }
            const std::string &actual = rec->sha256();  // of the file as it was loaded
            if (actual != want) {
                diag.error(ExitCode::config, pin->where, entry.key_path + ".sha256",
                           "plugin '" + entry.name + "' at " + rec->path + " has sha256 " + actual +
                               ", not the pinned " + want,
                           "if this plugin version is trusted, pin its sha256; otherwise restore the pinned file");
                continue;
            }
        }
        ActivePlugin active;
        active.record = rec;
        active.entry = &entry;
        std::string why;
        active.instance = create_instance(*rec, why);
        if (!active.instance) {
            diag.error(ExitCode::config, where, entry.key_path + ".name",
                       "plugin '" + entry.name + "' cannot be used: " + why, "plugin file: " + rec->path);
            continue;
        }
        // GEMEENTE settings are checked against the region only when the region was read whole.
        // Every problem of the section names the plugin whose settings table refused it, and the
        // line of its config entry when the setting is in a `bestand:` file of its own.
        StageLog own;
        active.settings = validate_settings(entry.section, rec->manifest->settings, rec->manifest->setting_count,
                                            entry.key_path, {"name", "bestand", "sha256"}, own,
                                            config_.complete ? &config_.region : nullptr);
        own.merge_into(log, " (setting of plugin '" + entry.name + "', entry at " +
                                std::filesystem::path(where.file).filename().string() + ":" +
                                std::to_string(where.line) + ")");
        active.settings.set_owner(entry.name);
        active_.push_back(std::move(active));
    }
    choose_renderers(diag);
    // Every plugin can run when the errors, if any, are blocking only (unknown keys).
    return log.count(Impact::may_mask) == 0;
}

void Pipeline::choose_renderers(Diagnostics &diag) {
    const RendererRegistry &registry = RendererRegistry::builtin();
    if (config_.formaten.empty()) {
        for (const auto &format : registry.formats()) renderers_.push_back(registry.find(format));
        return;
    }
    for (const auto &choice : config_.formaten) {
        if (const DocumentRenderer *r = registry.find(choice.name)) {
            renderers_.push_back(r);
            continue;
        }
        std::string has;
        for (const auto &f : registry.formats()) has += (has.empty() ? "" : ", ") + f;
        diag.error(ExitCode::config, choice.where, choice.key_path,
                   "this vhh cannot render format '" + choice.name + "' yet", "it renders: " + has);
    }
}

bool Pipeline::load(Diagnostics &parent) {
    StageLog log(parent);
    Diagnostics &diag = log.sdk();
    const Route route(*this, diag);
    for (auto &p : active_) {
        if (!(p.record->kinds & VHH_KIND_LOAD)) continue;
        LoadContextImpl ctx(config_.region, partners_, partner_registry_, p.settings, diag);
        attach(ctx, p);
        run_phase(p, "load", diag, [&] { p.instance->load(ctx); });
    }
    return !log.failed();
}

bool Pipeline::compute(Diagnostics &parent) {
    if (!load(parent)) return false;
    StageLog log(parent);
    Diagnostics &diag = log.sdk();
    const Route route(*this, diag);
    for (auto &p : active_) {
        if (!(p.record->kinds & VHH_KIND_COMPUTE)) continue;
        ComputeContextImpl ctx(config_.region, partners_, partner_registry_, p.settings, diag, lines_,
                               bijdragen_sheets_);
        attach(ctx, p);
        const std::size_t first_line = lines_.size(), first_sheet = bijdragen_sheets_.size();
        if (!run_phase(p, "compute", diag, [&] { p.instance->compute(ctx); })) continue;
        const bool lines_ok = no_model_problems(p, line_problems(lines_, first_line), ExitCode::data, diag);
        if (!no_model_problems(p, bijdragen_sheet_problems(bijdragen_sheets_, first_sheet), ExitCode::internal, diag) ||
            !lines_ok)
            continue;
        if (!totals_fit(lines_)) {
            diag.error(ExitCode::data, p.entry->section.where, p.entry->key_path,
                       "plugin '" + p.record->name + "': its lines make a total of the bijdragen larger than " +
                           Money::cents(std::numeric_limits<std::int64_t>::max()).format_nl() +
                           ", the most vhh can count (64-bit cents)");
            break;
        }
    }
    return !log.failed();
}

bool Pipeline::report(Diagnostics &parent) {
    StageLog log(parent);
    Diagnostics &diag = log.sdk();
    const Route route(*this, diag);
    add_calculation_workbook();
    std::set<std::string> document_names;  // of every document so far, to catch one produced twice
    for (const auto &wb : workbooks_) document_names.insert(wb.file_name);
    for (auto &p : active_) {
        if (!(p.record->kinds & VHH_KIND_REPORT)) continue;
        ReportContextImpl ctx(config_.region, partners_, partner_registry_, p.settings, diag, lines_, posten_,
                              documents_, *this, meerjarenraming_);
        attach(ctx, p);
        ctx.set_administration(administration_);
        const std::size_t first_document = documents_.size();
        if (!run_phase(p, "report", diag, [&] { p.instance->report(ctx); })) continue;
        std::vector<std::string> problems;
        for (std::size_t i = first_document; i < documents_.size(); ++i) {
            const doc::Document &d = documents_[i];
            for (const auto &problem : document_problems(d))
                problems.push_back("document '" + d.name.substr(0, 80) + "': " + problem);
            if (!document_stem_problem(d.name).empty()) continue;
            for (const DocumentRenderer *r : renderers_)
                if (std::string problem = document_name_problem(d.name + "." + r->extension(), document_names);
                    !problem.empty())
                    problems.push_back(problem);
        }
        no_model_problems(p, problems, ExitCode::internal, diag);
    }
    // After an error in this phase a plugin may have stopped before it imported.
    if (log.failed()) return false;
    for (const auto &p : active_) {
        if (p.record->kinds != VHH_KIND_IMPORT || importers_.asked(p.record->name)) continue;
        const YamlNode *name = p.entry->section.find("name");
        diag.warning(name ? name->where : p.entry->section.where, p.entry->key_path + ".name",
                     "importer '" + p.record->name + "' is configured but no plugin reads a file with it",
                     "name it where a file is read (e.g. grootboek_importer of report.jaarverantwoording), or "
                     "remove it");
    }
    return true;  // warnings only
}

std::optional<std::vector<ContributionLine>> Pipeline::divide_bijdrage(int jaar, Money totaal, std::string &error) {
    // The key is financing.inwonerbijdrage's: run it again with `totaal` as the whole gemeentelijke
    // bijdrage. A tarief key becomes the same key over a total (per_inwoner is pro_rata of inwoners;
    // vast_plus_inwoner keeps its vast deel); indexation and the afrekening belong to the boekjaar.
    static const std::set<std::string> kDropped = {"tarief", "basisjaar", "indexatie", "afrekening_resultaat",
                                                   "afrekening_bron", "totaal"};
    const auto key = std::find_if(active_.begin(), active_.end(), [](const ActivePlugin &p) {
        return p.record->name == "financing.inwonerbijdrage";
    });
    if (key == active_.end()) {
        error = "no financing.inwonerbijdrage is configured: the region has no key to divide the bijdrage by";
        return std::nullopt;
    }
    Settings settings;
    settings.set_owner(key->record->name);
    for (std::size_t i = 0; i < key->record->manifest->setting_count; ++i)
        settings.declare(key->record->manifest->settings[i].key);
    for (const auto &[name, value] : key->settings.values())
        if (kDropped.count(name) == 0) settings.set(name, value);
    if (const SettingValue *sleutel = settings.find("sleutel"); sleutel != nullptr && sleutel->text == "per_inwoner") {
        SettingValue pro_rata = *sleutel;
        pro_rata.text = "pro_rata";
        pro_rata.from_default = false;
        settings.set("sleutel", pro_rata);
    }
    SettingValue total;
    total.type = VHH_SETTING_MONEY;
    total.where = key->entry->section.where;
    total.money = totaal;
    total.text = totaal.format_plain();
    settings.set("totaal", total);

    Diagnostics scratch;
    std::vector<ContributionLine> lines;
    std::vector<Table> sheets;
    const Region region = cycle::region_in_jaar(config_.region, jaar);
    ComputeContextImpl ctx(region, partners_, partner_registry_, settings, scratch, lines, sheets);
    attach(ctx, *key);
    try {
        PluginCallScope crash_record(key->record->name, "compute");
        key->instance->compute(ctx);
    } catch (const std::exception &e) {
        error = key->record->name + " failed: " + e.what();
        return std::nullopt;
    }
    if (scratch.has_errors()) {
        for (const auto &d : scratch.all())
            if (d.severity == Severity::error) {
                error = key->record->name + ": " + d.message;
                break;
            }
        return std::nullopt;
    }
    std::vector<ContributionLine> out;
    for (auto &l : lines)
        if (l.source == "inwonerbijdrage") out.push_back(std::move(l));
    return out;
}

Zienswijzetermijn Pipeline::zienswijzetermijn(int begrotingsjaar) const {
    const int jaar = begrotingsjaar - 1;  // the ontwerpbegroting goes to the raden the year before
    const cycle::WgrRegime &regime = cycle::wgr_regime(jaar);
    const cycle::KalenderPlan plan = cycle::plan_for(config_.kalender, jaar);
    Zienswijzetermijn t;
    t.weken = regime.zienswijze_weken;
    t.grondslag = regime.art_ontwerp;
    t.regime = regime.naam;
    t.vergadering = plan.ab_begroting;
    for (const auto &stap : cycle::wgr_kalender(plan))
        if (stap.sleutel == "ontwerpbegroting") {
            t.uiterlijk_verzonden = stap.deadline;
            t.verzonden = stap.gepland;
        }
    return t;
}

void Pipeline::add_calculation_workbook() {
    // The financing plugins' own sheets (inputs in cells, amounts as formulas over them) are the
    // controller's calculation; the document bijdragen-Y itself comes from report.bijdragen.
    if (bijdragen_sheets_.empty()) return;
    const Region &region = config_.region;
    const std::string year = std::to_string(region.boekjaar);
    Workbook wb;
    wb.file_name = "bijdragen-berekening-" + year + ".xlsx";
    wb.title = "Berekening bijdragen " + region.naam + " " + year;
    wb.sheets = bijdragen_sheets_;
    workbooks_.push_back(std::move(wb));
}

}  // namespace vhh::host
