// Writes a set of output files so that they all appear at once or not at all.
//
// Files are written into a staging directory beside the output directory (same
// file system), flushed to disk, and then swapped in with one atomic
// renameat2(RENAME_EXCHANGE) (or rename when the output directory is new). A run
// that fails or is killed before the swap leaves the previous contents untouched.
//
// Runs on one output directory take turns: each holds an flock on ".<out>.vhh-lock" beside it
// while it checks the directory before computing, and again from staging its first file to the swap. A staging directory has a unique random name and holds a locked
// file while its run lives; the next run removes staging directories whose lock is free (the
// kernel releases it when a run dies, in any PID namespace). Only what a manifest.json of vhh
// lists, unchanged, is ever removed (output/ownership.h). A symlink as the output directory is
// followed: the set is swapped in at the link's target.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "output/file_digest_cache.h"
#include "output/file_lock.h"
#include "output/ownership.h"

namespace vhh::host {

/// The output directory cannot be prepared, written or swapped in (exit code 73).
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Prints a refused output's error ("vhh: error: …", made safe for the terminal) and returns 73.
int output_refused(const OutputError &e);

/// One output run into a directory.
class OutputSet {
public:
    /// Prepares a run into `out_dir`, before anything is computed: checks it (under the lock, so
    /// waiting while another run swaps its set in); it is checked again when the first file is staged. Throws OutputError when out_dir exists but is not a directory, is a mount
    /// point, the root, the working directory or one of its parents, is a symlink to nothing,
    /// holds anything at any depth vhh may not remove (output/ownership.h), or when the staging
    /// directory cannot be created. `on_wait` is called when another run holds the lock.
    explicit OutputSet(std::string out_dir, const std::function<void()> &on_wait = {});
    /// Removes the staging directory unless committed.
    ~OutputSet();
    OutputSet(const OutputSet &) = delete;
    OutputSet &operator=(const OutputSet &) = delete;

    /// Path in the staging directory for a file to write. `file_name` must be a plain name
    /// (no '/', not '.' or '..', no control characters), or one plain directory name, '/', and a
    /// plain name ("zeeland/bijdragen-2013.xlsx"); throws std::invalid_argument otherwise. The
    /// first call waits for other runs into the same directory, checks it again and creates the
    /// staging directory (throws OutputError).
    std::string staging_path(const std::string &file_name);
    /// The staging directory (created, as by the first staging_path), for scratch files a renderer
    /// needs while it works (removed before commit; a failed run discards them with the directory).
    std::string scratch_dir();
    /// Path in the staging directory of a file already staged (no checks, no registration).
    std::string staging_path_of(const std::string &file_name) const;
    /// Size and SHA-256 of a staged file, for manifest.json.
    struct FileDigest {
        std::uint64_t bytes = 0;
        std::string sha256;  ///< 64 lowercase hex digits
    };
    /// Writes bytes to a staged file (and records their size and SHA-256); throws OutputError.
    void write_file(const std::string &file_name, const std::string &bytes);
    /// Stages the existing file `source` (in the output directory) as `file_name` by a hard link, so
    /// it keeps its inode and modification time, when it has exactly `expected`'s size and SHA-256
    /// (the file read, then linked: the link must be that same file). Returns false, staging
    /// nothing, when it cannot be linked or differs; the caller then writes the file.
    bool carry_over(const std::string &file_name, const std::string &source, const FileDigest &expected);
    /// carry_over with `source` already read (sha256_of_file_remembered, on any thread): only the
    /// link is made here.
    bool carry_over(const std::string &file_name, const std::string &source, const FileDigest &expected,
                    const RememberedDigest &seen);

    /// The digest of staged file `file_name`: recorded by write_file, else (a file written to its
    /// staging_path, such as a workbook) read back from the staged file. Throws std::runtime_error
    /// when that file cannot be read.
    FileDigest digest(const std::string &file_name) const;
    /// File names staged so far, in the order they were added.
    const std::vector<std::string> &files() const { return files_; }
    /// Flushes every staged file and swaps the staging directory in place of out_dir.
    void commit();
    /// The output directory (absolute, with a symlink resolved to its target).
    const std::string &out_dir() const { return out_dir_; }
    /// What the user should know that is no error (files kept aside instead of removed), since
    /// the last call; the notes are handed over once.
    std::vector<std::string> take_notes() { return std::exchange(notes_, {}); }

    /// True when `name` is safe as a file name inside the output directory.
    static bool is_plain_file_name(const std::string &name);
    /// True for a plain name or "dir/name" with both parts plain.
    static bool is_safe_relative_name(const std::string &name);

private:
    /// Removes `dir` if it holds only what vhh may remove (`linked_elsewhere`: see remove_owned); else renames
    /// it to a "…vhh-kept-…" folder beside the output directory and adds a note naming it.
    void remove_or_keep(const std::string &dir, const std::set<FileIdentity> &linked_elsewhere = {});
    /// Links `source` as the staged `file_name` at `path` (staging_path'd) when `seen` is it with
    /// `expected`'s digest; otherwise unregisters `file_name` and returns false.
    bool link_staged(const std::string &file_name, const std::string &path, const std::string &source,
                     const FileDigest &expected, const RememberedDigest &seen);
    /// Throws OutputError when the output directory cannot be swapped or holds what vhh may not remove.
    void check_contents() const;
    /// Takes the lock for good, checks again, removes stale staging directories and creates ours.
    void prepare_staging();

    std::string given_;      ///< --out as the user gave it, for messages
    std::function<void()> on_wait_;
    std::string lock_path_;  ///< ".<out>.vhh-lock" beside the output directory
    std::string out_dir_;
    std::string staging_dir_;
    FileLock out_lock_;      ///< held from the checks until the run ends
    FileLock staging_lock_;  ///< tells other runs this staging directory is alive
    std::vector<std::string> notes_;
    std::vector<std::string> files_;
    std::set<std::string> names_;    ///< files_, to refuse a name staged twice
    std::set<std::string> folders_;  ///< the folders created in the staging directory
    std::map<std::string, FileDigest> written_;  ///< digests of the files write_file wrote
    std::set<FileIdentity> carried_;             ///< the files carry_over linked in, checked then
    bool committed_ = false;
};

}  // namespace vhh::host
