// Plugin loading: every way a plugin can fail gives a status and a reason, never a crash.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "plugins/plugin_loader.h"
#include "output/sha256.h"

#ifndef VHH_TEST_PLUGIN_DIR
#error "VHH_TEST_PLUGIN_DIR must be defined by the build"
#endif

using vhh::host::PluginRecord;
using vhh::host::PluginRegistry;

namespace {
const PluginRecord &load(PluginRegistry &reg, const std::string &file) {
    return reg.load_file(std::string(VHH_TEST_PLUGIN_DIR) + "/" + file);
}
}  // namespace

TEST(PluginLoader, GoodPluginLoadsWithManifest) {
    PluginRegistry reg;
    const auto &r = load(reg, "test.good.so");
    ASSERT_TRUE(r.ok) << r.reason;
    EXPECT_EQ(r.name, "test.good");
    EXPECT_EQ(r.version, "0.1.0");
    EXPECT_EQ(r.abi_major, VHH_SDK_ABI_MAJOR);
    EXPECT_EQ(r.kinds, static_cast<std::uint32_t>(VHH_KIND_COMPUTE));
    EXPECT_NE(r.instance, nullptr);
    EXPECT_EQ(reg.find_ok("test.good"), &reg.records()[0]);
}

TEST(PluginLoader, NotASharedLibrary) {
    PluginRegistry reg;
    const auto &r = load(reg, "notalib.so");
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.reason.find("cannot load shared library"), std::string::npos) << r.reason;
}

TEST(PluginLoader, NoEntryPoint) {
    PluginRegistry reg;
    const auto &r = load(reg, "noentry.so");
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.reason.find("no entry point 'vhh_get_plugin_manifest'"), std::string::npos) << r.reason;
}

TEST(PluginLoader, WrongAbiVersion) {
    PluginRegistry reg;
    const auto &r = load(reg, "wrongabi.so");
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.reason.find("Wrong SDK ABI version on plugin 'test.wrongabi'. Got 99.0, supported"), std::string::npos)
        << r.reason;
}

TEST(PluginLoader, APluginOfTheFrozenMajor2IsRefused) {
    PluginRegistry reg;
    const auto &r = load(reg, "major2.so");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.reason, "Wrong SDK ABI version on plugin 'test.major2'. Got 2.1, supported 3.0.");
}

TEST(PluginLoader, OldCxxStringAbiIsRefusedByTheManifestsToolchainFacts) {
    PluginRegistry reg;
    const auto &r = load(reg, "oldabi.so");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.instance, nullptr);  // refused before any C++ object crossed
    EXPECT_EQ(r.reason, "Plugin 'test.oldabi' was built with _GLIBCXX_USE_CXX11_ABI=0; this vhh uses 1.");
}

TEST(PluginLoader, ToolchainMismatchNamesTheFirstDifferingFact) {
    using vhh::host::toolchain_mismatch;
    const vhh_toolchain ours = vhh::detail::toolchain_facts();
    EXPECT_EQ(toolchain_mismatch("x.y", ours), "");
    vhh_toolchain release = ours;
    release.glibcxx_release = ours.glibcxx_release + 1;
    EXPECT_EQ(toolchain_mismatch("x.y", release), "Plugin 'x.y' was built with _GLIBCXX_RELEASE=" +
                                                      std::to_string(ours.glibcxx_release + 1) + "; this vhh uses " +
                                                      std::to_string(ours.glibcxx_release) + ".");
    vhh_toolchain region = ours;
    region.sizeof_region = 1;
    EXPECT_EQ(toolchain_mismatch("x.y", region), "Plugin 'x.y' was built with sizeof(vhh::Region)=1; this vhh uses " +
                                                     std::to_string(sizeof(vhh::Region)) + ".");
    vhh_toolchain none{};  // a manifest without the record (all zero)
    EXPECT_NE(toolchain_mismatch("x.y", none).find("a toolchain record of 0 bytes"), std::string::npos);
}

TEST(PluginLoader, BadMagic) {
    PluginRegistry reg;
    const auto &r = load(reg, "badmagic.so");
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.reason.find("bad manifest magic 0xdeadbeef"), std::string::npos) << r.reason;
}

