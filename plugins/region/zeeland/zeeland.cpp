#include "zeeland.h"

#include <algorithm>
#include <map>

#include "vhh/text.h"

namespace vhh::region_zeeland {

namespace {

const vhh_setting_spec kGemeenteFields[] = {
    {"gemeente", VHH_SETTING_GEMEENTE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "CBS code of a gemeente of the region, e.g. GM0716", nullptr, 0},
    {"veiligheidsregio", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "the veiligheidsregio the gemeente belongs to, e.g. Zeeland", nullptr, 0},
    {"politie_eenheid", VHH_SETTING_TEXT, 0, "", nullptr, nullptr,
     "the regionale eenheid of the politie, e.g. Zeeland-West-Brabant", nullptr, 0},
    {"politiedistrict", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "the politiedistrict the gemeente belongs to, e.g. Markiezaten", nullptr, 0},
    {"toelichting", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "a note shown with the gemeente in the report", nullptr,
     0},
    {"bron", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "where the indeling comes from (illustratief when invented)",
     nullptr, 0},
};

constexpr std::size_t kWidth = 78;

std::string trim(const std::string &s) {
    const std::size_t a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return "";
    const std::size_t b = s.find_last_not_of(" \t\r\n");
    return s.substr(a, b - a + 1);
}

std::string label(const Indeling &g) { return g.naam + " (" + g.code + ")"; }

}  // namespace

const vhh_setting_spec kSettings[1] = {
    {"gemeenten", VHH_SETTING_LIST, VHH_SETTING_REQUIRED, nullptr, "1", nullptr,
     "per gemeente of the region its indeling: {gemeente, veiligheidsregio, politie_eenheid, politiedistrict, "
     "toelichting, bron}; every gemeente of the region once",
     kGemeenteFields, static_cast<uint32_t>(sizeof kGemeenteFields / sizeof kGemeenteFields[0])},
};

std::optional<Regio> read_regio(const Settings &s, const Region &region, Diagnostics &diag,
                                const std::string &key_prefix) {
    DiagnosticsScope stage(diag);  // the errors recorded from here on
    auto key = [&](const std::string &path) { return key_prefix.empty() ? path : key_prefix + "." + path; };
    std::map<std::string, Indeling> by_code;
    const std::vector<Settings> empty;
    const auto &list = s.has("gemeenten") ? s.list("gemeenten") : empty;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Settings &e = list[i];
        const std::string kp = "gemeenten[" + std::to_string(i) + "]";
        if (!e.has("gemeente") || !e.has("veiligheidsregio") || !e.has("politiedistrict")) continue;
        Indeling g;
        g.code = e.text("gemeente");
        g.where = e.where("gemeente");
        bool ok = true;
        const Gemeente *gem = region.find(g.code);
        if (gem == nullptr) {
            ok = false;  // not a gemeente of the region: reported by the host (type GEMEENTE)
        } else {
            g.naam = gem->naam;
        }
        // A known code counts (for "listed twice" and "has no entry") even when its entry has other errors.
        if (gem != nullptr) {
            auto [it, fresh] = by_code.emplace(g.code, g);
            if (!fresh) {
                diag.error(ExitCode::config, g.where, key(kp + ".gemeente"),
                           "gemeente " + label(g) + " is listed twice",
                           "first listed at line " + std::to_string(it->second.where.line));
                ok = false;
            }
        }
        for (const char *field : {"veiligheidsregio", "politiedistrict"}) {
            if (!trim(e.text(field)).empty()) continue;
            diag.error(ExitCode::config, e.where(field), key(kp + "." + field), "expected a name, got an empty text");
            ok = false;
        }
        if (!ok) continue;
        Indeling &kept = by_code.at(g.code);
        kept.veiligheidsregio = trim(e.text("veiligheidsregio"));
        kept.politiedistrict = trim(e.text("politiedistrict"));
        if (e.has("politie_eenheid")) kept.politie_eenheid = trim(e.text("politie_eenheid"));
        if (e.has("toelichting")) kept.toelichting = trim(e.text("toelichting"));
        if (e.has("bron")) kept.bron = trim(e.text("bron"));
    }

