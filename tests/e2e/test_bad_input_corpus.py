"""The bad-input corpus (tests/bad-inputs/): one broken input per folder, each described by its
case.yaml (format: tests/bad-inputs/README.md). For every case the base config is copied with all
its companion files into a private temp dir, the case's edits and files are applied, and the real
binary runs the case's command(s). Each case asserts the exit code, that every expected error line
appears with its file, line, column and key path, that the number of `error:` lines is exactly the
number expected (so a multi-error case proves that all errors of a file come in one run), that a
failed command prints nothing on stdout, and that nothing was written: no --out directory, no stray
file beside it, inputs unchanged.

One test method per case (test_<nn>_<name>), so a failure names its case. A case marked
`xfail: "<reason>"` documents a known bug: it runs as an expected failure, and turns into an
unexpected success (a failed suite) once the bug is fixed, so the mark is removed with the fix."""
import hashlib
import os
import re
import resource
import shutil
import subprocess
import tempfile
import unittest

import yaml  # python3-yaml (Debian), for the case descriptions

from vhhtest import SOURCE_DIR, TEST_PLUGIN_DIR, VHH

CORPUS = os.path.join(SOURCE_DIR, "tests", "bad-inputs")
CONFIGS = os.path.join(SOURCE_DIR, "config")
BASES = ("zeeland", "maas-en-leijgraaf", "twente-almelo", "none")
COMMANDS = ("check", "run", "bijdragen", "partners", "begroting", "plugins", "factureren", "crediteren", "facturen",
            "betalingen", "debiteuren", "journaal", "serve")
# Commands that work on a store: they get --database sqlite:<case>/administratie.db, made by `setup`.
STORE_COMMANDS = ("factureren", "crediteren", "facturen", "betalingen", "debiteuren", "journaal")
CASE_KEYS = {"description", "config", "edits", "files", "remove", "command", "args", "exit", "errors",
             "stderr", "stdout", "memory_limit_mb", "xfail", "setup"}
EDIT_KEYS = {"file", "old", "new", "all", "append", "encoding"}
FILE_KEYS = {"text", "encoding", "bom", "newline"}
DEFAULT_MEMORY_LIMIT_MB = 2048

# An error line as vhh prints it: FILE:LINE:COL: error: MSG, FILE:LINE: error: MSG (CSV),
# FILE: error: MSG (a whole file) or vhh: error: MSG (the program; also "vhh: internal error:").
ERROR_LINE = re.compile(r"^(?P<file>.+?)(?::(?P<line>\d+)(?::(?P<col>\d+))?)?: (?:internal )?error: (?P<msg>.*)$")
# An expected error: the same shape, with '*' for any line, column or file and '*' wildcards in MSG.
EXPECTED = re.compile(r"^(?P<file>.+?)(?::(?P<line>\d+|\*)(?::(?P<col>\d+|\*))?)?: error: (?P<msg>.*)$")


def load_cases():
    """(folder name, parsed case.yaml) of every case, in folder order."""
    cases = []
    for name in sorted(os.listdir(CORPUS)):
        folder = os.path.join(CORPUS, name)
        if not os.path.isdir(folder):
            continue
        try:
            with open(os.path.join(folder, "case.yaml"), encoding="utf-8") as f:
                cases.append((name, yaml.safe_load(f)))
        except (OSError, yaml.YAMLError) as e:
            cases.append((name, f"cannot read case.yaml: {e}"))
    return cases


