package org.strata.technique.prune.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.strata.onnx.DataType;
import org.strata.onnx.StrataException;
import org.strata.onnx.Tensor;

/** Keeps chosen indices of one axis of a constant tensor, byte for byte (any element type of whole bytes). */
final class TensorSlices {
    private TensorSlices() {
    }

    /**
     * {@code t} with only the indices {@code keep} (ascending, in range) of {@code axis}.
     *
     * @throws StrataException for strings and sub-byte element types
     */
    static Tensor keep(Tensor t, int axis, int[] keep) {
        DataType type = t.type();
        if (type == DataType.STRING || type.bits() % 8 != 0 || type.bits() == 0) {
            throw new StrataException("cannot slice tensor '" + t.name() + "' of " + type.onnxName());
        }
        long[] dims = t.dims();
        int size = type.bits() / 8;
        long outer = 1;
        for (int i = 0; i < axis; i++) outer *= dims[i];
        long inner = 1;
        for (int i = axis + 1; i < dims.length; i++) inner *= dims[i];
        long along = dims[axis];
        for (int k : keep) {
            if (k < 0 || k >= along) throw new IllegalArgumentException("index " + k + " outside axis " + axis + " of " + t);
        }
        long[] outDims = dims.clone();
        outDims[axis] = keep.length;
        ByteBuffer src = t.data();
        int chunk = Math.toIntExact(inner * size);
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(outer * keep.length * inner * size)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] buf = new byte[chunk];
        for (long o = 0; o < outer; o++) {
            for (int k : keep) {
                src.position(Math.toIntExact((o * along + k) * chunk));
                src.get(buf);
                out.put(buf);
            }
        }
        out.flip();
        return Tensor.of(t.name(), type, outDims, out);
    }

    /** {@code [c·unit, c·unit + unit)} for each c of {@code units}: the features of whole heads (or of neurons, unit 1). */
    static int[] expand(int[] units, int unit, int offset) {
        int[] out = new int[units.length * unit];
        for (int i = 0; i < units.length; i++) {
            for (int j = 0; j < unit; j++) out[i * unit + j] = offset + units[i] * unit + j;
        }
        return out;
    }

    /** The concatenation of index arrays. */
    static int[] concat(int[]... parts) {
        int n = 0;
        for (int[] p : parts) n += p.length;
        int[] out = new int[n];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
