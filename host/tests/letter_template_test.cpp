#include "render/letter_template.h"

#include <gtest/gtest.h>

namespace vhh::host {
namespace {

doc::Letter letter_with_table() {
    doc::Letter l;
    doc::Table t;
    t.id = "bijdrage";
    t.columns = {{"onderdeel", "Onderdeel"}, {"bedrag", "Bedrag"}};
    l.body.emplace_back(t);
    l.body.emplace_back(doc::Paragraph{"dropped"});
    l.body_template = "raadsbrief.txt.mustache";
    return l;
}

TEST(LetterTemplate, HeaderLinesParagraphsListsAndTables) {
    doc::Letter l = letter_with_table();
    const auto problems = apply_letter_template(
        l, "\nOnderwerp: Jaarverantwoording 2013\nAanhef: Geachte leden van de raad,\nSlot: Met vriendelijke groet,\n"
           "Bijlage: de jaarverantwoording\n\nHierbij ontvangt u\nde jaarverantwoording.\n\n[tabel bijdrage]\n\n"
           "- een\n- twee\n");
    ASSERT_TRUE(problems.empty());
    EXPECT_EQ(l.onderwerp, "Jaarverantwoording 2013");
    EXPECT_EQ(l.aanhef, "Geachte leden van de raad,");
    EXPECT_EQ(l.slot, "Met vriendelijke groet,");
    ASSERT_EQ(l.bijlagen.size(), 1u);
    ASSERT_EQ(l.body.size(), 3u);
    EXPECT_EQ(std::get<doc::Paragraph>(l.body[0]).text, "Hierbij ontvangt u de jaarverantwoording.");
    EXPECT_EQ(std::get<doc::Table>(l.body[1]).id, "bijdrage");
    EXPECT_EQ(std::get<doc::List>(l.body[2]).items, (std::vector<std::string>{"een", "twee"}));
    EXPECT_TRUE(l.body_template.empty());
}

TEST(LetterTemplate, AnUnknownTableIsAProblemAndLeavesTheLetter) {
    doc::Letter l = letter_with_table();
    const auto problems = apply_letter_template(l, "Tekst.\n\n[tabel casussen]\n");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("casussen"), std::string::npos);
    EXPECT_NE(problems[0].find("bijdrage"), std::string::npos);
    EXPECT_EQ(l.body.size(), 2u);
    EXPECT_FALSE(l.body_template.empty());
}

TEST(LetterTemplate, AHeaderWordLaterInTheTextIsBodyText) {
    doc::Letter l;
    apply_letter_template(l, "Onderwerp: X\n\nSlot: is hier gewoon tekst\n");
    EXPECT_EQ(l.onderwerp, "X");
    EXPECT_TRUE(l.slot.empty());
    ASSERT_EQ(l.body.size(), 1u);
}

doc::Document report_with_tables() {
    doc::Document d;
    d.name = "partners-2013";
    d.meta.title = "Partners boekjaar 2013";
    doc::Table ring;
    ring.id = "ring";
    ring.columns = {{"maanden", "Werkplek-maanden"}};
    ring.rows.push_back({{doc::Cell{doc::Value::integer(36), "maanden_1", ""}}, doc::RowRole::body});
    doc::Table totaal;
    totaal.id = "totaal";
    totaal.columns = {{"maanden", "Werkplek-maanden"}};
    totaal.rows.push_back({{doc::Cell{doc::Value::integer(36), "", "maanden_1"}}, doc::RowRole::total});
    d.sections.push_back(doc::Section{"Tabellen", {ring, totaal}, {}});
    d.body_template = "partners.txt.mustache";
    return d;
}

TEST(ReportTemplate, UnderlinedHeadingsStartSectionsTextBeforeThemIsAnIntroduction) {
    doc::Document d = report_with_tables();
    const auto problems = apply_report_template(
        d, "Vooraf\nin twee regels.\n\nRingen\n------\n\n[tabel ring]\n\n- een\n- twee\n\nTotaal\n======\n"
           "[tabel totaal]\n\nNog een alinea\n---------- niet onderstreept\n");
    ASSERT_TRUE(problems.empty()) << problems[0];
    EXPECT_TRUE(d.body_template.empty());
    ASSERT_EQ(d.sections.size(), 3u);
    EXPECT_EQ(d.sections[0].title, "Inleiding");
    ASSERT_EQ(d.sections[0].blocks.size(), 1u);
    EXPECT_EQ(std::get<doc::Paragraph>(d.sections[0].blocks[0]).text, "Vooraf in twee regels.");
    EXPECT_EQ(d.sections[1].title, "Ringen");
    ASSERT_EQ(d.sections[1].blocks.size(), 2u);
    EXPECT_EQ(std::get<doc::Table>(d.sections[1].blocks[0]).id, "ring");
    EXPECT_EQ(std::get<doc::List>(d.sections[1].blocks[1]).items.size(), 2u);
    EXPECT_EQ(d.sections[2].title, "Totaal");
    ASSERT_EQ(d.sections[2].blocks.size(), 2u);
    EXPECT_EQ(std::get<doc::Table>(d.sections[2].blocks[0]).id, "totaal");
    EXPECT_EQ(std::get<doc::Paragraph>(d.sections[2].blocks[1]).text, "Nog een alinea ---------- niet onderstreept");
}

TEST(ReportTemplate, ATableTheTextDoesNotHaveOrAFormulaOverALeftOutTableIsAProblem) {
    doc::Document d = report_with_tables();
    auto problems = apply_report_template(d, "Kop\n---\n[tabel onbekend]\n");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("'[tabel onbekend]' names no table of the document (it has: ring, totaal)"),
              std::string::npos) << problems[0];
    EXPECT_EQ(d.body_template, "partners.txt.mustache");  // left as it was
    // The total's formula names maanden_1 of the table the text leaves out.
    problems = apply_report_template(d, "Kop\n---\n[tabel totaal]\n");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("maanden_1"), std::string::npos) << problems[0];
    EXPECT_EQ(d.sections.size(), 1u);
}

}  // namespace
}  // namespace vhh::host
