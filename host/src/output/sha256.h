// SHA-256 of files and bytes, as lowercase hex (manifest.json), computed by OpenSSL (PocoCrypto).
#pragma once

#include <string>

namespace vhh::host {

/// SHA-256 of `bytes` as 64 lowercase hex digits.
std::string sha256_hex(const std::string &bytes);
/// SHA-256 of a file's contents; throws std::runtime_error when it cannot be read.
std::string sha256_hex_file(const std::string &path);
/// Reads a whole file; throws std::runtime_error naming the file and reason.
std::string read_file_bytes(const std::string &path);

}  // namespace vhh::host
