package org.strata.technique.quantize.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.strata.onnx.DataType;

/** The weight arithmetic, against values worked out by hand and ONNX Runtime's quantize_dynamic rules. */
class QuantizationSchemeTest {
    private static final QuantizationScheme INT8 = QuantizationScheme.of(DataType.INT8, true, false, true);

    @Test
    void symmetricInt8PerColumnMapsEachColumnsLargestMagnitudeTo127() {
        // 2 rows x 3 columns; column maxima |.|: 2, 0.5, 4
        float[] w = {1f, -0.5f, 4f, -2f, 0.25f, -1f};
        QuantizedWeight q = INT8.quantize(w, 2, 3, false);
        assertArrayEquals(new float[] {2f / 127, 0.5f / 127, 4f / 127}, q.scales(), 1e-9f);
        assertArrayEquals(new int[] {0, 0, 0}, q.zeroPoints());
        assertFalse(q.hasZeroPoint());
        assertEquals(64, q.code(0, 0)); // 1 / (2/127) = 63.5 → 64 (half to even)
        assertEquals(-127, q.code(0, 1));
        assertEquals(127, q.code(0, 2));
        assertEquals(-127, q.code(1, 0));
        assertEquals(64, q.code(1, 1)); // 0.25 / (0.5/127) = 63.5 → 64
        assertEquals(-32, q.code(1, 2)); // -1 / (4/127) = -31.75 → -32
    }

    @Test
    void roundTripErrorIsAtMostHalfAStepPerChannel() {
        Random r = new Random(7);
        int rows = 64;
        int cols = 48;
        float[] w = new float[rows * cols];
        for (int i = 0; i < w.length; i++) w[i] = (float) (r.nextGaussian() * (1 + i % cols)); // columns of different scale
        for (QuantizationScheme s : new QuantizationScheme[] {INT8, QuantizationScheme.of(DataType.UINT8, false, false, true),
                QuantizationScheme.of(DataType.INT8, false, false, true), QuantizationScheme.of(DataType.INT8, true, true, true)}) {
            QuantizedWeight q = s.quantize(w, rows, cols, false);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    float err = Math.abs(q.dequantized(i, j, false) - w[i * cols + j]);
                    assertTrue(err <= q.scales()[j] * 0.5001f, s.describe() + " [" + i + "," + j + "] error " + err
                            + " > half step " + q.scales()[j] / 2);
                    assertTrue(q.code(i, j) >= s.qmin() && q.code(i, j) <= s.qmax());
                }
            }
        }
    }

    @Test
    void perTensorUsesOneScaleForAll() {
        float[] w = {1f, -0.5f, 4f, -2f};
        QuantizedWeight q = INT8.withPerChannel(false).quantize(w, 2, 2, false);
        assertEquals(1, q.scales().length);
        assertEquals(4f / 127, q.scales()[0], 1e-9f);
        assertArrayEquals(new long[] {2, 2}, q.codesTensor("w").dims());
        assertEquals(0, q.scaleTensor("s").rank(), "a per-tensor scale is a scalar");
    }

    @Test
    void asymmetricUint8SpansMinToMaxWithZeroExact() {
        float[] w = {-1f, 0f, 3f}; // one row, per-tensor
        QuantizedWeight q = QuantizationScheme.of(DataType.UINT8, false, false, false).quantize(w, 1, 3, true);
        assertEquals(4f / 255, q.scales()[0], 1e-9f);
        assertEquals(64, q.zeroPoints()[0]); // round(0 - (-1) / (4/255)) = round(63.75)
        assertEquals(0, q.code(0, 0));
        assertEquals(64, q.code(0, 1), "0 must be represented exactly");
        assertEquals(255, q.code(0, 2));
        assertTrue(q.hasZeroPoint());
    }

    @Test
    void symmetricUint8CentresOn128AndReducedRangeUsesSevenBits() {
        QuantizedWeight u = QuantizationScheme.of(DataType.UINT8, true, false, true).quantize(new float[] {-2f, 2f}, 1, 2, true);
        assertEquals(128, u.zeroPoints()[0]);
        assertEquals(DataType.UINT8, u.codesTensor("u").type());
        assertEquals(-2f, u.dequantized(0, 0, true), u.scales()[0] / 2);
        assertEquals(2f, u.dequantized(0, 1, true), u.scales()[0] / 2);
        QuantizationScheme reduced = QuantizationScheme.of(DataType.INT8, true, true, true);
        assertEquals(-64, reduced.qmin());
        assertEquals(64, reduced.qmax());
        QuantizedWeight r = reduced.quantize(new float[] {-2f, 1f}, 1, 2, true);
        assertEquals(-64, r.code(0, 0));
        assertEquals(32, r.code(0, 1));
        assertEquals(127, QuantizationScheme.of(DataType.UINT8, false, true, true).qmax());
    }

    @Test
    void perRowChannelsForTablesAndAllZeroChannelsGetScaleOne() {
        float[] table = {0f, 0f, 0.1f, -0.2f, 10f, 5f}; // 3 rows x 2
        QuantizedWeight q = INT8.quantize(table, 3, 2, true);
        assertArrayEquals(new float[] {1f, 0.2f / 127, 10f / 127}, q.scales(), 1e-9f);
        assertEquals(0, q.code(0, 0));
        assertEquals(-127, q.code(1, 1));
        assertEquals(127, q.code(2, 0));
    }

    @Test
    void nonFiniteWeightsAreRefusedWithTheirPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> INT8.quantize(new float[] {1f, Float.NaN, 0f, 2f}, 2, 2, false));
        assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
    }
}
