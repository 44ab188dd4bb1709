#include "rijksbijdrage.h"

#include <map>
#include <stdexcept>
#include <utility>

#include "vhh/text.h"

namespace vhh::rijksbijdrage {

namespace {

const SettingsTable<LocatieSettings> kLocatieFields{
    bind("naam", &LocatieSettings::naam).required().doc("name of the Veiligheidshuis location"),
    bind("gewicht", &LocatieSettings::gewicht)
        .range("0", "1000000")
        .one_of("sleutel")
        .doc("the location's weight in the agreed key (give gewicht or percentage)"),
    bind("percentage", &LocatieSettings::percentage)
        .as(VHH_SETTING_PERCENTAGE)
        .range("0", "100")
        .one_of("sleutel")
        .doc("the location's share in percent, e.g. 35 (all locations' percentages add up to 100)"),
};

constexpr std::int64_t kWholePpm = 1000000;  // 100 %

std::string gemeente_label(const Region &region, const std::string &code) {
    const Gemeente *g = region.find(code);
    return g ? g->naam + " (" + code + ")" : code;
}

}  // namespace

const SettingsTable<RijksbijdrageSettings> kSettings{
    bind("bedrag", &RijksbijdrageSettings::bedrag)
        .required()
        .range("0", "10000000")
        .doc("the rijksbijdrage for the boekjaar in euros, e.g. 161700.00"),
    bind("ontvanger", &RijksbijdrageSettings::ontvanger)
        .as(VHH_SETTING_GEMEENTE)
        .doc("CBS code of the gemeente it is paid to (default: the region's centrumgemeente)"),
    bind("locaties", &RijksbijdrageSettings::locaties, kLocatieFields)
        .at_least("1")
        .doc("optional split over Veiligheidshuis locations: records {naam, gewicht} or {naam, percentage}"),
};

std::optional<Input> read_input(const Settings &settings, const Region &region, Diagnostics &diag,
                                const std::string &key_prefix) {
    DiagnosticsScope stage(diag);  // the errors recorded from here on
    auto key = [&](const std::string &path) { return key_prefix.empty() ? path : key_prefix + "." + path; };
    const RijksbijdrageSettings c = kSettings.read(settings);
    Input in;
    in.bedrag = c.bedrag;
    // The ontvanger: a gemeente of the region (checked by the host), by default the centrumgemeente.
    in.ontvanger = c.ontvanger.value_or(region.centrumgemeente);

    // The locations and their key: all weights or all percentages (each has one of them: the host checks).
    DiagnosticsScope locaties_stage(diag);  // the locations' errors
    std::size_t first_keyed = 0;  // index of the first location with a key
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < c.locaties.value.size(); ++i) {
        const LocatieSettings &r = c.locaties.value[i];
        const std::string path = key("locaties[" + std::to_string(i) + "]");
        // Without a naam, or without exactly one of gewicht and percentage: reported by the host.
        if (r.naam.value.empty() || r.gewicht.has_value() == r.percentage.has_value()) continue;
        Locatie loc;
        loc.naam = r.naam.value;
        loc.where = r.naam.where;
        auto [it, fresh] = seen.emplace(loc.naam, i);
        if (!fresh)
            diag.error(ExitCode::config, loc.where, path + ".naam",
                       "location '" + loc.naam + "' is listed twice (also locaties[" + std::to_string(it->second) + "])",
                       "every location gets one share; merge the two entries");
        const bool p = r.percentage.has_value();
        const Located<std::int64_t> &key_value = p ? *r.percentage : *r.gewicht;
        loc.gewicht = key_value.value;
        // Every location must use the kind of key the first one uses.
        in.locaties.push_back(loc);
        if (in.locaties.size() == 1) {
            in.percentages = p;
            first_keyed = i;
        } else if (in.percentages != p) {
            diag.error(ExitCode::config, key_value.where, path + (p ? ".percentage" : ".gewicht"),
                       "location '" + loc.naam + "' gives a " + (p ? "percentage" : "gewicht") + ", but locaties[" +
                           std::to_string(first_keyed) + "] gives a " + (p ? "gewicht" : "percentage"),
                       "use one kind of key for all locations: weights or percentages");
        }
    }
    if (!locaties_stage.failed() && !in.locaties.empty()) {
        std::int64_t sum = 0;
        for (const auto &l : in.locaties) sum += l.gewicht;
        if (in.percentages && sum != kWholePpm) {
            diag.error(ExitCode::data, c.locaties.where, key("locaties"),
                       "the locations' percentages add up to " + format_percentage_nl(sum) + ", expected 100 %",
                       "the percentages are the agreed key and divide the whole bedrag");
        } else if (!in.percentages && sum == 0) {
            diag.error(ExitCode::data, c.locaties.where, key("locaties"),
                       "the locations' weights are all zero, so the bedrag cannot be divided",
                       "give at least one location a positive gewicht");
        }
    }
    if (stage.failed()) return std::nullopt;
    return in;
}

