// Tests of the section "Debiteurenstand per 31 december" (debiteurenstand_section).
#include "jaarverantwoording_fixtures.h"

namespace {

using namespace jv_test;

/// The text of every paragraph and table cell of `s`, one per line.
std::string section_text(const doc::Section &s) {
    std::string out;
    for (const auto &b : s.blocks) {
        if (const auto *p = std::get_if<doc::Paragraph>(&b)) out += p->text + "\n";
        if (const auto *t = std::get_if<doc::Table>(&b))
            for (const auto &r : t->rows)
                for (const auto &c : r.cells)
                    out += (c.value.kind() == doc::Value::Kind::money ? c.value.money_value().format_nl()
                                                                      : c.value.text_value()) + "\n";
    }
    return out;
}

TEST(Debiteurenstand, WithoutAStoreOrInvoicesItSaysSo) {
    const doc::Section none = debiteurenstand_section(nullptr, region());
    EXPECT_EQ(none.title, "Debiteurenstand per 31 december 2013");
    EXPECT_NE(section_text(none).find("geen administratie (database)"), std::string::npos) << section_text(none);
    Administration a;
    const std::string leeg = section_text(debiteurenstand_section(&a, region()));
    EXPECT_NE(leeg.find("bevat geen facturen"), std::string::npos) << leeg;
    a.debiteurenstand.facturen = 3;
    const std::string betaald = section_text(debiteurenstand_section(&a, region()));
    EXPECT_NE(betaald.find("alle 3 facturen tot en met die datum zijn betaald of gecrediteerd"), std::string::npos)
        << betaald;
}

TEST(Debiteurenstand, OpenItemsPerDebiteurWithTheirTotal) {
    Administration a;
    Debiteurenstand &d = a.debiteurenstand;
    d.per = {2015, 12, 31};
    d.facturen = 4;
    d.debiteuren = {{"GM0373", "Bergen (NH)", {{"2015-00002", "2015-10-01", "2015-10-31", Money::euros(1000), Money::euros(400), 61}}, Money::euros(400)},
                    {"politie", "Politie", {{"2015-00004", "2015-12-20", "2016-01-19", Money::euros(250), Money::euros(250), -19}}, Money::euros(250)}};
    d.totaal = Money::euros(650);
    const doc::Section s = debiteurenstand_section(&a, region());
    const std::string text = section_text(s);
    for (const char *want : {"GM0373", "Bergen (NH)", "2015-00002", "€ 400,00", "61", "politie", "€ 650,00",
                             "vhh debiteuren --per 2015-12-31"})
        EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
    const auto *t = std::get_if<doc::Table>(&s.blocks.back());
    ASSERT_NE(t, nullptr);
    ASSERT_EQ(t->rows.size(), 3u);
    EXPECT_EQ(t->rows[1].cells[7].value.text_value(), "-");  // not yet due
    EXPECT_EQ(t->rows[2].cells[6].formula, "SUM(kolom(open))");
}

}  // namespace
