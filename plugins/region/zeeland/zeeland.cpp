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

doc::Document build_document(const Regio &regio, const Region &region) {
    const std::string year = std::to_string(region.boekjaar);
    doc::Document d;
    d.name = "regio-" + year;
    d.meta.title = "Regionale indeling " + year + ": veiligheidsregio en politie";
    d.meta.region = region.naam;
    d.meta.year = region.boekjaar;
    d.body_template = "regio-zeeland.txt.mustache";
    DataNode &data = d.template_data;
    data.set("regio", region.naam);
    data.set("boekjaar", year);

    // The table. When every gemeente has the same politie-eenheid, a sentence says so instead of
    // a column that repeats it.
    bool een_eenheid = true;
    for (const auto &g : regio.gemeenten)
        een_eenheid = een_eenheid && g.politie_eenheid == regio.gemeenten[0].politie_eenheid;
    const std::string eenheid = een_eenheid && !regio.gemeenten.empty() ? regio.gemeenten[0].politie_eenheid : "";
    data.set("heeft_eenheid_zin", DataNode::boolean(!eenheid.empty()));
    data.set("eenheid_zin", "Alle gemeenten vallen onder politie-eenheid " + eenheid + ".");
    doc::Table table;
    table.id = "gemeenten";
    table.caption = "Veiligheidsregio en politiedistrict per gemeente";
    table.columns = {{"gemeente", "Gemeente"},
                     {"code", "CBS-code"},
                     {"veiligheidsregio", "Veiligheidsregio"},
                     {"politie_eenheid", "Politie-eenheid"},
                     {"politiedistrict", "Politiedistrict"}};
    if (een_eenheid) table.columns.erase(table.columns.begin() + 3);
    auto text = [](const std::string &t) { return doc::Cell{doc::Value::text(t), "", ""}; };
    DataNode &rows = data.set("gemeenten", DataNode::list());
    for (const auto &g : regio.gemeenten) {
        doc::Row row;
        row.cells = {text(g.naam), text(g.code), text(g.veiligheidsregio), text(g.politie_eenheid),
                     text(g.politiedistrict)};
        if (een_eenheid) row.cells.erase(row.cells.begin() + 3);
        table.rows.push_back(std::move(row));
        DataNode &r = rows.push(DataNode::map());
        r.set("code", g.code);
        r.set("gemeente", g.naam);
        r.set("veiligheidsregio", g.veiligheidsregio);
        r.set("politie_eenheid", g.politie_eenheid);
        r.set("politiedistrict", g.politiedistrict);
    }
    doc::Section indeling;
    indeling.title = "Indeling per gemeente";
    indeling.blocks.push_back(std::move(table));
    d.sections.push_back(std::move(indeling));

    // The shapes of the items of the lists that may be empty (a region without afwijkingen), so
    // that the template's sections over them are checked also then.
    DataNode afwijking = DataNode::map(), toelichting = DataNode::map();
    for (const char *field : {"gemeente", "tekst", "toelichting"}) afwijking.set(field, "");
    afwijking.set("heeft_toelichting", DataNode::boolean(false));
    toelichting.set("tekst", "");
    DataNode &afw = data.set("afwijkingen", DataNode::list(afwijking));
    std::vector<bool> shown(regio.gemeenten.size(), false);
    for (const auto &a : regio.afwijkingen) {
        const Indeling &g = regio.gemeenten[a.index];
        DataNode &x = afw.push(DataNode::map());
        x.set("gemeente", g.naam);
        x.set("tekst", statement(regio, a));
        x.set("heeft_toelichting", DataNode::boolean(!g.toelichting.empty()));
        x.set("toelichting", g.toelichting);
        shown[a.index] = true;
    }
    data.set("heeft_afwijkingen", DataNode::boolean(!regio.afwijkingen.empty()));

    DataNode &notes = data.set("toelichtingen", DataNode::list(toelichting));
    for (std::size_t i = 0; i < regio.gemeenten.size(); ++i) {
        const Indeling &g = regio.gemeenten[i];
        if (shown[i] || g.toelichting.empty()) continue;
        notes.push(DataNode::map()).set("tekst", g.naam + ": " + g.toelichting);
    }
    data.set("heeft_toelichtingen", DataNode::boolean(!notes.items().empty()));

    // Sources, each with the gemeenten it is the source for (in region order).
    std::vector<std::pair<std::string, std::vector<std::string>>> bronnen;
    for (const auto &g : regio.gemeenten) {
        const std::string bron = g.bron.empty() ? "geen bron opgegeven" : g.bron;
        auto it = std::find_if(bronnen.begin(), bronnen.end(), [&](const auto &b) { return b.first == bron; });
        if (it == bronnen.end()) bronnen.push_back({bron, {g.naam}});
        else it->second.push_back(g.naam);
    }
    DataNode &bl = data.set("bronnen", DataNode::list());
    for (const auto &[bron, namen] : bronnen) {
        std::string wie;
        for (std::size_t i = 0; i < namen.size(); ++i)
            wie += (i == 0 ? "" : i + 1 == namen.size() ? " en " : ", ") + namen[i];
        bl.push(DataNode::map()).set("tekst", wie + ": " + bron);
    }
    return d;
}

void ZeelandPlugin::report(ReportContext &ctx) {
    if (auto regio = read_regio(ctx.settings(), ctx.region(), ctx.diagnostics(), ctx.key_path()))
        ctx.add_document(build_document(*regio, ctx.region()));
}

}  // namespace vhh::region_zeeland
