package org.strata.technique.cleanup.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import org.strata.onnx.DataType;
import org.strata.onnx.Shape;
import org.strata.onnx.Tensor;

/**
 * The contents of a small tensor as far as constant folding knows them: element type, static dimensions and,
 * per element (row major), its value or "not known". Shape data is often partly known — {@code Shape(x)} of an
 * input {@code [batch, 128, 384]} knows its last two elements — and what a {@code Gather} or {@code Slice}
 * picks out of it may be fully known and foldable. Immutable.
 *
 * <p>Each element is held as a {@code long}: the value for integer and bool types (0 or 1), the raw IEEE bits
 * for floating-point types, so that data movement (Gather, Slice, Concat, Reshape, Where, …) is exact for
 * every type and arithmetic is only ever done on integers.
 *
 * @param type  a fixed-width type of 8 to 64 bits (no strings, no packed 4-bit types, no complex types)
 * @param dims  static dimensions
 * @param bits  one entry per element
 * @param known which elements are known, or null when all are
 */
record KnownTensor(DataType type, long[] dims, long[] bits, boolean[] known) {
    KnownTensor {
        if (!holds(type)) throw new IllegalArgumentException(type + " is not a foldable element type");
        if (Shape.elementCount(dims) != bits.length || (known != null && known.length != bits.length)) {
            throw new IllegalArgumentException(bits.length + " elements for dims " + Arrays.toString(dims));
        }
        dims = dims.clone();
        bits = bits.clone();
        if (known != null) {
            boolean all = true;
            for (boolean k : known) all &= k;
            known = all ? null : known.clone();
        }
    }

    /** Element types whose tensors folding can hold. */
    static boolean holds(DataType t) {
        return t == DataType.BOOL || (t.bits() >= 8 && t.bits() <= 64 && (t.isInteger() || isFloat(t)));
    }

    static boolean isFloat(DataType t) {
        return t == DataType.FLOAT || t == DataType.DOUBLE || t == DataType.FLOAT16 || t == DataType.BFLOAT16;
    }

    /** Integer types folding does arithmetic on (not uint64, whose values a long cannot hold). */
    static boolean isArithmetic(DataType t) {
        return t.isInteger() && t != DataType.UINT64;
    }

    static KnownTensor of(DataType type, long[] dims, long[] bits) {
        return new KnownTensor(type, dims, bits, null);
    }

    static KnownTensor scalar(DataType type, long value) {
        return of(type, new long[0], new long[] {value});
    }

    static KnownTensor vector(DataType type, long... values) {
        return of(type, new long[] {values.length}, values);
    }

    /**
     * The contents of a constant tensor, or null when its type cannot be held or it has more than
     * {@code maxElements} elements (its data is then not even read).
     */
    static KnownTensor of(Tensor t, long maxElements) {
        if (!holds(t.type()) || t.elementCount() > maxElements) return null;
        int n = (int) t.elementCount();
        ByteBuffer b = t.data();
        long[] bits = new long[n];
        for (int i = 0; i < n; i++) {
            bits[i] = switch (t.type()) {
                case INT8 -> b.get(i);
                case UINT8, BOOL -> Byte.toUnsignedLong(b.get(i));
                case INT16 -> b.getShort(2 * i);
                case UINT16, FLOAT16, BFLOAT16 -> Short.toUnsignedLong(b.getShort(2 * i));
                case INT32 -> b.getInt(4 * i);
                case UINT32, FLOAT -> Integer.toUnsignedLong(b.getInt(4 * i));
                default -> b.getLong(8 * i);
            };
        }
        return of(t.type(), t.dims(), bits);
    }

