package org.strata.onnx.tests.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.strata.onnx.tests.infer.TestGraph.assertType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Node;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.infer.InferenceReport;

/** Constant in its attribute forms, Shape with start/end, Size, ConstantOfShape, Range, and shape data through Identity and Cast. */
class ConstantRulesTest {
    @Test
    void constantsInEveryAttributeForm() {
        TestGraph t = new TestGraph(17);
        Value tensor = t.op("Constant", List.of(), Attribute.of("value", TensorCodec.fromFloats("", new long[] {2, 3}, new float[6])));
        Value f = t.op("Constant", List.of(), Attribute.of("value_float", 0.5f));
        Value fs = t.op("Constant", List.of(), Attribute.ofFloats("value_floats", 1, 2, 3));
        Value i = t.op("Constant", List.of(), Attribute.of("value_int", 7L));
        Value is = t.op("Constant", List.of(), Attribute.ofInts("value_ints", 4, 8));
        Value s = t.op("Constant", List.of(), Attribute.of("value_string", "hello"));
        Value grid = t.op("ConstantOfShape", List.of(is), Attribute.of("value", TensorCodec.fromLongs("", new long[] {1}, new long[] {1})));
        t.inferClean();
        assertType("float[2, 3]", tensor);
        assertType("float[]", f);
        assertType("float[3]", fs);
        assertType("int64[]", i);
        assertType("int64[2]", is);
        assertType("string[]", s);
        assertType("int64[4, 8]", grid);
    }

    @Test
    void shapeWithStartAndEndAndSize() {
        TestGraph t = new TestGraph(15);
        Value x = t.input("x", DataType.FLOAT, "b", "s", 12, 32);
        Value tail = t.op("Shape", List.of(x), Attribute.of("start", -2L));
        Value middle = t.op("Shape", List.of(x), Attribute.of("start", 1L), Attribute.of("end", 3L));
        Value size = t.op("Size", List.of(x));
        Value merged = t.op("Reshape", List.of(x, t.op("Concat", List.of(t.ints(-1), t.op("ReduceProd", List.of(tail),
                Attribute.of("keepdims", 1L))), Attribute.of("axis", 0L))));
        Value flat = t.op("Reshape", List.of(x, t.op("Unsqueeze", List.of(size, t.ints(0)))));
        Value zeros = t.op("ConstantOfShape", List.of(t.op("Cast", List.of(t.op("Identity", List.of(middle))),
                Attribute.of("to", (long) DataType.INT32.code()))));
        t.inferClean();
        assertType("int64[2]", tail);
        assertType("int64[2]", middle);
        assertType("int64[]", size);
        assertType("float[b*s, 384]", merged);
        assertType("float[384*b*s]", flat);
        assertType("float[s, 12]", zeros);
    }

    @Test
    void rangeLengthFromConstantsAndFromASymbolicLimit() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", "s");
        Value seq = t.op("Gather", List.of(t.op("Shape", List.of(x)), t.scalar(1)));
        Value positions = t.op("Range", List.of(t.scalar(0), seq, t.scalar(1)));
        Value counted = t.op("Range", List.of(t.scalar(2), t.scalar(11), t.scalar(3)));
        Value down = t.op("Range", List.of(t.scalar(10), t.scalar(0), t.scalar(-4)));
        Value floats = t.op("Range", List.of(t.graph.addInitializer("f0", TensorCodec.fromFloats("", new long[0], new float[] {0f})),
                t.graph.addInitializer("f1", TensorCodec.fromFloats("", new long[0], new float[] {1f})),
                t.graph.addInitializer("fd", TensorCodec.fromFloats("", new long[0], new float[] {0.25f}))));
        Value again = t.op("Reshape", List.of(t.input("y", DataType.FLOAT, 80), t.op("Concat", List.of(t.ints(2), t.op("Add",
                List.of(t.op("Slice", List.of(counted, t.ints(1), t.ints(3))), t.ints(0)))), Attribute.of("axis", 0L))));
        Node zeroStep = t.node("Range", List.of(t.scalar(0), t.scalar(4), t.scalar(0)), 1);
        InferenceReport r = t.infer();
        assertType("int64[s]", positions);
        assertType("int64[3]", counted); // 2, 5, 8
        assertType("int64[3]", down); // 10, 6, 2
        assertType("float[4]", floats);
        assertType("float[2, 5, 8]", again); // the range's values, sliced, as a target
        assertEquals(List.of(zeroStep.describe()), r.failures().stream().map(p -> p.where()).toList());
    }
}
