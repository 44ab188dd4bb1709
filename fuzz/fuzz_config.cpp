// fuzz_config: the YAML config loader with its validation.
//
// Each input is a vhh.yaml. It is written to a private temporary folder (beside copies of the
// bundled partners.yaml and jaarverantwoording.yaml, so `bestand:` entries resolve, and a
// `templates/` folder) and loaded with load_run_config. Every plugin entry is then validated
// against the settings table of the bundled plugin it names (inwonerbijdrage, jaarverantwoording,
// partners, the two ledger importers; inwonerbijdrage's for unknown names) and, when that succeeds,
// handed to the plugin's own reader (cross-field checks) and, for inwonerbijdrage, to the computation. Independently, the same text is read with read_yaml_text
// and the whole tree is validated against the settings table of the plugin its `name:` names, else
// jaarverantwoording's (nested LIST tables), so arbitrary shapes reach validate_settings.
//
// Checked: no crash, leak, sanitizer report or uncaught exception; every diagnostic names the file
// it is about; a config accepted without errors has unique gemeente codes, its centrumgemeente
// among them, and as many inwoners after the herindelingen as the gemeenten listed.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "config/region_config.h"
#include "config/settings_validator.h"
#include "config/yaml_document.h"
#include "config.h"           // report.jaarverantwoording
#include "csv_nl.h"           // importer.csv-nl
#include "debet_credit.h"     // importer.debet-credit
#include "inwonerbijdrage.h"  // financing.inwonerbijdrage
#include "partners.h"         // registry.partners

namespace fs = std::filesystem;
using namespace vhh;
using namespace vhh::host;

