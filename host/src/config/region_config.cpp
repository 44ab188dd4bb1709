#include "config/region_config.h"
#include "store/database_url.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "config/centrumgemeente_rule.h"
#include "config/facturatie_config.h"
#include "config/peildatum_rule.h"
#include "render/png_image.h"
#include "config/region_id.h"
#include "config/input_file.h"
#include "config/settings_validator.h"
#include "output/sha256.h"
#include "render/renderer_registry.h"
#include "vhh/money.h"
#include "vhh/text.h"

namespace vhh::host {

namespace {

// The config's own sections, declared as settings tables like a plugin's.
const vhh_setting_spec kRegioSpec[] = {
    {"id", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "short stable id of the region, e.g. zeeland", nullptr, 0},
    {"naam", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "display name, e.g. Veiligheidshuis Zeeland", nullptr, 0},
    {"boekjaar", VHH_SETTING_INTEGER, VHH_SETTING_REQUIRED, nullptr, "1990", "2200",
     "the year the documents are about", nullptr, 0},
    {"centrumgemeente", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "CBS code of the centrumgemeente, e.g. GM0687", nullptr, 0},
};

const vhh_setting_spec kBevolkingSpec[] = {
    {"peildatum", VHH_SETTING_DATE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "reference date of the population figures", nullptr, 0},
    {"bron", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "where the figures come from", nullptr, 0},
    {"indicatief", VHH_SETTING_BOOLEAN, 0, "false", nullptr, nullptr,
     "true when the figures are indicative and must be replaced by CBS figures", nullptr, 0},
};

const vhh_setting_spec kGemeenteFields[] = {
    {"code", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "CBS code, e.g. GM0654", nullptr,
     0},
    {"naam", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "name of the gemeente", nullptr, 0},
    {"inwoners", VHH_SETTING_INTEGER, VHH_SETTING_REQUIRED, nullptr, "0", "100000000",
     "population at the peildatum", nullptr, 0},
    {"bron", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "source and date of this figure", nullptr, 0},
};

const vhh_setting_spec kGemeentenSpec[] = {
    {"gemeenten", VHH_SETTING_LIST, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "the gemeenten of the region",
     kGemeenteFields, sizeof kGemeenteFields / sizeof kGemeenteFields[0]},
};

const vhh_setting_spec kHerindelingFields[] = {
    {"per", VHH_SETTING_DATE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "the day the new gemeente exists",
     nullptr, 0},
    {"naar", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "CBS code of the new gemeente",
     nullptr, 0},
    {"naam", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "name of the new gemeente", nullptr, 0},
    {"van", VHH_SETTING_CODES, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "CBS codes of the gemeenten that merged", nullptr, 0},
};

const vhh_setting_spec kHerindelingenSpec[] = {
    {"herindelingen", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr,
     "mergers: gemeenten `van` became `naar` on date `per`", kHerindelingFields,
     sizeof kHerindelingFields / sizeof kHerindelingFields[0]},
};

const std::set<std::string> kTopLevelKeys = {"regio", "bevolking", "gemeenten", "herindelingen", "plugins",
                                             "templates", "administratie", "formaten", "kalender", "huisstijl",
                                             "facturatie"};

/// Reads `formaten:`: a non-empty list of the formats of kDocumentFormats, none twice.
void read_formaten(const YamlNode &node, RunConfig &config, Diagnostics &diag) {
    std::string known;
    for (const auto &f : kDocumentFormats) known += (known.empty() ? "" : ", ") + f;
    if (!node.is_sequence() || node.items.empty()) {
        diag.error(ExitCode::config, node.where, "formaten",
                   "expected a list of formats (" + known + "), got " + node.describe(), "e.g. formaten: [pdf, xlsx]");
        return;
    }
    for (std::size_t i = 0; i < node.items.size(); ++i) {
        const YamlNode &item = node.items[i];
        const std::string key_path = "formaten[" + std::to_string(i) + "]";
        if (!item.is_scalar()) {
            diag.error(ExitCode::config, item.where, key_path, "expected a format (" + known + "), got " + item.describe());
            continue;
        }
        if (std::find(kDocumentFormats.begin(), kDocumentFormats.end(), item.text) == kDocumentFormats.end()) {
            const std::string near = closest(item.text, kDocumentFormats, 2);
            diag.error(ExitCode::config, item.where, key_path, "unknown format '" + excerpt(item.text) + "'",
                       near.empty() ? "known formats: " + known : "did you mean '" + near + "'?");
            continue;
        }
        bool twice = false;
        for (const auto &earlier : config.formaten) twice = twice || earlier.name == item.text;
        if (twice) {
            diag.error(ExitCode::config, item.where, key_path, "format '" + item.text + "' is listed twice");
            continue;
        }
        config.formaten.push_back({item.text, item.where, key_path});
    }
}

const vhh_setting_spec kHuisstijlSpec[] = {
    {"organisatie", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "the sender of letters, e.g. Veiligheidshuis Zeeland", nullptr, 0},
    {"adres", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "postal address, one line each (a YAML block with |)",
     nullptr, 0},
    {"logo", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "PNG file of the logo, relative to the config", nullptr, 0},
};

const vhh_setting_spec kPersoonSpec[] = {
    {"naam", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "name", nullptr, 0},
    {"functie", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "function, e.g. controller", nullptr, 0},
    {"telefoon", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "telephone number", nullptr, 0},
    {"email", VHH_SETTING_TEXT, 0, "", nullptr, nullptr, "e-mail address", nullptr, 0},
};

/// One line of text: no control characters, at most `max` bytes.
std::string line_problem(const std::string &text, std::size_t max) {
    if (text.size() > max) return "longer than " + std::to_string(max) + " characters";
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7f) return "holds a control character";
    return "";
}

/// Reads `huisstijl:` into config.house: organisatie, adres, logo (a PNG under the config's
/// folder, read through the input rules and recorded in the manifest), contactpersoon and
/// ondertekenaar ({naam, functie, telefoon, email}).
void read_huisstijl(const YamlNode &node, const std::string &config_path, RunConfig &config, StageLog &log) {
    Diagnostics &diag = log.sdk();
    if (!node.is_map()) {
        diag.error(ExitCode::config, node.where, "huisstijl", "expected a map, got " + node.describe(),
                   "e.g. huisstijl: {organisatie: Veiligheidshuis Zeeland, adres: ..., logo: logo.png}");
        return;
    }
    const Settings h = validate_settings(node, kHuisstijlSpec, sizeof kHuisstijlSpec / sizeof kHuisstijlSpec[0],
                                         "huisstijl", {"contactpersoon", "ondertekenaar"}, log);
    HouseStyle &house = config.house;
    auto checked = [&](const Settings &s, const std::string &key, const std::string &key_path, std::size_t max) {
        if (!s.has(key)) return std::string();
        const std::string text = s.text(key);
        if (std::string problem = line_problem(text, max); !problem.empty()) {
            diag.error(ExitCode::config, s.where(key), key_path, "expected one line of text, but it " + problem);
            return std::string();
        }
        return text;
    };
    house.organisation = checked(h, "organisatie", "huisstijl.organisatie", 200);
    if (h.has("adres")) {
        std::string line;
        std::size_t n = 0;
        std::istringstream in(h.text("adres"));
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            if (++n > 6 || line_problem(line, 200).size()) {
                diag.error(ExitCode::config, h.where("adres"), "huisstijl.adres",
                           n > 6 ? "expected at most 6 lines of address"
                                 : "address line " + std::to_string(n) + " " + line_problem(line, 200));
                break;
            }
            house.address_lines.push_back(line);
        }
    }
    if (h.has("logo") && !h.text("logo").empty()) {
        std::filesystem::path logo(h.text("logo"));
        if (logo.is_relative()) logo = std::filesystem::path(config_path).parent_path() / logo;
        if (auto outside = outside_scope(logo.string(), config.inputs)) {
            diag.error(ExitCode::config, h.where("logo"), "huisstijl.logo",
                       "cannot use logo " + logo.string() + ": " + *outside, outside_scope_hint());
        } else {
            InputRead read = read_input_file(logo.string(), InputKind::image);
            if (!read.ok()) {
                diag.error(read.error.code, h.where("logo"), "huisstijl.logo", "cannot read image: " + read.error.reason);
            } else if (const std::string problem = png_problem(read.value); !problem.empty()) {
                diag.error(ExitCode::data, h.where("logo"), "huisstijl.logo",
                           "expected a PNG image, but " + logo.filename().string() + " is " +
                               (problem == "not a PNG image" ? std::string("not one") : problem),
                           "save the logo as PNG");
            } else {
                house.logo_path = logo.string();
                config.included_files.push_back({logo.string(), sha256_hex(read.value)});
            }
        }
    }
    for (const auto &[key, person] : {std::pair<const char *, doc::Person *>{"contactpersoon", &house.contact},
                                      std::pair<const char *, doc::Person *>{"ondertekenaar", &house.signatory}}) {
        const YamlNode *p = node.find(key);
        if (p == nullptr) continue;
        const std::string kp = std::string("huisstijl.") + key;
        if (!p->is_map()) {
            diag.error(ExitCode::config, p->where, kp, "expected a map {naam, functie, telefoon, email}, got " +
                                                           p->describe());
            continue;
        }
        const Settings s = validate_settings(*p, kPersoonSpec, sizeof kPersoonSpec / sizeof kPersoonSpec[0], kp, {}, log);
        person->name = checked(s, "naam", kp + ".naam", 200);
        person->function = checked(s, "functie", kp + ".functie", 200);
        person->phone = checked(s, "telefoon", kp + ".telefoon", 60);
        person->email = checked(s, "email", kp + ".email", 200);
        if (!person->email.empty() && person->email.find('@') == std::string::npos)
            diag.error(ExitCode::config, s.where("email"), kp + ".email",
                       "expected an e-mail address, got '" + excerpt(person->email) + "'");
    }
}

