package org.strata.technique.quantize.internal;

import java.util.ArrayList;
import java.util.List;

import org.strata.onnx.DataType;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;

/**
 * A constant 2-D float matrix as a product or a Gather reads it: an initializer or a Constant output, seen
 * through Identity and a 2-D Transpose.
 *
 * @param stored the value holding the data (initializer or Constant output)
 * @param tensor its data as stored
 * @param transposed true when the reader sees the transpose of {@code tensor} (a Transpose node in between)
 * @param producers the Identity/Transpose/Constant nodes between {@code stored} and the reader, nearest first
 */
record ConstantWeight(Value stored, Tensor tensor, boolean transposed, List<Node> producers) {
    ConstantWeight {
        producers = List.copyOf(producers);
    }

    /** The constant float matrix {@code v} is, or null when it is computed at run time, not 2-D or not float32. */
    static ConstantWeight behind(Value v) {
        boolean transposed = false;
        List<Node> chain = new ArrayList<>();
        for (int hops = 0; v != null && hops < 8; hops++) {
            if (v.isInitializer()) return of(v, v.initializer(), transposed, chain);
            Node p = v.producer();
            if (p == null) return null;
            if (p.is("Constant")) {
                Tensor t = p.attrTensor("value");
                chain.add(p);
                return t == null ? null : of(v, t, transposed, chain);
            }
            if (p.is("Identity")) {
                chain.add(p);
                v = p.input(0);
            } else if (p.is("Transpose") && isSwap(p.attrInts("perm"))) {
                chain.add(p);
                transposed = !transposed;
                v = p.input(0);
            } else {
                return null;
            }
        }
        return null;
    }

    private static boolean isSwap(long[] perm) {
        return perm == null || perm.length == 2 && perm[0] == 1 && perm[1] == 0;
    }

    private static ConstantWeight of(Value stored, Tensor t, boolean transposed, List<Node> chain) {
        if (t.rank() != 2 || t.type() != DataType.FLOAT) return null;
        return new ConstantWeight(stored, t, transposed, chain);
    }

    /** Rows as the reader sees them. */
    int rows() {
        return (int) tensor.dims()[transposed ? 1 : 0];
    }

    /** Columns as the reader sees them. */
    int cols() {
        return (int) tensor.dims()[transposed ? 0 : 1];
    }

    /**
     * The matrix as the reader sees it, optionally transposed once more, row-major.
     *
     * @param transposeAgain true for a Gemm with {@code transB}: the product uses the transpose of what it reads
     */
    float[] values(boolean transposeAgain) {
        float[] raw = TensorCodec.toFloats(tensor);
        if (transposed == transposeAgain) return raw;
        int r = (int) tensor.dims()[0];
        int c = (int) tensor.dims()[1];
        float[] out = new float[raw.length];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) out[j * r + i] = raw[i * c + j];
        }
        return out;
    }
}
