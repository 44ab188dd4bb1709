// Input files read by plugins: resolved against the naming file, hashed, missing ones located (66).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

#include "config/input_file.h"
#include "output/sha256.h"
#include "pipeline.h"

namespace fs = std::filesystem;

TEST(InputFiles, RelativePathsResolveAgainstTheNamingFile) {
    fs::path dir = fs::temp_directory_path() / ("vhh-input-test-" + std::to_string(::getpid()));
    fs::create_directories(dir / "data");
    std::ofstream(dir / "data" / "grootboek.csv", std::ios::binary) << "kp;bedrag\n";
    vhh::Diagnostics diag;
    vhh::host::InputFilesImpl files(diag);
    auto f = files.read("data/grootboek.csv", {(dir / "vhh.yaml").string(), 3, 12}, "plugins[1].grootboek");
    ASSERT_TRUE(f.has_value()) << diag.format_all();
    EXPECT_EQ(f->contents, "kp;bedrag\n");
    EXPECT_EQ(f->path, (dir / "data" / "grootboek.csv").string());
    ASSERT_EQ(files.files().size(), 1u);
    EXPECT_EQ(files.files()[0].second, vhh::host::sha256_hex("kp;bedrag\n"));

    auto missing = files.read("nope.csv", {(dir / "vhh.yaml").string(), 4, 9}, "plugins[1].indicatoren");
    EXPECT_FALSE(missing.has_value());
    EXPECT_EQ(diag.exit_code(), vhh::ExitCode::no_input);
    EXPECT_EQ(diag.all()[0].where.line, 4);
    EXPECT_EQ(diag.all()[0].key_path, "plugins[1].indicatoren");
    EXPECT_EQ(files.files().size(), 1u);
    fs::remove_all(dir);
}

namespace {
/// A fresh directory for one test.
fs::path test_dir(const std::string &name) {
    fs::path dir = fs::temp_directory_path() / ("vhh-input-test-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}
}  // namespace

TEST(ReadInputFile, RefusesWhatIsNotARegularFileWithoutWaiting) {
    fs::path dir = test_dir("types");
    ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
    auto fifo = vhh::host::read_input_file((dir / "fifo").string(), vhh::host::InputKind::ledger);
    EXPECT_FALSE(fifo.ok());
    EXPECT_EQ(fifo.error.code, vhh::ExitCode::no_input);
    EXPECT_EQ(fifo.error.reason, "it is a FIFO (named pipe), not a regular file");
    auto zero = vhh::host::read_input_file("/dev/zero", vhh::host::InputKind::config);
    EXPECT_EQ(zero.error.reason, "it is a character device, not a regular file");
    auto folder = vhh::host::read_input_file(dir.string(), vhh::host::InputKind::template_file);
    EXPECT_EQ(folder.error.reason, "it is a directory, not a regular file");
    auto missing = vhh::host::read_input_file((dir / "nope").string(), vhh::host::InputKind::config);
    EXPECT_EQ(missing.error.code, vhh::ExitCode::no_input);
    EXPECT_EQ(missing.error.reason, "No such file or directory");
    fs::remove_all(dir);
}

TEST(ReadInputFile, EachKindHasItsSizeLimit) {
    fs::path dir = test_dir("limits");
    const std::uint64_t limit = vhh::host::input_size_limit(vhh::host::InputKind::template_file);
    EXPECT_EQ(limit, 1024u * 1024u);
    {
        std::ofstream(dir / "ok.mustache", std::ios::binary) << std::string(limit, 'x');
        std::ofstream(dir / "big.mustache", std::ios::binary) << std::string(limit + 1, 'x');
    }
    auto ok = vhh::host::read_input_file((dir / "ok.mustache").string(), vhh::host::InputKind::template_file);
    ASSERT_TRUE(ok.ok()) << ok.error.reason;
    EXPECT_EQ(ok.value.size(), limit);
    auto big = vhh::host::read_input_file((dir / "big.mustache").string(), vhh::host::InputKind::template_file);
    EXPECT_FALSE(big.ok());
    EXPECT_EQ(big.error.code, vhh::ExitCode::data);
    EXPECT_EQ(big.error.reason, "it is 1.0 MiB; a template may be at most 1 MiB");
    // The same file is well within a ledger's limit.
    EXPECT_TRUE(vhh::host::read_input_file((dir / "big.mustache").string(), vhh::host::InputKind::ledger).ok());
    EXPECT_EQ(vhh::host::input_size_limit(vhh::host::InputKind::ledger), 256u * 1024u * 1024u);
    fs::remove_all(dir);
}

TEST(InputScope, SymlinksAreResolvedBeforeTheFolderIsCompared) {
    fs::path dir = test_dir("scope");
    fs::path outside = test_dir("scope-outside");
    fs::create_directories(dir / "cfg" / "data");
    fs::create_directories(dir / "cfg-other");
    std::ofstream(dir / "cfg" / "data" / "in.csv") << "x\n";
    std::ofstream(dir / "cfg-other" / "x.csv") << "x\n";
    std::ofstream(outside / "secret") << "x\n";
    fs::create_symlink(outside / "secret", dir / "cfg" / "link");
    fs::create_symlink(dir / "cfg" / "data" / "in.csv", dir / "cfg" / "inner-link");
    auto scope = vhh::host::scope_of_config((dir / "cfg" / "vhh.yaml").string(), false);
    using vhh::host::outside_scope;
    EXPECT_FALSE(outside_scope((dir / "cfg" / "data" / "in.csv").string(), scope));
    EXPECT_FALSE(outside_scope((dir / "cfg" / "inner-link").string(), scope));
    EXPECT_FALSE(outside_scope((dir / "cfg" / "data" / ".." / "data" / "in.csv").string(), scope));
    EXPECT_TRUE(outside_scope((dir / "cfg" / "link").string(), scope));
    EXPECT_TRUE(outside_scope((dir / "cfg" / ".." / "cfg-other" / "x.csv").string(), scope));  // a prefix, not a folder
    EXPECT_FALSE(outside_scope((dir / "cfg" / "missing").string(), scope));  // left to the reader
    auto allowed = vhh::host::scope_of_config((dir / "cfg" / "vhh.yaml").string(), true);
    EXPECT_FALSE(outside_scope((dir / "cfg" / "link").string(), allowed));
    fs::remove_all(dir);
    fs::remove_all(outside);
}

TEST(InputFiles, RefusesAFileOutsideTheScope) {
    fs::path dir = test_dir("files-scope");
    fs::path outside = test_dir("files-scope-outside");
    std::ofstream(outside / "gb.csv") << "x\n";
    vhh::Diagnostics diag;
    vhh::host::InputFilesImpl files(diag, vhh::host::scope_of_config((dir / "vhh.yaml").string(), false));
    auto f = files.read((outside / "gb.csv").string(), {(dir / "vhh.yaml").string(), 3, 12}, "plugins[1].grootboek",
                        vhh::host::InputKind::ledger);
    EXPECT_FALSE(f.has_value());
    ASSERT_EQ(diag.all().size(), 1u);
    EXPECT_EQ(diag.exit_code(), vhh::ExitCode::config);
    EXPECT_NE(diag.all()[0].message.find("cannot read ledger export"), std::string::npos);
    EXPECT_TRUE(files.files().empty());
    fs::remove_all(dir);
    fs::remove_all(outside);
}
