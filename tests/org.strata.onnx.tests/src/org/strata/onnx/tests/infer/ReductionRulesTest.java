package org.strata.onnx.tests.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.strata.onnx.tests.infer.TestGraph.assertType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Node;
import org.strata.onnx.Value;
import org.strata.onnx.infer.InferenceReport;

/** Reduce* with axes as attribute or input depending on the opset, keepdims, noop_with_empty_axes; ArgMax. */
class ReductionRulesTest {
    @Test
    void axesAsAttributeUpToOpset17() {
        TestGraph t = new TestGraph(13);
        Value x = t.input("x", DataType.FLOAT, "b", "s", 384);
        Value mean = t.op("ReduceMean", List.of(x), Attribute.ofInts("axes", -1));
        Value dropped = t.op("ReduceMax", List.of(x), Attribute.ofInts("axes", 0, 2), Attribute.of("keepdims", 0L));
        Value everything = t.op("ReduceProd", List.of(x));
        Value sum = t.op("ReduceSum", List.of(x, t.ints(1))); // ReduceSum takes axes as input from opset 13
        t.inferClean();
        assertType("float[b, s, 1]", mean);
        assertType("float[s]", dropped);
        assertType("float[1, 1, 1]", everything);
        assertType("float[b, 1, 384]", sum);
    }

    @Test
    void axesAsInputFromOpset18() {
        TestGraph t = new TestGraph(18);
        Value x = t.input("x", DataType.FLOAT, "b", "s", 384);
        Value mean = t.op("ReduceMean", List.of(x, t.ints(-1)));
        Value noop = t.op("ReduceSum", List.of(x), Attribute.of("noop_with_empty_axes", 1L));
        Value unknownAxes = t.op("ReduceMin", List.of(x, t.input("axes", DataType.INT64, 1)));
        Value arg = t.op("ArgMax", List.of(x), Attribute.of("axis", 1L), Attribute.of("keepdims", 0L));
        Node stale = t.node("ReduceMean", List.of(x), 1, Attribute.ofInts("axes", -1));
        InferenceReport r = t.infer();
        assertType("float[b, s, 1]", mean);
        assertType("float[b, s, 384]", noop);
        assertType("float[?, ?, ?]", unknownAxes);
        assertType("int64[b, 384]", arg);
        assertEquals(List.of(stale.describe()), r.failures().stream().map(p -> p.where()).toList());
    }

    @Test
    void elementCountOfAShapeIsComputed() {
        TestGraph t = new TestGraph(18);
        Value x = t.input("x", DataType.FLOAT, "b", "s", 384);
        Value count = t.op("ReduceProd", List.of(t.op("Shape", List.of(x))), Attribute.of("keepdims", 1L));
        Value flat = t.op("Reshape", List.of(x, count));
        t.inferClean();
        assertType("int64[1]", count);
        assertType("float[384*b*s]", flat);
    }
}
