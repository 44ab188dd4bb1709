// The test kit's settings_from_yaml runs the validator `vhh check` runs: the same settings file gives
// the same errors, word for word and at the same locations, in a unit test and from the real vhh
// (which names the plugin and its config entry after each).
#include "inwonerbijdrage.h"

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "vhh/testing.h"

namespace {

namespace fs = std::filesystem;

/// Runs `command`, returning its output (stdout and stderr) and exit status.
std::pair<std::string, int> run(const std::string &command) {
    std::string out;
    FILE *p = popen((command + " 2>&1").c_str(), "r");
    if (p == nullptr) return {"popen failed", -1};
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
    const int status = pclose(p);
    return {out, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

void write(const fs::path &path, const std::string &text) {
    std::ofstream f(path, std::ios::binary);
    f << text;
}

TEST(InwonerbijdrageSettingsYaml, TheKitGivesTheErrorsVhhCheckGives) {
    const fs::path dir = fs::temp_directory_path() / ("vhh-kit-settings-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    write(dir / "vhh.yaml",
          "regio: {id: testregio, naam: Testregio, boekjaar: 2017, centrumgemeente: GM0002}\n"
          "bevolking: {peildatum: 2017-01-01, bron: test}\n"
          "gemeenten:\n"
          "  - {code: GM0001, naam: Aardam, inwoners: 10000, bron: test}\n"
          "  - {code: GM0002, naam: Beekstad, inwoners: 25000, bron: test}\n"
          "plugins:\n"
          "  - name: financing.inwonerbijdrage\n"
          "    bestand: instellingen.yaml\n");
    // A Dutch decimal comma, a misspelt choice, an unknown key close to a declared one, a bad rounding.
    const std::string yaml = "tarief: 0,40\nsleutel: per_inwonr\ntotal: 5\nafronding: euros\n";
    write(dir / "instellingen.yaml", yaml);

    const auto [output, status] = run(std::string(VHH_BIN) + " check --config " + (dir / "vhh.yaml").string());
    EXPECT_EQ(status, 78) << output;

    vhh::Diagnostics diag;
    vhh::testing::SettingsSource source;
    source.path = (dir / "instellingen.yaml").string();
    vhh::testing::settings_from_yaml(vhh::inwonerbijdrage::kSettings, yaml, diag, vhh::testing::sample_region(),
                                     source);
    ASSERT_EQ(diag.error_count(), 4u) << diag.format_all();
    // vhh check adds which plugin the setting is of and where its entry is (line 7 of vhh.yaml).
    for (vhh::Diagnostic d : diag.all()) {
        d.message += " (setting of plugin 'financing.inwonerbijdrage', entry at vhh.yaml:7)";
        EXPECT_NE(output.find(d.format()), std::string::npos) << d.format() << "\nnot in\n" << output;
    }
    fs::remove_all(dir);
}

}  // namespace
