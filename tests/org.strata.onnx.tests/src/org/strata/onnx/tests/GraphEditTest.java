package org.strata.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.InvalidGraphException;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.Node;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;

/** The edit operations keep the producer/consumer index consistent and the graph valid. */
class GraphEditTest {
    /** x -> Relu -> a -> Neg -> b -> Add(b, w) -> y */
    private static Model chain() {
        Graph g = new Graph("chain");
        Value x = g.addInput("x", TensorType.of(DataType.FLOAT, 4));
        Value w = g.addInitializer("w", TensorCodec.fromFloats("w", new long[] {4}, new float[] {1, 2, 3, 4}));
        Node relu = g.addNode("Relu", List.of(x), "a");
        Node neg = g.addNode("Neg", List.of(relu.output(0)), "b");
        Node add = g.addNode("Add", List.of(neg.output(0), w), "y");
        g.addOutput(add.output(0));
        return new Model(g, 8, 17);
    }

    @Test
    void indexIsConsistent() {
        Model m = chain();
        Graph g = m.graph();
        Value a = g.value("a");
        assertEquals("Relu", a.producer().opType());
        assertEquals(1, a.uses().size());
        assertEquals("Neg", a.consumers().get(0).opType());
        assertTrue(GraphValidator.check(m).isEmpty(), GraphValidator.check(m).toString());
    }

    @Test
    void replaceAllUsesWithThenRemoveDeadNodes() {
        Model m = chain();
        Graph g = m.graph();
        Value a = g.value("a");
        Value b = g.value("b");
        g.replaceAllUsesWith(b, a); // skip the Neg
        assertFalse(b.hasUses());
        assertEquals(1, g.removeDeadNodes());
        assertEquals(List.of("Relu", "Add"), g.nodes().stream().map(Node::opType).toList());
        assertEquals(a, g.value("y").producer().input(0));
        assertTrue(GraphValidator.check(m).isEmpty());
    }

    @Test
    void replacingAGraphOutputKeepsItsName() {
        Model m = chain();
        Graph g = m.graph();
        Value b = g.value("b");
        g.replaceAllUsesWith(g.outputs().get(0), b);
        g.removeDeadNodes();
        assertEquals("y", g.outputs().get(0).name());
        assertSame(b, g.outputs().get(0));
        assertEquals("Neg", g.outputs().get(0).producer().opType());
        assertTrue(g.initializers().isEmpty(), "the unused initializer was not removed");
        assertTrue(GraphValidator.check(m).isEmpty());
        // Replacing an output by a graph input needs an Identity to keep the output's name.
        g.replaceAllUsesWith(g.outputs().get(0), g.value("x"));
        assertEquals("y", g.outputs().get(0).name());
        assertEquals("Identity", g.outputs().get(0).producer().opType());
    }

    @Test
    void removingAUsedNodeIsRefused() {
        Graph g = chain().graph();
        InvalidGraphException e = assertThrows(InvalidGraphException.class, () -> g.remove(g.value("a").producer()));
        assertTrue(e.getMessage().contains("still used by"), e.getMessage());
        assertEquals(3, g.nodes().size());
    }

    @Test
    void topologicalSortPlacesNewNodes() {
        Model m = chain();
        Graph g = m.graph();
        Value a = g.value("a");
        Node sq = g.addNode("Sqrt", List.of(a), "s"); // appended after Add, but Add will use it
        g.value("y").producer().setInput(0, sq.output(0));
        assertFalse(g.isTopologicallySorted());
        assertFalse(GraphValidator.check(m).isEmpty());
        g.sortTopologically();
        assertTrue(g.isTopologicallySorted());
        g.removeDeadNodes();
        assertEquals(List.of("Relu", "Sqrt", "Add"), g.nodes().stream().map(Node::opType).toList());
        assertTrue(GraphValidator.check(m).isEmpty());
    }

    @Test
    void uniqueNamesAndRenames() {
        Graph g = chain().graph();
        assertEquals("a_1", g.uniqueName("a"));
        assertEquals("fresh", g.uniqueName("fresh"));
        Node n = g.addNode("Relu", List.of(g.value("x")), "a");
        assertEquals("a_2", n.output(0).name(), "a taken name must be made unique");
        assertThrows(InvalidGraphException.class, () -> g.value("b").rename("a"));
    }

    @Test
    void subgraphUsesOfOuterValuesOrderTheOuterGraph() {
        Graph g = new Graph("outer");
        Value x = g.addInput("x", TensorType.of(DataType.FLOAT, 4));
        Value cond = g.addInput("c", TensorType.of(DataType.BOOL));
        Graph thenG = g.newSubgraph("then");
        Graph elseG = g.newSubgraph("else");
        Node ifNode = g.addNode("", "If", List.of(cond), List.of("r"), List.of(Attribute.of("then_branch", thenG), Attribute.of("else_branch", elseG)));
        Node relu = g.addNode("Relu", List.of(x), "late"); // produced after the If that uses it
        thenG.addOutput(thenG.addNode("Neg", List.of(relu.output(0)), "t").output(0));
        elseG.addOutput(elseG.addNode("Identity", List.of(relu.output(0)), "e").output(0));
        g.addOutput(ifNode.output(0));
        Model m = new Model(g, 8, 17);
        assertFalse(g.isTopologicallySorted());
        g.sortTopologically();
        assertEquals(List.of("Relu", "If"), g.nodes().stream().map(Node::opType).toList());
        assertTrue(GraphValidator.check(m).isEmpty(), GraphValidator.check(m).toString());
        // The Relu cannot be removed while a branch uses it.
        assertThrows(InvalidGraphException.class, () -> g.remove(relu));
        // Round trip through protobuf keeps the nesting.
        Model back = ModelReader.read(ModelWriter.toBytes(m), "if-model");
        Node ifBack = back.graph().nodes().get(1);
        assertEquals(2, ifBack.subgraphs().size());
        assertSame(back.graph().value("late"), ifBack.subgraphs().get(0).nodes().get(0).input(0));
    }

    @Test
    void initializersAreReplacedAndRemoved() {
        Model m = chain();
        Graph g = m.graph();
        Value w = g.value("w");
        g.setInitializer(w, TensorCodec.fromFloats("other", DataType.FLOAT16, new long[] {4}, new float[] {1, 2, 3, 4}));
        assertEquals("w", w.initializer().name());
        assertEquals(DataType.FLOAT16, w.type().elementType());
        assertThrows(InvalidGraphException.class, () -> g.removeInitializer(w));
        g.value("y").producer().setInput(1, g.value("a"));
        g.removeInitializer(w);
        assertNull(g.value("w"));
        assertTrue(GraphValidator.check(m).isEmpty());
    }

    @Test
    void removedProducerIsReportedByTheValidator() {
        Model m = chain();
        Graph g = m.graph();
        Node neg = g.value("b").producer();
        // Remove Neg and its consumer together, then re-point the output at a dead value: invalid.
        Node add = g.value("y").producer();
        Value b = g.value("b");
        g.removeOutput(g.value("y"));
        g.removeAll(List.of(neg, add));
        g.addOutput(b);
        assertTrue(GraphValidator.check(m).stream().anyMatch(p -> p.message().contains("'b' is produced by nothing")),
                GraphValidator.check(m).toString());
    }
}
