// The plugin test kit: fake contexts for every phase that record what a plugin adds, a sample
// region, settings read from YAML by the host's own validator, and ledger imports from text, so that a plugin's unit tests need no fixtures of their
// own. Link `vhh::testing` (in tree and from the installed `vhh-sdk` package); the CMake helper
// `vhh_add_plugin_test(NAME SOURCES … LIBS …)` builds a gtest executable with it. See
// docs/plugins.md, "Testing a plugin", for a worked example.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "vhh/plugin.h"

namespace vhh::testing {

/// A small region for tests: "testregio", boekjaar 2017, peildatum 1 January 2017, three
/// gemeenten (GM0001 Aardam 10.000 inwoners, GM0002 Beekstad 25.000 — the centrumgemeente —, and
/// GM1948 Meierijstad 80.000, formed on 1 January 2017 by a herindeling of GM0846 Sint-Oedenrode
/// and GM0860 Veghel, so that a plugin's handling of merged codes can be tested).
Region sample_region();

/// Where settings_from_yaml takes its YAML to come from: the plugin's settings file (the `bestand:` of
/// its entry in a config), so that its errors read exactly as `vhh check` prints them for that file.
struct SettingsSource {
    std::string path = "instellingen.yaml";  ///< the file named in the errors' locations
    std::string key_path = "plugins[0]";     ///< the plugin's entry in the config (prefix of key paths)
    std::string plugin = "plugin";           ///< the plugin's name (Settings names it in its exceptions)
};

namespace detail {
/// settings_from_yaml over a plain C table.
Settings settings_from_yaml(const vhh_setting_spec *specs, std::uint32_t count, const std::string &yaml,
                            Diagnostics &diag, const Region &region, const SettingsSource &source);
/// Every error of `diag`, one per line, as `vhh check` prints them (for an exception's message).
[[noreturn]] void throw_settings_errors(const Diagnostics &diag);
}  // namespace detail

/// The plugin's settings from `yaml` (a map of settings, as in its `bestand:` file) checked by the host's
/// own settings validator, the one `vhh check` and `vhh run` use: defaults filled in, GEMEENTE codes
/// checked against `region`, and every problem recorded in `diag` as a located error
/// (`instellingen.yaml:2:9: error: plugins[0].tarief: …`, with its hint). `table` is what the plugin
/// declares (a SettingsTable<C>, a plain vhh_setting_spec array, or VHH_NO_SETTINGS); a broken table
/// throws std::logic_error with every problem the host would refuse the plugin for. Returns the
/// settings (partial when errors were recorded); bind them with `table.read(settings)`.
template <class Table>
Settings settings_from_yaml(const Table &table, const std::string &yaml, Diagnostics &diag,
                            const Region &region = sample_region(), const SettingsSource &source = {}) {
    return detail::settings_from_yaml(vhh::detail::spec_data(table), vhh::detail::spec_count(table), yaml, diag,
                                      region, source);
}

/// Same, for settings that must be valid: throws std::invalid_argument whose message is every error as
/// `vhh check` prints it.
template <class Table>
Settings settings_from_yaml(const Table &table, const std::string &yaml, const Region &region = sample_region()) {
    Diagnostics diag;
    Settings settings = settings_from_yaml(table, yaml, diag, region);
    if (diag.has_errors()) detail::throw_settings_errors(diag);
    return settings;
}

/// Input files held in memory, read as the host reads them: a relative path is resolved against the
/// folder of the file that names it (`where.file`), every file read is recorded, and a file that is
/// not there is a located error (66) at `where` and no file.
class MemoryInputFiles : public InputFiles {
public:
    /// Files by path ("/cfg/grootboek.csv" → its bytes). Relative paths resolve against "/cfg".
    explicit MemoryInputFiles(Diagnostics &diagnostics, std::map<std::string, std::string> files = {})
        : diagnostics_(diagnostics), files_(std::move(files)) {}
    std::optional<InputFile> read(const std::string &path, const SourceLocation &where,
                                  const std::string &key_path) override;
    /// Adds or replaces a file.
    void add(const std::string &path, std::string contents) { files_[path] = std::move(contents); }
    /// The resolved paths read so far, in order.
    std::vector<std::string> reads;

private:
    Diagnostics &diagnostics_;
    std::map<std::string, std::string> files_;
};

/// Ledger importers for a test: each name maps to an importer plugin object (the plugin under test
/// or a bundled one) with its settings; the file is read from MemoryInputFiles and handed over as a
/// stream, as the host does. An unknown importer is a located error (78) at `where`.
class MemoryImporters : public LedgerImporters {
public:
    MemoryImporters(Diagnostics &diagnostics, MemoryInputFiles &files) : diagnostics_(diagnostics), files_(files) {}
    /// Routes imports with `name` to `importer` (which must outlive this) with `settings`.
    void add(const std::string &name, Plugin &importer, Settings settings = {});
    bool import_ledger(const std::string &importer, const std::string &path, const SourceLocation &where,
                       const std::string &key_path, LedgerSink &sink) override;
    /// "importer path" per call, in order.
    std::vector<std::string> calls;

private:
    struct Route {
        Plugin *plugin;
        Settings settings;
    };
    Diagnostics &diagnostics_;
    MemoryInputFiles &files_;
    std::map<std::string, Route> routes_;
};

namespace detail {
/// What every fake context holds (constructed before the context that refers to it).
struct Fixture {
    Region region;
    std::vector<Partner> partners;
    Settings settings;
    Diagnostics diagnostics;
    Fixture(Region r, Settings s, std::vector<Partner> p)
        : region(std::move(r)), partners(std::move(p)), settings(std::move(s)) {}
};
}  // namespace detail

/// The parts every fake context has: its own region, partners, settings and diagnostics, input
/// files in memory (`files`) and importers (`importers`), attached to the context it is.
template <typename Context>
class FakeContext : protected detail::Fixture, public Context {
public:
    /// A context of `region` (default: sample_region()) for a plugin with `settings` and the
    /// partners `partners`, at key path "plugins[0]".
    explicit FakeContext(Settings settings = {}, Region region = sample_region(), std::vector<Partner> partners = {})
        : detail::Fixture(std::move(region), std::move(settings), std::move(partners)),
          Context(Fixture::region, Fixture::partners, Fixture::settings, Fixture::diagnostics),
          files(Fixture::diagnostics),
          importers(Fixture::diagnostics, files) {
        this->set_input_files(&files);
        this->set_importers(&importers);
        this->set_key_path("plugins[0]");
    }
    /// Everything reported so far.
    Diagnostics &diag() { return Fixture::diagnostics; }
    /// Input files the plugin may read (add them before running it).
    MemoryInputFiles files;
    /// Importers the plugin may ask (add them before running it).
    MemoryImporters importers;
};

/// A load context recording the partners added and whether the plugin declared itself the registry.
class FakeLoadContext : public FakeContext<LoadContext> {
public:
    using FakeContext::FakeContext;
    void declare_partner_registry() override { declared_registry = true; }
    void add_partner(Partner partner) override { added_partners.push_back(std::move(partner)); }
    bool declared_registry = false;       ///< declare_partner_registry() was called
    std::vector<Partner> added_partners;  ///< in the order added
};

/// A compute context recording the lines and sheets added; `lines()` gives earlier plugins' lines
/// (set `earlier`) followed by this plugin's.
class FakeComputeContext : public FakeContext<ComputeContext> {
public:
    using FakeContext::FakeContext;
    void add_line(ContributionLine line) override { all_.push_back(std::move(line)); }
    void add_sheet(Table sheet) override { sheets.push_back(std::move(sheet)); }
    const std::vector<ContributionLine> &lines() const override { return all_; }
    /// Lines of earlier plugins, as lines() gives them before this plugin adds its own.
    void set_earlier(std::vector<ContributionLine> earlier) { all_ = std::move(earlier); }
    std::vector<Table> sheets;  ///< the sheets added

private:
    std::vector<ContributionLine> all_;
};

/// A report context giving `lines()` (set them) and recording the documents added.
class FakeReportContext : public FakeContext<ReportContext> {
public:
    using FakeContext::FakeContext;
    const std::vector<ContributionLine> &lines() const override { return lines_; }
    void add_document(doc::Document document) override { documents.push_back(std::move(document)); }
    void add_posten(std::vector<PostFigures> figures) override { posten = std::move(figures); }
    void add_meerjarenraming(Meerjarenraming r) override { raming = std::move(r); }
    /// The contribution lines of the run the plugin reports on.
    void set_lines(std::vector<ContributionLine> lines) { lines_ = std::move(lines); }
    std::vector<doc::Document> documents;  ///< the documents described
    std::vector<PostFigures> posten;       ///< the posten given for a vaststelling (last call)
    std::optional<Meerjarenraming> raming; ///< the meerjarenraming given (last call)

private:
    std::vector<ContributionLine> lines_;
};

/// An import context for an importer plugin under test.
class FakeImportContext : public FakeContext<ImportContext> {
public:
    using FakeContext::FakeContext;
};

/// Runs importer `plugin` on `contents` as a file at `path`, handed over as a stream read in pieces
/// as the host does, and returns the lines it handed over (problems land in ctx.diag()).
std::vector<LedgerLine> import_text(Plugin &plugin, FakeImportContext &ctx, const std::string &contents,
                                    const std::string &path = "/cfg/grootboek.csv");

}  // namespace vhh::testing
