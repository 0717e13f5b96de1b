package org.strata.technique.cleanup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.technique.cleanup.internal.CleanupFixture.assertValid;
import static org.strata.technique.cleanup.internal.CleanupFixture.floats;
import static org.strata.technique.cleanup.internal.CleanupFixture.output;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Attribute;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Value;

class DeadNodeEliminationTest {
    private static int run(Model m) {
        return new DeadNodeElimination().run(new GraphFacts(m));
    }

    @Test
    void aDeadChainGoesAndWhatTheOutputsNeedStays() {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(4));
        Value live = g.addNode("Relu", List.of(x), "live").output(0);
        Value dead1 = g.addNode("Neg", List.of(live), "dead1").output(0);
        Node dead2 = g.addNode("Abs", List.of(dead1), "dead2");
        g.addNode("Exp", List.of(dead2.output(0)), "dead3");
        output(g, g.addNode("Sigmoid", List.of(live), "y").output(0), floats(4));

        assertEquals(3, run(m));
        assertEquals(List.of("Relu", "Sigmoid"), g.nodes().stream().map(Node::opType).toList());
        assertEquals(0, run(m), "nothing left to remove");
        assertValid(m);
    }

    @Test
    void customDomainNodesAreKeptEvenWhenNothingUsesThem() {
        Model m = CleanupFixture.model(17);
        m.setOpset("com.example", 1);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(4));
        Value neg = g.addNode("Neg", List.of(x), "neg").output(0);
        g.addNode("com.example", "Log", List.of(neg), List.of("logged"), List.of(Attribute.of("tag", "debug")));
        g.addNode(Node.MS_DOMAIN, "Gelu", List.of(x), List.of("unused_gelu"), List.of());
        output(g, g.addNode("Relu", List.of(x), "y").output(0), floats(4));

        assertEquals(1, run(m), "only the com.microsoft Gelu: the custom node and the Neg feeding it stay");
        assertEquals(List.of("Neg", "Log", "Relu"), g.nodes().stream().map(Node::opType).toList());
        assertValid(m);
    }

    @Test
    void aValueUsedOnlyInsideASubgraphIsLive() {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(4));
        Value outer = g.addNode("Neg", List.of(x), "outer").output(0);
        output(g, CleanupFixture.ifThenElse(g, "Abs", outer, "Identity", x, "y").output(0), floats(4));

        assertEquals(0, run(m));
        assertTrue(g.nodes().stream().anyMatch(n -> n.is("Neg")));
    }
}
