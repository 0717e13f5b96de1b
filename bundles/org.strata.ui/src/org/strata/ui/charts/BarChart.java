package org.strata.ui.charts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Composite;

/** Bars, one group per category and one bar per series (vertical, or horizontal for long category lists); NaN values leave a gap. */
public class BarChart extends Chart {
    private List<String> categories = List.of();
    private List<String> series = List.of();
    /** values[series][category] */
    private double[][] values = new double[0][];
    private String unit = "";
    private double reference = Double.NaN;
    private boolean horizontal;
    private static final float ANGLE = 35f;
    private static final double SIN = Math.sin(Math.toRadians(ANGLE));

    public BarChart(Composite parent) {
        super(parent);
    }

    public void setData(List<String> categories, List<String> series, double[][] values, String unit) {
        this.categories = List.copyOf(categories);
        this.series = List.copyOf(series);
        this.values = values;
        this.unit = unit == null ? "" : unit;
        redraw();
    }

    /** A dashed horizontal line at {@code v} (e.g. 1.0 for ratios), or NaN for none. */
    public void setReferenceLine(double v) {
        reference = v;
        redraw();
    }

    public List<String> categories() {
        return categories;
    }

    public double value(int series, int category) {
        return values[series][category];
    }

    @Override
    protected boolean hasData() {
        for (double[] s : values) for (double v : s) if (!Double.isNaN(v)) return true;
        return false;
    }

    /**
     * Bars grow to the right from category labels on the left (for many categories with long names, such as an
     * op histogram) instead of up from labels below.
     */
    public void setHorizontal(boolean horizontal) {
        this.horizontal = horizontal;
        redraw();
    }

