// OutputSet: all files appear at once or none do; foreign directories are never replaced.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "output/file_lock.h"
#include "output/output_set.h"
#include "output/ownership.h"
#include "output/sha256.h"

namespace fs = std::filesystem;
using vhh::host::FileLock;
using vhh::host::ListedFile;
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
    /// root/out holding what an earlier run wrote: a.txt ("old") and its sealed manifest.
    fs::path previous_set();
    fs::path root;
};
/// A manifest.json as vhh writes it (sealed) for files with these names and contents.
std::string sealed_manifest(const std::vector<std::pair<std::string, std::string>> &files) {
    std::vector<ListedFile> listed;
    std::string json = R"({"program":{"name":"vhh"},"files":[)";
    for (const auto &[name, content] : files) {
        listed.push_back({name, content.size(), vhh::host::sha256_hex(content), ""});
        json += (listed.size() > 1 ? "," : "") + std::string(R"({"name":")") + name + R"(","bytes":)" +
                std::to_string(content.size()) + R"(,"sha256":")" + listed.back().sha256 + "\"}";
    }
    return json + R"(],"seal":")" + vhh::host::manifest_seal(listed) + "\"}";
}
const std::string kManifest = sealed_manifest({{"a.txt", "old"}});

/// The message of the OutputError that `f` throws, or "" when it throws none.
template <typename F>
std::string output_error(F &&f) {
    try {
        f();
    } catch (const OutputError &e) {
        return e.what();
    }
    return "";
}
}  // namespace

fs::path OutputSetTest::previous_set() {
    fs::path out = root / "out";
    fs::create_directories(out);
    write(out / "a.txt", "old");
    write(out / "manifest.json", kManifest);
    return out;
}

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
    fs::path out = previous_set();
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
    fs::path out = previous_set();
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
    set.write_file("a.txt", "a");  // staging starts: stale staging directories go
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
    write(out / "manifest.json", sealed_manifest({{"zeeland/a.txt", "z"}, {"b.txt", "b"}}));
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

TEST_F(OutputSetTest, RefusesForeignFilesAtEveryDepth) {
    fs::path out = root / "out";
    fs::create_directories(out / "zeeland" / "archief");
    write(out / "b.txt", "b");
    write(out / "zeeland" / "a.txt", "z");
    write(out / "manifest.json", sealed_manifest({{"zeeland/a.txt", "z"}, {"b.txt", "b"}}));
    write(out / "zeeland" / "archief" / "2014.xlsx", "precious");
    std::string msg = output_error([&] { OutputSet set(out.string()); });
    EXPECT_NE(msg.find("'zeeland/archief'"), std::string::npos) << msg;  // a folder vhh did not write
    fs::remove(out / "zeeland" / "archief" / "2014.xlsx");
    fs::remove(out / "zeeland" / "archief");
    write(out / "zeeland" / "notes.docx", "precious");
    msg = output_error([&] { OutputSet set(out.string()); });
    EXPECT_NE(msg.find("'zeeland/notes.docx', which vhh did not write"), std::string::npos) << msg;
    EXPECT_EQ(read(out / "zeeland" / "notes.docx"), "precious");
    EXPECT_EQ(entries(root), 1u) << "nothing left beside --out";
}

TEST_F(OutputSetTest, AManifestVhhDidNotSealRemovesNothing) {
    fs::path out = root / "out";
    fs::create_directories(out);
    write(out / "index.html", "<html>");
    write(out / "manifest.json", R"({"files":[{"name":"index.html"}]})");  // e.g. a web build's
    std::string msg = output_error([&] { OutputSet set(out.string()); });
    EXPECT_NE(msg.find("'index.html', which vhh did not write (its manifest.json was not written by vhh)"),
              std::string::npos) << msg;
    // "vhh" as the program without a matching seal (hand-edited list) is not enough either.
    write(out / "manifest.json", R"({"program":{"name":"vhh"},"files":[{"name":"index.html","bytes":6,"sha256":")" +
                                     vhh::host::sha256_hex("<html>") + R"("}],"seal":"sha256:00"})");
    msg = output_error([&] { OutputSet set(out.string()); });
    EXPECT_NE(msg.find("seal does not match"), std::string::npos) << msg;
    EXPECT_EQ(read(out / "index.html"), "<html>");
}