bool is_cbs_code(const std::string &code) {
    if (code.size() != 6 || code[0] != 'G' || code[1] != 'M') return false;
    for (std::size_t i = 2; i < 6; ++i)
        if (code[i] < '0' || code[i] > '9') return false;
    return true;
}

/// Merges the gemeenten of every herindeling in force in the boekjaar into the new
/// gemeente: inwoners summed, placed where the first predecessor was listed.
void apply_herindelingen(Region &region, const std::vector<Settings> &records,
                         const std::vector<std::size_t> &index, Diagnostics &diag) {
    for (std::size_t i = 0; i < region.herindelingen.size(); ++i) {
        const Herindeling &h = region.herindelingen[i];
        const std::string kp = "herindelingen[" + std::to_string(index[i]) + "]";
        const Settings &rec = records[index[i]];
        if (h.van.empty()) {
            diag.error(ExitCode::config, rec.where("van"), kp + ".van", "a herindeling needs the merged gemeenten");
            continue;
        }
        bool codes_ok = true;
        std::set<std::string> van_seen;
        for (const auto &code : h.van) {
            if (!van_seen.insert(code).second) {
                diag.error(ExitCode::config, rec.where("van"), kp + ".van", "gemeente " + code + " is listed twice in van");
                codes_ok = false;
            }
            if (!is_cbs_code(code)) {
                diag.error(ExitCode::data, rec.where("van"), kp + ".van",
                           "expected a CBS gemeentecode like GM0687, got '" + excerpt(code) + "'");
                codes_ok = false;
            }
        }
        if (!is_cbs_code(h.naar)) {
            diag.error(ExitCode::data, rec.where("naar"), kp + ".naar",
                       "expected a CBS gemeentecode like GM0687, got '" + h.naar + "'");
            codes_ok = false;
        }
        if (!codes_ok) continue;
        if (!h.in_force(region.boekjaar)) continue;
        bool new_listed = region.find(h.naar) != nullptr;
        std::vector<std::size_t> found;
        for (const auto &code : h.van) {
            for (std::size_t g = 0; g < region.gemeenten.size(); ++g)
                if (region.gemeenten[g].code == code) found.push_back(g);
        }
        if (new_listed) {
            if (!found.empty())
                diag.error(ExitCode::config, region.gemeenten[found[0]].where, "gemeenten",
                           "gemeente " + region.gemeenten[found[0]].code + " merged into " + h.naar + " on " +
                               h.per.nl() + ", which is also listed",
                           "list either the merged gemeenten (with inwoners at the peildatum) or " + h.naar);
            continue;  // the new gemeente is listed directly: nothing to merge
        }
        if (found.size() != h.van.size()) {
            for (const auto &code : h.van)
                if (region.find(code) == nullptr)
                    diag.error(ExitCode::config, rec.where("van"), kp + ".van",
                               "gemeente " + code + " is not listed in gemeenten",
                               "list it with its inwoners at the peildatum, or list " + h.naar + " itself");
            continue;
        }
        Gemeente merged;
        merged.code = h.naar;
        merged.naam = h.naam;
        merged.where = h.where;
        merged.voorgangers = h.van;
        std::string bron;
        for (std::size_t g : found) {
            const Gemeente &old = region.gemeenten[g];
            merged.inwoners += old.inwoners;
            bron += (bron.empty() ? "" : " + ") + old.naam + " " + format_integer_nl(old.inwoners);
        }
        merged.inwoners_bron = "herindeling per " + h.per.nl() + ": " + bron;
        std::vector<Gemeente> result;
        for (std::size_t g = 0; g < region.gemeenten.size(); ++g) {
            if (g == found[0]) result.push_back(merged);
            if (std::find(found.begin(), found.end(), g) == found.end()) result.push_back(region.gemeenten[g]);
        }
        region.gemeenten = std::move(result);
    }
}

