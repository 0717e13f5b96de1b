package org.strata.technique.quantize.internal;

import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;

/**
 * Blockwise 4-bit quantization of a matrix whose rows are quantized in blocks of {@code blockSize} consecutive
 * elements, each block with its own scale (and zero point), in the layout of com.microsoft MatMulNBits and
 * GatherBlockQuantized: codes 0..15 packed two a byte, low nibble first; a row's last block padded.
 * The arithmetic is MLAS's ({@code q4_dq.cpp}), so the codes match ONNX Runtime's own quantizer:
 * <ul>
 * <li>symmetric: {@code scale = m / -8} where m is the block's element of largest magnitude (sign kept), zero
 * point 8 implied (not stored), so m maps to code 0 exactly and the other side reaches +7;</li>
 * <li>with zero points: the block's range widened to include 0, {@code scale = (max - min) / 15},
 * {@code zp = round(-min / scale)} in [0, 15], stored packed two a byte per row;</li>
 * <li>{@code q = clamp(round(x / scale) + zp, 0, 15)}, half away from zero as C's {@code roundf};
 * a block of zeros gets scale 1.</li>
 * </ul>
 *
 * @param rows matrix rows (MatMulNBits: N output columns; a table: its rows)
 * @param cols elements per row (MatMulNBits: K inputs; a table: its width)
 * @param packed codes, {@code [rows, blocks, blockSize / 2]} bytes
 * @param scales {@code [rows, blocks]}
 * @param zeroPoints per row {@code ceil(blocks / 2)} bytes of packed zero points, or null (symmetric: 8)
 */
record Int4Blocks(int rows, int cols, int blockSize, byte[] packed, float[] scales, byte[] zeroPoints) {
    static final int IMPLIED_ZERO_POINT = 8;

    int blocks() {
        return Math.ceilDiv(cols, blockSize);
    }

    /** Packed zero-point bytes per row. */
    int zeroPointBytesPerRow() {
        return Math.ceilDiv(blocks(), 2);
    }

    /**
     * Quantizes a row-major {@code rows × cols} matrix.
     *
     * @throws IllegalArgumentException naming the first non-finite element
     */
    static Int4Blocks quantize(float[] m, int rows, int cols, int blockSize, boolean symmetric) {
        int blocks = Math.ceilDiv(cols, blockSize);
        int blob = blockSize / 2;
        byte[] packed = new byte[rows * blocks * blob];
        float[] scales = new float[rows * blocks];
        int zpRow = Math.ceilDiv(blocks, 2);
        byte[] zeroPoints = symmetric ? null : new byte[rows * zpRow];
        int[] codes = new int[blockSize];
        for (int r = 0; r < rows; r++) {
            for (int b = 0; b < blocks; b++) {
                int from = r * cols + b * blockSize;
                int n = Math.min(blockSize, cols - b * blockSize);
                int zp = block(m, from, n, symmetric, scales, r * blocks + b, codes, r, b * blockSize);
                for (int i = n; i < blockSize; i++) codes[i] = zp;
                int at = (r * blocks + b) * blob;
                for (int i = 0; i < blob; i++) packed[at + i] = (byte) (codes[2 * i] | codes[2 * i + 1] << 4);
                if (zeroPoints != null) zeroPoints[r * zpRow + b / 2] |= (byte) (zp << ((b & 1) * 4));
            }
        }
        return new Int4Blocks(rows, cols, blockSize, packed, scales, zeroPoints);
    }

    /**
     * What {@link #quantize} followed by {@link #dequantized} gives, without packing: for searches that try many
     * scalings of one matrix (AWQ). {@code out} may be {@code m}.
     */
    static void roundTrip(float[] m, int rows, int cols, int blockSize, boolean symmetric, float[] out) {
        int blocks = Math.ceilDiv(cols, blockSize);
        int[] codes = new int[blockSize];
        float[] scale = new float[1];
        for (int r = 0; r < rows; r++) {
            for (int b = 0; b < blocks; b++) {
                int from = r * cols + b * blockSize;
                int n = Math.min(blockSize, cols - b * blockSize);
                int zp = block(m, from, n, symmetric, scale, 0, codes, r, b * blockSize);
                for (int i = 0; i < n; i++) out[from + i] = (codes[i] - zp) * scale[0];
            }
        }
    }

    /** Quantizes one block into {@code codes}, stores its scale, returns its zero point. */
    private static int block(float[] m, int from, int n, boolean symmetric, float[] scales, int at, int[] codes, int row, int firstColumn) {
        float min = 0;
        float max = 0;
        for (int i = from; i < from + n; i++) {
            float v = m[i];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("element [" + row + ", " + (firstColumn + i - from) + "] is " + v);
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float scale;
        int zp;
        if (symmetric) {
            float m8 = Math.abs(max) > Math.abs(min) ? max : min;
            scale = m8 / -8f;
            zp = IMPLIED_ZERO_POINT;
        } else {
            scale = (max - min) / 15f;
            float zpf = scale != 0 ? -min / scale : 0;
            zp = zpf < 0 ? 0 : zpf > 15 ? 15 : Math.round(zpf);
        }
        if (scale == 0 || !Float.isFinite(scale)) scale = 1;
        scales[at] = scale;
        float inverse = 1f / scale;
        for (int i = 0; i < n; i++) {
            int q = roundHalfAway(m[from + i] * inverse) + zp;
            codes[i] = Math.max(0, Math.min(15, q));
        }
        return zp;
    }

    private static int roundHalfAway(float v) {
        return (int) (v < 0 ? -Math.floor(-v + 0.5f) : Math.floor(v + 0.5f));
    }

    /** The code of element {@code [r, c]} (0..15). */
    int code(int r, int c) {
        int b = c / blockSize;
        int i = c % blockSize;
        int at = (r * blocks() + b) * (blockSize / 2) + i / 2;
        return (packed[at] >> ((i & 1) * 4)) & 0xF;
    }

    int zeroPoint(int r, int b) {
        if (zeroPoints == null) return IMPLIED_ZERO_POINT;
        return (zeroPoints[r * zeroPointBytesPerRow() + b / 2] >> ((b & 1) * 4)) & 0xF;
    }

    /** The matrix as the codes encode it, row-major {@code rows × cols}. */
    float[] dequantized() {
        float[] out = new float[rows * cols];
        int blocks = blocks();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int b = c / blockSize;
                out[r * cols + c] = (code(r, c) - zeroPoint(r, b)) * scales[r * blocks + b];
            }
        }
        return out;
    }

    /** MatMulNBits input B: {@code [rows, blocks, blockSize / 2]} uint8. */
    Tensor packedTensor(String name) {
        return TensorCodec.fromUint8(name, new long[] {rows, blocks(), blockSize / 2}, packed);
    }

    /** GatherBlockQuantized input data: {@code [rows, cols / 2]} uint8 (cols padded to whole blocks). */
    Tensor tableTensor(String name) {
        return TensorCodec.fromUint8(name, new long[] {rows, (long) blocks() * blockSize / 2}, packed);
    }

    /** Scales as {@code dims} (MatMulNBits: {@code [rows · blocks]}; GatherBlockQuantized: {@code [rows, blocks]}). */
    Tensor scaleTensor(String name, long... dims) {
        return TensorCodec.fromFloats(name, dims, scales);
    }

    /** Packed zero points as {@code dims}; only when not symmetric. */
    Tensor zeroPointTensor(String name, long... dims) {
        return TensorCodec.fromUint8(name, dims, zeroPoints);
    }
}
