package org.strata.technique.cleanup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.strata.technique.cleanup.internal.CleanupFixture.assertSameOutputs;
import static org.strata.technique.cleanup.internal.CleanupFixture.assertValid;
import static org.strata.technique.cleanup.internal.CleanupFixture.copy;
import static org.strata.technique.cleanup.internal.CleanupFixture.floats;
import static org.strata.technique.cleanup.internal.CleanupFixture.output;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;

class InitializerDeduplicationTest {
    private static int run(Model m) {
        return new InitializerDeduplication().run(new GraphFacts(m));
    }

    private static Value weight(Graph g, String name, long[] dims, float... v) {
        return g.addInitializer(name, TensorCodec.fromFloats(name, dims, v));
    }

    @Test
    void sameTypeShapeAndBytesMergeIntoTheFirstAndEveryUseFollows() {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(2, 2));
        Value a = weight(g, "a", new long[] {2, 2}, 1, 2, 3, 4);
        Value b = weight(g, "b", new long[] {2, 2}, 1, 2, 3, 4);
        Value c = weight(g, "c", new long[] {4}, 1, 2, 3, 4); // same bytes, other shape
        Value d = weight(g, "d", new long[] {2, 2}, 1, 2, 3, 4);
        Value zero = weight(g, "zero", new long[] {1}, 0f);
        Value negativeZero = weight(g, "negative_zero", new long[] {1}, -0f); // other bytes
        Value asInts = g.addInitializer("as_ints", TensorCodec.fromLongs("as_ints", org.strata.onnx.DataType.INT32, new long[] {2, 2},
                new long[] {Float.floatToIntBits(1), Float.floatToIntBits(2), Float.floatToIntBits(3), Float.floatToIntBits(4)}));
        Value sum = x;
        for (Value w : List.of(a, b, d, zero, negativeZero)) sum = g.addNode("Add", List.of(sum, w), "sum").output(0);
        Value flat = g.addNode("Reshape", List.of(g.addNode("Add", List.of(sum, b), "again").output(0), g.addInitializer("shape",
                TensorCodec.fromLongs("shape", new long[] {1}, new long[] {4}))), "flat").output(0);
        output(g, g.addNode("Mul", List.of(flat, c), "y").output(0), floats(4));
        Value bits = g.addNode("Identity", List.of(asInts), "bits").output(0);
        g.addOutput(bits);
        Model reference = copy(m);

        assertEquals(2, run(m), "b and d merge into a");
        assertEquals(List.of("a", "c", "zero", "negative_zero", "as_ints", "shape"), List.copyOf(g.initializers().keySet()));
        for (Value.Use u : a.uses()) assertSame(a, u.node().input(u.index()));
        assertEquals(4, a.uses().size(), "its own use, b's two and d's");
        assertValid(m);
        assertSameOutputs(reference, m, Map.of("x", new long[] {2, 2}));
    }

    @Test
    void anInitializerThatIsAGraphOutputKeepsItsName() {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        Value a = weight(g, "a", new long[] {2}, 1, 2);
        Value b = weight(g, "b", new long[] {2}, 1, 2);
        Value c = weight(g, "c", new long[] {2}, 1, 2);
        g.addOutput(g.addNode("Add", List.of(a, c), "y").output(0));
        g.addOutput(b);
        Model reference = copy(m);

        assertEquals(1, run(m), "c merges into a; b is an output");
        assertEquals(List.of("a", "b"), List.copyOf(g.initializers().keySet()));
        assertEquals(List.of("y", "b"), g.outputs().stream().map(Value::name).toList());
        assertValid(m);
        assertSameOutputs(reference, m, Map.of());
    }
}
