"""What `vhh run` may replace in --out: only what a manifest.json of vhh lists, unchanged, at
every depth; a symlink as --out is followed to its target; --out that cannot be swapped as a
whole (the working folder, a mount point) is refused before anything is computed; a full disk
gives exit 73 with vhh's own message."""
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from vhhtest import SOURCE_DIR, VHH, VhhTestCase, read_text, read_workbook, run

ML = os.path.join(SOURCE_DIR, "config", "maas-en-leijgraaf")


def listing(root):
    """Every file below root (relative path -> bytes)."""
    files = {}
    for dirpath, _, names in os.walk(root):
        for n in names:
            p = os.path.join(dirpath, n)
            with open(p, "rb") as f:
                files[os.path.relpath(p, root)] = f.read()
    return files


class OutputSafetyTest(VhhTestCase):
    def write(self, path, text):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def assertRefused(self, r, name):
        self.assertExit(r, 73)
        self.assertIn("refusing to replace", r.stderr)
        self.assertIn(f"'{name}'", r.stderr)
        self.assertEqual(r.stdout, "")

    def province(self):
        regios = []
        for folder, region_id in (("ml", "maas-en-leijgraaf"), ("tweede", "tweede-regio")):
            shutil.copytree(ML, self.path(folder))
            p = self.path(folder, "vhh.yaml")
            text = read_text(p).replace("id: maas-en-leijgraaf", f"id: {region_id}", 1)
            with open(p, "w", encoding="utf-8") as f:
                f.write(text)
            regios.append(f"  - config: {folder}/vhh.yaml")
        return self.write_config("provincie:\n  id: oost-brabant\n  naam: Oost-Brabant\n  boekjaar: 2015\n"
                                 "regios:\n" + "\n".join(regios) + "\n", name="provincie.yaml")

    def test_province_run_keeps_user_files_in_region_folders(self):
        cfg = self.province()
        out = self.path("out")
        self.assertExit(run("run", "--config", cfg, "--out", out), 0)
        for user_file in ("maas-en-leijgraaf/notes.docx", "tweede-regio/archief/2014.xlsx"):
            path = os.path.join(out, user_file)
            self.write(path, "precious")
            before = listing(out)
            r = run("run", "--config", cfg, "--out", out)
            self.assertRefused(r, user_file if "archief" not in user_file else "tweede-regio/archief")
            self.assertEqual(listing(out), before, "--out changed")
            os.remove(path)
            if "archief" in user_file:
                os.rmdir(os.path.dirname(path))
        self.assertExit(run("run", "--config", cfg, "--out", out), 0)
        self.assertEqual([n for n in os.listdir(self.tmp) if n.startswith(".")], [], "left beside --out")

    def test_a_manifest_vhh_did_not_write_removes_nothing(self):
        out = self.path("site")
        self.write(os.path.join(out, "index.html"), "<html></html>")
        self.write(os.path.join(out, "manifest.json"),
                   json.dumps({"name": "app", "files": [{"name": "index.html"}]}))
        before = listing(out)
        r = run("run", "--out", out)
        self.assertRefused(r, "index.html")
        self.assertIn("its manifest.json was not written by vhh", r.stderr)
        self.assertEqual(listing(out), before)

    def test_a_manifest_of_vhh_edited_by_hand_removes_nothing(self):
        out = self.path("out")
        self.assertExit(run("run", "--out", out), 0)
        self.write(os.path.join(out, "index.html"), "<html></html>")
        manifest_path = os.path.join(out, "manifest.json")
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
        manifest["files"].append({"name": "index.html", "bytes": 13, "sha256": "0" * 64})
        with open(manifest_path, "w", encoding="utf-8") as f:
            json.dump(manifest, f)
        r = run("run", "--out", out)
        self.assertRefused(r, "begroting-2014.html")  # nothing counts as vhh's now; the first in name order
        self.assertIn("seal does not match", r.stderr)
        self.assertEqual(read_text(os.path.join(out, "index.html")), "<html></html>")

    def test_a_changed_document_is_not_replaced(self):
        out = self.path("out")
        self.assertExit(run("run", "--out", out), 0)
        with open(os.path.join(out, "bijdragen-2013.txt"), "a", encoding="utf-8") as f:
            f.write("Notitie van de controller.\n")
        r = run("run", "--out", out)
        self.assertRefused(r, "bijdragen-2013.txt")
        self.assertIn("changed after vhh wrote it", r.stderr)
        self.assertIn("Notitie van de controller.", read_text(os.path.join(out, "bijdragen-2013.txt")))

    def test_a_symlink_as_out_is_written_through_to_its_target(self):
        real = self.path("real")
        self.assertExit(run("run", "--out", real, env={"SOURCE_DATE_EPOCH": "1388534400"}), 0)
        os.symlink("real", self.path("link"))
        r = run("run", "--out", self.path("link"), env={"SOURCE_DATE_EPOCH": "1420070400"})
        self.assertExit(r, 0)
        self.assertTrue(os.path.islink(self.path("link")), "the link itself was replaced")
        with open(os.path.join(real, "manifest.json"), encoding="utf-8") as f:
            self.assertEqual(json.load(f)["created"], "2015-01-01T00:00:00Z", "the target kept the old set")
        self.assertEqual(sorted(os.listdir(self.tmp)), ["link", "real"])
        os.symlink("nowhere", self.path("dangling"))
        r = run("run", "--out", self.path("dangling"))
        self.assertExit(r, 73)
        self.assertIn("is a symlink to nowhere, which does not exist", r.stderr)

    def test_out_dot_is_refused_before_computing(self):
        r = run("run", "--out", ".", cwd=self.tmp)
        self.assertExit(r, 73)
        self.assertIn("--out . is the folder vhh runs in", r.stderr)
        # Refused before the config is read: a config error does not come first.
        cfg = self.zeeland_with("boekjaar: 2013", "boekjaar: twintig")
        r = run("run", "--config", cfg, "--out", ".", cwd=self.tmp)
        self.assertExit(r, 73)
        self.assertNotIn("boekjaar", r.stderr)
        r = run("run", "--out", "..", cwd=self.tmp)
        self.assertExit(r, 73)
        self.assertIn("a parent of the folder vhh runs in", r.stderr)

    @contextlib.contextmanager
    def tmpfs(self, name, size):
        """A tmpfs mounted at self.path(name); skips the test when mounting is not possible."""
        mnt = self.path(name)
        os.mkdir(mnt)
        if os.geteuid() != 0:
            self.skipTest("mounting a tmpfs needs root")
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", mnt], capture_output=True, text=True)
        if r.returncode != 0:
            self.skipTest(f"cannot mount a tmpfs: {r.stderr.strip()}")
        try:
            yield mnt
        finally:
            subprocess.run(["umount", "-l", mnt], check=True)

    def test_a_mount_point_as_out_is_refused_before_computing(self):
        with self.tmpfs("mnt", "4m") as mnt:
            cfg = self.zeeland_with("boekjaar: 2013", "boekjaar: twintig")
            r = run("run", "--config", cfg, "--out", mnt)
            self.assertExit(r, 73)
            self.assertIn("is a mount point", r.stderr)
            self.assertNotIn("Device or resource busy", r.stderr)
            self.assertEqual(os.listdir(mnt), [])
            # A folder inside it is fine.
            self.assertExit(run("run", "--out", os.path.join(mnt, "out")), 0)

    @unittest.skipUnless(shutil.which("unshare") and os.geteuid() == 0,
                         "needs root and unshare(1) to mount a full /tmp in a private mount namespace")
    @unittest.skipIf(os.path.realpath(VHH).startswith("/tmp/"),
                     "vhh is built under /tmp, which this test replaces by a full tmpfs")
    def test_a_full_tmp_does_not_fail_a_run(self):
        # libxlsxwriter's temporary files go to --out's staging folder: only --out's file system
        # matters. /tmp is replaced, in a private mount namespace, by a 64 KiB tmpfs filled to the
        # last block, so the test's own folder must lie outside /tmp.
        base = tempfile.mkdtemp(prefix="vhh-e2e-fulltmp-", dir=os.path.dirname(os.path.dirname(VHH)))
        self.addCleanup(shutil.rmtree, base, True)
        out = os.path.join(base, "out")
        script = ('mount --make-rprivate / && mount -t tmpfs -o size=64k tmpfs /tmp && '
                  '(dd if=/dev/zero of=/tmp/filler bs=4k 2>/dev/null; true) && '
                  'test "$(df --output=avail /tmp | tail -1)" -eq 0 && exec "$@"')
        r = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", VHH, "run", "--out", out],
                           capture_output=True, text=True, timeout=120)
        # Before, libxlsxwriter's writes into /tmp failed unchecked: exit 0 with empty sheets.
        self.assertExit(r, 0)
        for name in ("bijdragen-2013.xlsx", "bijdragen-berekening-2013.xlsx", "partners-2013.xlsx", "jaarverantwoording-2013.xlsx"):
            self.assertTrue(read_workbook(os.path.join(out, name)), name)
        self.assertEqual(sorted(os.listdir(base)), ["out"], "nothing left beside --out")

    def test_a_full_disk_gives_73_with_vhhs_own_message(self):
        # Room for one Zeeland run (about 2,3 MB with the jaarverantwoording, the ontwerpbegroting and their
        # letters in four formats).
        with self.tmpfs("mnt", "8m") as mnt:
            out = os.path.join(mnt, "out")
            self.assertExit(run("run", "--out", out, env={"SOURCE_DATE_EPOCH": "1388534400"}), 0)
            before = listing(out)
            fd = os.open(os.path.join(mnt, "filler"), os.O_WRONLY | os.O_CREAT)
            try:  # fill the disk to the last block
                while os.write(fd, b"\1" * 4096) > 0:
                    pass
            except OSError:
                pass
            finally:
                os.close(fd)
            r = run("run", "--out", out, env={"SOURCE_DATE_EPOCH": "1420070400"})
            self.assertExit(r, 73)
            self.assertNotIn("[ERROR]", r.stderr)
            self.assertNotIn(".vhh-staging-", r.stderr, "the message names a staging path")
            self.assertRegex(r.stderr, r"^vhh: error: cannot write bijdragen-berekening-2013\.xlsx into .*/out: "
                                       r"no space left on device \(libxlsxwriter: .*\)\n$")
            self.assertEqual(listing(out), before, "--out changed")
            self.assertEqual(sorted(os.listdir(mnt)), ["filler", "out"])
            # Room for the workbooks (staged first, with room to spare: the described documents'
            # workbooks are counted too) but not for everything after them (texts, described documents).
            with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
                files = json.load(f)["files"]
            blocks = sum(-(-f["bytes"] // 4096) for f in files if f["name"].endswith(".xlsx"))
            filler = os.path.join(mnt, "filler")
            os.truncate(filler, os.path.getsize(filler) - (blocks + 1) * 4096)
            r = run("run", "--out", out, env={"SOURCE_DATE_EPOCH": "1420070400"})
            self.assertExit(r, 73)
            self.assertRegex(r.stderr, r"^vhh: error: cannot write (?!bijdragen-|partners-)\S+\.(txt|pdf|html|xlsx) into "
                                       r".*/out: (No space left on device|no space left on device \(libxlsxwriter: .*\))\n$")
            self.assertEqual(listing(out), before, "--out changed")
            self.assertEqual(sorted(os.listdir(mnt)), ["filler", "out"])
            os.remove(filler)
            self.assertExit(run("run", "--out", out), 0)
