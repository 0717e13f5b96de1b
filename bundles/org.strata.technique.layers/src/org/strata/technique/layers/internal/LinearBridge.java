package org.strata.technique.layers.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.strata.core.ModelRunner;
import org.strata.core.ProgressMonitor;
import org.strata.core.TechniqueException;
import org.strata.core.analysis.LayerActivations;
import org.strata.core.analysis.LayerEdits;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;

/**
 * Replaces a run of removed blocks by one linear map of the residual stream, {@code y = x·W + b}, fitted on the
 * calibration data by ridge least squares from the run's input to its output (training-free, after ReplaceMe:
 * Shopkhoev et al., 2025, "ReplaceMe: Network Simplification via Layer Pruning and Linear Transformations").
 * The map costs one hidden × hidden MatMul per token — a small part of a block — and recovers part of what the
 * removed blocks did. The ridge term is {@value #RIDGE} × the mean diagonal of {@code XᵀX}.
 */
final class LinearBridge implements LayerEdits.Bridge {
    static final double RIDGE = 1e-3;
    /**
     * Texts the fit reads at least (all of the calibration split when it is smaller): a hidden × hidden map needs
     * several tokens per unknown; on MiniLM 64 texts (~1,100 tokens) over-fitted (evaluation cosine 0.939, below
     * removal without a map) where 210 texts (~3,400 tokens) gave 0.962.
     */
    static final int MIN_FIT_TEXTS = 512;

    /** Fitted maps by the number of the first block of their run. */
    private final Map<Integer, float[][]> weights = new HashMap<>();
    private final Map<Integer, float[]> biases = new HashMap<>();

    private LinearBridge() {
    }

    /**
     * Fits one map per run of adjacent blocks in {@code runs} on {@code texts} calibration texts of {@code model}.
     *
     * @throws TechniqueException when the residual stream is not float32 or no token was seen
     */
    static LinearBridge fit(Model model, TransformerStructure s, List<List<Integer>> runs, ModelRunner runner, int texts,
            ProgressMonitor monitor) {
        Value probe = s.block(1).input();
        if (probe.type() != null && probe.type().elementType() != null && probe.type().elementType() != DataType.FLOAT) {
            throw new TechniqueException("a linear replacement needs a float32 residual stream, but it is "
                    + probe.type().elementType() + "; use replace=none");
        }
        int d = s.hiddenSize();
        Set<String> names = new LinkedHashSet<>();
        Normal[] systems = new Normal[runs.size()];
        for (int r = 0; r < runs.size(); r++) {
            names.add(s.block(runs.get(r).get(0)).input().name());
            names.add(s.block(runs.get(r).get(runs.get(r).size() - 1)).output().name());
            systems[r] = new Normal(d);
        }
        runner.capture(model, names, texts, batch -> {
            monitor.checkCanceled();
            for (int r = 0; r < runs.size(); r++) {
                List<Integer> run = runs.get(r);
                float[][] x = LayerActivations.rows(batch.tensor(s.block(run.get(0)).input().name()), batch.attentionMask());
                float[][] y = LayerActivations.rows(batch.tensor(s.block(run.get(run.size() - 1)).output().name()),
                        batch.attentionMask());
                systems[r].add(x, y);
            }
        });
        LinearBridge bridge = new LinearBridge();
        for (int r = 0; r < runs.size(); r++) {
            monitor.checkCanceled();
            double[][] solution = systems[r].solve(RIDGE);
            float[][] w = new float[d][d];
            float[] b = new float[d];
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) w[i][j] = (float) solution[i][j];
            for (int j = 0; j < d; j++) b[j] = (float) solution[d][j];
            bridge.weights.put(runs.get(r).get(0), w);
            bridge.biases.put(runs.get(r).get(0), b);
        }
        return bridge;
    }

    @Override
    public Value replacement(Graph g, Block first, Block last) {
        float[][] w = weights.get(first.number());
        if (w == null) throw new IllegalStateException("no linear map was fitted for the run starting at block " + first.number());
        int d = w.length;
        float[] flat = new float[d * d];
        for (int i = 0; i < d; i++) System.arraycopy(w[i], 0, flat, i * d, d);
        String base = "blocks_" + first.number() + (last == first ? "" : "_to_" + last.number()) + "_linear";
        Value weight = g.addInitializer(base + ".weight", TensorCodec.fromFloats(base + ".weight", new long[] {d, d}, flat));
        Value bias = g.addInitializer(base + ".bias", TensorCodec.fromFloats(base + ".bias", new long[] {d}, biases.get(first.number())));
        Node product = g.addNode("MatMul", List.of(first.input(), weight), base + "_product");
        Node sum = g.addNode("Add", List.of(product.output(0), bias), base + "_output");
        product.output(0).setType(last.output().type());
        sum.output(0).setType(last.output().type());
        return sum.output(0);
    }

    /** The normal equations of {@code [x, 1]·W ≈ y}, accumulated in double. */
    private static final class Normal {
        private final int d;
        private final double[][] a;
        private final double[][] b;
        private long rows;

        Normal(int d) {
            this.d = d;
            this.a = new double[d + 1][d + 1];
            this.b = new double[d + 1][d];
        }

        void add(float[][] x, float[][] y) {
            double[] row = new double[d + 1];
            for (int t = 0; t < x.length; t++) {
                for (int i = 0; i < d; i++) row[i] = x[t][i];
                row[d] = 1;
                float[] target = y[t];
                for (int i = 0; i <= d; i++) {
                    double xi = row[i];
                    if (xi == 0) continue;
                    double[] ai = a[i];
                    for (int j = i; j <= d; j++) ai[j] += xi * row[j];
                    double[] bi = b[i];
                    for (int j = 0; j < d; j++) bi[j] += xi * target[j];
                }
            }
            rows += x.length;
        }

        /** W ((d+1) × d, the bias as the last row) by Cholesky on the ridge-regularised system. */
        double[][] solve(double ridge) {
            if (rows == 0) throw new TechniqueException("no calibration token reached the blocks; a linear map cannot be fitted");
            int n = d + 1;
            double[][] m = new double[n][n];
            double trace = 0;
            for (int i = 0; i < d; i++) trace += a[i][i];
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    m[i][j] = a[i][j];
                    m[j][i] = a[i][j];
                }
            }
            double lambda = ridge * Math.max(trace / d, 1e-12);
            for (int i = 0; i < d; i++) m[i][i] += lambda;
            m[d][d] += lambda * 1e-6;
            double[][] l = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double sum = m[i][j];
                    double[] li = l[i], lj = l[j];
                    for (int k = 0; k < j; k++) sum -= li[k] * lj[k];
                    if (i == j) {
                        if (sum <= 0) throw new TechniqueException("the calibration activations are degenerate; a linear map cannot be fitted");
                        l[i][i] = Math.sqrt(sum);
                    } else {
                        l[i][j] = sum / l[j][j];
                    }
                }
            }
            double[][] w = new double[n][d];
            double[] z = new double[n];
            for (int c = 0; c < d; c++) {
                for (int i = 0; i < n; i++) {
                    double sum = b[i][c];
                    for (int k = 0; k < i; k++) sum -= l[i][k] * z[k];
                    z[i] = sum / l[i][i];
                }
                for (int i = n - 1; i >= 0; i--) {
                    double sum = z[i];
                    for (int k = i + 1; k < n; k++) sum -= l[k][i] * w[k][c];
                    w[i][c] = sum / l[i][i];
                }
            }
            return w;
        }
    }
}
