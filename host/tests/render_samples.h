// Sample documents for the renderers' tests and benchmark: the bijdragen of Zeeland 2013
// (13 gemeenten, € 0,40 per inwoner), a raadsbrief, a long table and hostile text.
#pragma once

#include <string>
#include <vector>

#include "render/document_renderer.h"
#include "vhh/document.h"

namespace vhh::host::samples {

/// One gemeente of the sample: name and inwoners (the bundled Zeeland config's indicative figures).
struct Gemeente {
    std::string naam;
    std::int64_t inwoners;
};

/// The 13 gemeenten of Zeeland as the bundled config lists them.
const std::vector<Gemeente> &zeeland();

/// Bijdragen 2013: a table (inwoners, tarief, bijdrage, aandeel, totals), a chart, notes, a list.
doc::Document bijdragen();
/// A raadsbrief to the raad of Goes, with an appendix section holding a table.
doc::Document raadsbrief();
/// A document with one table of `rows` rows (money, integers, percentages, "<5"), for page breaks
/// and the benchmark.
doc::Document long_table(int rows);
/// Markup, control characters, invalid UTF-8, bidirectional overrides and very long words in every
/// text field.
doc::Document hostile();
/// House style of Veiligheidshuis Zeeland; `logo_path` as given (may be empty); created 1-1-2014.
RenderOptions options(const std::string &logo_path = "");

}  // namespace vhh::host::samples
