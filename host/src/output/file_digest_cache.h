// SHA-256 of a file that one run reads more than once (the output directory's ownership check runs
// before computing and again before staging): remembered by the file's identity, so an unchanged
// file is hashed once per process.
//
// A file is "unchanged" when its device, inode, size, modification time and status-change time
// (ctime) are the same. ctime cannot be set by a user: every write, truncation, rename onto it or
// utimensat() moves it. The kernel stamps times with a coarse clock, so a write within the same tick
// as the hashing could keep all five equal (git's "racily clean" entries): a digest is remembered
// only for a file whose ctime was at least a second old when it was hashed.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <string>

namespace vhh::host {

/// A file's SHA-256 and which file it was when it was read.
struct RememberedDigest {
    std::string sha256;  ///< 64 lowercase hex digits
    std::uint64_t bytes = 0;
    std::uint64_t dev = 0, ino = 0;
    long long mtime_s = 0, mtime_ns = 0;
    long long ctime_s = 0, ctime_ns = 0;  ///< status change: moved by every write and utimensat()
    /// True when `st` is the same file (device and inode) with the same size and modification time.
    bool same_file(const struct stat &st) const;
    /// same_file, and the same status-change time: the file is unchanged since it was read.
    bool unchanged(const struct stat &st) const;
};

/// SHA-256 of the regular file at `path`, from this process's memory when the file is unchanged
/// since it was hashed; throws std::runtime_error when it cannot be read. Thread-safe.
RememberedDigest sha256_of_file_remembered(const std::string &path);
/// sha256_of_file_remembered(path).sha256.
std::string sha256_hex_file_remembered(const std::string &path);

}  // namespace vhh::host
