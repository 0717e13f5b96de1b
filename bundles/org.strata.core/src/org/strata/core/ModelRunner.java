package org.strata.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.strata.onnx.Model;
import org.strata.runtime.ActivationCapture;
import org.strata.runtime.ActivationCapture.CaptureInputs;
import org.strata.runtime.ActivationCapture.CapturedTensor;
import org.strata.runtime.Fidelity;
import org.strata.runtime.RandomInputs;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.WordPieceTokenizer;

/**
 * Runs models on a technique's data: the calibration texts through the model's tokenizer, or seeded random
 * tokens for a model Strata has no tokenizer for. Techniques and analyses use it to collect statistics
 * (activation ranges, block outputs, importance scores) and to compare a variant with the original
 * (sensitivity, ablation). It never sees the evaluation split.
 */
public final class ModelRunner {
    /** Batch size of captured runs. */
    public static final int BATCH = 8;
    /** Longest sequence (tokens) of a captured run. */
    public static final int MAX_LENGTH = 128;
    private static final int RANDOM_VOCAB = 1000;

    private final WordPieceTokenizer tokenizer;
    private final List<String> texts;
    private final SessionSettings settings;

    /**
     * @param tokenizer the model's tokenizer, or null to feed seeded random tokens
     * @param texts     calibration texts (ignored without a tokenizer)
     */
    public ModelRunner(WordPieceTokenizer tokenizer, List<String> texts, SessionSettings settings) {
        this.tokenizer = tokenizer;
        this.texts = List.copyOf(texts);
        this.settings = settings;
    }

    /** Whether runs use real text (otherwise seeded random token ids). */
    public boolean usesText() {
        return tokenizer != null && !texts.isEmpty();
    }

    /** The inputs of a run over at most {@code maxTexts} texts (or that many random sequences of 32 tokens). */
    public CaptureInputs inputs(int maxTexts) {
        return inputs(maxTexts, RANDOM_VOCAB);
    }

    /** As {@link #inputs(int)}, with random token ids below {@code vocabulary}. */
    public CaptureInputs inputs(int maxTexts, int vocabulary) {
        int n = Math.max(1, maxTexts);
        if (usesText()) {
            return CaptureInputs.texts(tokenizer, texts.subList(0, Math.min(n, texts.size())), BATCH, MAX_LENGTH);
        }
        return CaptureInputs.random(new RandomInputs(Math.ceilDiv(n, 2), 2, 32, Math.max(1, vocabulary), 42));
    }

    /**
     * How many token ids random inputs may use, at most 1000: the rows of the token embedding table that
     * structure discovery finds, else of the largest table a graph input indexes directly ({@code Gather} of an
     * initializer by an integer graph input; token-type and position tables are smaller in real models).
     */
    public static int vocabulary(Model model) {
        try {
            var e = org.strata.onnx.structure.TransformerStructure.discover(model).embeddings();
            if (e != null && e.tokens() != null && e.tokens().isInitializer() && e.tokens().initializer().dims().length >= 1) {
                return (int) Math.max(1, Math.min(RANDOM_VOCAB, e.tokens().initializer().dims()[0]));
            }
        } catch (RuntimeException notATransformer) {
            // fall back to the tables below
        }
        long largest = 0;
        for (org.strata.onnx.Node n : model.graph().nodes()) {
            if (!n.opType().startsWith("Gather") || n.inputs().size() < 2) continue;
            org.strata.onnx.Value data = n.inputs().get(0), ids = n.inputs().get(1);
            if (data != null && ids != null && data.isInitializer() && ids.isGraphInput() && data.initializer().dims().length >= 1) {
                largest = Math.max(largest, data.initializer().dims()[0]);
            }
        }
        return largest > 0 ? (int) Math.min(RANDOM_VOCAB, largest) : RANDOM_VOCAB;
    }

    /**
     * Runs {@code model} on at most {@code maxTexts} calibration texts and hands the captured values (and
     * the model's outputs) to {@code visitor}, batch by batch.
     */
    public void capture(Model model, Collection<String> values, int maxTexts, ActivationCapture.Visitor visitor) {
        ActivationCapture.of(model, values).run(inputs(maxTexts, vocabulary(model)), settings, visitor);
    }

    /**
     * How closely {@code candidate} follows {@code reference} on the calibration data, compared on one
     * output both have (the first output of the reference): per sequence the cosine of the mean over real
     * tokens for a {@code [batch, seq, width]} output, of the row otherwise; and the relative error over all
     * values.
     */
    public Agreement agreement(Model reference, Model candidate, int maxTexts) {
        String output = reference.graph().outputs().get(0).name();
        List<float[]> ref = new ArrayList<>();
        List<float[]> cand = new ArrayList<>();
        collect(reference, output, maxTexts, ref);
        collect(candidate, output, maxTexts, cand);
        if (ref.size() != cand.size()) {
            throw new TechniqueException("the candidate gave " + cand.size() + " results for " + ref.size()
                    + " inputs; it cannot be compared");
        }
        return Agreement.between(ref, cand);
    }

    private void collect(Model model, String output, int maxTexts, List<float[]> rows) {
        ActivationCapture.of(model, List.of(output)).run(inputs(maxTexts, vocabulary(model)), settings, batch -> {
            CapturedTensor t = batch.tensor(output);
            rows.addAll(List.of(pooled(t, batch.attentionMask())));
        });
    }

    /** Per sequence: the mean over real tokens of a 3-D tensor, the row of a 2-D one, the whole of anything else. */
    public static float[][] pooled(CapturedTensor t, long[][] mask) {
        if (t.rank() == 3) {
            long[][] m = mask;
            if (m.length != t.dim(0) || m.length > 0 && m[0].length != t.dim(1)) {
                m = new long[t.dim(0)][t.dim(1)];
                for (long[] row : m) java.util.Arrays.fill(row, 1);
            }
            return Fidelity.meanPool(t.values(), t.dim(0), t.dim(1), t.dim(2), m);
        }
        int rows = t.rank() >= 2 ? t.dim(0) : 1;
        int width = t.values().length / Math.max(1, rows);
        float[][] out = new float[rows][width];
        for (int r = 0; r < rows; r++) System.arraycopy(t.values(), r * width, out[r], 0, width);
        return out;
    }

    /**
     * @param meanCosine    mean over sequences of the cosine between pooled outputs
     * @param minCosine     the worst sequence
     * @param relativeError ‖candidate − reference‖ / ‖reference‖ over all pooled values
     * @param sequences     how many sequences were compared
     */
    public record Agreement(double meanCosine, double minCosine, double relativeError, int sequences) {
        /** The agreement of pooled outputs, sequence by sequence ({@code candidate} has as many as {@code reference}). */
        public static Agreement between(List<float[]> reference, List<float[]> candidate) {
            double sum = 0, min = 1, err = 0, norm = 0;
            for (int i = 0; i < reference.size(); i++) {
                float[] r = reference.get(i), c = candidate.get(i);
                double cos = Fidelity.cosine(r, c);
                sum += cos;
                min = Math.min(min, cos);
                for (int j = 0; j < r.length; j++) {
                    double d = (double) c[j] - r[j];
                    err += d * d;
                    norm += (double) r[j] * r[j];
                }
            }
            return new Agreement(sum / reference.size(), min, norm == 0 ? 0 : Math.sqrt(err / norm), reference.size());
        }
    }
}
