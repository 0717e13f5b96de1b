package org.strata.technique.quantize.internal;

import org.strata.runtime.ActivationCapture.CapturedTensor;

/**
 * The rows of a captured activation that belong to real tokens. The last axis is the channel axis (a product's
 * input features); the leading axes are the batch's {@code [batch, sequence]}, or their flattening (a Gemm
 * between Reshapes reads {@code [batch·sequence, hidden]}). Padding rows are skipped so that calibration sees
 * what the model sees on unpadded text; a tensor whose rows do not line up with the mask (no tokens: a ViT;
 * a different leading shape) counts every row.
 */
final class TokenRows {
    @FunctionalInterface
    interface RowVisitor {
        /** Row {@code values[offset .. offset + width)}. */
        void row(float[] values, int offset, int width);
    }

    private TokenRows() {
    }

    /** Calls {@code visitor} for each real-token row of {@code t}; returns how many rows it visited. */
    static int forEach(CapturedTensor t, long[][] mask, RowVisitor visitor) {
        if (t.rank() == 0) {
            visitor.row(t.values(), 0, t.values().length);
            return 1;
        }
        int width = t.dim(t.rank() - 1);
        if (width == 0) return 0;
        int rows = t.values().length / width;
        boolean[] real = realRows(mask, rows);
        int visited = 0;
        for (int r = 0; r < rows; r++) {
            if (real != null && !real[r]) continue;
            visitor.row(t.values(), r * width, width);
            visited++;
        }
        return visited;
    }

    /** Per row, whether it is a real token; null when the mask does not describe {@code rows} rows. */
    private static boolean[] realRows(long[][] mask, int rows) {
        if (mask == null || mask.length == 0) return null;
        int total = 0;
        for (long[] m : mask) total += m.length;
        if (total != rows) return null;
        boolean[] real = new boolean[rows];
        int i = 0;
        for (long[] m : mask) {
            for (long v : m) real[i++] = v != 0;
        }
        return real;
    }
}
