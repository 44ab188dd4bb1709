// Tests for the text renderer of the document model: aligned tables, wrapped text, letters.
#include "render/document_text_renderer.h"

#include <gtest/gtest.h>

#include <sstream>

#include "render/renderer_registry.h"
#include "render/value_format.h"
#include "vhh/text.h"

namespace vhh::host {
namespace {

using namespace vhh::doc;

std::vector<std::string> lines_of(const std::string &text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

Cell cell(Value v) { return Cell{std::move(v), "", ""}; }

Document report() {
    Document d;
    d.name = "bijdragen-2013";
    d.meta.title = "Bijdragen 2013";
    d.meta.region = "Zeeland";
    d.meta.year = 2013;
    Table t;
    t.id = "inwonerbijdrage";
    t.caption = "Inwonerbijdrage per gemeente";
    t.columns = {{"code", "Code"}, {"gemeente", "Gemeente"}, {"bijdrage", "Bijdrage"}, {"grondslag", "Grondslag"},
                 {"dossiers", "Dossiers"}};
    const std::string basis(260, 'x');
    t.rows.push_back({{cell(Value::text("GM0687")), cell(Value::text("Middelburg")),
                       cell(Value::money(Money::cents(1917240))), cell(Value::text("47.931 inwoners × € 0,40 " + basis)),
                       cell(Value::integer(12))}});
    t.rows.push_back({{cell(Value::text("GM0664")), cell(Value::text("Goes")), cell(Value::money(Money::cents(1473600))),
                       cell(Value::text("36.840 inwoners × € 0,40")), cell(Value::suppressed("<5"))}});
    t.rows.push_back({{cell(Value::text("Totaal")), cell(Value()), Cell{Value::money(Money::cents(3390840)), "t",
                                                                         "SUM(kolom(bijdrage))"}},
                      RowRole::total});
    Section s{"Inwonerbijdrage", {Paragraph{std::string(30, 'a') + " " + std::string(30, 'b') + " " +
                                            std::string(30, 'c')},
                                  t, Note{"Gemeenten betalen € 0,40 per inwoner."}},
              {}};
    d.sections = {s};
    return d;
}

TEST(DocumentTextRenderer, NoLineIsWiderThanTheTextWidth) {
    const std::string text = DocumentTextRenderer().render(report(), {});
    for (const auto &l : lines_of(text)) EXPECT_LE(display_width(l), kTextWidth) << l;
    EXPECT_NE(text.find("Bijdragen 2013\n=============="), std::string::npos) << text;
    EXPECT_NE(text.find("Zeeland, 2013"), std::string::npos);
    EXPECT_NE(text.find("Noot: Gemeenten betalen € 0,40 per inwoner."), std::string::npos);
    // The long basis is wrapped within its column, not cut: every x is there.
    std::size_t xs = 0;
    for (char c : text) xs += c == 'x';
    EXPECT_EQ(xs, 260u);
}

TEST(DocumentTextRenderer, NumbersAlignRightTextLeftSuppressedWithTheNumbers) {
    const auto lines = lines_of(DocumentTextRenderer().render(report(), {}));
    std::size_t middelburg = 0, goes = 0, totaal = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].rfind("GM0687", 0) == 0) middelburg = i;
        if (lines[i].rfind("GM0664", 0) == 0) goes = i;
        if (lines[i].rfind("Totaal", 0) == 0) totaal = i;
    }
    ASSERT_TRUE(middelburg && goes && totaal);
    // Amounts end in the same column.
    const auto end_of = [](const std::string &l, const std::string &what) {
        return display_width(l.substr(0, l.find(what) + what.size()));
    };
    EXPECT_EQ(end_of(lines[middelburg], "€ 19.172,40"), end_of(lines[goes], "€ 14.736,00"));
    EXPECT_EQ(end_of(lines[goes], "€ 14.736,00"), end_of(lines[totaal], "€ 33.908,40"));
    // "<5" ends where 12 ends: right-aligned among the numbers.
    EXPECT_EQ(display_width(lines[goes]), end_of(lines[goes], "<5"));
    EXPECT_EQ(end_of(lines[middelburg], "12"), end_of(lines[goes], "<5"));
    // A rule sets the total apart.
    EXPECT_EQ(lines[totaal - 1].find_first_not_of('-'), std::string::npos);
}

