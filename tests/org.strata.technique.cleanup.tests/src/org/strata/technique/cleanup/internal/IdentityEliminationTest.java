package org.strata.technique.cleanup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.strata.technique.cleanup.internal.CleanupFixture.assertSameOutputs;
import static org.strata.technique.cleanup.internal.CleanupFixture.assertValid;
import static org.strata.technique.cleanup.internal.CleanupFixture.copy;
import static org.strata.technique.cleanup.internal.CleanupFixture.count;
import static org.strata.technique.cleanup.internal.CleanupFixture.floats;
import static org.strata.technique.cleanup.internal.CleanupFixture.output;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Value;

class IdentityEliminationTest {
    private static final IdentityElimination PASS = new IdentityElimination();

    private static int run(Model m) {
        return PASS.run(new GraphFacts(m));
    }

    @Test
    void chainFeedingAGraphOutputKeepsTheOutputNameAndType() {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        Value x = g.addInput("x", floats("batch", 4));
        Node relu = g.addNode("Relu", List.of(x), "r");
        Value a = g.addNode("Identity", List.of(relu.output(0)), "a").output(0);
        Value b = g.addNode("Identity", List.of(a), "b").output(0);
        Value y = g.addNode("Identity", List.of(b), "logits").output(0);
        output(g, y, floats("batch", 4));
        Model reference = copy(m);

        assertEquals(3, run(m));
        assertEquals(0, count(m, "Identity"));
        assertEquals(List.of("logits"), g.outputs().stream().map(Value::name).toList());
        assertSame(relu, g.outputs().get(0).producer(), "Relu now produces the output itself");
        assertEquals(floats("batch", 4), g.outputs().get(0).type());
        assertValid(m);
        assertSameOutputs(reference, m, Map.of("x", new long[] {3, 4}));
    }

    @Test
    void everyUserIsRewiredToTheInput() {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(2, 3));
        Value id = g.addNode("Identity", List.of(x), "id").output(0);
        Value s = g.addNode("Sigmoid", List.of(id), "s").output(0);
        Value t = g.addNode("Add", List.of(id, s), "t").output(0);
        output(g, t, floats(2, 3));
        Model reference = copy(m);

        assertEquals(1, run(m));
        assertSame(x, g.value("s").producer().input(0));
        assertSame(x, g.value("t").producer().input(0));
        assertValid(m);
        assertSameOutputs(reference, m, Map.of("x", new long[] {2, 3}));
    }

    @Test
    void identityThatGivesAnInputOrInitializerOrSecondOutputItsOwnNameStays() {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(2));
        output(g, g.addNode("Identity", List.of(x), "x_copy").output(0), floats(2));
        Value w = g.addInitializer("w", org.strata.onnx.TensorCodec.fromFloats("w", new long[] {2}, new float[] {1, 2}));
        output(g, g.addNode("Identity", List.of(w), "w_out").output(0), floats(2));
        Value neg = g.addNode("Neg", List.of(x), "neg").output(0);
        output(g, neg, floats(2));
        output(g, g.addNode("Identity", List.of(neg), "neg_again").output(0), floats(2));

        assertEquals(0, run(m));
        assertEquals(3, count(m, "Identity"));
        assertEquals(List.of("x_copy", "w_out", "neg", "neg_again"), g.outputs().stream().map(Value::name).toList());
        assertValid(m);
    }

    @Test
    void usesInsideASubgraphAreRewiredToo() {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(2));
        Value id = g.addNode("Identity", List.of(x), "id").output(0);
        Node branch = CleanupFixture.ifThenElse(g, "Neg", id, "Abs", id, "y");
        output(g, branch.output(0), floats(2));

        assertEquals(1, run(m));
        for (org.strata.onnx.Graph body : branch.subgraphs()) assertSame(x, body.nodes().get(0).input(0));
        assertValid(m);
    }
}
