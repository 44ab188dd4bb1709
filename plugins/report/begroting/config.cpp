#include "config.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

#include "../jaarverantwoording/config.h"  // its risico fields

namespace vhh::begroting {

namespace {

const vhh_setting_spec kIndexFields[] = {
    {"jaar", VHH_SETTING_INTEGER, VHH_SETTING_REQUIRED, nullptr, "1900", "2200", "the year the percentage applies to",
     nullptr, 0},
    {"categorie", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "the indexation categorie, e.g. loon or prijs (posts name it in their categorie)", nullptr, 0},
    {"percentage", VHH_SETTING_PERCENTAGE, VHH_SETTING_REQUIRED, nullptr, "-50", "100",
     "the index in percent with at most four decimals, e.g. 2.35 (exact: kept in millionths)", nullptr, 0},
    {"bron", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "where the percentage comes from (e.g. CPB, cao)", nullptr, 0},
};

const vhh_setting_spec kProgrammaFields[] = {
    {"code", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "short code, e.g. P1", nullptr, 0},
    {"naam", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "name of the programma", nullptr, 0},
    {"bereiken", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "Wat willen we bereiken?",
     nullptr, 0},
    {"doen", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "Wat gaan we daarvoor doen?", nullptr,
     0},
};

const vhh_setting_spec kPostFields[] = {
    {"code", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "short unique code, e.g. PERS-DIR (the same code as the jaarverantwoording and the store use)", nullptr, 0},
    {"naam", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "name as the begroting shows it",
     nullptr, 0},
    {"soort", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "baten or lasten", nullptr, 0},
    {"programma", VHH_SETTING_CODE, 0, nullptr, nullptr, nullptr, "code of the programma the post belongs to",
     nullptr, 0},
    {"categorie", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "indexation categorie: geen, or one of the categories of indexatie (e.g. loon, prijs)", nullptr, 0},
    {"taakveld", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "Iv3 taakveld: its number and name, e.g. '1.2 Openbare orde en veiligheid'", nullptr, 0},
    {"bedrag", VHH_SETTING_MONEY, VHH_SETTING_REQUIRED, nullptr, "0", "1000000000",
     "the begroting of the boekjaar in euros (the store's vastgestelde begroting wins when it has the post)", nullptr,
     0},
    {"incidenteel", VHH_SETTING_BOOLEAN, 0, "false", nullptr, nullptr, "an incidentele bate or last", nullptr, 0},
    {"gemeentelijke_bijdrage", VHH_SETTING_BOOLEAN, 0, "false", nullptr, nullptr,
     "true for the one baten post the gemeenten pay, divided by the region's key every year", nullptr, 0},
    {"bron", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "provenance of the figure, e.g. illustratief", nullptr, 0},
};

// The same money fields as report.jaarverantwoording's reserves (toevoeging, onttrekking), per year.
const vhh_setting_spec kMutatieFields[] = {
    {"jaar", VHH_SETTING_INTEGER, VHH_SETTING_REQUIRED, nullptr, "1900", "2200",
     "a year of the meerjarenraming (begrotingsjaar … begrotingsjaar + 3)", nullptr, 0},
    {"toevoeging", VHH_SETTING_MONEY, 0, "0", "0", "1000000000", "budgeted addition that year (from the resultaat)",
     nullptr, 0},
    {"onttrekking", VHH_SETTING_MONEY, 0, "0", "0", "1000000000",
     "budgeted withdrawal that year (to the resultaat)", nullptr, 0},
    {"toelichting", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "why, e.g. dekking van het project", nullptr, 0},
};

const vhh_setting_spec kReserveFields[] = {
    {"naam", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "e.g. Algemene reserve", nullptr, 0},
    {"stand", VHH_SETTING_MONEY, VHH_SETTING_REQUIRED, nullptr, "-1000000000", "1000000000",
     "expected stand on 1 January of the begrotingsjaar, in euros", nullptr, 0},
    {"weerstand", VHH_SETTING_BOOLEAN, 0, "true", nullptr, nullptr, "counts as beschikbare weerstandscapaciteit",
     nullptr, 0},
    {"mutaties", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr,
     "budgeted mutations: {jaar, toevoeging, onttrekking, toelichting}, at most one per year of the meerjarenraming",
     kMutatieFields, static_cast<uint32_t>(sizeof kMutatieFields / sizeof kMutatieFields[0])},
};

#define FIELDS(a) a, static_cast<uint32_t>(sizeof a / sizeof a[0])

// A begrotingswijziging given in the config, with the fields `vhh wijziging` records.
const vhh_setting_spec kWijzigingPostFields[] = {
    {"code", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "the post's code", nullptr, 0},
    {"bedrag", VHH_SETTING_MONEY, VHH_SETTING_REQUIRED, nullptr, "-1000000000", "1000000000",
     "the change in euros (negative: less)", nullptr, 0},
    {"omschrijving", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "why this post changes", nullptr, 0},
};
const vhh_setting_spec kWijzigingFields[] = {
    {"besluit", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "the besluit, e.g. AB 2013/9",
     nullptr, 0},
    {"datum", VHH_SETTING_DATE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "the date of the besluit", nullptr, 0},
    {"omschrijving", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "what changes and why",
     nullptr, 0},
    {"posten", VHH_SETTING_LIST, VHH_SETTING_REQUIRED, nullptr, "1", nullptr, "the change per post: {code, bedrag, "
     "omschrijving}", FIELDS(kWijzigingPostFields)},
};

/// True for an Iv3 taakveld written as its number and name: "1.2 Openbare orde en veiligheid", "0.4 Overhead".
bool taakveld_form(const std::string &t) {
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t start = i;
        while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
        return i > start;
    };
    if (!digits() || i >= t.size() || t[i] != '.') return false;
    ++i;
    if (!digits()) return false;
    while (i < t.size() && t[i] == '.') {
        ++i;
        if (!digits()) return false;
    }
    return i + 1 < t.size() && t[i] == ' ' && t[i + 1] != ' ';
}

}  // namespace

