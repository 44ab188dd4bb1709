#!/usr/bin/python3
"""Generates a synthetic national vhh dataset: every Veiligheidshuis region of the country with
its gemeenten, partners, ledger exports and case registrations over several boekjaren, in exactly
the formats users feed vhh, plus one national config (a province config) for the latest boekjaar.

Everything is SYNTHETIC and ILLUSTRATIEF: region names follow the 25 veiligheidsregio's, but the
gemeenten (codes GM9001…, invented names), inwoners, tarieven, partners, ledgers and cases are
generated from --seed. The same arguments always give the same bytes (Python 3 stdlib only).

Layout of --out DIR:
  nederland-<Y>.yaml                     national config: provincie + regios (config, vorig_jaar)
  dataset.json                           what was generated (counts, seed, lines per file)
  <regio>/<jaar>/vhh.yaml                one complete region config per boekjaar
  <regio>/<jaar>/partners.yaml           registry.partners settings (bestand:)
  <regio>/<jaar>/facturatie.yaml         facturatie: section (bestand:), for vhh factureren
  <regio>/<jaar>/jaarverantwoording.yaml report.jaarverantwoording settings (bestand:)
  <regio>/<jaar>/grootboek-<jaar>.csv    ledger export (two layouts, see LAYOUTS)
  <regio>/<jaar>/indicatoren-<jaar>.csv  case registrations, one casus per line

Ledger lines and casus records are spread over all boekjaren (growing a little per year) and over
the regions (by population); a national run for boekjaar Y reads the ledgers of Y and Y-1 (the
latter as grootboek_vorig_jaar) and the casus of Y. dataset.json says how many that is.

Usage: /usr/bin/python3 tools/gen-national/gen_national.py --out DIR [--seed N] [--regions N]
       [--gemeenten N] [--partners N] [--years N] [--last-year Y] [--ledger-lines N]
       [--casus N] [--scale K]
Defaults give the national dataset: 25 regions, 342 gemeenten, ~400 partners, 10 boekjaren
(2015-2024), 1 000 000 ledger lines, 50 000 casus. --regions N scales the defaults of gemeenten,
partners, ledger lines and casus by N/25 (explicit values win); --scale K multiplies the ledger
lines (the tenfold ledger: --scale 10).
"""
import argparse
import json
import math
import os
import random
import sys

# The 25 veiligheidsregio's (names only; every figure below is synthetic).
REGION_NAMES = [
    "Groningen", "Fryslân", "Drenthe", "IJsselland", "Twente", "Noord- en Oost-Gelderland",
    "Gelderland-Midden", "Gelderland-Zuid", "Utrecht", "Noord-Holland-Noord", "Zaanstreek-Waterland",
    "Kennemerland", "Amsterdam-Amstelland", "Gooi en Vechtstreek", "Haaglanden", "Hollands Midden",
    "Rotterdam-Rijnmond", "Zuid-Holland-Zuid", "Zeeland", "Midden- en West-Brabant", "Brabant-Noord",
    "Brabant-Zuidoost", "Limburg-Noord", "Zuid-Limburg", "Flevoland",
]
NATIONAL = {"regions": 25, "gemeenten": 342, "partners": 400, "ledger_lines": 1_000_000, "casus": 50_000}

# Invented place names: prefix + stem + suffix, made unique with a roman-ish numeral if needed.
NAME_PREFIX = ["", "", "", "Oost", "West", "Noord", "Zuid", "Nieuw", "Oud", "Groot", "Klein", "Hoog", "Laag"]
NAME_STEM = ["wold", "veen", "horst", "broek", "hout", "zand", "dijk", "berg", "rode", "hem", "lo", "beek",
             "meer", "stein", "wijk", "hove", "burg", "kerk", "dal", "mond", "haven", "veld", "weide", "donk"]
NAME_SUFFIX = ["", "", "erland", "ingen", "um", "ega", "eren", "stede", "ermeer", "endam", "ingerland"]

