// fuzz_ledger_csv: the ledger export readers — importer.csv-nl (read_ledger: ';', Dutch amounts and
// dates) and importer.debet-credit (read_ledger: ',', ISO dates, Debet/Credit) with the SDK's CSV
// parser (vhh::parse_csv) and Dutch amounts (vhh::parse_amount_nl) under them — and the
// jaarverantwoording's booking of the lines read onto posten (boek_grootboek).
//
// Each input is a ledger export, read by csv-nl and by debet-credit, each with default and with
// Twente-like column names; the lines are booked with a Zeeland-like configuration (a prefix
// rule "409*", no restpost) and a Twente-like one (baten negative, a restpost). Checked besides
// sanitizer reports:
//   - parse_csv: lines ascend, columns are positive, every record has a field, errors are located;
//     the same for ',' as separator;
//   - parse_amount_nl: an accepted amount formats back (format_nl_plain) to text that parses to
//     the same amount;
//   - read_ledger: errors located in the file with exit code 65; every line located in the file
//     and its amount within the importer's bound;
//   - boek_grootboek: errors 65; no line outside the boekjaar; per_post within kMaxPostCents and
//     adding up to the (signed) amounts of the lines booked, aantal counting them.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "config.h"           // report.jaarverantwoording
#include "csv_nl.h"           // importer.csv-nl
#include "debet_credit.h"     // importer.debet-credit
#include "imports.h"
#include "vhh/ledger_csv.h"
#include "vhh/csv.h"

using namespace vhh;
using namespace vhh::jaarverantwoording;

