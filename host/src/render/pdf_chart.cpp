// Charts in the PDF, drawn as vectors from the table columns they name (render/chart_data.h).
#include <cmath>

#include "render/chart_data.h"
#include "render/pdf_table.h"
#include "render/value_format.h"

namespace vhh::host::pdf {

namespace {

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
constexpr double kColours[][3] = {{0.0, 0.447, 0.698}, {0.902, 0.624, 0.0}, {0.0, 0.620, 0.451},
                                  {0.800, 0.475, 0.655}, {0.337, 0.706, 0.914}, {0.835, 0.369, 0.0}};
constexpr std::size_t kColourCount = sizeof kColours / sizeof kColours[0];
const Font kLabel{7.5, false, false};

void colour(cairo_t *cr, std::size_t i) {
    const auto &c = kColours[i % kColourCount];
    cairo_set_source_rgb(cr, c[0], c[1], c[2]);
}

class ChartPainter {
public:
    ChartPainter(Typesetter &ts, const ChartData &data, doc::Chart::Type type) : ts_(ts), d_(data), type_(type) {}

    /// Height the drawing needs.
    double height() const {
        if (type_ == doc::Chart::Type::bar) return 30 + 14.0 * static_cast<double>(d_.categories.size()) + legend_height();
        return 200 + legend_height();
    }

    void draw(double top) {
        cairo_t *cr = ts_.cr();
        if (!cr) return;
        cairo_save(cr);
        switch (type_) {
        case doc::Chart::Type::pie: pie(cr, top); break;
        case doc::Chart::Type::bar: bars(cr, top); break;
        default: columns_or_line(cr, top); break;
        }
        legend(cr, top + height() - legend_height());
        cairo_restore(cr);
    }

private:
    double legend_height() const {
        const std::size_t n = type_ == doc::Chart::Type::pie ? d_.categories.size() : d_.series.size();
        return n > 1 || type_ == doc::Chart::Type::pie ? 12.0 * static_cast<double>((n + 2) / 3) + 4 : 0;
    }

    double label_width() const {
        double w = 0;
        for (const auto &l : d_.tick_labels) w = std::max(w, Typesetter::width_of(ts_.layout(l, kLabel, -1).get()));
        return w;
    }

    double scale(double v, double from, double to) const {
        return from + (v - d_.axis_min) / (d_.axis_max - d_.axis_min) * (to - from);
    }

    void text(const std::string &s, double x, double y, double width, PangoAlignment align) const {
        Layout l = ts_.layout(cap_text(s, 60), kLabel, width, align);
        ts_.draw(l.get(), x, y, 0.2);
    }

    void columns_or_line(cairo_t *cr, double top) {
        const double lw = label_width();
        const double x0 = kMarginLeft + lw + 6, x1 = kMarginLeft + kTextWidth;
        const double y0 = top + 5, y1 = top + 140;  // plot area; category labels below
        value_axis_horizontal_lines(cr, x0, x1, y0, y1);
        const std::size_t n = d_.categories.size();
        if (n == 0) return;
        const double slot = (x1 - x0) / static_cast<double>(n);
        const double zero = scale(0, y1, y0);
        for (std::size_t s = 0; s < d_.series.size(); ++s) {
            colour(cr, s);
            bool started = false;
            for (std::size_t i = 0; i < n; ++i) {
                const auto &v = d_.series[s].values[i];
                if (!v) {
                    started = false;
                    continue;
                }
                const double y = scale(*v, y1, y0);
                if (type_ == doc::Chart::Type::line) {
                    const double x = x0 + slot * (static_cast<double>(i) + 0.5);
                    if (started) cairo_line_to(cr, x, y);
                    else cairo_move_to(cr, x, y);
                    started = true;
                } else {
                    const double bw = slot * 0.8 / static_cast<double>(d_.series.size());
                    const double x = x0 + slot * (static_cast<double>(i) + 0.1) + bw * static_cast<double>(s);
                    cairo_rectangle(cr, x, std::min(y, zero), bw, std::fabs(zero - y));
                    cairo_fill(cr);
                }
            }
            if (type_ == doc::Chart::Type::line) {
                cairo_set_line_width(cr, 1.5);
                cairo_stroke(cr);
            }
        }
        // Category labels, turned when they do not fit their slot.
        for (std::size_t i = 0; i < n; ++i) {
            Layout l = ts_.layout(cap_text(d_.categories[i], 24), kLabel, -1);
            const double w = Typesetter::width_of(l.get());
            const double cx = x0 + slot * (static_cast<double>(i) + 0.5);
            if (w <= slot - 2) {
                ts_.draw(l.get(), cx - w / 2, y1 + 3, 0.2);
            } else {
                cairo_save(cr);
                cairo_translate(cr, cx, y1 + 3);
                cairo_rotate(cr, -M_PI / 4);
                ts_.draw(l.get(), -w, 0, 0.2);
                cairo_restore(cr);
            }
        }
    }

    void value_axis_horizontal_lines(cairo_t *cr, double x0, double x1, double y0, double y1) const {
        for (std::size_t t = 0; t < d_.ticks.size(); ++t) {
            const double y = scale(d_.ticks[t], y1, y0);
            cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
            cairo_set_line_width(cr, 0.4);
            cairo_move_to(cr, x0, y);
            cairo_line_to(cr, x1, y);
            cairo_stroke(cr);
            text(d_.tick_labels[t], kMarginLeft, y - 4.5, x0 - 4 - kMarginLeft, PANGO_ALIGN_RIGHT);
        }
        cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
        cairo_set_line_width(cr, 0.6);
        cairo_move_to(cr, x0, scale(0, y1, y0));
        cairo_line_to(cr, x1, scale(0, y1, y0));
        cairo_stroke(cr);
    }

