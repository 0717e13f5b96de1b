package org.strata.core.analysis;

import java.util.ArrayList;
import java.util.List;

import org.strata.core.AnalysisTable;
import org.strata.core.ModelRunner;
import org.strata.onnx.Model;
import org.strata.onnx.structure.Attention;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.ActivationCapture.CapturedTensor;

/**
 * How much each attention head contributes, per block, measured on calibration data: the mean over real
 * tokens of ‖c_h · W_o[h]‖₂, where c_h is the head's slice of the attention context (the concatenated head
 * outputs the output projection reads) and W_o[h] the rows of the output projection that slice meets. That
 * vector is exactly what the head adds to the block's attention output (before the bias), so its norm is what
 * removing the head takes away: an ablation magnitude that needs no gradients and no extra runs. It refines
 * the simpler ‖c_h‖ · ‖W_o[h]‖ bound by the directions the two actually share, and is computed through the
 * d×d Gram matrix W_o[h]·W_o[h]ᵀ per head (‖c W‖² = c·(W Wᵀ)·cᵀ), so the cost per token is hidden × head size.
 * Compare Michel et al., "Are Sixteen Heads Really Better than One?" (NeurIPS 2019), whose first-order
 * Taylor proxy needs gradients Strata does not have.
 *
 * <p>Alongside, per head, the fluctuation E‖c_h·W_o[h] − E[c_h·W_o[h]]‖² and the mean context: a pruning that
 * adds a removed head's mean contribution E[c_h]·W_o[h] to the output projection's bias loses only the fluctuation
 * (the criterion and bias compensation of FLAP, An et al., AAAI 2024).
 *
 * <p>With grouped-query attention the scores are per query head; {@link #groupScores} adds up the query heads
 * that share one key/value head.
 *
 * <pre>{@code
 * HeadImportance h = HeadImportance.measure(model, structure, ctx.runner(), 64);
 * double[] block1 = h.scores(1);   // one per query head
 * AnalysisTable heatmap = h.table();
 * }</pre>
 */
public final class HeadImportance {
    /** {@link AnalysisTable#id()} of {@link #table()}. */
    public static final String ID = "head-importance";

    private final double[][] scores;
    private final double[][] fluctuations;
    private final double[][] means;
    private final int[] kvHeads;
    private final double[] streamNorms;
    private final long tokens;

    private HeadImportance(double[][] scores, double[][] fluctuations, double[][] means, int[] kvHeads, double[] streamNorms,
            long tokens) {
        this.scores = scores;
        this.fluctuations = fluctuations;
        this.means = means;
        this.kvHeads = kvHeads;
        this.streamNorms = streamNorms;
        this.tokens = tokens;
    }

    /**
     * Runs {@code model} on at most {@code maxTexts} calibration texts and scores every head of every block of
     * {@code structure} (discovered on {@code model}).
     *
     * @throws org.strata.core.TechniqueException when an output projection has no float weight
     */
    public static HeadImportance measure(Model model, TransformerStructure structure, ModelRunner runner, int maxTexts) {
        int n = structure.blockCount();
        double[][][] grams = new double[n][][];
        int[] heads = new int[n];
        int[] kv = new int[n];
        int[] size = new int[n];
        List<String> values = new ArrayList<>();
        for (Block b : structure.blocks()) {
            Attention a = b.attention();
            int i = b.number() - 1;
            heads[i] = a.heads();
            kv[i] = a.kvHeads();
            size[i] = a.headSize();
            grams[i] = headGrams(ProjectionWeights.of(a.o()), a.heads(), a.headSize());
            values.add(a.o().input().name());
            values.add(b.input().name());
        }
        double[][] sums = new double[n][];
        double[][] squares = new double[n][];
        double[][] contexts = new double[n][];
        for (int i = 0; i < n; i++) {
            sums[i] = new double[heads[i]];
            squares[i] = new double[heads[i]];
            contexts[i] = new double[heads[i] * size[i]];
        }
        double[] streams = new double[n];
        long[] count = new long[1];
        runner.capture(model, values, maxTexts, batch -> {
            long[][] mask = batch.attentionMask();
            for (Block b : structure.blocks()) {
                int i = b.number() - 1;
                int d = size[i];
                double[] s = sums[i], sq = squares[i], ctx = contexts[i];
                double[][] g = grams[i];
                CapturedTensor context = batch.tensor(b.attention().o().input().name());
                NeuronImportance.requireWidth(context, heads[i] * d, "the attention context of block " + b.number());
                long seen = NeuronImportance.forEachToken(context, mask, (v, at, width) -> {
                    for (int j = 0; j < width; j++) ctx[j] += v[at + j];
                    for (int h = 0; h < s.length; h++) {
                        double[] gh = g[h];
                        int base = at + h * d;
                        double q = 0;
                        for (int r = 0; r < d; r++) {
                            double row = 0;
                            for (int c = 0; c < d; c++) row += gh[r * d + c] * v[base + c];
                            q += v[base + r] * row;
                        }
                        s[h] += Math.sqrt(Math.max(0, q));
                        sq[h] += q;
                    }
                });
                streams[i] += NeuronImportance.meanNormSum(batch.tensor(b.input().name()), mask);
                if (i == 0) count[0] += seen;
            }
        });
        long tokens = Math.max(1, count[0]);
        double[][] fluctuations = new double[n][];
        for (int i = 0; i < n; i++) {
            int d = size[i];
            for (int j = 0; j < contexts[i].length; j++) contexts[i][j] /= tokens;
            fluctuations[i] = new double[heads[i]];
            for (int h = 0; h < heads[i]; h++) {
                sums[i][h] /= tokens;
                double meanSquare = 0;
                for (int r = 0; r < d; r++) {
                    double row = 0;
                    for (int c = 0; c < d; c++) row += grams[i][h][r * d + c] * contexts[i][h * d + c];
                    meanSquare += contexts[i][h * d + r] * row;
                }
                fluctuations[i][h] = Math.max(0, squares[i][h] / tokens - meanSquare);
            }
            streams[i] /= tokens;
        }
        return new HeadImportance(sums, fluctuations, contexts, kv, streams, count[0]);
    }

