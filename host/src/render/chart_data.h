// The figures of a chart, read from the table columns it names, and its value axis with Dutch
// labels: what the PDF and HTML (SVG) renderers draw, so both draw the same chart.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vhh/document.h"

namespace vhh::host {

/// One series of a chart: a column's header and its values per category (nothing where a cell
/// is not a number, e.g. suppressed "<5").
struct ChartSeries {
    std::string name;
    std::vector<std::optional<double>> values;
    std::vector<std::string> shown;  ///< each value as the table shows it: "€ 9.020,40", "<5"
};

/// A chart ready to draw.
struct ChartData {
    std::vector<std::string> categories;  ///< labels of the body rows (totals are left out)
    std::vector<ChartSeries> series;      ///< one per value column
    double axis_min = 0;                  ///< value axis from axis_min to axis_max (0 included)
    double axis_max = 1;
    std::vector<double> ticks;            ///< axis values, axis_min to axis_max
    std::vector<std::string> tick_labels; ///< Dutch labels of the ticks: "€ 20.000", "2,5 %"
};

/// The table with id `id` anywhere in `document` (sections, subsections, a letter's body), or null.
const doc::Table *find_table(const doc::Document &document, const std::string &id);

/// The data of `chart` from its table in `document`; throws RenderError when the table or a
/// column does not exist.
ChartData chart_data(const doc::Document &document, const doc::Chart &chart);

}  // namespace vhh::host