/// Adds the settings of a plugin's `bestand:` file to its section (keys located in that file).
/// Returns false when the file had a syntax error: its settings cannot be checked.
bool include_settings_file(const std::string &config_path, const InputScope &scope, const YamlNode &file,
                           const std::string &kp, YamlNode &section, std::vector<RunConfig::ReadFile> &included,
                           Diagnostics &diag) {
    if (!file.is_scalar() || file.text.empty()) {
        diag.error(ExitCode::config, file.where, kp + ".bestand", "expected a file name, got " + file.describe());
        return true;
    }
    std::filesystem::path p(file.text);
    if (p.is_relative()) p = std::filesystem::path(config_path).parent_path() / p;
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) {
        diag.error(ExitCode::no_input, file.where, kp + ".bestand", "settings file " + p.string() + " does not exist");
        return true;
    }
    if (auto outside = outside_scope(p.string(), scope)) {
        diag.error(ExitCode::config, file.where, kp + ".bestand", "cannot read settings file " + p.string() + ": " + *outside,
                   outside_scope_hint());
        return false;
    }
    InputRead read = read_input_file(p.string(), InputKind::settings_file);
    if (!read.ok()) {
        diag.error(read.error.code, file.where, kp + ".bestand",
                   "cannot read settings file " + p.string() + ": " + read.error.reason);
        return false;
    }
    YamlNode extra = read_yaml_text(read.value, p.string(), diag, kp);
    included.push_back({p.string(), sha256_hex(read.value)});
    if (extra.truncated) return false;  // only part of it was read: its settings cannot be checked
    if (extra.is_null()) return true;
    if (!extra.is_map()) {
        diag.error(ExitCode::config, extra.where, kp, "expected a map of settings in " + p.string() + ", got " +
                                                          extra.describe());
        return true;
    }
    std::set<std::string> own;  // a key twice in the file is reported by the YAML reader
    for (auto &entry : extra.entries) {
        if (!own.insert(entry.first.text).second) continue;
        if (const YamlNode *existing = section.find(entry.first.text)) {
            diag.error(ExitCode::config, entry.first.where, kp + "." + entry.first.text,
                       "key '" + entry.first.text + "' is also given in the config",
                       "config: " + existing->where.file + ":" + std::to_string(existing->where.line));
            continue;
        }
        section.entries.push_back(std::move(entry));
    }
    return true;
}

