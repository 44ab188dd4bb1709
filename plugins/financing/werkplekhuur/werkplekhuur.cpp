#include "werkplekhuur.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "vhh/count_nl.h"
#include "vhh/settings.h"

namespace vhh::werkplekhuur {

namespace {

const vhh_setting_spec kTariefFields[2] = {
    {"jaar", VHH_SETTING_INTEGER, VHH_SETTING_REQUIRED, nullptr, "1900", "2200", "the boekjaar, e.g. 2013", nullptr,
     0},
    {"tarief", VHH_SETTING_MONEY, VHH_SETTING_REQUIRED, nullptr, "0", "1000000",
     "huur per werkplek per jaar in euros, e.g. 5000.00", nullptr, 0},
};

const vhh_setting_spec kPeriodFields[3] = {
    {"aantal", VHH_SETTING_INTEGER, VHH_SETTING_REQUIRED, nullptr, "0", "10000", "number of werkplekken", nullptr, 0},
    {"van", VHH_SETTING_DATE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "first day, e.g. 2013-01-01", nullptr,
     0},
    {"tot", VHH_SETTING_DATE, 0, nullptr, nullptr, nullptr, "last day (inclusive); leave out when open-ended",
     nullptr, 0},
};

const vhh_setting_spec kPartnerFields[3] = {
    {"id", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "stable partner id, e.g. om", nullptr,
     0},
    {"naam", VHH_SETTING_TEXT, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr, "display name", nullptr, 0},
    {"werkplekken", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr,
     "rented werkplekken: records {aantal, van, tot}", kPeriodFields, 3},
};


/// `path` under the plugin entry's key path `prefix` (when known).
std::string join(const std::string &prefix, const std::string &path) {
    if (prefix.empty()) return path;
    return path.empty() ? prefix : prefix + "." + path;
}

std::string location_text(const SourceLocation &w) {
    std::string s = w.file;
    if (w.line > 0) s += ":" + std::to_string(w.line) + (w.column > 0 ? ":" + std::to_string(w.column) : "");
    return s;
}

std::string period_text(const WerkplekPeriode &p) {
    return p.van.iso() + " t/m " + (p.tot.valid() ? p.tot.iso() : "open");
}

/// Periods of a partner that count in the year, as "2 × 12 mnd + 1 × 6 mnd" or "1 × 292 dagen".
std::string units_per_period_text(const Partner &p, int year, ProRata rule) {
    std::string out;
    const std::vector<std::int64_t> units = units_per_period(p.werkplekken, year, rule);
    for (std::size_t i = 0; i < units.size(); ++i) {
        const WerkplekPeriode &w = p.werkplekken[i];
        const std::int64_t u = units[i];
        if (u == 0 || w.aantal == 0) continue;
        out += (out.empty() ? "" : " + ") + format_integer_nl(w.aantal) + " × " +
               (rule == ProRata::dagen ? count_nl(u, "dag", "dagen") : std::to_string(u) + " mnd");
    }
    return out;
}

/// The partners that rent werkplekken in the year, in the order given.
std::vector<const Partner *> billed(const std::vector<Partner> &partners, int year, ProRata rule) {
    std::vector<const Partner *> out;
    for (const auto &p : partners)
        if (werkplek_units(p, year, rule) > 0) out.push_back(&p);
    return out;
}

}  // namespace

const vhh_setting_spec kSettings[4] = {
    {"tarief", VHH_SETTING_MONEY, 0, nullptr, "0", "1000000",
     "huur per werkplek per jaar in euros, e.g. 5000.00 (or give tarieven per jaar)", nullptr, 0},
    {"tarieven", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr,
     "huur per werkplek per jaar by boekjaar: records {jaar, tarief}", kTariefFields, 2},
    {"partners", VHH_SETTING_LIST, 0, nullptr, nullptr, nullptr,
     "partners and their werkplekken: records {id, naam, werkplekken}; leave out when a partner registry is configured",
     kPartnerFields, 3},
    setting("pro_rata", VHH_SETTING_CHOICE).choices(kProRataNames).fallback("eerste_van_de_maand").doc(
     "how a period that starts or ends within a month counts: eerste_van_de_maand = a month counts for the "
     "werkplekken in use on its 1st; grootste_deel = a month counts for the period covering more than half of "
     "it (exactly half: the one holding the 1st); dagen = werkplek-dagen over the days of the boekjaar"),
};

std::vector<ExactPart> allocate_exact_shares(const std::vector<std::int64_t> &numerators, std::int64_t denominator) {
    if (denominator <= 0) throw std::invalid_argument("allocate_exact_shares: denominator must be positive");
    std::vector<ExactPart> parts(numerators.size());
    __int128 sum = 0, floors = 0;
    for (std::size_t i = 0; i < numerators.size(); ++i) {
        if (numerators[i] < 0) throw std::invalid_argument("allocate_exact_shares: shares must not be negative");
        sum += numerators[i];
        parts[i] = {Money::cents(numerators[i] / denominator), numerators[i] % denominator, false};
        floors += numerators[i] / denominator;
    }
    // The total rounded half up; what is left after rounding every share down goes by largest remainder.
    const __int128 total = (sum * 2 + denominator) / (2 * denominator);
    __int128 left = total - floors;  // 0 <= left <= number of parts with a remainder
    std::vector<std::size_t> order(parts.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return parts[a].remainder > parts[b].remainder; });
    for (std::size_t k = 0; k < order.size() && left > 0; ++k, --left) {
        parts[order[k]].amount += Money::cents(1);
        parts[order[k]].received_remainder = true;
    }
    return parts;
}

