package org.strata.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Attribute;
import org.strata.onnx.ConstantTensors;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;

/** Every way an exporter stores a constant, found behind Identity nodes; run-time values are not constants. */
class ConstantTensorsTest {
    private final Graph g = new Graph("constants");
    private final Value x = g.addInput("x", TensorType.of(DataType.FLOAT, 2));

    private Value constant(String name, Attribute a) {
        return g.addNode("", "Constant", List.of(), List.of(name), List.of(a)).output(0);
    }

    @Test
    void initializersAndConstantTensorsAreFoundThroughIdentities() {
        Tensor w = TensorCodec.fromFloats("w", new long[] {2}, new float[] {1.5f, -2f});
        Value init = g.addInitializer("w", w);
        assertSame(w, ConstantTensors.behind(init));
        Value twice = g.addNode("Identity", List.of(g.addNode("Identity", List.of(init), "i1").output(0)), "i2").output(0);
        assertSame(w, ConstantTensors.behind(twice));
        Tensor t = TensorCodec.fromLongs("t", new long[] {3}, new long[] {4, 5, 6});
        assertSame(t, ConstantTensors.behind(constant("c", Attribute.of("value", t))));
    }

    @Test
    void scalarAndListAttributesBecomeTensors() {
        Tensor f = ConstantTensors.behind(constant("f", Attribute.of("value_float", 0.25f)));
        assertEquals(DataType.FLOAT, f.type());
        assertEquals(0, f.rank());
        assertArrayEquals(new float[] {0.25f}, TensorCodec.toFloats(f));
        Tensor fs = ConstantTensors.behind(constant("fs", Attribute.ofFloats("value_floats", 1f, 2f, 3f)));
        assertArrayEquals(new long[] {3}, fs.dims());
        assertArrayEquals(new float[] {1f, 2f, 3f}, TensorCodec.toFloats(fs));
        Tensor i = ConstantTensors.behind(constant("i", Attribute.of("value_int", 7L)));
        assertEquals(DataType.INT64, i.type());
        assertArrayEquals(new long[] {7}, TensorCodec.toLongs(i));
        Tensor is = ConstantTensors.behind(constant("is", Attribute.ofInts("value_ints", 1, -1)));
        assertArrayEquals(new long[] {2}, is.dims());
        assertArrayEquals(new long[] {1, -1}, TensorCodec.toLongs(is));
    }

    @Test
    void runTimeValuesAreNotConstants() {
        assertNull(ConstantTensors.behind(x), "a graph input");
        assertNull(ConstantTensors.behind(null));
        Value shape = g.addNode("Shape", List.of(x), "s").output(0);
        assertNull(ConstantTensors.behind(shape), "computed from the input: constant folding is not done");
        Value relu = g.addNode("Relu", List.of(x), "r").output(0);
        assertFalse(ConstantTensors.isConstant(g.addNode("Identity", List.of(relu), "ri").output(0)));
        assertTrue(ConstantTensors.isConstant(constant("z", Attribute.of("value_float", 0f))));
    }
}
