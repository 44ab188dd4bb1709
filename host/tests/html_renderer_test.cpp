// Tests for the HTML renderer: escaping, language, table semantics, self-containment.
// Parsing with an independent parser (lxml) is in tests/e2e/test_render.py.
#include "render/html_renderer.h"

#include <gtest/gtest.h>

#include "render_samples.h"

namespace vhh::host {
namespace {

TEST(HtmlRenderer, EscapesMarkupAndControls) {
    EXPECT_EQ(html_escape("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
    EXPECT_EQ(html_escape("a\x1b" "b"), "a\xEF\xBF\xBD" "b");
}

TEST(HtmlRenderer, HostileTextNeverBecomesMarkup) {
    const std::string html = HtmlRenderer().render(samples::hostile(), samples::options());
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<b>"), std::string::npos);
    EXPECT_EQ(html.find('\x1b'), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
    EXPECT_NE(html.find("<html lang=\"nl-NLEvilx\">"), std::string::npos);
}

TEST(HtmlRenderer, SemanticTables) {
    const std::string html = HtmlRenderer().render(samples::bijdragen(), samples::options());
    EXPECT_NE(html.find("<html lang=\"nl-NL\">"), std::string::npos);
    EXPECT_NE(html.find("<caption>Bijdrage per gemeente 2013</caption>"), std::string::npos);
    EXPECT_NE(html.find("<th scope=\"col\" class=\"num\">Bijdrage 2013</th>"), std::string::npos);
    EXPECT_NE(html.find("<th scope=\"row\">Goes</th>"), std::string::npos);
    EXPECT_NE(html.find("<tr class=\"totaal\">"), std::string::npos);
    EXPECT_NE(html.find("role=\"img\""), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("src=\"http"), std::string::npos);
    EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST(HtmlRenderer, LetterCarriesItsReferences) {
    const std::string html = HtmlRenderer().render(samples::raadsbrief(), samples::options());
    for (const char *s : {"De gemeenteraad van Goes", "VHZ-2013-017", "15-1-2013", "J. de Vries", "M. Jansen",
                          "Veiligheidshuis Zeeland", "Bijlagen"})
        EXPECT_NE(html.find(s), std::string::npos) << s;
}

}  // namespace
}  // namespace vhh::host
