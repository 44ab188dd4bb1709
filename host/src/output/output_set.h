// Writes a set of output files so that they all appear at once or not at all.
//
// Files are written into a staging directory beside the output directory (same
// file system), flushed to disk, and then swapped in with one atomic
// renameat2(RENAME_EXCHANGE) (or rename when the output directory is new). A run
// that fails or is killed before the swap leaves the previous contents untouched;
// stale staging directories of dead runs are removed by the next run.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace vhh::host {

/// The output directory cannot be prepared, written or swapped in (exit code 73).
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One output run into a directory.
class OutputSet {
public:
    /// Prepares a run into `out_dir`. Throws OutputError when out_dir exists but is not a
    /// directory, holds files vhh did not write (no manifest.json listing them), or when
    /// the staging directory cannot be created.
    explicit OutputSet(std::string out_dir);
    /// Removes the staging directory unless committed.
    ~OutputSet();
    OutputSet(const OutputSet &) = delete;
    OutputSet &operator=(const OutputSet &) = delete;

    /// Path in the staging directory for a file to write. `file_name` must be a plain name
    /// (no '/', not '.' or '..', no control characters), or one plain directory name, '/', and a
    /// plain name ("zeeland/bijdragen-2013.xlsx"); throws std::invalid_argument otherwise.
    std::string staging_path(const std::string &file_name);
    /// Path in the staging directory of a file already staged (no checks, no registration).
    std::string staging_path_of(const std::string &file_name) const;
    /// Writes bytes to a staged file (and records their size and SHA-256); throws OutputError.
    void write_file(const std::string &file_name, const std::string &bytes);

    /// Size and SHA-256 of a staged file, for manifest.json.
    struct FileDigest {
        std::uint64_t bytes = 0;
        std::string sha256;  ///< 64 lowercase hex digits
    };
    /// The digest of staged file `file_name`: recorded by write_file, else (a file written to its
    /// staging_path, such as a workbook) read back from the staged file. Throws std::runtime_error
    /// when that file cannot be read.
    FileDigest digest(const std::string &file_name) const;
    /// File names staged so far, in the order they were added.
    const std::vector<std::string> &files() const { return files_; }
    /// Flushes every staged file and swaps the staging directory in place of out_dir.
    void commit();
    /// The output directory.
    const std::string &out_dir() const { return out_dir_; }

    /// True when `name` is safe as a file name inside the output directory.
    static bool is_plain_file_name(const std::string &name);
    /// True for a plain name or "dir/name" with both parts plain.
    static bool is_safe_relative_name(const std::string &name);

private:
    std::string out_dir_;
    std::string staging_dir_;
    std::vector<std::string> files_;
    std::map<std::string, FileDigest> written_;  ///< digests of the files write_file wrote
    bool committed_ = false;
};

}  // namespace vhh::host