namespace {

struct PluginTable {
    const char *name;
    const vhh_setting_spec *specs;
    std::uint32_t count;
};

const PluginTable kTables[] = {
    {"financing.inwonerbijdrage", inwonerbijdrage::kSettings,
     static_cast<std::uint32_t>(inwonerbijdrage::kSettingCount)},
    {"report.jaarverantwoording", jaarverantwoording::kSettings,
     static_cast<std::uint32_t>(jaarverantwoording::kSettingCount)},
    {"registry.partners", partners::kSettings, static_cast<std::uint32_t>(partners::kSettingCount)},
    {"importer.csv-nl", importer_csv_nl::kSettings,
     static_cast<std::uint32_t>(sizeof importer_csv_nl::kSettings / sizeof importer_csv_nl::kSettings[0])},
    {"importer.debet-credit", importer_debet_credit::kSettings,
     static_cast<std::uint32_t>(sizeof importer_debet_credit::kSettings / sizeof importer_debet_credit::kSettings[0])},
};

std::string g_dir;
std::string g_config;

void copy_if_present(const fs::path &from, const fs::path &to) {
    std::error_code ec;
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
}

void fail(const char *what) {
    std::fprintf(stderr, "fuzz_config: %s\n", what);
    std::abort();
}

/// Every diagnostic must name the file it is about (the config or an included settings file).
void check_located(const Diagnostics &diag) {
    for (const auto &d : diag.all())
        if (d.where.file.empty()) {
            std::fprintf(stderr, "unlocated diagnostic: %s\n", d.format().c_str());
            fail("a diagnostic without a file");
        }
}

void run_plugin(const PluginEntry &entry, const Region &region, bool region_ok) {
    const PluginTable *table = &kTables[0];
    for (const auto &t : kTables)
        if (entry.name == t.name) table = &t;
    Diagnostics diag;
    const Settings settings = validate_settings(entry.section, table->specs, table->count, entry.key_path,
                                                {"name", "bestand", "sha256"}, diag);
    check_located(diag);
    if (diag.has_errors() || !region_ok) return;
    const std::string name = table->name;
    if (name == "financing.inwonerbijdrage") {
        auto regeling = inwonerbijdrage::read_regeling(settings, region, diag, entry.key_path);
        check_located(diag);
        if (!regeling) return;
        // read_regeling accepted it, so the computation must not fail (the plugin calls it unguarded).
        const inwonerbijdrage::Berekening b = inwonerbijdrage::bereken(region, *regeling);
        (void)inwonerbijdrage::describe_lines(region, b);
        (void)inwonerbijdrage::describe_key_sheet(region, b);
        if (regeling->afrekening_resultaat) {
            const auto delen = inwonerbijdrage::bereken_afrekening(region, b);
            (void)inwonerbijdrage::describe_afrekening_lines(region, b, delen);
            (void)inwonerbijdrage::describe_afrekening_sheet(region, b, delen);
        }
    } else if (name == "report.jaarverantwoording") {
        (void)jaarverantwoording::read_config(settings, region, diag, entry.key_path);
        check_located(diag);
    } else if (name == "registry.partners") {
        (void)partners::read_partners(settings, region, entry.key_path, diag);
        check_located(diag);
    } else if (name == "importer.csv-nl") {
        (void)importer_csv_nl::read_kolommen(settings, entry.key_path, diag);
        check_located(diag);
    } else if (name == "importer.debet-credit") {
        (void)importer_debet_credit::read_kolommen(settings, entry.key_path, diag);
        check_located(diag);
    }
}

/// A config accepted without errors: gemeente codes are unique, the centrumgemeente is one of
/// them, and herindelingen move inwoners without creating or losing any (the region's total
/// equals the total of the gemeenten listed).
void check_region(const YamlNode &root, const Region &region) {
    std::set<std::string> codes;
    std::int64_t total = 0;
    for (const auto &g : region.gemeenten) {
        if (!codes.insert(g.code).second) fail("a gemeente twice in the region");
        total += g.inwoners;
    }
    if (!region.gemeenten.empty() && region.find(region.centrumgemeente) == nullptr)
        fail("the centrumgemeente is not in the region");
    const YamlNode *listed = root.find("gemeenten");
    if (listed == nullptr) return;
    std::int64_t listed_total = 0;
    for (const auto &item : listed->items)
        if (const YamlNode *inwoners = item.find("inwoners"))
            if (auto n = parse_integer(inwoners->text)) listed_total += *n;
    if (listed_total != total) {
        std::fprintf(stderr, "listed inwoners %lld, region inwoners %lld\n", static_cast<long long>(listed_total),
                     static_cast<long long>(total));
        fail("herindelingen changed the total number of inwoners");
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    for (const auto &t : kTables) {
        for (const std::string &problem : check_settings_table(t.specs, t.count)) {
            std::fprintf(stderr, "settings table of %s: %s\n", t.name, problem.c_str());
            std::abort();
        }
    }
    const char *tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/vhh-fuzz-config-XXXXXX";
    if (!mkdtemp(pattern.data())) fail("cannot create a temporary folder");
    g_dir = pattern;
    g_config = g_dir + "/vhh.yaml";
    const fs::path src = fs::path(VHH_SOURCE_DIR) / "config" / "zeeland";
    copy_if_present(src / "partners.yaml", fs::path(g_dir) / "partners.yaml");
    copy_if_present(src / "jaarverantwoording.yaml", fs::path(g_dir) / "jaarverantwoording.yaml");
    fs::create_directories(fs::path(g_dir) / "templates");
    std::atexit([] {
        std::error_code ec;
        fs::remove_all(g_dir, ec);
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string text(reinterpret_cast<const char *>(data), size);

    // 1. The loader, from a file as the program reads it.
    {
        std::ofstream out(g_config, std::ios::binary | std::ios::trunc);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
    }
    Diagnostics diag;
    const RunConfig config = load_run_config(g_config, diag);
    check_located(diag);
    for (const auto &entry : config.plugins) run_plugin(entry, config.region, !diag.has_errors());

    Diagnostics tree_diag;
    const YamlNode root = read_yaml_text(text, "vhh.yaml", tree_diag);
    if (!diag.has_errors()) check_region(root, config.region);

    // 2. The validator on the whole tree, with nested LIST tables.
    if (root.is_map()) {
        // The table of the plugin the tree names, else jaarverantwoording's (nested LIST records).
        const PluginTable *table = &kTables[1];
        if (const YamlNode *name = root.find("name"))
            for (const auto &t : kTables)
                if (name->is_scalar() && name->text == t.name) table = &t;
        Diagnostics d;
        (void)validate_settings(root, table->specs, table->count, "plugins[0]", {"name"}, d);
        check_located(d);
    }
    return 0;
}