    // Every gemeente of the region needs its entry (reported also when other entries had errors).
    Regio regio;
    const SourceLocation list_where = s.has("gemeenten") ? s.where("gemeenten") : SourceLocation{};
    for (const auto &gem : region.gemeenten) {
        auto it = by_code.find(gem.code);
        if (it == by_code.end()) {
            diag.error(ExitCode::config, list_where, key("gemeenten"),
                       "gemeente " + gem.naam + " (" + gem.code + ") of the region has no entry",
                       "add {gemeente: " + gem.code + ", veiligheidsregio: …, politiedistrict: …}");
            continue;
        }
        regio.gemeenten.push_back(it->second);
    }
    if (stage.failed()) return std::nullopt;
    regio.afwijkingen = afwijkingen(regio.gemeenten);
    return regio;
}

std::vector<Afwijking> afwijkingen(const std::vector<Indeling> &gemeenten) {
    // Per veiligheidsregio: the districts in order of first appearance, with their counts.
    std::map<std::string, std::vector<std::pair<std::string, std::size_t>>> districts;
    for (const auto &g : gemeenten) {
        auto &d = districts[g.veiligheidsregio];
        auto it = std::find_if(d.begin(), d.end(), [&](const auto &p) { return p.first == g.politiedistrict; });
        if (it == d.end()) d.emplace_back(g.politiedistrict, 1);
        else ++it->second;
    }
    std::vector<Afwijking> out;
    for (std::size_t i = 0; i < gemeenten.size(); ++i) {
        const auto &d = districts[gemeenten[i].veiligheidsregio];
        // The first district with the highest count (max_element keeps the first of equals).
        const auto usual =
            std::max_element(d.begin(), d.end(), [](const auto &a, const auto &b) { return a.second < b.second; });
        if (usual->first != gemeenten[i].politiedistrict) out.push_back({i, usual->first, usual->second});
    }
    return out;
}

std::string statement(const Regio &regio, const Afwijking &a) {
    const Indeling &g = regio.gemeenten[a.index];
    std::string s = label(g) + " valt voor de veiligheidsregio onder " + g.veiligheidsregio +
                    ", maar voor de politie onder district " + g.politiedistrict;
    if (!g.politie_eenheid.empty()) s += " (eenheid " + g.politie_eenheid + ")";
    s += ". ";
    s += a.andere == 1 ? "De andere gemeente" : "De andere " + std::to_string(a.andere) + " gemeenten";
    s += " van veiligheidsregio " + g.veiligheidsregio + (a.andere == 1 ? " valt" : " vallen") + " onder district " +
         a.gangbaar + ".";
    return s;
}

std::string wrap(const std::string &input, std::size_t width, const std::string &indent) {
    std::string text = input;
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::string out, line;
    std::size_t start = 0;
    auto flush = [&] {
        out += (out.empty() ? "" : "\n" + indent) + line;
        line.clear();
    };
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!word.empty()) {
            const std::size_t room = width - (out.empty() ? 0 : display_width(indent));
            if (!line.empty() && display_width(line) + 1 + display_width(word) > room) flush();
            line += (line.empty() ? "" : " ") + word;
        }
        start = end + 1;
    }
    if (!line.empty()) flush();
    return out;
}