    /** This tensor as ONNX data. @throws IllegalStateException when an element is not known */
    Tensor toTensor(String name) {
        if (!fullyKnown()) throw new IllegalStateException("tensor '" + name + "' is not fully known");
        int width = type.bits() / 8;
        ByteBuffer b = ByteBuffer.allocate(bits.length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < bits.length; i++) {
            switch (width) {
                case 1 -> b.put(i, (byte) bits[i]);
                case 2 -> b.putShort(2 * i, (short) bits[i]);
                case 4 -> b.putInt(4 * i, (int) bits[i]);
                default -> b.putLong(8 * i, bits[i]);
            }
        }
        return Tensor.of(name, type, dims, b);
    }

    @Override
    public long[] dims() {
        return dims.clone();
    }

    @Override
    public long[] bits() {
        return bits.clone();
    }

    @Override
    public boolean[] known() {
        return known == null ? null : known.clone();
    }

    int size() {
        return bits.length;
    }

    int rank() {
        return dims.length;
    }

    boolean fullyKnown() {
        return known == null;
    }

    boolean isKnown(int i) {
        return known == null || known[i];
    }

    /** Every element, when all are known, else null. */
    long[] values() {
        return fullyKnown() ? bits.clone() : null;
    }

    long get(int i) {
        return bits[i];
    }

    /** The same elements in another order or under other dims: element {@code i} of the result is {@code from[i]} of this. */
    KnownTensor gather(long[] newDims, int[] from) {
        long[] b = new long[from.length];
        boolean[] k = new boolean[from.length];
        for (int i = 0; i < from.length; i++) {
            b[i] = bits[from[i]];
            k[i] = isKnown(from[i]);
        }
        return new KnownTensor(type, newDims, b, k);
    }

    KnownTensor reshaped(long[] newDims) {
        return new KnownTensor(type, newDims, bits, known);
    }

    /** The tensor with the same dims whose elements are {@code bits}, known where {@code known} says. */
    KnownTensor withElements(DataType newType, long[] newBits, boolean[] newKnown) {
        return new KnownTensor(newType, dims, newBits, newKnown);
    }

    /** Row-major strides of {@code dims}. */
    static long[] strides(long[] dims) {
        long[] s = new long[dims.length];
        long acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= dims[i];
        }
        return s;
    }

    /**
     * Numpy broadcasting of several dims, or null when they do not broadcast.
     */
    static long[] broadcast(List<long[]> all) {
        int rank = 0;
        for (long[] d : all) rank = Math.max(rank, d.length);
        long[] out = new long[rank];
        Arrays.fill(out, 1);
        for (long[] d : all) {
            for (int i = 0; i < d.length; i++) {
                int k = i + rank - d.length;
                if (d[i] != 1 && out[k] != 1 && d[i] != out[k]) return null;
                if (d[i] != 1) out[k] = d[i];
            }
        }
        return out;
    }

    /** For each element of a tensor of {@code outDims}, the index of the element of {@code dims} broadcast onto it. */
    static int[] broadcastIndex(long[] dims, long[] outDims) {
        int n = (int) Shape.elementCount(outDims);
        int[] idx = new int[n];
        int shift = outDims.length - dims.length;
        long[] inStrides = strides(dims);
        long[] pos = new long[outDims.length];
        for (int e = 0; e < n; e++) {
            long off = 0;
            for (int d = 0; d < dims.length; d++) if (dims[d] != 1) off += pos[d + shift] * inStrides[d];
            idx[e] = (int) off;
            for (int d = outDims.length - 1; d >= 0; d--) {
                if (++pos[d] < outDims[d]) break;
                pos[d] = 0;
            }
        }
        return idx;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KnownTensor k && type == k.type && Arrays.equals(dims, k.dims) && Arrays.equals(bits, k.bits)
                && Arrays.equals(known, k.known);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + Arrays.hashCode(dims)) + Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(type.onnxName()).append(Arrays.toString(dims)).append('{');
        for (int i = 0; i < Math.min(bits.length, 16); i++) b.append(i == 0 ? "" : ", ").append(isKnown(i) ? Long.toString(bits[i]) : "?");
        return b.append(bits.length > 16 ? ", …}" : "}").toString();
    }
}
