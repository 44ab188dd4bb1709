"""The SDK as a regional developer uses it: install vhh (once, into one prefix for every test here),
build plugins out of tree with find_package(vhh-sdk) — the installed example and a project of every
kind written by `vhh nieuwe-plugin` — test them with the installed test kit, and run them through the
installed vhh."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from vhhtest import VhhTestCase, sanitizer_build, zeeland_text

BUILD_DIR = os.environ.get("VHH_BUILD_DIR")
CMAKE = os.environ.get("VHH_CMAKE", "cmake")
CTEST = os.path.join(os.path.dirname(CMAKE), "ctest") if os.path.isabs(CMAKE) else "ctest"
KINDS = ("financing", "importer", "region", "registry", "report")


def sh(*args, cwd=None):
    r = subprocess.run(args, capture_output=True, text=True, timeout=900, cwd=cwd)
    return r


@unittest.skipUnless(BUILD_DIR, "needs VHH_BUILD_DIR (set by ctest)")
class OutOfTreeTest(VhhTestCase):
    prefix = None

    @classmethod
    def setUpClass(cls):
        cls.install_root = tempfile.mkdtemp(prefix="vhh-e2e-prefix-")
        cls.prefix = os.path.join(cls.install_root, "prefix")
        r = sh(CMAKE, "--install", BUILD_DIR, "--prefix", cls.prefix)
        if r.returncode != 0:
            raise AssertionError(f"cmake --install failed\n{r.stdout}\n{r.stderr}")
        cls.vhh = os.path.join(cls.prefix, "bin", "vhh")
        # Out-of-tree builds reuse compiled objects when ccache is there (as the vhh build does).
        cls.launcher = ["-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"] if shutil.which("ccache") else []

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.install_root, ignore_errors=True)

    def sh(self, *args, cwd=None):
        r = sh(*args, cwd=cwd)
        self.assertEqual(r.returncode, 0, f"{' '.join(args)}\n{r.stdout}\n{r.stderr}")
        return r

    def build(self, source, build):
        self.sh(CMAKE, "-S", source, "-B", build, "-G", "Ninja", f"-DCMAKE_PREFIX_PATH={self.prefix}", *self.launcher)
        self.sh(CMAKE, "--build", build)

    def plugin_status(self, plugin_dir, name):
        listing = json.loads(self.sh(self.vhh, "plugins", "--plugin-dir", plugin_dir, "--format", "json").stdout)
        found = [p for p in listing["plugins"] if p["name"] == name and p["path"].startswith(plugin_dir)]
        self.assertEqual(len(found), 1, listing)
        return found[0]

    def test_the_install_holds_the_sdk_its_docs_and_examples(self):
        for f in ("include/vhh/plugin.h", "include/vhh/testing.h", "include/vhh/testing_render.h",
                  "include/vhh/testing_region.h", "lib/libvhh_sdk.a", "lib/libvhh_testing.a",
                  "lib/libvhh_testing_render.a", "lib/libvhh_testing_region.a", "lib/libvhh_render.a",
                  "lib/libvhh_config.a", "lib/libvhh_settings_validator.a", "lib/cmake/vhh-sdk/vhh-sdkConfig.cmake",
                  "bin/vhh", "share/doc/vhh-sdk/plugins.md",
                  "share/doc/vhh-sdk/examples/out-of-tree-plugin/CMakeLists.txt",
                  "share/doc/vhh-sdk/examples/out-of-tree-plugin/tests/vast_bedrag_test.cpp",
                  "share/vhh/nieuwe-plugin/common/CMakeLists.txt"):
            self.assertTrue(os.path.exists(os.path.join(self.prefix, f)), f)
        with open(os.path.join(self.prefix, "share/doc/vhh-sdk/plugins.md"), encoding="utf-8") as f:
            docs = f.read()
        self.assertIn("nieuwe-plugin", docs)
        self.assertIn("settings_from_yaml", docs)
        self.assertIn("render_document", docs)
        self.assertIn("region_from_yaml", docs)
        # The installed SDK carries no header of the host beyond what the kit's libraries link.
        self.assertFalse(os.path.exists(os.path.join(self.prefix, "include/render")))

    def test_example_plugin_builds_against_installed_sdk_and_runs(self):
        # The example as installed with the SDK's docs, built where a developer would copy it.
        example = self.path("example")
        shutil.copytree(os.path.join(self.prefix, "share/doc/vhh-sdk/examples/out-of-tree-plugin"), example)
        build = self.path("example-build")
        self.build(example, build)
        plugin_dir = os.path.join(build, "plugins")
        for name in ("example.vast-bedrag", "example.vast-bedrag-overzicht"):
            self.assertTrue(os.path.exists(os.path.join(plugin_dir, name + ".so")))
            status = self.plugin_status(plugin_dir, name)
            self.assertEqual(status["status"], "ok", status["reason"])

        # Its unit tests, linked with the installed test kit: a region and settings from YAML through
        # the host's config reader and validator, the document rendered in process to PDF and xlsx and
        # read back by pdftotext and openpyxl.
        tests = self.sh(CTEST, "--test-dir", build, "--output-on-failure")
        self.assertIn("100% tests passed, 0 tests failed out of 4", tests.stdout)
        for case in ("EveryGemeenteOfTheMergedRegionPaysTheBedrag", "AMissingBedragIsTheValidatorsLocatedError",
                     "ARegionTheHostRefusesIsRefusedHereToo", "RendersToPdfAndXlsxWithEveryAmount"):
            self.assertIn(case, tests.stdout)
        # Those checks can fail: an amount the PDF and the workbook do not hold fails the rendering test.
        test_file = os.path.join(example, "tests", "vast_bedrag_test.cpp")
        with open(test_file, encoding="utf-8") as f:
            source = f.read()
        self.assertIn('"€ 2.469,12"', source)
        with open(test_file, "w", encoding="utf-8") as f:
            f.write(source.replace("2.469,12", "2.469,13").replace("2469.12", "2469.13"))
        self.sh(CMAKE, "--build", build)
        r = sh(CTEST, "--test-dir", build, "--output-on-failure", "-R", "Overzicht")
        self.assertNotEqual(r.returncode, 0, r.stdout)
        self.assertIn("€ 2.469,13", r.stdout)   # the failing expectation, beside pdftotext's text
        self.assertIn("€ 2.469,12", r.stdout)   # which holds the real total
        self.assertIn("2469.13", r.stdout)      # and openpyxl's reading, which holds 2469.12

        cfg = self.write_config(zeeland_text() + "  - name: example.vast-bedrag\n    bedrag: 1000.00\n")
        data = json.loads(self.sh(self.vhh, "bijdragen", "--config", cfg, "--plugin-dir", plugin_dir,
                                  "--format", "json").stdout)
        self.assertEqual(data["totals"]["vast-bedrag"], 13 * 100000)

        # Installed beside vhh, the plugin is found without --plugin-dir.
        self.sh(CMAKE, "--install", build, "--prefix", self.prefix)
        data = json.loads(self.sh(self.vhh, "bijdragen", "--config", cfg, "--format", "json").stdout)
        self.assertEqual(data["totals"]["vast-bedrag"], 13 * 100000)
        r = subprocess.run([self.vhh, "run", "--config", cfg, "--out", self.path("out")], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)

        # The report plugin's document, written by the installed vhh and read by pdftotext.
        cfg = self.write_config(zeeland_text() + "  - name: example.vast-bedrag\n    bedrag: 1000.00\n"
                                "  - name: example.vast-bedrag-overzicht\n", "overzicht.yaml")
        out = self.path("out-overzicht")
        self.sh(self.vhh, "run", "--config", cfg, "--out", out)
        pdf = self.sh("pdftotext", "-layout", os.path.join(out, "vast-bedrag-2013.pdf"), "-").stdout
        self.assertIn("Middelburg", pdf)
        self.assertIn("€ 13.000,00", pdf)

    @unittest.skipIf(sanitizer_build(), "five project builds against an SDK installed with -fsanitize take many minutes; "
                     "the normal pass builds every kind, this pass the installed example")
    def test_a_scaffolded_plugin_of_every_kind_builds_passes_its_tests_loads_and_runs(self):
        plugin_dirs = []
        for kind in KINDS:
            with self.subTest(kind=kind):
                project = self.path(kind)
                r = sh(self.vhh, "nieuwe-plugin", kind, "proef-" + kind, "--map", project)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn(f"{kind}.proef-{kind}", r.stdout)
                for f in ("CMakeLists.txt", "README.md", "plugin.cpp", f"proef_{kind}.h", f"proef_{kind}.cpp",
                          f"tests/proef_{kind}_test.cpp"):
                    self.assertTrue(os.path.isfile(os.path.join(project, f)), f)
                build = os.path.join(project, "build")
                self.build(project, build)
                tests = self.sh(CTEST, "--test-dir", build, "--output-on-failure")
                self.assertIn("100% tests passed", tests.stdout)
                self.assertNotIn("No tests were found", tests.stdout + tests.stderr)
                plugin_dir = os.path.join(build, "plugins")
                status = self.plugin_status(plugin_dir, f"{kind}.proef-{kind}")
                self.assertEqual(status["status"], "ok", status["reason"])
                plugin_dirs.append(plugin_dir)

        # Three of them in a run of the bundled Zeeland region (beside its own registry and importer).
        dirs = [a for d in plugin_dirs for a in ("--plugin-dir", d)]
        cfg = self.write_config(zeeland_text() +
                                "  - name: financing.proef-financing\n    tarief: 0.10\n"
                                "  - name: report.proef-report\n"
                                "  - name: region.proef-region\n"
                                "    veiligheidsregio: [{gemeente: GM0687, naam: Zeeland}]\n")
        self.sh(self.vhh, "check", "--config", cfg, *dirs)
        out = self.path("out")
        self.sh(self.vhh, "run", "--config", cfg, "--out", out, *dirs)
        self.assertTrue(os.path.exists(os.path.join(out, "proef-report-2013.txt")), os.listdir(out))
        self.assertTrue(os.path.exists(os.path.join(out, "regio-proef-region-2013.txt")), os.listdir(out))
        data = json.loads(self.sh(self.vhh, "bijdragen", "--config", cfg, "--format", "json", *dirs).stdout)
        self.assertEqual(data["totals"]["proef-financing"], 22551 * 10 + 37050 * 10 + 27432 * 10 + 12386 * 10 +
                         48019 * 10 + 7339 * 10 + 22678 * 10 + 34049 * 10 + 23886 * 10 + 54806 * 10 + 25527 * 10 +
                         21900 * 10 + 44353 * 10)

        # A bad value in the scaffolded plugin's settings is refused by check, at its line.
        bad = self.write_config(zeeland_text() + "  - name: financing.proef-financing\n    tarief: -1\n", "bad.yaml")
        r = sh(self.vhh, "check", "--config", bad, *dirs)
        self.assertEqual(r.returncode, 65, r.stderr)
        index = zeeland_text().count("\n  - name: ")  # the appended plugin follows Zeeland's own
        self.assertIn("plugins[%d].tarief" % index, r.stderr)


if __name__ == "__main__":
    unittest.main()
