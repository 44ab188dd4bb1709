// Ledger import rate (lines/s) through the code vhh runs for a ledger export:
//   host: read the file and hash it for manifest.json (sha256);
//   importer plugin: CSV → LedgerLine (importer.csv-nl / importer.debet-credit core libraries);
//   report.jaarverantwoording: boek_grootboek (boekjaar check, toewijzing to posten, sums).
// Before the importer plugins existed the whole chain was read_grootboek in the jaarverantwoording
// core; bench/CMakeLists.txt defines VHH_BENCH_IMPORTERS when the importer core libraries exist.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "bench_size.h"
#include "imports.h"  // report.jaarverantwoording core
#include "ledger_data.h"
#include "output/sha256.h"
#include "vhh/csv.h"

#ifdef VHH_BENCH_IMPORTERS
#include "csv_nl.h"
#include "debet_credit.h"
#endif

namespace {

using namespace vhh;
namespace jv = vhh::jaarverantwoording;

/// The toewijzing of the generated "standaard" regions (tools/gen-national).
jv::Config ledger_config() {
    jv::Config c;
    const char *lasten[] = {"PERS-DIR", "PERS-PR", "PERS-ADM", "PERS-OV", "HUIS", "ICT", "PROJ", "OV"};
    for (const char *code : lasten) {
        jv::Post p;
        p.code = code;
        p.soort = jv::Soort::lasten;
        c.posten.push_back(p);
    }
    jv::Post ovb;
    ovb.code = "OVB";
    ovb.soort = jv::Soort::baten;
    c.posten.push_back(ovb);
    const char *rules[][3] = {{"", "409*", "PERS-OV"}, {"110", "", "PERS-DIR"}, {"120", "", "PERS-PR"},
                              {"130", "", "PERS-ADM"}, {"200", "", "HUIS"},     {"300", "", "ICT"},
                              {"400", "", "PROJ"},     {"800", "8*", "OVB"},    {"900", "", "OV"}};
    for (const auto &r : rules) {
        jv::Toewijzing t;
        t.kostenplaats = r[0];
        t.rekening = r[1];
        t.post = r[2];
        c.toewijzing.push_back(t);
    }
    c.baten_negatief = true;
    c.grootboek = jv::InvoerBestand{"grootboek-2024.csv", {}, "grootboek"};
    return c;
}

void set_rates(benchmark::State &state, std::size_t bytes) {
    const double lines = static_cast<double>(state.range(0));
    state.counters["lines/s"] = benchmark::Counter(lines * static_cast<double>(state.iterations()),
                                                   benchmark::Counter::kIsRate);
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes) * state.iterations());
}

void check(const Diagnostics &diag, benchmark::State &state) {
    if (diag.has_errors()) state.SkipWithError("the benchmark's own ledger has errors");
}

/// The SDK's CSV parser alone (records and fields), the first step of every importer.
void BM_ParseCsv(benchmark::State &state) {
    const std::string csv = bench::ledger_csv_nl(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        CsvTable t = parse_csv(csv, ';');
        benchmark::DoNotOptimize(t.records.data());
    }
    set_rates(state, csv.size());
}

