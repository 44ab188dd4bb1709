#include "output/output_set.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>
#include <fstream>
#include <iostream>
#include <set>

#include "diagnostic_output.h"
#include "output/file_digest_cache.h"
#include "output/ownership.h"
#include "vhh/diagnostics.h"
#include "output/sha256.h"

namespace vhh::host {

int output_refused(const OutputError &e) {
    std::cerr << "vhh: error: " << printable_text(e.what()) << "\n";
    return static_cast<int>(vhh::ExitCode::cant_create);
}

namespace fs = std::filesystem;

namespace {

std::string errno_text() { return std::strerror(errno); }

void fsync_path(const std::string &path, bool directory) {
    int fd = ::open(path.c_str(), (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw OutputError("cannot open " + path + " to flush it: " + errno_text());
    int rc = ::fsync(fd);
    int saved = errno;
    ::close(fd);
    if (rc != 0) throw OutputError("cannot flush " + path + ": " + std::strerror(saved));
}

/// Flushes every file of `paths` to disk, several at a time: each fsync waits for its file's
/// writeback and a cache flush of the device, and waiting side by side lets the block layer serve
/// them together (one file after another, 2 736 invoices waited half a second). Throws the
/// OutputError of the first path (in order) that could not be flushed.
void fsync_all(const std::vector<std::string> &paths) {
    constexpr std::size_t kThreads = 8;
    std::vector<std::string> errors(paths.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < paths.size();) {
            try {
                fsync_path(paths[i], false);
            } catch (const OutputError &e) {
                errors[i] = e.what();
            }
        }
    };
    std::vector<std::thread> threads;
    try {
        for (std::size_t t = 1; t < std::min(kThreads, paths.size()); ++t) threads.emplace_back(work);
    } catch (const std::system_error &) {  // no thread to be had: the calling thread does it all
    }
    work();
    for (auto &t : threads) t.join();
    for (const auto &e : errors)
        if (!e.empty()) throw OutputError(e);
}

constexpr const char *kStagingLock = ".vhh-staging-lock";

/// Resolves the output directory the user gave to an absolute path with no symlinks: its parent
/// resolved, and the directory itself followed when it is a symlink.
fs::path resolve_out_dir(const std::string &given) {
    std::error_code ec;
    fs::path p = fs::absolute(fs::path(given), ec);
    if (ec) throw OutputError("cannot resolve output directory " + given + ": " + ec.message());
    while (!p.has_filename() && p != p.root_path()) p = p.parent_path();  // "out/" -> "out"
    const std::string last = p.filename().string();
    if (last == "." || last == ".." || p == p.root_path()) {
        fs::path resolved = fs::canonical(p, ec);
        if (ec) throw OutputError("cannot resolve output directory " + given + ": " + ec.message());
        return resolved;
    }
    fs::path parent = fs::canonical(p.parent_path(), ec);
    if (ec || !fs::is_directory(parent))
        throw OutputError("cannot write to " + given + ": parent directory " + p.parent_path().string() +
                          " does not exist or is not a directory");
    fs::path out = parent / p.filename();
    if (fs::is_symlink(fs::symlink_status(out, ec))) {
        fs::path target = fs::canonical(out, ec);
        if (ec)
            throw OutputError("output directory " + given + " is a symlink to " +
                              fs::read_symlink(out, ec).string() + ", which does not exist; create it or give another --out");
        return target;
    }
    return out;
}

/// True when `path` is the root of a mounted file system (renaming it fails with EBUSY).
bool is_mount_point(const fs::path &path) {
    struct statx st{};
    if (::statx(AT_FDCWD, path.c_str(), AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &st) == 0 &&
        (st.stx_attributes_mask & STATX_ATTR_MOUNT_ROOT))
        return (st.stx_attributes & STATX_ATTR_MOUNT_ROOT) != 0;
    struct stat self{}, parent{};  // kernels before 5.8: a different device than the parent
    return ::stat(path.c_str(), &self) == 0 && ::stat(path.parent_path().c_str(), &parent) == 0 &&
           (self.st_dev != parent.st_dev || self.st_ino == parent.st_ino);
}

/// Refuses output directories that cannot be swapped as a whole or whose swap would surprise.
void check_swappable(const fs::path &out, const std::string &given) {
    if (out == out.root_path()) throw OutputError("--out " + given + " is the root directory; give a folder for vhh's documents");
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    if (!ec) {
        auto rel = cwd.lexically_relative(out);
        if (!rel.empty() && *rel.begin() != "..")
            throw OutputError("--out " + given + " is " + (rel == "." ? "the folder vhh runs in" : "a parent of the folder vhh runs in") +
                              " (" + out.string() + "); vhh replaces --out as a whole, so give a folder of its own, e.g. --out out");
    }
    const auto status = fs::status(out, ec);
    if (!fs::exists(status)) return;
    if (!fs::is_directory(status)) throw OutputError("output path " + given + " exists and is not a directory");
    if (is_mount_point(out))
        throw OutputError("--out " + given + " is a mount point (" + out.string() +
                          "); vhh replaces --out as a whole by renaming, which a mount point does not allow: give a folder inside it");
}

/// Removes staging directories of runs that are gone: their lock is free.
void remove_stale_staging(const fs::path &parent, const std::string &prefix, std::vector<fs::path> &stale) {
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(parent, ec)) {
        std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0 || !entry.is_directory(ec) || entry.is_symlink(ec)) continue;
        if (FileLock::is_free((entry.path() / kStagingLock).string())) stale.push_back(entry.path());
    }
}

}  // namespace

