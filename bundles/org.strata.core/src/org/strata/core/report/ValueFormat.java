package org.strata.core.report;

import java.util.Locale;

/**
 * Formats the values of one analysis so that they can be told apart: the number of decimals follows the
 * spread of the values (cosines between 0.9991 and 0.99998 get five, a CKA matrix between 0.4 and 1 gets
 * three), tiny or huge magnitudes go scientific or get thousands separators, NaN is a dash.
 */
record ValueFormat(int decimals, boolean scientific, int significant) {
    private static final int MAX_DECIMALS = 6;

    /** A format for {@code values} (NaN and infinities ignored). */
    static ValueFormat of(double... values) {
        double[] range = AnalysisCharts.range(values);
        double lo = range[0];
        double hi = range[1];
        double largest = lo > hi ? 0 : Math.max(Math.abs(lo), Math.abs(hi));
        if (largest == 0) return new ValueFormat(0, false, 0);
        if (largest < 1e-3 || largest >= 1e7) return new ValueFormat(2, true, 0);
        boolean whole = true;
        for (double v : values) whole &= !Double.isFinite(v) || v == Math.rint(v);
        if (whole) return new ValueFormat(0, false, 0);
        // enough decimals to see 1 % of the spread, and at least three significant digits of the largest value
        double spread = hi - lo;
        int bySpread = spread > 0 ? (int) Math.ceil(-Math.log10(spread / 100)) : 0;
        int bySize = (int) Math.ceil(2 - Math.log10(largest));
        int decimals = Math.max(0, Math.min(MAX_DECIMALS, Math.max(bySpread, bySize)));
        if (largest >= 1e4) decimals = 0;
        return new ValueFormat(decimals, false, 0);
    }

    /** At most {@code max} decimals, for tight spaces such as heat-map cells. */
    ValueFormat atMost(int max) {
        return scientific || decimals <= max ? this : new ValueFormat(max, false, 0);
    }

    /**
     * Each value on its own with {@code digits} significant digits (0.412, 0.0498), for labels that stand
     * beside one mark each (bars) rather than in a column.
     */
    static ValueFormat significant(int digits) {
        return new ValueFormat(0, false, digits);
    }

    String format(double v) {
        if (Double.isNaN(v)) return ReportFormat.MISSING;
        if (Double.isInfinite(v)) return v > 0 ? "\u221e" : ReportFormat.MINUS + "\u221e";
        if (significant > 0) {
            if (v == 0) return "0";
            double a = Math.abs(v);
            String s = a < 1e-4 || a >= 1e7 ? String.format(Locale.ROOT, "%." + (significant - 1) + "e", a)
                    : new java.math.BigDecimal(a).round(new java.math.MathContext(significant)).stripTrailingZeros().toPlainString();
            return (v < 0 ? ReportFormat.MINUS : "") + s;
        }
        String s = scientific ? String.format(Locale.ROOT, "%." + decimals + "e", Math.abs(v))
                : String.format(Locale.ROOT, decimals == 0 ? "%,.0f" : "%." + decimals + "f", Math.abs(v));
        if (s.matches("[0.,]+") && v != 0) {
            // a small value beside large ones: two significant digits rather than a zero that is not one
            s = Math.abs(v) >= 1e-4 ? new java.math.BigDecimal(Math.abs(v)).round(new java.math.MathContext(2)).toPlainString()
                    : String.format(Locale.ROOT, "%.1e", Math.abs(v));
        }
        return (v < 0 ? ReportFormat.MINUS : "") + s;
    }

    /** The longest text this format writes for {@code values}, in characters. */
    int width(double... values) {
        int w = 1;
        for (double v : values) w = Math.max(w, format(v).length());
        return w;
    }
}