TEST_F(OutputSetTest, RefusesFilesChangedSinceVhhWroteThem) {
    fs::path out = previous_set();
    write(out / "a.txt", "edited in Excel");
    std::string msg = output_error([&] { OutputSet set(out.string()); });
    EXPECT_NE(msg.find("'a.txt', which was changed after vhh wrote it"), std::string::npos) << msg;
    write(out / "a.txt", "new");  // same size, other bytes
    EXPECT_NE(output_error([&] { OutputSet set(out.string()); }), "");
    fs::remove(out / "a.txt");
    fs::create_symlink("/etc/hostname", out / "a.txt");
    EXPECT_NE(output_error([&] { OutputSet set(out.string()); }).find("link"), std::string::npos);
}

TEST_F(OutputSetTest, KeepsFilesAddedDuringTheRun) {
    fs::path out = previous_set();
    OutputSet set(out.string());
    set.write_file("a.txt", "new");
    write(out / "notes.docx", "added while vhh ran");
    set.commit();
    EXPECT_EQ(read(out / "a.txt"), "new");
    auto notes = set.take_notes();
    ASSERT_EQ(notes.size(), 1u);
    std::vector<fs::path> kept;
    for (const auto &e : fs::directory_iterator(root))
        if (e.path().filename().string().rfind("out.vhh-kept-", 0) == 0) kept.push_back(e.path());
    ASSERT_EQ(kept.size(), 1u) << notes[0];
    EXPECT_NE(notes[0].find(kept[0].string()), std::string::npos) << notes[0];
    EXPECT_EQ(read(kept[0] / "notes.docx"), "added while vhh ran");
    EXPECT_FALSE(fs::exists(kept[0] / "a.txt")) << "vhh's own old file is removed";
}

TEST_F(OutputSetTest, KeepsStagingOfARunThatStillHoldsItsLock) {
    fs::path live = root / ".out.vhh-staging-Ab12Cd";  // a run in another PID namespace may have our PID
    fs::create_directories(live);
    FileLock holder;
    holder.create_locked((live / ".vhh-staging-lock").string());
    fs::path dead = root / ".out.vhh-staging-Xy34Zw";
    fs::create_directories(dead);
    { FileLock gone; gone.create_locked((dead / ".vhh-staging-lock").string()); }  // its run ended
    OutputSet set((root / "out").string());
    set.write_file("a.txt", "a");
    EXPECT_TRUE(fs::exists(live));
    EXPECT_FALSE(fs::exists(dead));
}

TEST_F(OutputSetTest, StagingNamesAreUniqueAndLocked) {
    OutputSet a((root / "out").string());
    EXPECT_TRUE(FileLock::is_free((root / ".out.vhh-lock").string())) << "held only while checking";
    a.write_file("a.txt", "a");
    fs::path staging = fs::path(a.staging_path_of("a.txt")).parent_path();
    EXPECT_EQ(staging.filename().string().rfind(".out.vhh-staging-", 0), 0u);
    EXPECT_EQ(staging.filename().string().find(std::to_string(::getpid())), std::string::npos);
    EXPECT_FALSE(FileLock::is_free((staging / ".vhh-staging-lock").string()));
    EXPECT_FALSE(FileLock::is_free((root / ".out.vhh-lock").string())) << "runs into out take turns";
    a.commit();
    EXPECT_FALSE(fs::exists(root / "out" / ".vhh-staging-lock"));
}

