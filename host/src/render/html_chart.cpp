// Charts as inline SVG for the HTML renderer, from the same data as the PDF's (chart_data.h).
#include <cmath>
#include <cstdio>
#include <sstream>

#include "render/chart_data.h"
#include "render/html_renderer.h"
#include "render/pdf_typesetter.h"

namespace vhh::host {

namespace {

const char *const kColours[] = {"#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00"};

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string colour(std::size_t i) { return kColours[i % (sizeof kColours / sizeof kColours[0])]; }

}  // namespace

std::string svg_chart(const doc::Document &document, const doc::Chart &chart, const std::string &id) {
    const ChartData d = chart_data(document, chart);
    const double W = 640, x0 = 110, x1 = 620;
    const bool bar = chart.type == doc::Chart::Type::bar, pie = chart.type == doc::Chart::Type::pie;
    const std::size_t n = d.categories.size();
    // Several series: a legend under the chart names each colour (a pie names its slices itself).
    const double legend = !pie && d.series.size() > 1 ? 22 : 0;
    const double plot_height = bar ? 40 + 18.0 * static_cast<double>(n) : 300;
    const double H = plot_height + legend;
    std::ostringstream s;
    s << "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " << W << " " << H
      << "\" aria-labelledby=\"" << id << "-titel " << id << "-beschrijving\">\n<title id=\"" << id << "-titel\">"
      << html_escape(chart.title) << "</title>\n<desc id=\"" << id << "-beschrijving\">" << html_escape(chart.description)
      << "</desc>\n";
    auto scale = [&](double v, double from, double to) {
        return from + (v - d.axis_min) / (d.axis_max - d.axis_min) * (to - from);
    };
    auto label = [&](const std::string &t, double x, double y, const char *anchor, const std::string &extra = "") {
        s << "<text x=\"" << num(x) << "\" y=\"" << num(y) << "\" text-anchor=\"" << anchor << "\"" << extra << ">"
          << html_escape(pdf::cap_text(t, 40)) << "</text>\n";
    };
    auto legend_items = [&] {
        if (legend == 0) return;
        double x = x0;
        for (std::size_t k = 0; k < d.series.size(); ++k) {
            s << "<rect x=\"" << num(x) << "\" y=\"" << num(plot_height + 4) << "\" width=\"10\" height=\"10\" fill=\""
              << colour(k) << "\"/>\n";
            label(d.series[k].name, x + 14, plot_height + 13, "start");
            x += 24 + 7.0 * static_cast<double>(pdf::cap_text(d.series[k].name, 40).size());
        }
    };
    if (pie) {
        double sum = 0;
        for (const auto &v : d.series[0].values)
            if (v && *v > 0) sum += *v;
        double angle = -M_PI / 2;
        const double cx = 160, cy = 150, r = 120;
        for (std::size_t i = 0; i < n && sum > 0; ++i) {
            const auto &v = d.series[0].values[i];
            if (!v || *v <= 0) continue;
            const double a = *v / sum * 2 * M_PI;
            s << "<path fill=\"" << colour(i) << "\" stroke=\"#fff\" d=\"M" << num(cx) << " " << num(cy) << " L"
              << num(cx + r * std::cos(angle)) << " " << num(cy + r * std::sin(angle)) << " A" << r << " " << r << " 0 "
              << (a > M_PI ? 1 : 0) << " 1 " << num(cx + r * std::cos(angle + a)) << " "
              << num(cy + r * std::sin(angle + a)) << " Z\"/>\n";
            s << "<rect x=\"320\" y=\"" << num(20 + 18.0 * static_cast<double>(i)) << "\" width=\"10\" height=\"10\" fill=\""
              << colour(i) << "\"/>\n";
            label(d.categories[i] + ": " + d.series[0].shown[i], 336, 29 + 18.0 * static_cast<double>(i), "start");
            angle += a;
        }
        s << "</svg>";
        return s.str();
    }
    if (bar) {
        const double y0 = 10, row = 18, y1 = y0 + row * static_cast<double>(n);
        for (std::size_t t = 0; t < d.ticks.size(); ++t) {
            const double x = scale(d.ticks[t], x0, x1 - 20);
            s << "<line x1=\"" << num(x) << "\" y1=\"" << y0 << "\" x2=\"" << num(x) << "\" y2=\"" << num(y1)
              << "\" stroke=\"#ccc\"/>\n";
            label(d.tick_labels[t], x, y1 + 16, "middle");
        }
        for (std::size_t i = 0; i < n; ++i) {
            const double y = y0 + row * static_cast<double>(i);
            label(d.categories[i], x0 - 6, y + 13, "end");
            const double bh = (row - 4) / static_cast<double>(d.series.size());
            for (std::size_t k = 0; k < d.series.size(); ++k) {
                const auto &v = d.series[k].values[i];
                if (!v) continue;
                const double x = scale(*v, x0, x1 - 20), zero = scale(0, x0, x1 - 20);
                s << "<rect x=\"" << num(std::min(x, zero)) << "\" y=\"" << num(y + 2 + bh * static_cast<double>(k))
                  << "\" width=\"" << num(std::fabs(x - zero)) << "\" height=\"" << num(bh) << "\" fill=\"" << colour(k)
                  << "\"><title>" << html_escape(d.categories[i] + ": " + d.series[k].shown[i]) << "</title></rect>\n";
            }
        }
        legend_items();
        s << "</svg>";
        return s.str();
    }
    const double y0 = 10, y1 = 200;
    for (std::size_t t = 0; t < d.ticks.size(); ++t) {
        const double y = scale(d.ticks[t], y1, y0);
        s << "<line x1=\"" << x0 << "\" y1=\"" << num(y) << "\" x2=\"" << x1 << "\" y2=\"" << num(y) << "\" stroke=\"#ccc\"/>\n";
        label(d.tick_labels[t], x0 - 6, y + 4, "end");
    }
    const double slot = n ? (x1 - x0) / static_cast<double>(n) : 1;
    for (std::size_t k = 0; k < d.series.size(); ++k) {
        std::string points;
        for (std::size_t i = 0; i < n; ++i) {
            const auto &v = d.series[k].values[i];
            if (!v) continue;
            const double y = scale(*v, y1, y0), zero = scale(0, y1, y0);
            if (chart.type == doc::Chart::Type::line) {
                points += num(x0 + slot * (static_cast<double>(i) + 0.5)) + "," + num(y) + " ";
            } else {
                const double bw = slot * 0.8 / static_cast<double>(d.series.size());
                s << "<rect x=\"" << num(x0 + slot * (static_cast<double>(i) + 0.1) + bw * static_cast<double>(k))
                  << "\" y=\"" << num(std::min(y, zero)) << "\" width=\"" << num(bw) << "\" height=\""
                  << num(std::fabs(zero - y)) << "\" fill=\"" << colour(k) << "\"><title>"
                  << html_escape(d.categories[i] + ": " + d.series[k].shown[i]) << "</title></rect>\n";
            }
        }
        if (!points.empty())
            s << "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" << colour(k) << "\" points=\"" << points << "\"/>\n";
    }
    for (std::size_t i = 0; i < n; ++i) {
        const double cx = x0 + slot * (static_cast<double>(i) + 0.5);
        label(d.categories[i], cx, y1 + 14, "end",
              " transform=\"rotate(-40 " + num(cx) + " " + num(y1 + 14) + ")\"");
    }
    legend_items();
    s << "</svg>";
    return s.str();
}

}  // namespace vhh::host
