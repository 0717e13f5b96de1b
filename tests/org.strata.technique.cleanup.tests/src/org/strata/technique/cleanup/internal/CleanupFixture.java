package org.strata.technique.cleanup.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.strata.core.Change;
import org.strata.core.Parameters;
import org.strata.core.TargetRuntime;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueDescriptor;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Graph;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.Node;
import org.strata.onnx.Shape;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;
import org.strata.runtime.ModelFeed;
import org.strata.runtime.ModelInputs;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.Padding;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.WordPieceTokenizer;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** Small models built with the IR API, the cleanup run on them, and ONNX Runtime as the oracle. */
final class CleanupFixture {
    private CleanupFixture() {
    }

    /** An empty model of IR 8 at the given default-domain opset. */
    static Model model(int opset) {
        return new Model(new Graph("test"), 8, opset);
    }

    static TensorType floats(Object... dims) {
        List<Dim> d = new ArrayList<>();
        for (Object o : dims) d.add(o instanceof String s ? Dim.of(s) : Dim.of(((Number) o).longValue()));
        return new TensorType(DataType.FLOAT, new Shape(d));
    }

    /** Makes {@code v} a graph output of the given type. */
    static Value output(Graph g, Value v, TensorType t) {
        v.setType(t);
        g.addOutput(v);
        return v;
    }

    /**
     * An {@code If} on a new bool input {@code c} whose branches apply {@code thenOp} and {@code elseOp} to outer
     * values (the way subgraphs use the enclosing graph's values), producing {@code outputName}.
     */
    static Node ifThenElse(Graph g, String thenOp, Value thenInput, String elseOp, Value elseInput, String outputName) {
        Value c = g.addInput("c", new TensorType(DataType.BOOL, Shape.SCALAR));
        Graph then = g.newSubgraph("then");
        then.addOutput(then.addNode(thenOp, List.of(thenInput), "then_out").output(0));
        Graph otherwise = g.newSubgraph("else");
        otherwise.addOutput(otherwise.addNode(elseOp, List.of(elseInput), "else_out").output(0));
        return g.addNode("", "If", List.of(c), List.of(outputName),
                List.of(Attribute.of("then_branch", then), Attribute.of("else_branch", otherwise)));
    }

    /** The cleanup with default parameters except {@code overrides}; its log lines go to {@code log} when not null. */
    static Change clean(Model m, Map<String, ?> overrides, List<String> log) {
        GraphCleanup cleanup = new GraphCleanup();
        Parameters p = Parameters.of(cleanup.descriptor(), overrides);
        List<String> sink = log != null ? log : new ArrayList<>();
        return cleanup.apply(m, p, TechniqueContext.simple(m, TargetRuntime.ONNX, List.of(), sink::add));
    }

