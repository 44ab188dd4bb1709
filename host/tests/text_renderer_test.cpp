// Tests for the Mustache text renderer: rendering, no HTML escaping, strict unknown-tag errors with
// locations, syntax errors, rejected partials and file reading.
#include "render/text_renderer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <unistd.h>

namespace vhh::host {
namespace {

const std::string kPath = "templates/test.txt.mustache";

/// Renders and expects a TemplateError; returns it for inspection.
TemplateError expect_error(const std::string &source, const DataNode &data) {
    try {
        const std::string out = render_template(source, kPath, data);
        ADD_FAILURE() << "expected a TemplateError, rendered: " << out;
    } catch (const TemplateError &e) {
        return e;
    }
    return TemplateError({}, "");
}

DataNode gemeenten() {
    DataNode d;
    auto &list = d.set("gemeenten", DataNode::list());
    list.push(DataNode()).set("naam", "Middelburg");
    list.push(DataNode()).set("naam", "Vlissingen");
    list.push(DataNode()).set("naam", "Goes");
    d.set("regio", "Zeeland");
    return d;
}

TEST(TextRenderer, RendersVariables) {
    DataNode d;
    d.set("naam", "Zeeland");
    d.set("jaar", "2013");
    EXPECT_EQ(render_template("Regio {{naam}}, boekjaar {{ jaar }}.\n", kPath, d), "Regio Zeeland, boekjaar 2013.\n");
    EXPECT_EQ(render_template("{{{naam}}}/{{&naam}}", kPath, d), "Zeeland/Zeeland");
}

TEST(TextRenderer, AValueKeepsToItsLine) {
    DataNode d;
    d.set("naam", "Schouwen\r\nDuiveland\n\nOnderwerp: x\rA\vB\fC\xC2\x85" "D\xE2\x80\xA8" "E\xE2\x80\xA9" "F\xE2\x80\xA6");
    auto &l = d.set("namen", DataNode::list());
    l.push("a\nb");
    EXPECT_EQ(render_template("Aan {{naam}}.\n{{#namen}}[{{.}}]{{/namen}}", kPath, d),
              "Aan Schouwen Duiveland  Onderwerp: x A B C D E F\xE2\x80\xA6.\n[a b]");
    // The triple mustache inserts a value as it is, for a template that wants its lines.
    EXPECT_EQ(render_template("{{{naam}}}", kPath, d), d.fields().at("naam").text());
    EXPECT_EQ(one_line_value(""), "");
    EXPECT_EQ(one_line_value("\r"), " ");
    EXPECT_EQ(one_line_value("x\xC2"), "x\xC2");
    EXPECT_EQ(one_line_value("x\xE2\x80"), "x\xE2\x80");
}

TEST(TextRenderer, SectionOverList) {
    EXPECT_EQ(render_template("{{#gemeenten}}- {{naam}}\n{{/gemeenten}}", kPath, gemeenten()),
              "- Middelburg\n- Vlissingen\n- Goes\n");
}

TEST(TextRenderer, OuterNamesVisibleInsideListItems) {
    EXPECT_EQ(render_template("{{#gemeenten}}{{naam}} ({{regio}}) {{/gemeenten}}", kPath, gemeenten()),
              "Middelburg (Zeeland) Vlissingen (Zeeland) Goes (Zeeland) ");
}

TEST(TextRenderer, CurrentItemDot) {
    DataNode d;
    auto &l = d.set("namen", DataNode::list());
    l.push("a");
    l.push("b");
    EXPECT_EQ(render_template("{{#namen}}[{{.}}]{{/namen}}", kPath, d), "[a][b]");
}

TEST(TextRenderer, Booleans) {
    DataNode d;
    d.set("ja", DataNode::boolean(true));
    d.set("nee", DataNode::boolean(false));
    EXPECT_EQ(render_template("{{#ja}}J{{/ja}}{{^ja}}x{{/ja}}{{#nee}}x{{/nee}}{{^nee}}N{{/nee}}", kPath, d), "JN");
}

TEST(TextRenderer, InvertedSectionOnEmptyList) {
    DataNode d;
    d.set("posten", DataNode::list());
    EXPECT_EQ(render_template("{{#posten}}{{naam}}{{/posten}}{{^posten}}geen posten{{/posten}}", kPath, d),
              "geen posten");
}

TEST(TextRenderer, NestedMapsAndDottedNames) {
    DataNode d;
    auto &regio = d.set("regio", DataNode::map());
    regio.set("naam", "Zeeland");
    regio.set("centrum", DataNode::map()).set("stad", "Middelburg");
    EXPECT_EQ(render_template("{{regio.naam}}: {{regio.centrum.stad}}; {{#regio}}{{naam}}{{/regio}}", kPath, d),
              "Zeeland: Middelburg; Zeeland");
}

TEST(TextRenderer, NoHtmlEscaping) {
    DataNode d;
    d.set("x", "A & B <c> \"d\" 'e'");
    EXPECT_EQ(render_template("{{x}}|{{{x}}}", kPath, d), "A & B <c> \"d\" 'e'|A & B <c> \"d\" 'e'");
}

TEST(TextRenderer, DutchCharactersPassThrough) {
    DataNode d;
    d.set("bedrag", "€ 161.700,00");
    d.set("plaats", "Hoofdplaat, Zeeuws-Vlaanderen – coördinatie, ë");
    EXPECT_EQ(render_template("Totaal: {{bedrag}} — {{plaats}} ë€\n", kPath, d),
              "Totaal: € 161.700,00 — Hoofdplaat, Zeeuws-Vlaanderen – coördinatie, ë ë€\n");
}

TEST(TextRenderer, Deterministic) {
    const DataNode d = gemeenten();
    const std::string t = "{{#gemeenten}}{{naam}},{{/gemeenten}}{{regio}}";
    EXPECT_EQ(render_template(t, kPath, d), render_template(t, kPath, d));
}

TEST(TextRenderer, UnknownVariableIsLocated) {
    DataNode d;
    d.set("naam", "Zeeland");
    const auto e = expect_error("Regio {{naam}}\nJaar: {{ boekjaar }}\n", d);
    EXPECT_EQ(e.where.file, kPath);
    EXPECT_EQ(e.where.line, 2);
    EXPECT_EQ(e.where.column, 7);
    EXPECT_NE(std::string(e.what()).find("boekjaar"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("unknown tag"), std::string::npos) << e.what();
}

TEST(TextRenderer, ColumnsCountCharactersNotBytes) {
    const auto e = expect_error("€ë {{x}}", DataNode());
    EXPECT_EQ(e.where.line, 1);
    EXPECT_EQ(e.where.column, 4);
}

TEST(TextRenderer, UnknownSectionIsAnError) {
    const auto e = expect_error("a\n\n  {{#posten}}x{{/posten}}", gemeenten());
    EXPECT_EQ(e.where.line, 3);
    EXPECT_EQ(e.where.column, 3);
    EXPECT_NE(std::string(e.what()).find("{{#posten}}"), std::string::npos) << e.what();
}

TEST(TextRenderer, UnknownInvertedSectionIsAnError) {
    const auto e = expect_error("{{^posten}}geen{{/posten}}", gemeenten());
    EXPECT_EQ(e.where.line, 1);
    EXPECT_EQ(e.where.column, 1);
    EXPECT_NE(std::string(e.what()).find("{{^posten}}"), std::string::npos) << e.what();
}

TEST(TextRenderer, UnknownTagInsideListSection) {
    const auto e = expect_error("{{#gemeenten}}\n  {{naam}}: {{inwoners}}\n{{/gemeenten}}\n", gemeenten());
    EXPECT_EQ(e.where.line, 2);
    EXPECT_EQ(e.where.column, 13);
    EXPECT_NE(std::string(e.what()).find("inwoners"), std::string::npos) << e.what();
    // The names available in the list item are suggested.
    EXPECT_NE(std::string(e.what()).find("naam"), std::string::npos) << e.what();
}

TEST(TextRenderer, UnknownTagInOneListItemOnly) {
    DataNode d;
    auto &l = d.set("items", DataNode::list());
    l.push(DataNode()).set("a", "1");
    l.push(DataNode()).set("b", "2");
    const auto e = expect_error("{{#items}}{{a}}{{/items}}", d);
    EXPECT_EQ(e.where.column, 11);
}

TEST(TextRenderer, DottedNameMustResolveFully) {
    DataNode d;
    d.set("regio", DataNode::map()).set("naam", "Zeeland");
    const auto e = expect_error("{{regio.nam}}", d);
    EXPECT_EQ(e.where.column, 1);
    EXPECT_NE(std::string(e.what()).find("regio.nam"), std::string::npos) << e.what();
}

TEST(TextRenderer, VariableNamingAListIsAnError) {
    const auto e = expect_error("x {{gemeenten}}", gemeenten());
    EXPECT_EQ(e.where.column, 3);
    EXPECT_NE(std::string(e.what()).find("list"), std::string::npos) << e.what();
}

TEST(TextRenderer, UnclosedSectionIsLocatedSyntaxError) {
    const auto e = expect_error("Kop\n  {{#gemeenten}}{{naam}}\n", gemeenten());
    EXPECT_EQ(e.where.line, 2);
    EXPECT_EQ(e.where.column, 3);
    EXPECT_EQ(std::string(e.what()).rfind("template syntax error: ", 0), 0u) << e.what();
    EXPECT_NE(std::string(e.what()).find("gemeenten"), std::string::npos) << e.what();
}

TEST(TextRenderer, OtherSyntaxErrorsAreLocated) {
    auto e = expect_error("ok\nab {{/x}}", DataNode());
    EXPECT_EQ(e.where.line, 2);
    EXPECT_EQ(e.where.column, 4);
    EXPECT_EQ(std::string(e.what()).rfind("template syntax error: ", 0), 0u) << e.what();

    e = expect_error("a\n\nb {{naam", DataNode());
    EXPECT_EQ(e.where.line, 3);
    EXPECT_EQ(e.where.column, 3);
    EXPECT_EQ(std::string(e.what()).rfind("template syntax error: ", 0), 0u) << e.what();

    e = expect_error("{{#a}}x{{/b}}", DataNode());
    EXPECT_EQ(e.where.line, 1);
    EXPECT_EQ(std::string(e.what()).rfind("template syntax error: ", 0), 0u) << e.what();
}

TEST(TextRenderer, PartialsAreRejected) {
    DataNode d;
    d.set("kop", "{{geheim}}");
    const auto e = expect_error("regel\n  {{> kop}}\n", d);
    EXPECT_EQ(e.where.line, 2);
    EXPECT_EQ(e.where.column, 3);
    EXPECT_NE(std::string(e.what()).find("partial"), std::string::npos) << e.what();
}

TEST(TextRenderer, PartialsAreRejectedEvenInSkippedSections) {
    DataNode d;
    d.set("nee", DataNode::boolean(false));
    const auto e = expect_error("{{#nee}}{{>kop}}{{/nee}}", d);
    EXPECT_EQ(e.where.column, 9);
}

TEST(TextRenderer, CustomDelimiters) {
    DataNode d;
    d.set("x", "1");
    EXPECT_EQ(render_template("{{=<% %>=}}<%x%> {{x}}", kPath, d), "1 {{x}}");
    const auto e = expect_error("{{=<% %>=}}\n<%y%>", d);
    EXPECT_EQ(e.where.line, 2);
    EXPECT_EQ(e.where.column, 1);
}

TEST(TextRenderer, CommentsAreIgnored) {
    EXPECT_EQ(render_template("a{{! geen tag }}b", kPath, DataNode()), "ab");
}

TEST(CompiledTemplate, RendersManyDocumentsLikeRenderTemplate) {
    const std::string t = "{{#gemeenten}}- {{naam}} ({{regio}})\n{{/gemeenten}}{{^gemeenten}}geen\n{{/gemeenten}}";
    const CompiledTemplate compiled(t, kPath);
    EXPECT_EQ(compiled.source(), t);
    EXPECT_EQ(compiled.path(), kPath);
    DataNode leeg;
    leeg.set("gemeenten", DataNode::list());
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(compiled.render(gemeenten()), render_template(t, kPath, gemeenten()));
        EXPECT_EQ(compiled.render(leeg), "geen\n");
    }
    const CompiledTemplate moved = CompiledTemplate(t, kPath);
    EXPECT_EQ(moved.render(leeg), "geen\n");
}

TEST(CompiledTemplate, DataIndependentErrorsWhenCompiling) {
    try {
        CompiledTemplate("a\n {{#x}}", kPath);
        FAIL() << "expected a TemplateError";
    } catch (const TemplateError &e) {
        EXPECT_EQ(e.where.line, 2);
        EXPECT_EQ(e.where.column, 2);
        EXPECT_EQ(std::string(e.what()).rfind("template syntax error: ", 0), 0u) << e.what();
    }
    try {
        CompiledTemplate("{{#nee}}{{>kop}}{{/nee}}", kPath);
        FAIL() << "expected a TemplateError";
    } catch (const TemplateError &e) {
        EXPECT_EQ(e.where.column, 9);
        EXPECT_NE(std::string(e.what()).find("partial"), std::string::npos) << e.what();
    }
}

TEST(CompiledTemplate, UnknownTagsPerDocumentAndStillUsableAfterwards) {
    const CompiledTemplate compiled("{{#gemeenten}}{{naam}}{{/gemeenten}}{{regio}}", kPath);
    DataNode zonder_regio;
    zonder_regio.set("gemeenten", DataNode::list());
    try {
        compiled.render(zonder_regio);
        FAIL() << "expected a TemplateError";
    } catch (const TemplateError &e) {
        EXPECT_EQ(e.where.column, 37);
        EXPECT_NE(std::string(e.what()).find("regio"), std::string::npos) << e.what();
    }
    EXPECT_EQ(compiled.render(gemeenten()), "MiddelburgVlissingenGoesZeeland");
}

TEST(TextRenderer, FileIsReadExactly) {
    const std::string path = ::testing::TempDir() + "vhh_text_renderer_" + std::to_string(::getpid()) + ".mustache";
    {
        std::ofstream out(path, std::ios::binary);
        out << "Bedrag: {{bedrag}}\r\në\r\n";
    }
    DataNode d;
    d.set("bedrag", "€ 1,00");
    EXPECT_EQ(render_template_file(path, d), "Bedrag: € 1,00\r\në\r\n");
    std::remove(path.c_str());
}

TEST(TextRenderer, MissingFileIsAnError) {
    const std::string path = ::testing::TempDir() + "does-not-exist/none.mustache";
    try {
        render_template_file(path, DataNode());
        FAIL() << "expected a TemplateError";
    } catch (const TemplateError &e) {
        EXPECT_EQ(e.where.file, path);
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("No such file"), std::string::npos) << e.what();
    }
}

TEST(TextRenderer, DirectoryIsNotATemplate) {
    EXPECT_THROW(render_template_file(::testing::TempDir(), DataNode()), TemplateError);
}

// Issue 19 item 14: a misspelt tag in a section that does not render this time is an error now.
TEST(TextRenderer, UnknownTagInAFalseSectionIsAnError) {
    DataNode d;
    d.set("nee", DataNode::boolean(false));
    d.set("bron", "CBS");
    EXPECT_EQ(render_template("{{#nee}}({{bron}}){{/nee}}", kPath, d), "");
    const auto e = expect_error("{{#nee}}\n({{tpyo}}){{/nee}}", d);
    EXPECT_EQ(e.where.line, 2);
    EXPECT_EQ(e.where.column, 2);
    EXPECT_NE(std::string(e.what()).find("tpyo"), std::string::npos);
}

TEST(TextRenderer, UnknownTagInAnInvertedSectionOverAValueIsAnError) {
    DataNode d;
    d.set("ja", DataNode::boolean(true));
    d.set("lijst", DataNode::list()).push(DataNode()).set("naam", "x");
    EXPECT_EQ(expect_error("{{^ja}}{{tpyo}}{{/ja}}", d).where.column, 8);
    EXPECT_EQ(expect_error("{{^lijst}}{{tpyo}}{{/lijst}}", d).where.column, 11);
}

TEST(TextRenderer, EmptyListSectionIsCheckedAgainstTheDataAroundIt) {
    DataNode d;
    d.set("posten", DataNode::list());
    d.set("nee", DataNode::boolean(false));
    d.set("regio", DataNode::map()).set("naam", "Zeeland");
    // Any name may be a field of the (absent) items: it passes, also in sections inside.
    EXPECT_EQ(render_template("{{#posten}}{{naam}} {{#sub}}{{x}}{{/sub}}{{regio}}{{/posten}}", kPath, d), "");
    // Partials are still refused there.
    EXPECT_EQ(expect_error("{{#posten}}{{>kop}}{{/posten}}", d).where.column, 12);
    // A false flag inside an empty list still checks against the data around.
    EXPECT_EQ(render_template("{{#posten}}{{#nee}}{{regio.naam}}{{/nee}}{{/posten}}", kPath, d), "");
}

// Issue 19: a list that is empty this run but declares its items' shape (DataNode::list(shape))
// has its section checked against that shape: a misspelt tag in it is an error now.
TEST(TextRenderer, EmptyListWithAnItemShapeIsCheckedAgainstTheShape) {
    DataNode shape;
    shape.set("naam", "");
    shape.set("toegelicht", DataNode::boolean(false));
    shape.set("regels", DataNode::list());
    DataNode d;
    d.set("posten", DataNode::list(shape));
    d.set("regio", "Zeeland");
    // The shape's fields, the data around it, sections over its fields: all fine; nothing renders.
    EXPECT_EQ(render_template("{{#posten}}{{naam}} {{regio}}{{#toegelicht}}{{naam}}{{/toegelicht}}"
                              "{{#regels}}{{x}}{{/regels}}{{/posten}}",
                              kPath, d),
              "");
    const auto e = expect_error("{{#posten}}\n{{naam}} {{nmaa}}{{/posten}}", d);
    EXPECT_EQ(e.where.line, 2);
    EXPECT_EQ(e.where.column, 10);
    EXPECT_NE(std::string(e.what()).find("unknown tag {{nmaa}}"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("available: naam, regels, toegelicht"), std::string::npos) << e.what();
    // A field of the shape that is not text is named as such.
    EXPECT_NE(std::string(expect_error("{{#posten}}{{regels}}{{/posten}}", d).what()).find("names a list"),
              std::string::npos);
    // The shape is kept by copies of the data, and a list with items still uses its items.
    DataNode copy = d;
    EXPECT_EQ(expect_error("{{#posten}}{{nmaa}}{{/posten}}", copy).where.column, 12);
    copy.set("posten", DataNode::list(shape)).push(DataNode()).set("nmaa", "x");
    EXPECT_EQ(render_template("{{#posten}}{{nmaa}}{{/posten}}", kPath, copy), "x");
}

TEST(TextRenderer, EveryUnknownTagOfADocumentInOnePass) {
    DataNode d = gemeenten();
    d.set("nee", DataNode::boolean(false));
    // Three places: a tag in a list section (three items, reported once), one in a false flag,
    // and an unknown section whose body cannot be checked further.
    const auto e = expect_error("{{#gemeenten}}{{naam}}{{nam}}{{/gemeenten}}\n{{#nee}}{{x}}{{/nee}}\n"
                                "{{#onbekend}}{{y}}{{/onbekend}}",
                                d);
    EXPECT_EQ(e.where.line, 1);
    EXPECT_EQ(e.where.column, 23);
    ASSERT_EQ(e.more.size(), 2u);
    EXPECT_EQ(e.more[0].where.line, 2);
    EXPECT_EQ(e.more[0].where.column, 9);
    EXPECT_EQ(e.more[1].where.line, 3);
    EXPECT_EQ(e.more[1].where.column, 1);
    // Past kMaxTemplateErrors places: a count of the rest.
    std::string many;
    for (std::size_t i = 0; i < kMaxTemplateErrors + 5; ++i) many += "{{x" + std::to_string(i) + "}}";
    const auto capped = expect_error(many, d);
    ASSERT_EQ(capped.more.size(), kMaxTemplateErrors);
    EXPECT_STREQ(capped.more.back().what(), "5 more tags the data does not have");
}

// Issue 19 item 4: nesting depth is limited before the template engine parses (its memory grows
// with the square of the depth: 5 000 levels took 1,2 GB, 10 000 crashed).
TEST(TextRenderer, SectionsNestedTooDeepAreALocatedSyntaxError) {
    DataNode d;
    d.set("a", DataNode::boolean(true));
    auto nested = [](std::size_t n, const std::string &open) {
        std::string s;
        for (std::size_t i = 0; i < n; ++i) s += open;
        for (std::size_t i = 0; i < n; ++i) s += "{{/a}}";
        return s;
    };
    EXPECT_EQ(render_template(nested(kMaxTemplateDepth, "{{#a}}"), kPath, d), "");
    const auto e = expect_error("x\n" + nested(kMaxTemplateDepth + 1, "{{#a}}"), d);
    EXPECT_EQ(e.where.line, 2);
    EXPECT_EQ(e.where.column, static_cast<int>(kMaxTemplateDepth * 6 + 1));
    EXPECT_NE(std::string(e.what()).find("nested more than 100 deep"), std::string::npos);
    EXPECT_EQ(expect_error(nested(kMaxTemplateDepth + 1, "{{^a}}"), d).where.column,
              static_cast<int>(kMaxTemplateDepth * 6 + 1));
    // With other delimiters too; and the 6 000 levels of the red team fail fast.
    EXPECT_EQ(expect_error("{{=<% %>=}}" + nested(kMaxTemplateDepth + 1, "<%#a%>"), d).where.column,
              static_cast<int>(11 + kMaxTemplateDepth * 6 + 1));
    EXPECT_EQ(expect_error(nested(6000, "{{#a}}"), d).where.line, 1);
    // Closed sections do not count: depth, not number.
    std::string flat;
    for (int i = 0; i < 1000; ++i) flat += "{{#a}}{{/a}}";
    EXPECT_EQ(render_template(flat, kPath, d), "");
}

// Issue 19 item 5: six nested {{#regels}} produced a 720 MB document.
TEST(TextRenderer, OutputLargerThanTheLimitIsAnErrorBeforeRendering) {
    DataNode d;
    auto &regels = d.set("regels", DataNode::list());
    for (int i = 0; i < 40; ++i) regels.push(DataNode()).set("code", "GM0687 Middelburg");
    std::string tmpl = "kop\n";
    for (int i = 0; i < 5; ++i) tmpl += "{{#regels}}";
    tmpl += "{{code}}\n";
    for (int i = 0; i < 5; ++i) tmpl += "{{/regels}}";
    const auto e = expect_error(tmpl, d);  // 40^5 lines of 18 bytes: 1,8 GB
    EXPECT_EQ(e.where.file, kPath);
    EXPECT_EQ(e.where.line, 2);
    EXPECT_NE(std::string(e.what()).find("larger than 16 MiB"), std::string::npos);
    // Many steps without output are limited too (40^5 * 2 components, no text).
    std::string quiet;
    for (int i = 0; i < 5; ++i) quiet += "{{#regels}}";
    for (int i = 0; i < 5; ++i) quiet += "{{/regels}}";
    EXPECT_NE(std::string(expect_error(quiet, d).what()).find("million steps"), std::string::npos);
    // Three levels (64 000 lines, 1,2 MB) are fine.
    std::string three = "{{#regels}}{{#regels}}{{#regels}}{{code}}\n{{/regels}}{{/regels}}{{/regels}}";
    EXPECT_EQ(render_template(three, kPath, d).size(), 40u * 40 * 40 * 18);
}

}  // namespace
}  // namespace vhh::host
