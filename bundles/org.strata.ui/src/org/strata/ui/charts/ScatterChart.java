package org.strata.ui.charts;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;

/**
 * Points in several series, each series' points joined in order (a run's steps, from the source model on),
 * each point labelled. Used for latency ratio against fidelity across runs.
 */
public class ScatterChart extends Chart {
    /** One point: x, y and a short label. */
    public record Point(double x, double y, String label) {
    }

    /** A named series. */
    public record Series(String name, List<Point> points) {
    }

    private List<Series> series = List.of();
    private String xLabel = "";
    private String yLabel = "";

    public ScatterChart(Composite parent) {
        super(parent);
    }

    public void setData(List<Series> series, String xLabel, String yLabel) {
        this.series = List.copyOf(series);
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        redraw();
    }

    public List<Series> series() {
        return series;
    }

    @Override
    protected boolean hasData() {
        return series.stream().anyMatch(s -> s.points().stream().anyMatch(p -> !Double.isNaN(p.x()) && !Double.isNaN(p.y())));
    }

    @Override
    protected void draw(GC gc, Rectangle area) {
        int lh = gc.getFontMetrics().getHeight();
        int legendH = legend(gc, area, series.stream().map(Series::name).toList());
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (Series s : series) for (Point p : s.points()) {
            if (Double.isNaN(p.x()) || Double.isNaN(p.y())) continue;
            x0 = Math.min(x0, p.x());
            x1 = Math.max(x1, p.x());
            y0 = Math.min(y0, p.y());
            y1 = Math.max(y1, p.y());
        }
        double dx = Math.max(1e-6, x1 - x0) * 0.1, dy = Math.max(1e-6, y1 - y0) * 0.1;
        x0 -= dx;
        x1 += dx;
        y0 -= dy;
        y1 += dy;
        Rectangle a = new Rectangle(area.x, area.y + legendH, area.width, area.height - legendH);
        Rectangle plot = valueAxis(gc, a, y0, y1, yLabel, 2 * lh + 6);
        double[] t = ticks(x0, x1, Math.max(2, plot.width / 80));
        for (double v : t) {
            int x = xOf(v, x0, x1, plot);
            if (x < plot.x || x > plot.x + plot.width) continue;
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW));
            gc.drawLine(x, plot.y, x, plot.y + plot.height);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            String s = formatTick(v, t);
            gc.drawText(s, x - gc.textExtent(s).x / 2, plot.y + plot.height + 3, true);
        }
        String xl = fit(gc, xLabel, plot.width + plot.x - area.x);
        int xw = gc.textExtent(xl).x;
        gc.drawText(xl, Math.max(area.x, Math.min(plot.x + (plot.width - xw) / 2, area.x + area.width - xw)), plot.y + plot.height + lh + 5, true);
        for (int i = 0; i < series.size(); i++) {
            Color c = color(gc, palette(i));
            gc.setForeground(c);
            gc.setBackground(c);
            gc.setLineWidth(2);
            int px = Integer.MIN_VALUE, py = 0;
            for (Point p : series.get(i).points()) {
                if (Double.isNaN(p.x()) || Double.isNaN(p.y())) continue;
                int x = xOf(p.x(), x0, x1, plot), y = yOf(p.y(), y0, y1, plot);
                if (px != Integer.MIN_VALUE) gc.drawLine(px, py, x, y);
                gc.fillOval(x - 4, y - 4, 9, 9);
                px = x;
                py = y;
            }
            gc.setLineWidth(1);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            for (Point p : series.get(i).points()) {
                if (Double.isNaN(p.x()) || Double.isNaN(p.y()) || p.label() == null) continue;
                gc.drawText(p.label(), xOf(p.x(), x0, x1, plot) + 6, yOf(p.y(), y0, y1, plot) - lh, true);
            }
            c.dispose();
        }
    }
}
