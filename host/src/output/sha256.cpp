#include "output/sha256.h"

#include <Poco/Crypto/DigestEngine.h>
#include <Poco/Crypto/OpenSSLInitializer.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

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
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw std::runtime_error("cannot read " + path + ": read error");
    return ss.str();
}

std::string sha256_hex_file(const std::string &path) { return sha256_hex(read_file_bytes(path)); }

}  // namespace vhh::host
