package org.strata.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.strata.core.AnalysisTable;
import org.strata.core.ModelRunner;
import org.strata.onnx.Model;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.FeedForward;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.ActivationCapture.CapturedTensor;

/**
 * How much each FFN neuron contributes, per block, measured on calibration data: the mean over real tokens
 * of |a_j| — the neuron's activation as the down projection reads it (after the nonlinearity; the gated
 * product {@code act(gate)·up} for SwiGLU/GeGLU) — times ‖W_down[j, :]‖₂, the norm of the row through which
 * it reaches the residual stream. A neuron with a small score adds little to the block's output whatever
 * the input; removing it changes the output by about that much. This is the magnitude criterion used for
 * structured FFN pruning without retraining (e.g. the activation × weight-norm scores of Wanda, Sun et al.
 * 2023, applied per neuron).
 *
 * <p>Alongside, per neuron, the mean activation and the fluctuation Var(a_j)·‖W_down[j, :]‖²: the part of the
 * neuron's contribution that a constant cannot stand in for. A pruning that adds the removed neurons' mean
 * contribution to the down projection's bias loses only that part (the fluctuation criterion and bias
 * compensation of FLAP, An et al., "Fluctuation-based Adaptive Structured Pruning for Large Language Models",
 * AAAI 2024).
 *
 * <pre>{@code
 * NeuronImportance n = NeuronImportance.measure(model, structure, ctx.runner(), 64);
 * double[] scores = n.scores(2);      // block 2, one score per neuron
 * }</pre>
 */
public final class NeuronImportance {
    /** {@link AnalysisTable#id()} of {@link #table()}. */
    public static final String ID = "ffn-neuron-importance";

    private final double[][] scores;
    private final double[][] fluctuations;
    private final double[][] means;
    private final double[] streamNorms;
    private final long tokens;

    private NeuronImportance(double[][] scores, double[][] fluctuations, double[][] means, double[] streamNorms, long tokens) {
        this.scores = scores;
        this.fluctuations = fluctuations;
        this.means = means;
        this.streamNorms = streamNorms;
        this.tokens = tokens;
    }

    /**
     * Runs {@code model} on at most {@code maxTexts} calibration texts and scores every FFN neuron of every
     * block of {@code structure} (discovered on {@code model}).
     *
     * @throws org.strata.core.TechniqueException when a down projection has no float weight
     */
    public static NeuronImportance measure(Model model, TransformerStructure structure, ModelRunner runner, int maxTexts) {
        int n = structure.blockCount();
        double[][] rowNorms = new double[n][];
        List<String> values = new ArrayList<>();
        for (Block b : structure.blocks()) {
            FeedForward f = b.ffn();
            rowNorms[b.number() - 1] = ProjectionWeights.of(f.down()).rowNorms();
            values.add(f.down().input().name());
            values.add(b.input().name());
        }
        double[][] sums = new double[n][];
        double[][] plain = new double[n][];
        double[][] squares = new double[n][];
        for (int i = 0; i < n; i++) {
            sums[i] = new double[rowNorms[i].length];
            plain[i] = new double[rowNorms[i].length];
            squares[i] = new double[rowNorms[i].length];
        }
        double[] streams = new double[n];
        long[] count = new long[1];
        runner.capture(model, values, maxTexts, batch -> {
            long[][] mask = batch.attentionMask();
            for (Block b : structure.blocks()) {
                int i = b.number() - 1;
                double[] s = sums[i], p = plain[i], q = squares[i];
                CapturedTensor a = batch.tensor(b.ffn().down().input().name());
                requireWidth(a, s.length, "the input of the down projection of block " + b.number());
                long seen = forEachToken(a, mask, (v, at, width) -> {
                    for (int j = 0; j < width; j++) {
                        double x = v[at + j];
                        s[j] += Math.abs(x);
                        p[j] += x;
                        q[j] += x * x;
                    }
                });
                streams[i] += meanNormSum(batch.tensor(b.input().name()), mask);
                if (i == 0) count[0] += seen;
            }
        });
        long tokens = Math.max(1, count[0]);
        double[][] scores = new double[n][];
        double[][] fluctuations = new double[n][];
        for (int i = 0; i < n; i++) {
            int w = sums[i].length;
            scores[i] = new double[w];
            fluctuations[i] = new double[w];
            for (int j = 0; j < w; j++) {
                double mean = plain[i][j] / tokens;
                scores[i][j] = sums[i][j] / tokens * rowNorms[i][j];
                fluctuations[i][j] = Math.max(0, squares[i][j] / tokens - mean * mean) * rowNorms[i][j] * rowNorms[i][j];
                plain[i][j] = mean;
            }
            streams[i] /= tokens;
        }
        return new NeuronImportance(scores, fluctuations, plain, streams, count[0]);
    }

