package org.strata.ui.charts;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;

/** A matrix of coloured cells (a similarity or divergence matrix) with a colour scale; values shown when cells are large. */
public class HeatmapChart extends Chart {
    private List<String> rows = List.of();
    private List<String> columns = List.of();
    private double[][] values = new double[0][];
    private String unit = "";

    public HeatmapChart(Composite parent) {
        super(parent);
    }

    public void setData(List<String> rows, List<String> columns, double[][] values, String unit) {
        this.rows = List.copyOf(rows);
        this.columns = List.copyOf(columns);
        this.values = values;
        this.unit = unit == null ? "" : unit;
        redraw();
    }

    @Override
    protected boolean hasData() {
        return !rows.isEmpty() && !columns.isEmpty();
    }

    /** Viridis-like ramp from dark blue (low) to yellow (high). */
    static RGB ramp(double f) {
        double[][] stops = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        double x = Math.max(0, Math.min(1, f)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) x);
        double t = x - i;
        return new RGB((int) (stops[i][0] + t * (stops[i + 1][0] - stops[i][0])), (int) (stops[i][1] + t * (stops[i + 1][1] - stops[i][1])),
                (int) (stops[i][2] + t * (stops[i + 1][2] - stops[i][2])));
    }

    @Override
    protected void draw(GC gc, Rectangle area) {
        int lh = gc.getFontMetrics().getHeight();
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double[] r : values) for (double v : r) if (!Double.isNaN(v)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min == Double.POSITIVE_INFINITY) {
            min = 0;
            max = 1;
        }
        int labelW = 0;
        for (String r : rows) labelW = Math.max(labelW, gc.textExtent(r).x);
        int scaleW = 60;
        int gridW = area.width - labelW - 8 - scaleW;
        int gridH = area.height - lh - 4;
        int cell = Math.max(2, Math.min(gridW / Math.max(1, columns.size()), gridH / Math.max(1, rows.size())));
        int gx = area.x + labelW + 8;
        int gy = area.y;
        for (int r = 0; r < rows.size(); r++) {
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            gc.drawText(rows.get(r), gx - 6 - gc.textExtent(rows.get(r)).x, gy + r * cell + (cell - lh) / 2, true);
            for (int c = 0; c < columns.size(); c++) {
                double v = values[r][c];
                Color col = Double.isNaN(v) ? null : color(gc, ramp((v - min) / Math.max(1e-12, max - min)));
                gc.setBackground(col == null ? getDisplay().getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW) : col);
                gc.fillRectangle(gx + c * cell, gy + r * cell, cell - 1, cell - 1);
                if (col != null && cell >= 34) {
                    String t = format(v);
                    double f = (v - min) / Math.max(1e-12, max - min);
                    gc.setForeground(getDisplay().getSystemColor(f > 0.6 ? SWT.COLOR_BLACK : SWT.COLOR_WHITE));
                    gc.drawText(t, gx + c * cell + (cell - gc.textExtent(t).x) / 2, gy + r * cell + (cell - lh) / 2, true);
                }
                if (col != null) col.dispose();
            }
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        for (int c = 0; c < columns.size(); c++) {
            String t = fit(gc, columns.get(c), cell);
            gc.drawText(t, gx + c * cell + (cell - gc.textExtent(t).x) / 2, gy + rows.size() * cell + 2, true);
        }
        int sx = gx + columns.size() * cell + 12;
        int sh = Math.max(20, rows.size() * cell);
        for (int y = 0; y < sh; y++) {
            Color col = color(gc, ramp(1 - y / (double) sh));
            gc.setForeground(col);
            gc.drawLine(sx, gy + y, sx + 12, gy + y);
            col.dispose();
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        gc.drawText(format(max) + (unit.isEmpty() ? "" : " " + unit), sx + 16, gy, true);
        gc.drawText(format(min), sx + 16, gy + sh - lh, true);
    }
}
