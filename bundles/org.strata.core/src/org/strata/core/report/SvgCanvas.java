package org.strata.core.report;

import static org.strata.core.report.Markup.escape;

import java.util.List;
import java.util.Locale;

/**
 * One inline {@code <svg class="chart">} being written, of any size: the primitives the report's charts are
 * drawn with. All text is escaped; styling comes from the page's CSS classes ({@code .tick}, {@code .value},
 * {@code .grid}, …). Every element that stands for a measured value carries a {@code <title>}, which a
 * browser shows on hover, so a value too small to label is still readable.
 */
final class SvgCanvas {
    private final StringBuilder b = new StringBuilder(8192);
    final double width;
    final double height;

    /** @param maxWidth the largest width it is shown at (CSS pixels), or 0 to fill the figure */
    SvgCanvas(double width, double height, String title, double maxWidth) {
        this.width = width;
        this.height = height;
        b.append("<svg class=\"chart\" viewBox=\"0 0 ").append(f(width)).append(' ').append(f(height)).append('"');
        if (maxWidth > 0) b.append(" style=\"max-width:").append(f(maxWidth)).append("px\"");
        b.append(" role=\"img\" aria-label=\"").append(escape(title)).append("\"><title>").append(escape(title)).append("</title>");
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Text; {@code anchor} is start, middle or end; {@code rotate} in degrees about (x, y), 0 for none. */
    SvgCanvas text(double x, double y, String cls, String anchor, double rotate, String text, String tooltip) {
        b.append("<text class=\"").append(cls).append('"');
        if (rotate != 0) {
            b.append(" transform=\"translate(").append(f(x)).append(',').append(f(y)).append(") rotate(").append(f(rotate)).append(")\"");
        } else {
            b.append(" x=\"").append(f(x)).append("\" y=\"").append(f(y)).append('"');
        }
        if (!"start".equals(anchor)) b.append(" text-anchor=\"").append(anchor).append('"');
        b.append('>');
        if (tooltip != null) b.append("<title>").append(escape(tooltip)).append("</title>");
        b.append(escape(text)).append("</text>");
        return this;
    }

    SvgCanvas text(double x, double y, String cls, String anchor, String text) {
        return text(x, y, cls, anchor, 0, text, null);
    }

    /** A filled rectangle; {@code fill} is a colour this code chose, never user text. */
    SvgCanvas rect(double x, double y, double w, double h, String fill, double radius, String tooltip) {
        b.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"").append(f(Math.max(w, 0)))
                .append("\" height=\"").append(f(Math.max(h, 0))).append('"');
        if (radius > 0) b.append(" rx=\"").append(f(radius)).append('"');
        b.append(" fill=\"").append(fill).append('"');
        if (tooltip == null) return raw("/>");
        b.append("><title>").append(escape(tooltip)).append("</title></rect>");
        return this;
    }

    SvgCanvas line(double x1, double y1, double x2, double y2, String cls) {
        b.append("<line class=\"").append(cls).append("\" x1=\"").append(f(x1)).append("\" y1=\"").append(f(y1)).append("\" x2=\"")
                .append(f(x2)).append("\" y2=\"").append(f(y2)).append("\"/>");
        return this;
    }

    /** A line through {@code points} ({x, y} pairs); nothing for fewer than two. */
    SvgCanvas polyline(List<double[]> points, String colour, boolean dashed) {
        if (points.size() < 2) return this;
        b.append("<polyline class=\"series").append(dashed ? " dashed" : "").append("\" stroke=\"").append(colour).append("\" points=\"");
        for (int i = 0; i < points.size(); i++) {
            if (i > 0) b.append(' ');
            b.append(f(points.get(i)[0])).append(',').append(f(points.get(i)[1]));
        }
        b.append("\"/>");
        return this;
    }

    SvgCanvas point(double x, double y, String colour, String tooltip) {
        b.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"4\" fill=\"").append(colour)
                .append("\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>").append(escape(tooltip)).append("</title></circle>");
        return this;
    }

    /** Colour swatches with their names in one row from (x, y); returns the x after the last. */
    double legend(double x, double y, List<String> names, List<String> colours) {
        for (int i = 0; i < names.size(); i++) {
            rect(x, y, 12, 12, colours.get(i), 2, null);
            text(x + 17, y + 10, "legend", "start", names.get(i));
            x += 17 + textWidth(names.get(i), 11.5) + 18;
        }
        return x;
    }

    /** Markup this code wrote itself. */
    SvgCanvas raw(String markup) {
        b.append(markup);
        return this;
    }

    String end() {
        return b.append("</svg>").toString();
    }

    /** An estimate of the width of {@code s} at {@code fontSize} pixels in the report's sans-serif font. */
    static double textWidth(String s, double fontSize) {
        return s.length() * fontSize * 0.58;
    }
}
