package org.strata.technique.tokens.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.strata.core.Change;
import org.strata.core.Parameters;
import org.strata.core.TargetRuntime;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.Encoding;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.WordPieceTokenizer;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** Applying the token techniques and running models on hand-made batches, for the tests. */
final class Runs {
    private Runs() {
    }

    /** A padded batch: token ids and 0/1 mask, [batch][sequence]. */
    record Batch(long[][] ids, long[][] mask) {
        int rows() {
            return ids.length;
        }

        int length() {
            return ids[0].length;
        }

        int real(int row) {
            int n = 0;
            for (long m : mask[row]) n += m != 0 ? 1 : 0;
            return n;
        }

        /** Row {@code r} alone, without padding. */
        Batch row(int r) {
            int n = real(r);
            long[][] i = {java.util.Arrays.copyOf(ids[r], n)};
            long[][] m = {java.util.Arrays.copyOf(mask[r], n)};
            return new Batch(i, m);
        }
    }

    static Model copy(Model m) {
        return ModelReader.read(ModelWriter.toBytes(m), "copy");
    }

    static Model miniLm() {
        return ModelReader.read(EmbeddedModels.fp32().model());
    }

    static WordPieceTokenizer tokenizer() {
        return WordPieceTokenizer.load(EmbeddedModels.fp32().tokenizer());
    }

    static Change apply(Technique t, Model m, Map<String, ?> params) {
        return apply(t, m, params, new ArrayList<>());
    }

    static Change apply(Technique t, Model m, Map<String, ?> params, List<String> log) {
        try {
            return t.apply(m, Parameters.of(t.descriptor(), params), TechniqueContext.simple(m, TargetRuntime.ONNXRUNTIME, List.of(), log::add));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Texts tokenized to at most {@code max} tokens, padded on the right to the longest. */
    static Batch texts(WordPieceTokenizer tok, List<String> texts, int max) {
        List<Encoding> e = texts.stream().map(t -> tok.encode(t, max)).toList();
        int n = e.stream().mapToInt(Encoding::length).max().orElseThrow();
        long[][] ids = new long[e.size()][n];
        long[][] mask = new long[e.size()][n];
        for (int r = 0; r < e.size(); r++) {
            java.util.Arrays.fill(ids[r], tok.padId());
            for (int t = 0; t < e.get(r).length(); t++) {
                ids[r][t] = e.get(r).id(t);
                mask[r][t] = 1;
            }
        }
        return new Batch(ids, mask);
    }

    /** Random token ids in [1, vocab) with the given real lengths, padded on the right with 0. */
    static Batch random(int vocab, long seed, int... lengths) {
        int n = java.util.Arrays.stream(lengths).max().orElseThrow();
        Random random = new Random(seed);
        long[][] ids = new long[lengths.length][n];
        long[][] mask = new long[lengths.length][n];
        for (int r = 0; r < lengths.length; r++) {
            for (int t = 0; t < lengths[r]; t++) {
                ids[r][t] = 1 + random.nextInt(vocab - 1);
                mask[r][t] = 1;
            }
        }
        return new Batch(ids, mask);
    }

    /** An open session; close it. */
    static OrtSession session(Model m) {
        return OrtSessions.open(ModelWriter.toBytes(m), m.graph().name(), SessionSettings.defaults());
    }

    /** All outputs of {@code m} on a text batch, by name, as flat floats with shapes. */
    static Map<String, Out> run(OrtSession s, Batch batch) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            for (String name : s.getInputNames()) {
                long[][] v = switch (name) {
                    case "input_ids" -> batch.ids();
                    case "attention_mask" -> batch.mask();
                    default -> new long[batch.rows()][batch.length()];
                };
                feed.put(name, OnnxTensor.createTensor(env, v));
            }
            return collect(s.run(feed));
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    /** All outputs on images [batch][channels][side][side] drawn from {@code seed}. */
    static Map<String, Out> runImages(OrtSession s, int batch, int channels, int side, long seed) throws OrtException {
        Random random = new Random(seed);
        float[][][][] pixels = new float[batch][channels][side][side];
        for (float[][][] a : pixels) for (float[][] b : a) for (float[] c : b) for (int i = 0; i < c.length; i++) c[i] = (float) random.nextGaussian();
        try (OnnxTensor t = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), pixels)) {
            return collect(s.run(Map.of(s.getInputNames().iterator().next(), t)));
        }
    }

    private static Map<String, Out> collect(OrtSession.Result result) throws OrtException {
        try (result) {
            Map<String, Out> out = new HashMap<>();
            for (Map.Entry<String, OnnxValue> e : result) {
                OnnxTensor t = (OnnxTensor) e.getValue();
                long[] shape = t.getInfo().getShape();
                java.nio.FloatBuffer fb = t.getFloatBuffer();
                float[] v = new float[fb.remaining()];
                fb.get(v);
                out.put(e.getKey(), new Out(shape, v));
            }
            return out;
        }
    }

    /** One output: shape and values. */
    record Out(long[] shape, float[] values) {
        /** Element [b][t][h] of a 3-D output. */
        float at(int b, int t, int h) {
            return values[(int) ((b * shape[1] + t) * shape[2] + h)];
        }

        /** The hidden state [t] of row {@code b} of a 3-D output. */
        float[] row(int b, int t) {
            float[] r = new float[(int) shape[2]];
            for (int h = 0; h < r.length; h++) r[h] = at(b, t, h);
            return r;
        }

        /** Mean over the real positions of row {@code b}. */
        float[] pooled(int b, long[] mask) {
            float[] sum = new float[(int) shape[2]];
            int n = 0;
            for (int t = 0; t < shape[1]; t++) {
                if (mask[t] == 0) continue;
                n++;
                for (int h = 0; h < sum.length; h++) sum[h] += at(b, t, h);
            }
            for (int h = 0; h < sum.length; h++) sum[h] /= n;
            return sum;
        }
    }

    /** Largest |a − b| over the real positions of every row. */
    static double maxDiffOnRealTokens(Out a, Out b, Batch batch) {
        double d = 0;
        for (int r = 0; r < batch.rows(); r++) {
            for (int t = 0; t < batch.length(); t++) {
                if (batch.mask()[r][t] == 0) continue;
                for (int h = 0; h < a.shape()[2]; h++) d = Math.max(d, Math.abs(a.at(r, t, h) - b.at(r, t, h)));
            }
        }
        return d;
    }

    static double cosine(float[] a, float[] b) {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    static boolean finite(float[] v) {
        for (float f : v) if (!Float.isFinite(f)) return false;
        return true;
    }
}
