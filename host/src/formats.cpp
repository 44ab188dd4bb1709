#include "formats.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <sstream>

#include "pipeline.h"
#include "vhh/count_nl.h"
#include "vhh/settings.h"
#include "vhh/text.h"

namespace vhh::host {

std::string csv_field(const std::string &s) {
    const bool formula = !s.empty() && std::strchr("=+-@\t\r", s.front()) != nullptr;
    if (!formula && s.find_first_of(";\"\n\r") == std::string::npos) return s;
    std::string q = formula ? "\"'" : "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr ordered_object() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

std::string stringify(const Object::Ptr &obj) {
    std::ostringstream out;
    obj->stringify(out, 2);
    out << "\n";
    return out.str();
}

/// Renders rows as columns separated by two spaces; `right` marks right-aligned columns.
std::string aligned(const std::vector<std::vector<std::string>> &rows, const std::vector<bool> &right) {
    std::vector<std::size_t> widths(right.size(), 0);
    for (const auto &r : rows)
        for (std::size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], display_width(r[i]));
    std::string out;
    for (const auto &r : rows) {
        std::string line;
        for (std::size_t i = 0; i < r.size(); ++i) {
            if (i) line += "  ";
            line += pad(r[i], widths[i], right[i]);
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    return out;
}

}  // namespace

std::string bijdragen_table(const Region &region, const std::vector<ContributionLine> &lines) {
    std::vector<std::vector<std::string>> rows = {{"Bron", "Code", "Betaler", "Bedrag", "Grondslag"}};
    for (const auto &l : lines) rows.push_back({l.source, l.payer_id, l.payer, l.amount.format_nl(), l.basis});
    rows.push_back({"", "", "", "", ""});
    Money overall;
    for (const auto &t : totals_by_source(lines)) {
        rows.push_back({"Totaal " + t.source, "", "", t.amount.format_nl(), ""});
        overall += t.amount;
    }
    rows.push_back({"Totaal", "", "", overall.format_nl(), ""});
    return region.naam + " - bijdragen " + std::to_string(region.boekjaar) + "\n\n" +
           aligned(rows, {false, false, false, true, false});
}

std::string bijdragen_csv(const std::vector<ContributionLine> &lines) {
    std::string out = std::string(kCsvBom) + "source;payer_id;payer;amount_cents;amount;basis\n";
    for (const auto &l : lines) {
        std::string nl = l.amount.format_plain();
        std::replace(nl.begin(), nl.end(), '.', ',');
        out += csv_field(l.source) + ";" + csv_field(l.payer_id) + ";" + csv_field(l.payer) + ";" +
               std::to_string(l.amount.in_cents()) + ";" + nl + ";" + csv_field(l.basis) + "\n";
    }
    return out;
}

std::string bijdragen_json(const Region &region, const std::vector<ContributionLine> &lines) {
    Object::Ptr root = ordered_object();
    root->set("region", region.id);
    root->set("year", region.boekjaar);
    Array::Ptr arr = new Array;
    for (const auto &l : lines) {
        Object::Ptr o = ordered_object();
        o->set("source", l.source);
        o->set("payer_id", l.payer_id);
        o->set("payer", l.payer);
        o->set("amount_cents", static_cast<Poco::Int64>(l.amount.in_cents()));
        o->set("basis", l.basis);
        Object::Ptr inputs = ordered_object();
        for (const auto &in : l.inputs) {
            if (in.is_text) inputs->set(in.key, in.text);
            else inputs->set(in.key, static_cast<Poco::Int64>(in.integer));
        }
        o->set("inputs", inputs);
        arr->add(o);
    }
    root->set("lines", arr);
    Object::Ptr totals = ordered_object();
    Money overall;
    for (const auto &t : totals_by_source(lines)) {
        totals->set(t.source, static_cast<Poco::Int64>(t.amount.in_cents()));
        overall += t.amount;
    }
    totals->set("total", static_cast<Poco::Int64>(overall.in_cents()));
    root->set("totals", totals);
    return stringify(root);
}

namespace {
Object::Ptr per_jaar(const std::vector<int> &jaren, const std::map<int, Money> &bedragen) {
    Object::Ptr o = ordered_object();
    for (int j : jaren) {
        const auto it = bedragen.find(j);
        o->set(std::to_string(j), static_cast<Poco::Int64>(it == bedragen.end() ? 0 : it->second.in_cents()));
    }
    return o;
}
Money in_jaar(const std::map<int, Money> &bedragen, int jaar) {
    const auto it = bedragen.find(jaar);
    return it == bedragen.end() ? Money() : it->second;
}
}  // namespace

std::string begroting_table(const Region &region, const Meerjarenraming &raming) {
    std::vector<std::string> header = {"Code", "Post", "Soort"};
    for (int j : raming.jaren) header.push_back(std::to_string(j));
    std::vector<std::vector<std::string>> rows = {header};
    std::vector<bool> right = {false, false, false};
    right.resize(header.size(), true);
    for (const auto &p : raming.posten) {
        std::vector<std::string> r = {p.code, p.naam, p.soort};
        for (int j : raming.jaren) r.push_back(in_jaar(p.bedragen, j).format_nl());
        rows.push_back(std::move(r));
    }
    std::string out = region.naam + " - ontwerpbegroting " + std::to_string(raming.begrotingsjaar) +
                      " met meerjarenraming\n\n" + aligned(rows, right);
    std::vector<std::vector<std::string>> bij = {{"Code", "Gemeente", ""}};
    for (int j : raming.jaren) bij.front().push_back(std::to_string(j));
    for (const auto &b : raming.bijdragen) {
        std::vector<std::string> r = {b.payer_id, b.payer, ""};
        for (int j : raming.jaren) r.push_back(in_jaar(b.bedragen, j).format_nl());
        bij.push_back(std::move(r));
    }
    return out + "\nBijdrage per gemeente\n\n" + aligned(bij, right);
}

std::string begroting_csv(const Meerjarenraming &raming) {
    std::string out = std::string(kCsvBom) + "regel;code;naam;soort;jaar;bedrag_cents;bedrag\n";
    auto row = [&](const char *regel, const std::string &code, const std::string &naam, const std::string &soort,
                   int jaar, Money m) {
        std::string nl = m.format_plain();
        std::replace(nl.begin(), nl.end(), '.', ',');
        out += std::string(regel) + ";" + csv_field(code) + ";" + csv_field(naam) + ";" + soort + ";" +
               std::to_string(jaar) + ";" + std::to_string(m.in_cents()) + ";" + nl + "\n";
    };
    for (const auto &p : raming.posten)
        for (int j : raming.jaren) row("post", p.code, p.naam, p.soort, j, in_jaar(p.bedragen, j));
    for (const auto &b : raming.bijdragen)
        for (int j : raming.jaren) row("bijdrage", b.payer_id, b.payer, "", j, in_jaar(b.bedragen, j));
    return out;
}

std::string begroting_json(const Region &region, const Meerjarenraming &raming) {
    Object::Ptr root = ordered_object();
    root->set("region", region.id);
    root->set("begrotingsjaar", raming.begrotingsjaar);
    Array::Ptr jaren = new Array;
    for (int j : raming.jaren) jaren->add(j);
    root->set("jaren", jaren);
    Array::Ptr posten = new Array;
    std::map<int, Money> baten, lasten, bijdragen;
    for (const auto &p : raming.posten) {
        Object::Ptr o = ordered_object();
        o->set("code", p.code);
        o->set("naam", p.naam);
        o->set("soort", p.soort);
        o->set("categorie", p.categorie);
        o->set("taakveld", p.taakveld);
        o->set("incidenteel", p.incidenteel);
        o->set("bedragen_cents", per_jaar(raming.jaren, p.bedragen));
        o->set("basis", p.basis);
        posten->add(o);
        for (int j : raming.jaren) (p.soort == "baten" ? baten : lasten)[j] += in_jaar(p.bedragen, j);
    }
    root->set("posten", posten);
    Array::Ptr bij = new Array;
    for (const auto &b : raming.bijdragen) {
        Object::Ptr o = ordered_object();
        o->set("payer_id", b.payer_id);
        o->set("payer", b.payer);
        o->set("bedragen_cents", per_jaar(raming.jaren, b.bedragen));
        bij->add(o);
        for (int j : raming.jaren) bijdragen[j] += in_jaar(b.bedragen, j);
    }
    root->set("bijdragen", bij);
    Array::Ptr reserves = new Array;
    std::map<int, Money> toevoegingen, onttrekkingen;
    for (const auto &r : raming.reserves) {
        Object::Ptr o = ordered_object();
        o->set("naam", r.naam);
        o->set("toevoegingen_cents", per_jaar(raming.jaren, r.toevoegingen));
        o->set("onttrekkingen_cents", per_jaar(raming.jaren, r.onttrekkingen));
        reserves->add(o);
        for (int j : raming.jaren) {
            toevoegingen[j] += in_jaar(r.toevoegingen, j);
            onttrekkingen[j] += in_jaar(r.onttrekkingen, j);
        }
    }
    root->set("reserves", reserves);
    Object::Ptr totalen = ordered_object();
    totalen->set("baten", per_jaar(raming.jaren, baten));
    totalen->set("lasten", per_jaar(raming.jaren, lasten));
    totalen->set("bijdragen", per_jaar(raming.jaren, bijdragen));
    totalen->set("toevoegingen", per_jaar(raming.jaren, toevoegingen));
    totalen->set("onttrekkingen", per_jaar(raming.jaren, onttrekkingen));
    root->set("totalen_cents", totalen);
    return stringify(root);
}

namespace {
std::string date_or(const Date &d, const std::string &absent) { return d.valid() ? d.iso() : absent; }
std::string werkplekken_text(std::int64_t maanden) {
    // Werkplek-maanden as werkplekken per year, e.g. 30 -> "2,5".
    std::string whole = std::to_string(maanden / 12);
    std::int64_t rest = maanden % 12;
    if (rest == 0) return whole;
    std::int64_t hundredths = (rest * 100 + 6) / 12;  // rounded to two decimals
    std::string frac = std::to_string(hundredths);
    if (frac.size() < 2) frac = "0" + frac;
    while (frac.back() == '0') frac.pop_back();
    return whole + "," + frac;
}
}  // namespace

std::string partners_table(const Region &region, const std::vector<Partner> &partners) {
    const int year = region.boekjaar;
    std::vector<std::vector<std::string>> rows = {
        {"Id", "Naam", "Domein", "Ring", "Gehuisvest", "Werkplekken " + std::to_string(year), "Convenant"}};
    std::int64_t maanden = 0;
    std::size_t housed = 0;
    for (const auto &p : partners) {
        std::int64_t m = werkplek_maanden(p, year);
        maanden += m;
        housed += p.gehuisvest ? 1 : 0;
        std::string convenant = p.convenant_datum.valid() ? p.convenant_datum.nl() +
                                                                (p.convenant_versie.empty() ? "" : " (" + p.convenant_versie + ")")
                                                          : "geen";
        rows.push_back({p.id, p.naam, p.domein, p.ring, p.gehuisvest ? "ja" : "nee", werkplekken_text(m), convenant});
    }
    rows.push_back({"", "", "", "", "", "", ""});
    rows.push_back({"Totaal", count_nl(static_cast<std::int64_t>(partners.size()), "partner", "partners"), "", "",
                    std::to_string(housed) + " gehuisvest", werkplekken_text(maanden), ""});
    return region.naam + " - partners " + std::to_string(year) + "\n\n" +
           aligned(rows, {false, false, false, false, false, true, false});
}

std::string partners_csv(const Region &region, const std::vector<Partner> &partners) {
    std::string out = std::string(kCsvBom) + "id;naam;domein;ring;gehuisvest;werkplek_maanden;convenant_datum;convenant_versie;gemeenten;"
                      "actief_van;actief_tot\n";
    for (const auto &p : partners) {
        std::string gemeenten;
        for (const auto &g : p.gemeenten) gemeenten += (gemeenten.empty() ? "" : ",") + g;
        out += csv_field(p.id) + ";" + csv_field(p.naam) + ";" + csv_field(p.domein) + ";" + csv_field(p.ring) + ";" +
               (p.gehuisvest ? "ja" : "nee") + ";" + std::to_string(werkplek_maanden(p, region.boekjaar)) + ";" +
               date_or(p.convenant_datum, "") + ";" + csv_field(p.convenant_versie) + ";" + csv_field(gemeenten) + ";" +
               date_or(p.actief_van, "") + ";" + date_or(p.actief_tot, "") + "\n";
    }
    return out;
}

std::string partners_json(const Region &region, const std::vector<Partner> &partners) {
    Object::Ptr root = ordered_object();
    root->set("region", region.id);
    root->set("year", region.boekjaar);
    Array::Ptr arr = new Array;
    std::int64_t maanden = 0;
    std::int64_t housed = 0;
    for (const auto &p : partners) {
        Object::Ptr o = ordered_object();
        o->set("id", p.id);
        o->set("naam", p.naam);
        o->set("domein", p.domein);
        o->set("ring", p.ring);
        o->set("gehuisvest", p.gehuisvest);
        Array::Ptr wp = new Array;
        for (const auto &w : p.werkplekken) {
            Object::Ptr wo = ordered_object();
            wo->set("aantal", static_cast<Poco::Int64>(w.aantal));
            wo->set("van", date_or(w.van, ""));
            if (w.tot.valid()) wo->set("tot", w.tot.iso());
            else wo->set("tot", Poco::Dynamic::Var());
            wp->add(wo);
        }
        o->set("werkplekken", wp);
        std::int64_t m = werkplek_maanden(p, region.boekjaar);
        o->set("werkplek_maanden", static_cast<Poco::Int64>(m));
        if (p.convenant_datum.valid()) {
            Object::Ptr c = ordered_object();
            c->set("datum", p.convenant_datum.iso());
            c->set("versie", p.convenant_versie);
            o->set("convenant", c);
        } else {
            o->set("convenant", Poco::Dynamic::Var());
        }
        Array::Ptr gem = new Array;
        for (const auto &g : p.gemeenten) gem->add(g);
        o->set("gemeenten", gem);
        o->set("actief_van", p.actief_van.valid() ? Poco::Dynamic::Var(p.actief_van.iso()) : Poco::Dynamic::Var());
        o->set("actief_tot", p.actief_tot.valid() ? Poco::Dynamic::Var(p.actief_tot.iso()) : Poco::Dynamic::Var());
        arr->add(o);
        maanden += m;
        housed += p.gehuisvest ? 1 : 0;
    }
    root->set("partners", arr);
    Object::Ptr totals = ordered_object();
    totals->set("partners", static_cast<Poco::Int64>(partners.size()));
    totals->set("gehuisvest", static_cast<Poco::Int64>(housed));
    totals->set("werkplek_maanden", static_cast<Poco::Int64>(maanden));
    root->set("totals", totals);
    return stringify(root);
}

std::string plugins_table(const PluginRegistry &registry) {
    std::vector<std::vector<std::string>> rows = {{"NAME", "VERSION", "SDK ABI", "KINDS", "PATH", "STATUS"}};
    for (const auto &r : registry.records()) {
        std::string abi = r.abi_major >= 0 ? std::to_string(r.abi_major) + "." + std::to_string(r.abi_minor) : "-";
        rows.push_back({r.name.empty() ? "-" : r.name, r.version.empty() ? "-" : r.version, abi,
                        r.abi_major >= 0 ? kinds_to_string(r.kinds) : "-", r.path, r.ok ? "ok" : "error: " + r.reason});
    }
    std::string out = aligned(rows, {false, false, false, false, false, false});
    for (const auto &d : registry.missing_dirs()) out += "note: plugin directory " + d + " does not exist\n";
    return out;
}

std::string plugins_json(const PluginRegistry &registry) {
    Object::Ptr root = ordered_object();
    root->set("sdk_abi", std::to_string(VHH_SDK_ABI_MAJOR) + "." + std::to_string(VHH_SDK_ABI_MINOR));
    Array::Ptr arr = new Array;
    std::function<Array::Ptr(const vhh_setting_spec *, std::uint32_t)> settings_array =
        [&](const vhh_setting_spec *specs, std::uint32_t n) {
            Array::Ptr a = new Array;
            for (std::uint32_t i = 0; specs && i < n; ++i) {
                const auto &s = specs[i];
                Object::Ptr o = ordered_object();
                o->set("key", std::string(s.key ? s.key : ""));
                o->set("type", std::string(setting_type_name(s.type)));
                o->set("required", (s.flags & VHH_SETTING_REQUIRED) != 0);
                if (s.default_value) o->set("default", std::string(s.default_value));
                if (s.min_value) o->set("min", std::string(s.min_value));
                if (s.max_value) o->set("max", std::string(s.max_value));
                if (s.type == VHH_SETTING_CHOICE && s.choices) {
                    Array::Ptr allowed = new Array;
                    for (std::uint32_t c = 0; c < s.choice_count; ++c)
                        if (s.choices[c]) allowed->add(std::string(s.choices[c]));
                    o->set("allowed", allowed);
                }
                if (s.one_of) o->set("one_of", std::string(s.one_of));
                o->set("description", std::string(s.description ? s.description : ""));
                if (s.type == VHH_SETTING_LIST) o->set("fields", settings_array(s.fields, s.field_count));
                a->add(o);
            }
            return a;
        };
    for (const auto &r : registry.records()) {
        Object::Ptr o = ordered_object();
        o->set("name", r.name);
        o->set("version", r.version);
        o->set("sdk_abi", r.abi_major >= 0 ? std::to_string(r.abi_major) + "." + std::to_string(r.abi_minor) : "");
        Array::Ptr kinds = new Array;
        if (r.kinds & VHH_KIND_LOAD) kinds->add("load");
        if (r.kinds & VHH_KIND_COMPUTE) kinds->add("compute");
        if (r.kinds & VHH_KIND_REPORT) kinds->add("report");
        if (r.kinds & VHH_KIND_IMPORT) kinds->add("import");
        o->set("kinds", kinds);
        o->set("path", r.path);
        if (!r.sha256().empty()) o->set("sha256", r.sha256());  // not for a file refused before reading
        o->set("status", std::string(r.ok ? "ok" : "error"));
        o->set("reason", r.reason);
        o->set("description", r.description);
        o->set("settings", r.manifest ? settings_array(r.manifest->settings, r.manifest->setting_count) : Array::Ptr(new Array));
        arr->add(o);
    }
    root->set("plugins", arr);
    return stringify(root);
}

}  // namespace vhh::host
