package org.strata.ui.charts;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;

/** One line per series over shared categories (e.g. cosine per block for several steps). */
public class LineChart extends Chart {
    private List<String> categories = List.of();
    private List<String> series = List.of();
    private double[][] values = new double[0][];
    private String unit = "";

    public LineChart(Composite parent) {
        super(parent);
    }

    /** @param values values[series][category] */
    public void setData(List<String> categories, List<String> series, double[][] values, String unit) {
        this.categories = List.copyOf(categories);
        this.series = List.copyOf(series);
        this.values = values;
        this.unit = unit == null ? "" : unit;
        redraw();
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
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double[] s : values) for (double v : s) if (!Double.isNaN(v)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double pad = Math.max(1e-9, (max - min) * 0.1);
        Rectangle a = new Rectangle(area.x, area.y + legendH, area.width, area.height - legendH);
        Rectangle plot = valueAxis(gc, a, min - pad, max + pad, unit, lh + 4);
        int n = categories.size();
        int step = n > 1 ? plot.width / (n - 1) : 0;
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        // every k-th label, so that the widest one fits in the room k points give it
        int widest = 0;
        for (String c : categories) widest = Math.max(widest, gc.textExtent(c).x);
        int every = Math.max(1, (int) Math.ceil((widest + 10.0) / Math.max(1, step > 0 ? step : plot.width)));
        for (int c = 0; c < n; c += every) {
            int x = plot.x + (n > 1 ? c * step : plot.width / 2);
            String t = categories.get(c);
            int w = gc.textExtent(t).x;
            gc.drawText(t, Math.max(area.x, Math.min(x - w / 2, area.x + area.width - w)), plot.y + plot.height + 3, true);
        }
        for (int s = 0; s < series.size(); s++) {
            Color col = color(gc, palette(s));
            gc.setForeground(col);
            gc.setBackground(col);
            gc.setLineWidth(2);
            int px = Integer.MIN_VALUE, py = 0;
            for (int c = 0; c < n; c++) {
                double v = values[s][c];
                if (Double.isNaN(v)) {
                    px = Integer.MIN_VALUE;
                    continue;
                }
                int x = plot.x + (n > 1 ? c * step : plot.width / 2), y = yOf(v, min - pad, max + pad, plot);
                if (px != Integer.MIN_VALUE) gc.drawLine(px, py, x, y);
                gc.fillOval(x - 3, y - 3, 7, 7);
                px = x;
                py = y;
            }
            gc.setLineWidth(1);
            col.dispose();
        }
    }
}
