package org.strata.onnx.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import org.strata.onnx.DataType;
import org.strata.onnx.Shape;
import org.strata.onnx.StrataException;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;

/**
 * The contents of a small integer tensor as far as they are known: a static shape and, per element (row
 * major), a {@link SymbolicInt}. This is what partial data propagation carries through shape subgraphs
 * ({@code Shape}, {@code Gather}, {@code Concat}, arithmetic), so that a {@code Reshape} target built from the
 * input's own shape names its symbolic batch and sequence dimensions. Immutable.
 *
 * @param elementType an integer type or bool (bool elements are 0 and 1)
 * @param shape static, at most {@link #MAX_ELEMENTS} elements
 * @param values one per element
 */
public record SymbolicTensor(DataType elementType, Shape shape, List<SymbolicInt> values) {
    /** Larger tensors are not shape data; their contents are not tracked. */
    public static final int MAX_ELEMENTS = 1024;

    public SymbolicTensor {
        values = List.copyOf(values);
        if (!shape.isStatic() || shape.elementCount() != values.size()) {
            throw new StrataException("symbolic tensor of shape " + shape + " cannot hold " + values.size() + " values");
        }
    }

    public static SymbolicTensor scalar(DataType t, SymbolicInt v) {
        return new SymbolicTensor(t, Shape.SCALAR, List.of(v));
    }

    public static SymbolicTensor vector(DataType t, List<SymbolicInt> v) {
        return new SymbolicTensor(t, Shape.of(v.size()), v);
    }

    /** The contents of a constant integer or bool tensor, or null when it is another type or too large. */
    public static SymbolicTensor of(Tensor t) {
        if (!tracked(t.type()) || t.elementCount() > MAX_ELEMENTS) return null;
        long[] raw = TensorCodec.toLongs(t);
        List<SymbolicInt> v = new ArrayList<>(raw.length);
        for (long x : raw) v.add(SymbolicInt.of(x));
        return new SymbolicTensor(t.type(), t.shape(), v);
    }

    /** Element types whose contents data propagation tracks. */
    public static boolean tracked(DataType t) {
        return t == DataType.BOOL || (t.isInteger() && t.bits() >= 8);
    }

    public int rank() {
        return shape.rank();
    }

    public int size() {
        return values.size();
    }

    public SymbolicInt get(int i) {
        return values.get(i);
    }

    /** Every element as a long, or null when one is not a plain integer. */
    public long[] longs() {
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            if (!values.get(i).isKnown()) return null;
            out[i] = values.get(i).value();
        }
        return out;
    }

    /** The same elements under another static shape of the same element count. */
    public SymbolicTensor reshaped(Shape s) {
        return new SymbolicTensor(elementType, s, values);
    }

    /** The same elements as another tracked type (bool: non-zero becomes 1 where known), or null when untracked. */
    public SymbolicTensor castTo(DataType t) {
        if (!tracked(t)) return null;
        if (t != DataType.BOOL) return new SymbolicTensor(t, shape, values);
        List<SymbolicInt> v = new ArrayList<>(values.size());
        for (SymbolicInt x : values) v.add(x.isKnown() ? SymbolicInt.of(x.value() != 0 ? 1 : 0) : SymbolicInt.UNKNOWN);
        return new SymbolicTensor(t, shape, v);
    }

    /**
     * Element-wise binary {@code op} with numpy broadcasting, or null when the shapes do not broadcast or the
     * result would be too large.
     */
    public static SymbolicTensor zip(DataType resultType, SymbolicTensor a, SymbolicTensor b, BinaryOperator<SymbolicInt> op) {
        return zip(resultType, List.of(a, b), v -> op.apply(v.get(0), v.get(1)));
    }

    /** Element-wise {@code op} over any number of tensors with numpy broadcasting, or null as for {@link #zip(DataType, SymbolicTensor, SymbolicTensor, BinaryOperator)}. */
    public static SymbolicTensor zip(DataType resultType, List<SymbolicTensor> operands, Function<List<SymbolicInt>, SymbolicInt> op) {
        int rank = 0;
        for (SymbolicTensor t : operands) rank = Math.max(rank, t.rank());
        long[] out = new long[rank];
        java.util.Arrays.fill(out, 1);
        List<long[]> dims = new ArrayList<>();
        for (SymbolicTensor t : operands) {
            long[] d = t.shape.sizes();
            dims.add(d);
            for (int i = 0; i < d.length; i++) {
                int k = i + rank - d.length;
                if (d[i] != 1 && out[k] != 1 && d[i] != out[k]) return null;
                if (d[i] != 1) out[k] = d[i];
            }
        }
        long n = Shape.elementCount(out);
        if (n > MAX_ELEMENTS) return null;
        List<SymbolicInt> v = new ArrayList<>((int) n);
        long[] index = new long[rank];
        List<SymbolicInt> args = new ArrayList<>(operands.size());
        for (long k = 0; k < n; k++) {
            args.clear();
            for (int j = 0; j < operands.size(); j++) args.add(operands.get(j).values.get(flat(index, dims.get(j), rank)));
            v.add(op.apply(args));
            for (int d = rank - 1; d >= 0; d--) {
                if (++index[d] < out[d]) break;
                index[d] = 0;
            }
        }
        return new SymbolicTensor(resultType, Shape.of(out), v);
    }

    /** Row-major offset in a tensor of {@code dims} of the broadcast multi-index {@code index} (rank {@code rank}). */
    private static int flat(long[] index, long[] dims, int rank) {
        long off = 0;
        int shift = rank - dims.length;
        for (int d = 0; d < dims.length; d++) {
            long i = dims[d] == 1 ? 0 : index[d + shift];
            off = off * dims[d] + i;
        }
        return (int) off;
    }

    @Override
    public String toString() {
        return elementType.onnxName() + shape + values;
    }
}
