"""vhh factureren --out carries over an invoice PDF and e-invoice that the output directory already
holds, made from the same inputs (issue 15): the file keeps its inode and modification time and the
run's files are byte-identical to a fresh rendering; a changed letterhead (organisation, or the
logo's bytes under the same name) makes every PDF be rendered and written again; a manifest that
records no inputs (an older vhh's) has every document made again."""
import json
import os

import storetest
import vhhtest
from test_render import png


def pdfs(out, ext=".pdf"):
    """Document name -> (inode, mtime in ns, bytes) of the PDFs (or of the `ext` files)."""
    found = {}
    for name in sorted(os.listdir(out)):
        if name.endswith(ext):
            st = os.stat(os.path.join(out, name))
            found[name] = (st.st_ino, st.st_mtime_ns, vhhtest.read_bytes(os.path.join(out, name)))
    return found


class CarryOverTest(storetest.StoreTestCase):
    def setUp(self):
        super().setUp()
        self.url = self.initialised()
        with open(self.path("logo.png"), "wb") as f:
            f.write(png())
        text = vhhtest.zeeland_text()
        self.assertIn("\n  organisatie: Veiligheidshuis Zeeland\n", text)
        self.cfg = self.write_config(text.replace("\n  organisatie:", "\n  logo: logo.png\n  organisatie:", 1))
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2012/14", "--datum", "2012-11-20",
                 "--config", self.cfg, "--database", self.url)

    def bill(self, soort, out):
        return self.vhh("factureren", "--jaar", "2013", "--soort", soort, "--config", self.cfg,
                        "--database", self.url, "--out", out)

    def test_unchanged_invoices_are_carried_over_and_identical_to_a_fresh_rendering(self):
        out = self.path("out")
        self.bill("voorschot", out)
        before = pdfs(out)
        before_xml = pdfs(out, ".xml")
        self.assertEqual((len(before), len(before_xml)), (52, 52))
        self.bill("werkplekhuur", out)  # 13 new; the 52 voorschotnota's are there already
        after = pdfs(out)
        after_xml = pdfs(out, ".xml")
        self.assertEqual((len(after), len(after_xml)), (65, 65))
        for name, (ino, mtime, data) in before.items():
            self.assertEqual(after[name], (ino, mtime, data), name)
        for name, (ino, mtime, data) in before_xml.items():
            self.assertEqual(after_xml[name], (ino, mtime, data), name)
        # A fresh directory gets every invoice rendered: the same bytes, manifest included.
        fresh = self.path("fresh")
        self.bill("werkplekhuur", fresh)
        self.assertEqual(sorted(os.listdir(fresh)), sorted(os.listdir(out)))
        for name in os.listdir(out):
            self.assertEqual(vhhtest.read_bytes(os.path.join(fresh, name)),
                             vhhtest.read_bytes(os.path.join(out, name)), name)

    def assertRewritten(self, before, after):
        self.assertEqual(sorted(after), sorted(before))
        for name in before:
            self.assertNotEqual(after[name][0], before[name][0], name)  # a new file
            self.assertNotEqual(after[name][2], before[name][2], name)  # with other bytes

    def test_a_changed_organisation_rewrites_every_pdf(self):
        out = self.path("out")
        self.bill("voorschot", out)
        before = pdfs(out)
        with open(self.cfg, encoding="utf-8") as f:
            text = f.read()
        with open(self.cfg, "w", encoding="utf-8") as f:
            f.write(text.replace("organisatie: Veiligheidshuis Zeeland", "organisatie: Veiligheidshuis Zeeuws-Vlaanderen"))
        self.bill("voorschot", out)
        self.assertRewritten(before, pdfs(out))

    def test_a_changed_logo_under_the_same_name_rewrites_every_pdf(self):
        out = self.path("out")
        self.bill("voorschot", out)
        before = pdfs(out)
        with open(self.path("logo.png"), "wb") as f:
            f.write(png(width=60, height=20))
        self.bill("voorschot", out)
        self.assertRewritten(before, pdfs(out))

    def test_documents_of_a_manifest_without_their_inputs_are_made_again_with_the_same_bytes(self):
        out = self.path("out")
        self.bill("voorschot", out)
        before = {**pdfs(out), **pdfs(out, ".xml")}
        # An older vhh recorded no render_inputs; its seal covers names, sizes and digests only.
        path = os.path.join(out, "manifest.json")
        manifest = json.loads(vhhtest.read_text(path))
        for f in manifest["files"]:
            self.assertIn("render_inputs", f, f["name"])
            del f["render_inputs"]
        with open(path, "w", encoding="utf-8") as f:
            json.dump(manifest, f)
        self.bill("voorschot", out)
        after = {**pdfs(out), **pdfs(out, ".xml")}
        self.assertEqual(sorted(after), sorted(before))
        for name in before:
            self.assertNotEqual(after[name][0], before[name][0], name)  # a new file
            self.assertEqual(after[name][2], before[name][2], name)     # with the same bytes
