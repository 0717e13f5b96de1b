package org.strata.technique.quantize.internal;

import java.util.Arrays;

import org.strata.onnx.DataType;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;

/**
 * A quantized matrix: integer codes (int8 or uint8, as raw bytes) in the layout of the float matrix, and a
 * scale and zero point per channel, or one of each. {@code real ≈ (code - zeroPoint) · scale}.
 */
public record QuantizedWeight(DataType type, int rows, int cols, byte[] codes, float[] scales, int[] zeroPoints,
        boolean perChannel) {

    /** The codes as a {@code [rows, cols]} tensor. */
    public Tensor codesTensor(String name) {
        long[] dims = {rows, cols};
        return type == DataType.INT8 ? TensorCodec.fromInt8(name, dims, codes) : TensorCodec.fromUint8(name, dims, codes);
    }

    /** The scales: 1-D of the channel count when per channel, else a scalar. */
    public Tensor scaleTensor(String name) {
        return TensorCodec.fromFloats(name, channelDims(), scales);
    }

    /** The zero points in the codes' type, shaped as {@link #scaleTensor}. */
    public Tensor zeroPointTensor(String name) {
        long[] zp = Arrays.stream(zeroPoints).asLongStream().toArray();
        return TensorCodec.fromLongs(name, type, channelDims(), zp);
    }

    /** True when some zero point is not 0, so the product must be told about it. */
    public boolean hasZeroPoint() {
        return Arrays.stream(zeroPoints).anyMatch(z -> z != 0);
    }

    /** The element at {@code [r, c]} as the integer it encodes (signed for int8, 0..255 for uint8). */
    public int code(int r, int c) {
        byte b = codes[r * cols + c];
        return type == DataType.INT8 ? b : Byte.toUnsignedInt(b);
    }

    /** The element at {@code [r, c]} decoded back to a real number, for checks. */
    public float dequantized(int r, int c, boolean channelsAreRows) {
        int ch = perChannel ? (channelsAreRows ? r : c) : 0;
        return (code(r, c) - zeroPoints[ch]) * scales[ch];
    }

    private long[] channelDims() {
        return perChannel ? new long[] {scales.length} : new long[0];
    }
}
