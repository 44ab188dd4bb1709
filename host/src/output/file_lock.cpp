#include "output/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "output/output_set.h"

namespace vhh::host {

namespace {

int flock_retrying(int fd, int operation) {
    int rc;
    do rc = ::flock(fd, operation);
    while (rc != 0 && errno == EINTR);
    return rc;
}

}  // namespace

FileLock::~FileLock() { release(); }

void FileLock::acquire(const std::string &path, const std::function<void()> &on_wait) {
    release();
    bool told = false;
    for (;;) {
        int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (fd < 0) throw OutputError("cannot create the lock file " + path + ": " + std::strerror(errno));
        if (flock_retrying(fd, LOCK_EX | LOCK_NB) != 0) {
            if (errno != EWOULDBLOCK) {
                std::string why = std::strerror(errno);
                ::close(fd);
                throw OutputError("cannot lock " + path + ": " + why);
            }
            if (!told && on_wait) on_wait();
            told = true;
            if (flock_retrying(fd, LOCK_EX) != 0) {
                std::string why = std::strerror(errno);
                ::close(fd);
                throw OutputError("cannot lock " + path + ": " + why);
            }
        }
        // The holder before us removes the file before unlocking: the lock counts only when the
        // path still names the file we locked.
        struct stat held{}, named{};
        if (::fstat(fd, &held) == 0 && ::lstat(path.c_str(), &named) == 0 && held.st_dev == named.st_dev &&
            held.st_ino == named.st_ino) {
            fd_ = fd;
            path_ = path;
            remove_on_release_ = true;
            return;
        }
        ::close(fd);
    }
}

void FileLock::create_locked(const std::string &path) {
    release();
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) throw OutputError("cannot create the lock file " + path + ": " + std::strerror(errno));
    if (flock_retrying(fd, LOCK_EX | LOCK_NB) != 0) {
        std::string why = std::strerror(errno);
        ::close(fd);
        throw OutputError("cannot lock " + path + ": " + why);
    }
    fd_ = fd;
    path_ = path;
    remove_on_release_ = false;
}

void FileLock::remove_file() {
    if (fd_ >= 0 && !path_.empty()) ::unlink(path_.c_str());
    remove_on_release_ = false;
}

void FileLock::release() {
    if (fd_ < 0) return;
    if (remove_on_release_) ::unlink(path_.c_str());
    ::close(fd_);  // unlocks
    fd_ = -1;
    path_.clear();
    remove_on_release_ = false;
}

bool FileLock::is_free(const std::string &path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return errno == ENOENT;
    bool free = flock_retrying(fd, LOCK_EX | LOCK_NB) == 0;
    ::close(fd);
    return free;
}

}  // namespace vhh::host