bool OutputSet::is_plain_file_name(const std::string &name) {
    if (name.empty() || name == "." || name == ".." || name.size() > 255) return false;
    for (unsigned char c : name)
        if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) return false;
    return true;
}

OutputSet::OutputSet(std::string out_dir, const std::function<void()> &on_wait)
    : given_(std::move(out_dir)), on_wait_(on_wait) {
    if (given_.empty()) throw OutputError("output directory is empty");
    const fs::path out = resolve_out_dir(given_);
    out_dir_ = out.string();
    lock_path_ = (out.parent_path() / ("." + out.filename().string() + ".vhh-lock")).string();
    check_swappable(out, given_);
    // Checked under the lock (another run may be swapping its set in), which is then let go:
    // runs into one directory compute side by side and take turns from staging to swap.
    out_lock_.acquire(lock_path_, on_wait_);
    check_contents();
    out_lock_.release();
}

void OutputSet::check_contents() const {
    const fs::path out(out_dir_);
    check_swappable(out, given_);
    std::error_code ec;
    if (fs::exists(out, ec))
        if (auto foreign = find_foreign_entry(out_dir_))
            throw OutputError("refusing to replace " + given_ + ": it holds '" + foreign->name + "', " + foreign->why +
                              "; move it away, or choose an empty or new directory");
}

void OutputSet::prepare_staging() {
    if (!staging_dir_.empty()) return;
    out_lock_.acquire(lock_path_, on_wait_);  // held until this run ends
    check_contents();                         // again: it may have changed while we computed
    const fs::path parent = fs::path(out_dir_).parent_path();
    const std::string prefix = "." + fs::path(out_dir_).filename().string() + ".vhh-staging-";
    std::vector<fs::path> stale;
    remove_stale_staging(parent, prefix, stale);
    std::error_code ec;
    for (const auto &dir : stale) {
        // A staging directory with a manifest of vhh was complete, or holds the set it replaced:
        // remove what vhh may. Without one it holds only part of what its run was writing.
        ::unlink((dir / kStagingLock).c_str());  // its run is gone
        if (read_own_manifest(dir.string())) remove_or_keep(dir.string());
        else fs::remove_all(dir, ec);
    }

    std::string name = (parent / (prefix + "XXXXXX")).string();
    if (::mkdtemp(name.data()) == nullptr)
        throw OutputError("cannot write to " + given_ + ": cannot create a directory in " + parent.string() + ": " +
                          errno_text());
    staging_dir_ = name;
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(staging_dir_.c_str(), 0777 & ~mask);  // mkdtemp makes it 0700; the set gets the usual mode
    staging_lock_.create_locked((fs::path(staging_dir_) / kStagingLock).string());
}

OutputSet::~OutputSet() {
    if (!committed_ && !staging_dir_.empty()) {
        std::error_code ec;
        fs::remove_all(staging_dir_, ec);  // only this run wrote there
    }
}

void OutputSet::remove_or_keep(const std::string &dir, const std::set<FileIdentity> &linked_elsewhere) {
    if (remove_owned(dir, linked_elsewhere)) return;
    fs::path out(out_dir_);
    std::string kept = (out.parent_path() / (out.filename().string() + ".vhh-kept-XXXXXX")).string();
    if (::mkdtemp(kept.data()) != nullptr && ::rename(dir.c_str(), kept.c_str()) == 0)
        notes_.push_back("files that vhh did not write were in " + out_dir_ + " when it was replaced; kept in " + kept);
    else
        notes_.push_back("files that vhh did not write were left in " + dir);
}

bool OutputSet::is_safe_relative_name(const std::string &name) {
    auto slash = name.find('/');
    if (slash == std::string::npos) return is_plain_file_name(name);
    return is_plain_file_name(name.substr(0, slash)) && is_plain_file_name(name.substr(slash + 1));
}

