// The C++ side of a plugin: the phases it takes part in and the VHH_PLUGIN macro that exports it.
#pragma once

#include <cstring>
#include <exception>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "vhh/administration.h"
#include "vhh/begroting.h"
#include "vhh/contribution.h"
#include "vhh/diagnostics.h"
#include "vhh/document.h"
#include "vhh/input.h"
#include "vhh/ledger.h"
#include "vhh/partner.h"
#include "vhh/plugin_api.h"
#include "vhh/region.h"
#include "vhh/report.h"
#include "vhh/settings.h"

namespace vhh {

/// An input file a plugin read through the host.
struct InputFile {
    std::string path;      ///< the resolved path (use it in SourceLocation::file for errors in the file)
    std::string contents;  ///< the exact bytes, when held whole (read_input; empty when `stream` is set)
    /// The bytes read in pieces: set for the ledger export an importer gets from the host, which is
    /// not held whole. Read it with CsvReader(InputStream&) or bytes_of().
    InputStream *stream = nullptr;
};

/// The bytes of `file` as a stream: its `stream`, or else a StringInputStream over its contents
/// kept in `whole` (so importers read host files and test files alike).
inline InputStream &bytes_of(const InputFile &file, StringInputStream &whole) {
    if (file.stream != nullptr) return *file.stream;
    whole = StringInputStream(file.contents);
    return whole;
}

/// Input files plugins read (ledger exports, indicator CSVs). The host resolves a relative
/// path against the folder of the file that names it, records every file read (with its
/// sha256) in manifest.json, and reports a missing or unreadable file as a located error (66).
class InputFiles {
public:
    virtual ~InputFiles() = default;
    /// Reads `path` as written at `where` under key `key_path`; nothing (after reporting) when it cannot.
    virtual std::optional<InputFile> read(const std::string &path, const SourceLocation &where,
                                          const std::string &key_path) = 0;
};

/// Importer plugins configured in the run, as other plugins reach them.
class LedgerImporters {
public:
    virtual ~LedgerImporters() = default;
    /// Reads `path` (as written at `where`, key `key_path`) with the importer plugin named
    /// `importer` (e.g. "importer.csv-nl"), which hands each line to `sink` as it reads it; false
    /// (after reporting) when it cannot: then the lines `sink` got, if any, are to be dropped.
    virtual bool import_ledger(const std::string &importer, const std::string &path, const SourceLocation &where,
                               const std::string &key_path, LedgerSink &sink) = 0;
};

/// What every phase can see: the region, the partner registry, the plugin's own
/// validated settings, and where to report problems.
class PhaseContext {
public:
    PhaseContext(const Region &region, const std::vector<Partner> &partners, const Settings &settings,
                 Diagnostics &diagnostics)
        : region_(region), partners_(partners), settings_(settings), diagnostics_(diagnostics) {}
    virtual ~PhaseContext() = default;
    /// The region and boekjaar of the run.
    const Region &region() const { return region_; }
    /// The partners registered by load plugins so far (empty when no registry is configured).
    const std::vector<Partner> &partners() const { return partners_; }
    /// The key path of this plugin's entry in the config, e.g. "plugins[1]": prefix it to the
    /// key paths of located errors ("plugins[1].partners[2].ring").
    const std::string &key_path() const { return key_path_; }
    /// True when a partner registry plugin is configured (even if it holds no partners).
    bool has_partner_registry() const { return partner_registry_; }
    /// This plugin's settings, validated against its settings table.
    const Settings &settings() const { return settings_; }
    /// Where to report located errors and warnings.
    Diagnostics &diagnostics() { return diagnostics_; }
    /// Reads an input file named in the settings (see InputFiles); throws std::logic_error
    /// when the host gave no file access (only in hand-made test contexts).
    std::optional<InputFile> read_input(const std::string &path, const SourceLocation &where,
                                        const std::string &key_path) {
        if (input_files_ == nullptr) throw std::logic_error("no input file access in this context");
        return input_files_->read(path, where, key_path);
    }
    /// Reads a ledger export with a configured importer plugin (kind VHH_KIND_IMPORT), which hands
    /// the lines to `sink` one at a time as it reads them (the file is read in pieces: neither it
    /// nor its lines are held whole). The host opens the file (see read_input), records it and
    /// reports a missing importer (78) or file (66) at `where`. False when the import failed (then
    /// drop what `sink` got; the errors are reported). Throws std::logic_error when the host gave
    /// no importers.
    bool import_ledger(const std::string &importer, const std::string &path, const SourceLocation &where,
                       const std::string &key_path, LedgerSink &sink) {
        if (importers_ == nullptr) throw std::logic_error("no ledger importers in this context");
        return importers_->import_ledger(importer, path, where, key_path, sink);
    }
    /// Set by the host.
    void set_partner_registry(bool present) { partner_registry_ = present; }
    /// Set by the host (or a test).
    void set_importers(LedgerImporters *importers) { importers_ = importers; }
    /// Set by the host (or a test).
    void set_input_files(InputFiles *files) { input_files_ = files; }
    /// Set by the host (or a test).
    void set_key_path(std::string key_path) { key_path_ = std::move(key_path); }

private:
    const Region &region_;
    const std::vector<Partner> &partners_;
    const Settings &settings_;
    Diagnostics &diagnostics_;
    bool partner_registry_ = false;
    InputFiles *input_files_ = nullptr;
    LedgerImporters *importers_ = nullptr;
    std::string key_path_;
};

/// Context of the load phase: registries add what they read.
class LoadContext : public PhaseContext {
public:
    using PhaseContext::PhaseContext;
    /// Says that this plugin is the partner registry, so other plugins (werkplekhuur)
    /// take partners from it, even when it holds none.
    virtual void declare_partner_registry() = 0;
    /// Adds a partner to the registry. Ids must be unique: the host reports a duplicate
    /// as a located error at `partner.where` and keeps the first.
    virtual void add_partner(Partner partner) = 0;
};

/// Context of the compute phase: financing plugins add contribution lines and describe them as a sheet.
class ComputeContext : public PhaseContext {
public:
    using PhaseContext::PhaseContext;
    /// Adds a computed line.
    virtual void add_line(ContributionLine line) = 0;
    /// Adds a sheet for bijdragen-berekening-Y.xlsx describing this plugin's lines (inputs in cells, amounts as formulas).
    virtual void add_sheet(Table sheet) = 0;
    /// Lines computed so far by this and earlier plugins.
    virtual const std::vector<ContributionLine> &lines() const = 0;
};

/// Context of the report phase: report plugins describe documents; the host renders and writes them.
class ReportContext : public PhaseContext {
public:
    using PhaseContext::PhaseContext;
    /// All contribution lines of the run.
    virtual const std::vector<ContributionLine> &lines() const = 0;
    /// Adds a document (see vhh/document.h); the host renders it in every configured format.
    virtual void add_document(doc::Document document) = 0;
    /// Says what this report's posten amount to, so that `vhh vaststellen` records them per post
    /// (one call per run; a later call replaces the earlier). The host ignores it in other commands.
    virtual void add_posten(std::vector<PostFigures> posten) { (void)posten; }
    /// Divides `totaal` over the gemeenten by the region's key: the host runs the configured
    /// financing.inwonerbijdrage (whatever its `sleutel`) again with `totaal` as the whole
    /// gemeentelijke bijdrage, so the parts add up to `totaal` exactly (largest remainder). Nothing
    /// when no key is configured or it cannot divide the amount (then `error` says why).
    /// `jaar` is the year the bijdrage is for (ABI 3): the gemeenten are those of that year, so a
    /// herindeling in force on 1 January of `jaar` divides over the new gemeente (inwoners added up).
    virtual std::optional<std::vector<ContributionLine>> divide_bijdrage(int jaar, Money totaal, std::string &error) {
        (void)jaar;
        (void)totaal;
        error = "no allocation key in this context";
        return std::nullopt;
    }
    /// Says what the meerjarenraming is, for `vhh begroting` (one call per run). The host ignores it
    /// in other commands.
    virtual void add_meerjarenraming(Meerjarenraming raming) { (void)raming; }
    /// The zienswijze term of the ontwerpbegroting of `begrotingsjaar` (sent in the year before),
    /// from the Wgr calendar and the config's `kalender:`.
    virtual Zienswijzetermijn zienswijzetermijn(int begrotingsjaar) const {
        (void)begrotingsjaar;
        return {};
    }
    /// The administration's vastgestelde figures for this region and boekjaar, read from the store
    /// the run names; nullptr when the run has no store.
    const Administration *administration() const { return administration_; }
    /// Set by the host (or a test).
    void set_administration(const Administration *administration) { administration_ = administration; }

private:
    const Administration *administration_ = nullptr;
};

/// Context of an importer: the region, the importer's own settings (column names, …) and
/// where to report problems in the file.
class ImportContext : public PhaseContext {
public:
    using PhaseContext::PhaseContext;
};

/// A plugin. The host creates it once, after validating its settings, and calls
/// the phases its manifest's kinds name: load, compute, report. Report problems
/// in the context's diagnostics; an exception aborts the run with exit code 70.
class Plugin {
public:
    virtual ~Plugin() = default;
    /// Load phase: read registries and other inputs.
    virtual void load(LoadContext &) {}
    /// Compute phase: add contribution lines.
    virtual void compute(ComputeContext &) {}
    /// Report phase: add documents.
    virtual void report(ReportContext &) {}
    /// Importers (VHH_KIND_IMPORT): turn the bytes of `file` into ledger lines, handing each to
    /// `sink` as it is read, and report every problem located in the file (file.path, line,
    /// column) with ExitCode::data. The host gives the file as a stream (file.stream); read it in
    /// pieces (bytes_of, CsvReader, ledger_csv) rather than whole.
    virtual void import_ledger(ImportContext &, const InputFile &, LedgerSink &) {}
};

namespace detail {
/// Copies a message into a C buffer, always NUL-terminated.
inline void copy_error(char *buf, std::size_t size, const char *message) {
    if (buf == nullptr || size == 0) return;
    std::strncpy(buf, message, size - 1);
    buf[size - 1] = '\0';
}
/// Runs a factory, turning exceptions into an error message for the host.
template <typename T>
void *create_plugin(char *error, std::size_t error_size) noexcept {
    try {
        return static_cast<Plugin *>(new T());
    } catch (const std::exception &e) {
        copy_error(error, error_size, e.what());
    } catch (...) {
        copy_error(error, error_size, "unknown exception");
    }
    return nullptr;
}
/// The toolchain facts of the translation unit that calls it (the plugin's, or the host's).
inline vhh_toolchain toolchain_facts() {
    vhh_toolchain t{};
    t.size = sizeof(vhh_toolchain);
#if defined(_GLIBCXX_USE_CXX11_ABI)
    t.cxx11_abi = _GLIBCXX_USE_CXX11_ABI;
#else
    t.cxx11_abi = -1;
#endif
#if defined(_GLIBCXX_RELEASE)
    t.glibcxx_release = _GLIBCXX_RELEASE;
#else
    t.glibcxx_release = -1;
#endif
    t.sizeof_string = sizeof(std::string);
    t.sizeof_vector = sizeof(std::vector<int>);
    t.sizeof_map = sizeof(std::map<std::string, int>);
    t.sizeof_optional = sizeof(std::optional<std::string>);
    t.sizeof_settings = sizeof(Settings);
    t.sizeof_setting_value = sizeof(SettingValue);
    t.sizeof_region = sizeof(Region);
    t.sizeof_phase_context = sizeof(PhaseContext);
    t.sizeof_diagnostics = sizeof(Diagnostics);
    return t;
}
}  // namespace detail

}  // namespace vhh