def snapshot(root):
    """Every file and folder under root with the sha256 of its content."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for d in dirnames:
            out[os.path.relpath(os.path.join(dirpath, d), root) + "/"] = "dir"
        for f in filenames:
            p = os.path.join(dirpath, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, root)] = hashlib.sha256(fh.read()).hexdigest()
    return out


def message_regex(pattern):
    """MSG of an expected error: '*' matches anything, the rest literally, anchored at the start."""
    return re.compile("^" + ".*".join(re.escape(part) for part in pattern.split("*")), re.S)


class Case:
    """One corpus case, set up in a temp dir."""

    def __init__(self, name, spec):
        self.name = name
        self.spec = spec

    def validate(self):
        """Rejects a malformed case.yaml (typos would otherwise silently weaken a case)."""
        s = self.spec
        problems = []
        if not isinstance(s, dict):
            return [f"{self.name}: {s if isinstance(s, str) else 'case.yaml is not a map'}"]
        problems += [f"unknown key '{k}'" for k in s if k not in CASE_KEYS]
        for key in ("description", "config", "command", "exit"):
            if key not in s:
                problems.append(f"missing '{key}'")
        if s.get("config") not in BASES:
            problems.append(f"config must be one of {BASES}")
        for c in self.commands():
            if c not in COMMANDS:
                problems.append(f"unknown command '{c}'")
        for e in s.get("edits") or []:
            problems += [f"unknown edit key '{k}'" for k in e if k not in EDIT_KEYS]
            if "file" not in e or (("old" in e) == ("append" in e)) or (("old" in e) != ("new" in e)):
                problems.append(f"an edit needs file and either old+new or append: {e}")
        for path, content in (s.get("files") or {}).items():
            if isinstance(content, dict):
                problems += [f"unknown file key '{k}' for {path}" for k in content if k not in FILE_KEYS]
            elif not isinstance(content, str):
                problems.append(f"{path}: content must be text or a map with text")
        for e in s.get("errors") or []:
            if not EXPECTED.match(e):
                problems.append(f"expected error not in FILE:LINE:COL: error: MSG form: {e!r}")
        if s.get("exit") != 0 and not s.get("errors") and "plugins" not in self.commands():
            problems.append("a failing case lists its expected errors")
        return [f"{self.name}: {p}" for p in problems]

    def commands(self):
        c = self.spec.get("command", [])
        return [c] if isinstance(c, str) else list(c)

    def setup(self, tmp):
        """Copies the base config and applies the case; returns the config dir."""
        cfg = os.path.join(tmp, "cfg")
        base = self.spec["config"]
        if base == "none":
            os.makedirs(cfg)
        else:
            shutil.copytree(os.path.join(CONFIGS, base), cfg)
        for rel in self.spec.get("remove") or []:
            os.remove(os.path.join(cfg, rel))
        for edit in self.spec.get("edits") or []:
            path = os.path.join(cfg, edit["file"])
            with open(path, "rb") as f:
                data = f.read()
            if "append" in edit:
                data += edit["append"].encode("utf-8")
            else:
                # `new` is written in `encoding` (UTF-8 unless said), the rest of the file is kept as it is.
                old, new = edit["old"].encode("utf-8"), edit["new"].encode(edit.get("encoding", "utf-8"))
                if old not in data:
                    raise AssertionError(f"{self.name}: edit of {edit['file']}: {edit['old']!r} does not occur")
                data = data.replace(old, new) if edit.get("all") else data.replace(old, new, 1)
            with open(path, "wb") as f:
                f.write(data)
        for rel, content in (self.spec.get("files") or {}).items():
            path = os.path.join(cfg, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if isinstance(content, str):
                content = {"text": content}
            text = content["text"]
            if content.get("newline"):
                text = text.replace("\n", content["newline"])
            data = text.encode(content.get("encoding", "utf-8"))
            if content.get("bom"):
                data = b"\xef\xbb\xbf" + data
            with open(path, "wb") as f:
                f.write(data)
        return cfg

    def argv(self, command, cfg, out):
        args = [command]
        if command in ("check", "run", "bijdragen", "partners", "begroting", "serve") + STORE_COMMANDS:
            args += ["--config", os.path.join(cfg, "vhh.yaml")]
        if command in STORE_COMMANDS:
            args += ["--database", "sqlite:" + self.store_path(cfg)]
        if command == "run":
            args += ["--out", out]
        if command == "serve":  # a free port, should the case wrongly start a server (the timeout ends it)
            args += ["--listen", "127.0.0.1:0"]
        subst = {"{config_dir}": cfg, "{out}": out, "{test_plugins}": TEST_PLUGIN_DIR}
        for a in self.spec.get("args") or []:
            for k, v in subst.items():
                a = a.replace(k, v)
            args.append(a)
        return args

    @staticmethod
    def store_path(cfg):
        return os.path.join(os.path.dirname(cfg), "administratie.db")

    def run_setup(self, cfg, out):
        """`setup:` a list of vhh commands (argument lists) that prepare the case's store, each
        with --config and --database added (`db` commands only --database); each must succeed."""
        for step in self.spec.get("setup") or []:
            args = [a.replace("{config_dir}", cfg).replace("{out}", out) for a in step]
            if args[0] != "db":
                args += ["--config", os.path.join(cfg, "vhh.yaml")]
            args += ["--database", "sqlite:" + self.store_path(cfg)]
            r = run_vhh(args, DEFAULT_MEMORY_LIMIT_MB)
            if r.returncode != 0:
                raise AssertionError(f"{self.name}: setup vhh {' '.join(args)} failed: {r.stdout}{r.stderr}")

    def expected_file(self, pattern, cfg):
        if pattern in ("vhh", "*"):
            return pattern
        pattern = pattern.replace("{test_plugins}", TEST_PLUGIN_DIR)
        return os.path.normpath(os.path.join(cfg, pattern))


def run_vhh(args, memory_limit_mb):
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    limit = memory_limit_mb * 1024 * 1024

    def limit_memory():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    if "ASAN_OPTIONS" in env:
        # Under AddressSanitizer (scripts/test's second pass) an address-space limit cannot work:
        # its shadow memory reserves terabytes of addresses. Bound the resident memory instead.
        env["ASAN_OPTIONS"] = env["ASAN_OPTIONS"] + f":hard_rss_limit_mb={memory_limit_mb}"
        return subprocess.run([VHH, *args], capture_output=True, text=True, errors="backslashreplace", env=env,
                              timeout=300)
    return subprocess.run([VHH, *args], capture_output=True, text=True, errors="backslashreplace", env=env,
                          timeout=120, preexec_fn=limit_memory)


class BadInputCorpusTest(unittest.TestCase):
    """Test methods are added below, one per case."""

    maxDiff = None

    def run_case(self, case):
        problems = case.validate()
        self.assertEqual(problems, [], "malformed case.yaml")
        tmp = tempfile.mkdtemp(prefix="vhh-corpus-")
        self.addCleanup(shutil.rmtree, tmp, True)
        cfg = case.setup(tmp)
        out = os.path.join(tmp, "out")
        case.run_setup(cfg, out)
        spec = case.spec
        for command in case.commands():
            before = snapshot(tmp)
            r = run_vhh(case.argv(command, cfg, out), spec.get("memory_limit_mb", DEFAULT_MEMORY_LIMIT_MB))
            context = f"{case.name}: vhh {command}\nexit {r.returncode}\nstdout:\n{r.stdout}\nstderr:\n{r.stderr}"
            self.assertGreaterEqual(r.returncode, 0, f"killed by signal {-r.returncode}\n{context}")
            self.assertEqual(r.returncode, spec["exit"], f"exit code\n{context}")
            self.check_errors(case, cfg, r.stderr, context)
            for fragment in spec.get("stderr") or []:
                self.assertIn(fragment, r.stderr, context)
            for fragment in spec.get("stdout") or []:
                self.assertIn(fragment.replace("{test_plugins}", TEST_PLUGIN_DIR), r.stdout, context)
            if spec["exit"] != 0 and not spec.get("stdout"):
                self.assertEqual(r.stdout, "", f"a failed command printed on stdout\n{context}")
            if command == "run" and spec["exit"] != 0:
                self.assertFalse(os.path.exists(out), f"a failed run created --out\n{context}")
            if not (command == "run" and spec["exit"] == 0):
                self.assertEqual(snapshot(tmp), before, f"files were written or changed\n{context}")

    def check_errors(self, case, cfg, stderr, context):
        actual = []
        for line in stderr.splitlines():
            m = ERROR_LINE.match(line)
            if m:
                actual.append(m)
        expected = case.spec.get("errors") or []
        unused = list(actual)
        for pattern in expected:
            e = EXPECTED.match(pattern)
            want_file = case.expected_file(e["file"], cfg)
            msg = message_regex(e["msg"])
            found = None
            for a in unused:
                if want_file != "*" and os.path.normpath(a["file"]) != want_file and a["file"] != want_file:
                    continue
                if e["line"] != "*" and a["line"] != e["line"]:
                    continue
                if e["col"] != "*" and a["col"] != e["col"]:
                    continue
                if not msg.match(a["msg"]):
                    continue
                found = a
                break
            self.assertIsNotNone(found, f"expected error not reported: {pattern}\n{context}")
            unused.remove(found)
        self.assertEqual(len(actual), len(expected),
                         f"{len(actual)} error lines, expected {len(expected)}; not expected:\n" +
                         "\n".join(a.group(0) for a in unused) + f"\n{context}")


def _make_test(case):
    def test(self):
        self.run_case(case)
    spec = case.spec if isinstance(case.spec, dict) else {}
    test.__doc__ = f"{case.name}: {spec.get('description', '')}".strip()
    if spec.get("xfail"):
        test = unittest.expectedFailure(test)
    return test


_CASES = load_cases()


def _shard():
    """(index, count) from VHH_CORPUS_SHARD="k/n" (ctest runs the corpus as n shards side by side), or (0, 1)."""
    raw = os.environ.get("VHH_CORPUS_SHARD", "0/1")
    m = re.fullmatch(r"(\d+)/(\d+)", raw)
    if not m or int(m.group(2)) < 1 or int(m.group(1)) >= int(m.group(2)):
        raise SystemExit(f"VHH_CORPUS_SHARD must be k/n with 0 <= k < n, got {raw!r}")
    return int(m.group(1)), int(m.group(2))


_SHARD, _SHARDS = _shard()
for _index, (_name, _spec) in enumerate(_CASES):
    if _index % _SHARDS != _SHARD:
        continue
    setattr(BadInputCorpusTest, "test_" + re.sub(r"[^0-9a-zA-Z]+", "_", _name), _make_test(Case(_name, _spec)))


class CorpusShapeTest(unittest.TestCase):
    def test_every_case_is_well_formed(self):
        problems = []
        for name, spec in _CASES:
            problems += Case(name, spec).validate()
            if not re.fullmatch(r"\d{2,3}-[a-z0-9]+(-[a-z0-9]+)*", name):
                problems.append(f"{name}: folder name is not <nn>-<short-name>")
        self.assertEqual(problems, [])

    def test_folders_hold_only_case_files(self):
        for name in os.listdir(CORPUS):
            folder = os.path.join(CORPUS, name)
            if os.path.isdir(folder):
                self.assertEqual(sorted(os.listdir(folder)), ["case.yaml"], name)
            else:
                self.assertEqual(name, "README.md")

    def test_at_least_fifty_cases(self):
        self.assertGreaterEqual(len(_CASES), 50)

    def test_numbers_are_unique(self):
        numbers = [name.split("-", 1)[0] for name, _ in _CASES]
        self.assertEqual(sorted(n for n in set(numbers) if numbers.count(n) > 1), [])


if __name__ == "__main__":
    unittest.main()
