package org.strata.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Reachability;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;

/** What a value feeds and what it depends on, on a diamond with a side branch. */
class ReachabilityTest {
    /** x -> Relu -> a; a -> Neg -> b; a -> Exp -> c; Add(b, c) -> y; z -> Abs -> d (a separate branch) */
    private final Graph g = new Graph("diamond");
    private final Value x = g.addInput("x", TensorType.of(DataType.FLOAT, 4));
    private final Value z = g.addInput("z", TensorType.of(DataType.FLOAT, 4));
    private final Node relu = g.addNode("Relu", List.of(x), "a");
    private final Node neg = g.addNode("Neg", List.of(relu.output(0)), "b");
    private final Node exp = g.addNode("Exp", List.of(relu.output(0)), "c");
    private final Node add = g.addNode("Add", List.of(neg.output(0), exp.output(0)), "y");
    private final Node abs = g.addNode("Abs", List.of(z), "d");

    @Test
    void descendantsAreEveryTransitiveConsumer() {
        assertEquals(Set.of(relu, neg, exp, add), Reachability.descendants(x));
        assertEquals(Set.of(add), Reachability.descendants(neg.output(0)));
        assertEquals(Set.of(relu, neg, exp, add, abs), Reachability.descendants(List.of(x, z)));
        assertTrue(Reachability.descendants(add.output(0)).isEmpty());
    }

    @Test
    void ancestorsIncludeTheProducersAndSkipNulls() {
        assertEquals(Set.of(relu, neg, exp, add), Reachability.ancestors(add.output(0)));
        assertEquals(Set.of(relu, neg, abs), Reachability.ancestors(neg.output(0), null, abs.output(0)));
        assertTrue(Reachability.ancestors(x).isEmpty(), "a graph input has no producer");
    }

    @Test
    void downstreamValuesStartWithTheValueItself() {
        Value a = relu.output(0);
        assertEquals(Set.of(a, neg.output(0), exp.output(0), add.output(0)), Reachability.downstreamValues(a));
        assertEquals(Set.of(z, abs.output(0)), Reachability.downstreamValues(z));
    }
}