/// sha256 of the file's bytes: the host hashes every input for manifest.json.
void BM_Sha256(benchmark::State &state) {
    const std::string csv = bench::ledger_csv_nl(static_cast<int>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(host::sha256_hex(csv));
    set_rates(state, csv.size());
}

#ifdef VHH_BENCH_IMPORTERS

/// importer.csv-nl: CSV → LedgerLine (dates, Dutch amounts, located lines).
void BM_ImportCsvNl(benchmark::State &state) {
    const std::string csv = bench::ledger_csv_nl(static_cast<int>(state.range(0)));
    const importer_csv_nl::Kolommen k;
    for (auto _ : state) {
        Diagnostics diag;
        LedgerLines lines;
        importer_csv_nl::read_ledger({"/bench/grootboek-2024.csv", csv}, k, "plugins[5]", diag, lines);
        benchmark::DoNotOptimize(lines.lines.data());
        check(diag, state);
    }
    set_rates(state, csv.size());
}

/// importer.debet-credit: CSV → LedgerLine (ISO dates, debet − credit).
void BM_ImportDebetCredit(benchmark::State &state) {
    const std::string csv = bench::ledger_debet_credit(static_cast<int>(state.range(0)));
    const importer_debet_credit::Kolommen k;
    for (auto _ : state) {
        Diagnostics diag;
        LedgerLines lines;
        importer_debet_credit::read_ledger({"/bench/grootboek-2024.csv", csv}, k, "plugins[5]", diag, lines);
        benchmark::DoNotOptimize(lines.lines.data());
        check(diag, state);
    }
    set_rates(state, csv.size());
}

/// report.jaarverantwoording: the imported lines mapped to posten and added up.
void BM_BoekGrootboek(benchmark::State &state) {
    const std::string csv = bench::ledger_csv_nl(static_cast<int>(state.range(0)));
    Diagnostics read_diag;
    LedgerLines read;
    importer_csv_nl::read_ledger({"/bench/grootboek-2024.csv", csv}, importer_csv_nl::Kolommen{}, "", read_diag, read);
    const auto &lines = read.lines;
    const jv::Config config = ledger_config();
    for (auto _ : state) {
        Diagnostics diag;
        jv::Grootboek g = jv::boek_grootboek(lines, config, 2024, diag);
        benchmark::DoNotOptimize(g.per_post.size());
        check(diag, state);
    }
    set_rates(state, csv.size());
}

/// What a run does with one ledger export: hash, import (csv-nl, streamed a piece at a time as the
/// host hands it over), map and add up as the lines come.
void BM_LedgerChain(benchmark::State &state) {
    const std::string csv = bench::ledger_csv_nl(static_cast<int>(state.range(0)));
    const jv::Config config = ledger_config();
    const importer_csv_nl::Kolommen k;
    for (auto _ : state) {
        Diagnostics diag;
        benchmark::DoNotOptimize(host::sha256_hex(csv));
        StringInputStream stream(csv);
        jv::GrootboekBoeking boeking(config, 2024, diag);
        importer_csv_nl::read_ledger({"/bench/grootboek-2024.csv", "", &stream}, k, "plugins[5]", diag, boeking);
        jv::Grootboek g = boeking.result();
        benchmark::DoNotOptimize(g.per_post.size());
        check(diag, state);
    }
    set_rates(state, csv.size());
}

#else  // the ledger reader of the jaarverantwoording core, before the importer plugins

void BM_LedgerChain(benchmark::State &state) {
    const std::string csv = bench::ledger_csv_nl(static_cast<int>(state.range(0)));
    const jv::Config config = ledger_config();
    for (auto _ : state) {
        Diagnostics diag;
        benchmark::DoNotOptimize(host::sha256_hex(csv));
        jv::Grootboek g = jv::read_grootboek("/bench/grootboek-2024.csv", csv, config, 2024, diag);
        benchmark::DoNotOptimize(g.per_post.size());
        check(diag, state);
    }
    set_rates(state, csv.size());
}

#endif

// 10 000 lines is a large region-year; 100 000 a whole national year in one file; 1 000 000 the
// whole national dataset at once.
BENCHMARK(BM_ParseCsv)->Arg(bench::size(100'000))->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Sha256)->Arg(bench::size(100'000))->Unit(benchmark::kMillisecond);
#ifdef VHH_BENCH_IMPORTERS
BENCHMARK(BM_ImportCsvNl)->Arg(bench::size(10'000))->Arg(bench::size(100'000))->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportDebetCredit)->Arg(bench::size(100'000))->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BoekGrootboek)->Arg(bench::size(100'000))->Unit(benchmark::kMillisecond);
#endif
BENCHMARK(BM_LedgerChain)
    ->Arg(bench::size(10'000))
    ->Arg(bench::size(100'000))
    ->Arg(bench::size(1'000'000))
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