namespace {

[[noreturn]] void fail(const std::string &what) {
    std::fprintf(stderr, "fuzz_ledger_csv: %s\n", what.c_str());
    std::abort();
}

Post post(const std::string &code, Soort soort) {
    Post p;
    p.code = code;
    p.naam = code;
    p.soort = soort;
    return p;
}

Toewijzing rule(const std::string &kostenplaats, const std::string &rekening, const std::string &to) {
    Toewijzing t;
    t.kostenplaats = kostenplaats;
    t.rekening = rekening;
    t.post = to;
    return t;
}

Config zeeland() {
    Config c;
    c.key_prefix = "plugins[3]";
    c.posten = {post("PERS-OV", Soort::lasten), post("PERS-DIR", Soort::lasten), post("HUIS", Soort::lasten),
                post("ICT", Soort::lasten), post("BIJDR-RIJK", Soort::baten)};
    c.toewijzing = {rule("", "409*", "PERS-OV"), rule("110", "", "PERS-DIR"), rule("200", "4200", "HUIS"),
                    rule("300", "", "ICT"), rule("", "8*", "BIJDR-RIJK"), rule("", "*", "ICT"),
                    rule("400", "", "ONBEKEND")};
    return c;
}

Config twente() {
    Config c;
    c.baten_negatief = true;
    c.posten = {post("PERS-DIR", Soort::lasten), post("HVH", Soort::lasten), post("DJI", Soort::baten),
                post("OVERIG", Soort::lasten)};
    c.toewijzing = {rule("ZVH01", "", "PERS-DIR"), rule("HVH", "8100", "DJI"), rule("HVH", "", "HVH")};
    c.restpost = "OVERIG";
    return c;
}

importer_csv_nl::Kolommen twente_kolommen() {
    importer_csv_nl::Kolommen k;
    k.datum = "Boekdatum";
    k.kostenplaats = " kpl ";  // matched without regard to case and surrounding spaces
    k.rekening = "Rekening";
    k.bedrag = "Bedrag EUR";
    return k;
}

const Config kZeeland = zeeland();
const Config kTwente = twente();
const importer_csv_nl::Kolommen kDefaultKolommen;
const importer_csv_nl::Kolommen kTwenteKolommen = twente_kolommen();
importer_debet_credit::Kolommen twente_debet_credit() {
    importer_debet_credit::Kolommen k;  // as config/twente-almelo/vhh.yaml names them
    k.datum = "Boekdatum";
    k.kostenplaats = "Kpl";
    k.rekening = "Rekening";
    return k;
}

const importer_debet_credit::Kolommen kDebetCreditKolommen;
const importer_debet_credit::Kolommen kTwenteDebetCreditKolommen = twente_debet_credit();
const std::string kPath = "grootboek.csv";

void check_csv(std::string_view text, char separator) {
    const CsvTable t = parse_csv(text, separator);
    int last = 0;
    for (const auto &r : t.records) {
        if (r.line < 1 || r.line < last) fail("record lines must ascend from 1");
        if (r.fields.empty()) fail("a record without fields");
        for (const auto &f : r.fields)
            if (f.column < 1) fail("a field column below 1");
        last = r.line;
    }
    for (const auto &e : t.errors)
        if (e.line < 1 || e.column < 1 || e.message.empty()) fail("a CSV error without a location");
}

void check_amount(std::string_view text) {
    const auto m = parse_amount_nl(text);
    if (!m) return;
    const std::string formatted = m->format_nl_plain();
    const auto again = parse_amount_nl(formatted);
    if (!again || again->in_cents() != m->in_cents())
        fail("amount '" + std::string(text) + "' formats as '" + formatted + "', which does not parse back");
}

void check_errors(const Diagnostics &diag) {
    for (const auto &d : diag.all()) {
        if (d.severity != Severity::error) continue;
        if (d.where.file != kPath || d.where.line < 1) fail("unlocated error: " + d.format());
        if (d.code != ExitCode::data) fail("error with another exit code than 65: " + d.format());
    }
}

void check_lines(const std::vector<LedgerLine> &lines, std::int64_t bound) {
    for (const auto &l : lines) {
        if (l.where.file != kPath || l.where.line < 1) fail("a ledger line not located in the file");
        if (l.bedrag.in_cents() > bound || l.bedrag.in_cents() < -bound) fail("an amount beyond the bound");
        if (!l.datum.valid()) fail("a line with an invalid date");
    }
}

/// boek_grootboek against a recomputation from the lines (the rules as its header states them): a
/// line of the boekjaar maps to the first matching rule's post, else to the restpost; baten are
/// negated when baten_negatief; a post stops at the line that would take its sum past
/// kMaxPostCents (reported once).
void check_grootboek(const std::vector<LedgerLine> &lines, const Config &config, int boekjaar) {
    Diagnostics diag;
    const Grootboek g = boek_grootboek(lines, config, boekjaar, diag);
    for (const auto &d : diag.all())
        if (d.severity == Severity::error && d.code != ExitCode::data) fail("error with another code: " + d.format());
    std::map<std::string, Money> sum;
    std::map<std::string, int> count;
    std::set<std::string> stopped;
    for (const auto &l : lines) {
        if (l.datum.year != boekjaar) continue;
        std::string post;
        for (const auto &rule : config.toewijzing)
            if (rule.matches(l.kostenplaats, l.rekening)) {
                post = rule.post;
                break;
            }
        if (post.empty()) post = config.restpost;
        if (post.empty() || stopped.count(post)) continue;
        const int p = config.find_post(post);
        const bool negate = p >= 0 && config.posten[p].soort == Soort::baten && config.baten_negatief;
        const auto so_far = sum.find(post);
        const Money next = (so_far == sum.end() ? Money() : so_far->second) + (negate ? -l.bedrag : l.bedrag);
        if (next.in_cents() > kMaxPostCents || next.in_cents() < -kMaxPostCents) {
            stopped.insert(post);
            continue;
        }
        sum[post] = next;
        count[post] += 1;
    }
    if (count != g.aantal) fail("aantal does not count the lines booked");
    if (sum.size() != g.per_post.size()) fail("per_post has other posts than the lines booked");
    for (const auto &[code, amount] : sum) {
        const auto it = g.per_post.find(code);
        if (it == g.per_post.end() || it->second.in_cents() != amount.in_cents()) fail("per_post does not add up");
    }
    std::size_t too_large = 0;
    for (const auto &d : diag.all())
        if (d.message.find("add up to more than") != std::string::npos) ++too_large;
    if (too_large != stopped.size()) fail("a post past kMaxPostCents is not reported exactly once");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string text(reinterpret_cast<const char *>(data), size);
    check_csv(text, ';');
    check_csv(text, ',');

    // Every field, and the whole input as one value, as an amount.
    check_amount(text.substr(0, 64));
    for (const auto &r : parse_csv(text, ';').records)
        for (const auto &f : r.fields) check_amount(f.text);

    for (const auto *kolommen : {&kDefaultKolommen, &kTwenteKolommen}) {
        Diagnostics diag;
        StringInputStream stream(text);  // in pieces, as the host hands a file over
        LedgerLines sink;
        importer_csv_nl::read_ledger({kPath, "", &stream}, *kolommen, "plugins[4]", diag, sink);
        const auto &lines = sink.lines;
        check_errors(diag);
        check_lines(lines, ledger_csv::kMaxAmountCents);
        check_grootboek(lines, kZeeland, 2013);
        check_grootboek(lines, kTwente, 2023);
    }
    for (const auto *kolommen : {&kDebetCreditKolommen, &kTwenteDebetCreditKolommen}) {
        Diagnostics diag;
        StringInputStream stream(text);  // in pieces, as the host hands a file over
        LedgerLines sink;
        importer_debet_credit::read_ledger({kPath, "", &stream}, *kolommen, "plugins[4]", diag, sink);
        const auto &lines = sink.lines;
        check_errors(diag);
        check_lines(lines, 2 * ledger_csv::kMaxAmountCents);  // debet − credit
        check_grootboek(lines, kTwente, 2023);
    }
    return 0;
}