/// The settings argument of VHH_PLUGIN for a plugin that takes no settings.
#define VHH_NO_SETTINGS (::vhh::detail::NoSettings{})

/// Exports a plugin: VHH_PLUGIN(MyPlugin, "financing.x", "1.0.0", "description", kinds, settings)
/// where `settings` is a vhh::SettingsTable, a `static const vhh_setting_spec[]`, or VHH_NO_SETTINGS.
/// The manifest also records the toolchain facts (vhh_toolchain) of the plugin's build.
#define VHH_PLUGIN(CLASS, NAME, VERSION, DESCRIPTION, KINDS, SETTINGS)                                    \
    extern "C" __attribute__((visibility("default"))) const vhh_plugin_manifest *vhh_get_plugin_manifest(void) { \
        static const vhh_plugin_manifest manifest = {                                                     \
            VHH_PLUGIN_MAGIC, VHH_SDK_ABI_MAJOR, VHH_SDK_ABI_MINOR, NAME, VERSION, DESCRIPTION, KINDS,    \
            ::vhh::detail::spec_data(SETTINGS), ::vhh::detail::spec_count(SETTINGS),                     \
            &::vhh::detail::create_plugin<CLASS>, ::vhh::detail::toolchain_facts()};                     \
        return &manifest;                                                                                 \
    }