std::vector<ContributionLine> compute_lines(const Region &region, const Input &input) {
    std::vector<ContributionLine> lines;
    const std::string via = (input.ontvanger == region.centrumgemeente ? "via centrumgemeente " : "via gemeente ") +
                            gemeente_label(region, input.ontvanger);
    const std::string year = std::to_string(region.boekjaar);
    if (input.locaties.empty()) {
        ContributionLine line;
        line.source = kSource;
        line.payer_id = kPayerId;
        line.payer = kPayer;
        line.amount = input.bedrag;
        line.basis = "rijksbijdrage " + year + " " + via;
        line.input_text("ontvanger", input.ontvanger).input("bedrag_cents", input.bedrag.in_cents());
        lines.push_back(std::move(line));
        return lines;
    }
    std::vector<std::int64_t> weights;
    std::int64_t weight_sum = 0;
    for (const auto &l : input.locaties) {
        weights.push_back(l.gewicht);
        weight_sum += l.gewicht;
    }
    const std::vector<AllocatedPart> parts = allocate_largest_remainder(input.bedrag, weights);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Locatie &l = input.locaties[i];
        ContributionLine line;
        line.source = kSource;
        line.payer_id = kPayerId;
        line.payer = kPayer;
        line.amount = parts[i].amount;
        std::string key = input.percentages
                              ? format_percentage_nl(l.gewicht) + " van " + input.bedrag.format_nl()
                              : "gewicht " + format_integer_nl(l.gewicht) + " van " + format_integer_nl(weight_sum) +
                                    " × " + input.bedrag.format_nl();
        line.basis = "rijksbijdrage " + year + ", locatie " + l.naam + ": " + key + " " + via +
                     (parts[i].received_remainder ? "; +1 restcent (grootste rest)" : "");
        line.input_text("ontvanger", input.ontvanger).input_text("locatie", l.naam);
        if (input.percentages) line.input("percentage_ppm", l.gewicht);
        else line.input("gewicht", l.gewicht).input("gewicht_totaal", weight_sum);
        line.input("totaal_cents", input.bedrag.in_cents()).input("restcent", parts[i].received_remainder ? 1 : 0);
        lines.push_back(std::move(line));
    }
    return lines;
}

namespace {
std::string absolute(std::size_t row, std::size_t column) {
    return "$" + Table::column_letters(column) + "$" + std::to_string(row + 2);
}
}  // namespace

