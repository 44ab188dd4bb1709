// The store's commands: `vhh db …`, `vhh log`, `vhh vaststellen`, `vhh historie`. The app parses
// the command line; each command's logic lives here and in the store's other files.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/region_config.h"
#include "store/store.h"
#include "store/wijziging.h"

namespace vhh::host {
class PluginRegistry;
struct RegionRun;
}

namespace vhh::host::store {

/// What a store command was given on the command line.
struct CommandOptions {
    std::vector<std::string> args;  ///< the arguments after the command's name
    std::string database;           ///< --database URL ("" when not given)
    std::string config_path;        ///< --config, or the bundled default
    bool config_given = false;
    std::string door;               ///< --door NAAM
    std::string format = "table";
    std::string jaar, besluit, datum, gemeente;
    std::string bestand, ontvangen, samenvatting, bijlage, wijziging, reactie;  ///< wijziging, zienswijze
    std::string rol;  ///< --rol (vhh gebruiker)
    std::string soort, termijn, reden, bedrag, out;  ///< vhh factureren, crediteren
    std::string per;  ///< vhh debiteuren --per YYYY-MM-DD
    bool posten = false;  ///< historie --posten: only the history per post
    std::vector<std::string> plugin_dirs;
    std::string templates_dir;
    bool allow_outside_inputs = false;  ///< --allow-outside-inputs
};

/// The store a command names: --database, else VHH_DATABASE, else the config's `administratie:`;
/// nullopt when none does (nothing is opened). Problems are StoreErrors.
std::optional<DatabaseUrl> named_store(const CommandOptions &o);

/// The usage error of a command when no store is named.
extern const char *const kNoStore;
/// Opens the store `o` names (named_store); none named is a usage error (64). `must_exist`: see Store.
std::unique_ptr<Store> open_store(const CommandOptions &o, bool must_exist);

/// Prints a usage error (64) and returns its exit code.
int usage(const std::string &message);
/// Prints a refused store command's error and returns its exit code.
int refused(const StoreError &e);
/// Checks --jaar (a year) and, when given, a date option (YYYY-MM-DD); the usage error, or "".
std::string year_and_date_problem(const std::string &jaar, const std::string &date_option, const std::string &date);

/// A region's config (of boekjaar `jaar`; any when 0) and its store, opened for a command.
struct Opened {
    RunConfig config;
    std::unique_ptr<Store> store;
};
/// Loads the region config `o` names (its errors printed; their exit code thrown as a StoreError),
/// refuses a province config and a config of another boekjaar, and opens the store it names.
Opened open_region(const CommandOptions &o, const std::string &command, int jaar);

/// The region configs of a command that also takes a province config, and their store.
struct OpenedRegions {
    std::vector<RunConfig> configs;  ///< one region's, or every region of the province in its order
    std::string province_id;         ///< "" for one region's config
    std::string province_path, province_sha256;
    std::unique_ptr<Store> store;
};
/// As open_region, but a province config (config/province_config.h) gives every region of it
/// (their files may lie anywhere under the province config's folder, as in a province run); the
/// store is the one --database, VHH_DATABASE or the province's (else the region's) `administratie:`
/// names. Every config's errors are printed, all of them, before anything is opened.
OpenedRegions open_regions(const CommandOptions &o, const std::string &command, int jaar);

/// `vhh db init|migrate|status|verify|export|import`.
int cmd_db(const CommandOptions &o);
/// `vhh log`.
int cmd_log(const CommandOptions &o);
/// Vaststelt `document` ("begroting" or "jaarrekening") of `run`'s region for `jaar` in the open
/// write transaction, as `vhh vaststellen` does (and the workspace's form): a begroting with a
/// zienswijze that has no reaction is refused (65), as is a second vaststelling; the snapshot is
/// stored and the audit entry appended as `user`. Returns the snapshot's hash.
std::string vaststellen_region(Store &store, const RegionRun &run, const std::string &document, int jaar,
                               const std::string &besluit, const std::string &datum, const std::string &user);

/// `vhh vaststellen begroting|jaarrekening`.
int cmd_vaststellen(const CommandOptions &o);
/// `vhh historie`.
int cmd_historie(const CommandOptions &o);
/// Records the begrotingswijziging of wijziging file `bestand` of `jaar` in the open write
/// transaction as `vhh wijziging` does (and the workspace's form), with the audit entry as `user`:
/// refused (65) without a vastgestelde begroting or with a datum before it; nullopt, nothing
/// recorded, when the file has errors (in `diag`, located in `bestand`).
std::optional<RecordedWijziging> record_wijziging_file(Store &store, const Region &region, int jaar,
                                                      const std::string &bestand, const std::string &besluit,
                                                      const std::string &datum, const std::string &user,
                                                      Diagnostics &diag);

/// `vhh wijziging`: records a begrotingswijziging.
int cmd_wijziging(const CommandOptions &o);
/// `vhh zienswijze [reactie|lijst]`: records a raad's zienswijze, the dagelijks bestuur's reaction.
int cmd_zienswijze(const CommandOptions &o);

}  // namespace vhh::host::store
