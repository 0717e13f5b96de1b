package org.strata.core.report;

import static org.strata.core.report.Markup.escape;
import static org.strata.core.report.SvgCanvas.f;
import static org.strata.core.report.SvgCanvas.textWidth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.strata.core.AnalysisTable;

/**
 * Draws any {@link AnalysisTable} a technique or analysis recorded, by its kind alone, so a new technique's
 * tables appear in the report without report code of their own:
 * <ul>
 * <li>{@link AnalysisTable.Kind#BARS}: horizontal bars, one band per row with one bar per column, the row
 * label on the left and the value at the end of each bar; negative values grow left of a zero line.</li>
 * <li>{@link AnalysisTable.Kind#HEATMAP}: a colour matrix with a colour legend; cell values are written in
 * the cells while they fit (a 6×6 matrix), and are left to the tooltips when they do not (48×48), where
 * labels are thinned to every k-th. Values of both signs get a diverging scale centred on 0.</li>
 * <li>{@link AnalysisTable.Kind#LINES}: one line per row over the columns. Rows whose value ranges do not
 * overlap (a cosine near 1 and a relative error near 0) go to separate panels with their own axes, so
 * neither is flattened.</li>
 * <li>{@link AnalysisTable.Kind#TABLE}: an HTML table, each column formatted on its own.</li>
 * </ul>
 * NaN is "no value": a gap in a line, a grey cell, a dash.
 */
final class AnalysisCharts {
    /** The width of a chart in a half-width figure, and of one that takes the whole width. */
    static final int NARROW = 560;
    static final int WIDE = 1130;
    private static final String[] PALETTE = PipelineCharts.PALETTE;
    private static final String MISSING_FILL = "#eaeef2";

    private AnalysisCharts() {
    }

    /** The markup for one analysis, and whether it wants the page's full width. */
    record Drawing(String markup, boolean wide) {
    }

    static Drawing draw(AnalysisTable t) {
        if (t.rows().isEmpty() || t.columns().isEmpty()) {
            return new Drawing("<p class=\"muted\">The analysis holds no values.</p>", false);
        }
        return switch (t.kind()) {
            case BARS -> bars(t);
            case HEATMAP -> heatmap(t);
            case LINES -> lines(t);
            case TABLE -> table(t);
        };
    }

