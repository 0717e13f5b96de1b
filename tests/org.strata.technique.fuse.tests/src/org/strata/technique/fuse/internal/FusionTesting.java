package org.strata.technique.fuse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.strata.core.Change;
import org.strata.core.Parameters;
import org.strata.core.TargetRuntime;
import org.strata.core.TechniqueContext;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.Node;
import org.strata.onnx.Value;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.OutputFidelity;
import org.strata.runtime.SessionSettings;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

/** What the fusion tests share: applying the technique, counting ops, and ONNX Runtime as the oracle. */
final class FusionTesting {
    private FusionTesting() {
    }

    static Change fuse(Model m, TargetRuntime target, Map<String, ?> params, List<String> log) {
        TransformerFusion t = new TransformerFusion();
        return t.apply(m, Parameters.of(t.descriptor(), params), TechniqueContext.simple(m, target, List.of(), log::add));
    }

    static Change fuse(Model m, Map<String, ?> params, List<String> log) {
        return fuse(m, TargetRuntime.ONNXRUNTIME, params, log);
    }

    static Change fuse(Model m) {
        return fuse(m, TargetRuntime.ONNXRUNTIME, Map.of(), new ArrayList<>());
    }

    static long count(Model m, String domain, String op) {
        return m.graph().nodes().stream().filter(n -> n.is(domain, op)).count();
    }

    static long ms(Model m, String op) {
        return count(m, Node.MS_DOMAIN, op);
    }

    /** Nodes of {@code op} in any domain. */
    static long any(Model m, String op) {
        return m.graph().nodes().stream().filter(n -> n.opType().equals(op)).count();
    }

    static void assertValid(Model m) {
        assertTrue(GraphValidator.check(m).isEmpty(), () -> "invalid after fusion: " + GraphValidator.check(m));
    }

    static Model copy(Model m) {
        return ModelReader.read(ModelWriter.toBytes(m), "copy of " + m.graph().name());
    }

    /** The detail {@code key} of {@code c} as a number. */
    static int detail(Change c, String key) {
        return Integer.parseInt(c.details().get(key));
    }

    /**
     * Runs both models in ONNX Runtime on the same seeded inputs (two batches of two sequences of 24 tokens,
     * the second sequence of each padded after 15 tokens, so the padding mask matters; random pixels for an
     * image model) and asserts every output within the lossless tolerance. Returns the largest relative error.
     */
    static double assertLossless(Model reference, Model candidate) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        SessionSettings s = SessionSettings.defaults();
        double worst = 0;
        try (OrtSession a = OrtSessions.open(reference, "reference", s); OrtSession b = OrtSessions.open(copy(candidate), "candidate", s)) {
            assertEquals(a.getOutputNames(), b.getOutputNames(), "the same outputs");
            for (int run = 0; run < 2; run++) {
                Map<String, OnnxTensor> feed = feed(env, a, run);
                try (OrtSession.Result ra = a.run(feed); OrtSession.Result rb = b.run(feed)) {
                    for (String name : a.getOutputNames()) {
                        float[] x = floats(ra.get(name).orElseThrow());
                        float[] y = floats(rb.get(name).orElseThrow());
                        assertEquals(x.length, y.length, name);
                        double maxRef = 0;
                        double maxErr = 0;
                        for (int i = 0; i < x.length; i++) {
                            maxRef = Math.max(maxRef, Math.abs(x[i]));
                            maxErr = Math.max(maxErr, Math.abs(x[i] - y[i]));
                        }
                        double rel = maxErr / Math.max(1, maxRef);
                        worst = Math.max(worst, rel);
                        double shown = rel;
                        assertTrue(rel <= OutputFidelity.LOSSLESS_TOLERANCE, () -> "output " + name + ": max error " + shown
                                + " × max(1, max|ref|) exceeds " + OutputFidelity.LOSSLESS_TOLERANCE);
                    }
                } finally {
                    for (OnnxTensor t : feed.values()) t.close();
                }
            }
        }
        return worst;
    }

    private static Map<String, OnnxTensor> feed(OrtEnvironment env, OrtSession session, int run) throws OrtException {
        Random random = new Random(17 + run);
        int batch = 2;
        int seq = 24;
        int real = 15;
        Map<String, OnnxTensor> feed = new HashMap<>();
        for (Map.Entry<String, NodeInfo> e : session.getInputInfo().entrySet()) {
            String name = e.getKey();
            TensorInfo info = (TensorInfo) e.getValue().getInfo();
            long[] shape = info.getShape().clone();
            if (name.equals("pixel_values")) {
                for (int i = 0; i < shape.length; i++) if (shape[i] < 0) shape[i] = batch;
                float[] px = new float[(int) (shape[0] * shape[1] * shape[2] * shape[3])];
                for (int i = 0; i < px.length; i++) px[i] = (float) random.nextGaussian();
                feed.put(name, OnnxTensor.createTensor(env, FloatBuffer.wrap(px), shape));
                continue;
            }
            long[][] v = new long[batch][seq];
            for (int r = 0; r < batch; r++) {
                for (int t = 0; t < seq; t++) {
                    boolean pad = r == 1 && t >= real;
                    v[r][t] = switch (name) {
                        case "attention_mask" -> pad ? 0 : 1;
                        case "token_type_ids" -> t >= seq / 2 ? 1 : 0;
                        default -> pad ? 0 : 1 + random.nextInt(90);
                    };
                }
            }
            feed.put(name, OnnxTensor.createTensor(env, v));
        }
        return feed;
    }

    private static float[] floats(OnnxValue v) {
        OnnxTensor t = (OnnxTensor) v;
        FloatBuffer b = t.getFloatBuffer();
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }

    /** The first node of {@code op} (default domain) whose output feeds a node of {@code consumerOp}. */
    static Node nodeFeeding(Model m, String op, String consumerOp) {
        for (Node n : m.graph().nodes()) {
            if (!n.is(op)) continue;
            for (Value o : n.outputs()) for (Node c : o.consumers()) if (c.opType().equals(consumerOp)) return n;
        }
        throw new AssertionError("no " + op + " feeding a " + consumerOp);
    }
}
