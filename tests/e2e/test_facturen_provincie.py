"""vhh factureren on a province config (issue 15): every region of it billed in one process and one
transaction — all of them or none —, the documents of each under DIR/<region id>/ with one
manifest, byte-identical to billing each region on its own; a second run bills nothing and carries
every document over. E-invoices checked by the independent reader (tests/tools/check_ubl.py)."""
import json
import os

import storetest
import vhhtest
from test_facturen import read_ubl

PROVINCE = "provincie:\n  id: zld\n  naam: Zeeland\n  boekjaar: 2013\nregios:\n{regios}"


def files_below(out):
    """Relative path -> (inode, bytes) of every file below `out`."""
    found = {}
    for root, _, names in os.walk(out):
        for name in names:
            path = os.path.join(root, name)
            found[os.path.relpath(path, out)] = (os.stat(path).st_ino, vhhtest.read_bytes(path))
    return found


class FacturenProvincieTest(storetest.StoreTestCase):
    def setUp(self):
        super().setUp()
        self.url = self.initialised()
        self.regions = []
        for i in range(3):
            self.regions.append(self.zeeland_with("id: zeeland", "id: zeeland-%d" % i, name="vhh-%d.yaml" % i))
        self.cfg = self.province([0, 1])

    def province(self, which, name="provincie.yaml"):
        regios = "".join("  - config: vhh-%d.yaml\n" % i for i in which)
        return self.written(name, PROVINCE.format(regios=regios))

    def adopt(self, cfg, url=None):
        self.vhh("vaststellen", "begroting", "--jaar", "2013", "--besluit", "AB 2012/14", "--datum", "2012-11-20",
                 "--config", cfg, "--database", url or self.url)

    def bill(self, soort, cfg, out=None, expect=0, url=None):
        return self.vhh("factureren", "--jaar", "2013", "--soort", soort, "--config", cfg,
                        "--database", url or self.url, *(["--out", out] if out else []), expect=expect)

    def facturen(self, region):
        r = self.vhh("facturen", "--config", self.regions[region], "--database", self.url, "--format", "json")
        return json.loads(r.stdout)["facturen"]

    def test_every_region_is_billed_as_on_its_own(self):
        self.adopt(self.cfg)
        out = self.path("out")
        r = self.bill("voorschot", self.cfg, out)
        self.assertIn("vhh: 104 new, 0 already billed in 2 regions; documents in", r.stdout)
        self.assertIn("vhh: zeeland-0: factuur 2013-00001 voorschot Q1 ", r.stdout)
        self.assertIn("vhh: zeeland-1: factuur 2013-00052 voorschot Q4 ", r.stdout)
        # Numbered per region and year, as billing each region on its own does.
        for region in (0, 1):
            self.assertEqual([f["nummer"] for f in self.facturen(region)], ["2013-%05d" % n for n in range(1, 53)])
        files = files_below(out)
        self.assertEqual(len(files), 2 * 104 + 1)
        manifest = json.loads(files["manifest.json"][1])
        self.assertEqual((manifest["region"], manifest["regions"]), ("zld", ["zeeland-0", "zeeland-1"]))
        self.assertEqual(sorted(f["name"] for f in manifest["files"]), sorted(n for n in files if n != "manifest.json"))
        for f in manifest["files"]:
            self.assertRegex(f["render_inputs"], "^[0-9a-f]{64}$", f["name"])
        ubl = read_ubl(sorted(os.path.join(out, n) for n in files if n.endswith(".xml")))
        for name, result in ubl.items():
            self.assertEqual(result["errors"], [], name)
        # Byte-identical to one region billed on its own (another store, its own config).
        alone_url = self.initialised()
        self.adopt(self.regions[1], url=alone_url)
        alone = self.path("alone")
        self.bill("voorschot", self.regions[1], alone, url=alone_url)
        alone_files = files_below(alone)
        self.assertEqual(len(alone_files), 105)
        for name, (_, data) in alone_files.items():
            if name != "manifest.json":
                self.assertEqual(files["zeeland-1/" + name][1], data, name)

    def test_billing_again_bills_nothing_and_carries_every_document_over(self):
        self.adopt(self.cfg)
        out = self.path("out")
        self.bill("voorschot", self.cfg, out)
        before = files_below(out)
        r = self.bill("voorschot", self.cfg, out)
        self.assertIn("vhh: 0 new, 104 already billed in 2 regions", r.stdout)
        self.assertIn("vhh: zeeland-1: already billed: voorschot Q1 ", r.stdout)
        after = files_below(out)
        self.assertEqual(sorted(after), sorted(before))
        for name, (ino, data) in before.items():
            self.assertEqual(after[name][1], data, name)
            if name != "manifest.json":
                self.assertEqual(after[name][0], ino, name)  # the same file, linked into the new set

    def test_a_region_that_cannot_be_billed_bills_no_region(self):
        self.adopt(self.cfg)  # zeeland-0 and zeeland-1; zeeland-2 has no vastgestelde begroting
        out = self.path("out")
        self.bill("voorschot", self.cfg, out)
        before = files_below(out)
        three = self.province([0, 1, 2], name="provincie-3.yaml")
        r = self.bill("werkplekhuur", three, out, expect=65)
        self.assertIn("no vastgestelde begroting 2013 of zeeland-2", r.stderr)
        for region in (0, 1):
            self.assertEqual({f["soort"] for f in self.facturen(region)}, {"voorschot"})
        self.assertEqual(files_below(out), before)

    def test_errors_in_a_region_config_are_all_shown_and_nothing_is_billed(self):
        self.adopt(self.cfg)
        with open(self.regions[1], encoding="utf-8") as f:
            text = f.read()
        self.written("vhh-1.yaml", text.replace("inwoners: 22551", "inwoners: -5", 1).replace(
            "inwoners: 37050", "inwoners: -6", 1))
        r = self.bill("voorschot", self.cfg, self.path("out"), expect=65)
        self.assertRegex(r.stderr, r"vhh-1\.yaml:\d+:\d+: error: .*inwoners")
        self.assertEqual(len([l for l in r.stderr.splitlines() if ": error: " in l and "inwoners" in l]), 2)
        self.assertIn("nothing was recorded", r.stderr)
        self.assertEqual(self.facturen(0), [])
        self.assertFalse(os.path.exists(self.path("out")))

    def test_a_province_of_another_boekjaar_is_refused(self):
        r = self.vhh("factureren", "--jaar", "2014", "--soort", "voorschot", "--config", self.cfg,
                     "--database", self.url, expect=65)
        self.assertIn("is about boekjaar 2013, not 2014", r.stderr)

    def test_one_and_several_threads_write_the_same_bytes(self):
        outs = []
        for threads in (1, 5):
            url = self.initialised()
            self.adopt(self.cfg, url=url)
            out = self.path("out-%d" % threads)
            self.vhh("factureren", "--jaar", "2013", "--soort", "voorschot", "--config", self.cfg, "--database", url,
                     "--out", out, env={"VHH_RENDER_THREADS": str(threads)})
            outs.append(files_below(out))
        self.assertEqual(sorted(outs[0]), sorted(outs[1]))
        self.assertEqual(len(outs[0]), 209)
        for name in outs[0]:  # manifest.json included
            self.assertEqual(outs[1][name][1], outs[0][name][1], name)
