package org.strata.technique.quantize.internal;

import org.strata.onnx.DataType;

/**
 * How constant weights become integers: the integer type and range, symmetric or not, one scale per channel
 * or per tensor. The arithmetic follows ONNX Runtime's {@code quantize_dynamic} ({@code compute_scale_zp}
 * and {@code get_qmin_qmax_for_qType}) so that a user comparing the two sees the same codes:
 * <ul>
 * <li>range: int8 [-128, 127], or [-127, 127] when symmetric; uint8 [0, 255]; with {@code reduceRange}
 * 7 bits — int8 [-64, 64], uint8 [0, 127] — for CPUs without VNNI, whose uint8×int8 products can
 * saturate 16-bit sums;</li>
 * <li>the real range always includes 0: {@code rmin = min(0, min w)}, {@code rmax = max(0, max w)};
 * symmetric makes it {@code [-max|w|, max|w|]};</li>
 * <li>{@code scale = (rmax - rmin) / (qmax - qmin)} in float; zero point {@code round((qmin + qmax) / 2)}
 * when symmetric (0 for int8, 128 for uint8), else {@code round(qmin - rmin / scale)}; rounding is
 * half-to-even, as numpy's;</li>
 * <li>a channel that is all zeros gets scale 1.</li>
 * </ul>
 */
public record QuantizationScheme(DataType type, int qmin, int qmax, boolean symmetric, boolean perChannel) {
    public QuantizationScheme {
        if (type != DataType.INT8 && type != DataType.UINT8) throw new IllegalArgumentException("type " + type);
        if (qmin >= qmax) throw new IllegalArgumentException("range [" + qmin + ", " + qmax + "]");
    }

    public static QuantizationScheme of(DataType type, boolean symmetric, boolean reduceRange, boolean perChannel) {
        int qmin;
        int qmax;
        if (type == DataType.INT8) {
            qmin = reduceRange ? -64 : symmetric ? -127 : -128;
            qmax = reduceRange ? 64 : 127;
        } else {
            qmin = 0;
            qmax = reduceRange ? 127 : 255;
        }
        return new QuantizationScheme(type, qmin, qmax, symmetric, perChannel);
    }

    /** The same scheme with one scale per channel or one for the whole tensor. */
    public QuantizationScheme withPerChannel(boolean channels) {
        return new QuantizationScheme(type, qmin, qmax, symmetric, channels);
    }

    /**
     * Quantizes a row-major {@code rows × cols} matrix.
     *
     * @param channelsAreRows true: one channel per row (embedding tables); false: one per column (MatMul weights [in, out])
     * @return the codes in the same layout, with one scale and zero point per channel (or one in all)
     * @throws IllegalArgumentException naming the first non-finite element, which no scale can represent
     */
    public QuantizedWeight quantize(float[] w, int rows, int cols, boolean channelsAreRows) {
        int channels = perChannel ? (channelsAreRows ? rows : cols) : 1;
        float[] min = new float[channels];
        float[] max = new float[channels];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float v = w[r * cols + c];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("element [" + r + ", " + c + "] is " + v);
                }
                int ch = channel(r, c, channelsAreRows);
                min[ch] = Math.min(min[ch], v);
                max[ch] = Math.max(max[ch], v);
            }
        }
        float[] scales = new float[channels];
        int[] zeroPoints = new int[channels];
        for (int ch = 0; ch < channels; ch++) {
            ScaleZeroPoint p = forRange(min[ch], max[ch]);
            scales[ch] = p.scale();
            zeroPoints[ch] = p.zeroPoint();
        }
        byte[] codes = new byte[w.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int ch = channel(r, c, channelsAreRows);
                int q = clamp((int) Math.rint(w[r * cols + c] / scales[ch]) + zeroPoints[ch]);
                codes[r * cols + c] = (byte) q;
            }
        }
        return new QuantizedWeight(type, rows, cols, codes, scales, zeroPoints, perChannel);
    }

    /** A scale and the integer that stands for real 0. */
    public record ScaleZeroPoint(float scale, int zeroPoint) {
    }

    /**
     * The scale and zero point for real values in {@code [min, max]}: one channel of a weight, or an activation's
     * calibrated range. The range is widened to include 0 (and made symmetric when the scheme is).
     */
    public ScaleZeroPoint forRange(float min, float max) {
        float rmin = Math.min(0, min);
        float rmax = Math.max(0, max);
        if (symmetric) {
            float absMax = Math.max(Math.abs(rmin), Math.abs(rmax));
            rmin = -absMax;
            rmax = absMax;
        }
        float scale = (rmax - rmin) / (float) (qmax - qmin);
        if (scale == 0 || !Float.isFinite(scale)) scale = 1;
        int zeroPoint = symmetric ? (int) Math.rint((qmin + qmax) / 2.0) : clamp((int) Math.rint(qmin - rmin / scale));
        return new ScaleZeroPoint(scale, zeroPoint);
    }

    private int channel(int r, int c, boolean channelsAreRows) {
        return perChannel ? (channelsAreRows ? r : c) : 0;
    }

    private int clamp(int q) {
        return Math.max(qmin, Math.min(qmax, q));
    }

    /** "int8 per-channel symmetric", for summaries. */
    public String describe() {
        return type.onnxName() + (qmax - qmin < 200 ? " (7-bit range)" : "") + " " + (perChannel ? "per-channel" : "per-tensor")
                + " " + (symmetric ? "symmetric" : "asymmetric");
    }
}
