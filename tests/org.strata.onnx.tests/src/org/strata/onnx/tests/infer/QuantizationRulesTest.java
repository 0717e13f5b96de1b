package org.strata.onnx.tests.infer;

import static org.strata.onnx.tests.infer.TestGraph.assertType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.onnx.DataType;
import org.strata.onnx.Node;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;

/** The int8 paths: dynamic quantisation with MatMulInteger, QDQ pairs, QLinearMatMul, ConvInteger. */
class QuantizationRulesTest {
    @Test
    void dynamicQuantizationChain() {
        TestGraph t = new TestGraph(11);
        Value x = t.input("x", DataType.FLOAT, "b", "s", 384);
        Node dq = t.node("DynamicQuantizeLinear", List.of(x), 3);
        Value w = t.graph.addInitializer("w", TensorCodec.fromUint8("", new long[] {384, 1536}, new byte[384 * 1536]));
        Value wz = t.graph.addInitializer("wz", TensorCodec.fromUint8("", new long[0], new byte[1]));
        Value product = t.op("MatMulInteger", List.of(dq.output(0), w, dq.output(2), wz));
        Value asFloat = t.op("Cast", List.of(product), org.strata.onnx.Attribute.of("to", (long) DataType.FLOAT.code()));
        Value scaled = t.op("Mul", List.of(asFloat, t.op("Mul", List.of(dq.output(1), t.input("ws", DataType.FLOAT)))));
        t.inferClean();
        assertType("uint8[b, s, 384]", dq.output(0));
        assertType("float[]", dq.output(1));
        assertType("uint8[]", dq.output(2));
        assertType("int32[b, s, 1536]", product);
        assertType("float[b, s, 1536]", scaled);
    }

    @Test
    void qdqAndQLinearOps() {
        TestGraph t = new TestGraph(19);
        Value x = t.input("x", DataType.FLOAT16, "b", 64);
        Value scale = t.input("scale", DataType.FLOAT16);
        Value zp = t.input("zp", DataType.INT8);
        Value q = t.op("QuantizeLinear", List.of(x, scale, zp));
        Value qDefault = t.op("QuantizeLinear", List.of(x, scale));
        Value back = t.op("DequantizeLinear", List.of(q, scale, zp));
        Value yzp = t.input("yzp", DataType.UINT8);
        Value qmm = t.op("QLinearMatMul", List.of(q, scale, zp, t.input("wq", DataType.INT8, 64, 10), scale, zp, scale, yzp));
        Value conv = t.op("ConvInteger", List.of(t.input("img", DataType.UINT8, 1, 3, 8, 8), t.input("k", DataType.UINT8, 4, 3, 3, 3)));
        t.inferClean();
        assertType("int8[b, 64]", q);
        assertType("uint8[b, 64]", qDefault);
        assertType("float16[b, 64]", back); // from opset 19 the scale's type
        assertType("uint8[b, 10]", qmm);
        assertType("int32[1, 4, 6, 6]", conv);

        TestGraph v13 = new TestGraph(13);
        Value old = v13.op("DequantizeLinear", List.of(v13.input("q", DataType.INT8, 7), v13.input("s", DataType.FLOAT)));
        v13.inferClean();
        assertType("float[7]", old);
    }
}
