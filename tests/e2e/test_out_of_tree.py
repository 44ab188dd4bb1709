"""The SDK as a regional developer uses it: install vhh, build a plugin out of tree with
find_package(vhh-sdk), and run it through the installed vhh."""
import json
import os
import subprocess
import unittest

from vhhtest import SOURCE_DIR, VhhTestCase, zeeland_text

BUILD_DIR = os.environ.get("VHH_BUILD_DIR")
CMAKE = os.environ.get("VHH_CMAKE", "cmake")


@unittest.skipUnless(BUILD_DIR, "needs VHH_BUILD_DIR (set by ctest)")
class OutOfTreeTest(VhhTestCase):
    def sh(self, *args):
        r = subprocess.run(args, capture_output=True, text=True, timeout=600)
        self.assertEqual(r.returncode, 0, f"{' '.join(args)}\n{r.stdout}\n{r.stderr}")
        return r

    def test_example_plugin_builds_against_installed_sdk_and_runs(self):
        prefix = self.path("prefix")
        self.sh(CMAKE, "--install", BUILD_DIR, "--prefix", prefix)
        for f in ("include/vhh/plugin.h", "lib/libvhh_sdk.a", "lib/cmake/vhh-sdk/vhh-sdkConfig.cmake", "bin/vhh"):
            self.assertTrue(os.path.exists(os.path.join(prefix, f)), f)
        example = os.path.join(SOURCE_DIR, "examples", "out-of-tree-plugin")
        build = self.path("example-build")
        self.sh(CMAKE, "-S", example, "-B", build, f"-DCMAKE_PREFIX_PATH={prefix}")
        self.sh(CMAKE, "--build", build)
        plugin_dir = os.path.join(build, "plugins")
        self.assertTrue(os.path.exists(os.path.join(plugin_dir, "example.vast-bedrag.so")))

        vhh = os.path.join(prefix, "bin", "vhh")
        listing = json.loads(self.sh(vhh, "plugins", "--plugin-dir", plugin_dir, "--format", "json").stdout)
        example_plugin = [p for p in listing["plugins"] if p["name"] == "example.vast-bedrag"]
        self.assertEqual(len(example_plugin), 1)
        self.assertEqual(example_plugin[0]["status"], "ok", example_plugin[0]["reason"])

        cfg = self.write_config(zeeland_text() + "  - name: example.vast-bedrag\n    bedrag: 1000.00\n")
        data = json.loads(self.sh(vhh, "bijdragen", "--config", cfg, "--plugin-dir", plugin_dir,
                                  "--format", "json").stdout)
        self.assertEqual(data["totals"]["vast-bedrag"], 13 * 100000)

        # Installed beside vhh, the plugin is found without --plugin-dir.
        self.sh(CMAKE, "--install", build, "--prefix", prefix)
        data = json.loads(self.sh(vhh, "bijdragen", "--config", cfg, "--format", "json").stdout)
        self.assertEqual(data["totals"]["vast-bedrag"], 13 * 100000)
        r = subprocess.run([vhh, "run", "--config", cfg, "--out", self.path("out")], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
