// Tests for `vhh nieuwe-plugin` (scaffold/new_plugin.h): names, kinds, refusals, and the project it
// writes from the repository's templates (building it is tests/e2e/test_out_of_tree.py's part).
#include "scaffold/new_plugin.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using vhh::host::new_plugin;
using vhh::host::plugin_class_name;
using vhh::host::plugin_identifier;
using vhh::host::plugin_name_problem;

const std::string kTemplates = std::string(VHH_SOURCE_DIR) + "/scaffold";

class NewPluginTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("vhh-new-plugin-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }
    int make(const std::string &soort, const std::string &naam, const fs::path &map) {
        out.str("");
        err.str("");
        return new_plugin(kTemplates, "/opt/vhh", soort, naam, map.string(), out, err);
    }
    fs::path dir;
    std::ostringstream out, err;
};

std::string slurp(const fs::path &p) {
    std::ifstream f(p);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

TEST(NewPluginName, GoodAndBadNames) {
    EXPECT_FALSE(plugin_name_problem("staffel"));
    EXPECT_FALSE(plugin_name_problem("vast-bedrag2"));
    EXPECT_TRUE(plugin_name_problem(""));
    EXPECT_TRUE(plugin_name_problem("Staffel"));
    EXPECT_TRUE(plugin_name_problem("2staffel"));
    EXPECT_TRUE(plugin_name_problem("vast_bedrag"));
    EXPECT_TRUE(plugin_name_problem("vast--bedrag"));
    EXPECT_TRUE(plugin_name_problem("staffel-"));
    EXPECT_TRUE(plugin_name_problem("../staffel"));
    EXPECT_TRUE(plugin_name_problem(std::string(32, 'a')));
    ASSERT_TRUE(plugin_name_problem("financing.staffel"));
    EXPECT_NE(plugin_name_problem("financing.staffel")->find("without its kind"), std::string::npos);
    EXPECT_EQ(plugin_identifier("vast-bedrag"), "vast_bedrag");
    EXPECT_EQ(plugin_class_name("vast-bedrag"), "VastBedragPlugin");
}

TEST_F(NewPluginTest, WritesEveryFileOfEveryKindWithEveryValueFilledIn) {
    for (const auto &soort : vhh::host::scaffold_kinds()) {
        const fs::path map = dir / soort;
        ASSERT_EQ(make(soort, "vast-bedrag", map), 0) << err.str();
        for (const char *f : {"CMakeLists.txt", "README.md", "plugin.cpp", "vast_bedrag.h", "vast_bedrag.cpp",
                              "tests/vast_bedrag_test.cpp"}) {
            ASSERT_TRUE(fs::is_regular_file(map / f)) << soort << " " << f;
            const std::string text = slurp(map / f);
            EXPECT_EQ(text.find("{{"), std::string::npos) << soort << " " << f;
            EXPECT_EQ(text.find("&quot;"), std::string::npos) << soort << " " << f;  // nothing HTML-escaped
        }
        EXPECT_NE(slurp(map / "plugin.cpp").find("\"" + soort + ".vast-bedrag\""), std::string::npos);
        EXPECT_NE(slurp(map / "CMakeLists.txt").find("find_package(vhh-sdk 3 REQUIRED)"), std::string::npos);
        EXPECT_NE(slurp(map / "tests/vast_bedrag_test.cpp").find("settings_from_yaml"), std::string::npos);
        EXPECT_NE(out.str().find("-DCMAKE_PREFIX_PATH=/opt/vhh"), std::string::npos) << out.str();
    }
    // Nothing left beside the projects (the staging folders were renamed into place).
    std::size_t entries = 0;
    for (const auto &e : fs::directory_iterator(dir)) entries += e.path().filename().string()[0] == '.' ? 100 : 1;
    EXPECT_EQ(entries, vhh::host::scaffold_kinds().size());
}

TEST_F(NewPluginTest, AnEmptyFolderIsUsedANonEmptyOneRefusedWithNothingWritten) {
    fs::create_directories(dir / "leeg");
    EXPECT_EQ(make("report", "overzicht", dir / "leeg"), 0) << err.str();
    EXPECT_TRUE(fs::exists(dir / "leeg" / "CMakeLists.txt"));

    fs::create_directories(dir / "vol");
    std::ofstream(dir / "vol" / "notities.txt") << "mine";
    EXPECT_EQ(make("report", "overzicht", dir / "vol"), 73);
    EXPECT_NE(err.str().find("exists and is not an empty folder"), std::string::npos) << err.str();
    EXPECT_NE(err.str().find("--map"), std::string::npos) << err.str();
    EXPECT_FALSE(fs::exists(dir / "vol" / "CMakeLists.txt"));
    EXPECT_EQ(slurp(dir / "vol" / "notities.txt"), "mine");

    std::ofstream(dir / "bestand") << "x";  // a file, not a folder
    EXPECT_EQ(make("report", "overzicht", dir / "bestand"), 73);
}

TEST_F(NewPluginTest, ABadKindOrNameIsAUsageErrorAndWritesNothing) {
    EXPECT_EQ(make("financiering", "staffel", dir / "a"), 64);
    EXPECT_NE(err.str().find("unknown plugin kind 'financiering'"), std::string::npos) << err.str();
    EXPECT_EQ(make("financing", "Staffel", dir / "b"), 64);
    EXPECT_NE(err.str().find("bad plugin name 'Staffel'"), std::string::npos) << err.str();
    EXPECT_FALSE(fs::exists(dir / "a"));
    EXPECT_FALSE(fs::exists(dir / "b"));
}

TEST_F(NewPluginTest, AMissingTemplateIsAnInternalErrorAndWritesNothing) {
    std::ostringstream o, e;
    EXPECT_EQ(new_plugin((dir / "geen-sjablonen").string(), "/opt/vhh", "report", "x", (dir / "c").string(), o, e), 70);
    EXPECT_FALSE(fs::exists(dir / "c"));
}

}  // namespace
