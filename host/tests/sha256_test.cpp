// SHA-256 (OpenSSL through PocoCrypto): the FIPS 180-2 test vectors, a multi-megabyte input whose
// digest was computed independently (Python's hashlib), and files.
#include "output/sha256.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace vhh::host {
namespace {

TEST(Sha256, KnownVectors) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/// 3 MiB + 5 bytes of a pattern that is not periodic in the block size.
std::string large_input() {
    std::string bytes(3 * 1024 * 1024 + 5, '\0');
    for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>((i * 7 + i / 251) & 0xff);
    return bytes;
}

TEST(Sha256, LargeInput) {
    // hashlib.sha256(bytes((i*7 + i//251) & 0xff for i in range(3*1024*1024 + 5))).hexdigest()
    EXPECT_EQ(sha256_hex(large_input()), "97b223b8dffd3197ac94f503412970b2d77110b3c78d60b4647c8fa2cebe897b");
}

TEST(Sha256, FileIsHashedByItsBytes) {
    const std::string path = ::testing::TempDir() + "vhh_sha256_" + std::to_string(::getpid()) + ".bin";
    const std::string bytes = large_input();
    std::ofstream(path, std::ios::binary) << bytes;
    EXPECT_EQ(read_file_bytes(path), bytes);
    EXPECT_EQ(sha256_hex_file(path), "97b223b8dffd3197ac94f503412970b2d77110b3c78d60b4647c8fa2cebe897b");
    std::remove(path.c_str());
    EXPECT_THROW(sha256_hex_file(path), std::runtime_error);
}

TEST(Sha256, SmallAndEmptyFiles) {
    const std::string path = ::testing::TempDir() + "vhh_sha256_small_" + std::to_string(::getpid()) + ".bin";
    std::ofstream(path, std::ios::binary) << "abc";
    EXPECT_EQ(sha256_hex_file(path), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    std::ofstream(path, std::ios::binary | std::ios::trunc).close();
    EXPECT_EQ(sha256_hex_file(path), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    std::remove(path.c_str());
}

}  // namespace
}  // namespace vhh::host
