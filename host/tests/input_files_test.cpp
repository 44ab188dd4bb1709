// Input files read by plugins: resolved against the naming file, hashed, missing ones located (66).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

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
