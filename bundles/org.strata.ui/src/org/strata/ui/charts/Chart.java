package org.strata.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * A chart drawn with SWT's {@link GC}: a title, a plot area with axes and gridlines, and a legend. We draw
 * the few charts the workbench needs ourselves rather than pull in a charting library: none that targets
 * SWT is on Maven Central (SWTChart is published only to Eclipse p2 sites), AWT-based libraries (JFreeChart)
 * would need an SWT_AWT bridge that is fragile on GTK/Wayland, and a few hundred lines of GC code follow the
 * platform's fonts and colours, double-buffer, and resize without flicker. Subclasses draw the data.
 */
public abstract class Chart extends Canvas {
    /** Colour-blind-safe categorical palette (Okabe–Ito, reordered). */
    public static final RGB[] PALETTE = {new RGB(0, 114, 178), new RGB(230, 159, 0), new RGB(0, 158, 115), new RGB(204, 121, 167),
            new RGB(86, 180, 233), new RGB(213, 94, 0), new RGB(240, 228, 66), new RGB(0, 0, 0)};
    protected static final int PAD = 10;

    private String title = "";
    private String emptyMessage = "Nothing to show yet.";

    protected Chart(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.Resize, e -> redraw());
    }

    public void setTitle(String title) {
        this.title = title == null ? "" : title;
        redraw();
    }

    public String getTitle() {
        return title;
    }

    /** What the chart says when it has no data, e.g. what to do to get some. */
    public void setEmptyMessage(String message) {
        this.emptyMessage = message;
        redraw();
    }

    protected abstract boolean hasData();

    /** Draws the data into {@code area} (below the title). */
    protected abstract void draw(GC gc, Rectangle area);

    private void paint(GC gc) {
        Rectangle r = getClientArea();
        gc.setBackground(getBackground());
        gc.fillRectangle(r);
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        int top = PAD;
        if (!title.isEmpty()) {
            gc.setFont(JFaceFonts.bold(getDisplay()));
            String shown = fit(gc, title, Math.max(20, r.width - 2 * PAD));
            gc.drawText(shown, PAD, PAD, true);
            top += gc.textExtent(title).y + 6;
            String tip = shown.equals(title) ? null : title;
            if (!java.util.Objects.equals(getToolTipText(), tip)) setToolTipText(tip);
            gc.setFont(getFont());
        }
        Rectangle area = new Rectangle(PAD, top, Math.max(0, r.width - 2 * PAD), Math.max(0, r.height - top - PAD));
        if (!hasData()) {
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_DISABLED_FOREGROUND));
            Point e = gc.textExtent(emptyMessage);
            gc.drawText(emptyMessage, area.x + Math.max(0, (area.width - e.x) / 2), area.y + Math.max(0, (area.height - e.y) / 2), true);
            return;
        }
        draw(gc, area);
    }

    protected Color color(GC gc, RGB rgb) {
        Color c = new Color(gc.getDevice(), rgb);
        return c;
    }

    protected static RGB palette(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** "Nice" tick values covering [min, max] (1, 2, 5 × 10^k steps). */
    protected static double[] ticks(double min, double max, int target) {
        if (!(max > min)) {
            max = min + 1;
        }
        double raw = (max - min) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag * (raw / mag < 1.5 ? 1 : raw / mag < 3 ? 2 : raw / mag < 7 ? 5 : 10);
        double start = Math.ceil(min / step - 1e-9) * step;
        List<Double> out = new ArrayList<>();
        for (double v = start; v <= max + step * 1e-6; v += step) out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A short, readable number. */
    public static String format(double v) {
        if (Double.isNaN(v)) return "–";
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e6) return Long.toString((long) v);
        if (a != 0 && (a >= 1e6 || a < 1e-3)) return String.format(Locale.ROOT, "%.2g", v);
        if (a >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** A tick label: as many decimals as the tick step needs, so neighbouring ticks never read the same. */
    public static String formatTick(double v, double[] ticks) {
        if (ticks.length < 2) return format(v);
        double step = Math.abs(ticks[1] - ticks[0]);
        if (!(step > 0) || Math.abs(v) >= 1e6 || (Math.abs(v) > 0 && Math.abs(v) < 1e-4)) return format(v);
        int decimals = (int) Math.max(0, Math.min(6, Math.ceil(-Math.log10(step) - 1e-9)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A value axis on the left of {@code area} from {@code min} to {@code max}; returns the plot rectangle. */
    protected Rectangle valueAxis(GC gc, Rectangle area, double min, double max, String label, int bottomReserve) {
        return valueAxis(gc, area, min, max, label, bottomReserve, axisWidth(gc, area.height, min, max, label));
    }

    /** The room a {@link #valueAxis} over {@code height} pixels takes left of its plot: tick labels and the axis title. */
    protected int axisWidth(GC gc, int height, double min, double max, String label) {
        double[] t = ticks(min, max, Math.max(2, height / 40));
        int labelWidth = 0;
        for (double v : t) labelWidth = Math.max(labelWidth, gc.textExtent(formatTick(v, t)).x);
        return labelWidth + 8 + (label == null || label.isEmpty() ? 0 : gc.getFontMetrics().getHeight() + 2);
    }

    /** A value axis whose plot starts {@code axisWidth} pixels right of {@code area.x} (so stacked panels line up). */
    protected Rectangle valueAxis(GC gc, Rectangle area, double min, double max, String label, int bottomReserve, int axisWidth) {
        double[] t = ticks(min, max, Math.max(2, area.height / 40));
        int lh = gc.getFontMetrics().getHeight();
        int left = area.x + axisWidth;
        Rectangle plot = new Rectangle(left, area.y + lh / 2, Math.max(1, area.x + area.width - left - 4),
                Math.max(1, area.height - bottomReserve - lh / 2));
        gc.setLineWidth(1);
        for (double v : t) {
            int y = yOf(v, min, max, plot);
            if (y < plot.y - 1 || y > plot.y + plot.height + 1) continue;
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW));
            gc.drawLine(plot.x, y, plot.x + plot.width, y);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            String s = formatTick(v, t);
            gc.drawText(s, plot.x - 6 - gc.textExtent(s).x, y - lh / 2, true);
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawLine(plot.x, plot.y, plot.x, plot.y + plot.height);
        gc.drawLine(plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height);
        if (label != null && !label.isEmpty()) {
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            org.eclipse.swt.graphics.Transform tr = new org.eclipse.swt.graphics.Transform(gc.getDevice());
            String shown = fit(gc, label, Math.max(plot.height, 30));
            int w = gc.textExtent(shown).x;
            tr.translate(area.x, plot.y + plot.height / 2 + w / 2);
            tr.rotate(-90);
            gc.setTransform(tr);
            gc.drawText(shown, 0, 0, true);
            gc.setTransform(null);
            tr.dispose();
        }
        return plot;
    }

    protected static int yOf(double v, double min, double max, Rectangle plot) {
        double f = max > min ? (v - min) / (max - min) : 0.5;
        return plot.y + plot.height - (int) Math.round(f * plot.height);
    }

    protected static int xOf(double v, double min, double max, Rectangle plot) {
        double f = max > min ? (v - min) / (max - min) : 0.5;
        return plot.x + (int) Math.round(f * plot.width);
    }

    /** A legend in one row at the top right of {@code area}; returns its height. */
    protected int legend(GC gc, Rectangle area, List<String> names) {
        if (names.size() < 2) return 0;
        int lh = gc.getFontMetrics().getHeight();
        int x = area.x + area.width;
        for (int i = names.size() - 1; i >= 0; i--) {
            int w = gc.textExtent(names.get(i)).x;
            x -= w + 22;
            Color c = color(gc, palette(i));
            gc.setBackground(c);
            gc.fillRectangle(x, area.y + lh / 2 - 5, 10, 10);
            c.dispose();
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            gc.drawText(names.get(i), x + 14, area.y, true);
        }
        return lh + 4;
    }

    /** A label that fits in {@code width} pixels (cut with an ellipsis). */
    protected static String fit(GC gc, String s, int width) {
        if (gc.textExtent(s).x <= width) return s;
        String t = s;
        while (t.length() > 1 && gc.textExtent(t + "…").x > width) t = t.substring(0, t.length() - 1);
        return t + "…";
    }
}