# Partner templates: (id, naam, domein, ring, gehuisvest usually, rol).
PARTNERS = [
    ("gemeenten", "Gemeenten van de regio", "gemeente", "kern", False, "regie en opdrachtgever"),
    ("om", "Openbaar Ministerie", "justitie", "kern", True, "ZSM"),
    ("politie", "Politie", "politie", "kern", True, "opsporing en wijkzorg"),
    ("veilig-thuis", "Veilig Thuis", "zorg", "kern", True, "huiselijk geweld en kindermishandeling"),
    ("rvdk", "Raad voor de Kinderbescherming", "justitie", "sleutelpartner", True, "ZSM"),
    ("reclassering", "Reclassering Nederland", "justitie", "sleutelpartner", True, "3RO"),
    ("svg", "Stichting Verslavingsreclassering GGZ", "justitie", "sleutelpartner", True, "3RO"),
    ("ldh-jr", "Leger des Heils Jeugdbescherming & Reclassering", "justitie", "sleutelpartner", True, "3RO en jeugdreclassering"),
    ("halt", "Bureau Halt", "justitie", "sleutelpartner", True, "jeugd"),
    ("dji", "Dienst Justitiële Inrichtingen", "justitie", "sleutelpartner", False, "nazorg ex-gedetineerden"),
    ("ggz", "GGZ-instelling", "zorg", "sleutelpartner", True, "forensische zorg"),
    ("slachtofferhulp", "Slachtofferhulp Nederland", "zorg", "sleutelpartner", True, "slachtoffers"),
    ("jeugdbescherming", "Gecertificeerde instelling jeugdbescherming", "zorg", "sleutelpartner", True, "jeugd"),
    ("wijkteams", "Sociale wijkteams", "gemeente", "sleutelpartner", False, "lokale zorg"),
    ("leerplicht", "Leerplicht en RMC", "onderwijs", "flexibele schil", False, "onderwijs"),
    ("woningcorporaties", "Woningcorporaties", "wonen", "flexibele schil", False, "wonen"),
    ("uwv", "UWV", "overig", "flexibele schil", False, "werk en inkomen"),
    ("mee", "MEE", "zorg", "flexibele schil", False, "cliëntondersteuning"),
    ("maatschappelijk-werk", "Maatschappelijk werk", "zorg", "flexibele schil", False, "hulpverlening"),
    ("schuldhulp", "Schuldhulpverlening", "gemeente", "flexibele schil", False, "schulden"),
    ("ggd", "GGD", "zorg", "flexibele schil", False, "publieke gezondheid"),
    ("kmar", "Koninklijke Marechaussee", "politie", "flexibele schil", False, "mensenhandel"),
]

THEMAS = ["COM-casus", "huiselijk geweld", "radicalisering", "nazorg ex-gedetineerden", "jeugd",
          "mensenhandel", "onbegrepen gedrag"]

# Two ledger layouts, as real exports differ: the default column names (Zeeland-like, baten positive)
# and a Twente-like export with its own column names and baten (credit) negative.
LAYOUTS = {
    "standaard": {
        "importer": "importer.csv-nl",
        "header": "Boekstuk;Datum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag",
        "kolommen": {},
        "baten_negatief": False,
        "posts": {  # post: [(kostenplaats, rekening, omschrijving)]
            "PERS-DIR": [("110", "4000", "Salaris directeur"), ("110", "4010", "Sociale lasten directeur")],
            "PERS-PR": [("120", "4000", "Salaris procesregisseurs"), ("120", "4010", "Sociale lasten procesregie")],
            "PERS-ADM": [("130", "4000", "Salaris administratie"), ("130", "4010", "Sociale lasten administratie")],
            "PERS-OV": [("110", "4090", "Opleiding"), ("120", "4091", "Reiskosten"), ("130", "4092", "Inhuur")],
            "HUIS": [("200", "4200", "Huur; bedrijfsverzamelgebouw"), ("200", "4210", "Energie"), ("200", "4220", "Schoonmaak")],
            "ICT": [("300", "4300", "Licenties casusregistratie"), ("300", "4310", "Netwerk en beheer")],
            "PROJ": [("400", "4400", "Project informatieplein"), ("400", "4410", "Project nazorg")],
            "OV": [("900", "4900", "Accountantscontrole"), ("900", "4910", "Verzekeringen"), ("900", "4920", "Bestuurskosten")],
            "OVB": [("800", "8100", "Bijdrage derden"), ("800", "8200", "Subsidie provincie")],
        },
        "toewijzing": [("", "409*", "PERS-OV"), ("110", "", "PERS-DIR"), ("120", "", "PERS-PR"),
                       ("130", "", "PERS-ADM"), ("200", "", "HUIS"), ("300", "", "ICT"), ("400", "", "PROJ"),
                       ("800", "8*", "OVB"), ("900", "", "OV")],
    },
    "twente": {
        "importer": "importer.csv-nl",
        "header": "Boekdatum;Kpl;Rekening;Omschrijving;Bedrag EUR",
        "kolommen": {"kolom_datum": "Boekdatum", "kolom_kostenplaats": "Kpl", "kolom_rekening": "Rekening",
                     "kolom_bedrag": "Bedrag EUR"},
        "baten_negatief": True,
        "posts": {
            "PERS-DIR": [("ZVH01", "4000", "Salaris en sociale lasten directeur")],
            "PERS-PR": [("ZVH02", "4000", "Salaris en sociale lasten procesregie")],
            "PERS-ADM": [("ZVH03", "4000", "Salaris en sociale lasten administratie")],
            "PERS-OV": [("ZVH04", "4090", "Opleiding en reiskosten")],
            "HUIS": [("ZVH10", "4200", "Huur en servicekosten")],
            "ICT": [("ZVH20", "4300", "ICT en informatiedeling (AVE)")],
            "PROJ": [("ZVH30", "4400", "Platform Zorg en Veiligheid")],
            "OV": [("ZVH90", "4900", "Overige lasten")],
            "OVB": [("ZVH80", "8100", "Bijdrage DJI")],
        },
        "toewijzing": [("ZVH01", "", "PERS-DIR"), ("ZVH02", "", "PERS-PR"), ("ZVH03", "", "PERS-ADM"),
                       ("ZVH04", "", "PERS-OV"), ("ZVH10", "", "HUIS"), ("ZVH20", "", "ICT"),
                       ("ZVH30", "", "PROJ"), ("ZVH80", "8*", "OVB"), ("ZVH90", "", "OV")],
    },
}
# A third export: ',' separated, ISO dates, separate Debet and Credit columns (importer.debet-credit);
# its amounts are debet - credit, so baten (credit) come out negative. Same accounts as "standaard".
LAYOUTS["debet-credit"] = dict(LAYOUTS["standaard"], importer="importer.debet-credit",
                               header="Datum,Kostenplaats,Grootboekrekening,Omschrijving,Debet,Credit",
                               baten_negatief=True)