template <std::size_t N>
Settings validate_section(const YamlNode &root, const std::string &key, const vhh_setting_spec (&spec)[N],
                          const SourceLocation &file, StageLog &log) {
    Diagnostics &diag = log.sdk();
    const YamlNode *node = root.find(key);
    if (node == nullptr || node->is_null()) {
        diag.error(ExitCode::config, file, key, "missing required section '" + key + "'");
        return {};
    }
    if (!node->is_map()) {
        diag.error(ExitCode::config, node->where, key, "expected a map, got " + node->describe());
        return {};
    }
    return validate_settings(*node, spec, N, key, {}, log);
}

/// Reads the config at `path` into `config`, every problem classified in `log`.
void read_run_config(const std::string &path, RunConfig &config, StageLog &log) {
    Diagnostics &diag = log.sdk();
    YamlNode root = read_yaml_file(path, diag, "", &config.sha256);
    if (log.failed() && root.is_null()) return;
    // After a syntax error only part of the file was read: checking it would report keys as
    // missing that are in the file.
    if (root.truncated) return;
    SourceLocation file_loc{path, 0, 0};
    if (!root.is_map()) {
        diag.error(ExitCode::config, root.is_null() ? file_loc : root.where, "",
                   "expected a map with regio, bevolking, gemeenten and plugins, got " + root.describe());
        return;
    }
    std::vector<std::string> absent;  // top-level keys the file lacks: an unknown key may mean one
    for (const auto &k : kTopLevelKeys)
        if (root.find(k) == nullptr) absent.push_back(k);
    for (const auto &[key, value] : root.entries) {
        if (kTopLevelKeys.count(key.text)) continue;
        log.error(may_misspell(key.text, absent) ? Impact::may_mask : Impact::blocking, ExitCode::config, key.where,
                  excerpt(key.text), "unknown key '" + excerpt(key.text) + "'",
                  "allowed top-level keys: administratie, bevolking, facturatie, formaten, gemeenten, herindelingen, huisstijl, "
                  "kalender, plugins, regio, templates");
    }

    Settings regio = validate_section(root, "regio", kRegioSpec, file_loc, log);
    Settings bevolking = validate_section(root, "bevolking", kBevolkingSpec, file_loc, log);
    std::set<std::string> not_gemeenten, not_herindelingen;  // top-level keys validated elsewhere
    for (const auto &entry : root.entries) {
        if (entry.first.text != "gemeenten") not_gemeenten.insert(entry.first.text);
        if (entry.first.text != "herindelingen") not_herindelingen.insert(entry.first.text);
    }
    Settings gemeenten = validate_settings(root, kGemeentenSpec, 1, "", not_gemeenten, log);
    Settings herindelingen = validate_settings(root, kHerindelingenSpec, 1, "", not_herindelingen, log);

    Region &region = config.region;
    if (regio.has("id")) {
        region.id = regio.text("id");
        if (std::string problem = region_id_problem(region.id); !problem.empty())
            diag.error(ExitCode::config, regio.where("id"), "regio.id",
                       "expected a safe region id (its folder in --out), got '" + region.id.substr(0, 80) +
                           (region.id.size() > 80 ? "…" : "") + "'",
                       problem);
    }
    if (regio.has("naam")) region.naam = regio.text("naam");
    if (regio.has("boekjaar")) region.boekjaar = static_cast<int>(regio.integer("boekjaar"));
    if (regio.has("centrumgemeente")) region.centrumgemeente = regio.text("centrumgemeente");
    if (bevolking.has("peildatum")) region.peildatum = bevolking.date("peildatum");
    if (bevolking.has("bron")) region.bevolking_bron = bevolking.text("bron");
    if (bevolking.has("indicatief")) region.bevolking_indicatief = bevolking.boolean("indicatief");

    std::map<std::string, std::size_t> seen_codes;
    if (gemeenten.has("gemeenten")) {
        const auto &list = gemeenten.list("gemeenten");
        if (list.empty())
            diag.error(ExitCode::config, gemeenten.where("gemeenten"), "gemeenten", "the region has no gemeenten");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Settings &g = list[i];
            if (!g.has("code") || !g.has("naam")) continue;
            std::string kp = "gemeenten[" + std::to_string(i) + "]";
            Gemeente gem{g.text("code"), g.text("naam"), g.has("inwoners") ? g.integer("inwoners") : 0,
                         g.has("bron") ? g.text("bron") : "", g.where("code")};
            if (!is_cbs_code(gem.code))
                diag.error(ExitCode::data, g.where("code"), kp + ".code",
                           "expected a CBS gemeentecode like GM0687, got '" + excerpt(gem.code) + "'");
            auto [it, fresh] = seen_codes.emplace(gem.code, i);
            if (!fresh)
                diag.error(ExitCode::config, g.where("code"), kp + ".code",
                           "gemeente " + gem.code + " is listed twice",
                           "first listed as gemeenten[" + std::to_string(it->second) + "]");
            region.gemeenten.push_back(std::move(gem));
        }
    }
    if (herindelingen.has("herindelingen")) {
        const auto &list = herindelingen.list("herindelingen");
        std::vector<std::size_t> index;  // record of each herindeling kept (records with errors are skipped)
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Settings &h = list[i];
            if (!h.has("per") || !h.has("naar") || !h.has("naam") || !h.has("van")) continue;
            region.herindelingen.push_back({h.date("per"), h.text("naar"), h.text("naam"), h.codes("van"), h.where("naar")});
            index.push_back(i);
        }
        apply_herindelingen(region, list, index, diag);
    }
    if (gemeenten.has("gemeenten") && regio.has("centrumgemeente"))
        check_centrumgemeente(region, regio.where("centrumgemeente"), diag);
    if (regio.has("boekjaar") && bevolking.has("peildatum")) check_peildatum(region, bevolking.where("peildatum"), diag);

    if (const YamlNode *templates = root.find("templates")) {
        if (!templates->is_scalar() || templates->text.empty()) {
            diag.error(ExitCode::config, templates->where, "templates",
                       "expected a directory with templates, got " + templates->describe());
        } else {
            std::filesystem::path dir(templates->text);
            if (dir.is_relative()) dir = std::filesystem::path(path).parent_path() / dir;
            std::error_code ec;
            if (!std::filesystem::is_directory(dir, ec))
                diag.error(ExitCode::no_input, templates->where, "templates",
                           "template directory " + dir.string() + " does not exist");
            else if (auto outside = outside_scope(dir.string(), config.inputs))
                diag.error(ExitCode::config, templates->where, "templates",
                           "cannot use template directory " + dir.string() + ": " + *outside, outside_scope_hint());
            config.templates_dir = dir.string();
        }
    }

    if (const YamlNode *adm = root.find("administratie")) {
        if (!adm->is_scalar() || adm->text.empty()) {
            diag.error(ExitCode::config, adm->where, "administratie",
                       "expected the store's URL (sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DB), got " +
                           adm->describe());
        } else {
            try {
                store::parse_database_url(adm->text, ExitCode::config, std::filesystem::path(path).parent_path().string());
                config.administratie = adm->text;
                config.administratie_where = adm->where;
            } catch (const store::StoreError &e) {
                diag.error(e.code, adm->where, "administratie", e.what());
            }
        }
    }

    if (const YamlNode *formaten = root.find("formaten")) read_formaten(*formaten, config, diag);
    if (const YamlNode *kalender = root.find("kalender")) {
        cycle::read_kalender(*kalender, config.kalender, diag);
        cycle::check_kalender(config.kalender, diag);
    }
    if (const YamlNode *huisstijl = root.find("huisstijl")) read_huisstijl(*huisstijl, path, config, log);
    if (const YamlNode *facturatie = root.find("facturatie")) {
        YamlNode section = *facturatie;  // with the keys of its `bestand:` file, if any
        const YamlNode *file = section.is_map() ? facturatie->find("bestand") : nullptr;
        if (file == nullptr ||
            include_settings_file(path, config.inputs, *file, "facturatie", section, config.included_files, diag))
            config.facturatie = read_facturatie(section, region, log);
    }

    const YamlNode *plugins = root.find("plugins");
    if (plugins == nullptr || plugins->is_null()) {
        diag.error(ExitCode::config, file_loc, "plugins", "missing required section 'plugins'",
                   "list the plugins to run, e.g. '- name: financing.inwonerbijdrage'");
    } else if (!plugins->is_sequence()) {
        diag.error(ExitCode::config, plugins->where, "plugins", "expected a list of plugins, got " + plugins->describe());
    } else {
        std::map<std::string, std::string> seen_plugins;
        for (std::size_t i = 0; i < plugins->items.size(); ++i) {
            const YamlNode &entry = plugins->items[i];
            std::string kp = "plugins[" + std::to_string(i) + "]";
            if (!entry.is_map()) {
                diag.error(ExitCode::config, entry.where, kp, "expected a map with a 'name' key, got " + entry.describe());
                continue;
            }
            const YamlNode *name = entry.find("name");
            if (name == nullptr || !name->is_scalar() || name->text.empty()) {
                diag.error(ExitCode::config, entry.where, kp + ".name", "missing plugin name",
                           "e.g. 'name: financing.inwonerbijdrage'");
                continue;
            }
            auto [it, fresh] = seen_plugins.emplace(name->text, kp);
            if (!fresh) {
                diag.error(ExitCode::config, name->where, kp + ".name",
                           "plugin '" + name->text + "' is configured twice", "first configured as " + it->second);
                continue;
            }
            PluginEntry plugin{name->text, kp, entry};
            if (const YamlNode *file = entry.find("bestand"))
                plugin.settings_unreadable =
                    !include_settings_file(path, config.inputs, *file, kp, plugin.section, config.included_files, diag);
            config.plugins.push_back(std::move(plugin));
        }
    }
}

}  // namespace

std::string other_boekjaar_message(const RunConfig &config, const std::string &asked) {
    return config.path + " is about boekjaar " + std::to_string(config.region.boekjaar) + ", not " + asked;
}

RunConfig load_run_config(const std::string &path, Diagnostics &diag, const InputPolicy &policy) {
    RunConfig config;
    config.path = path;
    config.inputs = scope_for(path, policy);
    StageLog log(diag);
    read_run_config(path, config, log);
    // A plugin's own section is validated by the pipeline, which knows its settings table; errors of
    // a bestand: file count here (what the plugin would have read is not known).
    config.complete = plugin_checks_may_run(log);
    config.failed = log.failed();
    config.missing_input = log.has(ExitCode::no_input);
    return config;
}

}  // namespace vhh::host
