package org.strata.technique.quantize.internal;

/**
 * Counts of values in equal bins over a fixed range {@code [low, high]}; values outside go to the end bins.
 * The thresholds it computes are those of ONNX Runtime's {@code calibrate.py} (HistogramCollector), where
 * TensorRT's entropy calibration comes from:
 * <ul>
 * <li>{@link #percentileOfAbsolute}: over a histogram of |x|, the value below which {@code p}% of the mass
 * lies — a symmetric range {@code [-t, t]};</li>
 * <li>{@link #centralRange}: over a histogram of x, the range that cuts {@code (100 - p) / 2}% from each end;</li>
 * <li>{@link #entropyRange}: over a histogram of x symmetric around 0, the symmetric range whose
 * quantization to {@code quantizedBins} levels loses least information, measured as the KL divergence
 * between the clipped reference distribution P (outliers folded into the end bins) and its quantized
 * expansion Q, both smoothed as ORT does ({@code smooth_distribution}, ε = 1e-4).</li>
 * </ul>
 * Where ORT takes a bin's left edge as the threshold, this takes the right edge, so that the threshold
 * really covers the mass it claims.
 */
final class Histogram {
    private final double low;
    private final double high;
    private final long[] counts;

    Histogram(double low, double high, int bins) {
        if (bins < 2 || !(high >= low)) throw new IllegalArgumentException("histogram over [" + low + ", " + high + "] in " + bins + " bins");
        this.low = low;
        this.high = high;
        this.counts = new long[bins];
    }

    void add(float v) {
        double width = high - low;
        int b = width == 0 ? 0 : (int) ((v - low) / width * counts.length);
        counts[Math.max(0, Math.min(counts.length - 1, b))]++;
    }

    void add(float[] values, int offset, int length, boolean absolute) {
        for (int i = offset; i < offset + length; i++) add(absolute ? Math.abs(values[i]) : values[i]);
    }

    long total() {
        long t = 0;
        for (long c : counts) t += c;
        return t;
    }

    /** The upper edge of bin {@code i}. */
    private double edge(int i) {
        return low + (high - low) * i / counts.length;
    }

    /** Index of the first bin at which the cumulative fraction reaches {@code fraction}. */
    private int binAtFraction(double fraction) {
        long total = total();
        long cumulative = 0;
        for (int i = 0; i < counts.length; i++) {
            cumulative += counts[i];
            if ((double) cumulative / total >= fraction) return i;
        }
        return counts.length - 1;
    }

    /** For a histogram of |x| over {@code [0, max|x|]}: the threshold t holding {@code percentile}% of the values. */
    double percentileOfAbsolute(double percentile) {
        if (total() == 0) return high;
        return edge(binAtFraction(percentile / 100) + 1);
    }

    /** For a histogram of x: {@code [low, high]} cutting {@code (100 - percentile) / 2}% of the values from each end. */
    double[] centralRange(double percentile) {
        if (total() == 0) return new double[] {low, high};
        double cut = (100 - percentile) / 200;
        return new double[] {edge(binAtFraction(cut)), edge(binAtFraction(1 - cut) + 1)};
    }

    /**
     * For a histogram of x over {@code [-a, a]} with an even bin count: the symmetric range {@code [-t, t]} of
     * least KL divergence (see the class comment), t from {@code quantizedBins / 2} bins either side of zero up
     * to the whole histogram.
     */
    double[] entropyRange(int quantizedBins) {
        int bins = counts.length;
        int zero = bins / 2;
        int halfQuantized = quantizedBins / 2;
        if (total() == 0 || halfQuantized >= zero) return new double[] {low, high};
        double best = Double.POSITIVE_INFINITY;
        double[] bestRange = {low, high};
        for (int i = halfQuantized; i <= zero; i++) {
            int start = zero - i;
            int end = Math.min(bins, zero + i + 1);
            double divergence = divergence(start, end, quantizedBins);
            if (divergence < best) {
                best = divergence;
                bestRange = new double[] {edge(start), edge(end)};
            }
        }
        return bestRange;
    }

    /**
     * KL(P ‖ Q) for the slice {@code [start, end)} quantized to {@code quantizedBins} levels; +∞ when undefined.
     * Q spreads each level's count evenly over the bins it merges where P is not empty (the last level also
     * takes the bins left over), as TensorRT's and MXNet's calibrators do.
     */
    private double divergence(int start, int end, int quantizedBins) {
        int n = end - start;
        double[] p = new double[n];
        for (int j = 0; j < n; j++) p[j] = counts[start + j];
        for (int j = 0; j < start; j++) p[0] += counts[j];
        for (int j = end; j < counts.length; j++) p[n - 1] += counts[j];
        int merged = n / quantizedBins;
        double[] q = new double[n];
        for (int b = 0; b < quantizedBins; b++) {
            int from = b * merged;
            int to = b == quantizedBins - 1 ? n : from + merged;
            double sum = 0;
            int nonzero = 0;
            for (int j = from; j < to; j++) {
                sum += counts[start + j];
                if (p[j] != 0) nonzero++;
            }
            if (nonzero == 0) continue;
            for (int j = from; j < to; j++) if (p[j] != 0) q[j] = sum / nonzero;
        }
        double[] ps = smooth(p);
        double[] qs = smooth(q);
        if (ps == null || qs == null) return Double.POSITIVE_INFINITY;
        return klDivergence(ps, qs);
    }

    /** ORT's {@code smooth_distribution}: move ε of mass onto empty bins; null when all bins are empty or it cannot. */
    static double[] smooth(double[] p) {
        final double eps = 1e-4;
        int zeros = 0;
        for (double v : p) if (v == 0) zeros++;
        int nonzeros = p.length - zeros;
        if (nonzeros == 0) return null;
        double eps1 = eps * zeros / nonzeros;
        if (eps1 >= 1) return null;
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i] == 0 ? eps : p[i] - eps1;
            if (out[i] <= 0) return null;
        }
        return out;
    }

    /** scipy's {@code entropy(p, q)}: both normalised, Σ p·ln(p/q). */
    static double klDivergence(double[] p, double[] q) {
        double sp = 0;
        double sq = 0;
        for (int i = 0; i < p.length; i++) {
            sp += p[i];
            sq += q[i];
        }
        double kl = 0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] / sp;
            if (pi > 0) kl += pi * Math.log(pi / (q[i] / sq));
        }
        return kl;
    }
}
