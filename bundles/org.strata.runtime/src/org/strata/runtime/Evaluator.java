package org.strata.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.strata.onnx.StrataException;
import org.strata.runtime.internal.Tensors;
import org.strata.runtime.internal.Tensors.FloatTensor;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

/**
 * Runs a reference and a candidate model on the same inputs and measures how far the candidate strays:
 * embedding fidelity on real text for a text model, relative error of every output on seeded random
 * inputs for any model. This is the "verify" half of every pipeline step. Reference and candidate get
 * separate feeds built from their own inputs, so a candidate that lost an input (say
 * {@code token_type_ids}) is still compared on the same text.
 */
public final class Evaluator {

    /**
     * @param batchSize         texts per run; 1 (the default) measures each text exactly as deployed
     * @param maxSequenceLength texts are truncated to this many tokens, special tokens included
     */
    public record Settings(int batchSize, int maxSequenceLength) {
        public Settings {
            if (batchSize < 1 || maxSequenceLength < 2) {
                throw new IllegalArgumentException("batch size must be at least 1 and the sequence length at least 2,"
                        + " got " + batchSize + " and " + maxSequenceLength);
            }
        }

        public static Settings defaults() {
            return new Settings(1, 128);
        }
    }

    private final Settings settings;

    public Evaluator(Settings settings) {
        this.settings = settings;
    }

    public Evaluator() {
        this(Settings.defaults());
    }

    /**
     * Embedding fidelity on the evaluation split of a corpus (never its calibration split, which the
     * candidate may have been tuned on).
     *
     * @see #compareEmbeddings(OrtSession, OrtSession, WordPieceTokenizer, List)
     */
    public EmbeddingFidelity compareEmbeddings(OrtSession reference, OrtSession candidate,
            WordPieceTokenizer tokenizer, TextCorpus corpus) {
        return compareEmbeddings(reference, candidate, tokenizer, corpus.evaluation());
    }