TEST(DocumentTextRenderer, WrapsOnSpacesAndCutsOverlongWords) {
    EXPECT_EQ(wrap_text("een twee drie", 8), (std::vector<std::string>{"een twee", "drie"}));
    EXPECT_EQ(wrap_text("abcdefghij", 4), (std::vector<std::string>{"abcd", "efgh", "ij"}));
    EXPECT_EQ(wrap_text("één twee", 3), (std::vector<std::string>{"één", "twe", "e"}));
    EXPECT_EQ(wrap_text("a\n\nb", 10), (std::vector<std::string>{"a", "", "b"}));
    EXPECT_EQ(wrap_text("aaa bbb ccc", 5, 2), (std::vector<std::string>{"aaa", "  bbb", "  ccc"}));
}

TEST(DocumentTextRenderer, KeepsAnAmountWithItsEuroSign) {
    EXPECT_EQ(wrap_text("betaalt € 161.700,00 per jaar", 12),
              (std::vector<std::string>{"betaalt", "€ 161.700,00", "per jaar"}));
    EXPECT_EQ(wrap_text("terug -€ 317,82 nu", 10), (std::vector<std::string>{"terug", "-€ 317,82", "nu"}));
}

/// A table like the jaarverantwoording's afrekening: code, a name, five amounts and a long basis text.
Table wide_table(std::size_t rows) {
    Table t;
    t.id = "afrekening";
    t.columns = {{"code", "CBS-code"},          {"gemeente", "Gemeente"},
                 {"voorlopig", "Voorlopige bijdrage"}, {"aandeel", "Aandeel verdeelsleutel"},
                 {"resultaat", "Aandeel in resultaat"}, {"afrekening", "Afrekening (− = terug)"},
                 {"definitief", "Definitieve bijdrage"}, {"grondslag", "Grondslag"}};
    for (std::size_t i = 0; i < rows; ++i)
        t.rows.push_back({{cell(Value::text("GM0" + std::to_string(600 + i))), cell(Value::text("Schouwen-Duiveland")),
                           cell(Value::money(Money::cents(1922240))), cell(Value::percentage_ppm(125712)),
                           cell(Value::money(Money::cents(67675))), cell(Value::money(Money::cents(-67675))),
                           cell(Value::money(Money::cents(1853085))),
                           cell(Value::text("12,57 % van € 5.383,34 (sleutel: inwonerbijdrage € 19.207,60 van "
                                            "€ 152.790,40), + € 0,01 restverdeling"))}});
    return t;
}

Document with_table(Table t) {
    Document d;
    d.name = "test";
    d.meta.title = "Test";
    d.sections = {Section{"Tabel", {std::move(t)}, {}}};
    return d;
}

/// Every line of `text` from the one starting with `first` on (the table), up to an empty line.
std::vector<std::string> table_lines(const std::string &text, const std::string &first) {
    std::vector<std::string> out;
    bool in = false;
    for (const auto &l : lines_of(text)) {
        if (l.rfind(first, 0) == 0) in = true;
        if (in && l.empty()) break;
        if (in) out.push_back(l);
    }
    return out;
}

TEST(DocumentTextRenderer, AWideTableStaysWithinItsBudgetAndNeverSplitsAWord) {
    const std::string text = DocumentTextRenderer().render(with_table(wide_table(3)), {});
    const auto lines = table_lines(text, "CBS-code");
    ASSERT_FALSE(lines.empty()) << text;
    std::string words;  // every word the table shows, once per line it is on
    for (const auto &l : lines) {
        EXPECT_LE(display_width(l), kTableWidth) << l;
        words += " " + l + " ";
    }
    // Whole words only: a name, the header words, and each amount with its euro sign on one line.
    for (const char *word : {" Schouwen-Duiveland ", " verdeelsleutel ", " Definitieve ", " inwonerbijdrage ",
                             " restverdeling ", "€ 19.222,40 ", "€ 5.383,34 ", "€ 152.790,40)", "-€ 676,75 ",
                             "12,5712 %"})
        EXPECT_NE(words.find(word), std::string::npos) << word << "\n" << text;
    // The basis does not fit beside the amounts: it is a labelled line of its own under each row.
    std::size_t rows = 0;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].rfind("GM0", 0) == 0) {
            ++rows;
            ASSERT_LT(i + 1, lines.size());
            EXPECT_NE(lines[i + 1].find("Grondslag: 12,57 % van € 5.383,34"), std::string::npos) << text;
        }
    EXPECT_EQ(rows, 3u);
}

