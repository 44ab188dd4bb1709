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

}  // namespace
}  // namespace vhh::host