    /**
     * Embedding fidelity of a text model on {@code texts} (at least two). The compared output is
     * {@code last_hidden_state} if the reference has it, else its first 3-D output (mean-pooled with the
     * attention mask), else its first 2-D output (already an embedding).
     *
     * @throws StrataException if a model cannot be fed text, the candidate lacks the output, or a run fails
     */
    public EmbeddingFidelity compareEmbeddings(OrtSession reference, OrtSession candidate,
            WordPieceTokenizer tokenizer, List<String> texts) {
        if (texts.size() < 2) {
            throw new IllegalArgumentException("embedding fidelity needs at least 2 texts, got " + texts.size());
        }
        String output = embeddingOutput(reference);
        ModelInputs refInputs = ModelInputs.of(reference);
        ModelInputs candInputs = ModelInputs.of(candidate);
        Padding padding = Padding.toLongest(settings.maxSequenceLength());
        List<float[]> refPooled = new ArrayList<>();
        List<float[]> candPooled = new ArrayList<>();
        double maxAbsError = 0;
        for (int from = 0; from < texts.size(); from += settings.batchSize()) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + settings.batchSize()));
            try (ModelFeed refFeed = refInputs.forTexts(tokenizer, batch, padding);
                    ModelFeed candFeed = candInputs.forTexts(tokenizer, batch, padding)) {
                FloatTensor ref = runFor(reference, "reference", refFeed, output);
                FloatTensor cand = runFor(candidate, "candidate", candFeed, output);
                if (!Arrays.equals(ref.shape(), cand.shape())) {
                    throw new StrataException("Output " + output + " of the candidate has shape "
                            + Arrays.toString(cand.shape()) + " but the reference's has "
                            + Arrays.toString(ref.shape()) + "; they cannot be compared.");
                }
                long[][] mask = refFeed.attentionMask();
                maxAbsError = Math.max(maxAbsError, maxAbsErrorOnRealTokens(ref, cand, mask));
                addAll(refPooled, pooled(ref, mask));
                addAll(candPooled, pooled(cand, mask));
            }
        }
        return Fidelity.embeddings(refPooled.toArray(float[][]::new), candPooled.toArray(float[][]::new),
                maxAbsError);
    }

    /**
     * Relative error of every reference output on seeded random inputs.
     *
     * @throws StrataException if the candidate lacks an output of the reference, shapes differ, or a run fails
     */
    public List<OutputFidelity> compareOutputs(OrtSession reference, OrtSession candidate, RandomInputs inputs) {
        return compareOutputs(reference, candidate, inputs.runs(), (in, r) -> in.forRandomTokens(inputs.batchSize(),
                inputs.sequenceLength(), inputs.vocabSize(), inputs.seed() + r));
    }

    /**
     * Relative and absolute error of every reference output on real texts (in batches of the settings' size,
     * padded to the longest), e.g. to verify that a lossless step reproduces the reference.
     *
     * @throws StrataException if the candidate lacks an output of the reference, shapes differ, or a run fails
     */
    public List<OutputFidelity> compareOutputs(OrtSession reference, OrtSession candidate, WordPieceTokenizer tokenizer,
            List<String> texts) {
        int batch = settings.batchSize();
        Padding padding = Padding.toLongest(settings.maxSequenceLength());
        return compareOutputs(reference, candidate, Math.ceilDiv(texts.size(), batch), (in, r) -> in.forTexts(tokenizer,
                texts.subList(r * batch, Math.min(texts.size(), (r + 1) * batch)), padding));
    }

    /** Makes the feed of run {@code run} for a model with these inputs. */
    private interface Feeds {
        ModelFeed feed(ModelInputs inputs, int run);
    }

    private List<OutputFidelity> compareOutputs(OrtSession reference, OrtSession candidate, int runs, Feeds feeds) {
        ModelInputs refInputs = ModelInputs.of(reference);
        ModelInputs candInputs = ModelInputs.of(candidate);
        Map<String, double[]> sums = new LinkedHashMap<>(); // name -> {Σdiff², Σref², max|diff|, max|ref|}
        for (int r = 0; r < runs; r++) {
            try (ModelFeed refFeed = feeds.feed(refInputs, r);
                    ModelFeed candFeed = feeds.feed(candInputs, r);
                    OrtSession.Result refOut = OrtSessions.run(reference, "reference", refFeed.tensors());
                    OrtSession.Result candOut = OrtSessions.run(candidate, "candidate", candFeed.tensors())) {
                for (var entry : refOut) {
                    String name = entry.getKey();
                    FloatTensor ref = Tensors.toFloats(entry.getValue(), name);
                    FloatTensor cand = Tensors.toFloats(candOut.get(name).orElseThrow(() -> new StrataException(
                            "The candidate has no output " + name + "; the step removed or renamed an output of"
                                    + " the reference, so it cannot be verified.")), name);
                    if (ref.values().length != cand.values().length) {
                        throw new StrataException("Output " + name + " has " + cand.values().length
                                + " values in the candidate but " + ref.values().length + " in the reference.");
                    }
                    double[] s = sums.computeIfAbsent(name, k -> new double[4]);
                    accumulate(s, ref.values(), cand.values());
                }
            }
        }
        List<OutputFidelity> out = new ArrayList<>();
        sums.forEach((name, s) -> out.add(new OutputFidelity(name,
                s[1] == 0 ? (s[0] == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(s[0] / s[1]), s[2], s[3])));
        return out;
    }

    private static void accumulate(double[] s, float[] ref, float[] cand) {
        for (int i = 0; i < ref.length; i++) {
            double d = (double) cand[i] - ref[i];
            s[0] += d * d;
            s[1] += (double) ref[i] * ref[i];
            s[2] = Math.max(s[2], Math.abs(d));
            s[3] = Math.max(s[3], Math.abs(ref[i]));
        }
    }

    private static String embeddingOutput(OrtSession reference) {
        try {
            var outputs = reference.getOutputInfo();
            if (outputs.containsKey("last_hidden_state")) {
                return "last_hidden_state";
            }
            for (int rank : new int[] {3, 2}) {
                for (var node : outputs.values()) {
                    if (node.getInfo() instanceof TensorInfo t && t.getShape().length == rank) {
                        return node.getName();
                    }
                }
            }
            throw new StrataException("The reference model has no 3-D (hidden states) or 2-D (embedding) output"
                    + " (its outputs are " + outputs.keySet() + "), so it is not a text embedding model. Compare"
                    + " its outputs on random inputs instead.");
        } catch (OrtException e) {
            throw new OnnxRuntimeException("ONNX Runtime could not describe the outputs of the reference model: "
                    + e.getMessage(), e);
        }
    }

    private static FloatTensor runFor(OrtSession session, String role, ModelFeed feed, String output) {
        try (OrtSession.Result result = OrtSessions.run(session, role, feed.tensors())) {
            return Tensors.toFloats(result.get(output).orElseThrow(() -> new StrataException("The " + role
                    + " model has no output " + output + "; it cannot be compared on embeddings.")), output);
        }
    }

    private static float[][] pooled(FloatTensor t, long[][] mask) {
        if (t.rank() == 2) {
            float[][] rows = new float[t.dim(0)][t.dim(1)];
            for (int b = 0; b < rows.length; b++) {
                System.arraycopy(t.values(), b * rows[b].length, rows[b], 0, rows[b].length);
            }
            return rows;
        }
        if (t.rank() != 3) {
            throw new StrataException("An embedding output must be 2-D or 3-D; this one has shape "
                    + Arrays.toString(t.shape()) + ".");
        }
        return Fidelity.meanPool(t.values(), t.dim(0), t.dim(1), t.dim(2), mask);
    }

    /** Padding positions carry no meaning, so only real tokens count (all positions of a 2-D output). */
    private static double maxAbsErrorOnRealTokens(FloatTensor ref, FloatTensor cand, long[][] mask) {
        if (ref.rank() != 3) {
            return Fidelity.maxAbsError(ref.values(), cand.values());
        }
        int seq = ref.dim(1), width = ref.dim(2);
        double max = 0;
        for (int b = 0; b < ref.dim(0); b++) {
            for (int t = 0; t < seq; t++) {
                if (mask[b][t] == 0) {
                    continue;
                }
                int base = (b * seq + t) * width;
                for (int w = 0; w < width; w++) {
                    max = Math.max(max, Math.abs((double) cand.values()[base + w] - ref.values()[base + w]));
                }
            }
        }
        return max;
    }

    private static void addAll(List<float[]> into, float[][] rows) {
        into.addAll(List.of(rows));
    }
}
