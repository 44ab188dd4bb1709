#include "output/file_digest_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <map>
#include <mutex>
#include <stdexcept>
#include <utility>

#include "output/sha256.h"

namespace vhh::host {

namespace {

/// An open file descriptor, closed when it goes.
struct Descriptor {
    int fd;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
};

constexpr long long kSettledSeconds = 1;  ///< how old a ctime must be for its digest to be remembered

std::mutex memory_mutex;
std::map<std::pair<dev_t, ino_t>, RememberedDigest> memory;

}  // namespace

bool RememberedDigest::same_file(const struct stat &st) const {
    return static_cast<std::uint64_t>(st.st_dev) == dev && static_cast<std::uint64_t>(st.st_ino) == ino &&
           static_cast<std::uint64_t>(st.st_size) == bytes && st.st_mtim.tv_sec == mtime_s &&
           st.st_mtim.tv_nsec == mtime_ns;
}

bool RememberedDigest::unchanged(const struct stat &st) const {
    return same_file(st) && st.st_ctim.tv_sec == ctime_s && st.st_ctim.tv_nsec == ctime_ns;
}

RememberedDigest sha256_of_file_remembered(const std::string &path) {
    const Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (file.fd < 0) throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode))
        throw std::runtime_error("cannot read " + path + ": not a regular file");
    {
        std::lock_guard<std::mutex> lock(memory_mutex);
        if (auto it = memory.find({st.st_dev, st.st_ino}); it != memory.end() && it->second.unchanged(st))
            return it->second;
    }
    const RememberedDigest out{sha256_hex_descriptor(file.fd, path),
                               static_cast<std::uint64_t>(st.st_size),
                               static_cast<std::uint64_t>(st.st_dev),
                               static_cast<std::uint64_t>(st.st_ino),
                               st.st_mtim.tv_sec,
                               st.st_mtim.tv_nsec,
                               st.st_ctim.tv_sec,
                               st.st_ctim.tv_nsec};
    struct timespec now {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const long long age_ns = (static_cast<long long>(now.tv_sec) - out.ctime_s) * 1000000000LL +
                             (static_cast<long long>(now.tv_nsec) - out.ctime_ns);
    if (age_ns >= kSettledSeconds * 1000000000LL) {
        std::lock_guard<std::mutex> lock(memory_mutex);
        memory.insert_or_assign({st.st_dev, st.st_ino}, out);
    }
    return out;
}

std::string sha256_hex_file_remembered(const std::string &path) { return sha256_of_file_remembered(path).sha256; }

}  // namespace vhh::host
