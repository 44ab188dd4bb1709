"""Crash safety: `vhh run` killed with SIGKILL at random moments leaves --out holding either
the complete previous set or the complete new set (each file matching the manifest.json
beside it) — never a mix, never a partial file."""
import hashlib
import json
import os
import random
import signal
import subprocess
import time

from vhhtest import VHH, VhhTestCase

KILLS = 40


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class CrashSafetyTest(VhhTestCase):
    def start(self, out, epoch):
        env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))
        return subprocess.Popen([VHH, "run", "--out", out], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)

    def consistent_set(self, out):
        """Checks the directory against its manifest; returns the manifest's `created`."""
        with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
            manifest = json.load(f)
        listed = {f["name"]: f for f in manifest["files"]}
        self.assertEqual(sorted(os.listdir(out)), sorted(list(listed) + ["manifest.json"]))
        for name, entry in listed.items():
            path = os.path.join(out, name)
            self.assertEqual(os.path.getsize(path), entry["bytes"], name)
            self.assertEqual(sha256(path), entry["sha256"], name)
        return manifest["created"]

    def test_sigkill_at_random_moments(self):
        out = self.path("out")
        rng = random.Random(20261122)
        epoch = 1388534400  # 2014-01-01
        t0 = time.monotonic()
        p = self.start(out, epoch)
        self.assertEqual(p.wait(timeout=120), 0)
        duration = time.monotonic() - t0
        created = {self.consistent_set(out)}
        outcomes = {"old": 0, "new": 0}
        for i in range(1, KILLS + 1):
            before = self.consistent_set(out)
            p = self.start(out, epoch + 86400 * i)
            time.sleep(rng.uniform(0, duration * 1.5))
            p.send_signal(signal.SIGKILL)
            p.wait(timeout=120)
            after = self.consistent_set(out)
            outcomes["old" if after == before else "new"] += 1
            created.add(after)
        # A later run cleans up what killed runs left beside --out and succeeds.
        p = self.start(out, epoch)
        self.assertEqual(p.wait(timeout=120), 0)
        self.consistent_set(out)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["out"], "staging directories left behind")
        print(f"\ncrash safety: {KILLS} kills, run {duration * 1000:.0f} ms, outcomes {outcomes}")