TEST(DocumentTextRenderer, ATableThatFitsAtItsLongestWordsStaysWithinTheTextWidth) {
    Table t = wide_table(2);
    t.columns.resize(4);  // code, gemeente, voorlopig, aandeel
    for (auto &row : t.rows) row.cells.resize(4);
    t.columns.push_back({"grondslag", "Grondslag"});
    for (auto &row : t.rows) row.cells.push_back(cell(Value::text("sleutel inwonerbijdrage, peildatum 1 januari 2013, "
                                                                  "bron CBS Statline")));
    const std::string text = DocumentTextRenderer().render(with_table(t), {});
    const auto lines = table_lines(text, "CBS-code");
    ASSERT_FALSE(lines.empty()) << text;
    for (const auto &l : lines) EXPECT_LE(display_width(l), kTextWidth) << l;
    EXPECT_EQ(text.find("Grondslag:"), std::string::npos) << text;  // in the grid, wrapped at spaces
    EXPECT_NE(text.find("inwonerbijdrage,"), std::string::npos) << text;
}

TEST(DocumentTextRenderer, ColumnsOfNumbersCloseUpRatherThanSplitTheirHeaders) {
    // Eight count columns whose header words are wider than the counts (as the casussen table).
    Table t;
    t.id = "casussen";
    t.columns = {{"g", "Gemeente"}};
    const std::vector<std::string> headers = {"COM-casus", "advies", "signalering", "huiselijk geweld",
                                              "radicalisering", "nazorg ex-gedetineerden", "Totaal"};
    for (const auto &h : headers) t.columns.push_back({h, h});
    Row row;
    row.cells.push_back(cell(Value::text("Schouwen-Duiveland")));
    for (std::size_t i = 0; i < headers.size(); ++i) row.cells.push_back(cell(Value::integer(12)));
    t.rows.push_back(row);
    const std::string text = DocumentTextRenderer().render(with_table(t), {});
    std::string all;
    for (const auto &l : table_lines(text, "Gemeente")) {
        EXPECT_LE(display_width(l), kTableWidth) << l;
        all += " " + l + " ";
    }
    for (const char *word : {" radicalisering ", " ex-gedetineerden ", " signalering ", " Schouwen-Duiveland "})
        EXPECT_NE(all.find(word), std::string::npos) << word << "\n" << text;
}

TEST(DocumentTextRenderer, LetterHasDateKenmerkContactAndSignatoryFromTheHouseStyle) {
    Document d;
    d.kind = Document::Kind::letter;
    d.name = "raadsbrief-2013-goes";
    Letter l;
    l.addressee = {"Aan de gemeenteraad van Goes", "Postbus 2118", "4460 MC Goes"};
    l.date = Date{2013, 3, 1};
    l.kenmerk = "VHZ-2013-014";
    l.onderwerp = "Bijdrage 2013";
    l.aanhef = "Geachte leden van de raad,";
    l.body = {Paragraph{"Uw bijdrage is € 14.736,00."}};
    l.slot = "Met vriendelijke groet,";
    d.letter = l;
    RenderOptions o;
    o.house.organisation = "Veiligheidshuis Zeeland";
    o.house.signatory = {"J. Jansen", "voorzitter", "", ""};
    o.house.contact = {"P. de Vries", "controller", "0118 123456", "p.devries@example.nl"};
    const std::string text = DocumentTextRenderer().render(d, o);
    for (const char *part : {"Veiligheidshuis Zeeland", "Aan de gemeenteraad van Goes", "Datum:      1-3-2013",
                             "Kenmerk:    VHZ-2013-014", "Onderwerp:  Bijdrage 2013", "Geachte leden van de raad,",
                             "J. Jansen\nvoorzitter",
                             "Contactpersoon: P. de Vries, controller, 0118 123456, p.devries@example.nl"})
        EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
}

TEST(RendererRegistry, OneRendererPerFormat) {
    const RendererRegistry &r = RendererRegistry::builtin();
    ASSERT_NE(r.find("txt"), nullptr);
    EXPECT_EQ(r.find("txt")->extension(), "txt");
    EXPECT_EQ(r.find("docx"), nullptr);
    RendererRegistry own;
    own.add(std::make_unique<DocumentTextRenderer>());
    EXPECT_THROW(own.add(std::make_unique<DocumentTextRenderer>()), std::logic_error);
    EXPECT_EQ(own.formats(), (std::vector<std::string>{"txt"}));
}

}  // namespace
}  // namespace vhh::host