std::string OutputSet::staging_path(const std::string &file_name) {
    if (!is_safe_relative_name(file_name))
        throw std::invalid_argument("unsafe output file name '" + file_name + "'");
    prepare_staging();
    if (auto slash = file_name.find('/'); slash != std::string::npos && !folders_.count(file_name.substr(0, slash))) {
        std::error_code ec;
        fs::create_directories(fs::path(staging_dir_) / file_name.substr(0, slash), ec);
        if (ec) throw OutputError("cannot create " + file_name.substr(0, slash) + " in the staging directory: " + ec.message());
        folders_.insert(file_name.substr(0, slash));
    }
    if (!names_.insert(file_name).second)
        throw std::invalid_argument("output file '" + file_name + "' is produced twice");
    files_.push_back(file_name);
    return (fs::path(staging_dir_) / file_name).string();
}

std::string OutputSet::scratch_dir() {
    prepare_staging();
    return staging_dir_;
}

std::string OutputSet::staging_path_of(const std::string &file_name) const {
    return (fs::path(staging_dir_) / file_name).string();
}

void OutputSet::write_file(const std::string &file_name, const std::string &bytes) {
    std::string path = staging_path(file_name);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    // Named as the user will find the file, not by its staging path.
    if (!out) throw OutputError("cannot create " + file_name + " in " + out_dir_ + ": " + errno_text());
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw OutputError("cannot write " + file_name + " into " + out_dir_ + ": " + errno_text());
    written_[file_name] = FileDigest{bytes.size(), sha256_hex(bytes)};
}

bool OutputSet::carry_over(const std::string &file_name, const std::string &source, const FileDigest &expected) {
    const std::string path = staging_path(file_name);
    // The source's digest (remembered when this run's checks read it and it has not changed since,
    // output/file_digest_cache.h), then a link to that very file (same inode, size and modification
    // time: a write to it from now on reaches the set, as after any check); when the name led to
    // another file meanwhile, what was linked is read.
    RememberedDigest seen;
    try {
        seen = sha256_of_file_remembered(source);
    } catch (const std::exception &) {
        seen = {};  // unreadable: nothing carried over
    }
    return link_staged(file_name, path, source, expected, seen);
}

bool OutputSet::carry_over(const std::string &file_name, const std::string &source, const FileDigest &expected,
                           const RememberedDigest &seen) {
    return link_staged(file_name, staging_path(file_name), source, expected, seen);
}

bool OutputSet::link_staged(const std::string &file_name, const std::string &path, const std::string &source,
                            const FileDigest &expected, const RememberedDigest &seen) {
    bool same = false;
    struct stat st {};
    try {
        if (!seen.sha256.empty() && seen.bytes == expected.bytes && seen.sha256 == expected.sha256 &&
            ::link(source.c_str(), path.c_str()) == 0 && ::lstat(path.c_str(), &st) == 0 &&
            static_cast<std::uint64_t>(st.st_size) == expected.bytes)
            same = seen.same_file(st) || sha256_hex_file(path) == expected.sha256;
    } catch (const std::exception &) {
        same = false;
    }
    if (!same) {
        ::unlink(path.c_str());
        names_.erase(files_.back());
        files_.pop_back();  // staging_path registered it last
        return false;
    }
    written_[file_name] = expected;
    carried_.insert({st.st_dev, st.st_ino});
    return true;
}

OutputSet::FileDigest OutputSet::digest(const std::string &file_name) const {
    if (auto it = written_.find(file_name); it != written_.end()) return it->second;
    const std::string bytes = read_file_bytes(staging_path_of(file_name));
    return FileDigest{bytes.size(), sha256_hex(bytes)};
}

void OutputSet::commit() {
    prepare_staging();
    std::set<std::string> dirs;
    std::vector<std::string> paths;
    for (const auto &f : files_) {
        paths.push_back((fs::path(staging_dir_) / f).string());
        if (auto slash = f.find('/'); slash != std::string::npos) dirs.insert(f.substr(0, slash));
    }
    fsync_all(paths);
    for (const auto &d : dirs) fsync_path((fs::path(staging_dir_) / d).string(), true);
    staging_lock_.remove_file();  // must not move into the output directory; the lock lasts
    fsync_path(staging_dir_, true);
    std::error_code ec;
    bool exchanged = false;
    if (fs::exists(out_dir_, ec)) {
        if (::renameat2(AT_FDCWD, staging_dir_.c_str(), AT_FDCWD, out_dir_.c_str(), RENAME_EXCHANGE) == 0)
            exchanged = true;
        else if (errno != ENOENT)  // ENOENT: removed meanwhile, so moved in below
            throw OutputError("cannot swap new documents into " + out_dir_ + ": " + errno_text());
    }
    if (!exchanged && ::rename(staging_dir_.c_str(), out_dir_.c_str()) != 0)
        throw OutputError("cannot move new documents to " + out_dir_ + ": " + errno_text());
    committed_ = true;
    if (exchanged) remove_or_keep(staging_dir_, carried_);  // now holds the previous contents
    fsync_path(fs::path(out_dir_).parent_path().string(), true);
}

}  // namespace vhh::host
