#include "output/sha256.h"

#include <Poco/Crypto/DigestEngine.h>
#include <Poco/Crypto/OpenSSLInitializer.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <vector>

namespace vhh::host {

std::string sha256_hex(const std::string &bytes) {
    // OpenSSL's SHA-256 (SHA extensions / AVX2 where the CPU has them). Keeping OpenSSL
    // initialised for the whole process saves loading its providers again for every digest.
    static const Poco::Crypto::OpenSSLInitializer openssl;
    Poco::Crypto::DigestEngine engine("SHA256");
    engine.update(bytes.data(), bytes.size());
    return Poco::DigestEngine::digestToHex(engine.digest());
}

struct Sha256::Engine {
    Poco::Crypto::DigestEngine digest{"SHA256"};
};

Sha256::Sha256() {
    static const Poco::Crypto::OpenSSLInitializer openssl;
    engine_ = new Engine;
}

Sha256::~Sha256() { delete engine_; }

void Sha256::update(const char *data, std::size_t size) { engine_->digest.update(data, size); }

std::string Sha256::hex() { return Poco::DigestEngine::digestToHex(engine_->digest.digest()); }

std::string read_file_bytes(const std::string &path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw std::runtime_error("cannot read " + path + ": it is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
    std::string bytes;
    std::vector<char> chunk(1 << 16);
    while (in) {  // appending in chunks: no copy of the whole file as a stream buffer would make
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        bytes.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) throw std::runtime_error("cannot read " + path + ": read error");
    return bytes;
}

std::string sha256_hex_descriptor(int fd, const std::string &path) {
    // In chunks: a plugin file with debug information is several MB, and every command hashes
    // every plugin it loads; reading it whole into a growing string cost more than the digest.
    // The buffer fits the file (up to 1 MiB) and is not zeroed: an output directory's check hashes
    // thousands of small files, and zeroing a 1 MiB buffer for each cost more than hashing it.
    Sha256 sha;
    struct stat st {};
    const std::size_t size = ::fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<std::size_t>(st.st_size) : 0;
    const std::size_t chunk_size = std::min<std::size_t>(std::size_t{1} << 20, size + 1);  // +1: sees the end at once
    const std::unique_ptr<char[]> chunk(new char[chunk_size]);
    for (off_t at = 0;;) {
        const ssize_t n = ::pread(fd, chunk.get(), chunk_size, at);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
        if (n == 0) break;
        sha.update(chunk.get(), static_cast<std::size_t>(n));
        at += n;
    }
    return sha.hex();
}

std::string sha256_hex_file(const std::string &path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw std::runtime_error("cannot read " + path + ": it is a directory");
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
    try {
        std::string hex = sha256_hex_descriptor(fd, path);
        ::close(fd);
        return hex;
    } catch (...) {
        ::close(fd);
        throw;
    }
}

}  // namespace vhh::host
