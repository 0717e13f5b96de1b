package org.strata.core.report;

import static org.strata.core.report.Markup.escape;
import static org.strata.core.report.ReportFormat.present;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's four charts as inline SVG, drawn here so the report needs nothing from the network: model size
 * per step (bars), latency ratio per step and sequence length (grouped bars), mean and min cosine per step
 * (lines), and latency ratio against mean cosine (scatter). Each method returns exactly one {@code <svg>}
 * element, with a message in place of the plot when there is nothing to draw. Styling comes from the page's
 * CSS classes ({@code .axis}, {@code .grid}, ...), so the charts follow the report's theme.
 */
final class PipelineCharts {
    static final String[] PALETTE = { "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#e15759" };
    private static final String BASELINE_FILL = "#8c959f";
    private static final String BROKEN_FILL = "#cf222e";
    private static final String MEAN_COLOUR = "#4e79a7";
    private static final String MIN_COLOUR = "#f28e2b";

    private static final int WIDTH = 560;
    private static final int HEIGHT = 300;
    private static final int LEFT = 62;
    private static final int RIGHT = 18;
    private static final int TOP = 40;
    private static final int BOTTOM = 56;
    private static final int PLOT_W = WIDTH - LEFT - RIGHT;
    private static final int PLOT_H = HEIGHT - TOP - BOTTOM;
    /** More categories than this and their labels are turned, which takes room from the plot. */
    private static final int UPRIGHT_LABELS = 6;
    private static final int TURNED_LABEL_ROOM = 28;

    private PipelineCharts() {
    }

    /** Bars of the model size after each step; the baseline first. */
    static String sizeBars(List<StepMeasures> rows) {
        double max = 0;
        for (StepMeasures r : rows) {
            if (present(r.sizeBytes())) max = Math.max(max, r.sizeBytes());
        }
        if (max <= 0) return empty("Model size per step", "No model sizes were recorded.");
        double unit = max >= 1e6 ? 1e6 : max >= 1e3 ? 1e3 : 1;
        String unitName = unit == 1e6 ? "MB" : unit == 1e3 ? "kB" : "bytes";
        List<Category> cats = categories(rows);
        Axis y = Axis.nice(0, max / unit * 1.08, 5).onHeight(plotHeight(cats));
        Svg svg = new Svg("Model size per step, in " + unitName);
        svg.frame(y, "size (" + unitName + ")", cats);
        double band = (double) PLOT_W / cats.size();
        double barW = Math.min(band * 0.6, 56);
        for (int i = 0; i < rows.size(); i++) {
            StepMeasures r = rows.get(i);
            double cx = LEFT + band * (i + 0.5);
            double v = r.sizeBytes();
            if (!present(v) || v <= 0) {
                svg.missing(cx);
                continue;
            }
            double top = y.toY(v / unit);
            String fill = r.baseline ? BASELINE_FILL : r.broken() ? BROKEN_FILL : PALETTE[0];
            svg.rect(cx - barW / 2, top, barW, y.toY(0) - top, fill,
                    cats.get(i).title + ": " + ReportFormat.bytes(v) + ", " + ReportFormat.ratio(r.sizeRatio()));
            svg.valueLabel(cx, top - 5, String.format(Locale.ROOT, "%.1f", v / unit));
        }
        return svg.end();
    }

    /** Grouped bars: for each step, one bar per sequence length of its p50 latency relative to the baseline. */
    static String latencyRatios(List<StepMeasures> steps, List<Integer> lengths) {
        double max = 1;
        boolean any = false;
        for (StepMeasures s : steps) {
            for (int len : lengths) {
                double r = s.latencyRatio(len);
                if (present(r) && Double.isFinite(r)) {
                    max = Math.max(max, r);
                    any = true;
                }
            }
        }
        if (!any) return empty("Latency ratio per step", steps.isEmpty() ? "The run has no steps." : "No step latency was measured.");
        List<Category> cats = categories(steps);
        Axis y = Axis.nice(0, max * 1.1, 5).onHeight(plotHeight(cats));
        Svg svg = new Svg("Latency p50 of each step relative to the source model, per sequence length");
        svg.frame(y, "p50 latency / source", cats);
        svg.legend(lengthLegend(lengths));
        svg.referenceLine(y.toY(1), "source = 1");
        double band = (double) PLOT_W / cats.size();
        double groupW = Math.min(band * 0.75, 36.0 * lengths.size());
        double barW = groupW / lengths.size();
        for (int i = 0; i < steps.size(); i++) {
            StepMeasures s = steps.get(i);
            double x0 = LEFT + band * (i + 0.5) - groupW / 2;
            boolean drawn = false;
            for (int k = 0; k < lengths.size(); k++) {
                double r = s.latencyRatio(lengths.get(k));
                if (!present(r) || !Double.isFinite(r)) continue;
                drawn = true;
                double top = y.toY(r);
                double x = x0 + k * barW;
                svg.rect(x + 1, top, barW - 2, y.toY(0) - top, PALETTE[k % PALETTE.length], cats.get(i).title + " at " + lengths.get(k)
                        + " tokens: " + ReportFormat.ratio(r) + " (p50 " + ReportFormat.millis(s.p50(lengths.get(k))) + " ms)");
                if (barW >= 22) svg.valueLabel(x + barW / 2, top - 4, String.format(Locale.ROOT, "%.2f", r));
            }
            if (!drawn) svg.missing(LEFT + band * (i + 0.5));
        }
        return svg.end();
    }