TEST(PluginLoader, UnresolvedSymbolFailsAtLoadNotAtCall) {
    PluginRegistry reg;
    const auto &r = load(reg, "unresolved.so");
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.reason.find("vhh_test_symbol_that_does_not_exist"), std::string::npos) << r.reason;
}

TEST(PluginLoader, ThrowingFactory) {
    PluginRegistry reg;
    const auto &r = load(reg, "throwing.so");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.name, "test.throwing");
    EXPECT_NE(r.reason.find("failed to start: ledger database not reachable"), std::string::npos) << r.reason;
    EXPECT_EQ(reg.find_ok("test.throwing"), nullptr);
    EXPECT_NE(reg.find_any("test.throwing"), nullptr);
}

TEST(PluginLoader, DuplicateNameRejected) {
    PluginRegistry reg;
    load(reg, "test.good.so");
    const auto &second = load(reg, "test.good.so");
    EXPECT_FALSE(second.ok);
    EXPECT_NE(second.reason.find("duplicate plugin 'test.good'"), std::string::npos) << second.reason;
    EXPECT_FALSE(second.shadowed);
    EXPECT_TRUE(reg.has_broken());
    EXPECT_EQ(reg.refusal("test.good"), "plugin 'test.good' is provided twice in " + std::string(VHH_TEST_PLUGIN_DIR) +
                                            ": " + reg.records()[0].path + " and " + second.path);
}

TEST(PluginLoader, DiscoverListsEveryFileInNameOrder) {
    PluginRegistry reg;
    reg.discover({VHH_TEST_PLUGIN_DIR, "/nonexistent/vhh/plugins"});
    std::vector<std::string> names;
    for (const auto &r : reg.records()) names.push_back(r.path.substr(r.path.rfind('/') + 1));
    std::vector<std::string> expected = {"badmagic.so",   "badmodel.so",   "crashing.so",  "failing.so",
                                         "huge.so",       "major2.so",     "noentry.so",   "notalib.so",
                                         "oldabi.so",
                                         "test.good.so",
                                         "throwing.so",   "unresolved.so", "wrongabi.so"};
    EXPECT_EQ(names, expected);
    ASSERT_EQ(reg.missing_dirs().size(), 1u);
    EXPECT_EQ(reg.missing_dirs()[0], "/nonexistent/vhh/plugins");
}

TEST(PluginLoader, KindsToString) {
    EXPECT_EQ(vhh::host::kinds_to_string(VHH_KIND_LOAD | VHH_KIND_REPORT), "load,report");
    EXPECT_EQ(vhh::host::kinds_to_string(0), "none");
}

namespace {
/// A copy of test.good.so in a fresh directory, with the given modes.
std::string copy_good_plugin(const std::string &name, std::filesystem::perms dir_mode, std::filesystem::perms file_mode) {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("vhh-plugin-perm-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::path file = dir / "test.good.so";
    fs::copy_file(std::string(VHH_TEST_PLUGIN_DIR) + "/test.good.so", file);
    fs::permissions(file, file_mode);
    fs::permissions(dir, dir_mode);
    return file.string();
}
}  // namespace

TEST(PluginLoader, RefusesPluginFileOthersCanWrite) {
    using std::filesystem::perms;
    std::string file = copy_good_plugin("file", perms(0755), perms(0666));
    PluginRegistry reg;
    const auto &r = reg.load_file(file);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.reason.find("the plugin file " + file + " can be written by other users (mode 0666)"), std::string::npos)
        << r.reason;
    std::filesystem::remove_all(std::filesystem::path(file).parent_path());
}

TEST(PluginLoader, RefusesPluginDirectoryOthersCanWrite) {
    using std::filesystem::perms;
    std::string file = copy_good_plugin("dir", perms(0777), perms(0644));
    PluginRegistry reg;
    const auto &r = reg.load_file(file);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.reason.find("the directory " + std::filesystem::path(file).parent_path().string() +
                            " can be written by other users (mode 0777); run chmod o-w on it"),
              std::string::npos)
        << r.reason;
    std::filesystem::permissions(std::filesystem::path(file).parent_path(), perms(0755));
    PluginRegistry again;
    EXPECT_TRUE(again.load_file(file).ok) << again.records()[0].reason;
    std::filesystem::remove_all(std::filesystem::path(file).parent_path());
}

