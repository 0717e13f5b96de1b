package org.strata.core.analysis;

import java.util.ArrayList;
import java.util.List;

import org.strata.core.AnalysisTable;
import org.strata.core.ModelRunner;
import org.strata.core.ProgressMonitor;
import org.strata.onnx.Model;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.Fidelity;

/**
 * How alike the outputs of every pair of blocks are, over the real tokens of the calibration data (tokens are the
 * samples): linear CKA (Kornblith et al., 2019, "Similarity of Neural Network Representations Revisited") and the
 * plain mean cosine per token.
 *
 * <p>CKA is computed in its feature-space form, with no token × token Gram matrix: for the centered token
 * matrices {@code X} and {@code Y} (tokens × hidden), {@code CKA = ‖YᵀX‖²_F / (‖XᵀX‖_F · ‖YᵀY‖_F)}; the hidden ×
 * hidden products are accumulated in double. It is 1 for representations equal up to rotation and scale, and is
 * what CRaSh-style weight sharing clusters adjacent blocks by.
 */
public final class LayerSimilarity {
    public static final String CKA_ID = "layer-similarity-cka";
    public static final String COSINE_ID = "layer-similarity-cosine";
    /** Tokens kept for the products by default: enough for a stable estimate, bounded memory. */
    public static final int DEFAULT_MAX_TOKENS = 4096;

    private final double[][] cka;
    private final double[][] cosine;
    private final int tokens;

    private LayerSimilarity(double[][] cka, double[][] cosine, int tokens) {
        this.cka = cka;
        this.cosine = cosine;
        this.tokens = tokens;
    }

    /** Measures the similarity of every pair of block outputs of {@code model} on at most {@code maxTexts} texts. */
    public static LayerSimilarity measure(Model model, TransformerStructure s, ModelRunner runner, int maxTexts,
            ProgressMonitor monitor) {
        Accumulator a = new Accumulator(s.blockCount(), DEFAULT_MAX_TOKENS, monitor);
        LayerActivations.run(model, s, runner, maxTexts, monitor, a);
        return a.result();
    }

    /** Keeps up to {@code maxTokens} token rows of every block output, then computes both matrices. */
    public static final class Accumulator implements LayerActivations.Sink {
        private final List<List<float[]>> rows = new ArrayList<>();
        private final int maxTokens;
        private final ProgressMonitor monitor;

        public Accumulator(int blocks, int maxTokens, ProgressMonitor monitor) {
            for (int b = 0; b < blocks; b++) rows.add(new ArrayList<>());
            this.maxTokens = maxTokens;
            this.monitor = monitor;
        }

        @Override
        public void batch(List<float[][]> inputs, List<float[][]> outputs) {
            for (int b = 0; b < rows.size(); b++) {
                List<float[]> r = rows.get(b);
                for (float[] token : outputs.get(b)) {
                    if (r.size() >= maxTokens) break;
                    r.add(token);
                }
            }
        }

        public LayerSimilarity result() {
            return LayerSimilarity.of(rows.stream().map(r -> r.toArray(float[][]::new)).toList(), monitor);
        }
    }

    /**
     * Both matrices for the given token rows ({@code outputs.get(b)[token][feature]}, the same tokens for every
     * block).
     */
    public static LayerSimilarity of(List<float[][]> outputs, ProgressMonitor monitor) {
        int n = outputs.size();
        int tokens = n == 0 ? 0 : outputs.get(0).length;
        for (float[][] o : outputs) {
            if (o.length != tokens) throw new IllegalArgumentException("every block needs the same tokens");
        }
        List<float[][]> c = new ArrayList<>();
        for (float[][] o : outputs) c.add(center(o));
        double[] selfNorm = new double[n];
        double[][] cross = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                monitor.checkCanceled();
                double f = frobeniusOfProduct(c.get(i), c.get(j));
                cross[i][j] = f;
                cross[j][i] = f;
            }
            selfNorm[i] = cross[i][i];
        }
        double[][] cka = new double[n][n];
        double[][] cos = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double denom = selfNorm[i] * selfNorm[j];
                // ‖YᵀX‖²_F / (‖XᵀX‖_F ‖YᵀY‖_F); selfNorm holds ‖XᵀX‖²_F, so the denominator is its square root.
                cka[i][j] = denom == 0 ? Double.NaN : cross[i][j] / Math.sqrt(denom);
                cos[i][j] = i == j ? 1 : j < i ? cos[j][i] : meanCosine(outputs.get(i), outputs.get(j));
            }
        }
        return new LayerSimilarity(cka, cos, tokens);
    }

    /** The rows minus their column means. */
    private static float[][] center(float[][] x) {
        if (x.length == 0) return x;
        int d = x[0].length;
        double[] mean = new double[d];
        for (float[] r : x) for (int k = 0; k < d; k++) mean[k] += r[k];
        for (int k = 0; k < d; k++) mean[k] /= x.length;
        float[][] out = new float[x.length][d];
        for (int t = 0; t < x.length; t++) for (int k = 0; k < d; k++) out[t][k] = (float) (x[t][k] - mean[k]);
        return out;
    }

    /** ‖YᵀX‖²_F for token rows X and Y, the hidden × hidden product accumulated in double. */
    static double frobeniusOfProduct(float[][] x, float[][] y) {
        if (x.length == 0) return 0;
        int dx = x[0].length, dy = y[0].length;
        double[][] p = new double[dx][dy];
        double[] yrow = new double[dy];
        for (int t = 0; t < x.length; t++) {
            float[] xr = x[t];
            float[] yr = y[t];
            for (int k = 0; k < dy; k++) yrow[k] = yr[k];
            for (int a = 0; a < dx; a++) {
                double xa = xr[a];
                if (xa == 0) continue;
                double[] pa = p[a];
                for (int k = 0; k < dy; k++) pa[k] += xa * yrow[k];
            }
        }
        double sum = 0;
        for (double[] row : p) for (double v : row) sum += v * v;
        return sum;
    }

    private static double meanCosine(float[][] a, float[][] b) {
        if (a.length == 0) return Double.NaN;
        double sum = 0;
        for (int t = 0; t < a.length; t++) sum += Fidelity.cosine(a[t], b[t]);
        return sum / a.length;
    }

    public int blockCount() {
        return cka.length;
    }

    /** Linear CKA of the outputs of blocks {@code a} and {@code b} (from 1). */
    public double cka(int a, int b) {
        return cka[a - 1][b - 1];
    }

    /** Mean per-token cosine of the outputs of blocks {@code a} and {@code b} (from 1). */
    public double cosine(int a, int b) {
        return cosine[a - 1][b - 1];
    }

    /** Tokens the matrices were computed from. */
    public int tokens() {
        return tokens;
    }

    /** The CKA heatmap and the mean-cosine heatmap. */
    public List<AnalysisTable> tables() {
        List<String> labels = LayerLabels.blocks(cka.length);
        return List.of(
                new AnalysisTable(CKA_ID, "Layer similarity: linear CKA of block outputs", AnalysisTable.Kind.HEATMAP, labels, labels,
                        cka, "", "Linear CKA between the outputs of every pair of blocks over " + tokens
                                + " calibration tokens (centered); 1 means the same representation up to rotation and scale."
                                + " Runs of adjacent blocks near 1 are candidates for sharing or removal."),
                new AnalysisTable(COSINE_ID, "Layer similarity: mean cosine of block outputs", AnalysisTable.Kind.HEATMAP, labels,
                        labels, cosine, "", "Mean per-token cosine between the outputs of every pair of blocks over "
                                + tokens + " calibration tokens (not centered)."));
    }
}
