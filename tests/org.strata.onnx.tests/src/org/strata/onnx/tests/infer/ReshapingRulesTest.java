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
import org.strata.onnx.Value;
import org.strata.onnx.infer.InferenceReport;

/** Reshape (0, -1, computed targets), Unsqueeze/Squeeze across opsets, Split, Concat, Expand, Tile, Flatten, Pad, Transpose. */
class ReshapingRulesTest {
    @Test
    void reshapeCopiesZerosAndSolvesMinusOne() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", "s", 384);
        Value heads = t.op("Reshape", List.of(x, t.ints(0, 0, -1, 64)));
        Value rows = t.op("Reshape", List.of(x, t.ints(-1, 384)));
        Value merged = t.op("Reshape", List.of(heads, t.ints(0, -1)));
        Value back = t.op("Reshape", List.of(rows, t.ints(0, 6, 64)));
        t.inferClean();
        assertType("float[b, s, 6, 64]", heads);
        assertType("float[b*s, 384]", rows);
        assertType("float[b, 384*s]", merged);
        assertType("float[b*s, 6, 64]", back);
    }

    @Test
    void reshapeTargetComputedFromTheInputsOwnShape() {
        // MiniLM's pattern: Concat(Unsqueeze(Gather(Shape(x), 0)), Unsqueeze(Gather(Shape(x), 1)), [12], [32])
        TestGraph t = new TestGraph(11);
        Value x = t.input("x", DataType.FLOAT, "batch", "seq", 384);
        Value shape = t.op("Shape", List.of(x));
        Value batch = t.op("Unsqueeze", List.of(t.op("Gather", List.of(shape, t.scalar(0)))), Attribute.ofInts("axes", 0));
        Value seq = t.op("Unsqueeze", List.of(t.op("Gather", List.of(shape, t.scalar(1)))), Attribute.ofInts("axes", 0));
        Value target = t.op("Concat", List.of(batch, seq, t.ints(12), t.ints(32)), Attribute.of("axis", 0L));
        Value q = t.op("Reshape", List.of(x, target));
        Value scaled = t.op("Reshape", List.of(x, t.op("Concat", List.of(t.op("Mul", List.of(batch, t.ints(2))), t.ints(-1)),
                Attribute.of("axis", 0L))));
        t.inferClean();
        assertType("int64[4]", target);
        assertType("float[batch, seq, 12, 32]", q);
        assertType("float[2*batch, 192*seq]", scaled);
    }

    @Test
    void reshapeOfTheWrongElementCountFails() {
        TestGraph t = new TestGraph(17);
        Node bad = t.node("Reshape", List.of(t.input("x", DataType.FLOAT, 2, 3), t.ints(4)), 1);
        Node twoInferred = t.node("Reshape", List.of(t.input("y", DataType.FLOAT, 2, 3), t.ints(-1, -1)), 1);
        InferenceReport r = t.infer();
        assertEquals(List.of(bad.describe(), twoInferred.describe()), r.failures().stream().map(p -> p.where()).toList());
        assertTrue(r.failures().get(0).message().contains("6 elements"), r.failures().get(0).message());
    }

    @Test
    void unsqueezeTakesAxesAsAttributeBeforeOpset13AndAsInputFrom13() {
        TestGraph v11 = new TestGraph(11);
        Value a = v11.op("Unsqueeze", List.of(v11.input("x", DataType.FLOAT, "b", "s")), Attribute.ofInts("axes", 0, -1));
        v11.inferClean();
        assertType("float[1, b, s, 1]", a);

        TestGraph v13 = new TestGraph(13);
        Value x = v13.input("x", DataType.FLOAT, "b", "s");
        Value b = v13.op("Unsqueeze", List.of(x, v13.ints(0, -1)));
        Node stale = v13.node("Unsqueeze", List.of(x), 1, Attribute.ofInts("axes", 0));
        InferenceReport r = v13.infer();
        assertType("float[1, b, s, 1]", b);
        assertEquals(1, r.failures().size());
        assertEquals(stale.describe(), r.failures().get(0).where());
        assertTrue(r.failures().get(0).message().contains("since opset 13"), r.failures().get(0).message());
    }

    @Test
    void squeezeWithAndWithoutAxes() {
        TestGraph t = new TestGraph(13);
        Value x = t.input("x", DataType.FLOAT, 1, 3, 1, 5);
        Value first = t.op("Squeeze", List.of(x, t.ints(0)));
        Value all = t.op("Squeeze", List.of(x));
        Value maybe = t.op("Squeeze", List.of(t.input("y", DataType.FLOAT, "b", 1)));
        Node wrong = t.node("Squeeze", List.of(x, t.ints(1)), 1);
        InferenceReport r = t.infer();
        assertType("float[3, 1, 5]", first);
        assertType("float[3, 5]", all);
        assertType("float[?]", maybe); // b might be 1: the rank is not known
        assertEquals(wrong.describe(), r.failures().get(0).where());
    }

    @Test
    void splitSizesFromInputAttributeOrEqualParts() {
        TestGraph v13 = new TestGraph(13);
        Node s13 = v13.node("Split", List.of(v13.input("x", DataType.FLOAT, "b", "s", 384), v13.ints(128, 256)), 2,
                Attribute.of("axis", 2L));
        v13.inferClean();
        assertType("float[b, s, 128]", s13.output(0));
        assertType("float[b, s, 256]", s13.output(1));

        TestGraph v11 = new TestGraph(11);
        Node s11 = v11.node("Split", List.of(v11.input("x", DataType.FLOAT, "b", 1152)), 3, Attribute.of("axis", -1L));
        Node sized = v11.node("Split", List.of(v11.input("y", DataType.FLOAT, 10)), 2, Attribute.ofInts("split", 3, 7));
        v11.inferClean();
        for (Value o : s11.outputs()) assertType("float[b, 384]", o);
        assertType("float[3]", sized.output(0));
        assertType("float[7]", sized.output(1));

        TestGraph v18 = new TestGraph(18);
        Node uneven = v18.node("Split", List.of(v18.input("x", DataType.FLOAT, 10, 4)), 3, Attribute.of("num_outputs", 3L));
        Node symbolic = v18.node("Split", List.of(v18.input("y", DataType.FLOAT, "2*n")), 2, Attribute.of("num_outputs", 2L));
        Node wrongSum = v18.node("Split", List.of(v18.input("z", DataType.FLOAT, 10), v18.ints(3, 3)), 2);
        InferenceReport r = v18.infer();
        assertType("float[4, 4]", uneven.output(0));
        assertType("float[4, 4]", uneven.output(1));
        assertType("float[2, 4]", uneven.output(2));
        assertType("float[n]", symbolic.output(1));
        assertEquals(wrongSum.describe(), r.failures().get(0).where());
    }

    @Test
    void concatAddsSymbolicLengths() {
        TestGraph t = new TestGraph(17);
        Value past = t.input("past", DataType.FLOAT, "b", 12, "past", 32);
        Value now = t.input("now", DataType.FLOAT, "b", 12, "s", 32);
        Value kv = t.op("Concat", List.of(past, now), Attribute.of("axis", -2L));
        Value twice = t.op("Concat", List.of(kv, now), Attribute.of("axis", 2L));
        Value grid = t.op("ConstantOfShape", List.of(t.op("Concat", List.of(t.op("Shape", List.of(now)), t.ints(2)),
                Attribute.of("axis", 0L))));
        t.inferClean();
        assertType("float[b, 12, past + s, 32]", kv);
        assertType("float[b, 12, past + 2*s, 32]", twice);
        assertType("float[b, 12, s, 32, 2]", grid);
    }

    @Test
    void expandTileFlattenPadTranspose() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", "s", 384);
        Value expanded = t.op("Expand", List.of(t.input("bias", DataType.FLOAT, 1, 1, 384), t.op("Shape", List.of(x))));
        Value tiled = t.op("Tile", List.of(x, t.ints(2, 1, 3)));
        Value flat = t.op("Flatten", List.of(x), Attribute.of("axis", 2L));
        Value padded = t.op("Pad", List.of(x, t.ints(0, 1, 2, 0, 3, 4)));
        Value swapped = t.op("Transpose", List.of(x), Attribute.ofInts("perm", 0, 2, 1));
        Value reversed = t.op("Transpose", List.of(x));
        t.inferClean();
        assertType("float[b, s, 384]", expanded);
        assertType("float[2*b, s, 1152]", tiled);
        assertType("float[b*s, 384]", flat);
        assertType("float[b, s + 4, 390]", padded);
        assertType("float[b, 384, s]", swapped);
        assertType("float[384, s, b]", reversed);
    }

    @Test
    void unknownTargetKeepsTheRankWhenItCan() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", "s", 384);
        Value target = t.input("target", DataType.INT64, 4);
        Value r = t.op("Reshape", List.of(x, target));
        Value e = t.op("Expand", List.of(t.input("y", DataType.FLOAT, 7, 1), target));
        InferenceReport rep = t.inferClean();
        assertType("float[?, ?, ?, ?]", r);
        assertType("float[?, ?, 7, ?]", e);
        assertEquals(List.of(r, e), rep.partial());
        assertNull(target.producer());
    }
}