TEST(PluginLoader, RefusesGroupWritableFileAndDirectory) {
    using std::filesystem::perms;
    std::string file = copy_good_plugin("gfile", perms(0755), perms(0664));
    PluginRegistry reg;
    EXPECT_EQ(reg.load_file(file).reason,
              "refusing to load: the plugin file " + file + " can be written by its group (mode 0664); run chmod g-w on it");
    std::filesystem::remove_all(std::filesystem::path(file).parent_path());
    file = copy_good_plugin("gdir", perms(0775), perms(0644));
    PluginRegistry again;
    EXPECT_EQ(again.load_file(file).reason, "refusing to load: the directory " +
                                                std::filesystem::path(file).parent_path().string() +
                                                " can be written by its group (mode 0775); run chmod g-w on it");
    std::filesystem::remove_all(std::filesystem::path(file).parent_path());
}

TEST(PluginLoader, RefusesForeignOwner) {
    if (::geteuid() != 0) GTEST_SKIP() << "needs root to give a file away";
    using std::filesystem::perms;
    std::string file = copy_good_plugin("owner", perms(0755), perms(0644));
    ASSERT_EQ(::chown(file.c_str(), 65534, 65534), 0);
    PluginRegistry reg;
    EXPECT_EQ(reg.load_file(file).reason, "refusing to load: the plugin file " + file +
                                              " is owned by uid 65534, neither root nor the user running vhh (uid 0); "
                                              "run chown on it");
    std::filesystem::remove_all(std::filesystem::path(file).parent_path());
}

TEST(PluginLoader, ChecksEveryDirectoryUpToThePluginRoot) {
    namespace fs = std::filesystem;
    std::string file = copy_good_plugin("nested", fs::perms(0755), fs::perms(0644));
    fs::path top = fs::path(file).parent_path();
    fs::path nested = top / "a" / "b";
    fs::create_directories(nested);
    fs::rename(file, nested / "test.good.so");
    fs::permissions(top / "a", fs::perms(0757));
    PluginRegistry reg;
    EXPECT_EQ(reg.load_file((nested / "test.good.so").string(), top.string()).reason,
              "refusing to load: the directory " + (top / "a").string() +
                  " can be written by other users (mode 0757); run chmod o-w on it");
    fs::permissions(top / "a", fs::perms(0755));
    fs::permissions(top, fs::perms(0777));  // the plugin root itself is checked too
    PluginRegistry root_open;
    EXPECT_NE(root_open.load_file((nested / "test.good.so").string(), top.string()).reason.find(
                  "the directory " + top.string() + " can be written by other users"),
              std::string::npos);
    fs::permissions(top, fs::perms(0755));
    PluginRegistry ok;
    EXPECT_TRUE(ok.load_file((nested / "test.good.so").string(), top.string()).ok) << ok.records()[0].reason;
    fs::remove_all(top);
}

TEST(PluginLoader, SameDirectoryTwiceOrThroughASymlinkIsNoDuplicate) {
    namespace fs = std::filesystem;
    std::string file = copy_good_plugin("twice", fs::perms(0755), fs::perms(0644));
    fs::path dir = fs::path(file).parent_path();
    fs::path link = dir.string() + "-link";
    fs::remove(link);
    fs::create_directory_symlink(dir, link);
    PluginRegistry reg;
    reg.discover({dir.string(), dir.string(), link.string()});
    ASSERT_EQ(reg.records().size(), 1u);
    EXPECT_TRUE(reg.records()[0].ok) << reg.records()[0].reason;
    EXPECT_FALSE(reg.has_broken());
    EXPECT_EQ(reg.refusal("test.good"), "");
    fs::remove(link);
    fs::remove_all(dir);
}