    /** {min, max} of the finite values; min &gt; max when there is none. */
    static double[] range(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isFinite(v)) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new double[] { lo, hi };
    }

    private static double[] all(AnalysisTable t) {
        return Arrays.stream(t.values()).flatMapToDouble(Arrays::stream).toArray();
    }

    private static String tooltip(AnalysisTable t, int r, int c, ValueFormat fmt) {
        String unit = t.unit().isEmpty() ? "" : " " + t.unit();
        String where = t.columns().size() == 1 ? t.rows().get(r) : t.rows().get(r) + " \u00b7 " + t.columns().get(c);
        return where + ": " + fmt.format(t.value(r, c)) + (Double.isNaN(t.value(r, c)) ? "" : unit);
    }

    /** {@code s} shortened to what fits in {@code room} pixels at {@code font}. */
    static String fit(String s, double room, double font) {
        return ReportFormat.shorten(s, Math.max(2, (int) Math.floor(room / (font * 0.58))));
    }

    private static double labelRoom(List<String> labels, double font, double max) {
        double w = 0;
        for (String s : labels) w = Math.max(w, textWidth(s, font));
        return Math.min(max, w + 12);
    }

    // ---- bars

    private static Drawing bars(AnalysisTable t) {
        int rows = t.rows().size();
        int series = t.columns().size();
        double[] values = all(t);
        ValueFormat fmt = ValueFormat.of(values);
        double[] span = range(values);
        double lo = span[0] > span[1] ? 0 : Math.min(0, span[0]);
        double hi = span[0] > span[1] ? 1 : Math.max(0, span[1]);
        if (lo == hi) hi = 1;
        boolean wide = rows > 40 || series > 4;
        double width = wide ? WIDE : NARROW;
        double left = labelRoom(t.rows(), 11, wide ? 320 : 190);
        ValueFormat label = ValueFormat.significant(3);
        double valueRoom = textWidth("0".repeat(label.width(values)), 10.5) + 10;
        double negativeRoom = lo < 0 ? textWidth(label.format(lo), 10.5) + 10 : 0;
        double plotLeft = left + negativeRoom;
        double plotW = width - plotLeft - valueRoom - 12;
        double bar = rows * series > 60 ? 11 : 15;
        double band = bar * series + (series > 1 ? 8 : 5);
        double top = series > 1 ? 38 : 14;
        double plotH = band * rows;
        double height = top + plotH + 36;
        Axis x = Axis.nice(lo, hi, 5);
        SvgCanvas svg = new SvgCanvas(width, height, t.title(), 0);
        if (series > 1) svg.legend(left, 10, t.columns(), colours(series));
        for (double tick : x.ticks()) {
            double px = x.map(tick, plotLeft, plotLeft + plotW);
            svg.line(px, top - 4, px, top + plotH, "grid");
            svg.text(px, top + plotH + 16, "tick", "middle", x.label(tick));
        }
        if (!t.unit().isEmpty()) svg.text(plotLeft + plotW / 2, height - 4, "axis-title", "middle", t.unit());
        double zero = x.map(0, plotLeft, plotLeft + plotW);
        for (int r = 0; r < rows; r++) {
            double y0 = top + r * band;
            svg.text(left - 8, y0 + band / 2 + 4, "cat", "end", 0, fit(t.rows().get(r), left - 10, 11),
                    t.rows().get(r));
            for (int c = 0; c < series; c++) {
                double v = t.value(r, c);
                double y = y0 + (band - bar * series) / 2 + c * bar;
                if (!Double.isFinite(v)) {
                    svg.text(zero + 4, y + bar - 3, "missing", "start", Double.isNaN(v) ? "no value" : fmt.format(v));
                    continue;
                }
                double end = x.map(v, plotLeft, plotLeft + plotW);
                svg.rect(Math.min(zero, end), y + 1, Math.abs(end - zero), bar - 2, PALETTE[c % PALETTE.length], 2, tooltip(t, r, c, fmt));
                svg.text(v < 0 ? end - 4 : end + 4, y + bar - 3.5, "value", v < 0 ? "end" : "start", label.format(v));
            }
        }
        svg.line(zero, top - 4, zero, top + plotH, "axis");
        return new Drawing(svg.end(), wide);
    }

    private static List<String> colours(int n) {
        List<String> c = new ArrayList<>();
        for (int i = 0; i < n; i++) c.add(PALETTE[i % PALETTE.length]);
        return c;
    }

    // ---- heat map

    private static Drawing heatmap(AnalysisTable t) {
        int rows = t.rows().size();
        int cols = t.columns().size();
        double[] values = all(t);
        ValueFormat fmt = ValueFormat.of(values);
        ColourScale scale = ColourScale.of(values);
        boolean wide = cols > 12 || rows > 16;
        double width = wide ? WIDE : NARROW;
        double left = labelRoom(t.rows(), 11, 150);
        double legendRoom = 86;
        double cell = Math.max(8, Math.min(52, Math.floor((width - left - legendRoom - 10) / cols)));
        // column labels: upright when they fit in a cell, else turned
        double colLabel = 0;
        for (String s : t.columns()) colLabel = Math.max(colLabel, textWidth(s, 11));
        boolean turned = colLabel > cell - 4;
        double top = 12 + (turned ? Math.min(110, colLabel * 0.75 + 8) : 18);
        double plotW = cell * cols;
        double plotH = cell * rows;
        double height = Math.max(top + plotH + 16, 180);
        double usedWidth = left + plotW + legendRoom;
        SvgCanvas svg = new SvgCanvas(usedWidth, height, t.title(), wide ? 0 : usedWidth * 1.15);
        int colStep = labelStep(cell, turned ? 13 : colLabel + 6);
        int rowStep = labelStep(cell, 13);
        for (int c = 0; c < cols; c++) {
            if (c % colStep != 0 && c != cols - 1) continue;
            double cx = left + c * cell + cell / 2;
            String label = ReportFormat.shorten(t.columns().get(c), 18);
            if (turned) svg.text(cx + 3, top - 6, "cat", "start", -50, label, t.columns().get(c));
            else svg.text(cx, top - 6, "cat", "middle", 0, label, t.columns().get(c));
        }
        ValueFormat cellFmt = fmt.atMost(cell >= 44 ? 3 : 2);
        double cellFont = 10.5;
        boolean inCells = cell >= 18 && textWidth("0".repeat(cellFmt.width(values)), cellFont) <= cell - 5;
        for (int r = 0; r < rows; r++) {
            double y = top + r * cell;
            if (r % rowStep == 0 || r == rows - 1) {
                svg.text(left - 6, y + cell / 2 + 4, "cat", "end", 0, fit(t.rows().get(r), left - 8, 11),
                        t.rows().get(r));
            }
            for (int c = 0; c < cols; c++) {
                double v = t.value(r, c);
                String fill = Double.isNaN(v) ? MISSING_FILL : scale.colour(v);
                double gap = cell >= 14 ? 1 : 0;
                svg.rect(left + c * cell, y, cell - gap, cell - gap, fill, 0, tooltip(t, r, c, fmt));
                if (inCells && !Double.isNaN(v)) {
                    String cls = ColourScale.dark(fill) ? "cell-value light" : "cell-value";
                    svg.text(left + c * cell + (cell - gap) / 2, y + (cell - gap) / 2 + 3.8, cls, "middle", cellFmt.format(v));
                }
            }
        }
        legend(svg, scale, fmt, left + plotW + 18, top, Math.min(Math.max(plotH, 120), 260), t.unit());
        return new Drawing(svg.end(), wide);
    }

    /** Show every k-th label so that labels are at least {@code room} pixels apart. */
    private static int labelStep(double cell, double room) {
        return Math.max(1, (int) Math.ceil(room / cell));
    }

    private static void legend(SvgCanvas svg, ColourScale scale, ValueFormat fmt, double x, double y, double h, String unit) {
        int steps = 40;
        for (int i = 0; i < steps; i++) {
            double v = scale.hi - (scale.hi - scale.lo) * (i + 0.5) / steps;
            svg.rect(x, y + h * i / steps, 14, h / steps + 0.6, scale.colour(v), 0, null);
        }
        svg.raw("<rect class=\"legend-frame\" x=\"" + f(x) + "\" y=\"" + f(y) + "\" width=\"14\" height=\"" + f(h) + "\"/>");
        double[] marks = scale.diverging ? new double[] { scale.hi, 0, scale.lo } : new double[] { scale.hi, (scale.hi + scale.lo) / 2, scale.lo };
        for (double m : marks) {
            double py = y + h * (scale.hi - m) / (scale.hi - scale.lo);
            svg.line(x + 14, py, x + 18, py, "axis");
            svg.text(x + 21, py + 4, "tick", "start", fmt.format(m));
        }
        if (!unit.isEmpty()) svg.text(x, y + h + 16, "axis-title", "start", ReportFormat.shorten(unit, 12));
    }

    /** Colours for values: viridis-like for one sign, blue-white-red centred on 0 for both. */
    record ColourScale(double lo, double hi, boolean diverging) {
        private static final int[][] SEQUENTIAL = { { 0x44, 0x01, 0x54 }, { 0x48, 0x28, 0x78 }, { 0x3e, 0x4a, 0x89 }, { 0x31, 0x68, 0x8e },
                { 0x26, 0x82, 0x8e }, { 0x1f, 0x9e, 0x89 }, { 0x35, 0xb7, 0x79 }, { 0x6d, 0xcd, 0x59 }, { 0xb4, 0xde, 0x2c },
                { 0xfd, 0xe7, 0x25 } };
        private static final int[][] DIVERGING = { { 0x21, 0x66, 0xac }, { 0x67, 0xa9, 0xcf }, { 0xd1, 0xe5, 0xf0 }, { 0xf7, 0xf7, 0xf7 },
                { 0xfd, 0xdb, 0xc7 }, { 0xef, 0x8a, 0x62 }, { 0xb2, 0x18, 0x2b } };

        static ColourScale of(double[] values) {
            double[] r = range(values);
            double lo = r[0];
            double hi = r[1];
            if (lo > hi) return new ColourScale(0, 1, false);
            if (lo < 0 && hi > 0) {
                double m = Math.max(-lo, hi);
                return new ColourScale(-m, m, true);
            }
            if (lo == hi) return new ColourScale(lo - 0.5, hi + 0.5, false);
            return new ColourScale(lo, hi, false);
        }

        String colour(double v) {
            if (Double.isInfinite(v)) v = v > 0 ? hi : lo;
            double t = Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
            int[][] stops = diverging ? DIVERGING : SEQUENTIAL;
            double pos = t * (stops.length - 1);
            int i = Math.min(stops.length - 2, (int) Math.floor(pos));
            double u = pos - i;
            StringBuilder s = new StringBuilder("#");
            for (int k = 0; k < 3; k++) s.append(String.format(java.util.Locale.ROOT, "%02x", (int) Math.round(stops[i][k] + (stops[i + 1][k] - stops[i][k]) * u)));
            return s.toString();
        }

        /** Whether text on this colour should be white. */
        static boolean dark(String hex) {
            int r = Integer.parseInt(hex.substring(1, 3), 16);
            int g = Integer.parseInt(hex.substring(3, 5), 16);
            int b = Integer.parseInt(hex.substring(5, 7), 16);
            return 0.299 * r + 0.587 * g + 0.114 * b < 140;
        }
    }

    // ---- lines

    private static Drawing lines(AnalysisTable t) {
        int series = t.rows().size();
        int cols = t.columns().size();
        List<List<Integer>> panels = panels(t);
        boolean wide = cols > 24;
        double width = wide ? WIDE : NARROW;
        double left = 62;
        double right = 18;
        double plotW = width - left - right;
        double legendH = series > 1 || panels.size() > 1 ? 28 : 8;
        double panelH = panels.size() == 1 ? 190 : 150;
        double band = plotW / cols;
        double widest = maxWidth(t.columns(), 11);
        // upright labels, shortened to their band when needed; turned and thinned only when bands are narrow
        boolean turned = widest + 6 > band && band < 30;
        int labelEvery = turned ? labelStep(band, 13) : 1;
        double xLabels = turned ? Math.min(70, widest * 0.66 + 16) : 26;
        double gap = 14;
        double height = legendH + panels.size() * (panelH + xLabels + gap + 12);
        SvgCanvas svg = new SvgCanvas(width, height, t.title(), 0);
        if (series > 1) svg.legend(left, 8, t.rows(), colours(series));
        double y0 = legendH;
        for (List<Integer> panel : panels) {
            double[] values = panel.stream().flatMapToDouble(r -> Arrays.stream(t.values()[r])).toArray();
            ValueFormat fmt = ValueFormat.of(values);
            double[] span = range(values);
            double lo = span[0];
            double hi = span[1];
            if (lo > hi) {
                lo = 0;
                hi = 1;
            }
            double pad = Math.max((hi - lo) * 0.12, Math.max(Math.abs(hi), 1e-9) * 1e-4);
            // fractions and cosines: the axis does not pass 0 or 1 for the labels' sake
            double from = lo >= 0 ? Math.max(0, lo - pad) : lo - pad;
            double to = hi <= 1 && lo >= -1 ? Math.min(1, hi + pad) : hi + pad;
            Axis y = Axis.nice(from, to, 4);
            boolean labels = cols <= 12 && panel.size() <= 2;
            double top = y0 + (labels ? 18 : 6);
            double bottom = top + panelH;
            for (double tick : y.ticks()) {
                double py = y.map(tick, bottom, top);
                svg.line(left, py, left + plotW, py, "grid");
                svg.text(left - 8, py + 4, "tick", "end", y.label(tick));
            }
            String title = panel.size() == 1 ? t.rows().get(panel.get(0)) : t.unit();
            if (!title.isEmpty()) svg.text(14, (top + bottom) / 2, "axis-title", "middle", -90, ReportFormat.shorten(title, 26), null);
            for (int c = 0; c < cols; c++) {
                if (c % labelEvery != 0 && c != cols - 1) continue;
                double cx = left + band * (c + 0.5);
                String label = turned ? ReportFormat.shorten(t.columns().get(c), 14) : fit(t.columns().get(c), band - 4, 11);
                if (turned) svg.text(cx + 3, bottom + 12, "cat", "end", -40, label, t.columns().get(c));
                else svg.text(cx, bottom + 16, "cat", "middle", 0, label, t.columns().get(c));
            }
            svg.line(left, bottom, left + plotW, bottom, "axis");
            for (int k = 0; k < panel.size(); k++) {
                int r = panel.get(k);
                String colour = PALETTE[r % PALETTE.length];
                List<double[]> run = new ArrayList<>();
                for (int c = 0; c <= cols; c++) {
                    double v = c < cols ? t.value(r, c) : Double.NaN;
                    if (Double.isFinite(v)) {
                        run.add(new double[] { left + band * (c + 0.5), y.map(v, bottom, top) });
                    } else {
                        svg.polyline(run, colour, false);
                        run.clear();
                    }
                }
                for (int c = 0; c < cols; c++) {
                    double v = t.value(r, c);
                    if (!Double.isFinite(v)) continue;
                    double px = left + band * (c + 0.5);
                    double py = y.map(v, bottom, top);
                    svg.point(px, py, colour, tooltip(t, r, c, fmt));
                    if (labels) svg.text(px, k == 0 ? py - 8 : py + 16, "value", "middle", fmt.format(v));
                }
            }
            y0 = bottom + xLabels + gap;
        }
        return new Drawing(svg.end(), wide);
    }

    private static double maxWidth(List<String> labels, double font) {
        double w = 0;
        for (String s : labels) w = Math.max(w, textWidth(s, font));
        return w;
    }

    /**
     * Rows whose value ranges overlap share a panel (mean and min cosine); a row that overlaps none gets its
     * own (a relative error beside cosines).
     */
    static List<List<Integer>> panels(AnalysisTable t) {
        int n = t.rows().size();
        double[][] range = new double[n][];
        for (int r = 0; r < n; r++) range[r] = range(t.values()[r]);
        int[] group = new int[n];
        for (int r = 0; r < n; r++) group[r] = r;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (overlap(range[a], range[b])) {
                    int from = group[b];
                    int to = group[a];
                    for (int k = 0; k < n; k++) if (group[k] == from) group[k] = to;
                }
            }
        }
        List<List<Integer>> panels = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (seen.contains(group[r])) continue;
            seen.add(group[r]);
            List<Integer> p = new ArrayList<>();
            for (int k = 0; k < n; k++) if (group[k] == group[r]) p.add(k);
            panels.add(p);
        }
        return panels;
    }

    /** Ranges overlap, or are so close that one axis shows both well (within half the wider range). */
    private static boolean overlap(double[] a, double[] b) {
        if (a[0] > a[1] || b[0] > b[1]) return true; // a row without values goes anywhere
        double span = Math.max(a[1] - a[0], b[1] - b[0]);
        double distance = Math.max(a[0], b[0]) - Math.min(a[1], b[1]);
        return distance <= span * 0.5;
    }

    // ---- table

    private static Drawing table(AnalysisTable t) {
        int cols = t.columns().size();
        ValueFormat[] fmt = new ValueFormat[cols];
        double[][] v = t.values();
        for (int c = 0; c < cols; c++) {
            double[] column = new double[v.length];
            for (int r = 0; r < v.length; r++) column[r] = v[r][c];
            fmt[c] = ValueFormat.of(column);
        }
        StringBuilder b = new StringBuilder("<div class=\"table-wrap\"><table class=\"analysis\"><thead><tr><th></th>");
        for (String c : t.columns()) b.append("<th class=\"r\">").append(escape(c)).append("</th>");
        b.append("</tr></thead><tbody>");
        for (int r = 0; r < v.length; r++) {
            b.append("<tr><th>").append(escape(t.rows().get(r))).append("</th>");
            for (int c = 0; c < cols; c++) {
                b.append("<td class=\"r num\">").append(escape(fmt[c].format(v[r][c]))).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table></div>");
        return new Drawing(b.toString(), cols > 6);
    }

    /** A linear axis with round ticks covering [lo, hi]; {@link #map} places a value between two pixels. */
    record Axis(double lo, double hi, double step) {
        static Axis nice(double min, double max, int ticks) {
            PipelineCharts.Axis a = PipelineCharts.Axis.nice(min, max, ticks);
            return new Axis(a.lo(), a.hi(), a.step());
        }

        List<Double> ticks() {
            return new PipelineCharts.Axis(lo, hi, step, 0).ticks();
        }

        String label(double v) {
            return new PipelineCharts.Axis(lo, hi, step, 0).label(v).replace("-", ReportFormat.MINUS);
        }

        /** The pixel of {@code v} when {@code lo} is at {@code from} and {@code hi} at {@code to}. */
        double map(double v, double from, double to) {
            return from + (to - from) * (v - lo) / (hi - lo);
        }
    }
}