# Lasten posten: (code, naam, categorie, programma, fte, share of the lasten budget, share of the lines).
LASTEN = [
    ("PERS-DIR", "Personeel: directeur", "personeel", "P1", "1.0", 0.11, 0.08),
    ("PERS-PR", "Personeel: procesregie", "personeel", "P1", None, 0.30, 0.20),
    ("PERS-ADM", "Personeel: administratie", "personeel", "P1", None, 0.09, 0.10),
    ("PERS-OV", "Overige personeelskosten", "personeel", "P1", None, 0.03, 0.10),
    ("HUIS", "Huisvesting", "huisvesting", "P1", None, 0.22, 0.17),
    ("ICT", "ICT en casusregistratie", "ict", "P1", None, 0.10, 0.12),
    ("PROJ", "Projecten", "projecten", "P2", None, 0.09, 0.08),
    ("OV", "Overige lasten", "overige_lasten", "P1", None, 0.06, 0.10),
]
OVB_LINE_SHARE = 0.05  # share of the ledger lines that are overige baten (OVB)


def q(text):
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def euros(cents):
    """Cents as a YAML amount with a decimal point: 123456 -> 1234.56."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def amount_nl(cents):
    """Cents in Dutch notation: -123456 -> -1.234,56."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100:,}".replace(",", ".") + f",{cents % 100:02d}"


def slug(text):
    out = []
    for ch in text.lower().replace("â", "a"):
        out.append(ch if ch.isalnum() else "-")
    s = "".join(out)
    while "--" in s:
        s = s.replace("--", "-")
    return s.strip("-")


def split_integer(total, weights):
    """Splits `total` into integer parts proportional to `weights` (largest remainder), sum exact."""
    wsum = sum(weights)
    exact = [total * w / wsum for w in weights]
    parts = [int(math.floor(e)) for e in exact]
    rest = total - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[:rest]:
        parts[i] += 1
    return parts


def days_of_year(year):
    """Every day of `year` as dd-mm-jjjj."""
    out = []
    for m, n in enumerate([31, 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28,
                           31, 30, 31, 30, 31, 31, 30, 31, 30, 31], start=1):
        out.extend(f"{d:02d}-{m:02d}-{year}" for d in range(1, n + 1))
    return out


