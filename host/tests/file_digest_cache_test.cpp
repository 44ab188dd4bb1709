// sha256_of_file_remembered: a digest remembered for a settled file stands only while the file is
// the same (device, inode, size, modification and status-change time); every change is read again.
#include "output/file_digest_cache.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>

#include "output/sha256.h"

namespace vhh::host {
namespace {

std::string temp_file(const char *what) {
    return ::testing::TempDir() + "vhh_digest_cache_" + what + "_" + std::to_string(::getpid()) + ".bin";
}

TEST(FileDigestCache, AChangeThatKeepsSizeAndModificationTimeIsStillSeen) {
    const std::string path = temp_file("settled");
    std::ofstream(path, std::ios::binary) << "old";
    struct stat written {};
    ASSERT_EQ(::stat(path.c_str(), &written), 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // settled: its digest is remembered
    EXPECT_EQ(sha256_hex_file_remembered(path), sha256_hex("old"));
    EXPECT_EQ(sha256_hex_file_remembered(path), sha256_hex("old"));
    // Same size, and the modification time put back: only the status-change time tells.
    std::ofstream(path, std::ios::binary | std::ios::trunc) << "new";
    const struct timespec times[2] = {written.st_atim, written.st_mtim};
    ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
    const RememberedDigest seen = sha256_of_file_remembered(path);
    EXPECT_EQ(seen.sha256, sha256_hex("new"));
    EXPECT_EQ(seen.bytes, 3u);
    struct stat now {};
    ASSERT_EQ(::stat(path.c_str(), &now), 0);
    EXPECT_TRUE(seen.same_file(now));
    std::remove(path.c_str());
}

TEST(FileDigestCache, AnotherFileUnderTheSameNameIsRead) {
    const std::string path = temp_file("renamed"), other = path + ".other";
    std::ofstream(path, std::ios::binary) << "one";
    std::ofstream(other, std::ios::binary) << "two";
    EXPECT_EQ(sha256_hex_file_remembered(path), sha256_hex("one"));
    ASSERT_EQ(std::rename(other.c_str(), path.c_str()), 0);
    EXPECT_EQ(sha256_hex_file_remembered(path), sha256_hex("two"));
    std::remove(path.c_str());
    EXPECT_THROW(sha256_hex_file_remembered(path), std::runtime_error);
}

}  // namespace
}  // namespace vhh::host
