package org.strata.onnx.tests.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.onnx.tests.infer.TestGraph.assertType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Node;
import org.strata.onnx.Value;
import org.strata.onnx.infer.InferenceReport;

/** Slice, Gather and friends, TopK. */
class IndexingRulesTest {
    @Test
    void sliceWithNegativeIndicesAndSteps() {
        TestGraph t = new TestGraph(17);
        Value a = t.input("a", DataType.FLOAT, 10, 20, "s");
        // axis 0: from the last element backwards past the first (all 10); axis 1: 2, 5, 8, 11, 14
        Value both = t.op("Slice", List.of(a, t.ints(-1, 2), t.ints(-11, -3), t.ints(0, 1), t.ints(-1, 3)));
        Value last = t.op("Slice", List.of(a, t.ints(-1), t.ints(Long.MAX_VALUE), t.ints(-1)));
        Value allButLast = t.op("Slice", List.of(a, t.ints(0), t.ints(-1), t.ints(2)));
        Value everyOther = t.op("Slice", List.of(a, t.ints(1), t.ints(10), t.ints(0), t.ints(2)));
        Value empty = t.op("Slice", List.of(a, t.ints(8), t.ints(2), t.ints(0)));
        t.inferClean();
        assertType("float[10, 5, s]", both);
        assertType("float[10, 20, 1]", last);
        assertType("float[10, 20, s - 1]", allButLast);
        assertType("float[5, 20, s]", everyOther);
        assertType("float[0, 20, s]", empty);
    }

    @Test
    void sliceToASymbolicEndAndOfShapeData() {
        // BERT's position ids: position_ids[:, :seq] of a [1, 512] table, seq computed from input_ids' shape
        TestGraph t = new TestGraph(11);
        Value ids = t.input("ids", DataType.INT64, "batch", "seq");
        Value table = t.input("table", DataType.INT64, 1, 512);
        Value seq = t.op("Unsqueeze", List.of(t.op("Gather", List.of(t.op("Shape", List.of(ids)), t.scalar(1)))),
                Attribute.ofInts("axes", 0));
        Value positions = t.op("Slice", List.of(table, t.ints(0), seq, t.ints(1), t.ints(1)));
        Value tail = t.op("Slice", List.of(t.op("Shape", List.of(t.input("x", DataType.FLOAT, "batch", "seq", 384))), t.ints(-2),
                t.ints(Long.MAX_VALUE)));
        Value filled = t.op("ConstantOfShape", List.of(tail));
        t.inferClean();
        assertType("int64[1, seq]", positions);
        assertType("int64[2]", tail);
        assertType("float[seq, 384]", filled);
    }

    @Test
    void gatherWithNegativeAxisAndIndices() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", "s", 384);
        Value picked = t.op("Gather", List.of(x, t.input("i", DataType.INT64, 5, 2)), Attribute.of("axis", -1L));
        Value rows = t.op("Gather", List.of(t.input("emb", DataType.FLOAT, 30522, 384), t.input("ids", DataType.INT64, "b", "s")));
        Value lastDim = t.op("Gather", List.of(t.op("Shape", List.of(x)), t.scalar(-1)));
        Value filled = t.op("ConstantOfShape", List.of(t.op("Unsqueeze", List.of(lastDim, t.ints(0)))));
        Node outOfRange = t.node("Gather", List.of(x, t.scalar(3)), 1, Attribute.of("axis", 0L));
        Node tooFar = t.node("Gather", List.of(t.input("w", DataType.FLOAT, 4, 4), t.scalar(-5)), 1);
        InferenceReport r = t.infer();
        assertType("float[b, s, 5, 2]", picked);
        assertType("float[b, s, 384]", rows);
        assertType("int64[]", lastDim);
        assertType("float[384]", filled);
        assertType("float[s, 384]", outOfRange.output(0)); // b is symbolic: index 3 may be valid
        assertEquals(List.of(tooFar.describe()), r.failures().stream().map(p -> p.where()).toList());
        assertTrue(r.failures().get(0).message().contains("index -5"), r.failures().get(0).message());
    }

    @Test
    void gatherElementsAndGatherNdAndScatter() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", "s", 384);
        Value elements = t.op("GatherElements", List.of(x, t.input("ge", DataType.INT64, "b", 3, 384)), Attribute.of("axis", 1L));
        Value nd = t.op("GatherND", List.of(x, t.input("nd", DataType.INT64, 4, 2)));
        Value batched = t.op("GatherND", List.of(x, t.input("bnd", DataType.INT64, "b", 1)), Attribute.of("batch_dims", 1L));
        Value scattered = t.op("ScatterND", List.of(x, t.input("si", DataType.INT64, 2, 1), t.input("su", DataType.FLOAT, 2, "s", 384)));
        t.inferClean();
        assertType("float[b, 3, 384]", elements);
        assertType("float[4, 384]", nd);
        assertType("float[b, 384]", batched);
        assertType("float[b, s, 384]", scattered);
    }

    @Test
    void topKFromInputAndFromAttributeBeforeOpset10() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", 50, 384);
        Node top = t.node("TopK", List.of(x, t.ints(5)), 2, Attribute.of("axis", 1L));
        Node tooMany = t.node("TopK", List.of(x, t.ints(51)), 2, Attribute.of("axis", 1L));
        InferenceReport r = t.infer();
        assertType("float[b, 5, 384]", top.output(0));
        assertType("int64[b, 5, 384]", top.output(1));
        assertEquals(List.of(tooMany.describe()), r.failures().stream().map(p -> p.where()).toList());

        TestGraph v9 = new TestGraph(9);
        Node old = v9.node("TopK", List.of(v9.input("x", DataType.FLOAT, "b", 384)), 2, Attribute.of("k", 3L));
        v9.inferClean();
        assertType("float[b, 3]", old.output(0));
        assertType("int64[b, 3]", old.output(1));
    }

    @Test
    void aCountComputedAtRunTimeIsOneSizeForTopKAndRange() {
        // a token reduction's width: the largest of a per-row count, used as TopK's k and as a Range's limit
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", "s");
        Value counts = t.input("counts", DataType.INT64, "b");
        Value width = t.op("ReduceMax", List.of(counts), Attribute.of("keepdims", 0L));
        Value k = t.op("Unsqueeze", List.of(width, t.ints(0)));
        Node top = t.node("TopK", List.of(x, k), 2, Attribute.of("axis", 1L));
        Value slots = t.op("Range", List.of(t.scalar(0), width, t.scalar(1)));
        t.infer();
        assertType("float[b, n_" + width.name().replaceAll("[^A-Za-z0-9_]", "_") + "]", top.output(0));
        assertEquals(top.output(0).type().shape().dim(1), slots.type().shape().dim(0), "the same computed size");
    }
}