    /** One score per neuron of block {@code number} (from 1), in the order of the up projection's columns. */
    public double[] scores(int number) {
        return scores[number - 1].clone();
    }

    /**
     * Per neuron of block {@code number}: Var(a_j)·‖W_down[j, :]‖², the squared size of what removing the neuron
     * changes when its mean contribution is put into the bias instead.
     */
    public double[] fluctuations(int number) {
        return fluctuations[number - 1].clone();
    }

    /** Per neuron of block {@code number}: its mean activation over the calibration tokens. */
    public double[] means(int number) {
        return means[number - 1].clone();
    }

    public int blockCount() {
        return scores.length;
    }

    /**
     * The mean ‖x‖₂ over real tokens of the residual stream entering block {@code number}: the scale to divide
     * scores by when neurons of different blocks are compared (the stream grows with depth in pre-LN models).
     */
    public double streamNorm(int number) {
        return streamNorms[number - 1];
    }

    /** How many real tokens the scores average over. */
    public long tokens() {
        return tokens;
    }

    /** Per block: neuron count and the distribution of the scores (minimum, percentiles, maximum). */
    public AnalysisTable table() {
        return table(false);
    }

    /**
     * As {@link #table()}, of the scores ({@code fluctuation} false) or of √fluctuation (true), the criterion a
     * pruning with bias compensation ranks by.
     */
    public AnalysisTable table(boolean fluctuation) {
        List<String> rows = new ArrayList<>();
        List<String> cols = List.of("neurons", "min", "p10", "p25", "median", "p75", "p90", "max");
        double[][] v = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            rows.add("block " + (i + 1));
            double[] s = fluctuation ? Arrays.stream(fluctuations[i]).map(Math::sqrt).toArray() : scores[i].clone();
            Arrays.sort(s);
            v[i] = new double[] {s.length, s[0], percentile(s, 0.10), percentile(s, 0.25), percentile(s, 0.5),
                    percentile(s, 0.75), percentile(s, 0.9), s[s.length - 1]};
        }
        return new AnalysisTable(ID, fluctuation ? "FFN neuron importance per block (√(Var activation) × ‖W_down row‖)"
                : "FFN neuron importance per block (mean |activation| × ‖W_down row‖)", AnalysisTable.Kind.TABLE, rows, cols, v,
                "", "Scores measured on " + tokens + " calibration tokens. A block whose low percentiles are small next to its "
                        + "median has neurons that can go at little cost.");
    }

    /** The {@code q}-quantile of sorted values, interpolated. */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 1) return sorted[0];
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    @FunctionalInterface
    interface TokenVisitor {
        /** One real token: its features are {@code values[at .. at + width)}. */
        void token(float[] values, int at, int width);
    }

    /**
     * Visits the rows of {@code t} that are real tokens: a [batch, sequence, width] tensor with the attention
     * mask (a missing or mismatched mask, as for images, counts every position), or a [rows, width] tensor
     * row by row. Returns how many rows it visited.
     */
    static long forEachToken(CapturedTensor t, long[][] mask, TokenVisitor visitor) {
        int width = t.dim(t.rank() - 1);
        float[] values = t.values();
        if (t.rank() == 3) {
            int batch = t.dim(0), seq = t.dim(1);
            boolean useMask = mask.length == batch && batch > 0 && mask[0].length == seq;
            long n = 0;
            for (int b = 0; b < batch; b++) {
                for (int s = 0; s < seq; s++) {
                    if (useMask && mask[b][s] == 0) continue;
                    visitor.token(values, (b * seq + s) * width, width);
                    n++;
                }
            }
            return n;
        }
        int rows = values.length / Math.max(1, width);
        for (int r = 0; r < rows; r++) visitor.token(values, r * width, width);
        return rows;
    }

    /** @throws IllegalStateException when the last dimension of {@code t} is not {@code width} */
    static void requireWidth(CapturedTensor t, int width, String what) {
        if (t.rank() < 2 || t.dim(t.rank() - 1) != width) {
            throw new IllegalStateException(what + " has shape " + Arrays.toString(t.shape()) + "; expected " + width
                    + " features in the last dimension");
        }
    }

    /** The sum over real tokens of ‖x‖₂. */
    static double meanNormSum(CapturedTensor t, long[][] mask) {
        double[] sum = new double[1];
        forEachToken(t, mask, (v, at, width) -> {
            double s = 0;
            for (int j = 0; j < width; j++) s += (double) v[at + j] * v[at + j];
            sum[0] += Math.sqrt(s);
        });
        return sum[0];
    }
}