const vhh_setting_spec kSettings[kSettingCount] = {
    {"begrotingsjaar", VHH_SETTING_CODE, 0, "volgend_jaar", nullptr, nullptr,
     "the year of the ontwerpbegroting: volgend_jaar (the boekjaar + 1), or boekjaar when the begroting of the "
     "boekjaar is the first year of the meerjarenraming",
     nullptr, 0},
    {"illustratief", VHH_SETTING_BOOLEAN, 0, "false", nullptr, nullptr,
     "true when the figures are illustrative (the documents then say so)", nullptr, 0},
    {"opmerking", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "a note shown at the top of the documents", nullptr, 0},
    {"indexatie", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr,
     "the indexation per categorie per year: {jaar, categorie, percentage, bron}; every categorie a post names needs "
     "a percentage for every year after the boekjaar up to begrotingsjaar + 3",
     FIELDS(kIndexFields)},
    {"programmas", VHH_SETTING_LIST, VHH_SETTING_REQUIRED, nullptr, "1", nullptr,
     "the programma's: {code, naam, bereiken, doen}", FIELDS(kProgrammaFields)},
    {"posten", VHH_SETTING_LIST, VHH_SETTING_REQUIRED, nullptr, "1", nullptr,
     "the begrotingsposten: {code, naam, soort, programma, categorie, taakveld, bedrag, incidenteel, "
     "gemeentelijke_bijdrage, bron}",
     FIELDS(kPostFields)},
    {"nieuw_beleid", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "new policy for the begrotingsjaar (kaderbrief)",
     nullptr, 0},
    {"bedrijfsvoering", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "the paragraaf bedrijfsvoering", nullptr, 0},
    {"reserves", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr,
     "reserves at the start of the begrotingsjaar: {naam, stand, weerstand, mutaties}", FIELDS(kReserveFields)},
    {"risicos", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr,
     "quantified risks for the weerstandsvermogen: {naam, bedrag, kans}", FIELDS(jaarverantwoording::kRisicoFields)},
    {"vergadering_algemeen_bestuur", VHH_SETTING_DATE, 0, nullptr, nullptr, nullptr,
     "the meeting of the algemeen bestuur that adopts the begroting (in the year before the begrotingsjaar), when the "
     "config's kalender: does not plan it (ab_begroting); the zienswijze must be in before it",
     nullptr, 0},
    {"datum_brieven", VHH_SETTING_DATE, 0, nullptr, nullptr, nullptr,
     "date of the zienswijzebrieven (default: the planned ontwerpbegroting date of kalender:, else 1 January after the boekjaar)", nullptr,
     0},
    {"kenmerk", VHH_SETTING_TEXT, 0, "", nullptr, nullptr,
     "kenmerk of the zienswijzebrieven, followed by /<CBS code> (default OB<begrotingsjaar>)", nullptr, 0},
    {"begrotingswijzigingen", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr,
     "begrotingswijzigingen of the boekjaar shown when the run has no store (numbered in order; a store's recorded "
     "ones take their place): {besluit, datum, omschrijving, posten: [{code, bedrag, omschrijving}]}",
     FIELDS(kWijzigingFields)},
};

