package org.strata.ui.charts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;

/** Vertical bars, one group per category and one bar per series; NaN values leave a gap. */
public class BarChart extends Chart {
    private List<String> categories = List.of();
    private List<String> series = List.of();
    /** values[series][category] */
    private double[][] values = new double[0][];
    private String unit = "";
    private double reference = Double.NaN;

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

    @Override
    protected void draw(GC gc, Rectangle area) {
        int lh = gc.getFontMetrics().getHeight();
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
        Rectangle plot = valueAxis(gc, a, min, max, unit, lh + 4);
        int n = categories.size();
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
            String label = fit(gc, categories.get(c), groupW - 2);
            gc.drawText(label, plot.x + c * groupW + (groupW - gc.textExtent(label).x) / 2, plot.y + plot.height + 3, true);
        }
        if (!Double.isNaN(reference)) {
            int y = yOf(reference, min, max, plot);
            gc.setLineStyle(SWT.LINE_DASH);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            gc.drawLine(plot.x, y, plot.x + plot.width, y);
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
