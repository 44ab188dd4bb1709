// Exclusive flock(2) locks on lock files. A lock is the kernel's, not a process id: it is released
// when its holder exits or is killed, and it means the same in every PID namespace (containers
// sharing a volume), unlike kill(pid, 0).
#pragma once

#include <functional>
#include <string>

namespace vhh::host {

/// An exclusive flock on a lock file, held until release() or destruction.
class FileLock {
public:
    FileLock() = default;
    /// Releases the lock (see release()).
    ~FileLock();
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;

    /// Takes the lock on `path`, creating the file when missing and waiting while another process
    /// holds it (`on_wait` is called once before waiting). When the file was removed or replaced
    /// while waiting, starts again on the new file. release() removes the file. Throws OutputError.
    void acquire(const std::string &path, const std::function<void()> &on_wait);
    /// Creates `path` (which must not exist) and locks it; release() leaves the file. Throws OutputError.
    void create_locked(const std::string &path);
    /// Removes the lock file while still holding the lock (the lock lasts until release()).
    void remove_file();
    /// Removes the file when acquire() created or found it, then unlocks.
    void release();
    /// True when `path` does not exist or no process holds a lock on it: whoever locked it is gone.
    static bool is_free(const std::string &path);

private:
    int fd_ = -1;
    std::string path_;
    bool remove_on_release_ = false;
};

}  // namespace vhh::host