    @Override
    protected void draw(GC gc, Rectangle area) {
        int legendH = legend(gc, area, series);
        Rectangle a = new Rectangle(area.x, area.y + legendH, area.width, area.height - legendH);
        double min = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] s : values) for (double v : s) if (!Double.isNaN(v)) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        if (!Double.isNaN(reference)) max = Math.max(max, reference);
        max = max <= min ? min + 1 : max * 1.08;
        if (horizontal) drawHorizontal(gc, a, min, max);
        else drawVertical(gc, a, min, max);
    }

    private void drawVertical(GC gc, Rectangle a, double min, double max) {
        int lh = gc.getFontMetrics().getHeight();
        int n = categories.size();
        // Category labels: level when they fit under their group, else slanted (cut to a third of the height).
        int guessGroupW = Math.max(1, (a.width - 60) / Math.max(1, n));
        int widest = 0;
        for (String c : categories) widest = Math.max(widest, gc.textExtent(c).x);
        boolean slant = widest > guessGroupW - 4;
        int maxLabel = Math.max(30, a.height / 3);
        int reserve = slant ? (int) (Math.min(widest, maxLabel) * SIN) + lh + 4 : lh + 4;
        Rectangle plot = valueAxis(gc, a, min, max, unit, reserve);
        int groupW = Math.max(1, plot.width / Math.max(1, n));
        int barW = Math.max(2, (int) (groupW * 0.72 / Math.max(1, series.size())));
        int zero = yOf(0, min, max, plot);
        for (int c = 0; c < n; c++) {
            int gx = plot.x + c * groupW + (groupW - barW * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                double v = values[s][c];
                if (Double.isNaN(v)) continue;
                int y = yOf(v, min, max, plot);
                Color col = color(gc, palette(s));
                gc.setBackground(col);
                gc.fillRectangle(gx + s * barW, Math.min(y, zero), barW - 1, Math.abs(zero - y));
                col.dispose();
                if (series.size() == 1 && barW > 24) {
                    String t = format(v);
                    gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
                    gc.drawText(t, gx + (barW - gc.textExtent(t).x) / 2, Math.min(y, zero) - lh, true);
                }
            }
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            int cx = plot.x + c * groupW + groupW / 2;
            if (slant) {
                String label = fit(gc, categories.get(c), maxLabel);
                int w = gc.textExtent(label).x;
                Transform tr = new Transform(gc.getDevice());
                // the label ends under its group's centre and rises to the left
                tr.translate(cx, plot.y + plot.height + 4);
                tr.rotate(-ANGLE);
                tr.translate(-w, 0);
                gc.setTransform(tr);
                gc.drawText(label, 0, 0, true);
                gc.setTransform(null);
                tr.dispose();
            } else {
                String label = categories.get(c);
                gc.drawText(label, cx - gc.textExtent(label).x / 2, plot.y + plot.height + 3, true);
            }
        }
        if (!Double.isNaN(reference)) {
            int y = yOf(reference, min, max, plot);
            gc.setLineStyle(SWT.LINE_DASH);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            gc.drawLine(plot.x, y, plot.x + plot.width, y);
            gc.setLineStyle(SWT.LINE_SOLID);
        }
    }

    private void drawHorizontal(GC gc, Rectangle a, double min, double max) {
        int lh = gc.getFontMetrics().getHeight();
        int n = categories.size();
        int labelW = 0;
        for (String c : categories) labelW = Math.min(a.width / 3, Math.max(labelW, gc.textExtent(c).x));
        Rectangle plot = new Rectangle(a.x + labelW + 8, a.y, Math.max(1, a.width - labelW - 8 - 4), Math.max(1, a.height - lh - 6));
        int rowH = Math.max(1, plot.height / Math.max(1, n));
        int barH = Math.max(2, (int) (rowH * 0.75 / Math.max(1, series.size())));
        double[] t = ticks(min, max, Math.max(2, plot.width / 70));
        for (double v : t) {
            int x = xOf(v, min, max, plot);
            if (x > plot.x + plot.width + 1) continue;
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW));
            gc.drawLine(x, plot.y, x, plot.y + plot.height);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            String s = formatTick(v, t);
            gc.drawText(s, x - gc.textExtent(s).x / 2, plot.y + plot.height + 3, true);
        }
        int zero = xOf(0, min, max, plot);
        for (int c = 0; c < n; c++) {
            int gy = plot.y + c * rowH + (rowH - barH * series.size()) / 2;
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            String label = fit(gc, categories.get(c), labelW);
            gc.drawText(label, plot.x - 6 - gc.textExtent(label).x, plot.y + c * rowH + (rowH - lh) / 2, true);
            for (int s = 0; s < series.size(); s++) {
                double v = values[s][c];
                if (Double.isNaN(v)) continue;
                int x = xOf(v, min, max, plot);
                Color col = color(gc, palette(s));
                gc.setBackground(col);
                gc.fillRectangle(Math.min(x, zero), gy + s * barH, Math.abs(x - zero), barH - 1);
                col.dispose();
                if (series.size() == 1 && rowH >= lh) {
                    String txt = format(v);
                    gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
                    gc.drawText(txt, Math.max(x, zero) + 4, gy + (barH - lh) / 2, true);
                }
            }
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawLine(plot.x, plot.y, plot.x, plot.y + plot.height);
        if (!Double.isNaN(reference)) {
            int x = xOf(reference, min, max, plot);
            gc.setLineStyle(SWT.LINE_DASH);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            gc.drawLine(x, plot.y, x, plot.y + plot.height);
            gc.setLineStyle(SWT.LINE_SOLID);
        }
    }

    /** One series of bars from a list of values. */
    public static double[][] single(List<Double> v) {
        double[][] out = new double[1][v.size()];
        for (int i = 0; i < v.size(); i++) out[0][i] = v.get(i) == null ? Double.NaN : v.get(i);
        return out;
    }

    static List<String> numbers(int n) {
        List<String> l = new ArrayList<>();
        for (int i = 1; i <= n; i++) l.add(Integer.toString(i));
        return l;
    }
}
