package org.strata.technique.cleanup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.technique.cleanup.internal.CleanupFixture.assertSameOutputs;
import static org.strata.technique.cleanup.internal.CleanupFixture.assertValid;
import static org.strata.technique.cleanup.internal.CleanupFixture.clean;
import static org.strata.technique.cleanup.internal.CleanupFixture.copy;
import static org.strata.technique.cleanup.internal.CleanupFixture.count;
import static org.strata.technique.cleanup.internal.CleanupFixture.floats;
import static org.strata.technique.cleanup.internal.CleanupFixture.only;
import static org.strata.technique.cleanup.internal.CleanupFixture.output;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.strata.core.Change;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Shape;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;

class NoOpEliminationTest {
    private static Value ints(Graph g, String name, long... v) {
        return g.addInitializer(name, TensorCodec.fromLongs(name, new long[] {v.length}, v));
    }

    /** {@code op(x, second)} then Relu, as graph output {@code name}. */
    private static void branch(Graph g, String name, String op, Value x, Value second, List<Attribute> attrs, Object... outDims) {
        List<Value> in = second == null ? List.of(x) : List.of(x, second);
        Value y = g.addNode("", op, in, List.of(name + "_" + op), attrs).output(0);
        output(g, g.addNode("Relu", List.of(y), name).output(0), floats(outDims));
    }

    @Test
    void provableNoOpsGoAndTheOthersStay() {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        Value x = g.addInput("x", floats("batch", "seq", 8));
        Value s = g.addInput("s", floats(2, 3, 4));
        Value b = g.addInput("b", floats("batch", 1, 8));
        // removed
        branch(g, "cast_same", "Cast", x, null, List.of(Attribute.of("to", (long) DataType.FLOAT.code())), "batch", "seq", 8);
        branch(g, "reshape_copy", "Reshape", x, ints(g, "t1", 0, 0, 8), List.of(), "batch", "seq", 8);
        branch(g, "reshape_wild", "Reshape", s, ints(g, "t2", 2, -1, 4), List.of(), 2, 3, 4);
        branch(g, "transpose_id", "Transpose", x, null, List.of(Attribute.ofInts("perm", 0, 1, 2)), "batch", "seq", 8);
        branch(g, "expand_same", "Expand", b, ints(g, "t3", 1, 8), List.of(), "batch", 1, 8);
        branch(g, "tile_ones", "Tile", s, ints(g, "t4", 1, 1, 1), List.of(), 2, 3, 4);
        // kept
        branch(g, "reshape_flat", "Reshape", x, ints(g, "t5", 0, -1), List.of(), "batch", "flat");
        branch(g, "reshape_wild_symbolic", "Reshape", x, ints(g, "t6", -1, 0, 8), List.of(), "batch", "seq", 8);
        branch(g, "transpose_swap", "Transpose", x, null, List.of(Attribute.ofInts("perm", 0, 2, 1)), "batch", 8, "seq");
        branch(g, "expand_grows", "Expand", b, ints(g, "t7", 4, 8), List.of(), "batch", 4, 8);
        branch(g, "tile_twice", "Tile", s, ints(g, "t8", 1, 2, 1), List.of(), 2, 6, 4);
        Model reference = copy(m);

        Change c = clean(m, only("no-ops", "dead-nodes", "unused-initializers"), null);

        assertEquals("6", c.details().get("no-ops"), c.summary());
        assertEquals(0, count(m, "Cast"));
        assertEquals(1, count(m, "Tile"));
        assertEquals(1, count(m, "Expand"));
        assertEquals(2, count(m, "Reshape"), "flat, and -1 over a symbolic dimension");
        assertEquals(1, count(m, "Transpose"));
        assertEquals(List.of("t5", "t6", "t7", "t8"), List.copyOf(g.initializers().keySet()));
        assertValid(m);
        assertSameOutputs(reference, m, Map.of("x", new long[] {2, 5, 8}, "s", new long[] {2, 3, 4}, "b", new long[] {2, 1, 8}));
    }

