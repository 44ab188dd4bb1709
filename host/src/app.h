// The vhh command-line program (Poco::Util::Application): subcommands run, check,
// bijdragen, plugins; options --config, --out, --plugin-dir, --format, --help, --version.
#pragma once

#include <Poco/Util/Application.h>

#include <ctime>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/region_config.h"
#include "pipeline.h"
#include "plugins/plugin_loader.h"
#include "run.h"
#include "store/zienswijze.h"

namespace vhh::host {

/// The vhh application. Exit codes follow sysexits (see DESIGN.md).
class VhhApp : public Poco::Util::Application {
public:
    VhhApp();

protected:
    void defineOptions(Poco::Util::OptionSet &options) override;
    void handleOption(const std::string &name, const std::string &value) override;
    int main(const std::vector<std::string> &args) override;

private:
    /// `vhh run` (write) or `vhh check`. A run checks --out and takes its turn on it first.
    int cmd_run(bool write);
    /// A province config; `out` is null for `vhh check`.
    int cmd_run_province(const std::string &cfg_path, OutputSet *out);
    /// Stages the documents, writes manifest.json and swaps the set into --out (73 when it cannot).
    int write_output(OutputSet &out, const ManifestInfo &info, const std::function<void(OutputSet &)> &stage);
    std::string templates_dir() const;
    /// 78 with a clear message: `bijdragen` and `partners` work per region.
    int province_not_supported(const std::string &command);
    int cmd_bijdragen();
    /// `vhh begroting`: the meerjarenraming report.begroting computes, to stdout.
    int cmd_begroting();
    /// What a region run's report phase sees of the store named by --database, VHH_DATABASE or the
    /// config's administratie: (with a warning for a zienswijze without a reaction).
    AdministrationLookup administration_lookup(const std::string &cfg_path);
    int cmd_partners();
    /// `vhh kalender --jaar Y`: the Wgr steps of calendar year Y against the config's plan.
    int cmd_kalender();
    /// `vhh serve` (web/server.h).
    int cmd_serve();
    int cmd_plugins();
    /// `db`, `log`, `vaststellen`, `historie`: the store's commands (store/store_commands.h).
    int cmd_store(const std::string &command, const std::vector<std::string> &args);
    /// `vhh nieuwe-plugin --soort SOORT NAAM [--map DIR]` (scaffold/new_plugin.h).
    int cmd_new_plugin(const std::vector<std::string> &args);
    int usage_error(const std::string &message);
    std::vector<std::string> plugin_dirs() const;
    std::string config_path() const;
    void print_help() const;

    std::string executable_dir_;
    std::string share_dir_;
    std::string config_;
    std::string out_ = "out";
    std::vector<std::string> extra_plugin_dirs_;
    std::string format_ = "table";
    std::map<std::string, std::string> store_values_;  ///< --database, --door, --jaar, --besluit, --datum, --gemeente
    std::set<std::string> given_;  ///< options given on the command line
    bool help_ = false;
    bool version_ = false;
    bool allow_outside_inputs_ = false;  ///< --allow-outside-inputs
    /// The zienswijzen of the boekjaar the last administration_lookup read from the store (none: no store).
    std::optional<std::vector<store::StoredZienswijze>> zienswijzen_;
};

/// The document creation time: SOURCE_DATE_EPOCH when set and valid, otherwise
/// 1 January 00:00 UTC of the year after the boekjaar (when jaarstukken are made).
std::time_t document_time(int boekjaar);

}  // namespace vhh::host
