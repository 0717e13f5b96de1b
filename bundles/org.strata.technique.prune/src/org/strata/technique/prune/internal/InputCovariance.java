package org.strata.technique.prune.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.strata.core.ModelRunner;
import org.strata.core.ProgressMonitor;
import org.strata.core.TechniqueException;
import org.strata.onnx.Model;
import org.strata.onnx.structure.Projection;
import org.strata.runtime.ActivationCapture.CapturedTensor;

/**
 * The mean and covariance of what a projection reads (its input features over the real tokens of the
 * calibration data): what a least-squares refit of the projection's weights after removing some of its input
 * features needs ({@link Surgeon}). Padded positions are skipped by the attention mask.
 *
 * <p>The second moment is accumulated in double precision, in blocks of tokens with the inner loop running over
 * contiguous features, so a 1536-wide FFN over a few thousand tokens takes seconds, not minutes.
 */
final class InputCovariance {
    private final int width;
    private final double[][] moment;
    private final double[] sum;
    private long tokens;

    private InputCovariance(int width) {
        this.width = width;
        this.moment = new double[width][];
        for (int i = 0; i < width; i++) moment[i] = new double[width - i];
        this.sum = new double[width];
    }

    /** Nothing measured yet, {@code width} features. */
    static InputCovariance empty(int width) {
        return new InputCovariance(width);
    }

    /**
     * Runs {@code model} on at most {@code texts} calibration texts and measures the inputs of every projection of
     * {@code projections} (keys: caller's labels, e.g. block numbers), all in one pass.
     *
     * @throws TechniqueException when a captured input does not have the projection's width
     */
    static <K> Map<K, InputCovariance> measure(Model model, Map<K, Projection> projections, ModelRunner runner, int texts,
            ProgressMonitor monitor) {
        Map<K, InputCovariance> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        projections.forEach((k, p) -> {
            out.put(k, new InputCovariance((int) p.inFeatures()));
            names.add(p.input().name());
        });
        runner.capture(model, names, texts, batch -> {
            monitor.checkCanceled();
            projections.forEach((k, p) -> {
                CapturedTensor t = batch.tensor(p.input().name());
                out.get(k).add(t, batch.attentionMask(), p.node().describe());
            });
        });
        for (var e : out.entrySet()) {
            if (e.getValue().tokens == 0) {
                throw new TechniqueException("no calibration token reached the input of " + projections.get(e.getKey()).node().describe());
            }
        }
        return out;
    }

    /** Adds the real tokens of a [batch, seq, width] (or [rows, width]) tensor. */
    void add(CapturedTensor t, long[][] mask, String what) {
        if (t.rank() < 2 || t.dim(t.rank() - 1) != width) {
            throw new TechniqueException("the input of " + what + " has shape " + Arrays.toString(t.shape()) + "; expected "
                    + width + " features in the last dimension");
        }
        float[] v = t.values();
        int rows = v.length / width;
        boolean masked = t.rank() == 3 && mask.length == t.dim(0) && t.dim(0) > 0 && mask[0].length == t.dim(1);
        int seq = t.rank() == 3 ? t.dim(1) : 1;
        int[] real = new int[rows];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            if (masked && mask[r / seq][r % seq] == 0) continue;
            real[n++] = r;
        }
        final int tile = 256;
        float[] block = new float[Math.min(tile, Math.max(1, n)) * width];
        for (int start = 0; start < n; start += tile) {
            int count = Math.min(tile, n - start);
            for (int i = 0; i < count; i++) System.arraycopy(v, real[start + i] * width, block, i * width, width);
            accumulate(block, count);
        }
        tokens += n;
    }

    private void accumulate(float[] rows, int count) {
        for (int t = 0; t < count; t++) {
            int base = t * width;
            for (int j = 0; j < width; j++) sum[j] += rows[base + j];
        }
        for (int i = 0; i < width; i++) {
            double[] m = moment[i];
            for (int t = 0; t < count; t++) {
                int base = t * width;
                double a = rows[base + i];
                if (a == 0) continue;
                for (int j = i; j < width; j++) m[j - i] += a * rows[base + j];
            }
        }
    }

    int width() {
        return width;
    }

    long tokens() {
        return tokens;
    }

    /** Mean of every input feature. */
    double[] mean() {
        double[] m = new double[width];
        for (int i = 0; i < width; i++) m[i] = sum[i] / tokens;
        return m;
    }

    /** The (biased) covariance matrix, full and symmetric. */
    double[][] covariance() {
        double[] mu = mean();
        double[][] c = new double[width][width];
        for (int i = 0; i < width; i++) {
            for (int j = i; j < width; j++) {
                double v = moment[i][j - i] / tokens - mu[i] * mu[j];
                c[i][j] = v;
                c[j][i] = v;
            }
        }
        return c;
    }
}