    void bars(cairo_t *cr, double top) {
        double cw = 0;
        for (const auto &c : d_.categories)
            cw = std::max(cw, Typesetter::width_of(ts_.layout(cap_text(c, 24), kLabel, -1).get()));
        cw = std::min(cw, kTextWidth / 3);
        const double x0 = kMarginLeft + cw + 6, x1 = kMarginLeft + kTextWidth - 20;
        const double y0 = top + 4;
        const double row = 14;
        const double y1 = y0 + row * static_cast<double>(d_.categories.size());
        const double zero = scale(0, x0, x1);
        for (std::size_t t = 0; t < d_.ticks.size(); ++t) {
            const double x = scale(d_.ticks[t], x0, x1);
            cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
            cairo_set_line_width(cr, 0.4);
            cairo_move_to(cr, x, y0);
            cairo_line_to(cr, x, y1);
            cairo_stroke(cr);
            Layout l = ts_.layout(d_.tick_labels[t], kLabel, -1);
            ts_.draw(l.get(), x - Typesetter::width_of(l.get()) / 2, y1 + 3, 0.2);
        }
        for (std::size_t i = 0; i < d_.categories.size(); ++i) {
            const double y = y0 + row * static_cast<double>(i);
            text(d_.categories[i], kMarginLeft, y + 2, cw, PANGO_ALIGN_RIGHT);
            const double bh = (row - 4) / static_cast<double>(d_.series.size());
            for (std::size_t s = 0; s < d_.series.size(); ++s) {
                const auto &v = d_.series[s].values[i];
                if (!v) continue;
                const double x = scale(*v, x0, x1);
                colour(cr, s);
                cairo_rectangle(cr, std::min(x, zero), y + 2 + bh * static_cast<double>(s), std::fabs(x - zero), bh);
                cairo_fill(cr);
            }
        }
        cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
        cairo_set_line_width(cr, 0.6);
        cairo_move_to(cr, zero, y0);
        cairo_line_to(cr, zero, y1);
        cairo_stroke(cr);
    }

    void pie(cairo_t *cr, double top) {
        double sum = 0;
        for (const auto &v : d_.series[0].values)
            if (v && *v > 0) sum += *v;
        if (sum <= 0) return;
        const double r = 85, cx = kMarginLeft + kTextWidth / 2, cy = top + 95;
        double angle = -M_PI / 2;
        for (std::size_t i = 0; i < d_.categories.size(); ++i) {
            const auto &v = d_.series[0].values[i];
            if (!v || *v <= 0) continue;
            const double a = *v / sum * 2 * M_PI;
            colour(cr, i);
            cairo_move_to(cr, cx, cy);
            cairo_arc(cr, cx, cy, r, angle, angle + a);
            cairo_close_path(cr);
            cairo_fill_preserve(cr);
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_set_line_width(cr, 0.8);
            cairo_stroke(cr);
            angle += a;
        }
    }

    void legend(cairo_t *cr, double top) {
        const bool pie = type_ == doc::Chart::Type::pie;
        const std::size_t n = pie ? d_.categories.size() : d_.series.size();
        if (legend_height() == 0) return;
        const double col = kTextWidth / 3;
        for (std::size_t i = 0; i < n; ++i) {
            const double x = kMarginLeft + col * static_cast<double>(i % 3);
            const double y = top + 4 + 12.0 * static_cast<double>(i / 3);
            colour(cr, i);
            cairo_rectangle(cr, x, y + 1.5, 7, 7);
            cairo_fill(cr);
            std::string label = pie ? d_.categories[i] : d_.series[i].name;
            if (pie && !d_.series[0].shown[i].empty()) label += ": " + d_.series[0].shown[i];
            text(label, x + 10, y, col - 12, PANGO_ALIGN_LEFT);
        }
    }

    Typesetter &ts_;
    const ChartData &d_;
    doc::Chart::Type type_;
};

}  // namespace

void set_chart(Typesetter &ts, const doc::Document &document, const doc::Chart &chart) {
    const ChartData data = chart_data(document, chart);
    ChartPainter painter(ts, data, chart.type);
    Layout title = ts.layout(clean_text(chart.title), {10, true, false}, kTextWidth);
    Layout description = ts.layout(clean_text(chart.description), {8, false, true}, kTextWidth);
    const double title_h = Typesetter::height_of(title.get()) + 4;
    const double desc_h = chart.description.empty() ? 0 : Typesetter::height_of(description.get()) + 4;
    ts.keep(title_h + painter.height() + std::min(desc_h, 40.0));  // title and chart on one page
    // cairo 1.16 cannot give a Figure an /Alt text: the description is set as visible text in it.
    ts.tag_begin("Figure");
    ts.tag_begin("Caption");
    ts.draw(title.get(), kMarginLeft, ts.y());
    ts.tag_end("Caption");
    ts.set_y(ts.y() + title_h);
    painter.draw(ts.y());
    ts.set_y(ts.y() + painter.height());
    if (desc_h > 0) {
        ts.tag_begin("P");
        ts.flow(description.get(), kMarginLeft, 0.25);
        ts.tag_end("P");
    }
    ts.tag_end("Figure");
    ts.space(10);
}

}  // namespace vhh::host::pdf
