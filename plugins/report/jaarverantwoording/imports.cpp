#include "imports.h"

#include <cstdio>
#include <limits>
#include <map>
#include <set>

#include "vhh/csv.h"

namespace vhh::jaarverantwoording {

namespace {

std::string trim(const std::string &s) {
    std::size_t a = s.find_first_not_of(" \t\r");
    if (a == std::string::npos) return "";
    std::size_t b = s.find_last_not_of(" \t\r");
    return s.substr(a, b - a + 1);
}

std::string lower(std::string s) {
    for (char &c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

/// A CSV file's header: column name (lower case, trimmed) → index.
class Header {
public:
    explicit Header(const CsvRecord &record) : size_(record.fields.size()) {
        for (std::size_t i = 0; i < record.fields.size(); ++i) {
            const std::string name = lower(trim(record.fields[i].text));
            names_ += (names_.empty() ? "" : "; ") + trim(record.fields[i].text);
            if (!index_.count(name)) index_[name] = static_cast<int>(i);
        }
    }
    int find(const std::string &name) const {
        auto it = index_.find(lower(trim(name)));
        return it == index_.end() ? -1 : it->second;
    }
    std::size_t size() const { return size_; }
    const std::string &names() const { return names_; }

private:
    std::map<std::string, int> index_;
    std::size_t size_;
    std::string names_;
};

/// Parses the CSV and reports its syntax errors; the header is the first record.
CsvTable parse(const std::string &path, const std::string &contents, Diagnostics &diag) {
    CsvTable table = parse_csv(contents, ';');
    for (const auto &e : table.errors) diag.error(ExitCode::data, {path, e.line, e.column}, "", e.message);
    return table;
}

SourceLocation at(const std::string &path, const CsvRecord &r, int field) {
    return {path, r.line, field >= 0 && field < static_cast<int>(r.fields.size()) ? r.fields[field].column : 0};
}

/// Finds a required column; reports it missing at line 1.
int required_column(const Header &h, const std::string &path, int header_line, const std::string &name,
                    const std::string &setting, Diagnostics &diag) {
    int i = h.find(name);
    if (i < 0)
        diag.error(ExitCode::data, {path, header_line, 0}, "",
                   "the header has no column '" + name + "'",
                   "columns found: " + h.names() + "; set '" + setting + "' to the name this file uses");
    return i;
}

/// Checks the number of fields of a data line against the header.
bool field_count_ok(const Header &h, const CsvRecord &r, const std::string &path, Diagnostics &diag) {
    if (r.fields.size() == h.size()) return true;
    diag.error(ExitCode::data, {path, r.line, 0}, "",
               "line has " + std::to_string(r.fields.size()) + (r.fields.size() == 1 ? " field" : " fields") +
                   ", the header has " + std::to_string(h.size()),
               "fields are separated by ';'; quote a field that contains ';'");
    return false;
}

bool blank(const CsvRecord &r) {
    for (const auto &f : r.fields)
        if (!trim(f.text).empty()) return false;
    return true;
}

}  // namespace

namespace {
/// "25-01-2013": a date as the Dutch ledger exports and documents write it.
std::string datum_nl(const Date &d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d-%02d-%04d", d.day, d.month, d.year);
    return buf;
}
}  // namespace

GrootboekBoeking::GrootboekBoeking(const Config &config, int boekjaar, Diagnostics &diag)
    : config_(config), boekjaar_(boekjaar), diag_(diag) {
    // Every post a line can map to, resolved once: the rules' posts and the restpost, each with its
    // sum in cents, its number of lines and whether its amounts are negated (baten).
    rule_slot_.reserve(config.toewijzing.size());
    for (const auto &rule : config.toewijzing) rule_slot_.push_back(slot_of(rule.post));
    rest_slot_ = config.restpost.empty() ? -1 : slot_of(config.restpost);
}

int GrootboekBoeking::slot_of(const std::string &post) {
    for (std::size_t s = 0; s < slots_.size(); ++s)
        if (slots_[s].post == post) return static_cast<int>(s);
    Slot slot;
    slot.post = post;
    const int p = config_.find_post(post);
    slot.negate = p >= 0 && config_.posten[p].soort == Soort::baten && config_.baten_negatief;
    slots_.push_back(slot);
    return static_cast<int>(slots_.size() - 1);
}

void GrootboekBoeking::add(const LedgerLine &l) {
    const Config &config = config_;
    Diagnostics &diag = diag_;
    const int boekjaar = boekjaar_;
    bool ok = true;
    if (l.datum.year != boekjaar) {
        diag.error(ExitCode::data, l.where, "",
                   "date " + datum_nl(l.datum) + " is outside boekjaar " + std::to_string(boekjaar),
                   "the export must hold the lines of 1-1-" + std::to_string(boekjaar) + " to 31-12-" +
                       std::to_string(boekjaar) + " only");
        ok = false;
    }
    int s = rest_slot_;
    for (std::size_t r = 0; r < config.toewijzing.size(); ++r)
        if (config.toewijzing[r].matches(l.kostenplaats, l.rekening)) {
            s = rule_slot_[r];
            break;
        }
    if (s < 0) {
        // The importer says where the line is, not where its kostenplaats is: the line.
        diag.error(ExitCode::data, {l.where.file, l.where.line, 0}, "",
                   "kostenplaats '" + l.kostenplaats + "' with grootboekrekening '" + l.rekening +
                       "' maps to no post",
                   "add a rule to '" + config.key("toewijzing") + "' or name a catch-all post in '" +
                       config.key("restpost") + "'");
        ok = false;
    }
    if (!ok) return;
    Slot &slot = slots_[s];
    if (slot.too_large) return;
    // The sum so far and the line are both within ±kMaxPostCents (checked before adding), so
    // neither the negation nor the sum can overflow, whatever an importer lets through.
    const auto in_bounds = [](std::int64_t c) { return c <= kMaxPostCents && c >= -kMaxPostCents; };
    std::int64_t amount = l.bedrag.in_cents();
    if (in_bounds(amount) && slot.negate) amount = -amount;
    const std::int64_t sum = in_bounds(amount) ? slot.cents + amount : amount;
    if (!in_bounds(sum)) {
        slot.too_large = true;
        diag.error(ExitCode::data, l.where, "",
                   "with this line the ledger lines of post '" + slot.post + "' add up to more than " +
                       Money::cents(kMaxPostCents).format_nl() + " either way",
                   "check the export: no Veiligheidshuis books such amounts");
        return;
    }
    slot.cents = sum;
    slot.count += 1;
}

Grootboek GrootboekBoeking::result() const {
    Grootboek g;
    for (const Slot &slot : slots_) {
        if (slot.count == 0) continue;
        g.per_post[slot.post] = Money::cents(slot.cents);
        g.aantal[slot.post] = slot.count;
    }
    return g;
}

Grootboek boek_grootboek(const std::vector<LedgerLine> &lines, const Config &config, int boekjaar, Diagnostics &diag) {
    GrootboekBoeking boeking(config, boekjaar, diag);
    for (const LedgerLine &l : lines) boeking.add(l);
    return boeking.result();
}

std::string niveau_label(int niveau) {
    switch (niveau) {
        case 1: return "AVE 1 signalering";
        case 2: return "AVE 2 reguliere aanpak";
        case 3: return "AVE 3 domeinoverstijgend";
        case 4: return "AVE 4 totale escalatie";
    }
    return "AVE " + std::to_string(niveau);
}

Indicatoren read_indicatoren(const std::string &path, const std::string &contents, const Config &config,
                             const Region &region, Diagnostics &diag) {
    Indicatoren ind;
    for (const auto &g : region.gemeenten) ind.gemeenten.push_back(g.code);
    ind.themas = config.themas;
    ind.per_thema.assign(ind.themas.size(), std::vector<std::int64_t>(ind.gemeenten.size(), 0));
    ind.per_niveau.assign(kNiveaus, std::vector<std::int64_t>(ind.gemeenten.size(), 0));

    const CsvTable table = parse(path, contents, diag);
    if (table.records.empty()) {
        // A file that could not be read as CSV at all (encoding) has its one error already.
        if (table.errors.empty())
            diag.error(ExitCode::data, {path, 1, 0}, "", "the indicator file is empty; expected a header row");
        return ind;
    }
    const CsvRecord &head = table.records[0];
    const Header h(head);
    const auto &k = config.indicator_kolommen;
    const int c_thema = required_column(h, path, head.line, k.thema, "indicatoren_kolom_thema", diag);
    const int c_gem = required_column(h, path, head.line, k.gemeente, "indicatoren_kolom_gemeente", diag);
    const int c_aantal = required_column(h, path, head.line, k.aantal, "indicatoren_kolom_aantal", diag);
    const int c_niveau = h.find(k.niveau);
    ind.met_niveau = c_niveau >= 0;
    if (c_thema < 0 || c_gem < 0 || c_aantal < 0) return ind;

    std::map<std::string, int> first_line;  // thema, gemeente as written, niveau -> line
    for (std::size_t i = 1; i < table.records.size(); ++i) {
        const CsvRecord &r = table.records[i];
        if (blank(r)) continue;
        if (!field_count_ok(h, r, path, diag)) continue;
        bool ok = true;
        const std::string thema = trim(r.fields[c_thema].text);
        int t = -1;
        for (std::size_t j = 0; j < ind.themas.size(); ++j)
            if (ind.themas[j] == thema) t = static_cast<int>(j);
        if (thema.empty()) {
            diag.error(ExitCode::data, at(path, r, c_thema), "", "empty thema");
            ok = false;
        } else if (t < 0 && !config.themas.empty()) {
            std::string known;
            for (const auto &th : config.themas) known += (known.empty() ? "" : ", ") + th;
            diag.error(ExitCode::data, at(path, r, c_thema), "", "unknown thema '" + thema + "'",
                       "the themas in '" + config.key("themas") + "': " + known);
            ok = false;
        }
        std::string code = trim(r.fields[c_gem].text);
        if (const Herindeling *hi = region.merged_away(code)) code = hi->naar;
        int g = -1;
        for (std::size_t j = 0; j < ind.gemeenten.size(); ++j)
            if (ind.gemeenten[j] == code) g = static_cast<int>(j);
        if (g < 0) {
            diag.error(ExitCode::data, at(path, r, c_gem), "",
                       "gemeente '" + trim(r.fields[c_gem].text) + "' is not a gemeente of the region",
                       "use the CBS code of a gemeente in the config, e.g. " +
                           (region.gemeenten.empty() ? std::string("GM0687") : region.gemeenten[0].code));
            ok = false;
        }
        int niveau = 0;
        if (c_niveau >= 0) {
            const std::string n = trim(r.fields[c_niveau].text);
            if (n.size() == 1 && n[0] >= '1' && n[0] <= '4') {
                niveau = n[0] - '0';
            } else {
                diag.error(ExitCode::data, at(path, r, c_niveau), "",
                           "expected an AVE-niveau 1, 2, 3 or 4 in column '" + k.niveau + "', got '" + n + "'");
                ok = false;
            }
        }
        const std::string aantal = trim(r.fields[c_aantal].text);
        std::int64_t count = 0;
        bool number = !aantal.empty() && aantal.size() <= 12;
        const std::size_t start = !aantal.empty() && aantal[0] == '-' ? 1 : 0;
        if (start == aantal.size()) number = false;
        for (std::size_t j = start; number && j < aantal.size(); ++j)
            if (aantal[j] < '0' || aantal[j] > '9') number = false;
        if (!number) {
            diag.error(ExitCode::data, at(path, r, c_aantal), "",
                       "expected a whole number of cases in column '" + k.aantal + "', got '" + aantal + "'");
            ok = false;
        } else {
            count = std::stoll(aantal);
            if (count < 0) {
                diag.error(ExitCode::data, at(path, r, c_aantal), "",
                           "negative count " + aantal + ": a number of cases is 0 or more");
                ok = false;
            }
        }
        if (!ok) continue;
        // Unless the file has a line per casus: one line per thema, gemeente (as written) and niveau;
        // a repeated one is a double export, whose counts would be added up silently.
        const std::string raw_code = trim(r.fields[c_gem].text);
        const auto [first, fresh] =
            config.indicatoren_per_casus
                ? std::pair{first_line.end(), true}
                : first_line.emplace(thema + '\x1f' + raw_code + '\x1f' + std::to_string(niveau), r.line);
        if (!fresh) {
            diag.error(ExitCode::data, at(path, r, c_thema), "",
                       "thema '" + thema + "', gemeente " + raw_code +
                           (niveau > 0 ? ", AVE-niveau " + std::to_string(niveau) : std::string()) +
                           " is already on line " + std::to_string(first->second) + "; its counts are not added up",
                       "give each thema, gemeente" + std::string(c_niveau >= 0 ? " and AVE-niveau" : "") +
                           " one line: remove the double line or add the counts up in the first; for an export "
                           "with a line per casus set '" + config.key("indicatoren_per_casus") + ": true'");
            continue;
        }
        if (t < 0) {
            ind.themas.push_back(thema);
            ind.per_thema.emplace_back(ind.gemeenten.size(), 0);
            t = static_cast<int>(ind.themas.size() - 1);
        }
        ind.per_thema[t][g] += count;
        if (niveau > 0) ind.per_niveau[niveau - 1][g] += count;
        ++ind.regels;
    }
    return ind;
}

}  // namespace vhh::jaarverantwoording
