#include "run.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "output/ownership.h"
#include "config/input_file.h"
#include "stage_log.h"
#include "output/sha256.h"
#include "render/letter_template.h"
#include "render/render_pool.h"
#include "render/xlsx_renderer.h"
#include "render/sheet_layout.h"

#ifndef VHH_VERSION
#define VHH_VERSION "0.0.0"
#endif

namespace vhh::host {

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;

std::string iso_time(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

namespace {

/// Records a template problem unless the same one (same location and message) was reported
/// before, e.g. for another document or region using the same template.
void report_template_error(const TemplateError &e, Diagnostics &diag) {
    Diagnostic d{Severity::error, ExitCode::config, e.where, "", e.what(), ""};
    bool seen_before = false;
    for (const auto &seen : diag.all()) seen_before = seen_before || seen.format() == d.format();
    if (!seen_before) diag.add(d);
    for (const auto &other : e.more) report_template_error(other, diag);
}

}  // namespace

const TemplateCache::Entry *cached_template(TemplateCache &cache, const std::string &template_path,
                                            Diagnostics &diag) {
    if (auto found = cache.by_path.find(template_path); found != cache.by_path.end()) return &found->second;
    InputRead read = read_input_file(template_path, InputKind::template_file);
    if (!read.ok()) {
        diag.error(read.error.code, {template_path, 0, 0}, "", "cannot read template: " + read.error.reason);
        return nullptr;
    }
    std::string source = std::move(read.value);
    TemplateCache::Entry entry{sha256_hex(source), std::nullopt};
    try {
        entry.compiled.emplace(std::move(source), template_path);
    } catch (const TemplateError &e) {
        report_template_error(e, diag);
    }
    return &cache.by_path.emplace(template_path, std::move(entry)).first->second;
}

bool render_text(const CompiledTemplate &tmpl, const TextDocument &doc, std::string &out, Diagnostics &diag) {
    try {
        out = tmpl.render(doc.data);
        return true;
    } catch (const TemplateError &e) {
        report_template_error(e, diag);
        return false;
    }
}

bool prepare_plugins(const RunConfig &config, Pipeline &pipeline, Diagnostics &diag) {
    // A missing or unreadable file has nothing more to check. Otherwise the plugin sections
    // are validated too, so every error of the file shows in one run.
    if (config.missing_input || config.plugins.empty()) return !config.failed;
    if (!pipeline.prepare(diag)) return false;
    // Every plugin is set up with its settings read whole. Whether the plugins' own checks (in
    // their phases) run now is the rule plugin_checks_may_run, applied to the config's stage
    // when it was read (config.complete).
    return config.complete;
}

std::unique_ptr<RegionRun> run_region(const std::string &config_path, const std::string &config_label,
                                      const PluginRegistry &registry, const std::string &bundled_templates,
                                      bool report, Diagnostics &diag, TemplateCache *templates,
                                      const InputPolicy &inputs, const AdministrationLookup &administration,
                                      bool render) {
    auto run = std::make_unique<RegionRun>();
    run->config_label = config_label;
    // This region's own log: a province run shares `diag` between its regions.
    StageLog region;
    run->config = load_run_config(config_path, region.sdk(), inputs);
    run->pipeline = std::make_unique<Pipeline>(run->config, registry, diag);
    Pipeline &pipeline = *run->pipeline;
    bool ok = prepare_plugins(run->config, pipeline, region.sdk()) && pipeline.compute(region.sdk());
    // What `vhh factureren --soort werkplekhuur` would refuse, said before it is asked (a warning).
    if (ok) check_werkplekhuur_debiteuren(run->config.facturatie, run->config.region, pipeline.lines(), region.sdk());
    if (ok) check_unknown_debiteuren(run->config.facturatie, run->config.region, pipeline.partners(), region.sdk());
    if (ok) check_werkplekhuur_termijnen(run->config.facturatie, pipeline.has_partner_registry(), region.sdk());
    if (ok && report && administration) {
        run->administration = administration(run->config, region.sdk());
        ok = !region.failed();
        if (run->administration) pipeline.set_administration(&*run->administration);
    }
    if (ok && report) pipeline.report(region.sdk());
    const bool region_failed = region.failed();
    region.merge_into(diag);
    if (region_failed) return nullptr;

    // The hashes of the bytes that were parsed (one read per input), never a second read.
    run->inputs.emplace_back(config_label, run->config.sha256);
    for (const auto &file : run->config.included_files) {
        std::string label = config_label.rfind("bundled:", 0) == 0
                                ? config_label.substr(0, config_label.rfind('/') + 1) +
                                      fs::path(file.path).filename().string()
                                : file.path;
        run->inputs.emplace_back(label, file.sha256);
    }
    for (const auto &[file, hash] : pipeline.input_files()) run->inputs.emplace_back(file, hash);
    if (!report || !render) return run;

    // Render every text document now: template problems are configuration errors and must
    // stop the run before anything is written. Each template is read and compiled once and
    // renders every document that uses it; this region's inputs list it once.
    TemplateCache own;
    TemplateCache &cache = templates ? *templates : own;
    StageLog rendering;  // merged below without what another region's documents already reported
    Diagnostics &render_diag = rendering.sdk();
    std::string last_template_path;  // of the template find_template gave last
    std::set<std::string> used, unreadable;  // template paths of this region (unreadable: reported)
    // The compiled template `name` (the config's own when its folder has one), or nullptr when it
    // cannot be used (reported once).
    auto find_template = [&](const std::string &name) -> const CompiledTemplate * {
        std::string tpath = (fs::path(bundled_templates) / name).string();
        std::string label = "bundled:templates/" + name;
        if (!run->config.templates_dir.empty()) {
            fs::path candidate = fs::path(run->config.templates_dir) / name;
            std::error_code ec;
            if (fs::exists(candidate, ec)) tpath = label = candidate.string();
        }
        if (unreadable.count(tpath)) return nullptr;
        if (tpath == label) {  // an own template: a symlink in the folder must not lead out of the config's
            if (auto outside = outside_scope(tpath, run->config.inputs)) {
                render_diag.error(ExitCode::config, {tpath, 0, 0}, "", "cannot read template: " + *outside,
                                  outside_scope_hint());
                unreadable.insert(tpath);
                return nullptr;
            }
        }
        const TemplateCache::Entry *entry = cached_template(cache, tpath, render_diag);
        if (entry == nullptr) {
            unreadable.insert(tpath);
            return nullptr;
        }
        if (used.insert(tpath).second) run->inputs.emplace_back(label, entry->sha256);
        if (!entry->compiled) return nullptr;
        last_template_path = tpath;
        return &*entry->compiled;
    };
    // Letters and reports worded by a template: the rendered text becomes the letter's parts or
    // the report's sections (letter_template.h).
    std::set<std::string> wording_problems;
    for (doc::Document &document : pipeline.documents_to_word()) {
        const bool letter = document.letter.has_value();
        const std::string &name = letter ? document.letter->body_template : document.body_template;
        const CompiledTemplate *compiled = find_template(name);
        if (compiled == nullptr) continue;
        TextDocument as_text{document.name, name, letter ? document.letter->template_data : document.template_data};
        std::string text;
        if (!render_text(*compiled, as_text, text, render_diag)) continue;
        const std::vector<std::string> problems =
            letter ? apply_letter_template(*document.letter, text) : apply_report_template(document, text);
        for (const auto &problem : problems)  // once per template, not per letter
            if (wording_problems.insert(last_template_path + "\n" + problem).second)
                render_diag.error(ExitCode::config, {last_template_path, 0, 0}, "", problem,
                                  letter ? "a line [tabel ID] places one of the letter's tables (docs/rendering.md)"
                                         : "a line [tabel ID] places one of the document's tables (docs/rendering.md)");
    }
    const bool rendering_failed = rendering.failed();
    rendering.merge_new_into(diag);
    if (rendering_failed) return nullptr;
    return run;
}

void stage_workbooks(OutputSet &out, const std::string &prefix, const std::vector<Workbook> &workbooks,
                     std::time_t created) {
    for (const auto &wb : workbooks) {
        const std::string name = prefix + wb.file_name;
        try {
            // Printed as the described documents' workbooks are: widths from content, one page wide.
            Workbook laid_out = wb;
            const std::vector<SheetPrint> print = lay_out_for_print(laid_out);
            render_workbook(laid_out, out.staging_path(name), created, &print);
        } catch (const WorkbookWriteError &e) {  // named as the user will find it, not by its staging path
            throw OutputError("cannot write " + name + " into " + out.out_dir() + ": " + e.reason());
        }
    }
}

void stage_described_documents(OutputSet &out, const std::string &prefix, const Pipeline &pipeline,
                               std::time_t created) {
    stage_described_documents(out, prefix, pipeline.documents(), pipeline.renderers(), created, pipeline.house_style());
}

void stage_described_documents(OutputSet &out, const std::string &prefix, const std::vector<doc::Document> &documents,
                               const std::vector<const DocumentRenderer *> &renderers, std::time_t created,
                               const HouseStyle &house) {
    RenderOptions options;
    options.created = created;
    options.house = house;
    if (!documents.empty() && !renderers.empty()) options.scratch_dir = out.scratch_dir();
    // Rendered in parallel (render_pool.h), written here in the order of documents and formats.
    const std::size_t formats = renderers.size();
    const std::string out_dir = out.out_dir();  // workers never touch `out`
    auto name_of = [&](std::size_t i) {
        return prefix + documents[i / formats].name + "." + renderers[i % formats]->extension();
    };
    render_in_order(
        documents.size() * formats,
        [&](std::size_t i) {
            try {
                return renderers[i % formats]->render(documents[i / formats], options);
            } catch (const WorkbookWriteError &e) {  // its scratch file in the staging folder: a full disk
                throw OutputError("cannot write " + name_of(i) + " into " + out_dir + ": " + e.reason());
            }
        },
        [&](std::size_t i, std::string &&bytes) { out.write_file(name_of(i), bytes); });
}

ManifestInfo config_manifest(const RunConfig &config, int year) {
    ManifestInfo info;
    info.region = config.region.id;
    info.year = year;
    info.inputs.push_back({config.path, config.sha256});
    for (const auto &f : config.included_files) info.inputs.push_back({f.path, f.sha256});
    return info;
}

std::string manifest_json(const ManifestInfo &info, const OutputSet &out) {
    auto object = [] { return Object::Ptr(new Object(Poco::JSON_PRESERVE_KEY_ORDER)); };
    Object::Ptr manifest = object();
    Object::Ptr program = object();
    program->set("name", std::string("vhh"));
    program->set("version", std::string(VHH_VERSION));
    program->set("sdk_abi", std::to_string(VHH_SDK_ABI_MAJOR) + "." + std::to_string(VHH_SDK_ABI_MINOR));
    manifest->set("program", program);
    manifest->set("region", info.region);
    manifest->set("year", info.year);
    manifest->set("created", iso_time(info.created));
    if (!info.regions.empty()) {
        Array::Ptr regions = new Array;
        for (const auto &r : info.regions) regions->add(r);
        manifest->set("regions", regions);
    }
    Array::Ptr plugins = new Array;
    for (const ActivePlugin *p : info.plugins) {
        Object::Ptr o = object();
        o->set("name", p->record->name);
        o->set("version", p->record->version);
        o->set("file", fs::path(p->record->path).filename().string());
        o->set("path", p->record->path);  // which copy ran (docs/plugins.md, "Loading rules")
        o->set("sha256", p->record->sha256());
        plugins->add(o);
    }
    manifest->set("plugins", plugins);
    Array::Ptr inputs = new Array;
    for (const auto &[label, hash] : info.inputs) {
        Object::Ptr o = object();
        o->set("path", label);
        o->set("sha256", hash);
        inputs->add(o);
    }
    manifest->set("inputs", inputs);
    Array::Ptr files = new Array;
    std::vector<ListedFile> listed;
    for (const auto &name : out.files()) {
        const OutputSet::FileDigest digest = out.digest(name);
        listed.push_back({name, digest.bytes, digest.sha256, ""});
        Object::Ptr o = object();
        o->set("name", name);
        o->set("bytes", static_cast<Poco::UInt64>(digest.bytes));
        o->set("sha256", digest.sha256);
        if (auto it = info.render_inputs.find(name); it != info.render_inputs.end()) o->set("render_inputs", it->second);
        files->add(o);
    }
    manifest->set("files", files);
    manifest->set("seal", manifest_seal(listed));  // marks the manifest as vhh's (output/ownership.h)
    std::ostringstream json;
    manifest->stringify(json, 2);
    json << "\n";
    return json.str();
}

}  // namespace vhh::host
