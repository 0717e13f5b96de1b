package org.strata.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.strata.onnx.DataType;
import org.strata.onnx.StrataException;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;

class TensorCodecTest {
    private static final long[] D = {2, 3};

    @Test
    void fp16AndBf16RoundToNearestEven() {
        float[] v = {0f, 1f, -2.5f, 65504f, 1e-8f, 3.14159f};
        float[] h = TensorCodec.toFloats(TensorCodec.fromFloats("h", DataType.FLOAT16, D, v));
        assertArrayEquals(new float[] {0f, 1f, -2.5f, 65504f, 0f, 3.140625f}, h);
        float[] b = TensorCodec.toFloats(TensorCodec.fromFloats("b", DataType.BFLOAT16, D, v));
        assertEquals(3.140625f, b[5]);
        assertEquals(65536f, b[3]); // 65504 rounds up in bf16's 8-bit mantissa
        assertEquals((short) 0x3F80, TensorCodec.floatToBf16(1f));
        assertEquals((short) 0x4049, TensorCodec.floatToBf16(3.14159f));
    }

    @Test
    void int4PacksLowNibbleFirstAndSignExtends() {
        long[] v = {-8, 7, -1, 0, 3, -4};
        Tensor t = TensorCodec.fromLongs("q", DataType.INT4, D, v);
        assertEquals(3, t.byteSize());
        assertEquals((byte) 0x78, t.data().get(0)); // -8 -> 0x8 low, 7 -> 0x7 high
        assertEquals((byte) 0x0F, t.data().get(1));
        assertArrayEquals(v, TensorCodec.toLongs(t));
        Tensor u = TensorCodec.fromLongs("u", DataType.UINT4, new long[] {3}, new long[] {15, 0, 9});
        assertEquals(2, u.byteSize());
        assertArrayEquals(new long[] {15, 0, 9}, TensorCodec.toLongs(u));
        assertThrows(StrataException.class, () -> TensorCodec.fromLongs("bad", DataType.INT4, new long[] {1}, new long[] {8}));
    }

    @Test
    void integerTypesRoundTrip() {
        long[] v = {-128, 127, 0, 1, -1, 5};
        assertArrayEquals(v, TensorCodec.toLongs(TensorCodec.fromLongs("i8", DataType.INT8, D, v)));
        long[] u = {0, 255, 1, 2, 128, 7};
        assertArrayEquals(u, TensorCodec.toLongs(TensorCodec.fromLongs("u8", DataType.UINT8, D, u)));
        long[] i32 = {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, 1, -1, 42};
        assertArrayEquals(i32, TensorCodec.toLongs(TensorCodec.fromLongs("i32", DataType.INT32, D, i32)));
        long[] i64 = {Long.MIN_VALUE, Long.MAX_VALUE, 0, 1, -1, 42};
        assertArrayEquals(i64, TensorCodec.toLongs(TensorCodec.fromLongs("i64", DataType.INT64, D, i64)));
        assertArrayEquals(new float[] {-128, 127, 0, 1, -1, 5}, TensorCodec.toFloats(TensorCodec.fromLongs("i8", DataType.INT8, D, v)));
        assertThrows(StrataException.class, () -> TensorCodec.fromLongs("bad", DataType.UINT8, new long[] {1}, new long[] {256}));
        assertThrows(StrataException.class, () -> TensorCodec.fromFloats("bad", D, new float[5]));
    }
}
