package org.strata.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Places short labels beside points so that they overlap neither each other nor the marks already drawn:
 * each label tries a few positions around its point, nearest first, and takes the first free one (or the
 * least crowded when none is free). Charts where steps cluster (lossless steps all sit on the source model's
 * point) stay readable.
 */
final class LabelPlacer {
    /** Offsets tried, in order: right-above, left-above, right-below, left-below, then further out. */
    private static final double[][] OFFSETS = { { 7, -7 }, { -7, -7 }, { 7, 15 }, { -7, 15 }, { 7, -21 }, { -7, -21 }, { 7, 29 },
            { -7, 29 }, { 20, 4 }, { -20, 4 } };
    private final List<double[]> taken = new ArrayList<>();
    private final double fontSize;

    LabelPlacer(double fontSize) {
        this.fontSize = fontSize;
    }

    /** Marks a box (x, y, width, height; y is the top) as taken: a point, a legend, another label. */
    void block(double x, double y, double w, double h) {
        taken.add(new double[] { x, y, w, h });
    }

    /** A point marker of radius {@code r} at (cx, cy). */
    void blockPoint(double cx, double cy, double r) {
        block(cx - r, cy - r, 2 * r, 2 * r);
    }

    /**
     * Where to write {@code text} near (x, y): {x, y of the baseline, anchor (0 start, 1 end)}; the spot is
     * then taken.
     */
    double[] place(double x, double y, String text) {
        double w = SvgCanvas.textWidth(text, fontSize) + 2;
        double h = fontSize;
        double[] best = null;
        double bestOverlap = Double.POSITIVE_INFINITY;
        for (double[] o : OFFSETS) {
            double left = o[0] >= 0 ? x + o[0] : x + o[0] - w;
            double top = y + o[1] - h + 2;
            double overlap = 0;
            for (double[] t : taken) overlap += intersection(left, top, w, h, t);
            if (overlap < bestOverlap) {
                bestOverlap = overlap;
                best = new double[] { x + o[0], y + o[1], o[0] >= 0 ? 0 : 1, left, top };
                if (overlap == 0) break;
            }
        }
        block(best[3], best[4], w, h);
        return new double[] { best[0], best[1], best[2] };
    }

    private static double intersection(double x, double y, double w, double h, double[] t) {
        double dx = Math.min(x + w, t[0] + t[2]) - Math.max(x, t[0]);
        double dy = Math.min(y + h, t[1] + t[3]) - Math.max(y, t[1]);
        return dx > 0 && dy > 0 ? dx * dy : 0;
    }
}