std::optional<Money> read_tarief(const Settings &settings, int boekjaar, Diagnostics &diag,
                                 const std::string &key_prefix) {
    const bool single = settings.has("tarief");
    const SettingValue &tarieven = settings.at("tarieven");
    const bool per_year = !tarieven.from_default;
    const std::string year = std::to_string(boekjaar);
    if (single && per_year) {
        diag.error(ExitCode::config, tarieven.where, join(key_prefix, "tarieven"), "both 'tarief' and 'tarieven' are given",
                   "give one tarief for every year, or tarieven per jaar, not both");
        return std::nullopt;
    }
    if (single) return settings.money("tarief");
    if (!per_year) {
        diag.error(ExitCode::config, tarieven.where, key_prefix, "no tarief for werkplekhuur in boekjaar " + year,
                   "give 'tarief: 5000.00' (per werkplek per jaar) or 'tarieven: [{jaar: " + year + ", tarief: …}]'");
        return std::nullopt;
    }
    std::optional<Money> found;
    std::map<std::int64_t, std::size_t> seen;
    std::string years;
    bool ok = true;
    for (std::size_t i = 0; i < tarieven.items.size(); ++i) {
        const Settings &r = tarieven.items[i];
        if (!r.has("jaar") || !r.has("tarief")) continue;  // reported by the host's validation
        const std::int64_t jaar = r.integer("jaar");
        auto [it, fresh] = seen.emplace(jaar, i);
        if (!fresh) {
            diag.error(ExitCode::config, r.where("jaar"), join(key_prefix, "tarieven[" + std::to_string(i) + "].jaar"),
                       "jaar " + std::to_string(jaar) + " is listed twice (also tarieven[" + std::to_string(it->second) +
                           "])",
                       "give one tarief per jaar");
            ok = false;
            continue;
        }
        years += (years.empty() ? "" : ", ") + std::to_string(jaar);
        if (jaar == boekjaar) found = r.money("tarief");
    }
    if (!ok) return std::nullopt;
    if (!found) {
        diag.error(ExitCode::config, tarieven.where, join(key_prefix, "tarieven"), "no tarief for boekjaar " + year,
                   years.empty() ? "add {jaar: " + year + ", tarief: …}"
                                 : "tarieven gives " + years + "; add {jaar: " + year + ", tarief: …}");
        return std::nullopt;
    }
    return found;
}

