// Tests of the ledger mapped to posten (GrootboekBoeking): sums to the cent, boekjaar and toewijzing
// errors located at the line (beside the importer's own), restpost, first matching rule, baten_negatief
// and the limit per post. Ledgers are read by importer.csv-nl's reader, as in a real run.
#include "jaarverantwoording_fixtures.h"

namespace {

using namespace jv_test;

TEST(Grootboek, SumsPerPostToTheCent) {
    Diagnostics d;
    Grootboek g = read("/cfg/grootboek.csv", kLedger, config(), 2013, d);
    EXPECT_FALSE(d.has_errors()) << d.format_all();
    EXPECT_EQ(g.per_post["PERS"].in_cents(), 850050);
    EXPECT_EQ(g.per_post["HUIS"].in_cents(), 599975);
    EXPECT_EQ(g.aantal["PERS"], 2);
    EXPECT_EQ(g.aantal["HUIS"], 2);
    EXPECT_EQ(g.per_post.size(), 2u);  // only posts with lines
    EXPECT_EQ(g.aantal.size(), 2u);
}

TEST(Grootboek, BoekjaarAndMappingErrorsAreLocated65) {
    Diagnostics d;
    read("/cfg/grootboek.csv",
         "Kenmerk;Datum;Kostenplaats;Grootboekrekening;Bedrag\n"
         "a;25-01-2013;100;4000;1.000,00\n"
         "b;25-01-2012;100;4000;10,00\n"   // line 3: outside boekjaar, at the date
         "c;25-01-2013;999;4000;10,00\n"   // line 4: unknown kostenplaats, at the line
         "d;31-12-2014;999;4000;10,00\n",  // line 5: both
         config(), 2013, d);
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 3, "date 25-01-2012 is outside boekjaar 2013", 3);
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 4,
                 "kostenplaats '999' with grootboekrekening '4000' maps to no post", 0);
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 5, "date 31-12-2014 is outside boekjaar 2013", 3);
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 5, "maps to no post", 0);
    EXPECT_EQ(d.error_count(), 4u) << d.format_all();
    for (const auto &x : d.all()) EXPECT_NE(x.hint, "");
}

TEST(Grootboek, FormatErrorsOfTheImporterAndMappingErrorsInOneRun) {
    const std::string csv =
        "Datum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag\n"
        "25-01-2013;100;4000;ok;1.000,00\n"
        "25-01-2013;100;4000;te weinig velden\n"          // line 3: field count (importer)
        "25-01-2013;100;4000;bedrag;1,234.56\n"           // line 4: amount (importer)
        "2013-01-25;100;4000;datum;10,00\n"               // line 5: date format (importer)
        "25-01-2012;100;4000;vorig jaar;10,00\n"          // line 6: outside boekjaar
        "31-02-2013;100;4000;geen dag;10,00\n"            // line 7: not a date (importer)
        "25-01-2013;999;4000;onbekend;10,00\n";           // line 8: unknown kostenplaats
    Diagnostics d;
    Grootboek g = read("/cfg/grootboek.csv", csv, config(), 2013, d);
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 3, "fields");
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 4, "1,234.56", 28);
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 5, "dd-mm-jjjj", 1);
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 6, "outside boekjaar 2013", 1);
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 7, "31-02-2013", 1);
    expect_error(d, ExitCode::data, "/cfg/grootboek.csv", 8, "maps to no post", 0);
    EXPECT_EQ(d.error_count(), 6u) << d.format_all();
    EXPECT_EQ(d.exit_code(), ExitCode::data);
    for (const auto &x : d.all()) EXPECT_EQ(x.severity, Severity::error);
    EXPECT_EQ(g.per_post["PERS"].in_cents(), 100000);  // the good line is still counted
}

TEST(Grootboek, RestpostTakesUnmappedLines) {
    Config c = config();
    c.restpost = "HUIS";
    Diagnostics d;
    Grootboek g = boek_grootboek({ledger_line("999", "1", 500, 2)}, c, 2013, d);
    EXPECT_FALSE(d.has_errors()) << d.format_all();
    EXPECT_EQ(g.per_post["HUIS"].in_cents(), 500);
}

TEST(Grootboek, FirstMatchingRuleWins) {
    Config c = config();
    c.toewijzing.insert(c.toewijzing.begin(), {"100", "41*", "HUIS", {}, ""});
    Diagnostics d;
    Grootboek g = boek_grootboek({ledger_line("100", "4100", 100, 2), ledger_line("100", "4000", 200, 3),
                                  ledger_line("100", "41", 400, 4)},
                                 c, 2013, d);
    EXPECT_FALSE(d.has_errors()) << d.format_all();
    EXPECT_EQ(g.per_post["HUIS"].in_cents(), 500);
    EXPECT_EQ(g.per_post["PERS"].in_cents(), 200);
    EXPECT_EQ(g.aantal["HUIS"], 2);
}

TEST(Grootboek, BatenNegatiefNegatesBaten) {
    Config c = config();
    c.toewijzing.push_back({"800", "", "RIJK", {}, ""});
    c.baten_negatief = true;
    Diagnostics d;
    Grootboek g = boek_grootboek({ledger_line("800", "8000", -100000, 2), ledger_line("100", "4000", 25000, 3)}, c,
                                 2013, d);
    EXPECT_EQ(g.per_post["RIJK"].in_cents(), 100000);
    EXPECT_EQ(g.per_post["PERS"].in_cents(), 25000);  // lasten keep their sign
}

TEST(Grootboek, APostBeyondTheLimitIsOneLocatedError) {
    // An importer that lets anything through: the sums still cannot overflow or pass a cell.
    Config c = config();
    c.toewijzing.push_back({"800", "", "RIJK", {}, ""});
    c.baten_negatief = true;
    Diagnostics d;
    const std::int64_t max = kMaxPostCents;
    Grootboek g = boek_grootboek({ledger_line("100", "4000", max, 2), ledger_line("100", "4000", 1, 3),
                                  ledger_line("100", "4000", 1, 4), ledger_line("200", "4200", INT64_MIN, 5),
                                  ledger_line("800", "8000", INT64_MIN, 6), ledger_line("800", "8000", -max, 7)},
                                 c, 2013, d);
    expect_error(d, ExitCode::data, "/cfg/g.csv", 3, "post 'PERS' add up to more than");
    expect_error(d, ExitCode::data, "/cfg/g.csv", 5, "post 'HUIS'");
    expect_error(d, ExitCode::data, "/cfg/g.csv", 6, "post 'RIJK'");
    EXPECT_EQ(d.error_count(), 3u) << d.format_all();  // once per post
    EXPECT_EQ(g.per_post["PERS"].in_cents(), max);
}

}  // namespace
