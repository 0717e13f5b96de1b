package org.strata.onnx.structure;

import org.strata.onnx.ConstantTensors;
import org.strata.onnx.DataType;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;

/** Reads constant values: initializers and Constant node outputs (through Identity). */
final class Constants {
    /** An entry of a shape vector that is only known at run time. */
    static final long UNKNOWN = Long.MIN_VALUE;

    private Constants() {
    }

    /** The tensor behind {@code v}, or null when it is computed at run time. */
    static Tensor tensor(Value v) {
        return ConstantTensors.behind(v);
    }

    static boolean isConstant(Value v) {
        return tensor(v) != null;
    }

    /** True for a one-element numeric tensor equal to {@code expected} within 1e-3 relative. */
    static boolean isScalar(Tensor t, double expected) {
        if (t.elementCount() != 1 || t.type() == DataType.STRING) return false;
        double got = TensorCodec.toFloats(t)[0];
        return Math.abs(got - expected) <= 1e-3 * Math.max(1, Math.abs(expected));
    }

    /** The single number a one-element constant holds, or NaN. */
    static double scalarValue(Value v) {
        Tensor t = v == null ? null : tensor(v);
        if (t == null || t.elementCount() != 1 || t.type() == DataType.STRING) return Double.NaN;
        return TensorCodec.toFloats(t)[0];
    }

    /** The integers of a constant integer tensor, or null. */
    static long[] longs(Value v) {
        Tensor t = v == null ? null : tensor(v);
        if (t == null || !t.type().isInteger()) return null;
        return TensorCodec.toLongs(t);
    }

    /**
     * The entries of a 1-D shape vector such as a Reshape target: constant entries as they are, entries
     * computed at run time (the usual {@code Concat(Unsqueeze(Gather(Shape(x))), ..., [12], [32])} of
     * exporters) as {@link #UNKNOWN}. Null when even the length is unknown.
     */
    static long[] shapeVector(Value v) {
        long[] c = longs(v);
        if (c != null) return c;
        Node p = v == null ? null : v.producer();
        if (p == null) return null;
        if (p.is("Cast")) return shapeVector(p.input(0));
        if (p.is("Concat")) {
            long[][] parts = new long[p.inputs().size()][];
            int n = 0;
            for (int i = 0; i < parts.length; i++) {
                parts[i] = shapeVector(p.input(i));
                if (parts[i] == null) return null;
                n += parts[i].length;
            }
            long[] out = new long[n];
            int at = 0;
            for (long[] part : parts) {
                System.arraycopy(part, 0, out, at, part.length);
                at += part.length;
            }
            return out;
        }
        if (p.is("Unsqueeze") && isScalarShaped(p.input(0))) return new long[] {UNKNOWN};
        if (p.is("Gather") && p.input(0) != null && p.input(0).producer() != null && p.input(0).producer().is("Shape")) {
            long[] idx = longs(p.input(1));
            if (idx != null) {
                long[] out = new long[idx.length];
                java.util.Arrays.fill(out, UNKNOWN);
                return out;
            }
        }
        return null;
    }

    /** True for a value that is certainly a scalar: a Gather of a scalar index from a Shape. */
    private static boolean isScalarShaped(Value v) {
        Node p = v == null ? null : v.producer();
        if (p == null) return false;
        if (p.is("Gather")) {
            org.strata.onnx.Tensor idx = tensor(p.input(1));
            return idx != null && idx.rank() == 0;
        }
        if (p.is("Cast") || p.is("Identity")) return isScalarShaped(p.input(0));
        return false;
    }
}