PartnerSet partners_from_settings(const Settings &settings, Diagnostics &diag, const std::string &key_prefix) {
    PartnerSet set;
    const auto &records = settings.list("partners");
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const Settings &r = records[i];
        const std::string path = join(key_prefix, "partners[" + std::to_string(i) + "]");
        if (!r.has("id") || !r.has("naam")) continue;  // reported by the host's validation
        Partner p;
        p.id = r.text("id");
        p.naam = r.text("naam");
        p.where = r.where("id");
        p.key_path = path;
        p.gehuisvest = true;
        auto [it, fresh] = seen.emplace(p.id, i);
        if (!fresh) {
            diag.error(ExitCode::config, p.where, path + ".id",
                       "partner id '" + p.id + "' is used twice (also partners[" + std::to_string(it->second) + "])",
                       "give each partner one entry and list all its werkplekken there");
            continue;
        }
        std::vector<PeriodSource> sources;
        const auto &periods = r.list("werkplekken");
        for (std::size_t j = 0; j < periods.size(); ++j) {
            const Settings &w = periods[j];
            if (!w.has("aantal") || !w.has("van")) continue;  // reported by the host's validation
            WerkplekPeriode period;
            period.aantal = w.integer("aantal");
            period.van = w.date("van");
            if (w.has("tot")) period.tot = w.date("tot");
            period.where = w.where("aantal");
            PeriodSource src;
            src.key_path = path + ".werkplekken[" + std::to_string(j) + "]";
            src.where = period.where;
            src.tot = w.has("tot") ? w.where("tot") : period.where;
            p.werkplekken.push_back(period);
            sources.push_back(std::move(src));
        }
        set.partners.push_back(std::move(p));
        set.periods.push_back(std::move(sources));
    }
    return set;
}

PartnerSet partners_from_registry(const std::vector<Partner> &partners) {
    PartnerSet set;
    set.partners = partners;
    for (const auto &p : partners) {
        const std::string base = p.key_path.empty() ? "partner '" + p.id + "'" : p.key_path;
        std::vector<PeriodSource> sources;
        for (std::size_t j = 0; j < p.werkplekken.size(); ++j) {
            const SourceLocation &w = p.werkplekken[j].where.file.empty() ? p.where : p.werkplekken[j].where;
            sources.push_back({base + ".werkplekken[" + std::to_string(j) + "]", w, w});
        }
        set.periods.push_back(std::move(sources));
    }
    return set;
}

bool check_periods(const PartnerSet &set, Diagnostics &diag) {
    DiagnosticsScope stage(diag);  // the errors recorded from here on
    for (std::size_t k = 0; k < set.partners.size(); ++k) {
        const Partner &p = set.partners[k];
        const auto &src = set.periods[k];
        std::vector<bool> valid(p.werkplekken.size(), true);
        for (std::size_t j = 0; j < p.werkplekken.size(); ++j) {
            const WerkplekPeriode &w = p.werkplekken[j];
            if (w.tot.valid() && w.tot < w.van) {
                valid[j] = false;
                diag.error(ExitCode::data, src[j].tot, src[j].key_path + ".tot",
                           "werkplek period of '" + p.naam + "' ends on " + w.tot.iso() + ", before it starts on " +
                               w.van.iso(),
                           "tot is the last day (inclusive) and cannot lie before van");
            }
        }
        // Two periods of one partner overlap when each starts before the other ends.
        for (std::size_t j = 0; j < p.werkplekken.size(); ++j) {
            if (!valid[j]) continue;
            for (std::size_t i = 0; i < j; ++i) {
                if (!valid[i]) continue;
                const WerkplekPeriode &a = p.werkplekken[i], &b = p.werkplekken[j];
                const bool a_before_b_ends = !b.tot.valid() || a.van <= b.tot;
                const bool b_before_a_ends = !a.tot.valid() || b.van <= a.tot;
                if (!a_before_b_ends || !b_before_a_ends) continue;
                diag.error(ExitCode::data, src[j].where, src[j].key_path,
                           "werkplek period " + period_text(b) + " of '" + p.naam + "' overlaps " + src[i].key_path +
                               " (" + period_text(a) + ") at " + location_text(src[i].where),
                           "give each stretch of time once; to change the number of werkplekken, end one period "
                           "the day before the next starts");
            }
        }
    }
    return !stage.failed();
}

