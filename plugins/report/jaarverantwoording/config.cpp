#include "config.h"

#include <map>
#include <set>

#include "vergadering_rule.h"

namespace vhh::jaarverantwoording {

namespace {

const vhh_setting_spec kProgrammaFields[] = {
    {"code", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "short code, e.g. P1", nullptr, 0},
    {"naam", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "name of the programma", nullptr, 0},
    {"bereiken", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "Wat wilden we bereiken? (the doelstellingen; several lines allowed)", nullptr, 0},
    {"gedaan", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "Wat hebben we daarvoor gedaan? (the resultaten and activiteiten)", nullptr, 0},
    {"bron", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "where the text comes from", nullptr, 0},
};

const vhh_setting_spec kPostFields[] = {
    {"code", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "short unique code, e.g. PERS-DIR",
     nullptr, 0},
    {"naam", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "name as the begroting shows it",
     nullptr, 0},
    {"soort", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "baten or lasten", nullptr, 0},
    {"categorie", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "baten: rijksbijdrage, gemeentelijke_bijdragen, werkplekhuur, overige_baten; lasten: personeel, "
     "huisvesting, ict, projecten, overige_lasten",
     nullptr, 0},
    {"programma", VHH_SETTING_CODE, 0, nullptr, nullptr, nullptr,
     "code of the programma the post belongs to (answers its 'Wat heeft het gekost?')", nullptr, 0},
    {"fte", VHH_SETTING_TEXT, 0, nullptr, nullptr, nullptr, "formatie of a personnel post in fte, e.g. 0.66",
     nullptr, 0},
    {"begroting_primitief", VHH_SETTING_MONEY, VHH_SETTING_REQUIRED, nullptr, "0", "1000000000",
     "the begroting as first adopted, in euros", nullptr, 0},
    {"begroting_na_wijziging", VHH_SETTING_MONEY, 0, nullptr, "0", "1000000000",
     "the begroting after begrotingswijzigingen (default: begroting_primitief)", nullptr, 0},
    {"vorig_jaar", VHH_SETTING_MONEY, 0, nullptr, "-1000000000", "1000000000",
     "realisatie of the year before, in euros (shown in a prior-year column)", nullptr, 0},
    {"lijnen", VHH_SETTING_CODES, 0, nullptr, nullptr, nullptr,
     "baten: sources of contribution lines whose total is the realisatie, e.g. [inwonerbijdrage]", nullptr, 0},
    {"toelichting", VHH_SETTING_TEXT, 0, nullptr, nullptr, nullptr,
     "explanation of the verschil (required in substance when the verschil passes the drempel)", nullptr, 0},
    {"bron", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "provenance of the figures, e.g. illustratief", nullptr, 0},
};

const vhh_setting_spec kToewijzingFields[] = {
    {"kostenplaats", VHH_SETTING_CODE, 0, nullptr, nullptr, nullptr, "kostenplaats of the ledger line (any when absent)",
     nullptr, 0},
    {"rekening", VHH_SETTING_CODE, 0, nullptr, nullptr, nullptr,
     "grootboekrekening (any when absent); ending in '*' matches a prefix, e.g. 41*", nullptr, 0},
    {"post", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "code of the post", nullptr, 0},
};

const vhh_setting_spec kReserveFields[] = {
    {"code", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "short code, e.g. AR", nullptr, 0},
    {"naam", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "e.g. Algemene reserve", nullptr, 0},
    {"begin", VHH_SETTING_MONEY, VHH_SETTING_REQUIRED, nullptr, "-1000000000", "1000000000",
     "stand on 1 January of the boekjaar, in euros", nullptr, 0},
    {"toevoeging", VHH_SETTING_MONEY, 0, "0", "0", "1000000000", "added in the boekjaar (from the resultaat)", nullptr,
     0},
    {"onttrekking", VHH_SETTING_MONEY, 0, "0", "0", "1000000000", "withdrawn in the boekjaar (to the resultaat)",
     nullptr, 0},
    {"weerstand", VHH_SETTING_BOOLEAN, 0, "true", nullptr, nullptr,
     "counts as beschikbare weerstandscapaciteit", nullptr, 0},
    {"begroot_toevoeging", VHH_SETTING_MONEY, 0, "0", "0", "1000000000",
     "the toevoeging the begroting (na wijziging) budgets for the boekjaar: gets its V/N like a last", nullptr, 0},
    {"begroot_onttrekking", VHH_SETTING_MONEY, 0, "0", "0", "1000000000",
     "the onttrekking the begroting (na wijziging) budgets for the boekjaar: gets its V/N like a bate", nullptr, 0},
};

#define FIELDS(a) a, static_cast<uint32_t>(sizeof a / sizeof a[0])

struct CategorieInfo {
    const char *code;
    Soort soort;
    const char *label;
};
const CategorieInfo kCategorieen[] = {
    {"rijksbijdrage", Soort::baten, "Rijksbijdrage"},
    {"gemeentelijke_bijdragen", Soort::baten, "Gemeentelijke bijdragen"},
    {"werkplekhuur", Soort::baten, "Werkplekhuur"},
    {"overige_baten", Soort::baten, "Overige baten"},
    {"personeel", Soort::lasten, "Personeel"},
    {"huisvesting", Soort::lasten, "Huisvesting"},
    {"ict", Soort::lasten, "ICT"},
    {"projecten", Soort::lasten, "Projecten"},
    {"overige_lasten", Soort::lasten, "Overige lasten"},
};

std::string allowed_categorieen(Soort soort) {
    std::string s;
    for (const auto &c : kCategorieen)
        if (c.soort == soort) s += (s.empty() ? "" : ", ") + std::string(c.code);
    return s;
}

}  // namespace

const vhh_setting_spec kRisicoFields[kRisicoFieldCount] = {
    {"naam", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "the risk", nullptr, 0},
    {"bedrag", VHH_SETTING_MONEY, VHH_SETTING_REQUIRED, nullptr, "0", "1000000000", "financial impact in euros",
     nullptr, 0},
    {"kans", VHH_SETTING_PERCENTAGE, VHH_SETTING_REQUIRED, nullptr, "0", "100", "probability in percent, e.g. 25",
     nullptr, 0},
};

const vhh_setting_spec kSettings[kSettingCount] = {
    {"vergadering_algemeen_bestuur", VHH_SETTING_DATE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "date of the meeting of the algemeen bestuur that adopts the jaarrekening (Wgr art. 34: in the year after "
     "the boekjaar, to gedeputeerde staten before 15 July)",
     nullptr, 0},
    {"illustratief", VHH_SETTING_BOOLEAN, 0, "false", nullptr, nullptr,
     "true when the figures are illustrative (the documents then say so)", nullptr, 0},
    {"opmerking", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "a note shown at the top of the documents", nullptr, 0},
    {"datum_brieven", VHH_SETTING_DATE, 0, nullptr, nullptr, nullptr,
     "date of the raadsbrieven (default 1 January after the boekjaar, the date the documents carry)", nullptr, 0},
    {"kenmerk", VHH_SETTING_TEXT, 0, "", nullptr, nullptr,
     "kenmerk of the raadsbrieven, followed by /<CBS code> (default JV<boekjaar>)", nullptr, 0},
    {"programmas", VHH_SETTING_LIST, VHH_SETTING_REQUIRED, nullptr, "1", nullptr,
     "the programma's: {code, naam, bereiken, gedaan}", FIELDS(kProgrammaFields)},
    {"posten", VHH_SETTING_LIST, VHH_SETTING_REQUIRED, nullptr, "1", nullptr,
     "the begrotingsposten: {code, naam, soort, categorie, programma, fte, begroting_primitief, "
     "begroting_na_wijziging, vorig_jaar, lijnen, toelichting, bron}",
     FIELDS(kPostFields)},
    {"grootboek", VHH_SETTING_TEXT, 0, nullptr, nullptr, nullptr,
     "ledger export with the realisatie, relative to this settings file; read by grootboek_importer",
     nullptr, 0},
    {"grootboek_vorig_jaar", VHH_SETTING_TEXT, 0, nullptr, nullptr, nullptr,
     "ledger export of the year before, for the prior-year column", nullptr, 0},
    {"grootboek_bron", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "provenance of the ledger export", nullptr, 0},
    {"grootboek_importer", VHH_SETTING_CODE, 0, "importer.csv-nl", nullptr, nullptr,
     "importer plugin that reads grootboek and grootboek_vorig_jaar (configured in plugins, with the export's "
     "column names in its own settings), e.g. importer.csv-nl or importer.debet-credit",
     nullptr, 0},
    {"baten_negatief", VHH_SETTING_BOOLEAN, 0, "false", nullptr, nullptr,
     "true when the export writes baten (credit) as negative amounts; they are then negated", nullptr, 0},
    {"toewijzing", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr,
     "maps ledger lines to posten: {kostenplaats, rekening, post}; the first matching rule wins",
     FIELDS(kToewijzingFields)},
    {"restpost", VHH_SETTING_CODE, 0, nullptr, nullptr, nullptr,
     "post that takes ledger lines no rule maps (without it such a line is an error)", nullptr, 0},
    {"drempel_percentage", VHH_SETTING_PERCENTAGE, 0, "5", "0", "100",
     "a verschil needs a toelichting when it is more than this percentage of the begroting na wijziging", nullptr, 0},
    {"drempel_bedrag", VHH_SETTING_MONEY, 0, "15000", "0", "1000000000",
     "... and/or more than this amount in euros", nullptr, 0},
    {"drempel_combinatie", VHH_SETTING_CODE, 0, "en", nullptr, nullptr,
     "en: both percentage and amount must be exceeded; of: either", nullptr, 0},
    {"reserves", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr,
     "reserves: {code, naam, begin, toevoeging, onttrekking, weerstand, begroot_toevoeging, begroot_onttrekking}", FIELDS(kReserveFields)},
    {"risicos", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr,
     "quantified risks for the weerstandsvermogen: {naam, bedrag, kans}", FIELDS(kRisicoFields)},
    {"indicatoren", VHH_SETTING_TEXT, 0, nullptr, nullptr, nullptr,
     "CSV with case counts per thema, gemeente (CBS code) and optionally AVE-niveau (1-4)", nullptr, 0},
    {"indicatoren_bron", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "provenance of the counts", nullptr, 0},
    {"indicatoren_kolom_thema", VHH_SETTING_TEXT, 0, "Thema", nullptr, nullptr, "indicator column with the thema",
     nullptr, 0},
    {"indicatoren_kolom_gemeente", VHH_SETTING_TEXT, 0, "Gemeente", nullptr, nullptr,
     "indicator column with the CBS code of the gemeente", nullptr, 0},
    {"indicatoren_kolom_niveau", VHH_SETTING_TEXT, 0, "AVE-niveau", nullptr, nullptr,
     "indicator column with the AVE-niveau 1-4 (used when the file has it)", nullptr, 0},
    {"indicatoren_kolom_aantal", VHH_SETTING_TEXT, 0, "Aantal", nullptr, nullptr, "indicator column with the count",
     nullptr, 0},
    {"indicatoren_per_casus", VHH_SETTING_BOOLEAN, 0, "false", nullptr, nullptr,
     "true when the indicator CSV has a line per casus (registration): lines with the same thema, gemeente and "
     "AVE-niveau are added up; false: one line per combination, and a repeated one is an error (a double export)",
     nullptr, 0},
    {"themas", VHH_SETTING_CODES, 0, nullptr, nullptr, nullptr,
     "the themas in the order to show them; a thema in the CSV that is not listed is then an error", nullptr, 0},
    {"minimum_celwaarde", VHH_SETTING_INTEGER, 0, "5", "1", "1000",
     "public documents show counts below this as '<N' (with secondary suppression)", nullptr, 0},
    {"verdeelsleutel_bron", VHH_SETTING_CODE, 0, "inwonerbijdrage", nullptr, nullptr,
     "source of the lines that are the voorlopige bijdrage per gemeente; their amounts are the key for the "
     "resultaat",
     nullptr, 0},
};

bool Toewijzing::matches(const std::string &kp, const std::string &rek) const {
    if (!kostenplaats.empty() && kostenplaats != kp) return false;
    if (rekening.empty()) return true;
    if (rekening.back() == '*') return rek.compare(0, rekening.size() - 1, rekening, 0, rekening.size() - 1) == 0 &&
                                       rek.size() >= rekening.size() - 1;
    return rekening == rek;
}

int Config::find_post(const std::string &code) const {
    for (std::size_t i = 0; i < posten.size(); ++i)
        if (posten[i].code == code) return static_cast<int>(i);
    return -1;
}

std::string categorie_label(const std::string &categorie) {
    for (const auto &c : kCategorieen)
        if (categorie == c.code) return c.label;
    return "";
}

bool categorie_allowed(Soort soort, const std::string &categorie) {
    for (const auto &c : kCategorieen)
        if (categorie == c.code) return c.soort == soort;
    return false;
}

std::optional<Config> read_config(const Settings &s, const Region &region, Diagnostics &diag,
                                  const std::string &key_prefix) {
    DiagnosticsScope stage(diag);  // the errors recorded from here on
    Config c;
    c.key_prefix = key_prefix;
    auto err = [&](const SourceLocation &w, const std::string &path, const std::string &msg, const std::string &hint = {}) {
        diag.error(ExitCode::config, w, c.key(path), msg, hint);
    };
    auto text_or = [&](const std::string &key, const std::string &fallback) {
        return s.has(key) ? s.text(key) : fallback;
    };

    if (s.has("vergadering_algemeen_bestuur")) {
        c.vergadering = s.date("vergadering_algemeen_bestuur");
        if (std::string problem = vergadering_problem(c.vergadering, region.boekjaar);
            region.boekjaar > 0 && !problem.empty())
            diag.error(ExitCode::data, s.where("vergadering_algemeen_bestuur"), c.key("vergadering_algemeen_bestuur"),
                       problem);
    }
    c.illustratief = s.has("illustratief") && s.boolean("illustratief");
    c.opmerking = text_or("opmerking", "");
    if (s.has("datum_brieven")) c.datum_brieven = s.date("datum_brieven");
    c.kenmerk = text_or("kenmerk", "");

    // Programma's.
    std::set<std::string> programma_codes;
    if (s.has("programmas")) {
        const auto &list = s.list("programmas");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Settings &p = list[i];
            const std::string kp = "programmas[" + std::to_string(i) + "]";
            if (!p.has("code") || !p.has("naam") || !p.has("bereiken") || !p.has("gedaan")) continue;
            Programma prog{p.text("code"), p.text("naam"), p.text("bereiken"), p.text("gedaan"),
                           p.has("bron") ? p.text("bron") : ""};
            if (!programma_codes.insert(prog.code).second) {
                err(p.where("code"), kp + ".code", "programma '" + prog.code + "' is declared twice");
                continue;
            }
            c.programmas.push_back(std::move(prog));
        }
    }

