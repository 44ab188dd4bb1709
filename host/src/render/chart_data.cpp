// Chart figures from table columns, and a value axis with round steps and Dutch labels.
#include "render/chart_data.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "render/value_format.h"
#include "render/xlsx_renderer.h"
#include "vhh/money.h"
#include "vhh/text.h"

namespace vhh::host {

namespace {

const doc::Table *find_in_blocks(const std::vector<doc::Block> &blocks, const std::string &id) {
    for (const auto &b : blocks)
        if (const auto *t = std::get_if<doc::Table>(&b); t && t->id == id) return t;
    return nullptr;
}

const doc::Table *find_in_sections(const std::vector<doc::Section> &sections, const std::string &id) {
    for (const auto &s : sections) {
        if (const auto *t = find_in_blocks(s.blocks, id)) return t;
        if (const auto *t = find_in_sections(s.sections, id)) return t;
    }
    return nullptr;
}

std::size_t column_index(const doc::Table &table, const std::string &key, const doc::Chart &chart) {
    for (std::size_t i = 0; i < table.columns.size(); ++i)
        if (table.columns[i].key == key) return i;
    throw RenderError("chart '" + chart.title + "': table '" + table.id + "' has no column '" + key + "'");
}

/// A round step (1, 2 or 5 times a power of ten) giving about five intervals over `span`.
double round_step(double span) {
    if (!(span > 0)) return 1;
    const double raw = span / 5;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * power) return m * power;
    return 10 * power;
}

std::string tick_label(double v, doc::Value::Kind kind) {
    using K = doc::Value::Kind;
    if (kind == K::money) {
        const auto cents = static_cast<std::int64_t>(std::llround(v * 100));
        std::string s = Money::cents(cents).format_nl();
        if (cents % 100 == 0) s.resize(s.size() - 3);  // "€ 20.000" for whole euros
        return s;
    }
    if (kind == K::percentage) return format_percentage_nl(std::llround(v * 10000));
    if (kind == K::fraction) return format_value_nl(doc::Value::fraction(std::llround(v * 10000), 10000));
    return format_integer_nl(std::llround(v));
}

}  // namespace

const doc::Table *find_table(const doc::Document &document, const std::string &id) {
    if (const auto *t = find_in_sections(document.sections, id)) return t;
    if (document.letter)
        if (const auto *t = find_in_blocks(document.letter->body, id)) return t;
    return nullptr;
}

ChartData chart_data(const doc::Document &document, const doc::Chart &chart) {
    const doc::Table *table = find_table(document, chart.table_id);
    if (!table) throw RenderError("chart '" + chart.title + "': no table '" + chart.table_id + "'");
    if (chart.value_columns.empty()) throw RenderError("chart '" + chart.title + "': no value columns");
    const std::size_t category = column_index(*table, chart.category_column, chart);
    ChartData data;
    std::vector<std::size_t> value_index;
    for (const auto &key : chart.value_columns) {
        value_index.push_back(column_index(*table, key, chart));
        data.series.push_back({clean_text(table->columns[value_index.back()].header), {}, {}});
    }
    doc::Value::Kind kind = doc::Value::Kind::integer;
    double lo = 0, hi = 0;
    for (const auto &row : table->rows) {
        if (row.role != doc::RowRole::body) continue;
        data.categories.push_back(category < row.cells.size() ? clean_text(format_value_nl(row.cells[category].value)) : "");
        for (std::size_t s = 0; s < value_index.size(); ++s) {
            std::optional<double> v;
            std::string shown;
            if (value_index[s] < row.cells.size()) {
                const doc::Value &value = row.cells[value_index[s]].value;
                v = chart_number(value);
                shown = clean_text(format_value_nl(value));
                if (v) kind = value.kind();
            }
            if (v && std::isfinite(*v)) {
                lo = std::min(lo, *v);
                hi = std::max(hi, *v);
            } else {
                v.reset();
            }
            data.series[s].values.push_back(v);
            data.series[s].shown.push_back(shown);
        }
    }
    const double step = round_step(hi - lo);
    data.axis_min = std::floor(lo / step) * step;
    data.axis_max = std::ceil(hi / step) * step;
    if (data.axis_max <= data.axis_min) data.axis_max = data.axis_min + step;
    for (int i = 0; i <= 20; ++i) {
        const double t = data.axis_min + i * step;
        if (t > data.axis_max + step / 2) break;
        data.ticks.push_back(t);
        data.tick_labels.push_back(tick_label(t, kind));
    }
    return data;
}

}  // namespace vhh::host
