// OutputSet: all files appear at once or none do; foreign directories are never replaced.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "output/output_set.h"
#include "output/sha256.h"

namespace fs = std::filesystem;
using vhh::host::OutputError;
using vhh::host::OutputSet;

namespace {
class OutputSetTest : public ::testing::Test {
protected:
    void SetUp() override {
        root = fs::temp_directory_path() / ("vhh-output-test-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root);
        fs::create_directories(root);
    }
    void TearDown() override { fs::remove_all(root); }
    static void write(const fs::path &p, const std::string &s) { std::ofstream(p, std::ios::binary) << s; }
    static std::string read(const fs::path &p) { return vhh::host::read_file_bytes(p.string()); }
    std::size_t entries(const fs::path &dir) {
        return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
    }
    fs::path root;
};
const std::string kManifest = R"({"files":[{"name":"a.txt"}]})";
}  // namespace

TEST_F(OutputSetTest, NewDirectoryAppearsOnlyOnCommit) {
    fs::path out = root / "out";
    {
        OutputSet set(out.string());
        set.write_file("a.txt", "hello");
        EXPECT_FALSE(fs::exists(out));
        set.commit();
    }
    EXPECT_EQ(read(out / "a.txt"), "hello");
    EXPECT_EQ(entries(root), 1u) << "staging directory left behind";
}

TEST_F(OutputSetTest, ReplacesPreviousRunAsAWhole) {
    fs::path out = root / "out";
    fs::create_directories(out);
    write(out / "a.txt", "old");
    write(out / "manifest.json", kManifest);
    {
        OutputSet set(out.string());
        set.write_file("b.txt", "new");
        set.commit();
    }
    EXPECT_FALSE(fs::exists(out / "a.txt"));
    EXPECT_EQ(read(out / "b.txt"), "new");
    EXPECT_EQ(entries(root), 1u);
}

TEST_F(OutputSetTest, FailedRunLeavesPreviousContentsUntouched) {
    fs::path out = root / "out";
    fs::create_directories(out);
    write(out / "a.txt", "old");
    write(out / "manifest.json", kManifest);
    {
        OutputSet set(out.string());
        set.write_file("a.txt", "half-written");
        // no commit: the run failed
    }
    EXPECT_EQ(read(out / "a.txt"), "old");
    EXPECT_EQ(entries(out), 2u);
    EXPECT_EQ(entries(root), 1u) << "staging directory left behind";
}

TEST_F(OutputSetTest, RefusesDirectoryWithForeignFiles) {
    fs::path out = root / "out";
    fs::create_directories(out);
    write(out / "thesis.docx", "precious");
    EXPECT_THROW(OutputSet set(out.string()), OutputError);
    EXPECT_EQ(read(out / "thesis.docx"), "precious");
}

TEST_F(OutputSetTest, EmptyExistingDirectoryIsFine) {
    fs::path out = root / "out";
    fs::create_directories(out);
    OutputSet set(out.string());
    set.write_file("a.txt", "x");
    set.commit();
    EXPECT_EQ(read(out / "a.txt"), "x");
}

TEST_F(OutputSetTest, UnwritableLocationsThrow) {
    write(root / "file", "x");
    EXPECT_THROW(OutputSet set((root / "file").string()), OutputError);            // not a directory
    EXPECT_THROW(OutputSet set((root / "file" / "out").string()), OutputError);    // parent is a file
    EXPECT_THROW(OutputSet set((root / "missing" / "out").string()), OutputError); // parent missing
}

TEST_F(OutputSetTest, RejectsUnsafeFileNames) {
    OutputSet set((root / "out").string());
    EXPECT_THROW(set.staging_path("../escape.txt"), std::invalid_argument);
    EXPECT_THROW(set.staging_path("sub/dir/deeper.txt"), std::invalid_argument);
    EXPECT_THROW(set.staging_path("/abs.txt"), std::invalid_argument);
    EXPECT_THROW(set.staging_path("sub/"), std::invalid_argument);
    EXPECT_THROW(set.staging_path(".."), std::invalid_argument);
    EXPECT_THROW(set.staging_path("bad\nname"), std::invalid_argument);
    EXPECT_THROW(set.staging_path(""), std::invalid_argument);
    set.staging_path("ok.txt");
    EXPECT_THROW(set.staging_path("ok.txt"), std::invalid_argument) << "same file twice";
}

TEST_F(OutputSetTest, RemovesStaleStagingOfDeadRuns) {
    fs::path stale = root / ".out.vhh-staging-999999999";
    fs::create_directories(stale);
    write(stale / "x", "y");
    OutputSet set((root / "out").string());
    EXPECT_FALSE(fs::exists(stale));
}

TEST_F(OutputSetTest, OneLevelOfSubdirectories) {
    fs::path out = root / "out";
    {
        OutputSet set(out.string());
        set.write_file("zeeland/a.txt", "z");
        set.write_file("b.txt", "b");
        EXPECT_THROW(set.staging_path("a/b/c.txt"), std::invalid_argument);
        EXPECT_THROW(set.staging_path("../x/c.txt"), std::invalid_argument);
        EXPECT_THROW(set.staging_path("x/../c.txt"), std::invalid_argument);
        set.commit();
    }
    EXPECT_EQ(read(out / "zeeland" / "a.txt"), "z");
    write(out / "manifest.json", R"({"files":[{"name":"zeeland/a.txt"},{"name":"b.txt"}]})");
    OutputSet again(out.string());  // the sub-directory is listed in the manifest: not foreign
    again.write_file("c.txt", "c");
    again.commit();
    EXPECT_FALSE(fs::exists(out / "zeeland"));
}

TEST_F(OutputSetTest, DigestsOfWrittenAndStagedFiles) {
    OutputSet set((root / "out").string());
    set.write_file("zeeland/a.txt", "abc");
    write(set.staging_path("b.bin"), "hello");  // written by someone else, e.g. libxlsxwriter
    const OutputSet::FileDigest a = set.digest("zeeland/a.txt");
    EXPECT_EQ(a.bytes, 3u);
    EXPECT_EQ(a.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(a.sha256, vhh::host::sha256_hex_file(set.staging_path_of("zeeland/a.txt")));
    const OutputSet::FileDigest b = set.digest("b.bin");  // read back from the staged file
    EXPECT_EQ(b.bytes, 5u);
    EXPECT_EQ(b.sha256, vhh::host::sha256_hex("hello"));
    EXPECT_THROW(set.digest("never-staged.txt"), std::runtime_error);
}