    // Posten.
    std::map<std::string, std::string> source_owner;  // line source -> post code
    if (s.has("posten")) {
        const auto &list = s.list("posten");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Settings &p = list[i];
            const std::string kp = "posten[" + std::to_string(i) + "]";
            if (!p.has("code") || !p.has("naam") || !p.has("soort") || !p.has("categorie") ||
                !p.has("begroting_primitief"))
                continue;
            Post post;
            post.code = p.text("code");
            post.naam = p.text("naam");
            post.where = p.where("code");
            post.key_path = c.key(kp);
            const std::string soort = p.text("soort");
            bool ok = true;
            if (soort == "baten") {
                post.soort = Soort::baten;
            } else if (soort == "lasten") {
                post.soort = Soort::lasten;
            } else {
                err(p.where("soort"), kp + ".soort", "unknown soort '" + soort + "'", "allowed: baten, lasten");
                ok = false;
            }
            post.categorie = p.text("categorie");
            if (ok && !categorie_allowed(post.soort, post.categorie)) {
                err(p.where("categorie"), kp + ".categorie",
                    "categorie '" + post.categorie + "' is not allowed for " + soort,
                    "allowed for " + soort + ": " + allowed_categorieen(post.soort));
                ok = false;
            }
            if (p.has("programma")) {
                post.programma = p.text("programma");
                if (!programma_codes.count(post.programma)) {
                    std::string known;
                    for (const auto &pr : c.programmas) known += (known.empty() ? "" : ", ") + pr.code;
                    err(p.where("programma"), kp + ".programma", "unknown programma '" + post.programma + "'",
                        "declared programma's: " + known);
                    ok = false;
                }
            }
            if (p.has("fte")) {
                std::int64_t h = 0;
                if (!parse_fte(p.text("fte"), h)) {
                    err(p.where("fte"), kp + ".fte", "expected a number of fte like 0.66, got '" + p.text("fte") + "'",
                        "at most two decimals, not negative");
                    ok = false;
                } else {
                    post.fte = h;
                }
            }
            post.primitief = p.money("begroting_primitief");
            post.na_wijziging = p.has("begroting_na_wijziging") ? p.money("begroting_na_wijziging") : post.primitief;
            if (p.has("vorig_jaar")) post.vorig_jaar = p.money("vorig_jaar");
            if (p.has("lijnen")) {
                post.lijnen = p.codes("lijnen");
                if (ok && post.soort != Soort::baten && !post.lijnen.empty()) {
                    err(p.where("lijnen"), kp + ".lijnen", "only baten posten take contribution lines",
                        "remove 'lijnen' or make the post soort baten");
                    ok = false;
                }
                for (const auto &src : post.lijnen) {
                    auto [it, fresh] = source_owner.emplace(src, post.code);
                    if (!fresh && it->second != post.code) {
                        err(p.where("lijnen"), kp + ".lijnen",
                            "source '" + src + "' is already the realisatie of post '" + it->second + "'",
                            "a source's lines can be counted once");
                        ok = false;
                    }
                }
            }
            if (p.has("toelichting")) post.toelichting = p.text("toelichting");
            if (p.has("bron")) post.bron = p.text("bron");
            // A post with errors is still known, so rules naming it do not add false errors;
            // the run stops on its errors anyway.
            if (c.find_post(post.code) >= 0) {
                err(p.where("code"), kp + ".code", "post '" + post.code + "' is declared twice");
                ok = false;
            } else {
                c.posten.push_back(std::move(post));
            }
            (void)ok;
        }
    }

    // Ledger.
    auto file = [&](const std::string &key) -> std::optional<InvoerBestand> {
        if (!s.has(key)) return std::nullopt;
        if (s.text(key).empty()) {
            err(s.where(key), key, "expected a file name, got an empty text");
            return std::nullopt;
        }
        return InvoerBestand{s.text(key), s.where(key), c.key(key)};
    };
    c.grootboek = file("grootboek");
    c.grootboek_vorig_jaar = file("grootboek_vorig_jaar");
    c.grootboek_bron = text_or("grootboek_bron", "");
    auto column = [&](const std::string &key, std::string &out) {
        if (!s.has(key)) return;
        if (s.text(key).empty()) {
            err(s.where(key), key, "a column name cannot be empty");
            return;
        }
        out = s.text(key);
    };
    c.grootboek_importer = text_or("grootboek_importer", "importer.csv-nl");
    c.baten_negatief = s.has("baten_negatief") && s.boolean("baten_negatief");
    if (s.has("toewijzing")) {
        const auto &list = s.list("toewijzing");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Settings &t = list[i];
            const std::string kp = "toewijzing[" + std::to_string(i) + "]";
            if (!t.has("post")) continue;
            Toewijzing rule;
            rule.post = t.text("post");
            rule.where = t.where("post");
            rule.key_path = c.key(kp);
            if (t.has("kostenplaats")) rule.kostenplaats = t.text("kostenplaats");
            if (t.has("rekening")) rule.rekening = t.text("rekening");
            if (rule.kostenplaats.empty() && rule.rekening.empty()) {
                err(t.where("post"), kp, "a toewijzing needs a kostenplaats, a rekening or both",
                    "use 'restpost' for a post that takes every remaining line");
                continue;
            }
            if (c.find_post(rule.post) < 0) {
                err(t.where("post"), kp + ".post", "unknown post '" + rule.post + "'");
                continue;
            }
            c.toewijzing.push_back(std::move(rule));
        }
    }
    if (s.has("restpost")) {
        c.restpost = s.text("restpost");
        if (c.find_post(c.restpost) < 0) err(s.where("restpost"), "restpost", "unknown post '" + c.restpost + "'");
    }
    if ((!c.toewijzing.empty() || !c.restpost.empty()) && !c.grootboek)
        err(s.has("toewijzing") ? s.where("toewijzing") : s.where("restpost"), "toewijzing",
            "a toewijzing without a grootboek", "name the ledger export with 'grootboek:'");

    // Drempel.
    if (s.has("drempel_percentage")) c.drempel.percentage_ppm = s.percentage_ppm("drempel_percentage");
    if (s.has("drempel_bedrag")) c.drempel.bedrag = s.money("drempel_bedrag");
    const std::string combinatie = text_or("drempel_combinatie", "en");
    if (combinatie == "en") c.drempel.beide = true;
    else if (combinatie == "of") c.drempel.beide = false;
    else
        err(s.where("drempel_combinatie"), "drempel_combinatie", "unknown drempel_combinatie '" + combinatie + "'",
            "en: percentage and amount both exceeded; of: either");

    // Reserves and risks.
    if (s.has("reserves")) {
        const auto &list = s.list("reserves");
        std::set<std::string> codes;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Settings &r = list[i];
            if (!r.has("code") || !r.has("naam") || !r.has("begin")) continue;
            Reserve res{r.text("code"), r.text("naam"), r.money("begin"),
                        r.has("toevoeging") ? r.money("toevoeging") : Money(),
                        r.has("onttrekking") ? r.money("onttrekking") : Money(),
                        !r.has("weerstand") || r.boolean("weerstand"),
                        r.has("begroot_toevoeging") ? r.money("begroot_toevoeging") : Money(),
                        r.has("begroot_onttrekking") ? r.money("begroot_onttrekking") : Money()};
            if (!codes.insert(res.code).second) {
                err(r.where("code"), "reserves[" + std::to_string(i) + "].code",
                    "reserve '" + res.code + "' is declared twice");
                continue;
            }
            c.reserves.push_back(std::move(res));
        }
    }
    if (s.has("risicos")) {
        for (const Settings &r : s.list("risicos")) {
            if (!r.has("naam") || !r.has("bedrag") || !r.has("kans")) continue;
            c.risicos.push_back({r.text("naam"), r.money("bedrag"), r.percentage_ppm("kans")});
        }
    }

    // Indicators.
    c.indicatoren = file("indicatoren");
    c.indicatoren_bron = text_or("indicatoren_bron", "");
    column("indicatoren_kolom_thema", c.indicator_kolommen.thema);
    column("indicatoren_kolom_gemeente", c.indicator_kolommen.gemeente);
    column("indicatoren_kolom_niveau", c.indicator_kolommen.niveau);
    column("indicatoren_kolom_aantal", c.indicator_kolommen.aantal);
    c.indicatoren_per_casus = s.has("indicatoren_per_casus") && s.boolean("indicatoren_per_casus");
    if (s.has("themas")) {
        std::set<std::string> seen;
        for (const auto &t : s.codes("themas")) {
            if (!seen.insert(t).second) err(s.where("themas"), "themas", "thema '" + t + "' is listed twice");
            else c.themas.push_back(t);
        }
    }
    if (s.has("minimum_celwaarde")) c.minimum = s.integer("minimum_celwaarde");
    c.verdeelsleutel_bron = text_or("verdeelsleutel_bron", "inwonerbijdrage");

    if (stage.failed()) return std::nullopt;
    return c;
}

}  // namespace vhh::jaarverantwoording