std::vector<ContributionLine> compute_lines(const std::vector<Partner> &partners, Money tarief, int boekjaar,
                                           ProRata rule) {
    const std::vector<const Partner *> payers = billed(partners, boekjaar, rule);
    const std::int64_t per_year = units_per_year(rule, boekjaar);
    const std::string per_year_text = std::to_string(per_year);
    std::vector<std::int64_t> numerators;  // tarief × units: per_year times the exact share, in cents
    for (const Partner *p : payers) numerators.push_back(multiply(tarief, werkplek_units(*p, boekjaar, rule)).in_cents());
    const std::vector<ExactPart> parts = allocate_exact_shares(numerators, per_year);
    std::vector<ContributionLine> lines;
    for (std::size_t i = 0; i < payers.size(); ++i) {
        const Partner &p = *payers[i];
        const std::int64_t units = werkplek_units(p, boekjaar, rule);
        const ExactPart &part = parts[i];
        ContributionLine line;
        line.source = kSource;
        line.payer_id = p.id;
        line.payer = p.naam;
        line.amount = part.amount;
        line.basis = units_text(units, rule) + " in " + std::to_string(boekjaar) + " (" +
                     units_per_period_text(p, boekjaar, rule) + ") × " + tarief.format_nl() + " per werkplek per jaar / " +
                     per_year_text;
        const Money floor = Money::cents(numerators[i] / per_year);
        if (part.remainder == 0) {
            line.basis += " = " + part.amount.format_nl();
        } else {
            line.basis += " = " + floor.format_nl() + " + " + std::to_string(part.remainder) + "/" + per_year_text +
                          " cent, " +
                          (part.received_remainder ? "afgerond met 1 restcent (grootste rest) tot "
                                                   : "afgerond omlaag tot ") +
                          part.amount.format_nl();
        }
        line.basis += "; pro rata " + pro_rata_text(rule);
        line.input(rule == ProRata::dagen ? "werkplek_dagen" : "werkplek_maanden", units)
            .input("tarief_cents", tarief.in_cents());
        if (rule == ProRata::dagen) line.input("dagen_in_jaar", per_year);
        line.input("restcent", part.received_remainder ? 1 : 0);
        lines.push_back(std::move(line));
    }
    return lines;
}

