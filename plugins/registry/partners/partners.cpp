#include "partners.h"

#include <algorithm>
#include <map>

#include "vhh/count_nl.h"
#include "vhh/text.h"

namespace vhh::partners {

namespace {

const vhh_setting_spec kWerkplekFields[] = {
    {"aantal", VHH_SETTING_INTEGER, VHH_SETTING_REQUIRED, nullptr, "1", "10000", "number of werkplekken", nullptr, 0},
    {"van", VHH_SETTING_DATE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "first day of the period", nullptr, 0},
    {"tot", VHH_SETTING_DATE, 0, nullptr, nullptr, nullptr, "last day of the period (inclusive); absent: open-ended",
     nullptr, 0},
};

const vhh_setting_spec kConvenantFields[] = {
    {"datum", VHH_SETTING_DATE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "the day the convenant was signed",
     nullptr, 0},
    {"versie", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "version or name of the convenant",
     nullptr, 0},
};

const vhh_setting_spec kPartnerFields[] = {
    {"id", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "stable id, e.g. om", nullptr, 0},
    {"naam", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "name of the organisation (a role, never a person)", nullptr, 0},
    {"domein", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "justitie, politie, zorg, gemeente, onderwijs, wonen or overig", nullptr, 0},
    {"ring", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "kern, sleutelpartner or flexibele schil", nullptr, 0},
    {"rol", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "what the organisation does in the Veiligheidshuis", nullptr,
     0},
    {"gehuisvest", VHH_SETTING_BOOLEAN, 0, "false", nullptr, nullptr, "true when housed in the building", nullptr, 0},
    {"werkplekken", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr,
     "werkplekken rented over time: aantal from van to tot (inclusive)", kWerkplekFields,
     sizeof kWerkplekFields / sizeof kWerkplekFields[0]},
    {"convenant", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr,
     "the convenanten gegevensdeling signed over time: [{datum, versie}], one entry per version; a boekjaar uses "
     "the latest dated in or before it; absent when there is none", kConvenantFields,
     sizeof kConvenantFields / sizeof kConvenantFields[0]},
    {"gemeenten", VHH_SETTING_GEMEENTEN, 0, nullptr, nullptr, nullptr,
     "CBS codes of the gemeenten it serves; absent or empty: all gemeenten of the region", nullptr, 0},
    {"actief_van", VHH_SETTING_DATE, 0, nullptr, nullptr, nullptr, "active from; absent: always", nullptr, 0},
    {"actief_tot", VHH_SETTING_DATE, 0, nullptr, nullptr, nullptr, "active until (inclusive); absent: open-ended",
     nullptr, 0},
    {"bron", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "where the figures come from, e.g. 'illustratief'", nullptr,
     0},
};

}  // namespace

const vhh_setting_spec kSettings[kSettingCount] = {
    {"partners", VHH_SETTING_LIST, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "the partners of the Veiligheidshuis", kPartnerFields, sizeof kPartnerFields / sizeof kPartnerFields[0]},
    {"bron", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "where the registry's figures come from", nullptr, 0},
    {"illustratief", VHH_SETTING_BOOLEAN, 0, "false", nullptr, nullptr,
     "true when figures (e.g. werkplekken) are illustrative; the documents say so", nullptr, 0},
};

const std::vector<std::string> kDomeinen = {"justitie", "politie", "zorg", "gemeente", "onderwijs", "wonen", "overig"};
const std::vector<std::string> kRingen = {"kern", "sleutelpartner", "flexibele schil"};

namespace {

std::string join(const std::vector<std::string> &items, const std::string &sep) {
    std::string out;
    for (const auto &i : items) out += (out.empty() ? "" : sep) + i;
    return out;
}

std::string lower(std::string s) {
    for (char &c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

/// "allowed: a, b, c", preceded by "did you mean 'b'?" when the value is close to one of them.
std::string allowed_hint(const std::string &value, const std::vector<std::string> &allowed, const std::string &what) {
    std::string normal = lower(value);
    std::replace(normal.begin(), normal.end(), '_', ' ');
    std::replace(normal.begin(), normal.end(), '-', ' ');
    const std::string best = closest(normal, allowed, 2);
    std::string hint = best.empty() ? "" : "did you mean '" + best + "'? ";
    return hint + "allowed " + what + ": " + join(allowed, ", ");
}

std::string where_text(const SourceLocation &w) {
    std::string s = w.file;
    if (w.line > 0) s += ":" + std::to_string(w.line);
    return s;
}

std::string period_text(const WerkplekPeriode &p) {
    return p.van.iso() + " t/m " + (p.tot.valid() ? p.tot.iso() : "open");
}

Date optional_date(const Settings &s, const char *key) { return s.has(key) ? s.date(key) : Date{}; }

/// True when some werkplek period has a day in `year`, or there are no periods at all: a partner
/// that is `gehuisvest` is housed in the boekjaar unless its werkplekken say it was not there.
bool housed_in(const std::vector<WerkplekPeriode> &periods, int year) {
    if (periods.empty()) return true;
    const Date first{year, 1, 1}, last{year, 12, 31};
    for (const auto &wp : periods)
        if (wp.van <= last && (!wp.tot.valid() || first <= wp.tot)) return true;
    return false;
}

/// Reads the partner's convenant history: every entry is a version signed on its datum. The
/// boekjaar uses the latest dated in or before it (later ones are not yet in force, no error).
/// Two entries with one datum are an error (ExitCode::data): which one is in force is unclear.
void read_convenanten(const Settings &r, const std::string &kp, const std::string &who, int year, Partner &p,
                      Diagnostics &diag) {
    if (!r.has("convenant")) return;
    const auto &list = r.list("convenant");
    const Settings *in_force = nullptr;
    for (std::size_t k = 0; k < list.size(); ++k) {
        const Settings &c = list[k];
        if (!c.has("datum") || !c.has("versie")) continue;  // reported by the host
        const Date datum = c.date("datum");
        bool duplicate = false;
        for (std::size_t j = 0; j < k && !duplicate; ++j) {
            if (!list[j].has("datum") || !(list[j].date("datum") == datum)) continue;
            duplicate = true;
            diag.error(ExitCode::data, c.where("datum"), kp + ".convenant[" + std::to_string(k) + "].datum",
                       "two convenanten of " + who + " are dated " + datum.iso() + " (also convenant[" +
                           std::to_string(j) + "] at " + where_text(list[j].where("datum")) + ")",
                       "give each signed version once, with the day it was signed");
        }
        if (duplicate || datum.year > year) continue;  // a later convenant is not yet in force
        if (in_force == nullptr || in_force->date("datum") < datum) in_force = &c;
    }
    if (in_force == nullptr) return;
    p.convenant_datum = in_force->date("datum");
    p.convenant_versie = in_force->text("versie");
}

}  // namespace

std::vector<Partner> read_partners(const Settings &settings, const Region &region, const std::string &key_prefix,
                                   Diagnostics &diag, std::map<std::string, std::string> *rollen) {
    std::vector<Partner> partners;
    if (!settings.has("partners")) return partners;
    const int year = region.boekjaar;
    const std::string list_path = key_prefix.empty() ? "partners" : key_prefix + ".partners";
    const auto &records = settings.list("partners");
    std::map<std::string, std::size_t> first_index;  // id -> index in `partners`
    for (std::size_t i = 0; i < records.size(); ++i) {
        const Settings &r = records[i];
        if (!r.has("id") || !r.has("naam") || !r.has("domein") || !r.has("ring")) continue;  // reported by the host
        Partner p;
        p.id = r.text("id");
        p.naam = r.text("naam");
        p.domein = r.text("domein");
        p.ring = r.text("ring");
        p.gehuisvest = r.has("gehuisvest") && r.boolean("gehuisvest");
        p.where = r.where("id");
        p.key_path = list_path + "[" + std::to_string(i) + "]";
        p.actief_van = optional_date(r, "actief_van");
        p.actief_tot = optional_date(r, "actief_tot");
        const std::string &kp = p.key_path;
        const std::string who = "partner '" + p.id + "'";

        if (std::find(kRingen.begin(), kRingen.end(), p.ring) == kRingen.end())
            diag.error(ExitCode::config, r.where("ring"), kp + ".ring", "unknown ring '" + p.ring + "'",
                       allowed_hint(p.ring, kRingen, "rings"));
        if (std::find(kDomeinen.begin(), kDomeinen.end(), p.domein) == kDomeinen.end())
            diag.error(ExitCode::config, r.where("domein"), kp + ".domein", "unknown domein '" + p.domein + "'",
                       allowed_hint(p.domein, kDomeinen, "domeinen"));

        // Each a gemeente of the region: checked by the host (type GEMEENTEN).
        if (r.has("gemeenten")) p.gemeenten = r.codes("gemeenten");

        if (p.actief_van.valid() && p.actief_tot.valid() && p.actief_tot < p.actief_van)
            diag.error(ExitCode::data, r.where("actief_tot"), kp + ".actief_tot",
                       who + " is active until " + p.actief_tot.iso() + ", before it starts (actief_van " +
                           p.actief_van.iso() + ")");

        std::vector<std::size_t> period_index;  // config index of every period kept in p.werkplekken
        if (r.has("werkplekken")) {
            const auto &periods = r.list("werkplekken");
            for (std::size_t k = 0; k < periods.size(); ++k) {
                const Settings &w = periods[k];
                if (!w.has("aantal") || !w.has("van")) continue;
                WerkplekPeriode wp;
                wp.aantal = w.integer("aantal");
                wp.van = w.date("van");
                wp.tot = optional_date(w, "tot");
                wp.where = w.where("aantal");
                if (wp.tot.valid() && wp.tot < wp.van) {
                    diag.error(ExitCode::data, w.where("tot"), kp + ".werkplekken[" + std::to_string(k) + "].tot",
                               "the period ends on " + wp.tot.iso() + ", before it starts (van " + wp.van.iso() + ")");
                    continue;
                }
                // Each stretch of time once: a period may not overlap an earlier one of the partner.
                for (std::size_t i = 0; i < p.werkplekken.size(); ++i) {
                    const WerkplekPeriode &a = p.werkplekken[i];
                    const bool overlap = (!wp.tot.valid() || a.van <= wp.tot) && (!a.tot.valid() || wp.van <= a.tot);
                    if (!overlap) continue;
                    diag.error(ExitCode::data, wp.where, kp + ".werkplekken[" + std::to_string(k) + "]",
                               "werkplek period " + period_text(wp) + " of " + who + " overlaps the period " +
                                   period_text(a) + " at " + where_text(a.where),
                               "give each stretch of time once; to change the number of werkplekken, end one "
                               "period the day before the next starts");
                    break;
                }
                p.werkplekken.push_back(wp);
                period_index.push_back(k);
            }
            if (!periods.empty() && !p.gehuisvest)
                diag.error(ExitCode::data, r.where("werkplekken"), kp + ".werkplekken",
                           who + " is not housed (gehuisvest: false) but rents werkplekken",
                           "set gehuisvest: true if it works in the building, or remove its werkplekken");
        }

        read_convenanten(r, kp, who, year, p, diag);
        p.gehuisvest = p.gehuisvest && housed_in(p.werkplekken, year);

        const std::int64_t maanden = werkplek_maanden(p, year);
        if (maanden > 0 && !p.active_in(year)) {
            std::size_t k = 0;
            while (k < p.werkplekken.size() && months_in_force_on_the_first(p.werkplekken[k].van, p.werkplekken[k].tot, year) == 0)
                ++k;
            std::string span = p.actief_van.valid() && p.actief_van.year > year ? "actief_van " + p.actief_van.iso()
                                                                                 : "actief_tot " + p.actief_tot.iso();
            diag.error(ExitCode::data, p.werkplekken[k].where,
                       kp + ".werkplekken[" + std::to_string(period_index[k]) + "]",
                       who + " is not active in " + std::to_string(year) + " (" + span + ") but rents " +
                           count_nl(maanden, "werkplek-maand", "werkplek-maanden") + " in " + std::to_string(year),
                       "end the werkplek period when the partner stops (tot: ...), or correct actief_van/actief_tot");
        }

        auto [it, fresh] = first_index.emplace(p.id, partners.size());
        if (!fresh) {
            const Partner &first = partners[it->second];
            diag.error(ExitCode::config, r.where("id"), kp + ".id", "duplicate partner id '" + p.id + "'",
                       "first declared as " + first.key_path + " (" + first.naam + ") at " + where_text(first.where) +
                           "; every partner needs an id of its own");
            continue;
        }
        if (rollen) (*rollen)[p.id] = r.has("rol") ? r.text("rol") : "";
        partners.push_back(std::move(p));
    }
    return partners;
}

std::vector<Warning> warnings(const std::vector<Partner> &partners) {
    std::vector<Warning> out;
    for (const auto &p : partners) {
        if (!p.gehuisvest || p.convenant_datum.valid()) continue;
        Warning w;
        w.where = p.where;
        w.key_path = p.key_path;
        w.message = "partner '" + p.id + "' (" + p.naam + ") is housed but has no convenant gegevensdeling";
        w.hint = "record the signed convenant as convenant: [{datum: yyyy-mm-dd, versie: ...}]";
        w.text = p.naam + " is gehuisvest in het Veiligheidshuis, maar er is geen convenant gegevensdeling vastgelegd.";
        out.push_back(std::move(w));
    }
    return out;
}

std::string werkplekken_text(std::int64_t maanden) {
    const bool negative = maanden < 0;
    if (negative) maanden = -maanden;
    std::string whole = format_integer_nl(maanden / 12);
    const std::int64_t rest = maanden % 12;
    std::string out = whole;
    if (rest != 0) {
        const std::int64_t hundredths = (rest * 100 + 6) / 12;  // two decimals, rounded half up
        if (hundredths == 100) {
            out = format_integer_nl(maanden / 12 + 1);
        } else {
            std::string frac = std::to_string(hundredths);
            if (frac.size() < 2) frac = "0" + frac;
            while (frac.back() == '0') frac.pop_back();
            out = whole + "," + frac;
        }
    }
    return negative ? "-" + out : out;
}

namespace {

doc::Cell cell(doc::Value value, std::string name = "", std::string formula = "") {
    return doc::Cell{std::move(value), std::move(name), std::move(formula)};
}

doc::Cell text(std::string s) { return cell(doc::Value::text(std::move(s))); }

doc::Cell integer(std::int64_t n, std::string name = "", std::string formula = "") {
    return cell(doc::Value::integer(n), std::move(name), std::move(formula));
}

/// Werkplekken for werkplek-maanden: what the formula computes.
doc::Value werkplekken_value(std::int64_t maanden) { return doc::Value::fraction(maanden, 12); }

/// A ring or domein as part of a cell name: "flexibele schil" -> "flexibele_schil".
std::string name_part(std::string s) {
    std::replace(s.begin(), s.end(), ' ', '_');
    return s;
}

/// Which gemeenten a partner serves, for the raad: "alle gemeenten behalve Tholen" when it serves
/// most of them, else their names.
std::string gemeenten_zin(const Partner &p, const Region &region) {
    std::vector<std::string> served, not_served;
    for (const auto &g : region.gemeenten) {
        if (std::find(p.gemeenten.begin(), p.gemeenten.end(), g.code) != p.gemeenten.end()) served.push_back(g.naam);
        else not_served.push_back(g.naam);
    }
    if (served.size() > not_served.size() && !not_served.empty())
        return "werkt voor alle gemeenten behalve " + join(not_served, ", ");
    return "werkt voor de gemeente" + std::string(served.size() == 1 ? " " : "n ") + join(served, ", ");
}

struct RingText {
    const char *kop;
    const char *omschrijving;
};

RingText ring_text(const std::string &ring) {
    if (ring == "kern")
        return {"Kern", "De kern: de eigen organisatie van het Veiligheidshuis (procesregie en coördinatie) en "
                        "de partners die de samenwerking dragen."};
    if (ring == "sleutelpartner")
        return {"Sleutelpartners",
                "Vaste partners uit de strafrecht- en zorgketen, structureel betrokken bij het Veiligheidshuis."};
    return {"Flexibele schil",
            "Partners die deelnemen wanneer hun inbreng nodig is, bijvoorbeeld bij een casus die zij zelf aandragen."};
}

std::string convenant_text(const Partner &p) {
    if (!p.convenant_datum.valid()) return p.gehuisvest ? "geen (let op)" : "geen";
    return p.convenant_datum.nl() + (p.convenant_versie.empty() ? "" : " (" + p.convenant_versie + ")");
}

std::string werkplekken_zin(std::int64_t maanden) {
    const std::string n = werkplekken_text(maanden);
    return n + (n == "1" ? " werkplek" : " werkplekken");
}

}  // namespace

std::string maanden_name(std::size_t partner) { return "maanden_" + std::to_string(partner + 1); }

std::string werkplekken_name(std::size_t partner) { return "werkplekken_" + std::to_string(partner + 1); }

std::string ring_table_id(const std::string &ring) { return "ring_" + name_part(ring); }

doc::Table ring_table(const std::vector<Partner> &partners, const std::string &ring, int year) {
    const std::string y = std::to_string(year);
    doc::Table t;
    t.id = ring_table_id(ring);
    t.caption = std::string(ring_text(ring).kop) + " " + y;
    t.columns = {{"partner", "Partner"},
                 {"domein", "Domein"},
                 {"gehuisvest", "Gehuisvest"},
                 {"maanden", "Werkplek-maanden"},
                 {"werkplekken", "Werkplekken"},
                 {"convenant", "Convenant gegevensdeling"}};
    std::int64_t n = 0, housed = 0, maanden = 0;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const Partner &p = partners[i];
        if (p.ring != ring) continue;
        const std::int64_t m = werkplek_maanden(p, year);
        ++n;
        housed += p.gehuisvest ? 1 : 0;
        maanden += m;
        doc::Row row;
        row.cells = {text(p.naam),
                     text(p.domein),
                     text(p.gehuisvest ? "ja" : "nee"),
                     integer(m, maanden_name(i)),
                     cell(werkplekken_value(m), werkplekken_name(i), maanden_name(i) + " / 12"),
                     text(convenant_text(p))};
        t.rows.push_back(std::move(row));
    }
    doc::Row total;
    total.role = doc::RowRole::total;
    total.cells = {text("Totaal (" + std::to_string(n) + ")"), text(""), integer(housed),
                   integer(maanden, "", "SUM(kolom(maanden))"),
                   cell(werkplekken_value(maanden), "", "SUM(kolom(werkplekken))"), text("")};
    t.rows.push_back(std::move(total));
    return t;
}

doc::Table summary_table(const std::vector<Partner> &partners, int year) {
    doc::Table t;
    t.id = "samenvatting";
    t.caption = "Partners en werkplekken " + std::to_string(year) + " per ring en per domein";
    t.columns = {{"indeling", "Indeling"},
                 {"categorie", "Categorie"},
                 {"partners", "Partners"},
                 {"gehuisvest", "Gehuisvest"},
                 {"werkplekken", "Werkplekken"}};
    // A row per ring and per domein: counts as values, werkplekken as the sum of the partners' cells.
    auto add_group = [&](const std::string &label, const std::vector<std::string> &values,
                         std::string Partner::*field, bool named) {
        for (const auto &v : values) {
            std::int64_t count = 0, housed = 0, maanden = 0;
            std::string sum;
            for (std::size_t i = 0; i < partners.size(); ++i) {
                const Partner &p = partners[i];
                if (p.*field != v) continue;
                ++count;
                housed += p.gehuisvest ? 1 : 0;
                maanden += werkplek_maanden(p, year);
                sum += (sum.empty() ? "" : "; ") + werkplekken_name(i);
            }
            const std::string suffix = named ? "_" + name_part(v) : "";
            doc::Row row;
            row.cells = {text(label), text(v), integer(count, named ? "partners" + suffix : ""),
                         integer(housed, named ? "gehuisvest" + suffix : ""),
                         cell(werkplekken_value(maanden), named ? "werkplekken" + suffix : "",
                              sum.empty() ? "" : "SUM(" + sum + ")")};
            t.rows.push_back(std::move(row));
        }
    };
    add_group("Ring", kRingen, &Partner::ring, true);
    add_group("Domein", kDomeinen, &Partner::domein, false);

    // The totals add up the rings.
    std::int64_t housed = 0, maanden = 0;
    for (const auto &p : partners) {
        housed += p.gehuisvest ? 1 : 0;
        maanden += werkplek_maanden(p, year);
    }
    auto over_rings = [](const std::string &column) {
        std::string f;
        for (const auto &r : kRingen) f += (f.empty() ? "" : " + ") + column + "_" + name_part(r);
        return f;
    };
    doc::Row total;
    total.role = doc::RowRole::total;
    total.cells = {text("Totaal"), text(""),
                   integer(static_cast<std::int64_t>(partners.size()), "", over_rings("partners")),
                   integer(housed, "", over_rings("gehuisvest")),
                   cell(werkplekken_value(maanden), "", over_rings("werkplekken"))};
    t.rows.push_back(std::move(total));
    return t;
}

doc::Document build_document(const Region &region, const std::vector<Partner> &partners,
                             const Provenance &provenance, const std::map<std::string, std::string> &rollen) {
    const int year = region.boekjaar;
    const std::string y = std::to_string(year);
    doc::Document doc;
    doc.name = "partners-" + y;
    doc.meta.title = "Partners boekjaar " + y;
    doc.meta.region = region.naam;
    doc.meta.year = year;
    doc.body_template = "partners.txt.mustache";

    // The tables the template places: one per ring with partners, and the summary.
    doc::Section tabellen;
    tabellen.title = "Partners";
    for (const auto &ring : kRingen)
        if (std::any_of(partners.begin(), partners.end(), [&](const Partner &p) { return p.ring == ring; }))
            tabellen.blocks.push_back(ring_table(partners, ring, year));
    tabellen.blocks.push_back(summary_table(partners, year));
    doc.sections.push_back(std::move(tabellen));

    DataNode &d = doc.template_data;
    d.set("regio", region.naam);
    d.set("boekjaar", y);
    d.set("bron", provenance.bron);
    d.set("bron_tekst", provenance.bron.empty() ? "" : " (" + provenance.bron + ")");
    d.set("let_op", "LET OP: de aantallen werkplekken zijn illustratief" +
                        (provenance.bron.empty() ? "" : " (" + provenance.bron + ")") +
                        ". Vervang ze door de afspraken met de partners voordat dit stuk wordt verzonden.");
    d.set("illustratief", DataNode::boolean(provenance.illustratief));
    std::int64_t total_maanden = 0, housed = 0;
    for (const auto &p : partners) {
        total_maanden += werkplek_maanden(p, year);
        housed += p.gehuisvest ? 1 : 0;
    }
    d.set("aantal", std::to_string(partners.size()));
    d.set("partners_zin", count_nl(static_cast<std::int64_t>(partners.size()), "partner", "partners"));
    d.set("gehuisvest", std::to_string(housed));
    d.set("werkplekken", werkplekken_text(total_maanden));
    d.set("werkplekken_zin", werkplekken_zin(total_maanden));
    d.set("werkplek_maanden", format_integer_nl(total_maanden));
    d.set("werkplek_maanden_zin", count_nl(total_maanden, "werkplek-maand", "werkplek-maanden"));

    // One partner of a ring; also, from an empty Partner, the shape of the list's items (a ring may
    // have no partners this year, and its section is still checked against the template).
    auto partner_item = [&](const Partner &p, std::int64_t m) {
        DataNode e = DataNode::map();
        e.set("id", p.id);
        e.set("naam", p.naam);
        e.set("domein", p.domein);
        e.set("gehuisvest", p.gehuisvest ? "ja" : "nee");
        e.set("werkplekken", werkplekken_text(m));
        e.set("convenant", convenant_text(p));
        std::vector<std::string> namen;
        for (const auto &code : p.gemeenten) {
            const Gemeente *g = region.find(code);
            namen.push_back(g ? g->naam : code);
        }
        e.set("gemeenten", namen.empty() ? "alle gemeenten" : join(namen, ", "));
        e.set("gemeenten_zin", gemeenten_zin(p, region));
        e.set("alle_gemeenten", DataNode::boolean(namen.empty()));
        const auto rol = rollen.find(p.id);
        e.set("rol", rol == rollen.end() ? "" : rol->second);
        e.set("heeft_rol", DataNode::boolean(rol != rollen.end() && !rol->second.empty()));
        return e;
    };
    DataNode &ringen = d.set("ringen", DataNode::list());
    for (const auto &ring : kRingen) {
        const RingText rt = ring_text(ring);
        DataNode &r = ringen.push(DataNode::map());
        r.set("ring", ring);
        r.set("kop", rt.kop);
        r.set("omschrijving", rt.omschrijving);
        r.set("tabel", ring_table_id(ring));
        DataNode &list = r.set("partners", DataNode::list(partner_item(Partner{}, 0)));
        std::int64_t n = 0, ring_housed = 0, ring_maanden = 0;
        for (const auto &p : partners) {
            if (p.ring != ring) continue;
            const std::int64_t m = werkplek_maanden(p, year);
            ++n;
            ring_housed += p.gehuisvest ? 1 : 0;
            ring_maanden += m;
            list.push(partner_item(p, m));
        }
        r.set("heeft_partners", DataNode::boolean(n > 0));
        r.set("aantal", std::to_string(n));
        r.set("gehuisvest", std::to_string(ring_housed));
        r.set("werkplekken", werkplekken_text(ring_maanden));
    }

    const std::vector<Warning> ws = warnings(partners);
    DataNode waarschuwing = DataNode::map();  // the shape of an item: the list is often empty
    waarschuwing.set("tekst", "");
    DataNode &waarschuwingen = d.set("waarschuwingen", DataNode::list(waarschuwing));
    for (const auto &w : ws) waarschuwingen.push(DataNode::map()).set("tekst", w.text);
    d.set("heeft_waarschuwingen", DataNode::boolean(!ws.empty()));
    d.set("aantal_waarschuwingen", std::to_string(ws.size()));
    return doc;
}

void PartnersPlugin::load(LoadContext &ctx) {
    ctx.declare_partner_registry();
    rollen_.clear();
    std::vector<Partner> partners =
        read_partners(ctx.settings(), ctx.region(), ctx.key_path(), ctx.diagnostics(), &rollen_);
    // The registry may span years: the boekjaar registers the partners active in it.
    const int year = ctx.region().boekjaar;
    partners.erase(std::remove_if(partners.begin(), partners.end(), [year](const Partner &p) { return !p.active_in(year); }),
                   partners.end());
    for (const auto &w : warnings(partners)) ctx.diagnostics().warning(w.where, w.key_path, w.message, w.hint);
    for (auto &p : partners) ctx.add_partner(std::move(p));
}

void PartnersPlugin::report(ReportContext &ctx) {
    const Settings &s = ctx.settings();
    Provenance provenance;
    provenance.bron = s.has("bron") ? s.text("bron") : "";
    provenance.illustratief = s.has("illustratief") && s.boolean("illustratief");
    ctx.add_document(build_document(ctx.region(), ctx.partners(), provenance, rollen_));
}

}  // namespace vhh::partners
