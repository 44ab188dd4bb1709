// Reading the files a configuration names: only regular files, each kind with a size limit, and
// (unless the user allows otherwise) only files under the configuration's own folder.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "vhh/diagnostics.h"
#include "vhh/input.h"

namespace vhh::host {

/// What an input file is: decides its size limit and how messages name it.
enum class InputKind {
    config,         ///< a region or province vhh.yaml (--config, regios[].config)
    settings_file,  ///< a plugin's `bestand:` settings file
    ledger,         ///< a ledger export read through an importer (grootboek)
    plugin_input,   ///< another file a plugin reads (indicatoren)
    template_file,  ///< a Mustache template
    image           ///< the letterhead logo (huisstijl.logo), a PNG file
};

/// The largest file vhh reads of `kind`, in bytes (README, "Limits"): config and settings files
/// 16 MiB, a ledger export 256 MiB, other plugin inputs (indicatoren) 64 MiB, a template 1 MiB, a logo 4 MiB.
std::uint64_t input_size_limit(InputKind kind);

/// How messages name a kind: "config file", "ledger export", ...
const char *input_kind_name(InputKind kind);

/// Why a file could not be read: the exit code it calls for and the reason, to follow
/// "cannot read <kind>: ".
struct InputError {
    ExitCode code = ExitCode::no_input;
    std::string reason;
    bool at_open = false;  ///< open() failed (missing, no permission): the reason is strerror's
};

/// The whole contents of a file, or why it cannot be read. A small Expected: exactly one of
/// `value` and `error` is meaningful (error.reason is empty on success).
struct InputRead {
    std::string value;
    InputError error;
    bool ok() const { return error.reason.empty(); }
};

/// Reads the regular file at `path` whole. The file is opened with O_NONBLOCK and checked with
/// fstat on the open descriptor, so a FIFO, a device (/dev/zero), a socket or a directory is
/// refused at once (66) and never read or waited on; a file over the kind's size limit is refused
/// before it is read (65), and so is one that grows past it while being read.
InputRead read_input_file(const std::string &path, InputKind kind);

/// A regular file read in pieces (a ledger export handed to an importer), never held whole: opened
/// and checked as read_input_file does, then read once through `on_bytes` (the host hashes it) to
/// measure it against the kind's size limit. read() then gives exactly the bytes measured: a file
/// that grows or shrinks afterwards reads as an error, not as other bytes.
class InputFileStream : public InputStream {
public:
    /// Opens `path`; nothing, with `error` set, when read_input_file would refuse it.
    static std::unique_ptr<InputFileStream> open(const std::string &path, InputKind kind,
                                                 const std::function<void(const char *, std::size_t)> &on_bytes,
                                                 InputError &error);
    ~InputFileStream() override;
    InputFileStream(const InputFileStream &) = delete;
    InputFileStream &operator=(const InputFileStream &) = delete;
    std::size_t read(char *buffer, std::size_t size) override;
    void rewind() override;
    /// The number of bytes of the file.
    std::uint64_t size() const { return size_; }

private:
    InputFileStream(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
    int fd_;
    std::string path_;
    std::uint64_t size_ = 0;
    std::uint64_t pos_ = 0;
};

/// Where a configuration's files may be: under `root` (the configuration's folder, symlinks
/// resolved), unless the user allowed outside paths (`--allow-outside-inputs`).
struct InputScope {
    std::string root;            ///< resolved folder; empty: no confinement
    bool allow_outside = false;  ///< --allow-outside-inputs
};

/// The scope of the configuration file at `config_path`: its folder, resolved with realpath.
InputScope scope_of_config(const std::string &config_path, bool allow_outside);

/// What the user decided about input paths for a run.
struct InputPolicy {
    bool allow_outside = false;  ///< --allow-outside-inputs
    /// The folder a region's files must be in: empty for the region config's own folder; a
    /// province run sets the province config's folder, so a region may read the ledger of the
    /// year before from its sibling folder (<regio>/2023/ beside <regio>/2024/).
    std::string root;
};

/// The scope of a region config under `policy`.
InputScope scope_for(const std::string &config_path, const InputPolicy &policy);

/// Nothing when `path` may be read under `scope`; otherwise why not (for "cannot read ...: ").
/// `path` is resolved with realpath, so a symlink pointing outside the folder is outside it.
/// A path that does not exist is left to the reader (which reports it as missing).
std::optional<std::string> outside_scope(const std::string &path, const InputScope &scope);

/// The hint for a path outside the scope.
std::string outside_scope_hint();

}  // namespace vhh::host
