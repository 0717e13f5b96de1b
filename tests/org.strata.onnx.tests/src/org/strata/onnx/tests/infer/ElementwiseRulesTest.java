package org.strata.onnx.tests.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.onnx.tests.infer.TestGraph.assertType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Node;
import org.strata.onnx.Problem;
import org.strata.onnx.Value;
import org.strata.onnx.infer.InferenceReport;

/** Broadcasting with symbolic dimensions, comparisons, Where, Cast, and inputs that do not broadcast. */
class ElementwiseRulesTest {
    @Test
    void broadcastingWithSymbols() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", "s", 384);
        Value sum = t.op("Add", List.of(x, t.input("y", DataType.FLOAT, 1, "s", 1)));
        Value outer = t.op("Mul", List.of(t.input("row", DataType.FLOAT, "b", 1, 384), t.input("col", DataType.FLOAT, "s", 1)));
        Value u = t.input("u", DataType.FLOAT, "n");
        Value v = t.input("v", DataType.FLOAT, 7);
        Value fixedWins = t.op("Sub", List.of(u, v));
        Value fixedWinsEitherSide = t.op("Sub", List.of(v, u));
        Value twoSymbols = t.op("Div", List.of(t.input("p", DataType.FLOAT, "m", 3), t.input("q", DataType.FLOAT, "k", 3)));
        Value scalar = t.op("Pow", List.of(x, t.input("e", DataType.FLOAT)));
        Value perChannel = t.op("PRelu", List.of(t.input("img", DataType.FLOAT, "b", 3, 8, 8), t.input("slope", DataType.FLOAT, 3, 1, 1)));
        t.inferClean();
        assertType("float[b, s, 384]", sum);
        assertType("float[b, s, 384]", outer);
        assertType("float[7]", fixedWins);
        assertType("float[7]", fixedWinsEitherSide);
        assertType("float[?, 3]", twoSymbols);
        assertType("float[b, s, 384]", scalar);
        assertType("float[b, 3, 8, 8]", perChannel);
    }

    @Test
    void variadicAndComparisonsAndWhere() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", "s", 384);
        Value mask = t.input("mask", DataType.BOOL, "b", 1, 1);
        Value less = t.op("Less", List.of(x, t.input("limit", DataType.FLOAT, 384)));
        Value where = t.op("Where", List.of(mask, x, t.input("zero", DataType.FLOAT)));
        Value max = t.op("Max", List.of(x, t.input("m1", DataType.FLOAT, 1, "s", 1), t.input("m2", DataType.FLOAT, "b", 1, 1)));
        Value not = t.op("Not", List.of(mask));
        t.inferClean();
        assertType("bool[b, s, 384]", less);
        assertType("float[b, s, 384]", where);
        assertType("float[b, s, 384]", max);
        assertType("bool[b, 1, 1]", not);
    }

    @Test
    void castChangesTheElementTypeOnly() {
        TestGraph t = new TestGraph(20);
        Value x = t.input("x", DataType.FLOAT, "b", 16);
        Value half = t.op("Cast", List.of(x), Attribute.of("to", (long) DataType.FLOAT16.code()));
        Value like = t.op("CastLike", List.of(x, t.input("ids", DataType.INT64, 3)));
        Value gelu = t.op("Gelu", List.of(half));
        t.inferClean();
        assertType("float16[b, 16]", half);
        assertType("int64[b, 16]", like);
        assertType("float16[b, 16]", gelu);
    }

    @Test
    void shapesThatDoNotBroadcastFailTheNodeNotTheRun() {
        TestGraph t = new TestGraph(17);
        Node add = t.node("Add", List.of(t.input("a", DataType.FLOAT, 3, 4), t.input("b", DataType.FLOAT, 5, 4)), 1);
        Value after = t.op("Relu", List.of(add.output(0)));
        Node mixed = t.node("Mul", List.of(t.input("f", DataType.FLOAT, 2), t.input("i", DataType.INT64, 2)), 1);
        InferenceReport r = t.infer();
        assertEquals(2, r.failures().size(), r.failures().toString());
        Problem p = r.failures().get(0);
        assertEquals(add.describe(), p.where());
        assertTrue(p.message().contains("3 against 5"), p.message());
        assertTrue(r.failures().get(1).message().contains("float and int64"), r.failures().get(1).message());
        assertEquals(mixed.describe(), r.failures().get(1).where());
        assertNull(add.output(0).type());
        assertNull(after.type());
        assertTrue(r.unknown().contains(after));
    }
}
