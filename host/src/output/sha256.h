// SHA-256 of files and bytes, as lowercase hex (manifest.json), computed by OpenSSL (PocoCrypto).
#pragma once

#include <cstddef>
#include <string>

namespace vhh::host {

/// SHA-256 of bytes given in pieces (a file read a buffer at a time).
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;
    /// Adds the next `size` bytes.
    void update(const char *data, std::size_t size);
    /// The digest of everything added, as 64 lowercase hex digits (once).
    std::string hex();

private:
    struct Engine;
    Engine *engine_;
};

/// SHA-256 of `bytes` as 64 lowercase hex digits.
std::string sha256_hex(const std::string &bytes);
/// SHA-256 of everything the open file `fd` holds, read from its start (the file's offset is left
/// alone); throws std::runtime_error naming `path` when it cannot be read.
std::string sha256_hex_descriptor(int fd, const std::string &path);
/// SHA-256 of a file's contents; throws std::runtime_error when it cannot be read.
std::string sha256_hex_file(const std::string &path);
/// Reads a whole file; throws std::runtime_error naming the file and reason.
std::string read_file_bytes(const std::string &path);

}  // namespace vhh::host
