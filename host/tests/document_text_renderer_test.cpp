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
