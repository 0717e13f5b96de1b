package org.strata.technique.quantize.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.strata.core.ModelRunner;
import org.strata.core.ProgressMonitor;
import org.strata.core.TechniqueException;
import org.strata.onnx.Model;

/**
 * Activation-aware weight quantization (Lin et al., "AWQ: Activation-aware Weight Quantization for LLM
 * Compression and Acceleration", MLSys 2024), the per-channel scale search of its {@code auto_scale}:
 * input channels that carry large activations matter most, so before quantizing, each input row k of the
 * weight is multiplied by {@code s_k} and the activation divided by it ({@code x·W = (x / s)·(s·W)}); the
 * blockwise rounding error then falls less on the salient channels. With {@code s = mean|x|^α}, normalised so
 * that {@code √(max s · min s) = 1}, α is chosen on a grid over [0, 1] to minimise the error of the layer's
 * output on calibration activations, {@code Σ_t ‖x_t·W − (x_t / s)·Q(s·W)‖²}, summed over the products that
 * read the same activation (Q, K and V; gate and up). α = 0 is plain round-to-nearest, so the search never
 * does worse than it on the sample. AWQ's further clipping search is not done.
 */
final class AwqSearch {
    /**
     * What calibration saw of one activation.
     *
     * @param meanAbs mean |x| per channel over every real token
     * @param rows a seeded uniform sample of real-token rows, {@code count × width}
     * @param count rows in the sample
     */
    record Sample(float[] meanAbs, float[] rows, int count) {
        int width() {
            return meanAbs.length;
        }
    }

    /**
     * The chosen scaling of one group of products.
     *
     * @param alpha the exponent chosen
     * @param scales s per input channel (multiply weight rows, divide the activation)
     * @param rtnError output error of plain round-to-nearest (α = 0) on the sample
     * @param error output error with the chosen scales
     */
    record Result(double alpha, float[] scales, double rtnError, double error) {
    }

    private AwqSearch() {
    }

    /**
     * Runs the model on calibration texts and samples the activations {@code values}: mean |x| per channel over
     * all real tokens, and up to {@code tokens} rows drawn uniformly (reservoir sampling, fixed seed).
     */
    static Map<String, Sample> collect(ModelRunner runner, Model model, List<String> values, int texts, int tokens,
            ProgressMonitor monitor) {
        int n = values.size();
        double[][] sums = new double[n][];
        float[][] reservoir = new float[n][];
        long[] seen = new long[n];
        Random random = new Random(20240501L);
        monitor.begin("sampling " + n + " activations on calibration texts", runner.inputs(texts).batches());
        runner.capture(model, values, texts, batch -> {
            monitor.checkCanceled();
            for (int i = 0; i < n; i++) {
                int a = i;
                TokenRows.forEach(batch.tensor(values.get(i)), batch.attentionMask(), (v, off, width) -> {
                    if (sums[a] == null) {
                        sums[a] = new double[width];
                        reservoir[a] = new float[tokens * width];
                    }
                    for (int k = 0; k < width; k++) {
                        float x = v[off + k];
                        if (!Float.isFinite(x)) {
                            throw new TechniqueException("calibration saw " + x + " in activation '" + values.get(a)
                                    + "'; the model overflows on the calibration texts");
                        }
                        sums[a][k] += Math.abs(x);
                    }
                    long t = seen[a]++;
                    long slot = t < tokens ? t : (long) (random.nextDouble() * (t + 1));
                    if (slot < tokens) System.arraycopy(v, off, reservoir[a], (int) slot * width, width);
                });
            }
            monitor.worked(1);
        });
        Map<String, Sample> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (seen[i] == 0) throw new TechniqueException("calibration saw no real token of activation '" + values.get(i) + "'");
            int width = sums[i].length;
            float[] mean = new float[width];
            for (int k = 0; k < width; k++) mean[k] = (float) (sums[i][k] / seen[i]);
            int count = (int) Math.min(tokens, seen[i]);
            float[] rows = count * width == reservoir[i].length ? reservoir[i] : java.util.Arrays.copyOf(reservoir[i], count * width);
            out.put(values.get(i), new Sample(mean, rows, count));
        }
        return out;
    }

    /**
     * Searches α for products reading one activation.
     *
     * @param x the activation's sample
     * @param weights each product's weight transposed, {@code [out, in]} row-major ({@code in = x.width()})
     * @param outs each product's output count
     * @param grid α values tried: {@code i / (grid - 1)} for i in 0..grid-1
     */
    static Result search(Sample x, List<float[]> weights, List<Integer> outs, int blockSize, boolean symmetric, int grid,
            ProgressMonitor monitor) {
        int k = x.width();
        double bestError = Double.POSITIVE_INFINITY;
        double bestAlpha = 0;
        float[] best = null;
        double rtn = Double.NaN;
        for (int g = 0; g < grid; g++) {
            monitor.checkCanceled();
            double alpha = (double) g / (grid - 1);
            float[] s = scales(x.meanAbs(), alpha);
            double error = 0;
            for (int p = 0; p < weights.size(); p++) error += outputError(x, weights.get(p), outs.get(p), k, s, blockSize, symmetric);
            if (g == 0) rtn = error;
            if (error < bestError) {
                bestError = error;
                bestAlpha = alpha;
                best = s;
            }
        }
        return new Result(bestAlpha, best, rtn, bestError);
    }

    /** {@code s = max(mean|x|, 1e-4)^α / √(max s · min s)}. */
    static float[] scales(float[] meanAbs, double alpha) {
        float[] s = new float[meanAbs.length];
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.length; i++) {
            double v = Math.pow(Math.max(meanAbs[i], 1e-4), alpha);
            s[i] = (float) v;
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        double norm = Math.sqrt(max * min);
        for (int i = 0; i < s.length; i++) s[i] = (float) (s[i] / norm);
        return s;
    }

    /** {@code Σ_t ‖x_t·(W − Q(s·W)/s)‖²} over the sample, W given as {@code [out, in]}. */
    private static double outputError(Sample x, float[] wt, int out, int in, float[] s, int blockSize, boolean symmetric) {
        float[] scaled = new float[wt.length];
        for (int n = 0; n < out; n++) {
            for (int i = 0; i < in; i++) scaled[n * in + i] = wt[n * in + i] * s[i];
        }
        Int4Blocks.roundTrip(scaled, out, in, blockSize, symmetric, scaled);
        float[] d = scaled;
        for (int n = 0; n < out; n++) {
            for (int i = 0; i < in; i++) d[n * in + i] = wt[n * in + i] - d[n * in + i] / s[i];
        }
        double error = 0;
        float[] rows = x.rows();
        for (int t = 0; t < x.count(); t++) {
            int xo = t * in;
            for (int n = 0; n < out; n++) {
                double e = dot(rows, xo, d, n * in, in);
                error += e * e;
            }
        }
        return error;
    }

    /** A dot product with four independent sums, which the JIT pipelines well. */
    private static double dot(float[] a, int ao, float[] b, int bo, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < n; i++) s0 += a[ao + i] * b[bo + i];
        return (double) s0 + s1 + s2 + s3;
    }
}