class Generator:
    def __init__(self, args):
        self.args = args
        self.seed = args.seed
        self.years = list(range(args.last_year - args.years + 1, args.last_year + 1))
        self.summary = {"seed": args.seed, "regions": [], "years": self.years, "files": {}}

    def rng(self, *parts):
        return random.Random(":".join(str(p) for p in (self.seed,) + parts))

    # --- the country ------------------------------------------------------------------------------
    def make_gemeenten(self):
        r = self.rng("gemeenten")
        n = self.args.gemeenten
        # A realistic, heavy-tailed size distribution: log-normal with a median of ~30 000 inwoners,
        # clipped to the Dutch range (smallest ~1 000), with the four big cities (~930 000 down to
        # ~370 000) on top when the country is large enough: 342 gemeenten give ~17 million.
        sizes = [int(min(450_000, max(950, r.lognormvariate(math.log(30_000), 0.9)))) for _ in range(n)]
        big = [931_000, 664_000, 559_000, 374_000]
        for i, b in enumerate(big[: max(0, min(len(big), n // 40))]):
            sizes[i] = b
        names, used = [], set()
        for i in range(n):
            for attempt in range(1000):
                p = r.choice(NAME_PREFIX)
                stem = r.choice(NAME_STEM)
                suf = r.choice(NAME_SUFFIX)
                core = (stem + suf).capitalize() if not p else p + (stem + suf)
                name = core if attempt < 20 else f"{core} {attempt}"
                if name not in used:
                    used.add(name)
                    names.append(name)
                    break
        gemeenten = [{"code": f"GM{9001 + i:04d}", "naam": names[i], "basis": sizes[i],
                      "groei": r.uniform(-0.004, 0.011)} for i in range(n)]
        return gemeenten

    def make_regions(self, gemeenten):
        r = self.rng("regions")
        nreg = self.args.regions
        if nreg > len(REGION_NAMES) * 4:
            sys.exit("gen_national: at most 100 regions")
        names = [REGION_NAMES[i % len(REGION_NAMES)] + ("" if i < len(REGION_NAMES) else f" {i // len(REGION_NAMES) + 1}")
                 for i in range(nreg)]
        if len(gemeenten) < nreg:
            sys.exit("gen_national: need at least one gemeente per region")
        # Region sizes vary (real ones: 6 to 30 gemeenten).
        counts = split_integer(len(gemeenten) - nreg, [r.uniform(0.4, 1.8) for _ in range(nreg)])
        counts = [c + 1 for c in counts]
        order = list(range(len(gemeenten)))
        r.shuffle(order)
        regions, k = [], 0
        for i, name in enumerate(names):
            members = sorted(order[k:k + counts[i]])
            k += counts[i]
            regions.append({"index": i, "id": slug(name), "naam": f"Veiligheidshuis {name} (synthetisch)",
                            "gemeenten": [gemeenten[j] for j in members]})
        return regions

    def inwoners(self, g, year):
        return max(1, int(round(g["basis"] * (1 + g["groei"]) ** (year - self.years[0]))))

    # --- per region: fixed choices over the years ---------------------------------------------------
    def region_profile(self, reg):
        r = self.rng("profile", reg["id"])
        pop = sum(self.inwoners(g, self.years[0]) for g in reg["gemeenten"])
        i = reg["index"]
        prof = {
            "sleutel": ["per_inwoner", "pro_rata", "vast_plus_inwoner", "vaste_bedragen", "per_inwoner"][i % 5],
            "afronding": "euro" if i % 7 == 3 else "cent",
            "tarief_cents": r.randint(28, 95),
            "indexatie": {y: r.choice([0.8, 1.2, 1.5, 1.8, 2.0, 2.5, 3.1]) for y in self.years[1:]},
            "vast_cents": r.randint(5, 25) * 100_000,
            "rijks_cents": min(900_000_000, int(pop * r.uniform(0.45, 0.9)) * 100 // 100 * 100),
            "werkplek_cents": r.randint(40, 60) * 10_000,
            "layout": "twente" if i % 4 == 1 else "debet-credit" if i % 4 == 3 else "standaard",
            "centrum": max(reg["gemeenten"], key=lambda g: g["basis"])["code"],
            "locaties": i % 6 == 2 and len(reg["gemeenten"]) >= 4,
            "lasten_per_inwoner_cents": r.randint(90, 160),
        }
        return prof

    def assign_partners(self, regions):
        """About args.partners partners over the regions: every region the kern, then more by size."""
        total = self.args.partners
        kern = [p for p in PARTNERS if p[3] == "kern"]
        rest = [p for p in PARTNERS if p[3] != "kern"]
        base = len(kern)
        extra_total = max(0, total - base * len(regions))
        weights = [len(reg["gemeenten"]) + 8 for reg in regions]
        extra = split_integer(extra_total, weights)
        for reg, e in zip(regions, extra):
            r = self.rng("partners", reg["id"])
            chosen = list(kern) + r.sample(rest, min(len(rest), e))
            # registry order: kern, sleutelpartner, flexibele schil
            ring_order = {"kern": 0, "sleutelpartner": 1, "flexibele schil": 2}
            chosen.sort(key=lambda p: (ring_order[p[3]], PARTNERS.index(p)))
            plist = []
            for p in chosen:
                housed = p[4]
                plist.append({
                    "id": p[0], "naam": p[1], "domein": p[2], "ring": p[3], "rol": p[5], "gehuisvest": housed,
                    "werkplekken": r.randint(1, 6) if housed else 0,
                    "start_year": r.choice(self.years[: max(1, len(self.years) // 2)]),
                    "start_month": r.choice([1, 1, 1, 1, 4, 7, 10]),
                    "convenant_year": self.years[0] - r.randint(1, 6),
                    "subset": (r.random() < 0.15 and len(reg["gemeenten"]) > 3),
                })
            reg["partners"] = plist

    # --- one region, one year ---------------------------------------------------------------------
    def write_region_year(self, reg, prof, year, ledger_lines, casus):
        d = os.path.join(self.args.out, reg["id"], str(year))
        os.makedirs(d, exist_ok=True)
        r = self.rng("year", reg["id"], year)
        gem = [(g["code"], g["naam"], self.inwoners(g, year)) for g in reg["gemeenten"]]
        pop = sum(x[2] for x in gem)
        layout = LAYOUTS[prof["layout"]]

        # --- financing settings and the baten they will give (approximately: for the begroting) ---
        fin, gem_baten = self.financing(prof, gem, year, r)
        housed = [p for p in reg["partners"] if p["gehuisvest"] and p["start_year"] <= year]
        werkplek_maanden = 0
        for p in housed:
            months = 12 - (p["start_month"] - 1 if p["start_year"] == year else 0)
            werkplek_maanden += p["werkplekken"] * months
        werk_baten = werkplek_maanden * prof["werkplek_cents"] // 12
        rijks = prof["rijks_cents"]

        # --- ledger -----------------------------------------------------------------------------------
        lasten_budget = pop * prof["lasten_per_inwoner_cents"] * (1 + 0.02 * (year - self.years[0]))
        lines_per_post = split_integer(ledger_lines, [x[6] for x in LASTEN] + [OVB_LINE_SHARE])
        days = days_of_year(year)
        out = [layout["header"]]
        sums = {}
        boekstuk = 0
        posts = [x[0] for x in LASTEN] + ["OVB"]
        budgets = [int(lasten_budget * x[5]) for x in LASTEN] + [int(lasten_budget * 0.04)]
        for post, n, budget in zip(posts, lines_per_post, budgets):
            if n == 0:
                continue
            accounts = layout["posts"][post]
            mean = max(1, budget // n)
            total = 0
            baten = post == "OVB"
            for k in range(n):
                kp, rek, oms = accounts[k % len(accounts)]
                cents = max(1, int(mean * r.uniform(0.6, 1.4)))
                if not baten and k % 97 == 13:
                    cents = -max(1, cents // 5)  # a creditnota
                    oms_k = "Creditnota " + oms.lower()
                else:
                    oms_k = oms
                total += cents
                written = -cents if (baten and layout["baten_negatief"]) else cents
                day = days[(k * 7919 + r.randrange(len(days))) % len(days)]
                oms_k = f"{oms_k} {k % 12 + 1}/12"
                if prof["layout"] == "debet-credit":
                    if "," in oms_k or ";" in oms_k:
                        oms_k = '"' + oms_k + '"'
                    dc = f"{euros(written)}," if written >= 0 else f",{euros(-written)}"
                    out.append(f"{day[6:]}-{day[3:5]}-{day[:2]},{kp},{rek},{oms_k},{dc}")
                    continue
                if ";" in oms_k:
                    oms_k = '"' + oms_k + '"'
                if prof["layout"] == "standaard":
                    boekstuk += 1
                    out.append(f"{year}-{boekstuk:06d};{day};{kp};{rek};{oms_k};{amount_nl(written)}")
                else:
                    out.append(f"{day};{kp};{rek};{oms_k};{amount_nl(written)}")
            sums[post] = total
        ledger_name = f"grootboek-{year}.csv"
        with open(os.path.join(d, ledger_name), "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(out) + "\n")
        del out

        # --- casus ------------------------------------------------------------------------------------
        themas = THEMAS[: 4 + reg["index"] % 4]
        weights = [x[2] for x in gem]
        codes = [x[0] for x in gem]
        rows = ["Thema;Gemeente;AVE-niveau;Aantal"]
        chosen = r.choices(codes, weights=weights, k=casus)
        for k in range(casus):
            rows.append(f"{themas[k % len(themas)]};{chosen[k]};{1 + (k * 31 + r.randrange(4)) % 4};1")
        ind_name = f"indicatoren-{year}.csv"
        with open(os.path.join(d, ind_name), "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(rows) + "\n")

        # --- YAML files -------------------------------------------------------------------------------
        self.write_vhh_yaml(d, reg, prof, year, gem, fin)
        self.write_partners_yaml(d, reg, year, gem)
        self.write_facturatie_yaml(d, reg, prof, gem)
        self.write_jaarverantwoording(d, reg, prof, year, layout, sums, rijks, gem_baten, werk_baten,
                                      themas, has_prior=year > self.years[0])
        rel = os.path.relpath(d, self.args.out)
        self.summary["files"][rel] = {"ledger_lines": ledger_lines, "casus": casus, "gemeenten": len(gem),
                                      "inwoners": pop}
        return sums

    def financing(self, prof, gem, year, r):
        """The financing.inwonerbijdrage settings (YAML lines) and the expected gemeentelijke baten."""
        pop = sum(x[2] for x in gem)
        sleutel = prof["sleutel"]
        lines = ["  - name: financing.inwonerbijdrage", f"    sleutel: {sleutel}"]
        tarief = prof["tarief_cents"]
        indexed = tarief
        for y in self.years[1:]:
            if y <= year:
                indexed = round(indexed * (1 + prof["indexatie"][y] / 100))
        euro = prof["afronding"] == "euro"
        if sleutel == "per_inwoner":
            lines.append(f"    tarief: {euros(tarief)}           # synthetisch")
            if year > self.years[0]:
                lines.append(f"    basisjaar: {self.years[0]}")
                lines.append("    indexatie:")
                for y in self.years[1:]:
                    if y <= year:
                        lines.append(f"      - {{jaar: {y}, percentage: {prof['indexatie'][y]}}}")
            expected = pop * indexed
        elif sleutel == "pro_rata":
            totaal = pop * indexed // 100 * 100
            lines.append(f"    totaal: {euros(totaal)}")
            expected = totaal
        elif sleutel == "vast_plus_inwoner":
            vast = prof["vast_cents"] // 100 * 100
            lines.append(f"    vast_per_gemeente: {euros(vast)}")
            lines.append(f"    tarief: {euros(tarief)}")
            expected = vast * len(gem) + pop * tarief
        else:  # vaste_bedragen
            totaal = pop * indexed // 100 * 100
            fixed = gem[: min(2, len(gem) - 1)] if len(gem) > 1 else []
            lines.append(f"    totaal: {euros(totaal)}")
            if fixed:
                lines.append("    vaste_bedragen:")
                for code, naam, inw in fixed:
                    bedrag = inw * indexed * 9 // 10 // 100 * 100
                    lines.append(f"      - {{gemeente: {code}, bedrag: {euros(bedrag)}}}   # {naam}")
            else:
                lines[1] = "    sleutel: pro_rata"
            expected = totaal
        if euro:
            lines.append("    afronding: euro")
        return lines, expected

    def write_vhh_yaml(self, d, reg, prof, year, gem, fin):
        L = [
            f"# {reg['naam']} — boekjaar {year}.",
            f"# SYNTHETISCH / ILLUSTRATIEF: generated by tools/gen-national/gen_national.py (seed {self.seed})",
            "# for benchmarks and scale tests. The gemeenten (codes GM9xxx), inwoners, tarieven, partners,",
            "# ledger and casus are invented; only the region name is real.",
            "",
            "regio:",
            f"  id: {reg['id']}",
            f"  naam: {q(reg['naam'])}",
            f"  boekjaar: {year}",
            f"  centrumgemeente: {prof['centrum']}",
            "",
            "bevolking:",
            f"  peildatum: {year}-01-01",
            f"  bron: {q('synthetisch (gen-national seed ' + str(self.seed) + '), illustratief')}",
            "  indicatief: true",
            "",
            "gemeenten:",
        ]
        for code, naam, inw in gem:
            L.append(f"  - {{code: {code}, naam: {q(naam)}, inwoners: {inw}, bron: synthetisch}}")
        L += ["", "facturatie: {bestand: facturatie.yaml}   # vhh factureren (synthetisch)", "", "plugins:"]
        L += fin
        L.append("  - name: financing.rijksbijdrage")
        L.append(f"    bedrag: {euros(prof['rijks_cents'])}        # synthetisch")
        if prof["locaties"]:
            L.append("    locaties:")
            L.append("      - {naam: Hoofdlocatie, gewicht: 3}")
            L.append("      - {naam: Nevenlocatie, gewicht: 1}")
        L.append("  - name: financing.werkplekhuur")
        if reg["index"] % 3 == 0:
            L.append("    tarieven:")
            L.append(f"      - {{jaar: {year}, tarief: {euros(prof['werkplek_cents'])}}}")
        else:
            L.append(f"    tarief: {euros(prof['werkplek_cents'])}")
        L.append("  - name: registry.partners")
        L.append("    bestand: partners.yaml")
        layout = LAYOUTS[prof["layout"]]
        L.append(f"  - name: {layout['importer']}")
        for k, v in layout["kolommen"].items():
            L.append(f"    {k}: {q(v)}")
        L.append("  - name: report.jaarverantwoording")
        L.append("    bestand: jaarverantwoording.yaml")
        L.append("  - name: report.bijdragen")
        with open(os.path.join(d, "vhh.yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(L) + "\n")

    def write_facturatie_yaml(self, d, reg, prof, gem):
        """Who bills (the centrumgemeente), who is billed (every gemeente by an OIN made from its code,
        every housed partner by a KvK number), voorschotnota's per kwartaal. All synthetic."""
        def oin(code_digits):
            return "00000001" + code_digits.rjust(8, "0") + "0000"

        def iban(bank, account):
            digits = "".join(str(int(c, 36)) for c in bank + account + "NL00")
            return f"NL{98 - int(digits) % 97:02d}{bank}{account}"

        centrum = prof["centrum"]
        L = [f"# Facturatie of {reg['naam']}. SYNTHETISCH / ILLUSTRATIEF (gen-national): every OIN, KvK number,",
             "# IBAN and address is invented.", "illustratief: true", "termijnen: kwartaal", "betaaltermijn_dagen: 30",
             "werkplekhuur_btw: vrijgesteld", "", "leverancier:",
             f"  naam: {q('Centrumgemeente van ' + reg['naam'])}",
             f"  oin: \"{oin(centrum[2:])}\"",
             f"  btw_nummer: NL00{centrum[2:]}0000B01",
             "  straat: Postbus 1", "  postcode: 1000 AA", "  plaats: Utrecht",
             f"  iban: {iban('BNGH', str(285000000 + reg['index']).rjust(10, '0'))}",
             "  bic: BNGHNL2G", f"  email: facturen@{reg['id']}.example", "", "debiteuren:"]
        for k, (code, naam, _) in enumerate(gem):
            L.append(f"  - {{id: {code}, oin: \"{oin(code[2:])}\", straat: Postbus {100 + k}, postcode: 1000 AB, "
                     f"plaats: {q(naam)}}}")
        for k, p in enumerate(x for x in reg["partners"] if x["gehuisvest"]):
            L.append(f"  - {{id: {p['id']}, kvk: \"{90000000 + reg['index'] * 100 + k}\", straat: Postbus {500 + k}, "
                     f"postcode: 1000 AC, plaats: Utrecht}}")
        with open(os.path.join(d, "facturatie.yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(L) + "\n")

    def write_partners_yaml(self, d, reg, year, gem):
        L = [f"# registry.partners — {reg['naam']}, boekjaar {year}. SYNTHETISCH / ILLUSTRATIEF.",
             f"bron: {q('synthetisch (gen-national), illustratief')}", "illustratief: true", "", "partners:"]
        for p in reg["partners"]:
            L.append(f"  - id: {p['id']}")
            L.append(f"    naam: {q(p['naam'])}")
            L.append(f"    domein: {p['domein']}")
            L.append(f"    ring: {p['ring']}")
            L.append(f"    rol: {q(p['rol'])}")
            if p["gehuisvest"]:
                L.append("    gehuisvest: true")
                if p["start_year"] <= year:
                    van = f"{p['start_year']}-{p['start_month']:02d}-01"
                    L.append(f"    werkplekken: [{{aantal: {p['werkplekken']}, van: {van}}}]")
                L.append(f"    convenant: [{{datum: {p['convenant_year']}-01-01, versie: illustratief}}]")
            if p["subset"]:
                codes = [g[0] for g in gem[: max(1, len(gem) * 2 // 3)]]
                L.append(f"    gemeenten: [{', '.join(codes)}]")
            L.append("    bron: synthetisch")
        with open(os.path.join(d, "partners.yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(L) + "\n")

    def write_jaarverantwoording(self, d, reg, prof, year, layout, sums, rijks, gem_baten, werk_baten,
                                 themas, has_prior):
        r = self.rng("begroting", reg["id"], year)

        def begroting(cents):
            # Within ±3 % of the realisatie, in whole hundreds of euros: below the 5 % drempel.
            return max(0, int(round(cents * r.uniform(0.97, 1.03) / 10000.0)) * 10000)

        L = [f"# report.jaarverantwoording — {reg['naam']}, boekjaar {year}.",
             "# SYNTHETISCH / ILLUSTRATIEF: every figure, the ledger and the casus are generated.",
             "illustratief: true",
             "opmerking: \"Alle bedragen en aantallen zijn synthetisch (gen-national), voor benchmarks en schaaltests.\"",
             f"vergadering_algemeen_bestuur: {year + 1}-07-03",
             "", "programmas:",
             "  - {code: P1, naam: \"Procesregie complexe casuïstiek\", bereiken: \"Minder recidive en overlast.\", "
             "gedaan: \"Casusoverleggen en procesregie.\", bron: synthetisch}",
             "  - {code: P2, naam: \"Projecten\", bereiken: \"Betere informatiedeling.\", "
             "gedaan: \"Projecten uitgevoerd.\", bron: synthetisch}",
             "", "posten:"]
        L.append(f"  - {{code: RIJK, naam: Rijksbijdrage, soort: baten, categorie: rijksbijdrage, "
                 f"begroting_primitief: {euros(rijks)}, lijnen: [rijksbijdrage], bron: synthetisch}}")
        L.append(f"  - {{code: GEM, naam: \"Gemeentelijke bijdragen\", soort: baten, categorie: gemeentelijke_bijdragen, "
                 f"begroting_primitief: {euros(begroting(gem_baten))}, lijnen: [inwonerbijdrage], bron: synthetisch}}")
        L.append(f"  - {{code: WERKPLEK, naam: Werkplekhuur, soort: baten, categorie: werkplekhuur, "
                 f"begroting_primitief: {euros(begroting(werk_baten))}, lijnen: [werkplekhuur], bron: synthetisch}}")
        L.append(f"  - {{code: OVB, naam: \"Overige baten (grootboek)\", soort: baten, categorie: overige_baten, "
                 f"programma: P2, begroting_primitief: {euros(begroting(sums.get('OVB', 0)))}, bron: synthetisch}}")
        for code, naam, cat, prog, fte, _, _ in LASTEN:
            extra = f", fte: \"{fte}\"" if fte else ""
            L.append(f"  - {{code: {code}, naam: {q(naam)}, soort: lasten, categorie: {cat}, programma: {prog}{extra}, "
                     f"begroting_primitief: {euros(begroting(sums.get(code, 0)))}, bron: synthetisch}}")
        L += ["", f"grootboek: grootboek-{year}.csv"]
        if has_prior:
            L.append(f"grootboek_vorig_jaar: ../{year - 1}/grootboek-{year - 1}.csv")
        L.append(f"grootboek_bron: {q('grootboekexport ' + str(year) + ' (synthetisch)')}")
        if layout["importer"] != "importer.csv-nl":
            L.append(f"grootboek_importer: {layout['importer']}")
        if layout["baten_negatief"]:
            L.append("baten_negatief: true")
        L.append("toewijzing:")
        for kp, rek, post in layout["toewijzing"]:
            parts = []
            if kp:
                parts.append(f"kostenplaats: {q(kp)}")
            if rek:
                parts.append(f"rekening: {q(rek)}")
            parts.append(f"post: {post}")
            L.append("  - {" + ", ".join(parts) + "}")
        L += ["", "reserves:",
              f"  - {{code: AR, naam: Algemene reserve, begin: {euros(rijks // 4 // 100 * 100)}}}",
              "risicos:",
              f"  - {{naam: \"Lagere rijksbijdrage\", bedrag: {euros(rijks)}, kans: 10}}",
              "", f"indicatoren: indicatoren-{year}.csv",
              f"indicatoren_bron: {q('casusregistratie ' + str(year) + ' (synthetisch)')}",
              "indicatoren_per_casus: true    # one casus per line",
              "themas: [" + ", ".join(q(t) for t in themas) + "]"]
        with open(os.path.join(d, "jaarverantwoording.yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(L) + "\n")

    # --- everything -------------------------------------------------------------------------------
    def run(self):
        a = self.args
        os.makedirs(a.out, exist_ok=True)
        gemeenten = self.make_gemeenten()
        regions = self.make_regions(gemeenten)
        self.assign_partners(regions)
        # Lines and casus over years (growing 3 % a year) and regions (by population).
        year_w = [1 + 0.03 * i for i in range(len(self.years))]
        ledger_per_year = split_integer(a.ledger_lines, year_w)
        casus_per_year = split_integer(a.casus, year_w)
        for yi, year in enumerate(self.years):
            pops = [sum(self.inwoners(g, year) for g in reg["gemeenten"]) for reg in regions]
            reg_w = [p ** 0.8 for p in pops]
            lines = split_integer(ledger_per_year[yi], reg_w)
            cas = split_integer(casus_per_year[yi], reg_w)
            for reg, n, c in zip(regions, lines, cas):
                prof = reg.setdefault("profile", self.region_profile(reg))
                self.write_region_year(reg, prof, year, n, c)
        last = self.years[-1]
        L = ["# National config (a province config over every region): SYNTHETISCH / ILLUSTRATIEF,",
             f"# generated by tools/gen-national/gen_national.py (seed {self.seed}).",
             "provincie:", "  id: nederland", f"  naam: {q('Veiligheidshuizen Nederland (synthetisch)')}",
             f"  boekjaar: {last}", "regios:"]
        for reg in regions:
            L.append(f"  - config: {reg['id']}/{last}/vhh.yaml")
            if len(self.years) > 1:
                L.append(f"    vorig_jaar: {reg['id']}/{last - 1}/vhh.yaml")
        national = os.path.join(a.out, f"nederland-{last}.yaml")
        with open(national, "w", encoding="utf-8") as f:
            f.write("\n".join(L) + "\n")
        files = self.summary["files"]
        run_lines = sum(v["ledger_lines"] for k, v in files.items() if k.endswith(f"/{last}") or
                        k.endswith(f"/{last - 1}"))
        self.summary.update({
            "national_config": os.path.basename(national),
            "boekjaar": last,
            "regions": [{"id": reg["id"], "naam": reg["naam"], "gemeenten": len(reg["gemeenten"]),
                         "partners": len(reg["partners"]), "sleutel": reg["profile"]["sleutel"],
                         "layout": reg["profile"]["layout"]} for reg in regions],
            "totals": {"regions": len(regions), "gemeenten": len(gemeenten),
                       "partners": sum(len(reg["partners"]) for reg in regions), "years": len(self.years),
                       "ledger_lines": a.ledger_lines, "casus": a.casus,
                       "inwoners": sum(self.inwoners(g, last) for g in gemeenten),
                       "ledger_lines_read_by_national_run": run_lines,
                       "casus_read_by_national_run": sum(v["casus"] for k, v in files.items() if k.endswith(f"/{last}"))},
        })
        with open(os.path.join(a.out, "dataset.json"), "w", encoding="utf-8") as f:
            json.dump(self.summary, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")
        return national


def main(argv=None):
    p = argparse.ArgumentParser(description="Generate a synthetic national vhh dataset (illustratief).")
    p.add_argument("--out", required=True, help="output directory (created; files in it are overwritten)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--regions", type=int, default=NATIONAL["regions"])
    p.add_argument("--gemeenten", type=int, help="default 342 × regions / 25")
    p.add_argument("--partners", type=int, help="default 400 × regions / 25")
    p.add_argument("--years", type=int, default=10, help="number of boekjaren (default 10)")
    p.add_argument("--last-year", type=int, default=2024, help="the latest boekjaar (default 2024)")
    p.add_argument("--ledger-lines", type=int, help="ledger lines over all years; default 1 000 000 × regions / 25")
    p.add_argument("--casus", type=int, help="casus records over all years; default 50 000 × regions / 25")
    p.add_argument("--scale", type=int, default=1, help="multiply the ledger lines (10: the tenfold ledger)")
    a = p.parse_args(argv)
    f = a.regions / NATIONAL["regions"]
    if a.regions < 1 or a.years < 1 or a.scale < 1:
        p.error("--regions, --years and --scale must be at least 1")
    if a.gemeenten is None:
        a.gemeenten = max(a.regions, round(NATIONAL["gemeenten"] * f))
    if a.partners is None:
        a.partners = round(NATIONAL["partners"] * f)
    if a.ledger_lines is None:
        a.ledger_lines = round(NATIONAL["ledger_lines"] * f)
    if a.casus is None:
        a.casus = round(NATIONAL["casus"] * f)
    a.ledger_lines *= a.scale
    national = Generator(a).run()
    print(national)


if __name__ == "__main__":
    main()