TEST(PluginLoader, EarlierDirectoryWinsAndTheLaterCopyIsShadowed) {
    namespace fs = std::filesystem;
    std::string first = copy_good_plugin("first", fs::perms(0755), fs::perms(0644));
    std::string second = copy_good_plugin("second", fs::perms(0755), fs::perms(0644));
    PluginRegistry reg;
    reg.discover({fs::path(first).parent_path().string(), fs::path(second).parent_path().string()});
    ASSERT_EQ(reg.records().size(), 2u);
    ASSERT_NE(reg.find_ok("test.good"), nullptr);
    EXPECT_EQ(reg.find_ok("test.good")->path, first);
    EXPECT_TRUE(reg.records()[1].shadowed);
    EXPECT_EQ(reg.records()[1].duplicate_of, first);
    EXPECT_FALSE(reg.has_broken());
    EXPECT_EQ(reg.refusal("test.good"), "");
    fs::remove_all(fs::path(first).parent_path());
    fs::remove_all(fs::path(second).parent_path());
}

TEST(PluginLoader, RefusalNamesTheReasonAlsoWithoutAManifest) {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("vhh-plugin-refused-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy_file(std::string(VHH_TEST_PLUGIN_DIR) + "/noentry.so", dir / "financing.staffel.so");
    PluginRegistry reg;
    reg.discover({dir.string()});
    EXPECT_EQ(reg.refusal("financing.staffel"),
              "plugin 'financing.staffel' was found but refused: not a vhh plugin: no entry point "
              "'vhh_get_plugin_manifest' (" + (dir / "financing.staffel.so").string() + ")");
    EXPECT_EQ(reg.refusal("financing.other"), "");
    EXPECT_TRUE(reg.has_broken());
    fs::remove_all(dir);
}

TEST(PluginLoader, LoadsTheFileItCheckedAndHashedEvenWhenThePathIsReplacedBeforeDlopen) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("vhh-plugin-swap-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::permissions(dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
    const fs::path file = dir / "plugin.so";
    fs::copy_file(std::string(VHH_TEST_PLUGIN_DIR) + "/test.good.so", file);
    fs::copy_file(std::string(VHH_TEST_PLUGIN_DIR) + "/failing.so", dir / "other.so");
    PluginRegistry reg;
    // Another process replaces the file between the checks and dlopen (the window of a TOCTOU race).
    reg.set_before_dlopen([&](const std::string &path) { fs::rename(dir / "other.so", path); });
    const PluginRecord &r = reg.load_file(file.string(), dir.string());
    ASSERT_TRUE(r.ok) << r.reason;
    EXPECT_EQ(r.name, "test.good");  // what was checked and hashed is what runs
    PluginRegistry plain;
    const PluginRecord &good = plain.load_file(std::string(VHH_TEST_PLUGIN_DIR) + "/test.good.so");
    ASSERT_TRUE(good.ok) << good.reason;
    EXPECT_EQ(r.sha256(), good.sha256());
    // And the replacement, loaded on its own afterwards, is itself (no library found by a reused name).
    PluginRegistry again;
    const PluginRecord &other = again.load_file(file.string(), dir.string());
    ASSERT_TRUE(other.ok) << other.reason;
    EXPECT_NE(other.name, "test.good");
    EXPECT_NE(other.sha256(), good.sha256());
    fs::remove_all(dir);
}

TEST(PluginLoader, HashesAPluginFileOnlyWhenItsDigestIsAskedFor) {
    // Every command loads every plugin, and hashing them all cost more than the rest of `vhh check`:
    // the digest is read through the kept descriptor when a manifest, a pin or `vhh plugins` asks.
    PluginRegistry reg;
    const PluginRecord &r = reg.load_file(std::string(VHH_TEST_PLUGIN_DIR) + "/test.good.so");
    ASSERT_TRUE(r.ok) << r.reason;
    EXPECT_TRUE(r.sha256_hex.empty());
    EXPECT_EQ(r.sha256(), vhh::host::sha256_hex_file(r.path));
    EXPECT_EQ(r.sha256_hex, r.sha256());
}