    /** W_o[h]·W_o[h]ᵀ (head size × head size, row-major) for each head h, from the [heads × size, out] weight. */
    private static double[][] headGrams(ProjectionWeights w, int heads, int size) {
        float[] m = w.matrix();
        int out = w.out();
        double[][] grams = new double[heads][size * size];
        for (int h = 0; h < heads; h++) {
            for (int r = 0; r < size; r++) {
                int rowR = (h * size + r) * out;
                for (int c = r; c < size; c++) {
                    int rowC = (h * size + c) * out;
                    double dot = 0;
                    for (int k = 0; k < out; k++) dot += (double) m[rowR + k] * m[rowC + k];
                    grams[h][r * size + c] = dot;
                    grams[h][c * size + r] = dot;
                }
            }
        }
        return grams;
    }

    /** One score per query head of block {@code number} (from 1). */
    public double[] scores(int number) {
        return scores[number - 1].clone();
    }

    /**
     * One score per key/value group of block {@code number}: the sum of the scores of the query heads sharing
     * that key/value head (query head h belongs to group h / (heads / kvHeads)). Equal to {@link #scores} when
     * every head has its own keys and values.
     */
    public double[] groupScores(int number) {
        return perGroup(scores[number - 1], kvHeads[number - 1]);
    }

    private static double[] perGroup(double[] s, int groups) {
        int per = s.length / groups;
        double[] g = new double[groups];
        for (int h = 0; h < s.length; h++) g[h / per] += s[h];
        return g;
    }

    /** Per query head of block {@code number}: E‖c_h·W_o[h] − E[c_h·W_o[h]]‖², what removing it costs with bias compensation. */
    public double[] fluctuations(int number) {
        return fluctuations[number - 1].clone();
    }

    /** {@link #fluctuations} summed per key/value group, as {@link #groupScores} sums the scores. */
    public double[] groupFluctuations(int number) {
        return perGroup(fluctuations[number - 1], kvHeads[number - 1]);
    }

    /** The mean attention context of block {@code number} (heads × head size values, the output projection's input). */
    public double[] meanContext(int number) {
        return means[number - 1].clone();
    }

    public int blockCount() {
        return scores.length;
    }

    /** The mean ‖x‖₂ over real tokens of the residual stream entering block {@code number} (for comparing blocks). */
    public double streamNorm(int number) {
        return streamNorms[number - 1];
    }

    /** How many real tokens the scores average over. */
    public long tokens() {
        return tokens;
    }

    /** Blocks × heads; NaN where a block has fewer heads than the widest. */
    public AnalysisTable table() {
        return table(false);
    }

    /** As {@link #table()}, of the scores ({@code fluctuation} false) or of √fluctuation (true). */
    public AnalysisTable table(boolean fluctuation) {
        double[][] shown = scores;
        if (fluctuation) {
            shown = new double[fluctuations.length][];
            for (int i = 0; i < shown.length; i++) shown[i] = java.util.Arrays.stream(fluctuations[i]).map(Math::sqrt).toArray();
        }
        int width = 0;
        for (double[] s : shown) width = Math.max(width, s.length);
        List<String> rows = new ArrayList<>();
        List<String> cols = new ArrayList<>();
        for (int h = 1; h <= width; h++) cols.add("head " + h);
        double[][] v = new double[shown.length][width];
        for (int i = 0; i < shown.length; i++) {
            rows.add("block " + (i + 1));
            java.util.Arrays.fill(v[i], Double.NaN);
            System.arraycopy(shown[i], 0, v[i], 0, shown[i].length);
        }
        return new AnalysisTable(ID, fluctuation ? "Attention head importance (√ fluctuation of head output · W_o rows)"
                : "Attention head importance (mean ‖head output · W_o rows‖ per token)",
                AnalysisTable.Kind.HEATMAP, rows, cols, v, "",
                "What each head adds to its block's attention output, averaged over " + tokens + " calibration tokens; "
                        + "the weakest heads of a row are the first to prune.");
    }
}
