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
#include <tuple>
#include <utility>

#include "output/sha256.h"

namespace vhh::host {

namespace {

/// What must be equal for a remembered digest to stand for the file.
struct Identity {
    dev_t dev;
    ino_t ino;
    off_t size;
    long long mtime_s, mtime_ns, ctime_s, ctime_ns;

    explicit Identity(const struct stat &st)
        : dev(st.st_dev), ino(st.st_ino), size(st.st_size), mtime_s(st.st_mtim.tv_sec), mtime_ns(st.st_mtim.tv_nsec),
          ctime_s(st.st_ctim.tv_sec), ctime_ns(st.st_ctim.tv_nsec) {}
    bool operator==(const Identity &o) const {
        return std::tie(dev, ino, size, mtime_s, mtime_ns, ctime_s, ctime_ns) ==
               std::tie(o.dev, o.ino, o.size, o.mtime_s, o.mtime_ns, o.ctime_s, o.ctime_ns);
    }
};

constexpr long long kSettledSeconds = 1;  ///< how old a ctime must be for its digest to be remembered

std::mutex memory_mutex;
std::map<std::pair<dev_t, ino_t>, std::pair<Identity, std::string>> memory;

}  // namespace

bool RememberedDigest::same_file(const struct stat &st) const {
    return static_cast<std::uint64_t>(st.st_dev) == dev && static_cast<std::uint64_t>(st.st_ino) == ino &&
           static_cast<std::uint64_t>(st.st_size) == bytes && st.st_mtim.tv_sec == mtime_s &&
           st.st_mtim.tv_nsec == mtime_ns;
}

RememberedDigest sha256_of_file_remembered(const std::string &path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw std::runtime_error("cannot read " + path + ": not a regular file");
    }
    const Identity id(st);
    RememberedDigest out{"", static_cast<std::uint64_t>(st.st_size), static_cast<std::uint64_t>(st.st_dev),
                         static_cast<std::uint64_t>(st.st_ino), id.mtime_s, id.mtime_ns};
    {
        std::lock_guard<std::mutex> lock(memory_mutex);
        if (auto it = memory.find({st.st_dev, st.st_ino}); it != memory.end() && it->second.first == id) {
            ::close(fd);
            out.sha256 = it->second.second;
            return out;
        }
    }
    try {
        out.sha256 = sha256_hex_descriptor(fd, path);
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
    struct timespec now {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const long long age_ns = (static_cast<long long>(now.tv_sec) - id.ctime_s) * 1000000000LL +
                             (static_cast<long long>(now.tv_nsec) - id.ctime_ns);
    if (age_ns >= kSettledSeconds * 1000000000LL) {
        std::lock_guard<std::mutex> lock(memory_mutex);
        memory.insert_or_assign({st.st_dev, st.st_ino}, std::make_pair(id, out.sha256));
    }
    return out;
}

std::string sha256_hex_file_remembered(const std::string &path) { return sha256_of_file_remembered(path).sha256; }

}  // namespace vhh::host
