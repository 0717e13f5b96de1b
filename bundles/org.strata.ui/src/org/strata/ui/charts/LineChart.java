package org.strata.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;

/**
 * One line per series over shared categories (e.g. cosine and relative error per block). Series whose value
 * ranges do not overlap — a cosine near 1 and a relative error near 0.1 — go to separate panels stacked on the
 * same category axis, each with its own value axis scaled to its data, so neither is flattened into a straight
 * line (the rule of the HTML report's line charts, {@code core.report.AnalysisCharts}). Values are written at
 * the points while they fit; hovering a category shows all its values in a tooltip.
 */
public class LineChart extends Chart {
    private static final int PANEL_GAP = 10;

    private List<String> categories = List.of();
    private List<String> series = List.of();
    private double[][] values = new double[0][];
    private String unit = "";
    private List<List<Integer>> panels = List.of();
    /** x of each category in the last drawing, for the tooltip. */
    private int[] xs = new int[0];

    public LineChart(Composite parent) {
        super(parent);
        addListener(SWT.MouseMove, e -> hover(e.x));
        addListener(SWT.MouseExit, e -> setToolTipText(null));
    }

    /** @param values values[series][category] */
    public void setData(List<String> categories, List<String> series, double[][] values, String unit) {
        this.categories = List.copyOf(categories);
        this.series = List.copyOf(series);
        this.values = values;
        this.unit = unit == null ? "" : unit;
        this.panels = panels(values);
        this.xs = new int[0];
        redraw();
    }

    /** The series (indices) drawn together in each panel, top to bottom. */
    public List<List<Integer>> panels() {
        return panels;
    }