TEST_F(OutputSetTest, ASymlinkIsFollowedToItsTarget) {
    fs::path target = root / "real";
    fs::create_directories(target);
    write(target / "a.txt", "old");
    write(target / "manifest.json", kManifest);
    fs::create_directory_symlink("real", root / "link");
    {
        OutputSet set((root / "link").string());
        EXPECT_EQ(set.out_dir(), target.string());
        set.write_file("b.txt", "new");
        set.commit();
    }
    EXPECT_TRUE(fs::is_symlink(root / "link"));
    EXPECT_EQ(read(target / "b.txt"), "new");
    EXPECT_FALSE(fs::exists(target / "a.txt"));
    fs::create_directory_symlink("nowhere", root / "dangling");
    EXPECT_NE(output_error([&] { OutputSet set((root / "dangling").string()); }).find("which does not exist"),
              std::string::npos);
}

TEST_F(OutputSetTest, RefusesTheWorkingDirectoryAndItsParents) {
    fs::create_directories(root / "work");
    const fs::path before = fs::current_path();
    fs::current_path(root / "work");
    std::string dot = output_error([&] { OutputSet set("."); });
    std::string parent = output_error([&] { OutputSet set(".."); });
    fs::current_path(before);
    EXPECT_NE(dot.find("the folder vhh runs in"), std::string::npos) << dot;
    EXPECT_NE(parent.find("a parent of the folder vhh runs in"), std::string::npos) << parent;
    EXPECT_NE(output_error([&] { OutputSet set("/"); }).find("root"), std::string::npos);
}

TEST_F(OutputSetTest, CarriedOverFileKeepsItsBytesAndThePreviousSetGoesAway) {
    fs::path out = previous_set();
    struct stat before {};
    ASSERT_EQ(::stat((out / "a.txt").c_str(), &before), 0);
    {
        OutputSet set(out.string());
        EXPECT_TRUE(set.carry_over("a.txt", (out / "a.txt").string(), {3, vhh::host::sha256_hex("old")}));
        set.write_file("manifest.json", kManifest);
        set.commit();
        EXPECT_TRUE(set.take_notes().empty());
    }
    struct stat after {};
    ASSERT_EQ(::stat((out / "a.txt").c_str(), &after), 0);
    EXPECT_EQ(after.st_ino, before.st_ino);  // the same file, no copy
    EXPECT_EQ(after.st_nlink, 1u);           // and the previous set's name of it is gone
    EXPECT_EQ(read(out / "a.txt"), "old");
    for (const auto &e : fs::directory_iterator(root))  // nothing kept aside, no staging left
        EXPECT_TRUE(e.path().filename() == "out" || e.path().filename() == ".out.vhh-lock") << e.path();
}

TEST_F(OutputSetTest, CarryOverRefusesAFileChangedAfterTheChecks) {
    fs::path out = previous_set();
    OutputSet set(out.string());
    set.write_file("b.txt", "b");  // the checks before staging have passed
    write(out / "a.txt", "new");   // same size, other bytes
    EXPECT_FALSE(set.carry_over("a.txt", (out / "a.txt").string(), {3, vhh::host::sha256_hex("old")}));
    EXPECT_EQ(set.files(), std::vector<std::string>{"b.txt"});
    set.write_file("a.txt", "old");  // the caller writes it instead: not "produced twice"
    EXPECT_EQ(read(set.staging_path_of("a.txt")), "old");
}

TEST_F(OutputSetTest, CarryOverOfAFileReadBeforeLinksOnlyThatFile) {
    fs::path out = previous_set();
    OutputSet set(out.string());
    set.write_file("b.txt", "b");
    const vhh::host::RememberedDigest seen = vhh::host::sha256_of_file_remembered((out / "a.txt").string());
    write(root / "other", "new");
    fs::rename(root / "other", out / "a.txt");  // another file under the name since it was read
    EXPECT_FALSE(set.carry_over("a.txt", (out / "a.txt").string(), {3, vhh::host::sha256_hex("old")}, seen));
    EXPECT_EQ(set.files(), std::vector<std::string>{"b.txt"});
    write(root / "other", "old");
    fs::rename(root / "other", out / "a.txt");  // another file again, with the listed bytes: read, and fine
    EXPECT_TRUE(set.carry_over("a.txt", (out / "a.txt").string(), {3, vhh::host::sha256_hex("old")}, seen));
    EXPECT_EQ(read(set.staging_path_of("a.txt")), "old");
}