    /** Parameters that switch on only the named passes (shape inference stays on). */
    static Map<String, Object> only(String... passes) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (CleanupPass pass : GraphCleanup.passes(ConstantFolding.DEFAULT_MAX_ELEMENTS)) {
            p.put(pass.parameter().name(), List.of(passes).contains(pass.parameter().name()));
        }
        return p;
    }

    static Change clean(Model m) {
        return clean(m, Map.of(), null);
    }

    /** A copy through the writer and reader, the way the engine keeps its reference. */
    static Model copy(Model m) {
        return ModelReader.read(ModelWriter.toBytes(m), "copy of " + m.graph().name());
    }

    static void assertValid(Model m) {
        assertTrue(GraphValidator.check(m).isEmpty(), () -> "invalid after cleanup: " + GraphValidator.check(m));
    }

    static long count(Model m, String op) {
        return m.graph().nodes().stream().filter(n -> n.is(op)).count();
    }

    static long count(Model m, String domain, String op) {
        return m.graph().nodes().stream().filter(n -> n.is(domain, op)).count();
    }

    static Node producer(Model m, String valueName) {
        Value v = m.graph().value(valueName);
        return v == null ? null : v.producer();
    }

    /**
     * Runs both models in ONNX Runtime on seeded random inputs (floats in [-1, 1], integers 0) of the given
     * shapes and asserts every output of {@code reference} is in {@code candidate}, under the same name, with
     * the same bytes.
     */
    static void assertSameOutputs(Model reference, Model candidate, Map<String, long[]> inputShapes) {
        Map<String, byte[]> a = run(reference, inputShapes);
        Map<String, byte[]> b = run(candidate, inputShapes);
        assertEquals(a.keySet(), b.keySet(), "output names");
        for (String name : a.keySet()) assertArrayEquals(a.get(name), b.get(name), "output " + name + " differs");
    }

    /**
     * The largest difference between the float outputs of two text models over {@code texts}, one text per run
     * (no padding), and the largest reference value: {@code {max |cand - ref|, max |ref|}}.
     */
    static double[] maxAbsErrorOnTexts(Model reference, Model candidate, WordPieceTokenizer tokenizer, List<String> texts) {
        double maxError = 0;
        double maxReference = 0;
        try (OrtSession a = OrtSessions.open(reference, "reference", SessionSettings.defaults());
                OrtSession b = OrtSessions.open(candidate, "candidate", SessionSettings.defaults())) {
            ModelInputs inputsA = ModelInputs.of(a);
            ModelInputs inputsB = ModelInputs.of(b);
            for (String text : texts) {
                try (ModelFeed feedA = inputsA.forTexts(tokenizer, List.of(text), Padding.toLongest(128));
                        ModelFeed feedB = inputsB.forTexts(tokenizer, List.of(text), Padding.toLongest(128));
                        OrtSession.Result ra = OrtSessions.run(a, "reference", feedA.tensors());
                        OrtSession.Result rb = OrtSessions.run(b, "candidate", feedB.tensors())) {
                    for (Map.Entry<String, OnnxValue> e : ra) {
                        FloatBuffer x = ((OnnxTensor) e.getValue()).getFloatBuffer();
                        FloatBuffer y = ((OnnxTensor) rb.get(e.getKey()).orElseThrow(
                                () -> new AssertionError("the candidate lost output " + e.getKey()))).getFloatBuffer();
                        assertEquals(x.remaining(), y.remaining(), "size of output " + e.getKey());
                        for (int i = 0; i < x.remaining(); i++) {
                            maxError = Math.max(maxError, Math.abs((double) y.get(i) - x.get(i)));
                            maxReference = Math.max(maxReference, Math.abs(x.get(i)));
                        }
                    }
                }
            }
        } catch (OrtException e) {
            throw new AssertionError(e);
        }
        return new double[] {maxError, maxReference};
    }

    /** The engine's lossless bound for an output whose largest magnitude is {@code maxReference}. */
    static double tolerance(double maxReference) {
        return TechniqueDescriptor.DEFAULT_TOLERANCE * Math.max(1, maxReference);
    }

    /** Every output of {@code m} as raw bytes, after a run on seeded inputs. */
    static Map<String, byte[]> run(Model m, Map<String, long[]> inputShapes) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, byte[]> out = new LinkedHashMap<>();
        Map<String, OnnxTensor> feed = new LinkedHashMap<>();
        try (OrtSession s = OrtSessions.open(m, m.graph().name(), SessionSettings.defaults())) {
            SplittableRandom random = new SplittableRandom(7);
            for (Value in : m.graph().realInputs()) {
                long[] shape = inputShapes.get(in.name());
                int n = (int) Shape.elementCount(shape);
                if (in.type().elementType() == DataType.FLOAT) {
                    float[] v = new float[n];
                    for (int i = 0; i < n; i++) v[i] = (float) (random.nextDouble() * 2 - 1);
                    feed.put(in.name(), OnnxTensor.createTensor(env, FloatBuffer.wrap(v), shape));
                } else {
                    feed.put(in.name(), OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n]), shape));
                }
            }
            try (OrtSession.Result r = OrtSessions.run(s, m.graph().name(), feed)) {
                for (Map.Entry<String, OnnxValue> e : r) {
                    ByteBuffer bytes = ((OnnxTensor) e.getValue()).getByteBuffer();
                    byte[] data = new byte[bytes.remaining()];
                    bytes.get(data);
                    out.put(e.getKey(), data);
                }
            }
        } catch (OrtException e) {
            throw new AssertionError("ONNX Runtime failed on " + m.graph().name() + ": " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
        return out;
    }
}
