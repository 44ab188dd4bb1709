// Tests of report.jaarverantwoording's report phase (run_report) on the test kit's fake context: the
// jaarverantwoording and a raadsbrief per gemeente described, formulas over named cells, the letter,
// missing inputs, ledgers through the configured importer, all errors of both files in one run, and the
// suppression warning; and the count texts of the documents.
#include "jaarverantwoording_fixtures.h"

namespace {

using namespace jv_test;

TEST(Report, DescribesTheJaarverantwoordingAndOneLetterPerGemeente) {
    const Settings s = settings(kBase + "indicatoren: ind.csv\n");
    ReportRun r = run(s, {{"grootboek.csv", kLedger}, {"ind.csv", "Thema;Gemeente;Aantal\nCOM;GM0687;30\nCOM;GM0654;3\n"
                                                             "advies;GM0687;12\nadvies;GM0654;9\n"}});
    ASSERT_FALSE(r.diag.has_errors()) << r.diag.format_all();
    // No workbook or text built by the plugin: the host renders the documents.
    ASSERT_EQ(r.documents.size(), 4u);
    const doc::Document &d = r.documents[0];
    EXPECT_EQ(d.name, "jaarverantwoording-2013");
    EXPECT_EQ(d.kind, doc::Document::Kind::report);
    std::vector<std::string> ids;
    for (const doc::Table *t : tables(d)) ids.push_back(t->id);
    // No reserves and no risks in these settings: no tables for them, the weerstandsvermogen says n.v.t.
    EXPECT_EQ(ids, (std::vector<std::string>{"resultaat", "kosten0", "baten", "lasten", "weerstandsvermogen",
                                             "afrekening", "casussen_thema"}));
    EXPECT_EQ(charts(d), 3u);  // baten pie, baten and lasten columns
    std::set<std::string> letters;
    for (std::size_t i = 1; i < r.documents.size(); ++i) {
        ASSERT_EQ(r.documents[i].kind, doc::Document::Kind::letter);
        ASSERT_TRUE(r.documents[i].letter);
        EXPECT_EQ(r.documents[i].letter->body_template, "raadsbrief.txt.mustache");
        letters.insert(r.documents[i].name);
    }
    EXPECT_EQ(letters, (std::set<std::string>{"raadsbrief-2013-middelburg", "raadsbrief-2013-borsele",
                                              "raadsbrief-2013-noord-beveland"}));
    // Suppressed counts: Borsele's 3 is "<5", Middelburg's 30 a partner "x".
    const doc::Table &ind = table(d, "casussen_thema");
    EXPECT_EQ(ind.rows[0].cells[1].value.kind(), doc::Value::Kind::suppressed);  // Middelburg COM
    EXPECT_EQ(ind.rows[1].cells[1].value.text_value(), "<5");                    // Borsele COM
}

TEST(Report, FormulasAreExpressionsOverNamedCellsWithTheirValues) {
    ReportRun r = run(base_settings(), {{"grootboek.csv", kLedger}});
    ASSERT_FALSE(r.diag.has_errors()) << r.diag.format_all();
    const doc::Document &d = r.documents[0];
    const doc::Cell &baten = named(d, "baten.real");
    EXPECT_EQ(baten.formula, "SUM(kolom(realisatie))");
    EXPECT_EQ(baten.value.money_value().in_cents(), 15000000);
    EXPECT_EQ(named(d, "baten.verschil").formula, "baten.real - baten.wijz");
    EXPECT_EQ(named(d, "saldo.real").formula, "res.baten.real - res.lasten.real");
    EXPECT_EQ(named(d, "resultaat.real").formula, "saldo.real - toev.real + ontt.real");
    // The resultaat cell holds the computed resultaat; every gemeente's definitieve bijdrage is a
    // formula over its voorlopige bijdrage and afrekening.
    const doc::Table &afr = table(d, "afrekening");
    for (std::size_t i = 0; i + 1 < afr.rows.size(); ++i)
        EXPECT_EQ(afr.rows[i].cells[6].formula,
                  "gemeente" + std::to_string(i) + ".voorlopig + gemeente" + std::to_string(i) + ".afrekening");
    EXPECT_EQ(afr.rows.back().role, doc::RowRole::total);
}

TEST(Report, TheLetterHasItsBijdrageAndNoJargon) {
    ReportRun r = run(base_settings(), {{"grootboek.csv", kLedger}});
    ASSERT_FALSE(r.diag.has_errors()) << r.diag.format_all();
    const doc::Document &brief = r.documents[1];
    const doc::Letter &l = *brief.letter;
    EXPECT_EQ(l.addressee.at(0), "De gemeenteraad van Middelburg");
    EXPECT_EQ(l.kenmerk, "JV2013/GM0687");
    EXPECT_EQ(l.date, (Date{2014, 1, 1}));  // no datum_brieven: 1 January after the boekjaar
    const doc::Table &b = table(brief, "bijdrage");
    EXPECT_EQ(b.rows.at(0).cells.at(1).value.money_value(), Money::euros(60000));
    EXPECT_EQ(b.rows.back().cells.at(1).formula, "voorlopig + afrekening");
    // The basis of the settlement (key, remainder cents) is not in the letter.
    for (const doc::Table *t : tables(brief))
        for (const auto &row : t->rows)
            for (const auto &c : row.cells) EXPECT_EQ(c.value.text_value().find("rest"), std::string::npos);
    const DataNode &data = l.template_data;
    EXPECT_EQ(data.fields().at("gemeente").text(), "Middelburg");
    EXPECT_EQ(data.fields().at("vergadering").text(), "26 juni 2014");
    EXPECT_EQ(data.fields().count("uiterlijk"), 0u);  // no zienswijze term on the jaarstukken

    const Settings s = settings(kBase + "kenmerk: VHZ/2014/17\ndatum_brieven: 2014-04-10\n");
    ReportRun own = run(s, {{"grootboek.csv", kLedger}});
    ASSERT_FALSE(own.diag.has_errors()) << own.diag.format_all();
    EXPECT_EQ(own.documents[1].letter->kenmerk, "VHZ/2014/17/GM0687");
    EXPECT_EQ(own.documents[1].letter->date, (Date{2014, 4, 10}));
}

TEST(Report, MissingInputFileIs66AndNothingIsAdded) {
    const Settings s = settings(kBase + "indicatoren: nope.csv\n");
    ReportRun r = run(s, {{"grootboek.csv", kLedger}});
    expect_error(r.diag, ExitCode::no_input, kFile, 19, "nope.csv");
    EXPECT_TRUE(r.documents.empty());
}

TEST(Report, LedgersGoThroughTheConfiguredImporter) {
    const std::string yaml = kBase + "grootboek_vorig_jaar: vorig.csv\n";
    ReportRun r = run(settings(yaml), {{"grootboek.csv", kLedger},
                          {"vorig.csv", "Datum;Kostenplaats;Grootboekrekening;Bedrag\n31-12-2012;100;4000;1,00\n"}});
    ASSERT_FALSE(r.diag.has_errors()) << r.diag.format_all();
    EXPECT_EQ(r.importer_calls,
              (std::vector<std::string>{"importer.csv-nl grootboek.csv", "importer.csv-nl vorig.csv"}));

    ReportRun other = run(settings(yaml + "grootboek_importer: importer.debet-credit\n"), {{"grootboek.csv", kLedger}});
    EXPECT_EQ(other.importer_calls, (std::vector<std::string>{"importer.debet-credit grootboek.csv",
                                                              "importer.debet-credit vorig.csv"}));
    // A missing importer is the host's 78, at each ledger setting; nothing is added.
    expect_error(other.diag, ExitCode::config, kFile, 12, "importer.debet-credit");
    expect_error(other.diag, ExitCode::config, kFile, 19, "importer.debet-credit");
    EXPECT_TRUE(other.documents.empty());
}

TEST(Report, PriorYearLedgerIsCheckedAgainstItsOwnYear) {
    const Settings s = settings(kBase + "grootboek_vorig_jaar: vorig.csv\n");
    ReportRun r = run(s, {{"grootboek.csv", kLedger},
                          {"vorig.csv", "Datum;Kostenplaats;Grootboekrekening;Bedrag\n01-01-2013;100;4000;1,00\n"}});
    expect_error(r.diag, ExitCode::data, "/cfg/vorig.csv", 2, "outside boekjaar 2012", 1);
    EXPECT_EQ(r.diag.error_count(), 1u) << r.diag.format_all();
}

TEST(Report, AllErrorsOfBothFilesInOneRun) {
    const Settings s = settings(kBase + "indicatoren: ind.csv\n");
    ReportRun r = run(s, {{"grootboek.csv", "Datum;Kostenplaats;Grootboekrekening;Bedrag\n01-01-2013;100;1;x\n"
                                      "01-01-2013;100;1;y\n"},
                    {"ind.csv", "Thema;Gemeente;Aantal\nCOM;GM0687;-1\n"}});
    EXPECT_EQ(r.diag.error_count(), 3u) << r.diag.format_all();
    EXPECT_EQ(r.diag.exit_code(), ExitCode::data);
    expect_error(r.diag, ExitCode::data, "/cfg/grootboek.csv", 2, "amount");
    expect_error(r.diag, ExitCode::data, "/cfg/grootboek.csv", 3, "amount");
    expect_error(r.diag, ExitCode::data, "/cfg/ind.csv", 2, "negative count");
}

TEST(Report, WarnsWhenStrictProtectionIsNotReached) {
    const Settings s = settings(lines_replaced(kBase, 18, 18, "minimum_celwaarde: 2\nindicatoren: ind.csv\n"));
    ReportRun r = run(s, {{"grootboek.csv", kLedger}, {"ind.csv", "Thema;Gemeente;Aantal\nCOM;GM0687;1\nCOM;GM0654;9\n"
                                                                   "advies;GM0687;7\nadvies;GM0654;9\n"}});
    ASSERT_FALSE(r.diag.has_errors()) << r.diag.format_all();
    bool warned = false;
    for (const auto &x : r.diag.all())
        if (x.severity == Severity::warning && x.message.find("narrowed down") != std::string::npos) {
            warned = true;
            EXPECT_EQ(x.where.line, 19);
        }
    EXPECT_TRUE(warned) << r.diag.format_all();
}

TEST(Documents, CountText) {
    EXPECT_EQ(count_text(1234, CellStatus::published, 5), "1.234");
    EXPECT_EQ(count_text(3, CellStatus::primary, 5), "<5");
    EXPECT_EQ(count_text(30, CellStatus::secondary, 5), "x");
    EXPECT_EQ(count_text(0, CellStatus::published, 10), "0");
}

}  // namespace
