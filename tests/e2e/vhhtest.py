"""Helpers for end-to-end tests of the real vhh binary."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

VHH = os.path.abspath(os.environ.get("VHH_BIN", "build/bin/vhh"))
SOURCE_DIR = os.environ.get("VHH_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
TEST_PLUGIN_DIR = os.path.abspath(os.environ.get("VHH_TEST_PLUGIN_DIR", "build/tests/plugins"))
ZEELAND_DIR = os.path.join(SOURCE_DIR, "config", "zeeland")
ZEELAND = os.path.join(ZEELAND_DIR, "vhh.yaml")
READ_WORKBOOK = os.path.join(SOURCE_DIR, "tests", "tools", "read_workbook.py")
PYTHON = "/usr/bin/python3"


def sanitizer_build():
    """True for the AddressSanitizer + UBSan build (scripts/test's second pass) and the fuzzing
    build: vhh runs several times slower there, leaves fatal signals to ASan (no crash handler),
    and its peak RSS is mostly shadow memory."""
    if "ASAN_OPTIONS" in os.environ:
        return True
    cache = os.path.join(os.environ.get("VHH_BUILD_DIR", "build"), "CMakeCache.txt")
    try:
        with open(cache, encoding="utf-8") as f:
            return any(line.strip().upper() in ("VHH_SANITIZE:BOOL=ON", "VHH_FUZZ:BOOL=ON") for line in f)
    except OSError:
        return False


def run(*args, env=None, cwd=None):
    """Runs vhh; returns CompletedProcess with text stdout/stderr."""
    full_env = dict(os.environ)
    full_env.pop("SOURCE_DATE_EPOCH", None)
    if env:
        full_env.update(env)
    return subprocess.run([VHH, *args], capture_output=True, text=True, env=full_env, cwd=cwd, timeout=120)


def read_workbook(path):
    """Reads a workbook with the independent reader (openpyxl under /usr/bin/python3)."""
    out = subprocess.run([PYTHON, READ_WORKBOOK, path], capture_output=True, text=True, check=True, timeout=120)
    return json.loads(out.stdout)


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def zeeland_text():
    with open(ZEELAND, encoding="utf-8") as f:
        return f.read()


class VhhTestCase(unittest.TestCase):
    """A test case with a private temporary directory."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="vhh-e2e-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def write_config(self, text, name="vhh.yaml"):
        """Writes a config into the test's directory, beside copies of the bundled Zeeland
        config's other files (settings files named by `bestand:`, ledger and indicator CSVs),
        so a test config is the bundled one with a change."""
        for f in os.listdir(ZEELAND_DIR):
            if f != "vhh.yaml" and not os.path.exists(self.path(f)):
                shutil.copyfile(os.path.join(ZEELAND_DIR, f), self.path(f))
        p = self.path(name)
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)
        return p

    def bundled_companions(self):
        """The files write_config copies beside a config."""
        return sorted(f for f in os.listdir(ZEELAND_DIR) if f != "vhh.yaml")

    def zeeland_with(self, old, new, name="vhh.yaml"):
        text = zeeland_text()
        self.assertIn(old, text)
        return self.write_config(text.replace(old, new, 1), name)

    def assertExit(self, result, code):
        self.assertEqual(result.returncode, code,
                         f"exit {result.returncode}, expected {code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}")

    def assertNoCrash(self, result):
        self.assertGreaterEqual(result.returncode, 0, f"killed by signal {-result.returncode}: {result.stderr}")