TextDocument build_text(const Regio &regio, const Region &region) {
    const std::string year = std::to_string(region.boekjaar);
    TextDocument doc;
    doc.file_name = "regio-" + year + ".txt";
    doc.template_name = "regio-zeeland.txt.mustache";
    DataNode &d = doc.data;
    d.set("regio", region.naam);
    d.set("boekjaar", year);

    // The table, with columns as wide as their widest text. When every gemeente has the same
    // politie-eenheid, a sentence says so instead of a column that repeats it.
    bool een_eenheid = true;
    for (const auto &g : regio.gemeenten)
        een_eenheid = een_eenheid && g.politie_eenheid == regio.gemeenten[0].politie_eenheid;
    const std::string eenheid = een_eenheid && !regio.gemeenten.empty() ? regio.gemeenten[0].politie_eenheid : "";
    d.set("heeft_eenheid_zin", DataNode::boolean(!eenheid.empty()));
    d.set("eenheid_zin", wrap("Alle gemeenten vallen onder politie-eenheid " + eenheid + ".", kWidth));
    std::vector<std::string> heads = {"Gemeente", "CBS-code", "Veiligheidsregio", "Politie-eenheid", "Politiedistrict"};
    auto cells = [&](const Indeling &g) {
        std::vector<std::string> c = {g.naam, g.code, g.veiligheidsregio, g.politie_eenheid, g.politiedistrict};
        if (een_eenheid) c.erase(c.begin() + 3);
        return c;
    };
    if (een_eenheid) heads.erase(heads.begin() + 3);
    std::vector<std::size_t> w;
    for (const auto &h : heads) w.push_back(display_width(h));
    for (const auto &g : regio.gemeenten) {
        const auto c = cells(g);
        for (std::size_t i = 0; i < c.size(); ++i) w[i] = std::max(w[i], display_width(c[i]));
    }
    auto row = [&](const std::vector<std::string> &c) {
        std::string s;
        for (std::size_t i = 0; i < c.size(); ++i) s += i + 1 < c.size() ? pad(c[i], w[i] + 2) : c[i];
        return s;
    };
    d.set("kop_kol", row(heads));
    DataNode &rows = d.set("gemeenten", DataNode::list());
    for (const auto &g : regio.gemeenten) {
        DataNode &r = rows.push(DataNode::map());
        r.set("code", g.code);
        r.set("gemeente", g.naam);
        r.set("regel", row(cells(g)));
    }

    // The shapes of the items of the lists that may be empty (a region without afwijkingen), so
    // that the template's sections over them are checked also then.
    DataNode afwijking = DataNode::map(), toelichting = DataNode::map();
    for (const char *field : {"gemeente", "tekst", "toelichting"}) afwijking.set(field, "");
    afwijking.set("heeft_toelichting", DataNode::boolean(false));
    toelichting.set("tekst", "");
    DataNode &afw = d.set("afwijkingen", DataNode::list(afwijking));
    std::vector<bool> shown(regio.gemeenten.size(), false);
    for (const auto &a : regio.afwijkingen) {
        const Indeling &g = regio.gemeenten[a.index];
        DataNode &x = afw.push(DataNode::map());
        x.set("gemeente", g.naam);
        x.set("tekst", wrap(statement(regio, a), kWidth));
        x.set("heeft_toelichting", DataNode::boolean(!g.toelichting.empty()));
        x.set("toelichting", wrap(g.toelichting, kWidth - 2, "  "));
        shown[a.index] = true;
    }
    d.set("heeft_afwijkingen", DataNode::boolean(!regio.afwijkingen.empty()));

    DataNode &notes = d.set("toelichtingen", DataNode::list(toelichting));
    for (std::size_t i = 0; i < regio.gemeenten.size(); ++i) {
        const Indeling &g = regio.gemeenten[i];
        if (shown[i] || g.toelichting.empty()) continue;
        notes.push(DataNode::map()).set("tekst", wrap(g.naam + ": " + g.toelichting, kWidth, "  "));
    }
    d.set("heeft_toelichtingen", DataNode::boolean(!notes.items().empty()));

    // Sources, each with the gemeenten it is the source for (in region order).
    std::vector<std::pair<std::string, std::vector<std::string>>> bronnen;
    for (const auto &g : regio.gemeenten) {
        const std::string bron = g.bron.empty() ? "geen bron opgegeven" : g.bron;
        auto it = std::find_if(bronnen.begin(), bronnen.end(), [&](const auto &b) { return b.first == bron; });
        if (it == bronnen.end()) bronnen.push_back({bron, {g.naam}});
        else it->second.push_back(g.naam);
    }
    DataNode &bl = d.set("bronnen", DataNode::list());
    for (const auto &[bron, namen] : bronnen) {
        std::string wie;
        for (std::size_t i = 0; i < namen.size(); ++i)
            wie += (i == 0 ? "" : i + 1 == namen.size() ? " en " : ", ") + namen[i];
        bl.push(DataNode::map()).set("tekst", wrap("- " + wie + ": " + bron, kWidth, "  "));
    }
    return doc;
}

void ZeelandPlugin::report(ReportContext &ctx) {
    if (auto regio = read_regio(ctx.settings(), ctx.region(), ctx.diagnostics(), ctx.key_path()))
        ctx.add_text(build_text(*regio, ctx.region()));
}

}  // namespace vhh::region_zeeland