Table describe_sheet(const Region &region, const Input &input, const std::vector<ContributionLine> &lines) {
    const std::size_t n = input.locaties.size();
    if (lines.size() != (n == 0 ? 1 : n)) throw std::invalid_argument("describe_sheet: one line per location expected");
    const Gemeente *ontvanger = region.find(input.ontvanger);
    const std::string ontvanger_naam = ontvanger ? ontvanger->naam : "";
    Table t;
    t.name = "Rijksbijdrage";
    if (n == 0) {
        // A: Betaler, B: CBS-code ontvanger, C: Ontvanger, D: Bedrag (input).
        t.columns = {{"Betaler", 40}, {"CBS-code ontvanger", 18}, {"Ontvanger", 24}, {"Bedrag", 16}};
        t.rows.push_back({Cell::text(kPayer), Cell::text(input.ontvanger), Cell::text(ontvanger_naam),
                          Cell::money(input.bedrag)});
        Cell label = Cell::text("Totaal");
        Cell sum = Cell::formula("SUM(" + Table::ref(0, 3) + ":" + Table::ref(0, 3) + ")", Cell::money(lines[0].amount));
        label.bold = sum.bold = true;
        t.rows.push_back({label, Cell(), Cell(), sum});
        return t;
    }

    // A: Omschrijving, B: CBS-code ontvanger, C: Ontvanger, D: Gewicht or Percentage (input),
    // E: Aandeel (formula), F: Restcent (from the largest-remainder rule), G: Bedrag.
    // Row 0 holds the bedrag to divide (input, G2); rows 1..n the locations; then the totals.
    t.columns = {{"Omschrijving", 40}, {"CBS-code ontvanger", 18}, {"Ontvanger", 24},
                 {input.percentages ? "Percentage" : "Gewicht", 12}, {"Aandeel", 12}, {"Restcent", 10},
                 {"Bedrag", 16}};
    t.rows.push_back({Cell::text("Rijksbijdrage " + std::to_string(region.boekjaar) + " (te verdelen), " + kPayer),
                      Cell::text(input.ontvanger), Cell::text(ontvanger_naam), Cell(), Cell(), Cell(),
                      Cell::money(input.bedrag)});
    const std::size_t first = 1, last = n;  // data rows of the locations
    const std::string weights = absolute(first, 3) + ":" + absolute(last, 3);
    const std::string bedrag_cents = "ROUND(" + absolute(0, 6) + "*100,0)";
    std::int64_t weight_sum = 0;
    for (const auto &l : input.locaties) weight_sum += l.gewicht;
    std::int64_t restcenten = 0;
    Money total;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t row = first + i;
        const Locatie &l = input.locaties[i];
        const std::int64_t rest = lines[i].amount.in_cents() -
                                  static_cast<std::int64_t>(static_cast<__int128>(input.bedrag.in_cents()) * l.gewicht /
                                                            weight_sum);
        restcenten += rest;
        total += lines[i].amount;
        // Share as a fraction in ppm, rounded half up (the formula computes it exactly).
        const std::int64_t share_ppm =
            static_cast<std::int64_t>((static_cast<__int128>(l.gewicht) * kWholePpm * 2 + weight_sum) / (2 * weight_sum));
        const std::string w = Table::ref(row, 3);
        // Bedrag = the exact share rounded down to the cent, plus the remainder cent if it got one.
        const std::string share_cents = input.percentages
                                            ? "INT(" + bedrag_cents + "*ROUND(" + w + "*1000000,0)/1000000)"
                                            : "INT(" + bedrag_cents + "*" + w + "/SUM(" + weights + "))";
        t.rows.push_back({Cell::text("Locatie " + l.naam), Cell(), Cell(),
                          input.percentages ? Cell::percentage_ppm(l.gewicht) : Cell::integer(l.gewicht),
                          Cell::formula(w + "/SUM(" + weights + ")", Cell::percentage_ppm(share_ppm)),
                          Cell::integer(rest),
                          Cell::formula("(" + share_cents + "+" + Table::ref(row, 5) + ")/100",
                                        Cell::money(lines[i].amount))});
    }
    auto sum = [&](std::size_t column, Cell cached) {
        Cell c = Cell::formula("SUM(" + Table::ref(first, column) + ":" + Table::ref(last, column) + ")", std::move(cached));
        c.bold = true;
        return c;
    };
    Cell label = Cell::text("Totaal locaties");
    label.bold = true;
    t.rows.push_back({label, Cell(), Cell(),
                      sum(3, input.percentages ? Cell::percentage_ppm(weight_sum) : Cell::integer(weight_sum)),
                      sum(4, Cell::percentage_ppm(kWholePpm)), sum(5, Cell::integer(restcenten)),
                      sum(6, Cell::money(total))});
    return t;
}

void RijksbijdragePlugin::compute(ComputeContext &ctx) {
    std::optional<Input> input = read_input(ctx.settings(), ctx.region(), ctx.diagnostics(), ctx.key_path());
    if (!input) return;
    std::vector<ContributionLine> lines = compute_lines(ctx.region(), *input);
    Table sheet = describe_sheet(ctx.region(), *input, lines);
    for (auto &l : lines) ctx.add_line(std::move(l));
    ctx.add_sheet(std::move(sheet));
}

}  // namespace vhh::rijksbijdrage