std::int64_t Config::ppm(const std::string &categorie, int jaar) const {
    if (categorie == kGeen) return 0;
    for (const auto &i : indexatie)
        if (i.jaar == jaar && i.categorie == categorie) return i.ppm;
    return 0;  // read_config warned: not indexed that year
}

std::vector<std::string> Config::categorieen() const {
    std::vector<std::string> out;
    for (const auto &i : indexatie)
        if (std::find(out.begin(), out.end(), i.categorie) == out.end()) out.push_back(i.categorie);
    return out;
}

const Post &Config::bijdrage_post() const {
    for (const auto &p : posten)
        if (p.gemeentelijke_bijdrage) return p;
    throw std::logic_error("no gemeentelijke-bijdrage post");
}

std::optional<Config> read_config(const Settings &s, const Region &region, Diagnostics &diag,
                                  const std::string &key_prefix) {
    DiagnosticsScope stage(diag);
    Config c;
    auto key = [&](const std::string &path) { return key_prefix.empty() ? path : key_prefix + "." + path; };
    auto err = [&](const SourceLocation &w, const std::string &path, const std::string &msg,
                   const std::string &hint = {}) { diag.error(ExitCode::config, w, key(path), msg, hint); };
    auto text_or = [&](const Settings &from, const std::string &k) { return from.has(k) ? from.text(k) : ""; };

    c.basisjaar = region.boekjaar;
    c.begrotingsjaar = region.boekjaar + 1;
    if (s.has("begrotingsjaar")) {
        const std::string jaar = s.text("begrotingsjaar");
        if (jaar == "boekjaar") c.begrotingsjaar = region.boekjaar;
        else if (jaar != "volgend_jaar")
            err(s.where("begrotingsjaar"), "begrotingsjaar", "unknown begrotingsjaar '" + jaar + "'",
                "allowed: volgend_jaar (the ontwerpbegroting of boekjaar + 1), boekjaar (the begroting of the boekjaar "
                "is the first year)");
    }
    c.illustratief = s.has("illustratief") && s.boolean("illustratief");
    c.opmerking = text_or(s, "opmerking");
    c.nieuw_beleid = text_or(s, "nieuw_beleid");
    c.bedrijfsvoering = text_or(s, "bedrijfsvoering");
    c.kenmerk = text_or(s, "kenmerk");
    if (s.has("datum_brieven")) c.datum_brieven = s.date("datum_brieven");
    if (s.has("vergadering_algemeen_bestuur")) {
        c.vergadering = s.date("vergadering_algemeen_bestuur");
        if (c.vergadering->year != c.begrotingsjaar - 1)
            diag.error(ExitCode::data, s.where("vergadering_algemeen_bestuur"), key("vergadering_algemeen_bestuur"),
                       "the algemeen bestuur adopts the begroting " + std::to_string(c.begrotingsjaar) + " in " +
                           std::to_string(c.begrotingsjaar - 1) + ", not on " + c.vergadering->iso(),
                       "art. 35 Wgr: the begroting goes to gedeputeerde staten in the year before the begrotingsjaar");
    }

    // Indexatie: one percentage per categorie per year.
    std::set<std::pair<int, std::string>> seen;
    if (s.has("indexatie")) {
        const auto &list = s.list("indexatie");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Settings &x = list[i];
            const std::string kp = "indexatie[" + std::to_string(i) + "]";
            if (!x.has("jaar") || !x.has("categorie") || !x.has("percentage")) continue;
            Index idx{static_cast<int>(x.integer("jaar")), x.text("categorie"), x.percentage_ppm("percentage"),
                      text_or(x, "bron")};
            if (idx.categorie == kGeen) {
                err(x.where("categorie"), kp + ".categorie", "categorie 'geen' is never indexed",
                    "remove this entry, or give the categorie another name");
                continue;
            }
            if (!seen.insert({idx.jaar, idx.categorie}).second) {
                err(x.where("jaar"), kp + ".jaar",
                    "categorie '" + idx.categorie + "' has two percentages for " + std::to_string(idx.jaar));
                continue;
            }
            c.indexatie.push_back(std::move(idx));
        }
    }
    const std::vector<std::string> cats = c.categorieen();
    std::string allowed = kGeen;
    for (const auto &cat : cats) allowed += ", " + cat;

    std::set<std::string> programma_codes;
    const auto &progs = s.list("programmas");
    for (std::size_t i = 0; i < progs.size(); ++i) {
        const Settings &p = progs[i];
        if (!p.has("code") || !p.has("naam") || !p.has("bereiken") || !p.has("doen")) continue;
        Programma prog{p.text("code"), p.text("naam"), p.text("bereiken"), p.text("doen")};
        if (!programma_codes.insert(prog.code).second) {
            err(p.where("code"), "programmas[" + std::to_string(i) + "].code",
                "programma '" + prog.code + "' is declared twice");
            continue;
        }
        c.programmas.push_back(std::move(prog));
    }

    std::set<std::string> codes;
    std::set<std::string> missing_reported;  // "categorie/jaar" reported once
    const auto &posts = s.list("posten");
    for (std::size_t i = 0; i < posts.size(); ++i) {
        const Settings &p = posts[i];
        const std::string kp = "posten[" + std::to_string(i) + "]";
        if (!p.has("code") || !p.has("naam") || !p.has("soort") || !p.has("categorie") || !p.has("taakveld") ||
            !p.has("bedrag"))
            continue;
        Post post;
        post.code = p.text("code");
        post.naam = p.text("naam");
        post.soort = p.text("soort");
        post.programma = text_or(p, "programma");
        post.categorie = p.text("categorie");
        post.taakveld = p.text("taakveld");
        post.bedrag = p.money("bedrag");
        post.incidenteel = p.has("incidenteel") && p.boolean("incidenteel");
        post.gemeentelijke_bijdrage = p.has("gemeentelijke_bijdrage") && p.boolean("gemeentelijke_bijdrage");
        post.bron = text_or(p, "bron");
        post.where = p.where("code");
        post.key_path = key(kp);
        bool ok = true;
        if (!codes.insert(post.code).second) {
            err(p.where("code"), kp + ".code", "post '" + post.code + "' is declared twice");
            ok = false;
        }
        if (post.soort != "baten" && post.soort != "lasten") {
            err(p.where("soort"), kp + ".soort", "unknown soort '" + post.soort + "'", "allowed: baten, lasten");
            ok = false;
        }
        if (post.categorie != kGeen && std::find(cats.begin(), cats.end(), post.categorie) == cats.end()) {
            err(p.where("categorie"), kp + ".categorie", "unknown categorie '" + post.categorie + "'",
                "allowed: " + allowed + " (a categorie is declared by its percentages in indexatie)");
            ok = false;
        } else if (post.categorie != kGeen) {
            for (int j = c.basisjaar + 1; j <= c.begrotingsjaar + 3; ++j)
                if (!seen.count({j, post.categorie}) &&
                    missing_reported.insert(post.categorie + "/" + std::to_string(j)).second) {
                    diag.warning(p.where("categorie"), key(kp + ".categorie"),
                                 "categorie '" + post.categorie + "' has no percentage for " + std::to_string(j) +
                                     ": its posts are not indexed that year (0 %)",
                                 "add {jaar: " + std::to_string(j) + ", categorie: " + post.categorie +
                                     ", percentage: …} to indexatie (every year " + std::to_string(c.basisjaar + 1) +
                                     "–" + std::to_string(c.begrotingsjaar + 3) + ")");
                }
        }
        if (!taakveld_form(post.taakveld)) {
            err(p.where("taakveld"), kp + ".taakveld", "taakveld '" + post.taakveld + "' is not an Iv3 taakveld",
                "write its number and name, e.g. '1.2 Openbare orde en veiligheid'");
            ok = false;
        }
        if (!post.programma.empty() && !programma_codes.count(post.programma)) {
            err(p.where("programma"), kp + ".programma", "unknown programma '" + post.programma + "'");
            ok = false;
        }
        if (post.gemeentelijke_bijdrage && post.soort != "baten") {
            err(p.where("gemeentelijke_bijdrage"), kp + ".gemeentelijke_bijdrage",
                "the gemeentelijke bijdrage is a bate, not " + post.soort);
            ok = false;
        }
        if (ok) c.posten.push_back(std::move(post));
    }
    const auto bijdrage_posten = std::count_if(c.posten.begin(), c.posten.end(),
                                               [](const Post &p) { return p.gemeentelijke_bijdrage; });
    if (!stage.failed() && bijdrage_posten != 1)
        err(s.where("posten"), "posten",
            bijdrage_posten == 0 ? "no post is the gemeentelijke bijdrage"
                                 : "more than one post is the gemeentelijke bijdrage",
            "mark exactly one baten post with gemeentelijke_bijdrage: true");

    if (s.has("reserves")) {
        const auto &list = s.list("reserves");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Settings &r = list[i];
            if (!r.has("naam") || !r.has("stand")) continue;
            Reserve reserve{r.text("naam"), r.money("stand"), !r.has("weerstand") || r.boolean("weerstand"), {}};
            if (r.has("mutaties")) {
                const auto &mutaties = r.list("mutaties");
                for (std::size_t k = 0; k < mutaties.size(); ++k) {
                    const Settings &m = mutaties[k];
                    const std::string kp = "reserves[" + std::to_string(i) + "].mutaties[" + std::to_string(k) + "]";
                    if (!m.has("jaar")) continue;
                    ReserveMutatie mutatie{static_cast<int>(m.integer("jaar")), m.has("toevoeging") ? m.money("toevoeging") : Money(),
                                           m.has("onttrekking") ? m.money("onttrekking") : Money(), text_or(m, "toelichting")};
                    const std::string jaar = std::to_string(mutatie.jaar);
                    if (mutatie.jaar < c.begrotingsjaar || mutatie.jaar > c.begrotingsjaar + 3)
                        err(m.where("jaar"), kp + ".jaar", jaar + " is not a year of the meerjarenraming " +
                                                               std::to_string(c.begrotingsjaar) + "–" +
                                                               std::to_string(c.begrotingsjaar + 3));
                    else if (reserve.mutatie(mutatie.jaar))
                        err(m.where("jaar"), kp + ".jaar",
                            "reserve '" + reserve.naam + "' has two mutaties for " + jaar,
                            "give one entry per year with its toevoeging and its onttrekking");
                    else
                        reserve.mutaties.push_back(std::move(mutatie));
                }
            }
            c.reserves.push_back(std::move(reserve));
        }
    }
    if (s.has("begrotingswijzigingen")) {
        const auto &list = s.list("begrotingswijzigingen");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Settings &w = list[i];
            if (!w.has("besluit") || !w.has("datum") || !w.has("posten")) continue;
            BudgetAmendment a;
            a.nummer = static_cast<int>(i + 1);
            a.besluit = w.text("besluit");
            a.datum = w.date("datum").iso();
            a.omschrijving = text_or(w, "omschrijving");
            const auto &posten = w.list("posten");
            for (std::size_t k = 0; k < posten.size(); ++k) {
                const Settings &p = posten[k];
                if (!p.has("code") || !p.has("bedrag")) continue;
                const std::string code = p.text("code");
                const auto post = std::find_if(c.posten.begin(), c.posten.end(), [&](const Post &q) { return q.code == code; });
                if (post == c.posten.end()) {
                    err(p.where("code"), "begrotingswijzigingen[" + std::to_string(i) + "].posten[" + std::to_string(k) +
                                             "].code",
                        "post '" + code + "' is not a post of this begroting", "use the code of one of posten");
                    continue;
                }
                a.posten.push_back({code, post->naam, p.money("bedrag"), text_or(p, "omschrijving")});
            }
            c.wijzigingen.push_back(std::move(a));
        }
    }
    if (s.has("risicos"))
        for (const auto &r : s.list("risicos"))
            if (r.has("naam") && r.has("bedrag") && r.has("kans"))
                c.risicos.push_back({r.text("naam"), r.money("bedrag"), r.percentage_ppm("kans")});

    if (stage.failed()) return std::nullopt;
    return c;
}

}  // namespace vhh::begroting