    @Test
    void castToAnotherTypeStaysAndCastLikeOfTheSameTypeGoes() {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(4));
        Value like = g.addInitializer("like", TensorCodec.fromFloats("like", new long[0], new float[] {0}));
        Value half = g.addNode("", "Cast", List.of(x), List.of("half"), List.of(Attribute.of("to", (long) DataType.FLOAT16.code()))).output(0);
        Value back = g.addNode("", "Cast", List.of(half), List.of("back"), List.of(Attribute.of("to", (long) DataType.FLOAT.code()))).output(0);
        Value same = g.addNode("CastLike", List.of(back, like), "same").output(0);
        output(g, same, floats(4));
        Model reference = copy(m);

        assertEquals("1", clean(m, only("no-ops", "dead-nodes", "unused-initializers"), null).details().get("no-ops"));
        assertEquals(2, count(m, "Cast"), "float → float16 → float rounds: both casts stay");
        assertEquals(0, count(m, "CastLike"));
        assertEquals("same", g.outputs().get(0).name());
        assertSameOutputs(reference, m, Map.of("x", new long[] {4}));
    }

    @Test
    void staticShapesThatAgreeMakeAReshapeANoOpWhateverComputesItsTarget() {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(2, 12));
        Value y = g.addInput("y", floats(2, 12));
        Value target = g.addNode("Shape", List.of(y), "target").output(0);
        Value reshaped = g.addNode("Reshape", List.of(x, target), "reshaped").output(0);
        output(g, g.addNode("Relu", List.of(reshaped), "z").output(0), floats(2, 12));
        Model reference = copy(m);

        clean(m, only("no-ops", "dead-nodes"), null);
        assertEquals(0, count(m, "Reshape"));
        assertEquals(0, count(m, "Shape"), "the target's computation is dead once the Reshape is gone");
        assertEquals(List.of("Relu"), g.nodes().stream().map(n -> n.opType()).toList());
        assertValid(m);
        assertSameOutputs(reference, m, Map.of("x", new long[] {2, 12}, "y", new long[] {2, 12}));
    }

    @Test
    void reshapeRulesCaseByCase() {
        Shape bs8 = new Shape(List.of(Dim.of("batch"), Dim.of("seq"), Dim.of(8)));
        assertTrue(NoOpElimination.reshapeKeepsShape(bs8, new long[] {0, 0, 8}, false));
        assertTrue(NoOpElimination.reshapeKeepsShape(bs8, new long[] {0, 0, 0}, false));
        assertFalse(NoOpElimination.reshapeKeepsShape(bs8, new long[] {0, 0, 8}, true), "allowzero: 0 means size 0");
        assertFalse(NoOpElimination.reshapeKeepsShape(bs8, new long[] {0, 0, -1}, false), "-1 beside symbolic sizes");
        assertFalse(NoOpElimination.reshapeKeepsShape(bs8, new long[] {0, 8}, false));
        assertTrue(NoOpElimination.reshapeKeepsShape(Shape.of(2, 3, 4), new long[] {-1, 3, 4}, false));
        assertFalse(NoOpElimination.reshapeKeepsShape(Shape.of(2, 0, 4), new long[] {-1, 0, 4}, false), "a zero beside -1");
        assertFalse(NoOpElimination.reshapeKeepsShape(Shape.of(2, 3, 4), new long[] {-1, -1, 4}, false));
        assertTrue(NoOpElimination.expandKeepsShape(bs8, new long[] {1, 1, 8}));
        assertFalse(NoOpElimination.expandKeepsShape(bs8, new long[] {1, 1, 1, 8}), "adds a dimension");
        assertFalse(NoOpElimination.expandKeepsShape(bs8, new long[] {2, 1, 8}), "batch might be 1");
        assertTrue(NoOpElimination.identityPermutation(null, Shape.of(5)));
        assertFalse(NoOpElimination.identityPermutation(null, Shape.of(5, 5)));
    }
}
