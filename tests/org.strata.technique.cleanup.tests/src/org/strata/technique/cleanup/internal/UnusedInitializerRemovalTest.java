package org.strata.technique.cleanup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.strata.technique.cleanup.internal.CleanupFixture.assertValid;
import static org.strata.technique.cleanup.internal.CleanupFixture.floats;
import static org.strata.technique.cleanup.internal.CleanupFixture.output;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;

class UnusedInitializerRemovalTest {
    private static int run(Model m) {
        return new UnusedInitializerRemoval().run(new GraphFacts(m));
    }

    @Test
    void unusedInitializersGoUnlessTheyAreOutputs() {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(1));
        Value used = g.addInitializer("used", TensorCodec.fromFloats("used", new long[] {1}, new float[] {1}));
        g.addInitializer("unused", TensorCodec.fromFloats("unused", new long[] {1}, new float[] {2}));
        Value exported = g.addInitializer("exported", TensorCodec.fromFloats("exported", new long[] {1}, new float[] {3}));
        output(g, g.addNode("Add", List.of(x, used), "y").output(0), floats(1));
        g.addOutput(exported);

        assertEquals(1, run(m));
        assertEquals(List.of("used", "exported"), List.copyOf(g.initializers().keySet()));
        assertEquals(List.of("x"), g.inputs().stream().map(Value::name).toList(), "inputs are the interface, used or not");
        assertEquals(0, run(m));
        assertValid(m);
    }

    @Test
    void anInitializerUsedOnlyInsideASubgraphStays() {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(2));
        Value w = g.addInitializer("w", TensorCodec.fromFloats("w", new long[] {2}, new float[] {1, 2}));
        output(g, CleanupFixture.ifThenElse(g, "Neg", w, "Abs", x, "y").output(0), floats(2));
        assertEquals(0, run(m));
        assertEquals(List.of("w"), List.copyOf(g.initializers().keySet()));
    }
}