Table describe_sheet(const std::vector<Partner> &partners, Money tarief, int boekjaar,
                     const std::vector<ContributionLine> &lines, ProRata rule) {
    const std::vector<const Partner *> payers = billed(partners, boekjaar, rule);
    const std::int64_t per_year = units_per_year(rule, boekjaar);
    const std::string per_year_text = std::to_string(per_year);
    const std::string unit_header = rule == ProRata::dagen ? "Werkplek-dagen " : "Werkplek-maanden ";
    if (payers.size() != lines.size())
        throw std::invalid_argument("describe_sheet: one line per partner with werkplekken expected");
    Table t;
    t.name = "Werkplekhuur";
    t.autofilter = true;
    // A: Id, B: Partner, C: Werkplek-maanden (or -dagen), D: Tarief (inputs), E: Restcent (from the rule),
    // F: Bedrag = (tarief in cents × units / units per year, rounded down, + restcent) / 100, G: the periods.
    t.columns = {{"Id", 12},      {"Partner", 32}, {unit_header + std::to_string(boekjaar), 18},
                 {"Tarief per werkplek per jaar", 26}, {"Restcent", 10}, {"Bedrag", 16},
                 {"Werkplekken", 48}};
    std::int64_t maanden = 0, restcenten = 0;
    Money total;
    for (std::size_t i = 0; i < payers.size(); ++i) {
        const Partner &p = *payers[i];
        const std::int64_t m = werkplek_units(p, boekjaar, rule);
        const std::int64_t rest =
            lines[i].amount.in_cents() - multiply(tarief, m).in_cents() / per_year;  // 0 or 1
        maanden += m;
        restcenten += rest;
        total += lines[i].amount;
        std::string periods;
        for (const auto &w : p.werkplekken)
            periods += (periods.empty() ? "" : "; ") + format_integer_nl(w.aantal) + " × " + period_text(w);
        const std::string c = Table::ref(i, 2), d = Table::ref(i, 3), e = Table::ref(i, 4);
        t.rows.push_back({Cell::text(p.id), Cell::text(p.naam), Cell::integer(m), Cell::money(tarief),
                          Cell::integer(rest),
                          Cell::formula("(INT(" + c + "*ROUND(" + d + "*100,0)/" + per_year_text + ")+" + e + ")/100",
                                        Cell::money(lines[i].amount)),
                          Cell::text(periods)});
    }
    const std::size_t n = payers.size();
    auto sum = [&](std::size_t column, Cell cached) {
        if (n == 0) {
            cached.bold = true;
            return cached;
        }
        Cell cell = Cell::formula("SUM(" + Table::ref(0, column) + ":" + Table::ref(n - 1, column) + ")", std::move(cached));
        cell.bold = true;
        return cell;
    };
    Cell label = Cell::text("Totaal");
    label.bold = true;
    t.rows.push_back({label, Cell(), sum(2, Cell::integer(maanden)), Cell(), sum(4, Cell::integer(restcenten)),
                      sum(5, Cell::money(total))});
    if (n > 0) {
        // Check: the total equals tarief × all werkplek-units / units per year, rounded half up to the cent.
        const std::string total_units = Table::ref(n, 2);
        t.rows.push_back({Cell::text("Controle: tarief × " +
                                     std::string(rule == ProRata::dagen ? "werkplek-dagen" : "werkplek-maanden") + " / " +
                                     per_year_text + ", afgerond op centen; pro rata " + pro_rata_text(rule)),
                          Cell(), Cell(), Cell(), Cell(),
                          Cell::formula("ROUND(" + total_units + "*ROUND(" + Table::ref(0, 3) + "*100,0)/" +
                                            per_year_text + ",0)/100",
                                        Cell::money(total))});
    }
    return t;
}

void WerkplekhuurPlugin::compute(ComputeContext &ctx) {
    const Settings &s = ctx.settings();
    Diagnostics &diag = ctx.diagnostics();
    const Region &region = ctx.region();
    DiagnosticsScope stage(diag);  // the errors recorded from here on
    const std::string prefix = ctx.key_path();

    const std::optional<Money> tarief = read_tarief(s, region.boekjaar, diag, prefix);
    const SettingValue &own = s.at("partners");
    PartnerSet set;
    if (ctx.has_partner_registry()) {
        if (!own.from_default)
            diag.error(ExitCode::config, own.where, join(prefix, "partners"),
                       "partners are given here and also by the partner registry",
                       "remove this 'partners' list: with a partner registry (registry.partners) configured, "
                       "werkplekhuur bills the werkplekken the registry holds");
        set = partners_from_registry(ctx.partners());
    } else {
        set = partners_from_settings(s, diag, prefix);
    }
    check_periods(set, diag);
    if (stage.failed() || !tarief) return;

    const ProRata rule = pro_rata_from_name(s.text("pro_rata"));
    std::vector<ContributionLine> lines = compute_lines(set.partners, *tarief, region.boekjaar, rule);
    if (lines.empty())
        diag.warning(own.where, own.from_default ? prefix : join(prefix, "partners"),
                     "geen partners met werkplekken in " + std::to_string(region.boekjaar) +
                         ": werkplekhuur € 0,00",
                     ctx.has_partner_registry() ? "the partner registry holds no werkplekken for this boekjaar"
                                                : "list the partners and their werkplekken under 'partners', or "
                                                  "configure the partner registry (registry.partners)");
    Table sheet = describe_sheet(set.partners, *tarief, region.boekjaar, lines, rule);
    for (auto &l : lines) ctx.add_line(std::move(l));
    ctx.add_sheet(std::move(sheet));
}

}  // namespace vhh::werkplekhuur