    /** Mean and min cosine after each step, as two lines; the baseline (1 by definition) first. */
    static String cosineLines(List<StepMeasures> rows) {
        double lo = 1;
        double hi = 1;
        boolean anyStep = false;
        for (StepMeasures r : rows) {
            for (double c : new double[] { r.cosineMean(), r.cosineMin() }) {
                if (present(c) && Double.isFinite(c)) {
                    lo = Math.min(lo, c);
                    hi = Math.max(hi, c);
                    anyStep |= !r.baseline;
                }
            }
        }
        if (!anyStep) return empty("Fidelity per step", rows.stream().allMatch(r -> r.baseline) ? "The run has no steps." : "No step fidelity was measured.");
        double span = Math.max(hi - lo, 1e-3);
        List<Category> cats = categories(rows);
        Axis y = Axis.nice(lo - span * 0.08, hi, 5).onHeight(plotHeight(cats));
        Svg svg = new Svg("Mean and minimum cosine similarity to the source model after each step");
        svg.frame(y, "cosine to source", cats);
        svg.legend(List.of(new LegendItem("mean cosine", MEAN_COLOUR), new LegendItem("min cosine", MIN_COLOUR)));
        double band = (double) PLOT_W / cats.size();
        boolean labels = rows.size() <= 8;
        for (int series = 0; series < 2; series++) {
            String colour = series == 0 ? MEAN_COLOUR : MIN_COLOUR;
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                double c = series == 0 ? rows.get(i).cosineMean() : rows.get(i).cosineMin();
                if (present(c) && Double.isFinite(c)) points.add(new double[] { LEFT + band * (i + 0.5), y.toY(c), c, i });
            }
            svg.polyline(points, colour, series == 1);
            for (double[] p : points) {
                Category cat = cats.get((int) p[3]);
                svg.point(p[0], p[1], colour, cat.title + ": " + (series == 0 ? "mean" : "min") + " cosine " + ReportFormat.cosine(p[2]));
                if (labels && !rows.get((int) p[3]).baseline) {
                    // mean above and min below, both right of the point, so neither sits on a line
                    svg.sideLabel(p[0] + 7, series == 0 ? p[1] - 7 : p[1] + 15, String.format(Locale.ROOT, "%.4f", p[2]));
                }
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!present(rows.get(i).cosineMean()) && !present(rows.get(i).cosineMin())) svg.missing(LEFT + band * (i + 0.5));
        }
        return svg.end();
    }

    /** Each step as a point: p50 latency ratio (x, per sequence length) against mean cosine (y); up and left is better. */
    static String tradeOff(List<StepMeasures> steps, List<Integer> lengths) {
        record Point(double x, double y, int length, StepMeasures step) {
        }
        List<Point> points = new ArrayList<>();
        for (StepMeasures s : steps) {
            double c = s.cosineMean();
            if (!present(c) || !Double.isFinite(c)) continue;
            for (int k = 0; k < lengths.size(); k++) {
                double r = s.latencyRatio(lengths.get(k));
                if (present(r) && Double.isFinite(r)) points.add(new Point(r, c, k, s));
            }
        }
        if (points.isEmpty()) {
            return empty("Latency against fidelity", steps.isEmpty() ? "The run has no steps."
                    : "No step has both a latency ratio and a mean cosine.");
        }
        double xlo = 1;
        double xhi = 1;
        double ylo = 1;
        for (Point p : points) {
            xlo = Math.min(xlo, p.x);
            xhi = Math.max(xhi, p.x);
            ylo = Math.min(ylo, p.y);
        }
        double xs = Math.max(xhi - xlo, 0.1);
        double ys = Math.max(1 - ylo, 1e-3);
        Axis x = Axis.nice(Math.max(0, xlo - xs * 0.1), xhi + xs * 0.1, 5);
        Axis y = Axis.nice(ylo - ys * 0.1, 1, 5);
        Svg svg = new Svg("Each step's p50 latency ratio against its mean cosine; up and to the left is better");
        svg.linearFrame(x, "p50 latency / source", y, "mean cosine");
        svg.legend(lengthLegend(lengths));
        svg.corner("\u2196 faster and closer to the source");
        // the source model itself, for reference
        double sx = x.toX(1);
        double sy = y.toY(1);
        svg.raw("<circle class=\"source\" cx=\"" + f(sx) + "\" cy=\"" + f(sy) + "\" r=\"5\"><title>source model: 1.000" + ReportFormat.TIMES
                + ", cosine 1</title></circle>");
        // labels go where they hit no point, no other label, and stay inside the plot; steps that share a
        // spot (lossless steps sit on the source) share one label, "1, 2"
        LabelPlacer labels = new LabelPlacer(11);
        labels.block(0, 0, WIDTH, TOP);
        labels.block(LEFT + PLOT_W, 0, RIGHT, HEIGHT);
        labels.blockPoint(sx, sy, 6);
        for (Point p : points) labels.blockPoint(x.toX(p.x), y.toY(p.y), 5);
        List<double[]> anchors = new ArrayList<>();
        List<StringBuilder> texts = new ArrayList<>();
        // the points of one step (one per sequence length) joined by a faint line and numbered once
        for (StepMeasures s : steps) {
            List<double[]> own = new ArrayList<>();
            for (Point p : points) {
                if (p.step == s) own.add(new double[] { x.toX(p.x), y.toY(p.y) });
            }
            if (own.isEmpty()) continue;
            svg.polyline(own, "#afb8c1", false);
            double[] at = own.get(own.size() - 1);
            int same = -1;
            for (int k = 0; k < anchors.size() && same < 0; k++) {
                if (Math.hypot(anchors.get(k)[0] - at[0], anchors.get(k)[1] - at[1]) < 8) same = k;
            }
            if (same >= 0) {
                texts.get(same).append(", ").append(s.step.getNumber());
            } else {
                anchors.add(at);
                texts.add(new StringBuilder(String.valueOf(s.step.getNumber())));
            }
        }
        double[] source = labels.place(sx, sy + 4, "source");
        svg.raw(labelText("point-label muted", source, "source"));
        for (int k = 0; k < anchors.size(); k++) {
            String text = texts.get(k).toString();
            svg.raw(labelText("point-label", labels.place(anchors.get(k)[0], anchors.get(k)[1], text), text));
        }
        for (Point p : points) {
            String colour = PALETTE[p.length % PALETTE.length];
            svg.point(x.toX(p.x), y.toY(p.y), colour, "step " + p.step.step.getNumber() + " " + ReportFormat.text(p.step.step.getTechniqueId())
                    + " at " + lengths.get(p.length) + " tokens: " + ReportFormat.ratio(p.x) + ", mean cosine " + ReportFormat.cosine(p.y));
        }
        return svg.end();
    }

    private static String labelText(String cls, double[] at, String text) {
        return "<text class=\"" + cls + "\" x=\"" + f(at[0]) + "\" y=\"" + f(at[1]) + "\"" + (at[2] == 1 ? " text-anchor=\"end\"" : "") + ">"
                + escape(text) + "</text>";
    }

    private static List<LegendItem> lengthLegend(List<Integer> lengths) {
        List<LegendItem> items = new ArrayList<>();
        for (int k = 0; k < lengths.size(); k++) items.add(new LegendItem(lengths.get(k) + " tokens", PALETTE[k % PALETTE.length]));
        return items;
    }

    private static String empty(String title, String message) {
        return "<svg class=\"chart\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" role=\"img\" aria-label=\"" + escape(title + ": " + message)
                + "\"><title>" + escape(title) + "</title><rect class=\"empty\" x=\"1\" y=\"1\" width=\""
                + (WIDTH - 2) + "\" height=\"" + (HEIGHT - 2) + "\" rx=\"6\"/><text class=\"empty-text\" x=\"" + WIDTH / 2 + "\" y=\""
                + HEIGHT / 2 + "\" text-anchor=\"middle\">" + escape(message) + "</text></svg>";
    }

    /** One x-axis category per row: "base" or the step number, then the technique id, shortened. */
    private static List<Category> categories(List<StepMeasures> rows) {
        List<Category> cats = new ArrayList<>();
        for (StepMeasures r : rows) {
            String id = ReportFormat.text(r.step.getTechniqueId());
            if (r.baseline) {
                cats.add(new Category("source", "", "source model", false));
            } else {
                String status = r.step.getStatus() == null ? "" : " (" + ReportFormat.words(r.step.getStatus().getLiteral()) + ")";
                cats.add(new Category(String.valueOf(r.step.getNumber()), id, "step " + r.step.getNumber() + " " + id + status, r.broken()));
            }
        }
        return cats;
    }

    private static int plotHeight(List<Category> cats) {
        return cats.size() > UPRIGHT_LABELS ? PLOT_H - TURNED_LABEL_ROOM : PLOT_H;
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private record Category(String number, String technique, String title, boolean broken) {
    }

    private record LegendItem(String text, String colour) {
    }

    /** A linear axis with round tick values covering [lo, hi]. */
    record Axis(double lo, double hi, double step, int plotHeight) {
        static Axis nice(double min, double max, int ticks) {
            if (!(max > min)) max = min + 1;
            double raw = (max - min) / ticks;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double n = raw / magnitude;
            double step = (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * magnitude;
            double lo = Math.floor(min / step + 1e-9) * step;
            double hi = Math.ceil(max / step - 1e-9) * step;
            return new Axis(lo, hi, step, PLOT_H);
        }

        /** The same axis drawn over {@code pixels} of height. */
        Axis onHeight(int pixels) {
            return new Axis(lo, hi, step, pixels);
        }

        List<Double> ticks() {
            List<Double> t = new ArrayList<>();
            int count = (int) Math.round((hi - lo) / step);
            for (int i = 0; i <= count; i++) t.add(lo + i * step);
            return t;
        }

        String label(double v) {
            double magnitude = Math.floor(Math.log10(step));
            int decimals = (int) Math.max(0, -magnitude);
            if (Math.abs(step / Math.pow(10, magnitude) - 2.5) < 1e-9) decimals++;
            return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }

        double toY(double v) {
            return TOP + plotHeight * (hi - v) / (hi - lo);
        }

        double toX(double v) {
            return LEFT + PLOT_W * (v - lo) / (hi - lo);
        }
    }

    /** An SVG document being written. */
    private static final class Svg {
        private final StringBuilder b = new StringBuilder(4096);
        /** The y of the x axis. */
        private int bottom = TOP + PLOT_H;

        Svg(String title) {
            b.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                    .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">")
                    .append("<title>").append(escape(title)).append("</title>");
        }

        void raw(String markup) {
            b.append(markup);
        }

        /** Horizontal grid lines with y labels, the axes, and the category labels under the plot. */
        void frame(Axis y, String yTitle, List<Category> cats) {
            yGrid(y, yTitle);
            double band = (double) PLOT_W / cats.size();
            boolean rotate = cats.size() > UPRIGHT_LABELS;
            for (int i = 0; i < cats.size(); i++) {
                Category c = cats.get(i);
                double cx = LEFT + band * (i + 0.5);
                String cls = c.broken ? "cat broken" : "cat";
                b.append("<g><title>").append(escape(c.title)).append("</title>");
                if (rotate) {
                    String text = c.technique.isEmpty() ? c.number : c.number + " " + ReportFormat.shorten(c.technique, 13);
                    b.append("<text class=\"").append(cls).append("\" transform=\"translate(").append(f(cx + 3)).append(',')
                            .append(bottom + 14).append(") rotate(-30)\" text-anchor=\"end\">").append(escape(text)).append("</text>");
                } else {
                    b.append("<text class=\"").append(cls).append(" num\" x=\"").append(f(cx)).append("\" y=\"").append(bottom + 17)
                            .append("\" text-anchor=\"middle\">").append(escape(c.number)).append("</text>");
                    if (!c.technique.isEmpty()) {
                        int max = Math.max(6, (int) (band / 6.2));
                        b.append("<text class=\"").append(cls).append("\" x=\"").append(f(cx)).append("\" y=\"").append(bottom + 32)
                                .append("\" text-anchor=\"middle\">").append(escape(ReportFormat.shorten(c.technique, max))).append("</text>");
                    }
                }
                b.append("</g>");
            }
            b.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"")
                    .append(LEFT + PLOT_W).append("\" y2=\"").append(bottom).append("\"/>");
        }

        /** Grid lines both ways, for a scatter. */
        void linearFrame(Axis x, String xTitle, Axis y, String yTitle) {
            yGrid(y, yTitle);
            for (double t : x.ticks()) {
                double px = x.toX(t);
                b.append("<line class=\"grid\" x1=\"").append(f(px)).append("\" y1=\"").append(TOP).append("\" x2=\"").append(f(px))
                        .append("\" y2=\"").append(bottom).append("\"/>");
                b.append("<text class=\"tick\" x=\"").append(f(px)).append("\" y=\"").append(bottom + 16)
                        .append("\" text-anchor=\"middle\">").append(x.label(t)).append("</text>");
            }
            b.append("<text class=\"axis-title\" x=\"").append(LEFT + PLOT_W / 2).append("\" y=\"").append(HEIGHT - 12)
                    .append("\" text-anchor=\"middle\">").append(escape(xTitle)).append("</text>");
            b.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"")
                    .append(LEFT + PLOT_W).append("\" y2=\"").append(bottom).append("\"/>");
            b.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                    .append("\" y2=\"").append(bottom).append("\"/>");
        }

        private void yGrid(Axis y, String yTitle) {
            bottom = TOP + y.plotHeight;
            for (double t : y.ticks()) {
                double py = y.toY(t);
                b.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(f(py)).append("\" x2=\"").append(LEFT + PLOT_W)
                        .append("\" y2=\"").append(f(py)).append("\"/>");
                b.append("<text class=\"tick\" x=\"").append(LEFT - 8).append("\" y=\"").append(f(py + 4)).append("\" text-anchor=\"end\">")
                        .append(y.label(t)).append("</text>");
            }
            b.append("<text class=\"axis-title\" transform=\"translate(14,").append(TOP + y.plotHeight / 2)
                    .append(") rotate(-90)\" text-anchor=\"middle\">").append(escape(yTitle)).append("</text>");
        }

        void legend(List<LegendItem> items) {
            double x = LEFT;
            for (LegendItem item : items) {
                b.append("<rect x=\"").append(f(x)).append("\" y=\"10\" width=\"12\" height=\"12\" rx=\"2\" fill=\"").append(item.colour)
                        .append("\"/><text class=\"legend\" x=\"").append(f(x + 17)).append("\" y=\"20\">").append(escape(item.text))
                        .append("</text>");
                x += 17 + item.text.length() * 6.6 + 18;
            }
        }

        void corner(String text) {
            b.append("<text class=\"hint\" x=\"").append(LEFT + PLOT_W).append("\" y=\"20\" text-anchor=\"end\">").append(escape(text))
                    .append("</text>");
        }

        void referenceLine(double y, String label) {
            b.append("<line class=\"reference\" x1=\"").append(LEFT).append("\" y1=\"").append(f(y)).append("\" x2=\"").append(LEFT + PLOT_W)
                    .append("\" y2=\"").append(f(y)).append("\"/><text class=\"hint\" x=\"").append(LEFT + PLOT_W - 2).append("\" y=\"")
                    .append(f(y - 5)).append("\" text-anchor=\"end\">").append(escape(label)).append("</text>");
        }

        void rect(double x, double y, double w, double h, String fill, String title) {
            b.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"").append(f(Math.max(w, 0)))
                    .append("\" height=\"").append(f(Math.max(h, 0))).append("\" rx=\"2\" fill=\"").append(fill).append("\"><title>")
                    .append(escape(title)).append("</title></rect>");
        }

        void valueLabel(double x, double y, String text) {
            b.append("<text class=\"value\" x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" text-anchor=\"middle\">")
                    .append(escape(text)).append("</text>");
        }

        /** A category with nothing to draw (a failed step): a dash on the axis. */
        void sideLabel(double x, double y, String text) {
            b.append("<text class=\"value\" x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\">").append(escape(text))
                    .append("</text>");
        }

        void missing(double cx) {
            b.append("<text class=\"missing\" x=\"").append(f(cx)).append("\" y=\"").append(bottom - 6)
                    .append("\" text-anchor=\"middle\">no data</text>");
        }

        void polyline(List<double[]> points, String colour, boolean dashed) {
            if (points.size() < 2) return;
            b.append("<polyline class=\"series").append(dashed ? " dashed" : "").append("\" stroke=\"").append(colour).append("\" points=\"");
            for (int i = 0; i < points.size(); i++) {
                if (i > 0) b.append(' ');
                b.append(f(points.get(i)[0])).append(',').append(f(points.get(i)[1]));
            }
            b.append("\"/>");
        }

        void point(double x, double y, String colour, String title) {
            b.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"4\" fill=\"").append(colour)
                    .append("\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>").append(escape(title)).append("</title></circle>");
        }

        String end() {
            return b.append("</svg>").toString();
        }
    }
}
