"""Documents rendered on several threads (VHH_RENDER_THREADS, render/render_pool.h) are the same as
on one: every file byte for byte, the `--out` listing, the manifest and the diagnostics, for the
golden region with a letterhead (PDF, xlsx, HTML, text; letters with a logo)."""
import os

from test_jaarverantwoording_formats import Golden
from vhhtest import read_bytes, run


class RenderThreadsTest(Golden):
    def run_with(self, threads, cfg):
        out = self.path("out-%d" % threads)
        r = run("run", "--config", cfg, "--out", out, env={"VHH_RENDER_THREADS": str(threads)})
        self.assertExit(r, 0)
        return out, r

    def test_one_and_several_threads_write_the_same_bytes(self):
        cfg = self.config()
        one, r1 = self.run_with(1, cfg)
        for threads in (2, 5):
            many, rn = self.run_with(threads, cfg)
            self.assertEqual(rn.stdout.replace(many, one), r1.stdout)  # the --out listing, in order
            self.assertEqual(rn.stderr, r1.stderr)  # warnings, in order
            names = sorted(os.listdir(one))
            self.assertEqual(sorted(os.listdir(many)), names)
            self.assertGreater(len([n for n in names if n.endswith(".pdf")]), 3)
            for name in names:  # manifest.json included: the same files in the same order
                self.assertEqual(read_bytes(os.path.join(many, name)), read_bytes(os.path.join(one, name)), name)

    def test_a_bad_thread_count_is_ignored(self):
        cfg = self.config()
        one, _ = self.run_with(1, cfg)
        out = self.path("out-bad")
        r = run("run", "--config", cfg, "--out", out, env={"VHH_RENDER_THREADS": "0"})
        self.assertExit(r, 0)
        self.assertEqual(read_bytes(os.path.join(out, "manifest.json")), read_bytes(os.path.join(one, "manifest.json")))