    /** The value axis {from, to} of panel {@code p}: its series' data range with a margin, never past 0 or 1 for fractions. */
    public double[] axisRange(int p) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int s : panels.get(p)) for (double v : values[s]) if (Double.isFinite(v)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo > hi) return new double[] {0, 1};
        double pad = Math.max((hi - lo) * 0.12, Math.max(Math.abs(hi), 1e-9) * 1e-4);
        double from = lo >= 0 ? Math.max(0, lo - pad) : lo - pad;
        double to = hi <= 1 && lo >= -1 ? Math.min(1, hi + pad) : hi + pad;
        if (!(to > from)) to = from + pad;
        return new double[] {from, to};
    }

    /**
     * Groups series whose ranges overlap, or lie so close that one axis shows both well (within half the wider
     * range); a series without values joins any panel.
     */
    public static List<List<Integer>> panels(double[][] values) {
        int n = values.length;
        double[][] range = new double[n][];
        for (int s = 0; s < n; s++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double v : values[s]) if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            range[s] = new double[] {lo, hi};
        }
        List<List<Integer>> out = new ArrayList<>();
        List<double[]> spans = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            int into = -1;
            for (int p = 0; p < out.size() && into < 0; p++) if (close(range[s], spans.get(p))) into = p;
            if (into < 0) {
                out.add(new ArrayList<>(List.of(s)));
                spans.add(range[s].clone());
            } else {
                out.get(into).add(s);
                double[] sp = spans.get(into);
                if (range[s][0] <= range[s][1]) {
                    sp[0] = Math.min(sp[0], range[s][0]);
                    sp[1] = Math.max(sp[1], range[s][1]);
                }
            }
        }
        return out.stream().map(List::copyOf).toList();
    }

    private static boolean close(double[] a, double[] b) {
        if (a[0] > a[1] || b[0] > b[1]) return true;
        double span = Math.max(a[1] - a[0], b[1] - b[0]);
        return Math.max(a[0], b[0]) - Math.min(a[1], b[1]) <= span * 0.5;
    }

    @Override
    protected boolean hasData() {
        for (double[] s : values) for (double v : s) if (!Double.isNaN(v)) return true;
        return false;
    }

    @Override
    protected void draw(GC gc, Rectangle area) {
        int lh = gc.getFontMetrics().getHeight();
        int legendH = legend(gc, area, series);
        int n = categories.size();
        int labelsH = lh + 4;
        int avail = area.height - legendH - labelsH - PANEL_GAP * (panels.size() - 1);
        int panelH = Math.max(30, avail / Math.max(1, panels.size()));
        // one left margin for all panels, so that their categories line up
        int axisW = 0;
        for (int p = 0; p < panels.size(); p++) {
            double[] r = axisRange(p);
            axisW = Math.max(axisW, axisWidth(gc, panelH, r[0], r[1], axisTitle(p)));
        }
        xs = new int[n];
        int y = area.y + legendH;
        Rectangle plot = null;
        for (int p = 0; p < panels.size(); p++) {
            double[] r = axisRange(p);
            Rectangle pa = new Rectangle(area.x, y, area.width, panelH);
            plot = valueAxis(gc, pa, r[0], r[1], axisTitle(p), 0, axisW);
            // points sit in the middle of equal bands, so the first and last are not cut by the axes
            int band = Math.max(1, plot.width / Math.max(1, n));
            for (int c = 0; c < n; c++) xs[c] = plot.x + band * c + band / 2;
            drawSeries(gc, plot, r, panels.get(p), band);
            y += panelH + PANEL_GAP;
        }
        if (plot == null) return;
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        // left to right, each label where it does not run into the one before: shortened to the room there is, or left out
        int lastRight = area.x - 100_000;
        int right = area.x + area.width;
        for (int c = 0; c < n; c++) {
            String t = categories.get(c);
            int room = Math.min(2 * (xs[c] - lastRight - 6), 2 * (right - xs[c]) + gc.textExtent(t).x);
            if (gc.textExtent(t).x > room) t = fit(gc, t, room);
            if (room < gc.textExtent("8…").x || gc.textExtent(t).x > room) continue;
            int w = gc.textExtent(t).x;
            int left = Math.max(area.x, Math.min(xs[c] - w / 2, right - w));
            if (left < lastRight + 6) continue;
            gc.drawText(t, left, plot.y + plot.height + 3, true);
            lastRight = left + w;
        }
    }

    /** A panel's axis title: its series' name when it has one series (the legend names it), else the unit. */
    private String axisTitle(int p) {
        List<Integer> ps = panels.get(p);
        if (panels.size() > 1 && ps.size() == 1) return series.get(ps.get(0));
        return unit;
    }

    private void drawSeries(GC gc, Rectangle plot, double[] range, List<Integer> members, int band) {
        int lh = gc.getFontMetrics().getHeight();
        int n = categories.size();
        // values at the points: one series above its points, a second below; only while they fit their band
        boolean labels = members.size() <= 2 && plot.height >= 3 * lh;
        for (int k = 0; k < members.size(); k++) {
            int s = members.get(k);
            double[] vs = values[s];
            String[] text = new String[n];
            for (int c = 0; c < n; c++) {
                if (Double.isNaN(vs[c])) continue;
                text[c] = format(vs[c], range);
                if (gc.textExtent(text[c]).x + 4 > band) labels = false;
            }
            Color col = color(gc, palette(s));
            gc.setForeground(col);
            gc.setBackground(col);
            gc.setLineWidth(2);
            int px = Integer.MIN_VALUE, py = 0;
            for (int c = 0; c < n; c++) {
                double v = vs[c];
                if (Double.isNaN(v)) {
                    px = Integer.MIN_VALUE;
                    continue;
                }
                int x = xs[c], y = yOf(v, range[0], range[1], plot);
                if (px != Integer.MIN_VALUE) gc.drawLine(px, py, x, y);
                gc.fillOval(x - 3, y - 3, 7, 7);
                px = x;
                py = y;
            }
            gc.setLineWidth(1);
            if (labels) {
                gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
                for (int c = 0; c < n; c++) {
                    if (text[c] == null) continue;
                    int y = yOf(vs[c], range[0], range[1], plot);
                    // a second series' value is left to the tooltip where its point nearly meets the first's
                    if (k == 1 && !Double.isNaN(values[members.get(0)][c])
                            && Math.abs(yOf(values[members.get(0)][c], range[0], range[1], plot) - y) < lh) continue;
                    int ty = k == 0 ? y - lh - 2 : y + 4;
                    ty = Math.max(plot.y - lh / 2, Math.min(ty, plot.y + plot.height - lh));
                    gc.drawText(text[c], xs[c] - gc.textExtent(text[c]).x / 2, ty, true);
                }
            }
            col.dispose();
        }
    }

    /** A value with as many decimals as its axis' span needs to tell neighbours apart. */
    private static String format(double v, double[] range) {
        double span = range[1] - range[0];
        if (!(span > 0) || Math.abs(v) >= 1e5 || (v != 0 && Math.abs(v) < 1e-4)) return Chart.format(v);
        int decimals = (int) Math.max(1, Math.min(6, Math.ceil(-Math.log10(span / 20))));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private void hover(int x) {
        String tip = tooltipAt(x);
        if (!java.util.Objects.equals(tip, getToolTipText())) setToolTipText(tip);
    }

    /** The tooltip for the category nearest {@code x}: its label and every series' value there. */
    public String tooltipAt(int x) {
        if (xs.length == 0 || xs.length != categories.size()) return null;
        int best = 0;
        for (int c = 1; c < xs.length; c++) if (Math.abs(xs[c] - x) < Math.abs(xs[best] - x)) best = c;
        StringBuilder b = new StringBuilder(categories.get(best));
        for (int s = 0; s < series.size(); s++) {
            double v = values[s][best];
            b.append('\n').append(series.get(s)).append(": ").append(Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.5g", v));
        }
        if (!unit.isEmpty()) b.append(" ").append(unit);
        return b.toString();
    }
}
